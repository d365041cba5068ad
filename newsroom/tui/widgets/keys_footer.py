"""The footer of keys, fitted to the terminal's width: when Textual's footer would be cut, it
goes compact, then leaves the palette's key out (ctrl+p, listed in help), then the rarest of
the screen's keys; never quit and help."""

from __future__ import annotations

from rich.cells import cell_len
from textual import events
from textual.app import ComposeResult
from textual.widget import Widget
from textual.widgets import Footer
from textual.widgets._footer import FooterKey


class KeysFooter(Footer):
    """Textual's footer, fitted. The screen's bindings are listed by importance
    (commands.py), so the ones left out are the last, the rarest; the app's own keys (quit,
    help) always stay."""

    def on_resize(self, event: events.Resize) -> None:
        self.refresh(recompose=True)

    def compose(self) -> ComposeResult:
        shown: list[Widget] = list(super().compose())
        width = self.app.size.width

        def cells(key: Widget, pad: int) -> int:  # `key description`, padded (or one apart)
            if not isinstance(key, FooterKey):
                return width
            return cell_len(f"{key.key_display} {key.description}") + pad

        compact = sum(cells(key, 2) for key in shown) > width
        if compact:  # one space between keys instead of one each side
            palette = [k for k in shown if k.has_class("-command-palette")]
            if palette and sum(cells(key, 1) for key in shown) > width:
                shown.remove(palette[0])
            while sum(cells(key, 1) for key in shown) - 1 > width:
                rare = [k for k in shown if isinstance(k, FooterKey) and "app." not in k.action]
                if len(rare) <= 1:
                    break
                shown.remove(rare[-1])
        if compact != self.compact:  # for the keys made now (they bind to it), no new compose
            self.set_reactive(Footer.compact, compact)
            self.set_class(compact, "-compact")
        self.styles.grid_size_columns = len(shown)
        yield from shown
