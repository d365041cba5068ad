"""The workflow table and its rules: four eyes, checks, notes, corrections, retractions."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

import pytest

from newsroom.core.errors import Refused
from newsroom.core.model import Image
from newsroom.core.service import NewArticle, Newsroom
from newsroom.core.workflow import TABLE, allowed_actions, apply

from .conftest import NOW

FULL = NewArticle(
    title="Rilis Lengkap",
    body="Isi siaran pers.",
    dateline="JAKARTA",
    summary="Ringkas.",
    categories=["Pemilu"],
    author="ald",
    credit="HUMAS",
)


def submitted(as_user: Callable[..., Newsroom], fields: NewArticle = FULL) -> str:
    newsroom = as_user("ald")
    article = newsroom.create(fields)
    newsroom.act(article.id, "submit")
    return article.id


def test_the_author_cannot_approve_their_own_text(as_user: Callable[..., Newsroom]) -> None:
    ref = submitted(as_user)
    with pytest.raises(Refused, match="changed the text last: someone else must approve"):
        as_user("ald").act(ref, "approve")
    outcome = as_user("nur").act(ref, "approve")
    assert outcome.article.status == "approved"
    assert [h.action for h in outcome.article.history] == ["create", "submit", "approve"]
    assert outcome.article.history[-1].by == "nur"


def test_an_edit_in_review_makes_the_editor_unable_to_approve(
    as_user: Callable[..., Newsroom],
) -> None:
    ref = submitted(as_user)
    reviewer = as_user("nur")
    article = reviewer.find(ref)
    article.body = "Isi yang diperbaiki redaktur."
    reviewer.save_edit(article)
    with pytest.raises(Refused, match="someone else"):
        reviewer.act(ref, "approve")
    assert as_user("ald").act(ref, "approve").article.status == "approved"


def test_four_eyes_can_be_relaxed_for_a_one_person_office(as_user: Callable[..., Newsroom]) -> None:
    ref = submitted(as_user)
    newsroom = as_user("ald")
    newsroom.config = type(newsroom.config)(**{**vars(newsroom.config), "four_eyes": False})
    assert newsroom.act(ref, "approve").article.status == "approved"


def test_required_checks_block_submit_and_approval_and_recommended_ones_warn(
    as_user: Callable[..., Newsroom],
) -> None:
    """Submit and approve run one checklist: a required failure refuses both, with the list
    and where to fix each; a recommended one only warns."""
    fields = NewArticle(
        title="Rilis TODO",
        body="Isi.",
        dateline="JAKARTA",
        author="ald",
        credit="HUMAS",
        image=Image(src="/a.jpg", caption="Foto"),
    )
    ald = as_user("ald")
    ref = ald.create(fields).id
    with pytest.raises(Refused) as caught:
        ald.act(ref, "submit")
    assert "placeholder 'TODO'" in str(caught.value)
    assert "photo has no credit" in str(caught.value)
    assert "set title in the editor or `newsroom edit" in str(caught.value)
    assert [c.field for c in caught.value.facts["checks"] if c.blocks] == ["photo_credit", "title"]  # type: ignore[attr-defined]
    article = ald.find(ref)
    article.title, article.image = "Rilis", Image(src="/a.jpg", caption="Foto", credit="Humas")
    ald.save_edit(article)
    assert "no summary (recommended)" in ald.act(ref, "submit").warnings
    article = ald.find(ref)  # changed again while in review: approving runs the checks too
    article.body = "Isi. TODO angka"
    ald.save_edit(article)
    with pytest.raises(Refused, match="placeholder 'TODO' in the body"):
        as_user("nur").act(ref, "approve")
    article = ald.find(ref)
    article.body = "Isi."
    ald.save_edit(article)
    outcome = as_user("nur").act(ref, "approve")
    assert "no summary (recommended)" in outcome.warnings
    assert "no category (recommended)" in outcome.warnings


def test_embargo_in_the_past_blocks_approval(as_user: Callable[..., Newsroom]) -> None:
    ref = submitted(as_user)
    with pytest.raises(Refused, match="already past"):
        as_user("nur").act(ref, "approve", embargo=NOW - dt.timedelta(hours=1))
    future = NOW + dt.timedelta(days=1)
    article = as_user("nur").act(ref, "approve", embargo=future).article
    assert article.embargo == future


def test_request_changes_needs_a_note(as_user: Callable[..., Newsroom]) -> None:
    ref = submitted(as_user)
    with pytest.raises(Refused, match="needs a note"):
        as_user("nur").act(ref, "request_changes")
    article = as_user("nur").act(ref, "request_changes", note="Judul kurang jelas").article
    assert article.status == "changes_requested"
    assert article.history[-1].note == "Judul kurang jelas"


def test_comment_keeps_the_status_and_adds_no_transition(as_user: Callable[..., Newsroom]) -> None:
    ref = submitted(as_user)
    article = as_user("nur").act(ref, "comment", note="Bagus").article
    assert article.status == "in_review"
    assert article.comments[-1].text == "Bagus"
    assert article.history[-1].action == "submit"


def published(as_user: Callable[..., Newsroom]) -> str:
    ref = submitted(as_user)
    as_user("nur").act(ref, "approve")
    newsroom = as_user("cron")
    article = newsroom.find(ref)
    apply(article, "publish", "cron", newsroom.config, newsroom.now(), as_publisher=True)
    newsroom.store.save(article)
    return ref


def test_a_correction_is_numbered_and_needs_a_second_person(
    as_user: Callable[..., Newsroom],
) -> None:
    ref = published(as_user)
    newsroom = as_user("ald")
    article = newsroom.act(ref, "correct", note="Nama narasumber salah eja").article
    assert article.status == "correcting"
    assert article.published_version is not None
    assert article.published_version["body"] == "Isi siaran pers.\n"
    article.body = "Isi yang dikoreksi."
    newsroom.save_edit(article)
    newsroom.act(ref, "submit")
    with pytest.raises(Refused, match="someone else"):
        newsroom.act(ref, "approve")
    as_user("nur").act(ref, "approve")
    cron = as_user("cron")
    article = cron.find(ref)
    apply(article, "publish", "cron", cron.config, cron.now(), as_publisher=True)
    assert article.corrections[0].number == 1
    assert article.corrections[0].note == "Nama narasumber salah eja"
    assert article.published_version is None


def test_retract_needs_a_reason_and_publish_is_not_for_people(
    as_user: Callable[..., Newsroom],
) -> None:
    ref = published(as_user)
    with pytest.raises(Refused, match="needs a reason"):
        as_user("ald").act(ref, "retract")
    article = as_user("ald").act(ref, "retract", note="Data belum final").article
    assert article.status == "retracted"
    assert article.retraction is not None and article.retraction.note == "Data belum final"


def test_allowed_actions_explains_every_refusal(as_user: Callable[..., Newsroom]) -> None:
    ref = submitted(as_user)
    newsroom = as_user("ald")
    decisions = allowed_actions(newsroom.find(ref), "ald", newsroom.config, newsroom.now())
    assert decisions["comment"].allowed and decisions["request_changes"].allowed
    assert not decisions["approve"].allowed
    assert "cannot publish a release that is in_review" in decisions["publish"].reason
    assert "cannot submit a release that is in_review" in decisions["submit"].reason


def test_publishing_is_left_to_the_publish_command(as_user: Callable[..., Newsroom]) -> None:
    ref = submitted(as_user)
    as_user("nur").act(ref, "approve")
    with pytest.raises(Refused, match="newsroom publish"):
        as_user("nur").act(ref, "publish")


def test_the_table_covers_every_status() -> None:
    states = {rule.state for rule in TABLE}
    assert {
        "draft",
        "in_review",
        "changes_requested",
        "approved",
        "published",
        "retracted",
        "correcting",
    } <= states


def test_a_release_sent_back_is_submitted_again_by_anyone_and_four_eyes_follows_the_text(
    as_user: Callable[..., Newsroom],
) -> None:
    """What README and docs/workflow.md say of a release sent back: anyone submits it again
    (here the reviewer who sent it back), with the checklist; submitting changes no text,
    so that reviewer may still approve it; one who edits it first may not."""
    ref = submitted(as_user)
    nur = as_user("nur")
    nur.act(ref, "request_changes", note="Judul terlalu umum")
    assert nur.decide(nur.find(ref), "submit").checks  # the checklist, as the first time
    nur.act(ref, "submit")
    assert nur.decide(nur.find(ref), "approve").allowed
    nur.act(ref, "request_changes", note="Sekali lagi")
    rin = as_user("rin")
    article = rin.find(ref)
    article.body += "\n\nTambahan."
    rin.save_edit(article)
    rin.act(ref, "submit")
    assert not rin.decide(rin.find(ref), "approve").allowed  # rin changed the text last
    assert nur.decide(nur.find(ref), "approve").allowed
