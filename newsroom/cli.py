"""The command line: thin click commands over the core (`newsroom --help`).

Exit codes: 0 done; 1 refused or invalid (stderr says why and what to do); 2 usage.
With no command, `newsroom` opens the editors' TUI. It speaks the person's language
(NEWSROOM_LANG, their settings, the office's `[ui] language`, the locale) through the
catalog it shares with the TUI (newsroom/i18n); `--help` and click's usage errors stay in
English.
"""

from __future__ import annotations

import contextlib
import json
import os
import sys
from collections.abc import Callable
from functools import wraps
from pathlib import Path
from typing import TYPE_CHECKING, Any, NoReturn, TypeVar

import click

from .core.errors import NewsroomError
from .core.service import (
    TEXT_FORMATS,
    Config,
    find_root,
    init_newsroom,
    load_config,
    parse_time,
    require_root,
)

if TYPE_CHECKING:  # the service layer loads YAML and friends: `publish` with no work skips it
    from .core.service import Newsroom
    from .i18n import Translator

F = TypeVar("F", bound=Callable[..., Any])


def fail(message: str) -> NoReturn:
    """Say why on stderr and exit 1."""
    click.echo(f"newsroom: {message}", err=True)
    sys.exit(1)


# `--yes` on every command that asks before something that cannot be undone (`confirm`)
yes_option = click.option("--yes", "-y", is_flag=True, help="Do not ask for confirmation.")
_YES, _NO = ("y", "yes", "ya"), ("", "n", "no", "t", "tidak")


def confirm(t: Translator, question: str) -> None:
    """Ask before something that cannot be undone, in the person's language: `y` (`ya`) goes
    on; enter, `n` (`t`, `tidak`) or no one answering (end of input, ctrl+c) does nothing and
    exits 1, saying so; anything else asks again."""
    while True:
        try:
            answer = click.prompt(f"{question} {t('cli.yes_no')}", default="",
                                  show_default=False, prompt_suffix=" ")  # fmt: skip
        except click.Abort:
            answer = "n"
        answer = str(answer).strip().lower()
        if answer in _YES:
            return
        if answer in _NO:
            fail(t("cli.not_done"))
        click.echo(t("cli.yes_no_again"), err=True)


def friendly(func: F) -> F:
    """Turn the core's errors into a message in the person's language and exit 1: no
    traceback for bad input."""

    @wraps(func)
    def wrapper(*args: Any, **kwargs: Any) -> Any:
        try:
            return func(*args, **kwargs)
        except NewsroomError as exc:
            from .i18n.explain import error_text

            fail(error_text(_translator(), exc, "cli"))

    return wrapper  # type: ignore[return-value]


def _translator() -> Translator:
    """The running command's translator (English outside a command)."""
    context = click.get_current_context(silent=True)
    obj = context.find_object(Context) if context is not None else None
    if obj is None:
        from .i18n import Translator

        return Translator("en")
    return obj.t


class Context:
    """What every command gets: the root (maybe none yet) and the acting person."""

    def __init__(self, root: Path | None, actor: str | None) -> None:
        self.root = root
        self.actor = actor
        self._newsroom: Newsroom | None = None
        self._t: Translator | None = None

    @property
    def t(self) -> Translator:
        """The person's language: NEWSROOM_LANG, their settings, the office's, the locale."""
        if self._t is None:
            from .i18n import Translator, choose_language
            from .settings import user_language

            office = None
            with contextlib.suppress(NewsroomError):  # no newsroom here (init), a bad config
                office = self.config.ui_language or None
            self._t = Translator(choose_language(user_language(), office))
        return self._t

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
    "else the login name).",
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
@click.option(
    "--credit",
    default="",
    help="The credit line releases start with, e.g. 'HUMAS MENPANRB' (newsroom.toml [site] "
    "credit).",
)
@click.option(
    "--git",
    "use_git",
    is_flag=True,
    help="Share it through git: [git] on, `git init`, feeds and keys kept out of git.",
)
@pass_ctx
@friendly
def init(obj: Context, folder: str | None, title: str, credit: str, use_git: bool) -> None:
    """Make a new newsroom in FOLDER (default: here): newsroom.toml, articles/, feeds/."""
    target = Path(folder or ".").resolve()
    config = init_newsroom(target, title, git=use_git, credit=credit)
    click.echo(obj.t("cli.init", target=target, config=config.name))
    if use_git:
        click.echo(obj.t("cli.init_git"))


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
    from .core.service import FieldError, in_range

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
@click.option(
    "--credit", default="", help="The credit line, e.g. 'HUMAS MENPANRB' (default: [site] credit)."
)
@click.option(
    "--author", default="", help="The byline's initials, e.g. ald (default: yours, from [people])."
)
@click.option("--body-file", metavar="FILE|-", help="Read the Markdown body from FILE or stdin.")
@click.option("--embargo", metavar="ISO", help="Not before this time, e.g. 2026-12-08T09:00.")
@click.option(
    "--kind",
    type=click.Choice(["siaran-pers", "klarifikasi"]),
    default="siaran-pers",
    help="A press release (default), or a klarifikasi denying forged releases.",
)
@click.option(
    "--denies",
    "denies",
    multiple=True,
    metavar="NUMBER",
    help="A klarifikasi: a release number it says is forged (repeatable; implies --kind "
    "klarifikasi).",
)
@pass_ctx
@friendly
def new(
    obj: Context,
    title: str,
    dateline: str,
    categories: tuple[str, ...],
    tags: tuple[str, ...],
    summary: str,
    credit: str,
    author: str,
    body_file: str | None,
    embargo: str | None,
    kind: str,
    denies: tuple[str, ...],
) -> None:
    """Start a new draft; prints its id and path."""
    from .core.service import NewArticle

    newsroom = obj.newsroom
    fields = NewArticle(
        title=title,
        body=_read_body(body_file),
        dateline=dateline,
        summary=summary,
        credit=credit.strip(),
        author=author.strip(),
        categories=list(categories),
        tags=list(tags),
        embargo=_time_option(newsroom, embargo, "--embargo"),
        kind="klarifikasi" if denies else kind,
        denies=[d.strip() for d in denies if d.strip()],
    )
    article = newsroom.start(fields)
    # A dateline that is no city is refused now, by the check submit would refuse it with
    # (same rule, same words), not found out at submit after the text is written.
    for check in newsroom.failing_checks(article):
        if check.name == "dateline" and check.blocks:
            from .i18n.explain import check_text

            raise click.BadParameter(check_text(obj.t, check), param_hint="--dateline")
    article = newsroom.save_new(article)
    click.echo(f"{article.id}\t{article.path}")


def _statuses(ctx: click.Context, param: click.Parameter, value: tuple[str, ...]) -> Any:
    """The statuses asked for, each one the workflow knows (else exit 2 listing them)."""
    from .core.model import ALL_STATUSES

    for status in value:
        if status not in ALL_STATUSES:
            t = ctx.find_object(Context).t  # type: ignore[union-attr]
            message = t("cli.bad_status", value=status, statuses=", ".join(ALL_STATUSES))
            raise click.BadParameter(message, ctx, param)
    return value


@cli.command("list")
@click.option(
    "--status",
    "statuses",
    multiple=True,
    callback=_statuses,
    help="Only this status (repeatable): draft, in_review, changes_requested, approved, "
    "published, correcting, retracted.",
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
        from .core.service import article_json

        data = article_json(article, newsroom.config.tz, full=True)
        click.echo(json.dumps(data, ensure_ascii=False, indent=2))
        return
    from .clirender import print_article

    print_article(article, newsroom, obj.t)


@cli.command()
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
    from .core.service import KeptText
    from .i18n.explain import error_text

    newsroom = obj.newsroom
    session = newsroom.edit(ref, take_over=take_over)  # refused here, before any work
    try:
        try:
            edited = session.external(session.article, lambda run: run())
        except KeptText as kept:
            cause = kept.cause
            reason = error_text(obj.t, cause, "cli") if isinstance(cause, NewsroomError) else cause
            fail(obj.t("cli.kept", reason=reason, path=kept.path))
        if newsroom.file_text(edited) == newsroom.file_text(session.article):
            click.echo(obj.t("cli.no_change"))
            return
        try:
            session.save(edited)
        except NewsroomError as exc:
            kept_at = session.keep_unsaved(newsroom.file_text(edited))
            fail(obj.t("cli.kept", reason=error_text(obj.t, exc, "cli"), path=kept_at))
    finally:
        session.close()
    click.echo(obj.t("cli.saved", path=session.article.path))


def _action_command(
    action: str, help_text: str, needs: str | None = None, optional: str | None = None
) -> None:
    """Register `newsroom ACTION REF [--note/--reason T]` over the core's workflow."""

    @pass_ctx
    @friendly
    def command(
        obj: Context, ref: str, note: str = "", reason: str = "", embargo: str | None = None
    ) -> None:
        from .i18n.explain import check_with_fix

        newsroom, t = obj.newsroom, obj.t
        when = _time_option(newsroom, embargo, "--embargo")
        outcome = newsroom.act(ref, action, note=note or reason, embargo=when)
        article = outcome.article
        if action == "comment":  # a remark, not a move: the status stays as it was
            click.echo(t("cli.commented", title=article.title, path=article.path))
        else:
            status = t("status." + article.status)
            done = t("cli.done", action=t("action." + action), title=article.title,
                     status=status, path=article.path)  # fmt: skip
            click.echo(done)
        for check in outcome.advice:
            text = check_with_fix(t, check, "cli", article.id)
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
    cli.add_command(
        click.Command(action.replace("_", "-"), callback=command, params=params, help=help_text)
    )


_action_command("submit", "Send a draft for review.")
_action_command("approve", "Approve a release in review (not your own last change).")
_action_command("request_changes", "Send a release back to its writer with a note.", "note")
_action_command("comment", "Add a comment to a release.", "note")
_action_command("correct", "Start a numbered correction of a published release.", "note")
_action_command("retract", "Retract a published release, saying why.", "reason")
_action_command(
    "cancel_correction",
    "Cancel a correction not wanted: the published text comes back as it was sealed (the "
    "history keeps the cancellation).",
    optional="note",
)


@cli.command()
@click.argument("ref")
@yes_option
@pass_ctx
@friendly
def delete(obj: Context, ref: str, yes: bool) -> None:
    """Delete a release never published (a draft, or one sent back for changes): its file and
    its companion folder (attachments) go. A published release is never deleted: retract it."""
    newsroom, t = obj.newsroom, obj.t
    article = newsroom.find(ref)
    if not yes and newsroom.decide(article, "delete").allowed:  # a refusal says why first
        confirm(t, t("cli.delete_confirm", title=article.title, path=article.path))
    newsroom.delete(article)
    click.echo(t("cli.deleted", title=article.title, path=article.path))


@cli.command()
@click.argument("ref")
@click.argument("file", type=click.Path(dir_okay=False))
@click.option("--title", default="", help="What partners read (default: from the file's name).")
@click.option("--photo", is_flag=True, help="The file is the release's photo (image.src).")
@pass_ctx
@friendly
def attach(obj: Context, ref: str, file: str, title: str, photo: bool) -> None:
    """Attach FILE to a release (the signed PDF, a data sheet, a photo): copied beside it and
    recorded with its type, size and SHA-256. An edit: the release needs a new approval."""
    newsroom, t = obj.newsroom, obj.t
    article = newsroom.find(ref)
    found = newsroom.attach(article, Path(file), title, photo=photo)
    click.echo(t("cli.attached", file=found.file, title=found.title, type=found.type,
                 size=found.size, path=article.path))  # fmt: skip
    click.echo(t("cli.attached_url", url=newsroom.attachment_url(article, found.file)))


@cli.command()
@click.argument("ref")
@click.option("--language", "-l", required=True, help="The translation's language: en, id, jv...")
@pass_ctx
@friendly
def translate(obj: Context, ref: str, language: str) -> None:
    """Start a translation of a release: a draft holding the original's text to translate
    (`translation_of` set), which goes through its own review."""
    newsroom, t = obj.newsroom, obj.t
    original = newsroom.find(ref)
    article = newsroom.translate(original, language)
    click.echo(t("cli.translated", language=article.language, original=original.slug,
                 path=article.path))  # fmt: skip


@cli.command()
@click.argument("ref")
@click.argument("file")
@pass_ctx
@friendly
def detach(obj: Context, ref: str, file: str) -> None:
    """Remove an attachment (by its file name or title) from a release. An edit: the
    release needs a new approval."""
    newsroom, t = obj.newsroom, obj.t
    article = newsroom.find(ref)
    found = newsroom.detach(article, file)
    click.echo(t("cli.detached", file=found.file, path=article.path))


@cli.command()
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


@cli.command("import")
@click.argument("files", nargs=-1, required=True, type=click.Path(dir_okay=False))
@click.option("--title", help="The title (default: proposed from the text; edit it later).")
@pass_ctx
@friendly
def import_(obj: Context, files: tuple[str, ...], title: str | None) -> None:
    """Import plain-text releases or front-matter Markdown files as drafts."""
    from .core.service import missing

    failed = 0
    for name in files:
        try:
            article = obj.newsroom.import_file(Path(name), title)
        except NewsroomError as exc:
            from .i18n.explain import error_text

            click.echo(f"newsroom: {error_text(obj.t, exc)}", err=True)
            failed += 1
            continue
        click.echo(f"{article.id}\t{article.path}\t{article.title}")
        for part in missing(article):  # exit 0: the draft is made, the editor completes it
            said = obj.t("import.missing." + part, ref=article.id[:8])
            click.echo(f"newsroom: {name}: {said}", err=True)
    if failed:
        sys.exit(1)


# The publishing commands (publish, status, adopt, embargo, serve) live in cli_publish.py,
# the signing commands (keys, verify) in cli_keys.py, sharing through git (sync) in
# cli_git.py, the mail commands (mail test|status|send) in cli_mail.py.
from . import cli_git, cli_keys, cli_mail, cli_publish, cli_unsaved  # noqa: E402, F401 - registers

_EXIT_AT_ONCE = False  # set by main(): the real process (not a test's CliRunner)


def main() -> None:
    """The console script."""
    global _EXIT_AT_ONCE
    _EXIT_AT_ONCE = True
    cli(prog_name="newsroom")


if __name__ == "__main__":  # `python -m newsroom.cli`: the module as imported, with every
    from newsroom.cli import main as imported_main  # command (cli_publish registers on it)

    imported_main()
