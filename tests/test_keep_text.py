"""The desk never loses an editor's text, and a started thing can be undone: quitting with
text not saved asks, copies kept aside can be restored or discarded, a draft can be deleted
and a correction cancelled; the correction's own note is named for what it is; a dateline
that is no city is refused when the release is made."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from click.testing import CliRunner

from newsroom.cli import cli
from newsroom.core.service import Newsroom

from .tuikit import SEED_ID, make_app

# 5. A dateline that is no city is refused at creation, in the check's words --------------


@pytest.mark.parametrize(
    ("language", "said"),
    [("en", "the dateline “JAKARTA PADA HARI SENIN TANGG…” (47 characters) is no city"),
     ("id", "isian Kota “JAKARTA PADA HARI SENIN TANGG…” (47 karakter) bukan nama kota")],
)  # fmt: skip
def test_new_refuses_a_dateline_that_is_no_city(root: Path, language: str, said: str) -> None:
    env = {"NEWSROOM_LANG": language, "COLUMNS": "400"}
    long = "Jakarta pada hari Senin tanggal tujuh Desember"
    assert len(long) == 46
    args = ["--root", str(root), "--as", "ald", "new", "--title", "Tes", "--dateline", long + "x"]
    done = CliRunner().invoke(cli, args, env=env)
    assert done.exit_code == 2, done.output
    assert said in " ".join(done.output.split())
    assert not list((root / "articles").rglob("tes*.md"))  # nothing written
    city = "kota administrasi jakarta selatan"
    args = ["--root", str(root), "--as", "ald", "new", "--title", "Tes", "--dateline", city]
    done = CliRunner().invoke(cli, args, env=env)
    assert done.exit_code == 0, done.output
    assert list((root / "articles").rglob("tes.md"))


# 4. The writer's own correction note is labelled as such, not as a reviewer's ------------


@pytest.mark.parametrize(
    ("language", "heading"), [("en", "Correction note"), ("id", "Catatan ralat")]
)
async def test_the_editor_names_a_correction_note_for_what_it_is(
    bundled: Path, language: str, heading: str
) -> None:
    from textual.widgets import Static

    from newsroom.core.clock import fixed_clock
    from newsroom.tui.screens.editor import EditScreen

    from .tuikit import NOW

    Newsroom.open(bundled, "ald", fixed_clock(NOW)).act(SEED_ID, "correct", note="Angka salah")
    app = make_app(bundled, "ald", language)
    async with app.run_test(size=(100, 30)) as pilot:
        await app.workers.wait_for_complete()
        app.push_screen(EditScreen(app.newsroom.edit(SEED_ID)))
        await pilot.pause()
        notes = str(app.screen.query_one("#notes", Static).render())
        assert notes.splitlines()[0] == heading
        assert "Angka salah" in notes
        assert "peninjau" not in notes.lower() and "reviewer" not in notes.lower()


async def test_a_note_that_sent_the_text_back_is_still_the_reviewers(bundled: Path) -> None:
    from textual.widgets import Static

    from newsroom.tui.screens.editor import EditScreen

    app = make_app(bundled, "ald", "id")
    async with app.run_test(size=(100, 30)) as pilot:
        await app.workers.wait_for_complete()
        app.push_screen(EditScreen(app.newsroom.edit("35384aa0")))  # sent back for changes
        await pilot.pause()
        notes = str(app.screen.query_one("#notes", Static).render())
        assert notes.splitlines()[0] == "Catatan peninjau"


