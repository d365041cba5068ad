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

import datetime as dt
import difflib
from pathlib import Path

from textual import events
from textual.app import ComposeResult
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.widgets import Footer, Input, Label, Static, TextArea

from ...core import external, fileformat, lease
from ...core.clock import parse_time
from ...core.errors import ConflictError, NewsroomError
from ...core.model import Article, Image
from ...core.review import notes_for_writer
from ...core.store import digest
from ...core.workflow import decide
from ..commands import bindings
from ..markup import escape
from .base import AppScreen

FIELDS = ("title", "dateline", "author", "credit", "summary", "categories", "tags", "embargo",
          "release_number", "photo_src", "caption", "photo_credit")  # fmt: skip
LABELS = {"photo_src": "field.photo_src", "caption": "field.caption",
          "photo_credit": "field.photo_credit"}  # fmt: skip


def open_editor(app: object, article_id: str) -> None:
    """Open the editor on a release: refuse if the workflow says no, ask before taking over."""
    from ..app import NewsroomApp
    from .modals import ConfirmModal

    assert isinstance(app, NewsroomApp)
    newsroom, t = app.newsroom, app.t
    try:
        article = newsroom.find(article_id)
    except NewsroomError as exc:
        app.notify(str(exc), severity="error")
        return
    decision = decide(article, "edit", newsroom.actor, newsroom.config, newsroom.now())
    if not decision.allowed:
        app.notify(
            t("release.refused", action=t("cmd.edit"), reason=app.why(decision)), severity="warning"
        )
        return
    try:
        lease.acquire(newsroom.config, article_id, newsroom.actor, newsroom.now())
    except lease.LeaseHeld as held:

        def answer(take: bool | None) -> None:
            if take:
                lease.acquire(
                    newsroom.config, article_id, newsroom.actor, newsroom.now(), take_over=True
                )
                app.push_screen(EditScreen(article_id))

        app.push_screen(
            ConfirmModal(t("modal.take_over", name=held.lease.holder), yes=t("modal.take")), answer
        )
        return
    app.push_screen(EditScreen(article_id))


class EditScreen(AppScreen):
    """Edit one release's fields and text (`new`: a release not yet saved, held here)."""

    BINDINGS = bindings("edit")

    def __init__(self, article_id: str, new: Article | None = None) -> None:
        super().__init__(id="editor")
        self.article_id = article_id
        self.new = new  # written on the first save; abandoned, it leaves nothing behind
        self.article: Article | None = None
        self.initial: dict[str, str] = {}
        self.keep_mine = False
        self.seen_digest = ""
        self.lease_lost = False
        self.asking = False

    def compose(self) -> ComposeResult:
        t = self.nr_app.t
        zone = self.nr_app.zone
        with Horizontal():
            with VerticalScroll(id="form"):
                for name in FIELDS:
                    hint = f" ({t('field.words')})" if name in ("categories", "tags") else ""
                    yield Label(t(LABELS.get(name, "field." + name), zone=zone) + hint)
                    yield Input(id=f"f-{name}", select_on_focus=False)  # typing never replaces
                    yield Label("", id=f"e-{name}", classes="error hidden")
            with Vertical(id="writing"):
                yield Static(id="edit-state")
                yield Static(id="notes")
                # tab_behavior="focus": Tab and Escape belong to the form (Escape leaves the
                # editor); a code editor's "indent" would swallow Escape and trap keyboard users.
                yield TextArea.code_editor(
                    "",
                    language="markdown",
                    soft_wrap=True,
                    show_line_numbers=False,
                    tab_behavior="focus",
                    id="body",
                )
        yield Footer()

    def on_mount(self) -> None:
        self.load()
        self.query_one("#f-title", Input).focus()
        self.set_interval(lease.RENEW_SECONDS, self.renew)
        self.set_interval(1.0, self.check_disk)

    # ------------------------------------------------------------ form <-> article

    def load(self) -> None:
        article = self.new or self.nr_app.newsroom.find(self.article_id)
        self.article = article
        self.fill(article)
        self.initial = self.values()
        self.seen_digest = article.source.digest if article.source else ""
        self.show_notes(article)
        self.show_state()

    def show_notes(self, article: Article) -> None:
        """What the reviewers said in this round (the note that sent it back, comments),
        in view while the writer works on it."""
        app, t = self.nr_app, self.nr_app.t
        notes = notes_for_writer(article)
        box = self.query_one("#notes", Static)
        box.display = bool(notes)
        lines = [f"[b]{t('edit.notes')}[/b]"]
        for note in notes[:4]:
            who = escape(f"{app.name_of(note.by)}, {app.long_time(note.at)}")
            lines.append(f"[dim]{t('note.' + note.kind)} · {who}:[/dim] {escape(note.text)}")
        box.update("\n".join(lines))

    def show_state(self) -> None:
        """Say whether the text on screen is saved (new, unsaved changes, saved)."""
        t = self.nr_app.t
        if self.new is not None:
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
        """Typing in a field goes on at its end (fields are filled showing their start)."""
        if isinstance(event.widget, Input):
            event.widget.cursor_position = len(event.widget.value)

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
        if a.embargo is None:
            return ""
        return f"{a.embargo.astimezone(self.nr_app.newsroom.config.tz):%Y-%m-%d %H:%M}"

    def values(self) -> dict[str, str]:
        found = {name: self.query_one(f"#f-{name}", Input).value for name in FIELDS}
        found["body"] = self.query_one("#body", TextArea).text
        return found

    @property
    def dirty(self) -> bool:
        return self.values() != self.initial

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
        for name in FIELDS:
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
        article.embargo = embargo
        photo = (v["photo_src"].strip(), v["caption"].strip(), v["photo_credit"].strip())
        alt = article.image.alt if article.image else ""
        article.image = Image(*photo, alt=alt) if any(photo) else None
        article.body = v["body"].strip() + "\n" if v["body"].strip() else ""
        return True

    # ------------------------------------------------------------ saving

    def action_save(self) -> None:
        app, t = self.nr_app, self.nr_app.t
        if self.article is None:
            return
        if not self.dirty and not self.keep_mine and self.new is None:
            self.notify(t("edit.nochange"))
            return
        # The release as its file is now, with the form put in: "keep mine" keeps what this
        # editor typed and still what others added meanwhile (comments, history).
        article = self.new or app.newsroom.find(self.article_id)
        if self.article.source is not None and not self.keep_mine:
            article.source = self.article.source  # refuse if the file moved since we loaded it
        if not self.apply(article):
            self.notify(t("edit.invalid"), severity="error")
            return
        try:
            if self.new is not None:
                self._save_first(article)
            else:
                app.newsroom.save_edit(article)
        except ConflictError:
            self.show_conflict()
            return
        except NewsroomError as exc:
            self.notify(app.error(exc), severity="error", timeout=8)
            return
        self.article, self.keep_mine = article, False
        self.initial = self.values()
        self.seen_digest = article.source.digest if article.source else ""
        self.show_state()
        self.notify(t("edit.saved", path=article.path))

    def _save_first(self, article: Article) -> None:
        """The first save of a new release writes its file (a slug from its title as it is
        now) and takes its lease: from now on it is like any other."""
        app = self.nr_app
        app.newsroom.save_new(article)
        self.new = None
        lease.acquire(app.newsroom.config, self.article_id, app.newsroom.actor, app.newsroom.now())

    # ------------------------------------------------------------ $EDITOR

    def action_external(self) -> None:
        """Edit the release, as it stands in the form, in $EDITOR; bring the result back."""
        if self.article is None:
            return
        draft, valid = self._form_copy()
        if not valid:
            return
        name = external.temporary_copy(fileformat.dump(draft), draft.slug)
        try:
            with self.app.suspend():
                external.run_editor(name)  # no shell: the file name is one argument
            # One check for this and `newsroom edit`: it parses, keeps its id, and changes
            # no field the workflow owns (status, history, ...): those are refused, said.
            text = name.read_text(encoding="utf-8")
            edited = self.nr_app.newsroom.read_hand_edit(draft, text, name)
        except (NewsroomError, OSError, UnicodeDecodeError) as exc:
            self._external_refused(exc, name)
            return
        name.unlink()
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
        assert self.article is not None
        copy = fileformat.parse(fileformat.dump(self.article), Path("x"), self._tz())
        return copy, self.apply(copy)

    def _tz(self) -> dt.tzinfo:
        return self.nr_app.newsroom.config.tz

    # ------------------------------------------------------------ the lease and the disk

    def renew(self) -> None:
        app = self.nr_app
        if self.new is not None:
            return  # nobody else can see it yet: there is nothing to hold
        try:
            lease.acquire(
                app.newsroom.config, self.article_id, app.newsroom.actor, app.newsroom.now()
            )
        except lease.LeaseHeld as held:
            if not self.lease_lost:
                self.lease_lost = True
                self.notify(
                    app.t("edit.lease_lost", name=held.lease.holder), severity="warning", timeout=15
                )

    def check_disk(self) -> None:
        """Offer a choice when the file changed on disk since it was loaded or saved."""
        if self.article is None or self.article.path is None or self.asking or self.new:
            return
        path = self.nr_app.newsroom.config.root / self.article.path
        try:
            current = digest(path.read_bytes())
        except OSError:
            return
        if current != self.seen_digest:
            self.seen_digest = current
            self.show_conflict()

    def show_conflict(self) -> None:
        from .modals import ConflictModal

        if self.article is None or self.article.path is None:
            return
        path = self.nr_app.newsroom.config.root / self.article.path
        mine, _ = self._form_copy()
        theirs = path.read_text(encoding="utf-8") if path.exists() else ""
        diff = "".join(
            difflib.unified_diff(
                theirs.splitlines(True),
                fileformat.dump(mine).splitlines(True),
                "theirs (on disk)",
                "mine (this editor)",
            )
        )
        self.asking = True
        self.app.push_screen(ConflictModal(str(self.article.path), diff), self._resolved)

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
        from .modals import ConfirmModal

        if not self.dirty:
            self.app.pop_screen()
            return
        t = self.nr_app.t

        def answer(leave: bool | None) -> None:
            if leave:
                self.app.pop_screen()

        self.app.push_screen(
            ConfirmModal(t("modal.unsaved"), t("modal.discard"), t("modal.stay")), answer
        )

    def keep_unsaved(self) -> None:
        """The terminal went away: keep what the form holds, if unsaved, for next time.

        As a release file when every field checks; else every field as typed, then the
        text, so that nothing typed is lost to a field that did not check."""
        if self.article is None or not self.dirty:
            return
        draft, valid = self._form_copy()
        if valid:
            text = fileformat.dump(draft)
        else:
            values = self.values()
            body = values.pop("body")
            lines = [f"{name}: {value}" for name, value in values.items()]
            where = self.article.path or self.nr_app.t("edit.state_new")
            text = "\n".join([f"# {where}: unsaved form", *lines, "", body, ""])
        self.nr_app.newsroom.keep_unsaved(self.article.slug, text)

    def on_unmount(self) -> None:
        app = self.nr_app
        if not self.lease_lost and self.new is None:
            lease.release(app.newsroom.config, self.article_id, app.newsroom.actor)
