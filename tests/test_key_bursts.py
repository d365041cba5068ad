"""Keys typed in one burst (a fast typist, a paste, tmux send-keys): a dialog acts at most
once, a screen is never pushed twice, and the keys typed after Enter land where the person
will be (the next screen's field), never in the field just left, never lost to the desk."""

from __future__ import annotations

from pathlib import Path

from textual import events
from textual.app import App
from textual.pilot import Pilot
from textual.widgets import Input

from .tuikit import SEED_ID, make_app

NAMED = {"enter": "\r", "escape": "\x1b", "space": " ", "question_mark": "?"}


def key_event(key: str) -> events.Key:
    """The event a terminal sends for `key` (a character or a key's name)."""
    if key in NAMED:
        return events.Key(key, NAMED[key])
    from textual.keys import _character_to_key

    return events.Key(key if key.isalnum() else _character_to_key(key), key)


async def burst(app: App[None], pilot: Pilot[None], *keys: str) -> None:
    """Send `keys` to the app all at once, as a terminal does with a burst (the pilot's own
    `press` waits for the app to be idle after each key), then let everything settle."""
    for key in keys:
        app.post_message(key_event(key))
    for _ in range(30):
        await pilot.pause()
    await app.workers.wait_for_complete()
    await pilot.pause()


def typed(text: str) -> list[str]:
    return list(text)


async def settle(app: App[None], pilot: Pilot[None]) -> None:
    await app.workers.wait_for_complete()
    await pilot.pause()


async def test_a_double_enter_in_the_title_dialog_makes_one_release_and_keeps_the_desk(
    bundled: Path,
) -> None:
    from newsroom.tui.screens.desk import DeskScreen
    from newsroom.tui.screens.editor import EditScreen

    app = make_app(bundled, "ald", "id")
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(app, pilot)
        await pilot.press("n")  # the dialog opens; then the burst
        await burst(app, pilot, *typed("Judul A"), "enter", "enter")
        assert isinstance(app.screen, EditScreen)
        assert app.screen.query_one("#f-title", Input).value == "Judul A"
        await burst(app, pilot, "escape", "tab", "tab", "enter")  # not saved: asked; discarded
        assert isinstance(app.screen, DeskScreen)
        assert [type(s).__name__ for s in app.screen_stack][-1] == "DeskScreen"
        assert app.screen.query_one("#releases").region.height > 0


async def test_keys_typed_after_enter_go_to_the_editor_that_opens(bundled: Path) -> None:
    from newsroom.tui.screens.editor import EditScreen

    app = make_app(bundled, "ald", "id")
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(app, pilot)
        await pilot.press("n")
        keys = [*typed("Uji Mengetik Cepat"), "enter", *typed("BANDUNG"), "enter"]
        await burst(app, pilot, *keys, *typed("xyz"))
        editor = app.screen
        assert isinstance(editor, EditScreen)
        # The editor opens in the title (at its end), Enter goes on to the dateline: every
        # key is where the person was when typing it, none lost, none twice.
        assert editor.query_one("#f-title", Input).value == "Uji Mengetik CepatBANDUNG"
        assert editor.query_one("#f-dateline", Input).value == "xyz"


async def test_enter_pressed_many_times_down_a_new_release_never_crashes(bundled: Path) -> None:
    from newsroom.tui.screens.editor import EditScreen

    app = make_app(bundled, "ald", "id")
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(app, pilot)
        await pilot.press("n")
        keys = [*typed("Uji Mengetik Cepat"), "enter", *typed(" Sekali"), "enter"]
        await burst(app, pilot, *keys, *typed("BANDUNG"), "enter", "enter", "enter")
        editor = app.screen
        assert isinstance(editor, EditScreen)
        assert editor.query_one("#f-title", Input).value == "Uji Mengetik Cepat Sekali"
        assert editor.query_one("#f-dateline", Input).value == "BANDUNG"


async def test_enter_enter_on_the_desk_opens_the_release_once(bundled: Path) -> None:
    from newsroom.tui.screens.release import ReleaseScreen

    app = make_app(bundled, "ald", "id")
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(app, pilot)
        await burst(app, pilot, "enter", "enter", "enter")
        assert isinstance(app.screen, ReleaseScreen)
        assert sum(isinstance(s, ReleaseScreen) for s in app.screen_stack) == 1
        await burst(app, pilot, "question_mark", "escape", "escape", "escape", "escape")
        assert type(app.screen).__name__ == "DeskScreen"
        assert len(app.screen_stack) == 2  # Textual's default screen under the desk


async def test_a_double_enter_in_the_comment_dialog_comments_once_and_stays(
    bundled: Path,
) -> None:
    from newsroom.tui.screens.release import ReleaseScreen

    app = make_app(bundled, "nur", "id")
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(app, pilot)
        screen = ReleaseScreen(SEED_ID)
        app.push_screen(screen)
        await settle(app, pilot)
        await pilot.press("c")
        await burst(app, pilot, *typed("Cek angka"), "enter", "enter")
        assert app.screen is screen
        comments = app.newsroom.find(SEED_ID).comments
        assert [c.text for c in comments].count("Cek angka") == 1
