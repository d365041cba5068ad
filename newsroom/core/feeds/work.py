"""The heavy lifting of a publish, spread over the machine's cores.

Workers are forked, so they inherit what the parent shares (`shared()`) without
pickling it. Loading returns small records and cache rows; writing reads each
document's content from the SQLite cache in the worker, so no process ever holds
the content of every release at once.
"""

from __future__ import annotations

import gc
import os
import signal
import threading
import time
from collections.abc import Callable, Iterator, Sequence
from dataclasses import replace
from pathlib import Path
from typing import Any, TypeVar

from ..atomic import stage
from ..config import Config
from ..errors import Problem
from ..store import Store
from .content import Rendered
from .plan import Doc
from ..index import Cache, FileStat, Record, RenderedRow, load_one, rendered_row

PARALLEL_MIN = 200
CHUNK_MAX = 250  # items a worker takes at a time: results flow back at least this often
T = TypeVar("T")
R = TypeVar("R")
_LOCAL = threading.local()  # what this thread's serial map shares (TUI threads run maps)
_WORKER_SHARED: tuple[Any, ...] | None = None  # set in a forked worker by its initializer
_CACHE: dict[tuple[int, int], Cache] = {}
RECENT_MAX = 600  # releases whose content a process keeps between documents
_RECENT: dict[str, tuple[str, Rendered]] = {}  # id -> (digest, content)

Loaded = tuple[
    FileStat, Record | None, Problem | None, tuple[str, ...], RenderedRow | None, str]


def parallel_map(func: Callable[[T], R], items: Sequence[T], shared: tuple[Any, ...],
                 weight: int | None = None, workers: int | None = None) -> list[R]:
    """Map over the cores when there is enough work (`weight`, else the number of items);
    forked workers inherit `shared` (read it with `shared()`)."""
    return list(parallel_imap(func, items, shared, weight, workers))


def parallel_imap(func: Callable[[T], R], items: Sequence[T], shared: tuple[Any, ...],
                  weight: int | None = None, workers: int | None = None) -> Iterator[R]:
    """`parallel_map` giving each result, in order, as soon as its chunk is done (the desk
    shows the first releases of a long first read while the rest are still parsed).

    `workers=1` moves the work off this process without taking every core (the TUI keeps
    one for itself)."""
    _LOCAL.shared = shared
    cores = min(os.cpu_count() or 1, 4)
    small = (weight if weight is not None else len(items)) < PARALLEL_MIN
    if small or cores < 2 or not _can_fork():  # (small maps never import the pool)
        yield from (func(item) for item in items)
        return
    import multiprocessing
    from concurrent.futures import ProcessPoolExecutor

    workers = cores if workers is None else min(workers, cores)
    chunk = min(CHUNK_MAX, max(1, len(items) // (workers * 8)))
    with ProcessPoolExecutor(workers, mp_context=multiprocessing.get_context("fork"),
                             initializer=_start_worker, initargs=(shared, os.getpid())) as pool:
        yield from pool.map(func, items, chunksize=chunk)


def _can_fork() -> bool:
    import multiprocessing

    return "fork" in multiprocessing.get_all_start_methods()


def _start_worker(given: tuple[Any, ...], parent: int) -> None:
    """A worker takes what the map shares, collects its own garbage (the parent may have
    paused its collector while loading) and ends with its parent (its pid taken before
    the fork: a parent already gone by now would read as pid 1)."""
    global _WORKER_SHARED
    _WORKER_SHARED = given
    gc.enable()
    die_with_parent(parent)


def shared() -> tuple[Any, ...]:
    """What the running `parallel_map` shares with its workers."""
    if _WORKER_SHARED is not None:
        return _WORKER_SHARED
    value: tuple[Any, ...] = _LOCAL.shared
    return value


def die_with_parent(parent: int) -> None:
    """A worker ends when the publish that forked it (pid `parent`) ends, even by `kill -9`:
    an orphan would hold the publish lock (its inherited descriptor) and stop every later
    run, stuck writing to a pipe nobody reads."""
    try:
        import ctypes

        libc = ctypes.CDLL(None, use_errno=True)
        libc.prctl(1, signal.SIGKILL)  # PR_SET_PDEATHSIG (Linux)
    except (OSError, AttributeError):
        pass
    if os.getppid() != parent:  # the parent died before the line above took effect
        os._exit(1)

    def watch() -> None:  # elsewhere than Linux: notice the parent is gone
        while os.getppid() == parent:
            time.sleep(1)
        os._exit(1)

    threading.Thread(target=watch, daemon=True).start()


def load_file(stat: FileStat) -> Loaded:
    """Parse and render one file; return its record and its content's cache row (pickled here,
    so the parent never holds every release's content)."""
    given = shared()
    store: Store = given[0]
    render: bool = given[1] if len(given) > 1 else True
    ledger = given[2] if len(given) > 2 else None
    stat, record, rendered, problem, text = load_one(store, stat, render, ledger)
    warnings = rendered.warnings if rendered is not None else ()
    return stat, record, problem, warnings, rendered_row(record, rendered), text


def _worker_cache(config: Config, key: str) -> Cache:
    """One cache connection per process and thread (SQLite connections survive neither a
    fork nor a change of thread); `close_caches` ends this thread's when a run is done."""
    place = (os.getpid(), threading.get_ident())
    if place not in _CACHE:
        _CACHE[place] = Cache(config, key)
    return _CACHE[place]


def close_caches() -> None:
    """End of a run: close the connections this process and thread opened (the serial
    path's) and forget the content and entries kept between documents (the next run may
    have another config: the TUI publishes from one long-lived process)."""
    from .writers import forget_entries

    place = (os.getpid(), threading.get_ident())
    cache = _CACHE.pop(place, None)
    if cache is not None:
        cache.close()
    _RECENT.clear()
    forget_entries()


def write_weight(docs: Sequence[Doc]) -> int:
    """How much writing `docs` costs, in files read (what `parallel_map` weighs): each
    release among them is read and built once (documents share it), about a quarter file
    each. Counting an entry per document instead would fork a pool for the eighteen small
    documents one approval changes (RSS, Atom and JSON of each feed taking it)."""
    return len({e.record.id for d in docs for e in d.entries}) // 4


def write_document(index: int) -> tuple[str, Path | None, tuple[tuple[str, str, str], ...]]:
    """Build one document from cached content and stage its bytes (None: unchanged).

    A release that cannot be rendered or serialised is left out of the document, and named
    (id, path, reason) in the third item: one bad release never stops a feed."""
    from .writers import write_doc

    docs, config, key, store = shared()
    doc: Doc = docs[index]
    rendered = _contents(doc, config, key, store)
    bad = [(e.record.id, e.record.path, "cannot be rendered for the feeds")
           for e in doc.entries if e.record.id not in rendered]  # fmt: skip
    doc = _without(doc, {b[0] for b in bad})
    try:
        data = write_doc(doc, rendered, config)
    except Exception:  # lxml or feedgen refused something: find which release, write the rest
        culprits = _culprits(doc, rendered, config)
        bad += culprits
        doc = _without(doc, {c[0] for c in culprits})
        data = write_doc(doc, rendered, config)
    mode, group = file_mode(config, doc.feed.private)
    return doc.path, stage(config.feeds_dir / doc.path, data, mode, group), tuple(bad)


def file_mode(config: Config, private: bool) -> tuple[int | None, str]:
    """How a feed file is written: as the umask says, or a private feed readable by the web
    server's group only (0640, `[feeds] private_group`), never by everyone."""
    return (0o640, config.private_group) if private else (None, "")


def _contents(doc: Doc, config: Config, key: str, store: Store) -> dict[str, Rendered]:
    """The content of every entry: kept from the last documents, cached, or rendered now."""
    rendered: dict[str, Rendered] = {}
    missing: dict[str, str] = {}
    for entry in doc.entries:  # the newest releases are in every feed: read them once
        ident, digest = entry.record.id, entry.record.digest
        hit = _RECENT.get(ident)
        if hit is not None and hit[0] == digest:
            rendered[ident] = hit[1]
        else:
            missing[ident] = digest
    rendered.update(_worker_cache(config, key).rendered(missing) if missing else {})
    for entry in doc.entries:  # not cached (or read without rendering): render it now
        if entry.record.id not in rendered:
            fresh = load_one(store, FileStat(entry.record.path, 0, 0))[2]
            if fresh is not None and fresh.id == entry.record.id:
                rendered[fresh.id] = fresh
                _worker_cache(config, key).store_rendered(entry.record, fresh)
    for ident in missing:
        if ident in rendered:
            _RECENT[ident] = (missing[ident], rendered[ident])
    while len(_RECENT) > RECENT_MAX:
        del _RECENT[next(iter(_RECENT))]
    return rendered


def _without(doc: Doc, ids: set[str]) -> Doc:
    if not ids:
        return doc
    return replace(doc, entries=tuple(e for e in doc.entries if e.record.id not in ids),
                   tombstones=tuple(t for t in doc.tombstones if t.record.id not in ids))


def _culprits(doc: Doc, rendered: dict[str, Rendered],
              config: Config) -> list[tuple[str, str, str]]:
    """The entries that fail on their own (each tried in a document of one)."""
    from .writers import write_doc

    found = []
    for entry in doc.entries:
        try:
            write_doc(replace(doc, entries=(entry,), tombstones=()), rendered, config)
        except Exception as exc:
            found.append((entry.record.id, entry.record.path, f"cannot be written: {exc}"))
    return found
