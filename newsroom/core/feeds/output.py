"""The feeds as an output of publish: RSS, Atom and JSON Feed documents under feeds/.

From the run's plan it decides which documents exist and what each holds (plan.py),
rebuilds only the documents whose content moved (their signature), writes only files
whose bytes changed, and answers the dry run by feed and by release (moves.py). The
documents are built on the machine's cores (parallel.py): each worker reads the content
of the releases it needs from the cache, so no process holds every release's content.
"""

from __future__ import annotations

import datetime as dt
import os
from collections.abc import Iterable
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import TYPE_CHECKING, Any

from ..atomic import holds, remove_stale_temporaries, stage
from ..cache import Cache
from ..config import Config
from ..outputs import Output, Plan, PublishResult, Refusal, Stage, Staged, Written, is_private
from ..parallel import PARALLEL_MIN, Spare, pmap, pmap_beside, workers_for
from ..records import Record
from .content import Rendered, render_article
from .held import Kept, ghost, ghost_content, gone_now, held_now, told_before, told_kept
from .plan import Doc, Shown, Told, next_event, plan, retraction_window, shown_lifts

if TYPE_CHECKING:
    from .writers import Built

RECENT_MAX = 600  # releases whose content a worker keeps between documents
DRY_BUILD = 200  # a dry run builds at most this many documents to compare their bytes


class FeedsOutput(Output):
    """Every feed document of the newsroom (see the module docstring)."""

    name = "feeds"
    stage = Stage.FILES
    spare = (__name__, f"{__package__}.writers")  # (writers: feedgen and lxml)
    renderer = staticmethod(render_article)  # what partners see, for the content cache

    def __init__(self, config: Config) -> None:
        super().__init__(config)
        self.docs: list[Doc] = []
        self.signatures: dict[str, str] = {}  # by document path
        self.untouched: set[str] = set()  # documents found as the last run left them
        self.entries: dict[str, dict[str, str]] = {}  # subscription doc -> entry -> shown:state
        self.last: dict[str, Any] = {}
        self.todo: list[Doc] = []
        self.plan_: Plan | None = None
        self.builder: Spare | None = None  # the spare building this run's documents
        self.there: list[Doc] = []  # the documents the spare builds
        self.job: WriteJob | None = None
        self.unchecked = False  # a dry run named documents without building them
        self.lifts: dict[str, list[str]] = {}  # the lifts private feeds showed, kept
        self.told: dict[str, list[int]] = {}  # the withdrawals they told of, kept
        self.held: Kept = {}  # the releases they show under embargo (held.py)
        self.gone: Kept = {}  # and those of them whose file went away, withdrawn
        self.ghosts: dict[str, Record] = {}  # the records of those

    def plan(self, plan: Plan, last: dict[str, Any]) -> None:
        self.plan_, self.last = plan, last
        if not plan.dry_run:  # what goes out now, rendered before any document needs it
            for going in plan.going_live:
                content = render_article(going.article, self.config)
                plan.cache.store_rendered(going.record.id, going.record.digest, content)
        shown, told = shown_before(last), told_before(last)
        cutoff = plan.now - retraction_window(self.config)
        held = last.get("held", {})
        self.gone = gone_now(held, last.get("gone", {}), plan.records, plan.now, cutoff,
                             plan.held_back)  # fmt: skip
        self.ghosts = {i: ghost(i, kept) for i, kept in self.gone.items()}
        self.docs = plan_docs(self.config, plan.records, plan.now, shown, told,
                              tuple(self.ghosts.values()))  # fmt: skip
        self.held = held_now(self.docs, plan.cache, held)
        self.held |= {i: k for i, k in held.items() if i in plan.held_back}  # (kept for later)
        self.lifts = lifts_kept(shown, self.docs, plan.records, cutoff)
        self.told = told_kept(told, self.docs, plan.records, cutoff)
        self.signatures = {d.path: d.signature(plan.cache_key) for d in self.docs}
        files = last.get("files", {})
        if last.get("look", True):  # one stat a document (768 at 10,000 releases)
            self.untouched = {d.path for d in self.docs if _intact(self.config, d.path, files)}
        else:  # a run started by changed articles takes them as the last run left them
            self.untouched = {d.path for d in self.docs if d.path in files}
        from .moves import entry_states

        self.entries = entry_states(self.docs)
        same = last.get("key") == plan.cache_key
        old = last.get("docs", {}) if same else {}
        self.todo = [
            d for d in self.docs if old.get(d.path) != self.signatures[d.path] or
            d.path not in self.untouched
        ]  # fmt: skip
        if not plan.dry_run:
            self._hand_over(plan)

    def _hand_over(self, plan: Plan) -> None:
        """The few documents a run after one approval changes (too few for a pool) are
        built on the run's spare interpreter from now on, while the other outputs plan and
        stage theirs (bench_publish.py, a publish after one approval). All of them: the
        spare, started before the program loaded (early.py), is done before they are
        collected (JSON Feed's were built here until 2026-12-04: 3 % of that run)."""
        if plan.spare is None or not self.todo or write_weight(self.todo) >= PARALLEL_MIN:
            return
        self._clear()
        if plan.spare.map(write_document, self._job(), self.todo):
            self.builder, self.there = plan.spare, self.todo

    def answer(self, result: PublishResult) -> None:
        from .moves import compare_documents, moves_of

        assert self.plan_ is not None
        plan = self.plan_
        result.documents += len(self.docs)
        result.private_documents += sum(1 for d in self.docs if is_private(d.path))
        if plan.dry_run:  # (PublishResult.to_write: a preview's)
            result.to_write += [d.path for d in self._to_write()]
            result.to_write_unchecked |= self.unchecked
            # the documents no release is left in (`placed` removes them)
            planned = {d.path for d in self.docs}
            result.to_remove += sorted(p for p in self.last.get("files", {}) if p not in planned)
        records = {**self.ghosts, **plan.records} if self.ghosts else plan.records
        changes, touched, notices = compare_documents(
            self.docs, self.last.get("shown", {}), self.entries, self.untouched,
            self.config.feeds_dir, records,
        )  # fmt: skip
        result.changes += changes
        published = {g.article.id: g.kind for g in plan.going_live}
        numbers = {g.article.id: g.article.release_number for g in plan.going_live}
        waiting = [
            r.id for r in plan.records.values()
            if r.embargo_ahead(plan.now)
        ]  # fmt: skip
        result.moves += moves_of(touched, records, published, waiting, notices, numbers)

    def _to_write(self) -> list[Doc]:
        """The documents this run writes. A dry run builds them and compares their bytes
        with the files there, as the real run does: a document whose entries' files moved
        without a change partners see (a comment, a correction merely started), or whose
        file's date moved (a copy restored from a backup), is already there."""
        assert self.plan_ is not None
        if not self.plan_.dry_run:
            return self.todo
        feeds = self.config.feeds_dir
        # (with no record of the last run's documents, a new cache key after a config
        # change, each one there is compared too: the run leaves alone one as it would be)
        there = {d.path for d in self.todo if (feeds / d.path).exists()}
        if len(there) > DRY_BUILD:  # too many to build here: at most these
            self.unchecked = True
            return self.todo
        job = self._job()
        return [d for d in self.todo if d.path not in there
                or not holds(feeds / d.path, build_document(job, d)[0])]  # fmt: skip

    def begin(self) -> bool:
        return self.builder is not None  # (handed over when planned: collected last)

    def _job(self) -> WriteJob:
        """The run's one job (its memo's cache connection closed with the run: `close`)."""
        assert self.plan_ is not None
        if self.job is None:
            ghosts = {i: ghost_content(r, self.gone[i]) for i, r in self.ghosts.items()}
            self.job = WriteJob(self.config, self.plan_.cache_key, ghosts)
        return self.job

    def close(self) -> None:
        if self.job is not None and self.job.memo.cache is not None:
            self.job.memo.cache.close()
            self.job.memo.cache = None

    def _clear(self) -> None:
        """Temporaries a killed run left in this output's folders (not every page's), when
        the run looks at its files (a killed run's are swept by the next run anyway:
        publish/run.py; 1,500 paths and their folders a run otherwise)."""
        if not self.last.get("look", True):
            return
        paths = [*(d.path for d in self.docs), *self.last.get("files", {})]
        remove_stale_temporaries(self.config.feeds_dir, {os.path.dirname(p) for p in paths})

    def stage_files(self, staged: Iterable[Staged], result: PublishResult) -> list[Staged]:
        assert self.plan_ is not None
        feeds = self.config.feeds_dir
        self.plan_.progress(f"writing {len(self.todo)} of {len(self.docs)} feed document(s)")
        if self.builder is not None:
            try:
                done = self.builder.results()
            except RuntimeError:  # it died: its documents are built here after all (what
                # it half wrote is swept when the run looks at its files)
                job = self._job()
                done = [write_document(job, d) for d in self.there]
        else:
            self._clear()
            workers = workers_for(len(self.plan_.records))
            weight = write_weight(self.todo)
            if workers == 0:  # too many records to fork: about half the documents built
                # beside this process (benchmarks/bench_phases.py at 100,000: 25 s here before)
                done = pmap_beside(write_document, self._job(), self.todo, halves(self.todo),
                                   weight=weight)  # fmt: skip
            else:
                done = pmap(write_document, self._job(), self.todo, weight=weight,
                            workers=workers, chunk=2)  # fmt: skip
        mine = []
        known = {r.id for r in result.refused}
        for path, tmp, bad in done:
            if tmp is not None:
                mine.append(Staged(feeds / path, tmp))
            for ident, where, reason in bad:  # releases a document could not carry
                if ident not in known:
                    known.add(ident)
                    result.refused.append(Refusal(ident, "", where, "render", reason, True))
        return mine

    def placed(self, result: PublishResult) -> Written:
        feeds = self.config.feeds_dir
        before: dict[str, list[int]] = self.last.get("files", {})
        written = Written()
        # (a set, but only when some documents were untouched: a first run writes 283,000)
        rewritten = set(result.written) if self.untouched else set()
        for doc in self.docs:  # an untouched file keeps its size and mtime
            if doc.path in self.untouched and doc.path not in rewritten:
                written.files[doc.path] = before[doc.path]
                continue
            st = (feeds / doc.path).stat()
            written.files[doc.path] = [st.st_size, st.st_mtime_ns]
        for path in sorted(set(before) - set(written.files)):
            (feeds / path).unlink(missing_ok=True)
            written.removed.append(path)
        return written

    def state(self, written: bool) -> dict[str, Any]:
        if not written:
            return self.last
        assert self.plan_ is not None
        # ("shown", was "entries": the file's digest, which a comment moved too; a state of
        # before reads as a fresh clone's, the feeds' files, not as every entry changed)
        return {"key": self.plan_.cache_key, "docs": self.signatures, "shown": self.entries,
                "lifts": self.lifts, "told": self.told, "held": self.held,
                "gone": self.gone}  # fmt: skip

    def next_event(self, plan: Plan) -> dt.datetime | None:
        return next_event(self.config, [*plan.records.values(), *self.ghosts.values()],
                          plan.now)  # fmt: skip


def plan_docs(
    config: Config,
    records: dict[str, Record],
    now: dt.datetime,
    shown: Shown = None,
    told: Told = None,
    gone: tuple[Record, ...] = (),
) -> list[Doc]:
    """Every feed document at `now` (plan.py)."""
    return plan(config, list(records.values()), now, shown, told, gone)


def shown_before(last: dict[str, Any]) -> Shown:
    """The lift times the private feeds showed each release under up to the last run
    (plan.Shown): kept as "lifts"; a state from before they were kept tells the last
    run's embargoed entries ("shown": `EntryRef.shown` is "approved|lift"); no state
    (a fresh clone, a first run) tells nothing: None."""
    if "lifts" in last:
        return {i: frozenset(map(dt.datetime.fromisoformat, kept))
                for i, kept in last["lifts"].items()}  # fmt: skip
    if "shown" not in last:
        return None
    found: dict[str, set[dt.datetime]] = {}
    for path, entries in last["shown"].items():
        if not path.startswith("private/"):
            continue
        for ident, state in entries.items():
            lift = state.removesuffix(":embargoed").rpartition("|")[2]
            if state.endswith(":embargoed") and lift not in ("", "None"):
                when = dt.datetime.fromisoformat(lift).astimezone(dt.UTC)
                found.setdefault(ident, set()).add(when.replace(second=0, microsecond=0))
    return {i: frozenset(lifts) for i, lifts in found.items()}


def lifts_kept(
    shown: Shown, docs: list[Doc], records: dict[str, Record], cutoff: dt.datetime
) -> dict[str, list[str]]:
    """What the next run takes as shown: the lifts shown before and in this run's private
    documents, of the releases whose embargo may still be told of (not out, or out since
    `cutoff`: its moves' notices live until then)."""
    merged = {i: set(lifts) for i, lifts in (shown or {}).items()}
    for ident, lifts in shown_lifts(docs).items():
        merged.setdefault(ident, set()).update(lifts)
    kept = {}
    for ident, lifts in merged.items():
        r = records.get(ident)
        if r is not None and (r.published is None or r.published > cutoff):
            kept[ident] = sorted(t.isoformat() for t in lifts)
    return kept


def _intact(config: Config, path: str, files: dict[str, list[int]]) -> bool:
    """The file is as the last run left it (size and mtime): one stat."""
    if path not in files:
        return False
    try:
        st = (config.feeds_dir / path).stat()
    except OSError:
        return False
    size, mtime = files[path]
    return st.st_size == size and st.st_mtime_ns == mtime


def write_weight(docs: list[Doc]) -> int:
    """How much writing `docs` costs, in files read (what the map weighs): each release
    among them is read and built once (documents share it), about a quarter file each.
    Counting an entry per document instead would start a pool for the eighteen small
    documents one approval changes (RSS, Atom and JSON of each feed taking it)."""
    return len({e.record.id for d in docs for e in d.entries}) // 4


# What building a document costs for each of its entries, by format (relative: feedgen's
# RSS, its Atom from the same entries, JSON Feed by hand; in-process, 3,000 releases).
_COST = {"rss": 16, "atom": 10, "json": 8}


def halves(docs: list[Doc]) -> list[bool]:
    """Which documents a second process builds: about half the work, a feed's documents
    (its RSS, Atom and JSON of one page) together, since they share their built entries."""
    groups: dict[tuple[str, str, int], list[int]] = {}
    for n, doc in enumerate(docs):
        groups.setdefault((os.path.dirname(doc.path), doc.archive_month, doc.archive_part),
                          []).append(n)  # fmt: skip
    there = [False] * len(docs)
    loads = [0, 0]  # here, there
    for members in groups.values():
        cost = sum(_COST.get(docs[n].format, 10) * (len(docs[n].entries) + 1) for n in members)
        side = int(loads[1] < loads[0])
        loads[side] += cost
        for n in members:
            there[n] = bool(side)
    return there


@dataclass(frozen=True)
class WriteJob:
    """What writing documents needs; each worker gets one copy, whose memo is its own."""

    config: Config
    cache_key: str
    ghosts: dict[str, Rendered] = field(default_factory=dict)  # held.py: files gone
    memo: _Memo = field(default_factory=lambda: _Memo())


class _Memo:
    """What one process keeps between the documents of one run: the content of the newest
    releases (they are in every feed), their built entries, its cache connection. It dies
    with the run's job: nothing outlives the run."""

    def __init__(self) -> None:
        self.recent: dict[str, tuple[str, Rendered]] = {}  # id -> (digest, content)
        self.built: Built = {}
        self.cache: Cache | None = None
        self.pid = 0

    def __getstate__(self) -> dict[str, Any]:  # a spawned worker starts with an empty one
        return {"recent": {}, "built": {}, "cache": None, "pid": 0}

    def connection(self, config: Config, key: str) -> Cache:
        if self.cache is None or self.pid != os.getpid():  # SQLite does not survive a fork
            self.cache, self.pid = Cache(config, key), os.getpid()
        return self.cache


BadEntry = tuple[str, str, str]  # (id, path, reason)
Done = tuple[str, Path | None, tuple[BadEntry, ...]]  # (path, its temporary, left out)


def document_bytes(
    doc: Doc, rendered: dict[str, Rendered], config: Config, built: Built | None = None
) -> bytes:
    """A document's bytes: JSON Feed by jsonfeed.py, RSS and Atom by feedgen (writers.py,
    with lxml: loaded only where those are built)."""
    if doc.format == "json":
        from .jsonfeed import json_feed

        return json_feed(doc, rendered, config)
    from .writers import write_doc

    return write_doc(doc, rendered, config, built)


def write_document(job: WriteJob, doc: Doc) -> Done:
    """Build one document and stage its bytes (None: unchanged). A release that cannot be
    rendered or serialised is left out of the document and named: one bad release never
    stops a feed."""
    data, bad = build_document(job, doc)
    mode, group = file_mode(job.config, doc.feed.private)
    return doc.path, stage(job.config.feeds_dir / doc.path, data, mode, group), bad


def build_document(job: WriteJob, doc: Doc) -> tuple[bytes, tuple[BadEntry, ...]]:
    """One document's bytes, and the releases left out of it (`write_document`)."""
    config = job.config
    rendered = _contents(job, doc)
    bad = [(e.record.id, e.record.path, "cannot be rendered for the feeds")
           for e in doc.entries if e.record.id not in rendered]  # fmt: skip
    doc = _without(doc, {b[0] for b in bad})
    try:
        data = document_bytes(doc, rendered, config, job.memo.built)
    except Exception:  # lxml or feedgen refused something: find which release, write the rest
        culprits = _culprits(doc, rendered, config)
        bad += culprits
        doc = _without(doc, {c[0] for c in culprits})
        data = document_bytes(doc, rendered, config, job.memo.built)
    return data, tuple(bad)


def file_mode(config: Config, private: bool) -> tuple[int | None, str]:
    """How a feed file is written: as the umask says, or a private feed readable by the web
    server's group only (0640, `[feeds] private_group`), never by everyone."""
    return (0o640, config.private_group) if private else (None, "")


def _contents(job: WriteJob, doc: Doc) -> dict[str, Rendered]:
    """The content of every entry: kept from the last documents, cached, or rendered now."""
    memo, config = job.memo, job.config
    rendered: dict[str, Rendered] = {}
    missing: dict[str, str] = {}
    for entry in doc.entries:  # the newest releases are in every feed: read them once
        ident, digest = entry.record.id, entry.record.digest
        if ident in job.ghosts:  # (a release whose file went away: what was kept of it)
            rendered[ident] = job.ghosts[ident]
            continue
        hit = memo.recent.get(ident)
        if hit is not None and hit[0] == digest:
            rendered[ident] = hit[1]
        else:
            missing[ident] = digest
    cache = memo.connection(config, job.cache_key)
    rendered.update(cache.rendered(missing) if missing else {})
    for entry in doc.entries:  # not cached (read by the desk, which renders nothing)
        if entry.record.id not in rendered:
            fresh = _render(config, entry.record)
            if fresh is not None:
                rendered[fresh.id] = fresh
                cache.store_rendered(entry.record.id, entry.record.digest, fresh)
    for ident in missing:
        if ident in rendered:
            memo.recent[ident] = (missing[ident], rendered[ident])
    while len(memo.recent) > RECENT_MAX:
        del memo.recent[next(iter(memo.recent))]
    return rendered


def _render(config: Config, record: Record) -> Rendered | None:
    """A release's content read from its file, when it is still that release (and, for one
    held back, still the text its record was read from: records.reread)."""
    from ..errors import NewsroomError
    from ..records import reread

    try:
        held = record.problem is not None
        article = reread(config, record.path, record.id, record.digest, held)
        return render_article(article, config)
    except (NewsroomError, ValueError):
        return None


def _without(doc: Doc, ids: set[str]) -> Doc:
    if not ids:
        return doc
    return replace(
        doc,
        entries=tuple(e for e in doc.entries if e.record.id not in ids),
        tombstones=tuple(t for t in doc.tombstones if t.record.id not in ids),
    )


def _culprits(doc: Doc, rendered: dict[str, Rendered], config: Config) -> list[BadEntry]:
    """The entries that fail on their own (each tried in a document of one)."""
    found = []
    for entry in doc.entries:
        try:
            document_bytes(replace(doc, entries=(entry,), tombstones=()), rendered, config)
        except Exception as exc:
            found.append((entry.record.id, entry.record.path, f"cannot be written: {exc}"))
    return found
