"""Reading newsroom.toml's tables into typed values, with errors that name the key.

config.py declares what each key is (SETTINGS) and reads the partners and people with
this; it refuses unknown keys and wrong types with the table and key named.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from .errors import ConfigError


class Reader:
    """Pulls typed values out of TOML, raising errors that name the table and key."""

    def __init__(self, path: Path, data: dict[str, Any], text: str = "") -> None:
        self.path = path
        self.data = data
        self.source = text  # the file as written: errors name the line of the key

    def fail(self, where: str, message: str) -> ConfigError:
        """An error naming the file, the line of the key (when it can be found), the table
        and key (`where`: "[site] timezone", "[[partners]] name", "site") and what to do."""
        line = line_of(self.source, where)
        at = f"{self.path}:{line}" if line else str(self.path)
        return ConfigError(f"{at}: {where}: {message}")

    def only(self, allowed: set[str]) -> None:
        for key in self.data:
            if key not in allowed:
                raise self.fail(key, "unknown setting" + _known(key, allowed))

    def table(self, name: str, allowed: set[str]) -> dict[str, Any]:
        value = self.data.get(name, {})
        if not isinstance(value, dict):
            raise self.fail(name, "must be a table, written [" + name + "]")
        for key in value:
            if key not in allowed:
                raise self.fail(f"[{name}] {key}", "unknown key" + _known(key, allowed))
        return value

    def text(self, table: dict[str, Any], name: str, key: str, default: str) -> str:
        value = table.get(key, default)
        if not isinstance(value, str):
            raise self.fail(f"[{name}] {key}", "must be text in quotes")
        return value

    def number(self, table: dict[str, Any], name: str, key: str, default: int) -> int:
        value = table.get(key, default)
        if not isinstance(value, int) or isinstance(value, bool) or value < 0:
            raise self.fail(f"[{name}] {key}", "must be a whole number, 0 or more")
        return value

    def flag(self, table: dict[str, Any], name: str, key: str, default: bool) -> bool:
        value = table.get(key, default)
        if not isinstance(value, bool):
            raise self.fail(f"[{name}] {key}", "must be true or false")
        return value

    def value(
        self,
        table: dict[str, Any],
        name: str,
        key: str,
        default: str | int | bool | tuple[str, ...],
        choices: tuple[str, ...] = (),
    ) -> str | int | bool | tuple[str, ...]:
        """A key's value, of its default's type (its default when absent)."""
        if choices and key in table:
            return self.choice(table, name, key, choices)
        if isinstance(default, tuple):
            return self.words(table, f"[{name}]", key) if key in table else default
        if isinstance(default, bool):
            return self.flag(table, name, key, default)
        if isinstance(default, int):
            return self.number(table, name, key, default)
        return self.text(table, name, key, default)

    def choice(self, table: dict[str, Any], name: str, key: str, options: tuple[str, ...]) -> str:
        value = table.get(key)
        if value not in options:
            raise self.fail(f"[{name}] {key}", "must be one of " + ", ".join(options))
        return str(value)

    def words(self, table: dict[str, Any], where: str, key: str) -> tuple[str, ...]:
        value = table.get(key, [])
        if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
            raise self.fail(f"{where} {key}", 'must be a list of text, e.g. ["Pemilu"]')
        return tuple(value)


def _known(key: str, allowed: set[str]) -> str:
    """ " (did you mean credit? known: ...)": the nearest known key first, when one is near."""
    import difflib

    near = difflib.get_close_matches(key, sorted(allowed), n=1, cutoff=0.6)
    known = "known: " + ", ".join(sorted(allowed))
    return f" (did you mean {near[0]}? {known})" if near else f" ({known})"


def line_of(text: str, where: str) -> int:
    """The line (from 1) of the key `where` names ("[site] timezone": the key in its table;
    "site": the table's header, or a top-level key), or 0 when it is not found."""
    table, _, key = where.partition(" ")
    table = table.strip("[]")
    if not key:
        table, key = "", table
    key = key.split()[-1] if key.split() else ""
    current, header = "", 0
    for number, raw in enumerate(text.splitlines(), 1):
        line = raw.strip()
        if line.startswith("["):
            current = line.split("#", 1)[0].strip().strip("[]").strip()
            if not table and current == key:
                return number
            header = number if current == table else header
            continue
        if current == table and key and line.split("=", 1)[0].strip().strip('"') == key:
            return number
    return header
