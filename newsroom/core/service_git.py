"""The door's git side: every workflow action recorded as one commit by its person when
[git] is on (`recording`), and sharing a clone with the other offices (`sync`, `unshared`;
vcs/). `Newsroom` (service.py) inherits it; this part uses nothing of the door but what is
declared below.
"""

from __future__ import annotations

import copy
import datetime as dt
from collections.abc import Iterator
from contextlib import contextmanager, suppress
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, Self

from .config import load_config
from .errors import GitError, NewsroomError, Refused

if TYPE_CHECKING:
    from .config import Config
    from .identity import Actor
    from .model import Article
    from .store import Store
    from .vcs.sync import SyncResult


@dataclass
class Recording:
    """One workflow action being written (see `Newsroom.recording`): the release it
    changes, set by the code inside the block when it is made there (a new release)."""

    action: str
    article: Article | None = None
    note: str = ""


class Sharing:
    """Recording actions in git and sharing the clone, as one person with one clock."""

    config: Config
    identity: Actor
    actor: str
    _git_lock: Any
    _recording: Recording | None
    _store: Store | None
    _known: dict[str, str]
    _kept: dict[str, tuple[str, Any]]

    if TYPE_CHECKING:  # the rest of the door (service.Newsroom) that this part uses

        def now(self) -> dt.datetime: ...
        def may_act(self, action: str) -> None: ...
        def find(self, ref: str) -> Article: ...

    def for_thread(self) -> Self:
        """Another door on the same newsroom, as the same person with the same clock, that
        shares none of this one's state: the action being recorded (`recording` takes one
        in progress for the outer action and makes no commit of its own), the git lock, the
        store, the releases found. A door serves one thread: work in another thread (the
        desk's action waiting for a publish run) takes a door of its own."""
        door = copy.copy(self)
        door._recording, door._git_lock, door._store, door._known = None, None, None, {}
        door._kept = {}
        return door

    def learn_from(self, door: Self) -> None:
        """Take where each release lives from another door (a worker's, once it has read the
        desk: see `remember`), so `find` here reads one file: a swap, cheap on the UI thread.
        The other door must be done with it."""
        self._known = door._known

    @contextmanager
    def recording(
        self, action: str, article: Article | None = None, note: str = ""
    ) -> Iterator[Recording]:
        """Around the writes of one workflow action (saving the release, copying an
        attachment into its companion folder): with [git] on, they become one commit by
        this person once the block ends (vcs/record.py), under the clone's git lock so a
        sync never sees half an action. Without git, nothing more happens: git is never run.

            with newsroom.recording("attach", article, note=name):
                ...copy the file, save the release...
        """
        done = Recording(action, article, note)
        if not self.config.git or self._recording is not None:
            yield done  # git off; or inside another action (attach saves an edit): one commit
            return
        if self._git_lock is None:
            from .vcs.git import lock

            self._git_lock = lock(self.config)
        from .vcs.record import flush

        with self._git_lock:
            with suppress(GitError):  # still failing: this action's commit says so
                flush(self.config)  # an earlier action whose commit failed goes first
            self._recording = done
            try:
                yield done
            finally:
                self._recording = None
            if done.article is not None and done.article.path is not None:
                self._commit(done)

    def _commit(self, done: Recording) -> None:
        from .vcs.record import change_of, record

        assert done.article is not None
        change = change_of(done.article, done.action, self.actor, self.identity.via, done.note)
        record(self.config, change)

    def sync(self, choices: dict[str, str] | None = None) -> SyncResult:
        """Share this clone's commits with the other offices (vcs/sync.py): fetch, rebase,
        push, with bounded retries. `choices` settles releases a sync stopped on, by any
        reference `find` takes (id, prefix, slug, path): "mine" or "theirs". SyncConflict
        names them; GitError says what failed."""
        from .vcs.sync import share

        self.may_act("sync")
        self._require_git("sync")
        settled: dict[str, str] = {}
        for ref, choice in (choices or {}).items():
            try:
                settled[self.find(ref).id] = choice
            except NewsroomError:  # not a release here (a file deleted on this side, a path)
                settled[ref] = choice
        result = share(self.config, self.actor, self.now(), settled)
        if result.received:
            self.reload()  # another office may have changed newsroom.toml
        return result

    def reload(self) -> None:
        """Read newsroom.toml again (git brought a new one); the store with it. (The desk
        syncs on a door of its own, then reloads its own door on its thread.)"""
        self.config = load_config(self.config.root)
        self._store = None
        self._known, self._kept = {}, {}

    def unshared(self) -> int:
        """How many of this clone's commits the other offices have not got yet (as of the
        last sync); 0 with git off (git is not run) or when git cannot tell."""
        if not self.config.git:
            return 0
        from .vcs.sync import unshared

        try:
            return unshared(self.config)
        except GitError:
            return 0

    def _require_git(self, what: str) -> None:
        if not self.config.git:
            raise Refused(
                f"{what}: git is off in newsroom.toml (set [git] enabled = true in a git clone; "
                'docs/workflow.md, "Many offices")',
                code="git_off",
            )
