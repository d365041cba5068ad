"""The desk model (views, live filter, sorting) and lease locks."""

from __future__ import annotations

import datetime as dt
import pickle
from collections.abc import Callable
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from newsroom.core import lease
from newsroom.core.cache import Cache
from newsroom.core.config import Config, load_config
from newsroom.core.desk import Broken, Desk
from newsroom.core.errors import Problem
from newsroom.core.index import refresh
from newsroom.core.scan import scan
from newsroom.core.service import NewArticle, Newsroom

from .conftest import NOW

CONFIG = Config(Path("/nowhere"))  # a desk of made-up records needs no newsroom


def make_desk(root: Path) -> Desk:
    config = load_config(root)
    cache = Cache(config, "test")
    index = refresh(config, cache, scan(config))
    return Desk(config, index.records.values(), cache.texts(), index.problems)


def test_views_filter_and_sort(root: Path, as_user: Callable[..., Newsroom]) -> None:
    ald = as_user("ald")
    a = ald.create(
        NewArticle(
            title="Zona Integritas",
            body="Pembangunan zona integritas.",
            tags=["wbk"],
            dateline="JAKARTA",
            credit="HUMAS",
        )
    )
    ald.create(NewArticle(title="Anggaran Daerah", body="Realisasi anggaran.", summary="APBD"))
    ald.act(a.id, "submit")
    (root / "articles" / "rusak.md").write_text("---\ntitle: [\n---\n")
    desk = make_desk(root)
    assert desk.counts("nur")["mine"] == 1 and desk.counts("ald")["mine"] == 0
    assert [r.title for r in desk.select("mine", "", "nur")] == ["Zona Integritas"]
    assert [r.title for r in desk.select("draft", "", "nur")] == ["Anggaran Daerah"]
    assert [r.title for r in desk.select("draft", "apbd", "nur")] == ["Anggaran Daerah"]
    assert [r.title for r in desk.select("all", "WBK zona", "nur")] == ["Zona Integritas"]
    assert desk.select("in_review", "anggaran", "nur") == []
    titles = [
        r.title for r in desk.select("all", "", "nur", sort="title") if not isinstance(r, Broken)
    ]
    assert titles == ["Anggaran Daerah", "Zona Integritas"]
    broken = desk.select("all", "", "nur")[0]
    assert isinstance(broken, Broken) and broken.path == "articles/rusak.md"


def test_filter_matches_the_body_across_many_releases() -> None:
    from newsroom.core.records import Record

    def record(i: int) -> Record:
        return Record(
            f"a/{i}.md",
            f"id{i}",
            f"s{i}",
            f"Judul {i}",
            "draft",
            "id",
            (),
            (),
            None,
            None,
            None,
            None,
            None,
            False,
            "d",
            "",
            "",
            "",
            dt.datetime(2026, 1, 1, tzinfo=dt.UTC) + dt.timedelta(minutes=i),
            "",
        )

    records = [record(i) for i in range(2000)]
    texts = {
        r.path: f"judul {i}\nisi biasa" + (" kata-langka" if i % 500 == 0 else "")
        for i, r in enumerate(records)
    }
    desk = Desk(CONFIG, records, texts)
    found = desk.select("all", "kata-langka", "x")
    assert sorted(r.id for r in found) == ["id0", "id1000", "id1500", "id500"]
    desk.build_index()  # 2,000 texts: built in a forked worker
    assert desk.indexed and desk._index is not None
    assert len(desk._index.postings["biasa"]) == 2000
    found = desk.select("all", "langka", "x")  # a new search, through the index
    assert sorted(r.id for r in found) == ["id0", "id1000", "id1500", "id500"]
    assert [r.id for r in desk.select("all", "judul 1999", "x")] == ["id1999"]


def test_a_lease_refuses_others_until_taken_over_or_expired(
    root: Path, as_user: Callable[..., Newsroom]
) -> None:
    config = load_config(root)
    ald = as_user("ald")
    article = ald.create(NewArticle(title="Rilis", body="Isi."))
    held = lease.acquire(config, article.id, "ald", NOW)
    assert lease.current(config, article.id, NOW) == held
    with pytest.raises(lease.LeaseHeld, match="being edited by ald"):
        lease.acquire(config, article.id, "nur", NOW)
    nur = as_user("nur")
    theirs = nur.find(article.id)
    theirs.body = "Isi nur."
    with pytest.raises(lease.LeaseHeld):
        nur.save_edit(theirs)
    assert lease.acquire(config, article.id, "nur", NOW, take_over=True).holder == "nur"
    later = NOW + dt.timedelta(seconds=lease.LEASE_SECONDS + 1)
    assert lease.current(config, article.id, later) is None
    assert lease.acquire(config, article.id, "ald", later).holder == "ald"
    lease.release(config, article.id, "ald")
    assert lease.all_live(config, later) == {}


def test_broken_rows_carry_their_problem() -> None:
    problem = Problem(Path("articles/x.md"), 3, "bad YAML")
    desk = Desk(CONFIG, [], {}, [problem])
    assert desk.select("all", "yaml", "x") == [Broken(problem)]
    assert desk.select("draft", "", "x") == []


@settings(max_examples=200, deadline=None)
@given(
    st.lists(st.text("abc ", max_size=12), min_size=1, max_size=25),
    st.lists(
        st.one_of(st.sampled_from(list("abc ")), st.just("\b"), st.text("abc ", max_size=6)),
        max_size=14,
    ),
    st.integers(0, 15),
)
def test_typing_narrows_to_exactly_what_a_fresh_search_finds(
    bodies: list[str], keys: list[str], indexed_after: int
) -> None:
    """Each keystroke (a letter, a space or a backspace), or a query typed anew (which may
    refine the last one in the middle: "b" -> "ab"), gives the releases holding every word,
    as a search from scratch would: narrowing (and the word index, built after some key)
    only ever saves work."""
    from newsroom.core.records import Record

    records = [
        Record(f"a/{i}.md", f"id{i}", f"s{i}", f"T{i}", "draft", "id", (), (), None, None,
               None, None, None, False, "d", "", "", "",
               dt.datetime(2026, 1, 1, tzinfo=dt.UTC) + dt.timedelta(minutes=i), "")
        for i in range(len(bodies))
    ]  # fmt: skip
    texts = {r.path: body for r, body in zip(records, bodies, strict=True)}
    desk, query = Desk(CONFIG, records, texts), ""
    for n, key in enumerate(keys):
        if n == indexed_after:
            desk.build_index()
        query = {"\b": query[:-1]}.get(key, query + key if len(key) == 1 else key)
        words = query.split()
        expected = {r.id for r in records if all(w in texts[r.path] for w in words)}
        assert {r.id for r in desk.select("all", query, "x")} == expected, query


def _desk_of(bodies: dict[int, str]) -> Desk:
    from newsroom.core.records import Record

    records = [
        Record(f"a/{i}.md", f"id{i}", f"s{i}", f"T{i}", "draft", "id", (), (), None, None,
               None, None, None, False, f"d{hash(body)}", "", "", "",
               dt.datetime(2026, 1, 1, tzinfo=dt.UTC) + dt.timedelta(minutes=i), "")
        for i, body in bodies.items()
    ]  # fmt: skip
    return Desk(CONFIG, records, {f"a/{i}.md": body for i, body in bodies.items()})


@settings(max_examples=150, deadline=None)
@given(
    st.dictionaries(st.integers(0, 30), st.text("abc ", max_size=12), max_size=20),
    st.dictionaries(st.integers(0, 30), st.text("abc ", max_size=12), max_size=20),
    st.lists(st.text("abc", min_size=1, max_size=5), max_size=6),
)
def test_a_kept_word_index_finds_what_a_scan_finds_after_changes(
    before: dict[int, str], after: dict[int, str], queries: list[str]
) -> None:
    """An index kept from the last start (releases since changed, added or removed) gives
    the same results as scanning every text."""
    from newsroom.core.desk import _load_words

    kept = _desk_of(before).build_index()
    desk = _desk_of(after)
    words = _load_words(pickle.dumps(tuple(kept)))
    assert words is not None
    desk.adopt_index(words)
    for query in queries:
        desk._memo = None
        expected = {f"id{i}" for i, body in after.items() if query in body}
        assert {r.id for r in desk.select("all", query, "x")} == expected, query


def test_a_first_read_shows_the_desk_as_it_goes(
    root: Path, as_user: Callable[..., Newsroom], monkeypatch: pytest.MonkeyPatch
) -> None:
    """No cache yet: the desk is handed over partly read, then whole, with no file lost."""
    from newsroom.core import index as index_module
    from newsroom.core.desk import open_desk

    ald = as_user("ald")
    for i in range(30):
        ald.create(NewArticle(title=f"Rilis {i}", body=f"Isi {i}."))
    monkeypatch.setattr(index_module, "PARTIAL_SECONDS", 0.0)
    seen: list[tuple[int, int] | None] = []
    desk = open_desk(load_config(root), "first-read", lambda d: seen.append(d.reading))
    assert seen and all(r is not None and r[0] <= r[1] == 30 for r in seen)
    assert [r[0] for r in seen if r] == sorted(r[0] for r in seen if r)  # only ever grows
    assert desk.reading is None and len(desk.records) == 30


def test_a_published_release_being_corrected_counts_as_published_and_correcting(
    bundled: Path,
) -> None:
    """The desk's 8 (Correcting / Diralat) lost a published release once its correction was
    submitted, and 7 (Published / Terbit) lost it as soon as the correction was written:
    it is still published and still being corrected until the correction goes out. In
    review it is in 4 too, where its reviewer looks (and in 2 for that reviewer)."""
    from newsroom.core.clock import fixed_clock

    from .tuikit import SEED_ID

    def views(desk: Desk) -> dict[str, list[str]]:
        counts = desk.counts("nur")
        chosen = {v: [r.id for r in desk.select(v, "", "nur")] for v in counts if v != "all"}
        assert {v: len(ids) for v, ids in chosen.items()} == {
            v: n for v, n in counts.items() if v != "all"
        }  # a tab counts what it shows
        return {v: ids for v, ids in chosen.items() if SEED_ID in ids}

    def as_(actor: str) -> Newsroom:
        return Newsroom.open(bundled, actor, fixed_clock(NOW))

    assert list(views(make_desk(bundled))) == ["published"]
    article = as_("ald").act(SEED_ID, "correct", note="Eja").article
    assert list(views(make_desk(bundled))) == ["published", "correcting"]
    article.body += "\nParagraf ralat.\n"
    as_("ald").save_edit(article)
    as_("ald").act(SEED_ID, "submit")
    assert list(views(make_desk(bundled))) == ["mine", "in_review", "published", "correcting"]
    as_("nur").act(SEED_ID, "request_changes", note="Ejaan lagi")
    assert list(views(make_desk(bundled))) == ["changes_requested", "published", "correcting"]
