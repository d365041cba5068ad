"""The workflow's table: (state, action, next state, who may), one row per move.

workflow.py decides and applies actions with it; seal.py replays a history through it.
See docs/workflow.md, which shows the same table.
"""

from __future__ import annotations

from typing import NamedTuple

from .config import Config
from .identity import same_person
from .model import Article, Status

ANYONE, REVIEWER, PUBLISHER = "anyone", "reviewer", "publisher"


class Rule(NamedTuple):
    """A row of the workflow table. `needs` is the text a person must give ("note", "reason");
    `renews`: the row only renews an approval that no longer stands (seal.approval_stands)."""

    state: str
    action: str
    next: str
    who: str = ANYONE
    needs: str = ""
    live_only: bool = False
    renews: bool = False


EDITABLE = (Status.DRAFT, Status.CHANGES_REQUESTED, Status.IN_REVIEW, Status.CORRECTING)

TABLE: tuple[Rule, ...] = (
    Rule(Status.DRAFT, "submit", Status.IN_REVIEW),
    Rule(Status.CHANGES_REQUESTED, "submit", Status.IN_REVIEW),
    Rule(Status.CORRECTING, "submit", Status.IN_REVIEW),
    Rule(Status.IN_REVIEW, "approve", Status.APPROVED, REVIEWER),
    # Approving again seals the text anew, where the approval no longer stands (one approved
    # before approvals were sealed, a text changed since) or a translation's original was
    # corrected since: one that stands is not approved twice.
    Rule(Status.APPROVED, "approve", Status.APPROVED, REVIEWER, renews=True),
    # Moving the embargo of an approved release (a ministry asks to delay) is a reviewer's act.
    Rule(Status.APPROVED, "embargo", Status.APPROVED, REVIEWER),
    Rule(Status.IN_REVIEW, "request_changes", Status.CHANGES_REQUESTED, needs="note"),
    Rule(Status.APPROVED, "request_changes", Status.CHANGES_REQUESTED, needs="note"),
    Rule(Status.APPROVED, "publish", Status.PUBLISHED, PUBLISHER),
    Rule(Status.PUBLISHED, "correct", Status.CORRECTING, needs="note"),
    Rule(Status.PUBLISHED, "retract", Status.RETRACTED, needs="reason"),
    *(
        Rule(s, "retract", Status.RETRACTED, needs="reason", live_only=True)
        for s in (Status.CORRECTING, Status.IN_REVIEW, Status.CHANGES_REQUESTED, Status.APPROVED)
    ),
    # A correction not wanted after all: the published text, sealed, comes back unchanged.
    *(
        Rule(s, "cancel_correction", Status.PUBLISHED, live_only=True)
        for s in (Status.CORRECTING, Status.IN_REVIEW, Status.CHANGES_REQUESTED, Status.APPROVED)
    ),
    *(Rule(s, "edit", s) for s in EDITABLE),
    *(
        Rule(s, "comment", s, needs="note")
        for s in (
            Status.DRAFT,
            Status.IN_REVIEW,
            Status.CHANGES_REQUESTED,
            Status.APPROVED,
            Status.PUBLISHED,
            Status.CORRECTING,
            Status.RETRACTED,
        )
    ),
)

ACTIONS = ("edit", "submit", "approve", "embargo", "request_changes", "comment", "correct",
           "cancel_correction", "retract", "publish")  # fmt: skip
# A release never published may be deleted (its file goes, so no row moves it): these states.
DELETABLE = (Status.DRAFT, Status.CHANGES_REQUESTED)
EVERY_ACTION = (*ACTIONS, "delete")  # what a person may be offered on a release
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
