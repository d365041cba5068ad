"""The core's one door: the newsroom as the faces (the CLI, the TUI) see it.

A `Newsroom` holds the config, the clock and the acting person; through it a face finds,
creates, edits (`edit`: an EditSession), acts on, imports, checks and publishes releases,
and reads the desk. The CLI and the TUI call the same methods, so every rule lives once.
The names a face needs for its own work (types, time formatting, the desk's views) are
handed out here too, loaded when first asked for: an import-linter contract lets the
faces import only this module, the model, the errors and the workflow, and `newsroom
publish` from cron still loads only what its run needs.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager, suppress
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from .clock import Clock
from .clock import system_clock as system_clock
from .clock import to_zone as to_zone
from .config import Config as Config
from .config import load_config as load_config
from .config import require_root as require_root
from .drafts import NewArticle as NewArticle
from .errors import ArticleError, GitError, NewsroomError, NotFound, Refused
from .identity import Actor, refuse_system, require, resolve
from .model import Article, Attachment, Status
from .service_publish import Publishing

if TYPE_CHECKING:  # what the door hands the faces (loaded on first use: see __getattr__)
    from .atomic import write_atomic as write_atomic
    from .checks import GONE as GONE
    from .checks import Around as Around
    from .checks import CheckResult as CheckResult
    from .clock import format_time as format_time
    from .clock import input_time as input_time
    from .clock import parse_time as parse_time
    from .clock import zone_abbreviation as zone_abbreviation
    from .config import find_root as find_root
    from .desk import SORTS as SORTS
    from .desk import VIEWS as VIEWS
    from .desk import Broken as Broken
    from .desk import Desk as Desk
    from .desk import Row as Row
    from .editing import EditSession as EditSession
    from .editing import KeptText as KeptText
    from .editing import Restoring as Restoring
    from .feeds.moves import HELD as HELD
    from .handedit import Unsaved as Unsaved
    from .health import Health as Health
    from .importer import missing as missing
    from .index import Index as Index
    from .init import init_newsroom as init_newsroom
    from .lease import RENEW_SECONDS as RENEW_SECONDS
    from .lease import Lease as Lease
    from .lease import LeaseHeld as LeaseHeld
    from .listing import article_json as article_json
    from .listing import listing_json as listing_json
    from .listing import newest_first as newest_first
    from .messaging import TEXT_FORMATS as TEXT_FORMATS
    from .outputs import PublishResult as PublishResult
    from .outputs import Refusal as Refusal
    from .outputs import is_private as is_private
    from .records import Record as Record
    from .report import ERROR as ERROR
    from .report import CheckReport as CheckReport
    from .review import CUT as CUT
    from .review import DELETED as DELETED
    from .review import INSERTED as INSERTED
    from .review import Note as Note
    from .review import PendingCorrection as PendingCorrection
    from .signing.keys import KeyInfo as KeyInfo
    from .signing.keys import Rotated as Rotated
    from .signing.minisign import PublicKey as PublicKey
    from .signing.minisign import SecretKey as SecretKey
    from .signing.verify import Report as Report
    from .signing.verify import trusted_key as trusted_key
    from .signing.verify import verify_paths as verify_paths
    from .signoff import signoff_at_end as signoff_at_end
    from .store import Snapshot, Store
    from .validate import FieldError as FieldError
    from .validate import in_range as in_range
    from .vcs.sync import Conflict as Conflict
    from .vcs.sync import SyncResult as SyncResult
    from .versions import Version as Version
    from .view import PartnerText as PartnerText
    from .view import partner_text as partner_text
    from .view import sign_off as sign_off
    from .workflow import Decision, Outcome

# Seconds an action on an approved release waits for a publish run to end (one approval's
# run takes well under one; a first run of many thousands longer: then it says to retry).
ACT_LOCK_WAIT = 15.0

# name -> the module that has it (relative to newsroom.core)
_HANDED = {
    "write_atomic": "atomic", "Around": "checks", "GONE": "checks",
    "CheckResult": "checks", "format_time": "clock",
    "input_time": "clock",
    "parse_time": "clock", "zone_abbreviation": "clock", "find_root": "config", "SORTS": "desk",
    "VIEWS": "desk", "Broken": "desk", "Desk": "desk", "Row": "desk",
    "EditSession": "editing", "KeptText": "editing", "Restoring": "editing",
    "Unsaved": "handedit", "HELD": "feeds.moves",
    "missing": "importer", "Index": "index", "init_newsroom": "init",
    "RENEW_SECONDS": "lease", "TEXT_FORMATS": "messaging", "Lease": "lease", "LeaseHeld": "lease",
    "article_json": "listing", "listing_json": "listing", "newest_first": "listing",
    "PublishResult": "outputs", "is_private": "outputs", "Refusal": "outputs", "Record": "records",
    "ERROR": "report", "CheckReport": "report", "CUT": "review", "DELETED": "review",
    "INSERTED": "review", "Note": "review", "PendingCorrection": "review",
    "signoff_at_end": "signoff",
    "KeyInfo": "signing.keys", "Rotated": "signing.keys", "PublicKey": "signing.minisign",
    "SecretKey": "signing.minisign", "Report": "signing.verify",
    "trusted_key": "signing.verify", "verify_paths": "signing.verify",
    "Health": "health", "FieldError": "validate", "in_range": "validate",
    "PartnerText": "view", "partner_text": "view", "sign_off": "view", "Version": "versions",
    "Conflict": "vcs.sync", "SyncResult": "vcs.sync",
}  # fmt: skip


def __getattr__(name: str) -> Any:
    """A name the door hands out, loaded from its module when first asked for."""
    where = _HANDED.get(name)
    if where is None:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    import importlib

    value = getattr(importlib.import_module(f"{__package__}.{where}"), name)
    globals()[name] = value
    return value


@dataclass
class Recording:
    """One workflow action being written (see `Newsroom.recording`): the release it
    changes, set by the code inside the block when it is made there (a new release)."""

    action: str
    article: Article | None = None
    note: str = ""


class Newsroom(Publishing):
    """One newsroom folder, acted on by one person with one clock."""

    def __init__(
        self,
        config: Config,
        actor: str | None = None,
        clock: Clock = system_clock,
        job: str = "",
    ) -> None:
        self.config = config
        self.identity: Actor = resolve(config, actor, job)
        self.actor = self.identity.id
        self.clock = clock
        self._known: dict[str, Path] = {}  # id and slug -> file, from the last index read
        self._store: Store | None = None
        self._git_lock: Any = None  # the clone's git lock, once an action needed it
        self._recording: Recording | None = None  # the action being written, if any

    @classmethod
    def open(
        cls, root: Path, actor: str | None = None, clock: Clock = system_clock, job: str = ""
    ) -> Newsroom:
        return cls(load_config(root), actor, clock, job)

    @property
    def store(self) -> Store:
        """The article files (store.py), loaded when first needed: a publish with nothing
        to do never reads YAML."""
        from .store import Store

        if self._store is None:
            self._store = Store(self.config)
        return self._store

    # ------------------------------------------------------------ recording actions in git

    @contextmanager
    def recording(
        self, action: str, article: Article | None = None, note: str = ""
    ) -> Iterator[Recording]:
        """Around the writes of one workflow action (saving the release, copying an
        attachment into its companion folder): with [git] on, they become one commit by
        this person once the block ends (vcs/record.py), under the clone's git lock so a
        sync never sees half an action. Without git, nothing more happens: git is never run.

            with newsroom.recording("attach", article, note=name):
                ...copy the file, save the release...
        """
        done = Recording(action, article, note)
        if not self.config.git or self._recording is not None:
            yield done  # git off; or inside another action (attach saves an edit): one commit
            return
        if self._git_lock is None:
            from .vcs.git import lock

            self._git_lock = lock(self.config)
        from .vcs.record import flush

        with self._git_lock:
            with suppress(GitError):  # still failing: this action's commit says so
                flush(self.config)  # an earlier action whose commit failed goes first
            self._recording = done
            try:
                yield done
            finally:
                self._recording = None
            if done.article is not None and done.article.path is not None:
                self._commit(done)

    def _commit(self, done: Recording) -> None:
        from .vcs.record import change_of, record

        assert done.article is not None
        change = change_of(done.article, done.action, self.actor, self.identity.via, done.note)
        record(self.config, change)

    def sync(self, choices: dict[str, str] | None = None) -> SyncResult:
        """Share this clone's commits with the other offices (vcs/sync.py): fetch, rebase,
        push, with bounded retries. `choices` settles releases a sync stopped on, by any
        reference `find` takes (id, prefix, slug, path): "mine" or "theirs". SyncConflict
        names them; GitError says what failed."""
        from .vcs.sync import share

        self.may_act("sync")
        self._require_git("sync")
        settled: dict[str, str] = {}
        for ref, choice in (choices or {}).items():
            try:
                settled[self.find(ref).id] = choice
            except NewsroomError:  # not a release here (a file deleted on this side, a path)
                settled[ref] = choice
        result = share(self.config, self.actor, self.now(), settled)
        if result.received:
            self._reload()  # another office may have changed newsroom.toml
        return result

    def _reload(self) -> None:
        """Read newsroom.toml again (git brought a new one); the store with it."""
        self.config = load_config(self.config.root)
        self._store = None
        self._known = {}

    def unshared(self) -> int:
        """How many of this clone's commits the other offices have not got yet (as of the
        last sync); 0 with git off (git is not run) or when git cannot tell."""
        if not self.config.git:
            return 0
        from .vcs.sync import unshared

        try:
            return unshared(self.config)
        except GitError:
            return 0

    def _require_git(self, what: str) -> None:
        if not self.config.git:
            raise Refused(
                f"{what}: git is off in newsroom.toml (set [git] enabled = true in a git clone; "
                'docs/workflow.md, "Many offices")',
                code="git_off",
            )

    def allowed(self, article: Article) -> dict[str, Decision]:
        """Every action with its decision for this person on this release (the footer, the
        palette and `newsroom show` ask this): a login that may not act may do nothing."""
        from .rules import EVERY_ACTION
        from .workflow import Decision, allowed_actions

        actor = self.identity
        if actor.problem:
            facts = dict(actor.facts)
            refused = [Decision(a, False, actor.problem, code=actor.code, args=facts)
                       for a in EVERY_ACTION]  # fmt: skip
            return {d.action: d for d in refused}
        return allowed_actions(article, self.actor, self.config, self.now(), self.around())

    def decide(self, article: Article, action: str) -> Decision:
        """This person's decision on one action, for the release as given (a copy with
        another embargo, say: the approval dialog asks again as its field changes)."""
        from .workflow import decide

        return decide(article, action, self.actor, self.config, self.now(), around=self.around())

    def failing_checks(self, article: Article) -> list[CheckResult]:
        """The pre-approval checks this release fails now, each naming the field to fix
        (the editor shows them under its fields after a save, as the checklist words them)."""
        from .checks import run_checks

        checks = run_checks(article, self.config, self.now(), around=self.around())
        return [c for c in checks if not c.passed]

    def around(self) -> Around:
        """What the checks that look beyond a release need (checks.Around): its files on
        disk, and the release numbers of the others (the index and the ledger), read only
        when a release has a number or attachments to check."""
        from .checks import Around

        return Around(self.config, self._number_owners, self._original, self.original_corrected)

    def _original(self, article: Article) -> Article | None:
        """The release a translation translates (None when it is gone or unreadable)."""
        try:
            return self.find(article.translation_of)
        except NewsroomError:
            return None

    def _number_owners(self) -> dict[str, list[tuple[str, str]]]:
        """number -> [(id, path)] of every release having it; a number this server issued
        (the ledger) to a release no file has any more, with no path."""
        from .ledger import Ledger
        from .numbering import number_owners

        records = self.index().records.values()
        ledger = Ledger(self.config)
        try:
            issued = ledger.numbers()
        finally:
            ledger.close()
        return number_owners(((r.number, r.id, r.path) for r in records), issued)

    def may_act(self, action: str) -> None:
        """Refuse (Refused) when this login may not act, or acts as a system identity."""
        require(self.identity, action)
        refuse_system(self.config, self.identity, action)

    @property
    def cache_key(self) -> str:
        """The key of the newsroom's cache (it changes with the config and the program)."""
        from .publish import cache_key

        return cache_key(self.config)

    def now(self) -> dt.datetime:
        """The clock's time in the newsroom's zone."""
        return to_zone(self.clock(), self.config.tz)

    def snapshot(self) -> Snapshot:
        """Every article parsed now (slow for a large newsroom: prefer `index`)."""
        return self.store.load_all()

    def index(self) -> Index:
        """Every release as the cached index knows it (only changed files are read)."""
        from .cache import Cache
        from .index import refresh
        from .scan import scan

        cache = Cache(self.config, self.cache_key)
        try:
            index = refresh(self.config, cache, scan(self.config))
        finally:
            cache.close()
        self.remember(index.records.values())
        return index

    # ------------------------------------------------------------ the desk

    def read_desk(
        self, partial: Callable[[Desk], None] | None = None
    ) -> tuple[Desk, dict[str, Lease]]:
        """The desk and the live leases; a long first read hands `partial` the desk so far,
        every fraction of a second (desk.py)."""
        from .desk import open_desk
        from .lease import all_live

        desk = open_desk(self.config, self.cache_key, partial)
        self.remember(desk.records)
        return desk, all_live(self.config, self.now())

    def index_words(self, desk: Desk) -> None:
        """Build the desk's word index (in another process), use it, and keep it in the cache
        for the next start."""
        from .desk import save_word_index

        save_word_index(self.config, self.cache_key, desk.build_index())

    def editing_now(self, ident: str) -> Lease | None:
        """Who holds the release's lease now (is editing it), if anyone (lease.py)."""
        from .lease import current

        return current(self.config, ident, self.now())

    def changes(self) -> str:
        """A fingerprint of the articles and the leases: when it moves, the desk reads again
        (a colleague, the CLI, cron, git)."""
        from .scan import scan, scan_fingerprint

        leases = self.config.state_dir / "leases"
        listing = (
            sorted((p.name, p.stat().st_mtime_ns) for p in leases.glob("*.json"))
            if leases.is_dir()
            else []
        )
        return scan_fingerprint(scan(self.config)) + str(listing)

    def remember(self, records: Iterable[Record]) -> None:
        """Where each release lives, so `find` by id or slug reads one file, not the index."""
        self._known = {key: Path(r.path) for r in records for key in (r.id, r.slug)}

    def find(self, ref: str) -> Article:
        """The release a reference names (id, slug, path or unique prefix), read from its file.

        An id or slug seen before is read straight from its file (checked to still be that
        release); anything else, or a file that moved, goes through the index.
        """
        path = self._known.get(ref.strip())
        if path is not None:
            try:
                article = self.store.load(self.config.root / path)
            except ArticleError:
                article = None
            if article is not None and ref.strip() in (article.id, article.slug):
                return article
        index = self.index()
        record = self.store.resolve(ref, list(index.records.values()), index.problems)
        return self.store.load(self.config.root / record.path)

    # ------------------------------------------------------------ creating and importing

    def create(self, fields: NewArticle, *, action: str = "create") -> Article:
        """Start a new draft and save it; the slug is made unique among existing ones."""
        return self.save_new(self.start(fields, action=action), action=action)

    def start(self, fields: NewArticle, *, action: str = "create") -> Article:
        """A new draft in memory only: nothing is written until `save_new` (the desk's
        editor saves it on the first ctrl+s; abandoned, it leaves nothing behind)."""
        from .drafts import start

        self.may_act(action)
        return start(self, fields)

    def save_new(self, article: Article, *, action: str = "create") -> Article:
        """Write a release started with `start` for the first time (drafts.py)."""
        from .drafts import save_new

        self.may_act(action)
        with self.recording(action, article):
            return save_new(self, article, action)

    def translate(self, ref: str | Article, language: str) -> Article:
        """Start a translation of a release into `language` (translations.py): a draft
        holding the original's text to translate, saved at once, `translation_of` set."""
        from .translations import start_translation

        self.may_act("create")
        original = self.find(ref) if isinstance(ref, str) else ref
        with self.recording("create") as done:
            done.article = start_translation(self, original, language)
        return done.article

    def translatable(self, article: Article) -> bool:
        """Whether the release is an original that may be translated (translations.py)."""
        from .translations import not_translatable

        return not_translatable(article) is None

    def original_corrected(self, article: Article) -> dt.datetime | None:
        """When a translation's original was last corrected after the translation was
        approved (or started), if it was: it may need the same correction (translations.py;
        the desk, `newsroom show` and the checklist's `original_corrected` say so)."""
        from .translations import corrected_since

        return corrected_since(article, self._original(article)) if article.translation_of else None

    def translation_pair(self, article: Article) -> Any:
        """The release's original and translations, from the index (translations.Pair)."""
        from .translations import pair_of

        return pair_of(article.id, self.index().records.values())

    def import_file(self, path: Path, title: str | None = None) -> Article:
        """Import a plain-text release or a front-matter Markdown file as a new draft."""
        from .drafts import import_file

        with self.recording("import") as done:
            done.article = import_file(self, path, title)
        return done.article

    # ------------------------------------------------------------ acting

    def act(
        self,
        ref: str | Article,
        action: str,
        *,
        note: str = "",
        embargo: dt.datetime | None = None,
        clear_embargo: bool = False,
        lock_wait: float | None = None,
    ) -> Outcome:
        """Take a workflow action on a release and save it (Refused/ConflictError otherwise).

        `embargo` sets the lift time with an approval (or moves it: the `embargo` action);
        `clear_embargo` lifts it at once. On an approved release it first waits for a
        publish run under way, `lock_wait` seconds at most (ACT_LOCK_WAIT by default; 0: not
        at all): then NewsroomError, code publish_busy, and nothing changed. The desk tries
        with 0 and, refused so, waits in a worker (it never freezes)."""
        self.may_act(action)
        article = self.find(ref) if isinstance(ref, str) else ref
        if article.status != Status.APPROVED:
            return self._act(article, action, note, embargo, clear_embargo)
        # An approved release may be going live in a run now: the run stamps its file after
        # the feeds are in place, so a change written in between (a cancelled correction, a
        # retraction, an approval withdrawn) would reach partners as a version nobody wants.
        wait = ACT_LOCK_WAIT if lock_wait is None else lock_wait
        with self._publish_lock(wake=False, timeout=wait):
            if isinstance(ref, str):
                article = self.find(ref)  # as a run that just ended left it
            return self._act(article, action, note, embargo, clear_embargo)

    def _act(
        self,
        article: Article,
        action: str,
        note: str,
        embargo: dt.datetime | None,
        clear_embargo: bool,
    ) -> Outcome:
        from .workflow import apply

        if action == "correct":
            self._refuse_untrusted(article)
        listed = {a.file for a in article.attachments}  # a cancelled correction's files go
        outcome = apply(
            article,
            action,
            self.actor,
            self.config,
            self.now(),
            note=note,
            embargo=embargo,
            clear_embargo=clear_embargo,
            via=self.identity.via,
            around=self.around(),
        )
        with self.recording(action, outcome.article, note):
            self.store.save(outcome.article)
            if action == "cancel_correction":
                from .attaching import drop_unpublished

                drop_unpublished(self, outcome.article, listed)
        return outcome

    def _refuse_untrusted(self, article: Article) -> None:
        """A correction starts from the published text: not from one changed outside the
        workflow (it would carry the unapproved change into the corrected version)."""
        from .ledger import Ledger
        from .records import verify
        from .seal import APPROVAL_PROBLEMS

        ledger = Ledger(self.config)
        try:
            problem = verify(article, self.config, ledger)
        finally:
            ledger.close()
        if problem is not None and problem.code not in APPROVAL_PROBLEMS:
            raise Refused(f"correct refused: {problem.message}")

    def delete(self, ref: str | Article) -> list[Path]:
        """Delete a release never published: its file and companion folder (workflow.py
        says which may go; a published one is retracted instead). Refused while someone
        else edits it; ConflictError if its file changed since it was read. The paths gone."""
        from .lease import check_free
        from .workflow import decide, refusal

        self.may_act("delete")
        article = self.find(ref) if isinstance(ref, str) else ref
        decision = decide(article, "delete", self.actor, self.config, self.now())
        if not decision.allowed:
            raise refusal(decision, article)
        check_free(self.config, article.id, self.actor, self.now())
        with self.recording("delete", article):
            return self.store.remove(article)

    def save_edit(self, article: Article) -> bool:
        """Save a person's change of text, recording them as its last editor.

        Refused while someone else holds the release's lease.
        """
        from .lease import check_free
        from .workflow import record_edit

        self.may_act("edit")
        check_free(self.config, article.id, self.actor, self.now())
        record_edit(article, self.actor, self.config, self.now(), self.identity.via)
        with self.recording("edit", article):
            return self.store.save(article)

    def keep_unsaved(self, slug: str, text: str) -> Path:
        """Keep a person's unsaved version of a release (handedit.py); `unsaved()` lists them."""
        from .handedit import keep_unsaved

        return keep_unsaved(self.config, self.actor, self.now(), slug, text)

    def unsaved(self) -> list[Path]:
        """This person's kept unsaved versions, oldest first."""
        from .handedit import unsaved

        return unsaved(self.config, self.actor)

    def unsaved_copies(self) -> list[Unsaved]:
        """Every copy kept aside in .newsroom/unsaved/ (whose, which release, when), oldest
        first (handedit.py)."""
        from .handedit import unsaved_copies

        return unsaved_copies(self.config)

    def restore_unsaved(self, name: str, *, take_over: bool = False) -> Restoring:
        """Open a copy kept aside to save it through the normal save: an edit session on its
        release (the workflow and the lease as for any edit: Refused, LeaseHeld), or on a new
        release if its release was never saved (or is gone), and the copy's text put into
        it, unsaved. Only the person's own copies (Refused otherwise); a copy that is no
        release file (a form kept as typed) is refused, naming it, to be read by hand."""
        from .editing import Restoring
        from .handedit import changed_since, restored, unsaved_copy

        kept = unsaved_copy(self.config, name)
        self._own_copy(kept.person, kept.name, "restore")
        if kept.article is None:
            raise NewsroomError(
                f"{kept.path}: not a release file ({kept.problem}); read it and copy what "
                "you need into the editor, then discard it",
                code="unsaved_form", path=str(kept.path), problem=kept.problem,
            )  # fmt: skip
        copy = kept.article
        try:
            self.find(copy.id)
        except NotFound:  # never saved, or gone since: it comes back as a new release
            session = self.edit_new(NewArticle(title=copy.title))
            return Restoring(session, restored(session.article, copy), False, kept.name)
        session = self.edit(copy.id, take_over=take_over)
        changed = changed_since(session.article, copy)
        return Restoring(session, restored(session.current(), copy), changed, kept.name)

    def unsaved_copy(self, name: str) -> Unsaved:
        """One copy kept aside, by its file name or a unique start of it."""
        from .handedit import unsaved_copy

        return unsaved_copy(self.config, name)

    def discard_unsaved(self, name: str) -> Path:
        """Remove one of the person's copies kept aside (Refused for someone else's)."""
        from .handedit import unsaved_copy

        kept = unsaved_copy(self.config, name)
        self._own_copy(kept.person, kept.name, "discard")
        kept.path.unlink(missing_ok=True)
        return kept.path

    def _own_copy(self, person: str, name: str, action: str) -> None:
        if person and person != self.actor:
            raise Refused(
                f"{action} refused: {name} is {self.display_name(person)}'s text: only they "
                "restore or discard it",
                code="unsaved_not_yours", action=action, name=name,
                person=self.display_name(person),
            )  # fmt: skip

    def save_text(self, article: Article, text: str) -> Article:
        """Replace a release with the text of its file as edited by hand ($EDITOR)."""
        edited = self.read_hand_edit(article, text)
        self.save_edit(edited)
        return edited

    def read_hand_edit(self, article: Article, text: str, shown: Path | None = None) -> Article:
        """A release's file text as edited by hand, checked (handedit.py); nothing is saved."""
        from .handedit import read_hand_edit

        return read_hand_edit(self.config, article, text, shown)

    def notes_for_writer(self, article: Article) -> list[Note]:
        """What reviewers said to the writer in this round (review.py)."""
        from .review import notes_for_writer

        return notes_for_writer(article)

    def pending_correction(self, article: Article) -> PendingCorrection | None:
        """A correction under way, as the reviewer should see it (review.py)."""
        from .review import pending_correction

        return pending_correction(article, self.config.tz, self.config.timezone)

    def file_text(self, article: Article) -> str:
        """The release as its file would say it (front matter and body)."""
        from .fileformat import dump

        return dump(article)

    def message_text(self, release: str | Article, fmt: str = "whatsapp") -> str:
        """A release as partners see it, as text for a messaging app (messaging.py):
        `whatsapp`, `plain` or `sms`; `release` is a reference or the release itself."""
        from .messaging import message_text

        article = self.find(release) if isinstance(release, str) else release
        return message_text(article, self.config, self.now(), fmt)

    def edit(self, ref: str, *, take_over: bool = False) -> EditSession:
        """Start editing a release (editing.py): Refused when the workflow does not allow
        it, LeaseHeld when someone else is editing it and `take_over` is not given."""
        from .editing import EditSession

        return EditSession.open(self, ref, take_over=take_over)

    def edit_new(self, fields: NewArticle) -> EditSession:
        """Start a new release in an edit session: nothing is written until its first save."""
        from .editing import EditSession

        return EditSession(self, self.start(fields), new=True)

    # ------------------------------------------------------------ attachments

    def attach(
        self, ref: str | Article, source: Path, title: str = "", *, photo: bool = False
    ) -> Attachment:
        """Attach a file to a release (attaching.py): copied beside it, recorded with its
        type, size and SHA-256, saved as this person's edit (a new approval is needed).
        `photo`: the file becomes the release's photo."""
        from .attaching import attach

        article = self.find(ref) if isinstance(ref, str) else ref
        with self.recording("attach", article, note=source.name):
            return attach(self, article, source, title, photo=photo)

    def detach(self, ref: str | Article, file: str) -> Attachment:
        """Remove an attachment (by file name or title) from a release, as this person's edit."""
        from .attaching import detach

        article = self.find(ref) if isinstance(ref, str) else ref
        with self.recording("detach", article, note=file):
            return detach(self, article, file)

    def attachment_url(self, article: Article, file: str) -> str:
        """Where partners find an attachment once the release is published."""
        from .attachments import public_url

        return public_url(self.config, article, file)

    def versions(self, article: Article, *, public: bool = True) -> list[Version]:
        """The release's published versions, oldest first (versions.py)."""
        from .versions import versions

        return versions(self.config, article, public=public)

    def display_name(self, key: str) -> str:
        """A person as people read them: their name from [people], else the key."""
        from .identity import display_name

        return display_name(self.config, key)

    # ------------------------------------------------------------ checking

    def check(self) -> CheckReport:
        """Every problem in the newsroom's files (the config was checked on opening), every
        release publish would refuse (seals, history, what publish put out), and every
        release's pre-approval checks (report.py)."""
        from .report import check_report

        return check_report(self.index(), self.config, self.now())


def open_newsroom(
    root: Path | None, actor: str | None = None, clock: Clock = system_clock
) -> Newsroom:
    """Open the newsroom at `root` (ConfigError if it has no valid newsroom.toml)."""
    return Newsroom.open(require_root(root), actor, clock)
