"""Work spread over the machine's cores: a typed map over a frozen job description.

A job is a frozen value (a NamedTuple, or a frozen dataclass) holding everything the work
needs; the mapped function takes the job and one item, and nothing else: no module
globals, no caches that a later call must remember to clear. Each worker receives the job
once, when it starts. From the main thread the workers are forked (they inherit the job
without pickling it); from any other thread (the desk's background work, the desk's
publish) they are spawned, since forking a threaded process can deadlock the child, and
receive the job pickled.

Small maps run in this process, and then the pool and its imports are never loaded. A
small map can instead run on a `Spare`: a second interpreter started early in a run, so
this process does other work meanwhile.
"""

from __future__ import annotations

import contextlib
import gc
import os
import signal
import threading
import time
from collections.abc import Callable, Iterator, Sequence
from functools import partial
from typing import TYPE_CHECKING, Any, NoReturn, TypeVar

if TYPE_CHECKING:
    import subprocess

    from .scan import FileStat

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


BESIDE_CHUNK = 8  # items handed to the worker beside this process in one piece


def pmap_beside(
    func: Callable[[J, T], R],
    job: J,
    items: Sequence[T],
    there: Sequence[bool],
    *,
    weight: int | None = None,
) -> list[R]:
    """`func(job, item)` for every item, in order: the items marked in `there` on a second
    interpreter, the others in this process meanwhile. The second one is a fresh process
    (`python -m newsroom.core.parallel`, as a `Spare`): it shares no page with this
    process, so handing it items copies none of the records this process holds (past
    FORK_MAX, where a forked pool would), and it runs no `__main__` of ours. Its items go
    a few at a time (it never holds them all), its results come back at the end. `job` and
    the items must be picklable; `func` a module-level function. A small map (`weight`,
    as `imap` weighs it) is done here; so is the work of a worker that died."""
    import pickle
    import subprocess
    import sys

    theirs = [item for item, away in zip(items, there, strict=True) if away]
    small = (weight if weight is not None else len(items)) < PARALLEL_MIN
    if small or not theirs or (os.cpu_count() or 1) < 2:
        return [func(job, item) for item in items]
    command = [sys.executable, "-m", __name__, str(os.getpid()), "beside"]
    try:
        proc = subprocess.Popen(command, stdin=subprocess.PIPE, stdout=subprocess.PIPE,
                                stderr=subprocess.DEVNULL)  # fmt: skip
    except OSError:
        return [func(job, item) for item in items]
    stdin = proc.stdin
    assert stdin is not None and proc.stdout is not None

    unsent: list[BaseException] = []  # (what stopped the feeding, if anything did)

    def feed() -> None:  # (a thread: this process works meanwhile)
        try:
            pickle.dump((func, job), stdin, _PICKLE)
            for start in range(0, len(theirs), BESIDE_CHUNK):
                pickle.dump(theirs[start : start + BESIDE_CHUNK], stdin, _PICKLE)
        except Exception as exc:  # it ended, or an item would not pickle: done here
            unsent.append(exc)
        finally:  # (never left open: the worker would wait for more, and this process too)
            with contextlib.suppress(OSError, ValueError):
                stdin.close()

    feeder = threading.Thread(target=feed, daemon=True)
    feeder.start()
    try:
        mine = [func(job, item) for item, away in zip(items, there, strict=True) if not away]
        feeder.join()
        data = proc.stdout.read()
    except BaseException:  # this process failed: the worker's work is not wanted
        proc.kill()
        raise
    finally:
        proc.wait()
        feeder.join()
        stdin.close()
        proc.stdout.close()
    try:
        ok, value = pickle.loads(data)
        if unsent:  # it had only part of its items: all of them are done here
            ok, value = True, [func(job, item) for item in theirs]
    except Exception:  # it died without a word: its items are done here
        ok, value = True, [func(job, item) for item in theirs]
    if not ok:
        raise value
    made, given = iter(mine), iter(value)
    return [next(given) if away else next(made) for away in there]


def _beside() -> None:
    """In the worker beside a `pmap_beside`: the function and job, then pieces of items
    until the input ends; every result, pickled, at the end."""
    import pickle
    import sys

    source = sys.stdin.buffer
    try:
        func, job = pickle.load(source)
        done: list[Any] = []
        while True:
            try:
                piece = pickle.load(source)
            except EOFError:
                break
            done += [func(job, item) for item in piece]
    except BaseException as exc:  # handed to the parent
        _answer(False, exc)
    _answer(True, done)


SPARE_SECONDS = 120.0  # a spare that has not answered by then is stopped (cron must end)


class Spare:
    """A second interpreter, started early in a run (`start`) and idle until handed one small
    map (`map`): the few feed documents one approval changes are built there while this
    process stages the pages (bench_publish.py, a publish after one approval). Not a fork:
    a forked child shares this process's pages, and each one either side then writes is
    copied (as many as the work saved). It ends with this process, or at `close`."""

    def __init__(self, proc: subprocess.Popen[bytes]) -> None:
        self._proc = proc
        self._results: list[Any] | None = None
        self._failure: BaseException | None = None
        self._preloaded = False
        self._sent = False
        self.walking: tuple[str, str] | None = None  # (root, folder) it walks, till `scanned`

    @classmethod
    def start(cls, walk: tuple[str, str] | None = None) -> Spare | None:
        """Start one (`preload` then names what to import there); None when there is no
        second core or it cannot start. With `walk` (a newsroom's root, its articles
        folder) it first walks that folder and hands back the files (`scanned`)."""
        import subprocess
        import sys

        if (os.cpu_count() or 1) < 2:
            return None
        command = [sys.executable, "-m", __name__, str(os.getpid())]
        if walk is not None:
            command += ["scan", *walk]
        try:
            proc = subprocess.Popen(  # (its failures come back pickled; a crash says
                command,  # nothing on the desk's screen: the work is then done here)
                stdin=subprocess.PIPE,
                stdout=subprocess.PIPE,
                stderr=subprocess.DEVNULL,
            )
        except OSError:
            return None
        spare = cls(proc)
        spare.walking = walk
        return spare

    def scanned(self) -> list[FileStat] | None:
        """The files its walk found (`scan.scan_folder`), or None when it has none to give
        (it was not asked, or it failed or ended: the caller then walks them itself)."""
        from array import array

        from .scan import FileStat

        if self.walking is None:
            return None
        self.walking = None
        out = self._proc.stdout
        if out is None or out.closed:  # (closed: ended by the run)
            return None
        try:  # (unbuffered reads: `results` reads what follows)
            head = _read_exactly(out.fileno(), len(_WALKED) + 8)
            size = int.from_bytes(head[len(_WALKED) :], "little")
            if not head.startswith(_WALKED) or size > _WALKED_MAX:  # (something else on its
                self.close()  # stdout, from a sitecustomize say: read on, it could wait
                return None  # for ever on both sides)
            body = _read_exactly(out.fileno(), size)
        except OSError:
            return None
        count = int.from_bytes(body[:8], "little")
        if len(body) < 8 + 16 * count:  # (cut short)
            return None
        numbers = array("q")
        numbers.frombytes(body[len(body) - 16 * count :])
        text = body[8 : len(body) - 16 * count].decode("utf-8", "surrogateescape")
        paths = text.split("\0") if count else []
        return list(map(FileStat, paths, numbers[:count], numbers[count:]))

    def preload(self, modules: Sequence[str]) -> None:
        """Have it import `modules` (those of the functions it will run) while this process
        goes on: it starts before this process knows them (its outputs not yet loaded)."""
        assert self._proc.stdin is not None and not self._preloaded
        self._preloaded = True
        try:
            self._proc.stdin.write(" ".join(modules).encode() + b"\n")
            self._proc.stdin.flush()
        except (OSError, ValueError):
            pass  # (it ended: `map` says so)

    def map(self, func: Callable[[J, T], R], job: J, items: Sequence[T]) -> bool:
        """Hand it `func(job, item)` for every item (`results` gives them); False when it
        cannot take them (it ended): the caller then does the work itself."""
        import pickle

        assert self._proc.stdin is not None and not self._sent
        try:
            if not self._preloaded:
                self.preload([])
            self._proc.stdin.write(pickle.dumps((func, job, list(items)), _PICKLE))
            self._proc.stdin.close()
            self._proc.stdin = None  # (sent: `communicate` reads the answer)
        except (OSError, ValueError, pickle.PicklingError):
            self.close()
            return False
        self._sent = True
        return True

    def results(self, timeout: float = SPARE_SECONDS) -> list[Any]:
        """The map's results, in order, or what it raised (RuntimeError: it ended without
        a word, or gave none within `timeout` seconds and was stopped)."""
        import pickle
        import subprocess

        assert self._sent
        if self.walking is not None:  # (its files, never asked for: read past them)
            self.scanned()
        if self._results is None and self._failure is None:
            try:
                data, _ = self._proc.communicate(timeout=timeout)
            except subprocess.TimeoutExpired:  # (a small map: stuck, never slow)
                self._proc.kill()
                self._proc.communicate()
                data = b""
            code = self._proc.returncode
            try:
                ok, value = pickle.loads(data)
            except Exception:  # cut short: the process died
                ok, value = False, RuntimeError(f"a worker process ended ({code}), no result")
            if ok:
                self._results = value
            else:
                self._failure = value
        if self._failure is not None:
            raise self._failure
        assert self._results is not None
        return self._results

    def close(self) -> None:
        """End it (at the end of the run: its results were read, or are not wanted)."""
        if self._proc.poll() is None:
            self._proc.kill()
            self._proc.wait()
        for pipe in (self._proc.stdin, self._proc.stdout):
            if pipe is not None:
                pipe.close()


_PICKLE = 5  # pickle.HIGHEST_PROTOCOL of Python 3.11, without importing pickle here


def _serve(argv: list[str]) -> None:
    """In a spare (`python -m newsroom.core.parallel PARENT [scan ROOT ARTICLES]`): walk
    the articles folder if asked, import the modules named on the first line it reads,
    wait for one map, answer it, end."""
    if argv[1:2] == ["scan"]:  # first: the parent is waiting (one that died meanwhile
        _send_scan(argv[2], argv[3])  # ends it through the closed pipe)
    import importlib
    import pickle
    import sys

    die_with_parent(int(argv[0]))
    names = sys.stdin.buffer.readline().split()  # (empty at once: not needed after all)
    for name in names:
        importlib.import_module(name.decode())
    try:
        func, job, items = pickle.load(sys.stdin.buffer)
    except EOFError:  # not needed after all
        os._exit(0)
    try:
        results = [func(job, item) for item in items]
    except BaseException as exc:  # handed to the parent
        _answer(False, exc)
    _answer(True, results)


def _send_scan(root: str, articles: str) -> None:
    """In a spare: the files of `scan.scan_folder(root, articles)` on stdout (`scanned`
    reads them): their number, the paths joined by NULs, then every size and every mtime
    as 64-bit numbers; an empty message when the walk failed. Nothing heavier is imported
    first: the parent wants the files before it has loaded itself (early.py)."""
    import sys
    from array import array

    from .scan import scan_folder

    try:
        files = scan_folder(root, articles)
        paths = "\0".join(f.path for f in files).encode("utf-8", "surrogateescape")
        numbers = array("q", [f.size for f in files])
        numbers.extend([f.mtime_ns for f in files])
        body = len(files).to_bytes(8, "little") + paths + numbers.tobytes()
    except Exception:  # (the parent walks them itself)
        body = b""
    out = sys.stdout.buffer
    out.write(_WALKED + len(body).to_bytes(8, "little") + body)
    out.flush()


_WALKED = b"newsroom-walk-1\n"  # what opens a spare's walk on its stdout (`scanned`)
_WALKED_MAX = 1 << 32  # bytes: far past any newsroom's (100,000 files: ~9 MB)


def _read_exactly(fd: int, size: int) -> bytes:
    """`size` bytes from the pipe `fd`, fewer if it ends first."""
    parts = []
    while size > 0:
        part = os.read(fd, min(size, 1 << 20))
        if not part:
            break
        parts.append(part)
        size -= len(part)
    return b"".join(parts)


def _answer(ok: bool, value: Any) -> NoReturn:
    """In a worker process: hand the parent (ok, results) or (False, what was raised),
    pickled on stdout, and end."""
    import pickle
    import sys

    try:
        data = pickle.dumps((ok, value), _PICKLE)
    except Exception as exc:  # results, or an exception, that cannot be pickled
        failure = RuntimeError(repr(exc) if ok else repr(value))
        data = pickle.dumps((False, failure), _PICKLE)
    sys.stdout.buffer.write(data)
    sys.stdout.buffer.flush()
    os._exit(0)


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


if __name__ == "__main__":
    import sys

    if sys.argv[2:] == ["beside"]:
        die_with_parent(int(sys.argv[1]))
        gc.enable()
        _beside()
    _serve(sys.argv[1:])
