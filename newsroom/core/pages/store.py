"""What the pages output keeps between runs: each release's row and the digest of the file
its page was made from, in `.newsroom/pages.sqlite`.

A run reads the digests (one small query), makes again only the pages of releases whose
file moved, and reads the rows of just the releases on the index pages it writes. The
store is dropped whole when the config, the program or the pages' format changes (every
page is then made again; unchanged bytes are not rewritten). Losing it costs one long run,
never a wrong page: pages are compared byte for byte before they are written.
"""

from __future__ import annotations

import contextlib
import pickle
import sqlite3
from collections.abc import Iterable, Iterator, Sequence
from typing import Any

from ..config import Config
from ..errors import NewsroomError
from .source import Row

_SCHEMA = """
CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT);
CREATE TABLE IF NOT EXISTS rows (id TEXT PRIMARY KEY, digest TEXT, number TEXT, kind TEXT,
                                 data BLOB);
CREATE INDEX IF NOT EXISTS rows_number ON rows (number);
CREATE INDEX IF NOT EXISTS rows_kind ON rows (kind);
CREATE INDEX IF NOT EXISTS rows_digest ON rows (id, digest);
CREATE TABLE IF NOT EXISTS premade (id TEXT, digest TEXT, tmp TEXT);
"""


BATCH = 500  # rows written to the database at a time
# (with the row pickled by its worker: benchmarks/bench_phases.py under valgrind, 3,000
# releases, this process 5.16 -> 4.97 G instructions, its workers about the same)


def pickled(row: Row) -> bytes:
    """A row as the store keeps it."""
    return pickle.dumps(row, pickle.HIGHEST_PROTOCOL)


class PageStore:
    """Rows by release id, as of the last run that wrote pages. This run's changes go into
    the database at once, inside a transaction that `save` commits (after the pages are in
    place) and `close` otherwise rolls back: a first run's 100,000 rows are never held in
    memory, and every query sees them."""

    def __init__(self, config: Config, key: str) -> None:
        self.path = config.state_dir / "pages.sqlite"
        self.key = key
        self.made: set[str] = set()  # releases whose row this run wrote
        # rows and premade pages not yet in the database: written BATCH at a time (a first
        # run's parent puts 93,000 of each while two workers read; `_flush` before any read)
        self._rows: list[tuple[str, str, str, str, bytes]] = []
        self._premade: list[tuple[str, str, str | None]] = []
        try:
            config.state_dir.mkdir(parents=True, exist_ok=True)
            self.db = sqlite3.connect(self.path, isolation_level=None, timeout=30)
            # a record, not the pages: a commit lost to a power cut makes pages again
            self.db.execute("PRAGMA journal_mode=WAL")
            self.db.execute("PRAGMA synchronous=NORMAL")
            self.db.executescript(_SCHEMA)
            found = self.db.execute("SELECT value FROM meta WHERE key = 'key'").fetchone()
            self.same = found is not None and found[0] == key
        except sqlite3.Error:  # unreadable: start again (every page is compared, then kept)
            self.db = sqlite3.connect(":memory:", isolation_level=None)
            self.db.executescript(_SCHEMA)
            self.same = False

    def digests(self) -> dict[str, str]:
        """The file digest each release's page was made from (empty: make them all)."""
        self._flush()
        if not self.same:
            return {}
        # (answered from the index `rows_digest` alone, not the pickled rows: 10,000
        # digests 8-14 -> 4 ms, bench_publish.py's one approval)
        return dict(self.db.execute("SELECT id, digest FROM rows"))

    @property
    def _readable(self) -> bool:
        """The rows are this key's: kept from a run with the same key, or this run's."""
        return self.same or self.db.in_transaction

    def rows(self, ids: Iterable[str]) -> dict[str, Row]:
        """The rows of these releases, this run's changes included."""
        self._flush()
        wanted = list(ids) if self._readable else []
        found: dict[str, Row] = {}
        for start in range(0, len(wanted), 500):
            chunk = wanted[start : start + 500]
            marks = ",".join("?" * len(chunk))
            query = f"SELECT id, data FROM rows WHERE id IN ({marks})"
            found.update((i, pickle.loads(d)) for i, d in self.db.execute(query, chunk))
        return found

    def numbered(self) -> list[Row]:
        """Every row with a number."""
        return self._select("number != ''", ())

    def with_numbers(self, numbers: set[str]) -> list[Row]:
        """The rows issued with these numbers."""
        marks = ",".join("?" * len(numbers))
        return self._select(f"number IN ({marks})", tuple(numbers))

    def of_kind(self, kind: str) -> list[Row]:
        return self._select("kind = ?", (kind,))

    def _select(self, condition: str, args: tuple[str, ...]) -> list[Row]:
        """Rows matching `condition` (SQL on number, kind)."""
        self._flush()
        if not self._readable:
            return []
        query = f"SELECT data FROM rows WHERE {condition}"
        return [pickle.loads(d) for (d,) in self.db.execute(query, args)]

    def _write(self, sql: str, args: Sequence[Any] = (), many: bool = False) -> None:
        """One change in this run's transaction (the first starts it: a first run, or a
        new key, starts from no row), or, `many`, the same change for each of `args`. A
        full disk stops the run, named."""
        try:
            if not self.db.in_transaction:
                self.db.execute("BEGIN IMMEDIATE")
                if not self.same:
                    self.db.execute("DELETE FROM rows")
                    self.db.execute("INSERT OR REPLACE INTO meta VALUES ('key', ?)", (self.key,))
            if sql and many:
                self.db.executemany(sql, args)
            elif sql:
                self.db.execute(sql, args)
        except sqlite3.Error as exc:
            raise NewsroomError(
                f"{self.path}: cannot be written ({exc}); nothing was published (free some "
                "space, then run again)"
            ) from None

    def put(self, ident: str, digest: str, row: Row) -> None:
        self.put_pickled(ident, digest, row.number, row.kind, pickled(row))

    def put_pickled(self, ident: str, digest: str, number: str, kind: str, data: bytes) -> None:
        """`put` of a row already pickled (`pickled`: by the worker that made it)."""
        self._rows.append((ident, digest, number, kind, data))
        self.made.add(ident)
        if len(self._rows) >= BATCH:
            self._flush()

    def premake(self, ident: str, digest: str, tmp: str | None) -> None:
        """A page made while the files were read, staged at `tmp` (None: already there)."""
        self._premade.append((ident, digest, tmp))
        if len(self._premade) >= BATCH:
            self._flush()

    def _flush(self) -> None:
        """Write the rows and premade pages put since the last flush, in order."""
        if self._rows:
            rows, self._rows = self._rows, []
            self._write("INSERT OR REPLACE INTO rows VALUES (?, ?, ?, ?, ?)", rows, many=True)
        if self._premade:
            premade, self._premade = self._premade, []
            self._write("INSERT INTO premade VALUES (?, ?, ?)", premade, many=True)

    def premade(self) -> Iterator[tuple[str, str, str | None, bool]]:
        """The pages made while the files were read: (id, digest, temporary, last made
        for this id: a file that repeats another's id made one too), once; then forgotten."""
        self._flush()
        if not self.db.in_transaction:
            return
        query = "SELECT id, digest, tmp FROM premade ORDER BY id, rowid"
        previous: tuple[str, str, str | None] | None = None
        for row in self.db.execute(query):
            if previous is not None:
                yield (*previous, row[0] != previous[0])
            previous = row
        if previous is not None:
            yield (*previous, True)
        self.db.execute("DELETE FROM premade")

    def drop(self, ident: str) -> None:
        self._flush()
        self._write("DELETE FROM rows WHERE id = ?", (ident,))
        self.made.discard(ident)

    def save(self) -> None:
        """Keep this run's changes (after the pages are in place)."""
        try:
            self._flush()
            self._write("")  # a first run with no page still records its key
            self.db.execute("COMMIT")
        except (sqlite3.Error, NewsroomError):  # a full disk: the next run makes them again
            if self.db.in_transaction:
                self.db.execute("ROLLBACK")
            return
        self.same = True
        self.made = set()

    def close(self) -> None:
        """Forget changes not saved (a run that wrote nothing), and close (once)."""
        self._rows, self._premade = [], []
        with contextlib.suppress(sqlite3.ProgrammingError):  # (closed already)
            if self.db.in_transaction:
                self.db.execute("ROLLBACK")
        self.db.close()
