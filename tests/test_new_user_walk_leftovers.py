"""What a second new user's walk left, each kept fixed: `newsroom show` names the embargo's
zone as the desk does (WIB) and the author by name; the desk's details say the zone once
and keep the file's path readable at 80 columns; the seal's note in the history follows
the UI's language; the correction's checklist and the embargo's dialog fit at 80x24."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from click.testing import CliRunner

from newsroom.cli import cli
from newsroom.core.clock import fixed_clock
from newsroom.core.service import Newsroom
from newsroom.tui.screens.release import ReleaseScreen

from .test_desk_narrow import settle
from .tuikit import NOW, WIB, make_app

IN_REVIEW = "381ebf62-7c83-4e26-aa83-c080ed6a5590"  # dwi wrote and submitted it
LIFT = dt.datetime(2026, 12, 11, 10, 0, tzinfo=WIB)


def approved_under_embargo(root: Path) -> None:
    """The release in review, approved by Nur to go out at LIFT."""
    Newsroom.open(root, "nur", fixed_clock(NOW)).act(IN_REVIEW, "approve", embargo=LIFT)


# 2. `newsroom show`: the embargo's zone as the desk names it, the author by name ----------


@pytest.mark.parametrize(("language", "author"), [("id", "Penulis"), ("en", "Author")])
def test_show_names_the_zone_as_the_desk_does_and_the_author_by_name(
    bundled: Path, language: str, author: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("NEWSROOM_LANG", language)
    approved_under_embargo(bundled)
    shown = CliRunner().invoke(cli, ["--root", str(bundled), "show", IN_REVIEW])
    lines = [" ".join(line.split()) for line in shown.output.splitlines()]
    assert "Embargo (WIB) 11-12-2026 10:00" in lines, lines  # the zone once, as the desk
    assert f"{author} Dwi (Humas) (dwi)" in lines, lines  # name and initials, as the desk
    assert "Asia/Jakarta" not in shown.output


def test_a_person_the_newsroom_does_not_list_is_shown_by_the_key(bundled: Path) -> None:
    newsroom = Newsroom.open(bundled, "nur", fixed_clock(NOW))
    assert newsroom.byline("zz") == "zz" and newsroom.byline("ald") == "Aldi (Humas) (ald)"


def test_an_author_is_named_by_the_initials_the_sign_off_uses(bundled: Path) -> None:
    """`newsroom new` as `redaktur` writes `author: red` (the person's initials, as the
    sign-off has them): show and the desk said "red" (the second walk)."""
    newsroom = Newsroom.open(bundled, "nur", fixed_clock(NOW))
    name = next(p.name for p in newsroom.config.people if p.key == "redaktur")
    assert newsroom.byline("red") == f"{name} (red)"


# 3. The desk's details: the zone once, the file's path broken where a person would -------


@pytest.mark.parametrize("language", ["id", "en"])
async def test_the_details_say_the_zone_once_and_break_the_path_at_a_slash(
    bundled: Path, language: str
) -> None:
    """The walk read "Embargo (WIB): 11-12-2026 10:00 WIB", and at 80 columns the path
    wrapped mid-word ("articles/contoh/contoh-me" / "nunggu-review-zona-integr" / ...)."""
    from textual.geometry import Region
    from textual.widgets import Static

    approved_under_embargo(bundled)
    app = make_app(bundled, "nur", language)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(app, pilot)
        app.push_screen(ReleaseScreen(IN_REVIEW))
        await settle(app, pilot)
        meta = app.screen.query_one("#meta", Static)
        assert "Embargo (WIB): 11-12-2026 10:00\n" in str(meta.render())
        drawn = [s.text.rstrip() for s in meta.render_lines(Region(0, 0, *meta.size))]
        at = next(i for i, line in enumerate(drawn) if "articles/" in line)
        assert drawn[at].endswith(": articles/contoh/"), drawn
        name = drawn[at + 1]  # the file's name, its middle left out to fit the pane
        assert name.startswith("contoh-men") and name.endswith("tegritas.md"), drawn
        assert "…" in name and len(name) <= meta.size.width


# 6. The seal's note in the history follows the person's language, an older file's too ----


SEALED = {"id": "disegel seperti terbit pada 07-12-2018 15:30 WIB",
          "en": "sealed as published on 07-12-2018 15:30 WIB"}  # fmt: skip


@pytest.mark.parametrize("language", ["id", "en"])
async def test_an_older_files_seal_note_reads_in_the_persons_language(
    bundled: Path, language: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The bundled release's file says "sealed as published on 2018-12-07 15:30" (written
    in English by an earlier version, in an Indonesian newsroom): it is worded anew."""
    from textual.widgets import Static

    from .tuikit import SEED_ID

    stored = (bundled / "articles/2018/12").glob("*.md").__next__().read_text()
    assert "note: sealed as published on 2018-12-07 15:30" in stored  # as the file has it
    monkeypatch.setenv("NEWSROOM_LANG", language)
    shown = CliRunner().invoke(cli, ["--root", str(bundled), "show", SEED_ID])
    said = " ".join(shown.output.split())
    assert SEALED[language] in said and "2018-12-07 15:30" not in said, said
    other = SEALED["en" if language == "id" else "id"].split(" 07-")[0]
    assert other not in said
    app = make_app(bundled, "nur", language)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(app, pilot)
        app.push_screen(ReleaseScreen(SEED_ID))
        await settle(app, pilot)
        timeline = str(app.screen.query_one("#timeline", Static).render())
        assert f"“{SEALED[language]}”" in timeline and other not in timeline


# 7. The correction's checklist and the embargo's dialog fit at 80x24 ----------------------


def correction_in_review(root: Path) -> None:
    """The bundled release (it has a photo) corrected by Dwi and submitted."""
    from .tuikit import SEED_ID

    dwi = Newsroom.open(root, "dwi", fixed_clock(NOW))
    dwi.act(SEED_ID, "correct", note="Tahun peraturan salah")
    article = dwi.find(SEED_ID)
    article.body = article.body.replace("Sejak 2004", "Sejak 2005")
    dwi.save_edit(article)
    dwi.act(SEED_ID, "submit")


@pytest.mark.parametrize("language", ["id", "en"])
@pytest.mark.parametrize("key", ["a", "E"])
async def test_the_corrections_checklist_and_the_embargos_dialog_fit_at_80x24(
    bundled: Path, language: str, key: str
) -> None:
    """The walk scrolled the 14 checks of a correction with a photo (`a`) and the 12 of a
    move of the embargo (`E`, under its two fields): every one shows, the fields and the
    buttons too; a line saying why the move waits leaves the buttons in place."""
    from textual.containers import VerticalScroll
    from textual.widgets import Input, Static

    from .test_new_user_walk import on_screen
    from .tuikit import SEED_ID

    correction_in_review(bundled) if key == "a" else approved_under_embargo(bundled)
    app = make_app(bundled, "nur", language)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(app, pilot)
        app.push_screen(ReleaseScreen(SEED_ID if key == "a" else IN_REVIEW))
        await settle(app, pilot)
        await pilot.press(key)
        await settle(app, pilot)
        dialog = app.screen
        checks = str(dialog.query_one("#checks", Static).render()).splitlines()
        assert len(checks) == len(dialog.decision.checks) == (14 if key == "a" else 12)
        box = dialog.query_one("#checks-box", VerticalScroll)
        assert box.max_scroll_y == 0 and box.region.height == len(checks), checks
        on_screen(dialog, ("#checks-box", "#embargo", "#approve", "#cancel"))
        if key == "E":
            dialog.query_one("#embargo", Input).value = "2026-01-01 10:00"  # past: it waits
            await settle(app, pilot)
            assert dialog.query_one("#blocked", Static).display
            on_screen(dialog, ("#blocked", "#embargo", "#note", "#approve", "#cancel"))


# 8. A corrected translation's checklist fits at 80x24 -------------------------------------


def corrected_translation(root: Path) -> str:
    """An English translation of the bundled release (it has a photo), approved, published,
    then corrected by Dwi and submitted: its approval has 16 checks."""
    from newsroom.core.config import load_config
    from newsroom.core.publish import publish

    from .tuikit import SEED_ID

    before = NOW - dt.timedelta(hours=3)
    dwi = Newsroom.open(root, "dwi", fixed_clock(before))
    article = dwi.translate(SEED_ID, "en")
    article.title = "Public relations asked to keep civil servants neutral"
    article.summary, article.body = "A summary.", "Paragraph **one**.\n\nParagraph two."
    dwi.save_edit(article)
    dwi.act(article.id, "submit")
    Newsroom.open(root, "nur", fixed_clock(before)).act(article.id, "approve")
    assert publish(load_config(root), "cron", before + dt.timedelta(hours=1)).ok
    dwi = Newsroom.open(root, "dwi", fixed_clock(NOW - dt.timedelta(hours=1)))
    dwi.act(article.id, "correct", note="Typo")
    corrected = dwi.find(article.id)
    corrected.body = corrected.body.replace("Paragraph two.", "Paragraph 2.")
    dwi.save_edit(corrected)
    dwi.act(article.id, "submit")
    return article.id


@pytest.mark.parametrize("language", ["id", "en"])
@pytest.mark.parametrize("failing", [False, True])
async def test_a_corrected_translations_checklist_fits_at_80x24(
    bundled: Path, language: str, failing: bool
) -> None:
    """Its 16 checks showed 15 and scrolled: every one shows, the embargo field and the
    buttons too. A line saying why approving waits (a past embargo typed) takes a line
    back from the checks (they scroll), never the buttons."""
    from textual.containers import VerticalScroll
    from textual.widgets import Input, Static

    from .test_new_user_walk import on_screen

    ident = corrected_translation(bundled)
    app = make_app(bundled, "nur", language)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(app, pilot)
        app.push_screen(ReleaseScreen(ident))
        await settle(app, pilot)
        await pilot.press("a")
        await settle(app, pilot)
        dialog = app.screen
        if failing:
            dialog.query_one("#embargo", Input).value = "2026-01-01 10:00"  # past: it waits
            await settle(app, pilot)
            assert dialog.query_one("#blocked", Static).display
        checks = str(dialog.query_one("#checks", Static).render()).splitlines()
        assert len(checks) == len(dialog.decision.checks) == 16
        box = dialog.query_one("#checks-box", VerticalScroll)
        assert box.max_scroll_y == 0 or failing, checks  # (its ✗ line first: in view)
        shown = ("#blocked",) if failing else ()
        on_screen(dialog, ("#checks-box", *shown, "#embargo", "#approve", "#cancel"))
