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
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any, TypeVar

from .clock import Clock
from .clock import system_clock as system_clock
from .clock import to_zone as to_zone
from .config import Config as Config
from .config import load_config as load_config
from .config import require_root as require_root
from .drafts import NewArticle as NewArticle
from .errors import NewsroomError, Refused
from .identity import Actor, refuse_system, require, resolve
from .model import Article, Status
from .service_git import Recording, Sharing
from .service_publish import Publishing, gave_up
from .service_reading import Reading
from .service_writing import Writing

if TYPE_CHECKING:  # what the door hands the faces (loaded on first use: see __getattr__)
    from .atomic import write_atomic as write_atomic
    from .checks import GONE as GONE
    from .checks import Around as Around
    from .checks import CheckResult as CheckResult
    from .clock import format_time as format_time
    from .clock import input_time as input_time
    from .clock import parse_time as parse_time
    from .clock import zone_abbreviation as zone_abbreviation
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
    from .pages.urls import number_on_disk as number_on_disk
    from .records import Record as Record
    from .report import ERROR as ERROR
    from .report import CheckReport as CheckReport
    from .review import CUT as CUT
    from .review import DELETED as DELETED
    from .review import INSERTED as INSERTED
    from .review import Note as Note
    from .review import PendingCorrection as PendingCorrection
    from .scan import FileStat
    from .signing.keys import LATER as LATER
    from .signing.keys import KeyInfo as KeyInfo
    from .signing.keys import Rotated as Rotated
    from .signing.minisign import PublicKey as PublicKey
    from .signing.minisign import SecretKey as SecretKey
    from .signing.verify import Report as Report
    from .signing.verify import trusted_key as trusted_key
    from .signing.verify import verify_paths as verify_paths
    from .signoff import signoff_at_end as signoff_at_end
    from .store import Store
    from .validate import FieldError as FieldError
    from .validate import in_range as in_range
    from .vcs.sync import Conflict as Conflict
    from .vcs.sync import SyncResult as SyncResult
    from .versions import Version as Version
    from .view import PartnerText as PartnerText
    from .view import partner_body as partner_body
    from .view import partner_text as partner_text
    from .where import find_root as find_root
    from .where import resolve_root as resolve_root
    from .workflow import Decision, Outcome

# Seconds an action on an approved release waits for a publish run to end (one approval's
# run takes well under one; a first run of many thousands longer: then it says to retry).
ACT_LOCK_WAIT = 15.0

# name -> the module that has it (relative to newsroom.core)
_HANDED = {
    "write_atomic": "atomic", "Around": "checks", "GONE": "checks",
    "CheckResult": "checks", "format_time": "clock",
    "input_time": "clock",
    "parse_time": "clock", "zone_abbreviation": "clock", "find_root": "where",
    "resolve_root": "where", "SORTS": "desk",
    "VIEWS": "desk", "Broken": "desk", "Desk": "desk", "Row": "desk",
    "EditSession": "editing", "KeptText": "editing", "Restoring": "editing",
    "Unsaved": "handedit", "HELD": "feeds.moves",
    "missing": "importer", "Index": "index", "init_newsroom": "init",
    "RENEW_SECONDS": "lease", "TEXT_FORMATS": "messaging", "Lease": "lease", "LeaseHeld": "lease",
    "article_json": "listing", "listing_json": "listing", "newest_first": "listing",
    "PublishResult": "outputs", "is_private": "outputs", "Refusal": "outputs", "Record": "records",
    "number_on_disk": "pages.urls",
    "ERROR": "report", "CheckReport": "report", "CUT": "review", "DELETED": "review",
    "INSERTED": "review", "Note": "review", "PendingCorrection": "review",
    "signoff_at_end": "signoff",
    "KeyInfo": "signing.keys", "LATER": "signing.keys", "Rotated": "signing.keys",
    "PublicKey": "signing.minisign", "SecretKey": "signing.minisign", "Report": "signing.verify",
    "trusted_key": "signing.verify", "verify_paths": "signing.verify",
    "Health": "health", "FieldError": "validate", "in_range": "validate",
    "PartnerText": "view", "partner_text": "view", "partner_body": "view", "Version": "versions",
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


T = TypeVar("T")


class Newsroom(Reading, Sharing, Writing, Publishing):
    """One newsroom folder, acted on by one person with one clock (its reading, git, writing
    and publishing sides: service_reading.py, service_git.py, service_writing.py,
    service_publish.py)."""

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
        self._known: dict[str, str] = {}  # id and slug -> file, from the last index read
        self._kept: dict[str, tuple[str, Any]] = {}  # what `while_unchanged` keeps
        self._look: tuple[list[FileStat], str] | None = None  # `one_look`'s scan, once made
        self._looking = False  # inside `one_look`
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

        def numbered(index: Index) -> list[tuple[str, str, str]]:
            return [(r.number, r.id, r.path) for r in index.records.values() if r.number]

        found = self.while_unchanged("numbered", numbered)
        ledger = Ledger(self.config)
        try:
            issued = ledger.numbers()
        finally:
            ledger.close()
        return number_owners(found, issued)

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
        give_up: Callable[[], bool] | None = None,
        dry_run: bool = False,
    ) -> Outcome:
        """Take a workflow action on a release and save it (Refused/ConflictError otherwise).
        `dry_run`: decide and apply it as a real one would, every check asked, the result
        returned and nothing saved (nor any publish run waited for: nothing is written).

        `embargo` sets the lift time with an approval (or moves it: the `embargo` action);
        `clear_embargo` lifts it at once. On an approved release it first waits for a
        publish run under way, `lock_wait` seconds at most (ACT_LOCK_WAIT by default; 0: not
        at all): then NewsroomError, code publish_busy, and nothing changed; `give_up` True
        meanwhile: code gave_up (service_publish). The desk tries with 0, then in a worker."""
        self.may_act(action)
        if give_up is not None and give_up():  # (asked before any path that acts)
            raise gave_up()
        article = self.find(ref) if isinstance(ref, str) else ref
        if dry_run:  # (on a copy: the action changes the article it is given)
            from copy import deepcopy

            return self._act(deepcopy(article), action, note, embargo, clear_embargo, False)
        if article.status != Status.APPROVED:
            return self._act(article, action, note, embargo, clear_embargo)
        # An approved release may be going live in a run now: the run stamps its file after
        # the feeds are in place, so a change written in between (a cancelled correction, a
        # retraction, an approval withdrawn) would reach partners as a version nobody wants.
        wait = ACT_LOCK_WAIT if lock_wait is None else lock_wait
        with self._publish_lock(wake=False, timeout=wait, give_up=give_up):
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
        save: bool = True,
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
        if not save:  # a dry run: decided and applied as it would be, nothing written
            return outcome
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
            raise Refused(f"correct refused: {problem.message}", code="seal", action="correct",
                          problem=problem, path=str(article.path or ""))  # fmt: skip

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

    def message_text(self, release: str | Article, fmt: str = "whatsapp") -> str:
        """A release as partners see it, as text for a messaging app (messaging.py):
        `whatsapp`, `plain` or `sms`; `release` is a reference or the release itself."""
        from .messaging import message_text

        article = self.find(release) if isinstance(release, str) else release
        return message_text(article, self.config, self.now(), fmt)

    def versions(self, article: Article, *, public: bool = True) -> list[Version]:
        """The release's published versions, oldest first (versions.py)."""
        from .versions import versions

        return versions(self.config, article, public=public)

    def meanings(self, article: Article) -> list[str]:
        """What each entry of the release's history did, in order: its action, or
        "withdraw" (workflow.history_meanings); the timeline and `newsroom show` say it."""
        from .workflow import history_meanings

        return history_meanings(article, self.config)

    def display_name(self, key: str) -> str:
        """A person as people read them: their name from [people], else the key."""
        from .identity import display_name

        return display_name(self.config, key)

    def byline(self, author: str) -> str:
        """A release's author as people read it: name and initials (`Dwi (Humas) (dwi)`)."""
        from .identity import byline

        return byline(self.config, author)

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
