"""A person acting on an approved release while a publish run takes it live: the run stamps
the release's file after its feeds are in place, so a cancelled correction or a retraction
written in between reached partners (feeds, WebSub, mail) while the file said otherwise.
The action waits for the run (the publish lock) and then acts on what the run left."""

from __future__ import annotations

import time
from pathlib import Path

import pytest
from click.testing import CliRunner
from filelock import FileLock

from newsroom.cli import cli
from newsroom.core import service
from newsroom.core.clock import fixed_clock
from newsroom.core.errors import NewsroomError, Refused
from newsroom.core.publish.run import Run
from newsroom.core.publish.state import lock_path
from newsroom.core.service import Newsroom

from .feedkit import at, configure, correct, release, run


@pytest.fixture
def nr(root: Path) -> Path:
    configure(root)
    return root


@pytest.mark.parametrize("action", ["cancel_correction", "retract"])
def test_an_action_between_a_runs_reading_and_stamping_waits_for_the_run(
    nr: Path, monkeypatch: pytest.MonkeyPatch, action: str
) -> None:
    ident = release(nr, at(0), "Rilis")
    assert run(nr, at(0.1)).ok
    correct(nr, ident, at(0.2), "Angka salah", "Paragraf RALAT.")
    monkeypatch.setattr(service, "ACT_LOCK_WAIT", 0.2, raising=False)
    stamp, seen = Run._stamp, []

    def someone_acts_first(self: Run, ledger: object, cache: object) -> None:  # feeds in place
        try:
            Newsroom.open(nr, "ald", fixed_clock(at(0.3))).act(ident, action, note="Tidak jadi")
            seen.append("acted")
        except NewsroomError as exc:
            seen.append(exc.code)
        stamp(self, ledger, cache)  # type: ignore[arg-type]

    monkeypatch.setattr(Run, "_stamp", someone_acts_first)
    result = run(nr, at(0.3))
    monkeypatch.undo()
    assert seen == ["publish_busy"], "the action did not wait for the run"
    assert result.ok and not result.failed, result.failed  # the file was stamped
    ald = Newsroom.open(nr, "ald", fixed_clock(at(0.4)))
    live = ald.find(ident)
    assert (live.status, live.body.strip()) == ("published", "Paragraf RALAT.")
    assert "RALAT." in (nr / "feeds" / "rss.xml").read_text()
    if action == "cancel_correction":  # it is out: a new correction is the way back
        with pytest.raises(Refused):
            ald.act(ident, action)
    else:
        assert ald.act(ident, action, note="Tidak jadi").article.status == "retracted"
        assert run(nr, at(0.5)).ok
        assert "RALAT." not in (nr / "feeds" / "rss.xml").read_text()


def test_an_action_on_a_release_not_approved_never_waits(
    nr: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A run only stamps releases it takes live (approved ones): others go on at once."""
    ident = release(nr, at(0), "Rilis")
    assert run(nr, at(0.1)).ok
    Newsroom.open(nr, "ald", fixed_clock(at(0.2))).act(ident, "correct", note="Angka salah")
    with FileLock(str(lock_path(Newsroom.open(nr, "ald").config))):
        done = Newsroom.open(nr, "ald", fixed_clock(at(0.3))).act(ident, "cancel_correction")
    assert done.article.status == "published"


@pytest.mark.parametrize(
    ("lang", "said"),
    [("en", "a publish run is under way"), ("id", "proses terbit sedang berjalan")],
)
def test_the_cli_says_a_run_holds_the_release(
    nr: Path, monkeypatch: pytest.MonkeyPatch, lang: str, said: str
) -> None:
    ident = release(nr, at(0), "Rilis")
    assert run(nr, at(0.1)).ok
    correct(nr, ident, at(0.2), "Angka salah", "Paragraf RALAT.")
    monkeypatch.setattr(service, "ACT_LOCK_WAIT", 0.1, raising=False)
    args = ["--root", str(nr), "--as", "ald", "cancel-correction", ident[:8]]
    with FileLock(str(lock_path(Newsroom.open(nr, "ald").config))):
        done = CliRunner().invoke(cli, args, env={"NEWSROOM_LANG": lang})
    assert done.exit_code == 1 and said in done.output, done.output
    assert "Traceback" not in done.output
    assert Newsroom.open(nr, "ald").find(ident).status == "approved"  # nothing changed


def test_a_wait_given_up_stops_within_a_step_and_changes_nothing(nr: Path) -> None:
    """`give_up` (the desk's quit) is asked between short tries of the lock, and once more
    with the lock held: either way the action is not taken."""
    ident = release(nr, at(0), "Rilis", embargo=at(60))  # approved, not yet out
    door = Newsroom.open(nr, "nur", fixed_clock(at(0.1)))
    asked: list[float] = []

    def give_up() -> bool:
        asked.append(time.monotonic())
        return len(asked) > 2

    started = time.monotonic()
    with FileLock(str(lock_path(door.config))), pytest.raises(NewsroomError) as raised:
        door.act(ident, "request_changes", note="Tunggu", give_up=give_up)  # 15 s by default
    assert raised.value.code == "gave_up" and time.monotonic() - started < 2
    assert door.find(ident).status == "approved"
    answers = iter([False, False, True])  # no run: the lock is taken at the first try, then
    # asked again with the lock held
    with pytest.raises(NewsroomError) as raised:
        door.act(ident, "request_changes", note="Tunggu", give_up=lambda: next(answers))
    assert raised.value.code == "gave_up"
    assert door.find(ident).status == "approved"
    assert (
        door.act(ident, "request_changes", note="Tunggu", give_up=lambda: False).article.status
        == "changes_requested"
    )


def test_a_wait_given_up_before_the_release_left_approval_acts_on_nothing(nr: Path) -> None:
    """The run published the release while the desk was quit: the action that waited for
    it (a comment is allowed in any state) is not taken either."""
    ident = release(nr, at(0), "Rilis")
    assert run(nr, at(0.1)).ok
    door = Newsroom.open(nr, "nur", fixed_clock(at(0.2)))
    before = len(door.find(ident).history)
    with pytest.raises(NewsroomError) as raised:
        door.act(ident, "comment", note="Cek angka", give_up=lambda: True)
    assert raised.value.code == "gave_up"
    assert len(door.find(ident).history) == before
