"""`newsroom publish`: put out what two people approved, and write every output, from cron.

A run takes a lock (a second run waits briefly, then reports "busy") and hands the work to
`Run` (run.py): the releases are checked, what goes live is decided once, and each output
of `OUTPUTS` (outputs.py) writes its files. When no article file, the config and the
clock's next event have moved, the run ends after one scan of the folder, before the lock
and before the heavy modules load.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from ..config import Config
from ..errors import NewsroomError
from ..outputs import Output, PublishResult, Stage
from ..scan import FileStat, scan
from ..where import stamp
from .state import lock_path, log_run, nothing_to_do, state_path

if TYPE_CHECKING:
    from ..parallel import Spare

LOCK_WAIT_SECONDS = 5.0


# The outputs that write files, by name, in the order they write: the feeds, the
# attachments and pages of the public record, the ninjs documents, then the signatures
# over everything written (last of the files: it sees what the others wrote and removed).
# A run with nothing to do checks each of them ran last time (a newsroom upgraded to a
# new output runs it at once).
FILE_OUTPUTS = ("feeds", "attachments", "pages", "ninjs", "signatures")


def outputs(
    config: Config,
    passphrase: Callable[[], str] | None = None,
    *,
    mail: bool = True,
    ping: bool = True,
) -> list[Output]:
    """The outputs of a run, in the order they write (outputs.py): `FILE_OUTPUTS`, the
    WebSub hubs told of the public feeds that changed (when there are hubs and `ping`), and
    mail when the newsroom has [[lists]] (after the lock). `passphrase` asks for the signing
    key's passphrase, if it is encrypted; `mail` False (`publish --no-mail`): what the run
    owes the lists is noted as skipped, never sent."""
    from ..feeds.output import FeedsOutput
    from ..ninjs.output import NinjsOutput
    from ..pages.output import PagesOutput
    from ..publicfiles import AttachmentsOutput
    from ..signing.output import SignOutput

    sign = SignOutput(config, passphrase)
    chosen: list[Output] = [
        FeedsOutput(config),
        AttachmentsOutput(config),
        PagesOutput(config, sign.signs),  # (a page links the signed texts this run makes)
        NinjsOutput(config),
        sign,
    ]
    assert tuple(o.name for o in chosen) == FILE_OUTPUTS
    if ping and config.websub_hubs:
        from ..websub import WebSubOutput

        chosen.append(WebSubOutput(config))
    if config.lists:
        from ..mail.output import MailOutput

        chosen.append(MailOutput(config, send=mail))
    return chosen


def cache_key(config: Config) -> str:
    """The key of the content cache: the config, the program, and the feeds' renderer."""
    from ..cache import config_key
    from ..feeds import render_key

    return config_key(config, render_key())


def publish(
    config: Config,
    actor: str,
    now: dt.datetime,
    *,
    dry_run: bool = False,
    progress: Callable[[str], None] | None = None,
    via: str = "",
    forced_clock: bool = False,
    passphrase: Callable[[], str] | None = None,
    mail: bool = True,
    ping: bool = True,
) -> PublishResult:
    """Run one publish (see the module docstring). `passphrase` is asked, before the lock,
    when the signing key is encrypted and no environment variable gives it; `ping`: tell
    the WebSub hubs (websub.py)."""
    config.state_dir.mkdir(parents=True, exist_ok=True)
    last_run = stamp(state_path(config))
    # A run after the first starts a second interpreter at once (while the files are
    # scanned and the outputs load here), to import what they would run on it
    # (Output.spare): ready by the time they hand it their work. A run with nothing to
    # do stops it at once. Started by the command line before it loaded, it has walked
    # the files meanwhile (early.py).
    from .. import early

    spare = early.take(config.root, config.articles_dir, last_run)
    files = spare.scanned() if spare is not None else None
    if spare is not None and (dry_run or last_run is None):
        spare.close()  # (its files taken: a preview, a first run keep no spare)
        spare = None
    if spare is None and not dry_run and last_run is not None:
        from ..parallel import Spare

        spare = Spare.start()
    try:
        if files is None:
            files = scan(config)
        key = cache_key(config)
        prompt = passphrase is not None  # (an encrypted key's passphrase can be asked)
        if not dry_run and nothing_to_do(config, key, now, files, FILE_OUTPUTS, prompt):
            if spare is not None:
                spare.close()  # (before any slow hub or mail server)
                spare = None
            result = PublishResult(now, actor, skipped=True)
            if ping and config.websub_hubs:  # a ping that failed before (one stat if none)
                _retry_pings(config, result)
            if mail and config.lists:  # mail an earlier run could not send (one stat if none)
                _send_waiting(config, now, result)
            log_run(config, result, forced_clock)
            return result
        # a preview when a run now would have nothing to do (it ends after the scan): it
        # writes and removes nothing, whatever the outputs would find (a key gone since the
        # last signed run: its lists stay until a run has work)
        idle = dry_run and nothing_to_do(config, key, now, files, FILE_OUTPUTS, prompt)
        if idle and passphrase is not None:  # a preview tries the passphrase the run asks;
            from ..signing.keys import LATER  # a run with nothing to do asks none

            passphrase = LATER
        chosen = outputs(config, passphrase, mail=mail, ping=ping)
        if spare is not None and not _preload(spare, chosen):
            spare.close()
            spare = None
        result = _run(config, actor, now, chosen, key, files, last_run, spare, dry_run=dry_run,
                      progress=progress, via=via, forced_clock=forced_clock)  # fmt: skip
        if idle:
            result.to_write, result.to_remove, result.to_write_unchecked = [], [], False
        if dry_run and mail and config.lists:
            from ..mail.sendlog import mail_waiting

            result.mail_waiting = mail_waiting(config)
        return result
    finally:
        if spare is not None:
            spare.close()


def _run(
    config: Config,
    actor: str,
    now: dt.datetime,
    chosen: list[Output],
    key: str,
    files: list[FileStat],
    last_run: tuple[int, int] | None,
    spare: Spare | None,
    *,
    dry_run: bool,
    progress: Callable[[str], None] | None,
    via: str,
    forced_clock: bool,
) -> PublishResult:
    """The run itself, once there is work: the outputs prepared, the lock taken."""
    try:
        for output in chosen:  # a prompt never holds the lock the next cron run waits for
            output.prepare(dry_run)
    except NewsroomError as exc:  # [signing] required and no key, or a passphrase typed
        # wrong: nothing goes out
        result = PublishResult(now, actor, dry_run=dry_run)
        result.failed.append(str(exc))
        facts = {name: str(value) for name, value in exc.facts.items()}
        result.stopped = {**facts, "code": exc.code, "text": str(exc)}
        log_run(config, result, forced_clock)
        return result
    from filelock import FileLock, Timeout

    lock = FileLock(str(lock_path(config)))
    try:
        lock.acquire(timeout=0)
        # a run that ended between the scan and now changed the files: look afresh (with
        # the scan's view, this run would publish again what that one just published)
        stale = stamp(state_path(config)) != last_run
    except Timeout:  # another run holds it: wait a little, then look at the files afresh
        try:
            lock.acquire(timeout=LOCK_WAIT_SECONDS)
        except Timeout:
            return PublishResult(now, actor, dry_run=dry_run, busy=True)
        stale = True
    if stale:
        files = scan(config)
        if not dry_run and nothing_to_do(
            config, key, now, files, FILE_OUTPUTS
        ):  # the other run did it
            lock.release()
            return PublishResult(now, actor, skipped=True)
    import sqlite3

    from ..feeds.output import FeedsOutput
    from .run import Run

    run = Run(config, chosen, key, FeedsOutput.renderer, actor=actor, now=now,
              dry_run=dry_run, progress=progress or (lambda _: None), via=via,
              spare=spare)  # fmt: skip
    try:
        result = run.run(files)
        result.to_write_at_most = dry_run and _unrecorded(config, run.before, result.to_write)
    except NewsroomError as exc:  # the ledger cannot be written: nothing went out
        result = run.result
        result.fail_with(exc)
    except (OSError, sqlite3.Error) as exc:  # a full disk while the files are read
        result = run.result  # (the writing says which file itself: Run._write)
        result.fail(
            f"publish stopped: {exc}; free some space or fix the permissions of "
            f"{config.state_dir} and {config.feeds_dir}, then run again (the next run "
            "sweeps what this one staged)",
            "stopped", reason=exc, state=config.state_dir, feeds=config.feeds_dir,
        )  # fmt: skip
    finally:
        if spare is not None:  # (its work is collected or not wanted)
            spare.close()
        lock.release()
    if not dry_run:  # a slow server never holds the lock the next cron run waits for
        for output in chosen:
            if output.stage == Stage.AFTER_LOCK:
                output.notify(result)
    log_run(config, result, forced_clock)
    return result


def _unrecorded(config: Config, before: dict[str, Any], to_write: list[str]) -> bool:
    """Whether a dry run counted files without a record of what the last run wrote (none
    kept here) while some are in feeds/ already: its count is then at most what the run
    writes (the run leaves alone a file already as it would be)."""
    feeds = config.feeds_dir
    return not before and any((feeds / path).exists() for path in to_write)


def _preload(spare: Spare, chosen: list[Output]) -> bool:
    """Have the spare import what the outputs would run on it; False when none would."""
    modules = [m for o in chosen for m in o.spare]
    if modules:
        spare.preload(modules)
    return bool(modules)


def _retry_pings(config: Config, result: PublishResult) -> None:
    """A run with nothing to do still retries a WebSub ping that failed (one stat when none
    waits), under the lock; a run holding it retries them itself."""
    from ..websub import deliver, has_pending

    if not has_pending(config):
        return
    from filelock import FileLock, Timeout

    lock = FileLock(str(lock_path(config)))
    try:
        lock.acquire(timeout=0)
    except Timeout:
        return
    try:
        deliver(config, [], result)
    finally:
        lock.release()


def _send_waiting(config: Config, now: dt.datetime, result: PublishResult) -> None:
    """Mail that waits in the send log (a server that said "try later", a killed run)."""
    from ..mail.sendlog import pending_mark

    if pending_mark(config).exists():
        from ..mail.output import send_queued

        send_queued(config, now, result)


__all__ = ["PublishResult", "publish"]
