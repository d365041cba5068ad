"""Which feed documents exist, and which entries (in which state) each one holds.

A plan is pure data computed from the records and the clock: the publisher
compares each document's signature with the last run's and rebuilds only the
documents whose signature changed.

A subscription document holds the feed's newest `feed_limit` releases; beside them,
for `retraction_days` after the event, every release it accepts that was corrected or
retracted (updated, under its own id, however old) and a short notice item of its own
for each correction, retraction and (in private feeds) embargo lift, move and withdrawal,
and the release held under embargo again after a withdrawal: software that only adds
items it has not seen learns of the event from the notice (see notices.py). A move or
withdrawal of an embargo is told when partners were shown the lift it changed (`Shown`:
what the private feeds showed, kept by the feeds output), the embargo again when its
withdrawal was told (`Told`).
"""

from __future__ import annotations

import datetime as dt
from bisect import bisect_left
from collections.abc import Iterable
from operator import attrgetter

from ..config import Config, Partner
from ..model import Status
from ..records import Record, lifted_at
from ..slug import slugify
from ..translations import language_name
from . import FEED_FORMAT  # noqa: F401 - re-exported for the publisher
from .archives import Digest, Page, archive_docs, archive_pages, archive_path
from .entries import (  # re-exported: the writers, the publisher and tests name them here
    AGAIN,
    CORRECTION,
    EMBARGOED,
    EPOCH,
    FORMATS,
    LIFT,
    LIVE,
    MOVED,
    NAMES,
    NOTICES,
    PRIVATE_NOTICES,
    RETRACTED,
    RETRACTION,
    WITHDRAWN,
    Doc,
    EntryRef,
    FeedSpec,
    content_digest,
    doc_path,
    feed_url,
    hub_topic,
    notice_id,
)
from .words import words

__all__ = ["AGAIN", "CORRECTION", "EMBARGOED", "EPOCH", "LIFT", "LIVE", "MOVED", "NOTICES",
           "RETRACTED", "RETRACTION", "WITHDRAWN", "Doc", "EntryRef", "FeedSpec", "Shown", "Told",
           "content_digest", "feed_url", "next_event", "notice_id", "plan"]  # fmt: skip

# The lift times the private feeds have shown each release under (to the minute), by
# release id; None when nothing says (a fresh clone, a first run): every move and
# withdrawal is then told, erring on the side of telling.
Shown = dict[str, frozenset[dt.datetime]] | None
# The withdrawals (by number) of each release the private feeds told of, by release id;
# None when nothing says (a state from before they were kept): a withdrawal is then taken
# as told once its release was shown (`Shown`), every one when that says nothing either.
Told = dict[str, frozenset[int]] | None


class _Digests:
    """Content digests by the identity of the entry tuples: a feed's RSS and Atom documents
    (and a partner's copy of the same releases) share one tuple, hashed once."""

    def __init__(self) -> None:
        self.known: dict[tuple[int, int], tuple[str, object, object]] = {}

    def __call__(self, entries: tuple[EntryRef, ...], tombstones: tuple[EntryRef, ...]) -> str:
        key = (id(entries), id(tombstones))
        hit = self.known.get(key)
        if hit is None or hit[1] is not entries or hit[2] is not tombstones:
            hit = (content_digest(entries, tombstones), entries, tombstones)
            self.known[key] = hit
        return hit[0]


def feed_specs(config: Config, records: list[Record]) -> list[FeedSpec]:
    """The public feed, one per category in use, one per partner (private with embargo
    access), and one per other language in use (`<lang>/`).

    Once a release in another language than the newsroom's (`[site] language`) is out,
    the public feed, the category feeds and the partners without a language of their own
    carry the newsroom's language only, and each other language has its feed under
    `feeds/<lang>/`: a translation never doubles a story in its original's feeds."""
    home = config.language
    others = set(map(attrgetter("language"), records))  # (the quickest pass: every run)
    others.discard(home)
    if others:  # the languages of releases out, not of drafts
        others = {r.language for r in records if r.live and r.language != home}
    mine = home if others else ""
    specs = [FeedSpec("main", "", config.title, config.description, language=mine,
                      archives=True)]  # fmt: skip
    used = {c for r in records if r.live for c in r.categories}
    used |= {c for r in records if r.left_categories and r.live for c in r.left_categories}
    for category in sorted(used):  # (and those a correction left: their feed stays)
        slug = slugify(category)
        specs.append(FeedSpec(f"category/{slug}", f"category/{slug}",
                              f"{config.title}: {category}",
                              f"{config.description} ({category})", categories=(category,),
                              language=mine))  # fmt: skip
    specs.extend(_partner_spec(config, p, mine) for p in config.partners)
    for language in sorted(others):
        specs.append(
            FeedSpec(
                language,
                language,
                f"{config.title} ({language_name(language)})",
                config.description,
                language=language,
                archives=True,
            )
        )
    return specs


def _partner_spec(config: Config, partner: Partner, home: str = "") -> FeedSpec:
    """A partner's feed. A public one that takes every release links to the public archives
    (the same entries) instead of writing a second copy of every month. A private one that
    takes every release has no archives: the public ones lead back to the public feed, not
    to this one (RFC 5005's `current`), and a copy behind the token would double the
    output; its partner reads the public archives for older releases (docs/deploy.md)."""
    folder = f"{'private' if partner.embargo_access else 'partner'}/{partner.name}"
    everything = not (partner.categories or partner.tags or partner.language)
    title = f"{config.title} {words(config.language)['for']} {partner.title}"
    return FeedSpec(
        folder,
        folder,
        title,
        config.description,
        categories=partner.categories,
        tags=partner.tags,
        language=partner.language or home,
        private=partner.embargo_access,
        archives=not everything,
        shares_main_archives=everything and not partner.embargo_access,
    )


def mode_of(record: Record, config: Config, now: dt.datetime) -> str | None:
    """How a release shows in a subscription feed now, or None if it does not."""
    if record.status == Status.RETRACTED:
        if record.retracted_at and now < record.retracted_at + retraction_window(config):
            return RETRACTED
        return None
    if record.live:
        return LIVE
    if record.embargo_ahead(now):
        return EMBARGOED
    return None


def retraction_window(config: Config) -> dt.timedelta:
    return dt.timedelta(days=config.retraction_days)


def sort_key(record: Record) -> tuple[float, str]:
    """Newest first by publication (or embargo lift), ties broken by id: never wobbles.

    The moment as a number: floats compare faster than aware datetimes, and the planner
    sorts every release on each run (bench_publish.py, a publish after one approval)."""
    moment = record.published or record.embargo or record.approved_at or EPOCH
    return moment.timestamp(), record.id


def plan(
    config: Config, records: list[Record], now: dt.datetime, shown: Shown = None,
    told: Told = None, gone: Iterable[Record] = (),
) -> list[Doc]:  # fmt: skip
    """Every document to write, for every feed, at time `now`; `shown`: the lifts the
    private feeds showed each release under (see `Shown`); `told`: the withdrawals they
    told of (see `Told`); `gone`: the releases they held under embargo whose file went
    away, told by their withdrawals' notices (held.py)."""
    ordered = sorted(records, key=sort_key, reverse=True)
    refs: dict[str, EntryRef] = {}  # how each release shows in subscription feeds now
    archived: dict[str, EntryRef] = {}  # and in its month's archive
    by_category: dict[str, list[int]] = {}
    maybe: list[EntryRef] = []  # the few not live, or ever corrected or embargoed
    for index, r in enumerate(ordered):  # one pass over every release
        ref: EntryRef | None
        if r.live and r.status != Status.RETRACTED:  # (most of them: mode_of's LIVE)
            ref = refs[r.id] = EntryRef(r, LIVE)
            if r.corrected or r.embargo is not None or r.embargo_moves or r.embargo_withdrawn:
                maybe.append(ref)
            if r.month:
                archived[r.id] = ref
        else:
            mode = mode_of(r, config, now)
            ref = None if mode is None else EntryRef(r, mode, 0, None)
            if ref is not None:
                refs[r.id] = ref
                maybe.append(ref)
            elif r.embargo_withdrawn:  # in no feed, but partners may hold it under embargo
                maybe.append(EntryRef(r, WITHDRAWN))
            if r.month and r.live:
                archived[r.id] = _archived_ref(r, ref)
        for category in r.categories:
            by_category.setdefault(category, []).append(index)
    cutoff = now - retraction_window(config)
    special, notices = _special(maybe, cutoff, shown, told)
    notices += [EntryRef(g, WITHDRAWN, n) for g in gone
                for n, (at, _) in enumerate(g.embargo_withdrawn, 1) if at > cutoff]  # fmt: skip
    notices = _dated(notices, special, ordered) if notices else notices
    docs: list[Doc] = []
    digests = _Digests()
    grouped: dict[int, tuple[list[Record], list[Page]]] = {}  # by id(candidates), kept alive
    for spec in feed_specs(config, records):
        candidates = ordered
        if spec.categories:  # only the releases in those categories, still newest first
            picked = sorted({i for c in spec.categories for i in by_category.get(c, [])})
            candidates = [ordered[i] for i in picked]
        if spec.tags or spec.language:
            candidates = [r for r in candidates if spec.accepts(r)]
        pages: list[Page] = []
        if spec.archives or spec.shares_main_archives:
            hit = grouped.get(id(candidates))
            if hit is None or hit[0] is not candidates:  # (a freed list's id comes back)
                hit = grouped[id(candidates)] = (candidates, archive_pages(candidates, archived))
            pages = hit[1]
        extra = (special, notices)
        docs.extend(_subscription_docs(config, spec, candidates, refs, extra, pages, digests))
    return docs


def _special(
    refs: Iterable[EntryRef], cutoff: dt.datetime, shown: Shown = None, told: Told = None
) -> tuple[list[EntryRef], list[EntryRef]]:
    """The few entries every feed looks at beside its newest: embargoed and retracted
    releases and releases corrected since `cutoff` (newest first, like `refs`), and the
    notices of the corrections, retractions, lifts, moves and withdrawals of an embargo
    since `cutoff` (see `_dated`; a move is before its lift).
    `refs`: the entries that are not live, or were ever corrected or embargoed, and a
    WITHDRAWN one for each release in no feed whose embargo was withdrawn (its notices)."""
    special: list[EntryRef] = []
    notices: list[EntryRef] = []
    for ref in refs:
        r = ref.record
        if ref.mode == WITHDRAWN:
            notices.extend(_withdrawn(r, cutoff, shown))
            continue
        corrected = r.corrected and r.corrected[-1] > cutoff
        lifted = r.published is not None and r.published > cutoff and (
            r.embargo is not None or bool(r.embargo_withdrawn))  # fmt: skip
        moved = bool(r.embargo_moves) and r.embargo_moves[-1][0] > cutoff  # (its embargo
        again = bool(r.embargo_again) and r.embargo_again[-1][1] > cutoff  # since taken
        if ref.mode == LIVE and not (corrected or lifted or moved or again):  # away too)
            continue
        if ref.mode != LIVE or corrected:
            special.append(ref)
        notices.extend(_notices(ref, cutoff, shown, told))
    return special, notices


def _dated(
    notices: list[EntryRef], special: list[EntryRef], ordered: list[Record]
) -> list[EntryRef]:
    """The notices, each dated at the first whole second after its event that no entry
    shows (a release's publication, correction, retraction or approval, or an earlier
    notice), newest first.

    Usually the second after the event: the release itself shows the event's moment (its
    `updated`), and two entries sharing one confuse readers that order and de-duplicate
    by it (the W3C validator warns too). Whole seconds, not a fraction after the event:
    newsboat, for one, reads "09:00:00.5+07:00" as UTC. Only moments after the oldest
    event matter, and those are the special entries' and the recent publications'."""
    taken = {int(t.timestamp()) for e in special for t in _shown(e) if t is not None}
    dated = []
    for notice in sorted(notices, key=lambda n: (n.updated, n.key)):  # oldest first: an
        second = int(notice.updated.timestamp()) + 1  # older notice never moves for a newer
        while second in taken or _published_at(ordered, second):
            second += 1
        taken.add(second)
        dated.append(notice._replace(moment=dt.datetime.fromtimestamp(second, dt.UTC)))
    dated.sort(key=lambda n: (n.updated, n.key), reverse=True)
    return dated


def _shown(entry: EntryRef) -> tuple[dt.datetime | None, ...]:
    r = entry.record
    if entry.mode == EMBARGOED:
        return (r.approved_at, *(at for at, _, _ in r.embargo_moves))
    return (r.published, r.retracted_at, *r.corrected)


def _published_at(ordered: list[Record], second: int) -> bool:
    """Whether a release goes by `second` (`ordered`: newest first by sort_key)."""
    at = bisect_left(ordered, -float(second), key=lambda r: -sort_key(r)[0])
    return at < len(ordered) and sort_key(ordered[at])[0] == second


def _notices(
    ref: EntryRef, cutoff: dt.datetime, shown: Shown = None, told: Told = None
) -> list[EntryRef]:
    """The notices a release shows now: its retraction's (which supersedes the rest), else
    one per move of its embargo partners were told of (`_moves_told`), per time it was
    held under embargo again after a withdrawal they were told of (`_withdrawal_told`; a
    move that held it again, at another lift, is told as that alone, not as a move too)
    and correction since `cutoff`, and its embargo's lift if that was since `cutoff`."""
    r = ref.record
    if ref.mode == RETRACTED:
        return [EntryRef(r, RETRACTION)]  # (a retraction shows only within its window)
    again = [(n, at) for n, at, _ in r.embargo_again if _withdrawal_told(r, n, shown, told)]
    back = {at for _, at in again}  # (a move that held it again is told as that: one item)
    moved = [(n, r.embargo_moves[n - 1][0]) for n in _moves_told(r, shown)]
    found = [EntryRef(r, MOVED, n) for n, at in moved if at > cutoff and at not in back]
    found += [EntryRef(r, AGAIN, n) for n, at in again if at > cutoff]
    if r.embargo_withdrawn:
        found += _withdrawals_kept(r, cutoff, shown, told)
    if ref.mode != LIVE:
        return found
    found += [EntryRef(r, CORRECTION, n) for n, at in enumerate(r.corrected, 1) if at > cutoff]
    out = lifted_at(r.embargo, r.published, r.embargo_withdrawn)
    # (its embargo taken away or withdrawn: told to partners who were shown it under one,
    # not to those who never held it, whom the release reaches as news)
    held = r.embargo is not None or shown is None or r.id in shown
    if out is not None and out > cutoff and held:
        found.append(EntryRef(r, LIFT))
    return found


def _moves_told(r: Record, shown: Shown) -> list[int]:
    """The moves of its embargo partners are told of, by number: from the first that moved
    a lift time the private feeds showed on (a later move changes what that one said);
    none before (an earlier time nobody received is news to no one)."""
    if not r.embargo_moves:
        return []
    if shown is None:
        return list(range(1, len(r.embargo_moves) + 1))
    lifts = shown.get(r.id, frozenset())
    for n, (_, before, _) in enumerate(r.embargo_moves, 1):
        if _minute(before) in lifts:
            return list(range(n, len(r.embargo_moves) + 1))
    return []


def _withdrawal_told(r: Record, number: int, shown: Shown, told: Told) -> bool:
    """Whether the private feeds told of the release's withdrawal `number` (see `Told`)."""
    if told is not None:
        return number in told.get(r.id, ())
    return shown is None or r.id in shown


def _withdrawals_kept(r: Record, cutoff: dt.datetime, shown: Shown, told: Told) -> list[EntryRef]:
    """The notices of the withdrawals partners were told of, since `cutoff`, of a release
    in the feeds again (held under embargo again, or out): they stay their window as every
    notice does (an importer that only adds holds them already; one that updates would
    see them vanish). Not, unless the feeds told it, the embargo taken away that let the
    release go out: that is told as its lift."""
    found = [EntryRef(r, WITHDRAWN, n) for n, (at, _) in enumerate(r.embargo_withdrawn, 1)
             if at > cutoff and _withdrawal_told(r, n, shown, told)]  # fmt: skip
    # (from what was shown, not told: the embargo taken away that let it out is its lift)
    taken_away = r.embargo is None and lifted_at(None, r.published, r.embargo_withdrawn) is not None
    if told is None and taken_away and found and found[-1].number == len(r.embargo_withdrawn):
        found.pop()
    return found


def _withdrawn(r: Record, cutoff: dt.datetime, shown: Shown) -> list[EntryRef]:
    """The notices that the release partners held under embargo was withdrawn (it is in
    no feed now), since `cutoff`: each, once the private feeds showed it under embargo."""
    if shown is not None and r.id not in shown:
        return []
    return [EntryRef(r, WITHDRAWN, n) for n, (at, _) in enumerate(r.embargo_withdrawn, 1)
            if at > cutoff]  # fmt: skip


def _minute(when: dt.datetime) -> dt.datetime:
    """A lift time to the minute, in UTC: how the desk and `Shown` hold it."""
    return when.astimezone(dt.UTC).replace(second=0, microsecond=0)


def shown_lifts(docs: Iterable[Doc]) -> dict[str, set[dt.datetime]]:
    """The lift times the private subscription documents show their embargoed releases
    under, by release id (to the minute)."""
    found: dict[str, set[dt.datetime]] = {}
    for doc in docs:
        if not doc.feed.private or doc.archive_month:
            continue
        for e in doc.entries:
            if e.mode == EMBARGOED and e.record.embargo is not None:
                found.setdefault(e.record.id, set()).add(_minute(e.record.embargo))
    return found


def told_withdrawals(docs: Iterable[Doc]) -> dict[str, set[int]]:
    """The withdrawals (by number) the private subscription documents tell of, or tell
    were followed by the embargo again, by release id."""
    found: dict[str, set[int]] = {}
    for doc in docs:
        if not doc.feed.private or doc.archive_month:
            continue
        for e in doc.entries:
            if e.mode in (WITHDRAWN, AGAIN):
                found.setdefault(e.record.id, set()).add(e.number)
    return found


def _archived_ref(record: Record, ref: EntryRef | None) -> EntryRef:
    """How a release shows in its month's archive: live, or retracted for good."""
    mode = RETRACTED if record.status == Status.RETRACTED else LIVE
    return ref if ref is not None and ref.mode == mode else EntryRef(record, mode)


def _subscription_docs(
    config: Config,
    spec: FeedSpec,
    records: list[Record],
    refs: dict[str, EntryRef],
    extra: tuple[list[EntryRef], list[EntryRef]],
    pages: list[Page],
    digests: Digest,
) -> list[Doc]:
    """A feed's subscription documents (and its archives).

    `records` are the feed's candidates, newest first; `extra` the special entries (every
    embargoed, retracted or recently corrected one, in the same order) and the notices
    (see `_special`); `pages` the candidates' published entries in archive pages (empty
    for a feed without archives). Only the newest `feed_limit` entries are looked at, not
    every release. `digests` gives each document's content digest.

    Order: embargoed entries (private feeds), then the newest releases with the notices
    among them by date, then the corrected or retracted releases older than those. A
    reader that reads until the first item it already holds thus reaches every new item.
    """
    others: list[EntryRef] = []
    for r in records:
        if len(others) >= config.feed_limit:
            break
        ref = refs.get(r.id)
        if ref is not None and ref.mode != EMBARGOED:
            others.append(ref)
    special, notices = extra
    mine = [e for e in special if spec.accepts(e.record)]
    embargoed = [e for e in mine if e.mode == EMBARGOED] if spec.private else []
    told = [n for n in notices
            if (spec.private or n.mode not in PRIVATE_NOTICES) and spec.told(n.record)]  # fmt: skip
    shown = {e.record.id for e in others} if len(mine) > len(embargoed) else set()
    back = [e for e in mine if e.mode != EMBARGOED and e.record.id not in shown]
    back.sort(key=lambda e: (e.updated, e.record.id), reverse=True)
    entries = tuple(embargoed + _among(others, told) + back)
    tombstones = tuple(e for e in mine if e.mode == RETRACTED)
    if sum(len(page.entries) for page in pages) <= len(others):
        pages = []  # the subscription document holds them all: no archives yet
    archive_spec = FeedSpec("main", "", "", "") if spec.shares_main_archives else spec
    docs = []
    for fmt in FORMATS:
        path = doc_path(spec, NAMES[fmt])
        links = {"self": feed_url(config, path)}
        if pages:
            links["prev-archive"] = feed_url(config, archive_path(archive_spec, pages[-1], fmt))
        gone = tombstones if fmt == "atom" else ()
        hubs = config.websub_hubs if hub_topic(path) else ()
        docs.append(Doc(path, fmt, spec, entries, gone, links=links,
                        content=digests(entries, gone), hubs=hubs))  # fmt: skip
    if pages and spec.archives:
        docs.extend(archive_docs(config, spec, pages, digests))
    return docs


def _among(newest: list[EntryRef], notices: list[EntryRef]) -> list[EntryRef]:
    """The newest releases with the notices placed among them by date, newest first."""
    if not notices:
        return newest
    dated = [(sort_key(e.record)[0], e) for e in newest]
    dated += [(n.updated.timestamp(), n) for n in notices]
    dated.sort(key=lambda pair: pair[0], reverse=True)  # stable: ties keep their order
    return [e for _, e in dated]


def next_event(config: Config, records: list[Record], now: dt.datetime) -> dt.datetime:
    """The next moment the plan changes by the clock alone (an embargo lifts, a notice of
    a retraction, correction, lift, move or withdrawal of an embargo expires): until then,
    a run with
    no changed file has nothing to do."""
    window = retraction_window(config)
    since = now - window  # an event after this one still shows a notice
    moments = [now + dt.timedelta(days=366)]
    for r in records:  # (comparisons only: this runs for every release, every run)
        if r.embargo is not None:
            if r.status == Status.APPROVED and r.embargo > now:  # (embargo_ahead, inline:
                moments.append(r.embargo)  # every release, every run)
            elif r.published is not None and r.published > since:
                moments.append(r.published + window)
        if r.embargo_withdrawn:  # (a lift after its embargo was taken away, a withdrawal)
            if r.published is not None and r.published > since:
                moments.append(r.published + window)
            moments.extend(at + window for at, _ in r.embargo_withdrawn if at > since)
        if r.retracted_at is not None and r.retracted_at > since:
            moments.append(r.retracted_at + window)
        if r.corrected and r.corrected[-1] > since:
            moments.extend(at + window for at in r.corrected if at > since)
        if r.embargo_moves and r.embargo_moves[-1][0] > since:
            moments.extend(m[0] + window for m in r.embargo_moves if m[0] > since)
        if r.embargo_again and r.embargo_again[-1][1] > since:
            moments.extend(m[1] + window for m in r.embargo_again if m[1] > since)
    return min(moments)
