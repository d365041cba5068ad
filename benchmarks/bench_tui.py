"""TUI benchmark on the shared 10,000-release corpus: first painted desk, filter keystrokes,
opening a release, memory. Each scenario runs in its own process (peak memory is that process's).

    python benchmarks/bench_tui.py [--n 10000] [--work DIR]

Baseline, measured in the same run: reading every article file once (open + read), the
least any desk could do without a cache. A keystroke is timed inside the app, from the
filter's change event to the end of the next screen refresh (the pilot's own key
simulation, reported separately, adds its overhead on top).
"""

from __future__ import annotations

import argparse
import asyncio
import json
import resource
import shutil
import statistics
import subprocess
import sys
import time
from pathlib import Path

from corpus import compile_bytecode, newsroom_corpus

WORD = "pemerintah"


def baseline(root: Path) -> float:
    start = time.perf_counter()
    for path in (root / "articles").rglob("*.md"):
        path.read_bytes()
    return time.perf_counter() - start


async def scenario(root: Path) -> dict[str, object]:
    from newsroom.core.service import Newsroom
    from newsroom.tui.app import NewsroomApp
    from newsroom.tui.screens.desk import DeskScreen
    from newsroom.tui.screens.release import ReleaseScreen
    from newsroom.tui.settings import Settings
    from newsroom.tui.widgets.release_list import ReleaseList

    latencies: list[float] = []
    painted: dict[str, float] = {}
    original = DeskScreen.show_rows
    typing = False
    start = time.perf_counter()

    def timed_rows(self: DeskScreen, keep: str | None = None) -> None:
        """Keystroke to painted screen: the filter runs, then the next refresh completes.
        Also notes when the first rows, and all of them, were first on the screen."""
        t0 = time.perf_counter()
        original(self, keep)
        if typing:
            self.app.call_after_refresh(lambda: latencies.append(time.perf_counter() - t0))
        elif self.desk is not None and self.query_one(ReleaseList).rows:
            stage = "complete" if self.desk.reading is None else "first"

            def note(stage: str = stage) -> None:
                painted.setdefault(stage, time.perf_counter() - start)
                painted.setdefault("first", painted[stage])

            self.app.call_after_refresh(note)

    async def type_word(pilot: object) -> list[float]:
        nonlocal typing
        latencies.clear()
        await pilot.press("slash")  # type: ignore[attr-defined]
        typing = True
        for char in WORD:
            await pilot.press(char)  # type: ignore[attr-defined]
            await pilot.pause()  # type: ignore[attr-defined]
        await pilot.pause(0.3)  # type: ignore[attr-defined]
        typing = False
        await pilot.press("escape")  # type: ignore[attr-defined]
        await pilot.pause()  # type: ignore[attr-defined]
        return [round(t * 1000, 1) for t in latencies]

    async def open_release(pilot: object) -> float:
        """Enter on the selected row to the release screen drawn (its text, its facts, its
        history), then back to the desk."""
        began = time.perf_counter()
        await pilot.press("enter")  # type: ignore[attr-defined]
        while not (isinstance(app.screen, ReleaseScreen) and app.screen.article is not None):
            await asyncio.sleep(0.001)
        await pilot.pause()  # type: ignore[attr-defined]
        took = time.perf_counter() - began
        await pilot.press("escape")  # type: ignore[attr-defined]
        await pilot.pause()  # type: ignore[attr-defined]
        return round(took * 1000, 1)

    DeskScreen.show_rows = timed_rows  # type: ignore[method-assign]
    app = NewsroomApp(Newsroom.open(root, "bench"), Settings(language="id"), watch=False)
    result: dict[str, object] = {}
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        result["first_paint_s"] = time.perf_counter() - start
        while "complete" not in painted:
            await asyncio.sleep(0.005)
        result["desk_with_rows_s"] = painted["first"]
        result["desk_complete_s"] = painted["complete"]
        screen = app.screen
        assert isinstance(screen, DeskScreen) and screen.desk is not None
        result["rows"] = len(screen.query_one(ReleaseList).rows)
        # Right away, as a quick editor would: the word index may still be building.
        early = await type_word(pilot)
        while not screen.desk.indexed:  # then with the index ready (built after a pause)
            await asyncio.sleep(0.01)
        result["index_ready_s"] = time.perf_counter() - start
        steady = await type_word(pilot)
        result["keystroke_ms_right_away"] = early
        result["keystroke_ms"] = steady
        both = early + steady
        result["keystroke_median_ms"] = statistics.median(both)
        result["keystroke_max_ms"] = max(both)
        opened = [await open_release(pilot) for _ in range(5)]
        result["open_release_ms"] = opened
        result["open_release_median_ms"] = statistics.median(opened)
    result["peak_rss_mb"] = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    return result


def run_child(root: Path) -> dict[str, object]:
    done = subprocess.run(
        [sys.executable, __file__, "--child", str(root)], capture_output=True, text=True, check=True
    )
    return json.loads(done.stdout.strip().splitlines()[-1])


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--n", type=int, default=10000)
    parser.add_argument("--work", type=Path, default=Path("/tmp/newsroom-bench"))
    parser.add_argument("--child", type=Path)
    args = parser.parse_args()
    if args.child:
        print(json.dumps(asyncio.run(scenario(args.child))))
        return
    root = newsroom_corpus(args.work, args.n)
    compile_bytecode()
    read = baseline(root)
    shutil.rmtree(root / ".newsroom", ignore_errors=True)
    cold = run_child(root)  # no cache: every file is parsed once, on both cores
    warm = run_child(root)  # the usual start: the cache (and the word index) kept before
    report = {
        "n": args.n,
        "baseline_read_all_files_s": read,
        "cold_cache": cold,
        "warm_cache": warm,
    }
    print(json.dumps(report, indent=2))
    for name, r in (("cold cache", cold), ("warm cache", warm)):
        print(
            f"{name}: first paint {r['first_paint_s']:.3f} s, first rows "
            f"{r['desk_with_rows_s']:.3f} s, all {r['rows']} rows {r['desk_complete_s']:.3f} s "
            f"({r['desk_complete_s'] / read:.1f}x reading every file), "
            f"keystroke median {r['keystroke_median_ms']} ms max "
            f"{r['keystroke_max_ms']} ms, a release opened in {r['open_release_median_ms']} ms "
            f"(median of 5), peak RSS {r['peak_rss_mb']:.0f} MB"
        )


if __name__ == "__main__":
    main()
