"""A read of the desk overtaken by a newer one (files changed again while it read) is not
shown after it: the desk never goes back to the older state of the releases."""

from __future__ import annotations

import threading
from pathlib import Path
from typing import Any

import pytest

from newsroom.core.clock import fixed_clock
from newsroom.core.service import NewArticle, Newsroom
from newsroom.tui.screens.desk import DeskScreen
from newsroom.tui.widgets.release_list import ReleaseList

from .tuikit import NOW, make_app, ready, until


async def test_an_older_read_of_the_desk_is_not_shown_after_a_newer_one(
    bundled: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    gate, started = threading.Event(), threading.Event()
    real = Newsroom.read_desk
    calls: list[int] = []

    def read_desk(self: Newsroom, partial: Any = None) -> Any:
        calls.append(1)
        found = real(self, partial)
        if len(calls) == 1:  # the first read, of the releases as they were, ends last
            started.set()
            gate.wait(30)
        return found

    app = make_app(bundled, "nur")
    async with app.run_test(size=(120, 40)) as pilot:
        await ready(pilot)
        screen = app.screen
        assert isinstance(screen, DeskScreen)
        monkeypatch.setattr(Newsroom, "read_desk", read_desk)
        screen.load()
        await until(pilot, started.is_set, "the first read done, held back")
        fields = NewArticle(title="Rilis yang datang kemudian", body="Isi.\n", dateline="JAKARTA")
        Newsroom.open(bundled, "dwi", fixed_clock(NOW)).create(fields)

        def shown() -> list[str]:
            return [r.title for r in screen.query_one(ReleaseList).rows]

        screen.load()  # the files changed again: a newer read
        await until(pilot, lambda: "Rilis yang datang kemudian" in shown(), "the newer read")
        gate.set()  # the older read ends now
        await pilot.app.workers.wait_for_complete()
        await pilot.pause()
        assert "Rilis yang datang kemudian" in shown()
