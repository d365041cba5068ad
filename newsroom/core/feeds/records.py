"""What the feed planner knows of each file, and a cache of it keyed by size and mtime.

Reading and rendering 10,000 releases takes seconds; a publish after one change
should not. The cache (`.newsroom/cache.sqlite`, SQLite from the standard
library) keeps, per file, its `Record` (small: status, dates, filters) and, per
release, its `Rendered` content, so only changed files are parsed and rendered.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import os
import pickle
import sqlite3
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from ..config import Config
from ..errors import ArticleError, Problem
from ..model import Article

if TYPE_CHECKING:  # rendering pulls in markdown-it and nh3: only runs that render pay for them
    from ..store import Store
    from .content import Rendered

CACHE_VERSION = 4
_PROTOCOL = pickle.HIGHEST_PROTOCOL


@dataclass(frozen=True, slots=True)
class FileStat:
    """A file under articles/ as the scan saw it."""

    path: str
    size: int
    mtime_ns: int


@dataclass(frozen=True, slots=True)
class Record:
    """The planner's view of a release: which feeds want it, and in what state."""

    path: str
    id: str
    slug: str
    title: str
    status: str
    language: str
    categories: tuple[str, ...]
    tags: tuple[str, ...]
    published: dt.datetime | None
    updated: dt.datetime | None
    embargo: dt.datetime | None
    approved_at: dt.datetime | None
    retracted_at: dt.datetime | None
    live: bool
    digest: str

    @property
    def feed_updated(self) -> dt.datetime:
        """When partners last saw a change: the retraction, else the latest correction."""
        moments = [t for t in (self.published, self.updated, self.retracted_at) if t]
        return max(moments) if moments else dt.datetime(1970, 1, 1, tzinfo=dt.UTC)


def scan(config: Config) -> list[FileStat]:
    """Every article file with its size and mtime (hidden files and folders skipped)."""
    found: list[FileStat] = []
    root = str(config.root) + os.sep
    stack = [str(config.articles_dir)]
    while stack:
        folder = stack.pop()
        try:
            entries = list(os.scandir(folder))
        except OSError:
            continue
        for entry in entries:
            if entry.name.startswith("."):
                continue
            if entry.is_dir(follow_symlinks=False):
                stack.append(entry.path)
            elif entry.name.endswith(".md"):
                try:
                    st = entry.stat()
                except OSError:
                    continue
                found.append(FileStat(entry.path.removeprefix(root), st.st_size, st.st_mtime_ns))
    found.sort(key=lambda f: f.path)
    return found


def scan_fingerprint(files: Iterable[FileStat]) -> str:
    """One hash of every path, size and mtime: equal means no article file changed."""
    h = hashlib.blake2b(digest_size=16)
    for f in files:
        h.update(f"{f.path}\0{f.size}\0{f.mtime_ns}\n".encode())
    return h.hexdigest()


def _moment(article: Article, action: str) -> dt.datetime | None:
    return next((h.at for h in reversed(article.history) if h.action == action), None)


def to_record(article: Article) -> Record:
    """The planner's view of a loaded article."""
    assert article.source is not None
    corrected = article.corrections[-1].at if article.corrections else None
    return Record(
        path=str(article.path), id=article.id, slug=article.slug, title=article.title,
        status=article.status, language=article.language,
        categories=tuple(article.categories), tags=tuple(article.tags),
        published=article.published, updated=corrected or article.published,
        embargo=article.embargo, approved_at=_moment(article, "approve"),
        retracted_at=_moment(article, "retract") if article.status == "retracted" else None,
        live=article.is_live or article.status == "retracted", digest=article.source.digest,
    )


Loaded = tuple[FileStat, "Record | None", "Rendered | None", "Problem | None"]


def load_one(store: Store, stat: FileStat, render: bool = True) -> Loaded:
    """Parse (and render, when partners may see it) one file; a broken file gives a Problem."""
    try:
        article = store.load(store.root / stat.path)
    except ArticleError as exc:
        return stat, None, None, exc.problem
    from .content import render_article

    record = to_record(article)
    wanted = render and (record.live or record.status == "approved")
    return stat, record, render_article(article, store.config) if wanted else None, None


CacheRows = tuple[tuple[str, int, int, bytes], "tuple[str, str, bytes] | None"]


def cache_rows(loaded: Loaded) -> CacheRows:
    """The cache's rows for a loaded file (pickled where the file was loaded: in a worker)."""
    stat, record, rendered, problem = loaded
    file_row = (stat.path, stat.size, stat.mtime_ns, pickle.dumps(record or problem, _PROTOCOL))
    if record is None or rendered is None:
        return file_row, None
    return file_row, (record.id, record.digest, pickle.dumps(rendered, _PROTOCOL))


class Cache:
    """Records by path and rendered content by id, in SQLite; dropped when the config changes."""

    def __init__(self, config: Config, config_key: str) -> None:
        config.state_dir.mkdir(parents=True, exist_ok=True)
        self.db = sqlite3.connect(config.state_dir / "cache.sqlite", isolation_level=None)
        self.db.execute("PRAGMA journal_mode=WAL")
        self.db.execute("PRAGMA synchronous=NORMAL")
        self._migrate(f"{CACHE_VERSION}:{config_key}")

    def _migrate(self, key: str) -> None:
        db = self.db
        db.execute("CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT)")
        row = db.execute("SELECT value FROM meta WHERE key='version'").fetchone()
        if row is None or row[0] != key:
            db.execute("DROP TABLE IF EXISTS files")
            db.execute("DROP TABLE IF EXISTS rendered")
            db.execute("INSERT OR REPLACE INTO meta VALUES ('version', ?)", (key,))
        db.execute("CREATE TABLE IF NOT EXISTS files (path TEXT PRIMARY KEY, size INTEGER, "
                   "mtime_ns INTEGER, record BLOB)")
        db.execute("CREATE TABLE IF NOT EXISTS rendered (id TEXT PRIMARY KEY, digest TEXT, "
                   "data BLOB)")

    def records(self) -> dict[str, tuple[int, int, Record | Problem]]:
        """Every cached file: (size, mtime_ns, record or problem) by path."""
        rows = self.db.execute("SELECT path, size, mtime_ns, record FROM files")
        return {path: (size, mtime, pickle.loads(blob)) for path, size, mtime, blob in rows}

    def store(self, rows: list[CacheRows], gone: Iterable[str]) -> None:
        """Remember freshly loaded files and forget vanished ones, in one transaction."""
        db = self.db
        db.execute("BEGIN")
        db.executemany("DELETE FROM files WHERE path = ?", [(p,) for p in gone])
        db.executemany("INSERT OR REPLACE INTO files VALUES (?, ?, ?, ?)",
                       (row[0] for row in rows))
        db.executemany("INSERT OR REPLACE INTO rendered VALUES (?, ?, ?)",
                       (row[1] for row in rows if row[1] is not None))
        db.execute("COMMIT")

    def store_rendered(self, record: Record, rendered: Rendered) -> None:
        """Remember the content of one release (just published by this run)."""
        self.db.execute("INSERT OR REPLACE INTO rendered VALUES (?, ?, ?)",
                        (record.id, record.digest, pickle.dumps(rendered, _PROTOCOL)))

    def rendered(self, wanted: dict[str, str]) -> dict[str, Rendered]:
        """Cached content for ids whose digest still matches (`wanted`: id -> digest)."""
        out: dict[str, Rendered] = {}
        ids = list(wanted)
        for start in range(0, len(ids), 500):
            chunk = ids[start : start + 500]
            marks = ",".join("?" * len(chunk))
            for ident, digest, blob in self.db.execute(
                    f"SELECT id, digest, data FROM rendered WHERE id IN ({marks})", chunk):
                if wanted.get(ident) == digest:
                    out[ident] = pickle.loads(blob)
        return out

    def close(self) -> None:
        self.db.close()


def relative_path(config: Config, path: Path) -> str:
    """A path relative to the newsroom root, as records store it."""
    return str(path.relative_to(config.root))
