"""Dialogs: a note, a title, a yes/no question, text not saved, an edit conflict, a diff,
a sync's conflicts, the copies kept aside (the checklist is in checklist.py)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from rich.syntax import Syntax
from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingsMap
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.widgets import Button, Input, Label, Static

if TYPE_CHECKING:
    from ...core.service import Conflict
from ..markup import escape
from .base import AppModal


class Dialog(AppModal):
    """A dialog whose footer names what its keys do, in the words of its buttons.

    `enter` does what the button `PRIMARY` says (from the text box too); while another button
    has the focus, `enter` presses that one and the footer stops promising the primary."""

    PRIMARY = ""

    def name_keys(self, *bindings: Binding) -> None:
        """This dialog's keys, labelled when it opens (the labels name its action), beside
        the keys every screen has (tab moves the focus)."""
        self._bindings = BindingsMap.merge([self._bindings, BindingsMap(bindings)])

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if self.answered:
            return False
        if action != "confirm":
            return True
        focused = self.focused
        if isinstance(focused, Button) and focused.id != self.PRIMARY:
            return False
        primary = self.query(f"#{self.PRIMARY}").results(Button)
        return any(not button.disabled for button in primary)

    def action_confirm(self) -> None:
        """Answer with the field as typed up to this Enter: after the keys before it (still
        on their way to the field), and before the keys after it (they wait for whatever
        the answer opens, or come back here if it is refused)."""
        self.nr_app.hold_keys(self)
        (self.focused or self).call_later(self._confirm_in_order)

    def _confirm_in_order(self) -> None:
        if not self.answered and self.check_action("confirm", ()):
            self.confirmed()
        if not self.answered:  # refused (a required field empty): the keys come back here
            self.nr_app.built(self)

    def confirmed(self) -> None:
        self.query_one(f"#{self.PRIMARY}", Button).press()


class NoteModal(Dialog):
    """Ask for a line of text (a note, a reason, a title); dismiss with it or None.

    The confirming button names the action ("Cabut siaran"), never a bare "OK"."""

    PRIMARY = "ok"

    def __init__(
        self,
        heading: str,
        required: bool = True,
        prompt: str = "",
        value: str = "",
        confirm: str = "",
        missing: str = "",
    ) -> None:
        super().__init__()
        self.heading = heading
        self.required = required
        self.prompt = prompt
        self.value = value
        t = self.nr_app.t
        self.confirm = confirm or t("modal.ok")
        self.missing = missing or t("modal.note_required")  # what an empty answer lacks
        self.name_keys(
            Binding("enter", "confirm", self.confirm, priority=True),
            Binding("escape", "cancel", t("modal.cancel")),
        )

    def compose(self) -> ComposeResult:
        t = self.nr_app.t
        with Vertical(classes="dialog"):
            yield Label(self.heading, classes="dialog-title")
            if self.prompt:
                yield Static(escape(self.prompt))
            yield Input(value=self.value, id="note")
            yield Label("", id="note-error", classes="error")
            with Horizontal(classes="buttons"):
                yield Button(self.confirm, variant="primary", id="ok")
                yield Button(t("modal.cancel"), id="cancel")

    def on_mount(self) -> None:
        self.query_one("#note", Input).focus()

    def confirmed(self) -> None:
        self.submit()

    @on(Input.Submitted)
    @on(Button.Pressed, "#ok")
    def submit(self) -> None:
        text = self.query_one("#note", Input).value.strip()
        if self.required and not text:
            self.query_one("#note-error", Label).update(self.missing)
            return
        self.dismiss(text)

    @on(Button.Pressed, "#cancel")
    def cancel_pressed(self) -> None:
        self.action_cancel()

    def action_cancel(self) -> None:
        self.dismiss(None)


class TitleModal(NoteModal):
    """The title of a new release (the desk's `n`): Enter opens the editor on it. Leaving
    with a title typed (escape, Cancel, ctrl+q) asks, as the editor does (UnsavedModal):
    a title is the start of a release, and is not dropped silently."""

    @property
    def typed(self) -> str:
        return self.query_one("#note", Input).value.strip()

    def action_cancel(self) -> None:
        if not self.typed:
            self.dismiss(None)
            return
        t = self.nr_app.t
        question = t("modal.leave_unsaved", title=self.typed)
        ask = UnsavedModal(question, new=True, id="leave-unsaved")
        self.app.push_screen(ask, self._leaving)

    def _leaving(self, choice: str | None) -> None:
        if choice is not None and self.settle(choice):
            self.dismiss(None)

    def settle(self, choice: str) -> bool:
        """Save the title as a new draft, keep it as a copy aside, or drop it (`choice`):
        True when done, False when it could not be saved (said)."""
        from ...core.errors import NewsroomError
        from ...core.service import NewArticle

        app, t, title = self.nr_app, self.nr_app.t, self.typed
        if choice == "discard" or not title:
            return True
        newsroom = app.newsroom
        try:
            if choice == "save":
                made = newsroom.create(NewArticle(title=title))
                app.notify(t("edit.saved", path=made.path))
            else:
                started = newsroom.start(NewArticle(title=title))
                kept = newsroom.keep_unsaved(started.slug, newsroom.file_text(started))
                app.notify(t("edit.kept_aside", path=str(kept)), timeout=15)
        except NewsroomError as exc:
            app.notify(app.error(exc), severity="error", timeout=10)
            return False
        return True


class ConfirmModal(Dialog):
    """A yes/no question; dismiss with a bool. `y` answers yes, escape no; enter presses the
    focused button, "no" at first, so a stray enter never does the irreversible thing."""

    def __init__(self, question: str, yes: str = "", no: str = "", id: str | None = None) -> None:
        super().__init__(id=id)
        t = self.nr_app.t
        self.question, self.yes, self.no = question, yes or t("modal.yes"), no or t("modal.no")
        self.name_keys(
            Binding("y", "yes", self.yes),
            Binding("escape", "no", self.no),
        )

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog"):
            yield Static(escape(self.question))
            with Horizontal(classes="buttons"):
                yield Button(self.yes, variant="warning", id="yes")
                yield Button(self.no, id="no")

    def on_mount(self) -> None:
        self.query_one("#no", Button).focus()

    @on(Button.Pressed, "#yes")
    def action_yes(self) -> None:
        self.dismiss(True)

    @on(Button.Pressed, "#no")
    def action_no(self) -> None:
        self.dismiss(False)


class UnsavedModal(Dialog):
    """Leaving (escape) or quitting (ctrl+q) with text not saved: save it (a new release:
    as a draft, through the normal save), keep it as a copy aside (`.newsroom/unsaved/`,
    named at every start until restored or discarded), or discard it; escape stays.
    Dismissed with "save", "keep", "discard" or None. Enter presses the focused button,
    Save at first: what a person leaving with unsaved text most often wants. Discarding has
    no letter key, on purpose: a key typed on after ctrl+q never throws text away (tab to
    the button, or click it)."""

    def __init__(self, question: str, new: bool = False, id: str | None = None) -> None:
        super().__init__(id=id)
        t = self.nr_app.t
        self.question = question
        self.save_label = t("modal.save_draft" if new else "modal.save")
        self.name_keys(
            Binding("s", "save", self.save_label),
            Binding("k", "keep", t("modal.keep_copy")),
            Binding("escape", "stay", t("modal.stay")),
        )

    def compose(self) -> ComposeResult:
        t = self.nr_app.t
        with Vertical(classes="dialog", id="unsaved-dialog"):
            yield Static(escape(self.question))
            with Horizontal(classes="buttons"):
                yield Button(self.save_label, variant="primary", id="save")
                yield Button(t("modal.keep_copy"), id="keep")
                yield Button(t("modal.discard"), variant="error", id="discard")

    def on_mount(self) -> None:
        self.query_one("#save", Button).focus()

    @on(Button.Pressed, "#save")
    def action_save(self) -> None:
        self.dismiss("save")

    @on(Button.Pressed, "#keep")
    def action_keep(self) -> None:
        self.dismiss("keep")

    @on(Button.Pressed, "#discard")
    def discard(self) -> None:
        self.dismiss("discard")

    def action_stay(self) -> None:
        self.dismiss(None)


class ConflictModal(AppModal):
    """The file changed on disk while editing: reload theirs, keep mine, or see the difference.
    When someone took the editing over (the lease says who), it says so, naming them.

    Keys: r reload, k keep mine, d difference; escape decides later (saving asks again).
    """

    BINDINGS = [
        Binding("r", "reload", "modal.reload"),
        Binding("k", "keep", "modal.keep"),
        Binding("d", "show", "modal.diff"),
        Binding("escape", "later", "modal.later"),
    ]

    def __init__(self, path: str, diff: str, taker: str = "") -> None:
        super().__init__()
        self.path, self.diff = path, diff
        self.taker = taker  # who took the editing over (their name), when someone did

    def compose(self) -> ComposeResult:
        t = self.nr_app.t
        with Vertical(classes="dialog wide"):
            if self.taker:
                said = t("modal.conflict_taken", name=self.taker, path=self.path)
            else:
                said = t("modal.conflict", path=self.path)
            yield Static(escape(said))
            with VerticalScroll(id="diff", classes="hidden"):
                shown = self.diff or t("modal.no_difference")
                yield Static(Syntax(shown, "diff", word_wrap=True))
            with Horizontal(classes="buttons"):
                yield Button(t("modal.reload"), id="reload")
                yield Button(t("modal.keep"), variant="warning", id="keep")
                yield Button(t("modal.diff"), id="show")

    def on_mount(self) -> None:
        self.query_one("#reload", Button).focus()

    @on(Button.Pressed, "#reload")
    def action_reload(self) -> None:
        self.dismiss("reload")

    @on(Button.Pressed, "#keep")
    def action_keep(self) -> None:
        self.dismiss("keep")

    @on(Button.Pressed, "#show")
    def action_show(self) -> None:
        shown = self.query_one("#diff", VerticalScroll)
        shown.remove_class("hidden")
        shown.focus()  # the arrows and page keys scroll a long difference

    def action_later(self) -> None:
        self.dismiss(None)


class SyncConflictModal(AppModal):
    """Sync stopped on a release changed here and in another office: keep mine, take
    theirs, or see the difference first. Keys: k keep mine, t take theirs, d difference;
    escape decides later (nothing was changed)."""

    BINDINGS = [
        Binding("k", "mine", "modal.keep_mine"),
        Binding("t", "theirs", "modal.take_theirs"),
        Binding("d", "show", "modal.diff"),
        Binding("escape", "later", "modal.sync_later"),
    ]

    def __init__(self, conflict: Conflict) -> None:
        super().__init__()
        self.conflict = conflict

    def compose(self) -> ComposeResult:
        t, c = self.nr_app.t, self.conflict
        with Vertical(classes="dialog wide"):
            text = t("modal.sync_conflict", path=c.path, title=c.title or t("sync.not_release"),
                     reason=c.reason, mine=c.mine or "—", theirs=c.theirs or "—")  # fmt: skip
            yield Static(escape(text))
            with VerticalScroll(id="diff", classes="hidden"):
                shown = c.difference() or t("modal.no_difference")
                yield Static(Syntax(shown, "diff", word_wrap=True))
            with Horizontal(classes="buttons"):
                yield Button(t("modal.keep_mine"), variant="warning", id="mine")
                yield Button(t("modal.take_theirs"), id="theirs")
                yield Button(t("modal.diff"), id="show")

    def on_mount(self) -> None:
        self.query_one("#show", Button).focus()

    @on(Button.Pressed, "#mine")
    def action_mine(self) -> None:
        self.dismiss("mine")

    @on(Button.Pressed, "#theirs")
    def action_theirs(self) -> None:
        self.dismiss("theirs")

    @on(Button.Pressed, "#show")
    def action_show(self) -> None:
        shown = self.query_one("#diff", VerticalScroll)
        shown.remove_class("hidden")
        shown.focus()  # the arrows and page keys scroll a long difference

    def action_later(self) -> None:
        self.dismiss(None)


class UnsavedListModal(AppModal):
    """The copies kept aside in .newsroom/unsaved/ (the desk's `u`): when, whose, which
    release. Enter opens one in the editor, its text unsaved, to be saved through the
    normal save (the lease, the conflict check, four eyes: as any edit); `d` discards one
    (after a confirm); escape closes. Someone else's copy is listed, not touched."""

    BINDINGS = [
        Binding("enter", "restore", "modal.restore", priority=True),
        Binding("d", "discard", "modal.discard"),
        Binding("escape", "close", "modal.close"),
    ]

    def __init__(self) -> None:
        super().__init__(id="unsaved-list")
        self.copies = self.nr_app.newsroom.unsaved_copies()

    def compose(self) -> ComposeResult:
        from textual.widgets import OptionList

        t = self.nr_app.t
        with Vertical(classes="dialog wide"):
            yield Label(t("unsaved.title"), classes="dialog-title")
            yield OptionList(*self._lines(), id="copies")
            yield Static(escape(t("unsaved.hint")), classes="hint")

    def _lines(self) -> list[Text]:
        app, t = self.nr_app, self.nr_app.t
        lines = []
        for kept in self.copies:
            who = app.name_of(kept.person) if kept.person else "?"
            what = kept.title or t("unsaved.form")
            if kept.article is not None and not self._exists(kept.article.id):
                what = t("unsaved.new", title=what)
            lines.append(Text(f"{app.long_time(kept.at)} · {who} · {what}"))  # never markup
        return lines or [Text(t("unsaved.none"))]

    def _exists(self, ident: str) -> bool:
        from ...core.errors import NewsroomError

        try:
            self.nr_app.newsroom.find(ident)
        except NewsroomError:
            return False
        return True

    def on_mount(self) -> None:
        super().on_mount()
        self.query_one("#copies").focus()
        self.nr_app.unsaved_seen()  # the notice that said to press u covered this dialog

    def _chosen(self) -> object | None:
        from textual.widgets import OptionList

        at = self.query_one("#copies", OptionList).highlighted
        return self.copies[at] if at is not None and at < len(self.copies) else None

    def on_option_list_option_selected(self) -> None:
        self.action_restore()

    def action_restore(self) -> None:
        """Open the copy in the editor (the release's, or a new one), unsaved (opening.py)."""
        from ...core.service import Unsaved
        from .opening import editor_for_copy

        kept = self._chosen()
        editor = editor_for_copy(self.nr_app, kept) if isinstance(kept, Unsaved) else None
        if editor is not None:
            self.dismiss(None)
            self.nr_app.push_screen(editor)

    def action_discard(self) -> None:
        """Ask, then remove the copy (its text is lost: said in the question)."""
        from ...core.errors import NewsroomError
        from ...core.service import Unsaved

        kept, app, t = self._chosen(), self.nr_app, self.nr_app.t
        if not isinstance(kept, Unsaved):
            return

        def answer(yes: bool | None) -> None:
            if not yes:
                return
            try:
                app.newsroom.discard_unsaved(kept.name)
            except NewsroomError as exc:
                app.notify(app.error(exc), severity="error", timeout=12)
                return
            app.notify(t("unsaved.discarded", name=kept.name))
            self.copies = app.newsroom.unsaved_copies()
            from textual.widgets import OptionList

            shown = self.query_one("#copies", OptionList)
            shown.clear_options()
            shown.add_options(self._lines())
            shown.highlighted = 0 if self.copies else None

        question = t("unsaved.discard_confirm", name=f"“{kept.title}”" if kept.title else kept.name)
        app.push_screen(ConfirmModal(question, yes=t("modal.discard"), no=t("modal.stay")), answer)

    def action_close(self) -> None:
        self.dismiss(None)
