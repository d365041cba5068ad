"""The desk: the releases as editors see them, by status view, filtered live and sorted.

Pure data over the cached index, so the TUI stays thin and fast: a filter is a
substring test (C speed) over each release's lower-cased text, and typing more only
searches the releases the last keystroke found.
"""

from __future__ import annotations

import datetime as dt
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
    """Every release, newest change first, with a lower-cased search text per release."""

    def __init__(
        self, records: Iterable[Record], texts: dict[str, str], problems: Iterable[Problem] = ()
    ) -> None:
        self.records = sorted(records, key=lambda r: (r.edited or EPOCH, r.id), reverse=True)
        self.broken = [Broken(p) for p in problems]
        self.texts = [
            texts.get(r.path) or f"{r.title}\n{r.summary}\n{' '.join(r.tags)}".lower()
            for r in self.records
        ]
        self._counts: dict[str, dict[str, int]] = {}
        self._memo: tuple[tuple[str, ...], list[int]] | None = None

    def counts(self, actor: str) -> dict[str, int]:
        """How many releases each view shows (computed once per desk and person)."""
        if actor not in self._counts:
            counts = dict.fromkeys(VIEWS, 0)
            counts["all"] = len(self.records) + len(self.broken)
            for r in self.records:
                counts[r.status] = counts.get(r.status, 0) + 1
                if waiting_for(r, actor):
                    counts["mine"] += 1
            self._counts[actor] = counts
        return self._counts[actor]

    def select(self, view: str, query: str, actor: str, sort: str = "updated") -> list[Row]:
        """The rows of a view whose text holds every word of the query, in the chosen order."""
        hits = self._search(query)
        records = self.records if hits is None else [self.records[i] for i in hits]
        chosen: list[Row]
        if view == "all":
            chosen = list(records)
        elif view == "mine":
            chosen = [r for r in records if waiting_for(r, actor)]
        else:
            chosen = [r for r in records if r.status == view]
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

    def _search(self, query: str) -> list[int] | None:
        """Indexes (newest first) of releases holding every word; None when there is no query.

        Typing narrows: when the new words refine the last search's (each old word inside
        the new one at its place, maybe more words), only the last hits are searched.
        """
        words = tuple(query.lower().split())
        if not words:
            return None
        candidates: Iterable[int] = range(len(self.texts))
        if self._memo is not None and _refines(self._memo[0], words):
            candidates = self._memo[1]
        texts = self.texts
        hits = list(candidates)
        for word in words:  # one word at a time: no generator per release
            hits = [i for i in hits if word in texts[i]]
        self._memo = (words, hits)
        return hits


def _refines(old: tuple[str, ...], new: tuple[str, ...]) -> bool:
    return len(new) >= len(old) and all(o in n for o, n in zip(old, new, strict=False))


def open_desk(config: Config, cache_key: str) -> Desk:
    """The desk from the cached index, reading only files changed since it was cached."""
    cache = Cache(config, cache_key)
    try:
        index = refresh(config, cache, scan(config))
        texts = cache.texts()
    finally:
        cache.close()
    return Desk(index.records.values(), texts, index.problems)
