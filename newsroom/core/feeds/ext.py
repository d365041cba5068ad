"""feedgen extensions for what feedgen 1.0.0 lacks or gets wrong.

- Media RSS `media:content` with `media:description` (caption) and `media:credit`.
- `dc:creator` (RSS) and `dcterms:available` (the embargo lift time, machine-readable).
- `dc:identifier`: the release number (RSS and Atom), the one machine-readable element every
  feed reader and aggregator already knows for an identifier a publisher gives.
- Attachments: Atom `link rel="enclosure"` each; RSS allows one `enclosure` (the photo when
  it is local, else the first attachment) and carries each attachment as `media:content`.
- Enclosures written by hand: feedgen's Atom entry links lose `rel`/`type`, which
  would turn an enclosure into a second alternate link (invalid Atom).
- RFC 5005 `fh:archive` and archive links in RSS; RFC 6721 `at:deleted-entry` tombstones.
- `type="html"` on Atom titles (and media captions) that hold plain text escaped as HTML
  (see plaintext.py): feedgen cannot say so.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from feedgen.ext.base import BaseEntryExtension, BaseExtension
from feedgen.util import xml_elem

from .plaintext import for_xml

ATOM = "http://www.w3.org/2005/Atom"
NAMESPACES = {
    "media": "http://search.yahoo.com/mrss/",
    "dc": "http://purl.org/dc/elements/1.1/",
    "dcterms": "http://purl.org/dc/terms/",
    "fh": "http://purl.org/syndication/history/1.0",
    "at": "http://purl.org/atompub/tombstones/1.0",
}


def _q(prefix: str, name: str) -> str:
    return f"{{{NAMESPACES[prefix]}}}{name}"


def _utc(when: dt.datetime) -> str:
    return when.astimezone(dt.UTC).strftime("%Y-%m-%dT%H:%M:%SZ")


class NewsroomFeed(BaseExtension):  # type: ignore[misc]
    """Feed-level additions: archive marker, archive links (RSS), tombstones (Atom)."""

    def __init__(self) -> None:
        self.archive = False
        self.links: list[tuple[str, str, str]] = []  # (rel, href, type or "") beyond self/alternate
        self.tombstones: list[tuple[str, dt.datetime, str]] = []  # (ref, when, comment)
        self.prefixes: set[str] = set()  # namespaces the document uses (validators flag others)
        self.title_html = False  # the title and subtitle are plain text escaped as HTML
        self.subtitle_html = False

    def extend_ns(self) -> dict[str, str]:
        return {p: NAMESPACES[p] for p in sorted(self.prefixes)}

    def extend_atom(self, feed: Any) -> Any:
        _declare_html(feed, "title", self.title_html)
        _declare_html(feed, "subtitle", self.subtitle_html)
        if self.archive:
            xml_elem(_q("fh", "archive"), feed)
        for ref, when, comment in self.tombstones:
            gone = xml_elem(_q("at", "deleted-entry"), feed, ref=ref, when=when.isoformat())
            if comment:
                xml_elem(_q("at", "comment"), gone).text = comment
        return feed

    def extend_rss(self, feed: Any) -> Any:
        channel = feed[0]
        if self.archive:
            xml_elem(_q("fh", "archive"), channel)
        for rel, href, kind in self.links:
            attrs = {"rel": rel, "href": href, **({"type": kind} if kind else {})}
            xml_elem(f"{{{ATOM}}}link", channel, **attrs)
        return feed


class NewsroomEntry(BaseEntryExtension):  # type: ignore[misc]
    """Entry-level additions: creator, language, photo, enclosure, embargo, link repair."""

    def __init__(self) -> None:
        self.creator = ""
        self.language = ""
        self.link = ""
        self.image: Any = None  # content.ImageInfo
        self.embargo: dt.datetime | None = None
        self.title_html = False  # the title is plain text escaped as HTML
        self.number = ""  # the release number (dc:identifier)
        self.files: tuple[Any, ...] = ()  # content.FileInfo: the attachments but the photo

    def _media(self, entry: Any) -> None:
        image = self.image
        if image is None:
            return
        attrs = {"url": image.url, "type": image.type, "medium": "image"}
        if image.length is not None:
            attrs["fileSize"] = str(image.length)
        media = xml_elem(_q("media", "content"), entry, **attrs)
        if image.caption:
            caption, escaped = for_xml(image.caption)
            kind = "html" if escaped else "plain"
            xml_elem(_q("media", "description"), media, type=kind).text = caption
        if image.credit:
            xml_elem(_q("media", "credit"), media).text = image.credit

    def _documents(self, entry: Any) -> None:
        for file in self.files:
            media = xml_elem(_q("media", "content"), entry, url=file.url, type=file.type,
                             fileSize=str(file.length), medium=_medium(file.type))  # fmt: skip
            title, escaped = for_xml(file.title)
            xml_elem(_q("media", "title"), media, type="html" if escaped else "plain").text = title

    def extend_rss(self, entry: Any) -> Any:
        if self.creator:
            xml_elem(_q("dc", "creator"), entry).text = self.creator
        if self.language:
            xml_elem(_q("dc", "language"), entry).text = self.language
        if self.number:
            xml_elem(_q("dc", "identifier"), entry).text = self.number
        image = self.image
        if image is not None and image.length is not None:
            xml_elem("enclosure", entry, url=image.url, length=str(image.length), type=image.type)
        elif self.files:
            first = self.files[0]
            xml_elem("enclosure", entry, url=first.url, length=str(first.length), type=first.type)
        self._media(entry)
        self._documents(entry)
        if self.embargo is not None:
            xml_elem(_q("dcterms", "available"), entry).text = _utc(self.embargo)
        return entry

    def extend_atom(self, entry: Any) -> Any:
        # feedgen builds Atom elements without a namespace (the root declares the default one).
        _declare_html(entry, "title", self.title_html)
        for link in entry.findall("link"):
            if link.get("href") == self.link:  # feedgen dropped rel and type: put them back
                link.set("rel", "alternate")
                link.set("type", "text/html")
        if self.language:
            entry.set("{http://www.w3.org/XML/1998/namespace}lang", self.language)
        image = self.image
        if image is not None and image.length is not None:
            xml_elem(
                "link",
                entry,
                rel="enclosure",
                href=image.url,
                type=image.type,
                length=str(image.length),
            )
        for file in self.files:
            xml_elem("link", entry, rel="enclosure", href=file.url, type=file.type,
                     length=str(file.length), title=file.title)  # fmt: skip
        if self.number:
            xml_elem(_q("dc", "identifier"), entry).text = self.number
        self._media(entry)
        if self.embargo is not None:
            xml_elem(_q("dcterms", "available"), entry).text = _utc(self.embargo)
        return entry


def _medium(kind: str) -> str:
    """Media RSS's `medium` of a file: image, audio, video, else document."""
    major = kind.split("/", 1)[0]
    return major if major in ("image", "audio", "video") else "document"


def _declare_html(parent: Any, name: str, escaped: bool) -> None:
    """Mark an Atom text construct holding escaped HTML as such (RFC 4287 3.1.1)."""
    element = parent.find(name) if escaped else None
    if element is not None:
        element.set("type", "html")
