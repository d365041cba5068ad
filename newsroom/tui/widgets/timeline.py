"""A release's history and comments as one timeline, the latest first."""

from __future__ import annotations

from collections.abc import Callable, Sequence

from rich.text import Text
from textual.widgets import Static

from ...core.model import Article
from ...i18n.explain import history_note, lift_set


class Timeline(Static):
    """Transitions (who, when, from → to, why) and comments, interleaved by time, the latest
    on top: what happened last (a retraction, a request for changes) is seen without
    scrolling past a long history."""

    def show(
        self,
        article: Article,
        meanings: Sequence[str],
        label: Callable[[str], str],
        when: Callable[..., str],
        name: Callable[[str], str] = str,
    ) -> None:
        """Every event, the latest first; each step by what it did (`meanings`, the core's:
        a writer's request for changes on their own submission reads as its withdrawal),
        people by their names (`name`)."""
        events: list[tuple[object, Text]] = []
        for h, meaning in zip(article.history, meanings, strict=True):
            line = Text()
            line.append(f"{when(h.at)}  ", style="dim")
            line.append(f"{name(h.by)}  ", style="bold")
            line.append(label("action." + meaning))
            if h.to and h.from_ != h.to:
                frm = label("status." + h.from_) if h.from_ else ""
                line.append(f"  {frm} → {label('status.' + h.to)}", style="cyan")
            if lift := lift_set(label, h.action, h.embargo, when):
                line.append(f"  {lift}", style="magenta")
            if note := history_note(label, h, article.published, when):
                line.append(f"\n    “{note}”", style="italic")
            events.append((h.at, line))
        for c in article.comments:
            line = Text()
            line.append(f"{when(c.at)}  ", style="dim")
            line.append(f"{name(c.by)}  ", style="bold")
            line.append("💬 ", style="yellow")
            line.append(c.text)
            events.append((c.at, line))
        events.sort(key=lambda e: e[0])  # type: ignore[arg-type,return-value]
        events.reverse()  # after a stable sort: events of the same second, the later first too
        self.update(Text("\n").join(line for _, line in events))
