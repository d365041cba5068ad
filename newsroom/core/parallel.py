"""Work spread over the machine's cores: a typed map over a frozen job description.

A job is a frozen dataclass holding everything the work needs; the mapped function takes
the job and one item, and nothing else: no module globals, no caches that a later call
must remember to clear. Each worker receives the job once, when it starts. From the main
thread the workers are forked (they inherit the job without pickling it); from any other
thread (the desk's background work, the desk's publish) they are spawned, since forking a
threaded process can deadlock the child, and receive the job pickled.

Small maps run in this process, and then the pool and its imports are never loaded. A
small map can instead run `later`: in one forked child while this process does other work.
"""

from __future__ import annotations

import gc
import os
import signal
import threading
import time
from collections.abc import Callable, Iterator, Sequence
from functools import partial
from typing import Any, Generic, TypeVar

J = TypeVar("J")  # the job: what every item's work needs
T = TypeVar("T")  # an item
R = TypeVar("R")  # an item's result

PARALLEL_MIN = 200  # items (or their weight) below which a pool costs more than it saves
CHUNK_MAX = 250  # items a worker takes at a time: results flow back at least this often
MAX_WORKERS = 4

# Forked workers share this process's records until either side writes to them, and handing
# them items (pickling) writes every record's reference count: with 100,000 releases a pool
# duplicated 110 MB of records (bench_publish.py --n 100000: the tree at 389 MB), so a
# newsroom this large does such work in this process.
FORK_MAX = 40_000

_JOB: Any = None  # in a worker process only: the job its pool was started with


def pmap(
    func: Callable[[J, T], R],
    job: J,
    items: Sequence[T],
    *,
    weight: int | None = None,
    workers: int | None = None,
    chunk: int | None = None,
) -> list[R]:
    """`func(job, item)` for every item, in order (see `imap`)."""
    return list(imap(func, job, items, weight=weight, workers=workers, chunk=chunk))


def imap(
    func: Callable[[J, T], R],
    job: J,
    items: Sequence[T],
    *,
    weight: int | None = None,
    workers: int | None = None,
    chunk: int | None = None,
) -> Iterator[R]:
    """`func(job, item)` for every item, each result given as soon as its chunk is done
    (the desk shows the first releases of a long first read while the rest are parsed).

    The cores are used when there is enough work (`weight`, else the number of items);
    `workers=1` moves the work off this process without taking every core (the desk keeps
    one for itself), `workers=0` keeps it in this process; `chunk` sets how many items a
    worker takes at a time (few, when each item is large: a worker holds its chunk and its
    results). `func` must be a module-level function, and `job` picklable when the map is
    started from a thread other than the main one."""
    cores = min(os.cpu_count() or 1, MAX_WORKERS)
    small = (weight if weight is not None else len(items)) < PARALLEL_MIN
    if small or cores < 2 or workers == 0:
        yield from (func(job, item) for item in items)
        return
    import multiprocessing
    from concurrent.futures import ProcessPoolExecutor

    method = "fork" if _may_fork() else "spawn"
    count = cores if workers is None else max(1, min(workers, cores))
    if chunk is None:
        chunk = min(CHUNK_MAX, max(1, len(items) // (count * 8)))
    context = multiprocessing.get_context(method)
    if method == "spawn":
        _start_resource_tracker()
    with ProcessPoolExecutor(
        count, mp_context=context, initializer=_start, initargs=(job, os.getpid())
    ) as pool:
        yield from pool.map(partial(_call, func), items, chunksize=chunk)


class Later(Generic[R]):
    """`func(job, item)` for every item, run in a forked child while this process does
    other work; `results()` waits for them (in order) or raises what the child raised."""

    def __init__(self, func: Callable[[J, T], R], job: J, items: Sequence[T]) -> None:
        import pickle

        self._results: list[R] | None = None
        self._failure: BaseException | None = None
        parent = os.getpid()
        read, write = os.pipe()
        pid = os.fork()
        if pid == 0:  # the child: its results (or its failure) down the pipe, then gone
            code = 0
            try:
                os.close(read)
                die_with_parent(parent)
                try:
                    data = pickle.dumps((True, [func(job, item) for item in items]))
                except BaseException as exc:  # handed to the parent
                    try:
                        data = pickle.dumps((False, exc))
                    except Exception:  # an exception that cannot be pickled
                        data = pickle.dumps((False, RuntimeError(repr(exc))))
                with os.fdopen(write, "wb") as pipe:
                    pipe.write(data)
            except BaseException:  # the parent sees no results
                code = 1
            finally:
                os._exit(code)
        os.close(write)
        self._pid, self._read = pid, read

    def results(self) -> list[R]:
        import pickle

        if self._results is None and self._failure is None:
            with os.fdopen(self._read, "rb") as pipe:  # read it all before the child ends
                data = pipe.read()
            _, status = os.waitpid(self._pid, 0)
            if not data:
                self._failure = RuntimeError(f"a worker process ended ({status}) with no result")
            else:
                ok, value = pickle.loads(data)
                if ok:
                    self._results = value
                else:
                    self._failure = value
        if self._failure is not None:
            raise self._failure
        assert self._results is not None
        return self._results


def later(func: Callable[[J, T], R], job: J, items: Sequence[T]) -> Later[R] | None:
    """Start `func(job, item)` for every item in a forked child (see `Later`), or None when
    this process cannot fork safely (not the main thread, no fork, one core): the caller
    then does the work itself."""
    if (os.cpu_count() or 1) < 2 or not items or not _may_fork():
        return None
    return Later(func, job, items)


def _start_resource_tracker() -> None:
    """Start multiprocessing's resource tracker (every spawned pool needs it) with a real
    stderr. Under Textual `sys.stderr` is a capture whose `fileno()` is -1, which the tracker
    passes on to its process: the desk's first read of a large newsroom then failed with
    "bad value(s) in fds_to_keep"."""
    import sys
    from multiprocessing import resource_tracker

    saved = sys.stderr
    try:
        try:
            usable = saved is not None and saved.fileno() >= 0
        except (OSError, ValueError, AttributeError):
            usable = False
        if not usable:
            sys.stderr = sys.__stderr__
        resource_tracker.ensure_running()
    finally:
        sys.stderr = saved


def workers_for(held: int) -> int | None:
    """The `workers` for a map whose items reference the `held` records of this process:
    every core (None), or 0 (in this process) past FORK_MAX."""
    return None if held <= FORK_MAX else 0


def _may_fork() -> bool:
    import multiprocessing

    main = threading.current_thread() is threading.main_thread()
    return main and "fork" in multiprocessing.get_all_start_methods()


def _call(func: Callable[[Any, T], R], item: T) -> R:
    """In a worker: one item's work, with the job the worker was started with."""
    return func(_JOB, item)


def _start(job: Any, parent: int) -> None:
    """A worker takes its job, collects its own garbage (the parent may have paused its
    collector while loading) and ends with its parent: `parent` is the pid taken before the
    fork, so a parent already gone by now (its pid would read as 1) is noticed too."""
    global _JOB
    _JOB = job
    gc.enable()
    die_with_parent(parent)


def die_with_parent(parent: int) -> None:
    """A worker ends when the process that started it (pid `parent`) ends, even by
    `kill -9`: an orphan would hold the publish lock (its inherited descriptor) and stop
    every later run, stuck writing to a pipe nobody reads."""
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
