"""The command line's mail commands: `newsroom mail test|status|send` (core/mail/).

Listed in cli.py's `COMMANDS`, imported when one runs; thin commands over the door, in the person's
language. Addresses are shown only with `mail status --addresses` (never in a log).
"""

from __future__ import annotations

import json
import sys
from collections import Counter
from collections.abc import Iterable
from typing import TYPE_CHECKING

import click

from .cli import Context, friendly, pass_ctx
from .core.errors import NewsroomError
from .i18n.explain import line_text, warning_text

if TYPE_CHECKING:
    from .i18n import Translator


@click.group()
def mail() -> None:
    """E-mail to the [[lists]] of journalists: test a list, see and send what waits."""


@mail.command("test")
@click.argument("name")
@click.option("--to", "to", default="", metavar="ADDRESS",
              help="Send it to this address only (not to the list).")  # fmt: skip
@pass_ctx
@friendly
def mail_test(obj: Context, name: str, to: str) -> None:
    """Send one test message to list NAME (each recipient a blind copy)."""
    t = obj.t
    try:
        result = obj.newsroom.mail_test(name, to)
    except NewsroomError as exc:  # the list's bad lines first, then why nothing went
        _warn(t, exc.facts.get("problems", ()))  # type: ignore[arg-type]
        raise
    _warn(t, result.problems)
    took = result.recipients - len(result.refused)
    click.echo(t("mail.test_sent", list=name, n=took))
    for address, answer in result.refused:
        click.echo(t("mail.test_refused", address=address, answer=answer), err=True)
    if result.refused or result.problems:
        sys.exit(1)


def _warn(t: Translator, problems: Iterable[str]) -> None:
    for problem in problems:
        click.echo(t("cli.warning", text=warning_text(t, problem)), err=True)


@mail.command("status")
@click.option("--addresses", is_flag=True, help="Name the addresses that failed or wait.")
@click.option("--json", "as_json", is_flag=True, help="JSON for scripts.")
@pass_ctx
@friendly
def mail_status(obj: Context, addresses: bool, as_json: bool) -> None:
    """What the send log holds: per release version, sent, waiting and failed."""
    t = obj.t
    status = obj.newsroom.mail_status()
    if as_json:
        click.echo(json.dumps(status.to_json(addresses), ensure_ascii=False, indent=2))
        return
    if not status.configured:
        click.echo(t("mail.off"))
    for line in status.lists:
        click.echo(t("mail.list", name=line.name, title=line.title, n=line.addresses,
                     file=line.file))  # fmt: skip
        for problem in line.problems:
            click.echo(f"    {warning_text(t, problem)}")
    totals = status.totals()
    click.echo(t("mail.totals", sent=totals.get("sent", 0), queued=totals.get("queued", 0),
                 failed=totals.get("failed", 0), skipped=totals.get("skipped", 0)))  # fmt: skip
    if status.baseline:
        click.echo(t("mail.baseline", n=status.baseline))
    for line in status.lines:
        counts = ", ".join(f"{t('mail.state.' + k)} {n}" for k, n in sorted(line.counts.items()))
        click.echo(f"  {_kind(t, line.kind, line.version)}: {line.title} — {counts or '—'}")
    if addresses:
        for event, name, address, error in status.problems:
            said = line_text(t, error)
            click.echo(t("mail.problem", event=event, list=name, who=address, error=said))
    else:  # the same answer for many addresses (a server not reached): one line
        same = Counter((event, name, line_text(t, error))
                       for event, name, _, error in status.problems)  # fmt: skip
        for (event, name, error), n in same.items():
            who = t("mail.someone") if n == 1 else t("mail.some", n=n)
            click.echo(t("mail.problem", event=event, list=name, who=who, error=error))
    if status.problems and not addresses:
        click.echo(t("mail.addresses_hint"))
    if totals.get("failed"):
        sys.exit(1)


@mail.command("send")
@pass_ctx
@friendly
def mail_send(obj: Context) -> None:
    """Send what waits in the send log now (publish does it on every run)."""
    t = obj.t
    done = obj.newsroom.mail_send()
    if done.busy:
        click.echo(t("mail.busy"), err=True)
        return
    click.echo(t("mail.sent", sent=done.sent, failed=done.failed, waiting=done.waiting))
    for error in done.errors:
        click.echo(t("cli.warning", text=warning_text(t, error)), err=True)
    if done.failed or done.errors:
        sys.exit(1)


def _kind(t: Translator, kind: str, version: int) -> str:
    return t("mail.kind." + kind, version=version)
