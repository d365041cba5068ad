"""Who is acting: `--as NAME`, else NEWSROOM_USER, else git's user.name, else the login name."""

from __future__ import annotations

import getpass
import os
import subprocess


def resolve_actor(explicit: str | None = None) -> str:
    """The name recorded in history for this person's actions."""
    for candidate in (explicit, os.environ.get("NEWSROOM_USER"), _git_user()):
        if candidate and candidate.strip():
            return candidate.strip()
    try:
        return getpass.getuser()
    except Exception:  # no login name in some containers
        return "unknown"


def _git_user() -> str | None:
    try:
        done = subprocess.run(
            ["git", "config", "user.name"], capture_output=True, text=True, timeout=2, check=False
        )
    except (OSError, subprocess.TimeoutExpired):
        return None
    return done.stdout.strip() or None
