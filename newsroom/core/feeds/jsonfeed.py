"""JSON Feed 1.1, written by hand (feedgen does not know it), with what 1.0 readers need.

- `author` (JSON Feed 1.0) beside `authors` (1.1), for the feed and every item.
- `next_url`: a subscription document leads to its newest archive page, each page to the
  one before it (the JSON pages of the RFC 5005 archives), so every release is reachable.
- `tags` holds the release's categories (what partners file by); the release's own tags
  travel apart, in `_newsroom.tags`.
- `_newsroom` (an extension object, which JSON Feed readers ignore unless they know it):
  `status` (live, embargoed, retracted, or a notice: correction, retraction,
  embargo_lifted, embargo_moved, embargo_withdrawn, embargo_again), `embargo` (the lift
  time of an
  embargoed release, private feeds only), `notice_of` for notices, `correction` for a
  correction's, `move`, `embargo` and `embargo_before` for a move of the embargo's,
  `withdrawal` and `embargo` (the lift partners held) for a withdrawal's, `withdrawal`,
  `embargo` (the lift it is held under again) and, when another, `embargo_before` (the
  lift withdrawn) for the embargo again after one, the photo's caption
  and credit, `release_number` (the office's number for the release), `kind` and
  `denies` (a klarifikasi and the numbers it says are forged).
- `attachments` (JSON Feed's own): each attachment but the photo, with `mime_type`,
  `size_in_bytes` and `title`.
Titles and summaries are plain text here (the format says so): written as typed.
"""

from __future__ import annotations

import datetime as dt
import json
from typing import Any

from ..config import Config
from .content import Rendered
from .entries import again_of
from .entry import archive_label, entry_content, entry_dates, entry_link, entry_summary, entry_title
from .plan import AGAIN, CORRECTION, EMBARGOED, LIVE, MOVED, NOTICES, WITHDRAWN, Doc, EntryRef

VERSION = "https://jsonfeed.org/version/1.1"


def _label(doc: Doc, config: Config) -> str:
    """An archive page's title addition, in its feed's language."""
    return archive_label(doc, doc.feed.language or config.language)


def json_feed(doc: Doc, rendered: dict[str, Rendered], config: Config) -> bytes:
    """The document as JSON Feed 1.1 bytes; equal inputs give equal bytes."""
    publisher = {"name": config.publisher or config.title}
    feed: dict[str, Any] = {
        "version": VERSION, "title": doc.feed.title + _label(doc, config),
        "home_page_url": config.base_url + "/", "feed_url": doc.links["self"],
        "description": doc.feed.description, "language": doc.feed.language or config.language,
        "author": publisher, "authors": [publisher],
    }  # fmt: skip
    if doc.hubs:  # WebSub (JSON Feed 1.1 `hubs`)
        feed["hubs"] = [{"type": "WebSub", "url": hub} for hub in doc.hubs]
    if "prev-archive" in doc.links:  # the older page: JSON Feed's "next n items"
        feed["next_url"] = doc.links["prev-archive"]
    items = [_item(ref, rendered[ref.record.id], config) for ref in doc.entries]
    return _dumps(feed, items).encode("utf-8")


def _dumps(feed: dict[str, Any], items: list[dict[str, Any]]) -> str:
    """The feed with one line per item (a diff shows which items changed). Not `indent`:
    that makes json use its Python encoder, several times slower than its C one."""
    head = json.dumps(feed, ensure_ascii=False)[:-1]
    lines = ",\n".join(json.dumps(item, ensure_ascii=False) for item in items)
    return f'{head}, "items": [\n{lines}\n]}}\n' if items else f'{head}, "items": []}}\n'


def _iso(when: dt.datetime) -> str:
    return when.isoformat()


def _item(ref: EntryRef, r: Rendered, config: Config) -> dict[str, Any]:
    """One item: a release in its state, or a notice of an event on one."""
    published, updated = entry_dates(ref, config)
    item: dict[str, Any] = {
        "id": f"urn:uuid:{ref.key}", "url": entry_link(ref, r, config),
        "title": entry_title(ref, r, config), "content_html": entry_content(ref, r, config),
        "date_published": _iso(published), "date_modified": _iso(updated),
        "language": r.language,
    }  # fmt: skip
    summary = entry_summary(ref, r, config)
    if summary:
        item["summary"] = summary
    if r.author and ref.mode not in NOTICES:
        item["author"] = {"name": r.author}
        item["authors"] = [item["author"]]
    if r.categories:
        item["tags"] = list(r.categories)
    if r.image is not None and ref.mode in (LIVE, EMBARGOED):
        item["image"] = r.image.url
    if r.attachments and ref.mode in (LIVE, EMBARGOED):
        item["attachments"] = [
            {"url": f.url, "mime_type": f.type, "title": f.title, "size_in_bytes": f.length}
            for f in r.attachments
        ]
    item["_newsroom"] = _extension(ref, r, config)
    return item


def _extension(ref: EntryRef, r: Rendered, config: Config) -> dict[str, Any]:
    extra: dict[str, Any] = {"status": ref.mode}
    if ref.mode in NOTICES:
        extra["notice_of"] = f"urn:uuid:{ref.record.id}"
        if ref.number and ref.mode == CORRECTION:
            extra["correction"] = ref.number
        if ref.mode == MOVED:  # which move, and the lift times it moved between
            _, before, after = ref.record.embargo_moves[ref.number - 1]
            extra["move"] = ref.number
            extra["embargo"] = _iso(after.astimezone(config.tz))
            extra["embargo_before"] = _iso(before.astimezone(config.tz))
        if ref.mode == WITHDRAWN:  # which withdrawal, and the lift partners held it under
            _, held = ref.record.embargo_withdrawn[ref.number - 1]
            extra["withdrawal"] = ref.number
            extra["embargo"] = _iso(held.astimezone(config.tz))
        if ref.mode == AGAIN:  # after which withdrawal, and the lift it is held under again
            _, lift = again_of(ref.record, ref.number)
            _, held = ref.record.embargo_withdrawn[ref.number - 1]
            extra["withdrawal"] = ref.number
            extra["embargo"] = _iso(lift.astimezone(config.tz))
            if held != lift:  # (held again at another lift: the one withdrawn)
                extra["embargo_before"] = _iso(held.astimezone(config.tz))
    if r.tags and ref.mode not in NOTICES:
        extra["tags"] = list(r.tags)
    if r.release_number and ref.mode not in NOTICES:
        extra["release_number"] = r.release_number
    if r.kind and ref.mode not in NOTICES:
        extra["kind"] = r.kind
        if r.denies:
            extra["denies"] = list(r.denies)
    if r.image is not None and ref.mode in (LIVE, EMBARGOED):
        extra["image_caption"], extra["image_credit"] = r.image.caption, r.image.credit
    if ref.mode == EMBARGOED and ref.record.embargo:
        extra["embargo"] = _iso(ref.record.embargo.astimezone(config.tz))
    return extra
