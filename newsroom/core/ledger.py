"""The ledger: what publish has put out, kept under `.newsroom/`, so a later rewrite is caught.

A seal in the article file stops edits that skip the workflow, but anyone can recompute
it. The ledger keeps, per release, what the last publication put out: the version, the
digest of the live text, the publication time, the correction notices and the history up
to that moment. A file that no longer agrees (a published text rewritten, a notice
deleted, `published` backdated, history edited) is reported and not republished.

A row is written in two steps so a run killed at any moment never raises a false alarm:
`pending` before the feeds are written, confirmed once the article file says so too.
On a server whose ledger is new (a fresh clone), the first publish adopts what the
files show as published, after checking their seals, and says so in its log.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import os
import sqlite3
from collections.abc import Container, Iterable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any, NamedTuple

from .config import Config
from .errors import NewsroomError
from .model import Article
from .seal import PUBLICATIONS, SealProblem, digest, live_content, problem


class Row(NamedTuple):
    """What partners have been shown of a release: its last publication, and its retraction
    if publish has carried one since (compared field by field)."""

    version: int
    seal: str
    published: str  # ISO, UTC
    corrections: str  # digest of the correction notices
    history_len: int
    history: str  # digest of the first history_len history entries
    retracted: str = ""  # ISO, UTC, of the retraction partners were told of


def _hash(data: object) -> str:
    text = json.dumps(data, sort_keys=True, ensure_ascii=False, default=str)
    return hashlib.blake2b(text.encode("utf-8"), digest_size=16).hexdigest()


def _history_digest(article: Article, length: int) -> str:
    from .fileformat import history_record

    return _hash([history_record(h) for h in article.history[:length]])


def row_of(article: Article) -> Row | None:
    """The ledger row the file shows: its last publication, and its retraction if it was
    retracted since (None: never published)."""
    history = article.history
    last = next((i for i in range(len(history) - 1, -1, -1)
                 if history[i].action in PUBLICATIONS), None)  # fmt: skip
    if last is None or article.published is None:
        return None
    entry = history[last]
    retraction = article.retraction
    end = history.index(retraction) + 1 if retraction is not None else last + 1
    corrections = [(c.number, c.at.isoformat(), c.by, c.note) for c in article.corrections]
    return Row(
        version=entry.version or 1,
        seal=entry.seal or digest(live_content(article)),
        published=article.published.astimezone(dt.UTC).isoformat(),
        corrections=_hash(corrections),
        history_len=end,
        history=_history_digest(article, end),
        retracted=retraction.at.astimezone(dt.UTC).isoformat() if retraction else "",
    )


def compare(article: Article, confirmed: Row | None, pending: Row | None) -> SealProblem | None:
    """Whether the file agrees with what publish put out (its confirmed or pending row); a
    retraction made since publish last looked is no disagreement."""
    if confirmed is None and pending is None:
        return None
    mine = row_of(article)
    if mine is None and confirmed is None:
        return None  # a first publication a killed run left pending: it goes out again
    for known in (confirmed, pending):
        if known is not None and mine is not None and _agrees(article, mine, known):
            return None
    known = confirmed or pending
    assert known is not None
    return _disagreement(mine, known)


def _agrees(article: Article, mine: Row, known: Row) -> bool:
    """The same publication, its history kept, at most a retraction added since."""
    if mine[:4] != known[:4]:
        return False
    if (mine.history_len, mine.history, mine.retracted) == known[4:]:
        return True
    retracted_since = mine.retracted and not known.retracted
    return bool(
        retracted_since
        and mine.history_len > known.history_len
        and _history_digest(article, known.history_len) == known.history
    )


def _disagreement(mine: Row | None, known: Row) -> SealProblem:
    """Why the file and what publish put out differ, said so a person knows what to do."""
    shown = known.published[:16].replace("T", " ")
    if mine is None or mine.version < known.version:
        return problem(
            "ledger_history", f"publish put out version {known.version} of it, but the file's "
            "history does not show that: an older copy of the file was put back, or the "
            "history was rewritten (restore the file from git)",
        )  # fmt: skip
    if mine.version > known.version:
        return problem(
            "ledger_unknown", f"the file claims version {mine.version}, but publish put out "
            f"version {known.version} last: a publication publish did not make (restore the "
            "file from git)",
        )  # fmt: skip
    if known.retracted and not mine.retracted:
        return problem(
            "ledger_retraction", "partners were told it was retracted, but the file no longer "
            "says so: an older copy was put back (restore the retracted file from git)",
        )  # fmt: skip
    reasons = {
        "seal": ("ledger_text", "the published text differs from what publish put out"),
        "published": ("ledger_time", f"the publication time was changed (it went out {shown})"),
        "corrections": ("ledger_corrections", "the correction notices were changed"),
    }
    for field, (code, message) in reasons.items():
        if getattr(mine, field) != getattr(known, field):
            facts = {"when": shown} if code == "ledger_time" else {}
            return problem(code, message + " (restore the file from git)", **facts)
    return problem(
        "ledger_history", "the history up to what partners were shown was rewritten "
        "(restore the file from git)",
    )  # fmt: skip


class Ledger:
    """`.newsroom/ledger.sqlite`: one row per published release (see the module docstring).

    Lookups go to SQLite one id at a time unless `preload()` read every row first (a long
    read of many files); a forked worker inherits the preloaded rows."""

    def __init__(self, config: Config) -> None:
        self.path = config.state_dir / "ledger.sqlite"
        self._db: sqlite3.Connection | None = None
        self._pid = 0
        self._rows: dict[str, tuple[Row | None, Row | None]] | None = None
        self._since: str | None = None  # when this server took stock ("": not yet)

    def _conn(self) -> sqlite3.Connection:
        if self._db is None or self._pid != os.getpid():  # SQLite does not survive a fork
            try:
                self.path.parent.mkdir(parents=True, exist_ok=True)
                self._db = sqlite3.connect(self.path, isolation_level=None, timeout=30)
                self._pid = os.getpid()
                # Durable at each commit (FULL), with one sync a commit instead of a rollback
                # journal's several: a run commits twice (bench_publish.py, one approval).
                self._db.execute("PRAGMA journal_mode=WAL")
                self._db.execute("PRAGMA synchronous=FULL")
                self._db.execute(
                    "CREATE TABLE IF NOT EXISTS published (id TEXT PRIMARY KEY, confirmed TEXT,"
                    " pending TEXT)"
                )
                self._db.execute(
                    "CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT)"
                )
                self._db.execute(
                    "CREATE TABLE IF NOT EXISTS numbers (number TEXT PRIMARY KEY, id TEXT, at TEXT)"
                )
                self._db.execute(  # a first stock-taking's rows while files are read (stage)
                    "CREATE TEMP TABLE IF NOT EXISTS staged (id TEXT PRIMARY KEY, row TEXT)"
                )
            except (sqlite3.Error, OSError) as exc:
                self._db = None
                raise self._unusable(exc) from None
        return self._db

    def _unusable(self, exc: Exception) -> NewsroomError:
        return NewsroomError(
            f"cannot write {self.path}: {exc}; nothing was published (free some space or fix "
            "the folder's permissions, then run again)", code="cannot_write", file=self.path,
            reason=exc,
        )  # fmt: skip

    def __getstate__(self) -> dict[str, Any]:
        """A ledger handed to a spawned worker: its rows and path, not its connection."""
        return {**self.__dict__, "_db": None, "_pid": 0}

    @property
    def initialized(self) -> bool:
        """True once a publish on this server has taken stock of what is published."""
        if self._since is None:
            found = None
            if self.path.exists():
                found = self._conn().execute("SELECT value FROM meta WHERE key='since'").fetchone()
            self._since = found[0] if found else ""
        return bool(self._since)

    def mark_initialized(self, when: str) -> None:
        try:
            self._conn().execute("INSERT OR REPLACE INTO meta VALUES ('since', ?)", (when,))
        except sqlite3.Error as exc:
            raise self._unusable(exc) from None
        self._since = when

    def preload(self) -> None:
        """Read every row now (before a long read of many files, or a fork)."""
        self._rows = {}
        if not self.path.exists():
            return
        for ident, confirmed, pending in self._conn().execute("SELECT * FROM published"):
            self._rows[ident] = (_row(confirmed), _row(pending))

    def get(self, ident: str) -> tuple[Row | None, Row | None]:
        """The confirmed and pending rows of a release (None, None: never published here)."""
        if self._rows is not None:
            return self._rows.get(ident, (None, None))
        if not self.path.exists():
            return None, None
        found = (
            self._conn()
            .execute("SELECT confirmed, pending FROM published WHERE id = ?", (ident,))
            .fetchone()
        )
        return (_row(found[0]), _row(found[1])) if found else (None, None)

    def set_pending(
        self, rows: dict[str, Row], numbers: dict[str, tuple[str, str]] | None = None
    ) -> None:
        """Before the feeds are written: what this run is about to put out, and the release
        numbers it puts out for the first time (number -> (id, when)), in one transaction:
        a number in the feeds is in the ledger, and is never given to another release."""
        with self._transaction() as db:
            db.executemany(
                "INSERT INTO published VALUES (?, NULL, ?) ON CONFLICT(id) DO UPDATE SET "
                "pending = excluded.pending",
                ((i, _text(r)) for i, r in rows.items()),
            )
            db.executemany(
                "INSERT OR IGNORE INTO numbers VALUES (?, ?, ?)",
                ((n, i, at) for n, (i, at) in (numbers or {}).items()),
            )

    def numbers(self) -> dict[str, str]:
        """Every release number this server has put out: number -> the release's id."""
        if not self.path.exists():
            return {}
        return dict(self._conn().execute("SELECT number, id FROM numbers"))

    def number_of(self, ident: str) -> str:
        """The number this server put a release out with ("" if none): a run killed after
        the feeds were written gives the same one again."""
        if not self.path.exists():
            return ""
        found = (
            self._conn()
            .execute("SELECT number FROM numbers WHERE id = ? ORDER BY at LIMIT 1", (ident,))
            .fetchone()
        )
        return str(found[0]) if found else ""

    def confirm(self, rows: dict[str, Row]) -> None:
        """The files say so too: these rows are what is published now."""
        self._write(
            "INSERT OR REPLACE INTO published VALUES (?, ?, NULL)",
            ((i, _text(r)) for i, r in rows.items()),
        )

    def stage(self, rows: dict[str, Row]) -> None:
        """Rows a first stock-taking will confirm, kept in a temporary table while the files
        are read: 100,000 of them in memory took 45 MB of a cold publish's peak
        (bench_publish.py --n 100000)."""
        self._write(
            "INSERT OR REPLACE INTO temp.staged VALUES (?, ?)",
            ((i, _text(r)) for i, r in rows.items()),
        )

    def confirm_staged(self, ok: Container[str]) -> None:
        """Confirm the staged rows of the releases in `ok` (see `confirm`), and forget them."""
        with self._transaction() as db:
            ids = [i for (i,) in db.execute("SELECT id FROM temp.staged")]
            db.executemany(
                "DELETE FROM temp.staged WHERE id = ?", [(i,) for i in ids if i not in ok]
            )
            db.execute("INSERT OR REPLACE INTO published SELECT id, row, NULL FROM temp.staged")
            db.execute("DELETE FROM temp.staged")

    def confirmed_count(self) -> int:
        """How many releases the ledger knows as published."""
        try:
            found = (
                self._conn()
                .execute("SELECT COUNT(*) FROM published WHERE confirmed IS NOT NULL")
                .fetchone()
            )
        except sqlite3.Error as exc:
            raise self._unusable(exc) from None
        return int(found[0])

    def _write(self, sql: str, values: Iterable[tuple[str, str]]) -> None:
        with self._transaction() as db:
            db.executemany(sql, values)

    @contextmanager
    def _transaction(self) -> Iterator[sqlite3.Connection]:
        """One write transaction; a failure rolls it back and names the ledger. The rows
        read before (`preload`) are forgotten."""
        db = self._conn()
        try:
            db.execute("BEGIN IMMEDIATE")
            yield db
            db.execute("COMMIT")
        except sqlite3.Error as exc:
            if db.in_transaction:
                db.execute("ROLLBACK")
            raise self._unusable(exc) from None
        self._rows = None

    def close(self) -> None:
        if self._db is not None and self._pid == os.getpid():
            self._db.close()
        self._db = None


def _text(row: Row) -> str:
    return json.dumps(list(row))


def _row(text: str | None) -> Row | None:
    return Row(*json.loads(text)) if text else None


def ledger_path(config: Config) -> Path:
    return config.state_dir / "ledger.sqlite"
