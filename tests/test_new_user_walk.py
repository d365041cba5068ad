"""What a new user's walk of the desk at 80x24 found, each kept fixed: the approval checklist
shows every check with its embargo field and buttons; the desk's first line keeps the office
and the person whole; a writer's withdrawal reads as one in the history, on the desk and
in `newsroom show`; moving an embargo on the desk records why, as the command line does."""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner
from textual.pilot import Pilot
from textual.screen import Screen
from textual.widgets import Static

from newsroom.cli import cli
from newsroom.core.clock import fixed_clock
from newsroom.core.service import Newsroom
from newsroom.tui.app import NewsroomApp
from newsroom.tui.screens.release import ReleaseScreen

from .test_desk_narrow import settle
from .tuikit import NOW, make_app

IN_REVIEW = "381ebf62-7c83-4e26-aa83-c080ed6a5590"  # dwi wrote and submitted it


# 1. The approval checklist shows every check at 80x24, the field and the buttons too -----


async def open_checklist(app: NewsroomApp, pilot: Pilot[None], key: str = "a") -> Screen[Any]:
    """The release in review (or approved), then its checklist: `a` approves, `E` moves."""
    from newsroom.tui.screens.checklist import ChecklistModal

    await settle(app, pilot)
    app.push_screen(ReleaseScreen(IN_REVIEW))
    await settle(app, pilot)
    await pilot.press(key)
    await settle(app, pilot)
    assert isinstance(app.screen, ChecklistModal)
    return app.screen


def on_screen(dialog: Screen[Any], parts: tuple[str, ...]) -> None:
    """Every part whole inside the dialog, and the dialog above the footer."""
    from textual.widgets import Footer

    box = dialog.query_one("#checklist-dialog")
    assert box.region.bottom <= dialog.query_one(Footer).region.y, box.region
    for part in parts:
        region = dialog.query_one(part).region
        assert region.height > 0 and box.content_region.contains_region(region), part


@pytest.mark.parametrize("language", ["id", "en"])
@pytest.mark.parametrize("size", [(80, 24), (120, 40)])
async def test_the_approval_checklist_shows_every_check_with_the_field_and_buttons(
    bundled: Path, language: str, size: tuple[int, int]
) -> None:
    """The walk saw 7 of the checks at 80x24 and had to scroll for the rest: the reviewer
    approves against every one, so every one shows, the embargo field and buttons too."""
    from textual.containers import VerticalScroll

    app = make_app(bundled, "redaktur", language)
    async with app.run_test(size=size) as pilot:
        dialog = await open_checklist(app, pilot)
        checks = str(dialog.query_one("#checks", Static).render()).splitlines()
        assert len(checks) == len(dialog.decision.checks) >= 12, checks
        box = dialog.query_one("#checks-box", VerticalScroll)
        assert box.max_scroll_y == 0 and box.region.height == box.virtual_size.height
        on_screen(dialog, ("#checks-box", "#embargo", "#approve", "#cancel"))


# 2. The desk's first line keeps the office and the person whole at 80 columns ---------------


@pytest.mark.parametrize(
    ("language", "long", "short"),
    [
        ("id", "4 dari 4 · urut menurut perubahan terakhir", "4/4 · urut: diubah"),
        ("en", "4 of 4 · sorted by last change", "4/4 · sorted: updated"),
    ],
)
@pytest.mark.parametrize("width", [80, 120])
async def test_the_desks_first_line_keeps_the_office_and_the_person_at_80_columns(
    bundled: Path, language: str, long: str, short: str, width: int
) -> None:
    """At 80 columns the walk read "Humas Kementerian… — Dwi (Humas)   4 dari 4 · urut
    menurut perubahan terakhir": the count and order now give way to their short form
    first, and a wide terminal keeps the long one."""
    app = make_app(bundled, "dwi", language)
    async with app.run_test(size=(width, 24)) as pilot:
        await settle(app, pilot)
        banner = str(app.screen.query_one("#banner").render()).rstrip()
    assert banner.startswith(" Humas Kementerian PANRB (contoh) — Dwi (Humas)   "), banner
    assert banner.endswith(long if width == 120 else short), banner
    assert "…" not in banner and len(banner) <= width, banner


# 3. A withdrawal reads as one in the history -----------------------------------------------


def withdrawn_then_sent_back(root: Path) -> None:
    """dwi takes back the release they submitted, submits it again, and nur, a reviewer,
    then asks for changes: two entries stored as request_changes, one a withdrawal."""
    dwi = Newsroom.open(root, "dwi", fixed_clock(NOW))
    assert dwi.allowed(dwi.find(IN_REVIEW))["request_changes"].meaning == "withdraw"
    dwi.act(IN_REVIEW, "request_changes", note="angka belum final")
    dwi.act(IN_REVIEW, "submit")
    Newsroom.open(root, "nur", fixed_clock(NOW)).act(
        IN_REVIEW, "request_changes", note="judul terlalu umum"
    )


def test_the_core_says_what_each_history_entry_meant(bundled: Path) -> None:
    withdrawn_then_sent_back(bundled)
    nur = Newsroom.open(bundled, "nur", fixed_clock(NOW))
    article = nur.find(IN_REVIEW)
    stored = [h.action for h in article.history]
    assert stored[-3:] == ["request_changes", "submit", "request_changes"]  # the file's words
    meant = nur.meanings(article)
    assert meant[:-3] == stored[:-3]
    assert meant[-3:] == ["withdraw", "submit", "request_changes"]


@pytest.mark.parametrize(
    ("language", "withdraw", "asked"),
    [("id", "tarik kembali", "minta perbaikan"), ("en", "withdraw", "request changes")],
)
async def test_the_timeline_says_withdraw_for_a_writers_own_request(
    bundled: Path, language: str, withdraw: str, asked: str
) -> None:
    from newsroom.tui.widgets.timeline import Timeline

    withdrawn_then_sent_back(bundled)
    app = make_app(bundled, "nur", language)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(app, pilot)
        app.push_screen(ReleaseScreen(IN_REVIEW))
        await settle(app, pilot)
        lines = str(app.screen.query_one(Timeline).render()).splitlines()
    said = {line.split("  ")[2]: line for line in lines if line.count("  ") >= 2}
    assert "Dwi (Humas)" in said[withdraw] and "Nur" in said[asked], lines
    assert sum(asked in line for line in lines) == 1, lines  # nur's only


@pytest.mark.parametrize(
    ("language", "withdraw", "asked"),
    [("id", "tarik kembali", "minta perbaikan"), ("en", "withdraw", "request changes")],
)
def test_newsroom_show_says_withdraw_for_a_writers_own_request(
    bundled: Path, language: str, withdraw: str, asked: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("NEWSROOM_LANG", language)
    withdrawn_then_sent_back(bundled)
    shown = CliRunner().invoke(cli, ["--root", str(bundled), "--as", "nur", "show", IN_REVIEW])
    assert shown.exit_code == 0, shown.output
    said = " ".join(shown.output.split())  # rich wraps lines at the runner's width
    assert re.search(rf"Dwi \(Humas\) {withdraw} [^:]*: angka belum final", said), said
    assert re.search(rf"Nur Aini \(redaktur\) {asked} [^:]*: judul terlalu umum", said), said
    assert not re.search(rf"{asked} [^:]*: angka belum final", said), said


@pytest.mark.parametrize(("language", "withdraw"), [("id", "tarik kembali"), ("en", "withdraw")])
def test_the_cli_says_withdraw_when_a_writer_takes_their_release_back(
    bundled: Path, language: str, withdraw: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("NEWSROOM_LANG", language)
    done = CliRunner().invoke(
        cli, ["--root", str(bundled), "--as", "dwi", "request-changes", IN_REVIEW, "--note", "x"]
    )
    assert done.exit_code == 0, done.output
    assert done.output.startswith(withdraw), done.output


def test_newsroom_show_puts_no_space_before_a_reason_without_a_move(bundled: Path) -> None:
    nur = Newsroom.open(bundled, "nur", fixed_clock(NOW))
    nur.act(IN_REVIEW, "approve")
    later = NOW + dt.timedelta(days=3)
    nur.act(IN_REVIEW, "embargo", note="kementerian meminta penundaan", embargo=later)
    shown = CliRunner().invoke(cli, ["--root", str(bundled), "--as", "nur", "show", IN_REVIEW])
    said = " ".join(shown.output.split())
    assert ": kementerian meminta penundaan" in said and " : kementerian" not in said, said


# 4. Moving an embargo on the desk records why, as `newsroom embargo --note` does -----------


@pytest.mark.parametrize(
    ("language", "label"),
    [("id", "Alasan (mis. kementerian meminta penundaan"), ("en", "Why it moves (e.g.")],
)
async def test_moving_the_embargo_on_the_desk_records_why(
    bundled: Path, language: str, label: str
) -> None:
    from textual.widgets import Input, Label

    from newsroom.tui.widgets.timeline import Timeline

    Newsroom.open(bundled, "nur", fixed_clock(NOW)).act(IN_REVIEW, "approve")
    app = make_app(bundled, "redaktur", language)
    async with app.run_test(size=(80, 24)) as pilot:
        dialog = await open_checklist(app, pilot, "E")
        said = [str(w.render()) for w in dialog.query(Label)]
        assert any(line.startswith(label) for line in said), said
        on_screen(dialog, ("#checks-box", "#embargo", "#note", "#approve", "#cancel"))
        dialog.query_one("#embargo", Input).value = "2026-12-09 09:00"
        await pilot.press("tab", *"diminta", "space", *"kementerian", "enter")
        await settle(app, pilot)
        assert isinstance(app.screen, ReleaseScreen)
        timeline = str(app.screen.query_one(Timeline).render())
        assert "“diminta kementerian”" in timeline.splitlines()[1], timeline
    last = Newsroom.open(bundled, "nur", fixed_clock(NOW)).find(IN_REVIEW).history[-1]
    assert (last.action, last.by, last.note) == ("embargo", "redaktur", "diminta kementerian")


async def test_moving_the_embargo_with_no_reason_still_moves_it(bundled: Path) -> None:
    """The reason may stay empty (as the command line's --note may be left out)."""
    from textual.widgets import Input

    Newsroom.open(bundled, "nur", fixed_clock(NOW)).act(IN_REVIEW, "approve")
    app = make_app(bundled, "redaktur", "id")
    async with app.run_test(size=(120, 40)) as pilot:
        dialog = await open_checklist(app, pilot, "E")
        dialog.query_one("#embargo", Input).value = "2026-12-09 09:00"
        await pilot.press("enter")
        await settle(app, pilot)
    article = Newsroom.open(bundled, "nur", fixed_clock(NOW)).find(IN_REVIEW)
    assert (article.history[-1].action, article.history[-1].note) == ("embargo", "")
    assert article.embargo is not None and article.embargo.day == 9


# 5. The history records the lift time each approval and each move of the embargo set -------


def test_the_history_records_each_lift_time_set(
    bundled: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Who moved an embargo, when and why was kept, but not to what: now the approval and
    every move record the lift time they set (or that the embargo was taken away), in the
    file, and `newsroom show` and the desk's timeline say it."""
    from newsroom.tui.widgets.timeline import Timeline

    nur = Newsroom.open(bundled, "nur", fixed_clock(NOW))
    first, later = NOW + dt.timedelta(days=3), NOW + dt.timedelta(days=4)
    nur.act(IN_REVIEW, "approve", embargo=first)
    nur.act(IN_REVIEW, "embargo", note="kementerian meminta penundaan", embargo=later)
    nur.act(IN_REVIEW, "embargo", note="boleh terbit", clear_embargo=True)
    again = Newsroom.open(bundled, "nur", fixed_clock(NOW)).find(IN_REVIEW)  # from the file
    recorded = [(h.action, h.embargo) for h in again.history][-3:]
    assert recorded == [("approve", first.isoformat()), ("embargo", later.isoformat()),
                        ("embargo", "none")]  # fmt: skip
    monkeypatch.setenv("NEWSROOM_LANG", "id")
    monkeypatch.setenv("COLUMNS", "200")
    shown = CliRunner().invoke(cli, ["--root", str(bundled), "--as", "nur", "show", IN_REVIEW])
    said = " ".join(shown.output.split())
    assert re.search(r"Disetujui embargo hingga \d\d-\d\d-\d{4} \d\d:\d\d WIB", said), said
    assert re.search(r"ubah embargo → \d\d-\d\d-\d{4} \d\d:\d\d WIB: kementerian", said), said
    assert "ubah embargo → tanpa embargo: boleh terbit" in said, said
    timeline = Timeline()
    shown_lines: list[str] = []
    monkeypatch.setattr(Timeline, "update", lambda self, text: shown_lines.append(str(text)))
    from newsroom.i18n import Translator

    timeline.show(
        again, nur.meanings(again), Translator("en"), lambda at: at.strftime("%d-%m %H:%M")
    )
    assert "move the embargo  → none" in shown_lines[0], shown_lines
    assert re.search(
        r"approve  In review → Approved  embargo until \d\d-\d\d \d\d:\d\d", shown_lines[0]
    )


# 6. A past embargo is fixed where the action takes it, not in the editor ------------------


@pytest.mark.parametrize(
    ("language", "here", "editor"),
    [("id", "ubah Embargo (WIB) di bawah", "penyunting"), ("en", "change Embargo", "editor")],
)
async def test_a_past_embargo_in_the_checklist_is_fixed_in_its_field(
    bundled: Path, language: str, here: str, editor: str
) -> None:
    """An approved release cannot be edited: the checklist of `E` (and of `a`) points at its
    own embargo field, not at the editor (e)."""
    from textual.widgets import Input

    Newsroom.open(bundled, "nur", fixed_clock(NOW)).act(IN_REVIEW, "approve")
    app = make_app(bundled, "redaktur", language)
    async with app.run_test(size=(120, 40)) as pilot:
        dialog = await open_checklist(app, pilot, "E")
        dialog.query_one("#embargo", Input).value = "2020-01-01 09:00"
        await settle(app, pilot)
        checks = str(dialog.query_one("#checks", Static).render())
    failing = [line for line in checks.splitlines() if "2020" in line]
    assert failing and here in failing[0] and editor not in failing[0], checks


@pytest.mark.parametrize(
    ("args", "hint"),
    [
        (["approve", IN_REVIEW, "--embargo", "2020-01-01T09:00"],
         "newsroom approve 381ebf62 --embargo ISO"),
        (["embargo", IN_REVIEW, "--until", "2020-01-01T09:00"],
         "newsroom embargo 381ebf62 --until ISO"),
    ],
)  # fmt: skip
def test_a_past_embargo_on_the_command_line_is_fixed_with_the_commands_own_option(
    bundled: Path, args: list[str], hint: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("NEWSROOM_LANG", "en")
    if args[0] == "embargo":
        Newsroom.open(bundled, "nur", fixed_clock(NOW)).act(IN_REVIEW, "approve")
    done = CliRunner().invoke(cli, ["--root", str(bundled), "--as", "nur", *args])
    said = " ".join(done.output.split())
    assert done.exit_code == 1 and hint in said and "newsroom edit" not in said, said


def test_show_names_a_broken_file_found_by_its_name(bundled: Path) -> None:
    """A file whose YAML is broken has no id or slug to match: `show` found it by its full
    path only and said there was no such release; by the start of its name it now names
    the file and the line to fix, as `check` does."""
    draft = bundled / "articles" / "contoh" / "contoh-draf-sosialisasi-sistem-merit.md"
    lines = draft.read_text().splitlines()
    at = next(i for i, line in enumerate(lines) if line.startswith("title:"))
    lines[at] = "title: [broken: yaml"
    draft.write_text("\n".join(lines) + "\n")
    shown = CliRunner().invoke(cli, ["--root", str(bundled), "show", "contoh-draf"])
    said = " ".join(shown.output.split())
    assert shown.exit_code == 1, said
    assert re.search(r"contoh-draf-sosialisasi-sistem-merit\.md:\d+: bad YAML", said), said
    # and by the start of the id its file still names (copied from the desk or a feed:
    # the fresh-clone walk's `show 0fc6f043` said there was no such release)
    ident = next(line[3:].strip() for line in lines if line.startswith("id:"))
    by_id = CliRunner().invoke(cli, ["--root", str(bundled), "show", ident[:8]])
    said = " ".join(by_id.output.split())
    assert by_id.exit_code == 1 and "sistem-merit.md:" in said and "bad YAML" in said, said
    for language, fix in (("id", "perbaiki berkasnya dahulu"), ("en", "fix the file first")):
        shown = CliRunner().invoke(cli, ["--root", str(bundled), "show", ident[:8]],
                                   env={"NEWSROOM_LANG": language})  # fmt: skip
        assert fix in " ".join(shown.output.split()), (language, shown.output)


def test_a_releases_feeds_are_named_rather_than_and_one_more() -> None:
    """The publish summary said "private/antara dan 1 lainnya" and never which: one more is
    named; "and N more" stands for two or more."""
    from newsroom.i18n import Translator
    from newsroom.i18n.explain import FEEDS_SHOWN, feed_names

    t = Translator("id")
    five = [f"category/c{i}" for i in range(FEEDS_SHOWN + 1)]
    assert feed_names(t, [f"{name}/rss.xml" for name in five]) == ", ".join(five)
    six = [f"{name}/rss.xml" for name in [*five, "category/c9"]]
    assert feed_names(t, six).endswith("dan 2 lainnya"), feed_names(t, six)
