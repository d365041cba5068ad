"""A release as the desk and the publisher know it without reading its file: its `Record`.

A file is read once (when its size or mtime changes): parsed, checked against its seals and
the ledger of what publish put out, its pre-approval checks worked out, and rendered for
partners by the renderer the caller passes in (the feeds' renderer when publishing; none
for the desk). The record is kept in the cache; reading 10,000 files takes seconds,
unpickling 10,000 records a blink.
"""

from __future__ import annotations

import datetime as dt
import sys
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any, NamedTuple

from .cache import RenderedRow, content_row
from .config import Config
from .errors import ArticleError, Facts, Problem
from .model import NO_EMBARGO, Article, Attachment, Status
from .scan import FileStat

if TYPE_CHECKING:
    from .checks import CheckResult
    from .ledger import Ledger
    from .ledger import Row as LedgerRow
    from .seal import SealProblem

# The statuses whose text may still change or is about to go out: their checks are kept.
CHECKED = frozenset(
    {Status.DRAFT, Status.IN_REVIEW, Status.CHANGES_REQUESTED, Status.CORRECTING, Status.APPROVED}
)
_APPROVED: frozenset[str] = frozenset({Status.APPROVED})
# What partners see of a release, as the publisher's renderer makes it (feeds/content.py).
Renderer = Callable[[Article, Config], Any]


class Record(NamedTuple):
    """What the desk and the feed planner know of a release.

    A NamedTuple: ten thousand of them unpickle from the cache in a blink.
    """

    path: str
    id: str
    slug: str
    title: str
    status: str
    language: str
    categories: tuple[str, ...]
    tags: tuple[str, ...]
    published: dt.datetime | None
    updated: dt.datetime | None
    embargo: dt.datetime | None
    approved_at: dt.datetime | None
    retracted_at: dt.datetime | None
    live: bool
    digest: str
    month: str  # "YYYY-MM" of publication in the newsroom's zone ("" if unpublished)
    dateline: str
    author: str
    edited: dt.datetime | None  # the file's last change of any kind (the desk sorts by it)
    last_editor: str
    corrected: tuple[dt.datetime, ...] = ()  # each published correction's time, by number
    # Why publish may not put the release out (seal.py, ledger.py): (code, message, facts),
    # or None.
    problem: tuple[str, str, Facts] | None = None
    # The pre-approval checks it fails that do not depend on the clock (checks.py), worked
    # out when the file is read, so `newsroom check` needs no second reading.
    checks: tuple[CheckResult, ...] = ()
    number: str = ""  # the release number partners see (the live version's)
    kind: str = ""  # "" a press release, "klarifikasi"
    # The live version's attachments (those the public record serves).
    attachments: tuple[Attachment, ...] = ()
    translation_of: str = ""  # the id of the original this release translates
    # The categories and tags an earlier published version had and the live one has not (a
    # correction took it out): the feeds that lose it still carry its notices (feeds/plan.py).
    left_categories: tuple[str, ...] = ()
    left_tags: tuple[str, ...] = ()
    # Each move of the embargo partners were shown under it (before its first publication):
    # (when, the lift before, the lift after). The feeds tell of each (feeds/plan.py).
    embargo_moves: tuple[tuple[dt.datetime, dt.datetime, dt.datetime], ...] = ()
    # Each time, before its first publication, the release partners held under embargo was
    # withdrawn without going out: (when, the lift they held). The feeds tell of each.
    embargo_withdrawn: tuple[tuple[dt.datetime, dt.datetime], ...] = ()
    # After such a withdrawal, the release held under embargo again before its first
    # publication, at any lift: (the withdrawal's number, when, the lift it is held under
    # again; at another lift than withdrawn, also one of `embargo_moves`, at that moment).
    embargo_again: tuple[tuple[int, dt.datetime, dt.datetime], ...] = ()

    @property
    def correction(self) -> int:
        """The number of a published release's correction once it is written (in review,
        sent back or approved), which the desk names (`Ralat 2`); 0 for anything else."""
        if self.live and self.status in _CORRECTION_AFTER_WRITING:
            return len(self.corrected) + 1
        return 0

    def embargo_ahead(self, now: dt.datetime, statuses: frozenset[str] = _APPROVED) -> bool:
        """Approved (or in one of `statuses`) and held by an embargo not lifted at `now` (a
        first release or a correction): the one rule of "waiting for its embargo" that
        publish's due list and next moment, the feeds' states and moves, `newsroom status`
        and the desk's ⏳ (a draft or one in review too) share. (The embargo first: most
        releases have none, and this runs for every release, every run.)"""
        embargo = self.embargo
        return embargo is not None and embargo > now and self.status in statuses

    @property
    def feed_updated(self) -> dt.datetime:
        """When partners last saw a change: the retraction, else the latest correction."""
        moments = [t for t in (self.published, self.updated, self.retracted_at) if t]
        return max(moments) if moments else dt.datetime(1970, 1, 1, tzinfo=dt.UTC)


_CORRECTION_AFTER_WRITING = frozenset({Status.IN_REVIEW, Status.CHANGES_REQUESTED, Status.APPROVED})


def _moment(article: Article, action: str) -> dt.datetime | None:
    return _utc(next((h.at for h in reversed(article.history) if h.action == action), None))


def _utc(when: dt.datetime | None) -> dt.datetime | None:
    """In UTC: one shared tzinfo, so ten thousand records pickle and unpickle quickly."""
    return when.astimezone(dt.UTC) if when is not None else None


def _words(values: list[str]) -> tuple[str, ...]:
    """Categories and tags repeat across thousands of records: one string object each."""
    return tuple(sys.intern(v) for v in values)


def to_record(
    article: Article,
    tz: dt.tzinfo,
    problem: SealProblem | None = None,
    digest: str | None = None,
    checks: tuple[CheckResult, ...] = (),
) -> Record:
    """The planner's view of a loaded article (`digest`: of its file, if not read from one).

    Categories and tags are the live ones: a correction under review opens no new
    category feed before it is approved and published; and so is the slug: its page stays
    where every link points (a correction keeps it: workflow.kept_for_ever)."""
    from .view import partner_text

    corrected = article.corrections[-1].at if article.corrections else None
    live = partner_text(article)
    categories, tags = list(live.categories), list(live.tags)
    if digest is None:
        assert article.source is not None
        digest = article.source.digest
    published = _utc(article.published)  # one object when it is also `updated`
    edited = _utc(article.updated or article.created)
    if edited == published:  # (publish stamps both at once): one object, not two
        edited = published
    return Record(
        path=str(article.path),
        id=article.id,
        slug=live.slug,  # its page stays where it is while a correction is written
        title=article.title,
        status=sys.intern(str(article.status)),
        language=sys.intern(article.language),
        categories=_words(categories),
        tags=_words(tags),
        published=published,
        updated=_utc(corrected) if corrected else published,
        embargo=_utc(article.embargo),
        approved_at=_moment(article, "approve"),
        retracted_at=_moment(article, "retract") if article.status == Status.RETRACTED else None,
        live=article.is_live or article.status == Status.RETRACTED,
        digest=digest,
        month=sys.intern(f"{article.published.astimezone(tz):%Y-%m}") if article.published else "",
        dateline=sys.intern(article.dateline),
        author=sys.intern(article.author),
        edited=edited,
        last_editor=sys.intern(article.last_editor or ""),
        corrected=tuple(c.at.astimezone(dt.UTC) for c in article.corrections),
        problem=tuple(problem) if problem is not None else None,  # type: ignore[arg-type]
        checks=checks,
        number=sys.intern(live.release_number) if live.release_number else "",
        kind=live.kind,
        attachments=live.attachments,
        translation_of=article.translation_of,
        embargo_moves=embargo_moves(article),
        embargo_withdrawn=embargo_withdrawn(article),
        embargo_again=embargo_again(article),
    )


def embargo_moves(article: Article) -> tuple[tuple[dt.datetime, dt.datetime, dt.datetime], ...]:
    """Each move of the embargo from one lift time to another before the release's first
    publication (a correction's embargo is never shown early), as recorded in its history:
    (when, the lift before, the lift after): a move of the embargo, or an approval again
    (after changes were asked for) with another lift time than partners were shown. An
    entry that recorded no lift time (from before they were kept) or took the embargo away
    starts no move, and the next is compared with the last lift partners were shown.
    The feeds number their notices by this order (`#embargo-diubah-1`), and the release's
    page its moves (pages/release.py)."""
    moves = []
    lift: dt.datetime | None = None
    for entry in article.embargo_entries():
        new = _lift(entry.embargo)
        if lift is not None and new is not None and new != lift:
            moves.append((_utc(entry.at), lift, new))
        lift = new or lift
    return tuple(moves)  # type: ignore[arg-type]


def embargo_withdrawn(article: Article) -> tuple[tuple[dt.datetime, dt.datetime], ...]:
    """Each time, before its first publication, the release stopped being approved under an
    embargo without going out: sent back for changes, or its embargo taken away (it then
    goes out at once, or is withdrawn if it does not): (when, the lift it was held under).
    Empty for almost every release (no request for changes after an embargoed approval)."""
    found = []
    held: dt.datetime | None = None  # the lift it is approved under, as partners hold it
    for entry in article.history:
        if entry.action == "publish":
            break
        if entry.action in ("approve", "embargo"):
            if entry.embargo == NO_EMBARGO and held is not None:
                found.append((_utc(entry.at), held))
            held = _lift(entry.embargo)
        elif entry.action == "request_changes" and held is not None:
            found.append((_utc(entry.at), held))
            held = None
    return tuple(found)  # type: ignore[arg-type]


def embargo_again(article: Article) -> tuple[tuple[int, dt.datetime, dt.datetime], ...]:
    """After a withdrawal of the release held under embargo (`embargo_withdrawn`), the first
    approval or move of its embargo before its first publication that held it under
    embargo again, at a lift still ahead, whatever the lift: (the withdrawal's number, from
    1; when; that lift). The feeds tell partners who were told of the withdrawal that the
    release is back, and that its text may differ from what they hold (a reader that only
    adds items keeps the withdrawal as the last word otherwise): at another lift than the
    one withdrawn, this is also a move of the embargo (`embargo_moves`, same moment), which
    keeps its number but is told as the embargo again (feeds/plan.py). Gone out without an
    embargo (or with one already past), its lift is told. Empty for almost every release."""
    found = []
    held: dt.datetime | None = None
    withdrawals = 0
    waiting = False  # withdrawn, and not held under embargo again since
    for entry in article.history:
        if entry.action == "publish":
            break
        if entry.action in ("approve", "embargo"):
            if entry.embargo == NO_EMBARGO and held is not None:
                withdrawals, waiting = withdrawals + 1, True
            held = _lift(entry.embargo)
            at = _utc(entry.at)
            if waiting and held is not None and at is not None:
                if held > at:  # (a lift already past: it goes out, its lift told)
                    found.append((withdrawals, at, held))
                waiting = False
        elif entry.action == "request_changes" and held is not None:
            withdrawals, waiting, held = withdrawals + 1, True, None
    return tuple(found)


def lifted_at(
    embargo: dt.datetime | None,
    published: dt.datetime | None,
    withdrawn: tuple[tuple[dt.datetime, dt.datetime], ...],
) -> dt.datetime | None:
    """When its embargo lifted, as the private feeds' notice and the release's page tell
    it: its first publication, once the embargo was past, or when it went out after its
    embargo was taken away or withdrawn (sent back for changes, then approved again with no
    embargo: partners' last word was "must not be broadcast", under the guid it goes out
    with, so an importer that only adds items would never learn it is out)."""
    if published is None:
        return None
    if embargo is not None:
        return published if published >= embargo else None
    return published if withdrawn else None


def _lift(recorded: str) -> dt.datetime | None:
    """The lift time a history entry recorded, in UTC (None: none, or unreadable)."""
    try:
        return _utc(dt.datetime.fromisoformat(recorded)) if recorded else None
    except ValueError:  # NO_EMBARGO, or a hand-edited value
        return None


def verify(article: Article, config: Config, ledger: Ledger | None) -> SealProblem | None:
    """Why publish may not put this release out as it stands, if it may not (seal.py), or
    why its file no longer agrees with what publish put out (ledger.py)."""
    from .ledger import compare
    from .seal import check
    from .seal import problem as said

    problem = check(article, config)
    if problem is not None or ledger is None:
        return problem
    confirmed, pending = ledger.get(article.id)  # every release: a live one put back to
    # approved or draft by restoring an older file must not vanish or go out again
    if confirmed is None and pending is None and article.is_live and ledger.initialized:
        return said(
            "ledger_unknown", "the file says published, but publish on this server never put "
            "it out (restore the file from git, or ask who changed it)",
        )  # fmt: skip
    return compare(article, confirmed, pending)


# Work an output does on each release as publish reads it, in the reading worker, so a first
# run parses a file once for every output (pages: a release's page, made while its file is
# in hand). Called with the release, its record (no problem: publish may put it out) and
# its file; returns what the output takes in the parent (`Output.read`), or None. Must be a
# picklable object (a frozen dataclass with `__call__`): a spawned worker receives it so.
# A hook stages only its own output's files (nothing else has staged yet).
ReadHook = Callable[[Article, Record, str], Any]


class LoadJob(NamedTuple):
    """What reading files needs (parallel.py hands it to each worker once)."""

    config: Config
    render: Renderer | None  # None: no feed content (the desk)
    ledger: Ledger | None
    hooks: tuple[tuple[str, ReadHook], ...] = ()  # (output name, hook): publish only


class Loaded(NamedTuple):
    """One file read: its record (or the problem that kept it out), render warnings, its
    content's cache row, its search text, and what it shows its last publication put out
    (for the ledger; not kept in the cache)."""

    stat: FileStat
    record: Record | None
    problem: Problem | None
    warnings: tuple[str, ...] = ()
    row: RenderedRow | None = None
    text: str = ""
    published: LedgerRow | None = None
    extra: tuple[tuple[str, Any], ...] = ()  # what the hooks made: (output name, result)


def load_file(job: LoadJob, stat: FileStat) -> Loaded:
    """Parse one file, check it, and render what partners may see (the content is pickled
    here, in the worker, so the parent never holds every release's content)."""
    from .ledger import row_of
    from .store import Store

    config = job.config
    try:
        article = Store(config).load(config.root / stat.path)
    except ArticleError as exc:
        return Loaded(stat, None, exc.problem)
    record = record_of(article, config, job.ledger)
    text, published = article.search_text(), row_of(article)
    extra = _hooked(job, article, record, stat.path)
    wanted = job.render is not None and (record.live or record.status == Status.APPROVED)
    if not wanted or record.problem or job.render is None:
        return Loaded(stat, record, None, (), None, text, published, extra)
    try:
        rendered = job.render(article, config)
    except Exception as exc:  # one release that cannot be rendered never stops the others
        problem = Problem(Path(stat.path), None, f"cannot be rendered for the feeds: {exc}")
        return Loaded(stat, None, problem, (), None, text, None, extra)
    row = content_row(record.id, record.digest, rendered)
    return Loaded(stat, record, None, tuple(rendered.warnings), row, text, published, extra)


def _hooked(
    job: LoadJob, article: Article, record: Record, path: str
) -> tuple[tuple[str, Any], ...]:
    """What the outputs' hooks make of a release publish may put out (a hook that fails
    makes nothing: its output does that work itself later, and reports the failure)."""
    if not job.hooks or record.problem is not None:
        return ()
    made = []
    for name, hook in job.hooks:
        try:
            value = hook(article, record, path)
        except Exception:  # the output does it again, and says why
            value = None
        if value is not None:
            made.append((name, value))
    return tuple(made)


def reread(config: Config, path: str, ident: str, digest: str, held: bool) -> Article:
    """A release's file read again for what an output makes of it (its feed content, page,
    ninjs, signed texts), by its record's path, id and digest. One publish holds back
    (`held`: its record has a problem) is read again only while its file holds the text
    its record was read from: the record of a published file changed by hand is the one it
    last read as with the text publish put out (index.Broken), and the changed text must
    reach no output (ConflictError: the output keeps what it has, or says so)."""
    from .errors import ConflictError
    from .store import Store

    article = Store(config).load(config.root / path)
    if article.id != ident:
        raise ConflictError(
            f"{path} holds another release now (replaced while publish ran): the next run "
            "reads it again",
            code="reread_other", path=path,
        )  # fmt: skip
    if held and (article.source is None or article.source.digest != digest):
        raise ConflictError(
            f"{path} no longer holds the text publish put out (changed outside the "
            "workflow): restore it from git", code="reread_changed", path=path,
        )  # fmt: skip
    return article


def record_of(article: Article, config: Config, ledger: Ledger | None) -> Record:
    """The record of a release just read: checked, its timeless checks worked out."""
    from .checks import timeless_failures

    checks = timeless_failures(article, config) if article.status in CHECKED else ()
    record = to_record(article, config.tz, verify(article, config, ledger), checks=checks)
    return _with_left(record, article, config) if article.corrections else record


def _with_left(record: Record, article: Article, config: Config) -> Record:
    """`record` with the categories and tags its earlier versions had and it has not."""
    from .versions import versions

    try:
        earlier = versions(config, article, public=False)[:-1]
    except ArticleError:  # (its versions are named as broken where they are read)
        return record
    return left_behind(record, [c for v in earlier for c in v.categories],
                       [t for v in earlier for t in v.tags])  # fmt: skip


def left_behind(record: Record, categories: list[str], tags: list[str]) -> Record:
    """`record`, with those of `categories` and `tags` it is no longer in kept as left."""
    left = tuple(sorted(set(categories) - set(record.categories)))
    gone = tuple(sorted(set(tags) - set(record.tags)))
    return record._replace(left_categories=left, left_tags=gone) if left or gone else record
