"""The desk at 80x24 (a laptop's terminal, an SSH session): the checklist shows what fails
first, the footer keeps its important keys, and offers only what this person may do."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from textual import events
from textual.app import App
from textual.pilot import Pilot
from textual.widgets import Static

from newsroom.core.service import NewArticle, Newsroom

from .tuikit import make_app, until

IN_REVIEW = "381ebf62-7c83-4e26-aa83-c080ed6a5590"  # the bundled example dwi wrote, in review


async def settle(app: App[None], pilot: Pilot[None]) -> None:
    """Workers done, and the screen's footer laid out: what the footer offers is read from
    where its keys stand, and under load one pause ends before the layout (the keys then
    stand nowhere, and "not offered" would hold of every key)."""
    await app.workers.wait_for_complete()
    await pilot.pause()
    await until(pilot, lambda: footer_text(app), "the footer laid out")


async def test_the_checklist_shows_a_failing_check_first_at_80x24(
    as_user: Callable[..., Newsroom], root: Path
) -> None:
    from newsroom.tui.screens.checklist import ChecklistModal
    from newsroom.tui.screens.release import ReleaseScreen

    from .test_desk_walk import LONG
    from .test_walk_defects import FULL, made

    ref = made(as_user, NewArticle(**{**vars(FULL), "dateline": LONG}))  # the 13th check fails
    app = make_app(root, "ald", "id")
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(app, pilot)
        app.push_screen(ReleaseScreen(ref))
        await settle(app, pilot)
        await pilot.press("s")
        await settle(app, pilot)
        assert isinstance(app.screen, ChecklistModal)
        lines = str(app.screen.query_one("#checks", Static).render()).splitlines()
        assert lines[0].startswith("✗") and "Kota" in lines[0]
        assert all(line.startswith("✓") for line in lines[1:])
        box = app.screen.query_one("#checks-box").region
        assert box.height >= 1 and box.bottom <= 24  # the first line is on screen


def footer_text(app: App[None]) -> str:
    from textual.widgets import Footer
    from textual.widgets._footer import FooterKey

    footer = app.screen.query_one(Footer)
    return " ".join(
        f"{key.key_display} {key.description}"
        for key in footer.query(FooterKey)
        if key.region.right <= 80 and key.region.width > 0
    )


async def test_approve_is_not_offered_to_the_one_who_changed_the_text_last(
    bundled: Path,
) -> None:
    from newsroom.tui.screens.release import ReleaseScreen

    app = make_app(bundled, "dwi", "id")
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(app, pilot)
        app.push_screen(ReleaseScreen(IN_REVIEW))
        await settle(app, pilot)
        assert "Setujui" not in footer_text(app)
        await pilot.press("a")  # says why, naming the person as [people] does
        await settle(app, pilot)
        said = [str(n.message) for n in app._notifications]
        assert any("Anda, Dwi (Humas), yang terakhir mengubah teks" in s for s in said), said
    other = make_app(bundled, "nur", "id")
    async with other.run_test(size=(80, 24)) as pilot:
        await settle(other, pilot)
        other.push_screen(ReleaseScreen(IN_REVIEW))
        await settle(other, pilot)
        assert "a Setujui" in footer_text(other)


APPROVED = "381ebf62-7c83-4e26-aa83-c080ed6a5590"


async def test_an_approved_release_offers_publish_quit_and_help_within_80_columns(
    bundled: Path,
) -> None:
    from newsroom.core.clock import fixed_clock
    from newsroom.tui.screens.release import ReleaseScreen

    from .tuikit import NOW

    Newsroom.open(bundled, "nur", fixed_clock(NOW)).act(APPROVED, "approve")
    app = make_app(bundled, "nur", "id")
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(app, pilot)
        shown = footer_text(app)
        assert "n Baru" in shown and "P Terbitkan" in shown and "? Bantuan" in shown
        app.push_screen(ReleaseScreen(APPROVED))
        await settle(app, pilot)
        shown = footer_text(app)
        for key in ("esc Kembali", "P Terbitkan", "^q Keluar", "? Bantuan"):
            assert key in shown, shown


async def test_the_view_tabs_keep_every_count_at_80_columns(bundled: Path) -> None:
    from newsroom.core.service import VIEWS
    from newsroom.tui.widgets.status_tabs import StatusTabs

    app = make_app(bundled, "nur", "en")
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(app, pilot)
        tabs = app.screen.query_one(StatusTabs)
        tabs.show({**{view: 1234 for view in VIEWS}, "all": 12000}, "retracted")
        await pilot.pause()
        line = str(tabs.render())
        assert "…" not in line and len(line) <= 80, line
        assert line.startswith("1 12000│2 1234") and "9 Retracted 1234" in line, line


async def test_an_empty_reason_to_retract_asks_for_a_reason(bundled: Path) -> None:
    from textual.widgets import Label

    from newsroom.tui.screens.modals import NoteModal
    from newsroom.tui.screens.release import ReleaseScreen

    from .tuikit import SEED_ID

    app = make_app(bundled, "nur", "id")
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(app, pilot)
        app.push_screen(ReleaseScreen(SEED_ID))
        await settle(app, pilot)
        await pilot.press("X")
        await settle(app, pilot)
        await pilot.press("enter")
        await settle(app, pilot)
        assert isinstance(app.screen, NoteModal)
        assert str(app.screen.query_one("#note-error", Label).render()) == "Alasan wajib diisi."


async def test_a_burst_of_binding_changes_composes_the_footer_once(
    bundled: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Opening a release changes its screen's bindings several times in a row (focus, the
    actions allowed, the keys' words): the footer fits its keys again once for the burst,
    and not at all for a resize that leaves the terminal's width as it was."""
    from newsroom.tui.screens.release import ReleaseScreen
    from newsroom.tui.widgets.keys_footer import KeysFooter

    app = make_app(bundled, "nur", "id")
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(app, pilot)
        app.push_screen(ReleaseScreen(APPROVED))
        await settle(app, pilot)
        composed: list[int] = []
        real = KeysFooter.compose
        monkeypatch.setattr(KeysFooter, "compose", lambda self: composed.append(1) or real(self))
        for _ in range(3):
            app.screen.refresh_bindings()
        await until(pilot, lambda: composed, "the footer composed again")
        await pilot.pause(0.1)
        assert len(composed) == 1
        footer = app.screen.query_one(KeysFooter)
        composed.clear()
        footer.post_message(events.Resize(footer.size, footer.size))
        await pilot.pause(0.1)
        assert composed == []
        assert "esc Kembali" in footer_text(app)


async def test_opening_and_closing_releases_leaves_no_footer_keys_behind(bundled: Path) -> None:
    """Each key the desk's footer made stayed alive (a watcher on the footer held it, and
    the footer lives as long as the desk): twelve more for every release opened and closed,
    with their styles and caches. Now as many keys are alive after six as after one."""
    import gc

    from textual.widgets._footer import FooterKey

    from newsroom.tui.screens.release import ReleaseScreen

    def keys_alive() -> int:
        gc.collect()
        return sum(isinstance(o, FooterKey) for o in gc.get_objects())

    app = make_app(bundled, "nur", "id")
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(app, pilot)
        counts = []
        for _ in range(6):
            app.push_screen(ReleaseScreen(APPROVED))
            await settle(app, pilot)
            app.pop_screen()
            await settle(app, pilot)
            counts.append(keys_alive())
        # (a footer's worth more at most: a compose the busy machine has not finished yet;
        # the leak kept twelve more for every open, 16 -> 76 after six)
        assert counts[-1] < counts[0] + 12, counts


async def test_a_release_made_on_the_desk_is_under_the_cursor_when_it_closes(
    bundled: Path,
) -> None:
    """`n` on the last row, a title, `ctrl+s`, `escape`: the new draft heads the list and
    the cursor is on it, not on the row it was on (pushed down by the new one), so Enter
    and `s` act on what was just written (a new user submitted someone else's release)."""
    from newsroom.tui.screens.desk import DeskScreen
    from newsroom.tui.screens.editor import EditScreen
    from newsroom.tui.widgets.release_list import ReleaseList

    app = make_app(bundled, "dwi", "id")
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(app, pilot)
        await pilot.press("G", "n", *"Rilis baru dari meja", "enter")
        await until(pilot, lambda: isinstance(app.screen, EditScreen), "the editor")
        made = app.screen.session.article.id
        await pilot.press("ctrl+s")
        await pilot.pause()
        await pilot.press("escape")
        await until(pilot, lambda: isinstance(app.screen, DeskScreen), "back at the desk")
        app.files_changed()  # (the watcher's news, which tests turn off)
        releases = app.screen.query_one(ReleaseList)

        def current() -> str:
            row = releases.current
            return getattr(row, "id", "")

        await until(pilot, lambda: current() == made, "the new release under the cursor")


async def test_an_approval_says_its_recommendations_in_one_message_that_the_publish_preview_clears(
    as_user: Callable[..., Newsroom], root: Path
) -> None:
    """Approving a release without a summary or a category said "now Approved" and each
    recommendation in a message of its own: three stacked at the screen's right, over the
    publish preview opened next (what goes out to partners). One message now, and the
    preview clears it."""
    from newsroom.tui.screens.checklist import ChecklistModal
    from newsroom.tui.screens.publish import PublishScreen
    from newsroom.tui.screens.release import ReleaseScreen

    from .test_walk_defects import FULL, made

    ref = made(as_user, NewArticle(**{**vars(FULL), "summary": "", "categories": []}))
    as_user("ald").act(ref, "submit")
    app = make_app(root, "nur", "en")
    async with app.run_test(size=(100, 30), notifications=True) as pilot:
        await settle(app, pilot)
        app.push_screen(ReleaseScreen(ref))
        await settle(app, pilot)
        await pilot.press("a")
        await until(pilot, lambda: isinstance(app.screen, ChecklistModal), "the checklist")
        await pilot.press("enter")
        await until(pilot, lambda: app._notifications, "the approval said")
        said = list(app._notifications)
        assert len(said) == 1, [(n.title, n.message) for n in said]
        assert said[0].title == "Approve: now Approved"
        assert "no summary" in said[0].message and "no category" in said[0].message
        await settle(app, pilot)
        app.notify("a git problem", severity="error", timeout=60)  # said, not yet read
        await pilot.press("P")
        await until(pilot, lambda: isinstance(app.screen, PublishScreen), "the preview")
        await app.workers.wait_for_complete()
        await pilot.pause()
        left = [(n.message, n.severity) for n in app._notifications]
        assert left == [("a git problem", "error")], left  # an error stays; the rest go,
        drawn = [t for screen in app.screen_stack[:-1] for t in screen.query("Toast")]
        assert len(drawn) <= 1 and not [t for t in drawn if "-warning" in t.classes]
