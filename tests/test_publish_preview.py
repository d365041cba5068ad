"""The publish preview names exactly what the run then does: `newsroom publish --dry-run`
(and the desk's publish dialog, which shows the same answer) lists the files the run
writes and the files it removes, for each kind of run, signed or not.

The fresh-clone walk found the preview saying "akan menulis 23 berkas publik" before a run
that wrote 29: the number lookup's files (`nomor.json`, `nomor/B-005/…`), SHA256SUMS and
its signature went unnamed, and no removal (a retraction's withdrawn texts, a lifted
release's private document) was ever previewed."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from pathlib import Path

import pytest

from newsroom.core.clock import fixed_clock
from newsroom.core.outputs import PublishResult
from newsroom.core.service import Newsroom
from newsroom.i18n import Translator
from newsroom.i18n.explain import publish_lines

from .feedkit import at, newsroom_root, release, retract, run
from .signkit import keyhome, make_key
from .test_numbering import number_releases

__all__ = ["keyhome", "newsroom_root"]  # fixtures, used by name


@pytest.fixture(params=["unsigned", "signed"])
def numbered(request: pytest.FixtureRequest, newsroom_root: Path) -> Path:
    """A numbered newsroom (signed, or not) with one release out."""
    number_releases(newsroom_root)
    if request.param == "signed":
        request.getfixturevalue("keyhome")
        make_key(newsroom_root)
    release(newsroom_root, at(0), "Rilis pertama", category="Pemilu")
    first = run(newsroom_root, at(0.1))
    assert first.ok and bool(first.signed) == (request.param == "signed"), first.to_json()
    return newsroom_root


def preview_then_run(root: Path, when: dt.datetime) -> tuple[PublishResult, PublishResult]:
    """The dry run, then the real run, on the same clock: the preview must be the run."""
    dry = run(root, when, dry_run=True)
    done = run(root, when)
    assert done.ok, done.to_json()
    assert sorted(dry.to_write) == list(done.written), (dry.to_write, list(done.written))
    assert sorted(dry.to_remove) == sorted(done.removed), (dry.to_remove, done.removed)
    assert not dry.to_write_at_most and not dry.to_write_unchecked  # said exactly
    return dry, done


def first_publication(root: Path) -> None:
    release(root, at(1), "Rilis kedua")


def correction(root: Path) -> None:
    """A correction of the title too: the number's lookup says the new one."""
    ident = release(root, at(0.5), "Rilis dikoreksi")
    assert run(root, at(0.6)).ok
    writer = Newsroom.open(root, "ald", fixed_clock(at(1)))
    writer.act(ident, "correct", note="Judul dan angka diperbaiki")
    article = writer.find(ident)
    article.title, article.body = "Rilis yang dikoreksi", "Angka yang benar.\n\nParagraf dua."
    writer.save_edit(article)
    writer.act(ident, "submit")
    Newsroom.open(root, "nur", fixed_clock(at(1))).act(ident, "approve")


def retraction(root: Path) -> None:
    ident = release(root, at(0.5), "Rilis dicabut", category="Pemilu")
    assert run(root, at(0.6)).ok
    retract(root, ident, at(1), "Data belum final")


def embargo_lift(root: Path) -> None:
    release(root, at(0.5), "Rilis embargo", embargo=at(0.9))
    assert run(root, at(0.6)).ok  # (in the private feeds and ninjs of antara meanwhile)


KINDS: dict[str, tuple[Callable[[Path], None], bool]] = {  # (what happens, a file goes)
    "first publication": (first_publication, False),
    "correction": (correction, False),
    "retraction": (retraction, True),
    "embargo lift": (embargo_lift, True),
}


@pytest.mark.parametrize("kind", list(KINDS))
def test_the_preview_names_the_files_the_run_writes_and_removes(numbered: Path, kind: str) -> None:
    happen, removes = KINDS[kind]
    happen(numbered)
    dry, done = preview_then_run(numbered, at(1.1))
    assert bool(done.removed) == removes, done.removed
    assert "nomor.json" in dry.to_write, dry.to_write  # the lookup by number changes too
    if done.signed:  # the lists cover what changed, and the preview says so
        assert {"SHA256SUMS", "SHA256SUMS.minisig"} <= set(dry.to_write), dry.to_write


def test_a_retraction_previews_the_withdrawn_texts_in_both_languages(
    newsroom_root: Path, keyhome: Path
) -> None:
    make_key(newsroom_root)
    ident = release(newsroom_root, at(0), "Rilis pertama")
    assert run(newsroom_root, at(0.1)).ok
    retract(newsroom_root, ident, at(1), "Data belum final")
    dry, done = preview_then_run(newsroom_root, at(1.1))
    gone = ["siaran-pers/rilis-pertama/v1.ninjs.json", "siaran-pers/rilis-pertama/v1.txt"]
    assert sorted(dry.to_remove) == gone and dry.to_json()["to_remove"] == dry.to_remove
    files = ", ".join(dry.to_remove)
    assert f"would remove 2 files: {files}" in publish_lines(Translator("en"), dry, str)
    assert f"akan menghapus 2 berkas: {files}" in publish_lines(Translator("id"), dry, str)
    assert f"2 berkas dihapus: {', '.join(done.removed)}" in publish_lines(
        Translator("id"), done, str
    )


def test_a_preview_that_only_removes_is_no_nothing(newsroom_root: Path) -> None:
    """A run whose only change is a file going is work: the preview says which, not "nothing
    would change", and the desk's dialog offers to publish."""
    from newsroom.tui.screens.publish import _has_work

    dry = PublishResult(at(1), "cron", dry_run=True, to_remove=["partner/pemilu/rss.xml"])
    for lang, said in (("en", "would remove 1 file: partner/pemilu/rss.xml"),
                       ("id", "akan menghapus 1 berkas: partner/pemilu/rss.xml")):  # fmt: skip
        assert publish_lines(Translator(lang), dry, str) == [said]
    assert _has_work(dry)


def test_a_preview_that_could_not_compare_says_at_most(newsroom_root: Path) -> None:
    dry = PublishResult(at(1), "cron", dry_run=True, to_write=["rss.xml", "private/antara/rss.xml"],
                        to_write_unchecked=True)  # fmt: skip
    en = publish_lines(Translator("en"), dry, str)
    assert en[0].startswith("would write at most 1 public file: rss.xml (too many to compare")
    assert en[1].startswith("would write at most 1 private file")
    id_ = publish_lines(Translator("id"), dry, str)
    assert id_[0].startswith("akan menulis paling banyak 1 berkas publik: rss.xml (terlalu banyak")
    assert dry.to_json()["to_write_at_most"] is True


def test_a_preview_with_the_key_gone_and_nothing_to_do_removes_nothing(
    newsroom_root: Path, keyhome: Path
) -> None:
    """The secret key went away after a signed run, and nothing changed: the run has nothing
    to do (it stops after the scan) and leaves SHA256SUMS; its preview said it would remove
    the lists."""
    make_key(newsroom_root)
    release(newsroom_root, at(0), "Rilis pertama")
    assert run(newsroom_root, at(0.1)).signed
    for key in keyhome.iterdir():
        key.rename(key.parent / (key.name + ".disimpan"))
    dry = run(newsroom_root, at(0.2), dry_run=True)
    done = run(newsroom_root, at(0.2))
    assert done.skipped and (newsroom_root / "feeds" / "SHA256SUMS").exists()
    assert dry.to_remove == [] and dry.to_write == [], dry.to_json()
    release(newsroom_root, at(0.3), "Rilis kedua")  # now it has work: the lists go
    dry, done = preview_then_run(newsroom_root, at(0.4))
    assert {"SHA256SUMS", "SHA256SUMS.minisig"} <= set(dry.to_remove)


def test_a_list_written_again_for_a_removal_alone_is_among_the_files_written(
    newsroom_root: Path, keyhome: Path
) -> None:
    """A partner dropped from newsroom.toml: its feeds go, and the public SHA256SUMS is
    written again without them, though no other public file changed. The run wrote it
    without naming it among the files written."""
    make_key(newsroom_root)
    release(newsroom_root, at(0), "Rilis pertama", category="Pemilu")
    assert run(newsroom_root, at(0.1)).ok
    config = newsroom_root / "newsroom.toml"
    text = config.read_text()
    partner = '\n[[partners]]\nname = "pemilu"\ntitle = "Mitra Pemilu"\ncategories = ["Pemilu"]\n'
    assert partner in text
    config.write_text(text.replace(partner, "\n"))
    before = (newsroom_root / "feeds" / "SHA256SUMS").read_bytes()
    dry = run(newsroom_root, at(0.2), dry_run=True)
    done = run(newsroom_root, at(0.2))
    assert "partner/pemilu/rss.xml" in done.removed
    assert sorted(dry.to_remove) == sorted(done.removed)
    assert (newsroom_root / "feeds" / "SHA256SUMS").read_bytes() != before
    assert {"SHA256SUMS", "SHA256SUMS.minisig"} <= set(done.written), list(done.written)
    assert {"SHA256SUMS", "SHA256SUMS.minisig"} <= set(dry.to_write)


def _held(root: Path) -> str:
    ident = release(root, at(0.5), "Rilis embargo", embargo=at(3))
    assert run(root, at(0.6)).ok  # (antara holds it: its private feeds and ninjs document)
    return ident


def moved(root: Path) -> None:
    from .test_partners import move_embargo

    move_embargo(root, _held(root), at(1), at(4))


def sent_back(root: Path) -> None:
    from .test_notices_embargo import send_back

    send_back(root, _held(root), at(1))


def approved_again(root: Path) -> None:
    from .test_notices_embargo import send_back

    ident = _held(root)
    send_back(root, ident, at(0.8))
    assert run(root, at(0.9)).ok
    Newsroom.open(root, "ald", fixed_clock(at(1))).act(ident, "submit")
    Newsroom.open(root, "nur", fixed_clock(at(1))).act(ident, "approve", embargo=at(3))


@pytest.mark.parametrize("happen", [moved, sent_back, approved_again])
def test_an_embargo_event_previews_the_private_document_made_again(
    numbered: Path, happen: Callable[[Path], None]
) -> None:
    """A moved lift, a withdrawal, an embargo again: the private ninjs document partners
    hold is made again in place (a new version), and the preview named only new files:
    the run wrote `private/antara/ninjs/rilis-embargo.json` it had not said (review of
    2fd13a1). Each release's documents are now made in memory and compared, as pages'."""
    happen(numbered)
    _, done = preview_then_run(numbered, at(1.1))
    assert "private/antara/ninjs/rilis-embargo.json" in done.written, done.written
