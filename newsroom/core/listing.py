"""Releases as plain data for scripts (`--json`) and for any face that lists them."""

from __future__ import annotations

import datetime as dt
from typing import Any

from .errors import Problem
from .model import Article
from .records import Record


def _iso(when: dt.datetime | None) -> str | None:
    return when.isoformat() if when else None


def article_json(article: Article, *, full: bool = False) -> dict[str, Any]:
    """A release as JSON-ready data; `full` adds the body, history and comments."""
    data: dict[str, Any] = {
        "id": article.id,
        "slug": article.slug,
        "title": article.title,
        "status": article.status,
        "path": str(article.path),
        "dateline": article.dateline,
        "author": article.author,
        "categories": article.categories,
        "tags": article.tags,
        "created": _iso(article.created),
        "updated": _iso(article.updated),
        "published": _iso(article.published),
        "embargo": _iso(article.embargo),
    }
    if full:
        data["summary"] = article.summary
        data["credit"] = article.credit
        data["image"] = vars(article.image) if article.image else None
        data["body"] = article.body
        data["history"] = [
            {
                "at": _iso(h.at),
                "by": h.by,
                "action": h.action,
                "from": h.from_,
                "to": h.to,
                "note": h.note,
            }
            for h in article.history
        ]
        data["comments"] = [
            {"at": _iso(c.at), "by": c.by, "text": c.text} for c in article.comments
        ]
    return data


def newest_first(records: list[Record]) -> list[Record]:
    """By last change, newest first; ties broken by id so the order never wobbles."""
    epoch = dt.datetime.min.replace(tzinfo=dt.UTC)
    return sorted(records, key=lambda r: (r.edited or epoch, r.id), reverse=True)


def record_json(record: Record, tz: dt.tzinfo) -> dict[str, Any]:
    """A release as the index knows it, for `newsroom list --json`."""

    def local(when: dt.datetime | None) -> str | None:
        return when.astimezone(tz).isoformat() if when else None

    return {
        "id": record.id,
        "slug": record.slug,
        "title": record.title,
        "status": record.status,
        "path": record.path,
        "dateline": record.dateline,
        "author": record.author,
        "categories": list(record.categories),
        "tags": list(record.tags),
        "updated": local(record.edited),
        "published": local(record.published),
        "embargo": local(record.embargo),
    }


def listing_json(records: list[Record], problems: list[Problem], tz: dt.tzinfo) -> dict[str, Any]:
    """`newsroom list --json`: the releases and the broken files."""
    return {
        "articles": [record_json(r, tz) for r in records],
        "problems": [{"path": str(p.path), "line": p.line, "message": p.message} for p in problems],
    }
