"""The status views with their counts: `1 All 12 │ 2 My review 1 │ 3 Draft 4 …`."""

from __future__ import annotations

from collections.abc import Callable

from rich.text import Text
from textual.widgets import Static

from ...core.desk import VIEWS


class StatusTabs(Static):
    """One line of views; the current one stands out. Number keys switch (the desk binds them)."""

    def __init__(self, label: Callable[[str], str], **kwargs: object) -> None:
        super().__init__("", **kwargs)  # type: ignore[arg-type]
        self.label = label

    def show(self, counts: dict[str, int], current: str) -> None:
        text = Text(no_wrap=True, overflow="ellipsis")
        narrow = self.size.width and self.size.width < 110
        for n, view in enumerate(VIEWS, start=1):
            if narrow and not counts.get(view) and view != current:
                continue  # a narrow terminal keeps the views that have something
            if narrow:
                name = self.label("short." + view)
            else:
                name = self.label("view." + view if view in ("all", "mine") else "status." + view)
            style = "reverse bold" if view == current else ""
            text.append(f" {n} {name} {counts.get(view, 0)} ", style=style)
            text.append("│", style="dim")
        self.update(text, layout=False)  # one line, whatever it says: no layout pass
