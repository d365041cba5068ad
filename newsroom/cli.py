"""The command line: thin click commands over the core (`newsroom --help`).

This module is the shell every command shares: the group, its options, the `Context`
each command gets, and how errors and questions reach the person. The commands live in
modules by family (`COMMANDS` names each one's home) and are imported only when asked
for: `newsroom publish` from cron loads the publishing commands alone.
Exit codes: 0 done; 1 refused or invalid (stderr says why and what to do); 2 usage.
With no command, `newsroom` opens the editors' TUI. It speaks the person's language
(NEWSROOM_LANG, their settings, the office's `[ui] language`, the locale) through the
catalog it shares with the TUI (newsroom/i18n); `--help` and click's usage errors stay in
English.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import os
import sys
from collections.abc import Callable
from functools import wraps
from pathlib import Path
from typing import TYPE_CHECKING, Any, NoReturn, TypeVar

from .core import early


def _head_start(argv: list[str]) -> None:
    """`newsroom publish`, a run (not a preview, not --pull), has its articles walked by a
    second process while this one loads (core/early.py): read here from the arguments as
    click will read them, before anything else is imported. Only in the program itself
    (`newsroom`, `python -m newsroom[.cli]`), never in a process importing this module."""
    parts = Path(os.path.normpath(argv[0])).parts if argv else ()
    if parts[-1:] != ("newsroom",) and parts[-2:] not in (("newsroom", "cli.py"),
                                                          ("newsroom", "__main__.py")):  # fmt: skip
        return
    args, root = argv[1:], None
    while args and args[0].startswith("-"):  # the group's options: --root, --as
        option = args.pop(0)
        name, equals, value = option.partition("=")
        if name in ("--help", "-h", "--version"):  # (click ends before any command)
            return
        if not equals and name in ("--root", "--as") and args:
            value = args.pop(0)
        if name == "--root":
            root = value
    if args[:1] == ["publish"] and not {"--dry-run", "--pull", "--help", "-h"} & set(args):
        early.start(root)


_head_start(sys.argv)

import click  # noqa: E402

from .core.errors import NewsroomError  # noqa: E402
from .core.service import (  # noqa: E402
    Config,
    load_config,
    parse_time,
    require_root,
    resolve_root,
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

            obj = _context()
            when = obj.when if obj is not None else None
            fail(error_text(_translator(), exc, "cli", when=when))

    return wrapper  # type: ignore[return-value]


def _context() -> Context | None:
    """The running command's context (None outside a command)."""
    context = click.get_current_context(silent=True)
    return context.find_object(Context) if context is not None else None


def _translator() -> Translator:
    """The running command's translator (English outside a command)."""
    obj = _context()
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
        self._config: Config | None = None
        self._t: Translator | None = None

    @property
    def t(self) -> Translator:
        """The person's language: NEWSROOM_LANG, their settings, the office's, the locale."""
        if self._t is None:
            from .i18n import LANGUAGES, Translator, choose_language
            from .settings import user_language

            office = None
            with contextlib.suppress(NewsroomError):  # no newsroom here (init), a bad config
                office = self.config.ui_language or None
            self._t = Translator(choose_language(user_language(), office))
            asked = os.environ.get("NEWSROOM_LANG", "")
            if asked and asked[:2].lower() not in LANGUAGES:  # (a typo, not a silent English)
                said = self._t("cli.lang_unknown", asked=asked, known=", ".join(LANGUAGES),
                               used=self._t.language)  # fmt: skip
                click.echo(said, err=True)
        return self._t

    @property
    def newsroom(self) -> Newsroom:
        if self._newsroom is None:
            from .core.service import open_newsroom

            self._newsroom = open_newsroom(self.root, self.actor)
        return self._newsroom

    def when(self, value: dt.datetime | None) -> str:
        """A time as people read it here, `11-12-2026 10:00 WIB` (clock.format_time)."""
        from .core.service import format_time

        return format_time(value, self.config.tz, self.config.timezone)

    @property
    def config(self) -> Config:
        """The config alone (cheaper than the whole newsroom), read once."""
        if self._newsroom is not None:
            return self._newsroom.config
        if self._config is None:
            self._config = load_config(require_root(self.root))
        return self._config


pass_ctx = click.make_pass_decorator(Context)


# Every command, by name: the module (of this package) that defines it and its name there.
# `newsroom --help` imports them all to list them; a command imports only its own.
COMMANDS = {
    "init": ("cli_drafts", "init"),
    "new": ("cli_drafts", "new"),
    "edit": ("cli_drafts", "edit"),
    "import": ("cli_drafts", "import_"),
    "attach": ("cli_drafts", "attach"),
    "detach": ("cli_drafts", "detach"),
    "translate": ("cli_drafts", "translate"),
    "delete": ("cli_drafts", "delete"),
    "list": ("cli_read", "list_"),
    "show": ("cli_read", "show"),
    "text": ("cli_read", "text"),
    "check": ("cli_read", "check"),
    "submit": ("cli_actions", "submit"),
    "approve": ("cli_actions", "approve"),
    "request-changes": ("cli_actions", "request_changes"),
    "comment": ("cli_actions", "comment"),
    "correct": ("cli_actions", "correct"),
    "retract": ("cli_actions", "retract"),
    "cancel-correction": ("cli_actions", "cancel_correction"),
    "publish": ("cli_publish", "publish"),
    "status": ("cli_publish", "status"),
    "adopt": ("cli_publish", "adopt"),
    "embargo": ("cli_publish", "embargo"),
    "serve": ("cli_publish", "serve"),
    "keys": ("cli_keys", "keys"),
    "verify": ("cli_keys", "verify"),
    "sync": ("cli_git", "sync"),
    "mail": ("cli_mail", "mail"),
    "unsaved": ("cli_unsaved", "unsaved"),
}


class LazyGroup(click.Group):
    """A group whose commands are imported when asked for (click's documented "lazy
    loading" pattern): parsing `newsroom publish` imports cli_publish alone."""

    def __init__(self, *args: Any, lazy: dict[str, tuple[str, str]], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.lazy = lazy

    def list_commands(self, ctx: click.Context) -> list[str]:
        return sorted({*super().list_commands(ctx), *self.lazy})

    def get_command(self, ctx: click.Context, cmd_name: str) -> click.Command | None:
        if cmd_name in self.lazy and cmd_name not in self.commands:
            import importlib

            module, name = self.lazy[cmd_name]
            command = getattr(importlib.import_module(f"{__package__}.{module}"), name)
            if not isinstance(command, click.Command):
                raise TypeError(f"{module}.{name} is not a click command")
            self.add_command(command, cmd_name)
        return super().get_command(ctx, cmd_name)


@click.group(
    cls=LazyGroup,
    lazy=COMMANDS,
    invoke_without_command=True,
    context_settings={"help_option_names": ["-h", "--help"]},
)
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
    ctx.obj = Context(resolve_root(root), actor)
    if ctx.invoked_subcommand is None:
        _open_tui(ctx.obj)


@friendly
def _open_tui(obj: Context) -> None:
    newsroom = obj.newsroom
    from .tui.app import run_app

    run_app(newsroom)


def _time_option(newsroom: Newsroom | Config, value: str | None, name: str) -> Any:
    if value is None:
        return None
    from .core.service import FieldError, in_range

    tz = newsroom.tz if isinstance(newsroom, Config) else newsroom.config.tz
    try:  # (the catalog is read only to refuse: cron's `--now` never loads it)
        when = parse_time(value, tz)
    except ValueError:  # the core's message is English: said again in the person's language
        said = _translator()("cli.bad_time", value=repr(value))
        raise click.BadParameter(said, param_hint=name) from None
    try:
        return in_range(when, (name,))
    except FieldError:
        said = _translator()("cli.time_out_of_range", value=value)
        raise click.BadParameter(said, param_hint=name) from None


_EXIT_AT_ONCE = False  # set by main(): the real process (not a test's CliRunner)


def main() -> None:
    """The console script."""
    global _EXIT_AT_ONCE
    _EXIT_AT_ONCE = True
    cli(prog_name="newsroom")


if __name__ == "__main__":  # `python -m newsroom.cli`: the module as imported (the command
    from newsroom.cli import main as imported_main  # modules take their shell from it)

    imported_main()
