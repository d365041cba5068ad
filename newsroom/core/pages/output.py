"""The public record as an output of publish: release pages, indexes, the lookup by number.

Incremental: a release's page is made again only when its file moved since the page was
made (store.py keeps the digests), and only the index and lookup files that list a
changed release are made again (layout.py); a file whose bytes are the same is not
rewritten (its mtime stays). Many pages (a first run) are made on the machine's cores.

A release has a page once it is published (an embargoed one never before its lift), keeps
it when retracted (DICABUT, its text withdrawn), and loses it only when its file is gone.
A release publish holds back because its file cannot be trusted (or no longer reads)
keeps the page it had: what was published stays on record, nothing new reaches it.
"""

from __future__ import annotations

import contextlib
import os
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from ..atomic import remove_empty_folders, stage
from ..config import Config
from ..errors import NewsroomError, cause
from ..model import KLARIFIKASI, Article
from ..outputs import Output, Plan, PublishResult, Stage, Staged, Written, moved_files
from ..parallel import imap, workers_for
from ..records import ReadHook, Record, reread
from . import PAGES_FORMAT
from .builder import Builder, Rows
from .layout import (
    LOOKUP_FILES,
    Entry,
    Layout,
    Spec,
    is_number_file,
    number_files,
    number_of,
    number_specs,
    numbers_in,
)
from .lookup import (
    Facts,
    numbers_of,
)
from .release import render_release
from .source import ReleasePage, Row, release_page, row_of
from .store import PageStore, pickled
from .urls import page_path


class PagesOutput(Output):
    """The public record (see the module docstring)."""

    name = "pages"
    stage = Stage.FILES

    def __init__(self, config: Config, signs_now: Callable[[], bool] | None = None) -> None:
        super().__init__(config)
        # whether this run signs, as the signing output found once it looked for the key
        # (its file there, unlocked, or a passphrase to come): publish wires it in; alone,
        # the key file being there is taken for it
        self.signs_now = signs_now
        self.plan_: Plan | None = None
        self.last: dict[str, Any] = {}
        self.store: PageStore | None = None
        self.stored: dict[str, str] = {}
        self.live: dict[str, Record] = {}
        self.changed: list[str] = []  # releases whose page is made again
        self.gone: list[str] = []  # releases whose page goes
        self.kept: dict[str, Row] = {}  # held back: their page stays as it is
        self.moved: set[str] = set()  # my files not as the last run left them
        self.owned: set[str] = set()
        self.signed = False
        self.sure = False  # this run signs: its pages link their signed texts (see `_open`)
        self.staged: set[str] = set()
        self.pairs: dict[str, list[tuple[str, str, bool]]] = {}  # id -> its pair's others

    # ------------------------------------------------------------ deciding

    def _open(self, cache_key: str) -> PageStore:
        if self.store is None:
            from ..signing.keys import could_sign_now, signs

            self.signed = signs(self.config)  # a page links its signed texts (all made
            # again when the office starts or stops signing); a run that cannot sign (a
            # desk without the secret key) links only those still there (`_page`)
            now = self.signs_now or (lambda: could_sign_now(self.config))
            self.sure = self.signed and now()
            key = f"{cache_key}:{PAGES_FORMAT}:{'signed' if self.signed else 'unsigned'}"
            self.store = PageStore(self.config, key)
            self.stored = self.store.digests()
        return self.store

    def reader(self, cache_key: str, last: dict[str, Any]) -> ReadHook | None:
        """A first run (or a new format, key or signing): every release's page is made on
        the reading cores while its file is in hand, instead of reading it again (at
        100,000 releases: 93,000 files parsed twice, and a second pool of workers)."""
        if self._open(cache_key).same:
            return None
        return PageHook(self.config, self.signed, self.sure)

    def read(self, value: Any) -> None:
        ident, digest, number, kind, data, tmp = value
        assert self.store is not None
        # the run's transaction (rolled back if unused); the row pickled by the worker
        self.store.put_pickled(ident, digest, number, kind, data)
        self.store.premake(ident, digest, tmp)  # kept there too, not in memory

    def plan(self, plan: Plan, last: dict[str, Any]) -> None:
        self.plan_, self.last = plan, last
        self._open(plan.cache_key)
        self.live = plan.live
        # My files not as the last run left them: a page per release, 10,000 stats (0.03 s;
        # bench_publish.py's one approval), looked at when the run was not started by
        # changed articles (Output.plan: a run with nothing to do looks first).
        look = last.get("look", True)
        self.moved = moved_files(self.config.feeds_dir, last.get("files", {})) if look else set()
        if not last.get("files") and self.stored:  # the files' state is lost: look at them
            feeds = self.config.feeds_dir
            made = (page_path(r.slug) for i, r in self.live.items() if i in self.stored)
            self.moved |= {p for p in made if not (feeds / p).exists()}
        self.changed = [  # (a page made without its links is made again by a run that signs)
            i for i, r in self.live.items()
            if ((s := self.stored.get(i)) != r.digest and (self.sure or s != r.digest + UNLINKED))
            or page_path(r.slug) in self.moved
        ]  # fmt: skip
        self.pairs = pairs(self.live) if self.changed else {}
        if self.pairs:  # a pair's pages link each other: one changed, the others again
            again = {o for i in self.changed for o, _, _ in self.pairs.get(i, ())}
            self.changed += sorted(again - set(self.changed))

    def answer(self, result: PublishResult) -> None:
        assert self.store is not None
        withheld = {r.id for r in result.refused if r.withheld}
        broken = {str(p.path) for p in result.problems}
        absent = [i for i in self.stored if i not in self.live]
        old = self.store.rows(absent)
        self.kept = {i: r for i, r in old.items() if i in withheld or r.path in broken}
        self.gone = [i for i in absent if i not in self.kept]
        if result.dry_run:  # what the run would write and remove, worked out as it would
            from .preview import preview

            found = preview(self)
            result.to_write += found.write
            result.to_remove += found.remove
            result.to_write_unchecked |= not found.exact and bool(found.write)

    def made_page(self, ident: str, going: dict[str, Article]) -> tuple[Row, bytes] | None:
        """A changed release's row and page bytes, as `make_page` makes them, in memory (a
        dry run's look: preview.py); None when it fails (the run names it)."""
        config, record = self.config, self.live[ident]
        try:
            held = record.problem is not None
            article = going.get(ident) or reread(config, record.path, ident, record.digest, held)
            links = linked(config, article, self.signed, self.sure, ident in going)
            page, data = page_bytes(config, article, links, self._alternates(ident))
        except (NewsroomError, OSError, ValueError):
            return None
        return row_of(page, config, record.path), data

    def _alternates(self, ident: str) -> tuple[tuple[str, str, bool], ...]:
        """The same release in other languages, as its page links them: (language, slug,
        is the original)."""
        others = self.pairs.get(ident, ())
        return tuple((self.live[o].language, self.live[o].slug, first) for o, _, first in others)

    # ------------------------------------------------------------ writing

    def stage_files(self, staged: Iterable[Staged], result: PublishResult) -> Iterator[Staged]:
        """Each file as it is staged (the run writes it to its staging file at once: a first
        run's 93,000 pages at 100,000 releases are never held in a list)."""
        assert self.plan_ is not None and self.store is not None
        store = self.store
        # every index file made (and owned) again: a first run, or its files' list lost
        # (the run then removes what no output owns: pages must own all they have)
        full = not store.same or not self.last.get("files")
        before = [] if full else list(store.rows([*self.changed, *self.gone]).values())
        feeds = self.config.feeds_dir
        start = len(str(feeds)) + 1  # placed() looks at these again (none known: every file)
        known = bool(self.last.get("files"))
        self.staged = set()
        for made in self._release_pages(self.plan_, result):
            if known:
                self.staged.add(made.pair[0][start:])
            yield made
        for ident in self.gone:
            store.drop(ident)
        # the rows before and after of the releases that changed (all of them when full:
        # then every index file is made, and no row need be held here)
        touched = [] if full else [*before, *store.rows(store.made).values()]
        layout, specs, numbers, facts, build = self.indexes(store, touched, full)
        if self.last.get("look", True):  # (the index folders hold a folder per release:
            clear_leftovers(feeds, [s.path for s in specs])  # 9,400 names read at 10,000;
            # a killed run's temporaries are swept by the next run anyway: publish/run.py)
        for spec in specs:
            tmp = stage(feeds / spec.path, build(spec))
            if tmp is not None:
                if known:
                    self.staged.add(spec.path)
                yield Staged(feeds / spec.path, tmp)
        self.owned = self._owned(layout, numbers, facts, full)
        result.documents += len(self.owned)

    def indexes(
        self, store: Rows, touched: list[Row], full: bool
    ) -> tuple[Layout, list[Spec], set[str], dict[str, Facts], Builder]:
        """The index and lookup files a run makes again, from the rows before and after of
        the releases that changed (`touched`; every file when `full`), and the builder that
        makes them from `store` (the run's store, or the dry run's view of it: preview.py):
        the layout, the files, the numbers made again and their facts."""
        layout = Layout(self._entries())
        specs = layout.specs() if full else layout.touched(touched, self.moved)
        klarifikasi = store.of_kind(KLARIFIKASI)
        numbers = self._numbers(store, touched, full)
        facts = numbers_of([*store.with_numbers(numbers), *klarifikasi]) if numbers else {}
        facts = {n: f for n, f in facts.items() if n in numbers}
        for fact in facts.values():
            specs += number_specs(fact.number)
        if (
            full
            or numbers
            or set(LOOKUP_FILES) & self.moved
            or any(r.kind == KLARIFIKASI for r in touched)
        ):
            specs += [Spec(path, "lookup") for path in LOOKUP_FILES]
        return (
            layout,
            specs,
            numbers,
            facts,
            Builder(self.config, store, layout, facts, klarifikasi),
        )

    def _release_pages(self, plan: Plan, result: PublishResult) -> Iterator[Staged]:
        """Make the pages of the changed releases (on every core when there are many)."""
        assert self.store is not None
        if self.changed:
            plan.progress(f"writing {len(self.changed)} release page(s)")
        going = {g.article.id: g.article for g in plan.going_live if g.article.id in self.live}
        feeds = self.config.feeds_dir
        yield from self._premade(going)
        todo = []
        for i in self.changed:
            if i not in self.store.made:  # not made while the files were read
                todo.append(i)
        clear_leftovers(feeds, [page_path(self.live[i].slug) for i in todo])
        alternates = {i: self._alternates(i) for i in todo if i in self.pairs}
        held = frozenset(i for i in todo if self.live[i].problem is not None)
        job = PageJob(self.config, going, self.signed, alternates, self.sure, held)
        # A worker is handed what it needs (it never touches this process's records); past
        # parallel.FORK_MAX in this process all the same (a first run makes its pages while
        # reading: this is a new format's or key's run, rare).
        items = [(i, r.path, r.slug, r.digest) for i in todo if (r := self.live[i])]
        workers = workers_for(len(plan.records))
        for ident, path, slug, digest, row, tmp, error in imap(make_page, job, items,
                                                               workers=workers):  # fmt: skip
            if row is None:  # (the page partners have stays; the next run tries again)
                result.fail(f"{path}: its page was not written: {error['reason']} (the page "
                            "partners have stays; the next run tries again)",
                            "page_not_written", error, path=path)  # fmt: skip
                continue
            self.store.put(ident, digest, row)
            if tmp is not None:
                yield Staged(feeds / page_path(slug), tmp)

    def _premade(self, going: dict[str, Article]) -> Iterator[Staged]:
        """The pages made while the files were read that stand: of a live release, from
        its file as it is (not one going live now, whose file changes), not of a pair
        (its page links the others). The rest are undone, and made again if needed."""
        assert self.store is not None
        feeds = str(self.config.feeds_dir) + os.sep
        again = set(going) | set(self.pairs)
        undone = []
        for ident, digest, tmp, last in self.store.premade():
            record = self.live.get(ident)
            if last and record and record.digest == digest and ident not in again:
                if tmp is not None:
                    yield Staged(feeds + page_path(record.slug), tmp)
                continue
            if tmp is not None:
                Path(tmp).unlink(missing_ok=True)
            if last:
                undone.append(ident)
        for ident in undone:
            self.store.drop(ident)

    def _entries(self) -> list[Entry]:
        """Every release with a page: the live ones and those held back."""
        entries = [Entry(r.id, r.published, r.month, r.categories)  # type: ignore[arg-type]
                   for r in self.live.values()]  # fmt: skip
        entries += [Entry(r.id, r.published, r.month, r.categories) for r in self.kept.values()]
        return entries

    def _numbers(self, store: Rows, touched: list[Row], full: bool) -> set[str]:
        """The numbers whose files are made again: of the changed releases, and moved ones
        (every one in `store` when `full`)."""
        if full:
            return numbers_in([*store.numbered(), *store.of_kind(KLARIFIKASI)])
        moved = {number_of(p) for p in self.moved if is_number_file(p)}
        return numbers_in(touched) | moved

    def _owned(
        self, layout: Layout, numbers: set[str], facts: dict[str, Facts], full: bool,
        made: set[str] | None = None,
    ) -> set[str]:  # fmt: skip
        """Every file this output has now (`made`: the releases whose page this run makes,
        when not the store's: a dry run's)."""
        owned = {spec.path for spec in layout.specs()} | set(LOOKUP_FILES)
        before = self.last.get("files", {})
        if not full:  # the other numbers' files stay as they are
            redone = {s.path for n in numbers for s in number_specs(n)}
            owned |= number_files(before) - redone
        owned |= {s.path for f in facts.values() for s in number_specs(f.number)}
        assert self.store is not None
        fresh = self.store.made if made is None else made  # a release has a page once
        stored = self.stored  # it is made
        # (one held back whose page a new key or format could not make again from its
        # file: the page partners have stays)
        owned.update(page_path(r.slug) for i, r in self.live.items()
                     if i in fresh or i in stored or r.problem is not None)  # fmt: skip
        owned.update(page_path(r.slug) for r in self.kept.values())
        return owned

    def placed(self, result: PublishResult) -> Written:
        feeds = self.config.feeds_dir
        before: dict[str, list[int]] = self.last.get("files", {})
        written = Written()
        base = str(feeds) + os.sep
        for path in self.owned:
            if path in before and path not in self.staged and path not in self.moved:
                written.files[path] = before[path]
                continue
            try:
                st = os.stat(base + path)
            except OSError:
                continue
            written.files[path] = [st.st_size, st.st_mtime_ns]
        for path in sorted(set(before) - self.owned):
            (feeds / path).unlink(missing_ok=True)
            remove_empty_folders((feeds / path).parent, feeds)
            written.removed.append(path)
        self.owned, self.staged = set(), set()  # 93,000 paths each at 100,000: let them go
        return written

    def state(self, written: bool) -> dict[str, Any]:
        assert self.store is not None
        if written:
            self.store.save()
        self.store.close()
        return {"format": PAGES_FORMAT}

    def close(self) -> None:
        if self.store is not None:
            self.store.close()


UNLINKED = "~unlinked"  # a page's digest, made without the links to its signed texts


@dataclass(frozen=True)
class PageJob:
    """What making release pages needs (parallel.py hands it to each worker once)."""

    config: Config
    going: dict[str, Article]  # releases this run puts out, as they will be saved
    signed: bool = False  # the newsroom signs each version's text: the page links them
    # id -> the same release in other languages: (language, slug, is the original)
    alternates: dict[str, tuple[tuple[str, str, bool], ...]] = field(default_factory=dict)
    sure: bool = True  # this run signs (False: a page links only signed texts still there)
    held: frozenset[str] = frozenset()  # held back: made only from the text they were read as


def make_page(
    job: PageJob, item: tuple[str, str, str, str]
) -> tuple[str, str, str, str, Row | None, Path | None, dict[str, str]]:
    """Make one release's page from (id, article file, slug, digest): the same four, its
    row, the staged file or None if unchanged, and the error that stopped it (its `cause`:
    text, code and facts; empty when none did)."""
    config = job.config
    ident, path, slug, digest = item
    try:
        article = job.going.get(ident) or reread(config, path, ident, digest, ident in job.held)
        links = linked(config, article, job.signed, job.sure, ident in job.going)
        row, tmp = _page(config, article, path, slug, links, job.alternates.get(ident, ()))
    except (NewsroomError, OSError, ValueError) as exc:
        return *item, None, None, cause(exc)
    return ident, path, slug, kept_as(digest, job.signed, links), row, tmp, {}


def linked(config: Config, article: Article, signed: bool, sure: bool, going: bool) -> bool:
    """Whether a release's page links its signed texts: the newsroom signs, and this run
    does (`sure`) or, a run that cannot (a desk without the secret key: signing/texts.py
    keeps what stays true), the release is not going out now and its latest version's
    signature is there."""
    from ..signing.canonical import last_text

    if not signed or sure:
        return signed
    return not going and (config.feeds_dir / (last_text(article) + ".minisig")).is_file()


def kept_as(digest: str, signed: bool, links: bool) -> str:
    """The digest a page is kept under: marked when it lacks the links to its signed texts
    the newsroom's pages have, so the next run (one that signs) makes it again."""
    return digest + UNLINKED if signed and not links else digest


def _page(
    config: Config,
    article: Article,
    path: str,
    slug: str,
    signed: bool,
    alternates: tuple[tuple[str, str, bool], ...],
) -> tuple[Row, Path | None]:
    """A release's page staged beside its place (None: its bytes are already there)."""
    page, made = page_bytes(config, article, signed, alternates)
    return row_of(page, config, path), stage(config.feeds_dir / page_path(slug), made)


def page_bytes(
    config: Config, article: Article, signed: bool, alternates: tuple[tuple[str, str, bool], ...]
) -> tuple[ReleasePage, bytes]:
    """A release's page (its source) and bytes: what the run stages and the dry run compares."""
    page = release_page(article, config)
    return page, render_release(page, config, signed, alternates)


@dataclass(frozen=True)
class PageHook:
    """A release's page made while publish reads its file (records.ReadHook): for a
    published release publish may put out, from its file as it is."""

    config: Config
    signed: bool
    sure: bool = True  # (see PageJob)

    def __call__(
        self, article: Article, record: Record, path: str
    ) -> tuple[str, str, str, str, bytes, str | None] | None:
        if not (record.live and record.published):
            return None
        links = linked(self.config, article, self.signed, self.sure, False)
        row, tmp = _page(self.config, article, path, record.slug, links, ())
        # pickled here, as the store keeps it: the parent, which takes every worker's
        # results while they read, neither unpickles nor pickles it again
        digest = kept_as(record.digest, self.signed, links)
        return (record.id, digest, row.number, row.kind, pickled(row),
                str(tmp) if tmp is not None else None)  # fmt: skip


def pairs(live: dict[str, Record]) -> dict[str, list[tuple[str, str, bool]]]:
    """For each release of a pair with a page, the others: (id, language, is the original)
    (a translation's original and its other translations; an original's translations)."""
    groups: dict[str, list[str]] = {}
    for r in live.values():
        if r.translation_of and r.translation_of in live:
            groups.setdefault(r.translation_of, [r.translation_of]).append(r.id)
    found: dict[str, list[tuple[str, str, bool]]] = {}
    for top, members in groups.items():
        for ident in members:
            found[ident] = [(o, live[o].language, o == top) for o in members if o != ident]
    return found


def clear_leftovers(feeds: Path, paths: list[str]) -> None:
    """The temporaries a killed run left for these files (`.index.html.1a2b.tmp` beside
    `index.html`), and only those: other outputs stage theirs in the same folders, and
    walking every page's folder (the feeds' way) would cost a second at 10,000 releases."""
    by_folder: dict[str, list[str]] = {}
    for path in paths:
        folder, name = os.path.split(path)
        by_folder.setdefault(folder, []).append(f".{name}.")
    for folder, prefixes in by_folder.items():
        try:
            entries = os.scandir(os.path.join(feeds, folder))
        except OSError:  # not there yet
            continue
        with entries:
            for entry in entries:
                if entry.name.endswith(".tmp") and entry.name.startswith(tuple(prefixes)):
                    with contextlib.suppress(OSError):
                        os.unlink(entry.path)
