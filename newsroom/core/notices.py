"""Notices kept for a person's next desk: what the desk had to say when it could not (the
terminal went away before it was told; a waiting action's outcome, tui/app.py run_app).

`.newsroom/notices/<person>.txt`, one notice a line, in the words the desk used (its
language); the next desk this person opens shows them, then they go.
"""

from __future__ import annotations

from pathlib import Path

from .atomic import write_atomic
from .config import Config
from .confine import inside
from .slug import slugify


def notices_path(config: Config, actor: str) -> Path:
    return inside(config.state_dir / "notices", f"{slugify(actor) or 'someone'}.txt")


def keep_notices(config: Config, actor: str, lines: list[str]) -> Path:
    """Add `lines` to the person's notices (atomically: the file is whole or as it was)."""
    path = notices_path(config, actor)
    try:
        kept = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        kept = ""
    said = "".join(" ".join(line.split()) + "\n" for line in lines if line.strip())
    write_atomic(path, (kept + said).encode("utf-8"))
    return path


def take_notices(config: Config, actor: str) -> list[str]:
    """The person's notices, oldest first, removed once read (none: an empty list)."""
    path = notices_path(config, actor)
    try:
        text = path.read_text(encoding="utf-8", errors="replace")
    except FileNotFoundError:
        return []
    path.unlink(missing_ok=True)
    return [line for line in text.splitlines() if line.strip()]
