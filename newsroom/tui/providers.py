"""The command palette (ctrl+p): the catalog's commands that apply, and are allowed, here."""

from __future__ import annotations

from functools import partial
from typing import TYPE_CHECKING, cast

from rich.align import Align
from rich.text import Text
from textual.command import CommandList, CommandPalette, Hit, Hits, Provider
from textual.widgets.option_list import Option

from .commands import COMMANDS

if TYPE_CHECKING:
    from .app import NewsroomApp


class CatalogCommands(Provider):
    """Searches the command catalog in the UI language: the commands of the screen below the
    palette that it allows now (the footer's test, `check_action`), and the app's. When none
    of them matches, a command hidden here whose screen says why (`why_not`: translate on a
    translation) is found, with the reason: not only "no command matches"."""

    def _commands(self) -> list[tuple[str, str, str]]:
        """(label, help, target) of every command offered here."""
        return [(label, help_text, target) for label, help_text, target, _ in self._catalog()]

    def _refused(self) -> list[tuple[str, str]]:
        """(label, why) of every command hidden here whose screen says why."""
        return [(label, why) for label, _, _, why in self._catalog(refused=True)]

    def _catalog(self, refused: bool = False) -> list[tuple[str, str, str, str]]:
        """The place's commands allowed now (why ""), or hidden with a reason (`refused`)."""
        app = cast("NewsroomApp", self.app)
        stack = app.screen_stack
        screen = (
            stack[-2] if isinstance(stack[-1], CommandPalette) and len(stack) > 1 else stack[-1]
        )
        place = getattr(screen, "id", "") or ""
        where = {"desk": "desk", "release": "release", "editor": "edit"}.get(place, "")
        found = []
        for command in COMMANDS:
            if command.where not in ("app", where) or command.id in ("palette",):
                continue
            target = "app" if command.action.startswith("app.") else "screen"
            action = command.action.removeprefix("app.")
            node = app if target == "app" else screen
            name = action.split("(", 1)[0]
            why = ""
            if not node.check_action(name, ()):  # refused here: the footer hides it
                why = (getattr(node, "why_not", None) or (lambda _: None))(name) or ""
                if not (refused and why):
                    continue
            elif refused:
                continue
            word = getattr(node, "relabel", {}).get(action, command.label)  # as its key says
            view = command.id.startswith("view_")
            label = app.t(word, n=command.key) if view else app.t(word)
            label = f"{label} ({app.key_for(command)})"
            found.append((label, app.t(word + ".help"), f"{target}:{action}", why))
        return found

    async def search(self, query: str) -> Hits:
        matcher = self.matcher(query)
        matched = False
        for label, help_text, action in self._commands():
            score = matcher.match(label)
            if score > 0:
                matched = True
                yield Hit(
                    score, matcher.highlight(label), partial(self._run, action), help=help_text
                )
        if matched:
            return
        app = cast("NewsroomApp", self.app)
        for label, why in self._refused():  # nothing here matches: say why it is not here
            score = matcher.match(label)
            if score > 0:
                shown = matcher.highlight(label).append_text(
                    f" · {app.t('palette.not_here')}", "dim"
                )
                yield Hit(score, shown, partial(self._say, why), help=why)

    async def discover(self) -> Hits:
        for label, help_text, action in self._commands():
            yield Hit(1.0, label, partial(self._run, action), help=help_text)

    async def _run(self, target: str) -> None:
        where, action = target.split(":", 1)
        app = self.app
        node = app if where == "app" else app.screen
        await app.run_action(action, node)

    def _say(self, why: str) -> None:
        """A command chosen where it does not apply: its reason, as its key would say it."""
        self.app.notify(why, severity="warning", timeout=8)


class Palette(CommandPalette):
    """Textual's palette, saying that nothing matches in the UI language: Textual's says
    "No matches found" in English, written in `_start_no_matches_countdown` (textual 8.2.8,
    pinned), which this one replaces with the same countdown and the person's words."""

    def __init__(self, placeholder: str, no_matches: str) -> None:
        super().__init__(id="--command-palette", placeholder=placeholder)
        self.no_matches = no_matches

    def _start_no_matches_countdown(self, search_value: str) -> None:
        self._stop_no_matches_countdown()

        def show() -> None:
            if not search_value:  # discovering, not searching: nothing to say
                self._list_visible = False
                return
            found = self.query_one(CommandList)
            said = Align.center(Text(self.no_matches, style="not bold"))
            found.add_option(Option(said, disabled=True, id=self._NO_MATCHES))
            self._list_visible = True

        self._no_matches_timer = self.set_timer(self._NO_MATCHES_COUNTDOWN, show)
