"""Sealed approvals: what a reviewer approved, and what publish put out, as a digest.

An approval records a digest of exactly the content partners will see (`SEALED`: title,
summary, body, dateline, photo, categories, embargo, ...), never of what publish itself
sets (the publication time). Publish puts a release out only when that digest still
matches and the history shows a second person approved it; each publication records the
digest of what went out, so the text partners saw cannot be rewritten quietly either.

What this stops and what it does not (docs/workflow.md): a digest in the file stops edits
that skip the workflow (by hand, by a script, by a bad merge); someone who recomputes it
is caught by the record publish keeps of what it put out (ledger.py), not by this module.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
from typing import Any, NamedTuple

from .clock import format_time
from .config import Config
from .errors import Facts
from .identity import display_name
from .model import Article, HistoryEntry, Status
from .rules import may_review, moves
from .view import SEALED as SEALED
from .view import partner_text, sealed_form

APPROVALS = frozenset({"approve", "embargo"})  # entries that seal what will go out
# Problems with an approval only: a published release keeps its live version in the feeds.
APPROVAL_PROBLEMS = frozenset({"unapproved", "unsealed", "changed", "four_eyes"})
# Problems of the live text only (changed outside the workflow; `ledger_text`: with its seal
# recomputed, ledger.py): partners keep the version publish put out, as the file last read
# with it (index.Broken), until the file is restored; the changed text never goes out.
LIVE_TEXT_PROBLEMS = frozenset({"live_changed", "ledger_text"})
PUBLICATIONS = frozenset({"publish", "adopt"})  # entries that seal what went out
# Fields a person may not change by editing the file: the workflow's actions own them.
OWNED = {
    "status": "the workflow's actions (submit, approve, request-changes, correct, retract)",
    "history": "nothing: the workflow appends to it",
    "published": "`newsroom publish`",
    "published_version": "`newsroom correct` (it keeps what partners see)",
    "corrections": "`newsroom publish`, when it puts out an approved correction",
    "comments": "`newsroom comment`",
}


class SealProblem(NamedTuple):
    """Why a release may not go out: a code (for each face's wording: `seal.<code>` in the
    catalog), its English message (logs, scripts) and the facts the wording names."""

    code: str
    message: str  # in English, for the CLI and logs
    facts: Facts = ()


def problem(code: str, message: str, **facts: object) -> SealProblem:
    """A SealProblem with its facts as strings."""
    return SealProblem(code, message, tuple((k, str(v)) for k, v in facts.items()))


def content_of(article: Article) -> dict[str, Any]:
    """What an approval seals: the partner-visible content as its fields stand now."""
    return sealed_form(partner_text(article, live=False))


def live_content(article: Article) -> dict[str, Any]:
    """What a publication seals: what partners see now (view.py)."""
    return sealed_form(partner_text(article))


def digest(content: dict[str, Any]) -> str:
    """`sha256:` and the hash of the content's canonical JSON (sorted keys, UTF-8)."""
    text = json.dumps(content, sort_keys=True, ensure_ascii=False, separators=(",", ":"))
    return "sha256:" + hashlib.sha256(text.encode("utf-8")).hexdigest()


def _when(moment: dt.datetime, config: Config) -> str:
    return format_time(moment, config.tz, config.timezone)


# ---------------------------------------------------------------- checking a file


def check(article: Article, config: Config) -> SealProblem | None:
    """Whether the file shows a release publish may put out (or keep out) as it is: its
    history leads to its status through the workflow, an approved text is the text that
    was approved by a second person, and the live text is the one last published."""
    history = _since_import(article.history)
    return (  # the live text first: an approval's problem keeps only the new version out
        _replay(history, article.status)
        or _check_live(article, history, config)
        or _check_approval(article, history, config)
    )


def approval_stands(article: Article, config: Config) -> bool:
    """Whether an approved release's approval holds as recorded: sealed, the text unchanged
    since, by a second person. Approving it again would change nothing (rules.Rule.renews)."""
    return _check_approval(article, _since_import(article.history), config) is None


def _since_import(history: list[HistoryEntry]) -> list[HistoryEntry]:
    """The history since the release entered this newsroom (an import starts it over)."""
    starts = [i for i, h in enumerate(history) if h.action in ("create", "import")]
    return history[starts[-1] :] if starts else history


def _replay(history: list[HistoryEntry], status: str) -> SealProblem | None:
    """Walk the history through the workflow's table: every move starts where the last
    ended, takes a path the table has, and the last one ends at the file's status."""

    state: str | None = None
    for number, h in enumerate(history, 1):
        if h.action in ("create", "import"):
            state = h.to or Status.DRAFT
            continue
        if h.from_ != state and not (h.from_ is None and h.to is None):
            return problem(
                "history", f"history entry {number} ({h.action}) starts from {h.from_} "
                f"but the release was {state}: the history was changed by hand",
                number=number, action=h.action,
            )  # fmt: skip
        if h.to is not None and h.to not in moves(state, h.action):
            return problem(
                "history", f"history entry {number}: {h.action} cannot move a release "
                f"from {state} to {h.to}: the history was changed by hand",
                number=number, action=h.action,
            )  # fmt: skip
        state = h.to or state
    if history and state != status:
        return problem(
            "status", f"the status says {status} but the history ends at {state}: the status "
            f"was changed by hand (put back `status: {state}`, then use the workflow's actions)",
            status=status, state=state,
        )  # fmt: skip
    if not history and status != Status.DRAFT:
        return problem("status", f"the status says {status} but there is no history",
                       status=status, state=Status.DRAFT)  # fmt: skip
    return None


def _last(history: list[HistoryEntry], actions: frozenset[str]) -> HistoryEntry | None:
    return next((h for h in reversed(history) if h.action in actions), None)


def _check_approval(
    article: Article, history: list[HistoryEntry], config: Config
) -> SealProblem | None:
    if article.status != Status.APPROVED:
        return None
    approval = _last(history, APPROVALS)
    if approval is None:
        return SealProblem("unapproved", "approved, but no approval in the history")
    if not approval.seal:
        return SealProblem("unsealed", "approved before approvals were sealed: approve it again")
    if approval.seal != digest(content_of(article)):
        when, ref = _when(approval.at, config), article.id[:8]
        who = display_name(config, approval.by)  # as [people] names them, not their login
        return problem(
            "changed", f"the text differs from what {who} approved ({when}): undo "
            f"the change, or have a second person read it and approve it again (`newsroom "
            f"approve {ref}`)", who=who, when=when, ref=ref,
        )  # fmt: skip
    approvers = [h.by for h in history if h.action in APPROVALS and h.at >= _submitted(history)]
    editor = article.last_editor
    if not all(may_review(config, editor, who) for who in approvers):
        who = display_name(config, editor) if editor else str(editor)
        return problem(
            "four_eyes", f"approved by {who}, who changed the text last: a second "
            "person must approve it", who=who,
        )  # fmt: skip
    return None


def _submitted(history: list[HistoryEntry]) -> dt.datetime:
    """When the text under review was last submitted (approvals before it do not count)."""
    last = _last(history, frozenset({"submit"}))
    return last.at if last is not None else dt.datetime.min.replace(tzinfo=dt.UTC)


def _check_live(
    article: Article, history: list[HistoryEntry], config: Config
) -> SealProblem | None:
    published = _last(history, PUBLICATIONS)
    if article.published_version is not None and published is None:
        return SealProblem(
            "never_published", "has a published_version but was never published: remove "
            "`published_version` (only `newsroom correct` sets it)",
        )  # fmt: skip
    if published is None:
        if article.status in (Status.PUBLISHED, Status.RETRACTED) or article.published is not None:
            return SealProblem("unpublished", "marked published, but publish never put it out")
        return None
    if not published.seal:
        return SealProblem(
            "legacy", "published before publications were sealed: run `newsroom adopt` once "
            "to seal what is published now",
        )  # fmt: skip
    if digest(live_content(article)) != published.seal:
        when = _when(published.at, config)
        return problem(
            "live_changed", f"the published text differs from what publish put out ({when}): "
            "restore the file from git (a change to a published release goes through "
            "`newsroom correct`)", when=when,
        )  # fmt: skip
    return _check_versions(article, history, published)


def _check_versions(
    article: Article, history: list[HistoryEntry], published: HistoryEntry
) -> SealProblem | None:
    version = published.version or 1
    numbers = [c.number for c in article.corrections]
    if numbers != list(range(1, version)):
        return problem(
            "corrections", f"version {version} is out, so it has {version - 1} correction "
            f"notice(s), but the file has {len(numbers)}: a notice was added or removed by hand "
            "(restore the file from git)", version=version, due=version - 1, found=len(numbers),
        )  # fmt: skip
    at = next(i for i, h in enumerate(history) if h.action in PUBLICATIONS)
    first = history[at]
    approvals = [h.at for h in history[:at] if h.action in APPROVALS]  # in the history's order
    floor = approvals[-1] if approvals and first.action == "publish" else None
    if floor is not None and article.embargo is not None:
        floor = min(floor, article.embargo)  # out at its lift, set before the approval
    when = article.published
    if floor is not None and first.at < floor:
        return SealProblem(
            "published_time", "the history says it was published before it was approved "
            "(a publish run with its clock set back, or a hand edit): restore the file from git",
        )  # fmt: skip
    if when is None or when > first.at or (floor is not None and when < floor):
        return SealProblem(
            "published_time", "the publication time does not match the history "
            "(it was changed by hand): restore the file from git",
        )  # fmt: skip
    return None
