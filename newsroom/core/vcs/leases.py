"""Edit leases that other offices see: a ref of their own, outside the releases' history.

A lease taken on this machine (lease.py) is also written as a small JSON blob under
`refs/newsroom/leases/<clone>/<release id>`, where `<clone>` names this clone (a random
id kept in its `.git/config`). Only this clone writes its own refs, so pushing them never
conflicts with another office; `newsroom sync` (and the editor, in the background, when it
takes or gives back a lease) pushes them and fetches everyone's into
`refs/newsroom/remote-leases/`. Nothing of it enters a branch: `git log` stays the
releases' audit trail.

A lease expires `[git] lease_minutes` after it was last shared unless renewed. Among the
live leases on a release, the one taken last counts: taking over is explicit (the
editor's take-over), and the office that lost it learns so at its next renewal once it
has read the others' leases (each renewal reads them in the background, and so does a
sync). When a lease could not be seen in time (two offices offline), nothing is lost
either: sync's conflict handling stops on two edits of one text.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import json
import threading
import uuid
from typing import Any

from ..config import Config
from ..errors import GitError
from .git import Git

OWN = "refs/newsroom/leases"
SEEN = "refs/newsroom/remote-leases"
_SHARING: list[threading.Thread] = []


def clone_id(git: Git) -> str:
    """This clone's name among the offices (made once, kept in .git/config)."""
    found = git.run("config", "--get", "newsroom.clone", check=False).out.strip()
    if found:
        return found
    made = uuid.uuid4().hex[:12]
    git.run("config", "newsroom.clone", made)
    return made


def take(config: Config, lease: dict[str, Any], now: dt.datetime) -> bool:
    """Write (or renew) this clone's lease ref; False when the one there is still good for
    more than half its time (nothing new to share)."""
    git = Git.of(config)
    ref = f"{OWN}/{clone_id(git)}/{lease['article_id']}"
    mine = _read(git, [ref]).get(ref)
    minutes = dt.timedelta(minutes=config.git_lease_minutes)
    if mine is not None and mine.get("holder") == lease["holder"]:
        left = dt.datetime.fromisoformat(mine["expires"]) - now
        if left > minutes / 2:
            return False
        lease = {**lease, "taken": mine.get("taken", lease["taken"])}
    record = {**lease, "expires": (now + minutes).isoformat()}
    blob = git.run("hash-object", "-w", "--stdin", input=json.dumps(record)).out.strip()
    git.run("update-ref", ref, blob)
    return True


def drop(config: Config, article_id: str) -> bool:
    """Remove this clone's lease ref on a release (False: there was none)."""
    git = Git.of(config)
    ref = f"{OWN}/{clone_id(git)}/{article_id}"
    if not git.run("rev-parse", "--verify", "--quiet", ref, check=False).ok:
        return False
    git.run("update-ref", "-d", ref)
    return True


def elsewhere(config: Config, now: dt.datetime) -> dict[str, dict[str, Any]]:
    """The live leases other clones shared (as of the last fetch), by release id: the one
    taken last when there are several."""
    git = Git.of(config)
    me = clone_id(git)
    listed = git.run("for-each-ref", "--format=%(refname)", SEEN, check=False).out.split()
    found: dict[str, dict[str, Any]] = {}
    for ref, lease in _read(git, [r for r in listed if f"/{me}/" not in r]).items():
        try:
            live = dt.datetime.fromisoformat(lease["expires"]) > now
        except (KeyError, TypeError, ValueError):
            continue
        ident = ref.rsplit("/", 1)[-1]
        if live and (ident not in found or lease.get("taken", "") > found[ident].get("taken", "")):
            found[ident] = {**lease, "article_id": ident}
    return found


def _read(git: Git, refs: list[str]) -> dict[str, dict[str, Any]]:
    """The JSON behind each ref (one `git cat-file --batch` for all of them)."""
    if not refs:
        return {}
    done = git.run("cat-file", "--batch", input="\n".join(refs) + "\n", check=False)
    out: dict[str, dict[str, Any]] = {}
    lines = done.out.split("\n")
    at = 0
    for ref in refs:
        if at >= len(lines):
            break
        header = lines[at].split()
        at += 1
        if len(header) != 3 or header[1] != "blob":
            continue
        text = lines[at]  # a lease is one line of JSON
        at += 2  # its line, then the blank line cat-file adds
        try:
            value = json.loads(text)
        except ValueError:
            continue
        if isinstance(value, dict):
            out[ref] = value
    return out


def share(config: Config, git: Git | None = None) -> None:
    """Push this clone's leases (those given back are removed from the remote) and fetch
    everyone's; GitError when the remote cannot be reached."""
    git = git or Git.of(config)
    remote = config.git_remote
    mine = f"{OWN}/{clone_id(git)}"
    git.run("push", "--quiet", "--prune", remote, f"+{mine}/*:{mine}/*", network=True,
            what="sharing edit leases")  # fmt: skip
    fetch_leases(config, git)


def fetch_leases(config: Config, git: Git) -> None:
    git.run("fetch", "--quiet", "--prune", config.git_remote, f"+{OWN}/*:{SEEN}/*",
            network=True, what="reading other offices' edit leases")  # fmt: skip


def share_soon(config: Config, *, push: bool = True) -> None:
    """Share the leases in the background (the editor opens at once; offline, the next
    sync shares them); `push` False: only read the others'. `settle()` waits for it,
    briefly, before a command ends."""

    def run() -> None:
        with contextlib.suppress(GitError):  # offline or no remote: sync shares them later
            if push:
                share(config)
            else:
                fetch_leases(config, Git.of(config))

    thread = threading.Thread(target=run, name="newsroom-leases", daemon=True)
    _SHARING[:] = [t for t in _SHARING if t.is_alive()]  # a desk open all day renews often
    _SHARING.append(thread)
    thread.start()


def settle(seconds: float = 5.0) -> None:
    """Wait a little for background sharing to finish (a command that is ending)."""
    while _SHARING:
        _SHARING.pop().join(seconds)
