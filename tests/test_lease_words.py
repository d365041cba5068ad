"""Who holds a release's edit lease is said as people read them (their name from
[people]), with the command that takes it over naming the release, and an editor whose
release was taken over is told who took it, not only that the file changed (walk 20)."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from click.testing import CliRunner
from textual.widgets import Static, TextArea

from newsroom.cli import cli
from newsroom.core import lease
from newsroom.core.config import load_config
from newsroom.tui.app import NewsroomApp
from newsroom.tui.screens.modals import ConflictModal
from newsroom.tui.screens.opening import open_editor

from .tuikit import NOW, make_app

REF = "35384aa0"  # the example release sent back for changes


def test_a_held_release_names_the_person_and_the_release(bundled: Path) -> None:
    """`newsroom --as nur edit 35384aa0` while tamu edits it read "sedang disunting tamu
    (hingga 14:04 …); … `newsroom edit --take-over REF`": the login key, and `REF`."""
    config = load_config(bundled)
    ident = next(p for p in (bundled / "articles").rglob("*.md") if f"id: {REF}" in p.read_text())
    full = ident.read_text().split("id: ", 1)[1].split("\n", 1)[0].strip()
    lease.acquire(config, full, "tamu", dt.datetime.now(dt.UTC))
    for language, words in (("id", "sedang disunting Tamu (contoh) (hingga"),
                            ("en", "being edited by Tamu (contoh)")):  # fmt: skip
        done = CliRunner().invoke(
            cli, ["--root", str(bundled), "--as", "nur", "edit", REF],
            env={"NEWSROOM_LANG": language, "EDITOR": "true"},
        )  # fmt: skip
        assert done.exit_code == 1, done.output
        assert words in done.output and f"`newsroom edit --take-over {REF}`" in done.output
        assert "REF`" not in done.output and "disunting tamu" not in done.output


async def test_a_take_over_is_said_as_one_naming_who(bundled: Path) -> None:
    """After someone took the lease over and saved, the first editor only read "…changed on
    disk while you were editing (another editor, git pull or publish)"."""
    app = make_app(bundled, "rin", "id")
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(app, pilot)
        draft = app.newsroom.find("contoh-draf")
        open_editor(app, draft.id)
        await settle(app, pilot)
        editor = app.screen
        editor.query_one("#body", TextArea).text = "Teks saya."
        lease.acquire(app.newsroom.config, draft.id, "redaktur", NOW, take_over=True)
        path = bundled / str(draft.path)
        path.write_text(path.read_text().replace("Paragraf kedua", "Paragraf mereka"))
        editor.check_disk()  # type: ignore[attr-defined]
        await pilot.pause()
        assert isinstance(app.screen, ConflictModal)
        said = str(app.screen.query_one(Static).render())
        assert "Redaktur mengambil alih penyuntingan siaran pers ini" in said, said
        assert "penyunting lain, git pull" not in said
        await pilot.press("escape")
        await pilot.pause()
        lease.release(app.newsroom.config, draft.id, "redaktur")  # the lease is free again:
        path.write_text(path.read_text().replace("Paragraf mereka", "Paragraf git"))  # a pull
        editor.check_disk()  # type: ignore[attr-defined]
        await pilot.pause()
        said = str(app.screen.query_one(Static).render())
        assert "penyunting lain, git pull" in said, said


async def settle(app: NewsroomApp, pilot: object) -> None:
    await app.workers.wait_for_complete()
    await pilot.pause()  # type: ignore[attr-defined]
