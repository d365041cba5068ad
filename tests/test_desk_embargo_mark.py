"""The desk's ⏳ says a release waits for its embargo: never once the embargo is past (a
correction in review of a release whose embargo lifted long ago showed it, walk 19)."""

from __future__ import annotations

import datetime as dt

from newsroom.core.model import Status
from newsroom.core.records import Record
from newsroom.tui.widgets.release_list import Columns, ReleaseList

NOW = dt.datetime(2026, 12, 2, 17, 0, tzinfo=dt.UTC)


def record(status: str, embargo: dt.datetime, published: dt.datetime | None) -> Record:
    return Record(
        path="articles/2026/12/menteri.md", id="5b0c2a43-5f35-4a47-9f8a-3d3c2f1d9e10",
        slug="menteri", title="Menteri PANRB", status=status, language="id",
        categories=("Reformasi",), tags=(), published=published, updated=published,
        embargo=embargo, approved_at=None, retracted_at=None, live=published is not None,
        digest="d", month="", dateline="JAKARTA", author="ald", edited=NOW, last_editor="ald",
        corrected=(published,) if published else (),
    )  # fmt: skip


def title_cell(row: Record) -> str:
    columns = Columns.fit(120)
    line = ReleaseList(lambda key, **_: key, lambda _: "", now=lambda: NOW)._line(columns, row)
    return line[columns.status : columns.status + columns.title]


def test_the_embargo_mark_only_while_the_embargo_is_ahead() -> None:
    long_ago = NOW - dt.timedelta(days=40)
    correction = record(Status.IN_REVIEW, long_ago, long_ago)  # its second correction
    assert "⏳" not in title_cell(correction)
    assert "⏳" not in title_cell(record(Status.APPROVED, long_ago, None))
    ahead = NOW + dt.timedelta(hours=3)
    for status in (Status.DRAFT, Status.IN_REVIEW, Status.APPROVED):
        assert title_cell(record(status, ahead, None)).startswith("⏳ Menteri PANRB"), status
