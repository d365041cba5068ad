"""The desk acting on an approved release while a publish run (cron's) holds the publish
lock: the core waits for the run (up to ACT_LOCK_WAIT seconds); the desk does that wait in
a worker, says so, and stays live; when the wait runs out it says plainly that nothing
changed."""

from __future__ import annotations

import asyncio
import shutil
import threading
import time
from pathlib import Path
from typing import Any

import pytest
from filelock import FileLock

from newsroom.core import service
from newsroom.core.clock import fixed_clock
from newsroom.core.errors import GitError
from newsroom.core.publish.state import lock_path
from newsroom.core.service import Newsroom
from newsroom.core.store import Store
from newsroom.tui.app import NewsroomApp, tell_after
from newsroom.tui.screens.desk import DeskScreen
from newsroom.tui.screens.release import ReleaseScreen
from newsroom.tui.settings import Settings

from .gitkit import clean, door, draft, git, make_offices, own_git_config
from .tuikit import NOW, PATIENCE, make_app, until

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


async def test_a_save_while_the_waiting_action_is_recorded_is_committed_too(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The waiting action is written in its worker thread while the person goes on on the
    desk: with [git] on, a save made meanwhile (the editor's, an attachment) is its own
    commit, never taken for part of the worker's action and left out of git."""
    if shutil.which("git") is None:
        pytest.skip("git is not installed")
    own_git_config(monkeypatch, tmp_path)
    clone = make_offices(tmp_path, ("jakarta",))["jakarta"]
    ident, other = draft(clone, "Rilis Menunggu"), draft(clone, "Rilis Lain")
    door(clone, "nur").act(ident, "approve")
    run_lock = FileLock(str(lock_path(door(clone, "nur").config)))
    inside, go = threading.Event(), threading.Event()
    real_save = Store.save

    def save(store: Store, article: object, *args: object, **kwargs: object) -> object:
        if threading.current_thread() is not threading.main_thread():  # the worker's action
            inside.set()
            go.wait(PATIENCE)
        return real_save(store, article, *args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(Store, "save", save)
    app = NewsroomApp(door(clone, "nur"), Settings(language="en"), watch=False)
    async with app.run_test(size=(120, 40)) as pilot:
        run_lock.acquire()
        await send_back(app, pilot, ident)
        run_lock.release()  # the run ends: the worker writes its action, and stops inside
        await until(pilot, inside.is_set, "the worker writing its action")
        threading.Timer(0.3, go.set).start()
        article = app.newsroom.find(other)
        article.body = "Paragraf yang disunting sementara.\n"
        app.newsroom.save_edit(article)  # the desk's own thread: the editor's ctrl+s
        go.set()
        await app.workers.wait_for_complete()
        await until(pilot, lambda: "now Changes requested" in said(app), "the action done")
    assert clean(clone), git(clone, "status", "--porcelain")  # both are in git
    actions = git(clone, "log", "--format=%(trailers:key=Newsroom-Action,valueonly)")
    assert actions.split()[:2] in (["edit", "request_changes"], ["request_changes", "edit"])


async def test_one_action_waits_per_release_whichever_screen_asks(bundled: Path) -> None:
    """The release screen is made anew at each open: leaving it and opening the release
    again while its action waits must not start a second one; the actions that do not
    wait for a run (edit, delete, attach) say the release waits instead of acting, from
    a key or from the palette alike."""
    from newsroom.tui.screens.modals import ConfirmModal, NoteModal

    ident, run_lock = approved(bundled)
    app = make_app(bundled, "nur")
    with run_lock:
        async with app.run_test(size=(120, 40)) as pilot:
            await send_back(app, pilot, ident)
            await pilot.press("escape")
            await pilot.pause()
            app.push_screen(ReleaseScreen(ident))  # the same release, opened again
            await pilot.pause()
            screen = app.screen
            assert isinstance(screen, ReleaseScreen) and screen is not app.screen_stack[1]
            app._notifications.clear()
            await pilot.press("c")  # a comment is allowed in every state: not meanwhile
            await pilot.pause()
            assert not isinstance(app.screen, NoteModal)
            assert "Request changes on this release is still waiting" in said(app)
            for action in ("comment", "request_changes"):  # from the palette
                app._notifications.clear()
                await app.run_action(action, screen)
                await pilot.pause()
                assert app.screen is screen, action
                assert "still waiting for the publish run" in said(app), action
            # Those the workflow refuses on an approved release are hidden; they are offered
            # again once someone else sends it back meanwhile (another office): not now.
            for act in (screen.action_edit, screen.action_delete, screen.action_attach):
                app._notifications.clear()
                act()
                await pilot.pause()
                assert app.screen is screen, act
                assert "still waiting for the publish run" in said(app), act
            assert not isinstance(app.screen, (ConfirmModal, NoteModal))
            assert len([w for w in app.workers if w.group == "act"]) == 1
            run_lock.release()
            await app.workers.wait_for_complete()
            await until(pilot, lambda: screen.waiting is None, "the action done")
            assert app.newsroom.find(ident).status == "changes_requested"
            assert screen.article is not None and screen.article.status == "changes_requested"


async def test_quitting_while_an_action_waits_gives_it_up_and_changes_nothing(
    bundled: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Quitting the desk while an action waits for a run: the wait stops at once (Python
    would otherwise hold the quit until the wait ran out), the action is not taken once
    the desk is gone (nobody would be told), and the desk says after that it was not."""
    ident, run_lock = approved(bundled)
    release = next((bundled / "articles").rglob(f"{IN_REVIEW}.md"))
    before = release.read_text()
    waits: list[str] = []  # the worker's act: when it started waiting, when it stopped
    real_act = Newsroom.act

    def act(door: Newsroom, *args: Any, **kwargs: Any) -> Any:
        if threading.current_thread() is threading.main_thread():
            return real_act(door, *args, **kwargs)
        waits.append("started")
        try:
            return real_act(door, *args, **kwargs)
        finally:
            waits.append("stopped")

    monkeypatch.setattr(Newsroom, "act", act)
    app = make_app(bundled, "nur")
    with run_lock:
        async with app.run_test(size=(120, 40)) as pilot:
            await send_back(app, pilot, ident)
            await until(pilot, lambda: waits == ["started"], "the worker waiting")
            await pilot.press("ctrl+q")
        deadline = time.monotonic() + 5  # ACT_LOCK_WAIT is 15
        while waits != ["started", "stopped"] and time.monotonic() < deadline:
            await asyncio.sleep(0.05)
        assert waits == ["started", "stopped"], "the wait went on after the quit"
    await asyncio.sleep(0.3)  # the run ends after the quit: too late for the action
    assert release.read_text() == before
    assert app.after_quit() == [
        "Request changes on “[CONTOH] Pembangunan Zona Integritas Menuju WBK dan WBBM” was "
        "not done: the desk was closed while it waited for a publish run. Nothing was "
        "changed; take the action again."
    ]


async def test_an_unexpected_failure_of_the_waiting_action_is_said_not_a_crash(
    bundled: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A full disk (or a bug) while the waiting action saves: the desk says what failed and
    stays open, the release is free for the next action, and a quit after it does not claim
    that nothing changed."""
    ident, run_lock = approved(bundled)
    app = make_app(bundled, "nur")
    real = Newsroom._act

    def full_disk(self: Newsroom, *args: Any, **kwargs: Any) -> Any:
        if self is not app.newsroom:  # the worker's own door
            raise OSError(28, "No space left on device")
        return real(self, *args, **kwargs)

    monkeypatch.setattr(Newsroom, "_act", full_disk)
    with run_lock:
        async with app.run_test(size=(120, 40)) as pilot:
            await send_back(app, pilot, ident)
            assert "waiting for the publish run under way" in said(app)
            run_lock.release()
            await app.workers.wait_for_complete()
            await pilot.pause()
            assert app.is_running
            assert "No space left on device" in said(app)
            assert ident not in app.waiting
            assert app.after_quit() == []


TITLE = "[CONTOH] Pembangunan Zona Integritas Menuju WBK dan WBBM"


def busy() -> Exception:
    return service.NewsroomError(
        "a publish run is under way (it holds x.lock); nothing was changed: try again when "
        "it ends (`newsroom status`)", code="publish_busy")  # fmt: skip


def not_committed() -> Exception:
    return GitError("request changes is saved, but not yet committed: git failed",
                    code="not_committed", action="request_changes", title=TITLE,
                    path="articles/x.md", detail="git failed")  # fmt: skip


@pytest.mark.parametrize(
    ("language", "failure", "line"),
    [("en", None, f"Request changes on “{TITLE}” was done as the desk closed: it is now "
                  "Changes requested."),
     ("id", None, f"Minta perbaikan pada “{TITLE}” dilakukan saat desk ditutup: statusnya kini "
                  "Perlu perbaikan."),
     ("en", busy, f"Request changes on “{TITLE}” failed as the desk closed: a publish run is "
                  "under way"),
     ("en", not_committed, f"Request changes on “{TITLE}” failed as the desk closed: "),
     ("id", lambda: OSError(28, "No space left on device"),
      f"Minta perbaikan pada “{TITLE}” gagal saat desk ditutup: OSError: [Errno 28] No space "
      "left on device")],
)  # fmt: skip
async def test_what_the_waiting_action_came_to_as_the_desk_closed_is_said_after(
    bundled: Path,
    monkeypatch: pytest.MonkeyPatch,
    language: str,
    failure: Any,
    line: str,
) -> None:
    """The run ends and the waiting action is being written just as the desk is quit: the
    desk is closing and says nothing, so what became of it (done; or failed, and whether
    the release may have been written) is said once the desk has closed."""
    ident, run_lock = approved(bundled)
    app = make_app(bundled, "nur", language)
    real = Newsroom._act
    inside, go = threading.Event(), threading.Event()

    def writing(self: Newsroom, *args: Any, **kwargs: Any) -> Any:
        if self is not app.newsroom:  # the worker's own door, past the wait
            inside.set()
            go.wait(PATIENCE)
            if failure is not None:
                raise failure()
        return real(self, *args, **kwargs)

    monkeypatch.setattr(Newsroom, "_act", writing)
    async with app.run_test(size=(120, 40)) as pilot:
        run_lock.acquire()
        await send_back(app, pilot, ident)
        run_lock.release()
        await until(pilot, inside.is_set, "the worker writing its action")
        threading.Timer(0.3, go.set).start()  # (it finishes as the desk closes)
        await pilot.press("ctrl+q")
    lines = app.after_quit(PATIENCE)
    assert len(lines) == 1 and lines[0].startswith(line), lines
    may_be_written = failure not in (None, busy)
    check = {"en": "Check the release: it may have been changed.",
             "id": "Periksa siaran pers itu: mungkin sudah berubah."}[language]  # fmt: skip
    assert lines[0].endswith(check) == may_be_written
    done = Newsroom.open(bundled, "nur", fixed_clock(NOW)).find(ident).status
    assert done == ("changes_requested" if failure is None else "approved")


@pytest.mark.parametrize("leaving", ["quit", "hang_up"])
async def test_a_hang_up_keeps_the_notice_for_the_persons_next_desk(
    bundled: Path, capsys: pytest.CaptureFixture[str], leaving: str
) -> None:
    """A quit says after the desk what was not done; when the terminal went away (SIGHUP)
    that would go to a dead terminal: it is kept for the person's next desk instead, shown
    there once (not on anyone else's), then gone."""
    ident, run_lock = approved(bundled)
    app = make_app(bundled, "nur")
    with run_lock:
        async with app.run_test(size=(120, 40)) as pilot:
            await send_back(app, pilot, ident)
            assert ident in app.waiting
            if leaving == "quit":
                await pilot.press("ctrl+q")
            else:
                app.hang_up()
        tell_after(app)
    notice = (f"Request changes on “{TITLE}” was not done: the desk was closed while it "
              "waited for a publish run. Nothing was changed; take the action again.")  # fmt: skip
    folder = bundled / ".newsroom" / "notices" / "nur"  # a file per desk that kept some

    def kept() -> list[str]:
        return [p.read_text(encoding="utf-8") for p in folder.glob("*.txt")]

    if leaving == "quit":
        assert capsys.readouterr().err == notice + "\n" and not kept()
        return
    assert capsys.readouterr().err == ""
    assert kept() == [notice + "\n"]
    for person, shown in (("redaktur", False), ("nur", True), ("nur", False)):
        desk = make_app(bundled, person)
        async with desk.run_test(size=(120, 40)) as pilot:
            await pilot.pause()
            assert (notice in said(desk)) is shown, person
    assert not kept()
