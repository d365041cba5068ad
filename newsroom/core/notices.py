"""Notices kept for a person's next desk: what the desk had to say when it could not (the
terminal went away before it was told; a waiting action's outcome, tui/app.py run_app).

`.newsroom/notices/<person>/`, a file per desk that kept some (one notice a line, in the
words that desk used: its language); the next desk this person opens shows them, then
they go. A file each, not one file for all: two desks of one person hanging up at the
same moment each write a file of their own (atomically), so neither reads and rewrites
what the other is writing, and a desk showing them removes only the files it read, so
one kept meanwhile waits for the desk after it. No lock either: a desk going away has
no time to wait for one.
"""

from __future__ import annotations

import os
import time
from pathlib import Path

from .atomic import write_atomic
from .config import Config
from .confine import inside
from .slug import slugify


def notices_folder(config: Config, actor: str) -> Path:
    return inside(config.state_dir / "notices", slugify(actor) or "someone")


def keep_notices(config: Config, actor: str, lines: list[str]) -> Path:
    """Keep `lines` for the person's next desk, in a file of their own (written atomically:
    whole or not at all), named so that the oldest sorts first."""
    said = "".join(" ".join(line.split()) + "\n" for line in lines if line.strip())
    name = f"{time.time_ns():020d}-{os.getpid()}-{os.urandom(3).hex()}.txt"
    path = inside(notices_folder(config, actor), name)
    write_atomic(path, said.encode("utf-8"))
    return path


def take_notices(config: Config, actor: str) -> list[str]:
    """The person's notices, oldest first, each file removed once read (none: an empty
    list). A file another desk of theirs removed first is that desk's to show."""
    folder = notices_folder(config, actor)
    try:
        kept = sorted(p for p in folder.iterdir() if p.suffix == ".txt" and p.name[0] != ".")
    except FileNotFoundError:
        kept = []
    # (the one file an earlier version kept for all of them, `<person>.txt`: the oldest)
    kept.insert(0, folder.with_name(f"{folder.name}.txt"))
    lines = []
    for path in kept:
        try:
            text = path.read_text(encoding="utf-8", errors="replace")
            path.unlink()
        except FileNotFoundError:
            continue
        lines += [line for line in text.splitlines() if line.strip()]
    return lines
