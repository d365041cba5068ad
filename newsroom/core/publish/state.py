"""What publish keeps between runs, and what it tells people about a run.

`.newsroom/publish-state.json` lets a run with nothing to do end after one scan; it also
records the last successful run and how many runs in a row have failed, which
`newsroom status` and the desk show (a publish that keeps failing must not go unseen).
`.newsroom/publish.log` has one JSON line per run.
"""

from __future__ import annotations

import datetime as dt
import json
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from ..config import Config
from ..errors import Problem
from ..scan import FileStat, scan, scan_fingerprint

STATE_VERSION = 3  # 3: each output keeps its own state


@dataclass
class FeedChange:
    """What a subscription document gains, changes and loses in this run (by title)."""

    path: str
    gained: list[str] = field(default_factory=list)
    changed: list[str] = field(default_factory=list)
    lost: list[str] = field(default_factory=list)


@dataclass
class Move:
    """One release's way through this run: what happens to it in the feeds, and where.

    `kind`: published (its first publication), corrected (an approved correction goes
    out), retracted (the feeds carry its retraction), held (embargoed until `until`; feeds
    with embargo access get it early), changed (it changes in these feeds), gone (it
    leaves these feeds). `feeds`: the subscription documents it reaches, in plan order."""

    id: str
    title: str
    kind: str
    feeds: list[str] = field(default_factory=list)
    until: dt.datetime | None = None


@dataclass
class Refusal:
    """A release publish did not put out, and why. `withheld`: kept out of every feed (its
    live text cannot be trusted); otherwise only its new version waits (the last published
    version stays in the feeds)."""

    id: str
    title: str
    path: str
    code: str
    reason: str
    withheld: bool


@dataclass
class PublishResult:
    """What a run did; `ok` is False when a release could not be published or a file is broken."""

    now: dt.datetime
    actor: str
    dry_run: bool = False
    busy: bool = False
    skipped: bool = False
    published: list[dict[str, str]] = field(default_factory=list)
    refused: list[Refusal] = field(default_factory=list)
    failed: list[str] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)
    written: list[str] = field(default_factory=list)
    removed: list[str] = field(default_factory=list)
    documents: int = 0
    changes: list[FeedChange] = field(default_factory=list)
    moves: list[Move] = field(default_factory=list)  # each release once, with its feeds
    to_write: list[str] = field(default_factory=list)  # documents whose file must be (re)written
    warnings: list[str] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)  # what a person should know (stock taken)
    noted: list[tuple[str, int]] = field(default_factory=list)  # the same as (code, count)
    failures: int = 0  # runs in a row that did not succeed, this one included

    @property
    def ok(self) -> bool:
        return not self.failed and not self.problems and not self.refused

    def to_json(self) -> dict[str, Any]:
        return {
            "time": self.now.isoformat(),
            "actor": self.actor,
            "dry_run": self.dry_run,
            "busy": self.busy,
            "nothing_changed": self.skipped,
            "ok": self.ok,
            "published": self.published,
            "refused": [vars(r) for r in self.refused],
            "failed": self.failed,
            "problems": [str(p) for p in self.problems],
            "written": self.written,
            "removed": self.removed,
            "documents": self.documents,
            "changes": [vars(c) for c in self.changes if c.gained or c.changed or c.lost],
            "releases": [
                {**vars(m), "until": m.until.isoformat() if m.until else None} for m in self.moves
            ],
            "to_write": self.to_write,
            "warnings": self.warnings,
            "notes": self.notes,
        }


def state_path(config: Config) -> Path:
    return config.state_dir / "publish-state.json"


def read_state(config: Config) -> dict[str, Any]:
    """The last run's state (empty when there is none or it is unreadable)."""
    try:
        data: dict[str, Any] = json.loads(state_path(config).read_text(encoding="utf-8"))
        return data
    except (OSError, ValueError):
        return {}


def nothing_to_do(
    config: Config, key: str, now: dt.datetime, files: list[FileStat] | None = None
) -> bool:
    """True when no article file, nor the config (`key`), nor the clock's next event has
    moved since the last successful run, and every output file is as that run left it."""
    state = read_state(config)
    if state.get("version") != STATE_VERSION or state.get("failed"):
        return False
    if state.get("config") != key:
        return False
    if now >= dt.datetime.fromisoformat(state["next_event"]):
        return False
    if state.get("scan") != scan_fingerprint(files if files is not None else scan(config)):
        return False
    return outputs_intact(config, state.get("files", {}))


def outputs_intact(config: Config, outputs: dict[str, list[int]]) -> bool:
    """Every listed output file still has the size and mtime the last run gave it."""
    feeds = config.feeds_dir
    for path, (size, mtime) in outputs.items():
        try:
            st = (feeds / path).stat()
        except OSError:
            return False
        if st.st_size != size or st.st_mtime_ns != mtime:
            return False
    return True


def log_run(config: Config, r: PublishResult, forced_clock: bool = False) -> None:
    """One JSON line per run in .newsroom/publish.log (a full disk loses the line, not the run)."""
    if r.dry_run or r.busy:
        return
    line: dict[str, Any] = {
        "time": r.now.isoformat(),
        "actor": r.actor,
        "nothing_changed": r.skipped,
        "published": [p["id"] for p in r.published],
        "refused": [{"id": x.id, "code": x.code} for x in r.refused],
        "failed": r.failed,
        "feeds_changed": r.written,
        "removed": r.removed,
    }
    if r.notes:
        line["notes"] = r.notes
    if forced_clock:
        line["clock"] = "forced"  # --now ahead of the real time: tests and backfills only
    try:
        with open(config.state_dir / "publish.log", "a", encoding="utf-8") as log:
            log.write(json.dumps(line, ensure_ascii=False) + "\n")
    except OSError as exc:
        r.warnings.append(f"{config.state_dir / 'publish.log'}: not written: {exc.strerror}")
