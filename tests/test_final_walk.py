"""What the final walk of the desk from a fresh clone found at 80x24: the view tabs with
every view holding something, `t` on a translation, the checklist's and banner's wording."""

from __future__ import annotations

from pathlib import Path

import pytest

from newsroom.core.service import VIEWS
from newsroom.i18n import Translator

from .signkit import keyhome, make_key
from .tuikit import make_app, ready

__all__ = ["keyhome"]  # a fixture, used by name

# The walk's desk: every view holds something (Nur's review too)
EVERY_VIEW = {"all": 12, "mine": 2, "draft": 1, "in_review": 2, "changes_requested": 1,
              "approved": 1, "published": 2, "correcting": 1, "retracted": 1}  # fmt: skip


@pytest.mark.parametrize("language", ["en", "id"])
async def test_every_view_is_named_at_80x24_when_all_nine_hold_something(
    bundled: Path, language: str
) -> None:
    """Nine views holding something at 80 columns fell back to bare numbers, `1 Semua 8│2 2│3
    1│…`, whichever view was current (in Indonesian eight did too): each is named now,
    abbreviated (`4 Tnj 2`), with nine or with eight, whichever is current."""
    from newsroom.tui.widgets.status_tabs import StatusTabs

    t = Translator(language)
    app = make_app(bundled, "nur", language)
    async with app.run_test(size=(80, 24)) as pilot:
        await ready(pilot)
        tabs = app.screen.query_one(StatusTabs)
        for empty in (None, *VIEWS[1:]):
            counts = {v: n for v, n in EVERY_VIEW.items() if v != empty}
            for current in counts:
                tabs.show(counts, current)
                line = str(tabs.render())
                assert len(line) <= 80 and "…" not in line, line
                for n, view in enumerate(VIEWS, start=1):
                    if view in counts:
                        names = {t("short." + view), t("tiny." + view)}
                        said = {f"{n} {name} {counts[view]}│" for name in names}
                        assert any(s in line for s in said), (said, line)


@pytest.mark.parametrize(
    ("language", "said"),
    [("en", "Translate: humas-pemerintah-jaga-netralitas-asn-pemilu-2019-en is itself a "
            "translation: translate its original"),
     ("id", "Terjemahkan: humas-pemerintah-jaga-netralitas-asn-pemilu-2019-en sendiri sebuah "
            "terjemahan: terjemahkan naskah aslinya")],
)  # fmt: skip
async def test_t_on_a_translation_says_why_it_is_not_translated(
    bundled: Path, language: str, said: str
) -> None:
    """`t` on a translation did nothing at all, while the palette said why: the key says
    the palette's reason now, and nothing opens."""
    from newsroom.core.clock import fixed_clock
    from newsroom.core.service import Newsroom
    from newsroom.tui.screens.release import ReleaseScreen

    from .tuikit import NOW, SEED_ID, until

    translation = Newsroom.open(bundled, "ald", fixed_clock(NOW)).translate(SEED_ID, "en")
    app = make_app(bundled, "ald", language)
    async with app.run_test(size=(80, 24), notifications=True) as pilot:
        await ready(pilot)
        app.push_screen(ReleaseScreen(translation.id))
        await until(pilot, lambda: isinstance(app.screen, ReleaseScreen), "the translation")
        await app.workers.wait_for_complete()
        await pilot.press("t")
        await until(pilot, lambda: any(said in n.message for n in app._notifications), said)
        assert isinstance(app.screen, ReleaseScreen)


@pytest.mark.parametrize("level", ["required", "recommended"])
@pytest.mark.parametrize(
    ("language", "example"), [("en", "(e.g. YOGYAKARTA)"), ("id", "(mis. YOGYAKARTA)")]
)
async def test_the_checklist_gives_the_dateline_city_as_an_example(
    bundled: Path, language: str, example: str, level: str
) -> None:
    """The checklist's dateline line said "(YOGYAKARTA)", as if the city had to be that
    one: it says it is an example, on one line at 80 columns, whichever its level."""
    from textual.widgets import Static

    from newsroom.tui.screens.checklist import ChecklistModal
    from newsroom.tui.screens.release import ReleaseScreen

    from .test_desk_narrow import IN_REVIEW
    from .tuikit import until

    config = bundled / "newsroom.toml"
    config.write_text(config.read_text().replace("[checks]\n", f'[checks]\ndateline = "{level}"\n'))
    app = make_app(bundled, "nur", language)
    async with app.run_test(size=(80, 24)) as pilot:
        await ready(pilot)
        app.push_screen(ReleaseScreen(IN_REVIEW))
        await until(pilot, lambda: isinstance(app.screen, ReleaseScreen), "the release")
        await app.workers.wait_for_complete()
        await pilot.press("a")
        await until(pilot, lambda: isinstance(app.screen, ChecklistModal), "the checklist")
        await pilot.pause()
        checks = app.screen.query_one("#checks", Static)
        lines = str(checks.render()).splitlines()
        line = next(line for line in lines if "YOGYAKARTA" in line)
        assert line.endswith(f"({Translator(language)('check.' + level)})"), line
        assert example in line and len(line) <= checks.content_region.width, line


@pytest.mark.parametrize(
    ("language", "said"),
    [("en", "the embargo is to come, or the one it went out under, or none"),
     ("id", "embargo mendatang, embargo saat terbit, atau tanpa embargo")],
)  # fmt: skip
async def test_a_corrections_checklist_words_the_embargo_check_as_it_applies_to_it(
    bundled: Path, language: str, said: str
) -> None:
    """A correction of a release that went out under an embargo, now past, was checked
    "the embargo is in the future, or there is none ✓": it passes as the embargo it went
    out under (checks._embargo_future), and its line says so."""
    import datetime as dt

    from textual.widgets import Static

    from newsroom.core.clock import fixed_clock
    from newsroom.core.service import Newsroom
    from newsroom.tui.screens.checklist import ChecklistModal
    from newsroom.tui.screens.release import ReleaseScreen

    from .test_desk_narrow import IN_REVIEW
    from .tuikit import NOW, until

    def at(hours: float) -> Newsroom:
        return Newsroom.open(bundled, "nur", fixed_clock(NOW - dt.timedelta(hours=hours)))

    at(3).act(IN_REVIEW, "approve", embargo=NOW - dt.timedelta(hours=2))
    assert not at(1).publish(now=NOW - dt.timedelta(hours=1)).refused
    dwi = Newsroom.open(bundled, "dwi", fixed_clock(NOW - dt.timedelta(minutes=30)))
    dwi.act(IN_REVIEW, "correct", note="Salah ketik")
    article = dwi.find(IN_REVIEW)
    article.body += "\n\nParagraf tambahan."
    dwi.save_edit(article)
    dwi.act(IN_REVIEW, "submit")
    app = make_app(bundled, "nur", language)
    async with app.run_test(size=(80, 24)) as pilot:
        await ready(pilot)
        app.push_screen(ReleaseScreen(IN_REVIEW))
        await until(pilot, lambda: isinstance(app.screen, ReleaseScreen), "the correction")
        await app.workers.wait_for_complete()
        await pilot.press("a")
        await until(pilot, lambda: isinstance(app.screen, ChecklistModal), "the checklist")
        await pilot.pause()
        checks = app.screen.query_one("#checks", Static)
        lines = str(checks.render()).splitlines()
        assert f"✓ {said} " in "\n".join(lines), lines
        assert all(len(line) <= checks.content_region.width for line in lines), lines


@pytest.mark.parametrize("language", ["en", "id"])
async def test_the_banners_warning_goes_on_under_its_own_text(
    bundled: Path, keyhome: Path, language: str
) -> None:
    """The desk's warning that the last publish was not signed takes two lines at 80
    columns: its second began at the margin, under the ⚠, not under the first line's
    text; it goes on under the text now."""
    from newsroom.core.clock import fixed_clock
    from newsroom.core.service import Newsroom

    from .tuikit import NOW

    make_key(bundled)
    keyhome.rename(keyhome.parent / "aside")  # a desk without the secret key publishes
    assert Newsroom.open(bundled, "cron", fixed_clock(NOW)).publish(now=NOW).unsigned
    app = make_app(bundled, "nur", language)
    async with app.run_test(size=(80, 24)) as pilot:
        await ready(pilot)
        text = app.screen.query_one("#publishing")
        assert str(text.render()) == Translator(language)("desk.unsigned")
        assert text.region.x == 3 and text.region.height == 2  # both lines from column 3
        mark = app.screen.query_one("#publishing-mark")
        assert str(mark.render()) == " ⚠" and mark.region.y == text.region.y
