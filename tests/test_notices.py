"""What a desk could not tell its person (the terminal went away), kept for their next desk
(core/notices.py): two desks of one person hanging up at the same moment keep both notices,
and a desk starting while another hangs up never takes a notice away unseen."""

from __future__ import annotations

import multiprocessing
from pathlib import Path
from typing import Any

import pytest

from newsroom.core.service import Newsroom

WRITERS, EACH = 6, 15


def hang_up(root: Path, person: str, desk: int, start: Any) -> None:
    """A desk of `person` that hangs up EACH times, at the same moment as the others (a
    process of its own, as each desk is)."""
    door = Newsroom.open(root, person)
    start.wait()
    for n in range(EACH):
        door.keep_notices([f"desk {desk}: notice {n}", f"desk {desk}: notice {n}, line 2"])


def desks(root: Path, person: str, count: int) -> tuple[list[Any], Any]:
    """`count` desks of `person` started at once, each hanging up EACH times; and what
    starts them together (kept by the caller until they are done)."""
    spawn = multiprocessing.get_context("spawn")  # a fresh interpreter, as a desk is
    start = spawn.Barrier(count)
    running = [spawn.Process(target=hang_up, args=(root, person, d, start)) for d in range(count)]
    for process in running:
        process.start()
    return running, start


def every_notice(desk: int) -> list[str]:
    return [f"desk {desk}: notice {n}{line}" for n in range(EACH) for line in ("", ", line 2")]


def test_desks_hanging_up_at_once_keep_every_notice(bundled: Path) -> None:
    """Each desk's notice is kept whole and none is lost to another written at the same
    moment (a read, then a rewrite of one file, kept only the last writer's)."""
    running, _start = desks(bundled, "nur", WRITERS)
    for process in running:
        process.join()
        assert process.exitcode == 0
    taken = Newsroom.open(bundled, "nur").take_notices()
    assert sorted(taken) == sorted(line for d in range(WRITERS) for line in every_notice(d))
    for desk in range(WRITERS):  # each desk's, oldest first
        assert [line for line in taken if line.startswith(f"desk {desk}:")] == every_notice(desk)
    assert Newsroom.open(bundled, "nur").take_notices() == []  # shown once, then gone
    assert Newsroom.open(bundled, "rin").take_notices() == []  # and only to their person


def test_a_desk_starting_meanwhile_takes_no_notice_away_unseen(
    bundled: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The next desk shows the notices and clears them while another desk of the person
    hangs up: what it did not show stays for the desk after it (the file read, then
    removed, took away a notice written in between)."""
    door = Newsroom.open(bundled, "nur")
    door.keep_notices(["the first desk's notice"])
    real_unlink = Path.unlink
    hung_up: list[int | None] = []

    def unlink(path: Path, missing_ok: bool = False) -> None:
        if not hung_up:  # shown, about to be cleared: another desk hangs up just now
            running, _start = desks(bundled, "nur", 1)
            running[0].join()
            hung_up.append(running[0].exitcode)
        real_unlink(path, missing_ok=missing_ok)

    monkeypatch.setattr(Path, "unlink", unlink)
    assert door.take_notices() == ["the first desk's notice"]
    assert hung_up == [0]
    monkeypatch.setattr(Path, "unlink", real_unlink)
    assert door.take_notices() == every_notice(0)  # the desk after it shows it


def test_a_notice_an_earlier_version_kept_in_one_file_is_shown_first(bundled: Path) -> None:
    """A desk of an earlier version kept every notice of a person in one file
    (`.newsroom/notices/<person>.txt`): the next desk shows it before the newer ones, once."""
    door = Newsroom.open(bundled, "nur")
    door.keep_notices(["a newer notice"])
    legacy = door.config.state_dir / "notices" / "nur.txt"
    legacy.write_text("an older notice\n", encoding="utf-8")
    assert door.take_notices() == ["an older notice", "a newer notice"]
    assert not legacy.exists()
    assert door.take_notices() == []
