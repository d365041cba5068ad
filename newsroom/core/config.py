"""The newsroom's configuration: `newsroom.toml` at its root, read into typed settings.

Every key has a default, so a newsroom with an empty file works; a wrong key or
value raises ConfigError naming it (`[feeds] limit: must be a whole number`).
"""

from __future__ import annotations

import datetime as dt
import tomllib
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from .clock import zone
from .errors import ConfigError

CONFIG_NAME = "newsroom.toml"
CHECK_LEVELS = ("required", "recommended", "off")
UI_LANGUAGES = ("id", "en")
CHECK_NAMES = ("required_fields", "summary", "category", "image_caption_credit",
               "placeholders", "embargo_future", "caption_photo", "plain_title",
               "signoff")  # fmt: skip


@dataclass(frozen=True)
class Partner:
    """A newsroom that takes our releases, with the filters of its own feed."""

    name: str
    title: str
    categories: tuple[str, ...] = ()
    tags: tuple[str, ...] = ()
    language: str = ""
    embargo_access: bool = False

    @property
    def token_variable(self) -> str:
        """The environment variable `newsroom serve` reads this partner's token from."""
        return token_variable(self.name)


def token_variable(name: str) -> str:
    """NEWSROOM_TOKEN_ and the partner's name in capitals, `-` read as `_`."""
    return "NEWSROOM_TOKEN_" + name.upper().replace("-", "_")


@dataclass(frozen=True)
class Person:
    """Someone who acts in the newsroom, as `[people.<key>]` of newsroom.toml declares them.

    `key` is what history records (`by: ald`); `logins` are the operating-system logins that
    are this person (default: the key; `"*"` is any login, for trying the example newsroom);
    `act_for_others` lets them name another person with `--as` (tests, an admin); a `system`
    identity (cron) acts only through its own job, publishing. The e-mail address stays in
    the config: it never reaches feeds, pages or logs (UU PDP 27/2022)."""

    key: str
    name: str
    initials: str = ""
    email: str = ""
    logins: tuple[str, ...] = ()
    act_for_others: bool = False
    system: bool = False


@dataclass(frozen=True)
class Config:
    """Settings for one newsroom; `root` is the folder holding newsroom.toml."""

    root: Path
    title: str = "Newsroom"
    description: str = "Siaran pers"
    base_url: str = "https://example.go.id"
    feeds_url: str = ""
    link_pattern: str = "{base_url}/siaran-pers/{slug}/"
    language: str = "id"
    timezone: str = "Asia/Jakarta"
    publisher: str = ""
    credit: str = ""
    feed_limit: int = 50
    ttl: int = 15
    retraction_days: int = 30
    four_eyes: bool = True
    checks: dict[str, str] = field(default_factory=dict)
    partners: tuple[Partner, ...] = ()
    people: tuple[Person, ...] = ()
    private_group: str = ""
    ui_language: str = ""  # `[ui] language`: the desk's and the CLI's default ("" the locale's)

    @property
    def tz(self) -> dt.tzinfo:
        """The newsroom's zone as a tzinfo."""
        return zone(self.timezone)

    @property
    def articles_dir(self) -> Path:
        return self.root / "articles"

    @property
    def feeds_dir(self) -> Path:
        return self.root / "feeds"

    @property
    def state_dir(self) -> Path:
        """Working files that are not content: caches, locks, the publish log (kept out of git)."""
        return self.root / ".newsroom"

    @property
    def feeds_base(self) -> str:
        """The public URL `feeds/` is served at."""
        return (self.feeds_url or self.base_url.rstrip("/") + "/feeds").rstrip("/")

    def check_level(self, name: str) -> str:
        return self.checks.get(name, DEFAULT_CHECKS[name])


DEFAULT_CHECKS = {
    "required_fields": "required",
    "summary": "recommended",
    "category": "recommended",
    "image_caption_credit": "required",
    "placeholders": "required",
    "embargo_future": "required",
    "caption_photo": "required",
    "plain_title": "recommended",
    "signoff": "recommended",
}


def require_root(root: Path | None) -> Path:
    """`root`, or a ConfigError saying there is no newsroom here and how to make one."""
    if root is None:
        raise ConfigError(
            "no newsroom here: no newsroom.toml in this folder or above it "
            "(run `newsroom init`, or pass --root DIR)"
        )
    return root


def find_root(start: Path) -> Path | None:
    """The nearest folder at or above `start` that holds newsroom.toml."""
    for folder in (start, *start.parents):
        if (folder / CONFIG_NAME).is_file():
            return folder
    return None


def load_config(root: Path) -> Config:
    """Read and check `root/newsroom.toml`."""
    path = root / CONFIG_NAME
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise ConfigError(
            f"{path}: no such file (run `newsroom init {root}` to make one)"
        ) from None
    except (tomllib.TOMLDecodeError, UnicodeDecodeError) as exc:
        raise ConfigError(f"{path}: {exc}") from None
    return parse_config(root, data)


def parse_config(root: Path, data: dict[str, Any]) -> Config:
    """Typed settings from a parsed TOML document; unknown tables or keys are errors."""
    reader = _Reader(root / CONFIG_NAME, data)
    site = reader.table(
        "site",
        {
            "title",
            "description",
            "base_url",
            "feeds_url",
            "link_pattern",
            "language",
            "timezone",
            "publisher",
            "credit",
        },
    )
    feeds = reader.table("feeds", {"limit", "ttl", "retraction_days", "private_group"})
    workflow = reader.table("workflow", {"four_eyes"})
    checks = reader.table("checks", set(CHECK_NAMES))
    # The office's language for the desk and the CLI, for whoever has not chosen one;
    # [site] language is the language of the releases themselves.
    ui = reader.table("ui", {"language"})
    reader.only({"site", "feeds", "workflow", "checks", "partners", "people", "ui"})
    config = Config(
        root=root,
        title=reader.text(site, "site", "title", "Newsroom"),
        description=reader.text(site, "site", "description", "Siaran pers"),
        base_url=reader.text(site, "site", "base_url", "https://example.go.id").rstrip("/"),
        feeds_url=reader.text(site, "site", "feeds_url", ""),
        link_pattern=reader.text(site, "site", "link_pattern", "{base_url}/siaran-pers/{slug}/"),
        language=reader.text(site, "site", "language", "id"),
        timezone=reader.text(site, "site", "timezone", "Asia/Jakarta"),
        publisher=reader.text(site, "site", "publisher", ""),
        credit=reader.text(site, "site", "credit", ""),
        feed_limit=reader.number(feeds, "feeds", "limit", 50),
        ttl=reader.number(feeds, "feeds", "ttl", 15),
        retraction_days=reader.number(feeds, "feeds", "retraction_days", 30),
        four_eyes=reader.flag(workflow, "workflow", "four_eyes", True),
        checks={k: reader.choice(checks, "checks", k, CHECK_LEVELS) for k in checks},
        partners=tuple(reader.partners()),
        people=tuple(reader.people()),
        private_group=reader.text(feeds, "feeds", "private_group", ""),
        ui_language=reader.choice(ui, "ui", "language", UI_LANGUAGES) if ui else "",
    )
    try:
        config.tz  # noqa: B018 - validates the zone name
    except Exception:
        raise ConfigError(
            f"{reader.path}: [site] timezone: unknown zone {config.timezone!r} "
            "(use an IANA name such as Asia/Jakarta)"
        ) from None
    if "{slug}" not in config.link_pattern and "{id}" not in config.link_pattern:
        raise ConfigError(f"{reader.path}: [site] link_pattern: must contain {{slug}} or {{id}}")
    return config


class _Reader:
    """Pulls typed values out of TOML, raising errors that name the table and key."""

    def __init__(self, path: Path, data: dict[str, Any]) -> None:
        self.path = path
        self.data = data

    def fail(self, where: str, message: str) -> ConfigError:
        return ConfigError(f"{self.path}: {where}: {message}")

    def only(self, allowed: set[str]) -> None:
        for key in self.data:
            if key not in allowed:
                raise self.fail(key, "unknown setting (known: " + ", ".join(sorted(allowed)) + ")")

    def table(self, name: str, allowed: set[str]) -> dict[str, Any]:
        value = self.data.get(name, {})
        if not isinstance(value, dict):
            raise self.fail(name, "must be a table, written [" + name + "]")
        for key in value:
            if key not in allowed:
                raise self.fail(
                    f"[{name}] {key}", "unknown key (known: " + ", ".join(sorted(allowed)) + ")"
                )
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

    def partners(self) -> list[Partner]:
        raw = self.data.get("partners", [])
        if not isinstance(raw, list):
            raise self.fail("partners", "write each partner as a [[partners]] table")
        out: list[Partner] = []
        for i, item in enumerate(raw):
            where = f"[[partners]] #{i + 1}"
            allowed = {"name", "title", "categories", "tags", "language", "embargo_access"}
            for key in item:
                if key not in allowed:
                    raise self.fail(f"{where} {key}", "unknown key")
            name = item.get("name")
            if not isinstance(name, str) or (
                not name.isidentifier() and not name.replace("-", "_").isidentifier()
            ):
                raise self.fail(f"{where} name", "must be a short name like antara (letters, -)")
            if any(p.name == name for p in out):
                raise self.fail(f"{where} name", f"partner {name!r} is listed twice")
            # a-b and a_b (or Antara and antara) would share one token: either could
            # then open the other's private feed.
            clash = next((p for p in out if p.token_variable == token_variable(name)), None)
            if clash is not None:
                raise self.fail(
                    f"{where} name",
                    f"{name!r} and {clash.name!r} would both take their token from "
                    f"{token_variable(name)}; rename one of them",
                )
            out.append(
                Partner(
                    name=name,
                    title=self.text(item, where, "title", name),
                    categories=self.words(item, where, "categories"),
                    tags=self.words(item, where, "tags"),
                    language=self.text(item, where, "language", ""),
                    embargo_access=self.flag(item, where, "embargo_access", False),
                )
            )
        return out

    def people(self) -> list[Person]:
        raw = self.data.get("people", {})
        if not isinstance(raw, dict):
            raise self.fail("people", "write each person as a [people.<login>] table")
        out: list[Person] = []
        allowed = {"name", "initials", "email", "logins", "act_for_others", "system"}
        for key, item in raw.items():
            where = f"[people.{key}]"
            if not isinstance(item, dict):
                raise self.fail(where, "must be a table of name, initials, email, ...")
            for name in item:
                if name not in allowed:
                    known = ", ".join(sorted(allowed))
                    raise self.fail(f"{where} {name}", f"unknown key (known: {known})")
            if not key.replace("-", "_").replace(".", "_").isidentifier():
                raise self.fail(where, "a person's key is a short login like ald (letters, -)")
            logins = self.words(item, where, "logins") or (key,)
            out.append(
                Person(
                    key=key,
                    name=self.text(item, where, "name", key),
                    initials=self.text(item, where, "initials", ""),
                    email=self.text(item, where, "email", ""),
                    logins=logins,
                    act_for_others=self.flag(item, where, "act_for_others", False),
                    system=self.flag(item, where, "system", False),
                )
            )
        _unique_logins(self, out)
        return out


def _unique_logins(reader: _Reader, people: list[Person]) -> None:
    """A login (or a spelling of a key) names one person only: four eyes compares people."""
    owner: dict[str, str] = {}
    for person in people:
        for login in {person.key, *person.logins}:
            folded = login.strip().casefold()
            other = owner.setdefault(folded, person.key)
            if other != person.key:
                raise reader.fail(
                    f"[people.{person.key}] logins",
                    f"{login!r} is already {other}'s; a login belongs to one person",
                )
