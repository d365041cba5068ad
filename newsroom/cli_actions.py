"""The command line's workflow actions: `newsroom ACTION REF [--note/--reason T]` for
submit, approve, request-changes, comment, correct, retract and cancel-correction.

Listed in cli.py's `COMMANDS` and imported when one of them runs; each is one call of the
door's `act`, whose workflow decides.
"""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING

import click

from .cli import Context, _time_option, fail, friendly, pass_ctx

if TYPE_CHECKING:
    from .core.workflow import Outcome


def _action_command(
    action: str, help_text: str, needs: str | None = None, optional: str | None = None
) -> click.Command:
    """`newsroom ACTION REF [--note/--reason T]` over the core's workflow."""

    @pass_ctx
    @friendly
    def command(
        obj: Context,
        ref: str,
        note: str = "",
        reason: str = "",
        embargo: str | None = None,
        dry_run: bool = False,
    ) -> None:
        from .i18n.explain import check_with_fix

        newsroom, t = obj.newsroom, obj.t
        when = _time_option(newsroom, embargo, "--embargo")
        if dry_run:
            outcome = _dry_run(obj, ref, action, note or reason, when)
        else:
            outcome = newsroom.act(ref, action, note=note or reason, embargo=when)
        article = outcome.article
        if dry_run:
            click.echo(t("cli.would", action=t("action." + action), title=article.title,
                         status=t("status." + article.status), path=article.path))  # fmt: skip
        elif action == "comment":  # a remark, not a move: the status stays as it was
            click.echo(t("cli.commented", title=article.title, path=article.path))
        else:
            status = t("status." + article.status)
            meant = newsroom.meanings(article)[-1]  # what it did (a withdrawal, say)
            done = t("cli.done", action=t("action." + meant), title=article.title,
                     status=status, path=article.path)  # fmt: skip
            click.echo(done)
        for check in outcome.advice:
            text = check_with_fix(t, check, "cli", article.id, obj.when, status=article.status)
            click.echo(t("cli.warning", text=text), err=True)

    params: list[click.Parameter] = [click.Argument(["ref"])]
    if needs:
        params.append(click.Option([f"--{needs}"], required=True, help=f"The {needs} (required)."))
    if optional:
        params.append(click.Option([f"--{optional}"], default="", help="Why (optional)."))
    if action == "approve":
        params.append(
            click.Option(
                ["--embargo"], metavar="ISO", help="Set the embargo (lift time) while approving."
            )
        )
        params.append(
            click.Option(
                ["--dry-run"],
                is_flag=True,
                help="Run the checks a real approval runs (four eyes, the checklist) and say "
                "what it would do; change nothing (exit 1, saying why, if it would be refused).",
            )
        )
    return click.Command(action.replace("_", "-"), callback=command, params=params, help=help_text)


def _dry_run(obj: Context, ref: str, action: str, note: str, when: dt.datetime | None) -> Outcome:
    """The action decided and applied as a real one would be, nothing saved: its outcome,
    or (exit 1) why it would be refused."""
    from .core.errors import Refused
    from .i18n.explain import error_text

    try:
        return obj.newsroom.act(ref, action, note=note, embargo=when, dry_run=True)
    except Refused as exc:
        fail(error_text(obj.t, exc, "cli", dry_run=True, when=obj.when))


submit = _action_command("submit", "Send a draft for review.")
approve = _action_command("approve", "Approve a release in review (not your own last change).")
request_changes = _action_command(
    "request_changes", "Send a release back to its writer with a note.", "note"
)
comment = _action_command("comment", "Add a comment to a release.", "note")
correct = _action_command("correct", "Start a numbered correction of a published release.", "note")
retract = _action_command("retract", "Retract a published release, saying why.", "reason")
cancel_correction = _action_command(
    "cancel_correction",
    "Cancel a correction not wanted: the published text comes back as it was sealed (the "
    "history keeps the cancellation).",
    optional="note",
)
