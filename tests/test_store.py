"""The store: finding, loading, looking up and saving articles; broken files; conflicts."""

from __future__ import annotations

import os
from collections.abc import Callable
from pathlib import Path

import pytest

from newsroom.core.errors import ConflictError, NotFound
from newsroom.core.service import NewArticle, Newsroom

GOOD = """---
id: {id}
title: Baik
slug: {slug}
status: draft
---

Isi.
"""


def write(root: Path, rel: str, data: str | bytes) -> Path:
    path = root / "articles" / rel
    path.parent.mkdir(parents=True, exist_ok=True)
    if isinstance(data, str):
        data = data.encode("utf-8")
    path.write_bytes(data)
    return path


def test_finds_articles_at_any_depth_and_looks_them_up(
    root: Path, as_user: Callable[..., Newsroom]
) -> None:
    write(root, "a.md", GOOD.format(id="aaaa1111-0000-4000-8000-000000000001", slug="satu"))
    write(
        root,
        "2026/11/deep/b.md",
        GOOD.format(id="bbbb2222-0000-4000-8000-000000000002", slug="dua"),
    )
    newsroom = as_user("ald")
    assert len(newsroom.snapshot().articles) == 2
    assert newsroom.find("bbbb2222").slug == "dua"
    assert newsroom.find("satu").id.startswith("aaaa")
    assert newsroom.find(str(root / "articles/a.md")).slug == "satu"
    assert newsroom.find("articles/2026/11/deep/b.md").slug == "dua"
    with pytest.raises(NotFound):
        newsroom.find("nothing-like-this")


ID = "eeee1111-0000-4000-8000-00000000000{}"
BROKEN = {
    "yaml.md": ("---\nid: x\ntitle: 'open\n---\n", 3, "bad YAML"),
    "type.md": (
        f"---\nid: {ID.format(2)}\ntitle: T\nslug: t\ntags: {{a: 1}}\n---\n",
        5,
        "list of words",
    ),
    "date.md": (
        f"---\nid: {ID.format(3)}\ntitle: T\nslug: t3\nembargo: besok\n---\n",
        5,
        "not a date",
    ),
    "latin1.md": ("---\nid: x4\ntitle: Caf\xe9\nslug: c\n---\n".encode("latin-1"), 3, "not UTF-8"),
}


def test_each_broken_file_is_named_with_its_line_and_the_rest_loads(
    root: Path, as_user: Callable[..., Newsroom]
) -> None:
    write(root, "0-ok.md", GOOD.format(id="aaaa1111-0000-4000-8000-000000000001", slug="ok"))
    for name, (data, _, _) in BROKEN.items():
        write(root, name, data)
    outside = root.parent / "outside.md"
    outside.write_text(GOOD.format(id="dddd1111-0000-4000-8000-000000000004", slug="out"))
    os.symlink(outside, root / "articles" / "link.md")

    snapshot = as_user("ald").snapshot()
    by_name = {p.path.name: p for p in snapshot.problems}
    for name, (_, line, words) in BROKEN.items():
        assert by_name[name].line == line, name
        assert words in by_name[name].message
    assert "symlink leads outside" in by_name["link.md"].message
    assert [a.slug for a in snapshot.articles] == ["ok"]


def test_files_sharing_an_id_or_a_slug_are_all_held_back_and_name_each_other(
    root: Path, as_user: Callable[..., Newsroom]
) -> None:
    write(root, "0-copy.md", GOOD.format(id="aaaa1111-0000-4000-8000-000000000001", slug="x"))
    write(root, "b-genuine.md", GOOD.format(id="aaaa1111-0000-4000-8000-000000000001", slug="ok"))
    write(root, "c-same-page.md", GOOD.format(id="cccc1111-0000-4000-8000-000000000003", slug="ok"))
    write(root, "d-alone.md", GOOD.format(id="dddd1111-0000-4000-8000-000000000004", slug="d"))
    newsroom = as_user("ald")
    for found in (newsroom.snapshot(), newsroom.index()):  # the store and the index agree
        by_name = {p.path.name: p.message for p in found.problems}
        assert "duplicate id" in by_name["0-copy.md"] and "b-genuine.md" in by_name["0-copy.md"]
        assert "duplicate id" in by_name["b-genuine.md"] and "0-copy.md" in by_name["b-genuine.md"]
        assert "duplicate slug" in by_name["c-same-page.md"]
        assert "b-genuine.md" in by_name["c-same-page.md"]
        assert all("neither is published" in m for m in by_name.values())
    assert [a.slug for a in newsroom.snapshot().articles] == ["d"]
    assert [r.slug for r in newsroom.index().records.values()] == ["d"]


def test_a_copy_of_a_published_release_never_replaces_it_in_the_feeds(root: Path) -> None:
    from .feedkit import at, configure, release, run

    configure(root)
    ident = release(root, at(0), "Rilis asli", body="Teks asli.")
    assert run(root, at(1)).ok
    genuine = next((root / "articles").rglob("*.md"))
    write(root, "0-palsu.md", genuine.read_text().replace("Teks asli.", "Teks PALSU."))
    result = run(root, at(2))
    assert not result.ok
    named = {str(p.path): str(p) for p in result.problems}
    assert str(genuine.relative_to(root)) in named["articles/0-palsu.md"]
    assert "articles/0-palsu.md" in named[str(genuine.relative_to(root))]
    rss = (root / "feeds" / "rss.xml").read_text()
    assert "PALSU" not in rss and ident not in rss


def test_save_is_refused_when_the_file_changed_on_disk(as_user: Callable[..., Newsroom]) -> None:
    newsroom = as_user("ald")
    article = newsroom.create(NewArticle(title="Rilis", body="Teks asli."))
    mine = newsroom.find(article.id)
    theirs = newsroom.find(article.id)
    theirs.body = "Teks mereka.\n"
    newsroom.save_edit(theirs)
    mine.body = "Teks saya.\n"
    with pytest.raises(ConflictError, match="changed on disk"):
        newsroom.save_edit(mine)
    assert newsroom.find(article.id).body == "Teks mereka.\n"


def test_unchanged_article_is_not_rewritten(as_user: Callable[..., Newsroom], root: Path) -> None:
    newsroom = as_user("ald")
    article = newsroom.create(NewArticle(title="Rilis", body="Teks."))
    path = root / str(article.path)
    os.utime(path, ns=(1_000_000_000, 1_000_000_000))
    again = newsroom.find(article.id)
    assert newsroom.store.save(again) is False
    assert path.stat().st_mtime_ns == 1_000_000_000


def test_hand_formatted_file_is_not_rewritten_when_nothing_changed(
    root: Path, as_user: Callable[..., Newsroom]
) -> None:
    text = GOOD.format(id="aaaa1111-0000-4000-8000-000000000001", slug="ok").replace(
        "status: draft", "status:   draft\ntags: [a,b]"
    )
    path = write(root, "hand.md", text)
    newsroom = as_user("ald")
    assert newsroom.store.save(newsroom.find("ok")) is False
    assert path.read_text() == text


def test_save_leaves_no_temporary_files(as_user: Callable[..., Newsroom], root: Path) -> None:
    newsroom = as_user("ald")
    newsroom.create(NewArticle(title="Rilis", body="Teks."))
    leftovers = [p for p in (root / "articles").rglob("*") if p.name.endswith(".tmp")]
    assert leftovers == []


def test_saving_many_releases_leaves_a_bounded_number_of_lock_files(
    as_user: Callable[..., Newsroom], root: Path
) -> None:
    # a lock file per release would leave 100,000 files in one folder on a large newsroom
    newsroom = as_user("ald")
    for n in range(300):
        newsroom.create(NewArticle(title=f"Rilis {n}", body="Teks."))
    locks = list((root / ".newsroom" / "locks").iterdir())
    assert 0 < len(locks) <= 256
