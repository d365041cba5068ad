"""Helpers for TUI tests: a copy of the bundled newsroom and an app acting as someone."""

from __future__ import annotations

import datetime as dt
import shutil
import time
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any

from newsroom.core.clock import fixed_clock
from newsroom.core.service import Newsroom
from newsroom.tui.app import NewsroomApp
from newsroom.tui.settings import Settings

if TYPE_CHECKING:
    from newsroom.tui.screens.publish import PublishScreen

# A committed copy of the bundled newsroom (newsroom.toml and articles/ as the repository
# ships them). Tests never copy the working tree's articles/: a day of `make run` changes
# those, and the tests would then check whatever that day left behind.
BUNDLED = Path(__file__).resolve().parent / "data" / "bundled"
WIB = dt.timezone(dt.timedelta(hours=7))
NOW = dt.datetime(2026, 11, 27, 9, 0, tzinfo=WIB)
SEED_ID = "9ef7d5e6-e4d4-4ea9-a5b1-2018120700a1"


def copy_bundled(tmp_path: Path) -> Path:
    """A fresh copy of the bundled newsroom's fixture (config, articles) to act on."""
    root = tmp_path / "nr"
    shutil.copytree(BUNDLED, root)
    return root


def make_app(root: Path, actor: str, language: str = "en") -> NewsroomApp:
    """The app on `root` as `actor`, at the tests' fixed time, without watching files."""
    newsroom = Newsroom.open(root, actor, fixed_clock(NOW))
    return NewsroomApp(newsroom, Settings(language=language), watch=False)


# How long a test lets the app work towards what it waits for before it gives up: a guard
# against a hang, not a measure (a loaded machine takes seconds where an idle one takes ms).
PATIENCE = 60.0


async def until(pilot: Any, condition: Callable[[], object], what: str = "") -> None:
    """Let the app work until `condition()` holds. A test waits on what it expects, never on
    one pause: a pause ends when the app looks idle, which under load (a busy machine, two
    suites at once) comes before a worker started on mount or a burst of keys is done."""
    deadline = time.monotonic() + PATIENCE
    while not condition():
        if time.monotonic() > deadline:
            raise AssertionError(f"not reached in {PATIENCE:g} s: {what or condition}")
        await pilot.pause(0.02)


def desk_loaded(app: NewsroomApp) -> bool:
    """Whether the desk has read every release (its first screen is shown in full)."""
    from newsroom.tui.screens.desk import DeskScreen

    desk = next((s for s in app.screen_stack if isinstance(s, DeskScreen)), None)
    return desk is not None and desk.desk is not None and desk.desk.reading is None


async def ready(pilot: Any) -> None:
    """The desk loaded and every worker done (what a snapshot or a first key needs)."""
    await until(pilot, lambda: desk_loaded(pilot.app), "the desk loaded")
    await pilot.app.workers.wait_for_complete()
    await pilot.pause()


async def publish_dialog(app: NewsroomApp, pilot: Any) -> PublishScreen:
    """P pressed on the desk (or a release), and the publish dialog once its preview is in."""
    from newsroom.tui.screens.publish import PublishScreen

    await app.workers.wait_for_complete()
    await pilot.press("P")
    await until(pilot, lambda: isinstance(app.screen, PublishScreen), "the publish dialog")
    dialog = app.screen
    assert isinstance(dialog, PublishScreen)
    await until(pilot, lambda: dialog.dry is not None, "the dry run")
    await pilot.pause()
    return dialog
