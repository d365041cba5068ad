"""The newsroom as the faces see it: create, find, act on, edit, import and check releases.

The CLI and the TUI both call these functions, so every rule lives once. A
`Newsroom` holds the config, the store, the clock and the acting person.
"""

from __future__ import annotations

import datetime as dt
import uuid
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from . import fileformat
from .clock import Clock, system_clock, to_zone
from .config import Config, load_config, require_root
from .errors import ArticleError, NewsroomError, Problem, Refused
from .identity import Actor, initials_of, refuse_system, require, resolve
from .importer import parse_plain
from .model import Article, HistoryEntry, Image
from .slug import slugify
from .store import Snapshot, Store

if TYPE_CHECKING:
    from .desk import Desk
    from .index import Index
    from .lease import Lease
    from .records import Record
    from .report import CheckReport
from .workflow import Outcome, apply, record_edit


@dataclass
class NewArticle:
    """The fields a person gives when starting a release."""

    title: str
    body: str = ""
    dateline: str = ""
    summary: str = ""
    categories: list[str] = field(default_factory=list)
    tags: list[str] = field(default_factory=list)
    embargo: dt.datetime | None = None
    author: str = ""
    credit: str = ""
    image: Image | None = None


class Newsroom:
    """One newsroom folder, acted on by one person with one clock."""

    def __init__(
        self,
        config: Config,
        actor: str | None = None,
        clock: Clock = system_clock,
        job: str = "",
    ) -> None:
        self.config = config
        self.store = Store(config)
        self.identity: Actor = resolve(config, actor, job)
        self.actor = self.identity.id
        self.clock = clock
        self._known: dict[str, Path] = {}  # id and slug -> file, from the last index read

    @classmethod
    def open(
        cls, root: Path, actor: str | None = None, clock: Clock = system_clock, job: str = ""
    ) -> Newsroom:
        return cls(load_config(root), actor, clock, job)

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

    # ------------------------------------------------------------ creating

    def create(self, fields: NewArticle, *, action: str = "create") -> Article:
        """Start a new draft and save it; the slug is made unique among existing ones."""
        return self.save_new(self.start(fields, action=action), action=action)

    def start(self, fields: NewArticle, *, action: str = "create") -> Article:
        """A new draft in memory only: nothing is written until `save_new` (the desk's
        editor saves it on the first ctrl+s; abandoned, it leaves nothing behind)."""
        self.may_act(action)
        now = self.now()
        article = Article(
            id=str(uuid.uuid4()),
            title=fields.title.strip(),
            slug=slugify(fields.title),
            language=self.config.language,
            dateline=fields.dateline.strip().upper(),
            author=fields.author or initials_of(self.config, self.actor),
            credit=fields.credit or self.config.credit,
            summary=fields.summary.strip(),
            categories=list(fields.categories),
            tags=list(fields.tags),
            image=fields.image,
            embargo=to_zone(fields.embargo, self.config.tz) if fields.embargo else None,
            created=now,
            updated=now,
            body=fields.body.strip() + "\n" if fields.body else "",
        )
        return article

    def save_new(self, article: Article, *, action: str = "create") -> Article:
        """Write a release started with `start` for the first time: its slug (from the title
        as it is now) made unique, its creation in the history."""
        self.may_act(action)
        now = self.now()
        taken = {r.slug for r in self.index().records.values()}
        article.slug = self._unique_slug(slugify(article.title) or article.slug, taken)
        article.created = article.updated = now
        article.history.append(
            HistoryEntry(now, self.actor, action, None, "draft", via=self.identity.via)
        )
        try:
            self.store.save(article)
        except NewsroomError:
            article.history.pop()  # not written: the next try starts clean
            raise
        return article

    @staticmethod
    def _unique_slug(base: str, taken: set[str]) -> str:
        slug, n = base, 2
        while slug in taken:
            slug, n = f"{base}-{n}", n + 1
        return slug

    # ------------------------------------------------------------ acting

    def act(
        self,
        ref: str | Article,
        action: str,
        *,
        note: str = "",
        embargo: dt.datetime | None = None,
        clear_embargo: bool = False,
    ) -> Outcome:
        """Take a workflow action on a release and save it (Refused/ConflictError otherwise).

        `embargo` sets the lift time with an approval (or moves it: the `embargo` action);
        `clear_embargo` lifts it at once."""
        self.may_act(action)
        article = self.find(ref) if isinstance(ref, str) else ref
        if action == "correct":
            self._refuse_untrusted(article)
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
        )
        self.store.save(outcome.article)
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

    def save_edit(self, article: Article) -> bool:
        """Save a person's change of text, recording them as its last editor.

        Refused while someone else holds the release's lease.
        """
        from .lease import check_free

        self.may_act("edit")
        check_free(self.config, article.id, self.actor, self.now())
        record_edit(article, self.actor, self.config, self.now(), self.identity.via)
        return self.store.save(article)

    def keep_unsaved(self, slug: str, text: str) -> Path:
        """Keep a person's unsaved version of a release beside the newsroom (the terminal
        went away mid-edit): `.newsroom/unsaved/<slug>-<actor>-<time>.md`, never over the
        release itself, which may have moved on meanwhile. `unsaved()` lists them."""
        from .atomic import write_atomic
        from .confine import inside

        stamp = f"{to_zone(self.now(), self.config.tz):%Y%m%d-%H%M%S}"
        name = f"{slug}-{slugify(self.actor)}-{stamp}.md"
        path = inside(self.config.state_dir / "unsaved", name)
        write_atomic(path, text.encode("utf-8"))
        return path

    def unsaved(self) -> list[Path]:
        """This person's kept unsaved versions (see `keep_unsaved`), oldest first."""
        folder = self.config.state_dir / "unsaved"
        mine = f"-{slugify(self.actor)}-"
        return sorted(p for p in folder.glob("*.md") if mine in p.name) if folder.is_dir() else []

    def save_text(self, article: Article, text: str) -> Article:
        """Replace a release with the text of its file as edited by hand ($EDITOR)."""
        edited = self.read_hand_edit(article, text)
        self.save_edit(edited)
        return edited

    def read_hand_edit(self, article: Article, text: str, shown: Path | None = None) -> Article:
        """A release's file text as edited by hand ($EDITOR: `newsroom edit`, the desk's
        F4), checked: it parses, keeps its id and changes no field the workflow owns
        (ArticleError naming them and the action that changes them). Nothing is saved."""
        path = shown or article.path or Path("?")
        edited = fileformat.parse(text, path, self.config.tz)
        if edited.id != article.id:
            raise ArticleError(
                Problem(path, 2, "the id cannot change", f"put back {article.id}"),
                code="id_changed",
                id=article.id,
            )
        refuse_owned_changes(article, edited, path)
        edited.path, edited.source = article.path, article.source
        return edited

    # ------------------------------------------------------------ importing

    def import_file(self, path: Path, title: str | None = None) -> Article:
        """Import a plain-text release or a front-matter Markdown file as a new draft."""
        try:
            text = path.read_text(encoding="utf-8")
        except UnicodeDecodeError:
            raise NewsroomError(
                f"{path}: not UTF-8 text (save it as UTF-8 and try again)"
            ) from None
        except OSError as exc:
            raise NewsroomError(f"{path}: cannot read: {exc.strerror}") from None
        if text.lstrip("\ufeff").startswith("---"):
            return self._import_markdown(path, text)
        plain = parse_plain(text)
        # The photo of a press office's release is its own unless it says otherwise: the credit
        # line is the first guess for the photo credit (editable; the checklist shows it).
        image = Image(caption=plain.caption, credit=plain.credit) if plain.caption else None
        fields = NewArticle(
            title=title or plain.title,
            body=plain.body,
            dateline=plain.dateline,
            summary=plain.summary,
            author=plain.author,
            credit=plain.credit,
            image=image,
        )
        return self.create(fields, action="import")

    def _import_markdown(self, path: Path, text: str) -> Article:
        article = fileformat.parse(text, path, self.config.tz)
        index = self.index()
        if article.id in index.records:
            article.id = str(uuid.uuid4())
        article.slug = self._unique_slug(article.slug, {r.slug for r in index.records.values()})
        now = self.now()
        article.created = article.created or now
        # An imported release starts over as a draft: nothing reaches a feed unapproved.
        previous, article.status, article.published_version = article.status, "draft", None
        article.history.append(
            HistoryEntry(now, self.actor, "import", previous, "draft", via=self.identity.via)
        )
        article.path = article.source = None
        self.store.save(article)
        return article

    # ------------------------------------------------------------ sealing what is published

    def adopt(self, *, dry_run: bool = False) -> list[Article]:
        """Seal, as they are now, the releases published before publications were sealed
        (once, when a newsroom upgrades); each gets an `adopt` entry in its history."""
        from .ledger import Ledger, row_of
        from .workflow import adopt

        self.may_act("adopt")
        index = self.index()
        legacy = [r for r in index.records.values() if r.problem and r.problem[0] == "legacy"]
        adopted = []
        for record in sorted(legacy, key=lambda r: r.path):
            article = self.store.load(self.config.root / record.path)
            if adopt(article, self.actor, self.config, self.now(), via=self.identity.via):
                if not dry_run:
                    self.store.save(article)
                adopted.append(article)
        ledger = Ledger(self.config)
        try:
            if not dry_run and ledger.initialized:
                ledger.confirm({a.id: row for a in adopted if (row := row_of(a)) is not None})
        finally:
            ledger.close()
        return adopted

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


def refuse_owned_changes(before: Article, after: Article, path: Path) -> None:
    """Refuse an edit that changes a field the workflow owns, naming the action that does."""
    from .seal import OWNED

    old, new = fileformat.to_mapping(before), fileformat.to_mapping(after)
    changed = [name for name in OWNED if old.get(name) != new.get(name)]
    if changed:
        reasons = "; ".join(f"`{name}` is changed by {OWNED[name]}" for name in changed)
        raise ArticleError(
            Problem(path, None, f"cannot change {', '.join(changed)} by editing: {reasons}"),
            code="owned",
            fields=changed,
        )
