"""Who is acting, and whether two names are one person.

With a `[people]` table in newsroom.toml, the acting person is the operating-system login
mapped through it: on a shared server each editor logs in as themselves. `--as NAME` (or
NEWSROOM_USER) is honoured only for a person allowed to act for others (tests, an admin),
and for a system identity (cron) doing its own job, publishing; history then records both
(`by` the person named, `via` the login). Without `[people]`, identities are free text as
given (`--as`, else NEWSROOM_USER, else the login name; never git's user.name, a setting of
the machine, not of the office). Either way four eyes compares people, not spellings:
`Writer`, ` writer ` and `WRITER` are one person.
"""

from __future__ import annotations

import getpass
import os
from typing import NamedTuple

from .config import Config, Person
from .errors import Refused

# The jobs a system identity may do, by the action that names them.
SYSTEM_JOBS = frozenset({"publish"})


class Actor(NamedTuple):
    """The person acting: `id` is what history records; `via` the login acting for them."""

    id: str
    via: str = ""
    problem: str = ""  # why this login may not act (the actions refuse with it)
    code: str = ""  # the problem's code and facts, for each face's wording
    facts: tuple[tuple[str, str], ...] = ()


def fold(name: str) -> str:
    """One spelling for comparing free-text names: spaces collapsed, case folded."""
    return " ".join(name.split()).casefold()


def person(config: Config, name: str) -> Person | None:
    """The person a key, login or name stands for (any spelling), if the table lists one."""
    wanted = fold(name)
    if not wanted:
        return None
    for candidate in config.people:
        spellings = {candidate.key, candidate.name, *candidate.logins}
        if wanted in {fold(s) for s in spellings if s != "*"}:
            return candidate
    return None


def same_person(config: Config, a: str | None, b: str | None) -> bool:
    """Whether two names in history are one person (four eyes compares people)."""
    if not a or not b:
        return False
    pa, pb = person(config, a), person(config, b)
    if pa is not None or pb is not None:
        return pa is pb
    return fold(a) == fold(b)


def display_name(config: Config, name: str) -> str:
    """How people read who acted: the person's name from [people] (`Nur Aini`), else the
    name as history recorded it. Never their e-mail address: that stays in the config."""
    found = person(config, name)
    return found.name if found is not None and found.name else name


def byline(config: Config, author: str) -> str:
    """A release's author as people read it: the person's name from [people] with the
    initials the sign-off uses (`Aldi (Humas) (ald)`), else the initials as written."""
    found = person(config, author) if author.strip() else None
    if found is None:  # `author:` holds the sign-off's initials (`red` for `redaktur`)
        wanted = fold(author)
        found = next((p for p in config.people if p.initials and fold(p.initials) == wanted),
                     None)  # fmt: skip
    name = found.name if found is not None and found.name else ""
    return f"{name} ({author})" if name and name != author else author


def initials_of(config: Config, name: str) -> str:
    """A person's initials for the sign-off `(ald/HUMAS ...)`, else the name as written."""
    found = person(config, name)
    return (found.initials or found.key) if found is not None else name.strip()


def login_name() -> str:
    """The operating-system login (LOGNAME/USER first, as getpass reads them)."""
    try:
        return getpass.getuser()
    except Exception:  # no login name in some containers
        return "unknown"


def resolve(config: Config, explicit: str | None = None, job: str = "") -> Actor:
    """The acting person for this process; `job` is the action it is about to do, if known
    (a system identity may act only through its job)."""
    requested = (explicit or os.environ.get("NEWSROOM_USER") or "").strip()
    if not config.people:
        # never git's user.name: the machine's setting (a server admin's name) would sign
        # releases and stand in their history
        return Actor(requested or login_name())
    login = login_name()
    me = _person_of_login(config, login)
    if not requested:
        if me is None:
            return Actor(
                login, problem=_stranger(login), code="stranger", facts=(("login", login),)
            )
        return Actor(me.key)
    target = person(config, requested)
    if target is None:
        return Actor(
            requested,
            problem=f"{requested!r} is not in [people] of newsroom.toml (an admin adds "
            f"[people.{requested}] with a name and initials)",
            code="unknown_person",
            facts=(("name", requested),),
        )
    if me is not None and target is me:
        return Actor(me.key)
    via = me.key if me is not None and "*" not in me.logins else login
    if me is not None and me.act_for_others:
        return Actor(target.key, via=via)
    if target.system and (not job or job in SYSTEM_JOBS):
        return Actor(target.key, via=via)
    return Actor(
        target.key,
        via=via,
        problem=(
            f"{via} may not act as {target.key} (only a person with act_for_others = true "
            "in [people] may use --as or NEWSROOM_USER)"
        ),
        code="not_for_others",
        facts=(("via", via), ("name", target.key)),
    )


def require(actor: Actor, action: str) -> None:
    """Refuse an action for an actor who may not act (see `resolve`); system identities
    (cron) may only publish."""
    if actor.problem:
        raise Refused(
            f"{action.replace('_', ' ')} refused: {actor.problem}",
            code="refused",
            action=action,
            reason=actor.code,
            args=dict(actor.facts),
        )


def refuse_system(config: Config, actor: Actor, action: str) -> None:
    """A system identity acts only through its job: it never writes, reviews or approves."""
    found = person(config, actor.id)
    if found is not None and found.system and action not in SYSTEM_JOBS:
        raise Refused(
            f"{action.replace('_', ' ')} refused: {found.key} is a system identity "
            "(it only publishes); act as yourself",
            code="refused",
            action=action,
            reason="system",
            args={"actor": found.key},
        )


def _person_of_login(config: Config, login: str) -> Person | None:
    folded = fold(login)
    for candidate in config.people:
        if folded in {fold(s) for s in (candidate.key, *candidate.logins)}:
            return candidate
    return next((p for p in config.people if "*" in p.logins), None)


def _stranger(login: str) -> str:
    return (
        f"your login {login!r} is not in [people] of newsroom.toml "
        f"(an admin adds [people.{login}] with your name and initials)"
    )
