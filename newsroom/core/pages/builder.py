"""The bytes of one index or lookup file of the public record (`layout.Spec`): the pages
output (output.py) builds each changed one from the rows its store keeps."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Protocol

from ..config import Config
from .indexes import newest_first, render_category, render_category_year, render_index, render_month
from .layout import Entry, Layout, Spec
from .lookup import (
    RECENT,
    Facts,
    klarifikasi_rows,
    number_json,
    numbers_json,
    numbers_of,
    render_lookup,
    render_number,
    render_unknown,
    unknown_json,
)
from .source import Row
from .urls import LOOKUP, NUMBERS_JSON, UNKNOWN, UNKNOWN_JSON


class Rows(Protocol):
    """Where the rows come from: the store (`store.PageStore`), or in a dry run the store
    with the rows the run would make over it (`preview.Overlay`)."""

    def rows(self, ids: Iterable[str]) -> dict[str, Row]: ...

    def numbered(self) -> list[Row]: ...

    def with_numbers(self, numbers: set[str]) -> list[Row]: ...

    def of_kind(self, kind: str) -> list[Row]: ...


class Builder:
    """The bytes of one index or lookup file (`Spec`), from the rows in the store."""

    def __init__(self, config: Config, store: Rows, layout: Layout,
                 facts: dict[str, Facts], klarifikasi: list[Row]) -> None:  # fmt: skip
        self.config, self.store, self.layout = config, store, layout
        self.facts, self.klarifikasi = facts, klarifikasi
        self._numbered: list[Row] | None = None

    def __call__(self, spec: Spec) -> bytes:
        config, layout, latest = self.config, self.layout, self.config.pages_latest
        if spec.kind == "index":
            newest = self._rows(layout.newest(layout.entries, latest))
            return render_index(config, newest, layout.month_counts())
        if spec.kind == "month":
            return render_month(config, spec.key, self._all(layout.months[spec.key]))
        if spec.kind == "category":
            newest = self._rows(layout.newest(layout.categories[spec.key], latest))
            return render_category(config, layout.names[spec.key], newest,
                                   layout.year_counts(spec.key))  # fmt: skip
        if spec.kind == "year":
            rows = self._all(layout.years[spec.key, spec.year])
            return render_category_year(config, layout.names[spec.key], spec.year, rows)
        if spec.kind == "number":
            return render_number(config, self.facts[spec.key])
        if spec.kind == "number_json":
            return number_json(config, self.facts[spec.key])
        return self._lookup(spec.path)

    def _lookup(self, path: str) -> bytes:
        config = self.config
        klarifikasi = klarifikasi_rows(self.klarifikasi)
        if path == LOOKUP:
            newest = self._rows(self.layout.newest(self.layout.entries, RECENT * 4))
            return render_lookup(config, klarifikasi, [r for r in newest if r.number][:RECENT])
        if path == UNKNOWN:
            return render_unknown(config, klarifikasi)
        if path == UNKNOWN_JSON:
            return unknown_json(config)
        assert path == NUMBERS_JSON
        return numbers_json(config, numbers_of([*self.store.numbered(), *self.klarifikasi]))

    def _rows(self, ids: list[str]) -> list[Row]:
        """The rows of these releases, in this order."""
        found = self.store.rows(ids)
        return [found[i] for i in ids if i in found]

    def _all(self, entries: list[Entry]) -> list[Row]:
        return newest_first(list(self.store.rows(e.id for e in entries).values()))
