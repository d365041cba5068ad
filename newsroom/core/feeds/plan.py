"""Which feed documents exist, and which entries (in which state) each one holds.

A plan is pure data computed from the records and the clock: the publisher
compares each document's signature with the last run's and rebuilds only the
documents whose signature changed.
"""

from __future__ import annotations

import datetime as dt
import hashlib
from dataclasses import dataclass, field

from ..config import Config, Partner
from ..slug import slugify
from .records import Record

LIVE, EMBARGOED, RETRACTED = "live", "embargoed", "retracted"
# Bump when the bytes written for the same input change: it invalidates caches and signatures.
FEED_FORMAT = 5
EPOCH = dt.datetime(1970, 1, 1, tzinfo=dt.UTC)


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
    json: bool = False
    shares_main_archives: bool = False

    def accepts(self, record: Record) -> bool:
        if self.categories and not set(self.categories) & set(record.categories):
            return False
        if self.tags and not set(self.tags) & set(record.tags):
            return False
        return not self.language or record.language == self.language


@dataclass(frozen=True)
class EntryRef:
    """An entry of a document: a record in a state (live, embargoed or retracted)."""

    record: Record
    mode: str

    @property
    def sort_key(self) -> tuple[dt.datetime, str]:
        r = self.record
        return (r.published or r.embargo or r.approved_at or EPOCH, r.id)

    @property
    def updated(self) -> dt.datetime:
        if self.mode == EMBARGOED:
            return self.record.approved_at or self.record.embargo or EPOCH
        return self.record.feed_updated


@dataclass(frozen=True)
class Doc:
    """One file under feeds/: a subscription document or a monthly archive of a feed."""

    path: str
    format: str
    feed: FeedSpec
    entries: tuple[EntryRef, ...]
    tombstones: tuple[EntryRef, ...] = ()
    archive_month: str = ""
    links: dict[str, str] = field(default_factory=dict)

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
        h = hashlib.blake2b(digest_size=16)
        h.update(f"{config_key}|{self.path}|{self.format}|{self.feed}|{self.links}".encode())
        for e in self.entries:
            h.update(f"|{e.record.id}:{e.record.digest}:{e.mode}".encode())
        for t in self.tombstones:
            h.update(f"|x{t.record.id}:{t.record.retracted_at}".encode())
        return h.hexdigest()


def feed_specs(config: Config, records: list[Record]) -> list[FeedSpec]:
    """The public feed, one per category in use, one per partner (private with embargo access)."""
    specs = [FeedSpec("main", "", config.title, config.description, archives=True, json=True)]
    categories = sorted({c for r in records if r.live for c in r.categories})
    for category in categories:
        slug = slugify(category)
        specs.append(FeedSpec(f"category/{slug}", f"category/{slug}",
                              f"{config.title}: {category}",
                              f"{config.description} ({category})", categories=(category,)))
    specs.extend(_partner_spec(config, p) for p in config.partners)
    return specs


def _partner_spec(config: Config, partner: Partner) -> FeedSpec:
    """A partner's feed. One that takes every release links to the public archives (the same
    entries) instead of writing a second copy of every month."""
    folder = f"{'private' if partner.embargo_access else 'partner'}/{partner.name}"
    everything = not (partner.categories or partner.tags or partner.language)
    return FeedSpec(folder, folder, f"{config.title} untuk {partner.title}", config.description,
                    categories=partner.categories, tags=partner.tags, language=partner.language,
                    private=partner.embargo_access, archives=not everything,
                    shares_main_archives=everything)


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


def plan(config: Config, records: list[Record], now: dt.datetime) -> list[Doc]:
    """Every document to write, for every feed, at time `now`."""
    docs: list[Doc] = []
    modes = {r.id: mode_of(r, config, now) for r in records}
    for spec in feed_specs(config, records):
        accepted = [r for r in records if spec.accepts(r)]
        docs.extend(_subscription_docs(config, spec, accepted, modes, now))
    return docs


def feed_url(config: Config, path: str) -> str:
    return f"{config.feeds_base}/{path}"


def _doc_path(spec: FeedSpec, name: str) -> str:
    return f"{spec.folder}/{name}" if spec.folder else name


def _subscription_docs(config: Config, spec: FeedSpec, records: list[Record],
                       modes: dict[str, str | None], now: dt.datetime) -> list[Doc]:
    refs = []
    for r in records:
        mode = modes[r.id]
        if mode is None or (mode == EMBARGOED and not spec.private):
            continue
        refs.append(EntryRef(r, mode))
    refs.sort(key=lambda e: e.sort_key, reverse=True)
    embargoed = [e for e in refs if e.mode == EMBARGOED]
    others = [e for e in refs if e.mode != EMBARGOED][: config.feed_limit]
    entries = tuple(embargoed + others)
    tombstones = tuple(e for e in refs if e.mode == RETRACTED)
    in_archives = sum(1 for r in records if r.published and r.live)
    wants = spec.archives or spec.shares_main_archives
    months = _months(config, records) if wants and in_archives > len(others) else []
    archive_spec = FeedSpec("main", "", "", "") if spec.shares_main_archives else spec
    docs = []
    for fmt, name in (("rss", "rss.xml"), ("atom", "atom.xml")):
        links = {"self": feed_url(config, _doc_path(spec, name))}
        if months:
            links["prev-archive"] = feed_url(config, _archive_path(archive_spec, months[-1], fmt))
        docs.append(Doc(_doc_path(spec, name), fmt, spec, entries,
                        tombstones if fmt == "atom" else (), links=links))
        if months and spec.archives:
            docs.extend(_archive_docs(config, spec, records, months, fmt, links["self"]))
    if spec.json:
        path = _doc_path(spec, "feed.json")
        docs.append(Doc(path, "json", spec, entries, links={"self": feed_url(config, path)}))
    return docs


def _archive_path(spec: FeedSpec, month: str, fmt: str) -> str:
    return _doc_path(spec, f"archive/{month}.{fmt}.xml")


def month_of(when: dt.datetime, config: Config) -> str:
    return f"{when.astimezone(config.tz):%Y-%m}"


def _months(config: Config, records: list[Record]) -> list[str]:
    """The months that hold a published release, oldest first (RFC 5005 archives).

    Archives exist once a feed holds more releases than its subscription document
    carries. A month's archive is closed once a later one exists; from then on it
    changes only to carry a correction or retraction of an entry it holds.
    """
    return sorted({month_of(r.published, config) for r in records if r.published and r.live})


def _archive_docs(config: Config, spec: FeedSpec, records: list[Record], months: list[str],
                  fmt: str, current: str) -> list[Doc]:
    by_month: dict[str, list[EntryRef]] = {m: [] for m in months}
    for r in records:
        if r.published and r.live and (month := month_of(r.published, config)) in by_month:
            by_month[month].append(EntryRef(r, RETRACTED if r.status == "retracted" else LIVE))
    docs = []
    for i, month in enumerate(months):
        entries = sorted(by_month[month], key=lambda e: e.sort_key, reverse=True)
        path = _archive_path(spec, month, fmt)
        links = {"self": feed_url(config, path), "current": current}
        if i > 0:
            links["prev-archive"] = feed_url(config, _archive_path(spec, months[i - 1], fmt))
        if i + 1 < len(months):
            links["next-archive"] = feed_url(config, _archive_path(spec, months[i + 1], fmt))
        tombstones = tuple(e for e in entries if e.mode == RETRACTED) if fmt == "atom" else ()
        docs.append(Doc(path, fmt, spec, tuple(entries), tombstones, month, links))
    return docs


def next_event(config: Config, records: list[Record], now: dt.datetime) -> dt.datetime:
    """The next moment the plan changes by the clock alone (an embargo lifts, a retraction
    notice expires): until then, a run with no changed file has nothing to do."""
    moments = [now + dt.timedelta(days=366)]
    for r in records:
        if r.status == "approved" and r.embargo and r.embargo > now:
            moments.append(r.embargo)
        if r.retracted_at and r.retracted_at + retraction_window(config) > now:
            moments.append(r.retracted_at + retraction_window(config))
    return min(moments)
