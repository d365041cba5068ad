"""What publish keeps between runs, and what it tells people about a run.

`.newsroom/publish-state.json` lets a run with nothing to do end after one scan; it also
records the last successful run and how many runs in a row have failed, which
`newsroom status` and the desk show (a publish that keeps failing must not go unseen).
The files each output owns (size and mtime: a run with nothing to do checks none moved)
are in `.newsroom/outputs.sqlite` (`OwnedFiles`), written as changes: at 100,000 releases
they are 100,000 page files, which a JSON state rewrote whole every run. The two go
together by a token both carry; a state without its files (or files without their
state) counts as no state. `.newsroom/publish.log` has one JSON line per run.
"""

from __future__ import annotations

import datetime as dt
import json
import os
import sqlite3
from collections.abc import Collection, Iterator
from pathlib import Path
from typing import Any

from ..config import Config
from ..outputs import Paths, PublishResult
from ..scan import FileStat, scan, scan_fingerprint
from ..where import PUBLISH_STATE

STATE_VERSION = 4  # 3: each output keeps its own state; 4: their files in outputs.sqlite

Files = dict[str, list[int]]  # path relative to feeds/ -> [size, mtime_ns]


def state_path(config: Config) -> Path:
    return config.state_dir / PUBLISH_STATE


def read_state(config: Config) -> dict[str, Any]:
    """The last run's state (empty when there is none or it is unreadable)."""
    try:
        data: dict[str, Any] = json.loads(state_path(config).read_text(encoding="utf-8"))
        return data
    except (OSError, ValueError):
        return {}


def nothing_to_do(
    config: Config,
    key: str,
    now: dt.datetime,
    files: list[FileStat] | None = None,
    outputs: Collection[str] = (),
    prompt: bool = True,
) -> bool:
    """True when no article file, nor the config (`key`), nor the clock's next event has
    moved since the last successful run, every output file is as that run left it, and
    each of `outputs` (the names of the outputs that write files) ran then: a newsroom
    upgraded to a program with a new output runs it at once. `prompt`: an encrypted
    signing key's passphrase can be asked (someone at a terminal)."""
    state = read_state(config)
    if state.get("version") != STATE_VERSION or state.get("failed"):
        return False
    if state.get("config") != key or not set(outputs) <= set(state.get("outputs", {})):
        return False
    if _pages_format_moved(state):
        return False
    if now >= dt.datetime.fromisoformat(state["next_event"]):
        return False
    if state.get("scan") != scan_fingerprint(files if files is not None else scan(config)):
        return False
    if not state.get("outputs", {}).get("signatures", {}).get("key") and _signs_again(
        config, prompt
    ):
        return False  # the last run could not sign (no key there, a desk without it): sign
    with OwnedFiles(config) as owned:
        try:
            return owned.token() == state.get("token") and outputs_intact(config, owned.rows())
        except sqlite3.Error:  # unreadable: not as the last run left it
            return False


def _pages_format_moved(state: dict[str, Any]) -> bool:
    """The pages' format moved since the last run (a program upgraded with new words or
    markup on its pages: PAGES_FORMAT, which the config's key does not cover): the pages
    are made again at once, not only once a release changes."""
    from ..pages import PAGES_FORMAT  # (the package's __init__ alone: no import cost)

    pages = state.get("outputs", {}).get("pages")
    return isinstance(pages, dict) and pages.get("format") != PAGES_FORMAT


def _signs_again(config: Config, prompt: bool) -> bool:
    """The newsroom signs (it has a public key), and this run finds the secret key (and,
    an encrypted one, its passphrase: `prompt` or the variable)."""
    if not (config.root / "newsroom.pub").is_file():  # keys.signs, without importing keys
        # (3 ms on every idle run of a newsroom that does not sign): one stat
        return False
    from ..signing.keys import could_sign_now

    return could_sign_now(config, prompt)


def outputs_intact(config: Config, rows: Iterator[tuple[str, int, int]]) -> bool:
    """Every listed output file still has the size and mtime the last run gave it."""
    base = str(config.feeds_dir) + os.sep  # os.stat on text: pathlib's cost shows at 10,000
    for path, size, mtime in rows:
        try:
            st = os.stat(base + path)
        except OSError:
            return False
        if st.st_size != size or st.st_mtime_ns != mtime:
            return False
    return True


class OwnedFiles:
    """The files each output owns, as the last run left them, in `.newsroom/outputs.sqlite`
    (see the module docstring). Unreadable, it holds nothing: the next run compares every
    file with what it would write, as a first run does."""

    def __init__(self, config: Config) -> None:
        self.path = config.state_dir / "outputs.sqlite"
        self.db: sqlite3.Connection | None = None
        if self.path.exists():
            self.db = self._connect()

    def __enter__(self) -> OwnedFiles:
        return self

    def __exit__(self, *_: object) -> None:
        self.close()

    def token(self) -> str | None:
        """The token of the run that wrote these files (None: no files kept)."""
        if self.db is None:
            return None
        try:
            found = self.db.execute("SELECT value FROM meta WHERE key = 'token'").fetchone()
        except sqlite3.Error:
            return None
        return str(found[0]) if found else None

    def _connect(self) -> sqlite3.Connection | None:
        """The store, made again when it is not one (it is only ever a record: losing it
        costs one run that compares every file)."""
        for _ in range(2):
            try:
                self.path.parent.mkdir(parents=True, exist_ok=True)
                db = sqlite3.connect(self.path, isolation_level=None, timeout=30)
                db.execute("PRAGMA journal_mode=WAL")  # a commit lost to a power cut: the
                db.execute("PRAGMA synchronous=NORMAL")  # tokens differ, files compared again
                db.executescript(_FILES_SCHEMA)
                return db
            except sqlite3.DatabaseError:
                self.path.unlink(missing_ok=True)
            except (sqlite3.Error, OSError):
                return None
        return None

    def rows(self) -> Iterator[tuple[str, int, int]]:
        """Every file as (path, size, mtime), one row at a time (sqlite3.Error: unreadable)."""
        if self.db is not None:
            yield from self.db.execute("SELECT path, size, mtime FROM files")

    def load(self) -> dict[str, Files]:
        """The files of each output, by output name."""
        out: dict[str, Files] = {}
        if self.db is None:
            return out
        try:
            names = [n for (n,) in self.db.execute("SELECT DISTINCT output FROM files")]
            for name in names:  # (a comprehension an output: 10,000 pages, every run)
                rows = self.db.execute("SELECT path, size, mtime FROM files WHERE output = ?",
                                       (name,))  # fmt: skip
                out[name] = {path: [size, mtime] for path, size, mtime in rows}
        except sqlite3.Error:
            return {}
        return out

    def save(self, now: dict[str, Files], before: dict[str, Files], token: str) -> None:
        """Write what changed from `before` to `now` (OSError/sqlite3.Error: the caller's
        run failed to record its state)."""
        if self.db is None:
            self.db = self._connect()
            if self.db is None:
                raise sqlite3.OperationalError("cannot be opened")
        db = self.db
        db.execute("BEGIN IMMEDIATE")
        try:
            for output in sorted(set(now) | set(before)):
                mine, old = now.get(output, {}), before.get(output, {})
                db.executemany(
                    "DELETE FROM files WHERE output = ? AND path = ?",
                    ((output, p) for p in old.keys() - mine.keys()),
                )
                # (an output hands back the lists of files it left alone; a row at a time:
                # a first run at 100,000 has 283,000, whose list held ~25 MB at the run's
                # peak, bench_phases.py)
                db.executemany(
                    "INSERT OR REPLACE INTO files VALUES (?, ?, ?, ?)",
                    ((output, p, *kept) for p, kept in mine.items()
                     if (was := old.get(p)) is not kept and was != kept),
                )  # fmt: skip
            db.execute("INSERT OR REPLACE INTO meta VALUES ('token', ?)", (token,))
            db.execute("COMMIT")
        except BaseException:
            if db.in_transaction:
                db.execute("ROLLBACK")
            raise

    def close(self) -> None:
        if self.db is not None:
            self.db.close()
            self.db = None


_FILES_SCHEMA = """
CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT);
CREATE TABLE IF NOT EXISTS files (output TEXT, path TEXT, size INTEGER, mtime INTEGER,
                                  PRIMARY KEY (output, path)) WITHOUT ROWID;
"""


def lock_path(config: Config) -> Path:
    """The publish lock: one run at a time, and nothing else that changes what it signs."""
    return config.state_dir / "publish.lock"


def wake(config: Config) -> None:
    """Make the next run do its work even when no article moved (a new signing key: every
    list is signed again, the key files copied into feeds/). Call it holding the lock."""
    from ..atomic import write_atomic

    state = read_state(config)
    if state:
        state["next_event"] = dt.datetime(1970, 1, 1, tzinfo=dt.UTC).isoformat()
        write_atomic(state_path(config), json.dumps(state, sort_keys=True).encode())


LOGGED_PATHS = 5  # paths named in a log line's list; its count says how many there were


def _some(key: str, paths: Paths | list[str]) -> dict[str, Any]:
    """A list of paths as a log line holds it: how many, and the first few, top-level files
    first (rss.xml before archive/...): a first run writes hundreds of thousands, and the
    line stays short (`publish --json` lists them all)."""
    import heapq

    each = paths.unsorted() if isinstance(paths, Paths) else paths  # (never a sorted list)
    first = heapq.nsmallest(LOGGED_PATHS, each, key=lambda p: (p.count("/"), p))
    return {key: first, f"{key}_count": len(paths)}


def log_run(config: Config, r: PublishResult, forced_clock: bool = False) -> None:
    """One JSON line per run in .newsroom/publish.log (a full disk loses the line, not the run):
    what went out, with the files written and removed counted and a few named."""
    if r.dry_run or r.busy:
        return
    line: dict[str, Any] = {
        "time": r.now.isoformat(),
        "actor": r.actor,
        "nothing_changed": r.skipped,
        "published": [p["id"] for p in r.published],
        "refused": [{"id": x.id, "code": x.code} for x in r.refused],
        "failed": r.failed,
        **_some("feeds_changed", r.written),
        **_some("removed", r.removed),
    }
    if r.notes:
        line["notes"] = r.notes
    if r.pings:  # a hub that failed is logged here (it never fails the run)
        line["websub"] = [p.to_json() for p in r.pings]
    mail_said = [w for w in r.warnings if w.startswith("mail:")]  # counts, never an address
    if r.mailed or mail_said:
        line["mail"] = {**r.mailed, **({"problems": mail_said} if mail_said else {})}
    if r.signed or r.unsigned:  # said once per run: signed with which key, or why not
        line["signed" if r.signed else "unsigned"] = r.signed or r.unsigned
    if forced_clock:
        line["clock"] = "forced"  # --now ahead of the real time: tests and backfills only
    try:
        with open(config.state_dir / "publish.log", "a", encoding="utf-8") as log:
            log.write(json.dumps(line, ensure_ascii=False) + "\n")
    except OSError as exc:
        path = config.state_dir / "publish.log"
        r.warn(f"{path}: not written: {exc.strerror}", "log_not_written", path=path,
               reason=exc.strerror or exc)  # fmt: skip
