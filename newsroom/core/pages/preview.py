"""The pages output's dry run: the files a real run would write and remove, found the way
`Planned.stage_files` and `placed` find them.

Up to DRY_LOOK changed releases, each page is made in memory and its bytes compared with
the page there; the rows it gives stand in for the store's (`Overlay`: the dry run writes
nothing, not even to `.newsroom/pages.sqlite`), and every index and lookup file the run
would make again (the numbers' files too) is built from them and compared the same way:
the preview names exactly what the run then writes. A new store (the cache key moved:
a config change, a new format) makes every page and index, compared the same way while
there are no more than DRY_LOOK releases. Past that (many releases moved, or no record of
the files the last run left) it names what the run makes without comparing bytes, and
says so (`exact` False): the run leaves alone a file already as it would be.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any, NamedTuple, Protocol

from ..atomic import holds
from ..config import Config
from ..model import Article
from ..outputs import Plan
from ..records import Record
from .builder import Builder, Rows
from .layout import LOOKUP_FILES, Entry, Layout, Spec, number_specs, numbers_in
from .lookup import Facts
from .source import Row
from .store import PageStore
from .urls import page_path

DRY_LOOK = 50  # a dry run makes at most this many changed pages to compare their bytes


class Preview(NamedTuple):
    """What the run would write and remove (paths relative to feeds/); `exact`: the bytes
    were compared (False: at most these are written)."""

    write: list[str]
    remove: list[str]
    exact: bool


class Planned(Protocol):
    """What the preview reads of the pages output (output.py's `Planned`), planned."""

    config: Config
    plan_: Plan | None
    last: dict[str, Any]
    store: PageStore | None
    live: dict[str, Record]
    changed: list[str]
    gone: list[str]
    moved: set[str]

    def made_page(self, ident: str, going: dict[str, Article]) -> tuple[Row, bytes] | None: ...

    def _entries(self) -> list[Entry]: ...

    def _numbers(self, store: Rows, touched: list[Row], full: bool) -> set[str]: ...

    def indexes(
        self, store: Rows, touched: list[Row], full: bool
    ) -> tuple[Layout, list[Spec], set[str], dict[str, Facts], Builder]: ...

    def _owned(self, layout: Layout, numbers: set[str], facts: dict[str, Facts], full: bool,
               made: set[str] | None = None) -> set[str]: ...  # fmt: skip


class Overlay:
    """The store's rows as the run would leave them: the changed releases' rows made now,
    the gone ones dropped (what `Builder` reads, in memory)."""

    def __init__(self, store: PageStore, rows: dict[str, Row], dropped: Iterable[str]) -> None:
        self.store, self.over, self.dropped = store, rows, {*dropped, *rows}

    def rows(self, ids: Iterable[str]) -> dict[str, Row]:
        wanted = list(ids)
        found = self.store.rows(i for i in wanted if i not in self.dropped)
        found.update((i, self.over[i]) for i in wanted if i in self.over)
        return found

    def _mine(self, rows: list[Row]) -> list[Row]:
        return [r for r in rows if r.id not in self.dropped] + list(self.over.values())

    def numbered(self) -> list[Row]:
        return [r for r in self._mine(self.store.numbered()) if r.number]

    def with_numbers(self, numbers: set[str]) -> list[Row]:
        return [r for r in self._mine(self.store.with_numbers(numbers)) if r.number in numbers]

    def of_kind(self, kind: str) -> list[Row]:
        return [r for r in self._mine(self.store.of_kind(kind)) if r.kind == kind]


def preview(output: Planned) -> Preview:
    """The dry run's answer of the pages output (planned, `answer` begun: `gone`, `kept`)."""
    store, last = output.store, output.last
    assert store is not None
    if not last.get("files") or len(output.changed) > DRY_LOOK:
        return _rough(output)
    # a new store (the cache key moved: a config change, a new program): every page and
    # index made again from the rows made here, and compared, as `stage_files` then does
    full = not store.same
    plan = output.plan_
    assert plan is not None
    feeds = output.config.feeds_dir
    going = {g.article.id: g.article for g in plan.going_live}
    rows: dict[str, Row] = {}
    write = []
    for ident in output.changed:
        made = output.made_page(ident, going)
        if made is None:  # (the run names it among its failures, and writes no page)
            continue
        rows[ident], data = made
        path = page_path(output.live[ident].slug)
        if not holds(feeds / path, data):
            write.append(path)
    view = Overlay(store, rows, output.gone)
    touched = [] if full else [*store.rows([*output.changed, *output.gone]).values(),
                               *rows.values()]  # fmt: skip
    layout, specs, numbers, facts, build = output.indexes(view, touched, full)
    write += [s.path for s in specs if not holds(feeds / s.path, build(s))]
    owned = output._owned(layout, numbers, facts, full, set(rows))
    return Preview(write, sorted(set(last.get("files", {})) - owned), True)


def _rough(output: Planned) -> Preview:
    """Too many pages to make here, or no record of them: the files the run makes, their
    bytes not compared (every index and number file when the store or the files' list is
    not this run's, as `stage_files` then makes them all); exact only when none is there
    yet (a first run)."""
    store = output.store
    assert store is not None
    write = [page_path(output.live[i].slug) for i in output.changed]
    layout = Layout(output._entries())
    full = not store.same or not output.last.get("files")
    records = [output.live[i] for i in output.changed]
    if full:
        specs = layout.specs()
        numbers = {r.number for r in output.live.values() if r.number}
        numbers |= numbers_in(store.numbered())
    else:
        before = store.rows([*output.changed, *output.gone]).values()
        changed = set(output.changed)
        now = [e for e in layout.entries if e.id in changed]
        specs = layout.touched([*before, *now], output.moved)
        numbers = numbers_in(before) | {r.number for r in records if r.number}
    specs += [s for n in sorted(numbers) for s in number_specs(n)]
    if full or numbers or set(LOOKUP_FILES) & output.moved:
        specs += [Spec(path, "lookup") for path in LOOKUP_FILES]
    write = list(dict.fromkeys([*write, *(s.path for s in specs)]))
    gone = store.rows(output.gone).values()
    remove = sorted({page_path(r.slug) for r in gone} & set(output.last.get("files", {})))
    feeds = output.config.feeds_dir  # (a file not there is written: no bytes to compare)
    return Preview(write, remove, not any((feeds / path).exists() for path in write))
