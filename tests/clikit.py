"""The command line as a person runs it, in a language: what it prints and its exit code."""

from __future__ import annotations

import datetime as dt
import os
import resource
import signal
import subprocess
import sys
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


def publish_on_a_small_disk(root: Path, when: dt.datetime, language: str = "en") -> (
        subprocess.CompletedProcess[str]):  # fmt: skip
    """`newsroom publish` in its own process where every write beyond 1 KB fails
    (RLIMIT_FSIZE, as a full disk would; inherited by every process it starts). It writes
    no bytecode: Python writes a `.pyc` cut at the limit without a word, and every later
    import of that module fails ("marshal data too short": a whole suite, after an edit)."""

    def small_disk() -> None:
        signal.signal(signal.SIGXFSZ, signal.SIG_IGN)  # a write then fails with EFBIG
        resource.setrlimit(resource.RLIMIT_FSIZE, (1024, 1024))

    env = {**os.environ, "NEWSROOM_LANG": language, "PYTHONDONTWRITEBYTECODE": "1"}
    return subprocess.run(
        [sys.executable, "-m", "newsroom.cli", "--root", str(root), "publish", "--now",
         when.isoformat(), "--force-clock"],
        capture_output=True, text=True, check=False, preexec_fn=small_disk, env=env,
    )  # fmt: skip
