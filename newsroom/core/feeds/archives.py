"""RFC 5005 archives: a feed's published releases by month, in pages of ARCHIVE_PAGE,
each page a document per format, linked in one chain that leads back to the feed.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import NamedTuple

from ..config import Config
from ..records import Record
from .entries import (
    ARCHIVE_SUFFIXES,
    FORMATS,
    NAMES,
    RETRACTED,
    Doc,
    EntryRef,
    FeedSpec,
    doc_path,
    feed_url,
)

ARCHIVE_PAGE = 100  # entries in one archive document at most (a busy month has several)
Digest = Callable[[tuple[EntryRef, ...], tuple[EntryRef, ...]], str]  # entries, tombstones


class Page(NamedTuple):
    """One archive document's share of a feed: part `part` of `month`, newest first."""

    month: str
    part: int
    entries: tuple[EntryRef, ...]


def archive_path(spec: FeedSpec, page: Page, fmt: str) -> str:
    name = page.month if page.part == 1 else f"{page.month}-p{page.part}"
    return doc_path(spec, f"archive/{name}{ARCHIVE_SUFFIXES[fmt]}")


def archive_pages(records: list[Record], archived: dict[str, EntryRef]) -> list[Page]:
    """A feed's published releases by month of publication, oldest month first, each month
    cut into pages of ARCHIVE_PAGE from its oldest release on.

    Cut from the oldest, a month's pages stay put as it grows: a new release changes its
    month's last page only, so a busy month never makes a publish rebuild hundreds of
    entries (a month's first page keeps the plain name YYYY-MM)."""
    by_month: dict[str, list[EntryRef]] = {}
    for r in records:  # newest first, so each month's list is too
        ref = archived.get(r.id)
        if ref is not None:
            by_month.setdefault(r.month, []).append(ref)
    pages = []
    for month in sorted(by_month):
        refs = by_month[month]
        end = len(refs)
        for part in range(1, (end + ARCHIVE_PAGE - 1) // ARCHIVE_PAGE + 1):
            pages.append(Page(month, part, tuple(refs[max(0, end - ARCHIVE_PAGE) : end])))
            end -= ARCHIVE_PAGE
    return pages


def archive_docs(config: Config, spec: FeedSpec, pages: list[Page], digests: Digest) -> list[Doc]:
    """One RFC 5005 archive document per page and format, oldest first, linked in a chain
    (a page's RSS, Atom and JSON documents side by side: written together, they share
    entries). JSON Feed has no archives of its own: its pages are chained by `next_url`
    (the older page, RFC 5005's prev-archive).

    Archives exist once a feed holds more releases than its subscription document
    carries. A month's pages are closed once a later month has one; from then on they
    change only to carry a correction or retraction of an entry they hold.
    """
    docs = []
    for i, page in enumerate(pages):
        for fmt in FORMATS:
            path = archive_path(spec, page, fmt)
            current = feed_url(config, doc_path(spec, NAMES[fmt]))
            links = {"self": feed_url(config, path), "current": current}
            if i > 0:
                links["prev-archive"] = feed_url(config, archive_path(spec, pages[i - 1], fmt))
            if i + 1 < len(pages):
                links["next-archive"] = feed_url(config, archive_path(spec, pages[i + 1], fmt))
            gone = tuple(e for e in page.entries if e.mode == RETRACTED) if fmt == "atom" else ()
            docs.append(Doc(path, fmt, spec, page.entries, gone, page.month, page.part, links,
                            digests(page.entries, gone)))  # fmt: skip
    return docs
