"""Shared fixtures: temporary newsrooms with a fixed clock and a chosen actor."""

from __future__ import annotations

import datetime as dt
import tempfile
from collections.abc import Callable
from pathlib import Path

import pytest

from newsroom.core.clock import fixed_clock
from newsroom.core.init import init_newsroom
from newsroom.core.service import Newsroom

REPO = Path(__file__).resolve().parent.parent
SEED = REPO.parent / "shared" / "seeds" / "000_9ef7d5e6e4d4ea9a.txt"
SEED_COPY = Path(__file__).resolve().parent / "data" / "seed.txt"
WIB = dt.timezone(dt.timedelta(hours=7))
NOW = dt.datetime(2026, 11, 27, 9, 0, tzinfo=WIB)


def pytest_configure(config: pytest.Config) -> None:
    """Keep the snapshot plugin's failure report out of the repository.

    pytest-textual-snapshot writes `snapshot_report.html` into the working directory when a
    snapshot differs; from a checkout that is the repository itself. Unless a path is asked
    for, the report goes to the temporary folder (the run's summary prints where)."""
    if config.getoption("--snapshot-report", default=None) == "snapshot_report.html":
        report = Path(tempfile.gettempdir()) / "newsroom-snapshot-report.html"
        config.option.snapshot_report = str(report)


@pytest.fixture(autouse=True)
def own_settings(tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch) -> Path:
    """Tests never read or write the person's own settings (ctrl+l remembers the language
    there), and speak English unless they choose: the language is fixed like the clock."""
    path = tmp_path_factory.mktemp("settings") / "settings.toml"
    monkeypatch.setenv("NEWSROOM_SETTINGS", str(path))
    monkeypatch.delenv("NEWSROOM_LANG", raising=False)
    monkeypatch.setenv("LC_ALL", "C.UTF-8")
    return path


@pytest.fixture
def root(tmp_path: Path) -> Path:
    """A fresh newsroom folder made by `newsroom init`."""
    init_newsroom(tmp_path / "nr", "Humas Uji")
    return tmp_path / "nr"


@pytest.fixture
def as_user(root: Path) -> Callable[..., Newsroom]:
    """Open the temporary newsroom as a given person at a given time."""

    def open_as(actor: str, now: dt.datetime = NOW) -> Newsroom:
        return Newsroom.open(root, actor, fixed_clock(now))

    return open_as


@pytest.fixture
def seed_text() -> str:
    """The plain text of the bundled seed release (a copy lives in tests/data)."""
    return SEED_COPY.read_text(encoding="utf-8")


@pytest.fixture
def bundled(tmp_path: Path) -> Path:
    """A copy of the bundled newsroom from its committed fixture (TUI tests and snapshots)."""
    from .tuikit import copy_bundled

    return copy_bundled(tmp_path)
