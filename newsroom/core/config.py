"""The newsroom's configuration: `newsroom.toml` at its root, read into typed settings.

Every key has a default, so a newsroom with an empty file works; a wrong key or
value raises ConfigError naming it (`[feeds] limit: must be a whole number`).
"""

from __future__ import annotations

import datetime as dt
import tomllib
from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path
from typing import Any, NamedTuple

from .clock import zone
from .config_mail import MailList, check_mail, read_lists
from .config_reader import Reader
from .config_settings import ATTACHMENT_TYPES as ATTACHMENT_TYPES
from .config_settings import CHECK_NAMES as CHECK_NAMES
from .config_settings import CHECKS as CHECKS
from .config_settings import DEFAULT_CHECKS as DEFAULT_CHECKS
from .config_settings import SETTINGS as SETTINGS
from .config_settings import Setting as Setting
from .errors import ConfigError
from .where import ARTICLES_DIR, STATE_DIR
from .where import CONFIG_NAME as CONFIG_NAME
from .where import find_root as find_root

CHECK_LEVELS = ("required", "recommended", "off")
LINK_TOKENS = ("feeds_url", "base_url", "slug", "id", "year", "month")  # of link_pattern


class Partner(NamedTuple):
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


class Person(NamedTuple):
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


def _default(field_name: str) -> Any:
    return next(s.default for s in SETTINGS if s.field == field_name)


@dataclass(frozen=True)
class Config:
    """Settings for one newsroom; `root` is the folder holding newsroom.toml."""

    root: Path
    title: str = _default("title")
    description: str = _default("description")
    base_url: str = _default("base_url")
    feeds_url: str = _default("feeds_url")
    link_pattern: str = _default("link_pattern")
    language: str = _default("language")
    timezone: str = _default("timezone")
    publisher: str = _default("publisher")
    credit: str = _default("credit")
    feed_limit: int = _default("feed_limit")
    ttl: int = _default("ttl")
    retraction_days: int = _default("retraction_days")
    contact: str = _default("contact")
    pages_latest: int = _default("pages_latest")
    four_eyes: bool = _default("four_eyes")
    checks: dict[str, str] = field(default_factory=dict)
    partners: tuple[Partner, ...] = ()
    people: tuple[Person, ...] = ()
    private_group: str = _default("private_group")
    ui_language: str = _default("ui_language")
    websub_hubs: tuple[str, ...] = _default("websub_hubs")
    mail_host: str = _default("mail_host")
    mail_port: int = _default("mail_port")
    mail_security: str = _default("mail_security")
    mail_user: str = _default("mail_user")
    mail_password_env: str = _default("mail_password_env")
    mail_from: str = _default("mail_from")
    mail_reply_to: str = _default("mail_reply_to")
    mail_rate: int = _default("mail_rate")
    mail_attach_max_mb: int = _default("mail_attach_max_mb")
    mail_unsubscribe: str = _default("mail_unsubscribe")
    mail_contact: str = _default("mail_contact")
    lists: tuple[MailList, ...] = ()
    numbering_pattern: str = _default("numbering_pattern")
    numbering_reset: str = _default("numbering_reset")
    numbering_unit: str = _default("numbering_unit")
    numbering_start: int = _default("numbering_start")
    attachments_max_mb: int = _default("attachments_max_mb")
    attachments_types: tuple[str, ...] = _default("attachments_types")
    signing_required: bool = _default("signing_required")
    passphrase_env: str = _default("passphrase_env")
    git: bool = _default("git")
    git_remote: str = _default("git_remote")
    git_branch: str = _default("git_branch")
    git_publisher: str = _default("git_publisher")
    git_lease_minutes: int = _default("git_lease_minutes")
    git_retries: int = _default("git_retries")
    git_timeout: int = _default("git_timeout")

    @property
    def tz(self) -> dt.tzinfo:
        """The newsroom's zone as a tzinfo."""
        return zone(self.timezone)

    # (Paths and URLs every output asks for thousands of times a run: made once each,
    # bench_publish.py, a publish after one approval.)
    @cached_property
    def articles_dir(self) -> Path:
        return self.root / ARTICLES_DIR

    @cached_property
    def feeds_dir(self) -> Path:
        return self.root / "feeds"

    @cached_property
    def state_dir(self) -> Path:
        """Working files that are not content: caches, locks, the publish log (kept out of git)."""
        return self.root / STATE_DIR

    @cached_property
    def feeds_base(self) -> str:
        """The public URL `feeds/` is served at."""
        return (self.feeds_url or self.base_url.rstrip("/") + "/feeds").rstrip("/")

    def check_level(self, name: str) -> str:
        return self.checks.get(name, DEFAULT_CHECKS[name])


def require_root(root: Path | None) -> Path:
    """`root`, or a ConfigError saying there is no newsroom here and how to make one."""
    if root is None:
        raise ConfigError(
            "no newsroom here: no newsroom.toml in this folder or above it "
            "(run `newsroom init`, or pass --root DIR)",
            code="no_newsroom",
        )
    return root


def load_config(root: Path) -> Config:
    """Read and check `root/newsroom.toml` (`root` resolved, as the command line does: a
    relative one, "." above all, named each file two ways: "./articles/…" scanned,
    "articles/…" saved)."""
    root = Path(root).resolve()
    path = root / CONFIG_NAME
    try:
        text = path.read_text(encoding="utf-8")
        data = tomllib.loads(text)
    except FileNotFoundError:
        raise ConfigError(
            f"{path}: no such file (run `newsroom init {root}` to make one)",
            code="no_config",
            path=str(path),
            root=str(root),
        ) from None
    except (tomllib.TOMLDecodeError, UnicodeDecodeError) as exc:
        raise ConfigError(f"{path}: {exc}") from None
    return parse_config(root, data, text)


def parse_config(root: Path, data: dict[str, Any], text: str = "") -> Config:
    """Typed settings from a parsed TOML document (`text`: as written, so that errors name
    the line); unknown tables or keys are errors."""
    reader = Reader(root / CONFIG_NAME, data, text)
    tables: dict[str, set[str]] = {}
    for s in SETTINGS:
        tables.setdefault(s.table, set()).add(s.key)
    read = {name: reader.table(name, keys) for name, keys in tables.items()}
    checks = reader.table("checks", set(CHECK_NAMES))
    reader.only({*tables, "checks", "partners", "people", "lists"})
    values: dict[str, Any] = {
        s.field: reader.value(read[s.table], s.table, s.key, s.default, s.choices) for s in SETTINGS
    }
    values["base_url"] = str(values["base_url"]).rstrip("/")
    config = Config(
        root=root,
        **values,
        checks={k: reader.choice(checks, "checks", k, CHECK_LEVELS) for k in checks},
        partners=tuple(_partners(reader)),
        people=tuple(_people(reader)),
        lists=read_lists(reader, root),
    )
    try:
        config.tz  # noqa: B018 - validates the zone name
    except Exception:
        raise reader.fail(
            "[site] timezone",
            f"unknown zone {config.timezone!r} (use an IANA name such as Asia/Jakarta)",
        ) from None
    for hub in config.websub_hubs:
        scheme, _, rest = hub.partition("://")
        if (
            scheme not in ("https", "http")
            or not rest.split("/")[0]
            or any(c.isspace() for c in hub)
        ):
            raise reader.fail(
                "[websub] hubs",
                f'{hub!r} is not a web address (write each hub as "https://hub.example/")',
            )
    if "{slug}" not in config.link_pattern and "{id}" not in config.link_pattern:
        raise reader.fail("[site] link_pattern", "must contain {slug} or {id}")
    try:
        config.link_pattern.format(**dict.fromkeys(LINK_TOKENS, ""))
    except (KeyError, IndexError, ValueError) as exc:
        known = ", ".join("{" + t + "}" for t in LINK_TOKENS)
        raise reader.fail("[site] link_pattern", f"unknown token {exc} (known: {known})") from None
    check_mail(reader, config)
    _check_numbering(reader, config)
    _check_attachment_types(reader, config)
    _check_git(reader, config)
    return config


def _check_numbering(reader: Reader, config: Config) -> None:
    from .numbering import check_pattern

    problem = check_pattern(config.numbering_pattern, config.numbering_reset,
                            config.numbering_unit)  # fmt: skip
    if problem:
        raise reader.fail("[numbering] " + problem.split(": ", 1)[0], problem.split(": ", 1)[1])


def _check_attachment_types(reader: Reader, config: Config) -> None:
    from .attachment_types import EXTENSIONS

    known = set(EXTENSIONS.values())
    for kind in config.attachments_types:
        if kind not in known:
            raise reader.fail(
                "[attachments] types", f"{kind!r} is not a type newsroom knows (known: "
                + ", ".join(sorted(known)) + ")",
            )  # fmt: skip


def _check_git(reader: Reader, config: Config) -> None:
    """[git]: names git is given as arguments (never taken for an option) and times above 0."""
    for key, value in (("remote", config.git_remote), ("branch", config.git_branch)):
        if value.startswith("-") or any(c.isspace() or c in "~^:?*[\\" for c in value):
            raise reader.fail(f"[git] {key}", f"{value!r} is not a git name (e.g. origin, main)")
    if not config.git_remote:
        raise reader.fail("[git] remote", "name the remote offices share, e.g. origin")
    for key, number in (
        ("timeout", config.git_timeout),
        ("lease_minutes", config.git_lease_minutes),
    ):
        if number < 1:
            raise reader.fail(f"[git] {key}", "must be 1 or more")


def _partners(self: Reader) -> list[Partner]:
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


def _people(self: Reader) -> list[Person]:
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


def _unique_logins(reader: Reader, people: list[Person]) -> None:
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
