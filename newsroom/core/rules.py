"""The workflow's table: (state, action, next state, who may), one row per move.

workflow.py decides and applies actions with it; seal.py replays a history through it.
See docs/workflow.md, which shows the same table.
"""

from __future__ import annotations

from dataclasses import dataclass

from .config import Config
from .identity import same_person
from .model import Article

ANYONE, REVIEWER, PUBLISHER = "anyone", "reviewer", "publisher"


@dataclass(frozen=True)
class Rule:
    """A row of the workflow table. `needs` is the text a person must give ("note", "reason")."""

    state: str
    action: str
    next: str
    who: str = ANYONE
    needs: str = ""
    live_only: bool = False


EDITABLE = ("draft", "changes_requested", "in_review", "correcting")

TABLE: tuple[Rule, ...] = (
    Rule("draft", "submit", "in_review"),
    Rule("changes_requested", "submit", "in_review"),
    Rule("correcting", "submit", "in_review"),
    Rule("in_review", "approve", "approved", REVIEWER),
    # Approving again seals the text anew (one approved before approvals were sealed).
    Rule("approved", "approve", "approved", REVIEWER),
    # Moving the embargo of an approved release (a ministry asks to delay) is a reviewer's act.
    Rule("approved", "embargo", "approved", REVIEWER),
    Rule("in_review", "request_changes", "changes_requested", needs="note"),
    Rule("approved", "request_changes", "changes_requested", needs="note"),
    Rule("approved", "publish", "published", PUBLISHER),
    Rule("published", "correct", "correcting", needs="note"),
    Rule("published", "retract", "retracted", needs="reason"),
    *(
        Rule(s, "retract", "retracted", needs="reason", live_only=True)
        for s in ("correcting", "in_review", "changes_requested", "approved")
    ),
    *(Rule(s, "edit", s) for s in EDITABLE),
    *(
        Rule(s, "comment", s, needs="note")
        for s in (
            "draft",
            "in_review",
            "changes_requested",
            "approved",
            "published",
            "correcting",
            "retracted",
        )
    ),
)

ACTIONS = ("edit", "submit", "approve", "embargo", "request_changes", "comment", "correct",
           "retract", "publish")  # fmt: skip
# Entries the table does not move: `adopt` seals what was published before seals existed.
STILL = frozenset({"edit", "adopt"})


def moves(state: str | None, action: str) -> set[str]:
    """The states an action may lead to from `state` (for checking a history by replay)."""
    if action in STILL and state is not None:
        return {state}
    return {rule.next for rule in TABLE if rule.state == state and rule.action == action}


def rule_for(article: Article, action: str) -> Rule | None:
    """The table row for this action in the release's state, if there is one."""
    for rule in TABLE:
        if rule.state == article.status and rule.action == action:
            if rule.live_only and not article.is_live:
                continue
            return rule
    return None


def may_review(config: Config, last_editor: str | None, actor: str) -> bool:
    """Four eyes: whether `actor` may approve a text that `last_editor` changed last (always,
    in an office that turned four eyes off)."""
    return not (config.four_eyes and same_person(config, last_editor, actor))
