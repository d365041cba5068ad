"""A publish run told by release rather than by feed: each release once, what happens to it
(published, corrected, retracted, held by its embargo, added to a feed it was not in,
changed, gone) and the feeds it
reaches. People read a run this way ("Rilis X → main, category/pemilu"); the per-feed
counts stay in `PublishResult.changes` for scripts.
"""

from __future__ import annotations

from collections.abc import Iterable

from .feeds.entries import CORRECTION, EMBARGOED, RETRACTED, RETRACTION
from .index import Record
from .publish_state import Move

# When a release moves in several ways at once (retracted in one feed, gone from another),
# the first of these names it.
ORDER = ("published", "corrected", "retracted", "held", "added", "changed", "gone")


def moves_of(
    touched: Iterable[tuple[str, dict[str, str], dict[str, str], list[str]]],
    records: dict[str, Record],
    published: dict[str, str],
) -> list[Move]:
    """`touched`: per subscription document, its path, the entries it gains and those it
    changes (id -> mode), and the ids it loses; `published`: the ids this run puts out,
    with their kind."""
    found: dict[str, Move] = {}
    for path, gained, changed, lost in touched:
        for ident, mode in gained.items():
            _note(found, ident, records, published.get(ident) or _kind(mode, "added"), path)
        for ident, mode in changed.items():
            _note(found, ident, records, published.get(ident) or _kind(mode, "changed"), path)
        for ident in lost:
            _note(found, ident, records, published.get(ident) or "gone", path)
    for ident, kind in published.items():  # published, though in no feed (a filter)
        _note(found, ident, records, kind, "")
    return sorted(found.values(), key=lambda m: (ORDER.index(m.kind), m.title))


def _kind(mode: str, otherwise: str) -> str:
    """What an entry's state says happened to its release (a notice: what it tells of)."""
    kinds = {RETRACTED: "retracted", RETRACTION: "retracted", EMBARGOED: "held",
             CORRECTION: "corrected"}  # fmt: skip
    return kinds.get(mode, otherwise)


def _note(
    found: dict[str, Move], ident: str, records: dict[str, Record], kind: str, path: str
) -> None:
    record = records.get(ident)
    move = found.get(ident)
    if move is None:
        title = record.title if record is not None else ident
        until = record.embargo if record is not None and kind == "held" else None
        move = found[ident] = Move(ident, title, kind, [], until)
    elif ORDER.index(kind) < ORDER.index(move.kind):
        move.kind = kind
    if path and path not in move.feeds:
        move.feeds.append(path)
