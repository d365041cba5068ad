"""`newsroom verify FOLDER` on a partner's download folder: the key the partner trusts and
the office's list of keys are not office files a SHA256SUMS must name, and a file of the
partner's own beside the office's is said as not verified without failing the verdict
on the office's files (as `sha256sum -c --ignore-missing` passes over it); a file named on
the command line that no signed list covers still fails."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner, Result

from newsroom.cli import cli

from .feedkit import at, newsroom_root, release, run
from .signkit import keyhome, make_key, minisign, needs_minisign, sha256sum_check

__all__ = ["keyhome", "newsroom_root"]  # fixtures, used by name

DOWNLOAD = ("rss.xml", "SHA256SUMS", "SHA256SUMS.minisig")


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


def download(signed: Path, folder: Path, *names: str) -> Path:
    """A partner's folder: the given files of the office's feeds/."""
    folder.mkdir()
    for name in names:
        shutil.copy(signed / "feeds" / name, folder / name)
    return folder


@needs_minisign
def test_the_key_in_the_folder_is_not_an_office_file_to_check(
    signed: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """rss.xml, SHA256SUMS, its .minisig and the key the partner saved (as `humas.pub`, a
    name no list has) passed `minisign -V … && sha256sum -c --ignore-missing` but read
    "✗ humas.pub: no SHA256SUMS lists it … NOT VERIFIED" (exit 1)."""
    folder = download(signed, tmp_path / "pdl", *DOWNLOAD, "newsroom-keys.txt",
                      "newsroom-keys.txt.minisig")  # fmt: skip
    shutil.copy(signed / "newsroom.pub", folder / "humas.pub")
    monkeypatch.chdir(folder)
    assert minisign("-Vm", "SHA256SUMS", "-p", "humas.pub", cwd=folder).returncode == 0
    assert sha256sum_check(folder).returncode == 0
    for key in ("humas.pub", str(folder / "humas.pub")):
        done = verify("en", "--key", key, ".")
        assert done.exit_code == 0, done.output
        assert "humas.pub:" not in done.output, done.output
        assert "NOT verified" not in done.output, done.output
        assert done.output.splitlines()[-1].startswith("VERIFIED with key"), done.output
    (folder / "humas.pub").rename(folder / "newsroom.pub")  # the default key, ./newsroom.pub
    done = verify("en", ".")
    assert done.exit_code == 0, done.output
    assert "newsroom.pub" not in done.output.replace("(newsroom.pub)", ""), done.output


def test_the_key_kept_from_before_a_rotation_is_not_called_altered(
    signed: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The partner keeps the office's old key as ./newsroom.pub and downloads the feeds
    after a rotation: the list now names the new newsroom.pub, so the partner's own copy
    read "does not match", though every file of the office verified through the rotation."""
    folder = tmp_path / "unduhan"
    shutil.copytree(signed / "feeds", folder)
    old = (signed / "newsroom.pub").read_bytes()
    rotated = CliRunner().invoke(cli, ["--root", str(signed), "keys", "rotate", "--unencrypted"])
    assert rotated.exit_code == 0, rotated.output
    release(signed, at(0.2), "Rilis kedua")
    assert run(signed, at(0.3)).signed
    shutil.rmtree(folder)
    shutil.copytree(signed / "feeds", folder)
    (folder / "newsroom.pub").write_bytes(old)  # the partner's copy, kept
    monkeypatch.chdir(folder)
    done = verify("en", ".")
    assert done.exit_code == 0, done.output
    assert "was replaced by" in done.output
    assert "does not match" not in done.output, done.output


def test_a_file_no_list_names_is_said_not_failed(
    signed: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A journalist's folder holds notes of their own beside the office's files: each is
    named as NOT verified, and the verdict on the office's files stays VERIFIED (exit 0),
    saying how many were not; named on the command line, such a file fails (exit 1)."""
    folder = download(signed, tmp_path / "pdl", *DOWNLOAD)
    (folder / "catatan.txt").write_text("catatan saya\n")
    monkeypatch.chdir(folder)
    done = verify("en", "--key", signed / "newsroom.pub", ".")
    assert done.exit_code == 0, done.output
    assert (
        "? catatan.txt: NOT verified: no SHA256SUMS lists it (newer than the list, or not "
        "from the office); do not rely on it" in done.output
    )
    last = done.output.splitlines()[-1]
    assert last.startswith("VERIFIED with key") and "2 checks, all authentic" in last, last
    assert "in no SHA256SUMS, NOT verified: 1 (named above)" in last, last
    quiet = verify("id", "--quiet", "--key", signed / "newsroom.pub", ".")
    assert quiet.exit_code == 0
    assert "catatan.txt: TIDAK terverifikasi" in quiet.output, quiet.output
    assert "TIDAK terverifikasi: 1 (disebut di atas)" in quiet.output.splitlines()[-1]
    for named in (["catatan.txt"], [".", "catatan.txt"], ["catatan.txt", "."]):
        bad = verify("en", "--key", signed / "newsroom.pub", *named)
        assert bad.exit_code == 1, bad.output
        assert bad.output.count("catatan.txt") == 1, bad.output  # its failure, once
        assert "✗ catatan.txt: no signature" in bad.output
        assert bad.output.splitlines()[-1].startswith("NOT VERIFIED"), bad.output
    (folder / "rss.xml").write_text("<rss>palsu</rss>")  # an office file altered still fails
    bad = verify("en", "--key", signed / "newsroom.pub", ".")
    assert bad.exit_code == 1 and "rss.xml: does not match" in bad.output
    assert "catatan.txt: NOT verified" in bad.output


def test_many_files_no_list_names_are_named_up_to_ten(
    signed: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    folder = download(signed, tmp_path / "pdl", *DOWNLOAD)
    for i in range(12):
        (folder / f"foto-{i:02}.jpg").write_bytes(b"jpg")
    monkeypatch.chdir(folder)
    done = verify("en", "--key", signed / "newsroom.pub", ".")
    assert done.exit_code == 0, done.output
    assert done.output.count(": NOT verified: no SHA256SUMS lists it") == 10
    assert "… and 2 more files NOT verified (in no SHA256SUMS)" in done.output
    assert "NOT verified: 12 (named above)" in done.output.splitlines()[-1]


def test_a_file_saved_under_another_name_is_found_by_its_bytes(
    signed: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """`curl -O …/category/<c>/rss.xml` saves it as ./rss.xml, beside the root's list: it
    read "does not match SHA256SUMS: an older or altered copy" of a genuine file (a
    partner's walk). A file whose bytes a line of the list names is the office's; one whose
    bytes no line names still fails."""
    folder = download(signed, tmp_path / "pdl", "SHA256SUMS", "SHA256SUMS.minisig")
    category = next((signed / "feeds" / "category").iterdir()) / "rss.xml"
    shutil.copy(category, folder / "rss.xml")  # the category's feed, under the root's name
    monkeypatch.chdir(folder)
    done = verify("en", "--key", signed / "newsroom.pub", "rss.xml")
    # under a name its list gives another file (the root's feed) it is not that file, and
    # the verdict fails; it says which file's bytes it holds (a second review: a listed
    # file swapped for another listed one passed)
    assert done.exit_code == 1, done.output
    said = "rss.xml: not the file SHA256SUMS lists under this name: its bytes are those of "
    assert said + "category/" in done.output, done.output
    # saved under a name the list does not have, in a folder of its own: found by its bytes
    (folder / "rss.xml").rename(folder / "pemilu-rss.xml")
    done = verify("en", "--quiet", "--key", signed / "newsroom.pub", "pemilu-rss.xml")
    assert done.exit_code == 0, done.output
    assert "pemilu-rss.xml: its bytes are those of category/" in done.output, done.output
    (folder / "pemilu-rss.xml").write_bytes(category.read_bytes().replace(b"Rilis", b"Palsu"))
    bad = verify("en", "--key", signed / "newsroom.pub", "pemilu-rss.xml")
    assert bad.exit_code == 1 and "pemilu-rss.xml: no signature" in bad.output, bad.output


def test_files_of_a_list_that_does_not_verify_are_not_called_unlisted(
    signed: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """With the wrong key, every file read "NOT verified: no SHA256SUMS lists it", though
    the list names them: the list's own failure is what is said (a partner's walk)."""
    folder = download(signed, tmp_path / "pdl", *DOWNLOAD)
    from newsroom.core.signing.minisign import SecretKey

    key = tmp_path / "lain.pub"  # another office's key
    key.write_text(SecretKey.generate().public.text("kunci kantor lain"))
    monkeypatch.chdir(folder)
    done = verify("en", "--key", key, ".")
    assert done.exit_code == 1, done.output
    assert "SHA256SUMS: signed by key" in done.output, done.output
    assert "no SHA256SUMS lists it" not in done.output, done.output


def test_only_the_top_newsroom_keys_folder_is_the_key_ring(
    signed: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Any file under a folder named newsroom-keys, at any depth, passed unmentioned as a
    key file (a second review): only `newsroom-keys/<ID>.pub(.minisig)` at the top is."""
    folder = tmp_path / "pdl"
    shutil.copytree(signed / "feeds", folder)
    (folder / "newsroom-keys" / "siaran").mkdir()
    (folder / "newsroom-keys" / "siaran" / "palsu.html").write_text("<p>palsu</p>")
    (folder / "category" / "newsroom-keys").mkdir(parents=True)
    (folder / "category" / "newsroom-keys" / "rss.xml").write_text("<rss/>")
    monkeypatch.chdir(folder)
    done = verify("en", "--key", signed / "newsroom.pub", ".")
    assert "newsroom-keys/siaran/palsu.html: NOT verified" in done.output, done.output
    assert "category/newsroom-keys/rss.xml: NOT verified" in done.output, done.output
