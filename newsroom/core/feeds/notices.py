"""The words of a notice item: a short entry of its own announcing a correction, a
retraction, an embargo's lift, a move of the embargo, the withdrawal of a release held
under it or that release held under embargo again, so that software that only ever
adds new items (WordPress importers, agency ingesters: new guid or new link, else skip)
learns of it.

A notice names the release (title, number, publication date) and links to it; it never
carries the release's text, so a reader that updates items holds the release once plus
the short notice. Its link is the release's page with a fragment (`#ralat-1`): importers
that skip an item whose link they already hold (WP RSS Aggregator does) still take it.
"""

from __future__ import annotations

import datetime as dt
import html
from typing import NamedTuple

from ..config import Config
from ..records import Record
from .content import Rendered, lift_time, local_time
from .entries import again_of
from .plan import AGAIN, CORRECTION, LIFT, MOVED, WITHDRAWN, EntryRef
from .words import correction_head, words

# a retraction's is "dicabut"
FRAGMENTS = {CORRECTION: "ralat-{n}", LIFT: "embargo", MOVED: "embargo-diubah-{n}",
             WITHDRAWN: "embargo-ditarik-{n}", AGAIN: "embargo-lagi-{n}"}  # fmt: skip


class Notice(NamedTuple):
    """What a notice item says: its title, link, HTML content and plain-text summary."""

    title: str
    link: str
    html: str
    text: str


def notice(ref: EntryRef, r: Rendered, config: Config) -> Notice:
    """The notice item for `ref` (a CORRECTION, RETRACTION, LIFT, MOVED, WITHDRAWN or AGAIN
    entry) of release `r`."""
    w = words(r.language)
    if ref.mode == CORRECTION:
        head = correction_head(r.language, ref.number)
        index = min(ref.number, len(r.correction_html)) - 1
        said_html = r.correction_html[index] if index >= 0 else ""
        said = r.correction_text[index] if index >= 0 else ""
    elif ref.mode == LIFT:
        head = w["lift_notice"]
        lifted = f"{w['lifted']} ({local_time(ref.updated, config)})"
        said_html = f"<p><strong>{html.escape(lifted)}:</strong> {w['lifted_text']}.</p>\n"
        said = f"{lifted}: {w['lifted_text']}."
    elif ref.mode in EMBARGO_EVENTS:
        head = w[EMBARGO_EVENTS[ref.mode]] + (f" {ref.number}" if ref.number > 1 else "")
        said_html, said = embargo_said(ref.mode, ref.record, ref.number, r.language, config)
    else:
        head = w["retracted"]
        said_html, said = r.retraction_html, r.retraction_text
    fragment = FRAGMENTS.get(ref.mode, "dicabut").format(n=ref.number)
    named_html, named = _original(ref, r, config)
    return Notice(f"{head}: {r.title}", f"{r.link}#{fragment}", said_html + named_html,
                  f"{said} — {named}")  # fmt: skip


# the embargo's events partners with embargo access are told of, and their notices' heads
EMBARGO_EVENTS = {MOVED: "moved_notice", WITHDRAWN: "withdrawn_notice", AGAIN: "again_notice"}


def embargo_said(
    mode: str, record: Record, number: int, language: str, config: Config
) -> tuple[str, str]:
    """What event `number` of the embargo (MOVED, WITHDRAWN or AGAIN) on `record` says, as
    HTML and as plain text, in `language`: a notice item's, and a private ninjs document's
    `ednote` (ninjs/releases.py)."""
    said = {MOVED: _moved, WITHDRAWN: _withdrawn, AGAIN: _again}[mode]
    return said(record, number, language, config)


def _moved(record: Record, number: int, language: str, config: Config) -> tuple[str, str]:
    """What a move of the embargo says, as HTML and as plain text: when it moved, the new
    lift time and the one before (each in the newsroom's zone and in UTC)."""
    w = words(language)
    at, before, after = record.embargo_moves[number - 1]
    moved = f"{w['moved']} ({local_time(at, config)})"
    told = (f"{w['moved_to']} {lift_time(after, config)}, "
            f"{w['moved_from']} {lift_time(before, config)}")  # fmt: skip
    said_html = f"<p><strong>{html.escape(moved)}:</strong> {html.escape(told)}.</p>\n"
    return said_html, f"{moved}: {told}."


def _withdrawn(record: Record, number: int, language: str, config: Config) -> tuple[str, str]:
    """What a withdrawal says, as HTML and as plain text: when, and that the release held
    under embargo (until the lift partners were shown) must not be published."""
    at, held = record.embargo_withdrawn[number - 1]
    return withdrawal_said(at, held, language, config)


def withdrawal_said(
    at: dt.datetime, held: dt.datetime, language: str, config: Config
) -> tuple[str, str]:
    """A withdrawal at `at` of a release held under embargo until `held`, as HTML and as
    plain text (a notice's; a canceled private ninjs document's `ednote`: ninjs/gone.py)."""
    w = words(language)
    withdrawn = f"{w['withdrawn']} ({local_time(at, config)})"
    told = w["withdrawn_text"].format(lift=lift_time(held, config))
    said_html = f"<p><strong>{html.escape(withdrawn)}:</strong> {html.escape(told)}.</p>\n"
    return said_html, f"{withdrawn}: {told}."


def _again(record: Record, number: int, language: str, config: Config) -> tuple[str, str]:
    """What the embargo again after a withdrawal says, as HTML and as plain text: when, the
    lift the release is held under again (not to be published before it), the one
    withdrawn when it differs, and that its text may differ from what partners hold (it
    was sent back for changes: an importer that only adds items keeps the old text)."""
    w = words(language)
    at, lift = again_of(record, number)
    _, held = record.embargo_withdrawn[number - 1]
    again = f"{w['again']} ({local_time(at, config)})"
    told = w["again_text"].format(lift=lift_time(lift, config))
    if held != lift:
        told += f"; {w['again_before']} {lift_time(held, config)}"
    changed = w["again_changed"]
    said_html = (f"<p><strong>{html.escape(again)}:</strong> {html.escape(told)}. "
                 f"{html.escape(changed)}.</p>\n")  # fmt: skip
    return said_html, f"{again}: {told}. {changed}."


def _original(ref: EntryRef, r: Rendered, config: Config) -> tuple[str, str]:
    """The sentence naming the release, as HTML (its title linked) and as plain text."""
    w = words(r.language)
    parts = [f"{w['number']} {r.release_number}"] if r.release_number else []
    if ref.record.published is not None:
        parts.append(f"{w['published']} {local_time(ref.record.published, config)}")
    details = f" ({', '.join(parts)})" if parts else ""
    link = html.escape(r.link, quote=True)
    named_html = (f'<p>{w["release"]}: <a href="{link}">{html.escape(r.title)}</a>'
                  f"{html.escape(details)}</p>\n")  # fmt: skip
    return named_html, f"{w['release']}: “{r.title}”{details}, {r.link}"
