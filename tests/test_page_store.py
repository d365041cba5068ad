"""What the pages' store and ninjs' documents made while reading keep, when a first run puts
more rows than are written at a time (pages/store.py, ninjs/made.py): every query sees every
row put, in the order put, and a change not saved is forgotten."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from newsroom.core.config import load_config
from newsroom.core.ninjs.made import BATCH as MADE_BATCH
from newsroom.core.ninjs.made import Made
from newsroom.core.pages.source import Row
from newsroom.core.pages.store import BATCH, PageStore, pickled

COUNT = BATCH * 2 + 7  # past two batches, and a part of one


def _row(n: int) -> Row:
    when = dt.datetime(2025, 1, 1, tzinfo=dt.UTC) + dt.timedelta(hours=n)
    return Row(
        id=f"id-{n:05d}", slug=f"rilis-{n}", title=f"Rilis {n}",
        number=f"{n}/HUMAS" if n % 3 else "",
        published=when, month=f"{when:%Y-%m}", categories=("Pemilu",), retracted=None,
        corrections=0, kind="klarifikasi" if n % 100 == 0 else "", denies=(), summary="",
        path=f"articles/{n}.md",
    )  # fmt: skip


def test_every_row_put_is_seen_by_every_query_before_it_is_saved(root: Path) -> None:
    config = load_config(root)
    store = PageStore(config, "key")
    assert not store.same
    rows = [_row(n) for n in range(COUNT)]
    for n, row in enumerate(rows):
        if n % 2:
            store.put(row.id, f"d{n}", row)
        else:  # as a worker hands it over: pickled
            store.put_pickled(row.id, f"d{n}", row.number, row.kind, pickled(row))
        store.premake(row.id, f"d{n}", f"/tmp/{n}.tmp" if n % 5 else None)
    assert store.rows([rows[0].id, rows[-1].id]) == {rows[0].id: rows[0], rows[-1].id: rows[-1]}
    assert len(store.numbered()) == sum(1 for r in rows if r.number)
    assert [r.id for r in store.of_kind("klarifikasi")] == [r.id for r in rows if r.kind]
    premade = list(store.premade())
    assert [p[0] for p in premade] == [r.id for r in rows]  # by id: put in that order
    assert premade[1] == (rows[1].id, "d1", "/tmp/1.tmp", True)
    assert premade[0][2] is None
    store.put(rows[3].id, "again", rows[3])
    store.drop(rows[3].id)  # dropped after it was put again: gone
    assert rows[3].id not in store.rows([rows[3].id])
    store.save()
    store.close()

    kept = PageStore(config, "key")
    assert kept.same
    digests = kept.digests()
    assert len(digests) == COUNT - 1 and digests[rows[-1].id] == f"d{COUNT - 1}"
    kept.put(rows[3].id, "d3", rows[3])
    kept.close()  # not saved: forgotten
    again = PageStore(config, "key")
    assert rows[3].id not in again.digests()
    again.close()


def test_documents_made_while_reading_are_all_taken_in_order_and_discarded(tmp_path: Path) -> None:
    made = Made()
    temps = []
    for n in range(MADE_BATCH * 2 + 3):
        tmp = tmp_path / f"{n}.tmp"
        tmp.write_text("x")
        temps.append(tmp)
        made.add(
            f"id-{n:05d}", f"d{n}", [f"a/{n}.json", f"b/{n}.json"], [(f"a/{n}.json", str(tmp))], ""
        )
    made.add("id-00001", "later", [], [], "broken")  # a second file with the same id
    assert len(made) == MADE_BATCH * 2 + 4
    digests = dict(made.digests())
    assert digests["id-00001"] == "later" and digests["id-00000"] == "d0"
    taken = list(made.take())
    assert taken[0] == ("id-00000", "d0", ["a/0.json", "b/0.json"], [("a/0.json", str(temps[0]))],
                        "", True)  # fmt: skip
    assert [t[1] for t in taken if t[0] == "id-00001"] == ["d1", "later"]
    assert [t[5] for t in taken if t[0] == "id-00001"] == [False, True]
    made.discard()
    assert not any(t.exists() for t in temps)
