"""The ninjs output of publish (the package's docstring says what it writes): which
releases' documents are made again, which index pages, and what the run's state keeps."""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import os
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Any

from ..atomic import commit, holds, remove_empty_folders, remove_stale_temporaries, stage
from ..config import Config
from ..model import Status
from ..outputs import (
    Output,
    Plan,
    PublishResult,
    Refusal,
    Stage,
    Staged,
    Written,
    moved_files,
)
from ..parallel import pmap, workers_for
from ..records import ReadHook, Record
from .buckets import (
    BUCKET,
    GONE,
    HELD,
    bucket_path,
    bucket_sig,
    name_taken,
    private_only,
    read_bucket,
)
from .document import CURRENT, FOLDER, INDEX_LIMIT, dumps, release_dir
from .gone import cancel, index_item
from .indexes import page_bytes, url
from .made import Made
from .releases import (
    NinjsHook,
    WriteJob,
    accepts,
    partner_folder,
    partner_spec,
    prior,
    public,
    withheld,
    would_write,
    write_release,
)


def public_sig(r: Record) -> str:
    """A published release's signature in its bucket: its text, and the versions before
    its publication when it has any (`prior`): a newsroom upgraded to count them makes its
    documents again, so each says the version its index item says; every other release's
    signature is as it was."""
    return f"{r.digest}p{n}" if (n := prior(r)) else f"{r.digest}p"


# A dry run makes at most this many releases' documents in memory to compare their bytes
# (more: it names them without, and says "at most").
DRY_LOOK = 50


class NinjsOutput(Output):
    """Every published release's ninjs documents and the index (see the module docstring).

    Incremental without a per-release look at every run: releases are grouped in BUCKETS
    by their id; a bucket's signature (its releases' digests) is kept in the run's state,
    and only a bucket whose signature moved has its own small file read
    (`.newsroom/ninjs/<bucket>.json`: each release's signature, month and files). The
    documents are not listed in the run's state (an idle run would stat every one); a
    document removed by hand comes back when its release changes."""

    name = "ninjs"
    stage = Stage.FILES

    def __init__(self, config: Config) -> None:
        super().__init__(config)
        self.plan_: Plan | None = None
        self.last: dict[str, Any] = {}
        self.buckets: dict[str, str] = {}  # bucket -> signature
        self.entries: dict[str, dict[str, dict[str, Any]]] = {}  # changed buckets' releases
        self.old: dict[str, dict[str, dict[str, Any]]] = {}  # the same, as the last run left
        self.todo: list[Record] = []
        # index pages to write: (path, its staged temporary; "" in a dry run or when its
        # bytes are there already), staged as they are made (not held: 35 MB at 100,000)
        self.index: list[tuple[str, str]] = []
        self.pages: dict[str, str] = {}  # index page path -> signature
        self.moved: set[str] = set()  # index pages not as the last run left them
        self.removed: list[str] = []
        self.count = 0  # release documents after the run (answer() works it out)
        self.held = 0  # of them, embargoed ones in partners' private folders
        self.withheld: list[str] = []  # of those, the ones withdrawn (withheld) by id
        self.made = Made()  # documents made while the files were read (on disk)
        # each changed bucket once its releases are staged: its file staged beside it ("":
        # unchanged; None: it has no entry left), and the documents it no longer owns
        # (placed() puts the one in place and removes the others)
        self.closed: dict[str, tuple[str | None, list[str]]] = {}
        # held releases whose file went away (gone.py): id -> when, and their index items
        # by folder (kept in the state for the window), and the canceled documents to write
        self.canceled: dict[str, dict[str, Any]] = {}
        self.ghosts: list[tuple[str, bytes]] = []
        self.owned: set[str] = set()  # the documents the changed buckets' releases own now

    def reader(self, cache_key: str, last: dict[str, Any]) -> ReadHook | None:
        """A run that looks at every document (a first one, a new key): each release's
        documents are made on the reading cores while its file is in hand."""
        index = self.config.feeds_dir / FOLDER / "index.json"
        if last.get("key") == cache_key and index.is_file():
            return None
        return NinjsHook(self.config)

    def read(self, value: Any) -> None:
        self.made.add(*value)  # on disk: a first run's 100,000 are never held here

    def plan(self, plan: Plan, last: dict[str, Any]) -> None:
        self.plan_, self.last = plan, last
        private = any(p.embargo_access for p in self.config.partners)
        # A public index gone (feeds/ emptied, restored from an old copy): every document is
        # looked at again (they are not listed in the state: an idle run would stat them all)
        index = self.config.feeds_dir / FOLDER / "index.json"
        same = last.get("key") == plan.cache_key and index.is_file()
        now, retracted, approved = plan.now, Status.RETRACTED, Status.APPROVED
        cutoff = now - _window(self.config)
        # One pass over every release (the only one a run makes): its bucket's entry
        # "<id>:<signature>", and the public ones by month for the index pages.
        wanted: dict[str, list[str]] = {}  # bucket -> entries
        months: dict[str, list[Record]] = {}
        held: list[Record] = []  # embargoed, for the partners with embargo access
        withdrawn: list[Record] = []  # and withdrawn from them (withheld), if they held it
        for r in plan.records.values():
            if r.published is not None and (r.live or r.status == retracted):
                # (its embargo's events first: almost no release has one, and every run
                # passes every release here)
                events_ = r.embargo_moves or r.embargo_withdrawn
                entry = f"{r.id}:{public_sig(r) if events_ else r.digest + 'p'}"
                month = months.get(r.month)
                if month is None:
                    months[r.month] = [r]
                else:
                    month.append(r)
            elif (private and r.status == approved and r.embargo is not None
                  and r.embargo > now and not r.live):  # fmt: skip
                entry = f"{r.id}:{r.digest}e{r.embargo}"
                held.append(r)
            elif private and r.embargo_withdrawn and withheld(r, now, cutoff):
                entry = f"{r.id}:{r.digest}w"
                withdrawn.append(r)
            else:
                continue
            bucket = wanted.get(r.id[:BUCKET])
            if bucket is None:
                wanted[r.id[:BUCKET]] = [entry]
            else:
                bucket.append(entry)
        self.canceled, self.ghosts, self.owned = {}, [], set()
        # the private documents' names releases partners hold have now: a canceled one's
        # name taken by another (made again with its title) is that one's, and its own ends
        taken = {p for r in (*held, *withdrawn) for p in self._files(r)} if private else set()
        for ident, kept_ in last.get("canceled", {}).items():  # (gone.py: for the window)
            if (ident not in plan.records and dt.datetime.fromisoformat(kept_["at"]) > cutoff
                    and not name_taken(kept_, taken)):  # fmt: skip
                self.canceled[ident] = kept_
                wanted.setdefault(ident[:BUCKET], []).append(f"{ident}:{GONE}{kept_['at']}")
        for ident in plan.held_back if private else ():  # (its file there, refused: what
            if ident not in self.canceled:  # partners hold of it stays, as in the feeds)
                wanted.setdefault(ident[:BUCKET], []).append(f"{ident}:{HELD}")
        before: dict[str, str] = last.get("buckets", {}) if same else {}
        self.buckets = {b: bucket_sig(entries) for b, entries in wanted.items()}
        changed = {b for b in self.buckets if before.get(b) != self.buckets[b]}
        changed |= set(last.get("buckets", {})) - set(self.buckets)
        self.todo, self.entries, self.old = [], {}, {}
        for b in sorted(changed):
            old = read_bucket(self.config, b) if b in last.get("buckets", {}) else {}
            self.old[b] = old
            ids = dict(e.split(":", 1) for e in wanted.get(b, ()))
            kept = {i: e for i, e in old.items() if i in ids and (
                (e.get("sig") == ids[i] and (same or i in self.canceled))
                or (ids[i] == HELD and private_only(e)))}  # fmt: skip
            self.entries[b] = kept
            self.todo += [plan.records[i] for i in ids if i not in kept and i in plan.records]
            for ident in [i for i in self.canceled if i[:BUCKET] == b and i not in kept]:
                del self.canceled[ident]  # (its entry lost: its documents go)
            if private and self._gone(plan, b, old, ids, taken):
                wanted[b] = [*wanted.get(b, ()), *(f"{i}:{e['sig']}" for i, e in
                             self.entries[b].items() if i not in ids)]  # fmt: skip
                self.buckets[b] = bucket_sig(wanted[b])
        held += self._told(withdrawn, last)
        self.held = sum(accepts(p, r) for p in self.config.partners if p.embargo_access
                        for r in held)  # fmt: skip
        self._plan_index(plan, months, held, full=not same)

    def _gone(self, plan: Plan, bucket: str, old: dict[str, dict[str, Any]],
              ids: dict[str, str], taken: set[str]) -> bool:  # fmt: skip
        """The releases of a changed bucket whose private documents partners hold (under
        embargo, or withheld) and whose file went away before they went out (gone.py): each
        one's documents made again, canceled. One whose file is there but refused by this
        run (`held_back`) is not gone, as in the private feeds (feeds/held.py)."""
        found = False
        for ident, entry in old.items():
            files = entry.get("files", ())
            if (ident in ids or ident in plan.records or ident in plan.held_back
                    or entry.get("sig", "").startswith(GONE)
                    or not private_only(entry)):  # fmt: skip
                continue
            at = plan.now.astimezone(dt.UTC).isoformat()
            items: dict[str, dict[str, Any]] = {}
            for path in files:
                if path in taken:  # (another release's document now: made again with its
                    continue  # title, the same slug)
                doc = cancel(self.config, self.config.feeds_dir / path, plan.now)
                if doc is not None:
                    self.ghosts.append((path, dumps(doc)))
                    items[path.rpartition("/")[0]] = index_item(doc, self._url(path))
            if not items:  # (nothing partners hold of it is left to cancel)
                continue
            self.canceled[ident] = {"at": at, "items": items}
            self.entries[bucket][ident] = {
                "sig": f"{GONE}{at}",
                "month": entry.get("month", ""),
                "files": sorted(p for p in files if p.rpartition("/")[0] in items),
            }
            found = True
        return found

    def _told(self, withdrawn: list[Record], last: dict[str, Any]) -> list[Record]:
        """Of the releases withdrawn from partners who held them under embargo, those whose
        private documents partners were given (the last run's documents of it, or a
        withheld one before; every one when no state says): their withheld version. One
        withdrawn before any run showed it is news to no one (as in the private feeds)."""
        before = set(last.get("withheld", ()))
        told = []
        for r in withdrawn:
            files = self.old.get(r.id[:BUCKET], {}).get(r.id, {}).get("files", ())
            shown = any(f.startswith("private/") for f in files)
            if shown or r.id in before or "buckets" not in last:
                told.append(r)
        untold = {r.id for r in withdrawn} - {r.id for r in told}
        if untold:
            self.todo = [r for r in self.todo if r.id not in untold]
        self.withheld = sorted(r.id for r in told)
        return told

    def _plan_index(self, plan: Plan, months: dict[str, list[Record]], held: list[Record],
                    full: bool) -> None:  # fmt: skip
        """The index pages whose content moved (from the records: no document read): the
        public ones, and each partner's (its filtered set: docs/deploy.md, "ninjs")."""
        old: dict[str, str] = {} if full else self.last.get("pages", {})
        self.moved = moved = moved_files(self.config.feeds_dir, self.last.get("files", {}))
        kept = {i for b in self.entries.values() for i in b}  # unchanged, in changed buckets
        touched = {r.month for r in self.todo} | {
            e.get("month", "") for b in self.old.values() for i, e in b.items() if i not in kept
        }
        self.pages, self.index = {}, []
        folders = [FOLDER, *(partner_folder(p) for p in self.config.partners)]
        if not plan.dry_run:  # what a run killed after staging its index pages left
            remove_stale_temporaries(self.config.feeds_dir,
                                     [*folders, *(f"{f}/archive" for f in folders)])  # fmt: skip
            remove_stale_temporaries(self.config.state_dir / FOLDER, [""])  # its buckets'
        order = sorted(months)
        cutoff = plan.now - _window(self.config)
        collections: list[tuple[str, Any, list[Record], bool]] = [(FOLDER, None, [], True)]
        for partner in self.config.partners:
            spec = partner_spec(partner)
            filtered = bool(partner.categories or partner.tags or partner.language)
            mine = [r for r in held if spec.accepts(r)] if partner.embargo_access else []
            collections.append((partner_folder(partner), spec if filtered else None, mine,
                                filtered))  # fmt: skip
        for folder, spec, mine, own_archive in collections:
            archive = f"{folder}/archive/" if own_archive else f"{FOLDER}/archive/"
            chosen: dict[str, list[Record]] = {}  # month -> its releases, looked at now
            own: list[str] = []  # the months this collection has a page for
            for m in order:
                if spec is None:
                    own.append(m)
                elif full or m in touched or f"{archive}{m}.json" in moved:
                    if members := [r for r in months[m] if spec.told(r)]:  # (taken, or
                        # until a correction took it out: its month's page keeps it)
                        chosen[m] = members
                        own.append(m)
                elif f"{archive}{m}.json" in old:
                    own.append(m)
            for k, m in enumerate(own if own_archive else ()):
                path = f"{archive}{m}.json"
                prev = self._url(f"{archive}{own[k - 1]}.json") if k else ""
                if (not full and m not in touched and path not in moved
                        and old.get(path, "").endswith("|" + prev)):  # fmt: skip
                    self.pages[path] = old[path]  # its releases did not move
                    continue
                self._page(path, chosen.get(m) or months[m], prev, folder)
            head = list(mine)
            for m in reversed(own):  # the newest months until the index is full
                if len(head) >= INDEX_LIMIT + len(mine):
                    break
                if spec is None:
                    head += months[m]
                else:  # (one a correction took out: while the feeds tell of it, FeedSpec)
                    members = chosen.get(m) or [r for r in months[m] if spec.told(r)]
                    head += [r for r in members if spec.carries(r, cutoff)]
            last_month = self._url(f"{archive}{own[-1]}.json") if own else ""
            ghosts = sorted(
                (k["items"][folder] for k in self.canceled.values() if folder in k["items"]),
                key=lambda i: (i["versioncreated"], i["uri"]),
                reverse=True,
            )
            self._page(f"{folder}/index.json", head, last_month, folder,
                       INDEX_LIMIT + len(mine), ghosts)  # fmt: skip

    def _page(self, path: str, members: list[Record], prev: str, folder: str,
              limit: int = 0, ghosts: list[dict[str, Any]] | None = None) -> None:  # fmt: skip
        """An index page: its releases newest first (the first `limit`, if given), `prev`
        the page before it (indexes.py); staged when its bytes are not what the last run
        wrote."""
        assert self.plan_ is not None
        members = sorted(members, key=_newest, reverse=True)
        if limit:
            members = members[:limit]
        data = page_bytes(self.config, members, prev, folder, self.plan_.now, ghosts)
        sig = hashlib.blake2b(data, digest_size=12).hexdigest() + "|" + prev
        self.pages[path] = sig
        old = self.last.get("pages", {}) if self.last.get("key") == self.plan_key() else {}
        if old.get(path) != sig or path not in self.last.get("files", {}) or path in self.moved:
            self.index.append((path, self._stage_page(path, data)))

    def _stage_page(self, path: str, data: bytes) -> str:
        """An index page staged now (a dry run stages nothing): "" when already there."""
        assert self.plan_ is not None
        if self.plan_.dry_run:  # nothing staged: whether it would be ("" when already there)
            return "" if holds(self.config.feeds_dir / path, data) else "(dry run)"
        private = self.config if path.startswith("private/") else None
        staged = _stage(self.config.feeds_dir, path, data, private)
        return staged[0].pair[1] if staged else ""

    def _url(self, path: str) -> str:
        return url(self.config, path)

    def answer(self, result: PublishResult) -> None:
        self.count = self._count()
        result.documents += len(self.pages) + self.count
        ghosts = sum(len(k["items"]) for k in self.canceled.values())  # (gone.py: private)
        pages = sum(p.startswith("private/") for p in self.pages)
        result.private_documents += self.held + ghosts + pages
        if not result.dry_run:  # (PublishResult.to_write: a preview's)
            return
        owned = {i: set(e.get("files", ())) for b in self.old.values() for i, e in b.items()}
        if len(self.todo) <= DRY_LOOK:  # made as the run makes them
            result.to_write += self._would_write(owned)
        else:
            for r in self.todo:  # a new version's document, and the current one it changes
                new = [f for f in self._files(r) if f not in owned.get(r.id, ())]
                current = f"{release_dir(r.slug)}/{CURRENT}"
                result.to_write += ([*new, current] if new and public(r) and current not in new
                                    else new)  # fmt: skip
                # (a document it has already, made again: written if its bytes change)
                result.to_write_unchecked |= bool(owned.get(r.id))
        result.to_write += [path for path, tmp in self.index if tmp]  # (not those already there)
        result.to_write += [path for path, _ in self.ghosts]
        result.to_remove += self._to_remove()

    def _would_write(self, owned: dict[str, set[str]]) -> list[str]:
        """A dry run's documents of the releases it makes again, each built in memory and
        compared with the file there (`would_write`): a moved lift rewrites a private
        document in place, a new title every version's."""
        assert self.plan_ is not None
        going = {g.article.id: g.article for g in self.plan_.going_live}
        found: list[str] = []
        for r in self.todo:
            changed, error = would_write(self.config, r, going.get(r.id),
                                         tuple(owned.get(r.id, ())), self.plan_.now)  # fmt: skip
            found += changed if not error else []  # (the run names it; its files stay)
        return found

    def _to_remove(self) -> list[str]:
        """A dry run's answer: the documents `placed` would remove, the index pages no longer
        made and, in each changed bucket, what its releases no longer own (withdrawn by a
        retraction, lifted from a partner's private folder, gone)."""
        gone = set(self.last.get("files", {})) - set(self.pages)
        now: dict[str, set[str]] = {}
        for b, entries in self.entries.items():
            now[b] = {p for e in entries.values() for p in e.get("files", ())}
        for r in self.todo:
            now.setdefault(r.id[:BUCKET], set()).update(self._files(r))
        for b, old in self.old.items():
            gone |= {p for e in old.values() for p in e.get("files", ())} - now.get(b, set())
        return sorted(gone - {p for paths in now.values() for p in paths})  # (another's now)

    def stage_files(self, staged: Iterable[Staged], result: PublishResult) -> Iterator[Staged]:
        """Each document as it is staged (the run writes it to its staging file at once: a
        first run's 190,000 documents at 100,000 releases are never held in a list)."""
        assert self.plan_ is not None
        plan = self.plan_
        going = {g.article.id: g.article for g in plan.going_live}
        owned = {i: e.get("files", []) for b in self.old.values() for i, e in b.items()}
        wanted = {r.id for r in self.todo}
        made: set[str] = set()  # those made while the files were read that stand: from the
        for ident, digest in self.made.digests():  # file as it is, not going live now
            r = plan.records.get(ident)
            if (r is not None and r.id in wanted and r.digest == digest and ident not in going
                    and not owned.get(ident)):  # fmt: skip
                made.add(r.id)
        for path, data in self.ghosts:  # (gone.py: their entries are in their buckets)
            yield from _stage(self.config.feeds_dir, path, data, self.config)
        rest = [r for r in self.todo if r.id not in made]
        job = WriteJob(self.config, plan.now, tuple(
            (r, going.get(r.id), tuple(owned.get(r.id, ()))) for r in rest
        ))  # fmt: skip
        workers = workers_for(len(plan.records))  # past FORK_MAX: in this process
        done = pmap(write_release, job, range(len(rest)), weight=len(rest), workers=workers)
        for r, (files, staged_, error) in zip(rest, done, strict=True):
            yield from self._take(r, files, [(p, str(t)) for p, t in staged_], error, result)
        del rest, done, job
        # the rest by id, so a bucket at a time: each one's entries turned into its file's
        # bytes once its releases are in (100,000 entries are never held as dicts)
        buckets, k = sorted(self.entries), 0
        for ident, _, files, temps, error, last in self.made.take():
            r = plan.records.get(ident)
            if not last or r is None or r.id not in made:  # not published by this run after all
                _unlink(temps)
                continue
            while k < len(buckets) and buckets[k] < ident[:BUCKET]:
                self._close(buckets[k])
                k += 1
            yield from self._take(r, files, temps, error, result)
        self.made.close()
        for b in buckets[k:]:
            self._close(b)
        base = f"{self.config.feeds_dir}{os.sep}"
        yield from (Staged(base + path, tmp) for path, tmp in self.index if tmp)

    def _take(self, r: Record, files: list[str], temps: list[tuple[str, str]], error: str,
              result: PublishResult) -> Iterator[Staged]:  # fmt: skip
        """One release's documents, staged: its entry in its bucket (or its refusal)."""
        bucket = r.id[:BUCKET]
        if error:  # named; its documents stay as they were, and the next run tries again
            why: dict[str, str] = json.loads(error)  # (errors.cause: releases._write_one)
            result.refused.append(Refusal(r.id, r.title, r.path, "ninjs",
                                          f"its ninjs documents could not be written: "
                                          f"{why['reason']} (the documents partners have "
                                          "stay; the next run tries again)", False,
                                          why))  # fmt: skip
            if r.id in self.old.get(bucket, {}):
                self.entries[bucket][r.id] = {**self.old[bucket][r.id], "sig": ""}
            self.buckets[bucket] = "retry"  # looked at again by the next run
            return
        base = f"{self.config.feeds_dir}{os.sep}"
        yield from (Staged(base + path, tmp) for path, tmp in temps)
        self.entries[bucket][r.id] = {"sig": self._sig(r), "month": r.month, "files": files}

    def _close(self, bucket: str) -> None:
        """A changed bucket whose releases are all in: its file's bytes, and the documents
        its releases no longer own (withdrawn, lifted, gone), for placed()."""
        entries = self.entries.pop(bucket)
        now = {p for e in entries.values() for p in e["files"]}
        before = {p for e in self.old.get(bucket, {}).values() for p in e.get("files", [])}
        tmp: str | None = None
        if entries:  # staged now (at 100,000 releases their bytes held 27 MB until placed)
            staged = stage(bucket_path(self.config, bucket),
                           json.dumps(entries, sort_keys=True).encode())  # fmt: skip
            tmp = str(staged) if staged is not None else ""
        self.closed[bucket] = (tmp, sorted(before - now))
        self.owned |= now

    def _count(self) -> int:
        """How many release documents exist after this run (kept in the state: no walk)."""
        before = self.last.get("count", 0) if self.last.get("key") == self.plan_key() else 0
        gone = sum(len(e.get("files", [])) for b in self.old.values() for e in b.values())
        kept = sum(len(e["files"]) for b in self.entries.values() for e in b.values())
        return max(0, before - gone) + kept + sum(len(self._files(r)) for r in self.todo)

    def plan_key(self) -> str:
        return self.plan_.cache_key if self.plan_ is not None else ""

    def _files(self, r: Record) -> list[str]:
        """The documents a release has after this run (write_release writes them)."""
        folder = release_dir(r.slug)
        if r.status == Status.RETRACTED:  # the canceled version and the current one
            return [f"{folder}/v{len(r.corrected) + 2}.ninjs.json", f"{folder}/{CURRENT}"]
        if public(r):  # each version and the current one
            versions = range(1, len(r.corrected) + 2)
            return [*(f"{folder}/v{n}.ninjs.json" for n in versions), f"{folder}/{CURRENT}"]
        return [f"{partner_folder(p)}/{r.slug}.json" for p in self.config.partners
                if p.embargo_access and accepts(p, r)]  # fmt: skip

    def _sig(self, r: Record) -> str:
        """The signature `plan` gives its entry: public, held under embargo, withheld."""
        assert self.plan_ is not None
        if public(r):
            return public_sig(r)
        return f"{r.digest}e{r.embargo}" if r.embargo_ahead(self.plan_.now) else f"{r.digest}w"

    def placed(self, result: PublishResult) -> Written:
        feeds = self.config.feeds_dir
        written = Written()
        before = self.last.get("files", {})
        staged = {path for path, _ in self.index}
        for path in self.pages:  # the index pages only (see the class docstring)
            if path in before and path not in staged and path not in self.moved:
                written.files[path] = before[path]
                continue
            st = (feeds / path).stat()
            written.files[path] = [st.st_size, st.st_mtime_ns]
        for path in sorted(set(self.last.get("files", {})) - set(written.files)):
            (feeds / path).unlink(missing_ok=True)
            remove_empty_folders((feeds / path).parent, feeds)
            written.removed.append(path)
        buckets = []
        for b, (tmp, gone) in self.closed.items():  # withdrawn, lifted, gone
            for path in gone:  # (a release's folder goes with its last file, as pages do)
                if path in self.owned:  # another release's now (one made again with the
                    continue  # title of one whose file was deleted, in another bucket)
                (feeds / path).unlink(missing_ok=True)
                remove_empty_folders((feeds / path).parent, feeds)
                written.removed.append(path)
            if tmp is None:
                bucket_path(self.config, b).unlink(missing_ok=True)
            elif tmp:
                buckets.append((str(bucket_path(self.config, b)), tmp))
        commit(buckets)  # made durable, then renamed
        self.closed = {}
        return written

    def close(self) -> None:
        self.made.close()

    def state(self, written: bool) -> dict[str, Any]:
        self.made.close()
        if not written:
            for tmp, _ in self.closed.values():  # nothing was put in place: nor are these
                if tmp:
                    Path(tmp).unlink(missing_ok=True)
            self.closed = {}
            return self.last
        assert self.plan_ is not None
        return {
            "key": self.plan_.cache_key,
            "buckets": self.buckets,
            "pages": self.pages,
            "count": self.count,
            "withheld": self.withheld,
            "canceled": self.canceled,
        }

    def next_event(self, plan: Plan) -> dt.datetime | None:
        """When the first canceled document's window ends (gone.py: it goes then)."""
        window = _window(self.config)
        ends = [dt.datetime.fromisoformat(k["at"]) + window for k in self.canceled.values()]
        return min((e for e in ends if e > plan.now), default=None)


def _unlink(temps: list[tuple[str, str]]) -> None:
    for _, tmp in temps:
        Path(tmp).unlink(missing_ok=True)


def _window(config: Config) -> Any:
    from ..feeds.plan import retraction_window  # (the feeds' window: one rule)

    return retraction_window(config)


def _newest(r: Record) -> tuple[float, str]:
    when = r.published or r.embargo or r.approved_at
    return (when.timestamp() if when else 0.0), r.id


def _stage(feeds: Path, path: str, data: bytes, private: Config | None = None) -> list[Staged]:
    mode, group = (0o640, private.private_group) if private is not None else (None, "")
    tmp = stage(feeds / path, data, mode, group)
    return [Staged(feeds / path, tmp)] if tmp is not None else []
