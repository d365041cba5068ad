"""Random interleavings of actions across two offices and the publishing server (hypothesis):
whatever the order of drafts, edits, approvals, comments, requests for changes, syncs and
publishes, no history entry is lost (each is in the release's file, in the shared history,
or kept aside by the sync that chose the other version), no comment is lost from the
file, and no text that was not approved reaches a feed."""

from __future__ import annotations

import datetime as dt
import json
import os
import shutil
import tempfile
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

import pytest
from hypothesis import HealthCheck, event, given, settings
from hypothesis import strategies as st

from newsroom.core.errors import GitError, NewsroomError, SyncConflict

from .gitkit import T0, door, draft, git, make_offices, needs_git, read

pytestmark = needs_git

OFFICES = ("jakarta", "yogya")
WRITER = {"jakarta": "ald", "yogya": "rin"}
# weighted by repetition: syncs and approvals often, so releases meet in the feeds
KINDS = ("draft", "edit", "edit", "approve", "approve", "approve", "approve_own", "comment",
         "comment", "request", "sync", "sync", "sync", "sync", "publish", "publish")  # fmt: skip

step = st.tuples(st.sampled_from(KINDS), st.sampled_from(OFFICES), st.integers(0, 5),
                 st.sampled_from(("mine", "theirs")))  # fmt: skip


@dataclass
class World:
    """Three clones of one newsroom and what the steps did in them."""

    base: Path
    minute: int = 0
    ids: list[str] = field(default_factory=list)
    entries: dict[str, str] = field(default_factory=dict)  # history entry time -> release id
    comments: dict[str, str] = field(default_factory=dict)  # comment text -> release id
    approved: set[tuple[str, str]] = field(default_factory=set)  # (release id, text token)
    kept: list[Path] = field(default_factory=list)

    def clone(self, name: str) -> Path:
        return self.base / name

    def when(self) -> dt.datetime:
        self.minute += 1
        return T0 + dt.timedelta(minutes=self.minute)

    def noted(self, clone: Path, ident: str) -> None:
        """Remember the entry an action just appended to a release's history."""
        last = door(clone, "tester").find(ident).history[-1]
        self.entries[last.at.isoformat()] = ident

    def sync(self, office: str, choice: str) -> None:
        clone, when = self.clone(office), self.when()
        choices: dict[str, str] = {}
        # A rebase stops at one release at a time, and keeping mine may be refused (the
        # other version was published meanwhile): up to two tries a release that conflicts.
        for _ in range(16):
            try:
                result = door(clone, "tester", when).sync(choices or None)
            except SyncConflict as stopped:
                event(f"a sync stopped; {choice} chosen")
                conflicts = stopped.facts["conflicts"]
                choices.update({c.release or c.path: choice for c in conflicts})  # type: ignore[attr-defined]
                continue
            except GitError as exc:
                if exc.code != "mine_published":
                    raise
                event("mine refused: published meanwhile")
                choices = {ref: "theirs" for ref in choices}  # published meanwhile
                continue
            self.kept += [Path(p) for p in result.kept]
            return
        raise AssertionError(f"{office}: sync did not settle in 16 tries")


def template(base: Path) -> Path:
    """Two offices and the server, with a release in review from each office shared with
    all, made once per test run and copied for each example."""
    made = base / "template"
    made.mkdir()
    offices = make_offices(made)
    for n, office in enumerate(OFFICES):
        draft(offices[office], f"Rilis {n}", T0, person=WRITER[office], body=f"Awal tanda{n}x0.\n")
        door(offices[office], "tester").sync(None)
    for name in (*OFFICES, "server"):
        door(offices[name], "tester").sync(None)
    return made


def fresh(made: Path) -> World:
    base = Path(tempfile.mkdtemp(prefix="interleave-", dir=made.parent))
    shutil.copytree(made, base, dirs_exist_ok=True, symlinks=True)
    for name in (*OFFICES, "server"):
        git(base / name, "remote", "set-url", "origin", str(base / "shared.git"))
    ids = [door(base / "jakarta", "tester").find(f"rilis-{n}").id for n in range(len(OFFICES))]
    return World(base, minute=10, ids=ids)


def act(world: World, kind: str, office: str, pick: int, choice: str) -> None:
    clone = world.clone(office)
    if kind == "sync":
        world.sync(office, choice)
        return
    if kind == "publish":
        run = door(world.clone("server"), "cron", world.when()).publish(pull=True)
        assert not run.failed, run.failed
        return
    if kind == "draft":
        n = len(world.ids)
        ident = draft(clone, f"Rilis {n}", world.when(), person=WRITER[office],
                      body=f"Awal tanda{n}x0.\n")  # fmt: skip
        world.ids.append(ident)
        world.noted(clone, ident)  # submit (create came just before it)
        return
    if not world.ids:
        return
    ident = world.ids[pick % len(world.ids)]
    when = world.when()
    try:
        if kind == "edit":
            newsroom = door(clone, WRITER[office], when)
            article = newsroom.find(ident)
            article.body = f"Diubah tanda{world.ids.index(ident)}x{world.minute}.\n"
            newsroom.save_edit(article)
        elif kind in ("approve", "approve_own"):
            person = "nur" if kind == "approve" else WRITER[office]
            door(clone, person, when).act(ident, "approve")
            body = door(clone, "tester").find(ident).body
            world.approved.add((ident, token(body)))
        elif kind == "comment":
            note = f"Catatan {world.minute} dari {office}"
            door(clone, "nur", when).act(ident, "comment", note=note)
            world.comments[note] = ident
        elif kind == "request":
            door(clone, "nur", when).act(ident, "request_changes", note=f"Ubah {world.minute}")
    except GitError:
        raise
    except NewsroomError:  # refused by the workflow here (four eyes, the state, unknown)
        return
    world.noted(clone, ident)


def token(text: str) -> str:
    start = text.index("tanda")
    return text[start : text.index(".", start)]


def settle(world: World) -> None:
    """Everyone syncs until all agree, the server publishes, everyone syncs again."""
    for office in (*OFFICES, *OFFICES):
        world.sync(office, "theirs")
    run = door(world.clone("server"), "cron", world.when()).publish(pull=True)
    assert not run.failed, run.failed
    for office in (*OFFICES, *OFFICES):
        world.sync(office, "theirs")


def check(world: World) -> None:
    jakarta, server = world.clone("jakarta"), world.clone("server")
    texts = {ident: read(jakarta, ident) for ident in world.ids}
    for office in ("yogya", "server"):
        for ident in world.ids:
            assert read(world.clone(office), ident) == texts[ident], (office, ident)
    shared = git(world.base / "shared.git", "log", "-p", "--all", "--format=")
    aside = "".join(p.read_text(encoding="utf-8") for p in world.kept)
    for at, ident in world.entries.items():  # no history entry lost
        assert at in texts[ident] or at in shared or at in aside, (ident, at)
    for note, ident in world.comments.items():  # no comment lost from the file
        assert note in texts[ident], (ident, note)
    feed = json.loads((server / "feeds" / "feed.json").read_text(encoding="utf-8"))
    seen = [item["id"].removeprefix("urn:uuid:") for item in feed["items"]]
    event(f"{len(seen)} in the feed")
    assert len(seen) == len(set(seen))  # each release once
    for item in feed["items"]:  # only approved texts reach a feed
        ident = item["id"].removeprefix("urn:uuid:")
        if ident in world.ids and "tanda" in item["content_html"]:
            assert (ident, token(item["content_html"])) in world.approved, item["title"]


@pytest.fixture(scope="module")
def made(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Path]:
    """The template, with git's own config of the machine kept out (as in test_git_sharing)."""
    base = tmp_path_factory.mktemp("offices")
    with pytest.MonkeyPatch.context() as mp:
        mp.setenv("GIT_CONFIG_GLOBAL", "/dev/null")
        mp.setenv("GIT_CONFIG_NOSYSTEM", "1")
        mp.setenv("HOME", str(base))
        for name in ("GIT_AUTHOR_NAME", "GIT_AUTHOR_EMAIL", "GIT_COMMITTER_NAME",
                     "GIT_COMMITTER_EMAIL", "NEWSROOM_USER"):  # fmt: skip
            mp.delenv(name, raising=False)
        yield template(base)


# a few seconds an example (real git): 10 in the suite; GIT_INTERLEAVINGS=200 for a long look
EXAMPLES = int(os.environ.get("GIT_INTERLEAVINGS", "10"))


@settings(max_examples=EXAMPLES, deadline=None, suppress_health_check=list(HealthCheck))
@given(steps=st.lists(step, min_size=4, max_size=20))
def test_random_interleavings_lose_nothing(
    made: Path, steps: list[tuple[str, str, int, str]]
) -> None:
    world = fresh(made)
    try:
        for kind, office, pick, choice in steps:
            act(world, kind, office, pick, choice)
        settle(world)
        check(world)
    finally:
        shutil.rmtree(world.base, ignore_errors=True)
