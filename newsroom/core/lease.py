"""Lease locks: who is editing a release right now, so two editors never silently collide.

A lease is a small JSON file `.newsroom/leases/<id>.json` (holder, host, when taken,
when it expires). The editor renews it while editing and removes it on leaving;
a lease not renewed expires by itself (a closed laptop never blocks the desk).
Someone else's live lease refuses edits unless they take it over explicitly.

With [git] on, a lease is also shared with the other offices as a ref of its own
(vcs/leases.py): their leases count here as this machine's do, the one taken last
winning, so a take-over on another machine is seen at the next sync.
"""

from __future__ import annotations

import datetime as dt
import json
import os
import socket
from collections.abc import Callable
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
    """Someone else is editing this release: who (their name from [people]), until when,
    and the command that takes it over, with the release's id."""

    def __init__(self, lease: Lease, config: Config) -> None:
        from .identity import display_name

        until = lease.expiry().astimezone(config.tz).strftime("%H:%M")
        name, ref = display_name(config, lease.holder), lease.article_id[:8]
        super().__init__(
            f"being edited by {name} on {lease.host} (until {until} "
            "unless renewed); to edit anyway, take it over: press e in the desk, "
            f"or `newsroom edit --take-over {ref}`",
            code="lease_held",
            holder=lease.holder,
            name=name,
            until=until,
            ref=ref,
        )
        self.lease = lease


def _folder(config: Config) -> Path:
    return config.state_dir / "leases"


def _path(config: Config, article_id: str, suffix: str = ".json") -> Path:
    """The release's lease file (or its lock), never outside the leases folder."""
    return inside(_folder(config), f"{article_id}{suffix}")


def current(config: Config, article_id: str, now: dt.datetime) -> Lease | None:
    """The live lease on a release, if any (another office's too, with [git] on)."""
    lease = _local(config, article_id, now)
    if config.git:
        lease = _latest(lease, _elsewhere(config, now).get(article_id))
    return lease


def _local(config: Config, article_id: str, now: dt.datetime) -> Lease | None:
    path = _path(config, article_id)
    try:
        lease = Lease(**json.loads(path.read_text(encoding="utf-8")))
    except (OSError, ValueError, TypeError):
        return None
    return lease if lease.live(now) else None


def _elsewhere(config: Config, now: dt.datetime) -> dict[str, Lease]:
    """Other offices' live leases as of the last sync (vcs/leases.py)."""
    from .errors import GitError
    from .vcs.leases import elsewhere

    try:
        shared = elsewhere(config, now)
    except GitError:  # not a clone yet: there is nobody else to see
        return {}
    found = {}
    for ident, row in shared.items():
        try:
            found[ident] = Lease(**{k: row[k] for k in Lease.__dataclass_fields__})
        except (KeyError, TypeError):
            continue
    return found


def _latest(mine: Lease | None, other: Lease | None) -> Lease | None:
    """Of two live leases on one release, the one taken last (a take-over wins)."""
    if mine is None or other is None:
        return mine or other
    taken = dt.datetime.fromisoformat
    return other if taken(other.taken) > taken(mine.taken) else mine


def all_live(config: Config, now: dt.datetime) -> dict[str, Lease]:
    """Every live lease, by release id (for the desk's 'being edited' marks)."""
    leases: dict[str, Lease] = {}
    folder = _folder(config)
    if folder.is_dir():
        for path in folder.glob("*.json"):
            lease = _local(config, path.stem, now)
            if lease is not None:
                leases[lease.article_id] = lease
    if config.git:
        for ident, other in _elsewhere(config, now).items():
            chosen = _latest(leases.get(ident), other)
            if chosen is not None:
                leases[ident] = chosen
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
            raise LeaseHeld(other, config)
        mine = other if other is not None and other.holder == holder else None
        lease = Lease(
            article_id,
            holder,
            socket.gethostname(),
            os.getpid(),
            mine.taken if mine is not None else now.isoformat(),  # a renewal keeps it
            (now + dt.timedelta(seconds=LEASE_SECONDS)).isoformat(),
        )
        write_atomic(_path(config, article_id), json.dumps(asdict(lease)).encode())
    if config.git:
        _share(config, lambda: _take_shared(config, lease, now))
    return lease


def _take_shared(config: Config, lease: Lease, now: dt.datetime) -> bool:
    from .vcs.leases import take

    return take(config, asdict(lease), now)


def _share(config: Config, change: Callable[[], bool]) -> None:
    """Change this clone's shared lease, and share it in the background when it changed;
    else (a renewal) read the other offices' leases in the background, so an editor open
    here learns of a take-over elsewhere at its next renewal, not its next sync (a clone
    that is not ready for git keeps its leases to this machine)."""
    from .errors import GitError
    from .vcs.leases import share_soon

    try:
        changed = change()
    except GitError:
        return
    share_soon(config, push=changed)


def release(config: Config, article_id: str, holder: str) -> None:
    """Give the lease back (only one's own)."""
    path = _path(config, article_id)
    try:
        lease = Lease(**json.loads(path.read_text(encoding="utf-8")))
    except (OSError, ValueError, TypeError):
        return
    if lease.holder == holder:
        path.unlink(missing_ok=True)
        if config.git:
            from .vcs.leases import drop

            _share(config, lambda: drop(config, article_id))


def check_free(config: Config, article_id: str, holder: str, now: dt.datetime) -> None:
    """Refuse (LeaseHeld) when someone else is editing the release right now."""
    other = current(config, article_id, now)
    if other is not None and other.holder != holder:
        raise LeaseHeld(other, config)
