"""What new users met on a walk through the desk, each kept fixed: the editor's focus and
Enter, the dateline's shape, the text's label and the form's width, the palette offering
only what the workflow allows, the retraction's refusal and its one person."""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner

from newsroom.cli import cli

from .tuikit import SEED_ID, make_app  # noqa: F401  (the TUI tests below)

SENT_BACK = "35384aa0"  # the bundled release sent back for changes, never published

# 6. Retracting a release never published says exactly what can be retracted -------------


@pytest.mark.parametrize(
    ("language", "expected"),
    [
        (
            "en",
            "retract refused: cannot retract a release sent back for changes that was never "
            "published (only a published release, or a published release whose correction is "
            "being written, in review, sent back for changes or approved)",
        ),
        (
            "id",
            "cabut ditolak: tidak bisa mencabut siaran pers yang dikembalikan untuk diperbaiki "
            "dan belum pernah terbit (hanya siaran pers yang sudah terbit, atau siaran pers "
            "terbit yang ralatnya sedang ditulis, sedang ditinjau, dikembalikan untuk diperbaiki "
            "atau sudah disetujui)",
        ),
    ],
)
def test_retracting_a_release_never_published_says_what_can_be(
    bundled: Path, language: str, expected: str
) -> None:
    env = {"NEWSROOM_LANG": language, "COLUMNS": "400"}
    args = ["--root", str(bundled), "--as", "nur", "retract", SENT_BACK, "--reason", "salah"]
    done = CliRunner().invoke(cli, args, env=env)
    assert done.exit_code == 1
    assert " ".join(done.output.split()) == f"newsroom: {expected}"
