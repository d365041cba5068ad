"""What a new user's walk of the desk found (at 80x24 and 120x40, in both languages), each
kept fixed: every key the footer offers is on screen, and a status is a state and an action
a verb, in every table of words."""

from __future__ import annotations

from pathlib import Path

import pytest
from textual.app import App

from newsroom.core.model import ALL_STATUSES
from newsroom.i18n import CATALOG
from newsroom.tui.screens.release import ReleaseScreen

from .test_desk_narrow import settle
from .tuikit import SEED_ID, make_app, until

IN_REVIEW = "381ebf62-7c83-4e26-aa83-c080ed6a5590"  # dwi wrote and submitted it
DRAFT = "0fc6f043-ce28-4b4a-848e-c10f9f504283"  # rin's
SENT_BACK = "35384aa0-dda4-4b6d-9178-1e919ff7bad7"  # rin's, sent back by the redaktur


def footer_keys(app: App[None], width: int) -> dict[str, object]:
    """The footer's keys whole on a screen `width` wide, by action; two never overlap."""
    from textual.widgets import Footer
    from textual.widgets._footer import FooterKey

    keys = list(app.screen.query_one(Footer).query(FooterKey))
    whole = [k for k in keys if k.region.width > 0 and k.region.right <= width]
    for key in whole:
        assert not any(key.region.overlaps(o.region) for o in whole if o is not key), key
    return {key.action: key for key in whole}


# 1. Every key the footer offers is on screen at 80x24, in both languages -----------------


@pytest.mark.parametrize("language", ["id", "en"])
@pytest.mark.parametrize(
    ("who", "release"),
    [("nur", IN_REVIEW), ("dwi", IN_REVIEW), ("rin", DRAFT), ("rin", SENT_BACK),
     ("nur", SEED_ID), ("nur", "correction")],
)  # fmt: skip
async def test_every_key_the_footer_offers_is_on_screen_at_80x24(
    bundled: Path, language: str, who: str, release: str
) -> None:
    """What the screen offers (its keys the workflow allows, quit, help) and the palette's
    key, whole and apart: on a second line when one is not enough (a reviewer in review
    has nine keys, a correction under review more)."""
    if release == "correction":  # under review, published: retract and v too
        from .test_review import correct_the_seed

        correct_the_seed(bundled)
        release = SEED_ID
    app = make_app(bundled, who, language)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(app, pilot)
        app.push_screen(ReleaseScreen(release))
        await settle(app, pilot)
        offered = {
            b.action for _, b, enabled, _ in app.screen.active_bindings.values()
            if b.show and enabled
        }  # fmt: skip
        shown = footer_keys(app, 80)
        assert offered <= set(shown), offered - set(shown)
        assert {"app.quit", "app.help", "app.command_palette"} <= set(shown)
        assert max(key.region.bottom for key in shown.values()) <= 24  # type: ignore[attr-defined]


async def test_the_filter_stands_above_a_footer_of_two_lines(bundled: Path) -> None:
    """On a terminal too narrow for the desk's keys on one line, the filter box, left open
    after Enter, sits above both of the footer's lines, not over the first."""
    from textual.widgets import Footer, Input

    app = make_app(bundled, "nur", "id")
    async with app.run_test(size=(50, 24)) as pilot:
        await settle(app, pilot)
        await pilot.press("slash", *"zona", "enter")
        await settle(app, pilot)
        footer, box = app.screen.query_one(Footer), app.screen.query_one("#filter", Input)
        assert footer.region.height == 2 and box.region.height > 0
        assert box.region.bottom <= footer.region.y, (box.region, footer.region)


# 2. `a` is offered where the workflow has an approval to give, not on an approved release --


@pytest.mark.parametrize(
    ("language", "why", "published"),
    [
        ("id", "sudah disetujui dan persetujuannya masih berlaku: untuk mengubah embargonya "
         "pakai E", "tidak bisa menyetujui siaran pers yang sudah terbit (hanya siaran pers "
         "yang sedang ditinjau)"),
        ("en", "it is approved already and its approval stands: to move its embargo use E",
         "cannot approve a published release (only a release in review)"),
    ],
)  # fmt: skip
async def test_an_approved_release_offers_moving_its_embargo_not_approving_it(
    bundled: Path, language: str, why: str, published: str
) -> None:
    """The core says an approval that stands is not given twice; the footer follows it and
    offers what a reviewer does there (E, the embargo); `a` says why, approving nothing."""
    from newsroom.core.clock import fixed_clock
    from newsroom.core.service import Newsroom

    from .tuikit import NOW

    nur = Newsroom.open(bundled, "nur", fixed_clock(NOW))
    nur.act(IN_REVIEW, "approve")
    history = len(nur.find(IN_REVIEW).history)
    app = make_app(bundled, "nur", language)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(app, pilot)
        for release, said in ((IN_REVIEW, why), (SEED_ID, published)):
            app.push_screen(ReleaseScreen(release))
            await settle(app, pilot)
            shown = footer_keys(app, 80)
            assert "approve" not in shown and ("embargo" in shown) == (release == IN_REVIEW)
            await pilot.press("a")
            await settle(app, pilot)
            assert isinstance(app.screen, ReleaseScreen)  # no checklist to approve from
            notes = [str(n.message) for n in app._notifications]
            assert any(said in note for note in notes), notes
            await pilot.press("escape")
            await settle(app, pilot)
    assert len(nur.find(IN_REVIEW).history) == history


async def test_v_on_a_release_without_a_correction_says_why_it_shows_nothing_else(
    bundled: Path,
) -> None:
    """`v` (the published version beside a correction) on a published release with none
    under way did nothing, silently (a new user's walk): it says partners see this text."""
    app = make_app(bundled, "nur", "en")
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(app, pilot)
        app.push_screen(ReleaseScreen(SEED_ID))
        await settle(app, pilot)
        await pilot.press("v")
        await settle(app, pilot)
        notes = [str(n.message) for n in app._notifications]
        assert any("no correction under way: partners see this text" in n for n in notes), notes
        assert isinstance(app.screen, ReleaseScreen) and not app.screen.published_shown
        await pilot.press("escape")
        await settle(app, pilot)
        app.push_screen(ReleaseScreen(IN_REVIEW))  # (never out: partners see nothing)
        await settle(app, pilot)
        await pilot.press("v")
        await settle(app, pilot)
        notes = [str(n.message) for n in app._notifications]
        assert any("not published yet: partners see nothing of it" in n for n in notes), notes


async def test_deleting_a_draft_from_its_screen_says_only_that_it_was_deleted(
    bundled: Path,
) -> None:
    """D, y on a draft: "Deleted: …", then a second, red message "no release '…' (see
    `newsroom list` …)": the release screen read the deleted release again (a walk)."""
    from newsroom.tui.screens.modals import ConfirmModal

    app = make_app(bundled, "ald", "en")
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(app, pilot)
        await pilot.press("n", *"Uji hapus", "enter")
        await settle(app, pilot)
        await pilot.press("ctrl+t", *"Isi.", "ctrl+s")
        await settle(app, pilot)
        ident = app.screen.article_id  # type: ignore[attr-defined]
        await pilot.press("escape")
        await settle(app, pilot)
        app.push_screen(ReleaseScreen(ident))
        await settle(app, pilot)
        await pilot.press("D")
        await settle(app, pilot)
        assert isinstance(app.screen, ConfirmModal)
        await pilot.press("y")
        await settle(app, pilot)
        await settle(app, pilot)
        notes = [(str(n.message), n.severity) for n in app._notifications]
        assert any("Deleted" in m for m, _ in notes), notes
        assert not any(sev == "error" for _, sev in notes), notes


# 3. The writer's "request changes" on their own submission says what it does: withdraw ---


@pytest.mark.parametrize(
    ("language", "who", "label", "button"),
    [("id", "dwi", "Tarik kembali", "Tarik pengajuan"), ("en", "dwi", "Withdraw",
      "Withdraw submission"), ("id", "nur", "Minta perbaikan", "Minta perbaikan"),
     ("en", "nur", "Request changes", "Request changes")],
)  # fmt: skip
async def test_requesting_changes_on_ones_own_submission_reads_withdraw(
    bundled: Path, language: str, who: str, label: str, button: str
) -> None:
    """dwi submitted the release: `r` takes the submission back, and says so (the core's
    decision carries what it means for them); for nur, a reviewer, it requests changes."""
    from textual.widgets import Button, Label

    from newsroom.tui.screens.modals import NoteModal

    from .test_desk_walk import palette_offers

    app = make_app(bundled, who, language)
    means = app.newsroom.allowed(app.newsroom.find(IN_REVIEW))["request_changes"].meaning
    assert means == ("withdraw" if who == "dwi" else "")
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(app, pilot)
        app.push_screen(ReleaseScreen(IN_REVIEW))
        await settle(app, pilot)
        key = footer_keys(app, 80)["request_changes"]
        assert key.description == label  # type: ignore[attr-defined]
        offered = await palette_offers(app, pilot, label.split()[0])
        assert any(line.startswith(f"{label} (r)\n") for line in offered), offered
        await settle(app, pilot)
        await pilot.press("r")
        await settle(app, pilot)
        assert isinstance(app.screen, NoteModal)
        heading = str(app.screen.query_one(".dialog-title", Label).render())
        assert heading.startswith(f"{label} — ")
        assert str(app.screen.query_one("#ok", Button).label) == button


# 4. The checklist's embargo field is framed as every dialog's field -----------------------


@pytest.mark.parametrize("todo", [False, True])
async def test_the_checklists_embargo_field_is_framed_like_the_other_fields(
    bundled: Path, todo: bool
) -> None:
    """The embargo field has the frame of the note's field (where to type shows, focused
    or not), and at 80x24 the whole dialog still fits: the checks, the line saying why
    approving waits (a required check failing), the field and the buttons."""
    from textual.widgets import Input

    from newsroom.core.clock import fixed_clock
    from newsroom.core.service import Newsroom
    from newsroom.tui.screens.checklist import ChecklistModal

    from .tuikit import NOW

    if todo:
        dwi = Newsroom.open(bundled, "dwi", fixed_clock(NOW))
        article = dwi.find(IN_REVIEW)
        article.body += "\nAngka capaian: TODO.\n"
        dwi.save_edit(article)
    app = make_app(bundled, "nur", "id")
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(app, pilot)
        app.push_screen(ReleaseScreen(IN_REVIEW))
        await settle(app, pilot)
        await pilot.press("c")  # the note's field, as every dialog has it
        await settle(app, pilot)
        note = app.screen.query_one("#note", Input)
        frame, height = [edge[0] for edge in note.styles.border], note.region.height
        await pilot.press("escape", "a")
        await settle(app, pilot)
        assert isinstance(app.screen, ChecklistModal)
        field = app.screen.query_one("#embargo", Input)
        assert [edge[0] for edge in field.styles.border] == frame == ["tall"] * 4
        assert field.region.height == height == 3
        assert app.screen.query_one("#blocked").display == todo
        inside = app.screen.query_one("#checklist-dialog").content_region
        for part in ("#checks-box", "#embargo", "#approve", "#cancel"):
            region = app.screen.query_one(part).region
            assert inside.contains_region(region), (part, region, inside)


# 5. One scrollbar: the help's or the checklist's, none of the screen under it ------------


def scrollbars(app: App[None]) -> list[str]:
    """The scrollbars painted on the screen on top and the one it opened over (which shows
    through a dialog's dim), by the scrolling widget's screen and id."""
    shown = []
    for screen in app.screen_stack[-2:]:
        for widget in [screen, *screen.query("*")]:
            painted = widget.styles.scrollbar_visibility == "visible"
            if widget.show_vertical_scrollbar and painted and widget.region.height > 0:
                shown.append(f"{type(screen).__name__}#{widget.id}")
    return shown


@pytest.mark.parametrize(("key", "height"), [("question_mark", 24), ("a", 19)])
async def test_a_dialog_that_scrolls_shows_one_scrollbar(
    bundled: Path, key: str, height: int
) -> None:
    """At 80x24 the release's side pane scrolls, and its scrollbar stood beside the help's
    (or the checklist's) own, through the dim: under a dialog the screen shows none, nor its
    footer's keys (only the dialog's work); closed, they are back. (The checklist shows
    every check at 80x24, tests/test_new_user_walk.py: at 80x19 a correction's 14 scroll.)"""
    from textual.widgets import Footer

    from .test_new_user_walk_leftovers import correction_in_review

    if key == "a":
        correction_in_review(bundled)
    app = make_app(bundled, "nur", "id")
    async with app.run_test(size=(80, height)) as pilot:
        await settle(app, pilot)
        app.push_screen(ReleaseScreen(SEED_ID if key == "a" else IN_REVIEW))
        await settle(app, pilot)
        before = scrollbars(app)  # its side pane scrolls on a small screen (the seed's text too)
        assert "ReleaseScreen#side" in before
        assert all(bar.startswith("ReleaseScreen#") for bar in before)
        release = app.screen
        await pilot.press(key)
        await settle(app, pilot)
        assert app.screen is not release
        assert len(scrollbars(app)) == 1 and not scrollbars(app)[0].startswith("Release")
        assert not release.query_one(Footer).visible
        await pilot.press("escape")
        await settle(app, pilot)
        assert app.screen is release and scrollbars(app) == before
        assert release.query_one(Footer).visible


# 6. A status is a state, an action a verb: "Ditinjau" on the tab as on the release --------


@pytest.mark.parametrize("language", ["en", "id"])
def test_a_status_reads_as_its_full_name_and_never_as_an_action(language: str) -> None:
    """The tabs and the narrow list say a status in a word of its full name ("Ditinjau" for
    "Ditinjau", "Diralat" for "Sedang diralat"), never in an action's words ("Tinjau",
    "Ralat": the key that starts a correction)."""
    side = 0 if language == "en" else 1
    word = {key: pair[side] for key, pair in CATALOG.items()}
    actions = {
        text.lower() for key, text in word.items() if key.startswith("cmd.") and ".help" not in key
    }
    for status in ALL_STATUSES:
        short, full = word[f"short.{status}"], word[f"status.{status}"]
        assert set(short.lower().split()) <= set(full.lower().split()), (short, full)
        assert short.lower() not in actions and full.lower() not in actions, (short, full)


# 7. From a new release's title to its text in one key, not thirteen Enters ----------------


@pytest.mark.parametrize(("language", "label"), [("id", "Ke isi"), ("en", "Go to text")])
async def test_ctrl_t_goes_from_the_title_to_the_text_and_back(
    bundled: Path, language: str, label: str
) -> None:
    """The editor opens in the title; ctrl+t (in the footer and in help) goes straight to
    the text, and again back to the field left; Enter still walks the form."""
    from textual.widgets import Input, TextArea

    from newsroom.tui.screens.editor import EditScreen
    from newsroom.tui.screens.help import HelpScreen

    app = make_app(bundled, "ald", language)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(app, pilot)
        await pilot.press("n", *"Rilis Baru", "enter")
        await settle(app, pilot)
        editor = app.screen
        assert isinstance(editor, EditScreen)
        title, body = editor.query_one("#f-title", Input), editor.query_one("#body", TextArea)
        assert editor.focused is title
        assert footer_keys(app, 80)["to_text"].description == label  # type: ignore[attr-defined]
        await pilot.press("ctrl+t", *"Isi siaran pers.")
        assert editor.focused is body and body.text == "Isi siaran pers."
        back = {"id": "Ke isian", "en": "Back to the field"}[language]
        assert footer_keys(app, 80)["to_text"].description == back  # type: ignore[attr-defined]
        await pilot.press("ctrl+t", "!", "enter", *"bandung", "ctrl+t", "ctrl+t")
        assert title.value == "Rilis Baru!"
        assert editor.focused is editor.query_one("#f-dateline", Input)
        await pilot.press("f1")
        await settle(app, pilot)
        assert isinstance(app.screen, HelpScreen)
        rows = [str(cell) for cell in app.screen.table.columns[2].cells]
        heading = {"id": "Gunanya", "en": "What it does"}[language]
        assert str(app.screen.table.columns[2].header) == heading  # every column named
        assert any(row.startswith(f"{label} — ") for row in rows), rows
        keys = [str(cell) for cell in app.screen.table.columns[0].cells]
        assert "j/↓ · k/↑" in keys and "ctrl+Home/End" in keys, keys  # (README's)


async def test_ctrl_home_and_ctrl_end_reach_the_start_and_end_of_the_text(bundled: Path) -> None:
    """In the text, ctrl+Home and ctrl+End go to the text's start and end (shift selects),
    as in every editor: Textual's own keys stop at the line's (a correction's sign-off is
    added at the end of a long text; it was typed into the middle of it)."""
    from textual.widgets import TextArea

    app = make_app(bundled, "ald", "id")
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(app, pilot)
        await pilot.press("n", *"Rilis Baru", "enter")
        await settle(app, pilot)
        body = app.screen.query_one("#body", TextArea)
        await pilot.press("ctrl+t", *"satu", "enter", *"dua", "enter", "enter", *"tiga")
        await pilot.press("up", "up", "home", "ctrl+end", *" (ald)")
        assert body.text == "satu\ndua\n\ntiga (ald)"
        await pilot.press("ctrl+home", *"YOGYAKARTA - ")
        assert body.text.startswith("YOGYAKARTA - satu\n")
        await pilot.press("ctrl+shift+end")
        assert body.selected_text == "satu\ndua\n\ntiga (ald)"
        await pilot.press("ctrl+shift+home")
        assert body.selected_text == "YOGYAKARTA - "


@pytest.mark.parametrize("width", [80, 100])
@pytest.mark.parametrize("new", [False, True])
async def test_a_long_title_opens_with_its_last_letter_in_view(
    bundled: Path, width: int, new: bool
) -> None:
    """A new release's editor opens at the end of the title just typed: a title longer than
    its field shows up to its last letter, the cursor after it (it opened one character
    short: "…Instansi Daera" for "…Instansi Daerah", as if the title had a typo). A release
    opened to change shows its title from the start, typing still going on at its end (the
    nineteenth walk read "n Mal Pelayanan Publik Kota Bogor" for "Menteri PANRB Resmikan
    Mal Pelayanan Publik Kota Bogor")."""
    from textual.widgets import Input

    from newsroom.tui.screens.editor import EditScreen

    app = make_app(bundled, "ald")
    async with app.run_test(size=(width, 24)) as pilot:
        await settle(app, pilot)
        if new:
            await pilot.press("n", *"Rapat Koordinasi Kehumasan Pemerintah Daerah 2026", "enter")
        else:  # from its release screen, with e (as a writer opens it)
            draft = app.newsroom.find("contoh-draf-sosialisasi-sistem-merit")
            app.push_screen(ReleaseScreen(draft.id))
            await settle(app, pilot)
            await pilot.press("e")
        await settle(app, pilot)
        assert isinstance(app.screen, EditScreen)
        title = app.screen.query_one("#f-title", Input)
        assert len(title.value) > title.content_size.width
        shown = title.render_line(0).text
        if new:
            assert title.value.endswith("2026") and shown.rstrip().endswith("2026"), shown
        else:  # from its first word; typing goes on at its end, which it then shows
            assert shown.startswith(title.value[:20]), shown
            assert title.cursor_position == len(title.value)
            await pilot.press("x")
            await settle(app, pilot)
            assert title.value.endswith("Daerahx")
            assert title.render_line(0).text.rstrip().endswith("Daerahx")


async def test_a_notice_stands_above_a_footer_of_two_lines(bundled: Path) -> None:
    """A notice never covers the screen's keys: above the footer's first line when the
    footer takes two (a reviewer's release at 80 columns in Indonesian)."""
    from textual.widgets import Footer
    from textual.widgets._toast import Toast, ToastRack

    app = make_app(bundled, "nur", "id")
    async with app.run_test(size=(80, 24), notifications=True) as pilot:
        await settle(app, pilot)
        app.push_screen(ReleaseScreen(SEED_ID))
        await settle(app, pilot)
        footer = app.screen.query_one(Footer)
        assert footer.has_class("-rows")  # two lines here
        app.notify("Komentar ditambahkan.")
        await settle(app, pilot)
        rack = app.screen.query_one(ToastRack)
        await until(pilot, lambda: rack.query(Toast), "the notice shown")
        toasts = [t.region for t in rack.query(Toast)]
        assert toasts and all(t.bottom <= footer.region.y for t in toasts), (toasts, footer.region)
