"""One publish run, under the lock: decide once, then hand the plan to the outputs.

1. Read what changed (index.py) and check every release against its seals and the ledger.
2. Tell the ledger what the files show as published (the first time on this server, or
   files that changed since); name every release publish will not put out, and keep out of
   every output those whose live text cannot be trusted.
3. Decide what goes live now and at what moment (golive.py): the `Plan`.
4. Each output plans its files and answers the dry run.
5. Not a dry run: FILES outputs stage their files, SEAL outputs cover them, the ledger
   notes what is about to go out, every file is renamed into place at once, the releases
   are stamped published in their files, the ledger confirms them, NOTIFY outputs tell
   others. A failure before the rename leaves every file and every release as it was.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import functools
import json
import secrets
import sqlite3
from array import array
from bisect import bisect_left
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

from ..atomic import commit, remove_stale_temporaries, write_atomic
from ..cache import Cache
from ..config import Config
from ..errors import NewsroomError, Said, cause
from ..index import KEPT, Index, paused_collector, refresh, remember
from ..ledger import Ledger, row_of
from ..outputs import (
    GoingLive,
    Output,
    Paths,
    Plan,
    PublishResult,
    Refusal,
    Stage,
    Staging,
)
from ..parallel import Spare
from ..records import ReadHook, Record, Renderer
from ..scan import Columns, FileStat, columns
from ..seal import APPROVAL_PROBLEMS
from ..store import Store
from .golive import GoLive, in_memory
from .state import STATE_VERSION, Files, OwnedFiles, read_state, state_path

STAGING = "staging"  # in .newsroom/ while a run stages its files (a killed run leaves it)


class Run:
    """One publish run; what lasts between runs is in .newsroom/publish-state.json."""

    def __init__(
        self,
        config: Config,
        outputs: Sequence[Output],
        cache_key: str,
        render: Renderer | None,
        *,
        actor: str,
        now: dt.datetime,
        dry_run: bool,
        progress: Callable[[str], None],
        via: str,
        spare: Spare | None = None,
    ) -> None:
        self.config, self.outputs, self.key, self.render = config, outputs, cache_key, render
        self.spare = spare
        self.actor, self.via, self.now, self.progress = actor, via, now, progress
        self.store = Store(config)
        self.result = PublishResult(now, actor, dry_run=dry_run)
        self.state = read_state(config)  # again, now under the lock: another run may have
        # finished between the look before the lock (nothing_to_do) and now
        self.owned = OwnedFiles(config)
        self.kept: dict[str, Files] = self.owned.load()  # as the files store holds them
        # the files the outputs are told they own: none when they are not this state's
        # (a run killed between the two, a lost file); those listed are then looked at
        # after the run, and removed if no output owns them now (`_sweep`)
        token = self.state.get("token")
        self.before = self.kept if token and token == self.owned.token() else {}
        if not self.kept and self.state.get("version") == 3:  # upgraded: the files were here
            listed = self.state.get("outputs", {})
            self.kept = {name: dict(o.get("files", {})) for name, o in listed.items()}
        self.files = columns([])  # the scan, once the files are read (`run`)
        self.saved: list[str] = []  # article files this run rewrote
        self.going: list[GoingLive] = []
        self.look = True  # outputs look at each file they own (see Output.plan)
        self.scanned = ""  # the scan's fingerprint
        self.heavy = False  # many files read: memory freed is handed back (`_give_back`)

    def run(self, files: list[FileStat]) -> PublishResult:
        """The run, from the scan (`files`: emptied once the files are read, the caller's
        list too: 100,000 tuples are not held through the run, only their columns)."""
        scanned = columns(files)  # kept as the run's scan once the files are read
        self.scanned = scanned.fingerprint()
        self.look = (
            self.state.get("scan") == self.scanned
            or not self.before
            or self.state.get("failed", True)
            or self.now - _time(self.state.get("looked")) > LOOK_EVERY
        )
        cache = Cache(self.config, self.key)
        ledger = Ledger(self.config)
        if not ledger.initialized and not self.result.dry_run:
            cache.forget_records()  # taking stock needs what every file shows: read them all
        if not self.result.dry_run and (
            (self.config.state_dir / STAGING).exists() or not self.state
        ):
            # Temporaries a run killed while staging left anywhere (the signed texts' too),
            # swept only then (or on a first run), before anything is staged (outputs stage
            # while the files are read): walking every folder of the public record (a
            # folder per release) costs 0.1-0.2 s at 10,000 releases. Outputs clear their
            # own folders each run.
            remove_stale_temporaries(self.config.feeds_dir)
        try:
            with paused_collector():  # loading and planning make no garbage cycles
                index = self._load(cache, files, ledger)
                self.files = scanned
                files.clear()
                records = index.records
                self._take_stock(records, index, ledger)
                index.published = {}  # told to the ledger: no longer needed (100,000 rows cold)
                self._hold_back(records)
                plan = self._plan(records, cache, ledger)
                if plan.spare is not None and not self.result.dry_run:
                    # an output may stage on the spare from its plan on: a run killed from
                    # now on leaves temporaries (swept by the next run)
                    (self.config.state_dir / STAGING).touch()
                for output in self.outputs:
                    output.plan(plan, self._last(output.name))
            for output in self.outputs:
                output.answer(self.result)
            self.heavy = index.parsed >= GIVE_BACK_MIN
            self._give_back()  # what the reading freed
            if not self.result.dry_run:
                written = self._write(ledger, cache)
                self._save_state(plan, written)
        finally:
            cache.close()
            ledger.close()
            self.owned.close()
            for output in self.outputs:
                output.close()
        return self.result

    def _last(self, name: str) -> dict[str, Any]:
        """What an output kept from the last run, with the files it owns."""
        last: dict[str, Any] = self.state.get("outputs", {}).get(name, {})
        return {**last, "files": self.before.get(name, {}), "look": self.look}

    # ------------------------------------------------------------ reading and checking

    def _load(self, cache: Cache, files: list[FileStat], ledger: Ledger) -> Index:
        """Records of every file: from the cache when size and mtime match, else parsed."""
        hooks: list[tuple[str, ReadHook]] = []
        named = {o.name: o for o in self.outputs}
        if not self.result.dry_run:  # work outputs do on each release while it is read
            hooks = [
                (o.name, h) for o in self.outputs
                if (h := o.reader(self.key, self._last(o.name))) is not None
            ]  # fmt: skip
            if hooks:  # they stage files: a run killed from now on leaves temporaries
                (self.config.state_dir / STAGING).touch()
        index = refresh(
            self.config, cache, files, render=self.render, write=not self.result.dry_run,
            progress=self.progress, ledger=ledger, hooks=tuple(hooks),
            took=lambda name, value: named[name].read(value),
        )  # fmt: skip
        self.result.problems = index.problems
        index.records |= index.held_as_kept()  # what partners have of them stays
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
                self._adopt_legacy(records, index)
            ok = {r.id for r in records.values() if not r.problem}
            if index.staged:
                ledger.confirm_staged(ok)
            ledger.confirm({i: row for i, row in index.published.items() if i in ok})
            ledger.mark_initialized(self.now.isoformat())
            if count := ledger.confirmed_count():
                self.result.notes.append(
                    f"took stock of {count} release(s) published before this run: from now "
                    "on a published file that changes outside the workflow is reported, not "
                    "republished"
                )
                self.result.noted.append(("took_stock", count))
            return
        changed = {
            ident: row for ident, row in index.published.items()
            if ident in records and not records[ident].problem and ledger.get(ident)[0] != row
        }  # fmt: skip
        if changed:
            ledger.confirm(changed)

    def _adopt_legacy(self, records: dict[str, Record], index: Index) -> None:
        """Seal, once and in the open, the releases published before publications were
        sealed (their history gets an `adopt` entry; see `newsroom adopt`)."""
        from ..workflow import adopt

        legacy = [r for r in records.values() if r.problem and r.problem[0] == "legacy"]
        for record in legacy:
            try:
                article = self.store.load(self.config.root / record.path)
                adopt(article, self.actor, self.config, self.now, via=self.via)
                self.store.save(article)
            except (NewsroomError, OSError) as exc:
                self.result.fail(f"{record.path}: could not be sealed: {exc} (fix the file, "
                                 "then run publish again)", "not_sealed", cause(exc),
                                 path=record.path)  # fmt: skip
                continue
            self.saved.append(record.path)
            self.result.saved.append(("adopt", record.path))
            records[record.id] = in_memory(article, self.config)
            if (row := row_of(article)) is not None:
                index.published[record.id] = row
        if legacy:
            self.result.notes.append(
                f"sealed {len(legacy)} release(s) published before publications were sealed, "
                "as they are now (history: adopt)"
            )
            self.result.noted.append(("sealed_legacy", len(legacy)))

    def _hold_back(self, records: dict[str, Record]) -> None:
        """Name every release publish will not put out, and keep out of every output those
        whose live text cannot be trusted. A published release whose *correction* is not
        properly approved keeps its published version out; only the correction waits; one
        whose file no longer reads (BROKEN) or whose published text was changed by hand
        (LIVE_KEPT) keeps what partners have of it, as the file last read with it."""
        for record in list(records.values()):
            if record.problem is None:
                continue
            code, reason, facts = record.problem
            withheld = not (record.live and (code in APPROVAL_PROBLEMS or code in KEPT))
            if withheld:
                del records[record.id]
            self.result.refused.append(
                Refusal(record.id, record.title, record.path, code, reason, withheld, dict(facts))
            )

    def _plan(self, records: dict[str, Record], cache: Cache, ledger: Ledger) -> Plan:
        """What goes live now, and at what moment (golive.py): decided once, for all."""
        golive = GoLive(self.config, ledger, self.now, self.actor, self.via)
        self.going, failed = golive.take(records)
        if golive.waiting:  # translations whose original is not out yet (translations.py)
            self.result.noted.append(("translation_waits", len(golive.waiting)))
        for path, reason in failed:  # (one with its code and facts: the faces word it)
            line = f"{path}: {reason}"
            if isinstance(reason, Said) and reason.code:
                line = Said(line, reason.code, reason.facts)
            self.result.failed.append(line)
        self.result.published += [
            {"id": g.article.id, "title": g.article.title, "path": g.record.path, "kind": g.kind,
             "number": g.article.release_number}
            for g in self.going
        ]  # fmt: skip
        held_back = frozenset(r.id for r in self.result.refused if r.withheld)
        return Plan(self.config, self.now, records, self.going, cache, self.key,
                    self.result.dry_run, self.progress, self.spare, held_back)  # fmt: skip

    # ------------------------------------------------------------ writing

    def _write(self, ledger: Ledger, cache: Cache) -> bool:
        """Stage every output's files, note in the ledger what goes out, rename them all into
        place, then stamp the releases published. Nothing is half done: a file that cannot
        be written (a full disk) leaves every file and every release as it was."""
        feeds = self.config.feeds_dir
        marker = self.config.state_dir / STAGING
        begun: list[Output] = []
        staged: Staging | None = None
        try:
            staged = Staging(marker)  # the marker holds the list of what is staged
            for stage in (Stage.FILES, Stage.SEAL):
                outputs = self._at(stage)
                begun = [o for o in outputs if o.begin()]  # collected after the others
                for output in [*(o for o in outputs if o not in begun), *begun]:
                    made = output.stage_files(staged, self.result)
                    staged.add(made if stage == Stage.FILES else list(made))
                    self._give_back()
            staged.close()
        except OSError as exc:
            for output in begun:  # what runs elsewhere ends before its temporaries go
                with contextlib.suppress(Exception):
                    list(output.stage_files([], self.result))
            remove_stale_temporaries(feeds)
            if staged is not None:
                staged.remove()
            marker.unlink(missing_ok=True)
            _cannot_write(self.result, exc, feeds)
            return False
        pending = {g.article.id: row for g in self.going if (row := row_of(g.article))}
        numbers = {
            g.article.release_number: (g.article.id, g.article.published.isoformat())
            for g in self.going
            if g.kind == "published" and g.article.release_number and g.article.published
        }  # fmt: skip
        try:
            ledger.set_pending(pending, numbers)
            self.progress(f"putting {len(staged)} file(s) in place")
            commit(staged.pairs())
        except (OSError, NewsroomError) as exc:
            for _, tmp in staged.pairs():
                Path(tmp).unlink(missing_ok=True)
            staged.remove()
            if isinstance(exc, OSError):
                _cannot_write(self.result, exc, feeds)
            else:
                self.result.fail_with(exc)
            return False
        start = len(str(feeds)) + 1
        self.result.written = Paths(place[start:] for place, _ in staged.pairs())
        staged.remove()
        self._stamp(ledger, cache)
        for output in self._at(Stage.NOTIFY):
            output.notify(self.result)
        return True

    def _give_back(self) -> None:
        """Hand the memory freed so far back to the system, in a run that read many files:
        glibc's malloc keeps it otherwise, and the process's footprint only grows.
        benchmarks/bench_phases.py at 100,000, peak PSS of the tree after the reading
        (feeds, pages, renames, recording): 290/284/302/312 -> 286/280/302/300 MB."""
        if self.heavy and (trim := _malloc_trim()) is not None:
            trim(0)

    def _at(self, stage: Stage) -> list[Output]:
        return [o for o in self.outputs if o.stage == stage]

    def _stamp(self, ledger: Ledger, cache: Cache) -> None:
        """Save the releases this run put out as published, confirm them in the ledger, and
        keep their files' records in the cache (`index.remember`)."""
        confirmed = {}
        for going in self.going:
            article = going.article
            try:
                if going.kept is not None:  # the version it supersedes, kept before the file
                    write_atomic(*going.kept)  # that no longer holds it is saved
                self.store.save(article)
            except (NewsroomError, OSError) as exc:
                self.result.fail(
                    f"{article.path}: in the feeds, but the file could not be stamped "
                    f"published ({exc}); the next run stamps it",
                    "not_stamped", cause(exc), path=article.path,
                )  # fmt: skip
                continue
            self.saved.append(str(article.path))
            self.result.saved.append(("publish", str(article.path)))
            row = row_of(article)
            if row is not None:
                confirmed[article.id] = row
        if confirmed:
            try:
                ledger.confirm(confirmed)
            except NewsroomError as exc:  # the pending rows still vouch for them
                reason = exc.facts.get("reason", exc)
                self.result.warn(
                    f"{ledger.path}: this run's publications were not confirmed ({reason}); "
                    "they are in the feeds and the next run confirms them (free some space or "
                    "fix the folder's permissions)", "not_confirmed", path=ledger.path,
                    reason=reason,
                )  # fmt: skip
                return  # (the next run reads them again, and confirms them)
        stamped = [str(g.article.path) for g in self.going if str(g.article.path) in self.saved]
        remember(self.config, cache, ledger, stamped)

    # ------------------------------------------------------------ state

    def _files_now(self) -> Columns:
        """The scan (sorted by path), with the files this run rewrote stat-ed again."""
        paths, sizes, mtimes = (list(self.files.paths), array("q", self.files.sizes),
                                array("q", self.files.mtimes))  # fmt: skip
        for path in self.saved:
            st = (self.config.root / path).stat()
            at = bisect_left(paths, path)
            if at < len(paths) and paths[at] == path:
                sizes[at], mtimes[at] = st.st_size, st.st_mtime_ns
            else:
                paths.insert(at, path)
                sizes.insert(at, st.st_size)
                mtimes.insert(at, st.st_mtime_ns)
        return Columns(paths, sizes, mtimes)

    def _save_state(self, plan: Plan, written: bool) -> None:
        self._give_back()
        self.progress("recording what was written")
        outputs: dict[str, Any] = {}
        files: dict[str, Files] = {}
        for output in self.outputs:
            if written:
                placed = output.placed(self.result)
                self.result.removed += placed.removed
                files[output.name] = placed.files
            kept = output.state(written)  # as it was, when nothing was written
            outputs[output.name] = {k: v for k, v in kept.items() if k not in ("files", "look")}
        token = self.state.get("token", "")  # nothing written: the files store as it was
        if written:
            self._sweep(files)
            token = secrets.token_hex(8)
            try:
                self.owned.save(files, self.kept, token)
            except (OSError, sqlite3.Error) as exc:  # the files are in place: say so
                token = ""  # the next run compares every file again
                self.result.warn(
                    f"{self.owned.path}: the files this run wrote were not recorded "
                    f"({exc}); the next run compares every file with what it would write",
                    "files_not_recorded", cause(exc), path=self.owned.path,
                )  # fmt: skip
        failed = bool(self.result.failed or self.result.refused) or not written
        self.result.failures = (self.state.get("failures", 0) + 1) if failed else 0
        # a run that put releases out and only refused others published (newsroom status
        # says what it refused); it still counts among the runs that did not wholly succeed
        published = written and not self.result.failed and bool(self.result.published)
        upcoming = self.now if failed else self._next_event(plan)
        state = {
            "version": STATE_VERSION,
            "config": self.key,
            "scan": self._files_now().fingerprint() if self.saved else self.scanned,
            "failed": failed,
            "failures": self.result.failures,
            "last_success": self.now.isoformat()
            if published or not failed
            else self.state.get("last_success"),
            "last_run": self.now.isoformat(),
            "published": len(self.result.published),
            "next_event": upcoming.isoformat(),
            "token": token,
            "looked": self.now.isoformat() if self.look else self.state.get("looked"),
            "outputs": outputs,
            # What this run refused, from any output: `newsroom status` and the desk name them.
            "refused": [
                [r.id, r.title, r.path, r.code, r.reason, r.facts] for r in self.result.refused
            ],
            "failed_because": list(self.result.failed),
            # (each one's code and facts: `newsroom status` words it in the person's language)
            "failed_said": {
                f: [f.code, f.facts] for f in self.result.failed if isinstance(f, Said) and f.code
            },
        }
        try:
            write_atomic(state_path(self.config), json.dumps(state, sort_keys=True).encode())
        except OSError as exc:
            if not written:  # nothing was: the feeds are as they were
                _cannot_write(self.result, exc, state_path(self.config))
                return
            name, why = exc.filename or state_path(self.config), exc.strerror or str(exc)
            self.result.fail(  # the feeds are in place: only the run's record is not
                f"cannot write {name}: {why}; the feeds are written, but this run's record "
                "(its state) is not: the next run looks at every file again (free some space "
                "or fix the folder's permissions)", "state_not_written", file=name, reason=why,
            )  # fmt: skip

    def _sweep(self, files: dict[str, Files]) -> None:
        """Files the store lists that no output owns now, when the outputs were not told of
        them (`before`): a run killed between recording its files and its state, or the
        first run after an upgrade, must not leave a retracted release's page or a gone
        partner's feed in place."""
        if self.before is self.kept or not any(self.kept.values()):  # (a first run: no set
            return  # of its 283,000 files at 100,000 releases)
        owned = {path for mine in files.values() for path in mine}
        feeds = self.config.feeds_dir
        for mine in self.kept.values():
            for path in sorted(set(mine) - owned):
                (feeds / path).unlink(missing_ok=True)
                self.result.removed.append(path)

    def _next_event(self, plan: Plan) -> dt.datetime:
        """The next moment a run changes something by the clock alone (an embargo lifts, a
        notice expires): until then, a run with no changed file has nothing to do."""
        moments = [self.now + dt.timedelta(days=366)]
        moments += [m for o in self.outputs if (m := o.next_event(plan)) is not None]
        moments += [
            r.embargo for r in plan.records.values()
            if r.embargo is not None and r.embargo_ahead(self.now)
        ]  # fmt: skip
        return min(moments)


LOOK_EVERY = dt.timedelta(hours=1)  # at the latest, a run looks at every file it owns
# A published release whose file no longer reads (index.Broken): what partners have stays.
GIVE_BACK_MIN = 10_000  # files read before a run hands freed memory back (`_give_back`)


@functools.cache
def _malloc_trim() -> Callable[[int], int] | None:
    """glibc's malloc_trim (None elsewhere: musl, macOS); ctypes loaded only for a run
    that reads many files."""
    import ctypes

    try:
        trim: Callable[[int], int] = ctypes.CDLL(None).malloc_trim
    except (OSError, AttributeError):
        return None
    return trim


def _time(text: Any) -> dt.datetime:
    try:
        return dt.datetime.fromisoformat(text)
    except (TypeError, ValueError):
        return dt.datetime(1970, 1, 1, tzinfo=dt.UTC)


def _cannot_write(result: PublishResult, exc: OSError, where: Path) -> None:
    """A write that failed, said plainly: which file, why, what to do."""
    name, why = exc.filename or where, exc.strerror or str(exc)
    result.fail(
        f"cannot write {name}: {why}; nothing was published and the feeds are as they were "
        "(free some space or fix the folder's permissions, then run again)",
        "cannot_write", file=name, reason=why,
    )  # fmt: skip
