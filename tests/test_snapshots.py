"""Snapshots of the key screens in both languages (textual pinned with == so they stay stable).

These complement the pilot tests, which assert behaviour; a snapshot catches layout drift.
Update them deliberately with `pytest tests/test_snapshots.py --snapshot-update`.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from newsroom.tui.screens.release import ReleaseScreen

from .tuikit import SEED_ID, make_app, ready


@pytest.fixture(autouse=True)
def steady_cursors(monkeypatch: pytest.MonkeyPatch) -> None:
    """A focused field's cursor blinks every half second: on a loaded machine a snapshot
    taken more than half a second after the focus caught it off. Here it stays on."""
    from textual.widgets import Input, TextArea

    monkeypatch.setattr(Input, "_toggle_cursor", lambda self: None)
    monkeypatch.setattr(TextArea, "_toggle_cursor_blink_visible", lambda self: None)


async def _ready(pilot: Any) -> None:
    """The desk loaded (not "Loading the desk…": its worker may not have started when the
    first pause ends) and every worker done."""
    await ready(pilot)


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


def test_correction_under_review(snap_compare: Any, bundled: Path) -> None:
    """The reviewer's view of a correction: Ralat 1, its note, the word-level changes, and
    the text as it will go out."""
    from .test_review import correct_the_seed

    correct_the_seed(bundled)

    async def open_seed(pilot: Any) -> None:
        await _ready(pilot)
        pilot.app.push_screen(ReleaseScreen(SEED_ID))
        await _ready(pilot)

    assert snap_compare(
        make_app(bundled, "nur", "id"), terminal_size=(120, 40), run_before=open_seed
    )


def test_checklist_at_80_columns(snap_compare: Any, bundled: Path) -> None:
    """The checklist with a required check failing (✗), its embargo field and buttons, on a
    small terminal."""
    from newsroom.core.clock import fixed_clock
    from newsroom.core.service import Newsroom

    from .tuikit import NOW

    dwi = Newsroom.open(bundled, "dwi", fixed_clock(NOW))
    article = dwi.find("contoh-menunggu-review-zona-integritas")
    article.body += "\nAngka capaian: TODO.\n"
    dwi.save_edit(article)

    async def approve(pilot: Any) -> None:
        await _ready(pilot)
        pilot.app.push_screen(ReleaseScreen(article.id))
        await _ready(pilot)
        await pilot.press("a")
        await _ready(pilot)

    assert snap_compare(
        make_app(bundled, "redaktur", "en"), terminal_size=(80, 24), run_before=approve
    )
