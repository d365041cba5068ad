"""ninjs' index pages: a release as an index lists it, and a page's bytes (output.py decides
which pages are made again, and stages them)."""

from __future__ import annotations

import datetime as dt
from typing import Any

from ..config import Config
from ..errors import NewsroomError
from ..model import Status
from ..records import Record
from .document import CURRENT, dumps, local_iso, release_dir
from .releases import events, public, version_of


def page_bytes(config: Config, members: list[Record], prev: str, folder: str,
               now: dt.datetime, ghosts: list[dict[str, Any]] | None = None) -> bytes:  # fmt: skip
    """An index page: `members` in the order given, `prev` the page before it. A private
    index lists first the canceled documents of releases whose file went away (gone.py)."""
    private_dir = folder if folder.startswith("private/") else ""
    items = [*(ghosts or ()), *(item(config, r, now, private_dir) for r in members)]
    doc: dict[str, Any] = {"items": items}
    if prev:
        doc["prev"] = prev
    return dumps(doc)


def item(config: Config, r: Record, now: dt.datetime, private_dir: str = "") -> dict[str, Any]:
    """A release as an index lists it (made for each page that lists it: kept, they
    held 100,000 dicts at a first run)."""
    if not private_dir or public(r):
        private_dir = ""
    status = "canceled" if r.status == Status.RETRACTED else "usable"
    when = r.retracted_at or (r.corrected[-1] if r.corrected else r.published) or r.embargo
    if r.published is None and (found := events(r)):  # a private version after version 1
        when = found[-1][0]
        status = "usable" if r.embargo_ahead(now) else "withheld"
    path = f"{private_dir}/{r.slug}.json" if private_dir else f"{release_dir(r.slug)}/{CURRENT}"
    listed = {
        "uri": f"urn:uuid:{r.id}", "version": str(version_of(r)), "pubstatus": status,
        "versioncreated": local_iso(when, config) if when else "",
        "headline": headline(config, r), "href": url(config, path),
    }  # fmt: skip
    if r.number:
        listed["releasenumber"] = r.number
    return listed


def headline(config: Config, r: Record) -> str:
    """The title partners see: the record's, unless a correction is under way (then the
    record has the one being written, and the published version's is in the file)."""
    if not r.live or r.status in (Status.PUBLISHED, Status.RETRACTED):
        return r.title
    from ..records import reread
    from ..view import partner_text

    try:  # (one held back: only as it was read, never a text changed by hand)
        held = r.problem is not None
        return partner_text(reread(config, r.path, r.id, r.digest, held)).title
    except (NewsroomError, OSError, ValueError):
        return ""  # never the text under review


def url(config: Config, path: str) -> str:
    return f"{config.feeds_base}/{path}"
