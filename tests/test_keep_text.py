"""The desk never loses an editor's text, and a started thing can be undone: quitting with
text not saved asks, copies kept aside can be restored or discarded, a draft can be deleted
and a correction cancelled; the correction's own note is named for what it is; a dateline
that is no city is refused when the release is made."""

from __future__ import annotations

import contextlib
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner

from newsroom.cli import cli
from newsroom.core.service import NewArticle, Newsroom

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
    """The desk's workers done (one superseded by a newer read, cancelled, is done too:
    a delete makes the desk read again), then the screen's messages handled."""
    from textual.worker import WorkerCancelled

    with contextlib.suppress(WorkerCancelled):
        await app.workers.wait_for_complete()  # type: ignore[attr-defined]
    await pilot.pause()  # type: ignore[attr-defined]


async def edit_draft(app: Any, pilot: object) -> None:
    """The desk settled, then the editor open on the bundled example draft."""
    from newsroom.tui.screens.opening import open_editor

    await settle(app, pilot)
    open_editor(app, app.newsroom.find("contoh-draf").id)
    await settle(app, pilot)


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
        assert question.startswith("Perubahan pada “Rilis Baru” belum disimpan.")
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

    from newsroom.tui.screens.opening import open_editor

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
        await pilot.press("escape", "d")  # no key discards: a stray letter throws nothing away
        await pilot.pause()
        assert isinstance(app.screen, UnsavedModal)
        await pilot.press("tab", "tab", "enter")  # the Discard button, on purpose
        await pilot.pause()
        assert not isinstance(app.screen, (EditScreen, UnsavedModal))
    assert article_files(bundled) == before and app.newsroom.unsaved() == []


async def test_save_from_the_question_refused_keeps_the_editor_open(bundled: Path) -> None:
    """A save that cannot happen (a required field emptied) leaves nothing lost: the editor
    stays, with its text, and the app does not quit."""
    from textual.widgets import Input

    from newsroom.tui.screens.editor import EditScreen

    app = make_app(bundled, "rin", "en")
    async with app.run_test(size=(80, 24)) as pilot:
        await edit_draft(app, pilot)
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


def test_a_release_once_approved_is_never_deleted_even_when_sent_back(bundled: Path) -> None:
    """Approved under embargo, it may have gone to partners: sent back, it stays (its
    record tells them it was withdrawn), never deleted."""
    from newsroom.core.clock import fixed_clock
    from newsroom.core.errors import Refused

    from .tuikit import NOW

    nur = Newsroom.open(bundled, "nur", fixed_clock(NOW))
    waiting = nur.find("contoh-menunggu")
    nur.act(waiting, "approve")
    nur.act(nur.find("contoh-menunggu"), "request_changes", note="Judul kurang tepat")
    sent_back = nur.find("contoh-menunggu")
    assert sent_back.status == "changes_requested"
    dwi = Newsroom.open(bundled, "dwi", fixed_clock(NOW))
    with pytest.raises(Refused, match="approved is never deleted"):
        dwi.delete(sent_back)
    assert (bundled / str(sent_back.path)).exists()


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


# 2. Copies kept aside are listed (whose, which release, when), restored through the normal
# save, or discarded -----------------------------------------------------------------------


def _keep(nr: Newsroom, ref: str, body: str) -> Path:
    article = nr.find(ref)
    article.body = body
    return nr.keep_unsaved(article.slug, nr.file_text(article))


def test_the_cli_lists_restores_and_discards_copies_kept_aside(bundled: Path) -> None:
    from newsroom.core.clock import fixed_clock

    from .tuikit import NOW

    ald = Newsroom.open(bundled, "ald", fixed_clock(NOW))
    kept = _keep(ald, "contoh-draf", "Teks yang diselamatkan.\n")
    started = ald.start(NewArticle(title="Baru"))
    new = ald.keep_unsaved(started.slug, ald.file_text(started))
    nur = Newsroom.open(bundled, "nur", fixed_clock(NOW))
    theirs = nur.keep_unsaved("catatan", "# a form kept as typed\n")
    run = CliRunner()
    base = ["--root", str(bundled), "--as", "ald", "unsaved"]
    env = {"NEWSROOM_LANG": "en", "COLUMNS": "400"}
    listed = run.invoke(cli, base, env=env)
    assert listed.exit_code == 0, listed.output
    lines = [line.split("\t") for line in listed.stdout.splitlines()]
    assert [line[3] for line in lines] == sorted([kept.name, new.name, theirs.name])
    shown = {line[3]: line for line in lines}
    assert shown[kept.name][1] == ald.display_name("ald")
    assert shown[theirs.name][1] == nur.display_name("nur")
    assert shown[new.name][2] == "Baru (new, never saved)"
    assert shown[theirs.name][2] == "(a form kept as typed)"
    assert shown[kept.name][0].endswith("WIB")
    refused = run.invoke(cli, [*base, "discard", theirs.name, "--yes"], env=env)
    assert refused.exit_code == 1 and "only they restore or discard it" in refused.output
    assert theirs.exists()
    done = run.invoke(cli, [*base, "restore", kept.name], env=env)
    assert done.exit_code == 0, done.output
    draft = ald.find("contoh-draf")
    assert draft.body == "Teks yang diselamatkan.\n" and draft.history[-1].action == "edit"
    assert draft.last_editor == "ald" and not kept.exists()  # the normal save, then gone
    made = run.invoke(cli, [*base, "restore", new.name[:6]], env=env)  # a unique start
    assert made.exit_code == 0, made.output
    assert ald.find("baru").status == "draft" and not new.exists()
    again = run.invoke(cli, [*base, "discard", "zzz", "--yes"], env=env)
    assert again.exit_code == 1 and "no single copy kept aside has this name" in again.output


def test_restoring_a_copy_of_a_release_changed_since_asks_to_compare(bundled: Path) -> None:
    from newsroom.core.clock import fixed_clock

    from .tuikit import NOW

    ald = Newsroom.open(bundled, "ald", fixed_clock(NOW))
    kept = _keep(ald, "contoh-draf", "Versi lama saya.\n")
    Newsroom.open(bundled, "rin", fixed_clock(NOW)).act("contoh-draf", "comment", note="Cek")
    base = ["--root", str(bundled), "--as", "ald", "unsaved", "restore", kept.name]
    env = {"NEWSROOM_LANG": "id", "COLUMNS": "400"}
    refused = CliRunner().invoke(cli, base, env=env)
    assert refused.exit_code == 1 and "berubah setelah salinan ini disisihkan" in refused.output
    assert kept.exists() and ald.find("contoh-draf").body != "Versi lama saya.\n"
    done = CliRunner().invoke(cli, [*base, "--keep-mine"], env=env)
    assert done.exit_code == 0 and ald.find("contoh-draf").body == "Versi lama saya.\n"
    assert ald.find("contoh-draf").comments  # the comment made meanwhile is kept


async def test_the_desk_restores_a_copy_into_the_editor_and_discards_another(
    bundled: Path,
) -> None:
    from textual.widgets import TextArea

    from newsroom.tui.screens.editor import EditScreen
    from newsroom.tui.screens.modals import ConfirmModal, UnsavedListModal

    app = make_app(bundled, "ald", "en")
    first = _keep(app.newsroom, "contoh-draf", "Teks pertama.\n")  # kept a minute earlier:
    first = first.rename(first.with_name(first.name.replace("-090000.md", "-085900.md")))
    second = _keep(app.newsroom, "contoh-draf", "Teks kedua.\n")
    draft = app.newsroom.find("contoh-draf")
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(app, pilot)
        said = [str(n.message) for n in app._notifications]
        assert any("2 copies of your text are kept aside" in m and "Press u" in m for m in said)
        await pilot.press("u")
        await pilot.pause()
        assert isinstance(app.screen, UnsavedListModal)
        await pilot.press("down", "d")  # the second: discarded after a confirm
        await pilot.pause()
        assert isinstance(app.screen, ConfirmModal)
        await pilot.press("y")
        await pilot.pause()
        assert not second.exists() and first.exists()
        await pilot.press("enter")  # the first: into the editor, not saved yet
        await settle(app, pilot)
        editor = app.screen
        assert isinstance(editor, EditScreen)
        assert editor.query_one("#body", TextArea).text == "Teks pertama.\n"
        assert editor.unsaved and "Teks pertama" not in (bundled / str(draft.path)).read_text()
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert "Teks pertama." in (bundled / str(draft.path)).read_text()
        assert not first.exists()  # saved: the copy is gone, and so is the desk's key
    assert app.newsroom.unsaved() == []


def test_a_cancelled_correction_takes_its_own_attachments_away_not_the_published_ones(
    bundled: Path, tmp_path: Path
) -> None:
    from newsroom.core.clock import fixed_clock

    from .tuikit import NOW

    ald = Newsroom.open(bundled, "ald", fixed_clock(NOW))
    first, second = tmp_path / "ttd.pdf", tmp_path / "ralat.pdf"
    for pdf in (first, second):
        pdf.write_bytes(b"%PDF-1.4\n%%EOF\n")
    draft = ald.find("contoh-draf")
    ald.attach(draft, first)
    folder = (bundled / str(draft.path)).with_suffix("")
    ald.act(SEED_ID, "correct", note="Lampiran ralat")
    ald.attach(SEED_ID, second)
    seed = bundled / str(ald.find(SEED_ID).path)
    attached = seed.with_suffix("") / "ralat.pdf"
    assert attached.exists()
    ald.act(SEED_ID, "cancel_correction")
    assert not attached.exists() and ald.find(SEED_ID).attachments == []
    assert (folder / "ttd.pdf").exists()  # another release's file is untouched
    assert ald.check().problems == []


def test_a_release_whose_folder_holds_other_releases_is_not_deleted(bundled: Path) -> None:
    """A file named like a month (`articles/2018/12.md`) has the month's folder for its
    companion folder: deleting it never takes the releases in that folder."""
    from newsroom.core.clock import fixed_clock
    from newsroom.core.errors import NewsroomError

    from .tuikit import NOW

    ald = Newsroom.open(bundled, "ald", fixed_clock(NOW))
    draft = ald.find("contoh-draf")
    file = bundled / str(draft.path)
    month = file.parent
    odd = month.with_name(month.name + ".md")
    odd.write_text(file.read_text(encoding="utf-8").replace(draft.id, "0" * 8 + draft.id[8:]))
    from newsroom.core.store import Store

    stray = Store(ald.config).load(odd)
    others = sorted(month.glob("*.md"))
    with pytest.raises(NewsroomError, match="holds other releases"):
        ald.delete(stray)
    assert sorted(month.glob("*.md")) == others and odd.exists()


async def test_a_second_ctrl_q_stays_when_the_copy_cannot_be_kept(
    bundled: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A full disk (or an unwritable .newsroom/unsaved/): the second ctrl+q says so and the
    desk stays open with the text, never quits losing it."""
    from textual.widgets import TextArea

    from newsroom.core.service import Newsroom

    def no_room(*args: object, **kwargs: object) -> Path:
        raise OSError(28, "No space left on device")

    app = make_app(bundled, "rin", "id")
    async with app.run_test(size=(80, 24)) as pilot:
        await edit_draft(app, pilot)
        app.screen.query_one("#body", TextArea).text = "Kalimat baru."
        monkeypatch.setattr(Newsroom, "keep_unsaved", no_room)
        await pilot.press("ctrl+q", "ctrl+q")
        await pilot.pause()
        assert app.is_running
        editor = next(s for s in app.screen_stack if s.query("#body"))
        assert editor.query_one("#body", TextArea).text == "Kalimat baru."
