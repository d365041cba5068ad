"""Taking a workflow action from the release screen (`ReleaseScreen` inherits `Acting`):
at once, or, on an approved release while a publish run holds the publish lock, in a
worker thread that waits for the run while the desk stays live.

One action waits at a time on a release, whichever screen asked (the app keeps them:
`NewsroomApp.waiting`); every other action on that release says so instead of acting.
The worker has a door of its own (`Newsroom.for_thread`), and a quit gives its wait up
before anything is done (the core asks `give_up` between short tries of the lock). What
became of an action the desk could not tell (it closed meanwhile) stays on its `Waiting`
entry, for `run_app` to say once the desk has closed (NewsroomApp.after_quit).
"""

from __future__ import annotations

import datetime as dt
import threading
from collections.abc import Callable
from contextlib import suppress
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from textual.worker import get_current_worker

from ...core import service
from ...core.errors import NewsroomError
from ...core.service import Newsroom
from ...core.workflow import Decision, Outcome

if TYPE_CHECKING:
    from ..app import NewsroomApp


@dataclass
class Waiting:
    """An action waiting for a publish run (the app keeps one per release until the desk
    has told what became of it: left there when the desk closed first)."""

    action: str
    title: str
    outcome: Outcome | None = None  # done: what the action made
    error: NewsroomError | None = None  # not done (given up, refused, ...) or failed: why
    finished: threading.Event = field(default_factory=threading.Event)  # the worker is done


def still_waiting(
    app: NewsroomApp, article_id: str, named: Callable[[str], str] | None = None
) -> bool:
    """Whether an action on this release waits for a publish run (from any screen opened on
    it), saying so: one action at a time on a release, and nothing else changes it
    meanwhile (another action, an attachment, a delete, an editor however it is opened:
    opening.py), so neither writes over the other. `named`: the action's word for this
    person (the release screen's: "Tarik kembali" for a withdrawal), else its command's."""
    waiting = app.waiting.get(article_id)
    if waiting is not None:
        word = named(waiting.action) if named is not None else app.t("cmd." + waiting.action)
        app.notify(app.t("release.still_waiting", action=word))
    return waiting is not None


class Acting:
    """The release screen's side that takes the workflow's actions."""

    article_id: str
    decisions: dict[str, Decision]
    relabel: dict[str, str]  # action -> its catalog key, where the core gives it a meaning

    if TYPE_CHECKING:  # the rest of the screen (release.py) that this part uses

        @property
        def nr_app(self) -> NewsroomApp: ...
        @property
        def title_now(self) -> str: ...

    def named(self, action: str, kind: str = "cmd") -> str:
        """The action as this person reads it: its command's word, or the word of what it
        means for them (the core's `Decision.meaning`: "Tarik kembali" for the writer who
        requests changes on their own submission); `kind` "confirm": its button's word."""
        key = self.relabel.get(action, "cmd." + action)
        return self.nr_app.t(key.replace("cmd.", kind + ".", 1))

    @property
    def waiting(self) -> str | None:
        """This release's action waiting for a publish run, if one is: kept on the app,
        since the release screen is made anew each time the release is opened."""
        waiting = self.nr_app.waiting.get(self.article_id)
        return waiting.action if waiting is not None else None

    def _busy(self) -> bool:
        """Whether an action on this release waits for a publish run, saying so (in the
        words this person reads it: `named`)."""
        return still_waiting(self.nr_app, self.article_id, self.named)

    def _act(
        self,
        action: str,
        note: str = "",
        embargo: dt.datetime | None = None,
        clear: bool = False,
        then: Callable[[], None] | None = None,
    ) -> None:
        """Take the action; `then` once it is done. An approved release may be going live
        in a publish run (cron's): the core waits for the run's lock, so the desk asks it
        not to wait here and, told a run is under way, waits in a worker thread, saying so,
        while the desk stays live (service.Newsroom.act)."""
        app = self.nr_app
        if self._busy():  # one action at a time on a release: the first still waits
            return

        def act(door: Newsroom, **wait: Any) -> Outcome:
            return door.act(self.article_id, action, note=note, embargo=embargo,
                            clear_embargo=clear, **wait)  # fmt: skip

        try:
            outcome = act(app.newsroom, lock_wait=0)
        except NewsroomError as exc:
            if exc.code == "publish_busy":
                self._wait_for_publish(action, act, then)
            else:
                app.notify(app.error(exc), severity="error", timeout=10)
            return
        self._done(action, outcome, then)

    def _wait_for_publish(
        self, action: str, act: Callable[..., Outcome], then: Callable[[], None] | None
    ) -> None:
        """Wait for the publish run in a worker (ACT_LOCK_WAIT at most), then act, or say
        that the run still holds it and nothing changed. A quit meanwhile cancels the
        worker: the core gives the wait up before acting. Whatever became of the action,
        it is kept on its entry, and a desk closing (or gone) is told nothing: run_app
        says it once the desk has closed (NewsroomApp.after_quit)."""
        app = self.nr_app
        waiting = app.waiting[self.article_id] = Waiting(action, self.title_now)
        seconds = f"{service.ACT_LOCK_WAIT:g}"
        said = app.t("release.waiting_publish", action=self.named(action), seconds=seconds)
        app.notify(said, timeout=6)
        # A door of its own: the desk goes on saving through the app's meanwhile (see
        # Newsroom.for_thread), and each save must still be its own commit.
        door = app.newsroom.for_thread()

        def wait() -> None:
            worker = get_current_worker()
            outcome: Outcome | None = None
            error: NewsroomError | None = None
            try:
                outcome = act(door, give_up=lambda: worker.is_cancelled)
            except NewsroomError as exc:
                error = exc
            except Exception as exc:  # (a full disk, a bug): said, never a crash of the desk
                error = NewsroomError(f"{exc.__class__.__name__}: {exc}", code="act_failed")
            waiting.outcome, waiting.error = outcome, error
            waiting.finished.set()
            if worker.is_cancelled or app.closing or not app.is_running:
                return  # the desk is closing: said after it has closed (run_app)
            with suppress(RuntimeError):  # (it stopped just now)
                app.call_from_thread(self._waited, action, outcome, error, then)

        # The app's worker, not the screen's: leaving the screen meanwhile never drops it.
        app.run_worker(wait, thread=True, group="act", name=f"act-{action}")

    def _waited(
        self,
        action: str,
        outcome: Outcome | None,
        error: NewsroomError | None,
        then: Callable[[], None] | None,
    ) -> None:
        if self.nr_app.closing:  # quit since the worker looked: run_app says it after
            return
        self.nr_app.waiting.pop(self.article_id, None)
        if error is not None or outcome is None:
            text = self.nr_app.error(error) if error is not None else ""
            self.nr_app.notify(text, severity="error", timeout=12)  # the screen may be gone
            return
        self._done(action, outcome, then)

    def _done(self, action: str, outcome: Outcome, then: Callable[[], None] | None) -> None:
        """Say what was done (and a recommended check that failed), show the release anew."""
        from .release import ReleaseScreen

        app = self.nr_app
        if action == "comment":  # a remark, not a move: the status stays as it was
            done = app.t("release.commented")
        else:
            status = app.t("status." + outcome.article.status)
            done = app.t("release.done", action=self.named(action), status=status)
        decision = self.decisions.get(action)
        warnings = [
            app.t("release.warning",
                  text=app.check_text(check, fix=True, status=outcome.article.status))
            for check in (decision.checks if decision else ())
            if not check.passed and check.level == "recommended"
        ]  # fmt: skip
        if warnings:  # one message, not one each: a stack of them covered half the screen
            app.notify("\n".join(warnings), title=done, severity="warning")
        else:
            app.notify(done)
        for screen in app.screen_stack:  # this one, or the release opened again meanwhile
            if isinstance(screen, ReleaseScreen) and screen.article_id == self.article_id:
                screen.reload()
        if then is not None:
            then()
