"""What publish keeps between runs: a small state, the outputs' files beside it, and a
newsroom upgraded to a program with a new output."""

from __future__ import annotations

import json
import shutil
import sqlite3
from pathlib import Path

import pytest

from newsroom.core import pages as pages_package
from newsroom.core.pages import output as pages_output
from newsroom.core.pages import words as pages_words

from .feedkit import at, feed_files, newsroom_root, release, run

__all__ = ["newsroom_root"]  # a fixture, used by name


def state(root: Path) -> dict[str, object]:
    data: dict[str, object] = json.loads((root / ".newsroom" / "publish-state.json").read_text())
    return data


def test_the_state_names_no_file_and_the_files_store_lists_each_output(
    newsroom_root: Path,
) -> None:
    release(newsroom_root, at(0), "Rilis satu")
    assert run(newsroom_root, at(1)).ok
    text = (newsroom_root / ".newsroom" / "publish-state.json").read_text()
    assert "siaran-pers/" not in text  # a page per release, rewritten every run: no more
    assert "files" not in state(newsroom_root)
    assert all("files" not in o for o in state(newsroom_root)["outputs"].values())  # type: ignore[attr-defined]
    db = sqlite3.connect(newsroom_root / ".newsroom" / "outputs.sqlite")
    rows = dict(db.execute("SELECT path, output FROM files"))
    db.close()
    assert rows["rss.xml"] == "feeds" and rows["siaran-pers/index.html"] == "pages"
    assert run(newsroom_root, at(1.5)).skipped


def test_a_new_release_changes_only_the_rows_of_the_files_that_moved(newsroom_root: Path) -> None:
    release(newsroom_root, at(0), "Rilis satu")
    run(newsroom_root, at(1))
    db = sqlite3.connect(newsroom_root / ".newsroom" / "outputs.sqlite")
    before = {p: (s, m) for p, s, m in db.execute("SELECT path, size, mtime FROM files")}
    release(newsroom_root, at(2), "Rilis dua")
    assert run(newsroom_root, at(3)).ok
    after = {p: (s, m) for p, s, m in db.execute("SELECT path, size, mtime FROM files")}
    db.close()
    feeds = newsroom_root / "feeds"
    for path, (size, mtime) in after.items():  # every row is the file as it is now
        st = (feeds / path).stat()
        assert (st.st_size, st.st_mtime_ns) == (size, mtime), path
    assert set(after) - set(before)  # the new release's page
    assert any(after[p] == before[p] for p in before)  # untouched files keep their rows


def test_a_state_without_its_files_counts_as_no_state(newsroom_root: Path) -> None:
    release(newsroom_root, at(0), "Rilis satu")
    run(newsroom_root, at(1))
    before = feed_files(newsroom_root)
    (newsroom_root / ".newsroom" / "outputs.sqlite").unlink()  # lost, or from another run
    again = run(newsroom_root, at(1.5))
    assert not again.skipped and again.ok and again.written == []  # compared, not rewritten
    assert feed_files(newsroom_root) == before
    assert run(newsroom_root, at(1.6)).skipped


def test_an_upgrade_that_brings_a_new_output_runs_it_without_waiting_for_a_change(
    newsroom_root: Path,
) -> None:
    release(newsroom_root, at(0), "Rilis satu")
    run(newsroom_root, at(1))
    # As a newsroom last published by a program without pages: no pages, nor their state.
    shutil.rmtree(newsroom_root / "feeds" / "siaran-pers")
    (newsroom_root / ".newsroom" / "pages.sqlite").unlink()
    db = sqlite3.connect(newsroom_root / ".newsroom" / "outputs.sqlite")
    db.execute("DELETE FROM files WHERE output = 'pages'")
    db.commit()
    db.close()
    saved = state(newsroom_root)
    del saved["outputs"]["pages"]  # type: ignore[attr-defined]
    (newsroom_root / ".newsroom" / "publish-state.json").write_text(json.dumps(saved))
    result = run(newsroom_root, at(1.5))
    assert not result.skipped and result.ok
    assert (newsroom_root / "feeds" / "siaran-pers" / "index.html").exists()
    assert run(newsroom_root, at(1.6)).skipped


def test_an_upgrade_with_a_new_pages_format_makes_the_pages_again_at_once(
    newsroom_root: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """PAGES_FORMAT was bumped with new words on the "not issued" page, but the config's
    key does not cover it: a newsroom with nothing else to publish answered "nothing
    changed" and kept the old words until a release moved. The next run makes them."""
    release(newsroom_root, at(0), "Rilis satu")
    with monkeypatch.context() as older:  # as the program before the upgrade
        older.setattr(pages_output, "PAGES_FORMAT", pages_package.PAGES_FORMAT - 1)
        older.setattr(pages_package, "PAGES_FORMAT", pages_package.PAGES_FORMAT - 1)
        older.setitem(pages_words.WORDS["id"], "unknown_check", "Kata lama.")
        assert run(newsroom_root, at(1)).ok
        assert run(newsroom_root, at(1.1)).skipped
    unknown = newsroom_root / "feeds" / "nomor" / "tidak-terdaftar.html"
    assert "Kata lama." in unknown.read_text()
    result = run(newsroom_root, at(1.5))
    assert not result.skipped and result.ok
    assert "nomor/tidak-terdaftar.html" in result.written
    assert "Kata lama." not in unknown.read_text()
    assert run(newsroom_root, at(1.6)).skipped  # once


def test_with_the_files_store_lost_a_deleted_page_is_still_written_again(
    newsroom_root: Path,
) -> None:
    release(newsroom_root, at(0), "Rilis satu")
    run(newsroom_root, at(1))
    pages = sorted((newsroom_root / "feeds" / "siaran-pers").glob("*/index.html"))
    assert pages
    kept = pages[0].read_bytes()
    pages[0].unlink()
    (newsroom_root / ".newsroom" / "outputs.sqlite").unlink()
    assert run(newsroom_root, at(1.5)).ok
    assert pages[0].read_bytes() == kept
    pages[0].unlink()  # and the files store knows the page again
    assert run(newsroom_root, at(1.6)).ok and pages[0].read_bytes() == kept


def test_a_page_deleted_by_hand_is_written_again_by_the_next_run_even_after_a_busy_one(
    newsroom_root: Path,
) -> None:
    release(newsroom_root, at(0), "Rilis satu")
    run(newsroom_root, at(1))
    page = next((newsroom_root / "feeds" / "siaran-pers").glob("*/index.html"))
    kept = page.read_bytes()
    page.unlink()
    release(newsroom_root, at(1), "Rilis dua")  # a run started by a changed article,
    assert run(newsroom_root, at(1.01)).ok  # a quarter of an hour later: not looked at
    assert not page.exists()
    healed = run(newsroom_root, at(1.02))  # the next run looks at every file
    assert not healed.skipped and healed.ok
    assert page.read_bytes() == kept
    assert run(newsroom_root, at(1.03)).skipped


def test_a_feed_deleted_by_hand_is_written_again_by_the_next_run_even_after_a_busy_one(
    newsroom_root: Path,
) -> None:
    """A run started by a changed article takes the feed documents as the last run left
    them (no stat of each), as the pages: the next run looks at every file."""
    release(newsroom_root, at(0), "Rilis satu", category="Pemilu")
    run(newsroom_root, at(1))
    feed = newsroom_root / "feeds" / "category" / "pemilu" / "rss.xml"
    kept = feed.read_bytes()
    feed.unlink()
    release(newsroom_root, at(1), "Rilis dua", category="Ekonomi")  # not in that feed
    assert run(newsroom_root, at(1.01)).ok  # not looked at
    assert not feed.exists()
    healed = run(newsroom_root, at(1.02))
    assert not healed.skipped and healed.ok
    assert feed.read_bytes() == kept
    assert run(newsroom_root, at(1.03)).skipped


def test_a_busy_desk_still_has_every_page_looked_at_within_the_hour(newsroom_root: Path) -> None:
    release(newsroom_root, at(0), "Rilis satu")
    run(newsroom_root, at(1))
    page = next((newsroom_root / "feeds" / "siaran-pers").glob("*/index.html"))
    kept = page.read_bytes()
    page.unlink()
    for n in range(1, 6):  # an article changes before every run, every quarter of an hour
        release(newsroom_root, at(1 + n * 0.01), f"Rilis {n + 1}")
        assert run(newsroom_root, at(1 + n * 0.01 + 0.001)).ok
    assert page.read_bytes() == kept


def test_a_run_killed_between_its_files_and_its_state_leaves_no_gone_page(
    newsroom_root: Path,
) -> None:
    release(newsroom_root, at(0), "Rilis satu")
    gone = release(newsroom_root, at(0), "Rilis dua")
    run(newsroom_root, at(1))
    saved = (newsroom_root / ".newsroom" / "publish-state.json").read_bytes()
    release(newsroom_root, at(1.5), "Rilis tiga")
    run(newsroom_root, at(2))
    # As if killed after recording its files and before its state: the tokens differ.
    (newsroom_root / ".newsroom" / "publish-state.json").write_bytes(saved)
    from newsroom.core.config import load_config
    from newsroom.core.store import Store

    store = Store(load_config(newsroom_root))
    path = next(p for p in store.paths() if store.load(p).id == gone)
    page = newsroom_root / "feeds" / "siaran-pers" / path.stem / "index.html"
    assert page.exists()
    path.unlink()
    result = run(newsroom_root, at(2.5))
    assert result.ok and not page.exists()
    assert run(newsroom_root, at(2.6)).skipped


def test_a_files_store_that_is_not_a_database_is_made_again(newsroom_root: Path) -> None:
    release(newsroom_root, at(0), "Rilis satu")
    run(newsroom_root, at(1))
    (newsroom_root / ".newsroom" / "outputs.sqlite").write_bytes(b"not a database\n" * 100)
    first = run(newsroom_root, at(1.5))
    assert first.ok and not first.skipped  # looked at every file again, nothing failed
    assert run(newsroom_root, at(1.6)).skipped
