"""The footer of keys, fitted to the terminal: below 100 columns it goes compact, leaves the
palette's key (ctrl+p, listed in help) out, and when the screen's keys still do not fit it
leaves out its rarest ones, never quit and help."""

from __future__ import annotations

from rich.cells import cell_len
from textual import events
from textual.app import ComposeResult
from textual.widget import Widget
from textual.widgets import Footer
from textual.widgets._footer import FooterKey

NARROW = 100  # columns below which the footer tightens


class KeysFooter(Footer):
    """Textual's footer, fitted. The screen's bindings are listed by importance
    (commands.py), so the ones left out at the end are the rarest; the app's own keys
    (quit, help) always stay."""

    def on_mount(self) -> None:
        self._fit(self.app.size.width)

    def on_resize(self, event: events.Resize) -> None:
        self._fit(self.app.size.width)
        self.refresh(recompose=True)

    def _fit(self, width: int) -> None:
        narrow = width < NARROW
        self.compact, self.show_command_palette = narrow, not narrow

    def compose(self) -> ComposeResult:
        shown: list[Widget] = list(super().compose())
        if not self.compact:
            yield from shown
            return
        width = self.app.size.width

        def cells(key: Widget) -> int:  # compact: `key description`, a space between keys
            if not isinstance(key, FooterKey):
                return width
            return cell_len(f"{key.key_display} {key.description}") + 1

        while sum(cells(key) for key in shown) - 1 > width:
            rare = [
                k for k in shown if isinstance(k, FooterKey) and not k.action.startswith("app.")
            ]
            if len(rare) <= 1:
                break
            shown.remove(rare[-1])
        self.styles.grid_size_columns = len(shown)
        yield from shown
