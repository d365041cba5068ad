"""The footer of keys, fitted to the terminal's width: every key it offers is whole on screen.
When Textual's one line would be cut, it goes compact, then takes a second line; only a
terminal too narrow for two leaves out the rarest of the screen's keys. Quit, help and the
palette's key (ctrl+p, at the right) always stay."""

from __future__ import annotations

from rich.cells import cell_len
from textual import events
from textual.app import ComposeResult
from textual.containers import HorizontalGroup
from textual.screen import Screen
from textual.widget import Widget
from textual.widgets import Footer
from textual.widgets._footer import FooterKey

ROWS = 2  # lines the footer may take: more would push the screen's own text off a laptop's


class KeyRow(HorizontalGroup):
    """One line of a footer that takes two."""

    DEFAULT_CSS = "KeyRow { height: 1; }"


class KeysFooter(Footer):
    """Textual's footer, fitted. The screen's bindings are listed by importance
    (commands.py): a second line takes what the first cannot, in that order, and the
    ones left out on a very narrow terminal are the last, the rarest; the app's own keys
    (quit, help) and the palette's always stay, together at the end."""

    DEFAULT_CSS = """
    KeysFooter.-rows {
        layout: vertical;
        height: 2;
    }
    """

    composed_for = 0  # the terminal's width the keys were last fitted to

    def on_resize(self, event: events.Resize) -> None:
        if self.app.size.width != self.composed_for:
            self.refresh(recompose=True)

    def bindings_changed(self, screen: Screen[object]) -> None:
        """Textual's footer composes its keys again for every change of the screen's
        bindings, each after the next refresh: opening a release made five in a row (its
        focus, its actions, its keys' words), ~20 ms each. Asked as a refresh, a burst of
        them is one."""
        self._bindings_ready = True
        if screen.app.app_focus and self.is_attached and screen is self.screen:
            self.refresh(recompose=True)

    def compose(self) -> ComposeResult:
        shown: list[Widget] = list(super().compose())
        width = self.composed_for = self.app.size.width
        keys = [k for k in shown if isinstance(k, FooterKey)]
        compact = sum(_cells(key, 2) for key in keys) > width
        rows = _rows(keys, width) if compact else [keys]
        while len(rows) > ROWS:  # too narrow even for two lines: the rarest give way
            rare = [k for k in keys if "app." not in k.action]
            if len(rare) <= 1:
                break
            keys.remove(rare[-1])
            rows = _rows(keys, width)
        if compact != self.compact:  # (no new compose: the keys are made now)
            self.set_reactive(Footer.compact, compact)
            self.set_class(compact, "-compact")
        for key in keys:
            # A key Textual binds to the footer's `compact` (all but the palette's) is told
            # it here instead: a binding is a watcher on the footer that holds its key
            # until the footer's `compact` next changes, which the desk's footer never
            # does, so every key it made stayed alive: 12 more each time a release was
            # opened and closed (1,080 after 90), each with its styles and caches.
            if key._reactive_connect:
                key._reactive_connect = None
                key.set_reactive(FooterKey.compact, compact)
                key.set_class(compact, "-compact")
        self.set_class(len(rows) > 1, "-rows")
        # notices stand above the footer: one of two lines too (newsroom.tcss)
        self.screen.set_class(len(rows) > 1, "-footer-rows")
        if len(rows) == 1:
            yield from rows[0]
            return
        for row in rows:
            yield KeyRow(*row)


def _palette(key: FooterKey) -> bool:
    return key.has_class("-command-palette")


def _cells(key: FooterKey, pad: int) -> int:
    """`key description` and what stands beside it: `pad` cells of padding or margin, and
    the palette's key its border."""
    return cell_len(f"{key.key_display} {key.description}") + pad + _palette(key)


def _rows(keys: list[FooterKey], width: int) -> list[list[FooterKey]]:
    """The compact keys in lines of `width`, in their order (each one apart): the screen's
    first, then the app's (quit, help) with the palette's at the right, kept together on
    the last line (on a line of their own when the screen's leave no room)."""
    rows: list[list[FooterKey]] = [[]]
    used = 0
    for key in [k for k in keys if "app." not in k.action]:
        if rows[-1] and used + _cells(key, 1) > width:
            rows.append([])
            used = 0
        rows[-1].append(key)
        used += _cells(key, 1)
    app = [k for k in keys if "app." in k.action and not _palette(k)]
    app += [k for k in keys if _palette(k)]
    if rows[-1] and used + sum(_cells(key, 1) for key in app) > width:
        rows.append([])
    rows[-1] += app
    return rows
