"""The door's publishing side: what `newsroom publish`, `keys`, `mail`, `status` and `adopt`
ask of the newsroom (the CLI's cli_publish.py, cli_keys.py and cli_mail.py, the desk's
publish screen). `Newsroom` (service.py) inherits it: the faces still come in through the
one door, and this part reads nothing of it but what is declared below.
"""

from __future__ import annotations

import datetime as dt
import time
from collections.abc import Callable, Iterable, Iterator
from contextlib import AbstractContextManager, contextmanager
from pathlib import Path
from typing import TYPE_CHECKING, Any

from .errors import NewsroomError

if TYPE_CHECKING:
    from .config import Config
    from .errors import Problem
    from .health import Health
    from .identity import Actor
    from .index import Index
    from .model import Article
    from .outputs import PublishResult
    from .records import Record
    from .signing.keys import KeyEntry, KeyInfo, Rotated
    from .signing.minisign import SecretKey
    from .store import Store

# Seconds between two tries of the publish lock when the one waiting may give up (the desk's
# action waiting for a run: a quit stops the wait within this, before anything is done).
LOCK_STEP = 0.25


class Publishing:
    """Publishing, its keys, its mail and its health, as one person with one clock."""

    config: Config
    identity: Actor
    actor: str

    if TYPE_CHECKING:  # the rest of the door (service.Newsroom) that this part uses

        @property
        def store(self) -> Store: ...
        def now(self) -> dt.datetime: ...
        def may_act(self, action: str) -> None: ...
        def index(self) -> Index: ...
        def recording(
            self, action: str, article: Article | None = None, note: str = ""
        ) -> AbstractContextManager[Any]: ...
        def _require_git(self, what: str) -> None: ...
        def reload(self) -> None: ...

    # ------------------------------------------------------------ sealing what is published

    def adopt(self, *, dry_run: bool = False) -> list[Article]:
        """Seal, as they are now, the releases published before publications were sealed
        (once, when a newsroom upgrades); each gets an `adopt` entry in its history."""
        from .ledger import Ledger, row_of
        from .workflow import adopt

        self.may_act("adopt")
        index = self.index()
        legacy = [r for r in index.records.values() if r.problem and r.problem[0] == "legacy"]
        adopted = []
        for record in sorted(legacy, key=lambda r: r.path):
            article = self.store.load(self.config.root / record.path)
            if adopt(article, self.actor, self.config, self.now(), via=self.identity.via):
                if not dry_run:
                    with self.recording("adopt", article):
                        self.store.save(article)
                adopted.append(article)
        ledger = Ledger(self.config)
        try:
            if not dry_run and ledger.initialized:
                ledger.confirm({a.id: row for a in adopted if (row := row_of(a)) is not None})
        finally:
            ledger.close()
        return adopted

    # ------------------------------------------------------------ publishing

    def publish(
        self,
        *,
        now: dt.datetime | None = None,
        dry_run: bool = False,
        progress: Callable[[str], None] | None = None,
        forced_clock: bool = False,
        pull: bool = False,
        passphrase: Callable[[], str] | None = None,
        mail: bool = True,
        ping: bool = True,
    ) -> PublishResult:
        """Publish what is due and write every output (publish/), as this person (a system
        identity such as cron, or an editor pressing P): Refused when they may not act.
        `passphrase` asks for the signing key's passphrase (a prompt), when it is needed.

        With [git] on, each release file the run stamped is committed by this identity;
        `pull` (the publishing server) first fast-forwards to what the offices shared
        (GitError or SyncConflict: nothing is published) and pushes the run's commits back
        (vcs/publishing.py). A dry run touches no git at all. `mail` False: what this
        run owes the mailing lists is noted as skipped, not sent. `ping` False: the WebSub
        hubs are not told of the public feeds that changed (websub.py)."""
        from .publish import publish

        self.may_act("publish")
        when = now or self.now()
        if pull:
            self._require_git("publish --pull")
        pulled = None
        if self.config.git and not dry_run:
            from . import early
            from .vcs.publishing import before_publish

            early.drop()  # (the files it walked may change now)

            pulled = before_publish(self.config, self.actor, self.now(), pull=pull)
            if pulled is not None and pulled.received:
                self.reload()  # newsroom.toml may have come with it (numbering, partners...)
        result = publish(self.config, self.actor, when, dry_run=dry_run, progress=progress,
                         via=self.identity.via, forced_clock=forced_clock,
                         passphrase=passphrase, mail=mail, ping=ping)  # fmt: skip
        if self.config.git and not dry_run:
            from .vcs.publishing import after_publish

            after_publish(self, result, pull=pull, pulled=pulled)
        return result

    # ------------------------------------------------------------ signing keys

    def keys_init(self, passphrase: str | None) -> tuple[SecretKey, Path]:
        """Make the newsroom's signing key pair (signing/keys.py): the public files in the
        newsroom, the secret key outside it; returns the key and where its secret went.
        `passphrase` None: unencrypted, for cron."""
        from .signing.keys import init_keys

        with self._publish_lock():
            return init_keys(self.config, self.now(), passphrase)

    def asks_passphrase(self) -> bool:
        """Whether a publish here needs the signing key's passphrase typed (`publish`'s
        `passphrase`): the newsroom signs, its secret key is here and encrypted, and no
        variable gives the passphrase (signing/keys.py). Nothing is unlocked."""
        from .signing.keys import asks_passphrase

        return asks_passphrase(self.config)

    def keys_show(self) -> KeyInfo:
        """The newsroom's public key, where its secret key is expected, every past key."""
        from .signing.keys import show_keys

        return show_keys(self.config)

    def keys_rotate(
        self,
        old_passphrase: Callable[[], str] | None,
        new_passphrase: str | None,
        *,
        revoke: bool = False,
        reason: str = "",
    ) -> Rotated:
        """Replace the signing key: the new public key signed by the old one, the old one
        listed as retired (or revoked, with `reason`); the next publish signs again."""
        from .signing.keys import rotate_keys

        with self._publish_lock():
            return rotate_keys(self.config, self.now(), old_passphrase, new_passphrase,
                               revoke=revoke, reason=reason)  # fmt: skip

    def keys_revoke(
        self, key_id: str, reason: str, passphrase: Callable[[], str] | None
    ) -> KeyEntry:
        """Revoke an earlier key (signing/keys.py `revoke_old_key`): the list of keys is
        signed again by the current one; the next publish puts it out."""
        from .signing.keys import revoke_old_key

        with self._publish_lock():
            return revoke_old_key(self.config, self.now(), key_id, reason, passphrase)

    @contextmanager
    def _publish_lock(
        self, *, wake: bool = True, timeout: float = 30, give_up: Callable[[], bool] | None = None
    ) -> Iterator[None]:
        """Hold the publish lock (no run in between), then, with `wake`, wake the next run
        (after a key change it signs every list again and copies the key files into feeds/).
        A run holding it longer than `timeout` seconds: NewsroomError, code publish_busy.
        `give_up` is asked between tries LOCK_STEP apart, and once more with the lock held,
        before the block runs: True, NewsroomError, code gave_up, and nothing was done."""
        from filelock import FileLock

        from .publish.state import lock_path
        from .publish.state import wake as wake_next

        self.config.state_dir.mkdir(parents=True, exist_ok=True)
        lock = FileLock(str(lock_path(self.config)))
        _acquire(lock, timeout, give_up)
        try:
            if give_up is not None and give_up():
                raise gave_up()
            yield
            if wake:
                wake_next(self.config)
        finally:
            lock.release()

    # ------------------------------------------------------------ mail (core/mail/)

    def mail_test(self, name: str, to: str = "") -> Any:
        """Send one test message to mailing list `name` (or only to `to`): a TestSent."""
        from .mail.status import send_test

        self.may_act("publish")
        return send_test(self.config, name, self.now(), to)

    def mail_status(self) -> Any:
        """What the send log holds (a MailStatus): per release version, sent, queued, failed."""
        from .mail.status import mail_status

        titles = {r.id: r.title for r in self.index().records.values()}
        return mail_status(self.config, titles)

    def mail_send(self) -> Any:
        """Send what waits in the send log now (a Sending; busy if a run is sending)."""
        from .mail.output import send_queued

        self.may_act("publish")
        return send_queued(self.config, self.now())

    def publish_status(
        self, records: Iterable[Record] | None = None, problems: Iterable[Problem] = ()
    ) -> Health:
        """How publishing stands (status.py): the last successful run, releases held back
        and why; from the releases given (the desk's), else the index."""
        from .health import publish_status

        if records is None:  # (those publish keeps partners' version of, as it says them)
            index = self.index()
            records, problems = (index.records | index.held_as_kept()).values(), index.problems
        return publish_status(self.config, records, problems, self.now())


def _acquire(lock: Any, timeout: float, give_up: Callable[[], bool] | None) -> None:
    """Take the publish lock within `timeout` seconds, in tries LOCK_STEP apart when the
    one waiting may give up (asked before each try)."""
    from filelock import Timeout

    deadline = time.monotonic() + timeout
    while True:
        if give_up is not None and give_up():
            raise gave_up()
        left = max(deadline - time.monotonic(), 0.0)
        try:
            lock.acquire(timeout=left if give_up is None else min(left, LOCK_STEP))
            return
        except Timeout:
            if time.monotonic() >= deadline:
                raise NewsroomError(
                    f"a publish run is under way (it holds {lock.lock_file}); nothing was "
                    "changed: try again when it ends (`newsroom status`)",
                    code="publish_busy",
                ) from None


def gave_up() -> NewsroomError:
    return NewsroomError(
        "the wait for the publish run was given up; nothing was changed", code="gave_up"
    )
