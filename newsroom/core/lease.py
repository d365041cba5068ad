"""Lease locks: who is editing a release right now, so two editors never silently collide.

A lease is a small JSON file `.newsroom/leases/<id>.json` (holder, host, when taken,
when it expires). The editor renews it while editing and removes it on leaving;
a lease not renewed expires by itself (a closed laptop never blocks the desk).
Someone else's live lease refuses edits unless they take it over explicitly.
"""

from __future__ import annotations

import datetime as dt
import json
import os
import socket
from dataclasses import asdict, dataclass
from pathlib import Path

from .atomic import bucket_lock, write_atomic
from .config import Config
from .confine import inside
from .errors import Refused

LEASE_SECONDS = 300
RENEW_SECONDS = 60


@dataclass(frozen=True)
class Lease:
    """Who holds a release, from where, until when."""

    article_id: str
    holder: str
    host: str
    pid: int
    taken: str
    expires: str

    def expiry(self) -> dt.datetime:
        return dt.datetime.fromisoformat(self.expires)

    def live(self, now: dt.datetime) -> bool:
        return now < self.expiry()


class LeaseHeld(Refused):
    """Someone else is editing this release."""

    def __init__(self, lease: Lease, tz: dt.tzinfo) -> None:
        until = lease.expiry().astimezone(tz).strftime("%H:%M")
        super().__init__(
            f"being edited by {lease.holder} on {lease.host} (until {until} "
            "unless renewed); to edit anyway, take it over: press e in the desk, "
            "or `newsroom edit --take-over REF`",
            code="lease_held",
            holder=lease.holder,
            until=until,
        )
        self.lease = lease


def _folder(config: Config) -> Path:
    return config.state_dir / "leases"


def _path(config: Config, article_id: str, suffix: str = ".json") -> Path:
    """The release's lease file (or its lock), never outside the leases folder."""
    return inside(_folder(config), f"{article_id}{suffix}")


def current(config: Config, article_id: str, now: dt.datetime) -> Lease | None:
    """The live lease on a release, if any."""
    path = _path(config, article_id)
    try:
        lease = Lease(**json.loads(path.read_text(encoding="utf-8")))
    except (OSError, ValueError, TypeError):
        return None
    return lease if lease.live(now) else None


def all_live(config: Config, now: dt.datetime) -> dict[str, Lease]:
    """Every live lease, by release id (for the desk's 'being edited' marks)."""
    leases: dict[str, Lease] = {}
    folder = _folder(config)
    if not folder.is_dir():
        return leases
    for path in folder.glob("*.json"):
        lease = current(config, path.stem, now)
        if lease is not None:
            leases[lease.article_id] = lease
    return leases


def acquire(
    config: Config, article_id: str, holder: str, now: dt.datetime, *, take_over: bool = False
) -> Lease:
    """Take (or renew) the lease; LeaseHeld if someone else holds a live one."""
    folder = _folder(config)
    folder.mkdir(parents=True, exist_ok=True)
    with bucket_lock(folder, article_id, timeout=5):
        other = current(config, article_id, now)
        if other is not None and other.holder != holder and not take_over:
            raise LeaseHeld(other, config.tz)
        lease = Lease(
            article_id,
            holder,
            socket.gethostname(),
            os.getpid(),
            now.isoformat(),
            (now + dt.timedelta(seconds=LEASE_SECONDS)).isoformat(),
        )
        write_atomic(_path(config, article_id), json.dumps(asdict(lease)).encode())
    return lease


def release(config: Config, article_id: str, holder: str) -> None:
    """Give the lease back (only one's own)."""
    path = _path(config, article_id)
    try:
        lease = Lease(**json.loads(path.read_text(encoding="utf-8")))
    except (OSError, ValueError, TypeError):
        return
    if lease.holder == holder:
        path.unlink(missing_ok=True)


def check_free(config: Config, article_id: str, holder: str, now: dt.datetime) -> None:
    """Refuse (LeaseHeld) when someone else is editing the release right now."""
    other = current(config, article_id, now)
    if other is not None and other.holder != holder:
        raise LeaseHeld(other, config.tz)
