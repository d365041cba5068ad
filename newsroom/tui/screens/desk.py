"""The desk: every release in a table, status views with counts, live filter, sort."""

from __future__ import annotations

from textual import events, on, work
from textual.app import ComposeResult
from textual.containers import HorizontalGroup
from textual.timer import Timer
from textual.widgets import Input, Static
from textual.worker import get_current_worker

from ...core.errors import NewsroomError, SyncConflict
from ...core.service import SORTS, VIEWS, Broken, Conflict, Desk, Newsroom, SyncResult
from ..commands import bindings, desk_hints
from ..markup import escape
from ..messages import DeskLoaded, FilesChanged
from ..widgets.keys_footer import KeysFooter
from ..widgets.release_list import ReleaseList
from ..widgets.status_tabs import StatusTabs
from .base import AppScreen

INDEX_AFTER_IDLE = 1.0  # seconds without a keystroke in the filter before indexing words


class DeskScreen(AppScreen):
    """The main screen: open, filter, sort, start and publish releases."""

    BINDINGS = [*bindings("desk"), *desk_hints()]

    def __init__(self) -> None:
        super().__init__(id="desk")
        self.desk: Desk | None = None
        self.view = "all"
        self.filter_text = ""
        self.sort = "updated"
        self._banner = ""
        self._rest = ("", "")  # the banner after who: how many, in which order, then the
        # same in short (show_rows), for a terminal where the long one would cut the title
        self._health = ""  # publishing's state, when it needs a person (see _publishing)
        self._index_timer: Timer | None = None
        self._typeahead = False  # the filter key was pressed: letters go to the filter
        self._made: str | None = None  # a release made here (`n`): selected once it is listed
        self._unshared = 0  # this clone's commits the other offices have not got (git)

    def compose(self) -> ComposeResult:
        app = self.nr_app
        yield Static(id="banner")
        # a line of its own, shown only when publishing needs someone; a warning too long
        # for it goes on under its own text, not under the mark
        with HorizontalGroup(id="publishing-line"):
            yield Static(" ⚠", id="publishing-mark")
            yield Static(id="publishing")
        yield StatusTabs(app.t, id="tabs")
        yield ReleaseList(
            app.t, app.short_time, app.name_of, now=lambda: app.newsroom.now(),
            problem=app.problem, id="releases",
        )  # fmt: skip
        yield Input(placeholder=app.t("desk.filter"), id="filter", select_on_focus=False)
        yield KeysFooter()

    def on_mount(self) -> None:
        app = self.nr_app
        self.query_one("#banner", Static).update(f" {self._who()}   {app.t('desk.loading')}")
        self.releases.focus()
        self._set_header()
        self.call_after_refresh(self.load)  # paint first; the index loads right after

    @property
    def releases(self) -> ReleaseList:
        return self.query_one(ReleaseList)

    def retranslate(self) -> None:
        super().retranslate()
        if self.desk is not None and self.desk.reading is None:
            self._health = self._publishing(self.desk)
            self._show_health()
        self._set_header()
        self.query_one("#filter", Input).placeholder = self.nr_app.t("desk.filter")
        self._banner = ""
        self.show_rows(keep=self._current_key())

    def _who(self, room: int = 0) -> str:
        """The banner's start: the newsroom's title and who is working (escaped markup),
        the title shortened (…) to leave the rest of the line `room` cells."""
        from rich.cells import cell_len, set_cell_size

        app = self.nr_app
        title, who = app.newsroom.config.title, app.name_of(app.newsroom.actor)
        width = self.size.width or app.size.width
        spare = width - room - cell_len(f" {title} — {who}   ")
        if room and spare < 0:
            keep = max(cell_len(title) + spare - 1, 6)
            title = set_cell_size(title, keep).rstrip() + "…"
        return escape(f"{title} — {who}")

    def _set_header(self) -> None:
        t, zone = self.nr_app.t, self.nr_app.zone
        self.releases.header = (
            t("col.status"),
            t("col.title"),
            t("col.dateline"),
            t("col.author"),
            t("col.updated", zone=zone),
            t("col.embargo", zone=zone),
        )

    # ------------------------------------------------------------ loading and live updates

    def load(self) -> None:
        """Read the desk off the UI thread (cached index: only changed files are parsed),
        on a door of its own (Newsroom.for_thread: a door serves one thread)."""
        self._load(self.nr_app.newsroom.for_thread())

    @work(thread=True, exclusive=True, group="desk")
    def _load(self, door: Newsroom) -> None:
        # A newer read cancels this one (exclusive), but a thread runs on to its end: what
        # it read is then older than the newer read's, and is not shown after it.
        worker = get_current_worker()

        def partial(desk: Desk) -> None:
            if not worker.is_cancelled:
                self.post_message(DeskLoaded(desk, None))

        desk, leases = door.read_desk(partial)
        if worker.is_cancelled:
            return
        self._unshared = door.unshared()  # with [git] on: commits to send
        self.post_message(DeskLoaded(desk, leases, door))

    def on_desk_loaded(self, message: DeskLoaded) -> None:
        if message.door is not None:  # where each release lives, for the app's door's find
            self.nr_app.newsroom.learn_from(message.door)
        self.desk = message.desk  # its records were frozen for the collector as they loaded
        if message.leases is not None:  # a partial desk (still reading) keeps the last ones
            self.releases.leases = message.leases
        if message.desk.reading is None:
            self._health = self._publishing(message.desk)
        self._show_health()
        self.show_rows(keep=self._current_key())
        if self._made is not None and any(r.id == self._made for r in self.desk.records):
            # the release just made here, not the row that was under the cursor (which a
            # new release pushes down): Enter then `s` submits what was written
            self.show_rows(keep=self._made)
            self._made = None
        if message.desk.reading is None:
            self._index_when_idle()

    def _show_health(self) -> None:
        self.query_one("#publishing-line").display = bool(self._health)
        self.query_one("#publishing", Static).update(escape(self._health))

    def _publishing(self, desk: Desk) -> str:
        """A warning for the banner when publishing is not healthy: releases held back, or
        runs that keep failing (`newsroom status` says why), or mail waiting after an
        error (`newsroom mail status` says why); empty when all is well."""
        app = self.nr_app
        report = app.newsroom.publish_status(desk.records, [b.problem for b in desk.broken])
        if report.held:
            return app.t("desk.held", n=len(report.held))
        if report.failures:
            return app.t("desk.failing", n=report.failures)
        if report.unsigned:
            return app.t("desk.unsigned")
        if report.mail_waiting:
            return app.t("desk.mail_waiting", n=report.mail_waiting)
        return ""

    def _index_when_idle(self) -> None:
        """Index the desk's words for faster filtering once the editor pauses: the index is
        built in a forked process, which would slow the keystrokes it coincides with. An
        index kept from the last start is used at once; it is rebuilt only when many
        releases changed since."""
        if self._index_timer is not None:
            self._index_timer.stop()
        if self.desk is not None and self.desk.index_stale:
            self._index_timer = self.set_timer(INDEX_AFTER_IDLE, self._index_words)

    def _index_words(self) -> None:
        if self.desk is not None and self.desk.index_stale:
            self.index_words(self.desk, self.nr_app.newsroom.for_thread())

    @work(thread=True, exclusive=True, group="index")
    def index_words(self, desk: Desk, door: Newsroom) -> None:
        """Build the word index, use it, and keep it for the next start (a door of its own)."""
        door.index_words(desk)

    def on_files_changed(self, message: FilesChanged) -> None:
        self.load()

    def _current_key(self) -> str | None:
        row = self.releases.current
        if row is None:
            return None
        return row.path if isinstance(row, Broken) else row.id

    def show_rows(self, keep: str | None = None) -> None:
        if self.desk is None:
            return
        app = self.nr_app
        rows = self.desk.select(self.view, self.filter_text, app.newsroom.actor, self.sort)
        counts = self.desk.counts(app.newsroom.actor)
        self.releases.empty = self._empty_text(counts["all"])
        self.releases.set_rows(rows, keep)
        self.query_one(StatusTabs).show(counts, self.view)
        # How many are shown and in which order: on the first line, which the nine views
        # of the tab line would push off a 120-column screen.
        shown, total = len(rows), counts["all"]
        long = app.t("desk.count", shown=shown, total=total) + " · "
        long += app.t("desk.sorted", sort=app.t("sort." + self.sort))
        short = app.t("desk.count_short", shown=shown, total=total) + " · "
        short += app.t("desk.sorted_short", sort=app.t(f"sort.{self.sort}.short"))
        more = ""
        if self._unshared:
            more += " · " + app.t("desk.unshared", n=self._unshared)
        if self.desk.reading is not None:
            done, total = self.desk.reading
            more += f"   {app.t('desk.reading', done=done, total=total)}"
        self._rest = (long + more, short + more)
        self._show_banner()

    def _show_banner(self) -> None:
        """The first line: who, then how many and in which order (`_rest`). On a narrow
        terminal that part gives way first, to its short form ("4/4 · urut: diubah"), so
        the office and the person stay whole; then the title (…), never the count."""
        from rich.cells import cell_len

        long, short = self._rest
        if not long:
            return
        width = self.size.width or self.nr_app.size.width
        rest = long if cell_len(f" {self._who()}   {long}") < width else short  # as _who
        banner = f" {self._who(cell_len(rest) + 1)}   {escape(rest)}"
        if banner != self._banner:
            self._banner = banner
            self.query_one("#banner", Static).update(banner, layout=False)  # always one line

    def on_resize(self, event: events.Resize) -> None:
        self._show_banner()

    def _empty_text(self, total: int) -> str:
        """What an empty list says, in the list itself (the banner's one line is full):
        nothing matches the filter, nothing in this view, or no release at all yet."""
        t = self.nr_app.t
        if self.filter_text.strip():
            return t("desk.no_match", query=self.filter_text.strip())
        return t("desk.empty") if total == 0 else t("desk.empty_view")

    # ------------------------------------------------------------ filter, views, sort

    def action_filter(self) -> None:
        box = self.query_one("#filter", Input)
        box.add_class("shown")
        # Shown and focused now, not on the next message (as the class and focus() would):
        # letters typed or pasted right after "/" are already queued behind it.
        box.display = True
        self.set_focus(box)

    def on_key(self, event: events.Key) -> None:
        """The filter key, and the letters that follow it before the filter has focus.

        A terminal delivers "/netra" typed fast or pasted as one burst, and every key of it
        is routed to the list before "/" opens the filter: without this, "n" would make a
        new release and the rest would be lost. Keys reach the screen in the order typed,
        so the filter key opens the filter here and what follows goes into it, never to
        the desk's bindings.
        """
        box = self.query_one("#filter", Input)
        if box.has_focus:
            return
        if self._refused(event.key):  # hidden from the footer, and says why when pressed
            event.stop()
            return
        active = self.active_bindings.get(event.key)
        if active is not None and active.binding.action == "filter":
            self._typeahead = True
            self.action_filter()
        elif self._typeahead and event.is_printable and event.character:
            box.insert_text_at_cursor(event.character)
        else:
            return
        event.stop()
        event.prevent_default()

    @on(Input.Changed, "#filter")
    def filter_changed(self, event: Input.Changed) -> None:
        self.filter_text = event.value
        self.show_rows()
        self.releases.go_top()  # a new filter starts at its best (newest) match
        self._index_when_idle()

    @on(Input.Submitted, "#filter")
    def filter_done(self) -> None:
        """Enter in the filter goes to the list; a second Enter typed before the focus moved
        (queued to the filter already) opens the release under the cursor, as it would
        from the list."""
        self._typeahead = False
        if self.focused is not self.query_one("#filter", Input):
            self.releases.open_current()
            return
        self.set_focus(self.releases)

    def action_clear_filter(self) -> None:
        self._typeahead = False
        box = self.query_one("#filter", Input)
        if box.value or box.has_focus:
            box.value = ""
            box.remove_class("shown")
            box.display = False
            self.filter_text = ""
            self.releases.focus()
            self.show_rows(keep=self._current_key())

    def action_view(self, index: int) -> None:
        self.view = VIEWS[index]
        self.show_rows()

    def action_sort(self) -> None:
        self.sort = SORTS[(SORTS.index(self.sort) + 1) % len(SORTS)]
        self.show_rows(keep=self._current_key())

    def action_top(self) -> None:
        self.releases.go_top()

    def action_bottom(self) -> None:
        self.releases.go_bottom()

    # ------------------------------------------------------------ opening and creating

    def action_open(self) -> None:
        self.releases.open_current()

    def on_release_list_opened(self, message: ReleaseList.Opened) -> None:
        row = message.row
        if isinstance(row, Broken):
            self.notify(self.nr_app.problem(row.problem), severity="error", timeout=10)
            return
        from .release import ReleaseScreen

        self.app.push_screen(ReleaseScreen(row.id))

    def action_on_release_screen(self, key: str, label: str) -> None:
        """A key of the release's screen pressed here (`desk_hints`)."""
        t = self.nr_app.t
        self.notify(t("desk.on_release_screen", letter=key, action=t(label)), timeout=6)

    def action_new(self) -> None:
        """Ask for a title, then open the editor on a release that exists only there until
        its first save (abandoned, it leaves no file behind)."""
        from .modals import TitleModal

        def made(title: str | None) -> None:
            if not title:
                return
            from ...core.service import NewArticle
            from .editor import EditScreen

            try:
                session = self.nr_app.newsroom.edit_new(NewArticle(title=title))
            except NewsroomError as exc:
                self.notify(self.nr_app.error(exc), severity="error")
                return
            self._made = session.article.id
            self.app.push_screen(EditScreen(session))

        t = self.nr_app.t
        ask = TitleModal(
            t("modal.new_title"), confirm=t("confirm.new"), missing=t("modal.title_required")
        )
        self.app.push_screen(ask, made)

    def action_publish(self) -> None:
        from .publish import open_publish

        open_publish(self.nr_app)

    # ------------------------------------------------------------ sharing through git

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        """Sync is there only for a newsroom shared through git ([git] enabled); the copies
        kept aside only while the person has some."""
        if action == "sync":
            return self.nr_app.newsroom.config.git
        if action == "unsaved":  # there while copies of the person's text wait
            return bool(self.nr_app.newsroom.unsaved())
        return True

    def _refused(self, key: str) -> bool:
        """Sync pressed in a newsroom not shared through git says so, and how to share."""
        if self._typeahead or self.nr_app.newsroom.config.git:
            return False
        found = self._bindings.key_to_bindings.get(key, [])
        if not any(binding.action == "sync" for binding in found):
            return False
        self.notify(self.nr_app.t("sync.off"), severity="warning", timeout=8)
        return True

    def action_unsaved(self) -> None:
        from .modals import UnsavedListModal

        self.app.push_screen(UnsavedListModal())

    def action_sync(self) -> None:
        self.sync_with({})

    def sync_with(self, choices: dict[str, str]) -> None:
        app = self.nr_app
        self.notify(app.t("sync.running", remote=app.newsroom.config.git_remote), timeout=3)
        self._sync(choices, app.newsroom.for_thread())

    @work(thread=True, exclusive=True, group="sync")
    def _sync(self, choices: dict[str, str], door: Newsroom) -> None:
        """Fetch, rebase and push off the UI thread (a slow line never freezes the desk), on
        a door of its own: the desk goes on acting through the app's meanwhile, and a sync
        that brought commits reloads only its door (the app's in _synced: files_changed)."""
        app = self.nr_app
        try:
            result = door.sync(choices)
        except SyncConflict as exc:
            conflicts: list[Conflict] = exc.facts["conflicts"]  # type: ignore[assignment]
            app.call_from_thread(self._ask, list(conflicts), dict(choices))
            return
        except NewsroomError as exc:
            app.call_from_thread(self.notify, app.error(exc), severity="error", timeout=15)
            return
        app.call_from_thread(self._synced, result)

    def _synced(self, result: SyncResult) -> None:
        t = self.nr_app.t
        remote = f"{self.nr_app.newsroom.config.git_remote}/{result.branch}"
        lines = []
        if result.received or result.sent:
            lines.append(t("sync.done", remote=remote, received=t("n.commits", n=result.received),
                           sent=t("n.commits", n=result.sent)))  # fmt: skip
        else:
            lines.append(t("sync.same", remote=remote))
        for path, choice in result.resolved:
            lines.append(t("sync.kept_mine" if choice == "mine" else "sync.took_theirs",
                           path=path))  # fmt: skip
        lines += [t("sync.kept_aside", path=kept) for kept in result.kept]
        if result.leases:
            lines.append(t("sync.leases", reason=result.leases))
        self.notify("\n".join(lines), timeout=8)
        # Every screen reads again (the open release too); with commits, the app's door first.
        self.nr_app.files_changed(commits=bool(result.received))

    def _ask(self, conflicts: list[Conflict], choices: dict[str, str]) -> None:
        """One release at a time: keep mine, take theirs (or see the difference first);
        when every one is chosen, sync again with the choices. Escape leaves all as it was."""
        from .modals import SyncConflictModal

        if not conflicts:
            self.sync_with(choices)
            return
        conflict, rest = conflicts[0], conflicts[1:]

        def chosen(choice: str | None) -> None:
            if choice is None:
                self.notify(self.nr_app.t("sync.later"), severity="warning")
                return
            self._ask(rest, {**choices, conflict.release or conflict.path: choice})

        self.app.push_screen(SyncConflictModal(conflict), chosen)
