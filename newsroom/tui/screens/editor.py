"""The editor: a form for the front matter and a Markdown text area for the body.

ctrl+s saves; F4 opens the release in $EDITOR (through app.suspend) and brings the
edited text back into the form, unsaved, unless it changed a field the workflow owns;
leaving with unsaved changes asks first (escape here, ctrl+q in the app). A line says
whether the text is saved, and what the reviewers said in this round stays in view. A new
release lives only here until its first save. While open, the editor holds the release's
lease (renewed every minute) and watches the file: a change on disk (another editor, git
pull, publish) offers reload, keep mine, or the difference, so nobody's text is lost
silently.
"""

from __future__ import annotations

from collections.abc import Callable
from contextlib import suppress
from pathlib import Path

from textual import events
from textual.app import ComposeResult
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.widgets import Input, Label, Static, TextArea

from ...core.errors import ConflictError, NewsroomError
from ...core.model import Article, Image
from ...core.service import (
    RENEW_SECONDS,
    EditSession,
    KeptText,
    LeaseHeld,
    Restoring,
    input_time,
    parse_time,
)
from ..commands import bindings
from ..markup import escape
from ..widgets.body_area import BodyArea
from ..widgets.keys_footer import KeysFooter
from .base import AppScreen, translate_bindings

FIELDS = ("title", "dateline", "author", "credit", "summary", "categories", "tags", "embargo",
          "release_number", "denies", "photo_src", "caption", "photo_credit")  # fmt: skip
LABELS = {"photo_src": "field.photo_src", "caption": "field.caption",
          "photo_credit": "field.photo_credit"}  # fmt: skip


class EditScreen(AppScreen):
    """Edit one release's fields and text (`new`: a release not yet saved, held here)."""

    BINDINGS = bindings("edit")

    def __init__(self, session: EditSession, restoring: Restoring | None = None) -> None:
        super().__init__(id="editor")
        self.session = session  # the lease, the text as read, saving without overwriting
        self.restoring = restoring  # a copy kept aside, put into the form: gone once saved
        self.article_id = session.article.id
        self.article: Article | None = None
        self.initial: dict[str, str] = {}
        self.keep_mine = False
        self.asking = False
        self.checked: Article | None = None  # the release as last saved, its checks shown
        self.left: Input | None = None  # the field ctrl+t left for the text, to come back to

    @property
    def new(self) -> bool:
        """Not written yet: the first save writes it; abandoned, it leaves nothing behind."""
        return self.session.new

    def compose(self) -> ComposeResult:
        with Horizontal():
            with VerticalScroll(id="form"):
                for name in FIELDS:
                    yield Label(self._label(name), id=f"l-{name}")
                    yield Input(id=f"f-{name}", select_on_focus=False)  # typing never replaces
                    yield Label("", id=f"e-{name}", classes="error hidden")
            with Vertical(id="writing"):
                yield Static(id="edit-state")
                yield Static(id="notes")
                yield Label(self._label("body"), id="l-body")
                yield Label("", id="e-body", classes="error hidden")
                # tab_behavior="focus": Tab and Escape belong to the form (Escape leaves the
                # editor); a code editor's "indent" would swallow Escape and trap keyboard users.
                yield BodyArea.code_editor(
                    "",
                    language="markdown",
                    soft_wrap=True,
                    show_line_numbers=False,
                    tab_behavior="focus",
                    id="body",
                )
        yield KeysFooter()

    def _label(self, name: str) -> str:
        """A field's label in the UI language (a list of words says how to separate them)."""
        t = self.nr_app.t
        hint = f" ({t('field.words')})" if name in ("categories", "tags", "denies") else ""
        return t(LABELS.get(name, "field." + name), zone=self.nr_app.zone) + hint

    def on_mount(self) -> None:
        self.load()
        if self.restoring is not None:
            self._restore(self.restoring)
        # Typing starts in the title, at its end (keys typed while it opened follow it); a
        # release's long title shows its start till typing scrolls, once the field is wide.
        title = self.query_one("#f-title", Input)
        title.cursor_position = len(title.value)
        title.focus()

        def placed() -> None:  # (the same position set again would not scroll)
            title.action_home()
            title.action_end()
            title.scroll_to(x=0 if not self.new else None, animate=False, immediate=True)

        self.call_after_refresh(placed)
        self.set_interval(RENEW_SECONDS, self.renew)
        self.set_interval(1.0, self.check_disk)

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        """Enter is the form's while a field of it has the focus (the text keeps it for
        its lines), and never the palette's to offer."""
        if action == "next_field":
            field = self.focused
            return self.app.screen is self and isinstance(field, Input) and field.id != "body"
        return True

    def action_next_field(self) -> None:
        """Enter in a field goes to the next one, in reading order, then to the text (as
        Tab does): a form is filled from the top, and Enter never saves half of it."""
        field = self.focus_next()
        if isinstance(field, Input):  # at its end before the keys typed after Enter reach it
            field.cursor_position = len(field.value)

    def action_to_text(self) -> None:
        """Straight to the text from any field (thirteen Enters from the title), and from the
        text back to the field left (the title, when the text was reached otherwise)."""
        body = self.query_one("#body", TextArea)
        if self.focused is not body:
            self.left = self.focused if isinstance(self.focused, Input) else None
            body.focus()
            return
        (self.left or self.query_one("#f-title", Input)).focus()

    def retranslate(self) -> None:
        super().retranslate()
        for name in (*FIELDS, "body"):
            self.query_one(f"#l-{name}", Label).update(self._label(name))
        self.show_state()
        if self.checked is not None:
            self.show_checks(self.checked)

    # ------------------------------------------------------------ form <-> article

    def load(self) -> None:
        article = self.session.article if self.new else self.session.reload()
        self.article = article
        self.fill(article)
        self.initial = self.values()
        self.show_notes(article)
        self.show_state()

    def _restore(self, restoring: Restoring) -> None:
        """Put the copy kept aside into the form, unsaved; when the release moved on after
        the copy was kept, offer the comparison at once (reload theirs, keep mine, the
        difference): nobody's later change is overwritten unseen."""
        self.fill(restoring.article)
        self.show_state()
        self.notify(self.nr_app.t("edit.restored"), timeout=10)
        if restoring.changed:
            self.notify(self.nr_app.t("edit.restored_changed"), severity="warning", timeout=10)
            self.call_after_refresh(self.show_conflict)

    def show_notes(self, article: Article) -> None:
        """What the reviewers said in this round (the note that sent it back, comments),
        in view while the writer works on it."""
        app, t = self.nr_app, self.nr_app.t
        notes = app.newsroom.notes_for_writer(article)
        box = self.query_one("#notes", Static)
        box.display = bool(notes)
        # Named for what they are: the correction's own note is its writer's, not a reviewer's.
        kinds = {note.kind for note in notes}
        heading = "edit.notes" if "correct" not in kinds else "edit.notes_correct"
        heading = "edit.notes_both" if "correct" in kinds and len(kinds) > 1 else heading
        lines = [f"[b]{t(heading)}[/b]"]
        for note in notes[:4]:
            who = escape(f"{app.name_of(note.by)}, {app.long_time(note.at)}")
            lines.append(f"[dim]{t('note.' + note.kind)} · {who}:[/dim] {escape(note.text)}")
        box.update("\n".join(lines))

    def show_state(self) -> None:
        """Say whether the text on screen is saved (new, unsaved changes, saved)."""
        t = self.nr_app.t
        if self.new:
            text, style = t("edit.state_new"), "yellow"
        elif self.dirty or self.keep_mine:
            text, style = t("edit.state_dirty"), "yellow"
        else:
            text, style = t("edit.state_saved"), "dim"
        self.query_one("#edit-state", Static).update(f"[{style}]{text}[/]")

    def on_input_changed(self) -> None:
        if self.article is not None:
            self.show_state()

    def on_text_area_changed(self) -> None:
        if self.article is not None:
            self.show_state()

    @property
    def title_now(self) -> str:
        """The title as typed (for questions about this editor)."""
        return self.query_one("#f-title", Input).value.strip() or (
            self.article.title if self.article else ""
        )

    def on_descendant_focus(self, event: events.DescendantFocus) -> None:
        """Typing in a field goes on at its end (fields are filled showing their start);
        ctrl+t's key in the footer says where it goes from here (to the text, or back)."""
        if isinstance(event.widget, Input):
            event.widget.cursor_position = len(event.widget.value)
        relabel = {"to_text": "cmd.to_field"} if event.widget.id == "body" else {}
        if relabel != self.relabel:
            self.relabel = relabel
            translate_bindings(self, self.nr_app)
            self.refresh_bindings()

    def fill(self, a: Article) -> None:
        image = a.image or Image()
        values = {
            "title": a.title,
            "dateline": a.dateline,
            "author": a.author,
            "credit": a.credit,
            "summary": a.summary,
            "categories": ", ".join(a.categories),
            "tags": ", ".join(a.tags),
            "embargo": self._embargo_text(a),
            "release_number": a.release_number,
            "denies": ", ".join(a.denies),
            "photo_src": image.src,
            "caption": image.caption,
            "photo_credit": image.credit,
        }
        for name, value in values.items():
            box = self.query_one(f"#f-{name}", Input)
            box.value = value
            box.cursor_position = 0  # show the start of long values
        self.query_one("#body", TextArea).text = a.body

    def _embargo_text(self, a: Article) -> str:
        return input_time(a.embargo, self.nr_app.newsroom.config.tz)

    def values(self) -> dict[str, str]:
        found = {name: self.query_one(f"#f-{name}", Input).value for name in FIELDS}
        found["body"] = self.query_one("#body", TextArea).text
        return found

    @property
    def dirty(self) -> bool:
        return self.values() != self.initial

    @property
    def unsaved(self) -> bool:
        """Text here that no file has: changes, or a new release (even its title alone)."""
        return self.article is not None and (self.new or self.dirty or self.keep_mine)

    def apply(self, article: Article) -> bool:
        """Put the form into the article; mark bad fields and return False if any."""
        v, t = self.values(), self.nr_app.t
        errors: dict[str, str] = {}
        if not v["title"].strip():
            errors["title"] = t("edit.required")
        embargo = None
        if v["embargo"].strip():
            try:
                embargo = parse_time(v["embargo"], self.nr_app.newsroom.config.tz)
            except ValueError:
                errors["embargo"] = t("edit.bad_time")
        for name in (*FIELDS, "body"):
            label = self.query_one(f"#e-{name}", Label)
            label.update(escape(errors.get(name, "")))
            label.set_class(name not in errors, "hidden")
        if errors:
            return False

        def words(text: str) -> list[str]:
            return [w.strip() for w in text.split(",") if w.strip()]

        article.title, article.dateline = v["title"].strip(), v["dateline"].strip().upper()
        article.summary, article.release_number = v["summary"].strip(), v["release_number"].strip()
        article.author, article.credit = v["author"].strip(), v["credit"].strip()
        article.categories, article.tags = words(v["categories"]), words(v["tags"])
        article.denies = words(v["denies"])
        if article.denies:  # a release that denies forged numbers is a klarifikasi
            article.kind = "klarifikasi"
        article.embargo = embargo
        photo = (v["photo_src"].strip(), v["caption"].strip(), v["photo_credit"].strip())
        alt = article.image.alt if article.image else ""
        article.image = Image(*photo, alt=alt) if any(photo) else None
        article.body = v["body"].strip() + "\n" if v["body"].strip() else ""
        return True

    # ------------------------------------------------------------ saving

    def action_save(self) -> None:
        self.save()

    def save(self) -> bool:
        """Save the form through the session (lease, conflict check, workflow): True when
        saved or nothing was to be saved; False when not (said, the text still here)."""
        app, t = self.nr_app, self.nr_app.t
        if self.article is None:
            return True
        if not self.dirty and not self.keep_mine and not self.new:
            self.notify(t("edit.nochange"))
            return True
        article = self.session.current()
        if not self.apply(article):
            self.notify(t("edit.invalid"), severity="error")
            return False
        try:
            self.session.save(article, keep_mine=self.keep_mine)
        except ConflictError:
            self.show_conflict()
            return False
        except LeaseHeld as held:  # taken over meanwhile: the text goes aside, never lost
            kept = self.keep_unsaved()
            name = app.name_of(held.lease.holder)
            self.notify(t("edit.taken_kept", name=name, path=str(kept)), severity="warning",
                        timeout=20)  # fmt: skip
            return False
        except NewsroomError as exc:
            self.notify(app.error(exc), severity="error", timeout=8)
            return False
        self.article, self.keep_mine = article, False
        self.initial = self.values()
        self.show_state()
        self.notify(t("edit.saved", path=article.path))
        self.show_checks(article)
        self.drop_restored()
        return True

    def drop_restored(self) -> None:
        """A copy kept aside that was restored here is no longer needed: its text was saved,
        kept aside anew, or discarded (gone: never offered again at the next start)."""
        if self.restoring is not None:
            with suppress(NewsroomError, OSError):
                self.nr_app.newsroom.discard_unsaved(self.restoring.name)
            self.restoring = None

    def show_checks(self, article: Article) -> None:
        """What would refuse review, under the field to fix (the core's checklist, worded
        as the checklist words it: one rule, one home); saved all the same, a draft may be
        unfinished. The next save marks the fields afresh."""
        app = self.nr_app
        self.checked = article  # worded again after a language switch
        found: dict[str, list[str]] = {}
        for check in app.newsroom.failing_checks(article):
            if check.blocks and (check.field in FIELDS or check.field == "body"):
                text = app.check_text(check)  # a line of its own: it starts a sentence
                found.setdefault(check.field, []).append(text[:1].upper() + text[1:])
        for name, texts in found.items():
            label = self.query_one(f"#e-{name}", Label)
            label.update(escape("\n".join(texts)))
            label.remove_class("hidden")

    # ------------------------------------------------------------ $EDITOR

    def action_external(self) -> None:
        """Edit the release, as it stands in the form, in $EDITOR; bring the result back
        (unsaved). One check for this and `newsroom edit`: it parses, keeps its id, and
        changes no field the workflow owns (status, history, ...): those are refused, said."""
        if self.article is None:
            return
        draft, valid = self._form_copy()
        if not valid:
            return

        def suspended(run: Callable[[], None]) -> None:
            with self.app.suspend():
                run()

        try:
            edited = self.session.external(draft, suspended)
        except KeptText as kept:
            self._external_refused(kept.cause, kept.path)
            return
        self._external_back(edited)

    def _external_refused(self, exc: Exception, kept: object) -> None:
        """$EDITOR's text cannot come back: say why, and where it is kept."""
        app = self.nr_app
        reason = app.error(exc) if isinstance(exc, NewsroomError) else str(exc)
        message = app.t("edit.external_refused", reason=reason, path=str(kept))
        self.notify(message, severity="error", timeout=15)

    def _external_back(self, edited: Article) -> None:
        """Put $EDITOR's text in the form, and say it is not saved yet."""
        before = self.values()
        self.fill(edited)
        self.show_state()
        same = self.values() == before
        self.notify(self.nr_app.t("edit.external_same" if same else "edit.external_back"))

    def _form_copy(self) -> tuple[Article, bool]:
        """A copy of the release with the form put into it, and whether every field checks
        (the release itself is untouched)."""
        copy = self.session.copy()
        return copy, self.apply(copy)

    # ------------------------------------------------------------ the lease and the disk

    def renew(self) -> None:
        try:
            self.session.renew()
        except LeaseHeld as held:
            self.notify(
                self.nr_app.t("edit.lease_lost", name=self.nr_app.name_of(held.lease.holder)),
                severity="warning",
                timeout=15,
            )

    def check_disk(self) -> None:
        """Offer a choice when the file changed on disk since it was loaded or saved."""
        if self.article is None or self.asking or self.new:
            return
        if self.session.changed_on_disk():
            self.show_conflict()

    def show_conflict(self) -> None:
        from .modals import ConflictModal

        if self.article is None or self.article.path is None:
            return
        mine, _ = self._form_copy()
        self.asking = True
        taker = self.session.taken_by()  # a take-over is said as one, naming who
        name = self.nr_app.name_of(taker) if taker else ""
        modal = ConflictModal(str(self.article.path), self.session.difference(mine), name)
        self.app.push_screen(modal, self._resolved)

    def _resolved(self, choice: str | None) -> None:
        self.asking = False
        t = self.nr_app.t
        if choice == "reload":
            self.load()
            self.keep_mine = False
            self.notify(t("edit.reloaded"))
        elif choice == "keep":
            self.keep_mine = True
            self.notify(t("edit.kept"), severity="warning")

    # ------------------------------------------------------------ leaving

    def action_back(self) -> None:
        """Leave; with text not saved (a new release's title alone is), ask: save, keep a
        copy aside, or discard (UnsavedModal); escape stays."""
        from .modals import UnsavedModal

        if not self.unsaved:
            self.leave()
            return
        t = self.nr_app.t

        def answer(choice: str | None) -> None:
            if choice is not None and self.settle(choice):
                self.leave()

        question = t("modal.leave_unsaved", title=self.title_now)
        self.app.push_screen(UnsavedModal(question, self.new, id="leave-unsaved"), answer)

    def settle(self, choice: str) -> bool:
        """Do what the person chose for the text not saved: "save" (the normal save),
        "keep" (a copy aside, said where), "discard". True when done; False when the save
        did not happen (said why; the text stays in the form)."""
        if choice == "save":
            return self.save()
        if kept := self.keep_unsaved() if choice == "keep" else None:
            self.notify(self.nr_app.t("edit.kept_aside", path=str(kept)), timeout=15)
        if kept or choice == "discard":  # the copy restored here: replaced (not doubled), or
            self.drop_restored()  # discarded (gone, as the person chose)
        return True

    def keep_unsaved(self) -> Path | None:
        """Keep what the form holds, if unsaved, in .newsroom/unsaved/ (the terminal went
        away, the person discarded it, someone took the release over); where, or None.

        As a release file when every field checks; else every field as typed, then the
        text, so that nothing typed is lost to a field that did not check."""
        if self.article is None or not self.unsaved:
            return None
        draft, valid = self._form_copy()
        if valid:
            text = self.nr_app.newsroom.file_text(draft)
        else:
            values = self.values()
            body = values.pop("body")
            lines = [f"{name}: {value}" for name, value in values.items()]
            where = self.article.path or self.nr_app.t("edit.state_new")
            text = "\n".join([f"# {where}: unsaved form", *lines, "", body, ""])
        return self.session.keep_unsaved(text)

    def on_unmount(self) -> None:
        self.session.close()
