"""Publishing from the desk: first what it would do (the dry run), then the run itself, in a
worker thread with progress, so the UI never freezes. With an encrypted signing key and no
variable giving its passphrase, the dialog asks for it (masked), as `newsroom publish` does
at a terminal."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding, BindingsMap
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.widgets import Button, Input, Label, LoadingIndicator, Static

from ...core.errors import NewsroomError
from ...core.service import HELD, LATER, PublishResult
from ...i18n.explain import (
    mail_lines,
    publish_count,
    publish_lines,
    publish_notes,
    publish_problems,
    signed_line,
    unsigned_line,
)
from ..markup import escape
from ..messages import PublishFinished, PublishProgress
from .modals import Dialog

if TYPE_CHECKING:
    from ..app import NewsroomApp


def open_publish(app: NewsroomApp) -> None:
    """The publish dialog (P, on the desk and on a release). Its preview says what goes out
    to partners: the messages the last action left at the screen's right (an approval and
    its recommendations) would cover it, so they go first. An error stays: it would go
    unread."""
    app.unnotify_where(lambda note: note.severity != "error")
    app.push_screen(PublishScreen())


class PublishScreen(Dialog):
    """The dry run (each release once, with its feeds); then publish and show the result.
    "Publish now" is offered only when there is something to do, and once. The footer names
    the keys in the buttons' words, as every dialog's: enter publishes while that button is
    there, escape cancels (closes once the run is done).

    When the run must be given the signing key's passphrase, a masked field asks for it
    (focused; enter in it publishes). It reaches the core only as the run's `passphrase`,
    is never kept past the run, and a wrong one stops the run: said under the field,
    nothing published, the field empty for another try."""

    PRIMARY = "go"

    def __init__(self) -> None:
        super().__init__()
        self.dry: PublishResult | None = None
        self.running = False
        self.asks = False  # the signing key's passphrase is typed here (the dry run says)
        self._keys = self._bindings
        self._name_keys("modal.cancel")

    def _name_keys(self, close: str) -> None:
        t = self.nr_app.t
        self._bindings = BindingsMap.merge([self._keys, BindingsMap([
            Binding("enter", "confirm", t("publish.go"), priority=True),
            Binding("escape", "close", t(close)),
        ])])  # fmt: skip
        self.refresh_bindings()

    def compose(self) -> ComposeResult:
        t = self.nr_app.t
        with Vertical(classes="dialog wide"):
            yield Label(t("publish.title"), classes="dialog-title")
            yield LoadingIndicator(id="busy")
            with VerticalScroll(id="plan"):
                yield Static(t("publish.checking"), id="report")
            with Vertical(id="passphrase-box", classes="hidden"):
                with Horizontal(id="passphrase-line"):
                    yield Label(t("publish.passphrase") + ":", id="passphrase-label")
                    yield Input(password=True, id="passphrase")
                yield Static(self._why(), id="passphrase-why")
                yield Label("", id="passphrase-error", classes="error hidden")
            with Horizontal(classes="buttons"):
                yield Button(t("publish.go"), variant="success", id="go", disabled=True)
                yield Button(t("modal.cancel"), id="close")

    def on_mount(self) -> None:
        self.run(dry_run=True)

    def _why(self) -> str:
        """Why the field is there, and what cron does instead (the variable's name)."""
        variable = self.nr_app.newsroom.config.passphrase_env or "[signing] passphrase_env"
        return escape(self.nr_app.t("publish.passphrase.why", variable=variable))

    @work(thread=True, exclusive=True, group="publish")
    def run(self, dry_run: bool, typed: Callable[[], str] | None = None) -> None:
        # `typed` comes as a function, never as the text: Textual shows a worker's
        # arguments in its description (its log) and a crash's locals on the terminal.
        # A door of its own (Newsroom.for_thread): a save on the desk's thread while the
        # run commits what it stamped (ctrl+q saving an editor's text) is its own commit.
        newsroom = self.nr_app.newsroom.for_thread()

        def progress(text: str) -> None:
            self.post_message(PublishProgress(text))

        # The preview is given a passphrase to come when the field will ask for it (LATER:
        # not tried, it is typed once the preview is read), so it finds what the run will:
        # signed. A wrong one stops the run, said under the field (`_typed_wrong`).
        asks = dry_run and newsroom.asks_passphrase()
        passphrase = typed if typed is not None else (LATER if asks else None)
        try:
            result = newsroom.publish(dry_run=dry_run, progress=progress, passphrase=passphrase)
        except NewsroomError as exc:
            result = PublishResult(newsroom.now(), newsroom.actor, dry_run=dry_run)
            result.failed.append(self.nr_app.error(exc))
        self.post_message(PublishFinished(result, asks))

    def on_publish_progress(self, message: PublishProgress) -> None:
        self.query_one("#report", Static).update(escape(message.text))

    def on_publish_finished(self, message: PublishFinished) -> None:
        self.query_one("#busy").display = False
        result = message.result
        go, close = self.query_one("#go", Button), self.query_one("#close", Button)
        field = self.query_one("#passphrase", Input)
        if not result.dry_run and result.stopped.get("code") == "sign_wrong_passphrase":
            self._typed_wrong(result)  # nothing went out: the dialog is as before the run
            return
        if result.dry_run:
            self.asks = message.asks
        self.query_one("#report", Static).update(self._report(result))
        if result.dry_run:
            self.dry = result
            # Nothing due and no feed file to write: there is nothing to publish.
            go.display = _has_work(result)
            go.disabled = not go.display
            asking = self.asks and go.display
            self.query_one("#passphrase-box").set_class(not asking, "hidden")
            self.query_one(".dialog").set_class(asking, "-asks")
            (field if asking else go if go.display else close).focus()
        else:
            self.running = False
            field.value = ""  # (the passphrase is kept no longer than the run)
            self.query_one("#passphrase-box").add_class("hidden")
            self.query_one(".dialog").remove_class("-asks")
            go.display = False  # done: what is left is to read what happened, and close
            close.focus()
            self.nr_app.files_changed()  # (no commits arrive: the desk's run never pulls)
        closing = "modal.close" if not go.display else "modal.cancel"
        close.label = self.nr_app.t(closing)
        self._name_keys(closing)  # the footer's escape in the button's word

    def _typed_wrong(self, result: PublishResult) -> None:
        """The passphrase did not unlock the key: said under the field, which is emptied
        for another try; the preview stays, and Publish now with it."""
        self.running = False
        self.query_one("#busy").display = False
        if self.dry is not None:
            self.query_one("#report", Static).update(self._report(self.dry))
        said = " ".join(publish_problems(self.nr_app.t, result))
        self._say(said)
        self.query_one("#go", Button).disabled = False
        field = self.query_one("#passphrase", Input)
        field.value = ""
        field.focus()

    def _say(self, text: str) -> None:
        """What is wrong with the passphrase, under its field, in place of why it is asked
        (a dialog that fits 80x24); "" brings the why back."""
        error = self.query_one("#passphrase-error", Label)
        error.update(escape(text))
        error.set_class(not text, "hidden")
        self.query_one("#passphrase-why").set_class(bool(text), "hidden")

    @on(Input.Changed, "#passphrase")
    def _typing(self, event: Input.Changed) -> None:
        if event.value:  # typing again: what was said of the last try goes (not when the
            self._say("")  # field is emptied for it)

    def _report(self, r: PublishResult) -> str:
        """The run as the CLI says it (the same words): each release once with the feeds it
        reaches or when its embargo lifts, what is written, then what went wrong. A preview
        says first whether the run signs and with which key, or why not: seen without
        scrolling on a 24-line screen, over the passphrase's field."""
        app, t = self.nr_app, self.nr_app.t
        dry = r.dry_run and not r.busy
        said = publish_lines(t, r, app.long_time, self.asks, signing=not dry)
        lines = [escape(line) for line in said]
        if not r.dry_run and not r.busy and (headline := publish_count(t, r)):
            lines.insert(0, escape(headline))
        elif not r.dry_run and not r.busy and not r.moves and not r.written and not r.failed:
            # (what it did for mail that waited, when it tried: said after it)
            lines = [escape(t("publish.done_nothing")), *map(escape, mail_lines(t, r))]
        if dry and (signed := signed_line(t, r, self.asks)):
            lines.insert(0, escape(signed))
        if dry and (unsigned := unsigned_line(t, r)):
            lines.insert(0, f"[red]{escape(unsigned)}[/]")
        lines += [f"[dim]{escape(line)}[/]" for line in publish_notes(t, r)]
        lines += [f"[red]{escape(line)}[/]" for line in publish_problems(t, r, signing=not dry)]
        return "\n".join(lines)

    @on(Button.Pressed, "#go")
    def go(self) -> None:
        typed = self.query_one("#passphrase", Input).value if self.asks else None
        if typed == "":  # the run would go out unsigned (or be refused): not by a slip
            self._say(self.nr_app.t("publish.passphrase.empty"))
            self.query_one("#passphrase", Input).focus()
            return
        self._say("")
        self.running = True
        self.query_one("#go", Button).disabled = True
        self.query_one("#busy").display = True
        self.query_one("#report", Static).update(self.nr_app.t("publish.running"))
        self.run(dry_run=False, typed=None if typed is None else _given(typed))

    @on(Button.Pressed, "#close")
    def action_close(self) -> None:
        if not self.running:
            self.query_one("#passphrase", Input).value = ""  # (typed, not used: dropped)
            self.dismiss(None)


def _given(typed: str) -> Callable[[], str]:
    """The passphrase typed, as the run asks for it (`publish(passphrase=)`)."""
    return lambda: typed


def _has_work(result: PublishResult) -> bool:
    """Whether a dry run found anything to do: a release to put out, a feed file to write
    or remove, mail waiting after an error (a release held by its embargo is news, not
    work)."""
    moving = [m for m in result.moves if m.kind not in HELD]
    work = result.published or moving or result.to_write or result.to_remove
    return (bool(work) or result.mail_waiting > 0) and not result.busy
