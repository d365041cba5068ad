"""Signing is incremental (a list spliced from the last one, texts signed again only for
releases whose record moved), and what it leaves is what a run from scratch makes; a list
or signature changed in feeds/ is noticed however it was changed."""

from __future__ import annotations

import os
import shutil
import sqlite3
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from newsroom.core.errors import NewsroomError
from newsroom.core.signing import minisign as minisign_module
from newsroom.core.signing import texts as texts_module
from newsroom.core.signing.sums import OWN, parse_sums, sha256_file, sums_text, walk

from .feedkit import at, correct, newsroom_root, release, retract, run
from .signkit import keyhome, minisign, needs_minisign, sha256sum_check
from .test_signed_texts import nr

__all__ = ["keyhome", "newsroom_root", "nr"]  # fixtures, used by name


def lists_from_scratch(feeds: Path) -> dict[str, str]:
    """Every folder's list made by hashing every file now in feeds/ (sha256sum's way)."""
    digests: dict[str, dict[str, str]] = {}
    for rel in walk(feeds):
        parts = rel.split("/")
        if parts[0] == "private":
            if len(parts) < 3 or (len(parts) == 3 and parts[2] in OWN):
                continue
            folder = "/".join(parts[:2])
        elif rel in OWN:
            continue
        else:
            folder = ""
        name = rel[len(folder) + 1 :] if folder else rel
        digests.setdefault(folder, {})[name] = sha256_file(feeds / rel)
    return {folder: sums_text(d) for folder, d in digests.items()}


def lists_on_disk(feeds: Path) -> dict[str, str]:
    found = {"": (feeds / "SHA256SUMS").read_text()}
    for d in sorted((feeds / "private").iterdir()):
        if (d / "SHA256SUMS").exists():
            found[f"private/{d.name}"] = (d / "SHA256SUMS").read_text()
    return found


def signed_texts(feeds: Path) -> dict[str, bytes]:
    return {
        p.relative_to(feeds).as_posix(): p.read_bytes()
        for p in sorted((feeds / "siaran-pers").glob("*/v*.txt*"))
    }


def counting_checks(monkeypatch: pytest.MonkeyPatch) -> list[int]:
    """Count the signature checks of SHA256SUMS (publish checks no other signature)."""
    checks: list[int] = []
    real = minisign_module.PublicKey.verify

    def verify(self: minisign_module.PublicKey, data: bytes, signature: object) -> str:
        checks.append(len(data))
        return real(self, data, signature)  # type: ignore[arg-type]

    monkeypatch.setattr(minisign_module.PublicKey, "verify", verify)
    return checks


@needs_minisign
def test_after_approvals_corrections_a_retraction_and_a_deletion_the_lists_and_texts_are_those_made_from_scratch(  # noqa: E501
    nr: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    checks = counting_checks(monkeypatch)
    feeds = nr / "feeds"
    first = release(nr, at(0), "Taman kota diresmikan", body="Versi satu.\n", category="Pemilu")
    second = release(nr, at(0.1), "Jembatan baru dibuka")
    third = release(nr, at(0.2), "Pasar rakyat dipugar")
    steps: list[Callable[[], object]] = [
        lambda: None,
        lambda: correct(nr, first, at(2), "Angka salah", "Versi dua.\n"),
        lambda: release(nr, at(3), "Sekolah baru", category="Pemilu"),
        lambda: retract(nr, second, at(4), "Salah kirim"),
        lambda: next(nr.glob("articles/**/*pasar-rakyat*.md")).unlink(),
        lambda: correct(nr, first, at(6), "Nama salah", "Versi tiga.\n"),
    ]
    for day, step in enumerate(steps, start=1):
        step()
        when = at(day + 0.5)
        result = run(nr, when)
        assert result.ok and result.signed, result.to_json()
        assert lists_on_disk(feeds) == lists_from_scratch(feeds), f"step {day}"
        assert sha256sum_check(feeds).returncode == 0
        done = minisign("-Vm", "SHA256SUMS", "-p", nr / "newsroom.pub", cwd=feeds)
        assert done.returncode == 0, done.stderr
    assert checks == [], "each list was taken as this program wrote it, without a check"
    assert third not in (feeds / "SHA256SUMS").read_text()
    assert not list(feeds.glob("siaran-pers/pasar-rakyat-dipugar/*"))
    # the signed texts of a newsroom published once, from scratch, at the same moment
    fresh = tmp_path / "fresh"
    shutil.copytree(nr, fresh, ignore=shutil.ignore_patterns("feeds", ".newsroom"))
    assert run(fresh, when).ok
    assert signed_texts(feeds) == signed_texts(fresh / "feeds")
    assert "v3.txt" in "".join(signed_texts(feeds))  # (the corrections and the notice are in)


def test_a_list_rewritten_with_its_size_and_times_kept_is_noticed(
    nr: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    feeds = nr / "feeds"
    release(nr, at(0), "Taman kota diresmikan")
    assert run(nr, at(1)).ok
    sums = feeds / "SHA256SUMS"
    st = sums.stat()
    text = sums.read_text()
    line = next(x for x in text.splitlines() if x.endswith("  rss.xml"))
    with open(sums, "r+b") as handle:  # the same file, the same size, its times put back
        handle.write(text.replace(line, "0" * 64 + line[64:]).encode())
    os.utime(sums, ns=(st.st_atime_ns, st.st_mtime_ns))
    checks = counting_checks(monkeypatch)
    release(nr, at(2), "Jembatan baru dibuka")
    result = run(nr, at(3))
    assert result.ok and result.signed
    assert checks, "a list that changed is not taken as it stands"
    assert "0" * 64 not in sums.read_text()  # every file hashed again: nothing slipped in
    assert parse_sums(sums.read_text()) == parse_sums(lists_from_scratch(feeds)[""])


@needs_minisign
def test_a_changed_signature_of_the_list_is_noticed_and_signed_again(
    nr: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    feeds = nr / "feeds"
    release(nr, at(0), "Taman kota diresmikan")
    assert run(nr, at(1)).ok
    sig = feeds / "SHA256SUMS.minisig"
    sig.write_text(sig.read_text().replace("file=SHA256SUMS", "file=PALSU"))
    assert minisign("-Vm", "SHA256SUMS", "-p", nr / "newsroom.pub", cwd=feeds).returncode != 0
    checks = counting_checks(monkeypatch)
    release(nr, at(2), "Jembatan baru dibuka")
    assert run(nr, at(3)).ok
    assert checks
    done = minisign("-Vm", "SHA256SUMS", "-p", nr / "newsroom.pub", cwd=feeds)
    assert done.returncode == 0 and "file=SHA256SUMS" in done.stdout, done.stderr
    assert sha256sum_check(feeds).returncode == 0


def test_a_row_of_the_signed_texts_changed_by_another_program_is_compared_again(
    nr: Path,
) -> None:
    """The store's summary of its rows (a digest a bucket) holds only for the rows as this
    program left them: an older program or a hand that changes a row drops it."""
    ident = release(nr, at(0), "Taman kota diresmikan")
    assert run(nr, at(1)).ok
    path = nr / ".newsroom" / texts_module.STATE
    with sqlite3.connect(path) as db:
        (real,) = db.execute("SELECT fp FROM texts WHERE id = ?", (ident,)).fetchone()
        assert db.execute("SELECT value FROM meta WHERE key = 'buckets'").fetchone()
        db.execute("UPDATE texts SET fp = 'lama' WHERE id = ?", (ident,))
        assert not db.execute("SELECT value FROM meta WHERE key = 'buckets'").fetchone()
    db.close()
    release(nr, at(2), "Jembatan baru dibuka")
    assert run(nr, at(3)).ok
    with sqlite3.connect(path) as db:
        assert db.execute("SELECT fp FROM texts WHERE id = ?", (ident,)).fetchone() == (real,)
    db.close()


def test_a_release_whose_texts_failed_is_tried_again_next_run(
    nr: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    release(nr, at(0), "Taman kota diresmikan")
    assert run(nr, at(1)).ok
    real = texts_module.SignedTexts._want

    def failing(self: texts_module.SignedTexts, store: object, record: object, going: object
                ) -> texts_module.Want:  # fmt: skip
        raise NewsroomError("disk full")

    monkeypatch.setattr(texts_module.SignedTexts, "_want", failing)
    release(nr, at(2), "Jembatan baru dibuka")
    result = run(nr, at(3))
    assert any("its signed texts were not written" in f for f in result.failed)
    monkeypatch.setattr(texts_module.SignedTexts, "_want", real)
    release(nr, at(4), "Pasar rakyat dipugar")  # (a run with work: one more approval)
    assert run(nr, at(5)).ok
    assert (nr / "feeds" / "siaran-pers" / "jembatan-baru-dibuka" / "v1.txt.minisig").exists()


def test_a_release_whose_texts_failed_when_everything_was_signed_anew_is_signed_next_run(
    nr: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A new basis (here the office's name; a new key alike) signs every release anew: one
    whose texts fail then is signed next run, not left as the old basis signed it."""
    ident = release(nr, at(0), "Taman kota diresmikan")
    assert run(nr, at(1)).ok
    text = nr / "feeds" / "siaran-pers" / "taman-kota-diresmikan" / "v1.txt"
    toml = nr / "newsroom.toml"
    old = next(line for line in toml.read_text().splitlines() if line.startswith("title = "))
    toml.write_text(toml.read_text().replace(old, 'title = "Kantor Baru"', 1))
    real = texts_module.SignedTexts._want

    def failing(self: texts_module.SignedTexts, store: object, record: Any, going: object
                ) -> texts_module.Want:  # fmt: skip
        if record.id == ident:
            raise NewsroomError("disk full")
        return real(self, store, record, going)  # type: ignore[arg-type]

    monkeypatch.setattr(texts_module.SignedTexts, "_want", failing)
    release(nr, at(2), "Jembatan baru dibuka")
    assert any("its signed texts were not written" in f for f in run(nr, at(3)).failed)
    assert "Kantor Baru" not in text.read_text()
    monkeypatch.setattr(texts_module.SignedTexts, "_want", real)
    release(nr, at(4), "Pasar rakyat dipugar")
    assert run(nr, at(5)).ok
    assert "Kantor Baru" in text.read_text()
