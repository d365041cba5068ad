"""Publish under bad conditions: a full disk, a release that cannot be rendered, a killed
parent, a clock set ahead, a failing run that must not go unseen, files and their modes."""

from __future__ import annotations

import json
import os
import signal
import stat
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner

from newsroom.cli import cli
from newsroom.core.feeds import writers
from newsroom.core.parallel import die_with_parent
from newsroom.core.service import Newsroom

from .clikit import publish_on_a_small_disk
from .feedkit import at, configure, feed_files, release, run


@pytest.fixture
def nr(root: Path) -> Path:
    configure(root)
    return root


def newsroom_cli(root: Path, *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "newsroom.cli", "--root", str(root), *args],
        capture_output=True,
        text=True,
        check=False,
    )


def test_a_full_disk_stamps_nothing_and_says_which_file(nr: Path) -> None:
    """Every write beyond 1 KB fails (RLIMIT_FSIZE, as a full disk would): no traceback,
    the file named with the reason, no release stamped published, no temporary left after
    the next run."""
    ident = release(nr, at(0), "Rilis")
    done = publish_on_a_small_disk(nr, at(1))
    assert done.returncode == 1, done.stderr
    assert "Traceback" not in done.stderr
    assert f"cannot write {nr}/" in done.stderr and "free some space" in done.stderr
    assert Newsroom.open(nr, "x").find(ident).status == "approved"  # not stamped
    assert not (nr / "feeds" / "rss.xml").exists()
    again = run(nr, at(1.5))
    assert again.ok and [p["id"] for p in again.published] == [ident]
    assert list((nr / "feeds").rglob("*.tmp")) == []


def test_a_full_disk_after_one_approval_stamps_nothing_and_leaves_the_feeds(nr: Path) -> None:
    """As above, in a run after the first: the feed documents are then built on a spare
    interpreter (which inherits the limit), whose failure stops the run the same way."""
    first = release(nr, at(0), "Rilis satu")
    assert run(nr, at(1)).ok
    before = feed_files(nr)
    second = release(nr, at(1.5), "Rilis dua")
    done = publish_on_a_small_disk(nr, at(2))
    assert done.returncode == 1, done.stderr
    assert "Traceback" not in done.stderr and f"cannot write {nr}/" in done.stderr
    assert feed_files(nr) == before
    assert Newsroom.open(nr, "x").find(second).status == "approved"
    healed = run(nr, at(2.5))
    assert healed.ok and [p["id"] for p in healed.published] == [second]
    assert first.encode() in feed_files(nr)["rss.xml"]
    assert list((nr / "feeds").rglob("*.tmp")) == []


def test_a_feed_that_cannot_be_written_leaves_feeds_and_releases_as_they_were(
    nr: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """(Built here, not on a spare interpreter, which the patch would not reach.)"""
    from newsroom.core.parallel import Spare

    monkeypatch.setattr(Spare, "start", classmethod(lambda cls: None))
    from newsroom.core import atomic
    from newsroom.core.feeds import output as work

    first = release(nr, at(0), "Rilis satu")
    assert run(nr, at(1)).ok
    before = feed_files(nr)
    second = release(nr, at(1.5), "Rilis dua")
    calls = []
    real = atomic.stage

    def fills_up(path: Path, data: bytes, mode: object = None, group: str = "") -> object:
        calls.append(path)
        if len(calls) == 3:  # two documents staged, then the disk is full
            raise OSError(28, "No space left on device", str(path))
        return real(path, data, mode, group)  # type: ignore[arg-type]

    monkeypatch.setattr(work, "stage", fills_up)
    result = run(nr, at(2))
    assert not result.ok and "No space left on device" in result.failed[0]
    assert str(calls[2]) in result.failed[0]
    assert feed_files(nr) == before and list((nr / "feeds").rglob("*.tmp")) == []
    assert Newsroom.open(nr, "x").find(second).status == "approved"
    monkeypatch.undo()
    healed = run(nr, at(2.5))
    assert healed.ok and [p["id"] for p in healed.published] == [second]
    assert first.encode() in feed_files(nr)["rss.xml"]


def test_a_release_that_cannot_be_written_is_named_and_the_rest_go_out(
    nr: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    bad = release(nr, at(0), "Rilis rusak")
    good = release(nr, at(0), "Rilis baik")
    real = writers._build_entry

    def explode(ref: object, r: object, config: object) -> object:
        if getattr(r, "id", "") == bad:
            raise ValueError("All strings must be XML compatible")
        return real(ref, r, config)  # type: ignore[arg-type]

    monkeypatch.setattr(writers, "_build_entry", explode)
    result = run(nr, at(1))
    assert not result.ok and {r.id for r in result.refused} == {bad}
    assert "XML compatible" in result.refused[0].reason
    files = feed_files(nr)
    assert good.encode() in files["rss.xml"] and bad.encode() not in files["rss.xml"]


def test_a_worker_whose_parent_died_before_it_started_ends_at_once() -> None:
    """The parent's pid is taken before the fork: a worker started after its parent died
    (its parent now pid 1) must not carry on as an orphan."""
    pid = os.fork()
    if pid == 0:  # the child: its real parent is alive, but it was forked by "another"
        try:
            die_with_parent(parent=os.getppid() + 100000)
        finally:
            os._exit(0)  # reached only if die_with_parent let it live
    _, status = os.waitpid(pid, 0)
    assert os.WEXITSTATUS(status) == 1


def test_now_ahead_of_the_clock_is_refused_unless_forced(nr: Path) -> None:
    release(nr, at(0), "Rilis")
    done = CliRunner().invoke(cli, ["--root", str(nr), "publish", "--now", "2999-01-01T00:00"])
    assert done.exit_code == 2 and "--force-clock" in done.output and "--dry-run" in done.output
    assert not (nr / "feeds" / "rss.xml").exists()
    forced = CliRunner().invoke(
        cli, ["--root", str(nr), "publish", "--now", "2999-01-01T00:00", "--force-clock"]
    )
    assert forced.exit_code == 0, forced.output
    log = (nr / ".newsroom" / "publish.log").read_text().splitlines()
    assert json.loads(log[-1])["clock"] == "forced"


def test_a_dry_run_may_look_ahead_without_forcing_the_clock(nr: Path) -> None:
    """`--dry-run --now TOMORROW` previews an embargo's lift: nothing is stamped, so the
    clock's guard (releases stamped at a time they were not) does not apply."""
    release(nr, at(0), "Rilis", embargo=at(5))
    done = CliRunner().invoke(
        cli, ["--root", str(nr), "publish", "--dry-run", "--now", "2999-01-01T00:00"]
    )
    assert done.exit_code == 0, done.output
    assert "Rilis" in done.output
    assert not (nr / "feeds" / "rss.xml").exists()
    assert "status: approved" in next((nr / "articles").rglob("*.md")).read_text()


def test_a_failing_publish_is_seen_in_status_and_on_stderr(nr: Path) -> None:
    ident = release(nr, at(0), "Rilis")
    assert run(nr, at(1)).ok
    path = next(p for p in (nr / "articles").rglob("*.md") if ident in p.read_text())
    path.write_text(path.read_text().replace("Paragraf dua.", "Paragraf palsu."))
    run(nr, at(2))
    done = CliRunner().invoke(
        cli, ["--root", str(nr), "publish", "--quiet", "--now", at(3).isoformat(), "--force-clock"]
    )
    assert done.exit_code == 1
    assert "not published" in done.output and "2 runs in a row" in done.output
    assert "stays in the feeds" in done.output  # held back: what partners have is kept
    status = CliRunner().invoke(cli, ["--root", str(nr), "status", "--json"])
    report = json.loads(status.output)
    assert status.exit_code == 1 and report["failures"] == 2
    assert report["last_success"].startswith("2026-06-02")
    # as publish holds it back: the hand edit, and that partners keep what they have
    assert [h["code"] for h in report["held"]] == ["live_kept"]
    assert dict(report["held"][0]["facts"])["kept_as"] == "live_changed"


def test_a_run_that_published_and_refused_one_reads_as_such_in_status(nr: Path) -> None:
    """A run that put one release out and refused another is no failed run: `newsroom
    status` says what it published and refused, in both languages (it said 'publish has
    failed 1 run in a row' and 'none on this machine yet')."""
    release(nr, at(0), "Rilis baik")
    release(nr, at(0), "Rilis diubah")
    path = next(p for p in (nr / "articles").rglob("*.md") if "diubah" in p.name)
    path.write_text(path.read_text().replace("Paragraf dua.", "Paragraf palsu."))
    result = run(nr, at(1))
    assert len(result.published) == 1 and len(result.refused) == 1
    said = {
        lang: CliRunner().invoke(cli, ["--root", str(nr), "status"], env={"NEWSROOM_LANG": lang})
        for lang in ("en", "id")
    }
    assert said["en"].exit_code == 1  # a refusal still needs a person
    assert "last run, 02-06-2026 09:00 WIB: published 1, refused 1" in said["en"].output
    assert "penerbitan terakhir, 02-06-2026 09:00 WIB: 1 terbit, 1 ditolak" in said["id"].output
    for done in said.values():
        assert "failed" not in done.output and "gagal" not in done.output
        assert "rilis-diubah.md" in done.output  # the why, on its 'held back' line
    report = json.loads(CliRunner().invoke(cli, ["--root", str(nr), "status", "--json"]).output)
    assert report["last_success"].startswith("2026-06-02")
    assert (report["last_run_published"], report["last_run_refused"]) == (1, 1)
    run(nr, at(2))  # the next run has nothing to put out and refuses it again
    again = CliRunner().invoke(cli, ["--root", str(nr), "status"]).output
    assert "last successful publish: 02-06-2026 09:00 WIB" in again
    assert "last run, 03-06-2026 09:00 WIB: published 0, refused 1" in again
    release(nr, at(1.5), "Rilis berikutnya")  # a second such run: publish says what it did,
    done = CliRunner().invoke(  # not that publishing 'has not succeeded 2 runs in a row'
        cli, ["--root", str(nr), "publish", "--now", at(2).isoformat(), "--force-clock"]
    )
    assert "Rilis berikutnya" in done.output and "in a row" not in done.output, done.output


def test_status_is_healthy_and_lists_embargoes(nr: Path) -> None:
    release(nr, at(0), "Rilis")
    release(nr, at(0), "Berembargo", embargo=at(400))  # a year after today
    assert run(nr, at(1)).ok
    done = CliRunner().invoke(cli, ["--root", str(nr), "status"])
    assert done.exit_code == 0 and "healthy" in done.output
    assert "waiting for its embargo until 06-07-2027 09:00 WIB" in done.output


def test_files_follow_the_umask_and_private_feeds_are_never_world_readable(nr: Path) -> None:
    release(nr, at(0), "Rilis", embargo=at(3))
    release(nr, at(0), "Rilis dua")
    old = os.umask(0o027)
    try:
        import newsroom.core.atomic as atomic

        atomic._UMASK.clear()
        assert run(nr, at(1)).ok
    finally:
        os.umask(old)
        atomic._UMASK.clear()
    public = stat.S_IMODE((nr / "feeds" / "rss.xml").stat().st_mode)
    private = stat.S_IMODE((nr / "feeds" / "private" / "antara" / "rss.xml").stat().st_mode)
    assert public == 0o640 and private == 0o640
    run(nr, at(2))
    assert stat.S_IMODE((nr / "feeds" / "private" / "antara" / "rss.xml").stat().st_mode) == 0o640


def test_private_feeds_get_the_configured_group(root: Path) -> None:
    import grp

    group = grp.getgrgid(os.getgid()).gr_name
    configure(root)
    text = (root / "newsroom.toml").read_text()
    text = text.replace("retraction_days = 30", f'retraction_days = 30\nprivate_group = "{group}"')
    (root / "newsroom.toml").write_text(text)
    release(root, at(0), "Rilis", embargo=at(3))
    assert run(root, at(1)).ok
    private = (root / "feeds" / "private" / "antara" / "rss.xml").stat()
    assert private.st_gid == os.getgid() and stat.S_IMODE(private.st_mode) == 0o640


def test_control_sequences_in_titles_never_reach_the_terminal(nr: Path) -> None:
    ident = release(nr, at(0), "Judul", approve=False)
    path = next(p for p in (nr / "articles").rglob("*.md") if ident in p.read_text())
    path.write_text(path.read_text().replace("title: Judul", 'title: "Judul \\e[2J\\e]0;x\\a"'))
    for args in (["list"], ["show", ident]):
        done = CliRunner().invoke(cli, ["--root", str(nr), *args])
        assert "\x1b" not in done.output and "\x07" not in done.output, args


def test_a_run_killed_while_staging_leaves_temporaries_the_next_run_sweeps(nr: Path) -> None:
    """A run killed between staging and renaming leaves its marker and its temporaries;
    the next run removes them (other runs do not walk every folder of feeds/)."""
    release(nr, at(0), "Rilis")
    assert run(nr, at(1)).ok
    stale = nr / "feeds" / "category" / ".rss.xml.dead.tmp"
    stale.parent.mkdir(parents=True, exist_ok=True)
    stale.write_text("half a feed")
    (nr / ".newsroom" / "staging").touch()  # what the killed run left
    release(nr, at(1.5), "Rilis dua")
    assert run(nr, at(2)).ok
    assert not stale.exists() and not (nr / ".newsroom" / "staging").exists()


def test_a_run_that_stops_while_the_spare_builds_leaves_the_next_run_a_clean_folder(
    nr: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The feeds hand their documents to the spare when planned, before the files are
    staged: a run that stops there (killed, or failing) marks it, and the next run sweeps
    every temporary left."""
    from newsroom.core.pages.output import PagesOutput

    release(nr, at(0), "Rilis satu")
    assert run(nr, at(1)).ok
    second = release(nr, at(1.5), "Rilis dua")
    left = nr / "feeds" / ".rss.xml.left.tmp"

    def stops(*args: object) -> None:
        left.write_text("as a killed spare leaves it")
        raise KeyboardInterrupt

    monkeypatch.setattr(PagesOutput, "plan", stops)
    with pytest.raises(KeyboardInterrupt):
        run(nr, at(2))
    assert (nr / ".newsroom" / "staging").exists() and left.exists()
    monkeypatch.undo()
    healed = run(nr, at(2.5))
    assert healed.ok and [p["id"] for p in healed.published] == [second]
    assert list((nr / "feeds").rglob("*.tmp")) == []
    assert not (nr / ".newsroom" / "staging").exists()


def test_the_staging_file_lists_each_staged_file_and_reads_back_any_name(tmp_path: Path) -> None:
    """What a run stages is listed on disk (not held in memory), in order, and read back
    as often as needed: a name with a tab, a newline or bytes that are not UTF-8 too."""
    from newsroom.core.outputs import Staged, Staging

    odd = os.fsdecode(b"caf\xe9\tnew\nline.pdf")
    files = [Staged(tmp_path / f"{i}-{odd}", tmp_path / f".{i}.tmp") for i in range(3000)]
    staging = Staging(tmp_path / "staging")
    staging.add(files[:10])
    assert list(staging) == files[:10]  # read while staging goes on
    staging.add(iter(files[10:]))
    staging.close()
    assert len(staging) == len(staging.pairs()) == 3000
    assert list(staging) == files and list(staging.pairs()) == [s.pair for s in files]
    staging.remove()
    assert not (tmp_path / "staging").exists()


def test_a_run_killed_while_renaming_leaves_its_staging_file_the_next_run_sweeps(nr: Path) -> None:
    """A run killed (SIGKILL) once every file is staged leaves the staging file listing
    them, and the temporaries it lists; the next run removes both, and publishes."""
    release(nr, at(0), "Rilis satu")
    assert run(nr, at(1)).ok
    before = feed_files(nr)
    second = release(nr, at(1.5), "Rilis dua")
    killed = subprocess.run(
        [sys.executable, "-c", f"""
import os, signal, datetime as dt
from pathlib import Path
from newsroom.core.publish import run
from newsroom.core.config import load_config
from newsroom.core.publish import publish
run.commit = lambda staged: os.kill(os.getpid(), signal.SIGKILL)
publish(load_config(Path({str(nr)!r})), "cron", dt.datetime.fromisoformat({at(2).isoformat()!r}))
"""], capture_output=True, text=True, check=False)  # fmt: skip
    assert killed.returncode == -signal.SIGKILL, killed.stderr
    staging = nr / ".newsroom" / "staging"
    fields = staging.read_text(encoding="utf-8").split("\0")
    listed = list(zip(fields[:-1:2], fields[1::2], strict=True))
    assert listed and all(Path(tmp).exists() for _, tmp in listed)
    assert feed_files(nr) == before | {
        str(Path(t).relative_to(nr / "feeds")): Path(t).read_bytes() for _, t in listed
    }  # nothing but the temporaries was added: every file as it was
    healed = run(nr, at(2.5))
    assert healed.ok and [p["id"] for p in healed.published] == [second]
    assert list((nr / "feeds").rglob("*.tmp")) == [] and not staging.exists()


def test_a_failure_while_staging_leaves_every_file_as_it_was(
    nr: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """An output that cannot write (a full disk) after others staged theirs: no file is
    renamed, no temporary and no staging file is left, no release is stamped."""
    from newsroom.core.pages.output import PagesOutput

    release(nr, at(0), "Rilis satu")
    assert run(nr, at(1)).ok
    before = feed_files(nr)
    articles = {p: p.read_bytes() for p in (nr / "articles").rglob("*.md")}
    release(nr, at(1.5), "Rilis dua")
    articles = {p: p.read_bytes() for p in (nr / "articles").rglob("*.md")}

    def full(*args: object, **kwargs: object) -> None:
        raise OSError(28, "No space left on device", str(nr / "feeds" / "x"))

    monkeypatch.setattr(PagesOutput, "stage_files", full)
    failed = run(nr, at(2))
    assert not failed.ok and "No space left on device" in failed.failed[0]
    assert feed_files(nr) == before
    assert {p: p.read_bytes() for p in (nr / "articles").rglob("*.md")} == articles
    assert not (nr / ".newsroom" / "staging").exists()


def test_a_full_disk_while_the_files_are_read_is_said_not_a_traceback(
    nr: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A first run notes what it makes while reading in SQLite (ninjs/made.py); when the
    disk fills there (here: the reading as a whole fails so), the run stops with a
    message, stamps nothing, and the next run sweeps what it staged and publishes."""
    import sqlite3

    from newsroom.core.publish import run as one_run

    ident = release(nr, at(0), "Rilis")

    def full(*args: object, **kwargs: object) -> None:
        raise sqlite3.OperationalError("database or disk is full")

    monkeypatch.setattr(one_run, "refresh", full)
    result = run(nr, at(1))
    assert not result.ok
    assert result.failed[0].startswith("publish stopped: database or disk is full")
    assert Newsroom.open(nr, "x").find(ident).status == "approved"  # not stamped
    monkeypatch.undo()
    healed = run(nr, at(1.5))
    assert healed.ok and [p["id"] for p in healed.published] == [ident]
    assert list((nr / "feeds").rglob("*.tmp")) == []


def test_write_atomic_replaces_whole_files_and_leaves_no_temporary(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A new file (its folders made), a replaced one with the umask's mode or the one
    asked, a bare name in the working folder, and a write that fails midway: the old
    file stays whole and no temporary is left beside it."""
    from newsroom.core import atomic

    target = tmp_path / "a" / "b" / "state.json"
    atomic.write_atomic(target, b"one")
    atomic.write_atomic(target, b"two", mode=0o600)
    assert target.read_bytes() == b"two" and stat.S_IMODE(target.stat().st_mode) == 0o600
    monkeypatch.chdir(tmp_path)
    atomic.write_atomic(Path("bare.txt"), b"here")
    assert (tmp_path / "bare.txt").read_bytes() == b"here"

    def full(fd: int, data: bytes) -> int:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(atomic.os, "write", full)
    with pytest.raises(OSError, match="No space"):
        atomic.write_atomic(target, b"three")
    monkeypatch.undo()
    assert target.read_bytes() == b"two"
    assert sorted(p.name for p in target.parent.iterdir()) == ["state.json"]
    assert sorted(p.name for p in tmp_path.iterdir()) == ["a", "bare.txt"]


def test_a_publish_on_a_full_disk_leaves_no_cut_bytecode(
    nr: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The small disk's publish wrote the `.pyc` of a module it imported first cut at the
    limit, and every later import of that module failed ("marshal data too short": 3 tests
    of a suite failed after an edit of i18n/publish.py). Its bytecode goes to a fresh
    folder here, as it would beside a module just edited: none is written."""
    cache = tmp_path / "pycache"
    monkeypatch.setenv("PYTHONPYCACHEPREFIX", str(cache))
    monkeypatch.delenv("PYTHONDONTWRITEBYTECODE", raising=False)
    done = publish_on_a_small_disk(nr, at(1))
    assert done.returncode == 1 and "Traceback" not in done.stderr, done.stderr
    assert not [p for p in cache.rglob("*.pyc")], "bytecode written under a full disk"
