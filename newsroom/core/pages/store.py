"""What the pages output keeps between runs: each release's row and the digest of the file
its page was made from, in `.newsroom/pages.sqlite`.

A run reads the digests (one small query), makes again only the pages of releases whose
file moved, and reads the rows of just the releases on the index pages it writes. The
store is dropped whole when the config, the program or the pages' format changes (every
page is then made again; unchanged bytes are not rewritten). Losing it costs one long run,
never a wrong page: pages are compared byte for byte before they are written.
"""

from __future__ import annotations

import pickle
import sqlite3
from collections.abc import Callable, Iterable

from ..config import Config
from .source import Row

_SCHEMA = """
CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT);
CREATE TABLE IF NOT EXISTS rows (id TEXT PRIMARY KEY, digest TEXT, number TEXT, kind TEXT,
                                 data BLOB);
CREATE INDEX IF NOT EXISTS rows_number ON rows (number);
CREATE INDEX IF NOT EXISTS rows_kind ON rows (kind);
"""


class PageStore:
    """Rows by release id, as of the last run that wrote pages; with this run's changes laid
    over them (`fresh` rows, `dropped` ids) until `save` writes them."""

    def __init__(self, config: Config, key: str) -> None:
        self.path = config.state_dir / "pages.sqlite"
        self.key = key
        self.fresh: dict[str, tuple[str, Row]] = {}  # id -> (digest, row)
        self.dropped: set[str] = set()
        try:
            config.state_dir.mkdir(parents=True, exist_ok=True)
            self.db = sqlite3.connect(self.path, isolation_level=None, timeout=30)
            self.db.executescript(_SCHEMA)
            found = self.db.execute("SELECT value FROM meta WHERE key = 'key'").fetchone()
            self.same = found is not None and found[0] == key
        except sqlite3.Error:  # unreadable: start again (every page is compared, then kept)
            self.db = sqlite3.connect(":memory:", isolation_level=None)
            self.db.executescript(_SCHEMA)
            self.same = False

    def digests(self) -> dict[str, str]:
        """The file digest each release's page was made from (empty: make them all)."""
        if not self.same:
            return {}
        return dict(self.db.execute("SELECT id, digest FROM rows"))

    def rows(self, ids: Iterable[str]) -> dict[str, Row]:
        """The rows of these releases, this run's changes included."""
        wanted = [i for i in ids if i not in self.dropped]
        found = {i: self.fresh[i][1] for i in wanted if i in self.fresh}
        missing = [i for i in wanted if i not in found]
        if self.same:
            for start in range(0, len(missing), 500):
                chunk = missing[start : start + 500]
                marks = ",".join("?" * len(chunk))
                query = f"SELECT id, data FROM rows WHERE id IN ({marks})"
                found.update((i, pickle.loads(d)) for i, d in self.db.execute(query, chunk))
        return found

    def numbered(self) -> list[Row]:
        """Every row with a number."""
        return self._select("number != ''", (), lambda r: bool(r.number))

    def with_numbers(self, numbers: set[str]) -> list[Row]:
        """The rows issued with these numbers."""
        marks = ",".join("?" * len(numbers))
        return self._select(f"number IN ({marks})", tuple(numbers), lambda r: r.number in numbers)

    def of_kind(self, kind: str) -> list[Row]:
        return self._select("kind = ?", (kind,), lambda r: r.kind == kind)

    def _select(
        self, condition: str, args: tuple[str, ...], keep: Callable[[Row], bool]
    ) -> list[Row]:
        """Rows matching `condition` (SQL on number, kind) and `keep` (the same, for this
        run's rows)."""
        rows: dict[str, Row] = {}
        if self.same:
            query = f"SELECT id, data FROM rows WHERE {condition}"
            rows = {i: pickle.loads(d) for i, d in self.db.execute(query, args)}
        for ident in self.dropped | set(self.fresh):
            rows.pop(ident, None)
        rows.update((i, row) for i, (_, row) in self.fresh.items() if keep(row))
        return list(rows.values())

    def put(self, ident: str, digest: str, row: Row) -> None:
        self.fresh[ident] = (digest, row)
        self.dropped.discard(ident)

    def drop(self, ident: str) -> None:
        self.dropped.add(ident)
        self.fresh.pop(ident, None)

    def save(self) -> None:
        """Write this run's changes (after the pages are in place)."""
        db = self.db
        try:
            db.execute("BEGIN")
            if not self.same:
                db.execute("DELETE FROM rows")
                db.execute("INSERT OR REPLACE INTO meta VALUES ('key', ?)", (self.key,))
            db.executemany("DELETE FROM rows WHERE id = ?", [(i,) for i in self.dropped])
            db.executemany(
                "INSERT OR REPLACE INTO rows VALUES (?, ?, ?, ?, ?)",
                [
                    (i, digest, row.number, row.kind, pickle.dumps(row, pickle.HIGHEST_PROTOCOL))
                    for i, (digest, row) in self.fresh.items()
                ],
            )
            db.execute("COMMIT")
        except sqlite3.Error:  # a full disk: the next run makes these pages again
            if db.in_transaction:
                db.execute("ROLLBACK")
            return
        self.same = True
        self.fresh, self.dropped = {}, set()

    def close(self) -> None:
        self.db.close()
