"""The desk never loses an editor's text, and a started thing can be undone: quitting with
text not saved asks, copies kept aside can be restored or discarded, a draft can be deleted
and a correction cancelled; the correction's own note is named for what it is; a dateline
that is no city is refused when the release is made."""

from __future__ import annotations

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


# 1. Quitting or leaving with text not saved asks: save, keep a copy aside, discard -------


def article_files(root: Path) -> set[Path]:
    return set((root / "articles").rglob("*.md"))


async def settle(app: object, pilot: object) -> None:
    await app.workers.wait_for_complete()  # type: ignore[attr-defined]
    await pilot.pause()  # type: ignore[attr-defined]


async def test_ctrl_q_right_after_a_new_title_asks_and_saves_it_as_a_draft(bundled: Path) -> None:
    from textual.widgets import Static

    from newsroom.tui.screens.modals import UnsavedModal

    before = article_files(bundled)
    app = make_app(bundled, "ald", "id")
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(app, pilot)
        await pilot.press("n", *"Rilis Baru", "enter")
        await settle(app, pilot)
        await pilot.press("ctrl+q")  # the title typed, nothing else: not saved yet
        await pilot.pause()
        assert isinstance(app.screen, UnsavedModal) and app.is_running
        question = " ".join(str(app.screen.query_one(Static).render()).split())
        assert question.startswith("“Rilis Baru” belum disimpan.")
        assert app.screen.query_one("#save").region.bottom <= 24  # fits 80x24
        await pilot.press("enter")  # Save (as a draft) has the focus
        await pilot.pause()
        assert not app.is_running
    made = article_files(bundled) - before
    assert [p.name for p in made] == ["rilis-baru.md"]
    assert "status: draft" in next(iter(made)).read_text()


async def test_ctrl_q_in_the_title_dialog_can_keep_the_title_aside(bundled: Path) -> None:
    from newsroom.tui.screens.modals import TitleModal, UnsavedModal

    before = article_files(bundled)
    app = make_app(bundled, "ald", "en")
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(app, pilot)
        await pilot.press("n", *"Judul yang hampir hilang")
        await pilot.press("ctrl+q")
        await pilot.pause()
        assert isinstance(app.screen, UnsavedModal)
        await pilot.press("escape")  # stay: the title is still there
        await pilot.pause()
        assert isinstance(app.screen, TitleModal) and app.screen.typed == "Judul yang hampir hilang"
        await pilot.press("ctrl+q", "k")  # keep a copy aside
        await pilot.pause()
        assert not app.is_running
    assert article_files(bundled) == before
    (kept,) = app.newsroom.unsaved()
    assert "title: Judul yang hampir hilang" in kept.read_text()


async def test_a_second_ctrl_q_while_asking_quits_keeping_the_text(bundled: Path) -> None:
    from textual.widgets import TextArea

    from newsroom.tui.screens.editor import open_editor

    app = make_app(bundled, "rin", "id")
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(app, pilot)
        draft = app.newsroom.find("contoh-draf")
        open_editor(app, draft.id)
        await settle(app, pilot)
        app.screen.query_one("#body", TextArea).text = "Kalimat baru."
        await pilot.press("ctrl+q", "ctrl+q")
        await pilot.pause()
        assert not app.is_running
    (kept,) = app.newsroom.unsaved()
    assert "Kalimat baru." in kept.read_text()
    assert "Kalimat baru." not in (bundled / str(draft.path)).read_text()


async def test_escape_from_a_new_release_asks_and_discard_leaves_nothing(bundled: Path) -> None:
    from newsroom.tui.screens.editor import EditScreen
    from newsroom.tui.screens.modals import UnsavedModal

    before = article_files(bundled)
    app = make_app(bundled, "ald", "en")
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(app, pilot)
        await pilot.press("n", *"Rilis Ditinggalkan", "enter")
        await settle(app, pilot)
        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(app.screen, UnsavedModal)
        await pilot.press("escape")  # stay
        await pilot.pause()
        assert isinstance(app.screen, EditScreen)
        await pilot.press("escape", "d")  # discard, on purpose
        await pilot.pause()
        assert not isinstance(app.screen, (EditScreen, UnsavedModal))
    assert article_files(bundled) == before and app.newsroom.unsaved() == []


async def test_save_from_the_question_refused_keeps_the_editor_open(bundled: Path) -> None:
    """A save that cannot happen (a required field emptied) leaves nothing lost: the editor
    stays, with its text, and the app does not quit."""
    from textual.widgets import Input

    from newsroom.tui.screens.editor import EditScreen, open_editor

    app = make_app(bundled, "rin", "en")
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(app, pilot)
        open_editor(app, app.newsroom.find("contoh-draf").id)
        await settle(app, pilot)
        app.screen.query_one("#f-title", Input).value = ""
        await pilot.press("ctrl+q", "s")
        await pilot.pause()
        assert app.is_running and isinstance(app.screen, EditScreen)
        assert app.screen.unsaved


# 3. A correction not wanted is cancelled; a release never published is deleted ----------


def test_a_cancelled_correction_brings_the_sealed_published_text_back(bundled: Path) -> None:
    from newsroom.core.clock import fixed_clock

    from .tuikit import NOW

    ald = Newsroom.open(bundled, "ald", fixed_clock(NOW))
    path = bundled / str(ald.find(SEED_ID).path)
    published_body = ald.find(SEED_ID).body
    ald.act(SEED_ID, "correct", note="Angka salah")
    article = ald.find(SEED_ID)
    article.body += "\nKalimat ralat.\n"
    ald.save_edit(article)
    args = ["--root", str(bundled), "--as", "ald", "cancel-correction", SEED_ID[:8]]
    done = CliRunner().invoke(cli, [*args, "--note", "Tidak jadi"], env={"NEWSROOM_LANG": "en"})
    assert done.exit_code == 0, done.output
    assert "cancel the correction:" in done.output and "→ Published" in done.output
    back = ald.find(SEED_ID)
    assert back.status == "published" and back.published_version is None
    assert back.body == published_body and "Kalimat ralat" not in path.read_text()
    last = back.history[-1]
    assert (last.action, last.from_, last.to, last.note) == (
        "cancel_correction", "correcting", "published", "Tidak jadi"
    )  # fmt: skip
    assert ald.check().problems == []  # its seal still holds: publish takes it as it was
    again = CliRunner().invoke(cli, args, env={"NEWSROOM_LANG": "en"})
    assert again.exit_code == 1 and "only a published release whose correction is" in again.output


def test_a_draft_is_deleted_with_its_companion_folder_a_published_one_never(
    bundled: Path,
) -> None:
    from newsroom.core.clock import fixed_clock
    from newsroom.core.errors import Refused

    from .tuikit import NOW

    ald = Newsroom.open(bundled, "ald", fixed_clock(NOW))
    draft = ald.find("contoh-draf")
    sheet = bundled / "lampiran.pdf"
    sheet.write_bytes(b"%PDF-1.4\n%%EOF\n")
    ald.attach(draft, sheet)
    file = bundled / str(draft.path)
    folder = file.with_name(file.name.removesuffix(".md"))
    assert folder.is_dir()
    base = ["--root", str(bundled), "--as", "ald", "delete"]
    asked = CliRunner().invoke(cli, [*base, draft.id[:8]], input="n\n", env={"NEWSROOM_LANG": "id"})
    assert asked.exit_code == 1 and "beserta lampirannya?" in asked.output and file.exists()
    done = CliRunner().invoke(cli, [*base, draft.id[:8]], input="y\n", env={"NEWSROOM_LANG": "id"})
    assert done.exit_code == 0, done.output
    assert not file.exists() and not folder.exists()
    refused = CliRunner().invoke(cli, [*base, SEED_ID[:8], "--yes"], env={"NEWSROOM_LANG": "en"})
    assert refused.exit_code == 1
    assert "a release that was published is never deleted: retract it" in refused.output
    with pytest.raises(Refused):
        ald.delete("contoh-menunggu")  # in review: not a draft
    assert (bundled / str(ald.find(SEED_ID).path)).exists()


async def test_the_desk_deletes_a_draft_after_a_confirm(bundled: Path) -> None:
    from newsroom.tui.screens.modals import ConfirmModal
    from newsroom.tui.screens.release import ReleaseScreen

    app = make_app(bundled, "ald", "en")
    draft = app.newsroom.find("contoh-draf")
    file = bundled / str(draft.path)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(app, pilot)
        app.push_screen(ReleaseScreen(draft.id))
        await settle(app, pilot)
        await pilot.press("D")
        await pilot.pause()
        assert isinstance(app.screen, ConfirmModal)
        await pilot.press("enter")  # "Stay" has the focus: a stray Enter deletes nothing
        await pilot.pause()
        assert file.exists() and isinstance(app.screen, ReleaseScreen)
        await pilot.press("D", "y")
        await settle(app, pilot)
        assert not file.exists() and not isinstance(app.screen, ReleaseScreen)
        app.push_screen(ReleaseScreen(SEED_ID))
        await settle(app, pilot)
        await pilot.press("D")  # published: refused, saying why
        await pilot.pause()
        assert not isinstance(app.screen, ConfirmModal)
        said = [str(n.message) for n in app._notifications][-1]
        assert "never deleted: retract it" in said


async def test_the_desk_cancels_a_correction_after_a_confirm(bundled: Path) -> None:
    from newsroom.core.clock import fixed_clock
    from newsroom.tui.screens.release import ReleaseScreen

    from .tuikit import NOW

    Newsroom.open(bundled, "ald", fixed_clock(NOW)).act(SEED_ID, "correct", note="Angka")
    app = make_app(bundled, "nur", "id")
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(app, pilot)
        app.push_screen(ReleaseScreen(SEED_ID))
        await settle(app, pilot)
        await pilot.press("U", "y")
        await settle(app, pilot)
        assert app.newsroom.find(SEED_ID).status == "published"
        assert app.newsroom.find(SEED_ID).history[-1].by == "nur"
