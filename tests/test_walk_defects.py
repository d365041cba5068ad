"""Defects a new user met on a first walk through the newsroom, each kept fixed.

A body pasted with its own dateline, a correction that changes nothing, what the
checklist must catch before approval (a missing attachment file, a number another release
has, a klarifikasi denying one of the office's own numbers)...
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from pathlib import Path

import pytest
from click.testing import CliRunner

from newsroom.cli import cli
from newsroom.core.errors import Refused
from newsroom.core.service import NewArticle, Newsroom

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


def made(as_user: Callable[..., Newsroom], fields: NewArticle = FULL) -> str:
    return as_user("ald").create(fields).id


def publish(root: Path, when: dt.datetime = NOW) -> None:
    result = Newsroom.open(root, "cron").publish(now=when)
    assert not result.refused, result.refused


def published(as_user: Callable[..., Newsroom], root: Path, fields: NewArticle = FULL) -> str:
    ref = made(as_user, fields)
    as_user("ald").act(ref, "submit")
    as_user("nur").act(ref, "approve")
    publish(root)
    return ref


# 1. A body that starts with its dateline -------------------------------------------------


@pytest.mark.parametrize(
    "body",
    [
        "JAKARTA – Pemerintah mengumumkan kebijakan baru.",
        "JAKARTA, 7/12/2018 - Pemerintah mengumumkan kebijakan baru.",
        "**JAKARTA** — Pemerintah mengumumkan kebijakan baru.",
        "Jakarta – Pemerintah mengumumkan kebijakan baru.",
    ],
)
def test_a_text_opening_with_its_dateline_is_refused_before_approval(
    as_user: Callable[..., Newsroom], body: str
) -> None:
    fields = NewArticle(**{**vars(FULL), "body": body, "dateline": "Jakarta"})
    ref = made(as_user, fields)
    with pytest.raises(Refused, match="the text opens with the dateline") as refused:
        as_user("ald").act(ref, "submit")
    assert "partners would read it twice" in str(refused.value)
    assert as_user("ald").find(ref).status == "draft"


def test_a_text_naming_a_city_later_passes_and_check_warns_about_a_draft(
    as_user: Callable[..., Newsroom], root: Path
) -> None:
    fine = NewArticle(**{**vars(FULL), "body": "Di JAKARTA – kata menteri – kebijakan berlaku."})
    ref = made(as_user, fine)
    as_user("ald").act(ref, "submit")  # not refused
    doubled = NewArticle(**{**vars(FULL), "title": "Dua Kota", "body": "JAKARTA – Isi."})
    made(as_user, doubled)
    env = {"NEWSROOM_LANG": "id", "COLUMNS": "200"}
    done = CliRunner().invoke(cli, ["--root", str(root), "--as", "ald", "check"], env=env)
    assert "dua-kota.md: peringatan: isi diawali kota JAKARTA –" in done.output


# 2. A correction that changes nothing ----------------------------------------------------


def test_a_correction_that_changes_nothing_is_refused_at_submit(
    as_user: Callable[..., Newsroom], root: Path
) -> None:
    fields = NewArticle(**{**vars(FULL), "tags": ["anggaran"], "embargo": None})
    ref = published(as_user, root, fields)
    ald = as_user("ald")
    ald.act(ref, "correct", note="Tidak ada")
    with pytest.raises(Refused, match="the correction changes nothing partners see"):
        ald.act(ref, "submit")
    article = ald.find(ref)  # read back from its file: the kept version came through YAML
    assert article.status == "correcting"
    article.body = "Isi siaran pers, diperbaiki."
    ald.save_edit(article)
    ald.act(ref, "submit")
    assert as_user("nur").act(ref, "approve").article.status == "approved"


def test_an_empty_correction_approved_by_hand_is_refused_at_approval(
    as_user: Callable[..., Newsroom], root: Path
) -> None:
    """A correction whose only change was undone after submitting."""
    ref = published(as_user, root)
    ald = as_user("ald")
    ald.act(ref, "correct", note="Salah ketik")
    article = ald.find(ref)
    article.body = "Isi siaran pers, diperbaiki."
    ald.save_edit(article)
    ald.act(ref, "submit")
    article = ald.find(ref)
    article.body = "Isi siaran pers.\n"
    ald.save_edit(article)
    with pytest.raises(Refused, match="empty RALAT"):
        as_user("nur").act(ref, "approve")
