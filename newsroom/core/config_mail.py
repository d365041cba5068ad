"""The mail settings of newsroom.toml beyond `[mail]`'s keys (declared in config.SETTINGS):
the `[[lists]]` of journalists, and what mail needs once lists exist (core/mail/ sends)."""

from __future__ import annotations

from pathlib import Path
from typing import Any, NamedTuple

from .config_reader import Reader


class MailList(NamedTuple):
    """A mailing list of journalists (`[[lists]]`): who receives which releases by e-mail.

    Its filters and `embargo_access` mean what a partner's do (the feeds' one rule decides
    both). `recipients` is a file of addresses, one a line, kept out of feeds/ and git."""

    name: str
    title: str
    recipients: Path
    categories: tuple[str, ...] = ()
    tags: tuple[str, ...] = ()
    language: str = ""
    embargo_access: bool = False


def _short_name(self: Reader, where: str, name: object, what: str) -> str:
    if not isinstance(name, str) or (
        not name.isidentifier() and not name.replace("-", "_").isidentifier()
    ):
        raise self.fail(f"{where} name", f"must be a short name like {what} (letters, -)")
    return name


def read_lists(self: Reader, root: Path) -> tuple[MailList, ...]:
    raw = self.data.get("lists", [])
    if not isinstance(raw, list):
        raise self.fail("lists", "write each mailing list as a [[lists]] table")
    out: list[MailList] = []
    allowed = {"name", "title", "recipients", "categories", "tags", "language", "embargo_access"}
    for i, item in enumerate(raw):
        where = f"[[lists]] #{i + 1}"
        for key in item:
            if key not in allowed:
                known = ", ".join(sorted(allowed))
                raise self.fail(f"{where} {key}", f"unknown key (known: {known})")
        name = _short_name(self, where, item.get("name"), "wartawan")
        if any(m.name == name for m in out):
            raise self.fail(f"{where} name", f"list {name!r} is listed twice")
        recipients = self.text(item, where, "recipients", "")
        if not recipients:
            raise self.fail(
                f"{where} recipients",
                "name the file of addresses, one a line (keep it out of feeds/ and of git, "
                'e.g. "/etc/newsroom/wartawan.txt" or ".newsroom/lists/wartawan.txt")',
            )
        path = (root / recipients).resolve()
        if path.is_relative_to((root / "feeds").resolve()):
            raise self.fail(
                f"{where} recipients",
                "is inside feeds/, which is served to the public: move the file out of it",
            )
        out.append(
            MailList(
                name=name,
                title=self.text(item, where, "title", name),
                recipients=path,
                categories=self.words(item, where, "categories"),
                tags=self.words(item, where, "tags"),
                language=self.text(item, where, "language", ""),
                embargo_access=self.flag(item, where, "embargo_access", False),
            )
        )
    return tuple(out)


def check_mail(reader: Reader, config: Any) -> None:
    """With [[lists]], mail is on: it needs a server and a sender; a password is only ever
    named by its environment variable."""
    if not config.lists:
        return
    for key, value in (("host", config.mail_host), ("from", config.mail_from)):
        if not value:
            raise reader.fail(f"[mail] {key}", "is needed to send to the [[lists]]")
    if "@" not in config.mail_from:
        raise reader.fail("[mail] from", 'must be an address, e.g. "Humas <humas@example.go.id>"')
    if config.mail_user and not config.mail_password_env:
        raise reader.fail(
            "[mail] password_env",
            "name the environment variable that holds the password of [mail] user "
            '(e.g. "NEWSROOM_SMTP_PASSWORD"); never write the password here',
        )
    if config.mail_password_env and not config.mail_password_env.replace("_", "A").isalnum():
        raise reader.fail(
            "[mail] password_env",
            "must be the NAME of an environment variable (letters, digits, _), not a password",
        )
    unsubscribe = config.mail_unsubscribe
    if unsubscribe and not unsubscribe.startswith(("mailto:", "https:", "http:")):
        raise reader.fail("[mail] unsubscribe", "must start with mailto: or https:")
