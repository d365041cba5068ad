"""Which index and lookup files exist, and which of them a run must make again.

Pure data from where each release stands (`Entry`: its month and categories) and the rows
that moved in this run: a month's page, a category's page and year pages, the pages of
a number, the index and the lookup's own files. `Spec` names one file and what it shows.
"""

from __future__ import annotations

import datetime as dt
import heapq
from collections import defaultdict
from collections.abc import Iterable
from typing import NamedTuple

from ..model import KLARIFIKASI
from .source import Row
from .urls import (
    INDEX,
    LOOKUP,
    NUMBERS,
    NUMBERS_JSON,
    UNKNOWN,
    UNKNOWN_JSON,
    category_key,
    category_path,
    category_year_path,
    month_path,
    number_json_path,
    number_paged,
    number_path,
)

LOOKUP_FILES = (LOOKUP, UNKNOWN, UNKNOWN_JSON, NUMBERS_JSON)  # the lookup's own files


class Entry(NamedTuple):
    """Where a release stands in the indexes: enough to place it without its row."""

    id: str
    published: dt.datetime
    month: str
    categories: tuple[str, ...]


class Spec(NamedTuple):
    """One index or lookup file: its path, what it is, and of what (a month, a category's
    key, a number)."""

    path: str
    kind: str  # index, month, category, year, number, number_json, lookup
    key: str = ""
    year: str = ""


def _keys(names: tuple[str, ...]) -> tuple[str, ...]:
    """The category keys of a release, each once (two spellings of one category)."""
    return tuple({category_key(c): c for c in sorted(names)})


def _order(entry: Entry) -> tuple[dt.datetime, str]:
    return entry.published, entry.id


class Layout:
    """The indexes as they stand: months, categories and their years, with their releases."""

    def __init__(self, entries: Iterable[Entry]) -> None:
        self.entries = list(entries)
        self.months: dict[str, list[Entry]] = defaultdict(list)
        self.names: dict[str, str] = {}  # category key -> its name (two spellings: the first)
        self.categories: dict[str, list[Entry]] = defaultdict(list)
        self.years: dict[tuple[str, str], list[Entry]] = defaultdict(list)
        spellings: set[str] = set()
        for entry in self.entries:
            self.months[entry.month].append(entry)
            names = entry.categories
            if not names:
                continue
            spellings.update(names)
            keys = (category_key(names[0]),) if len(names) == 1 else _keys(names)
            for key in keys:
                self.categories[key].append(entry)
                self.years[key, entry.month[:4]].append(entry)
        for name in spellings:
            key = category_key(name)
            self.names[key] = min(self.names.get(key, name), name)

    def newest(self, entries: list[Entry], count: int) -> list[str]:
        return [e.id for e in heapq.nlargest(count, entries, key=_order)]

    def month_counts(self) -> list[tuple[str, int]]:
        return sorted(((m, len(v)) for m, v in self.months.items()), reverse=True)

    def year_counts(self, key: str) -> list[tuple[str, int]]:
        return sorted(((y, len(v)) for (k, y), v in self.years.items() if k == key), reverse=True)

    def specs(self) -> list[Spec]:
        """Every index file, as things stand (the number files are not among them)."""
        found = [Spec(INDEX, "index")]
        found += [Spec(month_path(m), "month", m) for m in self.months]
        found += [Spec(category_path(k), "category", k) for k in self.categories]
        found += [Spec(category_year_path(k, y), "year", k, y) for k, y in self.years]
        return found

    def touched(self, rows: Iterable[Row | Entry], moved: set[str]) -> list[Spec]:
        """The index files listing any of `rows` (as they were or are now), and any moved."""
        rows = list(rows)
        months = {r.month for r in rows}
        keys = {category_key(c) for r in rows for c in r.categories}
        years = {(category_key(c), r.month[:4]) for r in rows for c in r.categories}
        wanted = []
        for spec in self.specs():
            hit = {
                "index": bool(rows),
                "month": spec.key in months,
                "category": spec.key in keys,
                "year": (spec.key, spec.year) in years,
            }[spec.kind]
            if hit or spec.path in moved:
                wanted.append(spec)
        return wanted


def number_specs(number: str) -> list[Spec]:
    """The two files of a number, if it can have them."""
    if not number_paged(number):
        return []
    return [Spec(number_path(number), "number", number),
            Spec(number_json_path(number), "number_json", number)]  # fmt: skip


def numbers_in(rows: Iterable[Row]) -> set[str]:
    """The numbers these rows issue or (a klarifikasi) deny."""
    found = set()
    for row in rows:
        if row.number:
            found.add(row.number)
        if row.kind == KLARIFIKASI:
            found.update(n for n in row.denies if n)
    return found


def is_number_file(path: str) -> bool:
    return path.startswith(_NUMBER_FILES) and path not in LOOKUP_FILES


def number_files(paths: Iterable[str]) -> set[str]:
    """The number files among `paths` (`is_number_file`, a set at a time: the pages' files
    are 10,000 paths a run)."""
    return {p for p in paths if p.startswith(_NUMBER_FILES) and p not in LOOKUP_FILES}


_NUMBER_FILES = f"{NUMBERS}/"


def number_of(path: str) -> str:
    """The number a file of the lookup is about (`nomor/B-1/X/index.html`, `nomor/B-1/X.json`)."""
    inner = path[len(NUMBERS) + 1 :]
    return inner.removesuffix("/index.html").removesuffix(".json")
