"""The publishing server's side of git: one writer of publication state, shared back.

Before a run (`before_publish`): with `[git] publisher` set, only that identity publishes
(release numbers and publication stamps have one writer); `publish --pull` fast-forwards
to what the offices shared, and refuses when the server's clone has diverged (sync.pull).
After it (`after_publish`): each release file the run stamped (published, adopted) is
committed by the publishing identity through the door's one way of recording an action,
and `--pull` pushes those commits back, fetching and rebasing when an office pushed
meanwhile. A failure after the feeds were written is reported on the run (exit 1, cron
mails it), never hidden: the publication stands, and the next run shares it.
"""

from __future__ import annotations

import datetime as dt
from contextlib import AbstractContextManager
from typing import TYPE_CHECKING, Any, Protocol

from ..config import Config
from ..errors import NewsroomError, Refused, cause
from ..identity import same_person
from ..model import Article

if TYPE_CHECKING:
    from ..outputs import PublishResult
    from ..store import Store
    from .sync import SyncResult


class Door(Protocol):
    """What committing a run needs of the newsroom (service.Newsroom is one)."""

    config: Config
    actor: str

    @property
    def store(self) -> Store: ...
    def now(self) -> dt.datetime: ...
    def recording(
        self, action: str, article: Article | None = None, note: str = ""
    ) -> AbstractContextManager[Any]: ...


def before_publish(
    config: Config, actor: str, now: dt.datetime, *, pull: bool
) -> SyncResult | None:
    """Refuse a second publisher; with `pull`, take in what the offices shared."""
    publisher = config.git_publisher
    if publisher and not same_person(config, publisher, actor):
        raise Refused(
            f"publish refused: with [git] publisher = {publisher!r} in newsroom.toml, only "
            f"{publisher} publishes (the publishing server); share your work with `newsroom "
            "sync` and the server puts it out",
            code="not_publisher",
            publisher=publisher,
        )
    if not pull:
        return None
    from .sync import pull as take_in

    return take_in(config, actor, now)


def after_publish(
    newsroom: Door, result: PublishResult, *, pull: bool, pulled: SyncResult | None = None
) -> None:
    """Commit what the run stamped, as the publishing identity; with `pull`, push it."""
    if pulled is not None:
        _stood(result, pulled)
    store = newsroom.store
    for action, path in result.saved:
        try:
            article = store.load(newsroom.config.root / path)
            with newsroom.recording(action, article):
                pass  # the run saved it: record it
        except NewsroomError as exc:
            result.fail(f"{path}: published, but not committed: {exc} (the next action's "
                        "commit takes it)", "publish_not_committed", cause(exc),
                        path=path)  # fmt: skip
    if pull and not result.busy:
        from .sync import share, unshared

        if not unshared(newsroom.config):
            return
        try:
            _stood(result, share(newsroom.config, newsroom.actor, newsroom.now(), publisher=True))
        except NewsroomError as exc:
            result.fail(
                f"published here, but not yet shared with the other offices: {exc} (the next "
                "`newsroom publish --pull` tries again)", "not_shared", cause(exc),
            )  # fmt: skip


def _stood(result: PublishResult, synced: SyncResult) -> None:
    """Say where the server's publication stood over an office's change made meanwhile
    (on stderr: cron mails it to whoever must tell that office)."""
    for path, _choice in synced.resolved:
        result.warn(
            f"{path}: changed in another office while this server published it; the "
            "publication partners have seen stands, and that change is kept in git's history "
            f"(`git log -p -- {path}`): correct the release if it still applies",
            "changed_elsewhere", path=path,
        )  # fmt: skip
