"""Snapshots of the key screens in both languages (textual pinned with == so they stay stable).

These complement the pilot tests, which assert behaviour; a snapshot catches layout drift.
Update them deliberately with `pytest tests/test_snapshots.py --snapshot-update`.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from newsroom.tui.screens.release import ReleaseScreen

from .tuikit import SEED_ID, make_app


async def _ready(pilot: Any) -> None:
    await pilot.app.workers.wait_for_complete()
    await pilot.pause()


@pytest.mark.parametrize(("language", "size"), [("en", (120, 40)), ("id", (80, 24))])
def test_desk(
    snap_compare: Any,
    bundled: Path,
    language: str,
    size: tuple[int, int],
) -> None:
    assert snap_compare(
        make_app(bundled, "redaktur", language), terminal_size=size, run_before=_ready
    )


@pytest.mark.parametrize("language", ["id", "en"])
def test_release(snap_compare: Any, bundled: Path, language: str) -> None:
    async def open_seed(pilot: Any) -> None:
        await _ready(pilot)
        pilot.app.push_screen(ReleaseScreen(SEED_ID))
        await _ready(pilot)

    assert snap_compare(
        make_app(bundled, "redaktur", language), terminal_size=(120, 40), run_before=open_seed
    )


def test_editor(snap_compare: Any, bundled: Path) -> None:
    async def edit(pilot: Any) -> None:
        await _ready(pilot)
        await pilot.press("3", "enter")  # drafts, open the first
        await _ready(pilot)
        await pilot.press("e")
        await _ready(pilot)

    assert snap_compare(make_app(bundled, "rin", "id"), terminal_size=(120, 40), run_before=edit)
