"""How the command line shows releases to people (rich tables and panels), in their language."""

from __future__ import annotations

import datetime as dt
import re
from typing import TYPE_CHECKING

from rich.cells import cell_len
from rich.console import Console
from rich.markup import escape
from rich.text import Text

from .core.errors import Problem
from .core.model import Article
from .core.service import (
    CUT,
    DELETED,
    ERROR,
    INSERTED,
    CheckReport,
    Health,
    Newsroom,
    Record,
    format_time,
    partner_body,
    partner_text,
    zone_abbreviation,
)
from .i18n import Translator
from .i18n.explain import (
    check_with_fix,
    decision_text,
    failure_text,
    field_label,
    history_note,
    lift_set,
    marked_title,
    problem_text,
    seal_text,
)

if TYPE_CHECKING:
    from rich.table import Table

console = Console()


def _fit() -> None:
    """The console as wide as the terminal is now (COLUMNS first, 80 in a pipe): a module's
    console keeps the width of the moment it was made, which one process running several
    commands (the tests) or a resized terminal would otherwise not see."""
    import shutil

    console.width = shutil.get_terminal_size((80, 24)).columns


def say(*objects: object, style: str | None = None) -> None:
    """One line of a report: never wrapped, so `path: ...` lines stay whole for grep."""
    console.print(*objects, style=style, soft_wrap=True)


# Control characters (ESC starts terminal sequences) never reach the terminal from a file.
_CONTROL = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f]")


def printable(text: str) -> str:
    """Text from a release, safe for a terminal and for rich: no control sequences, no markup."""
    return escape(_CONTROL.sub("", text))


def when(newsroom: Newsroom, value: dt.datetime | None, short: bool = False) -> str:
    """A time in the newsroom's zone: `07-12-2018 16:30 WIB` (short: without the zone)."""
    config = newsroom.config
    return format_time(value, config.tz, "" if short else config.timezone)


# The title keeps this many columns in `newsroom list`: the other columns give way first
# (a number goes under the title, the embargo under the status, the dateline goes).
TITLE_MIN = 30
# What the list may show beside id, status, time changed and title, kept in this order while
# the title keeps its room: the embargo's column, the dateline's, the number's.
OPTIONAL = ("embargo", "dateline", "number")


def print_list(
    records: list[Record], problems: list[Problem], newsroom: Newsroom, t: Translator
) -> None:
    """The desk as a table, then broken files. The other columns give way to the title:
    the embargo, dateline and number have columns of their own only while the title keeps
    TITLE_MIN (at 120 columns); narrower (80, a pipe), the status in its short form, a
    release not out yet says under it when its embargo lifts, and a release's number
    stands under its title (at 80 columns the title keeps 28)."""
    _fit()
    title = t("list.title", title=newsroom.config.title, releases=t("n.releases", n=len(records)))
    if records:
        _print_table(records, newsroom, t, title)
    else:  # (an empty table under a title wrapped to its narrow width said less)
        say(printable(title))
    for problem in problems:
        console.print(f"[red]{t('publish.broken', reason=printable(problem_text(t, problem)))}[/]")


def _print_table(records: list[Record], newsroom: Newsroom, t: Translator, title: str) -> None:
    from rich.table import Table

    zone = zone_abbreviation(newsroom.config.timezone, newsroom.now())  # the times say it once
    columns = _list_columns(records, newsroom, t, zone)
    table = Table()
    for name in columns:
        table.add_column(_heading(t, name, zone), no_wrap=True)
    table.add_column(t("col.title"), overflow="fold")
    for r in records:
        table.add_row(*_list_row(r, columns, newsroom, t))
    _centred_over(title, table)
    console.print(table)


def _heading(t: Translator, name: str, zone: str) -> str:
    return t("col." + ("status" if name == "short" else name), zone=zone)


def _list_columns(records: list[Record], newsroom: Newsroom, t: Translator, zone: str) -> list[str]:
    """The columns beside the title: id, status, time changed, then each of OPTIONAL that
    some release has, while the title keeps TITLE_MIN columns (a column costs its widest
    cell and three for its border and padding; the status is measured with the embargo
    under it, the most it takes)."""
    wide = console.width >= 110  # (narrower: the statuses' short forms)
    columns = ["id", "status", "updated"] if wide else ["id", "short", "updated"]
    every = [*columns, *OPTIONAL]
    rows = [_list_row(r, columns, newsroom, t, every) for r in records]
    width = {name: _widest(t, name, zone, [row[i] for row in rows]) for i, name in enumerate(every)}
    for name in OPTIONAL if wide else ("number",):
        trial = [*columns, name]
        used = sum(width[c] + 3 for c in trial) + 4
        if any(row[every.index(name)] for row in rows) and console.width - used >= TITLE_MIN:
            columns = trial
    return columns


def _widest(t: Translator, name: str, zone: str, cells: list[str]) -> int:
    """The widest line of a column (its heading too), as the terminal shows it."""
    lines = [line for cell in cells for line in Text.from_markup(cell).plain.splitlines()]
    return max((cell_len(line) for line in [_heading(t, name, zone), *lines]), default=0)


def _list_row(
    r: Record, columns: list[str], newsroom: Newsroom, t: Translator, shown: list[str] | None = None
) -> list[str]:
    """One release's cells, for `columns` (`shown`: these cells, measured) and the title:
    the embargo under the status when it has no column, the number under the title when
    it has none. No embargo, dateline or number: an empty cell."""
    cells = {"id": r.id[:8], "updated": when(newsroom, r.edited, short=True),
             "dateline": printable(r.dateline), "number": printable(r.number),
             "embargo": when(newsroom, r.embargo, short=True)}  # fmt: skip
    status = t("status." + r.status)
    short = t("short." + r.status) if t.has("short." + r.status) else status
    cells["status"], cells["short"] = status, short
    lifts = r.published is None and r.embargo is not None and r.embargo > newsroom.now()
    if lifts and "embargo" not in columns:  # (the zone: the Updated column's)
        said = f"\n[dim]{t('list.embargo_until')}\n{cells['embargo']}[/]"
        cells["status"], cells["short"] = status + said, short + said
    title = printable(marked_title(t, r))
    if r.number and "number" not in columns:
        title += f"\n[dim]{printable(r.number)}[/]"
    return [cells[name] for name in shown or columns] + [title]


def _centred_over(title: str, table: Table) -> None:
    """A table's title centred over it as rich centres one (its style too), without the
    spaces rich pads the rest of the line with: no line a command prints ends in a space."""
    from rich.measure import Measurement

    width = Measurement.get(console, console.options, table).maximum  # (what rich draws)
    text = Text(_CONTROL.sub("", title), style="table.title")
    for line in text.wrap(console, width, justify="center"):
        line.rstrip()
        console.print(line)


def print_article(article: Article, newsroom: Newsroom, t: Translator) -> None:
    """One release in full (the version under review, with what a correction changes),
    its history, and what this person may do next."""
    _fit()
    console.rule(printable(article.title))
    zone = zone_abbreviation(newsroom.config.timezone, newsroom.now())  # the label says it
    fields = [
        ("id", article.id),
        ("status", t("status." + article.status)),
        ("release_number", article.release_number),
        ("kind", t("kind.klarifikasi") if article.is_klarifikasi else ""),
        ("denies", ", ".join(article.denies)),
        ("path", str(article.path)),
        ("dateline", article.dateline),
        ("author", newsroom.byline(article.author)),
        ("credit", article.credit),
        ("categories", ", ".join(article.categories)),
        ("tags", ", ".join(article.tags)),
        ("embargo", when(newsroom, article.embargo, short=True)),
        ("published", when(newsroom, article.published)),
    ]
    if article.image:
        fields += [
            ("photo_src", article.image.src),
            ("caption", article.image.caption),
            ("photo_credit", article.image.credit),
        ]
    if (gone := article.retraction) is not None:  # (as the desk's banner says it)
        said = t("release.retracted_by", when=when(newsroom, gone.at),
                 name=newsroom.display_name(gone.by), reason=gone.note)  # fmt: skip
        fields.insert(2, ("retracted", said))
    for i, a in enumerate(article.attachments):
        label = "attachments" if i == 0 else ""
        fields.append((label, f"{a.file} — {a.title} ({a.type}, {a.size:,} B)"))
    left = _print_fields(
        [
            (field_label(t, k, zone) if k else "", v, k in ("path", "photo_src"))
            for k, v in fields
            if v
        ]
    )
    _print_pair(article, newsroom, t, left)
    console.print()
    _print_correction(article, newsroom, t)
    text = partner_text(article, live=False)  # the version under review
    _say(printable(partner_body(text)))  # the dateline and sign-off where partners see them
    _print_history(article, newsroom, t)
    console.rule(t("show.may", name=newsroom.display_name(newsroom.actor)))
    rows = []
    for action, decision in newsroom.allowed(article).items():
        if decision.allowed:
            mark = f"[green]{t('show.yes')}[/]"
        else:
            reason = decision_text(t, decision, "cli", article.id)
            mark = f"[dim]{printable(t('show.no', reason=reason))}[/]"
        rows.append((t("action." + (decision.meaning or action)), mark))  # (for this person)
    width = max((cell_len(said) for said, _ in rows), default=0)  # ("cancel the correction")
    for said, mark in rows:
        _say(f"  {said}{' ' * (width - cell_len(said))} {mark}", indent=width + 3)


def _print_fields(fields: list[tuple[str, str, bool]]) -> int:
    """(label, value, is a path): the labels right-aligned in a column as wide as the
    longest, each value beside its label, wrapped under itself, never from the margin (at
    80 columns a path went to a line of its own); a path breaks after a `/`. Returns the
    labels' width (the pair's lines stand in the same column)."""

    left = max((cell_len(label) for label, _, _ in fields), default=0)
    room = max(20, console.width - left - 1)
    for label, value, path in fields:
        for i, line in enumerate(_value_lines(_CONTROL.sub("", value), room, path)):
            shown = label if i == 0 else ""
            console.print(f"[bold]{escape(shown).rjust(left)}[/] {escape(line)}".rstrip())
    return left


def _value_lines(value: str, width: int, path: bool) -> list[str]:
    """A field's value in lines of `width` columns: words wrap, a path breaks after a `/`,
    and what is wider than a line folds."""

    if path:
        lines = [""]
        for part in re.findall(r"[^/]*/|[^/]+$", value):
            if lines[-1] and cell_len(lines[-1] + part) > width:
                lines.append("")
            lines[-1] += part
        value = "\n".join(lines)
    return [line.plain.rstrip() for line in Text(value).wrap(console, width, overflow="fold")]


def _print_pair(article: Article, newsroom: Newsroom, t: Translator, left: int) -> None:
    """The release's original and translations (each language, title, status, number), and
    on a translation whose original was corrected since its approval, that note."""
    from .i18n.explain import pair_line

    for i, r in enumerate(newsroom.translation_pair(article).members):
        label = t("release.pair") if i == 0 else ""
        _say(f"[bold]{label:>{left}}[/] {printable(pair_line(t, r, article.id))}", indent=left + 1)
    corrected = newsroom.original_corrected(article)
    if corrected is not None:
        note = t("release.original_corrected", when=when(newsroom, corrected))
        _say(f"[yellow]{'!':>{left}} {printable(note)}[/]", indent=left + 1)


def _print_correction(article: Article, newsroom: Newsroom, t: Translator) -> None:
    """A correction under way: its number and note, and what it changes, word by word."""
    pending = newsroom.pending_correction(article)
    if pending is None:
        return
    heading = t("show.correction", n=pending.number, note=pending.note)
    _say(f"[bold yellow]{printable(heading)}[/]")
    if not pending.changes:  # (started, nothing written yet)
        _say(f"[dim]{t('show.correction_empty')}[/]")
    for change in pending.changes:
        line = Text(f"{field_label(t, change.field)}: ", style="bold")
        for op, words in change.words:
            if op == DELETED:
                line.append(f"[-{words}-]", style="strike red")
            elif op == INSERTED:
                line.append(f"{{+{words}+}}", style="bold green")
            else:
                line.append(words, style="dim" if op == CUT else "")
        _say(line)
    console.print()


def _print_history(article: Article, newsroom: Newsroom, t: Translator) -> None:
    """History and comments as one timeline, in time order (a comment among the steps it
    came between), people by name."""
    console.rule(t("show.history"))
    lines = []
    for h, meaning in zip(article.history, newsroom.meanings(article), strict=True):
        move = ""
        if h.to and h.from_ != h.to:
            start = t("status." + h.from_) if h.from_ else ""
            move = f"{start} → {t('status.' + h.to)}"
        said = history_note(t, h, article.published, lambda at: when(newsroom, at))
        note = f": {said}" if said else ""
        lift = lift_set(t, h.action, h.embargo, lambda at: when(newsroom, at))
        text = " ".join(filter(None, (t("action." + meaning), move, lift))) + printable(note)
        lines.append((h.at, newsroom.display_name(h.by), text))
    for c in article.comments:
        lines.append(
            (c.at, newsroom.display_name(c.by), f"{t('show.comment')}: {printable(c.text)}")
        )
    for at, who, text in sorted(lines, key=lambda line: line[0]):
        lead = f"{when(newsroom, at)}  {printable(who):<20} "
        _say(lead + text, indent=cell_len(Text.from_markup(lead).plain))  # under the text


def _say(content: str | Text, indent: int = 0) -> None:
    """Rich markup or a Text, wrapped at the terminal's width with no trailing spaces (rich
    keeps the space a line broke at), lines after the first `indent` columns in: a long
    history step or body paragraph goes on under its text, not from the margin."""
    text = Text.from_markup(content) if isinstance(content, str) else content
    width = max(console.width, indent + 20)
    first, *rest = text.wrap(console, width) or [Text()]
    if rest:  # what follows the first line, wrapped again in the narrower room
        joined = Text("\n").join(rest) if indent == 0 else _rejoin(rest)
        rest = list(joined.wrap(console, width - indent)) if indent else list(rest)
    for i, line in enumerate([first, *rest]):
        line.rstrip()
        console.print(Text(" " * indent) + line if i and indent else line, soft_wrap=True)


def _rejoin(lines: list[Text]) -> Text:
    """Wrapped lines of one paragraph joined again by a space (to wrap them narrower)."""
    out = Text()
    for i, line in enumerate(lines):
        line.rstrip()
        out.append_text(Text(" ") + line if i else line)
    return out


def print_report(report: CheckReport, newsroom: Newsroom, t: Translator) -> None:
    """`newsroom check`: broken files and seals, then every failing check by status, then
    the count."""
    _fit()
    if report.problems:
        say(f"[bold]{t('report.broken')} ({len(report.problems)})[/]")
        for problem in report.problems:
            say(f"  [red]{printable(problem_text(t, problem))}[/]")

    def tz_when(value: dt.datetime | None) -> str:
        return when(newsroom, value)

    for status, findings in report.by_status().items():
        count = len({f.path for f in findings})  # (a release failing three checks: one)
        heading = t("report.heading", status=t("status." + status), n=count)
        say(f"[bold]{printable(heading)}[/]")
        for f in findings:
            text = check_with_fix(t, f.check, "cli", f.id, tz_when, status=f.status)
            severity = t("report." + f.severity)
            line = t("report.line", path=f.path, severity=severity, text=text)
            say(printable(line), style="red" if f.severity == ERROR else "yellow")
    releases = t("n.releases", n=report.checked)
    if not report.problems and not report.findings:
        say(t("report.clean", releases=releases))
        return
    errors, warnings = t("n.errors", n=report.errors), t("n.warnings", n=report.warnings)
    say(t("report.summary", releases=releases, errors=errors, warnings=warnings))


def print_status(report: Health, newsroom: Newsroom, t: Translator) -> None:
    """`newsroom status`: the last successful publish, failures, what is held back and why."""
    _fit()
    last = when(newsroom, report.last_success) or t("health.never")
    if not report.partial or report.last_run != report.last_success:  # (else said next)
        say(f"[bold]{printable(t('health.last', when=last))}[/]")
    if report.partial:  # it published and refused: say both, the why follows (held back)
        ran = when(newsroom, report.last_run)
        say(f"[red]{t('health.partial', when=ran, n=report.published, refused=report.refused)}[/]")
    elif report.failures:
        say(f"[red]{t('health.failing', n=report.failures)}[/]")
    for held in report.held:
        reason = seal_text(t, held.code, held.reason, held.facts)
        say(f"[red]{printable(t('health.held', path=held.path, reason=reason))}[/]")
    for waiting in report.waiting:
        until = when(newsroom, waiting.until)
        say(printable(t("health.waiting", when=until, title=waiting.title)))
    for broken in report.broken:
        text = failure_text(t, broken)
        say(f"[red]{printable(t('health.broken', text=text))}[/]")
    if report.unsigned:  # why (by the run's code) and what lets the next run sign
        code = report.unsigned if t.has(f"health.why.{report.unsigned}") else "other"
        said = t("health.unsigned", why=t(f"health.why.{code}"), fix=t(f"health.fix.{code}"))
        say(f"[red]{printable(said)}[/]")
    if report.mail_waiting:  # (mail is not publishing: said, publishing stays healthy)
        say(f"[yellow]{printable(t('health.mail_waiting', n=report.mail_waiting))}[/]")
    if not report.signs:  # (signing is the office's choice: said, publishing stays healthy)
        say(printable(t("health.no_key")))
    if report.healthy:
        say(f"[green]{t('health.ok')}[/]")
