"""Helpers for TUI tests: a copy of the bundled newsroom and an app acting as someone."""

from __future__ import annotations

import datetime as dt
import shutil
from pathlib import Path

from newsroom.core.clock import fixed_clock
from newsroom.core.service import Newsroom
from newsroom.tui.app import NewsroomApp
from newsroom.tui.settings import Settings

REPO = Path(__file__).resolve().parent.parent
WIB = dt.timezone(dt.timedelta(hours=7))
NOW = dt.datetime(2026, 11, 27, 9, 0, tzinfo=WIB)
SEED_ID = "9ef7d5e6-e4d4-4ea9-a5b1-2018120700a1"


def copy_bundled(tmp_path: Path) -> Path:
    """A copy of the bundled newsroom (config, articles) to act on."""
    root = tmp_path / "nr"
    root.mkdir()
    shutil.copy(REPO / "newsroom.toml", root / "newsroom.toml")
    shutil.copytree(REPO / "articles", root / "articles")
    return root


def make_app(root: Path, actor: str, language: str = "en") -> NewsroomApp:
    newsroom = Newsroom.open(root, actor, fixed_clock(NOW))
    return NewsroomApp(newsroom, Settings(language=language), watch=False)
