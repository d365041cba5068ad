"""A published release whose text is changed by hand (a typo fixed in an editor) keeps what
partners have of it, as publish put it out: its entries in every feed it was in, its
category feeds, its ninjs documents and page. The changed text reaches no output; the run
says it is held back, not withheld; restoring the file brings everything back as it was
(the same guids: an add-only reader gets no duplicate)."""

from __future__ import annotations

from pathlib import Path

import feedparser
import pytest

from newsroom.core.config import load_config

from .feedkit import AddOnly, at, configure, correct, feed_files, read_items, release, run

BODY = "Rapat koordinasi di Yogyakarta membahas netralitas.\n\nParagraf dua."
DOCUMENTS = ("rss.xml", "atom.xml", "feed.json")


def published(root: Path) -> tuple[str, Path, bytes]:
    """A release in the Pemilu category (a category feed, the partner pemilu), published;
    its file, and its bytes as publish stamped them."""
    configure(root)
    ident = release(root, at(0), "Rilis pemilu", category="Pemilu", body=BODY)
    first = run(root, at(1))
    assert first.ok and [p["id"] for p in first.published] == [ident]
    path = next(p for p in (root / "articles").rglob("*.md") if ident in p.read_text())
    return ident, path, path.read_bytes()


def hand_edit(path: Path) -> None:
    """What `sed -i 's/Yogyakarta/Yogyakartaa/'` does: no workflow, no seal."""
    path.write_text(path.read_text().replace("Yogyakarta", "Yogyakartaa"))


def release_files(root: Path, ident: str) -> list[str]:
    """The files that carry the release (feeds, category and partner feeds, ninjs, page)."""
    return sorted(name for name, data in feed_files(root).items() if ident.encode() in data)


def test_a_published_text_changed_by_hand_keeps_the_published_version_out(root: Path) -> None:
    ident, path, stamped = published(root)
    feeds = root / "feeds"
    before = release_files(root, ident)
    assert any(p.startswith("category/pemilu/") for p in before)
    assert any(p.startswith("partner/pemilu/") for p in before)
    readers = {name: AddOnly() for name in DOCUMENTS}
    for name, reader in readers.items():
        reader.take(read_items(feeds / name))

    hand_edit(path)
    other = release(root, at(2), "Rilis lain", category="Pemilu")  # the documents are made again
    result = run(root, at(3))
    assert [(r.id, r.code, r.withheld) for r in result.refused] == [(ident, "live_kept", False)]
    assert "stays in the feeds" in result.refused[0].reason
    assert [p["id"] for p in result.published] == [other]
    assert not [m for m in result.moves if m.kind == "gone"]
    assert not [p for p in result.removed if p in before], result.removed
    assert set(before) <= set(release_files(root, ident))  # every feed, ninjs, page kept
    assert b"Yogyakartaa" not in b"".join(feed_files(root).values())  # never the changed text
    for name in DOCUMENTS:  # the entry, with the text publish put out
        items = {item.id: item for item in read_items(feeds / name)}
        assert ident in next(i for i in items if ident in i) and other in "".join(items)
        kept = next(item for i, item in items.items() if ident in i)
        assert "Yogyakarta" in kept.content and "Yogyakartaa" not in kept.content
    for name in ("rss.xml", "atom.xml", "category/pemilu/rss.xml", "partner/pemilu/atom.xml"):
        parsed = feedparser.parse((feeds / name).read_bytes())
        assert parsed.bozo == 0 and any(ident in e.id for e in parsed.entries), name
    slug = next(p for p in before if p.endswith("/ninjs.json")).rsplit("/", 1)[0]
    for document in ("ninjs.json", "v1.ninjs.json"):
        text = (feeds / slug / document).read_text()
        assert "Yogyakarta" in text and "Yogyakartaa" not in text
    assert (feeds / slug / "index.html").is_file()

    again = run(root, at(3.1))  # still changed: still kept, still named, nothing rewritten
    assert [(r.id, r.withheld) for r in again.refused] == [(ident, False)] and not again.removed
    assert b"Yogyakartaa" not in b"".join(feed_files(root).values())

    path.write_bytes(stamped)  # restored (git checkout)
    mended = run(root, at(4))
    assert mended.ok and not mended.refused and not mended.removed
    assert set(before) <= set(release_files(root, ident))
    for name, reader in readers.items():
        guids = [item.id for item in read_items(feeds / name)]
        assert len(guids) == 2 and len(set(guids) - set(reader.held)) == 1  # only the other
        reader.take(read_items(feeds / name))
        assert len(reader.held) == 2

    correct(root, ident, at(5), "Nama tempat", BODY.replace("Yogyakarta", "Sleman"))
    corrected = run(root, at(6))  # and a change made as a correction goes out as one
    assert corrected.ok and [p["id"] for p in corrected.published] == [ident]
    assert (feeds / slug / "v2.ninjs.json").is_file()
    assert "Sleman" in (feeds / slug / "ninjs.json").read_text()


def test_a_changed_text_is_held_back_even_when_the_desk_read_it_first(root: Path) -> None:
    """The desk reading the changed file first (it keeps what it reads in the cache) changes
    nothing: publish still finds the version it put out."""
    from newsroom.core.service import Newsroom

    ident, path, _ = published(root)
    before = release_files(root, ident)
    hand_edit(path)
    desk = Newsroom.open(root, "nur").index()
    assert desk.records[ident].problem is not None
    assert desk.records[ident].problem[0] == "live_changed"
    result = run(root, at(3))
    assert [(r.id, r.code, r.withheld) for r in result.refused] == [(ident, "live_kept", False)]
    assert release_files(root, ident) == before


def test_without_the_version_it_put_out_publish_withholds_the_changed_text(root: Path) -> None:
    """The cache lost (the record the file last read as, with the text publish put out):
    publish cannot keep what it cannot find, and never puts the changed text out instead:
    the release is withheld, as before."""
    ident, path, _ = published(root)
    hand_edit(path)
    (load_config(root).state_dir / "cache.sqlite").unlink()
    result = run(root, at(3))
    assert [(r.id, r.code, r.withheld) for r in result.refused] == [(ident, "live_changed", True)]
    assert b"Yogyakartaa" not in b"".join(feed_files(root).values())


def test_what_outputs_make_again_is_never_the_changed_text(root: Path) -> None:
    """Each output that reads a release's file again (its content no longer cached, its page
    removed by hand, every ninjs document looked at again) refuses a file that no longer
    holds the text its kept record was read from (records.reread): what it has stays, or
    the run says what it could not make; the changed text goes nowhere."""
    import sqlite3

    ident, path, _ = published(root)
    feeds, config = root / "feeds", load_config(root)
    hand_edit(path)
    assert run(root, at(3)).refused[0].code == "live_kept"
    slug = next(p for p in release_files(root, ident) if p.endswith("/ninjs.json"))
    folder = feeds / slug.rsplit("/", 1)[0]
    with sqlite3.connect(config.state_dir / "cache.sqlite") as db:
        db.execute("DELETE FROM rendered")  # its content: rendered from the file, if allowed
    (folder / "index.html").unlink()  # its page: made again from the file, if allowed
    (feeds / "ninjs" / "index.json").unlink()  # every ninjs document looked at again
    release(root, at(4), "Rilis lain", category="Pemilu")  # the feeds are made again
    result = run(root, at(5))
    assert b"Yogyakartaa" not in b"".join(feed_files(root).values())
    assert any("its page was not written" in f for f in result.failed)
    text = (folder / "ninjs.json").read_text()  # as it was
    assert "Yogyakarta" in text and "Yogyakartaa" not in text


def test_a_new_pages_format_keeps_the_page_partners_have(
    root: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Every page made again (a new PAGES_FORMAT, key or signing): the page of one kept
    cannot be made from its changed file, and the one partners have stays, never removed."""
    from newsroom.core import pages as pages_package
    from newsroom.core.pages import output as pages_output

    ident, path, _ = published(root)
    page = next(p for p in release_files(root, ident) if p.endswith("/ninjs.json"))
    page = page.rsplit("/", 1)[0] + "/index.html"
    kept = (root / "feeds" / page).read_bytes()
    hand_edit(path)
    newer = pages_package.PAGES_FORMAT + 1
    monkeypatch.setattr(pages_output, "PAGES_FORMAT", newer)
    monkeypatch.setattr(pages_package, "PAGES_FORMAT", newer)
    result = run(root, at(3))
    assert result.refused[0].code == "live_kept" and page not in result.removed
    assert (root / "feeds" / page).read_bytes() == kept
    assert b"Yogyakartaa" not in b"".join(feed_files(root).values())
