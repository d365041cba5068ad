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

