"""Issue 10, part 2: no keystroke is lost.

ctrl+q with unsaved text asks, and quitting keeps the text aside (named at the next start);
`n` writes nothing until the first save; F4 refuses a change to a field the workflow owns,
and says whether the text it brought back is saved."""

from __future__ import annotations

import contextlib
import os
import stat
from pathlib import Path

import pytest
from textual.widgets import Input, Static, TextArea

from newsroom.core import lease
from newsroom.tui.app import NewsroomApp
from newsroom.tui.screens.editor import EditScreen
from newsroom.tui.screens.modals import ConfirmModal, UnsavedModal
from newsroom.tui.screens.opening import open_editor

from .tuikit import NOW, make_app


async def settle(app: NewsroomApp, pilot: object) -> None:
    await app.workers.wait_for_complete()
    await pilot.pause()  # type: ignore[attr-defined]


def article_files(root: Path) -> set[Path]:
    return set((root / "articles").rglob("*.md"))


def messages(app: NewsroomApp) -> list[str]:
    return [str(n.message) for n in app._notifications]


async def test_ctrl_q_with_unsaved_text_asks_and_keeps_it(bundled: Path) -> None:
    app = make_app(bundled, "rin", "id")
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(app, pilot)
        draft = app.newsroom.find("contoh-draf")
        open_editor(app, draft.id)
        await settle(app, pilot)
        app.screen.query_one("#body", TextArea).text = "Kalimat yang belum disimpan."
        await pilot.press("ctrl+q")
        await pilot.pause()
        assert isinstance(app.screen, UnsavedModal)  # asked, like escape
        question = str(app.screen.query_one(Static).render())
        assert "belum disimpan" in question and ".newsroom/unsaved/" in question
        await pilot.press("escape")  # stay
        await pilot.pause()
        assert isinstance(app.screen, EditScreen) and app.is_running
        await pilot.press("ctrl+q")
        await pilot.pause()
        await pilot.press("k")  # quit, the text kept aside
        await pilot.pause()
    kept = app.newsroom.unsaved()
    assert len(kept) == 1 and "Kalimat yang belum disimpan." in kept[0].read_text()
    assert "Kalimat yang belum" not in (bundled / str(draft.path)).read_text()
    assert lease.current(app.newsroom.config, draft.id, NOW) is None
    again = make_app(bundled, "rin", "id")
    async with again.run_test(size=(80, 24)) as pilot:
        await settle(again, pilot)
        assert any(str(kept[0]) in m for m in messages(again))  # said at the next start


async def test_ctrl_q_without_unsaved_text_quits_at_once(bundled: Path) -> None:
    app = make_app(bundled, "rin")
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(app, pilot)
        open_editor(app, app.newsroom.find("contoh-draf").id)
        await settle(app, pilot)
        await pilot.press("ctrl+q")
        await pilot.pause()
        assert not app.is_running
    assert app.newsroom.unsaved() == []


async def test_a_new_release_writes_nothing_until_saved(bundled: Path) -> None:
    before = article_files(bundled)
    app = make_app(bundled, "ald")
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(app, pilot)
        await pilot.press("n", *"Rilis yang ditinggalkan", "enter")
        await settle(app, pilot)
        editor = app.screen
        assert isinstance(editor, EditScreen)
        assert article_files(bundled) == before  # nothing written yet
        assert "not saved yet" in str(editor.query_one("#edit-state", Static).render())
        await pilot.press("escape")  # its title is not saved yet: asked
        await pilot.pause()
        assert isinstance(app.screen, UnsavedModal)
        await pilot.press("tab", "tab", "enter")  # discarded, on purpose: nothing left behind
        await pilot.pause()
        assert not isinstance(app.screen, (EditScreen, UnsavedModal))
        assert app.newsroom.unsaved() == []
        assert article_files(bundled) == before
        await pilot.press("n", *"Rilis yang disimpan", "enter")
        await settle(app, pilot)
        app.screen.query_one("#f-title", Input).value = "Rilis yang Akhirnya Disimpan"
        await pilot.press("ctrl+s")
        await pilot.pause()
        made = article_files(bundled) - before
        assert [p.name for p in made] == ["rilis-yang-akhirnya-disimpan.md"]  # its title now
        assert "action: create" in next(iter(made)).read_text()
    assert not (bundled / ".newsroom" / "leases").exists() or not any(
        (bundled / ".newsroom" / "leases").glob("*.json")
    )


async def test_the_new_release_dialog_asks_for_a_title(bundled: Path) -> None:
    app = make_app(bundled, "ald")
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(app, pilot)
        await pilot.press("n", "enter")
        await pilot.pause()
        assert str(app.screen.query_one("#note-error", Static).render()) == "A title is required."


@pytest.fixture
def editor_script(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> object:
    """$EDITOR as a script that edits the file it is given with sed (the headless test
    terminal cannot be suspended: the editor runs beside it)."""
    monkeypatch.setattr(NewsroomApp, "suspend", lambda self: contextlib.nullcontext())

    def use(expression: str) -> None:
        script = tmp_path / "edit.sh"
        script.write_text(f"#!/bin/sh\nsed -i '{expression}' \"$1\"\n")
        script.chmod(script.stat().st_mode | stat.S_IXUSR)
        monkeypatch.setenv("VISUAL", str(script))

    return use


async def test_f4_refuses_a_change_to_a_field_the_workflow_owns(
    bundled: Path, editor_script: object
) -> None:
    editor_script("s/^status: draft/status: approved/; s/Paragraf kedua/Paragraf baru/")  # type: ignore[operator]
    app = make_app(bundled, "rin")
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(app, pilot)
        draft = app.newsroom.find("contoh-draf")
        open_editor(app, draft.id)
        await settle(app, pilot)
        body = app.screen.query_one("#body", TextArea).text
        await pilot.press("f4")
        await settle(app, pilot)
        said = messages(app)[-1]
        assert "cannot change Status by editing" in said and "kept in" in said
        assert app.screen.query_one("#body", TextArea).text == body  # nothing brought back
        kept = Path(said.rsplit("kept in ", 1)[1])
        assert "status: approved" in kept.read_text()  # the person's text is not lost
        os.unlink(kept)
    assert "status: draft" in (bundled / str(draft.path)).read_text()


async def test_f4_says_the_text_it_brought_back_is_not_saved(
    bundled: Path, editor_script: object
) -> None:
    editor_script("s/Paragraf kedua/Paragraf baru/")  # type: ignore[operator]
    app = make_app(bundled, "rin", "id")
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(app, pilot)
        draft = app.newsroom.find("contoh-draf")
        open_editor(app, draft.id)
        await settle(app, pilot)
        await pilot.press("f4")
        await settle(app, pilot)
        assert "Paragraf baru" in app.screen.query_one("#body", TextArea).text
        assert "belum disimpan: ctrl+s untuk menyimpan" in messages(app)[-1]
        assert "belum disimpan" in str(app.screen.query_one("#edit-state", Static).render())
        assert "Paragraf baru" not in (bundled / str(draft.path)).read_text()
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert str(app.screen.query_one("#edit-state", Static).render()) == "Tersimpan"
    assert "Paragraf baru" in (bundled / str(draft.path)).read_text()


async def test_keeping_a_copy_keeps_the_text_aside_and_says_where(bundled: Path) -> None:
    """Escape, then Keep a copy: the release is untouched, the text is not lost (a walk found
    a person following advice to leave the editor, and losing what they typed)."""
    app = make_app(bundled, "rin")
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(app, pilot)
        draft = app.newsroom.find("contoh-draf")
        open_editor(app, draft.id)
        await settle(app, pilot)
        app.screen.query_one("#body", TextArea).text = "Teks yang dibuang."
        await pilot.press("escape")
        await pilot.pause()
        await pilot.press("k")
        await pilot.pause()
        kept = app.newsroom.unsaved()
        assert len(kept) == 1 and "Teks yang dibuang." in kept[0].read_text()
        assert any(str(kept[0]) in m for m in messages(app))
    assert "Teks yang dibuang" not in (bundled / str(draft.path)).read_text()


async def test_a_save_after_a_take_over_keeps_the_text_aside(bundled: Path) -> None:
    app = make_app(bundled, "rin")
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(app, pilot)
        draft = app.newsroom.find("contoh-draf")
        open_editor(app, draft.id)
        await settle(app, pilot)
        app.screen.query_one("#body", TextArea).text = "Teks sebelum diambil alih."
        lease.acquire(app.newsroom.config, draft.id, "redaktur", NOW, take_over=True)
        await pilot.press("ctrl+s")
        await pilot.pause()
        kept = app.newsroom.unsaved()
        assert len(kept) == 1 and "Teks sebelum diambil alih." in kept[0].read_text()
        assert any("took this release over" in m and str(kept[0]) in m for m in messages(app))


async def test_a_login_that_may_not_act_is_offered_no_action(bundled: Path) -> None:
    """A person not in [people] (asked for with --as) reads, but the footer offers no
    workflow key: pressing one says why, before any text is typed."""
    from textual.widgets import Footer
    from textual.widgets._footer import FooterKey

    from newsroom.core.clock import fixed_clock
    from newsroom.core.service import Newsroom
    from newsroom.tui.screens.release import ReleaseScreen
    from newsroom.tui.settings import Settings

    app = NewsroomApp(Newsroom.open(bundled, "budi", fixed_clock(NOW)), Settings("en"), False)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(app, pilot)
        app.push_screen(ReleaseScreen(app.newsroom.find("contoh-draf").id))
        await settle(app, pilot)
        shown = {key.key for key in app.screen.query_one(Footer).query(FooterKey)}
        assert "escape" in shown and not shown & {"c", "e", "s", "a", "K", "X"}, shown
        await pilot.press("c")
        await pilot.pause()
        assert not isinstance(app.screen, ConfirmModal)
        assert any("budi" in m and "[people]" in m for m in messages(app))
