"""One release as partners will see it, with its details, its timeline, and the actions
the workflow allows this person (and only those) in the footer."""

from __future__ import annotations

from textual import events
from textual.app import ComposeResult
from textual.containers import Horizontal, VerticalScroll
from textual.widgets import Footer, Markdown, Static

from ...core import lease
from ...core.errors import NewsroomError
from ...core.model import Article
from ...core.workflow import Decision, allowed_actions
from ..commands import WORKFLOW, bindings
from ..markup import escape
from ..messages import FilesChanged
from ..widgets.timeline import Timeline
from .base import AppScreen


def partner_markdown(article: Article, label: object) -> str:
    """The release as partners see it: title, photo and caption, dateline, body, credit."""
    version = dict(article.published_version or {})
    title = version.get("title", article.title)
    body = str(version.get("body", article.body)).strip()
    dateline = version.get("dateline", article.dateline)
    author = version.get("author", article.author)
    credit = version.get("credit", article.credit)
    parts = [f"# {title}"]
    summary = version.get("summary", article.summary)
    if summary:
        parts.append(f"*{summary}*")
    image = version.get("image") or (vars(article.image) if article.image else None)
    if image and (image.get("caption") or image.get("src")):
        photo = f"📷 {image.get('caption', '')}"
        if image.get("credit"):
            photo += f" — *{image['credit']}*"
        parts.append(f"> {photo}")
    if dateline:
        body = f"**{dateline}** – {body}"
    signature = "/".join(p for p in (author, credit) if p)
    if signature:
        body += f" ({signature})"
    parts.append(body)
    return "\n\n".join(parts)


class ReleaseScreen(AppScreen):
    """Read a release and act on it."""

    BINDINGS = bindings("release")

    def __init__(self, article_id: str) -> None:
        super().__init__(id="release")
        self.article_id = article_id
        self.article: Article | None = None
        self.decisions: dict[str, Decision] = {}

    def compose(self) -> ComposeResult:
        yield Static(id="retraction")
        with Horizontal():
            with VerticalScroll(id="preview-pane"):
                yield Markdown(id="preview")
            with VerticalScroll(id="side"):
                yield Static(id="meta")
                yield Static(id="timeline-title")
                yield Timeline(id="timeline")
        yield Footer()

    def on_mount(self) -> None:
        self.reload()

    def reload(self) -> None:
        app = self.nr_app
        try:
            article = app.newsroom.find(self.article_id)
        except NewsroomError as exc:
            self.notify(str(exc), severity="error")
            return
        self.article = article
        self.decisions = allowed_actions(
            article, app.newsroom.actor, app.newsroom.config, app.newsroom.now()
        )
        self.query_one("#preview", Markdown).update(partner_markdown(article, app.t))
        self.query_one("#meta", Static).update(self._meta(article))
        self._show_retraction(article)
        self.query_one("#timeline-title", Static).update(f"\n[b]{app.t('release.timeline')}[/b]")
        self.query_one(Timeline).show(article, app.t, app.long_time)
        self.refresh_bindings()

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
                name=retraction.by,
                reason=retraction.note,
            )
            banner.update(f"✗ {escape(text)}")

    def _meta(self, a: Article) -> str:
        t, when = self.nr_app.t, self.nr_app.long_time
        rows = [
            ("field.status", t("status." + a.status)),
            ("field.dateline", a.dateline),
            ("field.author", a.author),
            ("field.credit", a.credit),
            ("field.categories", ", ".join(a.categories)),
            ("field.tags", ", ".join(a.tags)),
            ("field.embargo", when(a.embargo) if a.embargo else ""),
            ("field.published", when(a.published) if a.published else ""),
            ("field.updated", when(a.updated) if a.updated else ""),
            ("field.release_number", a.release_number),
            ("field.path", str(a.path)),
        ]
        if a.image:
            rows += [("field.caption", a.image.caption), ("field.photo_credit", a.image.credit)]
        lines = [f"[b]{t('release.meta')}[/b]"]
        lines += [f"[dim]{t(k)}:[/dim] {escape(v)}" for k, v in rows if v]
        held = lease.current(self.nr_app.newsroom.config, a.id, self.nr_app.newsroom.now())
        if held is not None and held.holder != self.nr_app.newsroom.actor:
            lines.append(f"\n[yellow]✎ {t('desk.editing', name=escape(held.holder))}[/yellow]")
        if a.published_version is not None:
            lines.append(f"\n[yellow]{t('release.live_note')}[/yellow]")
        return "\n".join(lines).replace("[/b]\n", "[/b]\n", 1)

    def on_files_changed(self, message: FilesChanged) -> None:
        self.reload()

    def retranslate(self) -> None:
        super().retranslate()
        self.reload()

    # ------------------------------------------------------------ what this person may do

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action in WORKFLOW:
            decision = self.decisions.get(action)
            return bool(decision and decision.allowed)
        return True

    def on_key(self, event: events.Key) -> None:
        """A key of a refused action says why instead of doing nothing."""
        for binding in self._bindings.key_to_bindings.get(event.key, []):
            decision = self.decisions.get(binding.action)
            if binding.action in WORKFLOW and decision is not None and not decision.allowed:
                self.notify(
                    self.nr_app.t(
                        "release.refused",
                        action=binding.description,
                        reason=self.nr_app.why(decision),
                    ),
                    severity="warning",
                    timeout=6,
                )
                event.stop()
                return

    # ------------------------------------------------------------ the actions

    def action_back(self) -> None:
        self.app.pop_screen()

    def action_publish(self) -> None:
        from .publish import PublishScreen

        self.app.push_screen(PublishScreen())

    def action_edit(self) -> None:
        from .editor import open_editor

        open_editor(self.nr_app, self.article_id)

    def action_submit(self) -> None:
        self._act("submit")

    def action_approve(self) -> None:
        from .modals import ChecklistModal

        decision = self.decisions["approve"]

        def answer(ok: bool | None) -> None:
            if ok:
                self._act("approve")

        self.app.push_screen(ChecklistModal(decision), answer)

    def action_request_changes(self) -> None:
        self._with_note("request_changes", "modal.note")

    def action_comment(self) -> None:
        self._with_note("comment", "modal.note")

    def action_correct(self) -> None:
        def then() -> None:
            from .editor import open_editor

            open_editor(self.nr_app, self.article_id)

        self._with_note("correct", "modal.note", then)

    def action_retract(self) -> None:
        t = self.nr_app.t
        title = self.article.title if self.article else ""
        self._with_note("retract", "modal.reason", prompt=t("modal.retract_confirm", title=title))

    def _with_note(self, action: str, label: str, then: object = None, prompt: str = "") -> None:
        from .modals import NoteModal

        t = self.nr_app.t
        heading = f"{t('cmd.' + action)} — {t(label)}"

        def done(note: str | None) -> None:
            if note and self._act(action, note) and callable(then):
                then()

        confirm = t("confirm." + action)  # the button says what it does: "Cabut siaran"
        self.app.push_screen(NoteModal(heading, prompt=prompt, confirm=confirm), done)

    def _act(self, action: str, note: str = "") -> bool:
        app = self.nr_app
        try:
            outcome = app.newsroom.act(self.article_id, action, note=note)
        except NewsroomError as exc:
            self.notify(str(exc), severity="error", timeout=8)
            return False
        status = app.t("status." + outcome.article.status)
        self.notify(app.t("release.done", action=app.t("cmd." + action), status=status))
        decision = self.decisions.get(action)
        for check in decision.checks if decision else ():
            if not check.passed and check.level == "recommended":
                self.notify(
                    app.t("release.warning", text=app.check_text(check)), severity="warning"
                )
        self.reload()
        return True
