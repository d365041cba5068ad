"""The documents a first run made while it read the files (`NinjsHook`), kept on disk until
the run stages them: at 100,000 releases the parent held 250 MB of them in a dict
(benchmarks/bench_phases.py's peak of the process tree, docs/performance.md "ninjs at 100,000")."""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from pathlib import Path

BATCH = 500  # rows written at a time


class Made:
    """Each release's documents as the hook made them: (id, digest, the files it owns, the
    staged ones as (path, temporary), an error), in a temporary SQLite database (its own
    file, gone when closed: a killed run leaves nothing but the temporaries, which a run
    sweeps). A file that repeats another's id made documents too: the last one read wins."""

    def __init__(self) -> None:
        self.db: sqlite3.Connection | None = None
        # rows not yet written: BATCH at a time (the parent adds one for each release while
        # two workers read; `_flush` before any read)
        self._pending: list[tuple[str, str, str, str, str]] = []

    def add(
        self, ident: str, digest: str, files: list[str], temps: list[tuple[str, str]], error: str
    ) -> None:
        if self.db is None:
            self.db = sqlite3.connect("", isolation_level=None)  # "": a temporary file
            self.db.execute("PRAGMA journal_mode=OFF")
            self.db.execute("PRAGMA synchronous=OFF")
            self.db.execute(
                "CREATE TABLE made (id TEXT, digest TEXT, files TEXT, temps TEXT, error TEXT)"
            )
            self.db.execute("BEGIN")
        staged = "\n".join(f"{path}\t{tmp}" for path, tmp in temps)
        self._pending.append((ident, digest, "\n".join(files), staged, error))
        if len(self._pending) >= BATCH:
            self._flush()

    def _flush(self) -> None:
        if self._pending and self.db is not None:
            pending, self._pending = self._pending, []
            self.db.executemany("INSERT INTO made VALUES (?, ?, ?, ?, ?)", pending)

    def __len__(self) -> int:
        self._flush()
        if self.db is None:
            return 0
        count: int = self.db.execute("SELECT count(*) FROM made").fetchone()[0]
        return count

    def digests(self) -> Iterator[tuple[str, str]]:
        """(id, digest) of each release's last documents."""
        for ident, digest, *_ in self._rows(False):
            yield ident, digest

    def take(self) -> Iterator[tuple[str, str, list[str], list[tuple[str, str]], str, bool]]:
        """Every row by id (so by bucket), in the order read: (id, digest, files, staged,
        error, last: False for an earlier one of two files with one id)."""
        for ident, digest, files, temps, error, last in self._rows(True):
            pairs = [(p, t) for line in temps.split("\n") if line for p, t in [line.split("\t")]]
            yield ident, digest, files.split("\n") if files else [], pairs, error, last

    def _rows(self, every: bool) -> Iterator[tuple[str, str, str, str, str, bool]]:
        self._flush()
        if self.db is None:
            return
        query = "SELECT id, digest, files, temps, error FROM made ORDER BY id, rowid"
        previous: tuple[str, str, str, str, str] | None = None
        for row in self.db.execute(query):
            if previous is not None and (every or row[0] != previous[0]):
                yield (*previous, row[0] != previous[0])
            previous = row
        if previous is not None:
            yield (*previous, True)

    def discard(self) -> None:
        """Remove every staged temporary (a run that does not write them), and forget."""
        for _, _, _, temps, _, _ in self.take():
            for _, tmp in temps:
                Path(tmp).unlink(missing_ok=True)
        self.close()

    def close(self) -> None:
        self._pending = []
        if self.db is not None:
            self.db.close()
            self.db = None
