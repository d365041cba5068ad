"""Messages of `newsroom serve` and `publish` that reached people in English inside an
Indonesian sentence (NEWSROOM_LANG=id), and a port no machine has that ended in a
traceback: each is said in the person's language, or refused as a usage error."""

from __future__ import annotations

import socket
from pathlib import Path

import pytest
from click.testing import CliRunner, Result

from newsroom.cli import cli

from .feedkit import at, newsroom_root, release
from .signkit import keyhome, make_key, set_signing

__all__ = ["keyhome", "newsroom_root"]  # fixtures, used by name


def newsroom(root: Path, language: str, *args: str) -> Result:
    env = {"NEWSROOM_LANG": language}
    return CliRunner().invoke(cli, ["--root", str(root), *args], env=env)


def test_a_port_no_machine_has_is_a_usage_error(root: Path) -> None:
    """`newsroom serve --port 99999` ended in `OverflowError: bind(): port must be
    0-65535.`; it is refused as click refuses any bad option, exit 2."""
    done = newsroom(root, "id", "serve", "--port", "99999")
    assert done.exit_code == 2 and not isinstance(done.exception, OverflowError)
    assert "Invalid value for '--port'" in done.output and "65535" in done.output


def test_a_port_in_use_is_said_in_the_persons_language(root: Path) -> None:
    """A port in use read "cannot listen on 127.0.0.1:8097: Address already in use (choose
    another with --port)", English to an Indonesian desk."""
    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen()
        port = str(taken.getsockname()[1])
        said = {lang: newsroom(root, lang, "serve", "--port", port) for lang in ("id", "en")}
    assert said["id"].exit_code == 1 and said["en"].exit_code == 1
    assert f"tidak dapat menyajikan di 127.0.0.1:{port}: port itu sedang dipakai" in (
        said["id"].output
    )
    assert "Address already in use" not in said["id"].output
    assert f"cannot listen on 127.0.0.1:{port}: another program is using that port" in (
        said["en"].output
    )


def test_no_newsroom_at_root_is_said_in_the_persons_language(tmp_path: Path) -> None:
    """`newsroom --root /tmp list` said "no such file (run `newsroom init /tmp` to make
    one)" in English to an Indonesian desk."""
    said = {lang: newsroom(tmp_path, lang, "list") for lang in ("id", "en")}
    assert said["id"].exit_code == 1, said["id"].output
    assert f"{tmp_path}/newsroom.toml tidak ada" in said["id"].output
    assert f"`newsroom init {tmp_path}`" in said["id"].output
    assert "no such file" not in said["id"].output
    assert f"{tmp_path}/newsroom.toml: no such file" in said["en"].output


def test_a_wrong_passphrase_in_the_variable_is_said_in_the_persons_language(
    newsroom_root: Path, keyhome: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A wrong passphrase in the variable read "peringatan: tidak ditandatangani: …enc.key:
    wrong passphrase for this secret key." The run still goes out unsigned (cron: no one to
    type it again), said in Indonesian."""
    make_key(newsroom_root, "sandi kantor")
    set_signing(newsroom_root, passphrase_env="HUMAS_SANDI")
    monkeypatch.setenv("HUMAS_SANDI", "salah")
    release(newsroom_root, at(0), "Rilis")
    done = newsroom(newsroom_root, "id", "publish", "--now", at(0.1).isoformat(),
                    "--force-clock")  # fmt: skip
    assert done.exit_code == 0, done.output
    warning = next(line for line in done.output.splitlines() if "tidak ditandatangani" in line)
    assert "frasa sandi di HUMAS_SANDI tidak membuka kunci rahasia" in warning, warning
    assert "wrong passphrase" not in warning
