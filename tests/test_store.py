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


BROKEN = {
    "yaml.md": ("---\nid: x\ntitle: 'open\n---\n", 3, "bad YAML"),
    "type.md": ("---\nid: x2\ntitle: T\nslug: t\ntags: {a: 1}\n---\n", 5, "list of words"),
    "date.md": ("---\nid: x3\ntitle: T\nslug: t3\nembargo: besok pagi\n---\n", 5, "not a date"),
    "latin1.md": ("---\nid: x4\ntitle: Caf\xe9\nslug: c\n---\n".encode("latin-1"), 3, "not UTF-8"),
}


def test_each_broken_file_is_named_with_its_line_and_the_rest_loads(
    root: Path, as_user: Callable[..., Newsroom]
) -> None:
    write(root, "0-ok.md", GOOD.format(id="aaaa1111-0000-4000-8000-000000000001", slug="ok"))
    for name, (data, _, _) in BROKEN.items():
        write(root, name, data)
    write(root, "dup-id.md", GOOD.format(id="aaaa1111-0000-4000-8000-000000000001", slug="x"))
    write(root, "zz-dup-slug.md", GOOD.format(id="cccc1111-0000-4000-8000-000000000003", slug="ok"))
    outside = root.parent / "outside.md"
    outside.write_text(GOOD.format(id="dddd1111-0000-4000-8000-000000000004", slug="out"))
    os.symlink(outside, root / "articles" / "link.md")

    snapshot = as_user("ald").snapshot()
    by_name = {p.path.name: p for p in snapshot.problems}
    for name, (_, line, words) in BROKEN.items():
        assert by_name[name].line == line, name
        assert words in by_name[name].message
    assert "duplicate id" in by_name["dup-id.md"].message
    assert "0-ok.md" in by_name["dup-id.md"].message
    assert "duplicate slug" in by_name["zz-dup-slug.md"].message
    assert "symlink leads outside" in by_name["link.md"].message
    assert [a.slug for a in snapshot.articles] == ["ok"]


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
