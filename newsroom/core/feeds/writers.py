"""Turn a planned document into bytes: RSS 2.0 and Atom through feedgen, JSON Feed 1.1 by hand.

Every timestamp comes from the articles (feedgen would otherwise use the clock),
entries are appended in order (feedgen prepends by default), and content is
escaped HTML (never `type='CDATA'`, which is invalid Atom). Plain text stays plain
text in every format (see plaintext.py). Categories are the release's categories only:
consumers file every RSS/Atom category alike (a WordPress import makes each one a
category), so tags travel only in JSON Feed, under `_newsroom.tags`.
"""

from __future__ import annotations

from typing import Any

from feedgen.entry import FeedEntry
from feedgen.feed import FeedGenerator

from ... import __version__
from ..config import Config
from .content import Rendered
from .entry import archive_label, entry_content, entry_dates, entry_link, entry_summary, entry_title
from .ext import NewsroomEntry, NewsroomFeed
from .plaintext import as_html, for_xml, unmark
from .plan import EMBARGOED, LIVE, NOTICES, Doc, EntryRef

GENERATOR = ("newsroom", __version__)
BUILT_MAX = 400  # entries kept for the documents still to write in this run
Built = dict[tuple[str, str, str, int], Any]  # (id, digest, state, n) -> feedgen entry
MEDIA_TYPES = {"rss": "application/rss+xml", "atom": "application/atom+xml",
               "json": "application/feed+json"}  # fmt: skip


def write_doc(
    doc: Doc, rendered: dict[str, Rendered], config: Config, built: Built | None = None
) -> bytes:
    """An RSS or Atom document's bytes (JSON Feed: jsonfeed.py; output.document_bytes
    chooses); equal inputs always give equal bytes. `built` keeps feedgen entries between
    the documents of one run (the writer that owns it forgets it)."""
    fg = _feed(doc, config, rendered)
    built = {} if built is None else built
    for ref in doc.entries:
        fg.add_entry(_entry(ref, rendered[ref.record.id], config, built), order="append")
    if doc.format == "atom":
        data: bytes = fg.atom_str(pretty=True, encoding="UTF-8")
    else:
        data = fg.rss_str(pretty=True, encoding="UTF-8")
    return unmark(data, doc.format)


def _feed(doc: Doc, config: Config, rendered: dict[str, Rendered]) -> Any:
    fg = FeedGenerator()
    fg.register_extension("newsroom", NewsroomFeed, NewsroomEntry)
    spec = doc.feed
    self_url = doc.links["self"]
    ext: NewsroomFeed = fg.newsroom
    fg.id(doc.links.get("current", self_url))
    label = archive_label(doc, spec.language or config.language)  # in the feed's language
    title, ext.title_html = for_xml(spec.title + label)
    fg.title(title)
    subtitle, ext.subtitle_html = for_xml(spec.description)
    fg.subtitle(subtitle)  # also the RSS description
    fg.language(spec.language or config.language)
    fg.generator(*GENERATOR)
    fg.author({"name": config.publisher or config.title})
    fg.link(href=self_url, rel="self", type=MEDIA_TYPES[doc.format])
    for hub in doc.hubs:  # WebSub: subscribers find the hub beside the self link
        fg.link(href=hub, rel="hub")
        ext.links.append(("hub", hub, ""))
    for rel in ("current", "prev-archive", "next-archive"):
        if rel in doc.links:
            fg.link(href=doc.links[rel], rel=rel, type=MEDIA_TYPES[doc.format])
            ext.links.append((rel, doc.links[rel], MEDIA_TYPES[doc.format]))
    fg.link(href=config.base_url + "/", rel="alternate", type="text/html")  # last: RSS <link>
    fg.updated(doc.updated.astimezone(config.tz))
    fg.lastBuildDate(doc.updated.astimezone(config.tz))
    fg.ttl(config.ttl)
    ext.archive = bool(doc.archive_month)
    ext.tombstones = [
        (
            f"urn:uuid:{t.record.id}",
            (t.record.retracted_at or t.updated).astimezone(config.tz),
            "retracted",
        )
        for t in doc.tombstones
    ]
    ext.prefixes = _prefixes(doc, rendered)
    return fg


def _prefixes(doc: Doc, rendered: dict[str, Rendered]) -> set[str]:
    """Only the namespaces this document uses: validators warn about unused ones."""
    used = {"dc"} if doc.format == "rss" else set()
    with_media = (LIVE, EMBARGOED)
    if any((rendered[e.record.id].image is not None and e.mode in with_media)
           or (doc.format == "rss" and rendered[e.record.id].attachments and e.mode in with_media)
           for e in doc.entries):  # fmt: skip
        used.add("media")
    if doc.format == "atom" and any(
        rendered[e.record.id].release_number and e.mode not in NOTICES for e in doc.entries
    ):
        used.add("dc")
    if any(e.mode == EMBARGOED for e in doc.entries):
        used.add("dcterms")
    if doc.archive_month:
        used.add("fh")
    if doc.tombstones:
        used.add("at")
    return used


def _entry(ref: EntryRef, r: Rendered, config: Config, built: Built) -> Any:
    """The feedgen entry of a release in a state, built once per run and process: a
    release is in several documents (its feed's RSS and Atom, its category's, each
    partner's), and feedgen only reads an entry when it writes a document."""
    key = (ref.record.id, ref.record.digest, ref.mode, ref.number)
    entry = built.get(key)
    if entry is None:
        entry = built[key] = _build_entry(ref, r, config)
        if len(built) > BUILT_MAX:
            del built[next(iter(built))]
    return entry


def _build_entry(ref: EntryRef, r: Rendered, config: Config) -> Any:
    record = ref.record
    entry = FeedEntry()
    entry.register_extension("newsroom", NewsroomEntry)
    ext: NewsroomEntry = entry.newsroom
    entry.id(f"urn:uuid:{ref.key}")
    entry.guid(f"urn:uuid:{ref.key}", permalink=False)
    title, ext.title_html = for_xml(entry_title(ref, r, config))
    entry.title(title)
    link = entry_link(ref, r, config)
    entry.link(href=link, rel="alternate", type="text/html")
    published, updated = entry_dates(ref, config)
    entry.published(published)
    entry.updated(updated)
    entry.content(entry_content(ref, r, config), type="html")
    summary = entry_summary(ref, r, config)
    if summary:  # HTML: the RSS <description> is HTML, and so is Atom's type="html"
        entry.summary(as_html(summary), type="html")  # feedgen's description() would
        # overwrite the Atom content with the summary
    release = ref.mode not in NOTICES  # a notice names the release; it is not one
    if r.author and release:
        entry.author(name=r.author)
    if r.categories:
        entry.category([{"term": c, "scheme": f"{config.base_url}/kategori/", "label": c}
                        for c in r.categories])  # fmt: skip
    ext.creator = r.author if release else ""
    ext.language, ext.link = r.language, link
    ext.image = r.image if ref.mode in (LIVE, EMBARGOED) else None
    ext.files = r.attachments if ref.mode in (LIVE, EMBARGOED) else ()
    ext.number = r.release_number if release else ""
    ext.embargo = record.embargo if ref.mode == EMBARGOED else None
    return entry
