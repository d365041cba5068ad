"""What `newsroom publish` (and the desk's publish report) says of what a run could not do,
in the person's language: a page not written because its file no longer holds the text
publish put out, a number already given, a translation refused, a write that failed.
Each names its file and says what to do, in Indonesian and in English (walk 20's last
English-only lines). `newsroom status` says that a published release changed by hand
keeps, for partners, the version they have; a seal names people as [people] does."""

from __future__ import annotations

import datetime as dt
import sqlite3
from pathlib import Path

import pytest

from newsroom.core.clock import fixed_clock
from newsroom.core.config import load_config
from newsroom.core.service import NewArticle, Newsroom

from .clikit import newsroom, publish, publish_on_a_small_disk
from .feedkit import at, configure, release, run

ENGLISH = ("was not written", "no longer holds", "restore it from git", "is already",
           "give this release", "names no release", "cannot write", "free some space",
           "the version partners have", "until the file")  # fmt: skip


def no_english(said: str) -> None:
    for words in ENGLISH:
        assert words not in said, (words, said)


def published_then_hand_edited(root: Path) -> tuple[str, Path]:
    """A release published, then its text changed by hand (`sed -i`)."""
    configure(root)
    ident = release(root, at(0), "Rilis pemilu", category="Pemilu")
    assert run(root, at(1)).ok
    path = next(p for p in (root / "articles").rglob("*.md") if ident in p.read_text())
    path.write_text(path.read_text().replace("Paragraf dua", "Paragraf duaa"))
    return ident, path


def test_a_page_not_written_from_a_hand_edited_file_is_said_in_the_persons_language(
    tmp_path: Path,
) -> None:
    """Its page made again (removed by hand), the run refuses the changed file
    (records.reread) and said "tidak terbit: …: its page was not written: … no longer
    holds the text publish put out (changed outside the workflow): restore it from git"."""
    from newsroom.core.init import init_newsroom

    said = {}
    for language in ("id", "en"):
        root = tmp_path / language
        init_newsroom(root, "Humas Uji")
        _, path = published_then_hand_edited(root)
        assert run(root, at(2)).refused[0].code == "live_kept"
        next((root / "feeds").rglob("rilis-pemilu/index.html")).unlink()  # made again
        with sqlite3.connect(load_config(root).state_dir / "cache.sqlite") as db:
            db.execute("DELETE FROM rendered")  # (its content too: read from the file)
        release(root, at(3), "Rilis lain", category="Pemilu")
        done = publish(root, language, at(3.5))
        assert done.exit_code == 1, done.output
        said[language] = done.output.replace("\n", " ")
        feeds = b"".join(p.read_bytes() for p in (root / "feeds").rglob("*") if p.is_file())
        assert b"Paragraf duaa" not in feeds
    shown = path.relative_to(root)
    assert (
        f"tidak terbit: {shown}: halamannya tidak ditulis: {shown} tidak lagi memuat teks yang "
        "dikeluarkan publish (diubah di luar alur kerja): pulihkan dari git (halaman yang "
        "sudah diterima mitra tetap; penerbitan berikutnya mencoba lagi)"
    ) in said["id"], said["id"]
    no_english(said["id"])
    assert (
        f"not published: {shown}: its page was not written: {shown} no longer holds the text "
        "publish put out (changed outside the workflow): restore it from git (the page "
        "partners have stays; the next run tries again)"
    ) in said["en"], said["en"]


def numbered(root: Path, title: str, number: str, when: dt.datetime) -> tuple[str, str]:
    """A release with a number typed by hand, submitted and approved; its id and file."""
    writer = Newsroom.open(root, "ald", fixed_clock(when))
    article = writer.create(NewArticle(
        title=title, body="Isi.\n\nParagraf dua.", dateline="JAKARTA", summary="Ringkas.",
        categories=["Ekonomi"], author="ald", credit="HUMAS UJI",
    ))  # fmt: skip
    assert article.path is not None
    path = root / article.path
    path.write_text(path.read_text().replace("language: id\n", f"language: id\nrelease_number: "
                                             f"{number}\n"))  # fmt: skip
    writer.act(article.id, "submit")
    Newsroom.open(root, "nur", fixed_clock(when)).act(article.id, "approve")
    return article.id, str(article.path)


def test_a_number_already_given_is_said_in_the_persons_language(
    root: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Two releases approved with one number typed by hand (in two offices at once: the
    check of each saw no other): publish puts one out and refused the other with "release
    number '001/HUMAS/2026' is already …'s: give this release another number", English to
    an Indonesian desk."""
    from newsroom.core import checks

    monkeypatch.setitem(checks.AROUND, "number_unique", lambda article, around: None)
    first, first_path = numbered(root, "Rilis satu", "001/HUMAS/2026", at(0))
    second, second_path = numbered(root, "Rilis dua", "001/HUMAS/2026", at(0.1))
    said = {language: publish(root, language, at(1)) for language in ("id", "en")}
    out = {language: done.output.replace("\n", " ") for language, done in said.items()}
    went = Newsroom.open(root, "x")
    late, other = (second_path, first_path) if went.find(first).status == "published" else (
        first_path, second_path)  # fmt: skip
    ref = (second if late == second_path else first)[:8]
    assert said["id"].exit_code == 1 and said["en"].exit_code == 1
    assert (
        f"tidak terbit: {late}: nomor siaran pers “001/HUMAS/2026” sudah dipakai {other}: beri "
        "siaran pers ini nomor lain, atau kosongkan (publish memberinya): `newsroom "
        f"request-changes {ref}`, lalu `newsroom edit {ref}`"
    ) in out["id"], out["id"]
    no_english(out["id"])
    assert (
        f"not published: {late}: release number “001/HUMAS/2026” is already {other}'s: give "
        f"this release another number, or none (publish gives one): `newsroom request-changes "
        f"{ref}`, then `newsroom edit {ref}`"
    ) in out["en"], out["en"]


def translation_without_original(root: Path) -> tuple[str, str]:
    """A translation approved, its original's file removed (`git rm`): (its path, the
    original's id)."""
    original = release(root, at(0), "ASN Jaga Netralitas", approve=False)
    translator = Newsroom.open(root, "rina", fixed_clock(at(0)))
    made = translator.translate(original, "en")
    assert made.path is not None
    path = root / made.path
    text = path.read_text().replace("Paragraf", "Paragraph")
    path.write_text(text.replace("title: ASN Jaga Netralitas", "title: Civil servants neutral"))
    for step, who in (("submit", "ald"), ("approve", "nur")):
        Newsroom.open(root, who, fixed_clock(at(0))).act(made.id, step)
    original_file = next(p for p in (root / "articles").rglob("*.md") if p != path
                         and original in p.read_text())  # fmt: skip
    original_file.unlink()  # (git rm of the original's file)
    return made.path, original


def test_a_translation_refused_at_publish_is_said_in_the_persons_language(root: Path) -> None:
    """A translation whose original is gone (its file removed, the translation approved
    meanwhile): "`translation_of` … names no release in this newsroom (set it to …)"."""
    path, original = translation_without_original(root)
    said = {language: publish(root, language, at(1)) for language in ("id", "en")}
    out = {language: done.output.replace("\n", " ") for language, done in said.items()}
    assert (
        f"tidak terbit: {path}: `translation_of` {original} tidak menunjuk siaran pers "
        "mana pun di newsroom ini (isi dengan id naskah aslinya: `newsroom show ASLI` "
        "menampilkannya; atau hapus)"
    ) in out["id"], out["id"]
    no_english(out["id"])
    assert (
        f"not published: {path}: `translation_of` {original} names no release in this "
        "newsroom (set it to the id of the original: `newsroom show ORIGINAL` prints it; or "
        "remove it)"
    ) in out["en"], out["en"]


def test_status_says_the_last_runs_failures_in_the_persons_language(root: Path) -> None:
    """`newsroom status` names what the last run could not do ("rusak: …"): from the
    run's state, which kept only its English line; it keeps each one's code and facts."""
    path, original = translation_without_original(root)
    publish(root, "id", at(1))
    said = {language: newsroom(root, language, "status") for language in ("id", "en")}
    out = {language: done.output.replace("\n", " ") for language, done in said.items()}
    assert (
        f"rusak: {path}: `translation_of` {original} tidak menunjuk siaran pers mana pun"
    ) in out["id"], out["id"]
    no_english(out["id"])
    assert f"broken: {path}: `translation_of` {original} names no release" in out["en"]


def test_a_write_that_failed_is_said_in_the_persons_language(root: Path) -> None:
    """Every write beyond 1 KB fails (RLIMIT_FSIZE, as a full disk would): "cannot write …:
    File too large; nothing was published …" reached an Indonesian desk in English."""
    configure(root)
    release(root, at(0), "Rilis")

    done = publish_on_a_small_disk(root, at(1), "id")
    assert done.returncode == 1 and "Traceback" not in done.stderr, done.stderr
    said = next(line for line in done.stderr.splitlines() if line.startswith("tidak terbit"))
    assert said.startswith(f"tidak terbit: tidak dapat menulis {root}/"), said
    assert said.endswith(
        "; tidak ada yang terbit dan feed tetap seperti semula (kosongkan ruang disk atau "
        "perbaiki izin foldernya, lalu jalankan lagi)"
    ), said
    no_english(said)  # (the system's own reason, "disk I/O error", stays as it says it)


def test_status_says_partners_keep_what_they_have_of_a_hand_edited_release(root: Path) -> None:
    """`newsroom status` said only that the published text differs (restore it): not that
    partners keep, meanwhile, the version they have, as publish says (LIVE_KEPT): before
    a run and after it, in both languages, with how to change the published text."""
    ident, path = published_then_hand_edited(root)
    shown, ref = path.relative_to(root), ident[:8]
    for ran in (False, True):
        if ran:
            assert run(root, at(2)).refused[0].code == "live_kept"
        said = {language: newsroom(root, language, "status") for language in ("id", "en")}
        out = {language: done.output.replace("\n", " ") for language, done in said.items()}
        assert said["id"].exit_code == 1 and said["en"].exit_code == 1
        assert (
            f"ditahan: {shown}: teks terbit berbeda dari yang dikeluarkan publish "
            "(02-06-2026 09:00 WIB): pulihkan berkas dari git (perubahan siaran pers yang sudah "
            "terbit lewat `newsroom correct`); versi yang sudah diterima mitra tetap di feed, "
            "seperti saat diterbitkan, sampai berkas dipulihkan dari git (lalu, untuk mengubah "
            f"teks terbit, mulai ralat: `newsroom correct {ref}`)"
        ) in out["id"], out["id"]
        no_english(out["id"])
        assert (
            "; the version partners have stays in the feeds, as publish put it out, until the "
            "file is restored from git (then, to change the published text, start a "
            f"correction: `newsroom correct {ref}`)"
        ) in out["en"], out["en"]
        assert out["id"].count("ditahan:") == 1 and out["en"].count("held back:") == 1


def test_a_seal_names_people_as_the_rest_of_the_ui_does(bundled: Path) -> None:
    """ "the text differs from what nur approved", "approved by ald, who changed the text
    last": a seal named people by their login, where every other line names them by the
    name [people] gives them."""
    from .tuikit import NOW

    nur = Newsroom.open(bundled, "nur", fixed_clock(NOW))
    ident = nur.find("contoh-menunggu-review-zona-integritas").id
    nur.act(ident, "approve")
    path = next(p for p in (bundled / "articles").rglob("*.md") if ident in p.read_text())
    path.write_text(path.read_text().replace("\n\n", "\n\nSatu kalimat baru.\n\n", 1))
    said = {language: newsroom(bundled, language, "check") for language in ("id", "en")}
    name = nur.display_name("nur")
    assert name != "nur"
    assert f"teks berbeda dari yang disetujui {name} (" in said["id"].output, said["id"].output
    assert f"the text differs from what {name} approved (" in said["en"].output
    assert "disetujui nur (" not in said["id"].output
    assert "what nur approved" not in said["en"].output
