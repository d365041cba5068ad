"""Who is acting is a person, not a free-text claim ([people] in newsroom.toml)."""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner

from newsroom.cli import cli
from newsroom.core.clock import fixed_clock
from newsroom.core.config import load_config
from newsroom.core.errors import ConfigError, Refused
from newsroom.core.identity import resolve, same_person
from newsroom.core.service import NewArticle, Newsroom

from .feedkit import at, configure

PEOPLE = """
[people.ald]
name = "Aldi Prasetyo"
initials = "ald"
email = "aldi@example.go.id"
logins = ["ald", "aldi"]

[people.nur]
name = "Nur Aini"
initials = "nur"

[people.admin]
name = "Admin"
act_for_others = true

[people.cron]
name = "Penerbit"
system = true
"""


@pytest.fixture
def nr(root: Path) -> Path:
    configure(root, extra=PEOPLE)
    return root


@pytest.fixture
def login(monkeypatch: pytest.MonkeyPatch) -> object:
    """Set the operating-system login the process runs as (getpass reads LOGNAME first)."""

    def as_login(name: str) -> None:
        monkeypatch.setenv("LOGNAME", name)
        monkeypatch.delenv("NEWSROOM_USER", raising=False)

    return as_login


def draft(root: Path) -> str:
    writer = Newsroom.open(root, None, fixed_clock(at(0)))
    article = writer.create(
        NewArticle(
            "Judul", body="Isi.", dateline="JAKARTA", summary="R.", categories=["A"], credit="HUMAS"
        )
    )
    writer.act(article.id, "submit")
    return article.id


def test_the_login_is_the_person_and_sign_off_uses_initials(nr: Path, login: object) -> None:
    login("aldi")  # type: ignore[operator]
    newsroom = Newsroom.open(nr, None, fixed_clock(at(0)))
    assert newsroom.actor == "ald"
    ident = draft(nr)
    article = newsroom.find(ident)
    assert article.author == "ald" and article.history[0].by == "ald"


def test_as_is_refused_for_a_person_who_may_not_act_for_others(nr: Path, login: object) -> None:
    login("ald")  # type: ignore[operator]
    ident = draft(nr)
    claimed = Newsroom.open(nr, "nur", fixed_clock(at(1)))
    with pytest.raises(Refused, match="ald may not act as nur"):
        claimed.act(ident, "approve")
    done = CliRunner().invoke(cli, ["--root", str(nr), "--as", "nur", "approve", ident])
    assert done.exit_code == 1 and "may not act as nur" in done.output


def test_an_admin_acts_for_another_and_history_records_both(nr: Path, login: object) -> None:
    login("ald")  # type: ignore[operator]
    ident = draft(nr)
    login("admin")  # type: ignore[operator]
    Newsroom.open(nr, "Nur Aini", fixed_clock(at(1))).act(ident, "approve")
    entry = Newsroom.open(nr, None).find(ident).history[-1]
    assert (entry.by, entry.via, entry.action) == ("nur", "admin", "approve")


def test_four_eyes_compares_people_not_spellings(root: Path) -> None:
    configure(root)  # no [people]: free text, folded
    writer = Newsroom.open(root, "Writer", fixed_clock(at(0)))
    article = writer.create(
        NewArticle(
            "Judul", body="Isi.", dateline="JAKARTA", summary="R.", categories=["A"], credit="HUMAS"
        )
    )
    writer.act(article.id, "submit")
    for spelling in (" writer ", "WRITER", "wRiTeR"):
        with pytest.raises(Refused, match="changed the text last"):
            Newsroom.open(root, spelling, fixed_clock(at(1))).act(article.id, "approve")


def test_logins_and_names_of_one_person_are_one_person(nr: Path) -> None:
    config = load_config(nr)
    assert same_person(config, "aldi", "Aldi Prasetyo") and same_person(config, " ALD ", "ald")
    assert not same_person(config, "ald", "nur")


def test_the_system_identity_publishes_but_never_approves(nr: Path, login: object) -> None:
    login("ald")  # type: ignore[operator]
    ident = draft(nr)
    login("humas")  # type: ignore[operator]  # the server's own login, not a person
    config = load_config(nr)
    actor = resolve(config, "cron", job="publish")
    assert (actor.id, actor.via, actor.problem) == ("cron", "humas", "")
    with pytest.raises(Refused, match="system identity"):
        Newsroom.open(nr, "cron", fixed_clock(at(1))).act(ident, "approve")


def test_a_login_not_in_people_may_read_but_not_act(nr: Path, login: object) -> None:
    login("stranger")  # type: ignore[operator]
    newsroom = Newsroom.open(nr, None, fixed_clock(at(0)))
    assert newsroom.index().records == {}
    with pytest.raises(Refused, match="'stranger' is not in \\[people\\]"):
        newsroom.create(NewArticle("Judul"))


def test_people_config_errors_name_the_key(root: Path) -> None:
    configure(root, extra='[people.ald]\nlogins = ["x"]\n[people.nur]\nlogins = ["x"]\n')
    with pytest.raises(ConfigError, match=r"\[people.nur\] logins: 'x' is already ald's"):
        load_config(root)


def test_staff_email_never_reaches_a_feed(nr: Path, login: object) -> None:
    from .feedkit import feed_files, release, run

    monkey_login = login
    monkey_login("admin")  # type: ignore[operator]
    release(nr, at(0), "Rilis")
    assert run(nr, at(1)).ok
    assert b"aldi@example.go.id" not in b"".join(feed_files(nr).values())
