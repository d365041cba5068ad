"""Issue 10, part 1: the reviewer approves exactly the text that will go out.

A correction under review is shown as it will go out, with what it changes; the checklist
always opens and says what to fix; submit runs the same checks; `newsroom check` reports
them by status; the approval can set the embargo; the writer sees the reviewer's note.
Driven through the desk (pilot) and the CLI on a copy of the bundled newsroom."""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner
from textual.widgets import Button, Input, Markdown, Static

from newsroom.cli import cli
from newsroom.core.clock import fixed_clock
from newsroom.core.service import Newsroom
from newsroom.tui.app import NewsroomApp
from newsroom.tui.screens.checklist import ChecklistModal
from newsroom.tui.screens.editor import EditScreen
from newsroom.tui.screens.release import ReleaseScreen

from .tuikit import NOW, SEED_ID, make_app

OLD = "Sejak 2004, terdapat sejumlah peraturan"
NEW = "Sejak 2005, terdapat sejumlah peraturan"
GONE = "Namun kurangnya sosialisasi atas peraturan tersebut"
REVIEW = "contoh-menunggu-review-zona-integritas"  # in review, written by dwi


async def settle(app: NewsroomApp, pilot: object) -> None:
    await app.workers.wait_for_complete()
    await pilot.pause()  # type: ignore[attr-defined]


def as_person(root: Path, who: str) -> Newsroom:
    return Newsroom.open(root, who, fixed_clock(NOW))


def correct_the_seed(root: Path) -> None:
    """ald corrects the published seed: a year changed, a sentence deleted; submitted."""
    ald = as_person(root, "ald")
    ald.act(SEED_ID, "correct", note="Tahun peraturan salah")
    article = ald.find(SEED_ID)
    sentence = next(s for s in article.body.split(". ") if s.startswith(GONE))
    article.body = article.body.replace(OLD, NEW).replace(sentence + ". ", "")
    ald.save_edit(article)
    ald.act(SEED_ID, "submit")


def screen_text(app: NewsroomApp, selector: str) -> str:
    return str(app.screen.query_one(selector, Static).render())


@pytest.mark.parametrize(("language", "number"), [("id", "Ralat 1"), ("en", "Correction 1")])
async def test_a_correction_under_review_shows_the_new_text_and_what_changed(
    bundled: Path, language: str, number: str
) -> None:
    correct_the_seed(bundled)
    app = make_app(bundled, "nur", language)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(app, pilot)
        app.push_screen(ReleaseScreen(SEED_ID))
        await settle(app, pilot)
        preview = app.screen.query_one("#preview", Markdown).source
        assert NEW in preview and OLD not in preview and GONE not in preview
        assert f"**{number}:** Tahun peraturan salah" in preview  # the notice it will carry
        changes = screen_text(app, "#correction")
        assert number in changes and "Tahun peraturan salah" in changes
        assert "Sejak [-2004-]{+2005+}, terdapat" in changes and f"[-. {GONE}" in changes
        await pilot.press("v")  # the published version, one key away
        await pilot.pause()
        preview = app.screen.query_one("#preview", Markdown).source
        assert OLD in preview and GONE in preview and NEW not in preview
        assert not app.screen.query_one("#correction").display
        await pilot.press("v")
        await pilot.pause()
        assert NEW in app.screen.query_one("#preview", Markdown).source
        heading = {"id": "Versi yang ditinjau", "en": "The version under review"}[language]
        assert heading in screen_text(app, "#version")


async def test_an_approved_correction_is_headed_as_approved(bundled: Path) -> None:
    """An approved correction waiting for publish was headed "the version under review, as
    partners will see it once approved" (a new user's walk)."""
    correct_the_seed(bundled)
    as_person(bundled, "nur").act(SEED_ID, "approve")
    app = make_app(bundled, "nur", "en")
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(app, pilot)
        app.push_screen(ReleaseScreen(SEED_ID))
        await settle(app, pilot)
        heading = screen_text(app, "#version")
        assert "The approved correction, as partners will see it once published" in heading
        assert "under review" not in heading


def test_show_tells_a_cli_reviewer_what_the_correction_changes(bundled: Path) -> None:
    correct_the_seed(bundled)
    env = {"NEWSROOM_LANG": "en", "COLUMNS": "200"}
    shown = CliRunner().invoke(
        cli, ["--root", str(bundled), "--as", "nur", "show", SEED_ID], env=env
    )
    assert shown.exit_code == 0, shown.output
    assert "Correction 1 under way (Tahun peraturan salah)" in shown.output
    assert "[-2004-]{+2005+}" in shown.output


async def test_approve_always_opens_the_checklist_with_what_to_fix(bundled: Path) -> None:
    """A required check fails (dwi left a TODO while in review): `a` stays in the footer and
    opens the checklist with ✗, the reason and the field to fix; approving is impossible."""
    dwi = as_person(bundled, "dwi")
    article = dwi.find(REVIEW)
    article.body += "\nAngka capaian: TODO.\n"
    dwi.save_edit(article)
    app = make_app(bundled, "redaktur", "id")
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(app, pilot)
        app.push_screen(ReleaseScreen(article.id))
        await settle(app, pilot)
        assert app.screen.check_action("approve", ())  # the key never hides
        await pilot.press("a")
        await pilot.pause()
        assert isinstance(app.screen, ChecklistModal)
        checks = screen_text(app, "#checks")
        # (the reviewer's: the writer fixes it; a reviewer who edits may no longer approve)
        fix = "minta perbaikan (r) agar penulis mengubah Isi"
        assert f"✗ teks sementara “TODO” di isi — {fix} (wajib)" in checks
        assert "✓" in checks and "! belum ada" not in checks
        assert app.screen.query_one("#approve", Button).disabled
        await pilot.press("enter")
        await pilot.pause()
    assert as_person(bundled, "dwi").find(REVIEW).status == "in_review"


def test_submit_runs_the_checks_and_says_what_to_fix(bundled: Path) -> None:
    env = {"NEWSROOM_LANG": "en"}
    args = ["--root", str(bundled), "--as", "rin", "submit", "contoh-draf"]
    refused = CliRunner().invoke(cli, args, env=env)
    assert refused.exit_code == 1
    assert (
        "submit refused: articles/contoh/contoh-draf-sosialisasi-sistem-merit.md: checks not "
        "passed: placeholder “TODO” in the text" in refused.output
    ), refused.output
    assert "change Text in the editor or `newsroom edit 0fc6f043`" in refused.output
    assert as_person(bundled, "rin").find("contoh-draf").status == "draft"


async def test_the_desk_shows_the_checklist_when_submit_is_refused(bundled: Path) -> None:
    app = make_app(bundled, "rin", "en")
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(app, pilot)
        app.push_screen(ReleaseScreen(app.newsroom.find("contoh-draf").id))
        await settle(app, pilot)
        await pilot.press("s")
        await pilot.pause()
        assert isinstance(app.screen, ChecklistModal)
        assert "✗ placeholder “TODO” in the text" in screen_text(app, "#checks")
        assert "required checks (✗)" in screen_text(app, "#blocked")
    assert as_person(bundled, "rin").find("contoh-draf").status == "draft"


def test_check_reports_every_release_by_status(bundled: Path) -> None:
    """A draft's failing check is a warning; an approved release's is an error (exit 1)."""
    as_person(bundled, "nur").act(REVIEW, "approve")
    config = bundled / "newsroom.toml"  # the office makes the release number required
    config.write_text(config.read_text().replace("[checks]\n", '[checks]\nsignoff = "required"\n'))
    path = next((bundled / "articles").rglob("contoh-menunggu*.md"))
    path.write_text(path.read_text().replace(  # (by hand: breaks the seal too)
        "instansi.\n", "instansi. (dwi/HUMAS MENPANRB)\n"))  # fmt: skip
    env = {"NEWSROOM_LANG": "en", "COLUMNS": "200"}
    done = CliRunner().invoke(cli, ["--root", str(bundled), "--as", "nur", "check"], env=env)
    assert done.exit_code == 1
    out = done.output
    assert "All articles are valid" not in out
    assert "Draft (1)\n" in out and "Approved (1)\n" in out
    assert "contoh-draf-sosialisasi-sistem-merit.md: warning: placeholder “TODO” in the text" in out
    assert (
        "contoh-menunggu-review-zona-integritas.md: error: the text ends with the sign-off" in out
    )
    assert "4 releases checked: 2 errors, 1 warning" in out  # the published one too (its seal)


def test_check_reads_the_checks_from_the_index_not_the_files(
    bundled: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Ten thousand releases: the checks were kept when each file was read, so a check run
    after that reads no file again."""
    from newsroom.core.store import Store

    as_person(bundled, "rin").index()  # the desk or an earlier run read them

    def no_reading(*args: object) -> object:
        raise AssertionError("read a file again")

    monkeypatch.setattr(Store, "load", no_reading)
    report = as_person(bundled, "rin").check()
    assert [(f.status, f.check.name) for f in report.findings] == [("draft", "placeholders")]


async def test_the_approval_sets_the_embargo_without_becoming_the_last_editor(
    bundled: Path,
) -> None:
    app = make_app(bundled, "nur", "en")
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(app, pilot)
        ident = app.newsroom.find(REVIEW).id
        app.push_screen(ReleaseScreen(ident))
        await settle(app, pilot)
        await pilot.press("a")
        await pilot.pause()
        box = app.screen.query_one("#embargo", Input)
        box.value = "2026-11-20 09:00"  # in the past: the checklist says so at once
        await pilot.pause()
        assert "the embargo (20-11-2026 09:00 WIB) is already past" in screen_text(app, "#checks")
        assert app.screen.query_one("#approve", Button).disabled
        box.value = "2026-12-08 09:00"
        await pilot.pause()
        await pilot.click("#approve")
        await settle(app, pilot)
    reviewer = as_person(bundled, "nur")
    article = reviewer.find(REVIEW)
    assert article.status == "approved" and article.embargo is not None
    assert f"{article.embargo:%Y-%m-%d %H:%M}" == "2026-12-08 09:00"
    assert article.last_editor == "dwi" and article.history[-1].by == "nur"
    record = reviewer.index().records[article.id]
    assert record.problem is None  # sealed with its embargo: publish will put it out


async def test_the_writer_sees_the_reviewers_note_while_editing(bundled: Path) -> None:
    as_person(bundled, "nur").act("contoh-perlu-perbaikan", "comment", note="Sebutkan 34 provinsi")
    app = make_app(bundled, "rin", "id")
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(app, pilot)
        app.push_screen(EditScreen(app.newsroom.edit("contoh-perlu-perbaikan")))
        await settle(app, pilot)
        notes = screen_text(app, "#notes")
        assert "Judul terlalu umum; sebutkan provinsi dan angka capaian." in notes
        assert "dikembalikan · Redaktur" in notes and "Sebutkan 34 provinsi" in notes
        assert app.screen.query_one("#notes").display


def test_a_corrections_new_embargo_reads_as_a_local_time(bundled: Path) -> None:
    from newsroom.core.review import pending_correction

    correct_the_seed(bundled)
    nur = as_person(bundled, "nur")
    nur.act(SEED_ID, "approve", embargo=NOW.replace(day=30, hour=9))
    config = nur.config
    pending = pending_correction(nur.find(SEED_ID), config.tz, config.timezone)
    assert pending is not None
    embargo = next(c for c in pending.changes if c.field == "embargo")
    assert embargo.words == (("+", "30-11-2026 09:00 WIB"),)


@pytest.mark.parametrize(("language", "size"), [("id", (80, 24)), ("en", (120, 40))])
async def test_the_desk_row_of_a_correction_in_review_says_it_is_one(
    bundled: Path, language: str, size: tuple[int, int]
) -> None:
    """A correction under review reads `Ralat 1 · title` on the desk beside its status; it
    showed only `? Ditinjau`, as a first release in review does (which stays as it was)."""
    from newsroom.tui.widgets.release_list import Columns, ReleaseList

    from .tuikit import ready

    correct_the_seed(bundled)
    app = make_app(bundled, "nur", language)
    async with app.run_test(size=size) as pilot:
        await ready(pilot)
        releases = app.screen.query_one(ReleaseList)
        lines = {
            getattr(r, "id", ""): releases._line(Columns.fit(size[0]), r) for r in releases.rows
        }
        word, status = {"id": ("Ralat 1", "Ditinjau"), "en": ("Correction 1", "In review")}[
            language
        ]
        assert lines[SEED_ID].startswith(f"? {status}")
        assert f"{word} · Humas Pemerintah" in lines[SEED_ID]
        first = next(v for k, v in lines.items() if k != SEED_ID and v.startswith("? "))
        assert word not in first  # a first release in review: no correction named


def test_check_counts_releases_under_each_status_not_findings(bundled: Path) -> None:
    """A draft failing three checks is one release under "Draft (n)": it read "Draft (5)"
    for two drafts (a new user's walk)."""
    env = {"NEWSROOM_LANG": "en", "COLUMNS": "200"}
    args = ["--root", str(bundled), "--as", "dwi", "new", "--title", "Rilis TODO",
            "--body-file", "-"]  # fmt: skip
    made = CliRunner().invoke(cli, args, input="TODO\n", env=env)
    assert made.exit_code == 0, made.output
    done = CliRunner().invoke(cli, ["--root", str(bundled), "--as", "nur", "check"], env=env)
    drafts = [line for line in done.output.splitlines() if "rilis-todo" in line]
    assert len(drafts) >= 2, done.output  # (several checks of one release)
    assert "Draft (2)\n" in done.output, done.output


def test_show_says_when_who_and_why_a_release_was_retracted(bundled: Path) -> None:
    """`newsroom show` of a retracted release said only "Status Retracted": when, by whom
    and why were in its history at the bottom, while the desk says them in a banner."""
    from newsroom.core.clock import fixed_clock
    from newsroom.core.service import Newsroom

    from .tuikit import NOW, SEED_ID

    Newsroom.open(bundled, "nur", fixed_clock(NOW)).act(SEED_ID, "retract", note="Salah kirim")
    env = {"NEWSROOM_LANG": "id", "COLUMNS": "120"}
    done = CliRunner().invoke(cli, ["--root", str(bundled), "show", SEED_ID[:8]], env=env)
    assert done.exit_code == 0, done.output
    line = next(x for x in done.output.splitlines() if x.strip().startswith("Dicabut"))
    assert "oleh" in line and line.rstrip().endswith("Salah kirim"), line


def test_a_cut_before_punctuation_leaves_no_space_before_it() -> None:
    """The word diff of a correction cut a long unchanged stretch as " … " before the
    closing quote and comma it kept: `… ," ujarnya` (a new user's walk)."""
    from newsroom.core.review import word_diff

    before = ("Menurut Menteri, netralitas ASN adalah hal yang sangat penting untuk dijaga "
              'bersama oleh seluruh aparatur," ujarnya di Jakarta, Senin.')  # fmt: skip
    shown = "".join(text for _, text in word_diff(before, before.replace("Senin", "Selasa")))
    assert ' …," ujarnya di Jakarta, SeninSelasa.' in shown, shown
    words = "satu dua tiga empat lima enam tujuh delapan sembilan sepuluh sebelas dua belas"
    shown = "".join(text for _, text in word_diff(words + " ok", words + " oke"))
    assert shown.startswith(" … delapan"), shown  # (before a word: the space stays)
