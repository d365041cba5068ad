"""The checklist before approving or submitting (the release screen's `a` and `s`), or
moving an approved release's embargo (`E`): every check with its mark, the reason and the
field to fix, and the embargo set with an approval, or moved (with why, if said)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.widgets import Button, Input, Label, Static

from ...core.workflow import Decision
from ..markup import escape
from .modals import Dialog

if TYPE_CHECKING:
    from ...core.service import CheckResult


@dataclass(frozen=True)
class Approval:
    """What the checklist's confirmation carries: the embargo to set with the approval
    (`clear`: lift the one the release had), and why a moved embargo moves (`note`, kept
    in the history as `newsroom embargo --note` keeps it)."""

    embargo: dt.datetime | None = None
    clear: bool = False
    note: str = ""


class ChecklistModal(Dialog):
    """The checklist before approving (or submitting): every check with ✓, ✗ (required)
    or ! (recommended), the reason and the field to fix. Approving is impossible while a
    required one fails. The approval may set the embargo (the approver stays a reviewer:
    it is not an edit); `mode` "embargo" moves the embargo of an approved release, checked
    the same way. `recheck` works the decision out again for another embargo."""

    PRIMARY = "approve"

    def __init__(
        self,
        decision: Decision,
        mode: str = "approve",
        embargo: str = "",
        recheck: Callable[[dt.datetime | None], Decision] | None = None,
        status: str = "",
    ) -> None:
        super().__init__(id="checklist")
        self.decision, self.mode, self.embargo, self.recheck = decision, mode, embargo, recheck
        self.status = status  # the release's: an approved one's fixes are not the editor's
        t = self.nr_app.t
        self.name_keys(
            Binding("enter", "confirm", t("cmd." + mode), priority=True),
            Binding("escape", "cancel", t("modal.cancel")),
        )

    def compose(self) -> ComposeResult:
        t = self.nr_app.t
        title = "modal.checklist" if self.mode == "approve" else f"modal.checklist_{self.mode}"
        fields = self._fields()
        kind = "dialog wide -move" if self.mode == "embargo" else "dialog wide"
        with Vertical(classes=kind, id="checklist-dialog"):
            yield Label(t(title), classes="dialog-title")
            with VerticalScroll(id="checks-box"):  # scrolls on a small terminal: buttons stay
                yield Static(id="checks")
            yield Static(id="blocked", classes="error")
            for label, field in fields[:-1]:
                yield from (label, field)
            if fields:
                yield fields[-1][0]
            # The last field and the buttons share a line: at 80x24 an approval's every
            # check shows above them, in both languages.
            with Horizontal(classes="buttons"):
                if fields:
                    yield fields[-1][1]
                yield Button(t("cmd." + self.mode), variant="success", id="approve")
                yield Button(t("modal.cancel"), id="cancel")
            yield Label("", id="embargo-error", classes="error hidden")

    def _fields(self) -> list[tuple[Label, Input]]:
        """The fields under the checks, each under its label: the embargo (an approval may
        set it, a move moves it), then why it moves."""
        t, fields = self.nr_app.t, []
        if self.mode in TIMED:
            embargo = Input(self.embargo, id="embargo", select_on_focus=False)
            fields.append((Label(t("modal.embargo", zone=self.nr_app.zone)), embargo))
        if self.mode == "embargo":
            fields.append((Label(t("modal.embargo_note")), Input(id="note")))
        return fields

    def on_mount(self) -> None:  # (AppModal's own on_mount adds the footer)
        self.show(self.decision)
        # Approvable: the embargo field first (enter approves from it, as from the button);
        # else the way out, so a stray enter never does anything.
        if self.decision.allowed and self.mode in TIMED:
            self.query_one("#embargo", Input).focus()
        else:
            self.query_one("#approve" if self.decision.allowed else "#cancel", Button).focus()

    def show(self, decision: Decision) -> None:
        """Every check with its mark, then why the action is refused, if it is."""
        app, t = self.nr_app, self.nr_app.t
        self.decision = decision
        lines = []
        # What stands in the way first (✗, then !), then what passed: at 80x24 the box shows
        # eight lines, and the failing check must be among them, not below the fold.
        for check in sorted(decision.checks, key=rank):
            mark = "[green]✓[/]" if check.passed else MARKS[check.level]
            fix = not check.passed
            text = escape(app.check_text(check, fix, self.mode, self.status))
            lines.append(f"{mark} {text} [dim]({t('check.' + check.level)})[/]")
        self.query_one("#checks", Static).update("\n".join(lines) or "—")
        refused = "" if decision.allowed else escape(app.why(decision))
        if not decision.allowed and decision.code == "checks":  # the ✗ lines say which
            refused = escape(t(f"modal.{self.mode}_blocked"))
        self.query_one("#blocked", Static).display = bool(refused)
        self.query_one("#blocked", Static).update(refused)
        self.query_one("#approve", Button).disabled = not decision.allowed
        self._fit()
        self.refresh_bindings()

    def _fit(self) -> None:
        """A line saying why it waits, or that a time does not read, takes a line from the
        checks (`-said`): the fields and the buttons stay on a 24-line screen."""
        said = self.query_one("#blocked").display
        said = said or not self.query_one("#embargo-error").has_class("hidden")
        self.query_one("#checklist-dialog").set_class(said, "-said")

    @on(Input.Changed, "#embargo")
    def embargo_changed(self, event: Input.Changed) -> None:
        """Work the checks out again for the embargo as typed (it must be in the future)."""
        error = self.query_one("#embargo-error", Label)
        try:
            when = self._embargo(event.value)
        except ValueError:
            error.update(self.nr_app.t("edit.bad_time"))
            error.remove_class("hidden")
            self.query_one("#approve", Button).disabled = True
            self._fit()
            return
        error.add_class("hidden")
        self._fit()
        if self.recheck is not None:
            self.show(self.recheck(when))

    def _embargo(self, text: str) -> dt.datetime | None:
        from ...core.service import parse_time

        return parse_time(text, self.nr_app.newsroom.config.tz) if text.strip() else None

    def confirmed(self) -> None:
        if not self.query_one("#approve", Button).disabled:
            self.approve()

    @on(Button.Pressed, "#approve")
    def approve(self) -> None:
        if self.mode not in TIMED:
            self.dismiss(Approval())
            return
        text = self.query_one("#embargo", Input).value
        if text.strip() == self.embargo.strip():  # unchanged: nothing to set, or to move
            if self.mode == "embargo":
                self.notify(self.nr_app.t("modal.embargo_same"))
            self.dismiss(Approval() if self.mode == "approve" else None)
            return
        try:
            when = self._embargo(text)
        except ValueError:
            return
        notes = self.query("#note").results(Input)
        note = next((field.value.strip() for field in notes), "")
        self.dismiss(Approval(when, clear=when is None, note=note))

    @on(Input.Submitted, "#embargo")
    def embargo_entered(self) -> None:
        if not self.query_one("#approve", Button).disabled:
            self.approve()

    @on(Button.Pressed, "#cancel")
    def action_cancel(self) -> None:
        self.dismiss(None)


MARKS = {"required": "[red]✗[/]", "recommended": "[yellow]![/]"}
TIMED = ("approve", "embargo")  # the modes that set the embargo: an approval, a move


def rank(check: CheckResult) -> int:
    """A check's place in the checklist: failing required, failing recommended, passed."""
    return 0 if check.blocks else 2 if check.passed else 1
