"""One release as partners will see it once approved, with its details, its timeline, and
the actions the workflow allows this person in the footer.

Under review, the preview is the version under review (what an approval seals and
publish puts out); a correction shows above it what it changes against the published
version, word by word, with its note and number; `v` shows the published version.
Approve and submit always open the checklist, which says what fails and where to fix it.
"""

from __future__ import annotations

import datetime as dt

from textual import events
from textual.app import ComposeResult
from textual.containers import Horizontal, VerticalScroll
from textual.widgets import Markdown, Static

from ...core.errors import NewsroomError
from ...core.model import Article, Status
from ...core.service import input_time
from ...core.workflow import Decision, moves_embargo
from ..commands import WORKFLOW, bindings
from ..markup import escape
from ..messages import FilesChanged
from ..widgets.keys_footer import KeysFooter
from ..widgets.preview import correction_text, partner_markdown
from ..widgets.release_meta import Details
from ..widgets.timeline import Timeline
from .acting import Acting
from .base import AppScreen, translate_bindings

# Refusals that still open the checklist: it says what fails. Four eyes does not: the key is
# not offered to the one who changed the text last (pressing it says why, naming them).
CHECKLIST_CODES = frozenset({"", "checks"})


class ReleaseScreen(Acting, AppScreen):
    """Read a release and act on it."""

    BINDINGS = bindings("release")

    def __init__(self, article_id: str) -> None:
        super().__init__(id="release")
        self.article_id = article_id
        self.article: Article | None = None
        self.decisions: dict[str, Decision] = {}
        self.published_shown = False  # `v`: the published version instead of the one under review

    @property
    def title_now(self) -> str:
        """The release's title as shown (empty until it is read)."""
        return self.article.title if self.article else ""

    def compose(self) -> ComposeResult:
        yield Static(id="retraction")
        with Horizontal():
            with VerticalScroll(id="preview-pane"):
                yield Static(id="version")
                yield Static(id="correction")
                yield Markdown(id="preview")
            with VerticalScroll(id="side"):
                yield Details(id="meta")
                yield Static(id="timeline-title")
                yield Timeline(id="timeline")
        yield KeysFooter()  # the keys the workflow allows, by importance: they fit 80 columns

    def on_mount(self) -> None:
        self.reload()

    def reload(self) -> None:
        with self.nr_app.newsroom.one_look():  # the actions and the pair: one scan
            self._reload()

    def _reload(self) -> None:
        app = self.nr_app
        try:
            article = app.newsroom.find(self.article_id)
        except NewsroomError as exc:
            self.notify(str(exc), severity="error")
            return
        self.article = article
        self.decisions = app.newsroom.allowed(article)
        relabel = {a: f"cmd.{d.meaning}" for a, d in self.decisions.items() if d.meaning}
        if relabel != self.relabel:  # the keys say what the actions do for this person
            self.relabel = relabel
            translate_bindings(self, app)
        self._show_text(article)
        self.query_one(Details).show(app, article)
        self._show_retraction(article)
        self.query_one("#timeline-title", Static).update(f"\n[b]{app.t('release.timeline')}[/b]")
        meanings = app.newsroom.meanings(article)
        self.query_one(Timeline).show(article, meanings, app.t, app.long_time, app.name_of)
        self.refresh_bindings()

    def _show_text(self, article: Article) -> None:
        """The version under review (with a correction's changes above it), or with `v`
        the published version partners see now."""
        app = self.nr_app
        correcting = article.published_version is not None
        published = self.published_shown and correcting
        pending = app.newsroom.pending_correction(article) if correcting and not published else None
        version = self.query_one("#version", Static)
        version.display = correcting
        key = "release.under_review"
        if published:
            key = "release.showing_published"
        elif article.status == Status.APPROVED:
            key = "release.approved_correction"
        version.update(f"[reverse] {escape(app.t(key))} [/]")
        box = self.query_one("#correction", Static)
        box.display = pending is not None
        if pending is not None:
            box.update(correction_text(pending, app.t, app.long_time, app.name_of))
        text = partner_markdown(article, app.t, app.long_time, published=published)
        self.query_one("#preview", Markdown).update(text)

    def _show_retraction(self, article: Article) -> None:
        """A retracted release says so above everything, with when, who and why: its text
        still reads as it went out, and nothing else on screen would tell."""
        banner = self.query_one("#retraction", Static)
        retraction = article.retraction
        banner.display = retraction is not None
        if retraction is not None:
            app = self.nr_app
            text = app.t(
                "release.retracted",
                when=app.long_time(retraction.at),
                name=app.name_of(retraction.by),
                reason=retraction.note,
            )
            banner.update(f"✗ {escape(text)}")

    def on_files_changed(self, message: FilesChanged) -> None:
        self.reload()

    def retranslate(self) -> None:
        super().retranslate()
        self.reload()

    # ------------------------------------------------------------ what this person may do

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action == "toggle_published":
            return self.article is not None and self.article.published_version is not None
        if action == "translate":  # an original in circulation (the core says which)
            return self.article is not None and self.nr_app.newsroom.translatable(self.article)
        if action in ("attach", "detach"):  # edits: where editing is allowed
            decision = self.decisions.get("edit")
            has = action == "attach" or bool(self.article and self.article.attachments)
            return bool(decision and decision.allowed and has)
        if action in WORKFLOW:
            decision = self.decisions.get(action)
            return bool(decision and (decision.allowed or self._opens_checklist(decision)))
        return True

    def why_not(self, action: str) -> str | None:
        """Why an action hidden here does not apply to this release, or None (the palette
        says it to a person who looks for the command: `t` on a translation)."""
        app = self.nr_app
        if self.article is not None and action == "translate":
            refused = app.newsroom.why_not_translatable(self.article)
            return app.error(refused) if refused is not None else None
        if action == "toggle_published" and self.article is not None:  # (one version)
            if self.article.status == Status.RETRACTED:
                return app.t("release.one_version.retracted")
            key = "release.one_version" if self.article.published else "release.never_out"
            return app.t(key)
        decision = self.decisions.get(action)
        if action in WORKFLOW and decision is not None and not decision.allowed:
            return app.why(decision)
        return None

    @staticmethod
    def _opens_checklist(decision: Decision) -> bool:
        """Approve, submit and moving the embargo never hide while the workflow has them for
        this release: their key opens the checklist, which says what stands in the way."""
        checked = ("approve", "submit", "embargo")
        return decision.action in checked and decision.code in CHECKLIST_CODES

    def on_key(self, event: events.Key) -> None:
        """A key of a refused action says why instead of doing nothing."""
        for binding in self._bindings.key_to_bindings.get(event.key, []):
            if binding.action in WORKFLOW and self._busy():  # says so
                event.stop()
                return
            if binding.action not in WORKFLOW and not self.check_action(binding.action, ()):
                why = self.why_not(binding.action)  # `t` on a translation: as the palette
                if why:
                    self._say_refused(binding.description, why)
                    event.stop()
                    return
            decision = self.decisions.get(binding.action)
            if binding.action not in WORKFLOW or decision is None or decision.allowed:
                continue
            if not self._opens_checklist(decision):
                self._say_refused(binding.description, self.nr_app.why(decision))
                event.stop()
                return

    def _say_refused(self, action: str, reason: str) -> None:
        self.notify(
            self.nr_app.t("release.refused", action=action, reason=reason),
            severity="warning",
            timeout=6,
        )

    # ------------------------------------------------------------ the actions

    def action_back(self) -> None:
        self.leave()

    def action_publish(self) -> None:
        """The publishing run, as on the desk's list (P): it is newsroom-wide, so it is here
        whatever this release's status (a draft's screen too: its dry run says what goes)."""
        from .publish import open_publish

        open_publish(self.nr_app)

    def action_edit(self) -> None:
        from .opening import open_editor

        open_editor(self.nr_app, self.article_id)  # (not while an action on it waits)

    def action_copy_text(self) -> None:
        """The release as text for WhatsApp, to the clipboard through the terminal (OSC 52:
        works over SSH and in tmux), and a word that it was done."""
        if self.article is None:
            return
        app = self.nr_app
        text = app.newsroom.message_text(self.article, "whatsapp")
        self.app.copy_to_clipboard(text)
        self.notify(app.t("release.copied", n=len(text)))

    def action_translate(self) -> None:
        """Ask for the language; start the translation (a draft from this release's text)
        and open it in the editor."""
        from .modals import NoteModal
        from .opening import open_editor

        app = self.nr_app
        t = app.t
        if self.article is None:
            return

        def done(answer: str | None) -> None:
            if not answer:
                return
            try:
                article = app.newsroom.translate(self.article_id, answer)
            except NewsroomError as exc:
                self.notify(app.error(exc), severity="error", timeout=10)
                return
            self.notify(t("release.translated", language=article.language, path=article.path),
                        timeout=8)  # fmt: skip
            open_editor(app, article.id)

        heading = f"{t('cmd.translate')} — {t('modal.translate_language')}"
        value = "en" if self.article.language != "en" else "id"
        modal = NoteModal(heading, prompt=t("modal.translate_prompt"), value=value,
                          confirm=t("confirm.translate"))  # fmt: skip
        self.app.push_screen(modal, done)

    def action_toggle_published(self) -> None:
        self.published_shown = not self.published_shown
        if self.article is not None:
            self._show_text(self.article)

    def action_submit(self) -> None:
        """Submit; while a required check fails, show the checklist instead (it lists them)."""
        from .checklist import ChecklistModal

        if self._busy():
            return
        decision = self.decisions["submit"]
        if decision.allowed:
            self._act("submit")
            return
        status = self.article.status if self.article is not None else ""
        self.app.push_screen(ChecklistModal(decision, mode="submit", status=status))

    def action_approve(self) -> None:
        """The checklist, always; approving from it, with the embargo it may set."""
        from .checklist import Approval, ChecklistModal

        if self._busy():
            return
        article = self.article
        tz = self.nr_app.newsroom.config.tz
        embargo = input_time(article.embargo, tz) if article is not None else ""

        def answer(approval: Approval | None) -> None:
            if approval is not None:  # on an approved release, a new lift time is a move
                moved = article is not None and moves_embargo(
                    article, approval.embargo, approval.clear, self.nr_app.newsroom.config
                )
                action = "embargo" if moved else "approve"
                self._act(action, embargo=approval.embargo, clear=approval.clear)

        status = article.status if article is not None else ""
        modal = ChecklistModal(
            self.decisions["approve"], embargo=embargo, recheck=self._recheck, status=status
        )
        self.app.push_screen(modal, answer)

    def action_embargo(self) -> None:
        """The checklist with the approved release's lift time to move (empty: lift it now);
        moved as the `embargo` action, recorded."""
        from .checklist import Approval, ChecklistModal

        if self._busy() or self.article is None:
            return
        embargo = input_time(self.article.embargo, self.nr_app.newsroom.config.tz)

        def answer(approval: Approval | None) -> None:
            if approval is not None:  # why it moves goes into the history, as the CLI's --note
                self._act("embargo", approval.note, approval.embargo, approval.clear)

        def recheck(when: dt.datetime | None) -> Decision:
            return self._recheck(when, "embargo")

        decision = self.decisions["embargo"]
        status = self.article.status
        modal = ChecklistModal(
            decision, mode="embargo", embargo=embargo, recheck=recheck, status=status
        )
        self.app.push_screen(modal, answer)

    def _recheck(self, embargo: dt.datetime | None, action: str = "approve") -> Decision:
        """The action's decision with another embargo (as the dialog's field holds it)."""
        import copy

        newsroom = self.nr_app.newsroom
        assert self.article is not None
        trial = copy.deepcopy(self.article)
        trial.embargo = embargo
        return newsroom.decide(trial, action)

    def action_request_changes(self) -> None:
        self._with_note("request_changes", "modal.note")

    def action_comment(self) -> None:
        self._with_note("comment", "modal.note")

    def action_correct(self) -> None:
        def then() -> None:
            from .opening import open_editor

            open_editor(self.nr_app, self.article_id)

        self._with_note("correct", "modal.note", then)

    def action_retract(self) -> None:
        t = self.nr_app.t
        title = self.article.title if self.article else ""
        self._with_note("retract", "modal.reason", prompt=t("modal.retract_confirm", title=title))

    def action_cancel_correction(self) -> None:
        """Ask, then cancel the correction: the published text comes back as sealed."""
        from .modals import ConfirmModal

        t = self.nr_app.t
        title = self.article.title if self.article else ""
        if self._busy():
            return

        def answer(yes: bool | None) -> None:
            if yes:
                self._act("cancel_correction")

        question = t("modal.cancel_correction_confirm", title=title)
        modal = ConfirmModal(question, yes=t("confirm.cancel_correction"), no=t("modal.stay"))
        self.app.push_screen(modal, answer)

    def action_delete(self) -> None:
        """Ask, then delete the release (never published): its file and attachments go."""
        from .modals import ConfirmModal

        app, t = self.nr_app, self.nr_app.t
        title = self.article.title if self.article else ""
        if self._busy():
            return

        def answer(yes: bool | None) -> None:
            if not yes or self._busy():
                return
            try:  # (the release as shown: a colleague's save meanwhile is refused)
                app.newsroom.delete(self.article or self.article_id)
            except NewsroomError as exc:
                self.notify(app.error(exc), severity="error", timeout=10)
                return
            app.notify(t("release.deleted", title=title))
            self.leave()  # (before the desk reads again: this screen would look for it)
            app.files_changed()  # the desk reads again: the release is gone from it

        question = t("modal.delete_confirm", title=title)
        modal = ConfirmModal(question, yes=t("confirm.delete"), no=t("modal.stay"))
        self.app.push_screen(modal, answer)

    def action_attach(self) -> None:
        """Ask for a file's path; attach it (copied beside the release, an edit)."""
        from pathlib import Path

        from .modals import NoteModal

        app = self.nr_app
        t = app.t
        if self._busy():
            return

        def done(answer: str | None) -> None:
            if not answer or self._busy():
                return
            try:
                article = app.newsroom.find(self.article_id)
                found = app.newsroom.attach(article, Path(answer).expanduser())
                url = app.newsroom.attachment_url(article, found.file)
            except NewsroomError as exc:
                self.notify(app.error(exc), severity="error", timeout=10)
                return
            approval = t("release.approval." + ("again" if article.was_approved else "first"))
            self.notify(t("release.attached", file=found.file, url=url, approval=approval),
                        timeout=8)  # fmt: skip
            self.reload()

        heading = f"{t('cmd.attach')} — {t('modal.attach_path')}"
        again = self.article is not None and self.article.was_approved
        approval = t("release.approval." + ("again" if again else "first"))
        prompt = t("modal.attach_prompt", approval=approval)
        modal = NoteModal(heading, prompt=prompt, confirm=t("confirm.attach"))
        self.app.push_screen(modal, done)

    def action_detach(self) -> None:
        """Ask which attachment (the only one is offered); remove it (an edit)."""
        from .modals import NoteModal

        app = self.nr_app
        t = app.t
        files = [f.file for f in self.article.attachments] if self.article else []
        if self._busy():
            return

        def done(answer: str | None) -> None:
            if not answer or self._busy():
                return
            try:
                article = app.newsroom.find(self.article_id)
                found = app.newsroom.detach(article, answer)
            except NewsroomError as exc:
                self.notify(app.error(exc), severity="error", timeout=10)
                return
            approval = t("release.approval." + ("again" if article.was_approved else "first"))
            self.notify(t("release.detached", file=found.file, approval=approval))
            self.reload()

        heading = f"{t('cmd.detach')} — {t('modal.detach_file')}"
        prompt = t("modal.detach_prompt", names=", ".join(files))
        value = files[0] if len(files) == 1 else ""
        modal = NoteModal(heading, prompt=prompt, value=value, confirm=t("confirm.detach"))
        self.app.push_screen(modal, done)

    def _with_note(self, action: str, label: str, then: object = None, prompt: str = "") -> None:
        from .modals import NoteModal

        t = self.nr_app.t
        heading = f"{self.named(action)} — {t(label)}"
        if self._busy():
            return

        def done(note: str | None) -> None:
            if note:
                self._act(action, note, then=then if callable(then) else None)

        confirm = self.named(action, "confirm")  # the button says what it does: "Cabut siaran"
        missing = t(label + "_required")  # what an empty answer lacks: a note, a reason
        modal = NoteModal(heading, prompt=prompt, confirm=confirm, missing=missing)
        self.app.push_screen(modal, done)
