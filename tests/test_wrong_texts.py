"""Issue 10, part 3: the wrong texts a new user met, and publishing told by release.

An empty filter result says so in the list (whole, at 120 columns); a comment is not a
status change; the publish dialog offers "Publish now" only when there is something to
do and only once, and never counts a retraction as "Published 0"; a fresh newsroom's dry
run says which files publishing would write; the dry run names each release once with
the feeds it reaches, and an embargoed one as held until its lift in the newsroom's zone;
the desk and the CLI say it in the same words."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

from click.testing import CliRunner, Result
from rich.cells import cell_len
from textual.widgets import Button, Static

from newsroom.cli import cli
from newsroom.core.clock import fixed_clock
from newsroom.core.service import Newsroom
from newsroom.tui.app import NewsroomApp
from newsroom.tui.screens.publish import PublishScreen
from newsroom.tui.screens.release import ReleaseScreen
from newsroom.tui.widgets.release_list import ReleaseList

from .tuikit import NOW, SEED_ID, make_app, until

REVIEW = "contoh-menunggu-review-zona-integritas"
ZONA = "[CONTOH] Pembangunan Zona Integritas Menuju WBK dan WBBM"


async def settle(app: NewsroomApp, pilot: object) -> None:
    await app.workers.wait_for_complete()
    await pilot.pause()  # type: ignore[attr-defined]


def newsroom_cli(root: Path, *args: str, actor: str = "cron") -> Result:
    env = {"NEWSROOM_LANG": "en", "COLUMNS": "250"}
    return CliRunner().invoke(cli, ["--root", str(root), "--as", actor, *args], env=env)


async def publish_dialog(app: NewsroomApp, pilot: object) -> PublishScreen:
    app.push_screen(PublishScreen())
    await settle(app, pilot)
    await pilot.pause()  # type: ignore[attr-defined]
    screen = app.screen
    assert isinstance(screen, PublishScreen)
    return screen


def report(app: NewsroomApp) -> str:
    return str(app.screen.query_one("#report", Static).render())


async def test_an_empty_filter_says_nothing_matches_in_the_list(bundled: Path) -> None:
    app = make_app(bundled, "redaktur", "id")
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(app, pilot)
        await pilot.press("slash", *"tidakada")
        await pilot.pause()
        releases = app.screen.query_one(ReleaseList)
        shown = releases.render_line(1).text
        said = "Tidak ada yang cocok dengan “tidakada” (escape menghapus saringan)."
        assert said in shown and cell_len(shown.rstrip()) <= 120
        banner = str(app.screen.query_one("#banner", Static).render())
        assert "Tekan n" not in banner and cell_len(banner) <= 120


async def test_a_comment_is_not_a_change_of_status(bundled: Path) -> None:
    app = make_app(bundled, "redaktur")
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(app, pilot)
        app.push_screen(ReleaseScreen(SEED_ID))
        await settle(app, pilot)
        await pilot.press("c", *"Foto perlu resolusi tinggi", "enter")
        await pilot.pause()
        said = [str(n.message) for n in app._notifications]
        assert said[-1] == "Comment added." and not any("now" in m for m in said)


async def test_nothing_due_offers_no_publish_button(bundled: Path) -> None:
    newsroom_cli(bundled, "publish")  # the feeds are up to date
    app = make_app(bundled, "nur")
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(app, pilot)
        screen = await publish_dialog(app, pilot)
        assert "nothing would change: the feeds are up to date" in report(app)
        assert not screen.query_one("#go", Button).display
        assert str(screen.query_one("#close", Button).label) == "Close"


async def test_after_a_run_the_dialog_reports_and_offers_no_second_run(bundled: Path) -> None:
    newsroom_cli(bundled, "publish")
    Newsroom.open(bundled, "nur", fixed_clock(NOW)).act(SEED_ID, "retract", note="Data salah")
    app = make_app(bundled, "redaktur")  # a reviewer publishes from the desk
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(app, pilot)
        screen = await publish_dialog(app, pilot)
        assert "would carry the retraction: Humas Pemerintah" in report(app)
        await pilot.click("#go")
        await settle(app, pilot)
        await pilot.pause()
        done = report(app)
        assert "retraction in the feeds: Humas Pemerintah" in done
        assert "Published 0" not in done and "0 releases published" not in done
        assert not screen.query_one("#go", Button).display
        assert str(screen.query_one("#close", Button).label) == "Close"


def test_a_fresh_newsroom_says_which_files_publishing_would_write(tmp_path: Path) -> None:
    root = tmp_path / "baru"
    assert CliRunner().invoke(cli, ["init", str(root)]).exit_code == 0
    dry = newsroom_cli(root, "publish", "--dry-run")
    assert (
        "would write 9 public files: rss.xml, atom.xml, feed.json, siaran-pers/index.html, "
        in dry.output
    )
    assert "nothing would change" not in dry.output
    done = newsroom_cli(root, "publish")
    assert "9 of 9 public files written" in done.output  # feeds, index, lookup, ninjs index
    assert "nothing would change" in newsroom_cli(root, "publish", "--dry-run").output


def test_a_dry_run_with_no_record_of_the_last_run_says_its_count_is_at_most(
    bundled: Path,
) -> None:
    """A fresh clone (feeds/ committed, no .newsroom/ record of the run that wrote them):
    the dry run cannot know which files are already as they would be, and said it "would
    write 32 public files" before a run that wrote 15. It now says "at most"; once a run
    has recorded its files, the count is the run's own."""
    newsroom_cli(bundled, "publish")
    shutil.rmtree(bundled / ".newsroom")  # a clone of the newsroom: feeds/ but no record
    nur = Newsroom.open(bundled, "nur", fixed_clock(NOW))
    nur.act(REVIEW, "approve")
    dry = newsroom_cli(bundled, "publish", "--dry-run").output
    at_most = re.search(r"would write at most (\d+) public files: .* \(no record here", dry)
    assert at_most is not None, dry
    done = newsroom_cli(bundled, "publish").output
    written = re.search(r"(\d+) of \d+ public files written", done)
    assert written is not None and int(written[1]) < int(at_most[1])
    rin = Newsroom.open(bundled, "rin", fixed_clock(NOW))
    rin.act("contoh-perlu-perbaikan", "submit")
    nur.act("contoh-perlu-perbaikan", "approve")
    dry = newsroom_cli(bundled, "publish", "--dry-run").output
    exact = re.search(r"would write (\d+) public files: ", dry)
    assert exact is not None and "at most" not in dry, dry
    done = newsroom_cli(bundled, "publish").output
    assert f"{exact[1]} of " in done, (dry, done)


def test_the_dry_run_names_each_release_once_with_its_feeds(bundled: Path) -> None:
    newsroom_cli(bundled, "publish")
    nur = Newsroom.open(bundled, "nur", fixed_clock(NOW))
    nur.act(REVIEW, "approve", embargo=NOW.replace(year=2030, hour=9))  # after the real clock
    rin = Newsroom.open(bundled, "rin", fixed_clock(NOW))
    rin.act("contoh-perlu-perbaikan", "submit")
    nur.act("contoh-perlu-perbaikan", "approve")
    out = newsroom_cli(bundled, "publish", "--dry-run").output
    lines = out.splitlines()
    evaluasi = [line for line in lines if "Evaluasi Pelayanan Publik" in line]
    assert evaluasi == [
        "would publish: [CONTOH] Evaluasi Pelayanan Publik Tahun Ini → main, "
        "category/pelayanan-publik, private/antara"
    ]
    held = [line for line in lines if "Zona Integritas" in line]
    assert held == [
        f"held until 27-11-2030 09:00 WIB: {ZONA} (early, under embargo: private/antara)"
    ]


async def test_the_desk_and_the_cli_say_a_run_in_the_same_words(bundled: Path) -> None:
    newsroom_cli(bundled, "publish")
    Newsroom.open(bundled, "nur", fixed_clock(NOW)).act(REVIEW, "approve")
    cli_lines = newsroom_cli(bundled, "publish", "--dry-run", actor="nur").output.splitlines()
    app = make_app(bundled, "nur")
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(app, pilot)
        await publish_dialog(app, pilot)
        desk = re.sub(r"\s+", " ", report(app))
    assert cli_lines and all(re.sub(r"\s+", " ", line) in desk for line in cli_lines)
    assert "gone" not in desk and "new," not in desk


def test_a_correction_approved_with_an_embargo_is_said_to_be_held(bundled: Path) -> None:
    """Its published version stays in the feeds; the dry run says the correction waits,
    and until when, in the newsroom's zone (no feed moves: approving it changed its file,
    not what partners see)."""
    from .test_review import correct_the_seed

    newsroom_cli(bundled, "publish")
    correct_the_seed(bundled)
    lift = NOW.replace(year=2030, hour=9)  # after the real clock of the run
    Newsroom.open(bundled, "nur", fixed_clock(NOW)).act(SEED_ID, "approve", embargo=lift)
    lines = newsroom_cli(bundled, "publish", "--dry-run").output.splitlines()
    held = [line for line in lines if "Humas Pemerintah" in line]
    assert held == [
        "correction held until 27-11-2030 09:00 WIB: Humas Pemerintah Diminta Jaga Netralitas "
        "ASN dalam Pemilu 2019 (its published version stays in the feeds)"
    ]


async def test_a_held_correction_is_news_not_work(bundled: Path) -> None:
    """Once the feeds are written, a correction waiting for its embargo is said, but the
    dialog offers no "Publish now": nothing is due."""
    from .test_review import correct_the_seed

    correct_the_seed(bundled)
    lift = NOW.replace(year=2030, hour=9)
    Newsroom.open(bundled, "nur", fixed_clock(NOW)).act(SEED_ID, "approve", embargo=lift)
    newsroom_cli(bundled, "publish")
    app = make_app(bundled, "nur")
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(app, pilot)
        screen = await publish_dialog(app, pilot)
        said = re.sub(r"\s+", " ", report(app))
        assert "(its published version stays in the feeds)" in said and "→ —" not in said
        assert not screen.query_one("#go", Button).display


async def test_the_publish_dialog_keeps_its_buttons_on_an_80x24_screen(bundled: Path) -> None:
    """A broken file and a release to put out: the dry run's report (its problems in red)
    filled the dialog and pushed "Publish now" and "Cancel" below a 24-line screen, with
    no scrollbar, while Enter still published (the second fresh-clone walk). The report
    scrolls; the buttons stay on the screen."""
    nur = Newsroom.open(bundled, "nur", fixed_clock(NOW))
    nur.index()  # (the desk has read the published release before its file breaks)
    published = next(p for p in (bundled / "articles").rglob("*.md") if SEED_ID in p.read_text())
    published.write_text(published.read_text().replace("categories: [", "categories: [[", 1))
    draft = bundled / "articles" / "contoh" / "contoh-draf-sosialisasi-sistem-merit.md"
    draft.write_text(draft.read_text().replace("title:", "title: [broken", 1))
    nur.act(REVIEW, "approve")
    app = make_app(bundled, "redaktur", "id")
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(app, pilot)
        await publish_dialog(app, pilot)
        await until(pilot, lambda: "rusak" in report(app), "the dry run's report")  # (loaded)
        assert "berkasnya tidak terbaca" in report(app)
        for name in ("#go", "#close"):
            button = app.screen.query_one(name, Button)
            region = button.region
            assert button.display and region.height and region.bottom <= 24, (name, region)
