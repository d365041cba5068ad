"""The release's text in the editor: Textual's Markdown text area, with the text's start
and end on ctrl+Home and ctrl+End (shift to select), as every editor has them; Textual's
own keys reach only a line's start and end, and a page at a time."""

from __future__ import annotations

from textual.binding import Binding
from textual.widgets import TextArea


class BodyArea(TextArea):
    """The editor's text area (`BodyArea.code_editor(...)` makes one, as TextArea's does)."""

    BINDINGS = [
        Binding("ctrl+home", "text_start", show=False),
        Binding("ctrl+end", "text_end", show=False),
        Binding("ctrl+shift+home", "text_start(True)", show=False),
        Binding("ctrl+shift+end", "text_end(True)", show=False),
    ]

    def action_text_start(self, select: bool = False) -> None:
        self.move_cursor((0, 0), select=select)

    def action_text_end(self, select: bool = False) -> None:
        self.move_cursor(self.document.end, select=select)
