"""Dialogs: a note, a yes/no question, the approval checklist, an edit conflict, a diff."""

from __future__ import annotations

from rich.syntax import Syntax
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingsMap
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.widgets import Button, Input, Label, Static

from ...core.workflow import Decision
from ..markup import escape
from .base import AppModal


class Dialog(AppModal):
    """A dialog whose footer names what its keys do, in the words of its buttons.

    `enter` does what the button `PRIMARY` says (from the text box too); while another button
    has the focus, `enter` presses that one and the footer stops promising the primary."""

    PRIMARY = ""

    def name_keys(self, *bindings: Binding) -> None:
        """This dialog's keys, labelled when it opens (the labels name its action), beside
        the keys every screen has (tab moves the focus)."""
        self._bindings = BindingsMap.merge([self._bindings, BindingsMap(bindings)])

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action != "confirm":
            return True
        focused = self.focused
        if isinstance(focused, Button) and focused.id != self.PRIMARY:
            return False
        primary = self.query(f"#{self.PRIMARY}").results(Button)
        return any(not button.disabled for button in primary)

    def action_confirm(self) -> None:
        self.query_one(f"#{self.PRIMARY}", Button).press()


class NoteModal(Dialog):
    """Ask for a line of text (a note, a reason, a title); dismiss with it or None.

    The confirming button names the action ("Cabut siaran"), never a bare "OK"."""

    PRIMARY = "ok"

    def __init__(
        self,
        heading: str,
        required: bool = True,
        prompt: str = "",
        value: str = "",
        confirm: str = "",
    ) -> None:
        super().__init__()
        self.heading = heading
        self.required = required
        self.prompt = prompt
        self.value = value
        t = self.nr_app.t
        self.confirm = confirm or t("modal.ok")
        self.name_keys(
            Binding("enter", "confirm", self.confirm, priority=True),
            Binding("escape", "cancel", t("modal.cancel")),
        )

    def compose(self) -> ComposeResult:
        t = self.nr_app.t
        with Vertical(classes="dialog"):
            yield Label(self.heading, classes="dialog-title")
            if self.prompt:
                yield Static(escape(self.prompt))
            yield Input(value=self.value, id="note")
            yield Label("", id="note-error", classes="error")
            with Horizontal(classes="buttons"):
                yield Button(self.confirm, variant="primary", id="ok")
                yield Button(t("modal.cancel"), id="cancel")

    def on_mount(self) -> None:
        self.query_one("#note", Input).focus()

    @on(Input.Submitted)
    @on(Button.Pressed, "#ok")
    def submit(self) -> None:
        text = self.query_one("#note", Input).value.strip()
        if self.required and not text:
            self.query_one("#note-error", Label).update(self.nr_app.t("modal.note_required"))
            return
        self.dismiss(text)

    @on(Button.Pressed, "#cancel")
    def action_cancel(self) -> None:
        self.dismiss(None)


class ConfirmModal(Dialog):
    """A yes/no question; dismiss with a bool. `y` answers yes, escape no; enter presses the
    focused button, "no" at first, so a stray enter never does the irreversible thing."""

    def __init__(self, question: str, yes: str = "", no: str = "") -> None:
        super().__init__()
        t = self.nr_app.t
        self.question, self.yes, self.no = question, yes or t("modal.yes"), no or t("modal.no")
        self.name_keys(
            Binding("y", "yes", self.yes),
            Binding("escape", "no", self.no),
        )

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog"):
            yield Static(escape(self.question))
            with Horizontal(classes="buttons"):
                yield Button(self.yes, variant="warning", id="yes")
                yield Button(self.no, id="no")

    def on_mount(self) -> None:
        self.query_one("#no", Button).focus()

    @on(Button.Pressed, "#yes")
    def action_yes(self) -> None:
        self.dismiss(True)

    @on(Button.Pressed, "#no")
    def action_no(self) -> None:
        self.dismiss(False)


class ChecklistModal(Dialog):
    """The pre-approval checklist; approve only when nothing required fails."""

    PRIMARY = "approve"

    def __init__(self, decision: Decision) -> None:
        super().__init__()
        self.decision = decision
        t = self.nr_app.t
        self.name_keys(
            Binding("enter", "confirm", t("modal.approve_now"), priority=True),
            Binding("escape", "cancel", t("modal.cancel")),
        )

    def compose(self) -> ComposeResult:
        t = self.nr_app.t
        lines = []
        for check in self.decision.checks:
            mark = (
                "[green]✓[/]"
                if check.passed
                else ("[red]✗[/]" if check.level == "required" else "[yellow]![/]")
            )
            text = escape(self.nr_app.check_text(check))
            lines.append(f"{mark} {text} [dim]({t('modal.' + check.level)})[/]")
        with Vertical(classes="dialog"):
            yield Label(t("modal.checklist"), classes="dialog-title")
            yield Static("\n".join(lines) or "—", id="checks")
            if not self.decision.allowed:
                yield Static(f"[red]{escape(self.nr_app.why(self.decision))}[/]", id="blocked")
            with Horizontal(classes="buttons"):
                yield Button(
                    t("modal.approve_now"),
                    variant="success",
                    id="approve",
                    disabled=not self.decision.allowed,
                )
                yield Button(t("modal.cancel"), id="cancel")

    def on_mount(self) -> None:
        button = self.query_one("#approve" if self.decision.allowed else "#cancel", Button)
        button.focus()

    @on(Button.Pressed, "#approve")
    def approve(self) -> None:
        self.dismiss(True)

    @on(Button.Pressed, "#cancel")
    def action_cancel(self) -> None:
        self.dismiss(False)


class ConflictModal(AppModal):
    """The file changed on disk while editing: reload theirs, keep mine, or see the difference.

    Keys: r reload, k keep mine, d difference; escape decides later (saving asks again).
    """

    BINDINGS = [
        Binding("r", "reload", "modal.reload"),
        Binding("k", "keep", "modal.keep"),
        Binding("d", "show", "modal.diff"),
        Binding("escape", "later", "modal.later"),
    ]

    def __init__(self, path: str, diff: str) -> None:
        super().__init__()
        self.path, self.diff = path, diff

    def compose(self) -> ComposeResult:
        t = self.nr_app.t
        with Vertical(classes="dialog wide"):
            yield Static(escape(t("modal.conflict", path=self.path)))
            with VerticalScroll(id="diff", classes="hidden"):
                yield Static(Syntax(self.diff or "(no difference)", "diff", word_wrap=True))
            with Horizontal(classes="buttons"):
                yield Button(t("modal.reload"), id="reload")
                yield Button(t("modal.keep"), variant="warning", id="keep")
                yield Button(t("modal.diff"), id="show")

    def on_mount(self) -> None:
        self.query_one("#reload", Button).focus()

    @on(Button.Pressed, "#reload")
    def action_reload(self) -> None:
        self.dismiss("reload")

    @on(Button.Pressed, "#keep")
    def action_keep(self) -> None:
        self.dismiss("keep")

    @on(Button.Pressed, "#show")
    def action_show(self) -> None:
        self.query_one("#diff").remove_class("hidden")

    def action_later(self) -> None:
        self.dismiss(None)
