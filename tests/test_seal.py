"""Publish verifies what it publishes: a release goes out only as two people approved it,
and what went out cannot be rewritten quietly (seal.py, ledger.py)."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from click.testing import CliRunner

from newsroom.cli import cli
from newsroom.core import fileformat
from newsroom.core.clock import fixed_clock
from newsroom.core.config import load_config
from newsroom.core.init import init_newsroom
from newsroom.core.model import Article, Correction, HistoryEntry, Image
from newsroom.core.seal import content_of, digest
from newsroom.core.service import Newsroom
from newsroom.core.store import Store

from .feedkit import at, configure, feed_files, release, run


@pytest.fixture
def nr(root: Path) -> Path:
    configure(root)
    return root


def hand_edit(root: Path, ident: str, change: Callable[[Article], None]) -> None:
    """Change a release's file the way a script or a text editor would: no workflow."""
    store = Store(load_config(root))
    path = next(p for p in (root / "articles").rglob("*.md") if ident in p.read_text())
    article = store.load(path)
    change(article)
    path.write_text(fileformat.dump(article), encoding="utf-8")


def in_feeds(root: Path, ident: str) -> list[str]:
    return [name for name, data in feed_files(root).items() if ident.encode() in data]


def codes(result: object) -> dict[str, str]:
    return {r.id: r.code for r in result.refused}  # type: ignore[attr-defined]


def check(root: Path) -> tuple[int, str]:
    done = CliRunner().invoke(cli, ["--root", str(root), "check"])
    return done.exit_code, done.output


def test_a_hand_set_status_published_reaches_no_feed(nr: Path) -> None:
    good = release(nr, at(0), "Rilis sah")
    draft = release(nr, at(0), "Draf dipalsukan", approve=False)
    hand_edit(nr, draft, lambda a: setattr(a, "status", "published"))
    result = run(nr, at(1))
    assert not result.ok and codes(result) == {draft: "status"}
    assert [p["id"] for p in result.published] == [good]  # the others still go
    assert in_feeds(nr, draft) == [] and "rss.xml" in in_feeds(nr, good)
    code, out = check(nr)
    assert code == 1 and "the status says published but the history ends at in_review" in out


def test_a_forged_approval_without_a_seal_is_not_published(nr: Path) -> None:
    draft = release(nr, at(0), "Draf", approve=False)

    def forge(a: Article) -> None:
        a.history.append(HistoryEntry(at(0.1), "nur", "approve", "in_review", "approved"))
        a.status = "approved"

    hand_edit(nr, draft, forge)
    result = run(nr, at(1))
    assert codes(result) == {draft: "unsealed"} and in_feeds(nr, draft) == []


def test_a_body_edited_after_approval_waits_for_a_new_approval(nr: Path) -> None:
    ident = release(nr, at(0), "Rilis")
    hand_edit(nr, ident, lambda a: setattr(a, "body", a.body + "\nKalimat selundupan.\n"))
    result = run(nr, at(1))
    assert codes(result) == {ident: "changed"} and result.published == []
    assert in_feeds(nr, ident) == []
    code, out = check(nr)
    assert code == 1 and "the text differs from what nur approved" in out
    from newsroom.i18n import Translator
    from newsroom.i18n.explain import seal_text

    refusal = result.refused[0]  # what the Indonesian desk tells: the
    said = seal_text(Translator("id"), "changed", refusal.reason, refusal.facts)
    assert "menyetujuinya lagi" in said and "ajukan" not in said  # way that works (a submit
    assert "disetujui nur (" in said and f"`newsroom approve {ident[:8]}`" in said
    with pytest.raises(Exception, match=r"approved|disetujui"):  # of an approved release is
        Newsroom.open(nr, "ald", fixed_clock(at(1.05))).act(ident, "submit")  # refused)
    # a second person approves the text as it is now: it goes out
    Newsroom.open(nr, "nur", fixed_clock(at(1.1))).act(ident, "approve")
    assert [p["id"] for p in run(nr, at(1.2)).published] == [ident]


def test_a_moved_embargo_breaks_the_seal_unless_a_reviewer_moves_it(nr: Path) -> None:
    ident = release(nr, at(0), "Rilis", embargo=at(2))
    hand_edit(nr, ident, lambda a: setattr(a, "embargo", at(0.5)))
    assert codes(run(nr, at(1))) == {ident: "changed"}
    hand_edit(nr, ident, lambda a: setattr(a, "embargo", at(2)))  # put back
    writer = Newsroom.open(nr, "ald", fixed_clock(at(1)))
    with pytest.raises(Exception, match="changed the text last"):
        writer.act(ident, "embargo", embargo=at(3), note="diminta kementerian")
    reviewer = Newsroom.open(nr, "nur", fixed_clock(at(1)))
    reviewer.act(ident, "embargo", embargo=at(3), note="diminta kementerian")
    assert run(nr, at(2.5)).published == []
    assert all(name.startswith("private/") for name in in_feeds(nr, ident))
    assert [p["id"] for p in run(nr, at(3)).published] == [ident]


def test_published_version_added_to_a_draft_puts_nothing_live(nr: Path) -> None:
    draft = release(nr, at(0), "Draf", approve=False)
    hand_edit(nr, draft, lambda a: setattr(a, "published_version", {"title": "Palsu"}))
    result = run(nr, at(1))
    assert codes(result) == {draft: "never_published"}
    assert in_feeds(nr, draft) == [] and b"Palsu" not in b"".join(feed_files(nr).values())


def published(nr: Path, title: str = "Rilis") -> str:
    ident = release(nr, at(0), title)
    assert run(nr, at(1)).ok
    return ident


def test_a_published_text_rewritten_by_hand_is_held_back_not_republished(nr: Path) -> None:
    """What partners have stays as publish put it out (test_live_kept.py); the rewritten
    text goes nowhere."""
    ident = published(nr)
    other = release(nr, at(1.5), "Rilis lain")
    hand_edit(nr, ident, lambda a: setattr(a, "body", "Isi yang diganti diam-diam.\n"))
    result = run(nr, at(2))
    assert codes(result) == {ident: "live_kept"} and not result.refused[0].withheld
    assert "rss.xml" in in_feeds(nr, ident)
    assert [p["id"] for p in result.published] == [other]
    assert b"diganti diam-diam" not in b"".join(feed_files(nr).values())


def test_a_recomputed_seal_is_caught_by_the_ledger(nr: Path) -> None:
    """Someone who rewrites the published text and its seal consistently is caught by what
    publish recorded it put out."""
    ident = published(nr)

    def rewrite(a: Article) -> None:
        a.body = "Isi palsu dengan segel dihitung ulang.\n"
        entry = next(h for h in reversed(a.history) if h.action == "publish")
        entry.seal = digest(content_of(a))

    hand_edit(nr, ident, rewrite)
    result = run(nr, at(2))
    assert codes(result) == {ident: "live_kept"}  # held back, what partners have kept
    assert result.refused[0].reason.startswith("the published text differs from what publish")
    assert b"segel dihitung ulang" not in b"".join(feed_files(nr).values())


def test_history_rewritten_before_the_publication_is_caught(nr: Path) -> None:
    ident = published(nr)

    def rewrite(a: Article) -> None:
        approval = next(h for h in a.history if h.action == "approve")
        approval.by = "orang-lain"

    hand_edit(nr, ident, rewrite)
    assert codes(run(nr, at(2))) == {ident: "ledger_history"}


def test_a_backdated_publication_time_is_caught(nr: Path) -> None:
    ident = published(nr)
    hand_edit(nr, ident, lambda a: setattr(a, "published", at(-300)))
    assert codes(run(nr, at(2))) == {ident: "published_time"}


def corrected(nr: Path) -> str:
    ident = published(nr)
    writer = Newsroom.open(nr, "ald", fixed_clock(at(2)))
    writer.act(ident, "correct", note="Angka salah")
    article = writer.find(ident)
    article.body = article.body.replace("satu", "SATU")
    writer.save_edit(article)
    writer.act(ident, "submit")
    Newsroom.open(nr, "nur", fixed_clock(at(2.1))).act(ident, "approve")
    assert run(nr, at(2.2)).ok
    return ident


def test_deleting_a_correction_notice_is_caught(nr: Path) -> None:
    ident = corrected(nr)
    hand_edit(nr, ident, lambda a: setattr(a, "corrections", []))
    assert codes(run(nr, at(3))) == {ident: "corrections"}


def test_a_forged_correction_notice_is_caught(nr: Path) -> None:
    ident = published(nr)
    forged = Correction(1, at(1.5), "nur", "ralat palsu")
    hand_edit(nr, ident, lambda a: a.corrections.append(forged))
    assert codes(run(nr, at(3))) == {ident: "corrections"}


def test_rewriting_the_published_version_during_a_correction_is_caught(nr: Path) -> None:
    ident = published(nr)
    Newsroom.open(nr, "ald", fixed_clock(at(2))).act(ident, "correct", note="Angka")

    def rewrite(a: Article) -> None:
        assert a.published_version is not None
        a.published_version["body"] = "Teks tayang diganti.\n"

    hand_edit(nr, ident, rewrite)
    result = run(nr, at(3))
    assert codes(result) == {ident: "live_kept"}
    assert b"Teks tayang diganti" not in b"".join(feed_files(nr).values())


def test_nothing_of_an_unapproved_correction_leaks(nr: Path) -> None:
    """A new category, a new photo and caption stay out of every feed until approved."""
    ident = published(nr)
    writer = Newsroom.open(nr, "ald", fixed_clock(at(2)))
    writer.act(ident, "correct", note="Tambah foto")
    article = writer.find(ident)
    article.categories = ["Ekonomi", "Kategori Baru"]
    article.image = Image("/images/baru.jpg", "Keterangan baru", "Humas")
    article.title = "Judul koreksi"
    writer.save_edit(article)
    writer.act(ident, "submit")
    run(nr, at(2.5))
    files = feed_files(nr)
    assert not any(name.startswith("category/kategori-baru") for name in files)
    everything = b"".join(files.values())
    assert b"Keterangan baru" not in everything and b"baru.jpg" not in everything
    assert b"Judul koreksi" not in everything and ident.encode() in files["rss.xml"]


def test_a_correction_approved_with_an_embargo_waits_for_its_lift(nr: Path) -> None:
    ident = published(nr)
    writer = Newsroom.open(nr, "ald", fixed_clock(at(2)))
    writer.act(ident, "correct", note="Angka")
    article = writer.find(ident)
    article.body = article.body.replace("satu", "SATU")
    writer.save_edit(article)
    writer.act(ident, "submit")
    Newsroom.open(nr, "nur", fixed_clock(at(2.1))).act(ident, "approve", embargo=at(4))
    assert run(nr, at(3)).published == []
    assert b"SATU" not in feed_files(nr)["rss.xml"]
    assert [p["id"] for p in run(nr, at(4)).published] == [ident]
    assert b"SATU" in feed_files(nr)["rss.xml"]


def test_a_run_killed_before_stamping_leaves_no_false_alarm(
    nr: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The feeds went out but the file was not stamped: the next run stamps it with the
    time the feeds already show, and nothing is reported as tampered."""
    ident = release(nr, at(0), "Rilis")

    def fail(self: Store, article: Article) -> bool:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(Store, "save", fail)
    first = run(nr, at(1))
    assert not first.ok and "the next run stamps it" in first.failed[0]
    shown = feed_files(nr)["rss.xml"]
    monkeypatch.undo()
    second = run(nr, at(1.5))
    assert second.ok and [p["id"] for p in second.published] == [ident]
    assert feed_files(nr)["rss.xml"] == shown  # the same time: nothing re-dated
    assert run(nr, at(2)).ok


def test_an_upgraded_server_adopts_what_it_published_before_seals_existed(nr: Path) -> None:
    ident = published(nr)

    def unseal(a: Article) -> None:  # a file as the version before sealing wrote it
        for h in a.history:
            h.seal, h.version = "", None

    hand_edit(nr, ident, unseal)
    (nr / ".newsroom" / "ledger.sqlite").unlink()
    result = run(nr, at(2))  # publish-state.json exists: this server published before
    assert result.ok and any("sealed 1 release" in n for n in result.notes)
    assert "rss.xml" in in_feeds(nr, ident)
    article = Newsroom.open(nr, "x").find(ident)
    assert article.history[-1].action == "adopt" and article.history[-1].seal


def test_a_fresh_clone_withholds_unsealed_releases_until_adopted(nr: Path) -> None:
    ident = published(nr)

    def unseal(a: Article) -> None:
        for h in a.history:
            h.seal, h.version = "", None

    hand_edit(nr, ident, unseal)
    for name in ("ledger.sqlite", "publish-state.json", "cache.sqlite"):
        (nr / ".newsroom" / name).unlink()
    result = run(nr, at(2))
    assert codes(result) == {ident: "legacy"}
    assert "newsroom adopt" in result.refused[0].reason
    done = CliRunner().invoke(cli, ["--root", str(nr), "--as", "nur", "adopt"])
    assert done.exit_code == 0 and "1 release sealed" in done.output
    assert run(nr, at(3)).ok and "rss.xml" in in_feeds(nr, ident)


def test_a_publication_this_server_never_made_is_reported(nr: Path, tmp_path: Path) -> None:
    """A file that arrives already published (from another newsroom, seals and all) is not
    taken on trust once this server has taken stock."""
    published(nr)
    init_newsroom(tmp_path / "other", "Lain")
    configure(tmp_path / "other")
    stranger = published(tmp_path / "other", "Rilis dari tempat lain")
    src = next((tmp_path / "other" / "articles").rglob("*.md"))
    (nr / "articles" / "salinan.md").write_text(src.read_text())
    result = run(nr, at(2))
    assert codes(result) == {stranger: "ledger_unknown"} and in_feeds(nr, stranger) == []


def test_edit_refuses_fields_the_workflow_owns(nr: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    ident = release(nr, at(0), "Draf", approve=False)
    newsroom = Newsroom.open(nr, "ald", fixed_clock(at(0.5)))
    article = newsroom.find(ident)
    text = fileformat.dump(article).replace("status: in_review", "status: approved")
    with pytest.raises(Exception, match=r"status.* is changed by the workflow's actions"):
        newsroom.save_text(article, text)
    tampered = fileformat.dump(article).replace("by: ald", "by: nur", 1)
    with pytest.raises(Exception, match="`history` is changed by nothing"):
        newsroom.save_text(article, tampered)


def test_check_is_clean_on_a_newsroom_that_used_only_the_workflow(nr: Path) -> None:
    corrected(nr)
    release(nr, at(3), "Rilis berembargo", embargo=at(9))
    run(nr, at(3.5))
    code, out = check(nr)
    assert code == 0, out


def test_a_release_changed_between_scan_and_publication_is_checked_again(
    nr: Path, as_user: Callable[..., Newsroom]
) -> None:
    ident = release(nr, at(0), "Rilis")
    path = next(p for p in (nr / "articles").rglob("*.md") if ident in p.read_text())
    # a scan that saw it approved and sealed, then a change before publish reads it
    from newsroom.core.publish.golive import GoLive

    real = GoLive._read

    def changed_meanwhile(self: GoLive, record: object) -> object:
        path.write_text(path.read_text().replace("Paragraf dua.", "Paragraf palsu."))
        return real(self, record)  # type: ignore[arg-type]

    GoLive._read = changed_meanwhile  # type: ignore[method-assign,assignment]
    try:
        result = run(nr, at(1))
    finally:
        GoLive._read = real  # type: ignore[method-assign]
    assert result.published == [] and "differs from what nur approved" in result.failed[0]


# ---------------------------------------------------------------- an older copy put back


def keep_copy(root: Path, ident: str) -> tuple[Path, str]:
    path = next(p for p in (root / "articles").rglob("*.md") if ident in p.read_text())
    return path, path.read_text()


def test_putting_back_an_older_copy_never_undoes_a_retraction(nr: Path) -> None:
    """A merge that picks the wrong side, or `git checkout` of an older commit: partners were
    told the release is retracted; its full text must not come back."""
    ident = published(nr)
    path, before = keep_copy(nr, ident)
    Newsroom.open(nr, "nur", fixed_clock(at(2))).act(ident, "retract", note="Data salah")
    assert run(nr, at(2.1)).ok
    assert b"DICABUT" in feed_files(nr)["rss.xml"]
    path.write_text(before)  # the copy from before the retraction
    result = run(nr, at(3))
    assert codes(result) == {ident: "ledger_retraction"}
    assert b"Paragraf dua" not in feed_files(nr)["rss.xml"]
    code, out = check(nr)
    assert code == 1 and "an older copy was put back" in out


def test_a_published_release_put_back_to_approved_or_in_review_is_reported(nr: Path) -> None:
    ident = release(nr, at(0), "Rilis", approve=False)
    path, in_review = keep_copy(nr, ident)
    Newsroom.open(nr, "nur", fixed_clock(at(0.1))).act(ident, "approve")
    _, approved = keep_copy(nr, ident)
    assert run(nr, at(1)).ok
    for older in (approved, in_review):  # as it was before publish stamped it, and before
        path.write_text(older)
        result = run(nr, at(2))
        assert codes(result) == {ident: "ledger_history"} and result.published == []
        assert ident.encode() not in feed_files(nr)["rss.xml"]


def test_a_correction_never_starts_from_a_text_changed_by_hand(nr: Path) -> None:
    ident = published(nr)
    hand_edit(nr, ident, lambda a: setattr(a, "body", "Diganti diam-diam.\n"))
    with pytest.raises(Exception, match="correct refused: the published text differs"):
        Newsroom.open(nr, "ald", fixed_clock(at(2))).act(ident, "correct", note="Ralat")


def test_a_release_is_never_published_before_its_approval(nr: Path) -> None:
    ident = release(nr, at(5), "Rilis")
    result = run(nr, at(1))  # a run whose clock is set back
    assert result.published == [] and "never published before it was approved" in result.failed[0]
    assert Newsroom.open(nr, "x").find(ident).status == "approved"
    done = CliRunner().invoke(cli, ["--root", str(nr), "publish", "--now", "2019-01-01T09:00"])
    assert done.exit_code == 2 and "in the past" in done.output
