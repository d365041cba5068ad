"""What the feeds output keeps between runs of what partners hold under embargo: the
withdrawals its private feeds told of (`told`: the embargo again after one is told only
then, plan.Told), and the releases they show under embargo (`held`).

A release partners hold under embargo whose file went away (removed by hand, `git rm`)
before it went out is withdrawn too: its file is gone, so nothing in `articles/` says what
partners hold. The feeds output keeps, in its state, what it needs of each release its
private feeds show under embargo (`held`: title, link, language, number, categories,
tags, lift, its withdrawals), and of each whose withdrawal they tell; a release held in
the last run that no file holds now is withdrawn (`gone`, from that run on): its
withdrawals' `EMBARGO DITARIK` notices (the one told before, and a new one, numbered
after it, when it was held under embargo) stay in the private feeds that took it for
`retraction_days`, made from what was kept (a *ghost* record and its content, never its
text). A file that comes back ends its ghost.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from typing import Any

from ..cache import Cache
from ..records import Record
from .content import Rendered
from .entries import EMBARGOED, WITHDRAWN, Doc
from .plan import Told, told_withdrawals

Kept = dict[str, dict[str, Any]]  # release id -> what is kept of it (JSON)
GONE = "gone"  # a ghost's status: no status a file can have


def held_now(docs: Iterable[Doc], cache: Cache, last: Kept) -> Kept:
    """What is kept of each release the private subscription documents show under embargo
    now, or tell the withdrawal of: from the last run's when its file did not change, else
    from its cached content."""
    records: dict[str, tuple[Record, bool]] = {}
    for doc in docs:
        if not doc.feed.private or doc.archive_month:
            continue
        for e in doc.entries:
            if e.record.status == GONE:  # (a ghost: kept as gone, not as held)
                continue
            if e.mode == EMBARGOED and e.record.embargo is not None:
                records[e.record.id] = (e.record, True)
            elif e.mode == WITHDRAWN and e.record.id not in records:
                records[e.record.id] = (e.record, False)
    kept: Kept = {}
    wanted = {}
    for ident, (r, embargoed) in records.items():
        before = last.get(ident)
        if before is not None and (before["digest"], before["embargoed"]) == (r.digest, embargoed):
            kept[ident] = before
        else:
            wanted[ident] = r.digest
    content = cache.rendered(wanted) if wanted else {}
    for ident in wanted:
        (r, embargoed), c = records[ident], content.get(ident)
        if c is None:  # (not rendered: what was kept before, if anything)
            if ident in last:
                kept[ident] = last[ident]
            continue
        withdrawn = [[at.isoformat(), lift.isoformat()] for at, lift in r.embargo_withdrawn]
        lift = r.embargo if embargoed else r.embargo_withdrawn[-1][1]
        kept[ident] = {"digest": r.digest, "embargoed": embargoed, "title": c.title,
                       "link": c.link, "language": c.language, "number": c.release_number,
                       "categories": list(r.categories), "tags": list(r.tags),
                       "lift": lift.isoformat() if lift else "",
                       "withdrawn": withdrawn}  # fmt: skip
    return kept


def gone_now(
    held: Kept,
    gone: Kept,
    records: dict[str, Record],
    now: dt.datetime,
    cutoff: dt.datetime,
    held_back: frozenset[str] = frozenset(),
) -> Kept:
    """The releases held under embargo or withdrawn (in the last run), or gone before (a
    withdrawal since `cutoff`), that no file holds now: one held under embargo withdrawn
    when the feeds found its file gone, the withdrawals partners were told of kept. One
    `held_back` (its file there, refused by this run: a seal broken) is not gone: it may
    come back as it was, and an importer that only adds items would keep the withdrawal."""
    found: Kept = {}
    for ident, kept in gone.items():
        last = kept["withdrawn"][-1][0] if kept["withdrawn"] else ""
        if ident not in records and last and dt.datetime.fromisoformat(last) > cutoff:
            found[ident] = kept
    for ident, kept in held.items():
        if ident not in records and ident not in found and ident not in held_back:
            withdrawn = list(kept["withdrawn"])
            if kept["embargoed"] and kept["lift"]:
                withdrawn.append([now.astimezone(dt.UTC).isoformat(), kept["lift"]])
            found[ident] = {**kept, "withdrawn": withdrawn}
    return found


def ghost(ident: str, kept: dict[str, Any]) -> Record:
    """The record of a release whose file is gone, as its withdrawals' notices need it."""
    withdrawn = tuple((dt.datetime.fromisoformat(at), dt.datetime.fromisoformat(lift))
                      for at, lift in kept["withdrawn"])  # fmt: skip
    return Record(path="", id=ident, slug="", title=str(kept["title"]), status=GONE,
                  language=str(kept["language"]), categories=tuple(kept["categories"]),
                  tags=tuple(kept["tags"]), published=None, updated=None, embargo=None,
                  approved_at=None, retracted_at=None, live=False,
                  digest=f"gone:{len(withdrawn)}", month="", dateline="", author="",
                  edited=None, last_editor="", number=str(kept.get("number", "")),
                  embargo_withdrawn=withdrawn)  # fmt: skip


def ghost_content(record: Record, kept: dict[str, Any]) -> Rendered:
    """What a ghost's notice says of its release: its title, link, language and number."""
    return Rendered(record.id, record.title, str(kept["link"]), "", "", "", record.language,
                    record.categories, record.tags, None, "", "", (),
                    release_number=record.number)  # fmt: skip


def told_before(last: dict[str, Any]) -> Told:
    """The withdrawals the private feeds told of up to the last run (plan.Told), kept as
    "told"; None from a state from before they were kept."""
    if "told" not in last:
        return None
    return {i: frozenset(numbers) for i, numbers in last["told"].items()}


def told_kept(
    told: Told, docs: list[Doc], records: dict[str, Record], cutoff: dt.datetime
) -> dict[str, list[int]]:
    """What the next run takes as told: the withdrawals told before and in this run's
    private documents, of the releases not out, or out since `cutoff` (as `lifts_kept`)."""
    merged = {i: set(numbers) for i, numbers in (told or {}).items()}
    for ident, numbers in told_withdrawals(docs).items():
        merged.setdefault(ident, set()).update(numbers)
    kept = {}
    for ident, numbers in merged.items():
        r = records.get(ident)
        if r is not None and (r.published is None or r.published > cutoff):
            kept[ident] = sorted(numbers)
    return kept
