"""`newsroom publish`: move due releases to `published` and write every feed, safely from cron.

A run takes a lock (a second run waits briefly, then reports "busy"), publishes
every approved release whose embargo has passed, plans every feed document,
rebuilds only the documents whose content changed and writes only files whose
bytes changed, each atomically. When no article file, the config and the clock's
next event have not moved, the run ends after one scan of the folder.
"""

from __future__ import annotations

import datetime as dt
import json
import re
from bisect import bisect_left
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from .atomic import commit, remove_stale_temporaries, write_atomic
from .config import Config
from .errors import NewsroomError, Problem
from .feeds.plan import Doc, next_event, plan
from .index import (
    Cache,
    FileStat,
    Record,
    config_key,
    paused_collector,
    refresh,
    scan,
    scan_fingerprint,
)

LOCK_WAIT_SECONDS = 5.0
STATE_VERSION = 1


@dataclass
class FeedChange:
    """What a subscription document gains, changes and loses in this run (by title)."""

    path: str
    gained: list[str] = field(default_factory=list)
    changed: list[str] = field(default_factory=list)
    lost: list[str] = field(default_factory=list)


@dataclass
class PublishResult:
    """What a run did; `ok` is False when a release could not be published or a file is broken."""

    now: dt.datetime
    actor: str
    dry_run: bool = False
    busy: bool = False
    skipped: bool = False
    published: list[dict[str, str]] = field(default_factory=list)
    failed: list[str] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)
    written: list[str] = field(default_factory=list)
    removed: list[str] = field(default_factory=list)
    documents: int = 0
    changes: list[FeedChange] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)
    # The run's records and plan, freed with the result rather than when the run returns:
    # the CLI exits at once and never pays the ~30 ms of freeing them one by one.
    held: object = field(default=None, repr=False, compare=False)

    @property
    def ok(self) -> bool:
        return not self.failed and not self.problems

    def to_json(self) -> dict[str, Any]:
        return {
            "time": self.now.isoformat(),
            "actor": self.actor,
            "dry_run": self.dry_run,
            "busy": self.busy,
            "nothing_changed": self.skipped,
            "ok": self.ok,
            "published": self.published,
            "failed": self.failed,
            "problems": [str(p) for p in self.problems],
            "written": self.written,
            "removed": self.removed,
            "documents": self.documents,
            "changes": [vars(c) for c in self.changes if c.gained or c.changed or c.lost],
            "warnings": self.warnings,
        }


def publish(
    config: Config,
    actor: str,
    now: dt.datetime,
    *,
    dry_run: bool = False,
    progress: Callable[[str], None] | None = None,
) -> PublishResult:
    """Run one publish (see the module docstring).

    The common case from cron, nothing to do, is answered from one scan of articles/
    and the last run's state, before the lock and before the heavy modules load.
    """
    config.state_dir.mkdir(parents=True, exist_ok=True)
    files = scan(config)
    if not dry_run and nothing_to_do(config, now, files):
        result = PublishResult(now, actor, skipped=True)
        _log(config, result)
        return result
    from filelock import FileLock, Timeout

    lock = FileLock(str(config.state_dir / "publish.lock"))
    try:
        lock.acquire(timeout=0)
    except Timeout:  # another run holds it: wait a little, then look at the files afresh
        try:
            lock.acquire(timeout=LOCK_WAIT_SECONDS)
        except Timeout:
            return PublishResult(now, actor, dry_run=dry_run, busy=True)
        files = scan(config)
        if not dry_run and nothing_to_do(config, now, files):  # the other run did the work
            lock.release()
            return PublishResult(now, actor, skipped=True)
    try:
        result = _Run(config, actor, now, dry_run, progress or (lambda _: None)).run(files)
    finally:
        lock.release()
    _log(config, result)
    return result


def _state_path(config: Config) -> Path:
    return config.state_dir / "publish-state.json"


def read_state(config: Config) -> dict[str, Any]:
    """The last run's state (empty when there is none or it is unreadable)."""
    try:
        data: dict[str, Any] = json.loads(_state_path(config).read_text(encoding="utf-8"))
        return data
    except (OSError, ValueError):
        return {}


def nothing_to_do(config: Config, now: dt.datetime, files: list[FileStat] | None = None) -> bool:
    """True when no article file, nor the config, nor the clock's next event has moved since
    the last successful run, and every feed file is as that run left it."""
    state = read_state(config)
    if state.get("version") != STATE_VERSION or state.get("failed"):
        return False
    if state.get("config") != config_key(config):
        return False
    if now >= dt.datetime.fromisoformat(state["next_event"]):
        return False
    if state.get("scan") != scan_fingerprint(files if files is not None else scan(config)):
        return False
    return outputs_intact(config, state.get("outputs", {}))


def outputs_intact(config: Config, outputs: dict[str, list[int]]) -> bool:
    """Every listed feed file still has the size and mtime the last run gave it."""
    feeds = config.feeds_dir
    for path, (size, mtime) in outputs.items():
        try:
            st = (feeds / path).stat()
        except OSError:
            return False
        if st.st_size != size or st.st_mtime_ns != mtime:
            return False
    return True


def _log(config: Config, r: PublishResult) -> None:
    """One JSON line per run in .newsroom/publish.log."""
    if r.dry_run or r.busy:
        return
    line = {
        "time": r.now.isoformat(),
        "actor": r.actor,
        "nothing_changed": r.skipped,
        "published": [p["id"] for p in r.published],
        "failed": r.failed,
        "feeds_changed": r.written,
        "removed": r.removed,
    }
    with open(config.state_dir / "publish.log", "a", encoding="utf-8") as log:
        log.write(json.dumps(line, ensure_ascii=False) + "\n")


class _Run:
    """One publish run; state between runs lives in .newsroom/publish-state.json."""

    def __init__(
        self,
        config: Config,
        actor: str,
        now: dt.datetime,
        dry_run: bool,
        progress: Callable[[str], None],
    ) -> None:
        from .store import Store

        self.config = config
        self.actor = actor
        self.store = Store(config)
        self.now = now
        self.progress = progress
        self.result = PublishResult(now, actor, dry_run=dry_run)
        self.key = config_key(config)
        self.state = read_state(config)  # again, now under the lock: another run may have
        # finished between the look before the lock (nothing_to_do) and now
        self.files: list[FileStat] = []
        self.saved: list[str] = []  # article files this run rewrote
        self.signatures: dict[str, str] = {}  # by document path
        self.untouched: set[str] = set()  # documents found as the last run left them
        self.entries: dict[str, dict[str, str]] = {}  # subscription doc -> id -> digest:state

    def run(self, files: list[FileStat]) -> PublishResult:
        self.files = files
        cache = Cache(self.config, self.key)
        try:
            with paused_collector():  # loading and planning make no garbage cycles
                records = self._load(cache, files)
                self._publish_due(records, cache)
                docs = plan(self.config, list(records.values()), self.now)
        finally:
            cache.close()
        self.signatures = {d.path: d.signature(self.key) for d in docs}
        outputs = self.state.get("outputs", {})
        self.untouched = {  # one stat each, used to compare (`_diff`) and to skip (`_write`)
            d.path
            for d in docs
            if d.path in outputs and outputs_intact(self.config, {d.path: outputs[d.path]})
        }
        self.entries = {
            d.path: {e.key: f"{e.record.digest}:{e.mode}" for e in d.entries}
            for d in docs
            if not d.archive_month
        }
        self.result.documents = len(docs)
        self._diff(docs)
        if not self.result.dry_run:
            self._write(docs)
            self._save_state(docs, list(records.values()))
        self.result.held = (records, docs, self.files)
        return self.result

    # ------------------------------------------------------------ loading

    def _load(self, cache: Cache, files: list[FileStat]) -> dict[str, Record]:
        """Records of every file: from the cache when size and mtime match, else parsed."""
        index = refresh(
            self.config, cache, files, write=not self.result.dry_run, progress=self.progress
        )
        self.result.problems = index.problems
        self.result.warnings += index.warnings
        return index.records

    # ------------------------------------------------------------ publishing due releases

    def _publish_due(self, records: dict[str, Record], cache: Cache) -> None:
        """Approved releases whose embargo has passed (and approved corrections) go live."""
        due = [
            r
            for r in records.values()
            if r.status == "approved" and (r.live or r.embargo is None or r.embargo <= self.now)
        ]
        from .clock import to_zone
        from .workflow import apply

        stamped: set[dt.datetime | None] = set()
        if due:
            # Every moment an entry already shows: a new one takes another second. Read
            # from plain attributes (feed_updated's max() takes five times as long).
            live = [r for r in records.values() if r.live]
            stamped = {r.published for r in live} | {r.updated for r in live}
            stamped |= {r.retracted_at for r in live}
            stamped |= {r.approved_at for r in records.values() if not r.live}
        latest_first = sorted(due, key=lambda r: (r.approved_at or self.now, r.path), reverse=True)
        for record in latest_first:
            try:
                article = self.store.load(self.config.root / record.path)
                first = article.published is None
                lift = article.embargo if first and article.embargo else None
                lifted = lift if lift is not None and lift <= self.now else None
                when = _distinct(lifted or self.now, lifted or record.approved_at, stamped)
                corrections = len(article.corrections)
                apply(
                    article,
                    "publish",
                    self.actor,
                    self.config,
                    max(when, self.now),  # the history says when it went out
                    as_publisher=True,
                )
                if first:
                    article.published = to_zone(when, self.config.tz)
                elif len(article.corrections) > corrections:  # a correction: its own second
                    article.corrections[-1].at = to_zone(when, self.config.tz)
                if not self.result.dry_run:
                    self.store.save(article)
                    self.saved.append(record.path)
            except NewsroomError as exc:
                self.result.failed.append(f"{record.path}: {exc}")
                continue
            new, rendered = self._in_memory(article)
            records[new.id] = new
            if not self.result.dry_run:
                cache.store_rendered(new, rendered)
            self.result.published.append(
                {"id": article.id, "title": article.title, "path": record.path}
            )

    def _in_memory(self, article: Any) -> tuple[Record, Any]:
        """The record and content of a release just published (saved, or not in a dry run)."""
        from .feeds.content import render_article
        from .index import to_record

        return to_record(article, self.config.tz), render_article(article, self.config)

    # ------------------------------------------------------------ writing

    def _write(self, docs: list[Doc]) -> None:
        """Rebuild the documents whose signature moved; write the ones whose bytes changed."""
        old = self.state.get("docs", {}) if self.state.get("config") == self.key else {}
        outputs = self.state.get("outputs", {})
        todo = [
            d
            for d in docs
            if old.get(d.path) != self.signatures[d.path] or d.path not in self.untouched
        ]
        self.progress(f"writing {len(todo)} of {len(docs)} feed document(s)")
        remove_stale_temporaries(self.config.feeds_dir)
        from .feeds import writers  # noqa: F401 - imported before the fork: workers inherit it
        from .feeds.work import close_caches, parallel_map, write_document, write_weight

        shared = (todo, self.config, self.key, self.store)
        weight = write_weight(todo)
        try:
            done = parallel_map(write_document, range(len(todo)), shared, weight)
        finally:
            close_caches()
        staged = [(self.config.feeds_dir / path, tmp) for path, tmp in done if tmp is not None]
        commit(staged)
        self.result.written = sorted(str(p.relative_to(self.config.feeds_dir)) for p, _ in staged)
        for path in sorted(set(outputs) - {d.path for d in docs}):
            (self.config.feeds_dir / path).unlink(missing_ok=True)
            self.result.removed.append(path)

    def _diff(self, docs: list[Doc]) -> None:
        """Per subscription document: the releases it gains, changes and loses."""
        before: dict[str, dict[str, str]] = self.state.get("entries", {})
        for doc in docs:
            if doc.archive_month:
                continue
            now = self.entries[doc.path]
            # a file changed since the last run (restored by hand, say): read it instead
            as_left = doc.path in before and doc.path in self.untouched
            then = before[doc.path] if as_left else self._ids_in_file(doc, now)
            titles = {e.key: e.label for e in doc.entries}  # (a notice has an id of its own)
            change = FeedChange(doc.path)
            change.gained = [titles[i] for i in now if i not in then]
            change.changed = [titles[i] for i in now if i in then and then[i] != now[i]]
            change.lost = [i for i in then if i not in now]
            self.result.changes.append(change)

    def _ids_in_file(self, doc: Doc, now: dict[str, str]) -> dict[str, str]:
        """With no state from an earlier run (a fresh clone), the ids the feed file already
        holds; their content is taken as unchanged, since there is nothing to compare."""
        try:
            text = (self.config.feeds_dir / doc.path).read_text(encoding="utf-8")
        except (OSError, UnicodeDecodeError):
            return {}
        ids = set(re.findall(r"urn:uuid:([0-9a-fA-F-]{36})", text))
        return {i: now.get(i, "") for i in ids}

    # ------------------------------------------------------------ state and log

    def _files_now(self) -> list[FileStat]:
        """The scan (sorted by path), with the files this run rewrote stat-ed again."""
        files = list(self.files)
        for path in self.saved:
            st = (self.config.root / path).stat()
            stat = FileStat(path, st.st_size, st.st_mtime_ns)
            at = bisect_left(files, path, key=lambda f: f.path)
            if at < len(files) and files[at].path == path:
                files[at] = stat
            else:
                files.insert(at, stat)
        return files

    def _save_state(self, docs: list[Doc], records: list[Record]) -> None:
        feeds = self.config.feeds_dir
        before = self.state.get("outputs", {})
        written = set(self.result.written)
        outputs = {}
        for doc in docs:  # a file this run did not touch keeps the size and mtime it had
            if doc.path in self.untouched and doc.path not in written:
                outputs[doc.path] = before[doc.path]
                continue
            st = (feeds / doc.path).stat()
            outputs[doc.path] = [st.st_size, st.st_mtime_ns]
        failed = bool(self.result.failed)
        upcoming = self.now if failed else next_event(self.config, records, self.now)
        state = {
            "version": STATE_VERSION,
            "config": self.key,
            "scan": scan_fingerprint(self._files_now()),
            "failed": failed,
            "next_event": upcoming.isoformat(),
            "docs": self.signatures,
            "outputs": outputs,
            "entries": self.entries,
        }
        write_atomic(_state_path(self.config), json.dumps(state, sort_keys=True).encode())


def _distinct(
    moment: dt.datetime, floor: dt.datetime | None, taken: set[dt.datetime | None]
) -> dt.datetime:
    """`moment`, or the nearest whole second before it (not before `floor`) that this run
    has not taken, else the nearest after it.

    Releases published by one run (two approvals between cron's visits, or embargoes
    lifting together) would otherwise share their `published`/`updated` time; readers
    order and de-duplicate by it, and the W3C validator warns. Taken latest-approved
    first, they stay in the order they were approved, a second apart, never in the
    future when it can be helped, never before an embargo lifted or before approval."""
    second = dt.timedelta(seconds=1)
    found = moment
    while found in taken and (floor is None or found - second >= floor):
        found -= second
    while found in taken:
        found += second
    taken.add(found)
    return found


def lines(result: PublishResult) -> Iterable[str]:
    """A person's summary of a run."""
    if result.busy:
        yield "another publish is running; this run did nothing (cron will try again)"
        return
    verb = "would publish" if result.dry_run else "published"
    for p in result.published:
        yield f"{verb}: {p['title']} ({p['path']})"
    for change in result.changes:
        if change.gained or change.changed or change.lost:
            yield (
                f"{change.path}: +{len(change.gained)} gained, ~{len(change.changed)} "
                f"changed, -{len(change.lost)} lost"
            )
            yield from (f"    + {t}" for t in change.gained)
            yield from (f"    ~ {t}" for t in change.changed)
            yield from (f"    - {t}" for t in change.lost)
    moving = result.published or any(c.gained or c.changed or c.lost for c in result.changes)
    if result.skipped:
        yield "nothing changed"
    elif result.dry_run and not moving:
        yield "nothing would change: the feeds are up to date"
    elif not result.dry_run:
        yield f"{len(result.written)} of {result.documents} feed file(s) written"
