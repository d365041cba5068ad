"""The desk's list of releases: a virtual table that paints only the rows on screen.

Ten thousand rows cost nothing until they scroll into view, so filtering on every
keystroke only swaps the list of rows and repaints what is visible (Textual's Line API).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass

from rich.segment import Segment
from rich.style import Style
from textual.binding import Binding
from textual.geometry import Region, Size
from textual.message import Message
from textual.reactive import reactive
from textual.scroll_view import ScrollView
from textual.strip import Strip

from ...core.errors import Problem
from ...core.model import Status
from ...core.service import Broken, Lease, Record, Row
from ...i18n.explain import marked_title

MARKS: dict[str, str] = {
    Status.DRAFT: "·", Status.IN_REVIEW: "?", Status.CHANGES_REQUESTED: "!",
    Status.APPROVED: "✓", Status.PUBLISHED: "●", Status.CORRECTING: "~", Status.RETRACTED: "✗",
}  # fmt: skip
# an embargo not yet lifted shows as ⏳ (Record.embargo_ahead; never one long past)
WAITING: frozenset[str] = frozenset({Status.APPROVED, Status.IN_REVIEW, Status.DRAFT})
LEASE_NAME = 10  # the most of a lease holder's name shown beside a title


@dataclass(frozen=True)
class Columns:
    """Column widths for the terminal's width: everything at 120, the essentials at 80."""

    status: int
    title: int
    dateline: int
    author: int
    updated: int
    embargo: int

    @classmethod
    def fit(cls, width: int) -> Columns:
        """At 110 columns and more, every column; below, the embargo shows as ⏳ by the title.
        A time column holds `07-12-2018 16:30` and a space."""
        when = len("07-12-2018 16:30") + 1
        if width >= 110:
            fixed = 18 + 12 + 8 + 2 * when + 1
            return cls(18, max(20, width - fixed), 12, 8, when, when)
        return cls(13, max(16, width - 13 - when - 1), 0, 0, when, 0)


class ReleaseList(ScrollView, can_focus=True):
    """Rows of releases (and broken files) with a cursor."""

    BINDINGS = [
        Binding("j,down", "cursor(1)", show=False),
        Binding("k,up", "cursor(-1)", show=False),
        Binding("pagedown,ctrl+f", "page(1)", show=False),
        Binding("pageup,ctrl+b", "page(-1)", show=False),
    ]
    COMPONENT_CLASSES = {
        "release-list--cursor",
        "release-list--header",
        "release-list--mark",
        "release-list--broken",
        "release-list--leased",
        "release-list--dim",
    }

    cursor = reactive(0, always_update=True)

    @dataclass
    class Opened(Message):
        """Enter on a row."""

        row: Row

    def __init__(
        self,
        label: Callable[..., str],
        fmt: Callable[[dt.datetime | None], str],
        name: Callable[[str], str] = str,
        now: Callable[[], dt.datetime] | None = None,
        problem: Callable[[Problem], str] = str,
        **kwargs: object,
    ) -> None:
        super().__init__(**kwargs)  # type: ignore[arg-type]
        self.now = now or (lambda: dt.datetime.now(dt.UTC))  # the desk's clock
        self.rows: list[Row] = []
        self.leases: dict[str, Lease] = {}
        self.label = label
        self.fmt = fmt
        self.name_of = name  # a person's name from their key ([people]; else the key)
        self.problem_text = problem  # a broken file's problem, naming it, in its words
        self.header = ("", "", "", "", "", "")
        self.empty = ""  # said in the list when it has no rows (nothing matches the filter)

    # ------------------------------------------------------------ data

    def set_rows(self, rows: list[Row], keep: str | None = None) -> None:
        """Show these rows, keeping the cursor on release `keep` when it is still there."""
        self.rows = rows
        self.virtual_size = Size(self.size.width, len(rows) + 1)
        index = next((i for i, r in enumerate(rows) if _key(r) == keep), None) if keep else None
        self.cursor = min(index if index is not None else self.cursor, max(0, len(rows) - 1))
        self.refresh()

    @property
    def current(self) -> Row | None:
        return self.rows[self.cursor] if 0 <= self.cursor < len(self.rows) else None

    # ------------------------------------------------------------ keys

    def action_cursor(self, step: int) -> None:
        self.cursor = max(0, min(len(self.rows) - 1, self.cursor + step))

    def action_page(self, step: int) -> None:
        self.action_cursor(step * max(1, self.size.height - 2))

    def go_top(self) -> None:
        self.cursor = 0

    def go_bottom(self) -> None:
        self.cursor = max(0, len(self.rows) - 1)

    def watch_cursor(self, cursor: int) -> None:
        self.scroll_to_region(Region(0, cursor + 1, 1, 1), animate=False, immediate=True)
        self.refresh()

    def open_current(self) -> None:
        row = self.current
        if row is not None:
            self.post_message(self.Opened(row))

    def on_click(self, event: object) -> None:
        y = getattr(event, "y", 0) + self.scroll_offset.y - 1
        if 0 <= y < len(self.rows):
            self.cursor = y

    # ------------------------------------------------------------ painting

    def render_line(self, y: int) -> Strip:
        width = self.size.width
        columns = Columns.fit(width)
        if y == 0:
            style = self.get_component_rich_style("release-list--header")
            return Strip([Segment(self._cells(columns, self.header), style)]).adjust_cell_length(
                width, style
            )
        index = y + self.scroll_offset.y - 1
        if index == 0 and not self.rows and self.empty:
            style = self.get_component_rich_style("release-list--dim")
            return Strip([Segment(f"  {self.empty}", style)]).adjust_cell_length(width, style)
        if index >= len(self.rows):
            return Strip.blank(width)
        row = self.rows[index]
        style = self._style(row, index)
        return Strip([Segment(self._line(columns, row), style)]).adjust_cell_length(width, style)

    def _style(self, row: Row, index: int) -> Style:
        style = Style()
        if isinstance(row, Broken):
            style = self.get_component_rich_style("release-list--broken")
        elif row.id in self.leases:
            style = self.get_component_rich_style("release-list--leased")
        if index == self.cursor:
            style = style + self.get_component_rich_style("release-list--cursor")
        return style

    def _line(self, columns: Columns, row: Row) -> str:
        if isinstance(row, Broken):
            return self._cells(
                columns,
                (f"✗ {self.label('desk.broken')}", self.problem_text(row.problem), "", "", "", ""),
            )
        record: Record = row
        mark = MARKS.get(record.status, " ")
        if record.problem is not None:  # publish holds it back: `newsroom status` says why
            mark = "⚠"
        title = marked_title(self.label, record)
        if record.embargo_ahead(self.now(), WAITING):
            title = f"⏳ {title}"
        lease = self.leases.get(record.id)
        if lease is not None:
            title = _beside(title, f"✎ {self._holder(lease)}", columns.title - 1)
        kind = "short." if columns.status < 18 else "status."
        status = f"{mark} {self.label(kind + record.status)}"
        return self._cells(
            columns,
            (
                status,
                title,
                record.dateline,
                record.author,
                self.fmt(record.edited),
                self.fmt(record.embargo),
            ),
        )

    def _holder(self, lease: Lease) -> str:
        """Who edits the release, by the first word of their name (`Nur` for `Nur Aini
        (redaktur)`, as the details panel names her): the title keeps its room, at 120
        columns as at 80. A key that [people] does not know shows as it is."""
        name = self.name_of(lease.holder).split() or [lease.holder]
        return _cut(name[0], LEASE_NAME)

    @staticmethod
    def _cells(columns: Columns, values: tuple[str, ...]) -> str:
        widths = (
            columns.status,
            columns.title,
            columns.dateline,
            columns.author,
            columns.updated,
            columns.embargo,
        )
        parts = []
        for value, width in zip(values, widths, strict=True):
            if width:
                parts.append(_cut(value, width - 1).ljust(width))
        return "".join(parts)


def _cut(text: str, width: int) -> str:
    """`text`, ending in … when it is longer than `width`."""
    return text if len(text) <= width else text[: width - 1] + "…"


def _beside(title: str, marker: str, width: int) -> str:
    """The title from its start, and the marker at the column's end: who edits a release is
    seen without losing the words that tell releases apart."""
    room = max(1, width - len(marker) - 1)
    return f"{_cut(title, room).ljust(room)} {marker}"


def _key(row: Row) -> str:
    return row.path if isinstance(row, Broken) else row.id
