"""`newsroom verify` as a partner meets it: a file from an earlier publish beside the
current SHA256SUMS is not called tampered with, and each file is checked and reported
once however often, and however, it is named."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner, Result

from newsroom.cli import cli

from .feedkit import at, newsroom_root, release, run
from .signkit import keyhome, make_key

__all__ = ["keyhome", "newsroom_root"]  # fixtures, used by name


def verify(language: str, *args: str | Path) -> Result:
    env = {"NEWSROOM_LANG": language}
    return CliRunner().invoke(cli, ["verify", *map(str, args)], env=env)


@pytest.fixture
def signed(newsroom_root: Path, keyhome: Path) -> Path:
    """A newsroom with a key and one release, published and signed."""
    make_key(newsroom_root)
    release(newsroom_root, at(0), "Rilis pertama")
    assert run(newsroom_root, at(0.1)).signed
    return newsroom_root


def test_an_older_copy_is_not_called_tampered(signed: Path, tmp_path: Path) -> None:
    """rss.xml kept from an earlier publish, checked against the current SHA256SUMS: it
    fails (exit 1), saying it may be an older copy and what to do, not that someone
    changed it after it was signed."""
    old = (signed / "feeds" / "rss.xml").read_bytes()
    release(signed, at(0.2), "Rilis kedua")
    assert run(signed, at(0.3)).signed
    download = tmp_path / "unduhan"
    shutil.copytree(signed / "feeds", download)
    (download / "rss.xml").write_bytes(old)
    pub = signed / "newsroom.pub"
    english = verify("en", "--key", pub, download / "rss.xml")
    assert english.exit_code == 1
    assert "does not match" in english.output and "an older or altered copy" in english.output
    assert "download it again with its SHA256SUMS" in english.output
    assert "changed after it was signed" not in english.output
    indonesian = verify("id", "--key", pub, download / "rss.xml")
    assert indonesian.exit_code == 1
    assert "salinan lama atau yang diubah" in indonesian.output
    assert "unduh lagi bersama SHA256SUMS-nya" in indonesian.output
    assert "diubah setelah ditandatangani" not in indonesian.output


def test_each_file_is_checked_and_reported_once(
    signed: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """`verify SHA256SUMS` and `verify rss.xml SHA256SUMS` showed the list's signature two
    or three times, and a failure twice (by its absolute and its relative name), and
    counted every repeat: each file is checked once, under the name first given."""
    feeds = signed / "feeds"
    monkeypatch.chdir(feeds)
    pub = signed / "newsroom.pub"
    alone = verify("en", "--key", pub, "SHA256SUMS")
    assert alone.exit_code == 0, alone.output
    assert alone.output.count("✓ SHA256SUMS: signed by key") == 1
    listed = len((feeds / "SHA256SUMS").read_text().splitlines())
    assert f"{listed + 1} checks" in alone.output  # the list's signature, each file once
    both = verify("en", "--key", pub, "rss.xml", "SHA256SUMS", "./SHA256SUMS.minisig")
    assert both.exit_code == 0, both.output
    assert both.output.count("SHA256SUMS: signed by key") == 1
    assert f"{listed + 1} checks" in both.output
    (feeds / "rss.xml").write_text("<rss>palsu</rss>")
    folder = verify("en", "--key", pub, feeds).output.splitlines()[-1]
    assert "NOT VERIFIED" in folder and ": 1 of " in folder, folder
    bad = verify("en", "--key", pub, feeds / "rss.xml", "rss.xml", "SHA256SUMS", feeds)
    assert bad.exit_code == 1
    assert bad.output.count("rss.xml: does not match") == 1, bad.output
    assert bad.output.count(f"{feeds}/SHA256SUMS: signed by key") == 1, bad.output
    assert bad.output.splitlines()[-1] == folder  # the same checks, the same count


def test_a_list_from_another_publish_than_its_signature_is_not_called_tampered(
    signed: Path, tmp_path: Path
) -> None:
    """SHA256SUMS kept from an earlier publish beside the current SHA256SUMS.minisig (two
    downloads a publish apart) read "changed after it was signed"; a file newer than the
    list read "not from the office as it is". Both say what may have happened and what to
    do, in both languages, and still fail."""
    old = (signed / "feeds" / "SHA256SUMS").read_bytes()
    release(signed, at(0.2), "Rilis kedua")
    assert run(signed, at(0.3)).signed
    download = tmp_path / "unduhan"
    shutil.copytree(signed / "feeds", download)
    (download / "SHA256SUMS").write_bytes(old)
    pub = signed / "newsroom.pub"
    english = verify("en", "--key", pub, download / "SHA256SUMS")
    assert english.exit_code == 1
    assert (
        "does not match its signature: the file or its .minisig is from another publish, "
        "or the file was altered; download both again" in english.output
    )
    assert "changed after it was signed" not in english.output
    indonesian = verify("id", "--key", pub, download / "SHA256SUMS")
    assert indonesian.exit_code == 1
    assert "berkas atau .minisig-nya dari penerbitan lain" in indonesian.output
    assert "diubah setelah ditandatangani" not in indonesian.output
    shutil.copy(signed / "feeds" / "SHA256SUMS", download / "SHA256SUMS")
    (download / "baru.xml").write_text("<rss/>")
    folder = verify("en", "--key", pub, download)
    assert folder.exit_code == 0  # said, not failed (test_verify_folder.py)
    assert (
        "baru.xml: NOT verified: no SHA256SUMS lists it (newer than the list, or not from "
        "the office); do not rely on it: download it again with its SHA256SUMS" in folder.output
    )
    assert "lebih baru daripada daftarnya" in verify("id", "--key", pub, download).output


def test_files_a_list_names_that_are_absent_are_counted_once(
    signed: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A download of only rss.xml and the list: `verify SHA256SUMS SHA256SUMS.minisig`
    reached the list twice and said twice as many listed files were absent ("140 files
    … not here" of 70)."""
    download = tmp_path / "unduhan"
    download.mkdir()
    for name in ("rss.xml", "SHA256SUMS", "SHA256SUMS.minisig"):
        shutil.copy(signed / "feeds" / name, download / name)
    monkeypatch.chdir(download)
    listed = len((download / "SHA256SUMS").read_text().splitlines())
    pub = signed / "newsroom.pub"
    for args in (["SHA256SUMS"], ["SHA256SUMS", "SHA256SUMS.minisig", download, "rss.xml"]):
        done = verify("en", "--key", pub, *args)
        assert done.exit_code == 0, done.output
        assert f"{listed - 1} files listed in SHA256SUMS are not here" in done.output, done.output


def test_a_key_that_is_not_a_key_is_said_in_the_partners_language(
    signed: Path, tmp_path: Path
) -> None:
    """`verify --key /etc/hostname` (or --public-key abc) with NEWSROOM_LANG=id said
    "tidak ada kunci publik untuk dipercaya: public key: not base64": English inside the
    Indonesian, and not which file. Now it names the file in the partner's language."""
    rss = signed / "feeds" / "rss.xml"
    wrong = tmp_path / "bukan-kunci.pub"
    wrong.write_bytes(b"\xff\xfe bukan kunci\n")
    for args, named in (
        (["--key", str(wrong)], str(wrong)),
        (["--key", str(signed / "newsroom.toml")], str(signed / "newsroom.toml")),
        (["--public-key", "abc"], "--public-key"),
    ):
        indonesian = verify("id", *args, rss)
        assert indonesian.exit_code == 1
        assert f"{named} bukan kunci publik minisign" in indonesian.output, indonesian.output
        assert "not base64" not in indonesian.output and "public key:" not in indonesian.output
        english = verify("en", *args, rss)
        assert f"{named} is not a minisign public key" in english.output, english.output
