"""Mail as an output of publish (AFTER_LOCK): every list gets each release version once.

Under the publish lock, after the feeds are in place, the output notes in the send log what
the run's releases owe: each event no earlier run noted, with a send per address of every
list that takes it (events.py). The first time on a server, the events already out are
noted as `baseline` and never mailed: a server rebuilt from a fresh clone does not mail old
releases again; only what this run puts out goes. After the lock is released, `send`
hands the queued messages to the server under a lock of its own (`.newsroom/mail/
send.lock`): a slow server never makes the next cron run "busy". What a run could not send
waits in the log; the next run sends it, even a run with nothing else to do
(`publish.publish` looks for the pending mark).
"""

from __future__ import annotations

import datetime as dt
import time
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from ..config import Config
from ..errors import NewsroomError, Said, cause
from ..outputs import Output, Plan, PublishResult, Stage, Written
from ..records import Record
from .events import EMBARGO, MOVED, WITHDRAWN, Event, events_of, lists_for, moved, withdrawn
from .recipients import Recipients, read_recipients
from .sendlog import (
    BASELINE,
    FAILED,
    GIVE_UP_AFTER,
    QUEUED,
    SENDING,
    SENT,
    SKIPPED,
    SendLog,
    mail_dir,
    pending_mark,
)  # fmt: skip

if TYPE_CHECKING:
    from ..model import Article
    from ..seal import SealProblem

# What a mail log that cannot be opened or written means, and what to do.
MAIL_NOT_TOLD = (
    "the feeds went out, the mailing lists were not told (free some space or fix the "
    "folder's permissions, then run again)"
)


class MailOutput(Output):
    """See the module docstring. `send=False` (`publish --no-mail`): what this run owes is
    noted as skipped and nothing is sent."""

    name = "mail"
    stage = Stage.AFTER_LOCK

    def __init__(self, config: Config, *, send: bool = True) -> None:
        super().__init__(config)
        self.send = send
        self.now = dt.datetime.now(dt.UTC)
        self.first = False  # no mail was ever noted on this server
        self.new: list[tuple[Event, Record]] = []  # owed by this run
        self.old: list[tuple[Event, Record]] = []  # out before this server's first mail
        self.recipients: dict[str, Recipients] = {}
        self.told: dict[str, list[tuple[str, str, str]]] = {}  # MOVED: who had the release
        self.dry_run = False

    def plan(self, plan: Plan, last: dict[str, Any]) -> None:
        if not self.config.lists:
            return
        self.now, self.dry_run = plan.now, plan.dry_run
        path = mail_dir(self.config) / "sendlog.sqlite"
        known: set[str] = set()
        log = SendLog(self.config) if path.exists() else None
        try:
            self.first = log is None or not log.initialized
            known = log.known() if log is not None else set()
            last = log.last_embargo() if log is not None else {}
            embargoed = {r for r, k in last.items() if withdrawn(r, k).key not in known}
            now_out = {_this_run(g.record, g.kind) for g in plan.going_live}
            for record in plan.records.values():
                events = events_of(record, self.config, plan.now)
                if record.id in embargoed and record.published is None and not events:
                    events = [withdrawn(record.id, last[record.id])]  # sent back for changes
                for event in events:
                    if event.key in known:
                        continue
                    if self.first and event.key not in now_out:
                        self.old.append((event, record))
                        continue
                    if event.kind == EMBARGO and event.release in embargoed:
                        event = moved(event)
                    if event.kind in (MOVED, WITHDRAWN) and log is not None:
                        self.told[event.key] = log.receivers(f"{event.release}/1")
                    self.new.append((event, record))
        finally:
            if log is not None:
                log.close()
        if self.new:
            self.recipients = {m.name: read_recipients(m) for m in self.config.lists}

    def answer(self, result: PublishResult) -> None:
        for event, record in self.new:
            if event.kind in (MOVED, WITHDRAWN):
                names = list(dict.fromkeys(name for name, _, _ in self.told[event.key]))
                people = {address for _, address, _ in self.told[event.key]}
            else:
                lists = lists_for(event, record, self.config)
                names = [m.name for m in lists]
                people = {r.address.casefold() for m in lists
                          for r in self.recipients[m.name].people}  # fmt: skip
            result.mail.append({
                "release": record.id, "title": record.title, "kind": event.kind,
                "version": event.version, "lists": names, "recipients": len(people),
                "state": "skipped" if not self.send else ("owed" if self.dry_run else QUEUED),
            })  # fmt: skip
        for found in self.recipients.values():
            result.warnings += found.problems
        if self.old:
            result.mailed["baseline"] = len(self.old)

    def placed(self, result: PublishResult) -> Written:
        """Under the publish lock, the files in place: note what the run owes the lists."""
        if not self.config.lists or not (self.new or self.old or self.first):
            return Written()
        try:
            log = SendLog(self.config)
        except (OSError, NewsroomError) as exc:
            folder = mail_dir(self.config)
            result.fail(f"{folder}: the mail log cannot be opened ({exc}): {MAIL_NOT_TOLD}",
                        "mail_log_open", cause(exc), path=folder)  # fmt: skip
            return Written()
        try:
            if self.old or self.first:
                log.record([(e, r.path) for e, r in self.old], BASELINE, self.now,
                           initialize=True)  # fmt: skip
            sends = [
                (event, m.name, person.address, person.display)
                for event, record in self.new if event.kind not in (MOVED, WITHDRAWN)
                for m in lists_for(event, record, self.config)
                for person in self.recipients[m.name].people
            ]  # fmt: skip
            sends += [(event, name, address, display) for event, _ in self.new
                      if event.kind in (MOVED, WITHDRAWN)
                      for name, address, display in self.told[event.key]]  # fmt: skip
            # once told it is withdrawn, a later publication is theirs again
            retire = [(f"{e.release}/1", f"{e.release}/1~{e.key.rpartition('@')[2]}")
                      for e, _ in self.new if e.kind == WITHDRAWN]  # fmt: skip
            state = QUEUED if self.send else SKIPPED
            log.record([(e, r.path) for e, r in self.new], state, self.now, sends,
                       retire=retire)  # fmt: skip
            if self.send and sends:
                pending_mark(self.config).touch()
        except Exception as exc:  # sqlite3.Error, OSError: feeds stay; mail is reported
            folder = mail_dir(self.config)
            result.fail(f"{folder}: the mail log could not be written: {exc}: {MAIL_NOT_TOLD}",
                        "mail_log_write", cause(exc), path=folder)  # fmt: skip
        finally:
            log.close()
        return Written()

    def notify(self, result: PublishResult) -> None:
        if not (self.config.lists and self.send):
            return
        try:
            send_queued(self.config, self.now, result)
        except Exception as exc:  # the feeds are out: mail's trouble is reported, never fatal
            result.warn(f"mail: not sent ({exc}); the next run tries again", "mail_not_sent",
                        cause(exc))  # fmt: skip


def _this_run(record: Record, kind: str) -> str:
    """The key of the event a release going live in this run makes."""
    if kind == "corrected":
        return f"{record.id}/{len(record.corrected) + 1}"
    return f"{record.id}/1"


@dataclass
class Sending:
    """What one sending did (counts; no address)."""

    sent: int = 0
    failed: int = 0
    waiting: int = 0
    resent: int = 0
    busy: bool = False
    errors: list[str] = field(default_factory=list)


def send_queued(config: Config, now: dt.datetime, result: PublishResult | None = None) -> Sending:
    """Send every queued message, under the mail lock (busy: another run is sending them)."""
    from filelock import FileLock, Timeout

    mail_dir(config).mkdir(parents=True, exist_ok=True, mode=0o700)
    lock = FileLock(str(mail_dir(config) / "send.lock"))
    try:
        lock.acquire(timeout=0)
    except Timeout:
        done = Sending(busy=True)
    else:
        try:
            done = _send(config, now)
        finally:
            lock.release()
    if result is not None:
        for key in ("sent", "failed", "waiting", "resent", "busy"):
            if getattr(done, key):
                result.mailed[key] = getattr(done, key)
        result.warnings += done.errors
    return done


def _send(config: Config, now: dt.datetime) -> Sending:
    from .message import addressed
    from .smtp import Connection, MailError

    done = Sending()
    log = SendLog(config)
    try:
        done.resent = log.recover()
        queue = log.queued()
        lists = {m.name: m for m in config.lists}
        built: dict[str, bytes | None] = {}
        connection: Connection | None = None
        gap = 60.0 / config.mail_rate if config.mail_rate else 0.0
        last = 0.0
        try:
            for send in queue:
                if send.event not in built:
                    built[send.event] = _message(config, log, send.event, now, done)
                data = built[send.event]
                if data is None:
                    continue
                mail_list = lists.get(send.list)
                if mail_list is None:
                    gone = f"list {send.list} is no longer in newsroom.toml"
                    log.mark(send, FAILED, now, Said(gone, "mail_list_gone", list=send.list))
                    done.failed += 1
                    continue
                if send.attempts and now - dt.datetime.fromisoformat(send.queued) > GIVE_UP_AFTER:
                    n = send.attempts
                    tries = f"gave up after {n} {'try' if n == 1 else 'tries'}: {send.error}"
                    log.mark(send, FAILED, now, Said(tries, "mail_gave_up", cause(send.error),
                                                     n=n))  # fmt: skip
                    done.failed += 1
                    continue
                if connection is None:
                    connection = Connection(config).__enter__()
                if gap and last:
                    time.sleep(max(0.0, last + gap - time.monotonic()))
                log.mark(send, SENDING, now, attempt=True)  # durable before the server has it
                outcome = connection.send(send.address, addressed(data, config, send.display,
                                                                  mail_list))  # fmt: skip
                last = time.monotonic()
                if outcome.sent:
                    log.mark(send, SENT, now)
                    done.sent += 1
                elif outcome.permanent:
                    log.mark(send, FAILED, now, outcome.error)
                    done.failed += 1
                    done.errors.append(Said(
                        f"mail: {send.event} refused for good for one address of list "
                        f"{send.list}: {outcome.error} (newsroom mail status --addresses)",
                        "mail_refused", event=send.event, list=send.list, answer=outcome.error,
                    ))  # fmt: skip
                else:
                    log.mark(send, QUEUED, now, outcome.error)
                    if outcome.lost:
                        done.errors.append(Said(
                            f"mail: {outcome.error}; the next run sends the rest", "mail_lost",
                            cause(outcome.error),
                        ))  # fmt: skip
                        connection = None
                        log.note_untried(outcome.error, now)  # the rest wait for it too
                        break
        except MailError as exc:  # nothing went: every waiting send says why
            done.errors.append(Said(f"mail: {exc}", "mail_failed", cause(exc)))
            log.note_waiting(Said.of(str(exc), exc.code, exc.facts) if exc.code else str(exc), now)
        finally:
            if connection is not None:
                connection.close()
        done.waiting = len(log.queued())
        if not done.waiting:
            pending_mark(config).unlink(missing_ok=True)
        else:
            pending_mark(config).touch()
    finally:
        log.close()
    return done


def _message(config: Config, log: SendLog, key: str, now: dt.datetime,
             done: Sending) -> bytes | None:  # fmt: skip
    """The event's message: built once, then always the same bytes (a message sent again is
    the same message). None: it cannot be built (its sends are failed, with why)."""
    from ..store import Store
    from .message import build

    data, path = log.message(key)
    if data is not None:
        return data
    event = log.event(key)
    try:
        article = Store(config).load(config.root / path)
        if article.id != event.release:
            raise NewsroomError(
                f"{path} is no longer release {event.release}", code="mail_not_release",
                path=path, release=event.release,
            )  # fmt: skip
        if (changed := _changed_by_hand(config, article)) is not None:  # it waits, queued:
            seal = {"because": changed.code, "reason": changed.message, **dict(changed.facts)}
            done.errors.append(Said(  # (never built from that text)
                f"mail: {key}: waits: {path}: {changed.message}", "mail_waits", seal, event=key,
                path=path,
            ))  # fmt: skip
            return None
        data = build(config, article, event, now)
    except (NewsroomError, OSError, ValueError) as exc:  # ValueError: a header email refuses
        n = log.fail_event(key, Said(f"the message cannot be made: {exc}",
                                     "mail_message_unmade", cause(exc)), now)  # fmt: skip
        done.failed += n
        done.errors.append(Said(
            f"mail: {key}: the message cannot be made ({exc}); {n} not sent", "mail_unmade",
            cause(exc), event=key, n=n,
        ))  # fmt: skip
        return None
    log.keep_message(key, data)
    return data


def _changed_by_hand(config: Config, article: Article) -> SealProblem | None:
    """Why a published file's live text is not the one publish put out (changed by hand:
    seal.LIVE_TEXT_PROBLEMS), if it is not: its message is not built from it (publish
    keeps what partners have; the lists wait until the file is restored)."""
    from ..ledger import Ledger
    from ..records import verify
    from ..seal import LIVE_TEXT_PROBLEMS

    ledger = Ledger(config)
    try:
        problem = verify(article, config, ledger)
    finally:
        ledger.close()
    return problem if problem and problem.code in LIVE_TEXT_PROBLEMS else None
