"""The desk at a glance: tabs, dates, the retraction banner, history order, dialogs' keys,
and a palette that offers what the footer does.

Driven with Textual's pilot on a copy of the bundled newsroom; assertions on what the
screen says (and on the store where something is done)."""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path

import pytest
from click.testing import CliRunner
from rich.cells import cell_len
from textual.widgets import Button, Footer, Input
from textual.widgets._footer import FooterKey

from newsroom.cli import cli
from newsroom.core.clock import fixed_clock
from newsroom.core.service import Newsroom
from newsroom.tui.app import NewsroomApp
from newsroom.tui.screens.modals import ConfirmModal, NoteModal
from newsroom.tui.screens.release import ReleaseScreen
from newsroom.tui.widgets.release_list import Columns, ReleaseList
from newsroom.tui.widgets.status_tabs import StatusTabs

from .tuikit import NOW, SEED_ID, WIB, make_app


async def settle(app: NewsroomApp, pilot: object) -> None:
    await app.workers.wait_for_complete()
    await pilot.pause()  # type: ignore[attr-defined]


async def open_release(app: NewsroomApp, pilot: object, ident: str) -> None:
    app.push_screen(ReleaseScreen(ident))
    await settle(app, pilot)


def footer_keys(app: NewsroomApp) -> dict[str, str]:
    """What the footer of the screen on top shows: key -> label."""
    keys = app.screen.query_one(Footer).query(FooterKey)
    return {key.key: key.description for key in keys}


def test_times_read_one_way() -> None:
    """Day first with the century: `25-11-26` read as 2025 or as 26 November 2025."""
    from newsroom.core.clock import format_time

    when = dt.datetime(2026, 11, 25, 7, 0, tzinfo=dt.UTC)
    assert format_time(when, WIB) == "25-11-2026 14:00"
    assert format_time(when, WIB, "Asia/Jakarta") == "25-11-2026 14:00 WIB"
    assert format_time(None, WIB) == ""


@pytest.mark.parametrize(("language", "last"), [("en", "9 Retracted 0"), ("id", "9 Dicabut 0")])
async def test_all_nine_views_fit_at_120_columns(bundled: Path, language: str, last: str) -> None:
    app = make_app(bundled, "redaktur", language)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(app, pilot)
        tabs = app.screen.query_one(StatusTabs)
        line = str(tabs.render())
        assert last in line and cell_len(line) <= tabs.size.width == 120
        tabs.show({"all": 12345, "published": 9000, "draft": 2000, "retracted": 45}, "all")
        line = str(tabs.render())
        assert "9 " in line and cell_len(line) <= tabs.size.width


@pytest.mark.parametrize("size", [(120, 40), (80, 24)])
async def test_the_desk_shows_whole_dates(bundled: Path, size: tuple[int, int]) -> None:
    app = make_app(bundled, "redaktur")
    async with app.run_test(size=size) as pilot:
        await settle(app, pilot)
        releases = app.screen.query_one(ReleaseList)
        seed = next(r for r in releases.rows if getattr(r, "id", "") == SEED_ID)
        line = releases._line(Columns.fit(size[0]), seed)
        assert "07-12-2018 15:30" in line and "07-12-18" not in line


def test_the_cli_list_shows_whole_dates(bundled: Path) -> None:
    args = ["--root", str(bundled), "--as", "nur", "list"]
    result = CliRunner().invoke(cli, args, env={"NEWSROOM_LANG": "en"})
    assert result.exit_code == 0, result.output
    assert "07-12-2018" in result.output and "07-12-18 " not in result.output
    assert "Updated (WIB)" in result.output  # the zone, once for the column


@pytest.mark.parametrize(
    ("language", "banner"),
    [("en", "RETRACTED 27-11-2026 09:00 WIB by Nur Aini (redaktur): Data belum final"),
     ("id", "DICABUT 27-11-2026 09:00 WIB oleh Nur Aini (redaktur): Data belum final")],
)  # fmt: skip
async def test_a_retracted_release_says_so_with_its_reason(
    bundled: Path, language: str, banner: str
) -> None:
    Newsroom.open(bundled, "nur", fixed_clock(NOW)).act(SEED_ID, "retract", note="Data belum final")
    app = make_app(bundled, "redaktur", language)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(app, pilot)
        app.push_screen(ReleaseScreen(SEED_ID))
        await settle(app, pilot)
        shown = app.screen.query_one("#retraction")
        assert shown.display and banner in str(shown.render())
        app.pop_screen()
        await pilot.pause()
        app.push_screen(ReleaseScreen(app.newsroom.find("contoh-draf").id))
        await settle(app, pilot)
        assert not app.screen.query_one("#retraction").display


async def test_history_shows_the_latest_first(bundled: Path) -> None:
    Newsroom.open(bundled, "nur", fixed_clock(NOW)).act(SEED_ID, "comment", note="Cek foto")
    app = make_app(bundled, "redaktur")
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(app, pilot)
        app.push_screen(ReleaseScreen(SEED_ID))
        await settle(app, pilot)
        lines = str(app.screen.query_one("#timeline").render()).splitlines()
        dated = [line for line in lines if re.match(r"\d\d-\d\d-\d{4} \d\d:\d\d", line)]
        stamps = [dt.datetime.strptime(line[:16], "%d-%m-%Y %H:%M") for line in dated]
        assert stamps == sorted(stamps, reverse=True)
        assert any(line.startswith("27-11-2026 09:00 WIB  Nur Aini") and "Cek foto" in line
                   for line in lines)  # fmt: skip
        assert "import" in dated[-1]


@pytest.mark.parametrize(
    ("language", "confirm", "cancel"),
    [("id", "Cabut siaran", "Batal"), ("en", "Retract release", "Cancel")],
)
async def test_the_retract_dialog_names_the_action_in_its_button_and_footer(
    bundled: Path, language: str, confirm: str, cancel: str
) -> None:
    app = make_app(bundled, "redaktur", language)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(app, pilot)
        app.push_screen(ReleaseScreen(SEED_ID))
        await settle(app, pilot)
        await pilot.press("X")
        await pilot.pause()
        assert isinstance(app.screen, NoteModal)
        assert [str(b.label) for b in app.screen.query(Button)] == [confirm, cancel]
        assert footer_keys(app) == {"enter": confirm, "escape": cancel}  # not the release's
        await pilot.press("tab")  # to the confirm button, then to cancel: enter presses it
        await pilot.press("tab")
        await pilot.pause()
        assert "enter" not in footer_keys(app)
        await pilot.press("enter")
        await pilot.pause()
    assert Newsroom.open(bundled, "x").find(SEED_ID).status == "published"


async def test_enter_in_the_reason_box_retracts(bundled: Path) -> None:
    app = make_app(bundled, "redaktur", "id")
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(app, pilot)
        app.push_screen(ReleaseScreen(SEED_ID))
        await settle(app, pilot)
        await pilot.press("X", *"Data belum final", "enter")
        await pilot.pause()
        assert isinstance(app.screen, ReleaseScreen)
        assert app.screen.query_one("#retraction").display
    assert Newsroom.open(bundled, "x").find(SEED_ID).status == "retracted"


async def test_the_other_dialogs_show_their_own_keys(bundled: Path) -> None:
    app = make_app(bundled, "redaktur", "id")
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(app, pilot)
        await pilot.press("n")
        await pilot.pause()
        assert footer_keys(app) == {"enter": "Buat draf", "escape": "Batal"}
        await pilot.press("escape")
        app.push_screen(ConfirmModal("Ambil alih?", yes="Ambil alih"))
        await pilot.pause()
        assert footer_keys(app) == {"y": "Ambil alih", "escape": "Tidak"}
        await pilot.press("escape")
        await pilot.press("P")
        await settle(app, pilot)  # (its buttons' words: test_fresh_clone_keys.py)
        assert footer_keys(app) == {"enter": "Terbitkan sekarang", "escape": "Batal"}
        await pilot.press("escape", "f1")
        await pilot.pause()
        assert footer_keys(app) == {"escape": "Tutup"}
        assert not app.screen.query(Input)


async def test_the_palette_offers_what_the_footer_offers(bundled: Path) -> None:
    """On a published release: comment, correct, retract; never approve or submit. And none
    of Textual's own English commands (theme, keys, screenshot)."""
    from textual.command import CommandList, CommandPalette

    from newsroom.tui.commands import WORKFLOW
    from newsroom.tui.providers import CatalogCommands

    app = make_app(bundled, "redaktur", language="id")
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(app, pilot)
        for ident in (SEED_ID, app.newsroom.find("contoh-menunggu").id):
            await open_release(app, pilot, ident)
            screen = app.screen
            offered = {action for _, _, action in CatalogCommands(screen)._commands()}
            for action in WORKFLOW:
                assert (f"screen:{action}" in offered) == screen.check_action(action, ()), action
            await pilot.press("escape")
        await open_release(app, pilot, SEED_ID)
        labels = [label for label, _, _ in CatalogCommands(app.screen)._commands()]
        assert "Ralat (K)" in labels and "Bantuan (?)" in labels
        assert not any(label.startswith(("Setujui", "Ajukan", "Sunting")) for label in labels)
        await pilot.press("ctrl+p", "k")
        found = app.screen.query_one(CommandList)
        for _ in range(100):  # the palette searches in a worker of its own
            await pilot.pause(0.05)
            if found.option_count >= 4:
                break
        assert isinstance(app.screen, CommandPalette)
        shown = [str(found.get_option_at_index(i).prompt) for i in range(found.option_count)]
        assert any("Komentari (c)" in text for text in shown)
        assert not any(word in text for text in shown for word in ("Keys", "Quit", "Theme"))


@pytest.mark.parametrize(
    ("language", "warning"),
    [("en", "publish holds back 1 release: newsroom status says why"),
     ("id", "1 siaran pers ditahan penerbitan: lihat newsroom status")],
)  # fmt: skip
async def test_the_banner_says_when_publish_holds_a_release_back(
    bundled: Path, language: str, warning: str
) -> None:
    seed = next((bundled / "articles").rglob("humas-pemerintah*.md"))
    seed.write_text(seed.read_text().replace("Humas pemerintah merupakan", "Humas merupakan"))
    app = make_app(bundled, "redaktur", language)
    async with app.run_test(size=(80, 24)) as pilot:  # a line of its own: seen at 80 too
        await settle(app, pilot)
        line = app.screen.query_one("#publishing")
        assert line.display and warning in str(line.render())
        releases = app.screen.query_one(ReleaseList)
        columns = Columns.fit(releases.size.width)
        rows = [releases._line(columns, row) for row in releases.rows]
        assert any(r.lstrip().startswith("⚠") and "Humas Pemerintah" in r for r in rows)
        other = "en" if language == "id" else "id"
        await pilot.press("ctrl+l")
        await settle(app, pilot)
        english = "publish holds back 1 release"
        said = str(app.screen.query_one("#publishing").render())
        assert (english in said) == (other == "en")  # in the new language at once
