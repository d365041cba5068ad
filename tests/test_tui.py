"""The editors' TUI, driven with Textual's pilot: assertions on the files on disk and the screen."""

from __future__ import annotations

from pathlib import Path

import pytest
from textual import events
from textual.widgets import Input, Markdown, TextArea

from newsroom.core import lease
from newsroom.core.clock import fixed_clock
from newsroom.core.model import Article
from newsroom.core.service import Newsroom
from newsroom.tui.app import NewsroomApp
from newsroom.tui.screens.desk import DeskScreen
from newsroom.tui.screens.editor import EditScreen
from newsroom.tui.screens.modals import ConfirmModal, ConflictModal, NoteModal, UnsavedModal
from newsroom.tui.screens.release import ReleaseScreen
from newsroom.tui.settings import Settings
from newsroom.tui.widgets.release_list import Columns, ReleaseList

from .tuikit import NOW, SEED_ID, make_app


async def settle(app: NewsroomApp, pilot: object) -> None:
    await app.workers.wait_for_complete()
    await pilot.pause()  # type: ignore[attr-defined]


async def open_release(app: NewsroomApp, pilot: object, ident: str) -> None:
    """Push the release screen for `ident` and wait until it has loaded."""
    app.push_screen(ReleaseScreen(ident))
    await settle(app, pilot)


async def edit_draft(app: NewsroomApp, pilot: object) -> Article:
    """Open the editor on the bundled example draft once the desk has loaded."""
    await settle(app, pilot)
    draft = app.newsroom.find("contoh-draf")
    app.push_screen(EditScreen(app.newsroom.edit(draft.id)))
    await settle(app, pilot)
    return draft


def status_on_disk(root: Path, ident: str) -> str:
    for path in (root / "articles").rglob("*.md"):
        text = path.read_text()
        if f"id: {ident}\n" in text:
            return text.split("\nstatus: ", 1)[1].split("\n", 1)[0]
    raise AssertionError(ident)


async def test_filter_finds_the_seed_and_it_opens_rendered(
    bundled: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.delenv("NEWSROOM_LANG", raising=False)
    app = make_app(bundled, "redaktur")
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(app, pilot)
        releases = app.screen.query_one(ReleaseList)
        assert len(releases.rows) == 4
        await pilot.press("slash", *"netralitas")
        await pilot.pause()
        assert [r.id for r in releases.rows] == [SEED_ID]
        await pilot.press("enter", "enter")
        await settle(app, pilot)
        assert isinstance(app.screen, ReleaseScreen)
        text = app.screen.query_one(Markdown).source
        assert "**YOGYAKARTA** – Humas pemerintah merupakan mata" in text
        assert "📷 Seluruh peserta secara bersama-sama" in text and "HUMAS MENPANRB" in text
        assert text.rstrip().endswith("(ald/HUMAS MENPANRB)")
        # a published release: comment, correct, retract; never approve or submit
        assert app.screen.check_action("comment", ()) and app.screen.check_action("retract", ())
        assert not app.screen.check_action("approve", ())
        assert not app.screen.check_action("submit", ())


async def test_letters_typed_in_one_burst_after_slash_reach_the_filter(bundled: Path) -> None:
    """A terminal delivers "/netra" pasted or typed fast as one burst: every key is routed
    to the list before "/" opens the filter. None may be lost; bound keys keep working."""
    app = make_app(bundled, "redaktur")
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(app, pilot)
        screens = len(app.screen_stack)
        for key, char in [("slash", "/"), *((c, c) for c in "ne")]:
            app.post_message(events.Key(key, char))  # queued together, as from the terminal
        await pilot.pause()
        await pilot.press(*"tra")  # the filter has focus now: typing goes on, nothing replaced
        assert app.screen.query_one("#filter", Input).value == "netra"
        assert len(app.screen_stack) == screens  # the "n" made no new release
        for _ in range(2):  # Enter, Enter in one burst: to the list, then open the release
            app.post_message(events.Key("enter", "\r"))
        await settle(app, pilot)
        assert isinstance(app.screen, ReleaseScreen)
        await pilot.press("escape")
        await pilot.pause()
        assert [r.id for r in app.screen.query_one(ReleaseList).rows] == [SEED_ID]
        await pilot.press("escape", "escape")
        assert app.screen.query_one("#filter", Input).value == ""
        await pilot.press("G", "slash", *"contoh")  # cursor at the bottom, then a filter
        await pilot.pause()
        assert app.screen.query_one(ReleaseList).cursor == 0  # a filter starts at the top
        await pilot.press("escape", "escape")
        releases = app.screen.query_one(ReleaseList)
        await pilot.press("g", "j", "n")  # bound letters work again: top, down, new release
        assert releases.cursor == 1
        await pilot.pause()
        assert isinstance(app.screen, NoteModal)  # "n" asks for the new release's title


async def test_a_new_draft_is_written_saved_submitted_and_needs_a_second_person(
    bundled: Path,
) -> None:
    app = make_app(bundled, "ald")
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(app, pilot)
        await pilot.press("n", *"Rilis dari TUI", "enter")
        await settle(app, pilot)
        editor = app.screen
        assert isinstance(editor, EditScreen)
        ident = editor.article_id
        editor.query_one("#f-dateline", Input).value = "jakarta"
        editor.query_one("#f-summary", Input).value = "Ringkasan."
        editor.query_one("#f-categories", Input).value = "Pemilu, Reformasi Birokrasi"
        editor.query_one("#body", TextArea).text = "Isi siaran pers dari **TUI**."
        await pilot.press("ctrl+s")
        await pilot.pause()
        path = next((bundled / "articles").rglob("rilis-dari-tui.md"))
        assert lease.current(app.newsroom.config, ident, NOW) is not None  # held once saved
        text = path.read_text()
        assert "dateline: JAKARTA" in text and "categories: [Pemilu, Reformasi Birokrasi]" in text
        assert "author: ald" in text and "credit: HUMAS MENPANRB" in text
        assert text.endswith("Isi siaran pers dari **TUI**.\n")
        await pilot.press("escape")  # saved: leaves without asking
        await pilot.pause()
        assert lease.current(app.newsroom.config, ident, NOW) is None  # released on exit
        await open_release(app, pilot, ident)
        await pilot.press("s")
        await pilot.pause()
        assert status_on_disk(bundled, ident) == "in_review"
        await pilot.press("a")  # not offered to ald, who wrote it: the key says why
        await pilot.pause()
        assert isinstance(app.screen, ReleaseScreen)
        said = " ".join(str(n.message) for n in app._notifications)
        assert "you, Aldi (Humas), changed the text last: someone else must approve" in said
        await pilot.press("enter")  # nothing to confirm
        await pilot.pause()
        assert status_on_disk(bundled, ident) == "in_review"
    other = make_app(bundled, "nur")
    async with other.run_test(size=(120, 40)) as pilot:
        await settle(other, pilot)
        await open_release(other, pilot, ident)
        await pilot.press("a")  # the checklist
        await pilot.pause()
        await pilot.click("#approve")
        await pilot.pause()
        assert status_on_disk(bundled, ident) == "approved"
        await pilot.press("P")
        await settle(other, pilot)
        await pilot.click("#go")
        await settle(other, pilot)
        await pilot.pause()
    assert status_on_disk(bundled, ident) == "published"
    assert ident in (bundled / "feeds" / "rss.xml").read_text()


async def test_request_changes_needs_a_note_and_records_it(bundled: Path) -> None:
    ident = "contoh-menunggu-review-zona-integritas"
    app = make_app(bundled, "redaktur")
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(app, pilot)
        article = app.newsroom.find(ident)
        await open_release(app, pilot, article.id)
        await pilot.press("r")
        await pilot.pause()
        assert isinstance(app.screen, NoteModal)
        await pilot.press("enter")  # empty: refused, the dialog stays
        await pilot.pause()
        assert isinstance(app.screen, NoteModal)
        await pilot.press(*"Judul terlalu umum", "enter")
        await pilot.pause()
        assert status_on_disk(bundled, article.id) == "changes_requested"
        assert "note: Judul terlalu umum" in (bundled / str(article.path)).read_text()


async def test_retract_asks_for_a_reason(bundled: Path) -> None:
    app = make_app(bundled, "redaktur")
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(app, pilot)
        await open_release(app, pilot, SEED_ID)
        await pilot.press("X")
        await pilot.pause()
        assert isinstance(app.screen, NoteModal)
        await pilot.press(*"Contoh pencabutan", "enter")
        await pilot.pause()
    assert status_on_disk(bundled, SEED_ID) == "retracted"


async def test_a_lease_shows_on_the_desk_and_refuses_until_taken_over(bundled: Path) -> None:
    draft = Newsroom.open(bundled, "rin", fixed_clock(NOW)).find("contoh-draf")
    lease.acquire(Newsroom.open(bundled, "rin").config, draft.id, "rin", NOW)
    app = make_app(bundled, "nur")
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(app, pilot)
        releases = app.screen.query_one(ReleaseList)
        assert draft.id in releases.leases
        row = next(r for r in releases.rows if getattr(r, "id", "") == draft.id)
        for width in (120, 80):  # the title keeps its start; who edits it shows at its end
            columns = Columns.fit(width)
            title = releases._line(columns, row)[columns.status :][: columns.title]
            assert title.startswith("[CONTOH] Sosialisasi Sistem Merit")
            assert title.rstrip().endswith("✎ Rin")  # Rin Kusumawardani, by name
        await open_release(app, pilot, draft.id)
        await pilot.press("e")
        await pilot.pause()
        assert isinstance(app.screen, ConfirmModal)  # take over?
        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(app.screen, ReleaseScreen)
        await pilot.press("e")
        await pilot.pause()
        await pilot.press("y")  # take it over explicitly
        await settle(app, pilot)
        assert isinstance(app.screen, EditScreen)
        assert lease.current(app.newsroom.config, draft.id, NOW).holder == "nur"


async def test_a_change_on_disk_is_offered_as_reload_or_keep_mine(bundled: Path) -> None:
    app = make_app(bundled, "rin")
    async with app.run_test(size=(120, 40)) as pilot:
        draft = await edit_draft(app, pilot)
        editor = app.screen
        editor.query_one("#body", TextArea).text = "Teks saya."
        path = bundled / str(draft.path)
        path.write_text(path.read_text().replace("Paragraf kedua", "Paragraf mereka"))  # git pull
        editor.check_disk()
        await pilot.pause()
        assert isinstance(app.screen, ConflictModal)
        assert "Paragraf mereka" in app.screen.diff
        await pilot.press("k")  # keep mine, from the keyboard
        await pilot.pause()
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert path.read_text().endswith("Teks saya.\n")  # mine, chosen explicitly
        path.write_text(path.read_text().replace("Teks saya.", "Teks mereka lagi."))
        editor.check_disk()
        await pilot.pause()
        await pilot.press("enter")  # the focused choice: reload theirs
        await pilot.pause()
        assert editor.query_one("#body", TextArea).text.strip() == "Teks mereka lagi."
        assert path.read_text().endswith("Teks mereka lagi.\n")  # theirs, never overwritten


async def test_keep_mine_keeps_what_others_added_meanwhile(bundled: Path) -> None:
    """A colleague comments (from the CLI) while I edit; I keep mine: my text is saved and
    their comment stays."""
    app = make_app(bundled, "rin")
    async with app.run_test(size=(120, 40)) as pilot:
        draft = await edit_draft(app, pilot)
        editor = app.screen
        editor.query_one("#body", TextArea).text = "Teks saya."
        Newsroom.open(bundled, "nur", fixed_clock(NOW)).act(draft.id, "comment", note="Cek angka")
        editor.check_disk()
        await pilot.pause()
        assert isinstance(app.screen, ConflictModal)
        await pilot.press("k", "ctrl+s")
        await pilot.pause()
    text = (bundled / str(draft.path)).read_text()
    assert text.endswith("Teks saya.\n") and "Cek angka" in text


async def test_typing_in_a_field_goes_on_at_its_end(bundled: Path) -> None:
    app = make_app(bundled, "rin")
    async with app.run_test(size=(120, 40)) as pilot:
        draft = await edit_draft(app, pilot)
        title = app.screen.query_one("#f-title", Input)
        title.focus()
        await pilot.pause()
        await pilot.press(*" (revisi)")
        assert title.value == draft.title + " (revisi)"


async def test_leaving_with_unsaved_changes_asks_first(bundled: Path) -> None:
    app = make_app(bundled, "rin")
    async with app.run_test(size=(120, 40)) as pilot:
        draft = await edit_draft(app, pilot)
        body = app.screen.query_one("#body", TextArea)
        body.focus()
        body.text = "Belum disimpan."
        await pilot.press("escape")  # from inside the text: the editor still asks
        await pilot.pause()
        assert isinstance(app.screen, UnsavedModal)
        await pilot.press("escape")  # stay
        await pilot.pause()
        assert isinstance(app.screen, EditScreen)
        assert "Belum disimpan." not in (bundled / str(draft.path)).read_text()


async def test_a_lost_terminal_keeps_unsaved_edits_and_frees_the_lease(bundled: Path) -> None:
    """SSH drops mid-edit: the text is kept aside (not over the release), the lease goes,
    the app leaves; the next start says where the text is."""
    from newsroom.tui.screens.opening import open_editor

    app = make_app(bundled, "rin")
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(app, pilot)
        draft = app.newsroom.find("contoh-draf")
        open_editor(app, draft.id)  # as "e" does: with the lease
        await settle(app, pilot)
        assert isinstance(app.screen, EditScreen)
        assert lease.current(app.newsroom.config, draft.id, NOW) is not None
        app.screen.query_one("#body", TextArea).text = "Ditulis sebelum koneksi putus."
        app.screen.query_one("#f-embargo", Input).value = "besok pagi"  # does not check
        app.hang_up()
        await pilot.pause()
    assert app.return_code == 0 or app.return_code is None
    kept = app.newsroom.unsaved()
    assert len(kept) == 1 and "Ditulis sebelum koneksi putus." in kept[0].read_text()
    assert "embargo: besok pagi" in kept[0].read_text()
    assert "Ditulis sebelum" not in (bundled / str(draft.path)).read_text()
    assert lease.current(app.newsroom.config, draft.id, NOW) is None
    again = make_app(bundled, "rin")
    async with again.run_test(size=(120, 40)) as pilot:
        await settle(again, pilot)
        assert any(str(kept[0]) in str(n.message) for n in again._notifications)


async def test_switching_language_redraws_what_is_on_screen(bundled: Path) -> None:
    """ctrl+l: the desk's tabs, column heads and rows, and an open release, change language
    at once (not at the next reload)."""
    app = make_app(bundled, "redaktur", language="en")
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(app, pilot)
        releases = app.screen.query_one(ReleaseList)
        assert releases.header[1] == "Title" and "Published" in releases._line(
            Columns.fit(120), next(r for r in releases.rows if r.id == SEED_ID)
        )
        await pilot.press("ctrl+l")
        await pilot.pause()
        assert releases.header[1] == "Judul"
        seed = next(r for r in releases.rows if r.id == SEED_ID)
        assert "Terbit" in releases._line(Columns.fit(120), seed)
        assert "Semua" in str(app.screen.query_one("#tabs").render())
        await open_release(app, pilot, SEED_ID)
        await pilot.press("ctrl+l")
        await pilot.pause()
        assert "Status: Published" in str(app.screen.query_one("#meta").render())


async def test_views_help_and_the_indonesian_ui(bundled: Path) -> None:
    app = make_app(bundled, "nur", language="id")
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(app, pilot)
        desk = app.screen
        assert isinstance(desk, DeskScreen)
        await pilot.press("2")  # waiting for my review
        assert [r.status for r in desk.query_one(ReleaseList).rows] == ["in_review"]
        await pilot.press("7")
        assert [r.status for r in desk.query_one(ReleaseList).rows] == ["published"]
        await pilot.press("f1")
        await pilot.pause()
        assert type(app.screen).__name__ == "HelpScreen"
        from rich.console import Console

        console = Console(record=True, width=120)
        console.print(app.screen.table)  # type: ignore[attr-defined]
        rendered = console.export_text()
        assert "Setujui" in rendered and "Terbitkan" in rendered and "ctrl+s" in rendered


async def test_changes_outside_the_tui_show_up(bundled: Path) -> None:
    app = make_app(bundled, "nur")
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(app, pilot)
        app.look_for_changes()  # the watcher's first look
        await settle(app, pilot)
        Newsroom.open(bundled, "rin", fixed_clock(NOW)).act("contoh-perlu-perbaikan", "submit")
        app.look_for_changes()
        await settle(app, pilot)
        await settle(app, pilot)
        rows = app.screen.query_one(ReleaseList).rows
        assert sum(1 for r in rows if getattr(r, "status", "") == "in_review") == 2


async def test_comment_and_correct_from_the_release_screen(bundled: Path) -> None:
    app = make_app(bundled, "redaktur")
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(app, pilot)
        await open_release(app, pilot, SEED_ID)
        await pilot.press("c", *"Foto perlu resolusi tinggi", "enter")
        await pilot.pause()
        text = next((bundled / "articles").rglob("humas-pemerintah-jaga*.md")).read_text()
        assert "text: Foto perlu resolusi tinggi" in text
        await pilot.press("K", *"Nama narasumber salah eja", "enter")
        await settle(app, pilot)
        assert isinstance(app.screen, EditScreen)  # a correction opens the editor
        assert status_on_disk(bundled, SEED_ID) == "correcting"


async def test_keys_are_remapped_from_the_users_settings(bundled: Path) -> None:
    newsroom = Newsroom.open(bundled, "redaktur", fixed_clock(NOW))
    app = NewsroomApp(newsroom, Settings(language="en", keys={"comment": "m"}), watch=False)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(app, pilot)
        await open_release(app, pilot, SEED_ID)
        await pilot.press("m")
        await pilot.pause()
        assert isinstance(app.screen, NoteModal)


def test_escape_shows_peoples_text_as_typed() -> None:
    from textual.markup import to_content

    from newsroom.tui.markup import ZERO_WIDTH, escape

    for text in ["[CONTOH] Judul", "a [1] b", "[b]x[/b]", "akhir\\", "x \\[C] y", "\\\\["]:
        shown = to_content(f"[red]{escape(text)}[/]").plain.replace(ZERO_WIDTH, "")
        assert shown == text


async def test_the_publish_dialog_shows_titles_as_written(bundled: Path) -> None:
    from textual.widgets import Static

    Newsroom.open(bundled, "nur", fixed_clock(NOW)).act(
        "contoh-menunggu-review-zona-integritas", "approve"
    )
    app = make_app(bundled, "ald")
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        await pilot.press("P")
        for _ in range(50):  # the dry run runs in a thread
            await pilot.pause(0.1)
            report = app.screen.query_one("#report", Static)
            if "Zona" in str(report.render()):
                break
        text = str(report.render())
        assert "[CONTOH] Pembangunan Zona Integritas" in text


async def test_a_file_is_attached_and_removed_from_the_release_screen(
    bundled: Path, tmp_path: Path
) -> None:
    from textual.widgets import Input, Static

    pdf = tmp_path / "Siaran Pers TTD.pdf"
    pdf.write_bytes(b"%PDF-1.4\n%%EOF\n")
    app = make_app(bundled, "nur")
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(app, pilot)
        draft = app.newsroom.find("contoh-draf")
        await open_release(app, pilot, draft.id)
        assert not app.screen.check_action("detach", ())  # nothing attached yet
        await pilot.press("f")
        await pilot.pause()
        assert isinstance(app.screen, NoteModal)
        app.screen.query_one("#note", Input).value = str(pdf)
        await pilot.press("enter")
        await settle(app, pilot)
        meta = str(app.screen.query_one("#meta", Static).render())
        assert "siaran-pers-ttd.pdf" in meta and "application/pdf" in meta
        folder = bundled / str(draft.path).removesuffix(".md")
        assert (folder / "siaran-pers-ttd.pdf").read_bytes() == pdf.read_bytes()
        assert "- file: siaran-pers-ttd.pdf" in (bundled / str(draft.path)).read_text()
        await pilot.press("F")  # the only attachment is offered
        await pilot.pause()
        assert isinstance(app.screen, NoteModal)
        await pilot.press("enter")
        await settle(app, pilot)
        assert not (folder / "siaran-pers-ttd.pdf").exists()
        assert "siaran-pers-ttd.pdf" not in (bundled / str(draft.path)).read_text()


async def test_numbers_typed_in_denies_make_the_draft_a_klarifikasi(bundled: Path) -> None:
    app = make_app(bundled, "rin")
    async with app.run_test(size=(120, 40)) as pilot:
        draft = await edit_draft(app, pilot)
        app.screen.query_one("#f-denies", Input).value = "B-099/HUMAS/XI/2026, B-100/HUMAS/XI/2026"
        await pilot.press("ctrl+s")
        await settle(app, pilot)
    text = (bundled / str(draft.path)).read_text()
    assert "kind: klarifikasi\n" in text
    assert "denies: [B-099/HUMAS/XI/2026, B-100/HUMAS/XI/2026]\n" in text


@pytest.mark.parametrize(
    ("lang", "words"), [("en", "open it with enter"), ("id", "buka dengan enter")]
)
async def test_a_release_screens_key_on_the_desk_says_where_it_works(
    bundled: Path, monkeypatch: pytest.MonkeyPatch, lang: str, words: str
) -> None:
    """`s` (or `a`, `c`...) on the desk did nothing, silently (a fresh-clone walk): it says
    that it acts on one release, on its screen, and changes nothing."""
    monkeypatch.setenv("NEWSROOM_LANG", lang)
    app = make_app(bundled, "redaktur")
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(app, pilot)
        screens = len(app.screen_stack)
        await pilot.press("s")
        await pilot.pause()
        said = [str(n.message) for n in app._notifications]
        assert any(m.startswith("s (") and words in m for m in said), said
        await pilot.press("a")
        await pilot.pause()
        assert any(str(n.message).startswith("a (") for n in app._notifications)
        assert len(app.screen_stack) == screens and isinstance(app.screen, DeskScreen)
