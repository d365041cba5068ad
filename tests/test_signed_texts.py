"""Each published version's signed text (`siaran-pers/<slug>/v<N>.txt` + `.minisig`): checked
by the real `minisign` and by `newsroom verify`; its trusted comment says whether the office
still stands by it (current, superseded, retracted), and a retraction withdraws the texts
but keeps their signatures, signed again as retracted."""

from __future__ import annotations

import hashlib
import re
import shutil
from collections.abc import Iterable
from pathlib import Path

import pytest
from click.testing import CliRunner, Result

from newsroom.cli import cli
from newsroom.core.clock import fixed_clock
from newsroom.core.service import Newsroom
from newsroom.core.signing.canonical import parse_comment
from newsroom.core.signing.minisign import PublicKey, Signature

from .feedkit import at, configure, correct, release, retract, run
from .signkit import keyhome, make_key, minisign, needs_minisign, sha256sum_check
from .test_attachments import PDF, approve, cli_run, file
from .test_numbering import number_releases

__all__ = ["keyhome"]  # a fixture, used by name

SLUG = "taman-kota-diresmikan"


def verify(*args: str | Path) -> Result:
    return CliRunner().invoke(cli, ["verify", *map(str, args)], env={"NEWSROOM_LANG": "en"})


def comment(folder: Path, name: str) -> dict[str, str]:
    signature = Signature.parse((folder / f"{name}.minisig").read_text())
    key = PublicKey.parse((folder.parents[2] / "newsroom.pub").read_text())
    data = (folder / name).read_bytes()
    return parse_comment(key.verify(data, signature))


def linked(folder: Path) -> list[str]:
    """The signed texts and signatures a release's page links, in its order."""
    page = (folder / "index.html").read_text()
    return re.findall(r'href="[^"]+/(v\d+\.txt(?:\.minisig)?)"', page)


@pytest.fixture
def nr(root: Path, keyhome: Path) -> Path:
    configure(root)
    number_releases(root)
    make_key(root)
    return root


def corrected(nr: Path) -> tuple[str, Path]:
    ident = release(nr, at(0), "Taman kota diresmikan", body="Versi satu.\n")
    assert run(nr, at(1)).ok
    correct(nr, ident, at(2), "Angka salah", "Versi dua.\n")
    assert run(nr, at(3)).ok
    return ident, nr / "feeds" / "siaran-pers" / SLUG


@needs_minisign
def test_each_version_has_its_text_signed_and_stock_minisign_accepts_it(nr: Path) -> None:
    ident = release(nr, at(0), "Taman kota diresmikan", body="Versi satu.\n")
    assert run(nr, at(1)).ok
    folder = nr / "feeds" / "siaran-pers" / SLUG
    first = (folder / "v1.txt").read_bytes()
    correct(nr, ident, at(2), "Angka salah", "Versi dua.\n")
    assert run(nr, at(3)).ok
    assert (folder / "v1.txt").read_bytes() == first  # a copy a journalist kept still matches
    text = (folder / "v2.txt").read_text()
    for line in ("Nomor | Number: B-001/HUMAS/VI/2026", f"ID: {ident}", "Versi | Version: 2",
                 "Waktu | Time: 04-06-2026 09:00 WIB", "Koreksi | Correction: Angka salah",
                 "Taman kota diresmikan", "JAKARTA - Versi dua.", "(ald/HUMAS UJI)"):  # fmt: skip
        assert line in text, line
    assert "Versi satu." in first.decode() and "Versi dua." not in first.decode()
    pub = nr / "newsroom.pub"
    for name, status in (("v1.txt", "superseded"), ("v2.txt", "current")):
        done = minisign("-Vm", name, "-p", pub, cwd=folder)
        assert done.returncode == 0, done.stderr
        assert f"version={name[1]} number=B-001/HUMAS/VI/2026 status={status}" in done.stdout
        assert f"id={ident}" in done.stdout
    assert comment(folder, "v1.txt")["superseded"] == "2026-06-04T09:00:00+07:00"
    assert sha256sum_check(nr / "feeds").returncode == 0
    listed = (nr / "feeds" / "SHA256SUMS").read_text()
    assert f"siaran-pers/{SLUG}/v2.txt.minisig" in listed
    shown = verify(folder / "v1.txt", "--key", pub)
    assert shown.exit_code == 0, shown.output
    assert "SUPERSEDED by a later version on 2026-06-04T09:00:00+07:00" in shown.output


@needs_minisign
def test_a_retraction_withdraws_the_texts_keeps_their_signatures_and_signs_a_notice(
    nr: Path, tmp_path: Path
) -> None:
    ident, folder = corrected(nr)
    kept = tmp_path / "arsip-wartawan"
    shutil.copytree(folder, kept)  # what a journalist downloaded before the retraction
    retract(nr, ident, at(4), "Salah kirim")
    assert run(nr, at(5)).ok
    assert sorted(p.name for p in folder.glob("v*.txt*")) == [
        "v1.txt.minisig", "v2.txt.minisig", "v3.txt", "v3.txt.minisig",
    ]  # fmt: skip
    notice = (folder / "v3.txt").read_text()
    assert "Alasan | Reason: Salah kirim" in notice and "versions 1-2 are void" in notice
    assert "Versi dua." not in notice
    pub = nr / "newsroom.pub"
    assert "status=retracted" in minisign("-Vm", "v3.txt", "-p", pub, cwd=folder).stdout
    for name in ("v1.txt", "v2.txt"):  # the journalist's copy, with today's signature
        shutil.copy(folder / f"{name}.minisig", kept / f"{name}.minisig")
        done = minisign("-Vm", name, "-p", pub, cwd=kept)
        assert done.returncode == 0 and "status=retracted" in done.stdout, done.stderr
        shown = verify(kept / name, "--key", pub)
        assert shown.exit_code == 0 and "RETRACTED" in shown.output, shown.output
    assert sha256sum_check(nr / "feeds").returncode == 0
    assert verify(nr / "feeds", "--key", pub).exit_code == 0


@needs_minisign
def test_an_old_version_cannot_pass_for_current_nor_a_text_be_changed(
    nr: Path, tmp_path: Path
) -> None:
    _, folder = corrected(nr)
    pub = nr / "newsroom.pub"
    forged = tmp_path / "palsu"
    shutil.copytree(folder, forged)
    sig = forged / "v1.txt.minisig"
    sig.write_text(sig.read_text().replace("status=superseded", "status=current"))
    assert minisign("-Vm", "v1.txt", "-p", pub, cwd=forged).returncode != 0
    assert verify(forged / "v1.txt", "--key", pub).exit_code == 1
    text = forged / "v2.txt"
    text.write_text(text.read_text().replace("Versi dua.", "Versi palsu."))
    assert minisign("-Vm", "v2.txt", "-p", pub, cwd=forged).returncode != 0
    assert verify(text, "--key", pub).exit_code == 1


def test_the_text_carries_each_attachments_sha256(nr: Path, tmp_path: Path) -> None:
    ident = release(nr, at(0), "Taman kota diresmikan", approve=False)
    assert cli_run(nr, "attach", ident, str(file(tmp_path, "ttd.pdf", PDF))).exit_code == 0
    approve(nr, ident)
    assert run(nr, at(1)).ok
    text = (nr / "feeds" / "siaran-pers" / SLUG / "v1.txt").read_text()
    assert f"{hashlib.sha256(PDF).hexdigest()}  ttd.pdf  (application/pdf, {len(PDF)} B)" in text


def test_only_the_releases_that_moved_are_signed_again(nr: Path) -> None:
    release(nr, at(0), "Taman kota diresmikan")
    assert run(nr, at(1)).ok
    sig = nr / "feeds" / "siaran-pers" / SLUG / "v1.txt.minisig"
    before = sig.stat().st_mtime_ns
    release(nr, at(2), "Jembatan baru dibuka")
    result = run(nr, at(3))
    assert result.ok
    assert "siaran-pers/jembatan-baru-dibuka/v1.txt.minisig" in result.written
    assert not any(SLUG in path for path in result.written)
    assert sig.stat().st_mtime_ns == before


def test_an_unsigned_run_removes_only_the_texts_no_longer_true(nr: Path, keyhome: Path) -> None:
    """A desk without the secret key publishes unsigned: the lists go (they would no longer
    match), and so do the signed texts of the releases whose standing moved (v1 of a
    release corrected now would still say status=current). The other releases' texts stay,
    still true and still linked from their pages (every one of them used to go), and the
    next signed run signs only what the unsigned one took out."""
    ident, folder = corrected(nr)
    other = nr / "feeds" / "siaran-pers" / "jembatan-baru-dibuka"
    release(nr, at(4), "Jembatan baru dibuka")
    assert run(nr, at(5)).ok
    kept = {p.name: p.stat().st_mtime_ns for p in other.glob("v*.txt*")}
    assert set(kept) == {"v1.txt", "v1.txt.minisig"}
    aside = keyhome.parent / "aside"
    keyhome.rename(aside)  # the secret key is not here: [signing] required is false
    writer = Newsroom.open(nr, "ald", fixed_clock(at(5.5)))
    writer.act("jembatan-baru-dibuka", "correct", note="Belum")  # only started: its record
    assert run(nr, at(5.6)).ok  # moves, not what partners have: its signed texts stay
    assert {p.name: p.stat().st_mtime_ns for p in other.glob("v*.txt*")} == kept
    writer.act("jembatan-baru-dibuka", "cancel_correction")
    correct(nr, ident, at(6), "Nama salah", "Versi tiga.\n")
    release(nr, at(6), "Pasar baru dibuka")
    result = run(nr, at(7))
    assert result.ok and not result.signed
    assert not (nr / "feeds" / "SHA256SUMS").exists()
    assert not list(folder.glob("v*.txt*"))  # its v2 said current: gone, with the rest
    assert not linked(folder)  # and its page, made now, links none of them (no dead link)
    first = nr / "feeds" / "siaran-pers" / "pasar-baru-dibuka"  # out on a keyless desk
    assert not linked(first) and not list(first.glob("v*.txt*"))
    assert {p.name: p.stat().st_mtime_ns for p in other.glob("v*.txt*")} == kept
    assert comment(other, "v1.txt")["status"] == "current"  # still true, still checks
    assert (
        'href="http://127.0.0.1:8080/siaran-pers/jembatan-baru-dibuka/v1.txt"'
        in (other / "index.html").read_text()
    )
    assert not list((nr / "feeds" / "siaran-pers" / "pasar-baru-dibuka").glob("v*.txt*"))
    aside.rename(keyhome)  # the key back: the next run signs again
    result = run(nr, at(8))
    assert result.ok and result.signed
    assert {p.name: p.stat().st_mtime_ns for p in other.glob("v*.txt*")} == kept
    assert sorted(p.name for p in folder.glob("v*.txt*")) == [
        f"v{n}.txt{s}" for n in (1, 2, 3) for s in ("", ".minisig")
    ]
    assert comment(folder, "v3.txt")["status"] == "current"
    assert comment(folder, "v2.txt")["status"] == "superseded"
    assert linked(folder) == [f"v{n}.txt{s}" for n in (3, 2, 1) for s in ("", ".minisig")]
    assert linked(first) == ["v1.txt", "v1.txt.minisig"]  # made again by the signed run
    for page in (folder, first, other):
        assert all((page / name).is_file() for name in linked(page))
    assert (nr / "feeds" / "siaran-pers" / "pasar-baru-dibuka" / "v1.txt.minisig").exists()
    checked = verify(nr / "feeds", "--key", nr / "newsroom.pub")
    assert checked.exit_code == 0, checked.output


def test_the_dry_run_after_an_unsigned_run_names_every_file_the_signed_run_writes(
    nr: Path, keyhome: Path
) -> None:
    """A correction goes out from a desk without the secret key (unsigned: the lists go,
    and so do the release's signed texts). The dry run with the key said it would write 4
    files (v2 and the root's list) while the run wrote 8: it missed v1 signed again as
    superseded and the private partner's list (the fresh-clone walk)."""
    ident = release(nr, at(0), "Taman kota diresmikan", body="Versi satu.\n")
    assert run(nr, at(1)).ok
    correct(nr, ident, at(2), "Angka salah", "Versi dua.\n")
    aside = keyhome.parent / "aside"
    keyhome.rename(aside)  # the secret key is not here: [signing] required is false
    assert not run(nr, at(3)).signed
    aside.rename(keyhome)
    dry = run(nr, at(4), dry_run=True)
    done = run(nr, at(4))
    assert done.ok and done.signed
    texts = [f"siaran-pers/{SLUG}/v{n}.txt{s}" for n in (1, 2) for s in ("", ".minisig")]
    lists = ["SHA256SUMS", "SHA256SUMS.minisig", "private/antara/SHA256SUMS",
             "private/antara/SHA256SUMS.minisig"]  # fmt: skip
    assert sorted(signing(done.written)) == sorted(texts + lists)
    assert sorted(signing(dry.to_write)) == sorted(texts + lists)


def signing(paths: Iterable[str]) -> list[str]:
    """Of a run's files, the signing output's: the signed texts and the lists."""
    return [p for p in paths if re.search(r"(^|/)(SHA256SUMS|v\d+\.txt)", p)]


def test_the_page_links_each_signed_version_the_key_and_says_how_to_check(nr: Path) -> None:
    ident, folder = corrected(nr)
    page = (folder / "index.html").read_text()
    section = page[page.index('<section class="authenticity"') :]
    section = section[: section.index("</section>")]
    base = "http://127.0.0.1:8080/"
    links = re.findall(r'href="([^"]+)"', section)
    assert links == [f"{base}siaran-pers/{SLUG}/{name}" for name in
                     ("v2.txt", "v2.txt.minisig", "v1.txt", "v1.txt.minisig")] + [
        f"{base}newsroom.pub", f"{base}newsroom-keys.txt"] * 2  # fmt: skip
    for href in links:  # each one is a file of the public record
        assert (nr / "feeds" / href.removeprefix(base)).is_file(), href
    assert "Versi 2 (berlaku)" in section and "Versi 1 (diganti ralat)" in section
    assert section.count("minisign -Vm v2.txt -p newsroom.pub") == 2  # Indonesian, English
    assert '<div lang="en">' in section and "not a legal electronic signature" in section
    # a copy kept may say a standing since changed; a rotation is followed by the list
    assert "Check against the signature the office serves now" in section
    assert "Periksalah dengan tanda tangan yang disajikan kantor sekarang" in section
    retract(nr, ident, at(4), "Salah kirim")
    assert run(nr, at(5)).ok
    page = (folder / "index.html").read_text()
    assert "Versi 3 (pemberitahuan pencabutan)" in page and "minisign -Vm v3.txt" in page
    assert f'href="{base}siaran-pers/{SLUG}/v1.txt"' not in page  # withdrawn: not linked


def test_an_unsigned_newsroom_has_no_signed_texts_on_its_pages(root: Path) -> None:
    configure(root)
    release(root, at(0), "Taman kota diresmikan")
    assert run(root, at(1)).ok
    page = (root / "feeds" / "siaran-pers" / SLUG / "index.html").read_text()
    assert "authenticity" not in page and "minisign" not in page
    assert not list((root / "feeds").rglob("v*.txt*"))


def test_the_chat_text_says_where_to_check_the_signature(nr: Path) -> None:
    """`newsroom text` (and the desk's `w`) ends with the version's signed text, the key and
    the page's "Cek keaslian" section, once they are published; an SMS has no room for it."""
    from newsroom.core.clock import fixed_clock
    from newsroom.core.service import Newsroom

    def text(ref: str, fmt: str = "whatsapp") -> str:
        return Newsroom.open(nr, "ald", fixed_clock(at(3.5))).message_text(ref, fmt)

    ident, folder = corrected(nr)
    waiting = release(nr, at(3.2), "Belum terbit")
    assert "minisign" not in text(waiting)  # approved, not published: nothing signed yet
    base = "http://127.0.0.1:8080"
    lines = text(ident).split("\n")
    assert lines[-4:] == [
        "",
        f"Cek keaslian (minisign): {base}/siaran-pers/{SLUG}/v2.txt + .minisig",
        f"Kunci publik: {base}/newsroom.pub (cara: {base}/siaran-pers/{SLUG}/#keaslian)",
        "",
    ]
    for path in ("v2.txt", "v2.txt.minisig"):  # what it names is published
        assert (folder / path).is_file()
    assert (nr / "feeds" / "newsroom.pub").is_file() and 'id="keaslian"' in (
        folder / "index.html"
    ).read_text()
    assert text(ident, "plain").split("\n")[-3] == lines[-3]
    assert "minisign" not in text(ident, "sms") and "keaslian" not in text(ident, "sms")
    retract(nr, ident, at(4), "Salah kirim")
    assert run(nr, at(5)).ok
    assert f"{base}/siaran-pers/{SLUG}/v3.txt + .minisig" in text(ident)  # the notice's


def test_an_unsigned_newsroom_says_nothing_of_signatures_in_chat(root: Path) -> None:
    from newsroom.core.clock import fixed_clock
    from newsroom.core.service import Newsroom

    configure(root)
    ident = release(root, at(0), "Taman kota diresmikan")
    assert run(root, at(1)).ok
    text = Newsroom.open(root, "ald", fixed_clock(at(2))).message_text(ident)
    assert "minisign" not in text and "keaslian" not in text.lower()
    assert text.endswith(f"http://127.0.0.1:8080/siaran-pers/{SLUG}/\n")


def test_a_release_retracted_after_one_version_voids_version_1_in_plain_words(nr: Path) -> None:
    ident = release(nr, at(0), "Rilis tunggal")
    assert run(nr, at(1)).ok
    retract(nr, ident, at(2), "Salah kirim")
    assert run(nr, at(3)).ok
    notice = (nr / "feeds" / "siaran-pers" / "rilis-tunggal" / "v2.txt").read_text()
    assert "versi 1 tidak berlaku lagi" in notice and "version 1 is void" in notice
    spans = ("versi 1-1", "version 1-1", "versions 1-1")  # (not "1-1": the id may hold it)
    assert not any(span in notice for span in spans)


def test_a_run_whose_key_has_no_passphrase_links_no_text_it_did_not_sign(
    root: Path, keyhome: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A key that needs a passphrase, and a run with none (the desk, cron without the
    variable): the run goes out unsigned, yet the page of the release it put out linked
    v1.txt and v1.txt.minisig, which it never made (a walk; the pages took the key's file
    being there for signing). The pages now ask the signing output whether this run signs."""
    from .signkit import set_signing

    configure(root)
    make_key(root, "sandi kantor")
    set_signing(root, passphrase_env="HUMAS_SANDI")
    monkeypatch.setenv("HUMAS_SANDI", "sandi kantor")
    release(root, at(0), "Taman kota diresmikan", body="Versi satu.\n")
    assert run(root, at(1)).signed
    signed = root / "feeds" / "siaran-pers" / SLUG
    assert linked(signed) == ["v1.txt", "v1.txt.minisig"]
    monkeypatch.delenv("HUMAS_SANDI")
    release(root, at(2), "Pasar baru dibuka", body="Isi.\n")
    result = run(root, at(3))
    assert result.ok and result.unsigned == "sign_passphrase"
    first = root / "feeds" / "siaran-pers" / "pasar-baru-dibuka"
    assert not list(first.glob("v*.txt*")) and not linked(first)  # no dead link
    assert linked(signed) == ["v1.txt", "v1.txt.minisig"]  # still true: kept, linked
    monkeypatch.setenv("HUMAS_SANDI", "sandi kantor")
    assert run(root, at(4)).signed
    assert linked(first) == ["v1.txt", "v1.txt.minisig"]  # made again by the run that signs
    assert all((first / name).is_file() for name in linked(first))
