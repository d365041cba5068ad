"""The send log: every message owed to every address, and what became of it.

`.newsroom/mail/sendlog.sqlite` (0600: it holds journalists' addresses, which never
reach feeds/, logs or git). One row per event (`events`, with the message's bytes once
built, so a message sent again is the same message) and one per address and version
(`sends`: an address receives a version once, whichever list or embargo brought it).

A send's states: `queued` → `sending` (written, synced, before the message is handed to
the server) → `sent` (after the server took it), or back to `queued` with the error (4xx,
a dropped connection: sent again by a later run), or `failed` (5xx: refused for good, the
rest go on). A run that finds a row `sending` (under the mail lock, so its sender died)
cannot know whether the server took it: it is queued again, the one message whose fate
is unknown, and goes with the same Message-ID. `skipped` rows were owed when mail was
off for the run (`publish --no-mail`); `baseline` events were already out when this
server first sent mail (a fresh clone never mails old releases).
"""

from __future__ import annotations

import datetime as dt
import json
import os
import sqlite3
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from ..config import Config
from ..errors import Said

if TYPE_CHECKING:
    from .events import Event

QUEUED, SENDING, SENT, FAILED, SKIPPED = "queued", "sending", "sent", "failed", "skipped"
BASELINE = "baseline"
GIVE_UP_AFTER = dt.timedelta(days=2)  # a 4xx that lasts this long is a failure

_SCHEMA = """
CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT);
CREATE TABLE IF NOT EXISTS events (
    key TEXT PRIMARY KEY, release TEXT, path TEXT, version INTEGER, kind TEXT, thread TEXT,
    moment TEXT, state TEXT, noted TEXT, message BLOB);
CREATE TABLE IF NOT EXISTS sends (
    thread TEXT, address TEXT, event TEXT, list TEXT, display TEXT, state TEXT,
    attempts INTEGER DEFAULT 0, error TEXT DEFAULT '', queued TEXT, updated TEXT,
    PRIMARY KEY (thread, address));
CREATE INDEX IF NOT EXISTS sends_state ON sends (state);
"""


# a send a run could not hand over (a server out of reach, a 4xx): the next run tries again
_WAITS_AFTER_ERROR = f"(state='{QUEUED}' AND error != '')"

# why a send is queued again after a run died while handing it to the server
RESENT = Said("sent again: the last run stopped while handing it to the server", "mail_resent")


def _kept(error: str) -> str:
    """The code and facts of an error made with them (errors.Said), as the log keeps them,
    with its text: a version that knows no `said` column rewrites `error` alone."""
    code = getattr(error, "code", "")
    kept = [code, getattr(error, "facts", {}), str(error)]
    return json.dumps(kept, ensure_ascii=False) if code else ""


def _said(error: str, kept: str | None) -> str:
    """An error as the log kept it: with its code and facts again when they are still its
    own (an older version's `mark` leaves another error's beside its text)."""
    try:
        code, facts, text = json.loads(kept) if kept else ("", {}, "")
    except (ValueError, TypeError):  # (a row someone edited: its English text)
        return error
    return Said.of(error, code, facts) if code and text == error else error


def mail_waiting(config: Config) -> int:
    """Messages the send log holds after a run could not hand them to the server (`newsroom
    status`, the desk's banner, a preview: the next run tries again); one stat when none
    waits (the desk asks often)."""
    if not config.lists or not pending_mark(config).exists():
        return 0
    path = mail_dir(config) / "sendlog.sqlite"
    try:  # read only: a reader never makes, migrates or locks the log
        db = sqlite3.connect(f"{path.as_uri()}?mode=ro", uri=True)
    except sqlite3.Error:  # (mail status says what is wrong with the log)
        return 0
    try:
        (n,) = db.execute(f"SELECT COUNT(*) FROM sends WHERE {_WAITS_AFTER_ERROR}").fetchone()
        return int(n)
    except sqlite3.Error:
        return 0
    finally:
        db.close()


def add_said(db: sqlite3.Connection) -> None:
    """The `said` column, on a log made before it (another process may add it first)."""
    try:
        db.execute("ALTER TABLE sends ADD COLUMN said TEXT DEFAULT ''")
    except sqlite3.OperationalError as exc:
        if "duplicate column" not in str(exc):
            raise


def mail_dir(config: Config) -> Path:
    return config.state_dir / "mail"


def pending_mark(config: Config) -> Path:
    """A file that exists while messages wait: a publish with nothing to do looks for it
    (one stat) and sends them."""
    return mail_dir(config) / "pending"


@dataclass(frozen=True)
class Send:
    thread: str
    address: str
    event: str
    list: str
    display: str
    state: str
    attempts: int
    error: str
    queued: str


class SendLog:
    """The log of one newsroom (see the module docstring)."""

    def __init__(self, config: Config) -> None:
        self.config = config
        folder = mail_dir(config)
        folder.mkdir(parents=True, exist_ok=True, mode=0o700)
        path = folder / "sendlog.sqlite"
        fresh = not path.exists()
        if fresh:  # created private before anything is written to it
            os.close(os.open(path, os.O_CREAT | os.O_WRONLY, 0o600))
        self.db = sqlite3.connect(path, timeout=30, isolation_level=None)
        self.db.execute("PRAGMA journal_mode=WAL")
        self.db.execute("PRAGMA synchronous=FULL")  # a row written is a row kept
        self.db.executescript(_SCHEMA)
        columns = {row[1] for row in self.db.execute("PRAGMA table_info(sends)")}
        if "said" not in columns:  # a log made before errors kept their code (2026-12-03):
            add_said(self.db)  # its rows read as their English text

    def close(self) -> None:
        self.db.close()

    # ------------------------------------------------------------ what is owed

    @property
    def initialized(self) -> bool:
        row = self.db.execute("SELECT value FROM meta WHERE key='initialized'").fetchone()
        return row is not None

    def known(self) -> set[str]:
        """The keys of every event the log holds."""
        return {k for (k,) in self.db.execute("SELECT key FROM events")}

    def record(
        self,
        events: Iterable[tuple[Event, str]],
        state: str,
        now: dt.datetime,
        sends: Iterable[tuple[Event, str, str, str]] = (),
        *,
        initialize: bool = False,
        retire: Iterable[tuple[str, str]] = (),
    ) -> None:
        """Note `events` (with their release's file) in `state`, and the sends they owe
        (event, list, address, display), in one transaction; `retire` renames threads (old,
        new) so that they no longer hold back a version from those who had them,
        in one transaction; a send of a version an address already has is left out."""
        stamp = now.isoformat()
        with self._transaction():
            self.db.executemany(
                "INSERT OR IGNORE INTO events (key, release, path, version, kind, thread, "
                "moment, state, noted) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
                [(e.key, e.release, path, e.version, e.kind, e.thread,
                  e.moment.isoformat() if e.moment else None, state, stamp)
                 for e, path in events],
            )  # fmt: skip
            send_state = QUEUED if state == QUEUED else SKIPPED
            self.db.executemany(
                "INSERT OR IGNORE INTO sends (thread, address, event, list, display, state, "
                "queued, updated) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
                [(e.thread, address.casefold(), e.key, name, display, send_state, stamp,
                  stamp) for e, name, address, display in sends],
            )  # fmt: skip
            self.db.executemany("UPDATE sends SET thread=? WHERE thread=?",
                                [(new, old) for old, new in retire])  # fmt: skip
            if initialize:
                self.db.execute("INSERT OR REPLACE INTO meta VALUES ('initialized', ?)", (stamp,))

    def last_embargo(self) -> dict[str, str]:
        """By release: the key of the last embargo event the log noted for it."""
        rows = self.db.execute(
            "SELECT release, key FROM events WHERE kind IN ('embargoed', 'embargo_moved') "
            "ORDER BY noted, rowid"
        ).fetchall()
        return dict(rows)

    def receivers(self, thread: str) -> list[tuple[str, str, str]]:
        """Who was given `thread` (or waits for it): (list, address, display)."""
        return self.db.execute(
            "SELECT list, address, display FROM sends WHERE thread=? AND state IN (?, ?, ?) "
            "ORDER BY rowid",
            (thread, SENT, QUEUED, SENDING),
        ).fetchall()

    # ------------------------------------------------------------ sending

    def recover(self) -> int:
        """Sends a dead sender left `sending` (their fate unknown): queued again. Call only
        under the mail lock."""
        with self._transaction():
            cursor = self.db.execute(
                "UPDATE sends SET state=?, error=?, said=? WHERE state=?",
                (QUEUED, RESENT, _kept(RESENT), SENDING),
            )
        return cursor.rowcount

    def queued(self) -> list[Send]:
        """Sends that wait, in the order they were owed (an error kept with its code and
        facts is an errors.Said again, as `problems` gives it)."""
        return self._sends("state=? ORDER BY queued, event, rowid", (QUEUED,))

    def _sends(self, where: str, args: tuple[str, ...]) -> list[Send]:
        rows = self.db.execute(
            "SELECT thread, address, event, list, display, state, attempts, error, queued, "
            "said FROM sends WHERE " + where,
            args,
        ).fetchall()
        return [
            Send(thread, address, event, name, display, state, attempts, _said(error, said), queued)
            for thread, address, event, name, display, state, attempts, error, queued, said in rows
        ]

    def message(self, event: str) -> tuple[bytes | None, str]:
        """The event's built message (None: not built yet), and its release's file."""
        row = self.db.execute("SELECT message, path FROM events WHERE key=?", (event,)).fetchone()
        return row[0], row[1]

    def event(self, key: str) -> Event:
        row = self.db.execute(
            "SELECT key, release, version, kind, thread, moment FROM events WHERE key=?", (key,)
        ).fetchone()
        moment = dt.datetime.fromisoformat(row[5]) if row[5] else None
        from .events import Event

        return Event(row[0], row[1], row[2], row[3], row[4], moment)

    def keep_message(self, event: str, data: bytes) -> None:
        with self._transaction():
            self.db.execute("UPDATE events SET message=? WHERE key=?", (data, event))

    def mark(self, send: Send, state: str, now: dt.datetime, error: str = "",
             attempt: bool = False) -> None:  # fmt: skip
        """A send's new state, durable before this returns (`error`: why it failed or
        waits; one made with its code and facts, errors.Said, keeps them)."""
        with self._transaction():
            self.db.execute(
                "UPDATE sends SET state=?, error=?, said=?, attempts=attempts+?, updated=? "
                "WHERE thread=? AND address=?",
                (state, error, _kept(error), int(attempt), now.isoformat(), send.thread,
                 send.address),
            )  # fmt: skip

    def note_waiting(self, error: str, now: dt.datetime) -> None:
        """Every queued send: still queued (no attempt counted), with why nothing went (the
        server could not be reached or was not trusted), for `newsroom mail status`."""
        with self._transaction():
            self.db.execute(
                "UPDATE sends SET error=?, said=?, updated=? WHERE state=?",
                (error, _kept(error), now.isoformat(), QUEUED),
            )

    def note_untried(self, error: str, now: dt.datetime) -> None:
        """The queued sends this run did not get to (a dropped connection): why they wait,
        where no other reason is noted."""
        with self._transaction():
            self.db.execute(
                "UPDATE sends SET error=?, said=?, updated=? WHERE state=? AND error=''",
                (error, _kept(error), now.isoformat(), QUEUED),
            )

    def fail_event(self, event: str, error: str, now: dt.datetime) -> int:
        """Every queued send of an event that cannot be built: failed, with why."""
        with self._transaction():
            cursor = self.db.execute(
                "UPDATE sends SET state=?, error=?, said=?, updated=? WHERE event=? AND state=?",
                (FAILED, error, _kept(error), now.isoformat(), event, QUEUED),
            )
        return cursor.rowcount

    # ------------------------------------------------------------ what people are shown

    def counts(self) -> dict[str, dict[str, int]]:
        """By event key: how many sends are in each state."""
        out: dict[str, dict[str, int]] = {}
        for event, state, n in self.db.execute(
            "SELECT event, state, COUNT(*) FROM sends GROUP BY event, state"
        ):
            out.setdefault(event, {})[state] = n
        return out

    def events(self) -> list[tuple[str, str, int, str, str, str]]:
        """Every event that owes or owed sends: key, release, version, kind, moment, state."""
        return self.db.execute(
            "SELECT key, release, version, kind, moment, state FROM events WHERE state != ? "
            "ORDER BY noted, key",
            (BASELINE,),
        ).fetchall()

    def problems(self) -> list[Send]:
        """Sends that failed, or wait after an error: with their addresses (for the office);
        an error kept with its code and facts is an errors.Said again."""
        return self._sends(f"state=? OR {_WAITS_AFTER_ERROR} ORDER BY event, address", (FAILED,))

    def baseline_count(self) -> int:
        (n,) = self.db.execute("SELECT COUNT(*) FROM events WHERE state=?", (BASELINE,)).fetchone()
        return int(n)

    def _transaction(self) -> _Transaction:
        return _Transaction(self.db)


class _Transaction:
    """BEGIN IMMEDIATE … COMMIT (ROLLBACK on an error): one durable step."""

    def __init__(self, db: sqlite3.Connection) -> None:
        self.db = db

    def __enter__(self) -> None:
        self.db.execute("BEGIN IMMEDIATE")

    def __exit__(self, kind: object, value: object, tb: object) -> None:
        self.db.execute("COMMIT" if kind is None else "ROLLBACK")
