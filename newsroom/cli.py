"""The command line: thin click commands over the core (`newsroom --help`).

Exit codes: 0 done; 1 refused or invalid (stderr says why and what to do); 2 usage.
With no command, `newsroom` opens the editors' TUI.
"""

from __future__ import annotations

import datetime as dt
import json
import os
import sys
from collections.abc import Callable
from functools import wraps
from pathlib import Path
from typing import TYPE_CHECKING, Any, NoReturn, TypeVar

import click

from .core.clock import parse_time, system_clock, to_zone
from .core.config import Config, find_root, load_config, require_root
from .core.errors import NewsroomError
from .core.init import init_newsroom

if TYPE_CHECKING:  # the service layer loads YAML and friends: `publish` with no work skips it
    from .core.service import Newsroom

F = TypeVar("F", bound=Callable[..., Any])


def fail(message: str) -> NoReturn:
    """Say why on stderr and exit 1."""
    click.echo(f"newsroom: {message}", err=True)
    sys.exit(1)


def friendly(func: F) -> F:
    """Turn the core's errors into a message and exit 1: no traceback for bad input."""

    @wraps(func)
    def wrapper(*args: Any, **kwargs: Any) -> Any:
        try:
            return func(*args, **kwargs)
        except NewsroomError as exc:
            fail(str(exc))

    return wrapper  # type: ignore[return-value]


class Context:
    """What every command gets: the root (maybe none yet) and the acting person."""

    def __init__(self, root: Path | None, actor: str | None) -> None:
        self.root = root
        self.actor = actor
        self._newsroom: Newsroom | None = None

    @property
    def newsroom(self) -> Newsroom:
        if self._newsroom is None:
            from .core.service import open_newsroom

            self._newsroom = open_newsroom(self.root, self.actor)
        return self._newsroom

    @property
    def config(self) -> Config:
        """The config alone (cheaper than the whole newsroom)."""
        if self._newsroom is not None:
            return self._newsroom.config
        return load_config(require_root(self.root))


pass_ctx = click.make_pass_decorator(Context)


def _resolve_root(root: str | None) -> Path | None:
    if root:
        return Path(root).resolve()
    env = os.environ.get("NEWSROOM_ROOT")
    if env:
        return Path(env).resolve()
    return find_root(Path.cwd())


@click.group(invoke_without_command=True, context_settings={"help_option_names": ["-h", "--help"]})
@click.option(
    "--root",
    type=click.Path(file_okay=False),
    help="The newsroom folder "
    "(default: NEWSROOM_ROOT, else the nearest folder upward with newsroom.toml).",
)
@click.option(
    "--as",
    "actor",
    metavar="NAME",
    help="Act as NAME: with [people] in newsroom.toml, only for a person allowed to act for "
    "others (default: your login's person); without it, free text (default: NEWSROOM_USER, "
    "else git's user.name, else the login name).",
)
@click.version_option(package_name="newsroom")
@click.pass_context
def cli(ctx: click.Context, root: str | None, actor: str | None) -> None:
    """A terminal newsroom: releases as Markdown, an enforced workflow, partner-grade feeds.

    Run without a command to open the editors' desk (the TUI).
    """
    ctx.obj = Context(_resolve_root(root), actor)
    if ctx.invoked_subcommand is None:
        _open_tui(ctx.obj)


@friendly
def _open_tui(obj: Context) -> None:
    newsroom = obj.newsroom
    from .tui.app import run_app

    run_app(newsroom)


@cli.command()
@click.argument("folder", required=False, type=click.Path(file_okay=False))
@click.option("--title", default="Humas", help="The newsroom's title, e.g. 'Humas Kementerian'.")
@friendly
def init(folder: str | None, title: str) -> None:
    """Make a new newsroom in FOLDER (default: here): newsroom.toml, articles/, feeds/."""
    target = Path(folder or ".").resolve()
    config = init_newsroom(target, title)
    click.echo(
        f"Made a newsroom in {target}\n  edit {config.name} (base_url, partners), then:\n"
        f"  newsroom --root {target} new --title 'Judul siaran pers'"
    )


def _read_body(body_file: str | None) -> str:
    if body_file is None:
        return ""
    if body_file == "-":
        return sys.stdin.read()
    try:
        return Path(body_file).read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        fail(f"{body_file}: cannot read the body: {exc}")


def _time_option(newsroom: Newsroom | Config, value: str | None, name: str) -> Any:
    if value is None:
        return None
    from .core.validate import FieldError, in_range

    tz = newsroom.tz if isinstance(newsroom, Config) else newsroom.config.tz
    try:
        return in_range(parse_time(value, tz), (name,))
    except (ValueError, FieldError) as exc:
        raise click.BadParameter(str(exc), param_hint=name) from None


@cli.command()
@click.option("--title", required=True, help="The headline.")
@click.option("--dateline", default="", help="The city, e.g. YOGYAKARTA.")
@click.option("--category", "categories", multiple=True, help="A category (repeatable).")
@click.option("--tag", "tags", multiple=True, help="A tag (repeatable).")
@click.option("--summary", default="", help="One or two sentences for partners.")
@click.option("--body-file", metavar="FILE|-", help="Read the Markdown body from FILE or stdin.")
@click.option("--embargo", metavar="ISO", help="Not before this time, e.g. 2026-12-08T09:00.")
@pass_ctx
@friendly
def new(
    obj: Context,
    title: str,
    dateline: str,
    categories: tuple[str, ...],
    tags: tuple[str, ...],
    summary: str,
    body_file: str | None,
    embargo: str | None,
) -> None:
    """Start a new draft; prints its id and path."""
    from .core.service import NewArticle

    newsroom = obj.newsroom
    fields = NewArticle(
        title=title,
        body=_read_body(body_file),
        dateline=dateline,
        summary=summary,
        categories=list(categories),
        tags=list(tags),
        embargo=_time_option(newsroom, embargo, "--embargo"),
    )
    article = newsroom.create(fields)
    click.echo(f"{article.id}\t{article.path}")


@cli.command("list")
@click.option("--status", "statuses", multiple=True, help="Only this status (repeatable).")
@click.option("--json", "as_json", is_flag=True, help="JSON for scripts.")
@pass_ctx
@friendly
def list_(obj: Context, statuses: tuple[str, ...], as_json: bool) -> None:
    """The releases, newest change first."""
    from .core.listing import newest_first

    newsroom = obj.newsroom
    index = newsroom.index()
    records = newest_first(
        [r for r in index.records.values() if not statuses or r.status in statuses]
    )
    if as_json:
        from .core.listing import listing_json

        listing = listing_json(records, index.problems, newsroom.config.tz)
        click.echo(json.dumps(listing, ensure_ascii=False, indent=2))
        return
    from .clirender import print_list

    print_list(records, index.problems, newsroom)


@cli.command()
@click.argument("ref")
@click.option("--json", "as_json", is_flag=True, help="JSON for scripts.")
@pass_ctx
@friendly
def show(obj: Context, ref: str, as_json: bool) -> None:
    """One release: its fields, text, history, comments and what you may do next."""
    newsroom = obj.newsroom
    article = newsroom.find(ref)
    if as_json:
        from .core.listing import article_json

        click.echo(json.dumps(article_json(article, full=True), ensure_ascii=False, indent=2))
        return
    from .clirender import print_article

    print_article(article, newsroom)


@cli.command()
@click.argument("ref")
@click.option(
    "--take-over",
    is_flag=True,
    help="Take the release over from whoever is "
    "editing it now (they are told when they next save).",
)
@pass_ctx
@friendly
def edit(obj: Context, ref: str, take_over: bool) -> None:
    """Open a release in $EDITOR; it is checked and saved when the editor closes."""
    from .core import external, lease

    newsroom = obj.newsroom
    article = newsroom.find(ref)
    assert article.path is not None
    if take_over:
        lease.acquire(newsroom.config, article.id, newsroom.actor, newsroom.now(), take_over=True)
    else:
        lease.check_free(newsroom.config, article.id, newsroom.actor, newsroom.now())
    original = (newsroom.config.root / article.path).read_text(encoding="utf-8")
    name = external.temporary_copy(original, article.slug)
    try:
        external.run_editor(name)  # no shell: the file name is one argument
    except NewsroomError as exc:
        fail(f"{exc}; your text is kept in {name}")
    text = name.read_text(encoding="utf-8")
    if text == original:
        name.unlink()
        click.echo("No change.")
        return
    try:
        newsroom.save_text(article, text)
    except NewsroomError as exc:
        fail(f"{exc}\nNothing was saved; your text is kept in {name}")
    finally:
        if take_over:
            lease.release(newsroom.config, article.id, newsroom.actor)
    name.unlink()
    click.echo(f"Saved {article.path}")


def _action_command(action: str, help_text: str, needs: str | None = None) -> None:
    """Register `newsroom ACTION REF [--note/--reason T]` over the core's workflow."""

    @pass_ctx
    @friendly
    def command(
        obj: Context, ref: str, note: str = "", reason: str = "", embargo: str | None = None
    ) -> None:
        newsroom = obj.newsroom
        when = _time_option(newsroom, embargo, "--embargo")
        outcome = newsroom.act(ref, action, note=note or reason, embargo=when)
        article = outcome.article
        click.echo(
            f"{action.replace('_', ' ')}: {article.title} -> {article.status} ({article.path})"
        )
        for warning in outcome.warnings:
            click.echo(f"warning: {warning}", err=True)

    params: list[click.Parameter] = [click.Argument(["ref"])]
    if needs:
        params.append(click.Option([f"--{needs}"], required=True, help=f"The {needs} (required)."))
    if action == "approve":
        params.append(
            click.Option(
                ["--embargo"], metavar="ISO", help="Set the embargo (lift time) while approving."
            )
        )
    cli.add_command(
        click.Command(action.replace("_", "-"), callback=command, params=params, help=help_text)
    )


_action_command("submit", "Send a draft for review.")
_action_command("approve", "Approve a release in review (not your own last change).")
_action_command("request_changes", "Send a release back to its writer with a note.", "note")
_action_command("comment", "Add a comment to a release.", "note")
_action_command("correct", "Start a numbered correction of a published release.", "note")
_action_command("retract", "Retract a published release, saying why.", "reason")


@cli.command()
@pass_ctx
@friendly
def check(obj: Context) -> None:
    """Validate the config and every article: `path:line: message`; exit 1 on any error."""
    newsroom = obj.newsroom
    problems = newsroom.check()
    for problem in problems:
        click.echo(str(problem))
    if not newsroom.config.people:
        click.echo(
            "note: newsroom.toml has no [people]: identities are free text "
            "(four eyes compares names, folded); add [people] to tie actions to logins"
        )
    if problems:
        fail(f"{len(problems)} problem(s) found")
    click.echo("All articles are valid.")


@cli.command("import")
@click.argument("files", nargs=-1, required=True, type=click.Path(dir_okay=False))
@click.option("--title", help="The title (default: proposed from the text; edit it later).")
@pass_ctx
@friendly
def import_(obj: Context, files: tuple[str, ...], title: str | None) -> None:
    """Import plain-text releases or front-matter Markdown files as drafts."""
    from .core.importer import MISSING, missing

    failed = 0
    for name in files:
        try:
            article = obj.newsroom.import_file(Path(name), title)
        except NewsroomError as exc:
            click.echo(f"newsroom: {exc}", err=True)
            failed += 1
            continue
        click.echo(f"{article.id}\t{article.path}\t{article.title}")
        for part in missing(article):  # exit 0: the draft is made, the editor completes it
            click.echo(f"newsroom: {name}: {MISSING[part].format(ref=article.id[:8])}", err=True)
    if failed:
        sys.exit(1)


FUTURE_SLACK_MINUTES = 5


@cli.command()
@click.option(
    "--dry-run",
    is_flag=True,
    help="Write nothing; show what each feed would gain, change and lose.",
)
@click.option("--now", "now_text", metavar="ISO", help="The run's clock (tests, catching up).")
@click.option(
    "--force-clock",
    is_flag=True,
    help=f"Accept a --now more than {FUTURE_SLACK_MINUTES} minutes from the real time (tests; "
    "logged).",
)
@click.option("--json", "as_json", is_flag=True, help="A machine-readable summary.")
@click.option("--quiet", is_flag=True, help="Print nothing unless something is wrong (cron).")
@pass_ctx
@friendly
def publish(
    obj: Context,
    dry_run: bool,
    now_text: str | None,
    force_clock: bool,
    as_json: bool,
    quiet: bool,
) -> None:
    """Publish approved releases whose embargo has passed and write every feed."""
    from .core.identity import require, resolve
    from .core.publish import publish as run_publish
    from .core.publish_state import lines

    config = obj.config
    real = to_zone(system_clock(), config.tz)
    now = _time_option(config, now_text, "--now") or real
    ahead = abs(now - real) > dt.timedelta(minutes=FUTURE_SLACK_MINUTES)
    if ahead and not force_clock:
        when = "in the future" if now > real else "in the past"
        raise click.BadParameter(
            f"{now.isoformat()} is {when}: releases would be stamped published at a time "
            "they were not (use --force-clock only for tests; it is logged)",
            param_hint="--now",
        )
    actor = resolve(config, obj.actor, job="publish")
    require(actor, "publish")
    result = run_publish(config, actor.id, now, dry_run=dry_run, via=actor.via, forced_clock=ahead)
    if as_json:
        click.echo(json.dumps(result.to_json(), ensure_ascii=False, indent=2))
    elif not quiet or result.busy:
        for line in lines(result):
            click.echo(line, err=result.busy)
    _publish_problems(result)
    code = 0 if result.ok else 1
    if _EXIT_AT_ONCE:
        # Every file is written, synced and closed, the lock released and the output
        # flushed; freeing ten thousand records one by one and tearing the interpreter
        # down would add about 0.1 s to a one-second run from cron. Leave at once.
        sys.stdout.flush()
        sys.stderr.flush()
        os._exit(code)
    if code:
        sys.exit(code)


def _publish_problems(result: Any) -> None:
    """What cron must mail to someone: on stderr, whatever --quiet says."""
    for note in result.notes:
        click.echo(f"note: {note}", err=True)
    for warning in result.warnings:
        click.echo(f"warning: {warning}", err=True)
    for problem in result.problems:
        click.echo(f"broken: {problem}", err=True)
    for refusal in result.refused:
        kind = "withheld from the feeds" if refusal.withheld else "not published"
        click.echo(f"{kind}: {refusal.path}: {refusal.reason}", err=True)
    for failure in result.failed:
        click.echo(f"not published: {failure}", err=True)
    if result.failures > 1:
        click.echo(
            f"publish has not succeeded for {result.failures} runs in a row "
            "(`newsroom status` shows why)",
            err=True,
        )


@cli.command()
@click.option("--json", "as_json", is_flag=True, help="JSON for scripts.")
@pass_ctx
@friendly
def status(obj: Context, as_json: bool) -> None:
    """How publishing stands: the last successful run, and releases held back and why."""
    from .core.status import publish_status

    newsroom = obj.newsroom
    index = newsroom.index()
    report = publish_status(newsroom.config, index.records.values(), index.problems, newsroom.now())
    if as_json:
        click.echo(json.dumps(report.to_json(), ensure_ascii=False, indent=2))
    else:
        from .clirender import print_status

        print_status(report, newsroom)
    if not report.healthy:
        sys.exit(1)


@cli.command()
@click.option("--dry-run", is_flag=True, help="Only list what would be sealed.")
@pass_ctx
@friendly
def adopt(obj: Context, dry_run: bool) -> None:
    """Seal releases published before publications were sealed, as they are now (once)."""
    adopted = obj.newsroom.adopt(dry_run=dry_run)
    verb = "would seal" if dry_run else "sealed"
    for article in adopted:
        click.echo(f"{verb}: {article.path}\t{article.title}")
    click.echo(f"{len(adopted)} release(s) {verb}" if adopted else "nothing to seal")


@cli.command()
@click.argument("ref")
@click.option("--until", "until", metavar="ISO", help="The new lift time.")
@click.option("--none", "lift_now", is_flag=True, help="No embargo: publish at the next run.")
@click.option("--note", default="", help="Why it moves (e.g. the ministry asked to delay).")
@pass_ctx
@friendly
def embargo(obj: Context, ref: str, until: str | None, lift_now: bool, note: str) -> None:
    """Move the embargo of an approved release (a reviewer's act, recorded in history)."""
    if (until is None) == (not lift_now):
        raise click.UsageError("give either --until ISO or --none")
    newsroom = obj.newsroom
    when = _time_option(newsroom, until, "--until")
    outcome = newsroom.act(ref, "embargo", note=note, embargo=when, clear_embargo=lift_now)
    article = outcome.article
    lift = article.embargo.isoformat() if article.embargo else "none"
    click.echo(f"embargo: {article.title} -> {lift} ({article.path})")


@cli.command()
@click.option(
    "--host",
    default="127.0.0.1",
    show_default=True,
    help="Address to listen on; loopback unless you say otherwise.",
)
@click.option("--port", default=8080, show_default=True, type=int)
@pass_ctx
@friendly
def serve(obj: Context, host: str, port: int) -> None:
    """Serve feeds/ over HTTP (private partner feeds need the partner's token)."""
    from .server import make_server

    server = make_server(obj.config, host, port)
    click.echo(f"Serving {obj.config.feeds_dir} at http://{host}:{port}/ (ctrl+c stops)")
    try:
        server.serve_forever()
    except KeyboardInterrupt:
        pass
    finally:
        server.server_close()


_EXIT_AT_ONCE = False  # set by main(): the real process (not a test's CliRunner)


def main() -> None:
    """The console script."""
    global _EXIT_AT_ONCE
    _EXIT_AT_ONCE = True
    cli(prog_name="newsroom")


if __name__ == "__main__":
    main()
