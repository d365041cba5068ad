"""Help (? and F1): every command of the catalog with its key, in the UI language."""

from __future__ import annotations

from rich.table import Table
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical, VerticalScroll
from textual.widgets import Label, Static

from ..commands import COMMANDS
from .base import AppModal


class HelpScreen(AppModal):
    """The keys that apply where, from the same catalog as the palette and the footer."""

    BINDINGS = [Binding("escape,question_mark,f1,q", "close", "modal.close")]

    def compose(self) -> ComposeResult:
        app = self.nr_app
        t = app.t
        table = Table(box=None, expand=True, pad_edge=False)
        table.add_column(t("help.key"), style="bold cyan", no_wrap=True)
        table.add_column(t("help.where"), style="dim", no_wrap=True)
        table.add_column(t("help.what"))
        seen = set()
        for command in COMMANDS:
            if command.id.startswith("view_") and command.id != "view_1":
                continue
            key = app.key_for(command)
            label = t(command.label, n="1-9") if command.id == "view_1" else t(command.label)
            if (label, command.where) in seen:
                continue
            seen.add((label, command.where))
            shown_key = "1…9" if command.id == "view_1" else key
            table.add_row(
                shown_key, t("where." + command.where), f"{label} — {t(command.label + '.help')}"
            )
        # the keys of the list and the text, which belong to their widgets, not the catalog
        for keys, where, what in (("j/↓ · k/↑", "desk", "help.move_rows"),
                                  ("PgDn · PgUp", "desk", "help.move_pages"),
                                  ("ctrl+Home/End", "edit", "help.text_ends")):  # fmt: skip
            table.add_row(keys, t("where." + where), t(what))
        self.table = table
        with Vertical(classes="dialog wide"):
            yield Label(t("help.title"), classes="dialog-title")
            with VerticalScroll():
                yield Static(table)

    def action_close(self) -> None:
        self.dismiss(None)
