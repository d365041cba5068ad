"""`newsroom publish`: put out what two people approved, and write every feed, safely from cron.

A run takes a lock (a second run waits briefly, then reports "busy"), checks every
release against its seals and the ledger of what was put out (a release that fails is
named and kept out; the others still go), publishes every approved release whose embargo
has passed, plans every feed document, rebuilds only the documents whose content changed
and writes only files whose bytes changed. The order makes a crash at any moment safe:
the feeds are staged, the ledger notes what is about to go out, the feeds are renamed
into place, and only then are the releases stamped published in their files. When no
article file, the config and the clock's next event have not moved, the run ends after
one scan of the folder.
"""

from __future__ import annotations

import datetime as dt
from bisect import bisect_left
from collections.abc import Callable
from pathlib import Path
from typing import Any

from .atomic import commit, remove_stale_temporaries, write_atomic
from .config import Config
from .errors import NewsroomError
from .feeds.plan import Doc, next_event, plan
from .index import (
    Cache,
    FileStat,
    Index,
    Record,
    config_key,
    paused_collector,
    refresh,
    scan,
    scan_fingerprint,
)
from .ledger import Ledger, Row
from .model import Article
from .publish_state import (
    STATE_VERSION,
    PublishResult,
    Refusal,
    log_run,
    nothing_to_do,
    outputs_intact,
    read_state,
    state_path,
)
from .seal import APPROVAL_PROBLEMS

LOCK_WAIT_SECONDS = 5.0


def publish(
    config: Config,
    actor: str,
    now: dt.datetime,
    *,
    dry_run: bool = False,
    progress: Callable[[str], None] | None = None,
    via: str = "",
    forced_clock: bool = False,
) -> PublishResult:
    """Run one publish (see the module docstring).

    The common case from cron, nothing to do, is answered from one scan of articles/
    and the last run's state, before the lock and before the heavy modules load.
    """
    config.state_dir.mkdir(parents=True, exist_ok=True)
    files = scan(config)
    if not dry_run and nothing_to_do(config, now, files):
        result = PublishResult(now, actor, skipped=True)
        log_run(config, result, forced_clock)
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
    run = _Run(config, actor, now, dry_run, progress or (lambda _: None), via)
    try:
        result = run.run(files)
    except NewsroomError as exc:  # the ledger cannot be written: nothing went out
        result = run.result
        result.failed.append(str(exc))
    finally:
        lock.release()
    log_run(config, result, forced_clock)
    return result


class _Run:
    """One publish run; state between runs lives in .newsroom/publish-state.json."""

    def __init__(
        self,
        config: Config,
        actor: str,
        now: dt.datetime,
        dry_run: bool,
        progress: Callable[[str], None],
        via: str,
    ) -> None:
        from .store import Store

        self.config = config
        self.actor = actor
        self.via = via
        self.store = Store(config)
        self.now = now
        self.progress = progress
        self.result = PublishResult(now, actor, dry_run=dry_run)
        self.key = config_key(config)
        self.state = read_state(config)  # again, now under the lock: another run may have
        # finished between the look before the lock (nothing_to_do) and now
        self.files: list[FileStat] = []
        self.saved: list[str] = []  # article files this run rewrote
        self.to_stamp: list[Article] = []  # releases this run puts out, saved after the feeds
        self.signatures: dict[str, str] = {}  # by document path
        self.untouched: set[str] = set()  # documents found as the last run left them
        self.entries: dict[str, dict[str, str]] = {}  # subscription doc -> id -> digest:state

    def run(self, files: list[FileStat]) -> PublishResult:
        self.files = files
        cache = Cache(self.config, self.key)
        ledger = Ledger(self.config)
        try:
            with paused_collector():  # loading and planning make no garbage cycles
                index = self._load(cache, files, ledger)
                records = index.records
                self._take_stock(records, index, ledger)
                self._hold_back(records)
                self._publish_due(records, cache, ledger)
                docs = plan(self.config, list(records.values()), self.now)
            self.signatures = {d.path: d.signature(self.key) for d in docs}
            outputs = self.state.get("outputs", {})
            self.untouched = {  # one stat each, used to compare (`_diff`) and skip (`_write`)
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
            self.result.to_write = [d.path for d in self._todo(docs)]
            self._diff(docs, records)
            if not self.result.dry_run:
                written = self._write(docs, ledger)
                self._save_state(docs, list(records.values()), written)
        finally:
            cache.close()
            ledger.close()
        return self.result

    # ------------------------------------------------------------ loading and checking

    def _load(self, cache: Cache, files: list[FileStat], ledger: Ledger) -> Index:
        """Records of every file: from the cache when size and mtime match, else parsed."""
        index = refresh(
            self.config,
            cache,
            files,
            write=not self.result.dry_run,
            progress=self.progress,
            ledger=ledger,
        )
        self.result.problems = index.problems
        self.result.warnings += index.warnings
        if cache.problem:
            self.result.warnings.append(cache.problem)
        return index

    def _take_stock(self, records: dict[str, Record], index: Index, ledger: Ledger) -> None:
        """Tell the ledger what the files show as published: everything, the first time on
        this server (after sealing what an upgraded server published before seals existed);
        later, the releases whose files changed since (a publication a killed run left
        pending is confirmed here)."""
        if self.result.dry_run:
            return
        if not ledger.initialized:
            if self.state:  # this server has published before: an upgrade, not a fresh clone
                self._adopt_legacy(records)
            rows = {r.id: r.ledger_row for r in records.values() if r.ledger_row and not r.problem}
            ledger.confirm(rows)
            ledger.mark_initialized(self.now.isoformat())
            if rows:
                self.result.notes.append(
                    f"took stock of {len(rows)} published release(s): from now on a published "
                    "file that changes outside the workflow is reported, not republished"
                )
                self.result.noted.append(("took_stock", len(rows)))
            return
        changed = {
            r.id: r.ledger_row
            for r in records.values()
            if r.path in index.fresh and r.ledger_row is not None and not r.problem
            and ledger.get(r.id)[0] != r.ledger_row
        }  # fmt: skip
        if changed:
            ledger.confirm(changed)

    def _adopt_legacy(self, records: dict[str, Record]) -> None:
        """Seal, once and in the open, the releases published before publications were
        sealed (their history gets an `adopt` entry; see `newsroom adopt`)."""
        from .workflow import adopt

        legacy = [r for r in records.values() if r.problem and r.problem[0] == "legacy"]
        for record in legacy:
            try:
                article = self.store.load(self.config.root / record.path)
                adopt(article, self.actor, self.config, self.now, via=self.via)
                self.store.save(article)
            except (NewsroomError, OSError) as exc:
                self.result.failed.append(f"{record.path}: could not be sealed: {exc}")
                continue
            self.saved.append(record.path)
            records[record.id] = self._in_memory(article)[0]
        if legacy:
            self.result.notes.append(
                f"sealed {len(legacy)} release(s) published before publications were sealed, "
                "as they are now (history: adopt)"
            )
            self.result.noted.append(("sealed_legacy", len(legacy)))

    def _hold_back(self, records: dict[str, Record]) -> None:
        """Name every release publish will not put out, and keep out of the feeds those whose
        live text cannot be trusted. A published release whose *correction* is not properly
        approved keeps its published version in the feeds; only the correction waits."""
        for record in list(records.values()):
            if record.problem is None:
                continue
            code, reason = record.problem
            withheld = not (record.live and code in APPROVAL_PROBLEMS)
            if withheld:
                del records[record.id]
            self.result.refused.append(
                Refusal(record.id, record.title, record.path, code, reason, withheld)
            )

    # ------------------------------------------------------------ publishing due releases

    def _publish_due(self, records: dict[str, Record], cache: Cache, ledger: Ledger) -> None:
        """Approved releases (first publications and corrections) whose embargo has passed
        go live, in memory: their files are stamped once the feeds are written."""
        due = [
            r
            for r in records.values()
            if r.status == "approved"
            and r.problem is None
            and (r.embargo is None or r.embargo <= self.now)
        ]
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
                article = self._go_live(record, stamped, ledger)
            except NewsroomError as exc:
                self.result.failed.append(f"{record.path}: {exc}")
                continue
            new, rendered = self._in_memory(article)
            records[new.id] = new
            if not self.result.dry_run:
                cache.store_rendered(new, rendered)
                self.to_stamp.append(article)
            kind = "corrected" if record.live else "published"
            self.result.published.append(
                {"id": article.id, "title": article.title, "path": record.path, "kind": kind}
            )

    def _go_live(self, record: Record, stamped: set[dt.datetime | None], ledger: Ledger) -> Article:
        """The release as it goes out: checked once more as read now, its publication in
        the history, its time (the one a killed run already put in the feeds, if any)."""
        from .clock import to_zone
        from .index import verify
        from .workflow import apply

        article = self.store.load(self.config.root / record.path)
        problem = verify(article, self.config, None)
        if problem is not None:  # changed between the scan and now
            raise NewsroomError(problem.message)
        if record.approved_at is not None and self.now < record.approved_at:
            raise NewsroomError(
                "approved after this run's time: a release is never published before it was "
                "approved (is the clock set back?)"
            )
        first = article.published is None
        lift = article.embargo if first and article.embargo else None
        lifted = lift if lift is not None and lift <= self.now else None
        when = _distinct(lifted or self.now, lifted or record.approved_at, stamped)
        corrections = len(article.corrections)
        outcome = apply(
            article,
            "publish",
            self.actor,
            self.config,
            max(when, self.now),  # the history says when it went out
            as_publisher=True,
            via=self.via,
        )
        if len(article.corrections) > corrections:  # a correction: its own second too
            article.corrections[-1].at = to_zone(when, self.config.tz)
        entry = outcome.article.history[-1]
        pending = ledger.get(article.id)[1]
        if (
            first
            and pending is not None
            and (pending.version, pending.seal)
            == (
                entry.version,
                entry.seal,
            )
        ):
            when = dt.datetime.fromisoformat(pending.published)  # already in the feeds
        if first:
            article.published = to_zone(when, self.config.tz)
        return article

    def _in_memory(self, article: Article) -> tuple[Record, Any]:
        """The record and content of a release as this run made it (not yet saved)."""
        from . import fileformat
        from .feeds.content import render_article
        from .index import to_record
        from .store import digest

        data = fileformat.dump(article).encode("utf-8")  # exactly what saving writes
        record = to_record(article, self.config.tz, None, digest=digest(data))
        return record, render_article(article, self.config)

    # ------------------------------------------------------------ writing

    def _write(self, docs: list[Doc], ledger: Ledger) -> bool:
        """Rebuild the documents whose signature moved and stage the ones whose bytes
        changed; note in the ledger what goes out; rename the feeds into place; then stamp
        the releases published. Nothing is half done: a feed that cannot be written (a
        full disk) leaves every feed and every release as it was. False on failure."""
        outputs = self.state.get("outputs", {})
        todo = self._todo(docs)
        self.progress(f"writing {len(todo)} of {len(docs)} feed document(s)")
        feeds = self.config.feeds_dir
        try:
            remove_stale_temporaries(feeds)
            staged = self._stage(todo)
        except OSError as exc:
            remove_stale_temporaries(feeds)
            self.result.failed.append(_cannot_write(exc, feeds))
            return False
        pending = {a.id: row for a in self.to_stamp if (row := _row(a)) is not None}
        try:
            ledger.set_pending(pending)
            commit(staged)
        except (OSError, NewsroomError) as exc:
            for _, tmp in staged:
                tmp.unlink(missing_ok=True)
            failure = _cannot_write(exc, feeds) if isinstance(exc, OSError) else str(exc)
            self.result.failed.append(failure)
            return False
        self.result.written = sorted(str(p.relative_to(feeds)) for p, _ in staged)
        self._stamp(ledger)
        for path in sorted(set(outputs) - {d.path for d in docs}):
            (feeds / path).unlink(missing_ok=True)
            self.result.removed.append(path)
        return True

    def _todo(self, docs: list[Doc]) -> list[Doc]:
        """The documents to rebuild: their content moved, or their file is not as the last
        run left it (a fresh newsroom has none yet)."""
        old = self.state.get("docs", {}) if self.state.get("config") == self.key else {}
        return [
            d
            for d in docs
            if old.get(d.path) != self.signatures[d.path] or d.path not in self.untouched
        ]

    def _stage(self, todo: list[Doc]) -> list[tuple[Path, Path]]:
        from .feeds import writers  # noqa: F401 - imported before the fork: workers inherit it
        from .feeds.work import close_caches, parallel_map, write_document, write_weight

        shared = (todo, self.config, self.key, self.store)
        weight = write_weight(todo)
        try:
            done = parallel_map(write_document, range(len(todo)), shared, weight)
        finally:
            close_caches()
        staged = []
        for path, tmp, bad in done:
            if tmp is not None:
                staged.append((self.config.feeds_dir / path, tmp))
            self._left_out(bad)
        return staged

    def _left_out(self, bad: tuple[tuple[str, str, str], ...]) -> None:
        """Releases a document could not carry (they failed to render): named once."""
        known = {r.id for r in self.result.refused}
        for ident, path, reason in bad:
            if ident not in known:
                known.add(ident)
                self.result.refused.append(Refusal(ident, "", path, "render", reason, True))

    def _stamp(self, ledger: Ledger) -> None:
        """Save the releases this run put out as published, and confirm them in the ledger."""
        confirmed = {}
        for article in self.to_stamp:
            try:
                self.store.save(article)
            except (NewsroomError, OSError) as exc:
                self.result.failed.append(
                    f"{article.path}: in the feeds, but the file could not be stamped "
                    f"published ({exc}); the next run stamps it"
                )
                continue
            self.saved.append(str(article.path))
            row = _row(article)
            if row is not None:
                confirmed[article.id] = row
        if confirmed:
            try:
                ledger.confirm(confirmed)
            except NewsroomError as exc:  # the pending rows still vouch for them
                self.result.warnings.append(str(exc))

    def _diff(self, docs: list[Doc], records: dict[str, Record]) -> None:
        """Per subscription document: the releases it gains, changes and loses; then the
        same told by release (moves.py)."""
        from .moves import compare_documents, moves_of

        before: dict[str, dict[str, str]] = self.state.get("entries", {})
        changes, touched = compare_documents(
            docs, before, self.entries, self.untouched, self.config.feeds_dir
        )
        self.result.changes += changes
        published = {p["id"]: p["kind"] for p in self.result.published}
        waiting = [
            r.id
            for r in records.values()
            if r.status == "approved" and r.embargo is not None and r.embargo > self.now
        ]
        self.result.moves = moves_of(touched, records, published, waiting)

    # ------------------------------------------------------------ state

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

    def _save_state(self, docs: list[Doc], records: list[Record], written: bool) -> None:
        feeds = self.config.feeds_dir
        before = self.state.get("outputs", {})
        done = set(self.result.written)
        outputs = dict(before) if not written else {}  # nothing written: as it was
        for doc in docs if written else []:  # an untouched file keeps its size and mtime
            if doc.path in self.untouched and doc.path not in done:
                outputs[doc.path] = before[doc.path]
                continue
            st = (feeds / doc.path).stat()
            outputs[doc.path] = [st.st_size, st.st_mtime_ns]
        failed = bool(self.result.failed or self.result.refused) or not written
        self.result.failures = (self.state.get("failures", 0) + 1) if failed else 0
        upcoming = self.now if failed else next_event(self.config, records, self.now)
        state = {
            "version": STATE_VERSION,
            "config": self.key,
            "scan": scan_fingerprint(self._files_now()),
            "failed": failed,
            "failures": self.result.failures,
            "last_success": self.state.get("last_success") if failed else self.now.isoformat(),
            "last_run": self.now.isoformat(),
            "next_event": upcoming.isoformat(),
            "docs": self.signatures if written else self.state.get("docs", {}),
            "outputs": outputs,
            "entries": self.entries if written else self.state.get("entries", {}),
        }
        try:
            write_atomic(state_path(self.config), _json(state))
        except OSError as exc:
            self.result.failed.append(_cannot_write(exc, state_path(self.config)))


def _row(article: Article) -> Row | None:
    from .ledger import row_of

    return row_of(article)


def _json(data: dict[str, Any]) -> bytes:
    import json

    return json.dumps(data, sort_keys=True).encode()


def _cannot_write(exc: OSError, where: Path) -> str:
    """A write that failed, said plainly: which file, why, what to do."""
    name = exc.filename or where
    return (
        f"cannot write {name}: {exc.strerror or exc}; nothing was published and the feeds are "
        "as they were (free some space or fix the folder's permissions, then run again)"
    )


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
