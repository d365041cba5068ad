"""`newsroom mail test` and `newsroom mail status`: trying a list, and what the log holds.

A test message goes once: To the sender's own address, every recipient of the list as a
blind copy (the envelope only: no Bcc line is written), or to one address given. It is
not a release and is not noted in the send log. The status names addresses only when
asked (the office fixing a list), never in a log.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from email.message import EmailMessage
from email.policy import SMTP
from email.utils import format_datetime, make_msgid

from ..config import Config
from ..errors import NewsroomError, cause
from .message import addressed, domain
from .recipients import Recipients, parse_line, read_recipients


@dataclass
class TestSent:
    name: str  # the list's
    recipients: int  # addresses the server was given
    refused: list[tuple[str, str]] = field(default_factory=list)  # (address, answer)
    problems: list[str] = field(default_factory=list)  # the file's bad lines


def find_list(config: Config, name: str) -> Recipients:
    mail_list = next((m for m in config.lists if m.name == name), None)
    if mail_list is None:
        known = ", ".join(m.name for m in config.lists)
        if not known:
            raise NewsroomError(
                f"no mailing list {name!r} in newsroom.toml (lists: none: add a [[lists]] "
                "table)", code="mail_no_lists", name=name,
            )  # fmt: skip
        raise NewsroomError(
            f"no mailing list {name!r} in newsroom.toml (lists: {known})", code="mail_no_list",
            name=name, known=known,
        )  # fmt: skip
    return read_recipients(mail_list)


def send_test(config: Config, name: str, now: dt.datetime, to: str = "") -> TestSent:
    """Send one test message to list `name` (or only to `to`). An error that stops it
    keeps the list's bad lines (`facts["problems"]`) for the face to say first."""
    found = find_list(config, name)
    try:
        return _send_test(config, found, name, now, to)
    except NewsroomError as exc:  # the list's bad lines, said before why nothing went (a
        exc.facts.setdefault("problems", tuple(found.problems))  # list of none valid above
        raise  # all: they are why)


def _send_test(config: Config, found: Recipients, name: str, now: dt.datetime,
               to: str) -> TestSent:  # fmt: skip
    import smtplib

    from .smtp import Connection, envelope_sender

    if to:
        one, why = parse_line(to)
        if one is None:
            raise NewsroomError(f"--to: {why}", code="mail_to", **cause(why))
        addresses = [one.address]
    else:
        addresses = [p.address for p in found.people]
    result = TestSent(name, len(addresses), problems=list(found.problems))
    if not addresses:
        raise NewsroomError(
            f"list {name} has no valid address (its file: {found.mail_list.recipients})",
            code="mail_list_empty", name=name, path=found.mail_list.recipients,
        )  # fmt: skip
    msg = EmailMessage(policy=SMTP)
    msg["From"] = config.mail_from
    msg["Subject"] = f"[TES] {config.title}: {found.mail_list.title}"
    msg["Date"] = format_datetime(now.astimezone(config.tz))
    msg["Message-ID"] = make_msgid("tes", domain(config))
    msg.set_content(
        f"Pesan uji dari {config.title} untuk daftar {found.mail_list.title}.\n"
        f"This is a test message of {config.title} for the list {found.mail_list.title}.\n"
    )
    data = addressed(msg.as_bytes(), config, to or envelope_sender(config), found.mail_list)
    with Connection(config) as connection:
        assert connection.smtp is not None
        try:
            refused = connection.smtp.sendmail(envelope_sender(config), addresses, data)
        except smtplib.SMTPRecipientsRefused as exc:
            refused = exc.recipients
        except (smtplib.SMTPException, OSError) as exc:
            raise NewsroomError(
                f"the mail server did not take the test message: {exc}",
                code="mail_test_failed", detail=exc,
            ) from None  # fmt: skip
    for address, (code, text) in refused.items():
        said = text.decode("utf-8", "replace") if isinstance(text, bytes) else str(text)
        result.refused.append((address, f"{code} {said}"))
    return result


@dataclass
class StatusLine:
    release: str
    title: str
    kind: str
    version: int
    moment: str
    counts: dict[str, int]


@dataclass
class ListLine:
    """A list as its file reads now: how many addresses, and the bad lines (no address)."""

    name: str
    title: str
    file: str
    addresses: int
    problems: list[str]


@dataclass
class MailStatus:
    lists: list[ListLine] = field(default_factory=list)
    lines: list[StatusLine] = field(default_factory=list)
    problems: list[tuple[str, str, str, str]] = field(default_factory=list)  # event, list,
    # address, error
    baseline: int = 0
    configured: bool = False

    def totals(self) -> dict[str, int]:
        out: dict[str, int] = {}
        for line in self.lines:
            for state, n in line.counts.items():
                out[state] = out.get(state, 0) + n
        return out

    def to_json(self, addresses: bool) -> dict[str, object]:
        return {
            "configured": self.configured,
            "baseline": self.baseline,
            "totals": self.totals(),
            "lists": [vars(line) for line in self.lists],
            "events": [vars(line) for line in self.lines],
            "problems": [
                {"event": e, "list": m, "address": a if addresses else None, "error": err}
                for e, m, a, err in self.problems
            ],
        }


def mail_status(config: Config, titles: dict[str, str]) -> MailStatus:
    """What the send log holds: per event, its sends by state (`titles`: by release id)."""
    from .sendlog import SendLog, mail_dir

    status = MailStatus(configured=bool(config.lists))
    for mail_list in config.lists:
        found = read_recipients(mail_list)
        status.lists.append(ListLine(mail_list.name, mail_list.title, str(mail_list.recipients),
                                     len(found.people), found.problems))  # fmt: skip
    if not (mail_dir(config) / "sendlog.sqlite").exists():
        return status
    log = SendLog(config)
    try:
        counts = log.counts()
        for key, release, version, kind, moment, _state in log.events():
            status.lines.append(StatusLine(release, titles.get(release, release), kind,
                                           version, moment or "", counts.get(key, {})))  # fmt: skip
        status.problems = [(s.event, s.list, s.display, s.error) for s in log.problems()]
        status.baseline = log.baseline_count()
    finally:
        log.close()
    return status
