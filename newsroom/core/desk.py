"""The desk: the releases as editors see them, by status view, filtered live and sorted.

Pure data over the cached index, so the TUI stays thin and fast: a filter runs
`str.find` over one joined, lower-cased text of every release (C speed), not a
Python loop over ten thousand articles.
"""

from __future__ import annotations

import datetime as dt
from bisect import bisect_right
from collections.abc import Iterable
from dataclasses import dataclass

from .config import Config
from .errors import Problem
from .index import Cache, Record, refresh, scan

EPOCH = dt.datetime(1970, 1, 1, tzinfo=dt.UTC)
VIEWS = ("all", "mine", "draft", "in_review", "changes_requested", "approved", "published",
         "correcting", "retracted")  # fmt: skip
SORTS = ("updated", "title", "status")
STATUS_ORDER = {s: i for i, s in enumerate(VIEWS[2:])}


@dataclass(frozen=True)
class Broken:
    """A file that does not load, shown on the desk so someone fixes it."""

    problem: Problem

    @property
    def path(self) -> str:
        return str(self.problem.path)


Row = Record | Broken


def waiting_for(record: Record, actor: str) -> bool:
    """In review and not last changed by this person: theirs to review."""
    return record.status == "in_review" and record.last_editor != actor


class Desk:
    """Every release, newest change first, with a search text per release."""

    def __init__(
        self, records: Iterable[Record], texts: dict[str, str], problems: Iterable[Problem] = ()
    ) -> None:
        self.records = sorted(records, key=lambda r: (r.edited or EPOCH, r.id), reverse=True)
        self.broken = [Broken(p) for p in problems]
        parts = [
            texts.get(r.path) or f"{r.title}\n{r.summary}\n{' '.join(r.tags)}".lower()
            for r in self.records
        ]
        self.starts: list[int] = []
        position = 0
        for part in parts:
            self.starts.append(position)
            position += len(part) + 1
        self.haystack = "\0".join(parts)

    def counts(self, actor: str) -> dict[str, int]:
        """How many releases each view shows."""
        counts = dict.fromkeys(VIEWS, 0)
        counts["all"] = len(self.records) + len(self.broken)
        for r in self.records:
            counts[r.status] = counts.get(r.status, 0) + 1
            if waiting_for(r, actor):
                counts["mine"] += 1
        return counts

    def select(self, view: str, query: str, actor: str, sort: str = "updated") -> list[Row]:
        """The rows of a view whose text holds every word of the query, in the chosen order."""
        hits = self._search(query)
        chosen: list[Row] = [
            r
            for i, r in enumerate(self.records)
            if (hits is None or i in hits) and self._in_view(r, view, actor)
        ]
        if sort == "title":
            chosen.sort(key=lambda r: r.title.casefold() if isinstance(r, Record) else "")
        elif sort == "status":
            chosen.sort(
                key=lambda r: STATUS_ORDER.get(r.status, 99) if isinstance(r, Record) else -1
            )
        if view == "all":
            words = query.lower().split()
            broken: list[Row] = [
                b for b in self.broken if all(w in str(b.problem).lower() for w in words)
            ]
            chosen = broken + chosen
        return chosen

    @staticmethod
    def _in_view(record: Record, view: str, actor: str) -> bool:
        if view == "all":
            return True
        if view == "mine":
            return waiting_for(record, actor)
        return record.status == view

    def _search(self, query: str) -> set[int] | None:
        """Indexes of releases holding every word (None: no query, everything matches)."""
        words = query.lower().split()
        if not words:
            return None
        result: set[int] | None = None
        for word in words:
            found = self._find(word, result)
            result = found if result is None else result & found
            if not result:
                return set()
        return result

    def _find(self, word: str, within: set[int] | None) -> set[int]:
        hay, starts = self.haystack, self.starts
        found: set[int] = set()
        position = hay.find(word)
        while position != -1:
            row = bisect_right(starts, position) - 1
            found.add(row)
            nxt = starts[row + 1] if row + 1 < len(starts) else len(hay)
            position = hay.find(word, nxt)
        return found if within is None else found & within


def open_desk(config: Config, cache_key: str) -> Desk:
    """The desk from the cached index, reading only files changed since it was cached."""
    cache = Cache(config, cache_key)
    try:
        index = refresh(config, cache, scan(config))
        texts = cache.texts()
    finally:
        cache.close()
    return Desk(index.records.values(), texts, index.problems)
