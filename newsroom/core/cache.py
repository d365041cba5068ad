"""The index's cache: `.newsroom/cache.sqlite` (SQLite from the standard library).

Per file, its `Record` (or the Problem that kept it out) with the size and mtime it was
read at, and its lower-cased search text; per release, its rendered feed content; and named
blobs other parts keep (the desk's word index). Dropped whole when the config, the
program or the feed format changes (`config_key`). index.py decides what to read again.
"""

from __future__ import annotations

import hashlib
import pickle
import sqlite3
from collections.abc import Callable, Iterable
from typing import Any

from .. import __version__
from .config import CONFIG_NAME, Config

CACHE_VERSION = 27  # (not raised for a seal's problem naming people as [people] does: a
# record read before says the login until its file is read again. A new version rebuilds the
# cache, and a published file changed by hand is then withheld from partners until restored,
# test_live_kept: no wording is worth that)
# 27: a published file changed by hand keeps the record it read as
# with the text publish put out (index.Broken.now); 26: a record's problem carries its
# facts (each face words it); 25: embargo_again at any lift, not only the one withdrawn;
# 24: records know the embargo shown again after a withdrawal (embargo_again); 23: records
# know the embargo's withdrawals; 22: an approval with
# another lift time is a move too; 21: records
# know the embargo's moves (embargo_moves); 20: records
# know the categories a correction left (left_categories);
# 19: the check dateline; 18: the check photo_source; 17: the check known_keys;
# 16: dateline_in_text, correction_changes;
# 15: records know a translation's original (translation_of); 14: search texts hold the
# number and the numbers denied; 13: the snapshot in pieces; 12: records with number, kind,
# attachments
_PROTOCOL = pickle.HIGHEST_PROTOCOL
DELTA_LIMIT = 500  # files changed since the snapshot blob was written, before it is again
# Files a piece of the snapshot holds: pickling 100,000 records as one blob doubled the
# peak memory of a cold publish (pickle remembers every object it wrote until the end;
# bench_publish.py --n 100000)
PIECE = 5000


RenderedRow = tuple[str, str, bytes]  # id, digest of the file, pickled content


def content_row(ident: str, digest: str, rendered: Any) -> RenderedRow:
    """The cache row for a release's content, pickled where it was rendered (a worker)."""
    return ident, digest, pickle.dumps(rendered, _PROTOCOL)


# By path: the size and mtime a file was read at, and its record (records.py) or problem.
Snapshot = dict[str, tuple[int, int, Any]]


class Cache:
    """Records by path and rendered content by id, in SQLite; dropped when the config changes."""

    def __init__(self, config: Config, config_key: str) -> None:
        self.path = config.state_dir / "cache.sqlite"
        self.problem = ""  # why the cache is not kept on disk this time (a full disk): Said
        try:
            config.state_dir.mkdir(parents=True, exist_ok=True)
            self.db = sqlite3.connect(self.path, isolation_level=None, timeout=30)
            self.db.execute("PRAGMA journal_mode=WAL")
            self.db.execute("PRAGMA synchronous=NORMAL")
            self._migrate(f"{CACHE_VERSION}:{config_key}")
        except (sqlite3.Error, OSError) as exc:  # only a cache: work on without it
            self._lost(exc)
            self.db = sqlite3.connect(":memory:", isolation_level=None)
            self._migrate(f"{CACHE_VERSION}:{config_key}")

    def _lost(self, exc: Exception) -> None:
        from .errors import Said

        busy = "locked" in str(exc)  # another process held it past the timeout
        self.problem = Said(
            f"{self.path}: not usable ({exc}); this run reads every file again "
            + ("(another newsroom process was using it)" if busy else "(free some space)"),
            "cache_busy" if busy else "cache_unusable", path=self.path, reason=exc,
        )  # fmt: skip

    def _migrate(self, key: str) -> None:
        db = self.db
        db.execute("CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT)")
        row = db.execute("SELECT value FROM meta WHERE key='version'").fetchone()
        if row is None or row[0] != key:
            db.execute("DROP TABLE IF EXISTS snapshot")
            db.execute("DROP TABLE IF EXISTS delta")
            db.execute("DROP TABLE IF EXISTS search")
            db.execute("DROP TABLE IF EXISTS rendered")
            db.execute("DROP TABLE IF EXISTS blobs")
            db.execute("INSERT OR REPLACE INTO meta VALUES ('version', ?)", (key,))
        db.execute("CREATE TABLE IF NOT EXISTS snapshot (id INTEGER PRIMARY KEY, data BLOB)")
        db.execute("CREATE TABLE IF NOT EXISTS delta (path TEXT PRIMARY KEY, data BLOB)")
        db.execute("CREATE TABLE IF NOT EXISTS search (path TEXT PRIMARY KEY, text TEXT)")
        db.execute(
            "CREATE TABLE IF NOT EXISTS rendered (id TEXT PRIMARY KEY, digest TEXT, data BLOB)"
        )
        db.execute("CREATE TABLE IF NOT EXISTS blobs (name TEXT PRIMARY KEY, data BLOB)")

    def records(self) -> Snapshot:
        """Every file as last read: (size, mtime_ns, record or problem) by path.

        Kept as a few blobs (PIECE files each) plus the few files changed since they were
        written: a few unpicklings are far quicker than ten thousand. A cache that cannot
        be read (another version, damage) is emptied, never trusted: the run then reads
        every file again.
        """
        pieces = self.db.execute("SELECT data FROM snapshot ORDER BY id")
        try:
            # A newsroom of fewer than DELTA_LIMIT files has only deltas, no snapshot yet.
            data: Snapshot = {}
            for (piece,) in pieces:
                data.update(pickle.loads(piece))
            for path, blob in self.db.execute("SELECT path, data FROM delta"):
                entry = pickle.loads(blob)
                if entry is None:
                    data.pop(path, None)
                else:
                    data[path] = entry
            return data
        except Exception:
            self.clear()
            return {}

    def forget_records(self) -> None:
        """Read every file again next time (its content, cached by digest, stays)."""
        self._guarded(self._forget_records)

    def _forget_records(self) -> None:
        self.db.execute("DELETE FROM snapshot")
        self.db.execute("DELETE FROM delta")

    def clear(self) -> None:
        for table in ("snapshot", "delta", "rendered", "search", "blobs"):
            self.db.execute(f"DELETE FROM {table}")

    def store_content(self, rendered: Iterable[RenderedRow | None], texts: dict[str, str]) -> None:
        """Remember the content and search texts of files just read (a batch of them: a long
        read hands them over as it goes, so no process holds every release's text)."""
        self._guarded(self._store_content, rendered, texts)

    def _store_content(self, rendered: Iterable[RenderedRow | None], texts: dict[str, str]) -> None:
        db = self.db
        db.execute("BEGIN")
        db.executemany(
            "INSERT OR REPLACE INTO rendered VALUES (?, ?, ?)",
            (row for row in rendered if row is not None),
        )
        db.executemany("INSERT OR REPLACE INTO search VALUES (?, ?)", texts.items())
        db.execute("COMMIT")

    def store_records(self, snapshot: Snapshot | None, changed: dict[str, object]) -> None:
        """Remember the files read this run (`changed`, None for gone ones): small changes go
        to the delta table; past DELTA_LIMIT the whole snapshot is written anew (`snapshot`:
        every file as now known, with `changed` in it; None: the cache's, read here)."""
        self._guarded(self._store_records, snapshot, changed)

    def _store_records(self, snapshot: Snapshot | None, changed: dict[str, object]) -> None:
        db = self.db
        db.execute("BEGIN")
        pending = db.execute("SELECT COUNT(*) FROM delta").fetchone()[0]
        if pending + len(changed) > DELTA_LIMIT:
            if snapshot is None:
                snapshot = self.records()
                for path, entry in changed.items():
                    if entry is None:
                        snapshot.pop(path, None)
                    else:
                        snapshot[path] = entry  # type: ignore[assignment]
            db.execute("DELETE FROM snapshot")
            paths = list(snapshot)
            for n, start in enumerate(range(0, len(paths), PIECE)):
                piece = {p: snapshot[p] for p in paths[start : start + PIECE]}
                db.execute(
                    "INSERT INTO snapshot VALUES (?, ?)", (n, pickle.dumps(piece, _PROTOCOL))
                )
            db.execute("DELETE FROM delta")
        else:
            db.executemany(
                "INSERT OR REPLACE INTO delta VALUES (?, ?)",
                ((p, pickle.dumps(v, _PROTOCOL)) for p, v in changed.items()),
            )
        db.executemany(
            "DELETE FROM search WHERE path = ?", [(p,) for p, v in changed.items() if v is None]
        )
        db.execute("COMMIT")

    def _guarded(self, write: Callable[..., None], *args: Any) -> None:
        """A cache that cannot be written (a full disk) is left as it was: it is a cache."""
        try:
            write(*args)
        except sqlite3.Error as exc:
            if self.db.in_transaction:
                self.db.execute("ROLLBACK")
            self._lost(exc)

    def blob(self, name: str) -> bytes | None:
        """A named piece of data another part keeps here (the desk's word index)."""
        row = self.db.execute("SELECT data FROM blobs WHERE name = ?", (name,)).fetchone()
        return bytes(row[0]) if row is not None else None

    def put_blob(self, name: str, data: bytes) -> None:
        self.db.execute("INSERT OR REPLACE INTO blobs VALUES (?, ?)", (name, data))

    def texts(self) -> dict[str, str]:
        """Every file's lower-cased search text, by path."""
        return dict(self.db.execute("SELECT path, text FROM search"))

    def store_rendered(self, ident: str, digest: str, rendered: Any) -> None:
        """Remember the content of one release (by its id and its file's digest)."""
        try:
            self.db.execute(
                "INSERT OR REPLACE INTO rendered VALUES (?, ?, ?)",
                (ident, digest, pickle.dumps(rendered, _PROTOCOL)),
            )
        except sqlite3.Error as exc:
            self._lost(exc)

    def rendered(self, wanted: dict[str, str]) -> dict[str, Any]:
        """Cached content for ids whose digest still matches (`wanted`: id -> digest)."""
        out: dict[str, Any] = {}
        ids = list(wanted)
        for start in range(0, len(ids), 500):
            chunk = ids[start : start + 500]
            marks = ",".join("?" * len(chunk))
            for ident, digest, blob in self.db.execute(
                f"SELECT id, digest, data FROM rendered WHERE id IN ({marks})", chunk
            ):
                if wanted.get(ident) == digest:
                    try:
                        out[ident] = pickle.loads(blob)
                    except Exception:
                        continue
        return out

    def close(self) -> None:
        self.db.close()


def config_key(config: Config, render_key: str) -> str:
    """A fingerprint of everything outside the articles that shapes what is cached: the
    config, the program, and what the renderer's output depends on (`render_key`, which
    the renderer's owner gives: the feeds' format and Markdown renderer)."""
    data = (config.root / CONFIG_NAME).read_bytes()
    version = f"{__version__}:{render_key}".encode()
    return hashlib.blake2b(data + version, digest_size=16).hexdigest()
