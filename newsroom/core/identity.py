"""Who is acting: `--as NAME`, else NEWSROOM_USER, else git's user.name, else the login name."""

from __future__ import annotations

import getpass
import os
import subprocess
from collections.abc import Iterator


def resolve_actor(explicit: str | None = None) -> str:
    """The name recorded in history for this person's actions."""
    for candidate in _candidates(explicit):
        if candidate and candidate.strip():
            return candidate.strip()
    try:
        return getpass.getuser()
    except Exception:  # no login name in some containers
        return "unknown"


def _candidates(explicit: str | None) -> Iterator[str | None]:
    yield explicit
    yield os.environ.get("NEWSROOM_USER")
    yield _git_user()  # only asked when neither is given: a subprocess


def _git_user() -> str | None:
    try:
        done = subprocess.run(
            ["git", "config", "user.name"], capture_output=True, text=True, timeout=2, check=False
        )
    except (OSError, subprocess.TimeoutExpired):
        return None
    return done.stdout.strip() or None
