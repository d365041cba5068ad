"""The newsroom's index: every release's `Record`, read again only where a file changed.

`refresh` compares the scan (scan.py) with the cache (cache.py), reads the changed files
on the machine's cores (records.py, through parallel.py), and hands their content and
search texts to the cache as it goes, so a first read of 100,000 files never holds them
all. The renderer of feed content is given by the caller (the publisher's); the index
knows nothing of feeds.
"""

from __future__ import annotations

import gc
import os
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from typing import Any, NamedTuple

from .cache import Cache, RenderedRow, Snapshot
from .config import Config
from .duplicates import duplicate_problems
from .errors import Problem
from .ledger import Ledger
from .ledger import Row as LedgerRow
from .parallel import PARALLEL_MIN, imap
from .records import Loaded, LoadJob, ReadHook, Record, Renderer, load_file
from .scan import FileStat
from .seal import LIVE_TEXT_PROBLEMS

STREAM_EVERY = 500  # files read before their content and texts go to the cache


@dataclass
class Index:
    """The newsroom as last read: valid records by id, broken files, and render warnings."""

    records: dict[str, Record]
    problems: list[Problem]
    warnings: list[str]
    parsed: int
    # What each file read this time shows its last publication put out (ledger.py), by id,
    # where the ledger does not know it yet; when the ledger has taken no stock yet, they are
    # staged in it instead (`Ledger.stage`) and `staged` is True.
    published: dict[str, LedgerRow] = field(default_factory=dict)
    staged: bool = False
    # Published (or retracted) releases whose file publish can no longer trust, as they
    # last read with the text publish put out, by id (`Broken`): publish keeps what
    # partners have of them until the file is mended or restored.
    kept: dict[str, Record] = field(default_factory=dict)

    def held_as_kept(self) -> dict[str, Record]:
        """Each release of `kept` as publish holds it back: the record it last read as
        with the text publish put out, and why (BROKEN: its file does not read, and is
        named among the problems; LIVE_KEPT: its text was changed by hand, said first)."""
        held = {}
        for ident, record in self.kept.items():
            now = self.records.get(ident)
            problem = (BROKEN, BROKEN_KEPT, ()) if now is None or now.problem is None else (
                LIVE_KEPT, f"{now.problem[1]}; {LIVE_KEPT_TEXT.format(ref=ident[:8])}",
                (*now.problem[2], ("kept_as", now.problem[0]), ("ref", ident[:8])))  # fmt: skip
            held[ident] = record._replace(problem=problem)
        return held


BROKEN = "broken"
BROKEN_KEPT = (
    "its file does not read (its 'broken' line says where): the version partners have "
    "stays in the feeds until the file is mended"
)
# A published release whose live text was changed outside the workflow (by hand: seal.
# LIVE_TEXT_PROBLEMS), as its file last read with the text publish put out (Broken): that
# text stays, never the changed one.
LIVE_KEPT = "live_kept"
LIVE_KEPT_TEXT = (
    "the version partners have stays in the feeds, as publish put it out, until the file is "
    "restored from git (then, to change the published text, start a correction: `newsroom "
    "correct {ref}`)"
)
KEPT = frozenset({BROKEN, LIVE_KEPT})  # held back, what partners have of them kept


class Broken(NamedTuple):
    """A file publish can no longer trust, of a release that was published (or retracted)
    when it last read whole and as published: the record it last read as (`kept`), and
    either the problem of a file that no longer reads, or (`now`) the record it reads as
    now, whose live text is not what publish put out (seal.LIVE_TEXT_PROBLEMS: changed by
    hand). A typo in a live release's file, or a word fixed in it by hand, must not take
    the release out of the partners' feeds, nor put the hand-edited text in them: they
    keep the version publish put out (the next run that reads the file as published
    again puts it back as it was; one that read it broken would have said "left")."""

    problem: Problem | None
    kept: Record
    now: Record | None = None  # the file reads, as this (its problem says why)


Partial = Callable[["Index", dict[str, str], int], None]
PARTIAL_SECONDS = 0.4  # how often a long first read shows what it has so far


def refresh(
    config: Config,
    cache: Cache,
    files: list[FileStat],
    *,
    render: Renderer | None = None,
    write: bool = True,
    progress: Callable[[str], None] = lambda _: None,
    partial: Partial | None = None,
    ledger: Ledger | None = None,
    hooks: tuple[tuple[str, ReadHook], ...] = (),
    took: Callable[[str, Any], None] = lambda _name, _value: None,
) -> Index:
    """Read the files that changed since the cache saw them (on both cores when many),
    checking each against its seals and the ledger (what publish put out).

    `render` makes feed content (the publisher's renderer); without it none is made (the
    desk; the publisher renders what the cache lacks). `partial(index, texts, stale)` is
    called every PARTIAL_SECONDS of a long read with the index so far, its new search
    texts and the number of files being read (`index.parsed` says how many are done).
    `hooks` (publish's outputs, records.ReadHook) run on each release read; `took(name,
    value)` is given what each made, in this process, as the files are read.
    """
    own = ledger is None
    ledger = Ledger(config) if ledger is None else ledger
    try:
        with paused_collector():
            reading = _Reading(config, cache, files, render, write, ledger)
            reading.hooks, reading.took = hooks, took
            reading.wants_rows = not own  # publish takes stock of them; the desk does not
            reading.staging = not own and write and not ledger.initialized  # publish's first
            return reading.run(progress, partial)
    finally:
        if own:
            ledger.close()


def remember(config: Config, cache: Cache, ledger: Ledger, paths: list[str]) -> None:
    """Read again the files this process has just written (the releases publish stamped)
    and keep them in the cache as the next refresh would read them: that refresh need not,
    and a file broken by hand right after still knows it was published (`Broken`)."""
    job = LoadJob(config, None, ledger)
    entries: dict[str, object] = {}
    texts: dict[str, str] = {}
    for path in paths:
        try:
            st = os.stat(config.root / path)
            loaded = load_file(job, FileStat(path, st.st_size, st.st_mtime_ns))
        except Exception:  # (gone already, unreadable: the next refresh reads it and says so)
            continue
        if loaded.record is not None:  # (else the next refresh reads it and names it)
            entries[path] = (st.st_size, st.st_mtime_ns, loaded.record)
            texts[path] = loaded.text
    if entries:
        cache.store_content((), texts)
        cache.store_records(None, entries)


@contextmanager
def paused_collector() -> Iterator[None]:
    """Pause the cyclic garbage collector while loading: tens of thousands of long-lived
    records and no cycles, so its passes only cost time (bench_publish.py's publish after
    one approval, and bench_tui.py's first rows). The objects made meanwhile are frozen
    when it resumes, so later passes skip them too."""
    was = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was:
            gc.freeze()
            gc.enable()


class _Reading:
    """One refresh: the cached records, the files to read again, and what was read."""

    def __init__(
        self,
        config: Config,
        cache: Cache,
        files: list[FileStat],
        render: Renderer | None,
        write: bool,
        ledger: Ledger,
    ) -> None:
        self.config, self.cache, self.write, self.ledger = config, cache, write, ledger
        self.render = render
        cached = cache.records()
        self.stale, known = [], 0
        for f in files:
            seen = cached.get(f.path)
            if seen is None or seen[0] != f.size or seen[1] != f.mtime_ns:
                self.stale.append(f)
            known += seen is not None
        self.first = not cached
        self.snapshot = cached  # the usual case: no file is gone (the dict is ours to change)
        self.changed: dict[str, object] = {}
        if known < len(cached):
            present = {f.path for f in files}
            self.snapshot = {p: v for p, v in cached.items() if p in present}
            self.changed = {p: None for p in cached if p not in present}
        self.warnings: list[str] = []
        self.rows: list[RenderedRow | None] = []  # content not yet handed to the cache
        self.texts: dict[str, str] = {}  # search texts, likewise
        self.read = 0
        self.total = len(files)
        self.published: dict[str, LedgerRow] = {}
        self.wants_rows = False
        self.staging = False  # a first stock-taking's rows go to the ledger as they are read
        self.hooks: tuple[tuple[str, ReadHook], ...] = ()
        self.seen: dict[object, Any] = {}  # the texts and tuples records repeat (`_shared`)
        self.took: Callable[[str, Any], None] = lambda _name, _value: None

    def run(self, progress: Callable[[str], None], partial: Partial | None) -> Index:
        progress(f"reading {len(self.stale)} changed file(s) of {self.total}")
        if len(self.stale) >= PARALLEL_MIN:
            self.ledger.preload()  # one read, inherited by the workers, not a query a file
        _ = self.ledger.initialized  # asked once, before the workers start
        job = LoadJob(self.config, self.render, self.ledger, self.hooks)
        shown, pause = time.monotonic(), PARTIAL_SECONDS
        for loaded in imap(load_file, job, self.stale):
            self._take(loaded)
            if partial is not None and time.monotonic() - shown > pause:
                began = time.monotonic()
                partial(_assemble(self.snapshot, self.warnings, self.read), self.texts,
                        len(self.stale))  # fmt: skip
                shown = time.monotonic()
                pause = max(PARTIAL_SECONDS, 4 * (shown - began))  # a quarter of the time
            if len(self.texts) >= STREAM_EVERY and partial is None:
                self._hand_over()
        self._hand_over()
        if self.write and (self.changed or self.first):
            self.cache.store_records(self.snapshot, self.changed)
        index = _assemble(self.snapshot, self.warnings, len(self.stale))
        index.published, index.staged = self.published, self.staging
        return index

    def _take(self, loaded: Loaded) -> None:
        stat, record = loaded.stat, loaded.record
        value: Record | Problem | Broken | None = loaded.problem
        if record is not None:
            value = record = _shared(record, stat.path, self.seen)
            if record.problem is not None and record.problem[0] in LIVE_TEXT_PROBLEMS:
                last = _last_read(self.snapshot.get(stat.path))
                if last is not None and last.id == record.id:
                    value = Broken(None, last, record)
        elif loaded.problem is not None and (last := _last_read(self.snapshot.get(stat.path))):
            value = Broken(loaded.problem, last)
        entry = (stat.size, stat.mtime_ns, value)
        self.snapshot[stat.path] = self.changed[stat.path] = entry
        self.texts[stat.path] = loaded.text
        self.warnings += loaded.warnings
        if loaded.row is not None:
            self.rows.append(loaded.row)
        for name, value in loaded.extra:
            self.took(name, value)
        row = loaded.published
        if not self.wants_rows or record is None or row is None:
            pass
        elif self.staging or self.ledger.get(record.id)[0] != row:  # what the ledger lacks
            self.published[record.id] = row
        self.read += 1

    def _hand_over(self) -> None:
        """Give the cache the content and texts read so far, and forget them here."""
        if self.write and (self.rows or self.texts):
            self.cache.store_content(self.rows, self.texts)
        if self.staging and self.published:
            self.ledger.stage(self.published)
            self.published = {}
        self.rows, self.texts = [], {}


# The fields of a Record that repeat across many releases (a status, a month, a dateline,
# an author, the categories...): a record comes from a worker pickled, so each arrives as
# its own objects; one object for each value: 20 -> 18 MB of unpickled objects at 30,000
# releases (tracemalloc; about 7 MB at 100,000 by its scale, not measured there).
SHARED = tuple(
    Record._fields.index(name)
    for name in ("status", "language", "categories", "tags", "month", "dateline", "author",
                 "last_editor", "kind")
)  # fmt: skip


def _shared(record: Record, path: str, seen: dict[object, Any]) -> Record:
    """`record` with its path the scan's string (one string, not two) and its repeated
    values shared with the records read before it (`seen`, kept for one refresh)."""
    fields = list(record)
    if record.path == path:
        fields[0] = path
    for at in SHARED:
        value = fields[at]
        fields[at] = seen.setdefault(value, value)
    return Record._make(fields)


def _assemble(snapshot: Snapshot, warnings: list[str], parsed: int) -> Index:
    records: list[Record] = []
    problems: list[Problem] = []
    broken: list[Broken] = []
    for _, (_, _, value) in sorted(snapshot.items()):
        if isinstance(value, Broken):
            broken.append(value)
            value = value.now if value.problem is None else value.problem
        if isinstance(value, Record):
            records.append(value)
        elif isinstance(value, Problem):
            problems.append(value)
    kept, duplicates = duplicate_problems(records)
    index = Index({r.id: r for r in kept}, problems + duplicates, list(warnings), parsed)
    for b in broken:  # (a file that reads: while its record is the release's, not a copy's)
        if index.records.get(b.kept.id) is b.now:
            index.kept[b.kept.id] = b.kept
    return index


def _last_read(entry: tuple[int, int, Any] | None) -> Record | None:
    """The record a file last read as, if it was a live (or retracted) release's, and its
    live text was the one publish put out (one changed by hand is never kept)."""
    value = entry[2] if entry is not None else None
    last = value.kept if isinstance(value, Broken) else value
    if not isinstance(last, Record) or not last.live:
        return None
    return last if last.problem is None or last.problem[0] not in LIVE_TEXT_PROBLEMS else None
