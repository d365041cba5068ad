"""The command line as a person runs it, in a language: what it prints and its exit code."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from click.testing import CliRunner, Result

from newsroom.cli import cli


def newsroom(root: Path, language: str, *args: str) -> Result:
    """`newsroom --root ROOT ARGS…` with NEWSROOM_LANG=language."""
    return CliRunner().invoke(cli, ["--root", str(root), *args], env={"NEWSROOM_LANG": language})


def publish(root: Path, language: str, when: dt.datetime) -> Result:
    """cron's `newsroom publish` at `when`."""
    return newsroom(root, language, "--as", "cron", "publish", "--now", when.isoformat(),
                    "--force-clock")  # fmt: skip
