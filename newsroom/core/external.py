"""The person's own text editor ($VISUAL, else $EDITOR, else vi), started without a shell.

The CLI's `newsroom edit` and the desk's F4 both open a file named after a release; a
shell would run whatever that name (or the temporary folder's) holds, e.g.
`x$(touch${IFS}INJECTED)`. Here the editor setting is split like a shell would split
words (`code --wait` is two) and the file is always one argument of its own.
"""

from __future__ import annotations

import os
import shlex
import subprocess
import tempfile
from pathlib import Path

from .errors import NewsroomError

DEFAULT_EDITOR = "vi"


def editor_argv(path: Path, environ: dict[str, str] | None = None) -> list[str]:
    """The command that opens `path` in the person's editor (no shell is involved)."""
    env = os.environ if environ is None else environ
    setting = (env.get("VISUAL") or "").strip() or (env.get("EDITOR") or "").strip()
    try:
        words = shlex.split(setting) if setting else [DEFAULT_EDITOR]
    except ValueError as exc:  # an unclosed quote
        raise NewsroomError(
            f"cannot read the editor setting {setting!r}: {exc} (fix VISUAL or EDITOR)"
        ) from None
    return [*(words or [DEFAULT_EDITOR]), str(path)]


def run_editor(path: Path) -> None:
    """Open `path` in the person's editor and wait; NewsroomError if it cannot start or
    fails (the caller says where the text is kept)."""
    argv = editor_argv(path)
    try:
        code = subprocess.call(argv)
    except OSError as exc:
        raise NewsroomError(
            f"cannot start the editor {argv[0]!r}: {exc.strerror}",
            code="editor_start",
            editor=argv[0],
            reason=exc.strerror,
        ) from None
    if code != 0:
        raise NewsroomError(
            f"the editor {argv[0]!r} failed (exit code {code})",
            code="editor_failed",
            editor=argv[0],
            exit=code,
        )


def temporary_copy(text: str, slug: str) -> Path:
    """`text` in a new temporary file named after the release (`<slug>.XXXX.md`), for the
    editor to open; the caller removes it once the text is safely back."""
    fd, name = tempfile.mkstemp(prefix=f"{slug}.", suffix=".md")
    with os.fdopen(fd, "w", encoding="utf-8") as handle:
        handle.write(text)
    return Path(name)
