"""The desk: the releases as editors see them, by status view, filtered live and sorted.

Pure data over the cached index, so the TUI stays thin and fast: a filter is a
substring test (C speed) over each release's lower-cased text, and typing more only
searches the releases the last keystroke found.
"""

from __future__ import annotations

import pickle
from array import array
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from typing import NamedTuple

from .cache import Cache
from .config import Config
from .errors import Problem
from .index import Index, paused_collector, refresh
from .listing import newest_first
from .model import Status
from .records import Record
from .scan import scan

# The desk's views: all, those waiting for my review, then one per status.
VIEWS = ("all", "mine", *(s for s in Status if s is not Status.RETRACTED), Status.RETRACTED)
SORTS = ("updated", "title", "status")
INDEX_MIN = 3  # filter words this long or longer are looked up in the word index
INDEX_PARTS = 4  # the word index is built in this many parts (results flow back per part)
WORDS_BLOB = "desk-words"  # the cache entry keeping the word index between starts
STATUS_ORDER = {s: i for i, s in enumerate(VIEWS[2:])}


@dataclass(frozen=True)
class Broken:
    """A file that does not load, shown on the desk so someone fixes it."""

    problem: Problem

    @property
    def path(self) -> str:
        return str(self.problem.path)


Row = Record | Broken


def waiting_for(record: Record, actor: str, config: Config) -> bool:
    """In review, and this person may approve it (four eyes, workflow.py): theirs to review."""
    from .rules import may_review

    return record.status == Status.IN_REVIEW and may_review(config, record.last_editor, actor)


def shown_in(record: Record) -> tuple[str, ...]:
    """The status views that show a release (the desk's tabs and their counts: one rule).
    A release shows in its status's view. A published release whose correction is under
    way is still published and is being corrected: it shows in `published` and
    `correcting`, from the correction's first word until it goes out (in review, sent back
    or approved, it shows in that status's view too: there its reviewer looks for it)."""
    status = record.status
    if status == Status.CORRECTING:
        return _STILL_OUT
    if record.correction:  # in review, sent back or approved: a correction, not a release
        return (status, *_STILL_OUT)
    return (status,)


_STILL_OUT = (Status.PUBLISHED, Status.CORRECTING)


class Desk:
    """Every release, newest change first, with a lower-cased search text per release."""

    def __init__(
        self,
        config: Config,
        records: Iterable[Record],
        texts: dict[str, str],
        problems: Iterable[Problem] = (),
    ) -> None:
        self.config = config
        self.records = newest_first(list(records))  # the order of `newsroom list` too
        self.broken = [Broken(p) for p in problems]
        self.texts = [texts.get(r.path) or _made_up(r) for r in self.records]
        self._counts: dict[str, dict[str, int]] = {}
        self.reading: tuple[int, int] | None = None  # (files read, to read) while loading
        self._memo: _Search | None = None
        self._index: WordIndex | None = None  # see build_index
        self._position: list[int] | None = None  # index number -> row (None: the same)
        self._unindexed: list[int] = []  # rows the index does not cover
        self._vocabulary: list[str] = []

    def counts(self, actor: str) -> dict[str, int]:
        """How many releases each view shows (computed once per desk and person)."""
        if actor not in self._counts:
            counts = dict.fromkeys(VIEWS, 0)
            counts["all"] = len(self.records) + len(self.broken)
            for r in self.records:
                for view in shown_in(r):
                    counts[view] = counts.get(view, 0) + 1
                if waiting_for(r, actor, self.config):
                    counts["mine"] += 1
            self._counts[actor] = counts
        return self._counts[actor]

    def select(self, view: str, query: str, actor: str, sort: str = "updated") -> list[Row]:
        """The rows of a view whose text holds every word of the query, in the chosen order."""
        hits = self._search(query)
        records = self.records if hits is None else [self.records[i] for i in hits]
        chosen: list[Row]
        if view == "all":
            chosen = list(records)
        elif view == "mine":
            chosen = [r for r in records if waiting_for(r, actor, self.config)]
        else:
            chosen = [r for r in records if view in shown_in(r)]
        if sort == "title":
            chosen.sort(key=lambda r: r.title.casefold() if isinstance(r, Record) else "")
        elif sort == "status":
            chosen.sort(
                key=lambda r: STATUS_ORDER.get(r.status, 99) if isinstance(r, Record) else -1
            )
        if view == "all":
            words = query.lower().split()
            broken: list[Row] = [
                b for b in self.broken if all(w in str(b.problem).lower() for w in words)
            ]
            chosen = broken + chosen
        return chosen

    def _search(self, query: str) -> list[int] | None:
        """Indexes (newest first) of releases holding every word; None when there is no query.

        Typing narrows: when the new words refine the last search's (each old word inside
        the new one at its place, maybe more words), only the last hits are searched, and
        only for the words that changed. The last word's first place in each hit is kept:
        when it grows at its end ("peme" -> "pemer"), its search in a text starts there.
        """
        words = tuple(query.lower().split())
        if not words:
            return None
        texts, memo, last = self.texts, self._memo, len(words) - 1
        starts: list[int] | None = None
        if memo is not None and _refines(memo.words, words):
            hits = memo.hits
            changed = [k for k, w in enumerate(words) if k >= len(memo.words) or w != memo.words[k]]
            if not changed:
                return hits
            grows = words[last].startswith(memo.words[-1])
            if changed == [last] == [len(memo.words) - 1] and grows:
                starts = memo.starts
        else:
            hits, changed = list(range(len(texts))), list(range(len(words)))
        for k in changed:  # one word at a time: no generator per release
            word = words[k]
            holding = self._holding(word)
            if holding is not None:
                hits = [i for i in hits if i in holding]
                starts = None
            elif k < last:
                hits = [i for i in hits if word in texts[i]]
            else:
                where = [
                    texts[i].find(word, s)
                    for i, s in zip(hits, starts or [0] * len(hits), strict=True)
                ]
                hits = [i for i, at in zip(hits, where, strict=True) if at >= 0]
                starts = [at for at in where if at >= 0]
        self._memo = _Search(words, hits, starts if changed[-1] == last else None)
        return hits

    def build_index(self) -> WordIndex:
        """Index the distinct words of every release and use the index from now on.

        A filter word of INDEX_MIN letters or more then finds the indexed words holding it
        (a few thousand) instead of scanning every text. Exact: a filter word has no space,
        so where it occurs in a text it occurs inside one of the text's words.

        The work (seconds of CPU at 10,000 releases) runs in another process (parallel.py:
        forked from the main thread, spawned with the texts from any other), so the desk's
        thread keeps the interpreter while it runs; the index comes back as compact arrays.
        Keep it with `save_word_index`: the next start adopts it.
        """
        from .parallel import pmap

        n = len(self.texts)
        step = max(1, -(-n // INDEX_PARTS))
        parts = [(start, min(start + step, n)) for start in range(0, n, step)]
        postings: dict[str, array[int]] = {}
        for part in pmap(_postings_of, WordJob(tuple(self.texts)), parts, weight=n, workers=1):
            for token, found in part.items():  # parts come in order: ids stay ascending
                if token in postings:
                    postings[token].extend(found)
                else:
                    postings[token] = found
        paths, digests = [r.path for r in self.records], [r.digest for r in self.records]
        index = WordIndex(paths, digests, postings)
        self.adopt_index(index)
        return index

    def adopt_index(self, index: WordIndex) -> None:
        """Use a word index built earlier (by this desk, or kept from the last start).

        Releases changed or added since it was built are searched by scanning their texts
        (`index_stale` says when they are many enough to build it again)."""
        here = {r.path: i for i, r in enumerate(self.records)}
        position = []
        for path, digest in zip(index.paths, index.digests, strict=True):
            at = here.get(path, -1)
            position.append(at if at >= 0 and self.records[at].digest == digest else -1)
        covered = set(position)
        self._unindexed = [i for i in range(len(self.records)) if i not in covered]
        self._position = None if position == list(range(len(self.records))) else position
        self._vocabulary = list(index.postings)
        self._index = index  # last: a search on the UI thread sees all of it or none

    @property
    def indexed(self) -> bool:
        """True once a word index is in use (built, or adopted from the last start)."""
        return self._index is not None

    @property
    def index_stale(self) -> bool:
        """No index, or one that misses many releases (changed or added since it was built)."""
        return self._index is None or len(self._unindexed) > max(50, len(self.records) // 20)

    def _holding(self, word: str) -> set[int] | None:
        """The releases holding `word`, from the index (None: no index yet, or a short word,
        which a scan finds as fast since it occurs early in most texts)."""
        index = self._index
        if index is None or len(word) < INDEX_MIN:
            return None
        position = self._position
        found: set[int] = set()
        for token in [t for t in self._vocabulary if word in t]:
            numbers = index.postings[token]
            found.update(numbers if position is None else (position[n] for n in numbers))
        found.discard(-1)
        texts = self.texts
        found.update(i for i in self._unindexed if word in texts[i])
        return found


class WordIndex(NamedTuple):
    """The distinct words of each release, numbered as the desk listed them when built."""

    paths: list[str]
    digests: list[str]  # the file's digest: a release changed since is not covered
    postings: dict[str, array[int]]  # word -> numbers of the releases holding it


class _Search(NamedTuple):
    """The last search: its words, its hits, and where its last word first occurs in each."""

    words: tuple[str, ...]
    hits: list[int]
    starts: list[int] | None  # None: not known (the word was looked up in the index)


def _made_up(record: Record) -> str:
    """A release's search text when the cache has none: its title and tags."""
    return f"{record.title}\n{' '.join(record.tags)}".lower()


@dataclass(frozen=True)
class WordJob:
    """What indexing the desk's words needs: every release's search text, in desk order."""

    texts: tuple[str, ...]


def _postings_of(job: WordJob, part: tuple[int, int]) -> dict[str, array[int]]:
    """The releases (by row) holding each word, for rows start..end (in a worker)."""
    texts = job.texts
    found: dict[str, array[int]] = {}
    for i in range(*part):
        for token in set(texts[i].split()):
            ids = found.get(token)
            if ids is None:
                found[token] = array("I", (i,))
            else:
                ids.append(i)
    return found


def _load_words(data: bytes | None) -> WordIndex | None:
    """A kept word index, or None when there is none or it cannot be read (then rebuilt)."""
    if data is None:
        return None
    try:
        paths, digests, postings = pickle.loads(data)
        return WordIndex(paths, digests, postings)
    except Exception:
        return None


def save_word_index(config: Config, cache_key: str, index: WordIndex) -> None:
    """Keep a desk's word index in the cache, for the next start to adopt."""
    cache = Cache(config, cache_key)
    try:
        cache.put_blob(WORDS_BLOB, pickle.dumps(tuple(index), pickle.HIGHEST_PROTOCOL))
    finally:
        cache.close()


def _refines(old: tuple[str, ...], new: tuple[str, ...]) -> bool:
    return len(new) >= len(old) and all(o in n for o, n in zip(old, new, strict=False))


def open_desk(
    config: Config, cache_key: str, partial: Callable[[Desk], None] | None = None
) -> Desk:
    """The desk from the cached index, reading only files changed since it was cached.

    A long read (the first on a newsroom nobody has opened or published) calls
    `partial` every fraction of a second with the desk so far (`Desk.reading` set), so
    the editor sees releases at once instead of a blank screen.
    """
    cache = Cache(config, cache_key)
    try:
        cached: list[dict[str, str]] = []  # the texts of files read before, read once

        def show(index: Index, texts: dict[str, str], total: int) -> None:
            if partial is not None:
                if not cached:
                    cached.append(cache.texts())
                desk = Desk(config, index.records.values(), {**cached[0], **texts}, index.problems)
                desk.reading = (index.parsed, total)
                partial(desk)

        index = refresh(config, cache, scan(config), partial=show)
        with paused_collector():
            texts = cache.texts()
            desk = Desk(config, index.records.values(), texts, index.problems)
            words = _load_words(cache.blob(WORDS_BLOB))
            if words is not None:
                desk.adopt_index(words)
    finally:
        cache.close()
    return desk
