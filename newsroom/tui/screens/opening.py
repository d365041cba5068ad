"""Opening the editor on a release, as the desk, the release screen and the copies kept
aside do it: not while an action on the release waits for a publish run, the workflow's
refusal said plainly, and a lease held by someone else taken over only when the person
says so (editor.py is the editor itself)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from ...core.errors import NewsroomError, Refused
from ...core.service import LeaseHeld

if TYPE_CHECKING:
    from ...core.service import Unsaved
    from .editor import EditScreen


def open_editor(app: object, article_id: str, *, take_over: bool = False) -> None:
    """Open the editor on a release: not while an action on it waits (said), refuse if the
    workflow says no, ask before taking over. Each try asks anew: the release may have
    moved on while the person answered (approved meanwhile: refused, said)."""
    from ..app import NewsroomApp
    from .acting import still_waiting
    from .editor import EditScreen
    from .modals import ConfirmModal

    assert isinstance(app, NewsroomApp)
    if still_waiting(app, article_id):
        return
    t = app.t
    try:
        session = app.newsroom.edit(article_id, take_over=take_over)
    except LeaseHeld as held:

        def answer(take: bool | None) -> None:
            if take:
                open_editor(app, article_id, take_over=True)

        said = t("modal.take_over", name=app.name_of(held.lease.holder))  # as people read it
        app.push_screen(ConfirmModal(said, yes=t("modal.take")), answer)
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


def editor_for_copy(app: object, kept: Unsaved) -> EditScreen | None:
    """The editor on a copy kept aside (its release's, or a new one), unsaved, to open; None
    when it may not open (said): while an action on its release waits, or refused."""
    from ..app import NewsroomApp
    from .acting import still_waiting
    from .editor import EditScreen

    assert isinstance(app, NewsroomApp)
    if kept.article is not None and still_waiting(app, kept.article.id):
        return None
    try:
        restoring = app.newsroom.restore_unsaved(kept.name)
    except NewsroomError as exc:
        app.notify(app.error(exc), severity="error", timeout=12)
        return None
    return EditScreen(restoring.session, restoring)
