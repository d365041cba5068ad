"""The editor and an action waiting for a publish run never write over each other.

On the desk, no editor opens on a release while an action on it waits, by any way in (its
key, a copy kept aside, a take-over): one action at a time on a release, and nothing else
changes it meanwhile. An editor already open elsewhere (another desk) when the action
finally acts is held by the core's one rule, the save that refuses a file changed since it
was read: it is told at once, and its save asks before anything is overwritten."""

from __future__ import annotations

import threading
from pathlib import Path

from newsroom.core.clock import fixed_clock
from newsroom.core.lease import acquire
from newsroom.core.service import Newsroom
from newsroom.tui.screens.desk import DeskScreen
from newsroom.tui.screens.editor import EditScreen
from newsroom.tui.screens.modals import ConfirmModal, ConflictModal
from newsroom.tui.screens.release import ReleaseScreen

from .test_desk_waits_for_publish import IN_REVIEW, approved, said, send_back
from .tuikit import NOW, PATIENCE, make_app, ready, until


def file_of(root: Path) -> Path:
    return next((root / "articles").rglob(f"{IN_REVIEW}.md"))


async def test_no_editor_opens_on_a_release_whose_action_waits(bundled: Path) -> None:
    """Nur sends an approved release back while a run holds the lock; meanwhile another
    office sends it back too (a sync brings it): the release may be edited again, but not
    here until Nur's action is done, neither by `e` nor by opening her copy kept aside."""
    ident, run_lock = approved(bundled)
    release = file_of(bundled)
    waiting_text = release.read_text(encoding="utf-8")
    office = Newsroom.open(bundled, "redaktur", fixed_clock(NOW))
    office.act(ident, "request_changes", note="Dari kantor lain")
    sent_back = release.read_text(encoding="utf-8")
    release.write_text(waiting_text, encoding="utf-8")  # not yet: it comes during the wait
    nur = Newsroom.open(bundled, "nur", fixed_clock(NOW))
    nur.keep_unsaved(nur.find(ident).slug, sent_back.replace("Zona Integritas", "ZI", 1))
    app = make_app(bundled, "nur")
    with run_lock:
        async with app.run_test(size=(120, 40)) as pilot:
            await ready(pilot)
            await send_back(app, pilot, ident)
            assert ident in app.waiting
            release.write_text(sent_back, encoding="utf-8")  # the other office's, synced
            screen = app.screen
            assert isinstance(screen, ReleaseScreen)
            screen.reload()
            assert screen.decisions["edit"].allowed  # the workflow would let it be edited
            app._notifications.clear()
            await pilot.press("e")
            await pilot.pause()
            assert app.screen is screen and "still waiting for the publish run" in said(app)
            await pilot.press("escape")
            await until(pilot, lambda: isinstance(app.screen, DeskScreen), "the desk")
            app._notifications.clear()
            await pilot.press("u")
            await until(pilot, lambda: app.screen.id == "unsaved-list", "the copies kept aside")
            await pilot.press("enter")
            await pilot.pause()
            assert not any(isinstance(s, EditScreen) for s in app.screen_stack)
            assert "still waiting for the publish run" in said(app)
            assert ident in app.waiting


async def test_a_take_over_answered_after_the_release_moved_on_is_refused_not_a_crash(
    bundled: Path,
) -> None:
    """Dwi edits a release in review; Nur asks to take it over, and before she answers a
    reviewer approves it: taking over now is refused, saying why (it raised out of the
    dialog's answer, and the desk fell over)."""
    app = make_app(bundled, "nur")
    async with app.run_test(size=(120, 40)) as pilot:
        await ready(pilot)
        office = Newsroom.open(bundled, "redaktur", fixed_clock(NOW))
        ident = office.find(IN_REVIEW).id
        acquire(office.config, ident, "dwi", NOW)
        app.push_screen(ReleaseScreen(ident))
        await until(pilot, lambda: isinstance(app.screen, ReleaseScreen), "the release")
        await pilot.press("e")
        await until(pilot, lambda: isinstance(app.screen, ConfirmModal), "asked to take it over")
        office.act(ident, "approve")
        await pilot.press("y")
        await until(pilot, lambda: "Edit:" in said(app), "the refusal said")
        assert app.is_running and isinstance(app.screen, ReleaseScreen)
        assert not any(isinstance(s, EditScreen) for s in app.screen_stack)


async def test_an_editor_open_elsewhere_is_told_and_never_overwrites_the_action(
    bundled: Path,
) -> None:
    """Dwi's editor was open on the release before it was approved, with text typed; Nur's
    action waits for a run, then acts: Dwi's editor says at once that the file changed,
    and her save does not write over Nur's action (it asks; keeping hers keeps Nur's move)."""
    office = Newsroom.open(bundled, "redaktur", fixed_clock(NOW))
    ident = office.find(IN_REVIEW).id
    app = make_app(bundled, "dwi")
    async with app.run_test(size=(120, 40)) as pilot:
        await ready(pilot)
        app.push_screen(ReleaseScreen(ident))
        await until(pilot, lambda: isinstance(app.screen, ReleaseScreen), "the release")
        await pilot.press("e")
        await until(pilot, lambda: isinstance(app.screen, EditScreen), "the editor")
        editor = app.screen
        assert isinstance(editor, EditScreen)
        await pilot.press(*" baru")  # at the end of the title
        _, run_lock = approved(bundled)  # approved by a reviewer meanwhile, then a run starts
        await until(pilot, lambda: isinstance(app.screen, ConflictModal), "told of the approval")
        await pilot.press("k")  # keep mine (saving it now is refused: approved)
        nur = Newsroom.open(bundled, "nur", fixed_clock(NOW))
        done = threading.Event()
        with run_lock:  # Nur's action waits for the run (as her desk's worker does)
            waiting = threading.Thread(
                target=lambda: (nur.act(ident, "request_changes", note="Angka belum final",
                                        lock_wait=PATIENCE), done.set()))  # fmt: skip
            waiting.start()
        waiting.join(PATIENCE)
        assert done.is_set()
        await until(pilot, lambda: isinstance(app.screen, ConflictModal), "told of the action")
        await pilot.press("k")  # keep mine: Dwi's text over the file as it is now
        await until(pilot, lambda: app.screen is editor, "back in the editor")
        await pilot.press("ctrl+s")
        await until(pilot, lambda: "Saved" in said(app), "saved")
        now = office.find(ident)
        assert now.title.endswith(" baru")  # Dwi's text
        assert now.status == "changes_requested"  # and Nur's move, with her note
        assert [h.note for h in now.history if h.action == "request_changes"][-1:] == [
            "Angka belum final"
        ]
