"""What keeps a cold publish of 100,000 releases within memory (docs/performance.md), checked
for behaviour on small newsrooms: the ledger's first stock-taking staged as files are read,
the cached snapshot kept in pieces, large newsrooms writing their documents in-process."""

from __future__ import annotations

import os
import shutil
from pathlib import Path
from typing import Any

import pytest

from newsroom.core import cache as cache_module
from newsroom.core import index as index_module
from newsroom.core.config import load_config
from newsroom.core.ledger import Ledger

from .feedkit import at, configure, feed_files, release, run
from .test_seal import hand_edit


@pytest.fixture
def nr(root: Path) -> Path:
    configure(root)
    return root


def test_a_first_publish_takes_stock_of_what_is_published_and_of_nothing_else(
    nr: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A fresh clone (no .newsroom) reads every file; the rows of the sound releases reach
    the ledger through its staging table, batch by batch, and a broken one's does not."""
    good = [release(nr, at(0), f"Rilis {n}") for n in range(3)]
    bad = release(nr, at(0.5), "Rilis diubah")
    assert run(nr, at(1)).ok
    shutil.rmtree(nr / ".newsroom")
    hand_edit(nr, bad, lambda a: setattr(a, "body", "Isi yang diganti diam-diam.\n"))
    monkeypatch.setattr(index_module, "STREAM_EVERY", 1)  # a batch a file

    result = run(nr, at(2))

    assert ("took_stock", 3) in result.noted
    ledger = Ledger(load_config(nr))
    assert ledger.initialized
    assert all(ledger.get(i)[0] is not None for i in good)
    assert ledger.get(bad) == (None, None)
    assert {r.id for r in result.refused} == {bad}
    ledger.close()


def test_a_dry_run_on_a_fresh_clone_stages_and_confirms_nothing(nr: Path) -> None:
    ident = release(nr, at(0), "Rilis")
    assert run(nr, at(1)).ok
    shutil.rmtree(nr / ".newsroom")
    run(nr, at(2), dry_run=True)
    ledger = Ledger(load_config(nr))
    assert not ledger.initialized and ledger.get(ident) == (None, None)
    ledger.close()


def test_the_cached_snapshot_in_pieces_gives_back_every_record(
    nr: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Stored a few files a piece (as 100,000 are, 5,000 a piece), the snapshot is read back
    whole: the next run reads no file again and publishes the same bytes."""
    monkeypatch.setattr(cache_module, "PIECE", 2)
    monkeypatch.setattr(cache_module, "DELTA_LIMIT", 1)  # a snapshot at once, not deltas
    idents = [release(nr, at(n / 10), f"Rilis {n}") for n in range(5)]
    assert run(nr, at(1)).ok
    before = feed_files(nr)
    shutil.rmtree(nr / "feeds")
    result = run(nr, at(1))
    assert feed_files(nr) == before
    assert {p["id"] for p in result.published} == set()  # all known: nothing newly live
    from newsroom.core.cache import Cache
    from newsroom.core.publish import cache_key

    pieces = Cache(load_config(nr), cache_key(load_config(nr)))
    assert len(pieces.db.execute("SELECT id FROM snapshot").fetchall()) >= 3
    records = pieces.records()
    assert {v[2].id for v in records.values()} >= set(idents)  # type: ignore[union-attr]
    pieces.close()


def test_stamped_files_kept_past_the_delta_limit_keep_every_other_record(
    nr: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The files a run stamps, kept in the cache after it (index.remember) when the deltas
    are full: the snapshot is written anew from the cache's own, with every other file's
    record in it and the stamped files as they are now."""
    from newsroom.core.cache import Cache
    from newsroom.core.publish import cache_key
    from newsroom.core.scan import scan

    monkeypatch.setattr(cache_module, "DELTA_LIMIT", 1)
    release(nr, at(0), "Rilis ditinjau", approve=False)
    for n in range(3):
        release(nr, at(n / 10), f"Rilis {n}")
    assert run(nr, at(1)).ok
    config = load_config(nr)
    cache = Cache(config, cache_key(config))
    records = cache.records()
    cache.close()
    now = {f.path: (f.size, f.mtime_ns) for f in scan(config)}
    assert {p: v[:2] for p, v in records.items()} == now
    assert sorted(v[2].status for v in records.values()) == [  # type: ignore[union-attr]
        "in_review",
        "published",
        "published",
        "published",
    ]


@pytest.mark.parametrize("fork_max", [100, 2])
def test_a_large_newsroom_builds_its_documents_without_forking(
    nr: Path, monkeypatch: pytest.MonkeyPatch, fork_max: int
) -> None:
    """Past FORK_MAX releases the feeds' documents are not built on forked workers (they
    would duplicate the records): part on a second interpreter started afresh, the rest in
    this process; below it, on a forked pool (every map made big enough to use one)."""
    import concurrent.futures
    import subprocess

    from newsroom.core import parallel

    for n in range(3):
        release(nr, at(n / 10), f"Rilis {n}")
    pools: list[object] = []
    started: list[list[str]] = []
    real, popen = concurrent.futures.ProcessPoolExecutor, subprocess.Popen

    def counted(*args: object, **kwargs: Any) -> object:
        pools.append(args)
        return real(*args, **kwargs)

    def watched(command: list[str], *args: Any, **kwargs: Any) -> Any:
        started.append(command)
        return popen(command, *args, **kwargs)

    monkeypatch.setattr(concurrent.futures, "ProcessPoolExecutor", counted)
    monkeypatch.setattr(subprocess, "Popen", watched)
    monkeypatch.setattr(parallel, "PARALLEL_MIN", 0)
    monkeypatch.setattr(parallel, "FORK_MAX", fork_max)
    result = run(nr, at(1))
    assert result.ok and len(result.published) == 3
    assert feed_files(nr)["rss.xml"].count(b"<item>") == 3
    beside = [c for c in started if c[-1] == "beside"]
    if fork_max == 2:
        assert len(pools) == 1 and len(beside) == 1  # (the pool: the read of the files)
    else:
        assert len(pools) > 1 and not beside


def test_documents_built_beside_a_spawned_worker_are_the_same_bytes(
    nr: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The feeds of a newsroom past FORK_MAX (half the documents built by a spawned worker)
    and of the same newsroom built in one process are byte for byte the same."""
    from newsroom.core import parallel
    from newsroom.core.feeds import output

    for n in range(6):
        release(nr, at(n / 10), f"Rilis {n}", category=("Ekonomi", "Pemilu")[n % 2])
    alone = tmp_path / "alone"
    shutil.copytree(nr, alone)
    split: list[list[bool]] = []
    real = output.halves
    monkeypatch.setattr(output, "halves", lambda docs: split.append(real(docs)) or split[-1])
    monkeypatch.setattr(parallel, "PARALLEL_MIN", 0)
    monkeypatch.setattr(parallel, "FORK_MAX", 2)
    assert run(nr, at(1)).ok
    assert split and any(split[0]) and not all(split[0])  # some there, some here
    monkeypatch.setattr(parallel, "PARALLEL_MIN", 10**9)  # everything in this process
    assert run(alone, at(1)).ok
    assert feed_files(nr) == feed_files(alone)


SPAWN_UNDER_TEXTUAL = """
import sys, threading
from newsroom.core.parallel import PARALLEL_MIN, pmap
from newsroom.core.scan import FileStat


class Capture:  # what Textual puts in sys.stderr while an app runs
    def write(self, text): return len(text)
    def flush(self): pass
    def fileno(self): return -1


def double(job, item):
    return job * item


if __name__ == "__main__":
    sys.stderr = Capture()
    done = []
    work = lambda: done.append(pmap(double, 2, list(range(PARALLEL_MIN))))
    thread = threading.Thread(target=work)
    thread.start()
    thread.join()
    print(sum(done[0]) if done else "failed")
"""


def test_a_pool_started_from_a_thread_under_textual_works(tmp_path: Path) -> None:
    """The desk reads a large newsroom from a Textual worker thread, so its pool is spawned,
    while Textual holds a stderr whose fileno() is -1 (the desk's first read of 10,000 files
    failed with "bad value(s) in fds_to_keep"). In a process of its own: the resource
    tracker that failed starts once per process."""
    import subprocess
    import sys

    from newsroom.core.parallel import PARALLEL_MIN

    script = tmp_path / "spawn.py"
    script.write_text(SPAWN_UNDER_TEXTUAL)
    done = subprocess.run(
        [sys.executable, str(script)], capture_output=True, text=True, timeout=120, check=False
    )
    assert done.stdout.strip() == str(sum(2 * i for i in range(PARALLEL_MIN))), done.stderr[-2000:]


def _square(job: int, item: int) -> int:
    if item < 0:
        raise ValueError(f"no square of {item}")
    if item == 99:
        os._exit(3)  # the process dies without a word
    return job * item * item


def test_a_spare_runs_one_map_and_gives_its_results_in_order_or_raises_what_it_raised() -> None:
    """`Spare`: a second interpreter, started early, handed one small map."""
    from newsroom.core.parallel import Spare

    spare = Spare.start()
    assert spare is not None
    spare.preload([__name__])
    assert spare.map(_square, 2, [3, 1, 2])
    assert spare.results() == [18, 2, 8]
    assert spare.results() == [18, 2, 8]  # asked twice: the same answer
    spare.close()
    failed = Spare.start()  # (no preload: the map's pickle imports what it needs)
    assert failed is not None and failed.map(_square, 2, [1, -4])
    with pytest.raises(ValueError, match="no square of -4"):
        failed.results()
    failed.close()
    died = Spare.start()
    assert died is not None
    died.preload([__name__])
    assert died.map(_square, 1, [99])
    with pytest.raises(RuntimeError, match="no result"):
        died.results()
    died.close()


def test_a_spare_not_needed_ends_with_the_run() -> None:
    from newsroom.core.parallel import Spare

    spare = Spare.start()
    assert spare is not None
    spare.close()
    assert spare._proc.returncode is not None  # killed and waited for: no process left


def _stuck(job: int, item: int) -> int:
    import time

    time.sleep(60)
    return item


def test_a_spare_that_never_answers_is_stopped_and_says_so() -> None:
    """A stuck spare never holds the run (cron must end): stopped after its time."""
    from newsroom.core.parallel import Spare

    spare = Spare.start()
    assert spare is not None and spare.map(_stuck, 1, [1])
    with pytest.raises(RuntimeError, match="no result"):
        spare.results(timeout=1)
    assert spare._proc.returncode is not None
    spare.close()


def test_a_map_beside_a_fresh_worker_gives_every_result_in_order(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """Items done there and here come back in order; what the worker raises is raised here;
    a worker that cannot start leaves the work to this process."""
    import operator
    import sys

    from newsroom.core import parallel

    monkeypatch.setattr(parallel, "PARALLEL_MIN", 0)
    items = list(range(40))
    there = [n % 3 == 0 for n in items]
    assert parallel.pmap_beside(operator.mul, 3, items, there) == [3 * n for n in items]
    with pytest.raises(ZeroDivisionError):
        parallel.pmap_beside(operator.truediv, 1, [1, 0], [False, True])
    # an item that will not pickle: the worker is never left waiting for it (nor this
    # process for the worker), and its items are done here
    unpicklable = [1, 2, 3, lambda: None, 5]
    got = parallel.pmap_beside(_kind, 0, unpicklable, [True] * 5)
    assert got == ["int", "int", "int", "function", "int"]
    monkeypatch.setattr(sys, "executable", "/nonexistent/python")
    assert parallel.pmap_beside(operator.mul, 2, [1, 2], [True, False]) == [2, 4]


def _kind(job: int, item: object) -> str:
    return type(item).__name__
