"""Real git for the sharing tests: a bare repository and clones of one newsroom in a
temporary folder (two offices and the publishing server), acted on through the door."""

from __future__ import annotations

import datetime as dt
import shutil
import subprocess
from dataclasses import dataclass
from pathlib import Path

import pytest

from newsroom.core.clock import fixed_clock
from newsroom.core.init import init_newsroom
from newsroom.core.service import NewArticle, Newsroom

WIB = dt.timezone(dt.timedelta(hours=7))
T0 = dt.datetime(2026, 6, 1, 9, tzinfo=WIB)

needs_git = pytest.mark.skipif(
    shutil.which("git") is None, reason="git is not installed (apt-get install git)"
)

PEOPLE = """
[people.ald]
name = "Aldi Prasetyo"
initials = "ald"
email = "aldi@example.go.id"

[people.nur]
name = "Nur Aini"
initials = "nur"
email = "nur@example.go.id"

[people.rin]
name = "Rina Wulandari"
initials = "rin"

[people.tester]
name = "Penguji"
act_for_others = true
logins = ["*"]

[people.cron]
name = "Server Penerbitan"
email = "penerbit@example.go.id"
system = true
"""

PARTNER = '\n[[partners]]\nname = "antara"\ntitle = "LKBN ANTARA"\nembargo_access = true\n'


def git(where: Path, *args: str, check: bool = True) -> str:
    """Run git in a clone for a test's own look (never through a shell)."""
    env = {
        "GIT_AUTHOR_NAME": "Penguji", "GIT_AUTHOR_EMAIL": "uji@example.go.id",
        "GIT_COMMITTER_NAME": "Penguji", "GIT_COMMITTER_EMAIL": "uji@example.go.id",
        "PATH": "/usr/bin:/bin:/usr/local/bin", "GIT_CONFIG_NOSYSTEM": "1",
        "GIT_CONFIG_GLOBAL": "/dev/null", "HOME": str(where),
    }  # fmt: skip
    done = subprocess.run(["git", *args], cwd=where, capture_output=True, text=True, env=env,
                          check=False, timeout=60)  # fmt: skip
    if check and done.returncode != 0:
        raise AssertionError(f"git {' '.join(args)}: {done.stderr}")
    return done.stdout


@dataclass
class Offices:
    """The shared repository and its clones, by name."""

    base: Path
    shared: Path
    clones: dict[str, Path]

    def __getitem__(self, name: str) -> Path:
        return self.clones[name]

    def clone(self, name: str) -> Path:
        """Another clone of the shared repository (a new office, a rebuilt server)."""
        git(self.base, "clone", "-q", str(self.shared), name)
        self.clones[name] = self.base / name
        return self.clones[name]


def own_git_config(monkeypatch: pytest.MonkeyPatch, home: Path) -> None:
    """The machine's git config (a signing key, hooks, a default branch) and its person are
    not the test's: `monkeypatch` takes them away for the test."""
    monkeypatch.setenv("GIT_CONFIG_GLOBAL", "/dev/null")
    monkeypatch.setenv("GIT_CONFIG_NOSYSTEM", "1")
    monkeypatch.setenv("HOME", str(home))
    for name in ("GIT_AUTHOR_NAME", "GIT_AUTHOR_EMAIL", "GIT_COMMITTER_NAME",
                 "GIT_COMMITTER_EMAIL", "NEWSROOM_USER"):  # fmt: skip
        monkeypatch.delenv(name, raising=False)


def make_offices(base: Path, names: tuple[str, ...] = ("jakarta", "yogya", "server"),
                 extra: str = "") -> Offices:  # fmt: skip
    """A newsroom made with `init --git`, pushed to a bare repository, and cloned."""
    shared = base / "shared.git"
    git(base, "init", "-q", "--bare", "-b", "main", str(shared))
    first = base / names[0]
    init_newsroom(first, "Humas Uji", git=True)
    config = first / "newsroom.toml"
    text = config.read_text(encoding="utf-8").replace(
        '# credit = "HUMAS MENPANRB"', 'credit = "HUMAS UJI"'
    )
    config.write_text(text + PEOPLE + PARTNER + extra, encoding="utf-8")
    git(first, "add", "-A")
    git(first, "commit", "-q", "-m", "Newsroom")
    git(first, "remote", "add", "origin", str(shared))
    git(first, "push", "-q", "-u", "origin", "main")
    offices = Offices(base, shared, {names[0]: first})
    for name in names[1:]:
        offices.clone(name)
    return offices


def door(clone: Path, person: str, when: dt.datetime = T0) -> Newsroom:
    return Newsroom.open(clone, person, fixed_clock(when))


def draft(clone: Path, title: str, when: dt.datetime = T0, *, person: str = "ald",
          body: str = "Paragraf satu.\n\nParagraf dua.") -> str:  # fmt: skip
    """A release written and submitted in a clone; its id."""
    writer = door(clone, person, when)
    article = writer.create(
        NewArticle(
            title=title,
            body=body,
            dateline="JAKARTA",
            summary="Ringkasan.",
            categories=["Ekonomi"],
            credit="HUMAS UJI",
        )
    )
    writer.act(article.id, "submit")
    return article.id


def read(clone: Path, ident: str) -> str:
    """A release's file text in a clone."""
    path = door(clone, "tester").find(ident).path
    assert path is not None
    return (clone / path).read_text(encoding="utf-8")


def head(clone: Path) -> str:
    return git(clone, "rev-parse", "HEAD").strip()


def clean(clone: Path) -> bool:
    """No change outside git's knowledge, and no rebase under way."""
    status = git(clone, "status", "--porcelain", "--untracked-files=no")
    busy = any((clone / ".git" / name).exists() for name in ("rebase-merge", "rebase-apply"))
    return status == "" and not busy
