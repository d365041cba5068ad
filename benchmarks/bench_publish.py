"""Publish benchmark: newsroom against Hugo (RSS only) on the shared corpus, side by side.

    python benchmarks/bench_publish.py [--n 10000] [--runs 3] [--ones 1] [--work DIR]
                                       [--skip-hugo] [--sign]

Makes the corpus with ../shared/bench/gen_corpus.py (same releases for both tools),
then times, in one run: Hugo's build; newsroom's cold publish (no feeds, no cache);
a publish after one more release was approved (and Hugo's rebuild for it); a publish
with nothing changed. Timed runs are not watched: peak memory (the largest sum of PSS
over the publish's process tree, parent and workers, sampled every 20 ms) is taken in one
more round of the same runs after the timed ones, since reading a process's memory map
slows it (about 1.5 ms of CPU a sample, the map's lock held meanwhile), Hugo as much as
newsroom. Prints JSON and a table of
ratios to Hugo's build time; docs/performance.md records the figures. `--sign` gives the
corpus a signing key for the benchmark (unencrypted, outside the corpus, as cron's), so
every publish also writes SHA256SUMS and its signature; the key is taken away afterwards.
`--ones K` times K approvals a round, each publish beside Hugo's rebuild for it: the JSON's
`one_ratio_median` is the median of those pairs' ratios (more samples, each pair timed while
the machine was as it was for both).
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import shutil
import statistics
import subprocess
import sys
import threading
import time
from pathlib import Path

from corpus import GEN, compile_bytecode, empty, generate, put_aside, seal_corpus

NEWSROOM = [sys.executable, "-m", "newsroom.cli"]
NOW = "2025-01-02T00:00:00+07:00"
CONFIG = """[site]
title = "Bench"
base_url = "https://example.go.id"

[[partners]]
name = "antara"
title = "LKBN ANTARA"
embargo_access = true

[[partners]]
name = "pemilu"
title = "Mitra Pemilu"
categories = ["Pemilu"]
"""
HUGO_CONFIG = """baseURL = "https://example.go.id/"
title = "Bench"
disableKinds = ["taxonomy", "term", "sitemap", "robotsTXT", "404"]
[outputs]
home = ["RSS"]
section = ["RSS"]
page = []
"""


def tree_pss_kb(pid: int) -> int:
    """The summed proportional memory (PSS) of a process and its descendants, in KB.

    PSS splits pages shared between a parent and its forked workers among them, so the sum
    is the memory the tree really uses (summed RSS would count shared pages twice). Only the
    tree's own processes are read (through /proc/PID/task/TID/children), so the sampler
    costs little CPU beside the run it measures.
    """
    total, stack = 0, [pid]
    while stack:
        p = stack.pop()
        try:
            for line in Path(f"/proc/{p}/smaps_rollup").read_text().splitlines():
                if line.startswith("Pss:"):
                    total += int(line.split()[1])
                    break
            for task in Path(f"/proc/{p}/task").iterdir():
                stack.extend(int(c) for c in (task / "children").read_text().split())
        except OSError:
            continue
    return total


PRESSURE = Path("/proc/pressure/io")
SETTLED = 1.0  # % of the last 10 s some task waited on the disk, below which it is idle
SETTLE_MAX = 60.0  # seconds to wait at most
WAITED: list[float] = []  # seconds each timed run waited for the disk (in the JSON)


def settle() -> None:
    """Wait until the disk is idle, at most SETTLE_MAX seconds: after a cold run (20,000
    files written, the last run's deleted) the disk went on discarding and writing for
    tens of seconds past `sync`, and the publish after one approval, whose few fsyncs wait
    behind that, took 1.0-2.1 s instead of 0.42-0.66 (2026-12-02, tenth session). Every
    timed run waits alike, Hugo's too."""
    start = time.monotonic()
    try:
        while time.monotonic() - start < SETTLE_MAX:
            some = PRESSURE.read_text().split()[1]  # "some avg10=0.35 avg60=..."
            if float(some.partition("=")[2]) < SETTLED:
                break
            time.sleep(0.5)
    except (OSError, IndexError, ValueError):  # no pressure stall information here
        pass
    WAITED.append(round(time.monotonic() - start, 1))


def timed(
    cmd: list[str], cwd: Path, env: dict[str, str] | None = None, watch: bool = False
) -> tuple[float, int]:
    """Wall seconds of one command (it must succeed) and, `watch`ed, its peak tree memory
    (KB; 0 unwatched: sampling slows the run, see the module docstring).

    The disks are synced first, so a run is not charged for the write-back of the one
    before it (a publish syncs what it writes; right after a cold run, that sync would
    also wait for hundreds of megabytes the cold run left dirty); then the disk is let
    settle (`settle`), for the same reason.
    """
    os.sync()
    settle()
    start = time.perf_counter()
    proc = subprocess.Popen(
        cmd, cwd=cwd, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE
    )
    peak = 0
    done = threading.Event()

    def sample() -> None:
        nonlocal peak
        while not done.is_set():
            peak = max(peak, tree_pss_kb(proc.pid))
            time.sleep(0.02)

    sampler = threading.Thread(target=sample, daemon=True)
    if watch:
        sampler.start()
    _, err = proc.communicate()
    elapsed = time.perf_counter() - start
    done.set()
    if watch:
        sampler.join()
    if proc.returncode not in (0,):
        raise SystemExit(f"{' '.join(cmd)} failed ({proc.returncode}): {err.decode()[-2000:]}")
    return elapsed, peak


def make_corpus(work: Path, n: int) -> tuple[Path, Path]:
    newsroom = generate(work / f"newsroom-{n}", n, "newsroom")
    hugo = generate(work / f"hugo-{n}", n, "hugo")
    (newsroom / "newsroom.toml").write_text(CONFIG)
    (hugo / "config.toml").write_text(HUGO_CONFIG)
    seal_corpus(newsroom)
    return newsroom, hugo


def newsroom_cmd(*args: str) -> list[str]:
    return [*NEWSROOM, "--as", "bench", *args]


STEP = dt.timedelta(minutes=10)  # between one publish after the cold one and the next
ROUND = dt.timedelta(hours=2)  # between two rounds' cold publishes
ONES_MAX = 5  # approvals a round: its runs within the hour after its cold one (`later`)


def later(r: int, k: int = -1) -> dt.datetime:
    """When round `r`'s cold publish runs (`k` -1), and its `k`th publish after one approval:
    each later than the last, as cron's are, so a release approved since is the newest of its
    month and joins its month's newest archive page. (Until 2026-12-02 every run took the one
    fixed time NOW: the new release then took the first free second before the ~300 the cold
    run had published at NOW, the oldest of their month, and every archive page of that month
    moved by one entry and was built again, 14 documents, which no run with a real clock
    does.) A round's runs stay within the hour after its cold one: a run an hour after the
    last that looked at every file looks again (publish/run.py, LOOK_EVERY), which the
    publishes after one approval of a newsroom in use (every few minutes) do not."""
    return dt.datetime.fromisoformat(NOW) + r * ROUND + (k + 1) * STEP


def publish_at(when: dt.datetime) -> list[str]:
    return newsroom_cmd("publish", "--quiet", "--now", when.isoformat(), "--force-clock")


def approve_one(root: Path, i: int, when: dt.datetime) -> None:
    """One more release written, submitted and approved (by a second person) at `when`,
    before the publish that puts it out (not timed)."""
    sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
    from newsroom.core.clock import fixed_clock
    from newsroom.core.service import NewArticle, Newsroom

    clock = fixed_clock(when)
    fields = NewArticle(
        title=f"Rilis tambahan {i}",
        body="Isi rilis tambahan.\n",
        dateline="JAKARTA",
        categories=["Pemilu"],
        author="AS",
        credit="HUMAS",
    )
    writer = Newsroom.open(root, "bench", clock)
    ident = writer.create(fields).id
    writer.act(ident, "submit")
    Newsroom.open(root, "editor", clock).act(ident, "approve")


def hugo_extra(hugo: Path, i: int) -> None:
    post = hugo / "content" / "posts" / f"rilis-tambahan-{i}.md"
    post.write_text(
        f'---\ntitle: "Rilis tambahan {i}"\ndate: 2025-01-01T10:00:00+07:00\n---\n\n'
        "**JAKARTA** — Isi rilis tambahan.\n"
    )


def signing_key(root: Path, work: Path) -> dict[str, str]:
    """A signing key for the corpus (`newsroom keys init --unencrypted`, secret key in
    `work`); returns the environment publish needs to find it."""
    env = {**os.environ, "NEWSROOM_SIGNING_KEY": str(work / "bench-signing.key")}
    remove_signing_key(root, work)
    subprocess.run(newsroom_cmd("keys", "init", "--unencrypted"), cwd=root, env=env, check=True,
                   stdout=subprocess.DEVNULL)  # fmt: skip
    return env


def remove_signing_key(root: Path, work: Path) -> None:
    """Leave the corpus unsigned, as it was made (other benchmarks share it)."""
    for name in ("newsroom.pub", "newsroom-keys.txt", "newsroom-keys.txt.minisig"):
        (root / name).unlink(missing_ok=True)
    shutil.rmtree(root / "newsroom-keys", ignore_errors=True)
    (work / "bench-signing.key").unlink(missing_ok=True)


def run(
    n: int, runs: int, work: Path, skip_hugo: bool, sign: bool = False, ones: int = 1
) -> dict[str, object]:
    """`runs` rounds, each a Hugo build, a cold publish, then `ones` times a release
    approved, the publish that puts it out and Hugo's rebuild with one more post (each
    pair back to back: their ratio is taken while the machine is as it was for both),
    then three publishes with nothing changed."""
    root, hugo = make_corpus(work, n)
    trash = work / "trash"  # the outputs each cold run replaces, deleted at the end
    assert 1 <= ones <= ONES_MAX, f"--ones: 1 to {ONES_MAX}"
    env = signing_key(root, work) if sign else None
    results: dict[str, list[float]] = {
        k: [] for k in ("hugo_build", "hugo_rebuild", "cold", "one", "idle")
    }
    peaks: dict[str, int] = {}
    try:
        for r in range(runs):
            if not skip_hugo:
                put_aside(work / "hugo-out", trash)
                results["hugo_build"].append(
                    timed(["hugo", "--quiet", "-d", str(work / "hugo-out")], hugo)[0]
                )
            for state in ("feeds", ".newsroom"):
                put_aside(root / state, trash)
            subprocess.run(["git", "init", "-q"], cwd=root, check=False)
            results["cold"].append(timed(publish_at(later(r)), root, env)[0])
            for k in range(ones):
                i = r * ones + k  # (the ith extra release)
                approve_one(root, i, later(r, k) - STEP / 2)
                after = publish_at(later(r, k))
                results["one"].append(timed(after, root, env)[0])
                if not skip_hugo:
                    hugo_extra(hugo, i)
                    results["hugo_rebuild"].append(
                        timed(["hugo", "--quiet", "-d", str(work / "hugo-out")], hugo)[0]
                    )
            for _ in range(3):
                results["idle"].append(timed(after, root, env)[0])
        peaks = _peaks(root, env, runs, runs * ones, trash)
    finally:
        empty(trash)
        if sign:
            remove_signing_key(root, work)
        for i in range(runs * ones + 1):  # leave the corpus as it was made
            for extra in root.joinpath("articles").rglob(f"rilis-tambahan-{i}.md"):
                extra.unlink()
            (hugo / "content" / "posts" / f"rilis-tambahan-{i}.md").unlink(missing_ok=True)
    med = {k: statistics.median(v) for k, v in results.items() if v}
    pairs = [h / o for h, o in zip(results["hugo_rebuild"], results["one"], strict=False)]
    return {
        "n": n,
        "runs": runs,
        "signed": sign,
        "cpus": os.cpu_count(),
        "ones": ones,
        "median_seconds": med,
        # Hugo's rebuild over the publish after one approval, each pair timed back to back
        "one_ratio_pairs": [round(x, 2) for x in pairs],
        "one_ratio_median": round(statistics.median(pairs), 2) if pairs else None,
        "all_seconds": results,
        "peak_tree_pss_mb": {k: v / 1024 for k, v in peaks.items()},
        "settle_seconds": WAITED,  # each timed run's wait for an idle disk (`settle`)
    }


def _peaks(root: Path, env: dict[str, str] | None, r: int, i: int, trash: Path) -> dict[str, int]:
    """Peak tree memory (KB) of a cold publish (round `r`'s), of one after an approval (the
    `i`th extra release) and of one with nothing changed, in watched runs (their times are
    not kept)."""
    for state in ("feeds", ".newsroom"):
        put_aside(root / state, trash)
    peaks = {"cold": timed(publish_at(later(r)), root, env, watch=True)[1]}
    approve_one(root, i, later(r, 0) - STEP / 2)
    after = publish_at(later(r, 0))
    peaks["one"] = timed(after, root, env, watch=True)[1]
    peaks["idle"] = timed(after, root, env, watch=True)[1]
    return peaks


def table(result: dict[str, object]) -> str:
    med: dict[str, float] = result["median_seconds"]  # type: ignore[assignment]
    hugo = med.get("hugo_build")
    lines = ["| measurement | seconds (median) | ratio to Hugo's build |", "|---|---|---|"]
    for key, label in (
        ("hugo_build", "Hugo build (RSS only)"),
        ("hugo_rebuild", "Hugo rebuild after one more post"),
        ("cold", "newsroom cold publish (no feeds, no cache)"),
        ("one", "newsroom publish after one release approved"),
        ("idle", "newsroom publish, nothing changed"),
    ):
        if key in med:
            ratio = f"{med[key] / hugo:.3f}" if hugo else "n/a"
            lines.append(f"| {label} | {med[key]:.3f} | {ratio} |")
    if result.get("one_ratio_median") is not None:
        lines.append(
            f"\nHugo's rebuild / publish after one approval, pair by pair: "
            f"{result['one_ratio_pairs']} (median {result['one_ratio_median']})"
        )
    return "\n".join(lines)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--n", type=int, default=10000)
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--work", type=Path, default=Path("/tmp/newsroom-bench"))
    parser.add_argument("--skip-hugo", action="store_true")
    parser.add_argument("--sign", action="store_true", help="publish with a signing key")
    parser.add_argument(
        "--ones", type=int, default=1, help="approvals (each timed with Hugo's rebuild) a round"
    )
    args = parser.parse_args()
    if not GEN.exists():
        raise SystemExit(f"{GEN} not found: the benchmark needs ../shared beside the checkout")
    if not args.skip_hugo and shutil.which("hugo") is None:
        raise SystemExit("hugo not found: apt-get install hugo (or pass --skip-hugo)")
    args.work.mkdir(parents=True, exist_ok=True)
    compile_bytecode()
    result = run(args.n, args.runs, args.work, args.skip_hugo, args.sign, args.ones)
    print(json.dumps(result, indent=2))
    print(table(result))


if __name__ == "__main__":
    main()
