"""A list's recipients: a text file of addresses, one a line, `#` starts a comment.

`Nama Wartawan <nama@redaksi.co.id>` and a bare `nama@redaksi.co.id` are both fine. A bad
line is named with its line number and skipped; the rest still get the mail. The same
address twice is kept once (compared without regard to case). Addresses are personal data
(UU PDP 27/2022): problems name the file and line, never the text of the line.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from email.utils import parseaddr

from ..config_mail import MailList
from ..errors import Said, cause

# What a deliverable address looks like: local@domain.tld, no spaces or brackets. Looser
# than RFC 5322 on purpose (servers accept what offices type), strict enough to catch
# typos that would bounce: a missing @, a missing dot in the domain, a comma or a space.
_ADDRESS = re.compile(r"^[A-Za-z0-9.!#$%&'*+/=?^_`{|}~-]+@[A-Za-z0-9-]+(\.[A-Za-z0-9-]+)+$")


@dataclass(frozen=True)
class Recipient:
    address: str  # the bare address (as the server is given it)
    display: str  # as it goes in To: ("Nama <a@b>" or "a@b")
    line: int


@dataclass
class Recipients:
    """A list's file read: the good addresses, and a problem per bad line."""

    mail_list: MailList
    people: list[Recipient] = field(default_factory=list)
    problems: list[str] = field(default_factory=list)


def read_recipients(mail_list: MailList) -> Recipients:
    """The recipients of `mail_list` (a missing or unreadable file is one problem)."""
    found = Recipients(mail_list)
    path = mail_list.recipients
    try:
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        found.problems.append(Said(
            f"{path}: no such file (list {mail_list.name}: write its addresses there, one a line)",
            "mail_list_missing", path=path, list=mail_list.name,
        ))  # fmt: skip
        return found
    except (OSError, UnicodeDecodeError) as exc:
        found.problems.append(Said(
            f"{path}: cannot be read ({exc}); list {mail_list.name} gets nothing",
            "mail_list_unreadable", path=path, list=mail_list.name, reason=exc,
        ))  # fmt: skip
        return found
    seen: set[str] = set()
    for number, raw in enumerate(text.splitlines(), 1):
        line = raw.split("#", 1)[0].strip() if not _quoted_hash(raw) else raw.strip()
        if not line:
            continue
        recipient, why = parse_line(line, number)
        if recipient is None:
            found.problems.append(Said(
                f"{path}:{number}: {why}; that line is skipped", "mail_line_skipped",
                cause(why), path=path, line=number,
            ))  # fmt: skip
            continue
        folded = recipient.address.casefold()
        if folded in seen:
            continue
        seen.add(folded)
        found.people.append(recipient)
    return found


def _quoted_hash(line: str) -> bool:
    """A `#` inside a quoted display name ("Redaksi #1" <a@b>) is not a comment."""
    return '"' in line.split("#", 1)[0] and line.count('"') >= 2


def parse_line(line: str, number: int = 0) -> tuple[Recipient | None, str]:
    """One line as a recipient, or None and why not (never quoting the line; by a code,
    `error.<code>`, for the faces)."""
    if "," in re.sub(r'"[^"]*"', "", line) or ";" in line:
        return None, Said("one address a line (found a comma or semicolon)", "address_many")
    name, address = parseaddr(line)
    if not address or not _ADDRESS.match(address):
        return None, Said(
            "not an e-mail address (expected nama@redaksi.co.id or Nama <nama@redaksi.co.id>)",
            "address_not",
        )
    if "<" in line and not line.rstrip().endswith(">"):
        return None, Said("text after the address's closing >", "address_after")
    display = f"{name} <{address}>" if name else address
    return Recipient(address, display, number), ""
