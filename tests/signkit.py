"""Helpers for the signing tests: the real `minisign` and `sha256sum`, keys kept in a
temporary config folder, and a newsroom with a signing key."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pytest

from newsroom.core.clock import fixed_clock
from newsroom.core.service import Newsroom
from newsroom.core.signing import keys as keys_module
from newsroom.core.signing.minisign import MEMLIMIT_MIN

from .feedkit import T0

MINISIGN = shutil.which("minisign")
needs_minisign = pytest.mark.skipif(
    MINISIGN is None, reason="minisign is not installed (Debian package: minisign)"
)
# scrypt for the tests' encrypted keys: N = 2^14 (16 MiB), not minisign's one GiB. The
# format is the same: minisign reads the limits from the file.
TEST_LIMITS = (524288, MEMLIMIT_MIN)


@pytest.fixture
def keyhome(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """Secret keys go to a temporary config folder; encrypted keys derive quickly."""
    home = tmp_path / "config"
    monkeypatch.setenv("XDG_CONFIG_HOME", str(home))
    monkeypatch.delenv("NEWSROOM_SIGNING_KEY", raising=False)
    monkeypatch.setattr(keys_module, "kdf_limits", lambda: TEST_LIMITS)
    return home / "newsroom" / "keys"


def minisign(*args: str | Path, cwd: Path | None = None, text_in: str | None = None
             ) -> subprocess.CompletedProcess[str]:  # fmt: skip
    """Run the real minisign (the tests that call it are marked `needs_minisign`)."""
    assert MINISIGN is not None
    return subprocess.run([MINISIGN, *map(str, args)], cwd=cwd, input=text_in,
                          capture_output=True, text=True, timeout=120)  # fmt: skip


def sha256sum_check(folder: Path) -> subprocess.CompletedProcess[str]:
    """What a partner runs after minisign: `sha256sum -c --ignore-missing SHA256SUMS`."""
    return subprocess.run(["sha256sum", "-c", "--ignore-missing", "SHA256SUMS"], cwd=folder,
                          capture_output=True, text=True, timeout=60)  # fmt: skip


def make_key(root: Path, passphrase: str | None = None) -> str:
    """`newsroom keys init` through the door; returns the key id."""
    key, _ = Newsroom.open(root, "ald", fixed_clock(T0)).keys_init(passphrase)
    return key.id


def set_signing(root: Path, *, required: bool | None = None, passphrase_env: str = "") -> None:
    """Change [signing] in the newsroom.toml `newsroom init` wrote."""
    path = root / "newsroom.toml"
    text = path.read_text()
    if required is not None:
        text = text.replace("required = false", f"required = {str(required).lower()}")
    if passphrase_env:
        text = text.replace('# passphrase_env = "NEWSROOM_KEY_PASSPHRASE"',
                            f'passphrase_env = "{passphrase_env}"')  # fmt: skip
    path.write_text(text)
