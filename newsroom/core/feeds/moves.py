"""A publish run told by release rather than by feed: each release once, what happens to it
(published, corrected, retracted, held by its embargo, withdrawn from partners who held it
under embargo, added to a feed it was not in, changed, gone) and the feeds it
reaches. People read a run this way ("Rilis X → main, category/pemilu"); the per-feed
counts stay in `PublishResult.changes` for scripts.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from pathlib import Path

from ..outputs import FeedChange, Move
from ..records import Record
from .entries import (
    AGAIN,
    CORRECTION,
    EMBARGOED,
    LIFT,
    MOVED,
    RETRACTED,
    RETRACTION,
    WITHDRAWN,
    EntryRef,
    notice_id,
)
from .plan import Doc

# Per subscription document: its path, the entries it gains and those it changes (id ->
# mode, by release), and the entry ids it loses.
Touched = tuple[str, dict[str, str], dict[str, str], list[str]]
# A notice entry's id -> its release, its event and (a correction's) number.
Notices = dict[str, tuple[Record, str, int]]

# When a release moves in several ways at once (retracted in one feed, gone from another),
# the first of these names it.
# (withdrawn: partners held it under embargo, and it leaves their feeds with a notice that
# says so, EMBARGO DITARIK; not merely "gone")
ORDER = ("published", "corrected", "retracted", "held_correction", "held", "withdrawn", "added",
         "changed", "gone", "notice_gone")  # fmt: skip
HELD = frozenset({"held", "held_correction"})


def entry_states(docs: list[Doc]) -> dict[str, dict[str, str]]:
    """Each subscription document's entries (id -> what partners see of it and its state,
    `EntryRef.shown`), worked out once per release and state: most are in many documents."""
    seen: dict[tuple[str, str], str] = {}
    states: dict[str, dict[str, str]] = {}
    for doc in docs:
        if doc.archive_month:
            continue
        found = states[doc.path] = {}
        for e in doc.entries:
            state = seen.get((e.record.id, e.mode))
            if state is None:
                state = seen[e.record.id, e.mode] = f"{e.shown}:{e.mode}"
            found[e.key] = state
    return states


def compare_documents(
    docs: list[Doc],
    before: dict[str, dict[str, str]],
    entries: dict[str, dict[str, str]],
    untouched: set[str],
    feeds_dir: Path,
    records: dict[str, Record],
) -> tuple[list[FeedChange], list[Touched], Notices]:
    """What each subscription document gains, changes and loses against the last run
    (`before`: entry id -> shown:state, as the state recorded them; `entries`: now), each
    entry by the label a person knows it by (a lost one too: its id means nothing to a
    person); and whose notice each lost entry that is no release was."""
    changes: list[FeedChange] = []
    touched: list[Touched] = []
    for doc in docs:
        if doc.archive_month:
            continue
        now = entries[doc.path]
        # a file changed since the last run (restored by hand, say): read it instead
        as_left = doc.path in before and doc.path in untouched
        then = before[doc.path] if as_left else _ids_in_file(feeds_dir / doc.path, now)
        titles = {e.key: e.label for e in doc.entries}  # (a notice has an id of its own)
        change = FeedChange(doc.path)
        change.gained = [titles[i] for i in now if i not in then]
        change.changed = [titles[i] for i in now if i in then and then[i] != now[i]]
        change.lost = [i for i in then if i not in now]
        changes.append(change)
        # by release: a notice (its own entry id) tells of the release it names
        of = {e.key: (e.record.id, e.mode) for e in doc.entries}
        gained = dict(of[k] for k in now if k not in then)
        changed = dict(of[k] for k in now if k in then and then[k] != now[k])
        touched.append((doc.path, gained, changed, change.lost))
    notices = _notices_of({i for *_, lost in touched for i in lost if i not in records}, records)
    for change in changes:
        change.lost = [_label(i, records, notices) for i in change.lost]
    return changes, touched, notices


def _label(ident: str, records: dict[str, Record], notices: Notices) -> str:
    """A lost entry as a person's summary names it (as `EntryRef.label` names a gained one);
    its id when its release is gone from the newsroom."""
    if ident in notices:
        return EntryRef(*notices[ident]).label
    record = records.get(ident)
    return record.title if record is not None else ident


def _ids_in_file(path: Path, now: dict[str, str]) -> dict[str, str]:
    """With no state from an earlier run (a fresh clone), the ids the feed file already
    holds; their content is taken as unchanged, since there is nothing to compare."""
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError):
        return {}
    ids = set(re.findall(r"urn:uuid:([0-9a-fA-F-]{36})", text))
    return {i: now.get(i, "") for i in ids}


def moves_of(
    touched: Sequence[Touched],
    records: dict[str, Record],
    published: dict[str, str],
    waiting: Iterable[str],
    notices: Notices,
    numbers: dict[str, str],
) -> list[Move]:
    """`touched`: per subscription document, its path, the entries it gains and those it
    changes (id -> mode), and the ids it loses; `published`: the ids this run puts out,
    with their kind; `waiting`: approved releases whose embargo has not lifted; `notices`:
    whose notice each lost id that is no release was (`compare_documents`); `numbers`: the
    release numbers this run gives. Each move carries its release's number."""
    found: dict[str, Move] = {}
    for path, gained, changed, lost in touched:
        for ident, mode in gained.items():
            _note(found, ident, records, published.get(ident) or _kind(mode, "added"), path)
        for ident, mode in changed.items():
            _note(found, ident, records, published.get(ident) or _kind(mode, "changed"), path)
        for ident in lost:
            if ident in notices:
                _note_notice(found, ident, notices[ident], path)
            else:
                _note(found, ident, records, published.get(ident) or "gone", path)
    for ident, kind in published.items():  # published, though in no feed (a filter)
        _note(found, ident, records, kind, "")
    for ident in waiting:  # approved, embargoed: a correction waits while its published
        record = records.get(ident)  # version stays; a first one may be in no early feed
        live = record is not None and record.live
        _note(found, ident, records, "held_correction" if live else "held", "")
    for move in found.values():  # the number a person knows the release by
        record = records.get(move.id)
        given = numbers.get(move.id)
        move.release_number = given or (record.number if record is not None else "")
        if move.kind == "corrected" and record is not None:  # which correction goes out
            move.correction = len(record.corrected)
    return sorted(found.values(), key=lambda m: (ORDER.index(m.kind), m.title))


def _kind(mode: str, otherwise: str) -> str:
    """What an entry's state says happened to its release (a notice: what it tells of)."""
    kinds = {RETRACTED: "retracted", RETRACTION: "retracted", EMBARGOED: "held",
             MOVED: "held", AGAIN: "held", CORRECTION: "corrected",
             WITHDRAWN: "withdrawn"}  # fmt: skip
    return kinds.get(mode, otherwise)


def _note(
    found: dict[str, Move], ident: str, records: dict[str, Record], kind: str, path: str
) -> None:
    record = records.get(ident)
    move = found.get(ident)
    if move is None:
        title = record.title if record is not None else ident
        move = found[ident] = Move(ident, title, kind, [])
    elif ORDER.index(kind) < ORDER.index(move.kind):
        move.kind = kind
    if move.kind in HELD and record is not None:
        move.until = record.embargo
    if path and path not in move.feeds:
        move.feeds.append(path)


def _notices_of(ids: set[str], records: dict[str, Record]) -> Notices:
    """Whose notice each of `ids` (entries a feed lost that are no release) was, and which:
    (release, event, correction number). A notice's id is made from its release's and never
    read back, so it is made again for each release that can have had one (corrected,
    retracted or embargoed): only in a run that lost such an id."""
    if not ids:
        return {}
    found: Notices = {}
    for record in records.values():
        if not (record.corrected or record.retracted_at or record.embargo or record.embargo_moves
                or record.embargo_withdrawn):  # fmt: skip
            continue
        events = [(CORRECTION, n) for n in range(1, len(record.corrected) + 1)]
        events += [(MOVED, n) for n in range(1, len(record.embargo_moves) + 1)]
        events += [(WITHDRAWN, n) for n in range(1, len(record.embargo_withdrawn) + 1)]
        events += [(AGAIN, n) for n, _, _ in record.embargo_again]
        for mode, number in [*events, (RETRACTION, 0), (LIFT, 0)]:
            key = notice_id(record.id, mode, number)
            if key in ids:
                found[key] = (record, mode, number)
    return found


def _note_notice(
    found: dict[str, Move], ident: str, notice: tuple[Record, str, int], path: str
) -> None:
    """A notice item that left a feed, under its release's title and number (its own id
    means nothing to a person)."""
    record, mode, number = notice
    move = found.get(ident)
    if move is None:
        move = found[ident] = Move(record.id, record.title, "notice_gone", [], notice=mode,
                                   correction=number)  # fmt: skip
    if path not in move.feeds:
        move.feeds.append(path)
