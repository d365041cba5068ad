"""The user's own settings (not the newsroom's): UI language and key remaps.

Read from `settings.toml` in the platform's config folder (platformdirs), e.g.
`~/.config/newsroom/settings.toml` on Linux:

    language = "id"          # or "en"
    [keys]                   # command id = key(s), see the help screen (F1) for ids
    approve = "A"
    publish = "ctrl+t"
"""

from __future__ import annotations

import os
import tomllib
from dataclasses import dataclass, field
from pathlib import Path

from platformdirs import user_config_path

from .commands import COMMANDS


@dataclass
class Settings:
    language: str | None = None
    keys: dict[str, str] = field(default_factory=dict)
    problem: str = ""  # a bad settings file is reported, never fatal


def settings_path() -> Path:
    override = os.environ.get("NEWSROOM_SETTINGS")
    return Path(override) if override else user_config_path("newsroom") / "settings.toml"


def load_settings(path: Path | None = None) -> Settings:
    path = path or settings_path()
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        return Settings()
    except (OSError, tomllib.TOMLDecodeError, UnicodeDecodeError) as exc:
        return Settings(problem=f"{path}: {exc}")
    known = {c.id for c in COMMANDS}
    keys = data.get("keys", {})
    if not isinstance(keys, dict):
        return Settings(problem=f'{path}: [keys] must be a table of command id = "key"')
    unknown = sorted(k for k in keys if k not in known)
    problem = f"{path}: unknown command id(s) in [keys]: {', '.join(unknown)}" if unknown else ""
    language = data.get("language")
    return Settings(
        language if isinstance(language, str) else None,
        {k: str(v) for k, v in keys.items() if k in known},
        problem,
    )
