"""A door serves one thread (Newsroom.for_thread): the desk's thread workers (reading the
desk, watching the files, indexing words, syncing) each work on a door of their own, never
on the app's, which the desk's own thread acts through meanwhile; what they learn that the
app's door needs (where releases live, a newsroom.toml a sync brought) reaches it on the
desk's thread."""

from __future__ import annotations

import threading
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from newsroom.core.service import Newsroom
from newsroom.tui.app import NewsroomApp
from newsroom.tui.screens.desk import DeskScreen
from newsroom.tui.settings import Settings

from .gitkit import door, draft, git, make_offices, needs_git, own_git_config
from .tuikit import PATIENCE, make_app, ready, until

Calls = list[tuple[str, bool, bool]]  # (method, on the app's door, on the desk's thread)


def watch(monkeypatch: pytest.MonkeyPatch, app: Callable[[], NewsroomApp], *names: str) -> Calls:
    """Note each call of these door methods: on which door, from which thread."""
    calls: Calls = []
    for name in names:
        real = getattr(Newsroom, name)

        def noted(self: Newsroom, *args: Any, _real: Any = real, _name: str = name,
                  **kwargs: Any) -> Any:  # fmt: skip
            main = threading.current_thread() is threading.main_thread()
            calls.append((_name, self is app().newsroom, main))
            return _real(self, *args, **kwargs)

        monkeypatch.setattr(Newsroom, name, noted)
    return calls


async def test_the_desks_readers_work_on_doors_of_their_own(
    bundled: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    app = make_app(bundled, "nur")
    calls = watch(monkeypatch, lambda: app, "read_desk", "changes", "index_words", "unshared")
    async with app.run_test(size=(120, 40)) as pilot:
        await ready(pilot)
        app.look_for_changes()  # the watcher's look (every second when watching)
        desk = app.screen
        assert isinstance(desk, DeskScreen) and desk.desk is not None
        desk._index_words()  # (when the word index is stale: after a pause in typing)
        await app.workers.wait_for_complete()
        assert {name for name, _, _ in calls} >= {"read_desk", "changes", "unshared"}
        assert not [c for c in calls if c[1] and not c[2]], calls  # the app's door: its thread
        assert app.newsroom._known  # where each release lives: `find` reads one file


@needs_git
async def test_a_sync_on_the_desk_reloads_the_apps_door_on_its_thread(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    own_git_config(monkeypatch, tmp_path)
    offices = make_offices(tmp_path, ("jakarta", "yogya"))
    jakarta, yogya = offices["jakarta"], offices["yogya"]
    config = yogya / "newsroom.toml"  # another office changes the newsroom's settings
    text = config.read_text(encoding="utf-8")
    config.write_text(text.replace('credit = "HUMAS UJI"', 'credit = "HUMAS YOGYA"'))
    git(yogya, "commit", "-q", "-m", "Kredit", "newsroom.toml")
    door(yogya, "tester").sync()
    app = NewsroomApp(door(jakarta, "ald"), Settings(language="en"), watch=False)
    calls = watch(monkeypatch, lambda: app, "sync", "reload")
    async with app.run_test(size=(120, 40)) as pilot:
        await ready(pilot)
        await pilot.press("S")
        await until(pilot, lambda: app.newsroom.config.credit == "HUMAS YOGYA", "the new one")
        await app.workers.wait_for_complete()
        assert [c for c in calls if c[0] == "sync"] == [("sync", False, False)]
        assert [c for c in calls if c[1]] == [("reload", True, True)]


@needs_git
async def test_commits_a_sync_brought_show_in_the_release_open_meanwhile(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A sync runs on its own door while Aldi opens a release; it brings another office's
    move of that release: the desk's list and the open release both show it (the open one
    showed the old state until something else read the files again)."""
    from newsroom.tui.screens.release import ReleaseScreen

    own_git_config(monkeypatch, tmp_path)
    offices = make_offices(tmp_path, ("jakarta", "yogya"))
    jakarta, yogya = offices["jakarta"], offices["yogya"]
    ident = draft(jakarta, "Rilis Bersama")
    door(jakarta, "ald").sync()
    door(yogya, "nur").sync()
    door(yogya, "nur").act(ident, "request_changes", note="Dari Yogya")
    door(yogya, "nur").sync()
    go = threading.Event()
    real_sync = Newsroom.sync

    def sync(self: Newsroom, *args: Any, **kwargs: Any) -> Any:
        go.wait(PATIENCE)  # (the worker's: held until the release is open)
        return real_sync(self, *args, **kwargs)

    monkeypatch.setattr(Newsroom, "sync", sync)
    app = NewsroomApp(door(jakarta, "ald"), Settings(language="en"), watch=False)
    async with app.run_test(size=(120, 40)) as pilot:
        await ready(pilot)
        desk = app.screen
        assert isinstance(desk, DeskScreen) and desk.desk is not None
        await pilot.press("S")
        screen = ReleaseScreen(ident)
        app.push_screen(screen)
        await until(pilot, lambda: screen.article is not None, "the release open")
        assert screen.article is not None and screen.article.status == "in_review"
        go.set()

        def shown() -> bool:
            article = screen.article
            return article is not None and article.status == "changes_requested"

        def listed() -> list[str]:
            return [r.status for r in desk.desk.records if r.id == ident] if desk.desk else []

        await until(pilot, shown, "the open release as the sync left it")
        await until(pilot, lambda: listed() == ["changes_requested"], "the list as it left it")
