"""What a walk of the desk from a fresh clone found at 80x24: the view tabs, who holds a
release, the startup notice over its own dialog, the palette's silence, `newsroom show`."""

from __future__ import annotations

import time
from pathlib import Path

import pytest

from newsroom.core.service import VIEWS
from newsroom.i18n import Translator

from .test_desk_waits_for_publish import IN_REVIEW
from .tuikit import NOW, make_app, ready, until


@pytest.mark.parametrize("language", ["en", "id"])
async def test_every_view_holding_something_is_named_at_80x24(bundled: Path, language: str) -> None:
    """Seven views hold something (as on the walk's desk): each says which it is, not only
    its number and count (`1 All 7│3 1│4 1│…` named only the first); a name too long for the
    line is abbreviated, the current view's never."""
    from newsroom.tui.widgets.status_tabs import StatusTabs

    t = Translator(language)
    counts = {"all": 7, "draft": 1, "in_review": 1, "changes_requested": 1, "approved": 1,
              "published": 2, "retracted": 1}  # fmt: skip
    app = make_app(bundled, "nur", language)
    async with app.run_test(size=(80, 24)) as pilot:
        await ready(pilot)
        tabs = app.screen.query_one(StatusTabs)
        for current in ("all", "changes_requested", "published"):
            tabs.show(counts, current)
            line = str(tabs.render())
            assert tabs.size.width == 80 and len(line) <= 80 and "…" not in line, line
            for n, view in enumerate(VIEWS, start=1):
                if view not in counts:
                    continue
                names = {t("short." + view)} | ({t("tiny." + view)} if view != current else set())
                said = {f"{n} {name} {counts[view]}" for name in names}
                assert any(s in line for s in said), (said, line)


@pytest.mark.parametrize(
    ("language", "asked"),
    [("en", "Dwi (Humas) is editing this release. Take it over?"),
     ("id", "Dwi (Humas) sedang menyunting siaran pers ini. Ambil alih?")],
)  # fmt: skip
async def test_who_edits_a_release_shows_by_name_in_the_row_and_the_dialog(
    bundled: Path, language: str, asked: str
) -> None:
    """Dwi edits the release in review: its row says `✎ Dwi` (not her login key `dwi`), at
    80 columns as at 120, and `e` asks whether to take it over from Dwi (Humas), as the
    details panel names her. A key [people] does not know shows as it is."""
    from newsroom.core.clock import fixed_clock
    from newsroom.core.lease import acquire
    from newsroom.core.service import Newsroom
    from newsroom.tui.screens.modals import ConfirmModal
    from newsroom.tui.screens.release import ReleaseScreen
    from newsroom.tui.widgets.release_list import Columns, ReleaseList

    office = Newsroom.open(bundled, "redaktur", fixed_clock(NOW))
    ident, draft = office.find(IN_REVIEW).id, office.find("contoh-draf").id
    acquire(office.config, ident, "dwi", NOW)
    acquire(office.config, draft, "budi", NOW)  # no one of [people]
    app = make_app(bundled, "nur", language)
    async with app.run_test(size=(80, 24)) as pilot:
        await ready(pilot)
        releases = app.screen.query_one(ReleaseList)
        for width in (120, 80):
            columns = Columns.fit(width)
            for held, name in ((ident, "Dwi"), (draft, "budi")):
                row = next(r for r in releases.rows if getattr(r, "id", "") == held)
                title = releases._line(columns, row)[columns.status :][: columns.title]
                assert title.rstrip().endswith(f"✎ {name}"), (width, title)
        app.push_screen(ReleaseScreen(ident))
        await until(pilot, lambda: isinstance(app.screen, ReleaseScreen), "the release")
        await pilot.press("e")
        await until(pilot, lambda: isinstance(app.screen, ConfirmModal), "asked to take it over")
        assert app.screen.question == asked  # type: ignore[attr-defined]


@pytest.mark.parametrize(("language", "notice"), [("en", "Press u"), ("id", "Tekan u")])
async def test_the_notice_of_copies_kept_aside_leaves_once_u_opens_them(
    bundled: Path, language: str, notice: str
) -> None:
    """At the start a notice says a copy of the person's text is kept aside, press u; at
    80x24 it stayed on top of the dialog u opens, and of its discard question. Opening the
    dialog takes that notice away (and only that one)."""
    from textual.widgets._toast import Toast

    from newsroom.tui.screens.modals import ConfirmModal, UnsavedListModal

    from .test_keep_text import _keep

    app = make_app(bundled, "ald", language)
    _keep(app.newsroom, "contoh-draf", "Teks yang disisihkan.\n")
    async with app.run_test(size=(80, 24), notifications=True) as pilot:
        await ready(pilot)
        app.notify("another notice", timeout=60)
        await until(pilot, lambda: len(app.screen.query(Toast)) == 2, "the notices shown")
        start = next(n for n in app._notifications if notice in n.message)
        lives = time.monotonic() + start.time_left  # then it would go of itself
        await pilot.press("u")
        await until(pilot, lambda: isinstance(app.screen, UnsavedListModal), "the copies")
        await until(pilot, lambda: len(app.screen.query(Toast)) == 1, "the notice gone")
        assert time.monotonic() < lives  # taken away, not expired
        assert [n.message for n in app._notifications] == ["another notice"]
        await pilot.press("d")
        await until(pilot, lambda: isinstance(app.screen, ConfirmModal), "discard asked")
        shown = [str(toast.render()) for toast in app.screen.query(Toast)]
        assert not any(notice in text for text in shown), shown


@pytest.mark.parametrize(
    ("language", "query", "found", "why"),
    [("en", "transl", "Translate (t) · not for this release", "is itself a translation"),
     ("id", "terjemah", "Terjemahkan (t) · tidak untuk siaran pers ini",
      "sendiri sebuah terjemahan")],
)  # fmt: skip
async def test_the_palette_says_why_translate_is_not_offered_on_a_translation(
    bundled: Path, language: str, query: str, found: str, why: str
) -> None:
    """On a translation, looking for translate in the palette said only "No command
    matches": it now finds the command, says it is not for this release and why (a
    translation is translated from its original); choosing it says the reason again."""
    from newsroom.core.clock import fixed_clock
    from newsroom.core.service import Newsroom
    from newsroom.tui.screens.release import ReleaseScreen

    from .test_fresh_clone_keys import _palette_says
    from .tuikit import SEED_ID

    office = Newsroom.open(bundled, "ald", fixed_clock(NOW))
    translation = office.translate(SEED_ID, "en")
    app = make_app(bundled, "ald", language)
    async with app.run_test(size=(80, 24), notifications=True) as pilot:
        await ready(pilot)
        app.push_screen(ReleaseScreen(translation.id))
        await until(pilot, lambda: isinstance(app.screen, ReleaseScreen), "the translation")
        await app.workers.wait_for_complete()
        shown = await _palette_says(app, pilot, query)
        assert any(found in text and why in text for text in shown), shown
        await pilot.press("ctrl+p", *query)
        await until(pilot, lambda: listed(app), "the palette answered")
        await pilot.press("enter")
        await until(pilot, lambda: any(why in n.message for n in app._notifications), "said")
        assert isinstance(app.screen, ReleaseScreen)
        comment = {"en": ("comm", "Comment (c)"), "id": ("koment", "Komentari (c)")}[language]
        shown = await _palette_says(app, pilot, comment[0])  # what applies: found as before
        assert any(comment[1] in text for text in shown) and "·" not in str(shown), shown


def listed(app: object) -> bool:
    """Whether the command palette is open and lists something."""
    from textual.command import CommandList, CommandPalette

    screen = app.screen  # type: ignore[attr-defined]
    return isinstance(screen, CommandPalette) and screen.query_one(CommandList).option_count > 0


@pytest.mark.parametrize(
    ("language", "file", "tags"), [("en", "File", "Tags"), ("id", "Berkas", "Tag")]
)
def test_show_keeps_each_value_beside_its_label_at_80_columns(
    bundled: Path, language: str, file: str, tags: str
) -> None:
    """`newsroom show` at 80 columns put the File value on a line of its own, from the
    margin: a value now starts beside its label, and what does not fit goes on under
    itself (a path after a `/`)."""
    from click.testing import CliRunner

    from newsroom.cli import cli

    from .tuikit import SEED_ID

    env = {"COLUMNS": "80", "NEWSROOM_LANG": language}
    for ref, path in (
        (SEED_ID, "articles/2018/12/humas-pemerintah-jaga-netralitas-asn-pemilu-2019.md"),
        ("contoh-draf", "articles/contoh/contoh-draf-sosialisasi-sistem-merit.md"),
    ):
        shown = CliRunner().invoke(cli, ["--root", str(bundled), "show", ref], env=env)
        assert shown.exit_code == 0, shown.output
        lines = shown.output.splitlines()
        assert all(len(line) <= 80 for line in lines), shown.output
        at = next(i for i, line in enumerate(lines) if line.lstrip().startswith(f"{file} "))
        start = lines[at].index(f"{file} ") + len(file) + 1  # where the values stand
        value = lines[at][start:]
        while not value.endswith(".md"):  # what did not fit: under the value, not the label
            at += 1
            assert lines[at][:start].strip() == "", lines[at]
            value += lines[at][start:]
        assert value == path, shown.output
        at = next(i for i, line in enumerate(lines) if line[:start].strip() == tags)
        assert lines[at][start:].startswith(("contoh", "netralitas-asn")), lines[at]


def test_show_wraps_the_text_history_and_what_one_may_do_without_trailing_spaces(
    bundled: Path,
) -> None:
    """`newsroom show` at 80 columns ended 47 of its lines with a space (rich keeps the
    space a line broke at: the body, the pair, the history, what one may do), and a
    refusal's reason went on from the margin under the next action's name. Now no line
    ends in a space, and a reason goes on under itself."""
    from click.testing import CliRunner

    from newsroom.cli import cli
    from newsroom.core.clock import fixed_clock
    from newsroom.core.service import Newsroom

    from .tuikit import NOW, SEED_ID

    Newsroom.open(bundled, "nur", fixed_clock(NOW)).translate(SEED_ID, "en")  # (a pair)
    env = {"COLUMNS": "80", "NEWSROOM_LANG": "id"}
    shown = CliRunner().invoke(cli, ["--root", str(bundled), "--as", "ald", "show", SEED_ID],
                               env=env)  # fmt: skip
    assert shown.exit_code == 0, shown.output
    lines = shown.output.splitlines()
    assert [line for line in lines if line.endswith(" ")] == [], shown.output
    assert any(line.startswith("YOGYAKARTA – Humas pemerintah") for line in lines)
    may = lines.index(next(line for line in lines if "yang boleh dilakukan" in line))
    edit = may + 1
    assert lines[edit].startswith("  sunting ") and "tidak:" in lines[edit], lines[edit]
    col = lines[edit].index("tidak:")  # (the names' column: as wide as the widest)
    assert lines[edit + 1][:col].strip() == "" and lines[edit + 1][col] != " ", shown.output
    # the pair stands in the fields' column (it was two columns left of it), a history
    # step goes on under its text (it went on at column 18, under nothing)
    credit = next(line for line in lines if "Kredit foto" in line)
    pair = next(line for line in lines if "Bahasa" in line)
    assert pair.index("Bahasa") + len("Bahasa") == credit.index("Kredit foto") + len("Kredit foto")
    sealed = next(i for i, line in enumerate(lines) if "segel seperti terbit" in line)
    at = lines[sealed].index("segel")
    assert lines[sealed + 1][:at].strip() == "" and lines[sealed + 1][at] != " ", shown.output
    # a correction started, nothing written yet: its heading says so, no trailing space
    Newsroom.open(bundled, "ald", fixed_clock(NOW)).act(SEED_ID, "correct", note="Nama salah eja")
    shown = CliRunner().invoke(cli, ["--root", str(bundled), "--as", "ald", "show", SEED_ID],
                               env=env)  # fmt: skip
    lines = shown.output.splitlines()
    assert [line for line in lines if line.endswith(" ")] == [], shown.output
    heading = next(i for i, line in enumerate(lines) if line.startswith("Ralat 1 berjalan"))
    assert "belum ada yang berubah" in " ".join(lines[heading : heading + 3]), shown.output
    # an action's name longer than the others' ("cancel the correction") keeps its column
    env["NEWSROOM_LANG"] = "en"
    shown = CliRunner().invoke(cli, ["--root", str(bundled), "--as", "nur", "show", SEED_ID],
                               env=env)  # fmt: skip
    lines = shown.output.splitlines()
    start = lines.index(next(line for line in lines if "may do" in line)) + 1
    marks = {line.index(" yes" if " yes" in line else " no:") for line in lines[start:]
             if line.startswith("  ") and line[2] != " "}  # fmt: skip
    assert len(marks) == 1, shown.output
