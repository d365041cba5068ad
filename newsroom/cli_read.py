"""The command line's commands that read releases: list, show, text, check.

Listed in cli.py's `COMMANDS` and imported when one of them runs; the same thin commands
over the core's door, speaking the person's language.
"""

from __future__ import annotations

import json
from typing import Any

import click

from .cli import Context, fail, friendly, pass_ctx
from .core.service import TEXT_FORMATS


def _statuses(ctx: click.Context, param: click.Parameter, value: tuple[str, ...]) -> Any:
    """The statuses asked for, each one the workflow knows (else exit 2 listing them)."""
    from .core.model import ALL_STATUSES

    for status in value:
        if status not in ALL_STATUSES:
            t = ctx.find_object(Context).t  # type: ignore[union-attr]
            message = t("cli.bad_status", value=status, statuses=", ".join(ALL_STATUSES))
            raise click.BadParameter(message, ctx, param)
    return value


@click.command("list")
@click.option(
    "--status",
    "statuses",
    multiple=True,
    callback=_statuses,
    help="Only this status as the file has it (repeatable): draft, in_review, "
    "changes_requested, approved, published, correcting, retracted (a published release "
    "whose correction is in review is in_review here; the desk's views 7 and 8 show it too).",
)
@click.option("--json", "as_json", is_flag=True, help="JSON for scripts.")
@pass_ctx
@friendly
def list_(obj: Context, statuses: tuple[str, ...], as_json: bool) -> None:
    """The releases, newest change first."""
    from .core.service import newest_first

    newsroom = obj.newsroom
    index = newsroom.index()
    records = newest_first(
        [r for r in index.records.values() if not statuses or r.status in statuses]
    )
    if as_json:
        from .core.service import listing_json

        listing = listing_json(records, index.problems, newsroom.config.tz)
        click.echo(json.dumps(listing, ensure_ascii=False, indent=2))
        return
    from .clirender import print_list

    print_list(records, index.problems, newsroom, obj.t)


@click.command()
@click.argument("ref")
@click.option("--json", "as_json", is_flag=True, help="JSON for scripts.")
@pass_ctx
@friendly
def show(obj: Context, ref: str, as_json: bool) -> None:
    """One release: its fields, text, history, comments and what you may do next."""
    newsroom = obj.newsroom
    article = newsroom.find(ref)
    if as_json:
        from .core.service import article_json

        data = article_json(article, newsroom.config.tz, full=True)
        click.echo(json.dumps(data, ensure_ascii=False, indent=2))
        return
    from .clirender import print_article

    print_article(article, newsroom, obj.t)


@click.command()
@click.argument("ref")
@click.option(
    "--format",
    "fmt",
    type=click.Choice(TEXT_FORMATS),
    default="whatsapp",
    show_default=True,
    help="whatsapp: *bold* title and WhatsApp's markup; plain: no markup; sms: short, the "
    "summary and the link.",
)
@pass_ctx
@friendly
def text(obj: Context, ref: str, fmt: str) -> None:
    """A release as text to paste into WhatsApp, an SMS or a mail (what partners see)."""
    click.echo(obj.newsroom.message_text(ref, fmt), nl=False)


@click.command()
@pass_ctx
@friendly
def check(obj: Context) -> None:
    """Check the config, every file, and the pre-approval checks of every release not yet
    out, by status; exit 1 on any error (an approved release failing a required check is
    one; a draft's is a warning)."""
    from .clirender import print_report

    newsroom = obj.newsroom
    report = newsroom.check()
    print_report(report, newsroom, obj.t)
    if not newsroom.config.people:
        click.echo(obj.t("report.no_people"))
    if report.errors:
        fail(obj.t("report.failed", errors=obj.t("n.errors", n=report.errors)))
