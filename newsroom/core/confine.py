"""Paths built from a release's values (its slug, its id) stay inside their folder.

Ids and slugs are checked when a file is read (validate.py); this is the second lock on
the door, for every path made from them: a release file, its lock, its lease, its kept
unsaved edits. A name with a separator, `..` or a NUL byte is refused, never joined.
"""

from __future__ import annotations

from pathlib import Path

from .errors import NewsroomError


class OutsideFolder(NewsroomError):
    """A name made from a release would lead out of its folder."""


def inside(folder: Path, *names: str) -> Path:
    """`folder/names...`, each name one plain file or folder name; OutsideFolder if not."""
    for name in names:
        if name in ("", ".", "..") or any(c in name for c in "/\\\0"):
            raise OutsideFolder(
                f"refused to use {name!r} as a file name in {folder}: it would lead "
                "out of the folder (fix the release's slug or id: `newsroom check`)"
            )
    return folder.joinpath(*names)
