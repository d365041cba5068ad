"""Messages of `newsroom serve` and `publish` that reached people in English inside an
Indonesian sentence (NEWSROOM_LANG=id), and a port no machine has that ended in a
traceback: each is said in the person's language, or refused as a usage error."""

from __future__ import annotations

from pathlib import Path

from click.testing import CliRunner, Result

from newsroom.cli import cli


def newsroom(root: Path, language: str, *args: str) -> Result:
    env = {"NEWSROOM_LANG": language}
    return CliRunner().invoke(cli, ["--root", str(root), *args], env=env)


def test_a_port_no_machine_has_is_a_usage_error(root: Path) -> None:
    """`newsroom serve --port 99999` ended in `OverflowError: bind(): port must be
    0-65535.`; it is refused as click refuses any bad option, exit 2."""
    done = newsroom(root, "id", "serve", "--port", "99999")
    assert done.exit_code == 2 and not isinstance(done.exception, OverflowError)
    assert "Invalid value for '--port'" in done.output and "65535" in done.output
