"""What one entry says, in every format: its title, text, summary, link and dates, and
what an archive page's title adds. RSS and Atom (writers.py) and JSON Feed (jsonfeed.py)
take them from here, so the three formats never say different things."""

from __future__ import annotations

import datetime as dt

from ..config import Config
from .content import Rendered, lift_time
from .notices import notice
from .plan import EMBARGOED, NOTICES, RETRACTED, Doc, EntryRef
from .words import words


def entry_title(ref: EntryRef, r: Rendered, config: Config) -> str:
    """The title partners see, as plain text: marked for embargoes and retractions."""
    w = words(r.language)
    if ref.mode in NOTICES:
        return notice(ref, r, config).title
    if ref.mode == RETRACTED:
        return f"[{w['retracted']}] {r.title}"
    if ref.mode == EMBARGOED and ref.record.embargo is not None:
        return f"{w['embargo']} {lift_time(ref.record.embargo, config)}: {r.title}"
    return r.title


def entry_content(ref: EntryRef, r: Rendered, config: Config) -> str:
    """The entry's HTML: the release, its retraction notice, or a notice item's text."""
    if ref.mode in NOTICES:
        return notice(ref, r, config).html
    return r.retraction_html if ref.mode == RETRACTED else r.content_html


def entry_summary(ref: EntryRef, r: Rendered, config: Config) -> str:
    """The entry's plain-text summary."""
    if ref.mode in NOTICES:
        return notice(ref, r, config).text
    return r.retraction_text if ref.mode == RETRACTED else r.summary


def entry_link(ref: EntryRef, r: Rendered, config: Config) -> str:
    """The release's page; a notice's is the same page with a fragment of its own."""
    return notice(ref, r, config).link if ref.mode in NOTICES else r.link


def archive_label(doc: Doc, language: str) -> str:
    """What an archive page's title adds: " (arsip 2026-06)", " (arsip 2026-06, bagian 2)"."""
    if not doc.archive_month:
        return ""
    w = words(language)
    part = f", {w['part']} {doc.archive_part}" if doc.archive_part > 1 else ""
    return f" ({w['archive']} {doc.archive_month}{part})"


def entry_dates(ref: EntryRef, config: Config) -> tuple[dt.datetime, dt.datetime]:
    """An entry's published and updated times, in the newsroom's zone (never the clock).

    An embargoed entry (private feeds only) is published when it was approved, the moment
    the partner received it, and updated when its embargo last moved (readers that update
    an item when its `updated` moves take the new lift time): its lift time, in the
    future, is in the title and in `dcterms:available`, not in the dates (readers and
    validators distrust future dates).
    """
    record = ref.record
    if ref.mode in NOTICES:  # the moment of its event
        return ref.updated.astimezone(config.tz), ref.updated.astimezone(config.tz)
    if ref.mode == EMBARGOED:
        received = record.approved_at or ref.updated
        return received.astimezone(config.tz), ref.updated.astimezone(config.tz)
    published = record.published or ref.updated
    return published.astimezone(config.tz), max(ref.updated, published).astimezone(config.tz)
