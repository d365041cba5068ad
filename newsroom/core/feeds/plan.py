"""Which feed documents exist, and which entries (in which state) each one holds.

A plan is pure data computed from the records and the clock: the publisher
compares each document's signature with the last run's and rebuilds only the
documents whose signature changed.

A subscription document holds the feed's newest `feed_limit` releases; beside them,
for `retraction_days` after the event, every release it accepts that was corrected or
retracted (updated, under its own id, however old) and a short notice item of its own
for each correction, retraction and (in private feeds) embargo lift: software that only
adds items it has not seen learns of the event from the notice (see notices.py).
"""

from __future__ import annotations

import datetime as dt
import hashlib
import uuid
from collections.abc import Iterable
from dataclasses import dataclass, field, replace
from typing import NamedTuple

from ..config import Config, Partner
from ..slug import slugify
from . import FEED_FORMAT  # noqa: F401 - re-exported for the publisher
from ..index import Record

LIVE, EMBARGOED, RETRACTED = "live", "embargoed", "retracted"
# Notice items: an event on a release, announced in an entry of its own (own id and link).
CORRECTION, RETRACTION, LIFT = "correction", "retraction", "embargo_lifted"
NOTICES = frozenset((CORRECTION, RETRACTION, LIFT))
# Notice ids are uuid5 in this namespace: fixed forever, or partners would see them anew.
NOTICE_NAMESPACE = uuid.UUID("b5d3a0de-5c1e-4e8a-9d6b-6e6f74696365")
# A notice is dated half a second after its event: every other moment in the feeds is a
# whole second (publish stamps them so), so no two entries share one (readers order and
# de-duplicate by it; the W3C validator warns about Atom entries that share `updated`).
NOTICE_DELAY = dt.timedelta(milliseconds=500)
FORMATS = ("rss", "atom", "json")
NAMES = {"rss": "rss.xml", "atom": "atom.xml", "json": "feed.json"}
ARCHIVE_SUFFIXES = {"rss": ".rss.xml", "atom": ".atom.xml", "json": ".json"}
EPOCH = dt.datetime(1970, 1, 1, tzinfo=dt.UTC)
ARCHIVE_PAGE = 100  # entries in one archive document at most (a busy month has several)


@dataclass(frozen=True)
class FeedSpec:
    """One logical feed: where it lives under feeds/, what it accepts, what it is called."""

    key: str
    folder: str
    title: str
    description: str
    categories: tuple[str, ...] = ()
    tags: tuple[str, ...] = ()
    language: str = ""
    private: bool = False
    archives: bool = False
    shares_main_archives: bool = False

    def accepts(self, record: Record) -> bool:
        if self.categories and not set(self.categories) & set(record.categories):
            return False
        if self.tags and not set(self.tags) & set(record.tags):
            return False
        return not self.language or record.language == self.language


class EntryRef(NamedTuple):
    """An entry of a document: a record in a state (live, embargoed or retracted), or a
    notice of an event on it (CORRECTION `number`, RETRACTION, LIFT).

    A tuple, not a dataclass: a plan makes one per release and state and shares it among
    every document that carries it (tens of thousands per run)."""

    record: Record
    mode: str
    number: int = 0  # the correction a CORRECTION notice announces (1 for the first)

    @property
    def updated(self) -> dt.datetime:
        if self.mode == EMBARGOED:
            return self.record.approved_at or self.record.embargo or EPOCH
        if self.mode in NOTICES:
            return notice_moment(self.record, self.mode, self.number)
        return self.record.feed_updated

    @property
    def key(self) -> str:
        """The entry's id (after `urn:uuid:`): the release's own, or its notice's."""
        if self.mode in NOTICES:
            return notice_id(self.record.id, self.mode, self.number)
        return self.record.id

    @property
    def label(self) -> str:
        """The entry as a person's summary names it."""
        if self.mode in NOTICES:
            return f"[{self.mode} {self.number or ''}] {self.record.title}".replace(" ]", "]")
        return self.record.title


def notice_id(release_id: str, mode: str, number: int) -> str:
    """A notice's id: derived from the release and the event, so every run (and every
    feed carrying it) gives the same one."""
    return str(uuid.uuid5(NOTICE_NAMESPACE, f"{release_id}/{mode}/{number}"))


def notice_moment(record: Record, mode: str, number: int) -> dt.datetime:
    """When a notice is dated: just after the correction, retraction or lift it tells of."""
    if mode == CORRECTION:
        event = record.corrected[number - 1]
    elif mode == RETRACTION:
        event = record.retracted_at or EPOCH
    else:
        event = record.published or EPOCH
    return event + NOTICE_DELAY


@dataclass(frozen=True)
class Doc:
    """One file under feeds/: a subscription document or an archive page of a feed (a month,
    or part `archive_part` of a month with more than ARCHIVE_PAGE releases)."""

    path: str
    format: str
    feed: FeedSpec
    entries: tuple[EntryRef, ...]
    tombstones: tuple[EntryRef, ...] = ()
    archive_month: str = ""
    archive_part: int = 1
    links: dict[str, str] = field(default_factory=dict)
    content: str = ""  # a digest of the entries and tombstones (see `content_digest`)

    @property
    def updated(self) -> dt.datetime:
        """The newest change among the entries (never the clock)."""
        moments = [e.updated for e in (*self.entries, *self.tombstones)]
        if moments:
            return max(moments)
        if self.archive_month:
            year, month = map(int, self.archive_month.split("-"))
            return dt.datetime(year, month, 1, tzinfo=dt.UTC)
        return EPOCH

    def signature(self, config_key: str) -> str:
        """Everything the document's bytes depend on: equal signatures, equal bytes."""
        content = self.content or content_digest(self.entries, self.tombstones)
        text = f"{config_key}|{self.path}|{self.format}|{self.feed}|{self.links}|{content}"
        return hashlib.blake2b(text.encode(), digest_size=16).hexdigest()


def content_digest(entries: tuple[EntryRef, ...], tombstones: tuple[EntryRef, ...]) -> str:
    """A digest of a document's entries (id, content digest, state) and tombstones."""
    parts = [f"{e.record.id}:{e.record.digest}:{e.mode}:{e.number}" for e in entries]
    parts += [f"x{t.record.id}:{t.record.retracted_at}" for t in tombstones]
    return hashlib.blake2b("|".join(parts).encode(), digest_size=16).hexdigest()


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
    """The public feed, one per category in use, one per partner (private with embargo access)."""
    specs = [FeedSpec("main", "", config.title, config.description, archives=True)]
    categories = sorted({c for r in records if r.live for c in r.categories})
    for category in categories:
        slug = slugify(category)
        specs.append(FeedSpec(f"category/{slug}", f"category/{slug}",
                              f"{config.title}: {category}",
                              f"{config.description} ({category})", categories=(category,)))
    specs.extend(_partner_spec(config, p) for p in config.partners)
    return specs


def _partner_spec(config: Config, partner: Partner) -> FeedSpec:
    """A partner's feed. A public one that takes every release links to the public archives
    (the same entries) instead of writing a second copy of every month. A private one that
    takes every release has no archives: the public ones lead back to the public feed, not
    to this one (RFC 5005's `current`), and a copy behind the token would double the
    output; its partner reads the public archives for older releases (docs/deploy.md)."""
    folder = f"{'private' if partner.embargo_access else 'partner'}/{partner.name}"
    everything = not (partner.categories or partner.tags or partner.language)
    return FeedSpec(folder, folder, f"{config.title} untuk {partner.title}", config.description,
                    categories=partner.categories, tags=partner.tags, language=partner.language,
                    private=partner.embargo_access, archives=not everything,
                    shares_main_archives=everything and not partner.embargo_access)


def mode_of(record: Record, config: Config, now: dt.datetime) -> str | None:
    """How a release shows in a subscription feed now, or None if it does not."""
    if record.status == "retracted":
        if record.retracted_at and now < record.retracted_at + retraction_window(config):
            return RETRACTED
        return None
    if record.live:
        return LIVE
    if record.status == "approved" and record.embargo is not None and record.embargo > now:
        return EMBARGOED
    return None


def retraction_window(config: Config) -> dt.timedelta:
    return dt.timedelta(days=config.retraction_days)


def sort_key(record: Record) -> tuple[float, str]:
    """Newest first by publication (or embargo lift), ties broken by id: never wobbles.

    The moment as a number: ten thousand comparisons of floats are several times quicker
    than of aware datetimes."""
    moment = record.published or record.embargo or record.approved_at or EPOCH
    return moment.timestamp(), record.id


def plan(config: Config, records: list[Record], now: dt.datetime) -> list[Doc]:
    """Every document to write, for every feed, at time `now`."""
    ordered = sorted(records, key=sort_key, reverse=True)
    refs: dict[str, EntryRef] = {}  # how each release shows in subscription feeds now
    archived: dict[str, EntryRef] = {}  # and in its month's archive
    by_category: dict[str, list[int]] = {}
    for index, r in enumerate(ordered):  # one pass over every release
        mode = mode_of(r, config, now)
        ref = None if mode is None else _new_ref(EntryRef, (r, mode, 0))
        if ref is not None:
            refs[r.id] = ref
        if r.month and r.live:
            archived[r.id] = _archived_ref(r, ref)
        for category in r.categories:
            by_category.setdefault(category, []).append(index)
    special, notices = _special(refs.values(), now - retraction_window(config))
    docs: list[Doc] = []
    grouped: dict[int, list[Page]] = {}  # by id(candidates)
    for spec in feed_specs(config, records):
        candidates = ordered
        if spec.categories:  # only the releases in those categories, still newest first
            picked = sorted({i for c in spec.categories for i in by_category.get(c, [])})
            candidates = [ordered[i] for i in picked]
        if spec.tags or spec.language:
            candidates = [r for r in candidates if spec.accepts(r)]
        if (spec.archives or spec.shares_main_archives) and id(candidates) not in grouped:
            grouped[id(candidates)] = _archive_pages(candidates, archived)
        pages = grouped.get(id(candidates), [])
        docs.extend(_subscription_docs(config, spec, candidates, refs, (special, notices), pages))
    digests = _Digests()
    return [replace(d, content=digests(d.entries, d.tombstones)) for d in docs]


_new_ref = tuple.__new__  # EntryRef's own __new__ is Python code: ten thousand calls a run


def _special(refs: Iterable[EntryRef], cutoff: dt.datetime) -> tuple[list[EntryRef],
                                                                     list[EntryRef]]:
    """The few entries every feed looks at beside its newest: embargoed and retracted
    releases and releases corrected since `cutoff` (newest first, like `refs`), and the
    notices of the corrections, retractions and lifts since `cutoff` (newest first)."""
    special: list[EntryRef] = []
    notices: list[EntryRef] = []
    for ref in refs:
        r = ref.record
        corrected = r.corrected and r.corrected[-1] > cutoff
        lifted = r.embargo is not None and r.published is not None and r.published > cutoff
        if ref.mode == LIVE and not corrected and not lifted:
            continue  # the usual release (inline tests: this runs for every one)
        if ref.mode != LIVE or corrected:
            special.append(ref)
        notices.extend(_notices(ref, cutoff))
    notices.sort(key=lambda n: (n.updated, n.key), reverse=True)
    return special, notices


def _notices(ref: EntryRef, cutoff: dt.datetime) -> list[EntryRef]:
    """The notices a release shows now: its retraction's (which supersedes the rest), else
    one per correction since `cutoff`, and its embargo's lift if that was since `cutoff`."""
    r = ref.record
    if ref.mode == RETRACTED:
        return [EntryRef(r, RETRACTION)]  # (a retraction shows only within its window)
    if ref.mode != LIVE:
        return []
    found = [EntryRef(r, CORRECTION, n) for n, at in enumerate(r.corrected, 1) if at > cutoff]
    lift, out = r.embargo, r.published
    if lift is not None and out is not None and out >= lift and out > cutoff:
        found.append(EntryRef(r, LIFT))
    return found


def _archived_ref(record: Record, ref: EntryRef | None) -> EntryRef:
    """How a release shows in its month's archive: live, or retracted for good."""
    mode = RETRACTED if record.status == "retracted" else LIVE
    return ref if ref is not None and ref.mode == mode else EntryRef(record, mode)


def feed_url(config: Config, path: str) -> str:
    return f"{config.feeds_base}/{path}"


def _doc_path(spec: FeedSpec, name: str) -> str:
    return f"{spec.folder}/{name}" if spec.folder else name


def _subscription_docs(config: Config, spec: FeedSpec, records: list[Record],
                       refs: dict[str, EntryRef],
                       extra: tuple[list[EntryRef], list[EntryRef]],
                       pages: list[Page]) -> list[Doc]:
    """A feed's subscription documents (and its archives).

    `records` are the feed's candidates, newest first; `extra` the special entries (every
    embargoed, retracted or recently corrected one, in the same order) and the notices
    (see `_special`); `pages` the candidates' published entries in archive pages (empty
    for a feed without archives). Only the newest `feed_limit` entries are looked at, not
    every release.

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
    told = [n for n in notices if (spec.private or n.mode != LIFT) and spec.accepts(n.record)]
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
        path = _doc_path(spec, NAMES[fmt])
        links = {"self": feed_url(config, path)}
        if pages:
            links["prev-archive"] = feed_url(config, _archive_path(archive_spec, pages[-1], fmt))
        docs.append(Doc(path, fmt, spec, entries, tombstones if fmt == "atom" else (),
                        links=links))
    if pages and spec.archives:
        docs.extend(_archive_docs(config, spec, pages))
    return docs


def _among(newest: list[EntryRef], notices: list[EntryRef]) -> list[EntryRef]:
    """The newest releases with the notices placed among them by date, newest first."""
    if not notices:
        return newest
    dated = [(sort_key(e.record)[0], e) for e in newest]
    dated += [(n.updated.timestamp(), n) for n in notices]
    dated.sort(key=lambda pair: pair[0], reverse=True)  # stable: ties keep their order
    return [e for _, e in dated]


class Page(NamedTuple):
    """One archive document's share of a feed: part `part` of `month`, newest first."""

    month: str
    part: int
    entries: tuple[EntryRef, ...]


def _archive_path(spec: FeedSpec, page: Page, fmt: str) -> str:
    name = page.month if page.part == 1 else f"{page.month}-p{page.part}"
    return _doc_path(spec, f"archive/{name}{ARCHIVE_SUFFIXES[fmt]}")


def _archive_pages(records: list[Record], archived: dict[str, EntryRef]) -> list[Page]:
    """A feed's published releases by month of publication, oldest month first, each month
    cut into pages of ARCHIVE_PAGE from its oldest release on.

    Cut from the oldest, a month's pages stay put as it grows: a new release changes its
    month's last page only, so a busy month never makes a publish rebuild hundreds of
    entries (a month's first page keeps the plain name YYYY-MM)."""
    by_month: dict[str, list[EntryRef]] = {}
    for r in records:  # newest first, so each month's list is too
        ref = archived.get(r.id)
        if ref is not None:
            by_month.setdefault(r.month, []).append(ref)
    pages = []
    for month in sorted(by_month):
        refs = by_month[month]
        end = len(refs)
        for part in range(1, (end + ARCHIVE_PAGE - 1) // ARCHIVE_PAGE + 1):
            pages.append(Page(month, part, tuple(refs[max(0, end - ARCHIVE_PAGE) : end])))
            end -= ARCHIVE_PAGE
    return pages


def _archive_docs(config: Config, spec: FeedSpec, pages: list[Page]) -> list[Doc]:
    """One RFC 5005 archive document per page and format, oldest first, linked in a chain
    (a page's RSS, Atom and JSON documents side by side: written together, they share
    entries). JSON Feed has no archives of its own: its pages are chained by `next_url`
    (the older page, RFC 5005's prev-archive).

    Archives exist once a feed holds more releases than its subscription document
    carries. A month's pages are closed once a later month has one; from then on they
    change only to carry a correction or retraction of an entry they hold.
    """
    docs = []
    for i, page in enumerate(pages):
        for fmt in FORMATS:
            path = _archive_path(spec, page, fmt)
            current = feed_url(config, _doc_path(spec, NAMES[fmt]))
            links = {"self": feed_url(config, path), "current": current}
            if i > 0:
                links["prev-archive"] = feed_url(config, _archive_path(spec, pages[i - 1], fmt))
            if i + 1 < len(pages):
                links["next-archive"] = feed_url(config, _archive_path(spec, pages[i + 1], fmt))
            tombstones = tuple(e for e in page.entries if e.mode == RETRACTED)
            docs.append(Doc(path, fmt, spec, page.entries, tombstones if fmt == "atom" else (),
                            page.month, page.part, links))
    return docs


def next_event(config: Config, records: list[Record], now: dt.datetime) -> dt.datetime:
    """The next moment the plan changes by the clock alone (an embargo lifts, a notice of
    a retraction, correction or lift expires): until then, a run with no changed file has
    nothing to do."""
    window = retraction_window(config)
    moments = [now + dt.timedelta(days=366)]
    for r in records:
        if r.status == "approved" and r.embargo and r.embargo > now:
            moments.append(r.embargo)
        events = [r.retracted_at, *r.corrected] if r.corrected else [r.retracted_at]
        if r.embargo is not None:
            events.append(r.published)
        moments.extend(e + window for e in events if e is not None and e + window > now)
    return min(moments)
