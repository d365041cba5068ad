"""The door's reading side: the releases as the cached index and the desk know them, where
each lives (`find`), what changed since the desk last looked (`changes`), and what the door
keeps while no article file changed (`while_unchanged`, `one_look`). `Newsroom` (service.py)
inherits it, as it inherits its writing, publishing and git sides; this part uses nothing of
the door but what is declared below.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from typing import TYPE_CHECKING, Any, TypeVar, cast

from .errors import ArticleError

if TYPE_CHECKING:
    import datetime as dt

    from .config import Config
    from .desk import Desk
    from .index import Index
    from .lease import Lease
    from .model import Article
    from .records import Record
    from .scan import FileStat
    from .store import Snapshot, Store

T = TypeVar("T")


class Reading:
    """The releases as one person's door reads them (the index, the desk, one file)."""

    config: Config
    _known: dict[str, str]  # id and slug -> file, from the last index read
    _kept: dict[str, tuple[str, Any]]  # what `while_unchanged` keeps
    _look: tuple[list[FileStat], str] | None  # `one_look`'s scan, once made
    _looking: bool  # inside `one_look`

    if TYPE_CHECKING:  # the rest of the door (service.Newsroom) that this part uses

        def now(self) -> dt.datetime: ...
        @property
        def store(self) -> Store: ...
        @property
        def cache_key(self) -> str: ...

    def snapshot(self) -> Snapshot:
        """Every article parsed now (slow for a large newsroom: prefer `index`)."""
        return self.store.load_all()

    def while_unchanged(self, what: str, make: Callable[[Index], T]) -> T:
        """`make(index)`, kept on this door under `what` while no article file changed (the
        scan's fingerprint, as publish's "nothing to do"): the desk's release screen asks
        for the translation pair and the checks for the numbers at every redraw, and
        reading the index again took 150-210 ms at 10,000 releases (bench_tui.py's
        corpus), the scan 40-60 ms (one scan for all of them `one_look`)."""
        from .scan import scan, scan_fingerprint

        if self._look is None:
            files = scan(self.config)
            look = (files, scan_fingerprint(files))
            if self._looking:
                self._look = look
        else:
            look = self._look
        kept = self._kept.get(what)
        if kept is None or kept[0] != look[1]:
            kept = self._kept[what] = (look[1], make(self.index(look[0])))
        return cast(T, kept[1])

    @contextmanager
    def one_look(self) -> Iterator[None]:
        """What `while_unchanged` keeps is checked against one scan of articles/ for every
        call made inside: the release screen's redraw of a numbered release under review
        asks for its actions (the numbers' check) and its translation pair, a scan each
        (2 x 60-85 ms at 10,000 releases -> one)."""
        if self._looking:  # (nested: the outer look holds the scan)
            yield
            return
        self._looking = True
        try:
            yield
        finally:
            self._looking, self._look = False, None

    def index(self, files: list[FileStat] | None = None) -> Index:
        """Every release as the cached index knows it (only changed files are read);
        `files`: the scan, when the caller made it."""
        from .cache import Cache
        from .index import refresh
        from .scan import scan

        cache = Cache(self.config, self.cache_key)
        try:
            index = refresh(self.config, cache, scan(self.config) if files is None else files)
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
        """Where each release lives, so `find` by id or slug reads one file, not the index.
        (The paths as the records hold them: a Path each took 74-88 ms on every read of
        the desk and of the index, on bench_tui.py's corpus of 10,000 releases.)"""
        self._known = {key: r.path for r in records for key in (r.id, r.slug)}

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
