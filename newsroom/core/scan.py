"""The one walk of `articles/`: every article file with its size and mtime.

The publisher's quickest answer ("nothing to do") is this scan and its fingerprint, so it
stays lean: one stat per file, tuples, one sort. The store lists its files with it too,
so hidden files and folders are skipped by the same rule everywhere.
"""

from __future__ import annotations

import os
from stat import S_ISDIR
from typing import TYPE_CHECKING, NamedTuple

if TYPE_CHECKING:  # (kept out: a spare process runs the walk first thing, early.py)
    from array import array
    from collections.abc import Sequence
    from pathlib import Path

    from .config import Config


class FileStat(NamedTuple):
    """A file under articles/ as the scan saw it."""

    path: str
    size: int
    mtime_ns: int


def scan(config: Config) -> list[FileStat]:
    """Every article file with its size and mtime (hidden files and folders skipped), by
    path: each folder listed once, one stat per `.md` file (its subfolders known from the
    listing itself, no stat)."""
    return scan_folder(str(config.root), str(config.articles_dir))


def scan_folder(root: str, articles: str) -> list[FileStat]:
    """`scan`'s walk of the folder `articles`, paths relative to `root` (a spare process
    runs it with no config: parallel.py)."""
    base = len(root) + 1
    found: list[FileStat] = []
    stack = [articles]
    while stack:
        try:
            entries = os.scandir(stack.pop())
        except OSError:
            continue
        with entries:
            for entry in entries:
                name = entry.name
                if name.startswith("."):
                    continue
                if name.endswith(".md"):
                    try:
                        st = entry.stat()
                    except OSError:
                        continue
                    if not S_ISDIR(st.st_mode):
                        found.append(FileStat(entry.path[base:], st.st_size, st.st_mtime_ns))
                        continue
                if entry.is_dir(follow_symlinks=False):
                    stack.append(entry.path)
    found.sort()
    return found


def scan_fingerprint(files: Sequence[FileStat]) -> str:
    """One hash of every path, size and mtime: equal means no article file changed.

    Hashed as three columns (the paths joined, the sizes and mtimes as 64-bit arrays), not a
    line a file: the nothing-changed publish at 100,000 releases (bench_publish.py) pays it
    on every cron run."""
    return columns(files).fingerprint()


class Columns(NamedTuple):
    """A scan as three columns, sorted by path: what a publish run keeps of it once the
    files are read (100,000 `FileStat` tuples and their numbers held ~14 MB; the paths are
    the records' own strings)."""

    paths: list[str]
    sizes: array[int]
    mtimes: array[int]

    def fingerprint(self) -> str:
        """`scan_fingerprint` of the scan these columns hold."""
        import hashlib

        h = hashlib.blake2b(digest_size=16)
        h.update("\0".join(self.paths).encode())
        h.update(self.sizes.tobytes())
        h.update(self.mtimes.tobytes())
        return h.hexdigest()


def columns(files: Sequence[FileStat]) -> Columns:
    from array import array

    return Columns(
        [f.path for f in files], array("q", [f.size for f in files]),
        array("q", [f.mtime_ns for f in files]),
    )  # fmt: skip


def article_paths(config: Config) -> list[Path]:
    """Every article file under articles/, sorted (the scan's files as paths)."""
    return [config.root / f.path for f in scan(config)]
