"""The status views with their counts: `1 All 12 │ 2 My review 1 │ 3 Draft 4 …`."""

from __future__ import annotations

from collections.abc import Callable, Iterator

from rich.text import Text
from textual import events
from textual.widgets import Static

from ...core.service import VIEWS

# (short names, every view, padding, separator, every view named): ` 1 All 4 │` down to
# `1 All 4│`, then only the views that hold something; then their names abbreviated one by
# one, the longest first (`7 Pub 2`: TINY), the current view's last (it stands out in
# reverse); last, only the current one named (`1 All 120│2 12│3 12…`: at 80 columns every
# count stays in sight, whatever they are).
LAYOUTS = (
    (False, True, " ", "│", True),
    (True, True, " ", "│", True),
    (True, True, " ", "", True),
    (True, True, "", "│", True),
    (True, False, " ", "│", True),
    (True, False, "", "│", True),
    (True, False, "", "│", False),
)
TINY = "tiny."  # the catalog's abbreviations of the short names


class StatusTabs(Static):
    """One line of views; the current one stands out. Number keys switch (the desk binds them).

    The line takes the first of LAYOUTS that fits the width: all nine views fit at 120
    columns, with counts in the thousands; at 80, all nine holding something are each still
    named (abbreviated)."""

    def __init__(self, label: Callable[[str], str], **kwargs: object) -> None:
        super().__init__("", **kwargs)  # type: ignore[arg-type]
        self.label = label
        self._shown: tuple[dict[str, int], str] = ({}, "all")

    def show(self, counts: dict[str, int], current: str) -> None:
        self._shown = (counts, current)
        width = self.size.width or 10_000  # before the first layout: as wide as it takes
        text = Text()
        for text in self._layouts(counts, current):
            if text.cell_len <= width:
                break
        text.no_wrap, text.overflow = True, "ellipsis"
        self.update(text, layout=False)  # one line, whatever it says: no layout pass

    def on_resize(self, event: events.Resize) -> None:
        self.show(*self._shown)

    def _layouts(self, counts: dict[str, int], current: str) -> Iterator[Text]:
        """The line from the widest way of writing it to the narrowest."""
        for short, every, pad, bar, named in LAYOUTS:
            if not named:  # before naming the current view alone: the names abbreviated
                yield from self._abbreviated(counts, current)
            yield self._line(counts, current, (short, every, pad, bar, named))

    def _abbreviated(self, counts: dict[str, int], current: str) -> Iterator[Text]:
        """The views that hold something, named, their names abbreviated one more at a time
        (the one it shortens most first; the current view's last)."""
        shown = [v for v in VIEWS if counts.get(v) and v != current]
        saved = {v: len(self._view_name(v, True)) - len(self.label(TINY + v)) for v in shown}
        tiny: set[str] = set()
        for view in [*sorted(shown, key=lambda v: -saved[v]), current]:  # stable: ties in order
            tiny.add(view)
            yield self._line(counts, current, (True, False, "", "│", True), tiny)

    def _line(
        self,
        counts: dict[str, int],
        current: str,
        layout: tuple[bool, bool, str, str, bool],
        tiny: set[str] | frozenset[str] = frozenset(),
    ) -> Text:
        short, every, pad, bar, named = layout
        text = Text()
        for n, view in enumerate(VIEWS, start=1):
            if not every and not counts.get(view) and view != current:
                continue  # a narrow terminal keeps the views that have something
            style = "reverse bold" if view == current else ""
            word = self.label(TINY + view) if view in tiny else self._view_name(view, short)
            name = f"{word} " if named or view == current else ""
            text.append(f"{pad}{n} {name}{counts.get(view, 0)}{pad}", style)
            text.append(bar, style="dim")
        return text

    def _view_name(self, view: str, short: bool) -> str:
        if short:
            return self.label("short." + view)
        return self.label("view." + view if view in ("all", "mine") else "status." + view)
