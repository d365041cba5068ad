"""What publish keeps between runs, and what it tells people about a run.

`.newsroom/publish-state.json` lets a run with nothing to do end after one scan; it also
records the last successful run and how many runs in a row have failed, which
`newsroom status` and the desk show (a publish that keeps failing must not go unseen).
`.newsroom/publish.log` has one JSON line per run.
"""

from __future__ import annotations

import datetime as dt
import json
import os
from pathlib import Path
from typing import Any

from ..config import Config
from ..outputs import PublishResult
from ..scan import FileStat, scan, scan_fingerprint

STATE_VERSION = 3  # 3: each output keeps its own state


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
    base = str(config.feeds_dir) + os.sep  # os.stat on text: pathlib's cost shows at 10,000
    for path, (size, mtime) in outputs.items():
        try:
            st = os.stat(base + path)
        except OSError:
            return False
        if st.st_size != size or st.st_mtime_ns != mtime:
            return False
    return True


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
        r.warnings.append(f"{config.state_dir / 'publish.log'}: not written: {exc.strerror}")
