"""What a feed plan is made of: feeds, entries (a release in a state, or a notice of an
event on one) and documents, with the names and links they are written under.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import uuid
from dataclasses import dataclass, field
from typing import NamedTuple

from ..config import Config
from ..records import Record

LIVE, EMBARGOED, RETRACTED = "live", "embargoed", "retracted"
# Notice items: an event on a release, announced in an entry of its own (own id and link).
CORRECTION, RETRACTION, LIFT = "correction", "retraction", "embargo_lifted"
MOVED = "embargo_moved"  # its embargo moved (`number`: which move, 1 for the first)
# the release partners held under embargo was withdrawn before its lift, unpublished (sent
# back for changes, its embargo taken away without it going out); `number`: which time
WITHDRAWN = "embargo_withdrawn"
# after a withdrawal partners were told of, the release held under embargo again (sent
# back, approved again); `number`: the withdrawal's. A new item: an importer that only adds
# items would otherwise keep the withdrawal as the last word on it
AGAIN = "embargo_again"
NOTICES = frozenset((CORRECTION, RETRACTION, LIFT, MOVED, WITHDRAWN, AGAIN))
PRIVATE_NOTICES = frozenset((LIFT, MOVED, WITHDRAWN, AGAIN))  # of the embargo: private feeds
# Notice ids are uuid5 in this namespace: fixed forever, or partners would see them anew.
NOTICE_NAMESPACE = uuid.UUID("b5d3a0de-5c1e-4e8a-9d6b-6e6f74696365")
FORMATS = ("rss", "atom", "json")
NAMES = {"rss": "rss.xml", "atom": "atom.xml", "json": "feed.json"}
ARCHIVE_SUFFIXES = {"rss": ".rss.xml", "atom": ".atom.xml", "json": ".json"}
EPOCH = dt.datetime(1970, 1, 1, tzinfo=dt.UTC)


class FeedSpec(NamedTuple):
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

    def told(self, record: Record) -> bool:
        """Whether this feed carries the notices of a release: it is in it, or was until a
        correction took it out (its readers must learn of that correction)."""
        if self.accepts(record):
            return True
        if not (record.left_categories or record.left_tags):
            return False
        was = record._replace(categories=record.categories + record.left_categories,
                              tags=record.tags + record.left_tags)  # fmt: skip
        return self.accepts(was)

    def carries(self, record: Record, cutoff: dt.datetime) -> bool:
        """Whether a subscription carries the release now: it takes it, or a correction
        since `cutoff` took it out (its notice is still in the feed: plan._special); the
        partners' ninjs indexes carry the corrected version so (ninjs/output.py)."""
        if self.accepts(record):
            return True
        corrected = record.corrected
        return bool(corrected) and corrected[-1] > cutoff and self.told(record)


class EntryRef(NamedTuple):
    """An entry of a document: a record in a state (live, embargoed or retracted), or a
    notice of an event on it (CORRECTION `number`, RETRACTION, LIFT, MOVED `number`,
    WITHDRAWN `number`, AGAIN `number`: after that withdrawal).

    A tuple, not a dataclass: a plan makes one per release and state and shares it among
    every document that carries it (tens of thousands per run)."""

    record: Record
    mode: str
    number: int = 0  # the correction a CORRECTION notice announces (1: the first), a MOVED one
    moment: dt.datetime | None = None  # when a notice is dated (the planner picks it)

    @property
    def updated(self) -> dt.datetime:
        if self.mode == EMBARGOED:  # its approval, or the latest move of its embargo
            r = self.record
            approved = r.approved_at or r.embargo or EPOCH
            return max(approved, r.embargo_moves[-1][0]) if r.embargo_moves else approved
        if self.mode in NOTICES:
            return self.moment or notice_event(self.record, self.mode, self.number)
        return self.record.feed_updated

    @property
    def key(self) -> str:
        """The entry's id (after `urn:uuid:`): the release's own, or its notice's."""
        if self.mode in NOTICES:
            return notice_id(self.record.id, self.mode, self.number)
        return self.record.id

    @property
    def shown(self) -> str:
        """What partners see of the entry, as it moves: a published release's changes only
        when publish puts a version out (`updated`: the first, then each correction) or
        its retraction, an embargoed one's with its approval or its lift time. The other
        changes to its file (a correction started, a comment) show them nothing: the
        ledger and the seal refuse any other change of what they were shown."""
        r = self.record
        if self.mode == EMBARGOED:
            return f"{r.approved_at}|{r.embargo}"
        return f"{r.published}|{r.updated}|{r.retracted_at}"

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


def notice_event(record: Record, mode: str, number: int) -> dt.datetime:
    """When the correction, retraction, lift, move or withdrawal of the embargo a notice
    tells of happened."""
    if mode == CORRECTION:
        return record.corrected[number - 1]
    if mode == MOVED:
        return record.embargo_moves[number - 1][0]
    if mode == WITHDRAWN:
        return record.embargo_withdrawn[number - 1][0]
    if mode == AGAIN:
        return again_of(record, number)[0]
    if mode == RETRACTION:
        return record.retracted_at or EPOCH
    return record.published or EPOCH


def again_of(record: Record, number: int) -> tuple[dt.datetime, dt.datetime]:
    """When the release was held under embargo again after its withdrawal `number`, and the
    lift it was held under then (records.embargo_again)."""
    return next((at, lift) for n, at, lift in record.embargo_again if n == number)


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
    hubs: tuple[str, ...] = ()  # the WebSub hubs it advertises (public subscription documents)

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
        text += f"|{self.hubs}" if self.hubs else ""
        return hashlib.blake2b(text.encode(), digest_size=16).hexdigest()


def content_digest(entries: tuple[EntryRef, ...], tombstones: tuple[EntryRef, ...]) -> str:
    """A digest of a document's entries (id, content digest, state) and tombstones."""
    # (a notice's moment sets it apart from its release and its other notices; the usual
    # entry has none, and "" is quick to format: ten thousand entries a run)
    parts = [f"{e.record.id}:{e.record.digest}:{e.mode}{e.moment or ''}" for e in entries]
    parts += [f"x{t.record.id}:{t.record.retracted_at}" for t in tombstones]
    return hashlib.blake2b("|".join(parts).encode(), digest_size=16).hexdigest()


def feed_url(config: Config, path: str) -> str:
    return f"{config.feeds_base}/{path}"


def doc_path(spec: FeedSpec, name: str) -> str:
    return f"{spec.folder}/{name}" if spec.folder else name


def hub_topic(path: str) -> bool:
    """Whether the document at `path` (under feeds/) is a public subscription document:
    the documents that advertise the WebSub hubs, and the ones publish tells the hubs of
    when they change. Never a private (embargo) feed, never an archive page (whose names
    are the month's: `archive/2026-06.rss.xml`)."""
    folder, _, name = path.rpartition("/")
    return name in _SUBSCRIPTION_NAMES and not (folder + "/").startswith("private/")


_SUBSCRIPTION_NAMES = frozenset(NAMES.values())
