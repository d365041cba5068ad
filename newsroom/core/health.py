"""`newsroom status`: how publishing stands, for a person and for the desk's banner.

Nothing may fail silently: the last successful publish, how many runs in a row failed (or,
when the last one only refused releases, what it published and refused),
releases due but held back and why, releases waiting for their embargo, broken files.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

from .config import Config
from .errors import Facts, Problem, Said
from .mail.sendlog import mail_waiting
from .publish.state import read_state
from .records import Record


@dataclass
class Held:
    """A release publish will not put out now, and why (`code`: for each face's wording)."""

    id: str
    title: str
    path: str
    code: str
    reason: str
    until: dt.datetime | None = None  # embargoed: when it lifts
    facts: Facts = ()  # what the code's wording names (who, when)


@dataclass
class Health:
    """What `newsroom status` reports."""

    last_success: dt.datetime | None
    last_run: dt.datetime | None
    failures: int
    held: list[Held] = field(default_factory=list)  # refused by the checks: needs a person
    waiting: list[Held] = field(default_factory=list)  # embargoed, lifting later
    # broken files, and the last run's failures: those kept with their code and facts are
    # errors.Said (each face words them in the person's language: explain.failure_text)
    broken: list[str] = field(default_factory=list)
    published: int = 0  # what the last run published
    # the last run was not signed though the newsroom signs (why, a code): partners cannot
    # check SHA256SUMS until a run with the key
    unsigned: str = ""
    refused: int = 0  # what the last run refused, when that was all that went wrong in it
    # messages to the [[lists]] that wait after an error (a server out of reach, not trusted,
    # a login refused): mail is not publishing, so publishing stays healthy; each face says it
    mail_waiting: int = 0
    # whether the newsroom signs what it publishes (it has newsroom.pub): one that does not
    # is healthy, and its status says partners cannot check its files (`keys init`)
    signs: bool = True

    @property
    def healthy(self) -> bool:
        return not self.failures and not self.held and not self.broken and not self.unsigned

    @property
    def partial(self) -> bool:
        """The last run did its work and only refused releases (named in `held`): a run
        that published others is no failed run, and says so."""
        return bool(self.failures and self.refused)

    def to_json(self) -> dict[str, Any]:
        def iso(when: dt.datetime | None) -> str | None:
            return when.isoformat() if when else None

        def item(h: Held) -> dict[str, Any]:
            return {**vars(h), "until": iso(h.until)}

        return {
            "healthy": self.healthy,
            "last_success": iso(self.last_success),
            "last_run": iso(self.last_run),
            "failures": self.failures,
            "held": [item(h) for h in self.held],
            "waiting": [item(h) for h in self.waiting],
            "broken": self.broken,
            "last_run_published": self.published,
            "last_run_refused": self.refused,
            "unsigned": self.unsigned or None,
            "mail_waiting": self.mail_waiting,
            "signs": self.signs,
        }


def publish_status(
    config: Config, records: Iterable[Record], problems: Iterable[Problem], now: dt.datetime
) -> Health:
    """The state of publishing now, from the last run's state and the index's records and
    broken files (the CLI's `newsroom status`, the desk's banner)."""
    state = read_state(config)
    status = Health(_time(state.get("last_success")), _time(state.get("last_run")),
                    int(state.get("failures", 0)))  # fmt: skip
    for r in sorted(records, key=lambda r: r.path):
        if r.problem is not None:
            code, reason, facts = r.problem
            status.held.append(Held(r.id, r.title, r.path, code, reason, facts=facts))
        elif r.embargo_ahead(now):
            status.waiting.append(Held(r.id, r.title, r.path, "embargo", "", r.embargo))
    named = {h.id for h in status.held}
    status.mail_waiting = mail_waiting(config)
    status.published = int(state.get("published", 0))
    signatures = state.get("outputs", {}).get("signatures", {})
    status.unsigned = str(signatures.get("unsigned", "")) if isinstance(signatures, dict) else ""
    from .signing.keys import signs

    status.signs = signs(config)
    if not state.get("failed_because"):
        status.refused = len(state.get("refused", []))
    for refused in state.get("refused", []):  # what the last run refused for other reasons
        try:
            ident, title, path, code, reason = (str(v) for v in refused[:5])
            said = refused[5] if len(refused) > 5 and isinstance(refused[5], dict) else {}
            facts = tuple((str(k), str(v)) for k, v in said.items())  # (a run before facts:
        except (TypeError, ValueError):  # none)
            continue
        if ident not in named:
            named.add(ident)
            status.held.append(Held(ident, title, path, code, reason, facts=facts))
    status.broken = [_said(p) for p in problems]
    because = state.get("failed_because", []) if state.get("failed") else []
    said = state.get("failed_said", {}) if because else {}
    said = said if isinstance(said, dict) else {}
    for why in because:
        if str(why) in status.broken:
            continue
        kept = said.get(str(why))
        if isinstance(kept, list) and len(kept) == 2 and isinstance(kept[1], dict) and kept[0]:
            code, kept_facts = str(kept[0]), kept[1]
            status.broken.append(Said.of(str(why), code, kept_facts))
        else:
            status.broken.append(str(why))
    return status


def _said(problem: Problem) -> str:
    """A file that cannot be read, as a line with its code and facts when it has them (the
    faces word it: `problem.<code>`, a seal's `seal.<code>`)."""
    if not problem.code:
        return str(problem)
    where = f"{problem.path}:{problem.line}" if problem.line else str(problem.path)
    return Said.of(str(problem), problem.code, {**dict(problem.facts), "path": where})


def _time(text: Any) -> dt.datetime | None:
    try:
        return dt.datetime.fromisoformat(text) if isinstance(text, str) else None
    except ValueError:
        return None
