"""The command line's copies kept aside: `newsroom unsaved [list|show|restore|discard]`.

Text that could not be saved (the terminal went away, the lease was taken over, a person
chose to keep a copy when leaving) waits in `.newsroom/unsaved/`. These commands list
everyone's (whose, which release, when), print one, save one through the normal save
(the workflow, the lease and the conflict check as for any edit; four eyes unchanged), or
discard one. Thin commands over the core's door, listed in cli.py's `COMMANDS`.
"""

from __future__ import annotations

import click

from .cli import Context, confirm, fail, friendly, pass_ctx, yes_option
from .core.errors import NewsroomError


@click.group(invoke_without_command=True)
@click.pass_context
def unsaved(ctx: click.Context) -> None:
    """Copies of text kept aside in .newsroom/unsaved/: list (the default), show, restore,
    discard."""
    if ctx.invoked_subcommand is None:
        ctx.invoke(list_)


@unsaved.command("list")
@pass_ctx
@friendly
def list_(obj: Context) -> None:
    """Every copy kept aside: when, whose, which release, its name."""
    from .core.service import format_time

    newsroom, t = obj.newsroom, obj.t
    copies = newsroom.unsaved_copies()
    if not copies:
        click.echo(t("unsaved.none"))
        return
    for kept in copies:
        when = format_time(kept.at, newsroom.config.tz, newsroom.config.timezone)
        who = newsroom.display_name(kept.person) if kept.person else "?"
        what = _what(obj, kept)
        click.echo(f"{when}\t{who}\t{what}\t{kept.name}")
    click.echo(t("unsaved.how"), err=True)


def _what(obj: Context, kept: object) -> str:
    """The release a copy is of: its title, and whether it was never saved."""
    from .core.service import Unsaved

    assert isinstance(kept, Unsaved)
    t = obj.t
    if kept.article is None:
        return t("unsaved.form")
    try:
        obj.newsroom.find(kept.article.id)
    except NewsroomError:  # never saved, or gone since: restoring makes it a new draft
        return t("unsaved.new", title=kept.title)
    return kept.title


@unsaved.command()
@click.argument("name")
@pass_ctx
@friendly
def show(obj: Context, name: str) -> None:
    """Print one copy as it was kept."""
    kept = obj.newsroom.unsaved_copy(name)
    click.echo(kept.path.read_text(encoding="utf-8"), nl=False)


@unsaved.command()
@click.argument("name")
@click.option(
    "--keep-mine",
    is_flag=True,
    help="Save the copy's text even though the release changed after it was kept.",
)
@click.option("--take-over", is_flag=True, help="Take the release over from whoever edits it.")
@pass_ctx
@friendly
def restore(obj: Context, name: str, keep_mine: bool, take_over: bool) -> None:
    """Save a copy through the normal save (a release never saved becomes a new draft);
    the copy is removed once saved."""
    newsroom, t = obj.newsroom, obj.t
    restoring = newsroom.restore_unsaved(name, take_over=take_over)
    session = restoring.session
    try:
        if restoring.changed and not keep_mine:
            fail(t("unsaved.changed", name=restoring.name, ref=session.article.id[:8]))
        session.save(restoring.article)
    finally:
        session.close()
    newsroom.discard_unsaved(restoring.name)
    click.echo(t("unsaved.restored", name=restoring.name, path=session.article.path))


@unsaved.command()
@click.argument("name")
@yes_option
@pass_ctx
@friendly
def discard(obj: Context, name: str, yes: bool) -> None:
    """Remove one of your copies kept aside (asks first)."""
    newsroom, t = obj.newsroom, obj.t
    if not yes:
        kept = newsroom.unsaved_copy(name)
        confirm(t, t("unsaved.discard_confirm", name=kept.name))
    gone = newsroom.discard_unsaved(name)
    click.echo(t("unsaved.discarded", name=gone.name))
