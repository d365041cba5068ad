"""Helpers for the pages' tests: releases with a number (or a klarifikasi's fields), the
pages a run wrote, and what a page says to a machine (its JSON-LD)."""

from __future__ import annotations

import datetime as dt
import json
import re
from pathlib import Path
from typing import Any

from newsroom.core.clock import fixed_clock
from newsroom.core.service import Newsroom

from .feedkit import release


def numbered(root: Path, when: dt.datetime, title: str, number: str, **fields: Any) -> str:
    """A release the office numbered by hand before approval (and any other front-matter
    keys, such as a klarifikasi's `kind` and `denies`), approved by a second person."""
    ident = release(root, when, title, approve=False, **fields.pop("release", {}))
    writer = Newsroom.open(root, "ald", fixed_clock(when))
    article = writer.find(ident)
    article.release_number = number
    for key, value in fields.items():
        if hasattr(article, key):
            setattr(article, key, value)
        else:
            article.extra[key] = value
    writer.save_edit(article)
    Newsroom.open(root, "nur", fixed_clock(when)).act(ident, "approve")
    return ident


def pages(root: Path) -> dict[str, tuple[int, bytes]]:
    """Every file of the public record: its mtime and bytes, by path under feeds/."""
    feeds = root / "feeds"
    found = {}
    for path in sorted(feeds.rglob("*")):
        rel = str(path.relative_to(feeds))
        if path.is_file() and (rel.endswith(".html") or rel.startswith("nomor")):
            found[rel] = (path.stat().st_mtime_ns, path.read_bytes())
    return found


def page(root: Path, slug: str) -> str:
    return (root / "feeds" / "siaran-pers" / slug / "index.html").read_text(encoding="utf-8")


def json_ld(text: str) -> dict[str, Any]:
    found = re.search(r'<script type="application/ld\+json">(.*?)</script>', text, re.S)
    assert found, "no JSON-LD"
    data: dict[str, Any] = json.loads(found.group(1))
    return data


def visible_text(text: str) -> str:
    """The page's text as a reader sees it (no head, no tags)."""
    body = text.split("<body>", 1)[1]
    return re.sub(r"\s+", " ", re.sub(r"<[^>]+>", "", body))
