"""How the command line shows releases to people (rich tables and panels)."""

from __future__ import annotations

import datetime as dt
import re

from rich.console import Console
from rich.markup import escape
from rich.table import Table

from .core.clock import format_time, zone_abbreviation
from .core.errors import Problem
from .core.index import Record
from .core.model import Article
from .core.service import Newsroom
from .core.status import Status
from .core.workflow import allowed_actions

console = Console()
# Control characters (ESC starts terminal sequences) never reach the terminal from a file.
_CONTROL = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f]")


def printable(text: str) -> str:
    """Text from a release, safe for a terminal and for rich: no control sequences, no markup."""
    return escape(_CONTROL.sub("", text))


def when(newsroom: Newsroom, value: dt.datetime | None, short: bool = False) -> str:
    """A time in the newsroom's zone: `07-12-2018 16:30 WIB` (short: without the zone)."""
    config = newsroom.config
    return format_time(value, config.tz, "" if short else config.timezone)


def print_list(records: list[Record], problems: list[Problem], newsroom: Newsroom) -> None:
    """The desk as a table (dateline and embargo when the terminal is wide), then broken files."""
    wide = console.width >= 110
    zone = zone_abbreviation(newsroom.config.timezone, newsroom.now())  # the times say it once
    table = Table(title=f"{newsroom.config.title}: {len(records)} releases")
    table.add_column("id", no_wrap=True)
    table.add_column("status", no_wrap=True)
    table.add_column(f"updated ({zone})", no_wrap=True)
    if wide:
        table.add_column("dateline", no_wrap=True)
        table.add_column(f"embargo ({zone})", no_wrap=True)
    table.add_column("title", overflow="fold")
    for r in records:
        cells = [r.id[:8], r.status, when(newsroom, r.edited, short=True)]
        if wide:
            cells += [printable(r.dateline), when(newsroom, r.embargo, short=True)]
        table.add_row(*cells, printable(r.title))
    console.print(table)
    for problem in problems:
        console.print(f"[red]broken:[/] {printable(str(problem))}")


def print_article(article: Article, newsroom: Newsroom) -> None:
    """One release in full, with its history and what this person may do next."""
    console.rule(printable(article.title))
    fields = [
        ("id", article.id),
        ("status", article.status),
        ("path", str(article.path)),
        ("dateline", article.dateline),
        ("author", article.author),
        ("credit", article.credit),
        ("categories", ", ".join(article.categories)),
        ("tags", ", ".join(article.tags)),
        ("embargo", when(newsroom, article.embargo)),
        ("published", when(newsroom, article.published)),
    ]
    if article.image:
        fields += [
            ("photo", article.image.src),
            ("caption", article.image.caption),
            ("photo credit", article.image.credit),
        ]
    for name, value in fields:
        if value:
            console.print(f"[bold]{name:>12}[/] {printable(value)}")
    console.print()
    lead = f"{article.dateline} – " if article.dateline else ""
    console.print(printable(lead + article.body.strip()) + printable(_credit_line(article)))
    console.rule("history and comments")
    lines = []  # one timeline, in time order (a comment among the steps it came between)
    for h in article.history:
        move = f"{h.from_ or ''} -> {h.to}" if h.to and h.from_ != h.to else ""
        note = f": {h.note}" if h.note else ""
        lines.append((h.at, f"{printable(h.by):<12} {h.action} {move}{printable(note)}"))
    for c in article.comments:
        lines.append((c.at, f"{printable(c.by):<12} comment: {printable(c.text)}"))
    for at, text in sorted(lines, key=lambda line: line[0]):
        console.print(f"{when(newsroom, at)}  {text}")
    console.rule(f"what {newsroom.actor} may do")
    for action, decision in allowed_actions(
        article, newsroom.actor, newsroom.config, newsroom.now()
    ).items():
        mark = "[green]yes[/]" if decision.allowed else f"[dim]no: {printable(decision.reason)}[/]"
        console.print(f"  {action:<16} {mark}")


def _credit_line(article: Article) -> str:
    if article.author or article.credit:
        return f" ({article.author}/{article.credit})"
    return ""


def print_status(report: Status, newsroom: Newsroom) -> None:
    """`newsroom status`: the last successful publish, failures, what is held back and why."""
    last = when(newsroom, report.last_success) or "never"
    if report.last_success is None:
        last = "none on this machine yet (feeds/ may have been published elsewhere)"
    console.print(f"[bold]last successful publish:[/] {last}")
    if report.failures:
        console.print(f"[red]publish has failed {report.failures} run(s) in a row[/]")
    for held in report.held:
        console.print(f"[red]held back:[/] {printable(held.path)}: {printable(held.reason)}")
    for waiting in report.waiting:
        until = when(newsroom, waiting.until)
        console.print(f"waiting for its embargo until {until}: {printable(waiting.title)}")
    for broken in report.broken:
        console.print(f"[red]broken:[/] {printable(broken)}")
    if report.healthy:
        console.print("[green]publishing is healthy[/]")
