"""Releases as plain data for scripts (`--json`) and for any face that lists them."""

from __future__ import annotations

import datetime as dt
from typing import Any

from .errors import Problem
from .model import Article
from .records import Record
from .view import attachment_form


def _iso(when: dt.datetime | None, tz: dt.tzinfo) -> str | None:
    """A time in the newsroom's zone, ISO 8601 with its offset (None stays None)."""
    return when.astimezone(tz).isoformat() if when else None


def article_json(article: Article, tz: dt.tzinfo, *, full: bool = False) -> dict[str, Any]:
    """A release read from its file, in the one shape a release has for scripts (that of
    `newsroom list --json`); `full` adds its text, creation, history and comments."""
    from .records import to_record

    data = record_json(to_record(article, tz, digest=""), tz)
    if article.denies:
        data["denies"] = list(article.denies)
    data["attachments"] = [attachment_form(a) for a in article.attachments]
    if full:
        data["summary"] = article.summary
        data["credit"] = article.credit
        data["image"] = vars(article.image) if article.image else None
        data["body"] = article.body
        data["created"] = _iso(article.created, tz)
        data["history"] = [
            {"at": _iso(h.at, tz), "by": h.by, "action": h.action, "from": h.from_, "to": h.to,
             "note": h.note}
            for h in article.history
        ]  # fmt: skip
        data["comments"] = [
            {"at": _iso(c.at, tz), "by": c.by, "text": c.text} for c in article.comments
        ]
    return data


def newest_first(records: list[Record]) -> list[Record]:
    """By last change, newest first; ties broken by id so the order never wobbles."""
    epoch = dt.datetime.min.replace(tzinfo=dt.UTC)
    return sorted(records, key=lambda r: (r.edited or epoch, r.id), reverse=True)


def record_json(record: Record, tz: dt.tzinfo) -> dict[str, Any]:
    """A release as the index knows it: the one shape of a release for scripts."""
    return {
        "id": record.id,
        "slug": record.slug,
        "title": record.title,
        "status": record.status,
        "kind": record.kind or "siaran-pers",
        "number": record.number or None,
        "language": record.language,
        "translation_of": record.translation_of or None,
        "path": record.path,
        "dateline": record.dateline,
        "author": record.author,
        "categories": list(record.categories),
        "tags": list(record.tags),
        "updated": _iso(record.edited, tz),
        "published": _iso(record.published, tz),
        "embargo": _iso(record.embargo, tz),
    }


def listing_json(records: list[Record], problems: list[Problem], tz: dt.tzinfo) -> dict[str, Any]:
    """`newsroom list --json`: the releases and the broken files."""
    return {
        "articles": [record_json(r, tz) for r in records],
        "problems": [{"path": str(p.path), "line": p.line, "message": p.message} for p in problems],
    }
