"""Turn a planned document into bytes: RSS 2.0 and Atom through feedgen, JSON Feed 1.1 by hand.

Every timestamp comes from the articles (feedgen would otherwise use the clock),
entries are appended in order (feedgen prepends by default), and content is
escaped HTML (never `type='CDATA'`, which is invalid Atom).
"""

from __future__ import annotations

import datetime as dt
import json
from typing import Any

from feedgen.entry import FeedEntry
from feedgen.feed import FeedGenerator

from ... import __version__
from ..clock import zone_abbreviation
from ..config import Config
from .content import Rendered, words
from .ext import NewsroomEntry, NewsroomFeed
from .plan import EMBARGOED, RETRACTED, Doc, EntryRef

GENERATOR = ("newsroom", __version__)
BUILT_MAX = 400  # entries kept for the documents still to write in this run
_BUILT: dict[tuple[str, str, str], Any] = {}  # (id, digest, state) -> feedgen entry
MEDIA_TYPES = {"rss": "application/rss+xml", "atom": "application/atom+xml",
               "json": "application/feed+json"}  # fmt: skip


def write_doc(doc: Doc, rendered: dict[str, Rendered], config: Config) -> bytes:
    """The document's bytes; equal inputs always give equal bytes."""
    if doc.format == "json":
        return _json_feed(doc, rendered, config)
    fg = _feed(doc, config, rendered)
    for ref in doc.entries:
        fg.add_entry(_entry(ref, rendered[ref.record.id], config), order="append")
    if doc.format == "atom":
        data: bytes = fg.atom_str(pretty=True, encoding="UTF-8")
    else:
        data = fg.rss_str(pretty=True, encoding="UTF-8")
    return data


def entry_title(ref: EntryRef, r: Rendered, config: Config) -> str:
    """The title partners see: marked for embargoes and retractions."""
    w = words(r.language)
    if ref.mode == RETRACTED:
        return f"[{w['retracted']}] {r.title}"
    if ref.mode == EMBARGOED and ref.record.embargo is not None:
        lift = ref.record.embargo
        local = lift.astimezone(config.tz)
        utc = lift.astimezone(dt.UTC)
        zone = zone_abbreviation(config.timezone, local)
        return f"{w['embargo']} {local:%d-%m-%Y %H:%M} {zone} ({utc:%H:%M} UTC): {r.title}"
    return r.title


def entry_content(ref: EntryRef, r: Rendered) -> str:
    return r.retraction_html if ref.mode == RETRACTED else r.content_html


def _feed(doc: Doc, config: Config, rendered: dict[str, Rendered]) -> Any:
    fg = FeedGenerator()
    fg.register_extension("newsroom", NewsroomFeed, NewsroomEntry)
    spec = doc.feed
    self_url = doc.links["self"]
    fg.id(doc.links.get("current", self_url))
    fg.title(spec.title + _archive_label(doc))
    fg.subtitle(spec.description)
    fg.description(spec.description)
    fg.language(config.language)
    fg.generator(*GENERATOR)
    fg.author({"name": config.publisher or config.title})
    fg.link(href=self_url, rel="self", type=MEDIA_TYPES[doc.format])
    ext: NewsroomFeed = fg.newsroom
    for rel in ("current", "prev-archive", "next-archive"):
        if rel in doc.links:
            fg.link(href=doc.links[rel], rel=rel, type=MEDIA_TYPES[doc.format])
            ext.links.append((rel, doc.links[rel], MEDIA_TYPES[doc.format]))
    fg.link(href=config.base_url + "/", rel="alternate", type="text/html")  # last: RSS <link>
    fg.updated(doc.updated.astimezone(config.tz))
    fg.lastBuildDate(doc.updated.astimezone(config.tz))
    fg.ttl(config.ttl)
    ext.archive = bool(doc.archive_month)
    ext.tombstones = [(f"urn:uuid:{t.record.id}",
                       (t.record.retracted_at or t.updated).astimezone(config.tz),
                       "retracted") for t in doc.tombstones]
    ext.prefixes = _prefixes(doc, rendered)
    return fg


def _archive_label(doc: Doc) -> str:
    if not doc.archive_month:
        return ""
    part = f", bagian {doc.archive_part}" if doc.archive_part > 1 else ""
    return f" (arsip {doc.archive_month}{part})"


def _prefixes(doc: Doc, rendered: dict[str, Rendered]) -> set[str]:
    """Only the namespaces this document uses: validators warn about unused ones."""
    used = {"dc"} if doc.format == "rss" else set()
    if any(rendered[e.record.id].image is not None and e.mode != RETRACTED for e in doc.entries):
        used.add("media")
    if any(e.mode == EMBARGOED for e in doc.entries):
        used.add("dcterms")
    if doc.archive_month:
        used.add("fh")
    if doc.tombstones:
        used.add("at")
    return used


def _entry(ref: EntryRef, r: Rendered, config: Config) -> Any:
    """The feedgen entry of a release in a state, built once per run and process: a
    release is in several documents (its feed's RSS and Atom, its category's, each
    partner's), and feedgen only reads an entry when it writes a document."""
    key = (ref.record.id, ref.record.digest, ref.mode)
    entry = _BUILT.get(key)
    if entry is None:
        entry = _BUILT[key] = _build_entry(ref, r, config)
        if len(_BUILT) > BUILT_MAX:
            del _BUILT[next(iter(_BUILT))]
    return entry


def forget_entries() -> None:
    """End of a run: the next one may have another config (zone, base URL)."""
    _BUILT.clear()


def _build_entry(ref: EntryRef, r: Rendered, config: Config) -> Any:
    record = ref.record
    entry = FeedEntry()
    entry.register_extension("newsroom", NewsroomEntry)
    entry.id(f"urn:uuid:{record.id}")
    entry.guid(f"urn:uuid:{record.id}", permalink=False)
    entry.title(entry_title(ref, r, config))
    entry.link(href=r.link, rel="alternate", type="text/html")
    published, updated = _dates(ref, config)
    entry.published(published)
    entry.updated(updated)
    entry.content(entry_content(ref, r), type="html")
    summary = r.retraction_text if ref.mode == RETRACTED else r.summary
    if summary:
        entry.summary(summary)  # also RSS <description>; feedgen's description() would
        # overwrite the Atom content with the summary
    if r.author:
        entry.author(name=r.author)
    categories = [{"term": c, "scheme": f"{config.base_url}/kategori/", "label": c}
                  for c in r.categories]
    categories += [{"term": t, "scheme": f"{config.base_url}/tag/", "label": t} for t in r.tags]
    if categories:
        entry.category(categories)
    ext: NewsroomEntry = entry.newsroom
    ext.creator, ext.language, ext.link = r.author, r.language, r.link
    ext.image = r.image if ref.mode != RETRACTED else None
    ext.embargo = record.embargo if ref.mode == EMBARGOED else None
    return entry


def _dates(ref: EntryRef, config: Config) -> tuple[dt.datetime, dt.datetime]:
    """An entry's published and updated times, in the newsroom's zone (never the clock).

    An embargoed entry (private feeds only) is dated when it was approved, the moment the
    partner received it: its lift time, in the future, is in the title and in
    `dcterms:available`, not in the dates (readers and validators distrust future dates).
    """
    record = ref.record
    if ref.mode == EMBARGOED:
        return ref.updated.astimezone(config.tz), ref.updated.astimezone(config.tz)
    published = record.published or ref.updated
    return published.astimezone(config.tz), max(ref.updated, published).astimezone(config.tz)


def _iso(when: dt.datetime) -> str:
    return when.isoformat()


def _json_feed(doc: Doc, rendered: dict[str, Rendered], config: Config) -> bytes:
    items = []
    for ref in doc.entries:
        r = rendered[ref.record.id]
        record = ref.record
        published, updated = _dates(ref, config)
        item: dict[str, Any] = {
            "id": f"urn:uuid:{record.id}", "url": r.link, "title": entry_title(ref, r, config),
            "content_html": entry_content(ref, r), "date_published": _iso(published),
            "date_modified": _iso(updated), "language": r.language,
        }
        summary = r.retraction_text if ref.mode == RETRACTED else r.summary
        if summary:
            item["summary"] = summary
        if r.author:
            item["authors"] = [{"name": r.author}]
        if r.categories or r.tags:
            item["tags"] = [*r.categories, *r.tags]
        extra: dict[str, Any] = {"status": ref.mode}
        if r.image is not None and ref.mode != RETRACTED:
            item["image"] = r.image.url
            extra["image_caption"], extra["image_credit"] = r.image.caption, r.image.credit
        if ref.mode == EMBARGOED and record.embargo:
            extra["embargo"] = _iso(record.embargo.astimezone(config.tz))
        item["_newsroom"] = extra
        items.append(item)
    feed = {
        "version": "https://jsonfeed.org/version/1.1", "title": doc.feed.title,
        "home_page_url": config.base_url + "/", "feed_url": doc.links["self"],
        "description": doc.feed.description, "language": config.language,
        "authors": [{"name": config.publisher or config.title}], "items": items,
    }
    return (json.dumps(feed, ensure_ascii=False, indent=2) + "\n").encode("utf-8")
