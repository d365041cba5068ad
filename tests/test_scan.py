"""The one walk of articles/ (core/scan.py): which files are articles, in what order."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from newsroom.core.config import Config, load_config
from newsroom.core.scan import scan, scan_fingerprint


@pytest.fixture
def config(root: Path) -> Config:
    return load_config(root)


def _touch(path: Path, text: str = "x") -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text)


def test_the_scan_lists_article_files_by_path_and_skips_what_is_not_one(
    config: Config,
) -> None:
    articles = config.articles_dir
    _touch(articles / "2025" / "01" / "b.md", "two")
    _touch(articles / "2025" / "01" / "a.md", "three")
    _touch(articles / "2025" / "01" / "a" / "lampiran.pdf")  # a companion folder's file
    _touch(articles / "2025" / "01" / "a" / "versions" / "1.yaml")
    _touch(articles / "2024" / "12" / "z.md")
    _touch(articles / "top.md")
    _touch(articles / ".hidden.md")  # hidden files and folders are never articles
    _touch(articles / ".git" / "x.md")
    _touch(articles / "2025" / ".draft" / "y.md")
    _touch(articles / "catatan.txt")
    _touch(articles / "odd.md" / "inside.md")  # a folder named like an article is a folder
    os.symlink(articles / "2024", articles / "link")  # a linked folder is not walked twice

    found = scan(config)

    assert [f.path for f in found] == [
        "articles/2024/12/z.md",
        "articles/2025/01/a.md",
        "articles/2025/01/b.md",
        "articles/odd.md/inside.md",
        "articles/top.md",
    ]
    sizes = {f.path: f.size for f in found}
    assert sizes["articles/2025/01/a.md"] == 5
    stat = (articles / "2025" / "01" / "b.md").stat()
    assert found[2].mtime_ns == stat.st_mtime_ns


def test_the_fingerprint_moves_with_any_article_file_and_only_then(config: Config) -> None:
    _touch(config.articles_dir / "2025" / "01" / "a.md", "one")
    before = scan_fingerprint(scan(config))
    _touch(config.articles_dir / "2025" / "01" / "a" / "lampiran.pdf")
    assert scan_fingerprint(scan(config)) == before
    _touch(config.articles_dir / "2025" / "01" / "a.md", "one more")
    assert scan_fingerprint(scan(config)) != before
