"""kill -9 in the middle of a publish: the feeds must still parse, and the next run heals.

    python benchmarks/kill_test.py [--n 10000] [--work DIR] [--after 3.0 5.0 8.0]

For each delay: publish once fully (so there are feeds to protect), touch every article so
the next run rewrites everything, start a publish, SIGKILL it after the delay, then parse
every feed file with feedparser (bozo must be 0), look for half-written files, and run
publish again to check it finishes the job.
"""

from __future__ import annotations

import argparse
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import feedparser
from corpus import newsroom_corpus

PUBLISH = [
    sys.executable,
    "-m",
    "newsroom.cli",
    "--as",
    "bench",
    "publish",
    "--quiet",
    "--now",
    "2025-01-02T00:00:00+07:00",
    "--force-clock",
]


def check_feeds(root: Path) -> tuple[int, list[str]]:
    bad = []
    files = [p for p in (root / "feeds").rglob("*") if p.is_file()]
    for path in files:
        if path.name.startswith("."):
            continue  # a run's temporary file: never served (names start with a dot)
        if path.suffix == ".xml" and feedparser.parse(path.read_bytes()).bozo:
            bad.append(str(path))
    return len(files), bad


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--n", type=int, default=10000)
    parser.add_argument("--work", type=Path, default=Path("/tmp/newsroom-bench"))
    parser.add_argument("--after", type=float, nargs="+", default=[3.0, 6.0, 9.0])
    args = parser.parse_args()
    root = newsroom_corpus(args.work, args.n)
    env = {**os.environ, "NEWSROOM_ROOT": str(root)}
    for delay in args.after:
        subprocess.run(PUBLISH, env=env, check=True)
        # a new title: every feed document changes, so the killed run had everything to write
        (root / "newsroom.toml").write_text(f'[site]\ntitle = "Bench {time.time():.0f}"\n')
        proc = subprocess.Popen(PUBLISH, env=env)
        time.sleep(delay)
        os.kill(proc.pid, signal.SIGKILL)
        proc.wait()
        time.sleep(1.5)
        orphans = subprocess.run(
            ["pgrep", "-f", "newsroom.cli --as bench publish"], capture_output=True, text=True
        ).stdout.split()
        print(f"killed after {delay:.1f} s: {len(orphans)} worker(s) left running")
        count, bad = check_feeds(root)
        print(f"  {count} files, {len(bad)} that do not parse {bad[:3]}")
        again = subprocess.run(
            [*PUBLISH[:-3], "--json", *PUBLISH[-2:]], env=env, capture_output=True, text=True
        )
        import json

        summary = json.loads(again.stdout)
        print(f"  next run: busy={summary['busy']}, wrote {len(summary['written'])} file(s)")
        count, bad = check_feeds(root)
        temps = [p for p in (root / "feeds").rglob(".*.tmp")]
        print(
            f"  next run exit {again.returncode}: {count} files, {len(bad)} bad, "
            f"{len(temps)} temporary files left"
        )
        if bad or again.returncode or orphans or summary["busy"]:
            raise SystemExit(1)


if __name__ == "__main__":
    main()
