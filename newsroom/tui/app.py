"""The newsroom TUI: the App only (screens and widgets live in their own modules)."""

from __future__ import annotations

import asyncio
import contextlib
import datetime as dt
import os
import signal
import sys
import time
from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from textual import events, work
from textual.app import App
from textual.notifications import Notification, SeverityLevel
from textual.screen import Screen
from textual.widget import AwaitMount

from ..core.errors import ConflictError, NewsroomError, NotFound, Problem, Refused
from ..core.service import CheckResult, Newsroom, format_time, zone_abbreviation
from ..core.workflow import Decision
from ..i18n import Translator, choose_language, explain
from ..settings import remember_language
from .commands import Command, bindings
from .messages import FilesChanged
from .providers import CatalogCommands
from .screens.base import AppModal, AppScreen, translate_bindings
from .screens.modals import TitleModal
from .settings import Settings, load_settings

if TYPE_CHECKING:
    from .screens.acting import Waiting

WATCH_SECONDS = 1.0
HOLD_AT_MOST = 3.0  # seconds the keys typed ahead wait for a screen being built


class NewsroomApp(App[None]):
    """Editors' desk over one newsroom, acting as one person."""

    CSS_PATH = "newsroom.tcss"
    BINDINGS = bindings("app")
    # Only the catalog: Textual's own commands (theme, screenshot, keys) are English-only
    # and would offer what the footer never does.
    COMMANDS = {CatalogCommands}
    TITLE = "newsroom"

    def __init__(
        self, newsroom: Newsroom, settings: Settings | None = None, watch: bool = True
    ) -> None:
        super().__init__()
        self.newsroom = newsroom
        self.settings = settings or load_settings()
        office = newsroom.config.ui_language or None
        self.t = Translator(choose_language(self.settings.language, office))
        self.watch_files = watch
        self._fingerprint = ""
        self._next_look = 0.0
        self._building: object | None = None  # keys wait for it (see hold_keys)
        self._held: list[events.Key] = []
        self._answering: set[int] = set()  # dialogs whose answer a callback takes
        self._held_since = 0.0
        # release id -> its action waiting for a publish run (screens/release.py): the app's,
        # since the release screen is made anew at each open; one per release at a time
        self.waiting: dict[str, Waiting] = {}
        self.closing = False  # exit() was called: a worker's result is said after (run_app)
        self.hung_up = False  # the terminal went away: nowhere to say it (see run_app)
        self._unsaved_said = ""  # the start's notice of copies kept aside (unsaved_seen)
        translate_bindings(self, self)

    # ------------------------------------------------------------ start

    def on_mount(self) -> None:
        if self.settings.keys:
            self.set_keymap(self.settings.keys)
        if self.settings.problem:
            self.notify(self.settings.problem, severity="warning", timeout=10)
        from .screens.desk import DeskScreen

        self.push_screen(DeskScreen())
        self.set_interval(HOLD_AT_MOST / 2, self._unstick)
        if self.watch_files:
            self.set_interval(WATCH_SECONDS, self.look_for_changes)
        self._watch_terminal()
        kept = self.newsroom.unsaved()
        if kept:
            self._unsaved_said = self.t("app.unsaved", n=len(kept), path=str(kept[-1]))
            self.notify(self._unsaved_said, severity="warning", timeout=30)
        with contextlib.suppress(OSError):  # what the last desk could not say (hung up)
            for notice in self.newsroom.take_notices():
                self.notify(notice, severity="warning", timeout=60)

    def unsaved_seen(self) -> None:
        """The person opened the copies kept aside (`u`): the start's notice pointing there
        has done its job, and at 80x24 it lay over the dialog and its questions."""
        self.unnotify_where(lambda note: note.message == self._unsaved_said)

    def unnotify_where(self, said: Callable[[Notification], bool]) -> None:
        """Take back the messages shown for which `said` holds, from the screen on top
        (called before a dialog opens: taken back from the dialog's screen, they would stay
        drawn on the one below until their time is up)."""
        for notification in list(self._notifications):
            if said(notification):
                self._unnotify(notification)

    def action_command_palette(self) -> None:
        """The palette, asking and saying that nothing matches in the UI's language
        (Textual's does in English)."""
        from textual.command import CommandPalette

        from .providers import Palette

        if self.use_command_palette and not isinstance(self.screen, CommandPalette):
            self.push_screen(Palette(self.t("palette.search"), self.t("palette.no_matches")))

    # ------------------------------------------------------------ keys typed ahead

    def push_screen(  # type: ignore[override]
        self, screen: Screen[Any] | str, callback: Any = None, wait_for_dismiss: bool = False
    ) -> Any:
        """Push a screen, never one that is open already (a second Enter typed before the
        first one's screen opened); the keys typed until it is built wait for it."""
        if isinstance(screen, Screen) and screen.id in {s.id for s in self.screen_stack} - {None}:
            return AwaitMount(self.screen, [])
        if isinstance(screen, (AppScreen, AppModal)):
            self.hold_keys(screen)
        if callback is not None and isinstance(screen, AppModal):
            self._answering.add(id(screen))
            callback = self._then_release(screen, callback)
        return super().push_screen(screen, callback, wait_for_dismiss)  # type: ignore[call-overload]

    def _then_release(self, dialog: AppModal, callback: Callable[[Any], object]) -> Any:
        def answer(result: Any) -> None:
            try:
                callback(result)
            finally:  # nothing opened by the answer: the keys go on to the screen under it
                self._answering.discard(id(dialog))
                self.call_later(self.release_keys, dialog)

        return answer

    def hold_keys(self, until: object) -> None:
        """Keep the keys typed from now on until `until` is done (a key on its way through
        the widgets to its binding, a screen being built, a dialog's answer being acted on),
        then hand them on in order: a burst typed after `n` or Enter goes into what that
        key opens, none lost, none to the screen just left. (Textual hands each key to the
        focused widget at once, and a binding of the screen runs only once the key has
        bubbled back up: the keys typed meanwhile would go to the widget left behind.)"""
        self._building = until
        self._held_since = time.monotonic()

    def built(self, screen: object) -> None:
        """A screen is built and focused (its on_mount): the keys held for it go to it."""
        self.call_later(self.release_keys, screen)

    def answered(self, dialog: AppModal) -> None:
        """A dialog closed: without a callback to act on its answer, the keys go on now."""
        if id(dialog) not in self._answering:
            self.call_later(self.release_keys, dialog)

    async def release_keys(self, until: object) -> None:
        if self._building is not until:
            return  # something else was opened since: its keys wait for it
        self._building = None
        while self._held and self._building is None:
            await self._deliver(self._held.pop(0))

    def _unstick(self) -> None:
        """Never hold keys for long, whatever went wrong (a screen that never mounted)."""
        if self._building is not None and time.monotonic() - self._held_since > HOLD_AT_MOST:
            self.call_later(self.release_keys, self._building)

    async def on_event(self, event: events.Event) -> None:
        if isinstance(event, events.Key) and not event.is_forwarded:
            if self._building is not None:
                self._held.append(event)
            else:
                await self._deliver(event)
            return
        await super().on_event(event)

    async def _deliver(self, key: events.Key) -> None:
        """Hand a key on (priority bindings, else the focused widget); when it went to a
        widget, hold the next keys until it has come back up to the app, that is until it
        has done what it does (a binding of the screen, a letter in a field)."""
        target = self.focused or self.screen
        await super().on_event(key)
        if not key.is_forwarded:
            return  # a priority binding: done already
        self.hold_keys(key)
        chain = list(target.ancestors_with_self)  # the widget, its containers, the screen, app

        def step(at: int) -> None:
            if at == len(chain):
                self.call_later(self.release_keys, key)
            elif not chain[at].call_later(step, at + 1):  # gone: on to the next one up
                step(at + 1)

        step(0)

    # ------------------------------------------------------------ losing the terminal

    def _watch_terminal(self) -> None:
        """Leave properly when the terminal goes away (SSH dropped, tmux killed).

        Textual would otherwise spin on the closed terminal (a core at 70 %) and the
        editor would renew its lease for ever, locking the release for everyone."""
        if self.is_headless:
            return
        try:
            fd = sys.__stdin__.fileno() if sys.__stdin__ is not None else -1
        except (OSError, ValueError):
            return
        if fd < 0 or not os.isatty(fd):
            return
        self.set_interval(1.0, lambda: None if os.isatty(fd) else self.hang_up())
        # Where there is no SIGHUP (or no way to catch it), the check above still notices.
        with contextlib.suppress(NotImplementedError, RuntimeError, ValueError, AttributeError):
            asyncio.get_running_loop().add_signal_handler(signal.SIGHUP, self.hang_up)

    def hang_up(self) -> None:
        """Keep unsaved edits (see Newsroom.keep_unsaved), then leave (leases released)."""
        from .screens.editor import EditScreen

        for screen in self.screen_stack:
            with contextlib.suppress(OSError, NewsroomError):
                if isinstance(screen, EditScreen):
                    screen.keep_unsaved()
                elif isinstance(screen, TitleModal) and screen.typed:
                    screen.settle("keep")
        self.hung_up = True
        self.exit()

    # ------------------------------------------------------------ shared helpers

    @property
    def zone(self) -> str:
        return zone_abbreviation(self.newsroom.config.timezone, self.newsroom.now())

    def short_time(self, when: dt.datetime | None) -> str:
        """`07-12-2018 16:30` (the desk's columns name the zone once, in their heads)."""
        return format_time(when, self.newsroom.config.tz)

    def long_time(self, when: dt.datetime | None) -> str:
        """`07-12-2018 16:30 WIB`."""
        return format_time(when, self.newsroom.config.tz, self.newsroom.config.timezone)

    def why(self, decision: Decision) -> str:
        """A refusal in the UI's language, with what to do."""
        return explain.decision_text(self.t, decision, "tui", when=self.long_time)

    def check_text(
        self, check: CheckResult, fix: bool = False, action: str = "", status: str = ""
    ) -> str:
        """One line of the checklist in the UI's language (`fix`: and where to fix it, for
        `action`, the checklist's, on a release in `status`: an approved or published one
        is not fixed in the editor, which refuses it)."""
        if fix:
            return explain.check_with_fix(self.t, check, "tui", when=self.long_time,
                                          action=action, status=status)  # fmt: skip
        return explain.check_text(self.t, check, self.long_time, "tui")

    def error(self, error: NewsroomError) -> str:
        """An error of the core in the UI's language (when it has a code)."""
        return explain.error_text(self.t, error, "tui", when=self.long_time)

    def problem(self, problem: Problem) -> str:
        """A broken file's problem, naming it, in the UI's language (when it has a code)."""
        return explain.problem_text(self.t, problem)

    def name_of(self, who: str) -> str:
        """A person as people read them: their name from [people], else as recorded."""
        return self.newsroom.display_name(who)

    def key_for(self, command: Command) -> str:
        keys = self.settings.keys.get(command.id, command.key)
        return command.key_display or keys.split(",")[0]

    # ------------------------------------------------------------ live updates

    def look_for_changes(self) -> None:
        """Tell the screens when articles/ or the leases changed (the CLI, cron, git, others).

        A look costs a scan of articles/, which grows with the newsroom: the next look waits
        at least five times as long as the last took, so it never hogs a core.
        """
        if time.monotonic() >= self._next_look:
            self._look(self.newsroom.for_thread())  # a door serves one thread

    @work(thread=True, exclusive=True, group="watch")
    def _look(self, door: Newsroom) -> None:
        started = time.monotonic()
        fingerprint = door.changes()
        if self._fingerprint and fingerprint != self._fingerprint:
            self.call_from_thread(self.files_changed)
        self._fingerprint = fingerprint
        self._next_look = time.monotonic() + 5 * (time.monotonic() - started)

    def files_changed(self, commits: bool = False) -> None:
        """Files under the desk changed (the watcher saw it; a publish run, a sync): every
        screen reads again, the desk on a door of its own, which then tells the app's door
        where releases live (DeskScreen.on_desk_loaded: learn_from). `commits`: git brought
        other offices' commits, newsroom.toml perhaps with them: the app's door reads it
        again first, here on the desk's thread (a door serves one thread). The desk's one
        home of "commits arrived": a sync calls it (the desk's publish run never pulls)."""
        if commits:
            self.newsroom.reload()
        for screen in self.screen_stack:
            screen.post_message(FilesChanged())

    # ------------------------------------------------------------ app actions

    def action_help(self) -> None:
        from .screens.help import HelpScreen

        self.push_screen(HelpScreen())

    def notify(
        self,
        message: str,
        *,
        title: str = "",
        severity: SeverityLevel = "information",
        timeout: float | None = None,
        markup: bool = False,
    ) -> None:
        """Notifications carry titles, names and paths ("[CONTOH] ..."), never markup: they
        are shown as written whatever a caller passes (Textual's Widget.notify passes True)."""
        super().notify(message, title=title, severity=severity, timeout=timeout, markup=False)

    def action_switch_language(self) -> None:
        """Switch the language at once, and remember it in the person's settings."""
        # The same translator, switched: widgets that were handed `self.t` follow it.
        self.t.language = "en" if self.t.language == "id" else "id"
        translate_bindings(self, self)
        for screen in self.screen_stack:
            if isinstance(screen, AppScreen):
                screen.retranslate()
        where = self.t("app.language_session")
        if self.settings.path is not None:
            try:
                remember_language(self.settings.path, self.t.language)
                self.settings.language = self.t.language
                where = self.t("app.language_kept")
            except OSError as exc:
                where = f"{self.settings.path}: {exc.strerror}"
        self.notify(self.t("app.language", where=where))

    # ------------------------------------------------------------ leaving

    async def action_quit(self) -> None:
        """Quit; with text not saved (an editor's, a new release's title typed), ask: save
        it, keep a copy aside (`.newsroom/unsaved/`, offered back at every start), or
        discard it; escape stays. A ctrl+q while asking quits keeping the copies: never lost."""
        from .screens.modals import UnsavedModal

        waiting = self._unsaved()
        if not waiting:
            self.exit()
            return
        if isinstance(self.screen, UnsavedModal):
            if self._settle_all(waiting, "keep"):  # (a copy that cannot be kept: stay)
                self.exit()
            return

        def answer(choice: str | None) -> None:
            if choice is not None and self._settle_all(waiting, choice):
                self.exit()

        last = waiting[-1]
        title = last.typed if isinstance(last, TitleModal) else last.title_now
        new = isinstance(last, TitleModal) or last.new
        question = self.t("modal.quit_unsaved", title=title)
        self.push_screen(UnsavedModal(question, new, id="quit-unsaved"), answer)

    def _unsaved(self) -> list[Any]:
        """The editors with text not saved, and a new release's title dialog with one typed."""
        from .screens.editor import EditScreen

        return [
            s
            for s in self.screen_stack
            if (isinstance(s, EditScreen) and s.unsaved) or (isinstance(s, TitleModal) and s.typed)
        ]

    def _settle_all(self, waiting: list[Any], choice: str) -> bool:
        """Save, keep aside or discard every unsaved text; False if one could not be saved
        (it says why, and the desk stays open)."""
        done = True
        for screen in waiting:
            try:
                done = screen.settle(choice) and done
            except (OSError, NewsroomError) as exc:
                self.notify(str(exc), severity="error", timeout=15)
                done = False
        return done

    def exit(self, *args: Any, **kwargs: Any) -> None:
        """Leave; from now on a waiting action's result is kept for run_app, not shown on a
        desk that is closing (it would vanish with it)."""
        self.closing = True
        super().exit(*args, **kwargs)

    def after_quit(self, wait: float = 5.0) -> list[str]:
        """What became of each action still waiting when the desk closed, one line each (the
        desk that would have said so is gone): given up, nothing changed; done, its status
        now; or failed, why (and to check the release when it may have been written).
        `wait`: seconds at most for their workers to stop (a given-up wait stops within
        a fraction of one; App.run has joined them already)."""
        deadline = time.monotonic() + wait
        lines = []
        for waiting in list(self.waiting.values()):
            waiting.finished.wait(max(deadline - time.monotonic(), 0.0))
            lines.append(self._became(waiting))
        return lines

    def _became(self, waiting: Waiting) -> str:
        t, error = self.t, waiting.error
        named = {"action": t("cmd." + waiting.action), "title": waiting.title}
        if not waiting.finished.is_set():  # (still writing: a stuck disk or git)
            return t("app.act_unknown", **named)
        if waiting.outcome is not None:
            status = t("status." + waiting.outcome.article.status)
            return t("app.done_after", status=status, **named)
        if error is None or error.code == "gave_up":
            return t("app.not_done", **named)
        said = t("app.failed_after", error=self.error(error), **named)
        untouched = isinstance(error, (Refused, ConflictError, NotFound)) or error.code in (
            "publish_busy", "needs")  # fmt: skip
        return said if untouched else f"{said} {t('app.check_release')}"


def run_app(newsroom: Newsroom) -> None:
    """Open the TUI (the console script's default command); once it is closed, say what
    became of the actions still waiting for a publish run (the desk that would have said
    so is gone)."""
    os.environ.setdefault("TEXTUAL_ANIMATIONS", "none")
    app = NewsroomApp(newsroom)
    app.run()
    tell_after(app)


def tell_after(app: NewsroomApp) -> None:
    """Say what became of the waiting actions once the desk has closed; when the terminal
    went away (or cannot be written to), keep it for this person's next desk instead."""
    lines = app.after_quit()
    if not lines:
        return
    if not app.hung_up:
        try:
            for line in lines:
                print(line, file=sys.stderr)
            return
        except OSError:
            pass
    with contextlib.suppress(OSError):  # (a full disk as well: nowhere left to say it)
        app.newsroom.keep_notices(lines)
