"""Helpers for TUI tests: a copy of the bundled newsroom and an app acting as someone."""

from __future__ import annotations

import datetime as dt
import shutil
from pathlib import Path

from newsroom.core.clock import fixed_clock
from newsroom.core.service import Newsroom
from newsroom.tui.app import NewsroomApp
from newsroom.tui.settings import Settings

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
