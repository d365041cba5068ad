"""Publishing from the desk: first what it would do (the dry run), then the run itself, in a
worker thread with progress, so the UI never freezes."""

from __future__ import annotations

from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.widgets import Button, Label, LoadingIndicator, Static

from ...core.errors import NewsroomError
from ...core.publish import publish
from ...core.publish_state import PublishResult, Refusal
from ..markup import escape
from ..messages import PublishFinished, PublishProgress
from .base import AppModal


class PublishScreen(AppModal):
    """The dry run's gains, changes and losses per feed; then publish and show the result."""

    BINDINGS = [Binding("escape", "close", "modal.close")]

    def __init__(self) -> None:
        super().__init__()
        self.dry: PublishResult | None = None
        self.running = False

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
        newsroom = self.nr_app.newsroom

        def progress(text: str) -> None:
            self.post_message(PublishProgress(text))

        try:
            newsroom.may_act("publish")
        except NewsroomError as exc:
            result = PublishResult(newsroom.now(), newsroom.actor, dry_run=dry_run)
            result.failed.append(str(exc))
        else:
            result = publish(
                newsroom.config,
                newsroom.actor,
                newsroom.now(),
                dry_run=dry_run,
                progress=progress,
                via=newsroom.identity.via,
            )
        self.post_message(PublishFinished(result))

    def on_publish_progress(self, message: PublishProgress) -> None:
        self.query_one("#report", Static).update(escape(message.text))

    def on_publish_finished(self, message: PublishFinished) -> None:
        self.query_one("#busy").display = False
        result = message.result
        if result.dry_run:
            self.dry = result
            self.query_one("#report", Static).update(self._plan(result))
            self.query_one("#go", Button).disabled = False
            self.query_one("#go", Button).focus()
        else:
            self.running = False
            self.query_one("#report", Static).update(self._done(result))
            self.query_one("#close", Button).focus()
            self.nr_app.files_changed()

    def _plan(self, r: PublishResult) -> str:
        t = self.nr_app.t
        if r.busy:
            return t("publish.busy")
        lines = []
        if r.published:
            lines.append(t("publish.would", titles=", ".join(p["title"] for p in r.published)))
        for change in r.changes:
            if change.gained or change.changed or change.lost:
                lines.append(
                    t(
                        "publish.feed",
                        path=change.path,
                        gained=len(change.gained),
                        changed=len(change.changed),
                        lost=len(change.lost),
                    )
                )
                lines += [f"   + {title}" for title in change.gained]
                lines += [f"   ~ {title}" for title in change.changed]
        if not lines:
            lines.append(t("publish.nothing"))
        lines += [f"[red]{escape(str(p))}[/]" for p in r.problems]
        lines += [f"[red]{escape(t('publish.failed', reason=_refusal(x)))}[/]" for x in r.refused]
        lines += [f"[red]{escape(t('publish.failed', reason=f))}[/]" for f in r.failed]
        return "\n".join(escape(line) if not line.startswith("[red]") else line for line in lines)

    def _done(self, r: PublishResult) -> str:
        t = self.nr_app.t
        if r.busy:
            return t("publish.busy")
        lines = [t("publish.done", count=len(r.published), written=len(r.written))]
        lines += [escape(t("publish.failed", reason=_refusal(x))) for x in r.refused]
        lines += [escape(t("publish.failed", reason=f)) for f in r.failed]
        lines += [f"[red]{escape(str(p))}[/]" for p in r.problems]
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


def _refusal(refusal: Refusal) -> str:
    return f"{refusal.path}: {refusal.reason}"
