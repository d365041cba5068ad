"""A publish run's head start (core/early.py): the command line has a second process walk
the articles while it loads, and the run takes the files it found when they are its own."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from newsroom import cli as cli_module
from newsroom.core import early
from newsroom.core import publish as publish_module
from newsroom.core.config import Config, load_config
from newsroom.core.parallel import Spare
from newsroom.core.scan import FileStat, scan

from .feedkit import at, configure, feed_files, release, run
from .gitkit import door, make_offices, needs_git, own_git_config


@pytest.fixture
def nr(root: Path) -> Path:
    configure(root)
    return root


@pytest.fixture(autouse=True)
def no_head_start() -> object:
    """Each test starts with none asked for and ends with none left."""
    early._spare, early._asked = None, False
    yield None
    early.drop()
    early._asked = False


def test_a_spare_walks_the_articles_as_the_run_would(nr: Path) -> None:
    """Every article file, by path, with its size and mtime: hidden files and folders, other
    files and a folder named like an article skipped, as `scan` does."""
    release(nr, at(0), "Rilis satu")
    release(nr, at(0.1), "Rilis dua")
    articles = nr / "articles"
    (articles / "2025" / "zz").mkdir(parents=True)
    (articles / "2025" / "zz" / "catatan é.md").write_text("---\ntitle: x\n---\n", "utf-8")
    (articles / "2025" / "zz" / "gambar.png").write_bytes(b"png")
    (articles / ".hidden.md").write_text("x", "utf-8")
    (articles / ".git").mkdir()
    (articles / ".git" / "a.md").write_text("x", "utf-8")
    (articles / "folder.md").mkdir()
    config = load_config(nr)
    spare = Spare.start(walk=(str(config.root), str(config.articles_dir)))
    assert spare is not None
    try:
        files = spare.scanned()
        assert files is not None and files == scan(config)
        assert any(f.path.endswith("catatan é.md") for f in files) and len(files) == 3
        assert spare.scanned() is None  # handed over once
    finally:
        spare.close()


def test_a_spare_that_ended_before_it_answered_gives_no_files() -> None:
    """The run then walks them itself."""
    spare = Spare.start(walk=("/nowhere", "/nowhere/articles"))
    assert spare is not None
    spare._proc.kill()
    spare._proc.wait()
    assert spare.scanned() in (None, [])  # (killed before or after it wrote an empty walk)
    spare.close()
    closed = Spare.start(walk=("/nowhere", "/nowhere/articles"))
    assert closed is not None
    closed.close()
    assert closed.scanned() is None


def test_a_run_takes_the_head_start_of_its_own_newsroom_and_walks_nothing_itself(
    nr: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    release(nr, at(0), "Rilis satu")
    assert run(nr, at(1)).ok
    release(nr, at(1.5), "Rilis dua")
    config = load_config(nr)
    monkeypatch.setattr(publish_module, "scan", _no_walk)
    early.start(str(nr))
    result = run(nr, at(2))
    assert result.ok and early._spare is None  # taken
    assert any("rilis-dua" in path for path in result.written)
    assert b"Rilis dua" in feed_files(nr)["rss.xml"]
    assert early.take(config.root, config.articles_dir, _state(config)) is None


def test_no_head_start_where_there_is_no_newsroom(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.delenv("NEWSROOM_ROOT", raising=False)
    monkeypatch.chdir(tmp_path)
    early.start(None)
    assert early._spare is None


def test_a_head_start_of_another_folder_is_ended_and_not_used(nr: Path, tmp_path: Path) -> None:
    other = tmp_path / "other"
    (other / "articles").mkdir(parents=True)
    (other / "newsroom.toml").write_text((nr / "newsroom.toml").read_text("utf-8"), "utf-8")
    assert run(other, at(0)).ok and run(nr, at(0)).ok  # (each has published)
    early.start(str(other))
    spare = early._spare
    assert spare is not None
    config = load_config(nr)
    assert early.take(config.root, config.articles_dir, _state(config)) is None
    assert spare._proc.poll() is not None  # ended
    early._asked = False
    early.start(str(nr))
    mine = early.take(config.root, config.articles_dir, _state(config))
    assert mine is not None and mine.scanned() == scan(config)
    mine.close()
    assert early.take(config.root, config.articles_dir, _state(config)) is None  # taken once


def test_a_first_run_has_no_head_start_and_a_preview_ends_it(
    nr: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A first run (no publish state) reads every file for tens of seconds: no spare is
    started for it (its process tree stays as it was: 300 MB at 100,000). A preview takes
    the files walked and ends the spare (a preview keeps none)."""
    release(nr, at(0), "Rilis satu")
    early.start(str(nr))
    assert early._spare is None
    assert run(nr, at(1)).ok
    monkeypatch.setattr(publish_module, "scan", _no_walk)
    early._asked = False
    early.start(str(nr))
    spare = early._spare
    assert spare is not None
    assert run(nr, at(2), dry_run=True).ok
    assert spare._proc.poll() is not None and early._spare is None
    assert b"Rilis satu" in feed_files(nr)["rss.xml"]


def _state(config: Config) -> tuple[int, int] | None:
    from newsroom.core.publish.state import state_path
    from newsroom.core.where import stamp

    return stamp(state_path(config))


def test_a_run_that_ended_since_the_walk_began_makes_the_run_walk_again(nr: Path) -> None:
    """The walk began, then a release was approved and another run (the desk's, an
    overlapping cron) published it and ended: the files walked before lack it. Taken, they
    made this run take it out of every feed and page (a review of the head start). The
    state's stamp moved since the walk began: the run walks again."""
    release(nr, at(0), "Rilis satu")
    assert run(nr, at(1)).ok
    early.start(str(nr))
    spare = early._spare
    assert spare is not None
    before = spare.scanned()  # (the walk done before the release below was written)
    assert before is not None
    spare.walking = (str(load_config(nr).root), str(load_config(nr).articles_dir))
    spare.scanned = lambda: before  # type: ignore[method-assign]
    early._spare = None
    release(nr, at(1.5), "Rilis dua")
    other = run(nr, at(2))  # the other run
    assert other.ok and any("rilis-dua" in p for p in other.written)
    early._spare = spare
    result = run(nr, at(2.1))
    assert result.ok and not [p for p in result.removed if "rilis-dua" in p], result.removed
    assert b"Rilis dua" in feed_files(nr)["rss.xml"]
    assert early._spare is None and spare._proc.poll() is not None


def _no_walk(_config: object) -> None:
    raise AssertionError("the run walked the files itself")


@pytest.mark.parametrize(
    ("argv", "root"),
    [
        (["newsroom", "publish"], None),
        (["/venv/bin/newsroom", "--root", "/srv/nr", "--as", "cron", "publish", "--quiet"],
         "/srv/nr"),
        (["/x/newsroom/cli.py", "--as=cron", "--root=/srv/nr", "publish"], "/srv/nr"),
        (["/x/newsroom/__main__.py", "publish", "--json"], None),
    ],
)  # fmt: skip
def test_the_command_line_asks_for_a_head_start_for_a_publish_run(
    argv: list[str], root: str | None, monkeypatch: pytest.MonkeyPatch
) -> None:
    asked: list[str | None] = []
    monkeypatch.setattr(early, "start", asked.append)
    cli_module._head_start(argv)
    assert asked == [root]


@pytest.mark.parametrize(
    "argv",
    [
        ["newsroom", "publish", "--dry-run"],
        ["newsroom", "publish", "--pull"],
        ["newsroom", "publish", "--help"],
        ["newsroom", "list"],
        ["newsroom", "new", "--title", "publish"],
        ["newsroom", "--as", "publish", "list"],
        ["newsroom"],
        ["/venv/bin/pytest", "publish"],
        ["/site-packages/pytest/__main__.py", "-k", "publish"],
        ["newsroom", "--help", "publish"],
        ["newsroom", "--version", "publish"],
        ["/x/mynewsroom/cli.py", "publish"],
    ],
)
def test_the_command_line_asks_for_no_head_start_otherwise(
    argv: list[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    asked: list[str | None] = []
    monkeypatch.setattr(early, "start", asked.append)
    cli_module._head_start(argv)
    assert asked == []


@needs_git
def test_a_git_newsroom_drops_the_head_start_before_it_pulls_or_commits(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """What git brings in (a pull) changes the files the spare walked: the run walks them."""
    own_git_config(monkeypatch, tmp_path / "home")
    server = make_offices(tmp_path)["server"]
    door(server, "cron", at(0)).publish()
    walks: list[object] = []

    def walk(config: Config) -> list[FileStat]:
        walks.append(config)
        return scan(config)

    monkeypatch.setattr(publish_module, "scan", walk)
    early.start(str(server))
    spare = early._spare
    assert spare is not None
    door(server, "cron", at(1)).publish()
    assert spare._proc.poll() is not None and early._spare is None
    assert walks  # (with the head start taken, the run would have walked none)


def test_publish_from_the_command_line_with_its_head_start(nr: Path) -> None:
    """The program itself (`python -m newsroom`): the release approved since the last run
    goes out, and a run with nothing to do says so."""
    release(nr, at(0), "Rilis satu")
    assert run(nr, at(1)).ok
    release(nr, at(1.5), "Rilis dua")
    env = {**os.environ, "NEWSROOM_ROOT": str(nr)}
    command = [sys.executable, "-m", "newsroom", "--as", "cron", "publish", "--json",
               "--now", at(2).isoformat(), "--force-clock"]  # fmt: skip
    done = subprocess.run(command, env=env, capture_output=True, text=True, check=False)
    assert done.returncode == 0, done.stderr
    assert '"rilis-dua' in done.stdout or "rilis-dua" in done.stdout
    assert b"Rilis dua" in feed_files(nr)["rss.xml"]
    again = subprocess.run(command, env=env, capture_output=True, text=True, check=False)
    assert again.returncode == 0 and '"nothing_changed": true' in again.stdout


def test_a_spare_whose_output_is_not_its_walk_is_ended_and_the_run_walks(
    nr: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Something printing on the spare's stdout before its walk (a sitecustomize, a .pth
    file) was read as the walk's length: both sides then waited for ever, and so did every
    cron run after (a review of the head start). It is ended; the run walks itself."""
    import threading

    site = tmp_path / "site"
    site.mkdir()
    (site / "sitecustomize.py").write_text("print('hello from sitecustomize')\n", "utf-8")
    monkeypatch.setenv("PYTHONPATH", os.pathsep.join([str(site), *sys.path]))
    config = load_config(nr)
    spare = Spare.start(walk=(str(config.root), str(config.articles_dir)))
    assert spare is not None
    got: list[object] = []
    reader = threading.Thread(target=lambda: got.append(spare.scanned()), daemon=True)
    reader.start()
    reader.join(30)
    assert not reader.is_alive() and got == [None]
    assert spare._proc.poll() is not None  # ended
