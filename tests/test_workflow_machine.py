"""Hypothesis drives random actions by random people and checks the workflow's promises."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from hypothesis import settings
from hypothesis import strategies as st
from hypothesis.stateful import RuleBasedStateMachine, initialize, invariant, rule

from newsroom.core.config import Config
from newsroom.core.errors import Refused
from newsroom.core.model import Article, HistoryEntry
from newsroom.core.workflow import ACTIONS, apply, record_edit

WIB = dt.timezone(dt.timedelta(hours=7))
PEOPLE = st.sampled_from(["ald", "nur", "rin"])


class Workflow(RuleBasedStateMachine):
    """One release, many hands: no path reaches `published` without a proper approval."""

    @initialize()
    def start(self) -> None:
        self.config = Config(root=Path("/nowhere"))
        self.now = dt.datetime(2026, 11, 27, 9, tzinfo=WIB)
        self.article = Article(
            id="x",
            title="Rilis",
            slug="rilis",
            dateline="JAKARTA",
            author="ald",
            credit="HUMAS",
            body="Isi.\n",
            summary="S",
            categories=["Pemilu"],
        )
        self.article.history.append(HistoryEntry(self.now, "ald", "create", None, "draft"))
        self.transitions = 0

    @rule(
        action=st.sampled_from(ACTIONS),
        actor=PEOPLE,
        note=st.sampled_from(["", "alasan"]),
        as_publisher=st.booleans(),
    )
    def act(self, action: str, actor: str, note: str, as_publisher: bool) -> None:
        self.now += dt.timedelta(minutes=5)
        before = self.article.status
        try:
            apply(
                self.article,
                action,
                actor,
                self.config,
                self.now,
                note=note,
                as_publisher=as_publisher and action == "publish",
            )
        except Refused:
            assert self.article.status == before
            return
        if action != "comment":
            self.transitions += 1
            last = self.article.history[-1]
            assert (last.action, last.by, last.from_, last.to) == (
                action,
                actor,
                before,
                self.article.status,
            )

    @rule(actor=PEOPLE)
    def edit(self, actor: str) -> None:
        self.now += dt.timedelta(minutes=5)
        try:
            record_edit(self.article, actor, self.config, self.now)
        except Refused:
            return
        self.article.body += "lagi.\n"
        self.transitions += 1

    @invariant()
    def history_records_every_transition(self) -> None:
        if hasattr(self, "article"):
            assert len(self.article.history) == self.transitions + 1

    @invariant()
    def published_only_after_approval_by_someone_else(self) -> None:
        if not hasattr(self, "article"):
            return
        history = self.article.history
        for i, entry in enumerate(history):
            if entry.action != "publish":
                continue
            approvals = [h for h in history[:i] if h.action == "approve"]
            assert approvals, "published without approval"
            approval = approvals[-1]
            j = history.index(approval)
            editors = [h.by for h in history[:j] if h.action in ("create", "edit", "correct")]
            assert editors and editors[-1] != approval.by, "approved by its last editor"
            between = history[j + 1 : i]
            assert not any(h.action in ("edit", "correct") for h in between), (
                "text changed after approval"
            )


TestWorkflow = Workflow.TestCase
TestWorkflow.settings = settings(max_examples=150, stateful_step_count=40, deadline=None)
