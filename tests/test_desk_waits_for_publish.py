"""The desk acting on an approved release while a publish run (cron's) holds the publish
lock: the core waits for the run (up to ACT_LOCK_WAIT seconds); the desk does that wait in
a worker, says so, and stays live; when the wait runs out it says plainly that nothing
changed."""

from __future__ import annotations

from pathlib import Path

import pytest
from filelock import FileLock

from newsroom.core import service
from newsroom.core.clock import fixed_clock
from newsroom.core.publish.state import lock_path
from newsroom.core.service import Newsroom
from newsroom.tui.app import NewsroomApp
from newsroom.tui.screens.desk import DeskScreen
from newsroom.tui.screens.release import ReleaseScreen

from .tuikit import NOW, make_app

IN_REVIEW = "contoh-menunggu-review-zona-integritas"


def approved(root: Path) -> tuple[str, FileLock]:
    """The example in review, approved; and the publish lock, as a run would hold it."""
    newsroom = Newsroom.open(root, "redaktur", fixed_clock(NOW))
    ident = newsroom.act(IN_REVIEW, "approve").article.id
    return ident, FileLock(str(lock_path(newsroom.config)))


def said(app: NewsroomApp) -> str:
    return " ".join(str(n.message) for n in app._notifications)


async def send_back(app: NewsroomApp, pilot: object, ident: str) -> None:
    """Open the release and send it back with a note (an action on an approved release)."""
    await app.workers.wait_for_complete()
    app.push_screen(ReleaseScreen(ident))
    await pilot.pause()  # type: ignore[attr-defined]
    await pilot.press("r")  # type: ignore[attr-defined]
    await pilot.pause()  # type: ignore[attr-defined]
    await pilot.press(*"Angka belum final", "enter")  # type: ignore[attr-defined]
    await pilot.pause()  # type: ignore[attr-defined]


async def test_the_desk_waits_for_a_run_in_a_worker_and_stays_live(bundled: Path) -> None:
    ident, run_lock = approved(bundled)
    app = make_app(bundled, "nur")
    with run_lock:
        async with app.run_test(size=(120, 40)) as pilot:
            await send_back(app, pilot, ident)
            assert "waiting for the publish run under way" in said(app)
            assert app.newsroom.find(ident).status == "approved"  # not yet: the run holds it
            await pilot.press("r")  # a second action while the first waits: one at a time
            await pilot.pause()
            assert "still waiting for the publish run" in said(app)
            await pilot.press("escape")  # the desk answers keys meanwhile
            await pilot.pause()
            assert isinstance(app.screen, DeskScreen)
            run_lock.release()  # the run ends
            await app.workers.wait_for_complete()
            await pilot.pause()
            assert app.newsroom.find(ident).status == "changes_requested"
            assert "Request changes: now Changes requested" in said(app)


@pytest.mark.parametrize(
    ("language", "words"),
    [("en", "a publish run is under way; nothing was changed"),
     ("id", "proses terbit sedang berjalan; tidak ada yang diubah")],
)  # fmt: skip
async def test_a_run_that_outlasts_the_wait_changes_nothing_and_says_so(
    bundled: Path, monkeypatch: pytest.MonkeyPatch, language: str, words: str
) -> None:
    ident, run_lock = approved(bundled)
    before = app_file = next((bundled / "articles").rglob(f"{IN_REVIEW}.md"))
    before = app_file.read_text()
    monkeypatch.setattr(service, "ACT_LOCK_WAIT", 0.3)
    app = make_app(bundled, "nur", language)
    with run_lock:
        async with app.run_test(size=(120, 40)) as pilot:
            await send_back(app, pilot, ident)
            await app.workers.wait_for_complete()
            await pilot.pause()
            assert words in said(app)
            assert isinstance(app.screen, ReleaseScreen) and app.screen.waiting is None
            assert app_file.read_text() == before
