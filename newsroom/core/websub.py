"""WebSub: partners hear of a release the moment publish puts it out (a NOTIFY output).

The public subscription documents (RSS, Atom and JSON Feed of the main feed, each category
and each public partner feed) advertise every hub of `[websub] hubs` beside their `self`
link (the feeds' writers do it; `feeds.entries.hub_topic` says which documents are
public). After a run whose files are in place, each hub gets ONE publish ping naming every
public subscription document whose bytes changed (`hub.mode=publish`, `hub.url` once per
document; W3C WebSub 1.0 leaves the ping's form to hubs, and this is the one the
widely used hubs accept). Private (embargo) feeds and archive pages are never advertised nor
pinged: a hub would fetch them and hand them to anyone.

A hub that answers other than 2xx, or not within TIMEOUT_SECONDS, is logged (the run's
line in publish.log and the run's summary) and never fails the publish: its ping waits in
`.newsroom/websub-pending.json` and is tried again on the next run, even a run with
nothing else to do, for MAX_ATTEMPTS runs, then given up with a warning (the feeds are
right; readers that poll still get everything). Hubs are pinged side by side, so one that
never answers costs a run TIMEOUT_SECONDS at most. Only the standard library speaks HTTP:
one small form POST per hub needs nothing more. A server's first run over releases that
were published before (a fresh clone: it takes stock of them) pings no hub unless something
new goes out: its feeds are new files, not news.
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from .atomic import write_atomic
from .config import Config
from .outputs import Output, Ping, Plan, PublishResult, Stage

PENDING = "websub-pending.json"
TIMEOUT_SECONDS = 4.0  # under the publish lock: the next cron run waits 5 s for it
MAX_ATTEMPTS = 12  # runs that try a failing hub's ping (an hour with cron every 5 minutes)


@dataclass
class _Waiting:
    """A hub's ping that failed, kept for the next run."""

    urls: list[str] = field(default_factory=list)
    attempts: int = 0
    reason: str = ""


class WebSubOutput(Output):
    """Tells every configured hub which public feeds changed (see the module docstring)."""

    name = "websub"
    stage = Stage.NOTIFY

    def __init__(self, config: Config) -> None:
        super().__init__(config)
        self.dry_run = False

    def plan(self, plan: Plan, last: dict[str, Any]) -> None:
        self.dry_run = plan.dry_run

    def answer(self, result: PublishResult) -> None:
        if not self.dry_run:
            return
        waiting = read_pending(self.config)
        topics = topic_urls(self.config, result.to_write)
        for hub in self.config.websub_hubs:
            urls = _merged(waiting.get(hub, _Waiting()).urls, topics)
            if urls:
                result.pings.append(Ping(hub, urls, "would"))

    def notify(self, result: PublishResult) -> None:
        if fresh_copy(result):
            return
        deliver(self.config, topic_urls(self.config, result.written.unsorted()), result)


def fresh_copy(result: PublishResult) -> bool:
    """A server's first run over releases published before (a fresh clone, a lost
    `.newsroom/`: the run took stock of them) that put nothing new out: it wrote every
    feed anew, but partners have it all already, so no hub is told (issue 15)."""
    return not result.published and any(code == "took_stock" for code, _ in result.noted)


def topic_urls(config: Config, paths: Iterable[str]) -> list[str]:
    """The public URLs of the public subscription documents among `paths` (under feeds/)."""
    from .feeds.entries import feed_url, hub_topic

    return [feed_url(config, p) for p in sorted(p for p in paths if hub_topic(p))]


def pending_path(config: Config) -> Path:
    return config.state_dir / PENDING


def has_pending(config: Config) -> bool:
    """Whether a ping waits for the next run (one stat: a run with nothing to do asks)."""
    return bool(config.websub_hubs) and pending_path(config).exists()


def read_pending(config: Config) -> dict[str, _Waiting]:
    """The pings that failed, by hub (a hub no longer configured is forgotten)."""
    try:
        data = json.loads(pending_path(config).read_text(encoding="utf-8"))
        hubs = data["hubs"]
        return {
            hub: _Waiting([str(u) for u in w["urls"]], int(w["attempts"]), str(w.get("reason", "")))
            for hub, w in hubs.items()
            if hub in config.websub_hubs
        }
    except (OSError, ValueError, KeyError, TypeError, AttributeError):
        return {}  # none, or unreadable: nothing to retry (the feeds are right anyway)


def deliver(config: Config, topics: list[str], result: PublishResult) -> None:
    """Ping every hub with `topics` and whatever waits for it; keep what fails for the next
    run (see the module docstring). Never raises: a hub cannot fail a publish."""
    waiting = read_pending(config)
    jobs = {
        hub: urls for hub in config.websub_hubs
        if (urls := _merged(waiting.get(hub, _Waiting()).urls, topics))
    }  # fmt: skip
    if not jobs and not waiting:
        return
    answers = _send_all(config, jobs)
    still: dict[str, _Waiting] = {}
    for hub, urls in jobs.items():
        reason = answers[hub]
        attempts = waiting.get(hub, _Waiting()).attempts + 1
        if not reason:
            result.pings.append(Ping(hub, urls, "sent", attempts=attempts))
        elif attempts >= MAX_ATTEMPTS:
            result.pings.append(Ping(hub, urls, "given_up", reason, attempts))
            result.warn(
                f"WebSub hub {hub} failed {attempts} runs in a row ({reason}); its ping for "
                f"{len(urls)} feed(s) is given up (readers that poll still get everything; "
                "check [websub] hubs in newsroom.toml)",
                "websub_given_up", hub=hub, attempts=attempts, reason=reason, n=len(urls),
            )  # fmt: skip
        else:
            result.pings.append(Ping(hub, urls, "failed", reason, attempts))
            still[hub] = _Waiting(urls, attempts, reason)
    _save_pending(config, still, result)


def _merged(first: list[str], then: list[str]) -> list[str]:
    return list(dict.fromkeys([*first, *then]))


def _save_pending(config: Config, waiting: dict[str, _Waiting], result: PublishResult) -> None:
    path = pending_path(config)
    try:
        if waiting:
            data = {"hubs": {hub: vars(w) for hub, w in sorted(waiting.items())}}
            write_atomic(path, json.dumps(data, indent=1, sort_keys=True).encode())
        else:
            path.unlink(missing_ok=True)
    except OSError as exc:
        result.warn(f"{path}: not written ({exc.strerror}); a failed ping is lost",
                    "websub_not_kept", path=path, reason=exc.strerror or exc)  # fmt: skip


def _send_all(config: Config, jobs: dict[str, list[str]]) -> dict[str, str]:
    """Each hub's answer ("" when it took the ping, else why not), hubs side by side."""
    if len(jobs) <= 1:
        return {hub: send(hub, urls) for hub, urls in jobs.items()}
    from concurrent.futures import ThreadPoolExecutor

    with ThreadPoolExecutor(max_workers=min(len(jobs), 8)) as pool:
        futures = {hub: pool.submit(send, hub, urls) for hub, urls in jobs.items()}
        return {hub: future.result() for hub, future in futures.items()}


def send(hub: str, urls: list[str], timeout: float | None = None) -> str:
    """POST one publish ping to `hub`: "" when it answered 2xx, else what went wrong."""
    import urllib.error
    import urllib.parse
    import urllib.request

    from .. import __version__

    body = urllib.parse.urlencode([("hub.mode", "publish"), *(("hub.url", u) for u in urls)])
    request = urllib.request.Request(
        hub,
        data=body.encode("ascii"),
        method="POST",
        headers={
            "Content-Type": "application/x-www-form-urlencoded",
            "User-Agent": f"newsroom/{__version__} (WebSub publisher)",
        },
    )
    try:
        with urllib.request.urlopen(request, timeout=timeout or TIMEOUT_SECONDS) as response:
            status = int(response.status)
    except urllib.error.HTTPError as exc:
        return f"HTTP {exc.code} {exc.reason}".strip()
    except urllib.error.URLError as exc:
        if isinstance(exc.reason, TimeoutError):
            return f"no answer within {timeout or TIMEOUT_SECONDS:g} s"
        return f"cannot reach it: {exc.reason}"
    except TimeoutError:
        return f"no answer within {timeout or TIMEOUT_SECONDS:g} s"
    except (OSError, ValueError) as exc:
        return f"cannot reach it: {exc}"
    return "" if 200 <= status < 300 else f"HTTP {status}"
