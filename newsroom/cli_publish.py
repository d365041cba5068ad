"""The command line's publishing commands: publish, status, adopt, embargo, serve.

Listed in cli.py's `COMMANDS` and imported when one of them runs; the same thin
commands over the core, speaking the person's language.
"""

from __future__ import annotations

import datetime as dt
import json
import os
import sys
from collections.abc import Callable
from typing import Any

import click

from . import cli as shell
from .cli import Context, _time_option, friendly, pass_ctx
from .core.service import Config, system_clock, to_zone

FUTURE_SLACK_MINUTES = 5


@click.command()
@click.option(
    "--dry-run",
    is_flag=True,
    help="Write nothing; show what each feed would gain, change and lose.",
)
@click.option(
    "--now",
    "now_text",
    metavar="ISO",
    help="The run's clock (tests, catching up); with --dry-run, any time: what a run then "
    "would do (an embargo's lift).",
)
@click.option(
    "--force-clock",
    is_flag=True,
    help=f"Accept a --now more than {FUTURE_SLACK_MINUTES} minutes from the real time (tests; "
    "logged).",
)
@click.option("--json", "as_json", is_flag=True, help="A machine-readable summary.")
@click.option("--quiet", is_flag=True, help="Print nothing unless something is wrong (cron).")
@click.option(
    "--pull",
    is_flag=True,
    help="The publishing server of a newsroom shared through git: fast-forward to what the "
    "offices shared first (refused, nothing published, when this clone has diverged), and "
    "push the run's commits back.",
)
@click.option(
    "--no-mail",
    "no_mail",
    is_flag=True,
    help="Send no e-mail: what this run owes the [[lists]] is noted as skipped, never sent.",
)
@click.option(
    "--no-ping", is_flag=True, help="Do not tell the WebSub hubs ([websub] hubs) of this run."
)
@pass_ctx
@friendly
def publish(
    obj: Context,
    dry_run: bool,
    now_text: str | None,
    force_clock: bool,
    as_json: bool,
    quiet: bool,
    no_ping: bool,
    no_mail: bool,
    pull: bool,
) -> None:
    """Publish approved releases whose embargo has passed and write every feed."""
    from .core.service import Newsroom

    config = obj.config
    real = to_zone(system_clock(), config.tz)
    now = _time_option(config, now_text, "--now") or real
    ahead = abs(now - real) > dt.timedelta(minutes=FUTURE_SLACK_MINUTES)
    if ahead and not force_clock and not dry_run:  # a dry run stamps nothing: a preview
        key = "publish.now_off." + ("future" if now > real else "past")
        raise click.BadParameter(obj.t(key, when=_zoned(config)(now)), param_hint="--now")
    newsroom = Newsroom(config, obj.actor, job="publish")  # cron: a system identity's job
    result = newsroom.publish(now=now, dry_run=dry_run, forced_clock=ahead, pull=pull,
                              passphrase=publish_passphrase(obj), mail=not no_mail,
                              ping=not no_ping)  # fmt: skip
    if as_json:
        click.echo(json.dumps(result.to_json(), ensure_ascii=False, indent=2))
    elif not quiet or result.busy:
        from .i18n.explain import publish_lines

        for line in publish_lines(obj.t, result, _zoned(config)):
            click.echo(line, err=result.busy)
    _publish_problems(obj, result)
    code = 0 if result.ok else 1
    if shell._EXIT_AT_ONCE:
        # Every file is written, synced and closed, the lock released and the output
        # flushed: freeing every record one by one and tearing the interpreter down would
        # only slow the run from cron (bench_publish.py, a publish after one approval).
        sys.stdout.flush()
        sys.stderr.flush()
        os._exit(code)
    if code:
        sys.exit(code)


def publish_passphrase(obj: Context) -> Callable[[], str] | None:
    """How `newsroom publish` asks for an encrypted key's passphrase: typed, when someone
    is at a terminal (cron is not: it sets the variable [signing] passphrase_env names)."""
    if not sys.stdin.isatty():
        return None

    def ask() -> str:
        typed: str = click.prompt(obj.t("keys.passphrase"), hide_input=True, err=True)
        return typed

    return ask


def _publish_problems(obj: Context, result: Any) -> None:
    """What cron must mail to someone: on stderr, whatever --quiet says."""
    from .i18n.explain import publish_notes, publish_problems, publish_says_more

    if not publish_says_more(result):
        return
    t = obj.t
    for line in publish_notes(t, result) + publish_problems(t, result):
        click.echo(line, err=True)


def _zoned(config: Config) -> Callable[[dt.datetime | None], str]:
    """Times as people read them: `08-12-2026 09:00 WIB`, in the newsroom's zone."""
    from .core.service import format_time

    return lambda when: format_time(when, config.tz, config.timezone)


@click.command()
@click.option("--json", "as_json", is_flag=True, help="JSON for scripts.")
@pass_ctx
@friendly
def status(obj: Context, as_json: bool) -> None:
    """How publishing stands: the last successful run, and releases held back and why."""
    report = obj.newsroom.publish_status()
    newsroom = obj.newsroom
    if as_json:
        click.echo(json.dumps(report.to_json(), ensure_ascii=False, indent=2))
    else:
        from .clirender import print_status

        print_status(report, newsroom, obj.t)
    if not report.healthy:
        sys.exit(1)


@click.command()
@click.option("--dry-run", is_flag=True, help="Only list what would be sealed.")
@pass_ctx
@friendly
def adopt(obj: Context, dry_run: bool) -> None:
    """Seal releases published before publications were sealed, as they are now (once)."""
    adopted, t = obj.newsroom.adopt(dry_run=dry_run), obj.t
    dry = ".dry" if dry_run else ""
    for article in adopted:
        click.echo(t("adopt.sealed" + dry, path=article.path, title=article.title))
    click.echo(t("adopt.count" + dry, n=len(adopted)) if adopted else t("adopt.nothing"))


@click.command()
@click.argument("ref")
@click.option("--until", "until", metavar="ISO", help="The new lift time.")
@click.option("--none", "lift_now", is_flag=True, help="No embargo: publish at the next run.")
@click.option("--note", default="", help="Why it moves (e.g. the ministry asked to delay).")
@pass_ctx
@friendly
def embargo(obj: Context, ref: str, until: str | None, lift_now: bool, note: str) -> None:
    """Move the embargo of an approved release (a reviewer's act, recorded in history)."""
    if (until is None) == (not lift_now):
        raise click.UsageError(obj.t("cli.until_or_none"))
    newsroom = obj.newsroom
    when = _time_option(newsroom, until, "--until")
    outcome = newsroom.act(ref, "embargo", note=note, embargo=when, clear_embargo=lift_now)
    article = outcome.article
    lift = _zoned(newsroom.config)(article.embargo) if article.embargo else obj.t("embargo.none")
    click.echo(obj.t("embargo.moved", title=article.title, lift=lift, path=article.path))


@click.command()
@click.option(
    "--host",
    default="127.0.0.1",
    show_default=True,
    help="Address to listen on; loopback unless you say otherwise.",
)
@click.option("--port", default=8080, show_default=True, type=click.IntRange(0, 65535))
@pass_ctx
@friendly
def serve(obj: Context, host: str, port: int) -> None:
    """Serve feeds/ over HTTP (private partner feeds need the partner's token)."""
    from .server import make_server

    server = make_server(obj.config, host, port)
    url = f"http://{host}:{port}/"
    click.echo(obj.t("cli.serving", folder=obj.config.feeds_dir, url=url))
    try:
        server.serve_forever()
    except KeyboardInterrupt:
        pass
    finally:
        server.server_close()
