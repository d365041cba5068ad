"""Opening the editor on a release, as the desk, the release screen and the copies kept
aside do it: the workflow's refusal said plainly, and a lease held by someone else taken
over only when the person says so (editor.py is the editor itself)."""

from __future__ import annotations

from ...core.errors import NewsroomError, Refused
from ...core.service import LeaseHeld


def open_editor(app: object, article_id: str) -> None:
    """Open the editor on a release: refuse if the workflow says no, ask before taking over."""
    from ..app import NewsroomApp
    from .editor import EditScreen
    from .modals import ConfirmModal

    assert isinstance(app, NewsroomApp)
    newsroom, t = app.newsroom, app.t
    try:
        session = newsroom.edit(article_id)
    except LeaseHeld as held:

        def answer(take: bool | None) -> None:
            if take:
                app.push_screen(EditScreen(newsroom.edit(article_id, take_over=True)))

        app.push_screen(
            ConfirmModal(t("modal.take_over", name=held.lease.holder), yes=t("modal.take")), answer
        )
        return
    except Refused as refused:
        app.notify(
            t("release.refused", action=t("cmd.edit"), reason=app.error(refused)),
            severity="warning",
        )
        return
    except NewsroomError as exc:
        app.notify(app.error(exc), severity="error")
        return
    app.push_screen(EditScreen(session))
