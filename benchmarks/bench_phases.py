"""A first publish, phase by phase: wall time, this process's CPU, its workers' CPU, and the
peak PSS of the process tree in each phase (reading, feeds, pages, rename, recording).

    python benchmarks/bench_phases.py ROOT [--only feeds]   # ROOT: a newsroom (its feeds/
                                          # and .newsroom/ are put aside first: a cold run)

Use a copy of a corpus from `../shared/bench/gen_corpus.py` (bench_publish.py makes them:
`--n 100000 --work DIR`). The comments that name this script quote what it printed.
"""

from __future__ import annotations

import argparse
import datetime as dt
import os
import sys
import threading
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
from corpus import empty, put_aside

from newsroom.core.publish import FILE_OUTPUTS

NOW = "2025-01-02T00:00:00+07:00"  # bench_publish.py's publishing time
TICK = os.sysconf("SC_CLK_TCK")


def _pss_mb(pid: int) -> int:
    try:
        with open(f"/proc/{pid}/smaps_rollup") as rollup:
            for line in rollup:
                if line.startswith("Pss:"):
                    return int(line.split()[1]) // 1024
    except OSError:
        pass
    return 0


def _cpu(pid: int) -> float:
    try:
        with open(f"/proc/{pid}/stat") as stat:
            fields = stat.read().rsplit(")", 1)[1].split()
        return (int(fields[11]) + int(fields[12])) / TICK
    except OSError:
        return 0.0


def _children(pid: int) -> list[int]:
    try:
        with open(f"/proc/{pid}/task/{pid}/children") as kids:
            return [int(k) for k in kids.read().split()]
    except OSError:
        return []


class Phases:
    """Samples the tree every 0.1 s; `mark` closes one phase and opens the next."""

    def __init__(self) -> None:
        self.me = os.getpid()
        self.phase = "start"
        self.peaks: dict[str, int] = {}
        self.worker_cpu: dict[int, float] = {}
        self.began = self.last = time.perf_counter()
        self.last_cpu = self.last_workers = 0.0
        threading.Thread(target=self._sample, daemon=True).start()

    def _sample(self) -> None:
        while True:
            kids = _children(self.me)
            tree = _pss_mb(self.me) + sum(_pss_mb(k) for k in kids)
            self.peaks[self.phase] = max(self.peaks.get(self.phase, 0), tree)
            for kid in kids:
                self.worker_cpu[kid] = _cpu(kid)
            time.sleep(0.1)

    def mark(self, message: str) -> None:
        now, cpu, workers = time.perf_counter(), _cpu(self.me), sum(self.worker_cpu.values())
        print(f"{now - self.began:7.1f} s  {self.phase[:44]:44s} wall {now - self.last:6.1f} s"
              f"  CPU here {cpu - self.last_cpu:6.1f} s, workers {workers - self.last_workers:6.1f}"
              f" s, peak PSS {self.peaks.get(self.phase, 0)} MB", flush=True)  # fmt: skip
        self.phase, self.last, self.last_cpu, self.last_workers = message, now, cpu, workers


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("root", type=Path, help="the newsroom (its outputs are deleted first)")
    parser.add_argument("--as", dest="actor", default="bench", help="who publishes")
    parser.add_argument(
        "--only", nargs="+", metavar="OUTPUT", choices=FILE_OUTPUTS,
        help="run only these outputs (`--only feeds`: the work of 2026-11-28, when issue 12's "
        "148 s was measured: feeds and archives, no pages, ninjs or signatures)",
    )  # fmt: skip
    args = parser.parse_args()
    root = args.root.resolve()
    trash = root.parent / f".{root.name}-trash"  # (see corpus.put_aside)
    for made in ("feeds", ".newsroom"):
        put_aside(root / made, trash)
    from newsroom.core.clock import parse_time
    from newsroom.core.config import load_config
    from newsroom.core.service import Newsroom

    if args.only:
        import newsroom.core.publish as publishing

        every = publishing.outputs
        publishing.outputs = lambda *a, **k: [o for o in every(*a, **k) if o.name in args.only]
    phases = Phases()
    door = Newsroom(load_config(root), args.actor, job="publish")
    result = door.publish(now=parse_time(NOW, dt.UTC), forced_clock=True, progress=phases.mark)
    phases.mark("done")
    spent = os.times()  # the workers' CPU once they have ended (the samples may miss some)
    print(f"ok: {result.ok}; peak PSS of the tree: {max(phases.peaks.values())} MB; CPU of the"
          f" tree: {spent.user + spent.system + spent.children_user + spent.children_system:.1f}"
          f" s (ended workers {spent.children_user + spent.children_system:.1f} s)")  # fmt: skip
    empty(trash)  # (a run right after this one pays for it: see corpus.put_aside)


if __name__ == "__main__":
    main()
