"""The person's own settings file (not the newsroom's): where it lives, the language it
names, and remembering the language chosen with ctrl+l. Read by the CLI and the TUI
alike, so it imports no UI library (the TUI adds its key remaps: tui/settings.py).

`settings.toml` in the platform's config folder (platformdirs), e.g.
`~/.config/newsroom/settings.toml` on Linux, or NEWSROOM_SETTINGS:

    language = "id"          # or "en"
    [keys]                   # command id = key(s), see the help screen (F1) for ids
    approve = "A"
"""

from __future__ import annotations

import os
import re
import tomllib
from pathlib import Path
from typing import Any

from platformdirs import user_config_path

_LANGUAGE_LINE = re.compile(r"^\s*language\s*=.*$", re.MULTILINE)


def settings_path() -> Path:
    override = os.environ.get("NEWSROOM_SETTINGS")
    return Path(override) if override else user_config_path("newsroom") / "settings.toml"


def read_settings(path: Path) -> tuple[dict[str, Any], str]:
    """The file's settings and why it could not be read ("" when it could, or is absent)."""
    try:
        return tomllib.loads(path.read_text(encoding="utf-8")), ""
    except FileNotFoundError:
        return {}, ""
    except (OSError, tomllib.TOMLDecodeError, UnicodeDecodeError) as exc:
        return {}, f"{path}: {exc}"


def user_language(path: Path | None = None) -> str | None:
    """The language the person chose (None: no setting, or an unreadable file)."""
    language = read_settings(path or settings_path())[0].get("language")
    return language if isinstance(language, str) else None


def remember_language(path: Path, language: str) -> None:
    """Keep `language = "..."` in the settings file, leaving everything else as written
    (the key goes before the first table, where TOML puts top-level keys)."""
    from .core.service import write_atomic

    try:
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        text = ""
    line = f'language = "{language}"'
    head, table, rest = text.partition("\n[") if not text.startswith("[") else ("", "", text)
    if _LANGUAGE_LINE.search(head):
        head = _LANGUAGE_LINE.sub(line, head, count=1)
    else:
        head = f"{line}\n{head}" if head else line
    if table:  # (the partition keeps the table's own line break)
        text = head + table + rest
    elif rest:  # the file opened with a table
        text = f"{head}\n{rest}"
    else:  # one line break at the end, however many times the language is switched (and
        text = head.rstrip("\n") + "\n"  # the blank lines an earlier version left, gone)
    write_atomic(path, text.encode("utf-8"))
