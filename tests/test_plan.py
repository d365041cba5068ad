"""The planner against a plain reference: which entries each subscription feed carries.

The planner is written for speed (it looks at the newest `feed_limit` releases of a feed and
at the few embargoed, retracted or recently corrected ones, not at every release); this test
holds it to the obvious definition on random newsrooms.
"""

from __future__ import annotations

import datetime as dt
import itertools
from pathlib import Path
from unittest import mock

from hypothesis import given, settings
from hypothesis import strategies as st

from newsroom.core.config import Config, Partner
from newsroom.core.feeds import archives
from newsroom.core.feeds.plan import (
    CORRECTION,
    EMBARGOED,
    LIFT,
    LIVE,
    RETRACTED,
    RETRACTION,
    EntryRef,
    mode_of,
    next_event,
    plan,
    sort_key,
)
from newsroom.core.records import Record

NOW = dt.datetime(2025, 3, 1, tzinfo=dt.UTC)
CATEGORIES = ("Pemilu", "ASN", "Reformasi")


@st.composite
def records(draw: st.DrawFn) -> list[Record]:
    out = []
    for i in range(draw(st.integers(0, 40))):
        kind = draw(st.sampled_from(["published", "published", "embargoed", "retracted", "old",
                                     "corrected", "lifted"]))  # fmt: skip
        day = draw(st.integers(0, 90))
        when = NOW - dt.timedelta(
            days=day, hours=draw(st.integers(0, 23)), seconds=draw(st.integers(0, 2))
        )  # (notices must step aside)
        published = None if kind in ("embargoed", "old") else when
        embargo = NOW + dt.timedelta(days=day + 1) if kind == "embargoed" else None
        retracted = when + dt.timedelta(hours=1) if kind == "retracted" else None
        status = {"embargoed": "approved", "retracted": "retracted",
                  "old": "retracted"}.get(kind, "published")  # fmt: skip
        if kind == "old":  # retracted long ago: gone from the subscription feeds
            published = when - dt.timedelta(days=200)
            retracted = published + dt.timedelta(days=1)
        corrected: tuple[dt.datetime, ...] = ()
        if kind == "corrected":  # some corrections long after publication, some recent
            published = when - dt.timedelta(days=draw(st.integers(0, 60)))
            days = sorted(draw(st.lists(st.integers(0, 60), min_size=1, max_size=3)), reverse=True)
            corrected = tuple(NOW - dt.timedelta(days=d, minutes=i) for i, d in enumerate(days))
            corrected = tuple(max(c, published + dt.timedelta(minutes=1)) for c in corrected)
        if kind == "lifted":  # published at its embargo's lift
            embargo = published
        cats = tuple(draw(st.lists(st.sampled_from(CATEGORIES), max_size=2, unique=True)))
        out.append(Record(
            path=f"articles/r{i}.md", id=f"00000000-0000-4000-8000-{i:012d}", slug=f"r{i}",
            title=f"Rilis {i}", status=status, language="id", categories=cats, tags=(),
            published=published, updated=corrected[-1] if corrected else published,
            embargo=embargo,
            approved_at=when - dt.timedelta(hours=2), retracted_at=retracted,
            live=status in ("published", "retracted"), digest=f"d{i}",
            month=f"{published:%Y-%m}" if published else "", dateline="JAKARTA", author="A",
            edited=when, last_editor="a", corrected=corrected,
        ))  # fmt: skip
    return out


def notices_of(config: Config, recs: list[Record]) -> list[EntryRef]:
    """Every notice of the last 30 days, each dated at the first whole second after its
    event that no entry shows and no older notice took."""
    since = NOW - dt.timedelta(days=30)
    shown = {sort_key(r)[0] for r in recs}
    found = []
    for r in recs:
        mode = mode_of(r, config, NOW)
        if mode == EMBARGOED:
            shown.add(r.approved_at.timestamp())  # type: ignore[union-attr]
        elif mode is not None:
            shown |= {t.timestamp() for t in (r.published, r.retracted_at, *r.corrected) if t}
        if mode == RETRACTED:
            found.append(EntryRef(r, RETRACTION))
        elif mode == LIVE:
            found += [EntryRef(r, CORRECTION, n + 1) for n, at in enumerate(r.corrected)
                      if at > since]  # fmt: skip
            if r.embargo and r.published and since < r.published >= r.embargo:
                found.append(EntryRef(r, LIFT))
    dated = []
    for notice in sorted(found, key=lambda n: (n.updated, n.key)):
        second = notice.updated.timestamp() + 1
        while second in shown:
            second += 1
        shown.add(second)
        dated.append(notice._replace(moment=dt.datetime.fromtimestamp(second, dt.UTC)))
    return dated


def reference(
    config: Config, recs: list[Record], categories: tuple[str, ...], private: bool
) -> tuple[list[tuple[str, str]], list[str]]:
    """A subscription feed by the definition: embargoed first (private feeds only), then
    the newest `feed_limit` others with the notices of the last 30 days among them by
    date, then the releases retracted or corrected in those days that are not among the
    newest; tombstones for every retraction still noticed."""
    mine = [r for r in sorted(recs, key=sort_key, reverse=True)
            if not categories or set(categories) & set(r.categories)]  # fmt: skip
    modes = [(r, mode_of(r, config, NOW)) for r in mine]
    embargoed = [EntryRef(r, m) for r, m in modes if m == EMBARGOED and private]
    others = [EntryRef(r, m) for r, m in modes if m is not None and m != EMBARGOED]
    newest = others[: config.feed_limit]
    since = NOW - dt.timedelta(days=30)
    notices = [n for n in notices_of(config, recs) if n.record in mine
               and (private or n.mode != LIFT)]  # fmt: skip
    dated = [(sort_key(e.record)[0], "", e) for e in newest]
    dated += [(n.updated.timestamp(), n.key, n) for n in notices]
    stream = [e for *_, e in sorted(dated, key=lambda d: (d[0], d[1]), reverse=True)]
    recent = [
        e
        for e in others[config.feed_limit :]
        if e.mode == RETRACTED or (e.record.corrected and e.record.corrected[-1] > since)
    ]
    recent.sort(key=lambda e: (e.updated, e.record.id), reverse=True)
    entries = [(e.key, e.mode) for e in embargoed + stream + recent]
    return entries, [r.id for r, m in modes if m == RETRACTED]


@settings(max_examples=150, deadline=None)
@given(records(), st.integers(1, 6))
def test_subscription_feeds_match_the_definition(recs: list[Record], limit: int) -> None:
    notices = notices_of(
        Config(root=Path("/nonexistent"), retraction_days=30), recs
    )  # (the window is all that matters)
    config = Config(
        root=Path("/nonexistent"), feed_limit=limit, retraction_days=30,
        partners=(Partner("antara", "ANTARA", embargo_access=True),
                  Partner("pemilu", "Pemilu", categories=("Pemilu",))),
    )  # fmt: skip
    docs = {d.path: d for d in plan(config, recs, NOW)}
    feeds = {
        "": ((), False),
        "private/antara/": ((), True),
        "partner/pemilu/": (("Pemilu",), False),
    }
    for category in {c for r in recs if r.live for c in r.categories}:
        feeds[f"category/{category.lower()}/"] = ((category,), False)
    for prefix, (categories, private) in feeds.items():
        entries, tombstones = reference(config, recs, categories, private)
        for name in ("rss.xml", "atom.xml", "feed.json"):
            doc = docs[prefix + name]
            assert [(e.key, e.mode) for e in doc.entries] == entries, prefix + name
            for e in doc.entries:  # each notice dated as the definition says
                assert e.updated == {n.key: n.updated for n in notices}.get(e.key, e.updated)
        atom = docs[prefix + "atom.xml"]
        assert [t.record.id for t in atom.tombstones] == tombstones
        assert docs[prefix + "rss.xml"].tombstones == ()


@settings(max_examples=80, deadline=None)
@given(records())
def test_archives_hold_every_published_release_once(recs: list[Record]) -> None:
    config = Config(root=Path("/nonexistent"), feed_limit=2)
    docs = plan(config, recs, NOW)
    archived = [e.record.id for d in docs if d.archive_month and d.format == "rss"
                for e in d.entries]  # fmt: skip
    published = [r.id for r in recs if r.live]
    if len(published) > 2:
        assert sorted(archived) == sorted(published)
    for d in docs:
        if d.archive_month:
            assert all(e.record.month == d.archive_month for e in d.entries)
            assert all(e.mode == (RETRACTED if e.record.status == "retracted" else "live")
                       for e in d.entries)  # fmt: skip
    pages: dict[str, dict[str, object]] = {}  # each page in every format, the same entries
    for d in docs:
        if d.archive_month:
            name = d.path.removesuffix(".json").removesuffix(".rss.xml").removesuffix(".atom.xml")
            pages.setdefault(name, {})[d.format] = d.entries
    for formats in pages.values():
        assert set(formats) == {"rss", "atom", "json"}
        assert formats["rss"] == formats["atom"] == formats["json"]


@settings(max_examples=80, deadline=None)
@given(records(), st.integers(1, 4))
def test_archive_pages_are_cut_from_each_months_oldest_release(
    recs: list[Record], size: int
) -> None:
    """Pages hold at most ARCHIVE_PAGE entries; read oldest page first, a month's pages are
    its releases in order; only its last page is short, so a newer release never moves an
    entry between earlier pages."""
    config = Config(root=Path("/nonexistent"), feed_limit=2)
    with mock.patch.object(archives, "ARCHIVE_PAGE", size):
        docs = [d for d in plan(config, recs, NOW) if d.archive_month and d.format == "atom"
                and not d.feed.folder]  # fmt: skip
    by_month: dict[str, list[list[str]]] = {}
    for d in docs:  # the chain's order: oldest first
        assert 1 <= len(d.entries) <= size
        by_month.setdefault(d.archive_month, []).append([e.record.id for e in d.entries])
        assert d.archive_part == len(by_month[d.archive_month])
    for month, pages in by_month.items():
        assert all(len(page) == size for page in pages[:-1])
        oldest_first = [i for page in pages for i in reversed(page)]
        live = sorted((r for r in recs if r.live and r.month == month), key=sort_key)
        assert oldest_first == [r.id for r in live]
    paths = [d.path for d in docs]
    for before, after in itertools.pairwise(docs):
        assert before.links["next-archive"].endswith(after.path)
        assert after.links["prev-archive"].endswith(before.path)
    assert len(set(paths)) == len(paths)


def test_the_next_event_counts_the_notices_expiring() -> None:
    """A run with no changed file has nothing to do until then: a notice of a correction or
    an embargo's lift must still go when its days are over."""
    config = Config(root=Path("/nonexistent"), retraction_days=30)
    day = dt.timedelta(days=1)
    base = Record(
        path="a.md", id="00000000-0000-4000-8000-000000000001", slug="a", title="A",
        status="published", language="id", categories=(), tags=(),
        published=NOW - 40 * day, updated=NOW - 40 * day, embargo=None,
        approved_at=NOW - 41 * day, retracted_at=None, live=True, digest="d", month="2025-01",
        dateline="", author="", edited=None, last_editor="",
    )  # fmt: skip
    corrected = base._replace(corrected=(NOW - 20 * day, NOW - 10 * day))
    assert next_event(config, [corrected], NOW) == NOW + 10 * day
    assert next_event(config, [corrected], NOW + 11 * day) == NOW + 20 * day
    lifted = base._replace(published=NOW - 5 * day, embargo=NOW - 5 * day)
    assert next_event(config, [lifted], NOW) == NOW + 25 * day
