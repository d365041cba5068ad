"""Offices share one newsroom through git: a bare repository, two offices and the
publishing server, each a real clone; every action is a commit, sync merges what can be
merged and stops (changing nothing) on what cannot, and the server publishes what was
shared, once."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from newsroom.core.errors import GitError, Refused, SyncConflict
from newsroom.core.lease import LeaseHeld

from .gitkit import T0, clean, door, draft, git, head, make_offices, needs_git, own_git_config, read

pytestmark = needs_git


@pytest.fixture(autouse=True)
def own_config(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    own_git_config(monkeypatch, tmp_path)


def at(minutes: float) -> dt.datetime:
    return T0 + dt.timedelta(minutes=minutes)


def sync(clone: Path, person: str = "tester", when: dt.datetime = T0, **choices: str) -> object:
    return door(clone, person, when).sync(choices or None)


def trailers(clone: Path, ident: str) -> list[dict[str, str]]:
    """The trailers of every commit that touched a release, oldest first."""
    path = door(clone, "tester").find(ident).path
    out = git(clone, "log", "--reverse", "--format=%an|%ae|%(trailers:unfold,separator=;)",
              "--", str(path))  # fmt: skip
    rows = []
    for line in out.splitlines():
        name, email, text = line.split("|", 2)
        row = dict(part.split(": ", 1) for part in text.split(";") if part)
        rows.append({"name": name, "email": email, **row})
    return rows


def test_each_action_is_one_commit_by_the_person_with_trailers(tmp_path: Path) -> None:
    offices = make_offices(tmp_path, ("jakarta",))
    jakarta = offices["jakarta"]
    ident = draft(jakarta, "Rilis Pertama")
    door(jakarta, "nur", at(5)).act(ident, "comment", note="Cek angka")
    door(jakarta, "nur", at(6)).act(ident, "approve")
    rows = trailers(jakarta, ident)
    assert [r["Newsroom-Action"] for r in rows] == ["create", "submit", "comment", "approve"]
    assert {r["Newsroom-Release"] for r in rows} == {ident}
    assert rows[0]["name"] == "Aldi Prasetyo" and rows[0]["email"] == "aldi@example.go.id"
    assert rows[-1]["name"] == "Nur Aini" and rows[-1]["Newsroom-Status"] == "approved"
    assert rows[-1]["Newsroom-Version"] == "1"
    assert rows[0]["Newsroom-Via"]  # the login that acted for ald (the tests' admin)
    assert clean(jakarta)


def test_approvals_of_different_releases_in_two_offices_merge(tmp_path: Path) -> None:
    offices = make_offices(tmp_path)
    jakarta, yogya, server = offices["jakarta"], offices["yogya"], offices["server"]
    first, second = draft(jakarta, "Rilis Jakarta"), draft(jakarta, "Rilis Yogya", at(1))
    sync(jakarta)
    sync(yogya)
    door(jakarta, "nur", at(10)).act(first, "approve")  # at the same time, in two offices
    door(yogya, "rin", at(10)).act(second, "approve")
    sync(jakarta)
    result = sync(yogya)  # jakarta pushed first: yogya rebases on it, no conflict
    assert result.received == 1 and result.sent == 1  # type: ignore[attr-defined]
    sync(jakarta)
    for clone in (jakarta, yogya):
        assert "status: approved" in read(clone, first)
        assert "status: approved" in read(clone, second)
        assert clean(clone)
    # the server publishes both, once
    sync(server)
    cron = door(server, "cron", at(20))
    run = cron.publish(pull=True)
    assert run.ok and sorted(p["id"] for p in run.published) == sorted([first, second])
    again = door(server, "cron", at(21)).publish(pull=True)
    assert again.published == [] and again.written == []
    sync(jakarta)
    assert "status: published" in read(jakarta, first)
    publish_commits = git(jakarta, "log", "--format=%an %(trailers:key=Newsroom-Action,"
                          "valueonly)", "--grep=Newsroom-Action: publish")  # fmt: skip
    assert publish_commits.split().count("publish") == 2
    assert "Server Penerbitan" in publish_commits


def test_two_edits_of_one_text_stop_the_sync_and_lose_nothing(tmp_path: Path) -> None:
    offices = make_offices(tmp_path)
    jakarta, yogya = offices["jakarta"], offices["yogya"]
    ident = draft(jakarta, "Rilis Bersama")
    sync(jakarta)
    sync(yogya)
    mine = door(jakarta, "ald", at(5)).find(ident)
    mine.body = "Versi Jakarta.\n"
    door(jakarta, "ald", at(5)).save_edit(mine)
    theirs = door(yogya, "rin", at(6)).find(ident)
    theirs.body = "Versi Yogya.\n"
    door(yogya, "rin", at(6)).save_edit(theirs)
    sync(yogya)
    before = head(jakarta)
    with pytest.raises(SyncConflict) as stopped:
        sync(jakarta)
    (conflict,) = stopped.value.facts["conflicts"]  # type: ignore[misc]
    assert conflict.release == ident and conflict.title == "Rilis Bersama"
    assert "changed on both sides" in conflict.reason
    assert "Versi Jakarta" in conflict.mine_text and "Versi Yogya" in conflict.theirs_text
    assert "Aldi Prasetyo" in conflict.mine and "Rina Wulandari" in conflict.theirs
    assert head(jakarta) == before and clean(jakarta)  # the tree as it was: nothing lost
    assert "Versi Jakarta" in read(jakarta, ident)
    # take theirs: their version stands, mine is kept aside
    result = sync(jakarta, **{ident: "theirs"})
    assert "Versi Yogya" in read(jakarta, ident)
    (kept,) = result.kept  # type: ignore[attr-defined]
    assert "Versi Jakarta" in Path(kept).read_text(encoding="utf-8")
    assert clean(jakarta)


def test_keep_mine_keeps_my_text_and_their_comments(tmp_path: Path) -> None:
    offices = make_offices(tmp_path)
    jakarta, yogya = offices["jakarta"], offices["yogya"]
    ident = draft(jakarta, "Rilis Bersama")
    sync(jakarta)
    sync(yogya)
    mine = door(jakarta, "ald", at(5)).find(ident)
    mine.body = "Versi Jakarta.\n"
    door(jakarta, "ald", at(5)).save_edit(mine)
    theirs = door(yogya, "rin", at(6)).find(ident)
    theirs.body = "Versi Yogya.\n"
    door(yogya, "rin", at(6)).save_edit(theirs)
    door(yogya, "nur", at(7)).act(ident, "comment", note="Judul terlalu panjang")
    sync(yogya)
    sync(jakarta, **{ident: "mine"})
    text = read(jakarta, ident)
    assert "Versi Jakarta" in text and "Judul terlalu panjang" in text
    sync(yogya)
    assert read(yogya, ident) == text


def test_a_comment_merges_with_the_servers_publication(tmp_path: Path) -> None:
    offices = make_offices(tmp_path)
    jakarta, server = offices["jakarta"], offices["server"]
    ident = draft(jakarta, "Rilis Terbit")
    door(jakarta, "nur", at(2)).act(ident, "approve")
    sync(jakarta)
    door(server, "cron", at(10)).publish(pull=True)  # stamps it published, pushes
    door(jakarta, "rin", at(11)).act(ident, "comment", note="Sudah dibaca")
    sync(jakarta)  # the stamp and the comment are both appended: no conflict
    text = read(jakarta, ident)
    assert "status: published" in text and "Sudah dibaca" in text
    run = door(server, "cron", at(12)).publish(pull=True)
    assert run.ok and run.published == []
    assert "Sudah dibaca" in read(server, ident)


def test_four_eyes_across_clones(tmp_path: Path) -> None:
    offices = make_offices(tmp_path)
    jakarta, yogya = offices["jakarta"], offices["yogya"]
    ident = draft(jakarta, "Rilis Empat Mata")
    sync(jakarta)
    sync(yogya)
    article = door(yogya, "nur", at(3)).find(ident)
    article.body += "\nTambahan dari Yogya.\n"
    door(yogya, "nur", at(3)).save_edit(article)  # nur edits in another office
    sync(yogya)
    sync(jakarta)
    with pytest.raises(Refused) as refused:  # and cannot approve her own words here
        door(jakarta, "nur", at(5)).act(ident, "approve")
    assert refused.value.facts["reason"] == "four_eyes"
    door(jakarta, "ald", at(6)).act(ident, "approve")  # someone else may, in any office


def test_an_approval_of_a_text_edited_meanwhile_does_not_merge(tmp_path: Path) -> None:
    offices = make_offices(tmp_path)
    jakarta, yogya = offices["jakarta"], offices["yogya"]
    ident = draft(jakarta, "Rilis Berubah")
    sync(jakarta)
    sync(yogya)
    article = door(jakarta, "ald", at(4)).find(ident)
    article.body = "Teks baru.\n"
    door(jakarta, "ald", at(4)).save_edit(article)
    door(yogya, "nur", at(5)).act(ident, "approve")  # nur approved the text as it was
    sync(jakarta)
    with pytest.raises(SyncConflict) as stopped:
        sync(yogya)
    assert stopped.value.facts["conflicts"][0].release == ident  # type: ignore[index]
    assert clean(yogya)


def test_a_rejected_push_is_retried(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from newsroom.core.vcs import sync as syncing

    offices = make_offices(tmp_path)
    jakarta, yogya = offices["jakarta"], offices["yogya"]
    mine = draft(jakarta, "Rilis Jakarta")
    other = draft(yogya, "Rilis Yogya", at(1))
    real_fetch = syncing.fetch
    calls = []

    def fetch_then_yogya_pushes(config: object, git_: object) -> None:
        real_fetch(config, git_)  # type: ignore[arg-type]
        calls.append(1)
        if len(calls) == 1:  # between jakarta's fetch and its push, yogya pushes
            monkeypatch.setattr(syncing, "fetch", real_fetch)
            sync(yogya)
            monkeypatch.setattr(syncing, "fetch", fetch_then_yogya_pushes)

    monkeypatch.setattr(syncing, "fetch", fetch_then_yogya_pushes)
    result = sync(jakarta)
    assert result.retries == 1 and result.sent == 2  # type: ignore[attr-defined]
    sync(yogya)
    for clone in (jakarta, yogya):
        door(clone, "tester").find(mine)
        door(clone, "tester").find(other)


def test_leases_are_seen_across_offices(tmp_path: Path) -> None:
    from newsroom.core.vcs.leases import settle

    offices = make_offices(tmp_path)
    jakarta, yogya = offices["jakarta"], offices["yogya"]
    ident = draft(jakarta, "Rilis Disunting")
    sync(jakarta)
    sync(yogya)
    session = door(jakarta, "ald", at(10)).edit(ident)  # ald opens the editor in Jakarta
    settle()
    sync(yogya, when=at(11))
    with pytest.raises(LeaseHeld) as held:
        door(yogya, "rin", at(11)).edit(ident)
    assert held.value.facts["holder"] == "ald"
    desk_leases = door(yogya, "rin", at(11)).read_desk()[1]
    assert desk_leases[ident].holder == "ald"
    taken = door(yogya, "rin", at(12)).edit(ident, take_over=True)  # explicitly
    settle()
    sync(jakarta, when=at(13))
    with pytest.raises(LeaseHeld):  # Jakarta learns it lost the lease
        session.renew()
    taken.close()
    settle()
    sync(jakarta, when=at(14))
    sync(yogya, when=at(14))
    for clone in (jakarta, yogya):  # nobody holds it now, in either office
        assert door(clone, "ald", at(14)).editing_now(ident) is None
    # leases never enter the releases' history
    assert "leases" not in git(jakarta, "log", "--all", "--name-only", "--format=", "main")


def test_an_expired_lease_elsewhere_does_not_hold(tmp_path: Path) -> None:
    from newsroom.core.vcs.leases import settle

    offices = make_offices(tmp_path)
    jakarta, yogya = offices["jakarta"], offices["yogya"]
    ident = draft(jakarta, "Rilis Lama")
    sync(jakarta)
    door(jakarta, "ald", at(0)).edit(ident)  # and the laptop is closed
    settle()
    sync(yogya)
    later = at(31)  # [git] lease_minutes = 30 by default
    door(yogya, "rin", later).edit(ident).close()


def test_publish_pull_refuses_a_diverged_clone(tmp_path: Path) -> None:
    offices = make_offices(tmp_path)
    jakarta, server = offices["jakarta"], offices["server"]
    ident = draft(jakarta, "Rilis Menunggu")
    door(jakarta, "nur", at(1)).act(ident, "approve")
    (server / "catatan.txt").write_text("tangan\n", encoding="utf-8")  # a hand commit
    git(server, "add", "catatan.txt")
    git(server, "commit", "-q", "-m", "hand commit on the server")
    sync(jakarta)
    door(server, "cron", at(0)).publish()  # feeds of the server as they are
    listing = {p: p.stat().st_mtime_ns for p in (server / "feeds").rglob("*")}
    before = head(server)
    with pytest.raises(GitError) as refused:
        door(server, "cron", at(5)).publish(pull=True)
    assert refused.value.code == "diverged" and "hand commit" in str(refused.value)
    assert {p: p.stat().st_mtime_ns for p in (server / "feeds").rglob("*")} == listing
    assert head(server) == before and clean(server)  # nothing taken in, nothing published


def test_the_server_is_the_only_publisher(tmp_path: Path) -> None:
    offices = make_offices(tmp_path, ("jakarta",), extra="")
    jakarta = offices["jakarta"]
    config = jakarta / "newsroom.toml"
    text = config.read_text(encoding="utf-8").replace('# publisher = "cron"', 'publisher = "cron"')
    config.write_text(text, encoding="utf-8")
    with pytest.raises(Refused) as refused:
        door(jakarta, "ald").publish()
    assert refused.value.code == "not_publisher"
    door(jakarta, "cron").publish()


def test_feeds_private_feeds_and_state_never_enter_git(tmp_path: Path) -> None:
    offices = make_offices(tmp_path, ("jakarta", "server"))
    jakarta, server = offices["jakarta"], offices["server"]
    ident = draft(jakarta, "Rilis Embargo")
    door(jakarta, "nur", at(1)).act(ident, "approve", embargo=at(600))
    (jakarta / "newsroom.key").write_text("untrusted comment: secret\n", encoding="utf-8")
    (jakarta / "lists").mkdir()
    (jakarta / "lists" / "wartawan.txt").write_text("wartawan@example.com\n", encoding="utf-8")
    sync(jakarta)
    run = door(server, "cron", at(10)).publish(pull=True)
    assert run.ok
    assert (server / "feeds" / "private" / "antara").is_dir()
    assert (server / ".newsroom" / "ledger.sqlite").exists()
    for clone in (jakarta, server):
        tracked = git(clone, "log", "--all", "--name-only", "--format=").split()
        assert not [p for p in tracked if p.startswith(("feeds/", ".newsroom/"))]
        assert "newsroom.key" not in tracked and "lists/wartawan.txt" not in tracked
        assert git(clone, "status", "--porcelain") == ""


def test_a_rebuilt_server_announces_nothing_again(tmp_path: Path) -> None:
    offices = make_offices(tmp_path)
    jakarta, server = offices["jakarta"], offices["server"]
    ident = draft(jakarta, "Rilis Lama")
    door(jakarta, "nur", at(1)).act(ident, "approve")
    sync(jakarta)
    first = door(server, "cron", at(10)).publish(pull=True)
    assert [p["id"] for p in first.published] == [ident]
    rebuilt = offices.clone("server2")  # a new machine: a fresh clone, no .newsroom/
    run = door(rebuilt, "cron", at(20)).publish(pull=True)
    assert run.ok and run.published == []  # nothing goes live again
    assert ("took_stock", 1) in run.noted
    old = (server / "feeds" / "rss.xml").read_text(encoding="utf-8")
    new = (rebuilt / "feeds" / "rss.xml").read_text(encoding="utf-8")
    assert ident in old and ident in new
    assert git(rebuilt, "status", "--porcelain") == ""


def test_a_half_done_rebase_is_undone_first(tmp_path: Path) -> None:
    offices = make_offices(tmp_path)
    jakarta, yogya = offices["jakarta"], offices["yogya"]
    ident = draft(jakarta, "Rilis Setengah")
    sync(jakarta)
    sync(yogya)
    for clone, person, words in ((jakarta, "ald", "Satu.\n"), (yogya, "rin", "Dua.\n")):
        article = door(clone, person, at(3)).find(ident)
        article.body = words
        door(clone, person, at(3)).save_edit(article)
    sync(yogya)
    before = head(jakarta)
    git(jakarta, "fetch", "-q", "origin")
    git(jakarta, "rebase", "origin/main", check=False)  # a sync killed at its conflict
    assert not clean(jakarta)
    with pytest.raises(SyncConflict):
        sync(jakarta)
    assert head(jakarta) == before and clean(jakarta)


def test_sync_refuses_uncommitted_changes_naming_them(tmp_path: Path) -> None:
    offices = make_offices(tmp_path, ("jakarta",))
    jakarta = offices["jakarta"]
    ident = draft(jakarta, "Rilis Tangan")
    path = door(jakarta, "tester").find(ident).path
    with (jakarta / str(path)).open("a", encoding="utf-8") as handle:
        handle.write("Diketik tanpa newsroom.\n")
    with pytest.raises(GitError) as refused:
        sync(jakarta)
    assert refused.value.code == "dirty" and str(path) in str(refused.value)


def test_git_failures_name_the_release_and_are_committed_later(tmp_path: Path) -> None:
    offices = make_offices(tmp_path, ("jakarta",))
    jakarta = offices["jakarta"]
    ident = draft(jakarta, "Rilis Terkunci")
    lock = jakarta / ".git" / "index.lock"
    lock.write_text("", encoding="utf-8")  # another git command holds the index
    with pytest.raises(GitError) as failed:
        door(jakarta, "nur", at(2)).act(ident, "approve")
    message = str(failed.value)
    assert "Rilis Terkunci" in message and "index.lock" in message
    assert "status: approved" in read(jakarta, ident)  # saved: nothing lost
    lock.unlink()
    door(jakarta, "rin", at(3)).act(ident, "comment", note="Lanjut")
    actions = git(jakarta, "log", "--format=%(trailers:key=Newsroom-Action,valueonly)")
    assert actions.split()[:2] == ["comment", "approve"]
    assert clean(jakarta)


def test_git_is_never_run_while_it_is_off(root: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    import subprocess

    from newsroom.core.service import NewArticle

    real = subprocess.run

    def no_git(args: object, *rest: object, **kw: object) -> object:
        assert "git" not in str(args), args
        return real(args, *rest, **kw)  # type: ignore[call-overload]

    monkeypatch.setattr(subprocess, "run", no_git)
    writer = door(root, "ald")
    fields = NewArticle(title="Tanpa Git", body="Isi.", dateline="JAKARTA", credit="HUMAS UJI",
                        summary="S", categories=["A"])  # fmt: skip
    article = writer.create(fields)
    door(root, "ald").edit(article.id).close()
    writer.act(article.id, "submit")
    door(root, "nur").act(article.id, "approve")
    door(root, "cron", at(1)).publish()
    writer.read_desk()
    writer.changes()
    assert not (root / ".git").exists()


# ---------------------------------------------------------------- the desk's sync


def desk_app(clone: Path, person: str) -> object:
    from newsroom.tui.app import NewsroomApp
    from newsroom.tui.settings import Settings

    return NewsroomApp(door(clone, person, at(30)), Settings(language="en"), watch=False)


async def test_the_desk_syncs_and_asks_mine_or_theirs(tmp_path: Path) -> None:
    from textual.containers import VerticalScroll

    from newsroom.tui.screens.modals import SyncConflictModal

    offices = make_offices(tmp_path)
    jakarta, yogya = offices["jakarta"], offices["yogya"]
    ident = draft(jakarta, "Rilis Dua Kantor")
    other = draft(jakarta, "Rilis Lain", at(1))
    sync(jakarta)
    sync(yogya)
    for clone, person, words in (
        (jakarta, "ald", "Versi Jakarta.\n"),
        (yogya, "rin", "Versi Yogya.\n"),
    ):
        article = door(clone, person, at(3)).find(ident)
        article.body = words
        door(clone, person, at(3)).save_edit(article)
    door(yogya, "nur", at(4)).act(other, "approve")
    sync(yogya)
    before = head(jakarta)
    app = desk_app(jakarta, "ald")
    async with app.run_test(size=(120, 40)) as pilot:  # type: ignore[attr-defined]
        await app.workers.wait_for_complete()  # type: ignore[attr-defined]
        await pilot.pause()
        desk = app.screen  # type: ignore[attr-defined]
        assert "↑1 not yet shared" in str(desk.query_one("#banner").render())
        await pilot.press("S")
        await app.workers.wait_for_complete()  # type: ignore[attr-defined]
        await pilot.pause()
        modal = app.screen  # type: ignore[attr-defined]
        assert isinstance(modal, SyncConflictModal)
        assert modal.conflict.release == ident
        assert head(jakarta) == before and clean(jakarta)  # asking changed nothing
        shown = modal.query_one("#diff", VerticalScroll)
        assert shown.has_class("hidden")
        await pilot.press("d")
        assert not shown.has_class("hidden")
        difference = modal.conflict.difference()
        assert "-Versi Yogya." in difference and "+Versi Jakarta." in difference
        await pilot.press("t")  # take theirs: sync runs again with that choice
        await pilot.pause()
        await app.workers.wait_for_complete()  # type: ignore[attr-defined]
        await pilot.pause()
        assert not isinstance(app.screen, SyncConflictModal)  # type: ignore[attr-defined]
        await app.workers.wait_for_complete()  # type: ignore[attr-defined]
        await pilot.pause()
        assert "not yet shared" not in str(desk.query_one("#banner").render())
    assert "Versi Yogya" in read(jakarta, ident) and "status: approved" in read(jakarta, other)
    kept = list((jakarta / ".newsroom" / "unsaved").rglob("*"))
    assert any("Versi Jakarta" in p.read_text(encoding="utf-8") for p in kept if p.is_file())
    assert clean(jakarta)


async def test_escape_leaves_the_clone_as_it_was(tmp_path: Path) -> None:
    from newsroom.tui.screens.modals import SyncConflictModal

    offices = make_offices(tmp_path)
    jakarta, yogya = offices["jakarta"], offices["yogya"]
    ident = draft(jakarta, "Rilis Ditunda")
    sync(jakarta)
    sync(yogya)
    for clone, person, words in ((jakarta, "ald", "Satu.\n"), (yogya, "rin", "Dua.\n")):
        article = door(clone, person, at(3)).find(ident)
        article.body = words
        door(clone, person, at(3)).save_edit(article)
    sync(yogya)
    before = head(jakarta)
    app = desk_app(jakarta, "ald")
    async with app.run_test(size=(120, 40)) as pilot:  # type: ignore[attr-defined]
        await app.workers.wait_for_complete()  # type: ignore[attr-defined]
        await pilot.press("S")
        await app.workers.wait_for_complete()  # type: ignore[attr-defined]
        await pilot.pause()
        assert isinstance(app.screen, SyncConflictModal)  # type: ignore[attr-defined]
        await pilot.press("escape")
        await pilot.pause()
        assert not isinstance(app.screen, SyncConflictModal)  # type: ignore[attr-defined]
    assert head(jakarta) == before and clean(jakarta) and "Satu." in read(jakarta, ident)


async def test_the_desk_offers_no_sync_while_git_is_off(root: Path) -> None:
    from newsroom.tui.screens.desk import DeskScreen

    app = desk_app(root, "ald")
    async with app.run_test(size=(120, 40)) as pilot:  # type: ignore[attr-defined]
        await app.workers.wait_for_complete()  # type: ignore[attr-defined]
        desk = app.screen  # type: ignore[attr-defined]
        assert isinstance(desk, DeskScreen)
        assert desk.check_action("sync", ()) is False
        shown = app.active_bindings.values()  # type: ignore[attr-defined]
        assert "sync" not in {b.binding.action for b in shown if b.enabled}
        await pilot.press("S")  # nothing happens: no git is run, no message
        await app.workers.wait_for_complete()  # type: ignore[attr-defined]
        assert app.screen is desk  # type: ignore[attr-defined]
    assert not (root / ".git").exists()


def test_the_command_lines_hint_settles_the_conflict(tmp_path: Path) -> None:
    """`newsroom sync` names each release by its id's first characters and says which
    command settles it: that very command works (and a slug would too)."""
    from click.testing import CliRunner

    from newsroom.cli import cli

    offices = make_offices(tmp_path)
    jakarta, yogya = offices["jakarta"], offices["yogya"]
    ident = draft(jakarta, "Rilis Sengketa")
    sync(jakarta)
    sync(yogya)
    for clone, person, words in (
        (jakarta, "ald", "Versi Jakarta.\n"),
        (yogya, "rin", "Versi Yogya.\n"),
    ):
        article = door(clone, person, at(3)).find(ident)
        article.body = words
        door(clone, person, at(3)).save_edit(article)
    sync(yogya)

    def run(*args: str) -> object:
        return CliRunner().invoke(cli, ["--root", str(jakarta), "--as", "tester", *args])

    stopped = run("sync")
    assert stopped.exit_code == 1  # type: ignore[attr-defined]
    hint = f"newsroom sync --mine {ident[:8]}"
    assert hint in stopped.output and "Rilis Sengketa" in stopped.output  # type: ignore[attr-defined]
    assert "Versi Jakarta" in read(jakarta, ident)
    done = run("sync", "--mine", ident[:8])
    assert done.exit_code == 0, done.output  # type: ignore[attr-defined]
    assert "Versi Jakarta" in read(jakarta, ident) and clean(jakarta)
    sync(yogya)
    assert "Versi Jakarta" in read(yogya, ident)


def test_an_office_acting_while_the_server_publishes_never_blocks_the_server(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Between the server's fetch and its push, an office sends the release back: the
    publication partners have seen stands (the office's act stays in git's history and
    the run says so), and the server is not stuck on it at its next runs."""
    from newsroom.core.vcs import sync as syncing

    offices = make_offices(tmp_path)
    jakarta, server = offices["jakarta"], offices["server"]
    ident = draft(jakarta, "Rilis Balapan")
    door(jakarta, "nur", at(1)).act(ident, "approve")
    sync(jakarta)
    real_share = syncing.share

    def office_acts_first(*args: object, **kw: object) -> object:
        monkeypatch.setattr(syncing, "share", real_share)  # once
        door(jakarta, "nur", at(10)).act(ident, "request_changes", note="Tunggu, angka salah")
        sync(jakarta, when=at(10))
        return real_share(*args, **kw)  # type: ignore[arg-type]

    monkeypatch.setattr(syncing, "share", office_acts_first)
    run = door(server, "cron", at(10)).publish(pull=True)
    assert [p["id"] for p in run.published] == [ident]
    assert run.ok, run.failed
    assert any("rilis-balapan.md" in w and "stands" in w for w in run.warnings)
    again = door(server, "cron", at(15)).publish(pull=True)
    assert again.ok and again.published == []
    sync(jakarta, when=at(16))
    assert "status: published" in read(jakarta, ident) and clean(jakarta)
    assert "Tunggu, angka salah" in git(jakarta, "log", "-p", "--format=%B")


def test_attach_and_detach_are_one_commit_each_with_the_file(tmp_path: Path) -> None:
    offices = make_offices(tmp_path)
    jakarta, yogya = offices["jakarta"], offices["yogya"]
    ident = draft(jakarta, "Rilis Berlampiran")
    source = tmp_path / "siaran-pers-ttd.pdf"
    source.write_bytes(b"%PDF-1.4\n% newsroom test\n%%EOF\n")
    door(jakarta, "ald", at(2)).attach(ident, source, "Siaran pers bertanda tangan")
    rows = trailers(jakarta, ident)
    assert [r["Newsroom-Action"] for r in rows] == ["create", "submit", "attach"]
    files = git(jakarta, "show", "--name-only", "--format=", "HEAD").split()
    assert any(f.endswith("rilis-berlampiran/siaran-pers-ttd.pdf") for f in files)
    assert any(f.endswith("rilis-berlampiran.md") for f in files) and clean(jakarta)
    sync(jakarta)
    sync(yogya)
    path = door(yogya, "tester").find(ident).path
    assert path is not None
    shared = yogya / str(path).removesuffix(".md") / "siaran-pers-ttd.pdf"
    assert shared.read_bytes() == source.read_bytes()
    door(yogya, "rin", at(3)).detach(ident, "siaran-pers-ttd.pdf")
    assert (
        git(yogya, "log", "-1", "--format=%(trailers:key=Newsroom-Action,valueonly)").strip()
        == "detach"
    )
    assert not shared.exists() and clean(yogya)


def test_a_rebuilt_server_pings_no_hub_for_what_was_out(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A fresh clone's first run writes every feed anew, but partners have it all already:
    no WebSub hub hears of it. A release that really goes out then is pinged as ever."""
    from .test_websub import Hub

    for name in ("http_proxy", "HTTP_PROXY", "https_proxy", "HTTPS_PROXY", "all_proxy"):
        monkeypatch.delenv(name, raising=False)
    hub = Hub(204)
    try:
        offices = make_offices(tmp_path, extra=f'\n[websub]\nhubs = ["{hub.url}"]\n')
        jakarta, server = offices["jakarta"], offices["server"]
        first = draft(jakarta, "Rilis Lama")
        door(jakarta, "nur", at(1)).act(first, "approve")
        sync(jakarta)
        door(server, "cron", at(10)).publish(pull=True)
        assert len(hub.requests) == 1  # the old server told the hub once
        rebuilt = offices.clone("server2")
        run = door(rebuilt, "cron", at(20)).publish(pull=True)
        assert run.ok and run.published == [] and run.written  # every feed written anew
        assert len(hub.requests) == 1  # and nobody told again
        second = draft(jakarta, "Rilis Baru", at(21))
        door(jakarta, "nur", at(22)).act(second, "approve")
        sync(jakarta, when=at(22))
        run = door(rebuilt, "cron", at(30)).publish(pull=True)
        assert [p["id"] for p in run.published] == [second]
        assert len(hub.requests) == 2
    finally:
        hub.close()


def test_release_numbers_continue_on_a_rebuilt_server(tmp_path: Path) -> None:
    offices = make_offices(tmp_path)
    jakarta, server = offices["jakarta"], offices["server"]
    config = jakarta / "newsroom.toml"  # the office numbers its releases from now on
    text = config.read_text(encoding="utf-8")
    text = text.replace('# pattern = "B-{seq:03d}/{unit}/{mm_roman}/{yyyy}"',
                        'pattern = "B-{seq:03d}/{yyyy}"')  # fmt: skip
    config.write_text(text, encoding="utf-8")
    git(jakarta, "commit", "-q", "-m", "Nomor siaran pers", "newsroom.toml")
    first = draft(jakarta, "Rilis Bernomor Satu")
    door(jakarta, "nur", at(1)).act(first, "approve")
    sync(jakarta)
    door(server, "cron", at(10)).publish(pull=True)
    rebuilt = offices.clone("server2")  # the old server is gone, its ledger with it
    second = draft(jakarta, "Rilis Bernomor Dua", at(11))
    door(jakarta, "nur", at(12)).act(second, "approve")
    sync(jakarta, when=at(12))
    run = door(rebuilt, "cron", at(20)).publish(pull=True)
    assert run.ok and [p["id"] for p in run.published] == [second]
    sync(jakarta, when=at(21))
    assert "release_number: B-001/2026" in read(jakarta, first)
    assert "release_number: B-002/2026" in read(jakarta, second)
    numbered = git(jakarta, "log", "-1", "--format=%an %(trailers:key=Newsroom-Action,valueonly)",
                   "--", str(door(jakarta, "tester").find(second).path))  # fmt: skip
    assert numbered.split() == ["Server", "Penerbitan", "publish"]


def test_an_open_editor_learns_of_a_take_over_without_a_sync(tmp_path: Path) -> None:
    from newsroom.core.vcs.leases import settle

    offices = make_offices(tmp_path)
    jakarta, yogya = offices["jakarta"], offices["yogya"]
    ident = draft(jakarta, "Rilis Terbuka")
    sync(jakarta)
    sync(yogya)
    session = door(jakarta, "ald", at(10)).edit(ident)  # open in Jakarta, and left open
    settle()
    sync(yogya, when=at(11))
    door(yogya, "rin", at(12)).edit(ident, take_over=True)  # Yogya takes it over
    settle()
    session.renew()  # a renewal: it reads the other offices' leases in the background
    settle()
    with pytest.raises(LeaseHeld) as held:  # the next one says so; Jakarta never synced
        session.renew()
    assert held.value.facts["holder"] == "rin"


def test_a_correction_goes_out_with_its_kept_version_committed(tmp_path: Path) -> None:
    """The server writes the superseded version's file when a correction goes live: it is
    part of the publish commit, and every office has it after a sync."""
    offices = make_offices(tmp_path)
    jakarta, yogya, server = offices["jakarta"], offices["yogya"], offices["server"]
    ident = draft(jakarta, "Rilis Diralat")
    door(jakarta, "nur", at(1)).act(ident, "approve")
    sync(jakarta)
    door(server, "cron", at(10)).publish(pull=True)
    sync(yogya, when=at(11))
    door(yogya, "rin", at(12)).act(ident, "correct", note="Angka salah")
    article = door(yogya, "rin", at(13)).find(ident)
    article.body = "Paragraf satu, diralat.\n\nParagraf dua.\n"
    door(yogya, "rin", at(13)).save_edit(article)
    door(yogya, "rin", at(14)).act(ident, "submit")
    door(yogya, "nur", at(15)).act(ident, "approve")
    sync(yogya, when=at(15))
    run = door(server, "cron", at(20)).publish(pull=True)
    assert run.ok, run.failed
    assert clean(server) and git(server, "status", "--porcelain") == ""
    sync(jakarta, when=at(21))
    path = door(jakarta, "tester").find(ident).path
    assert path is not None
    kept = sorted((jakarta / str(path).removesuffix(".md") / "versions").glob("*.yaml"))
    assert [p.name for p in kept] == ["1.yaml"] and "Paragraf satu." in kept[0].read_text()
    assert "diralat" in read(jakarta, ident)
    rows = trailers(jakarta, ident)
    assert [r["Newsroom-Action"] for r in rows][-2:] == ["approve", "publish"]
    assert rows[-1]["Newsroom-Version"] == "2"


def test_feeds_committed_before_sharing_are_named_with_the_way_out(tmp_path: Path) -> None:
    """A newsroom whose feeds were committed (as the bundled one's are) and then shared:
    sync and publish --pull say how to take them out, instead of tripping every run."""
    offices = make_offices(tmp_path, ("jakarta",))
    jakarta = offices["jakarta"]
    (jakarta / "feeds" / "rss.xml").write_text("<rss/>\n", encoding="utf-8")
    git(jakarta, "add", "-f", "feeds/rss.xml")
    git(jakarta, "commit", "-q", "-m", "feeds, as they used to be committed")
    for attempt in (lambda: sync(jakarta), lambda: door(jakarta, "cron").publish(pull=True)):
        with pytest.raises(GitError) as refused:
            attempt()
        assert refused.value.code == "output_tracked"
        assert "git rm -r -q --cached feeds/" in str(refused.value)
    git(jakarta, "rm", "-r", "-q", "--cached", "feeds/")
    git(jakarta, "commit", "-q", "-m", "feeds out of git")
    sync(jakarta)


def test_a_deleted_draft_takes_its_attachments_out_of_git_too(tmp_path: Path) -> None:
    """With git on, deleting a release never published commits the removal of its file and
    of its companion folder (its attachments), leaving nothing uncommitted."""
    offices = make_offices(tmp_path, ("jakarta",))
    jakarta = offices["jakarta"]
    ident = draft(jakarta, "Rilis Ditarik")
    door(jakarta, "nur", at(5)).act(ident, "request_changes", note="Belum siap")
    sheet = tmp_path / "lampiran.pdf"
    sheet.write_bytes(b"%PDF-1.4\n%%EOF\n")
    ald = door(jakarta, "ald", at(6))
    ald.attach(ald.find(ident), sheet)
    path = ald.find(ident).path
    folder = str(Path(str(path)).with_suffix(""))
    assert git(jakarta, "ls-files", "--", folder).strip()  # the attachment was committed
    ald.delete(ald.find(ident))
    assert not git(jakarta, "ls-files", "--", str(path), folder).strip()
    assert clean(jakarta)
