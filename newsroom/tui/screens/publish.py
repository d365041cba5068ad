"""Publishing from the desk: first what it would do (the dry run), then the run itself, in a
worker thread with progress, so the UI never freezes."""

from __future__ import annotations

from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding, BindingsMap
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.widgets import Button, Label, LoadingIndicator, Static

from ...core.errors import NewsroomError
from ...core.service import HELD, PublishResult
from ...i18n.explain import publish_count, publish_lines, publish_notes, publish_problems
from ..markup import escape
from ..messages import PublishFinished, PublishProgress
from .modals import Dialog


class PublishScreen(Dialog):
    """The dry run (each release once, with its feeds); then publish and show the result.
    "Publish now" is offered only when there is something to do, and once. The footer names
    the keys in the buttons' words, as every dialog's: enter publishes while that button is
    there, escape cancels (closes once the run is done)."""

    PRIMARY = "go"

    def __init__(self) -> None:
        super().__init__()
        self.dry: PublishResult | None = None
        self.running = False
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
            with Horizontal(classes="buttons"):
                yield Button(t("publish.go"), variant="success", id="go", disabled=True)
                yield Button(t("modal.cancel"), id="close")

    def on_mount(self) -> None:
        self.run(dry_run=True)

    @work(thread=True, exclusive=True, group="publish")
    def run(self, dry_run: bool) -> None:
        # A door of its own (Newsroom.for_thread): a save on the desk's thread while the
        # run commits what it stamped (ctrl+q saving an editor's text) is its own commit.
        newsroom = self.nr_app.newsroom.for_thread()

        def progress(text: str) -> None:
            self.post_message(PublishProgress(text))

        try:
            result = newsroom.publish(dry_run=dry_run, progress=progress)
        except NewsroomError as exc:
            result = PublishResult(newsroom.now(), newsroom.actor, dry_run=dry_run)
            result.failed.append(self.nr_app.error(exc))
        self.post_message(PublishFinished(result))

    def on_publish_progress(self, message: PublishProgress) -> None:
        self.query_one("#report", Static).update(escape(message.text))

    def on_publish_finished(self, message: PublishFinished) -> None:
        self.query_one("#busy").display = False
        result = message.result
        go, close = self.query_one("#go", Button), self.query_one("#close", Button)
        self.query_one("#report", Static).update(self._report(result))
        if result.dry_run:
            self.dry = result
            # Nothing due and no feed file to write: there is nothing to publish.
            go.display = _has_work(result)
            go.disabled = not go.display
            (go if go.display else close).focus()
        else:
            self.running = False
            go.display = False  # done: what is left is to read what happened, and close
            close.focus()
            self.nr_app.files_changed()  # (no commits arrive: the desk's run never pulls)
        closing = "modal.close" if not go.display else "modal.cancel"
        close.label = self.nr_app.t(closing)
        self._name_keys(closing)  # the footer's escape in the button's word

    def _report(self, r: PublishResult) -> str:
        """The run as the CLI says it (the same words): each release once with the feeds it
        reaches or when its embargo lifts, what is written, then what went wrong."""
        app = self.nr_app
        lines = [escape(line) for line in publish_lines(app.t, r, app.long_time)]
        if not r.dry_run and not r.busy and r.published:
            lines.insert(0, escape(publish_count(app.t, r)))
        elif not r.dry_run and not r.busy and not r.moves and not r.written and not r.failed:
            lines = [escape(app.t("publish.done_nothing"))]
        lines += [f"[dim]{escape(line)}[/]" for line in publish_notes(app.t, r)]
        lines += [f"[red]{escape(line)}[/]" for line in publish_problems(app.t, r)]
        return "\n".join(lines)

    @on(Button.Pressed, "#go")
    def go(self) -> None:
        self.running = True
        self.query_one("#go", Button).disabled = True
        self.query_one("#busy").display = True
        self.query_one("#report", Static).update(self.nr_app.t("publish.running"))
        self.run(dry_run=False)

    @on(Button.Pressed, "#close")
    def action_close(self) -> None:
        if not self.running:
            self.dismiss(None)


def _has_work(result: PublishResult) -> bool:
    """Whether a dry run found anything to do: a release to put out, a feed file to write
    (a release held by its embargo is news, not work)."""
    moving = [m for m in result.moves if m.kind not in HELD]
    return bool(result.published or moving or result.to_write) and not result.busy
