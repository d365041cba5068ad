"""The command line's git command: `newsroom sync` (docs/workflow.md, "Many offices").

Listed in cli.py's `COMMANDS`, imported when one runs; a thin command over the door's `sync`.
"""

from __future__ import annotations

import sys
from typing import TYPE_CHECKING, Any

import click

from .cli import Context, fail, pass_ctx
from .core.errors import NewsroomError, SyncConflict

if TYPE_CHECKING:
    from .core.service import Conflict, SyncResult
    from .i18n import Translator


@click.command()
@click.option(
    "--mine",
    "mine",
    multiple=True,
    metavar="REF",
    help="Where sync stopped on this release (id, prefix or path): keep your version.",
)
@click.option("--theirs", "theirs", multiple=True, metavar="REF",
              help="Where sync stopped on this release: take the other office's version "
              "(yours is kept in .newsroom/unsaved/).")  # fmt: skip
@pass_ctx
def sync(obj: Context, mine: tuple[str, ...], theirs: tuple[str, ...]) -> None:
    """Share with the other offices: fetch, put your commits on top of theirs, push.

    A release changed in both places in ways that cannot both stand stops the sync with
    nothing changed; run it again with --mine REF or --theirs REF for each."""
    from .i18n.explain import error_text

    t = obj.t
    choices = {ref: "mine" for ref in mine} | {ref: "theirs" for ref in theirs}
    try:
        newsroom = obj.newsroom
        result = newsroom.sync(choices)
    except SyncConflict as exc:
        conflicts: list[Conflict] = exc.facts["conflicts"]  # type: ignore[assignment]
        print_conflicts(t, conflicts, str(exc.facts["remote"]))
        sys.exit(1)
    except NewsroomError as exc:
        fail(error_text(t, exc, "cli"))
    print_result(t, result, f"{newsroom.config.git_remote}/{result.branch}")


def print_result(t: Translator, result: SyncResult, remote: str) -> None:
    if result.undone:
        click.echo(t("sync.undone"))
    for path, choice in result.resolved:
        click.echo(t("sync.kept_mine" if choice == "mine" else "sync.took_theirs", path=path))
    for kept in result.kept:
        click.echo("  " + t("sync.kept_aside", path=kept))
    if result.received or result.sent:
        line = t("sync.done", remote=remote, received=t("n.commits", n=result.received),
                 sent=t("n.commits", n=result.sent))  # fmt: skip
        if result.retries:
            line += " (" + t("sync.retries", n=result.retries) + ")"
        click.echo(line)
    else:
        click.echo(t("sync.same", remote=remote))
    if result.leases:
        click.echo(t("sync.leases", reason=result.leases), err=True)


def print_conflicts(t: Translator, conflicts: list[Any], remote: str) -> None:
    click.echo("newsroom: " + t("sync.stopped", n=len(conflicts)), err=True)
    for c in conflicts:
        ref = c.release[:8] if c.release else c.path
        title = c.title or t("sync.not_release")
        click.echo(t("sync.conflict", path=c.path, title=title, ref=ref, reason=c.reason),
                   err=True)  # fmt: skip
        click.echo(t("sync.yours", commit=c.mine or "—"), err=True)
        click.echo(t("sync.theirs", commit=c.theirs or "—"), err=True)
        click.echo(t("sync.how", ref=ref, remote=remote, path=c.path), err=True)
