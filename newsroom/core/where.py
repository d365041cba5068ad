"""Where the newsroom is: the folder that holds newsroom.toml.

Kept apart and light: the command line asks it before anything else is loaded, to give a
publish run its head start (early.py).
"""

from __future__ import annotations

import os
from pathlib import Path

CONFIG_NAME = "newsroom.toml"
ARTICLES_DIR = "articles"  # under the root: the releases' files
STATE_DIR = ".newsroom"  # under the root: working files that are not content
PUBLISH_STATE = "publish-state.json"  # in STATE_DIR: every run that took the lock rewrites it


def find_root(start: Path) -> Path | None:
    """The nearest folder at or above `start` that holds newsroom.toml."""
    for folder in (start, *start.parents):
        if (folder / CONFIG_NAME).is_file():
            return folder
    return None


def resolve_root(given: str | None) -> Path | None:
    """The newsroom a command works in: `given` (--root), else NEWSROOM_ROOT, else the
    nearest folder upward from here with newsroom.toml (None: no newsroom here)."""
    if given:
        return Path(given).resolve()
    env = os.environ.get("NEWSROOM_ROOT")
    if env:
        return Path(env).resolve()
    return find_root(Path.cwd())


def stamp(path: Path) -> tuple[int, int] | None:
    """The size and mtime of a file (the publish state's: a run that took the lock rewrote
    it when this changed); None when there is none."""
    try:
        st = path.stat()
    except OSError:
        return None
    return st.st_size, st.st_mtime_ns
