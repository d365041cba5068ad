"""What a release owes the lists: one event per version publish put out, and who gets it.

An event is a first publication (version 1), a correction (version 2, 3, ...), the
retraction, or, while an embargo holds, version 1 early for the lists with embargo
access. Each has a stable key, and a `thread`: the version it is, so an address that got
version 1 under embargo is not sent version 1 again at the lift. An embargo moved after
the embargo lists had the release is an event too (`MOVED`): those who had it are told the
new time, in a reply to the release (a journalist must never break the new embargo by
keeping the old one); a release sent back for changes before its lift (`WITHDRAWN`) is
told to them too: not to publish it (a new approval is sent to them afresh). Which lists
take a
release is the feeds' rule (a partner's filters, `embargo_access`), asked, not rewritten.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from ..config import Config
from ..config_mail import MailList
from ..feeds.entries import FeedSpec
from ..feeds.plan import EMBARGOED, mode_of
from ..model import Status
from ..records import Record

PUBLISHED, CORRECTED, RETRACTED, EMBARGO = "published", "corrected", "retracted", "embargoed"
MOVED, WITHDRAWN = "embargo_moved", "embargo_withdrawn"


@dataclass(frozen=True)
class Event:
    key: str  # "<id>/1", "<id>/2", "<id>/dicabut", "<id>/1/embargo@<lift>.<approval>"
    release: str
    version: int  # 1 the first publication, n + 1 the n-th correction; the retraction after
    kind: str
    thread: str  # what an address receives once: "<id>/<version>" ("<id>/dicabut")
    moment: dt.datetime | None  # when it went out (the embargo's lift for EMBARGO)


def events_of(record: Record, config: Config, now: dt.datetime) -> list[Event]:
    """Every event a release has had so far, oldest first."""
    ident = record.id
    found: list[Event] = []
    if record.published is not None:
        found.append(Event(f"{ident}/1", ident, 1, PUBLISHED, f"{ident}/1", record.published))
        for n, at in enumerate(record.corrected, 2):
            found.append(Event(f"{ident}/{n}", ident, n, CORRECTED, f"{ident}/{n}", at))
        if record.status == Status.RETRACTED:
            last = len(record.corrected) + 2
            key = f"{ident}/dicabut"
            found.append(Event(key, ident, last, RETRACTED, key, record.retracted_at))
    elif mode_of(record, config, now) == EMBARGOED and record.embargo is not None:
        approved = int(record.approved_at.timestamp()) if record.approved_at else 0
        key = f"{ident}/1/embargo@{int(record.embargo.timestamp())}.{approved}"
        found.append(Event(key, ident, 1, EMBARGO, f"{ident}/1", record.embargo))
    return found


def moved(event: Event) -> Event:
    """An embargo event for a release whose embargo lists already had it under another
    lift or approval: the notice of the new time, an address receiving it once."""
    lift = event.key.rpartition("@")[2]
    return Event(event.key, event.release, 1, MOVED, f"{event.release}/embargo@{lift}",
                 event.moment)  # fmt: skip


def audience(mail_list: MailList, home: str) -> FeedSpec:
    """The list as the feeds' rule sees a partner's feed: its filters and embargo access;
    without a language of its own, the newsroom's (`home`): a translation goes to the
    lists of its language, never doubling a story for the others (feeds/plan.py)."""
    return FeedSpec(
        f"list/{mail_list.name}", "", mail_list.title, "", categories=mail_list.categories,
        tags=mail_list.tags, language=mail_list.language or home,
        private=mail_list.embargo_access,
    )  # fmt: skip


def lists_for(event: Event, record: Record, config: Config) -> list[MailList]:
    """The lists that take `event`: those whose filters accept the release; before the lift
    only those with embargo access (as a private feed)."""
    taken = []
    for mail_list in config.lists:
        spec = audience(mail_list, config.language)
        if event.kind == EMBARGO and not spec.private:
            continue
        if spec.accepts(record):
            taken.append(mail_list)
    return taken


def withdrawn(release: str, last: str) -> Event:
    """The release the embargo lists had under embargo (`last`: that event's key) is no
    longer approved: the notice not to publish it."""
    key = f"{release}/withdrawn@{last.rpartition('@')[2]}"
    return Event(key, release, 1, WITHDRAWN, key, None)
