"""The person's settings as the desk reads them: the language and key remaps (see
newsroom/settings.py for the file and its place)."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from ..settings import read_settings, settings_path
from .commands import COMMANDS


@dataclass
class Settings:
    language: str | None = None
    keys: dict[str, str] = field(default_factory=dict)
    problem: str = ""  # a bad settings file is reported, never fatal
    path: Path | None = None  # where ctrl+l remembers the language (None: nowhere, tests)


def load_settings(path: Path | None = None) -> Settings:
    path = path or settings_path()
    data, problem = read_settings(path)
    if problem:
        return Settings(problem=problem, path=path)
    known = {c.id for c in COMMANDS}
    keys = data.get("keys", {})
    if not isinstance(keys, dict):
        return Settings(problem=f'{path}: [keys] must be a table of command id = "key"', path=path)
    unknown = sorted(k for k in keys if k not in known)
    problem = f"{path}: unknown command id(s) in [keys]: {', '.join(unknown)}" if unknown else ""
    language = data.get("language")
    return Settings(
        language if isinstance(language, str) else None,
        {k: str(v) for k, v in keys.items() if k in known},
        problem,
        path,
    )
