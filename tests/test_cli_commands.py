"""Every command of the command line is there, helps, and is loaded only when asked for:
`newsroom publish` from cron imports the publishing commands and no other."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner

from newsroom.cli import COMMANDS, cli

# Every command a person or a script may type (README, docs): one lost in a move fails here.
EVERY = {
    "init", "new", "edit", "import", "attach", "detach", "translate", "delete", "list", "show",
    "text", "check", "submit", "approve", "request-changes", "comment", "correct", "retract",
    "cancel-correction", "publish", "status", "adopt", "embargo", "serve", "keys", "verify",
    "sync", "mail", "unsaved",
}  # fmt: skip
GROUPS = {"keys": {"init", "show", "rotate"}, "mail": {"test", "status", "send"},
          "unsaved": {"list", "show", "restore", "discard"}}  # fmt: skip


def test_the_top_help_lists_every_command() -> None:
    shown = CliRunner().invoke(cli, ["--help"])
    assert shown.exit_code == 0, shown.output
    listed = {line.split()[0] for line in shown.output.split("Commands:")[1].splitlines() if line}
    assert listed == EVERY
    assert set(COMMANDS) == EVERY


@pytest.mark.parametrize("language", ["id", "en"])
@pytest.mark.parametrize("name", sorted(EVERY))
def test_each_command_helps_in_either_language(
    name: str, language: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    """`--help` stays in English (click's words, like its usage errors); a person whose
    language is Indonesian gets it all the same."""
    monkeypatch.setenv("NEWSROOM_LANG", language)
    shown = CliRunner().invoke(cli, [name, "--help"])
    assert shown.exit_code == 0, shown.output
    assert f"Usage: cli {name}" in shown.output or f"Usage: newsroom {name}" in shown.output
    for sub in GROUPS.get(name, ()):
        deeper = CliRunner().invoke(cli, [name, sub, "--help"])
        assert deeper.exit_code == 0, deeper.output


@pytest.mark.parametrize(
    ("language", "said"),
    [("id", "tidak ada siaran pers “nothing”"), ("en", "no release “nothing”")],
)
def test_a_command_loaded_late_speaks_the_persons_language(
    root: Path, language: str, said: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("NEWSROOM_LANG", language)
    done = CliRunner().invoke(cli, ["--root", str(root), "--as", "ald", "delete", "nothing"])
    assert done.exit_code == 1
    assert said in done.output, done.output


PUBLISH = """
import sys
from newsroom.cli import cli
try:
    cli(["--root", sys.argv[1], "--as", "ald", "publish", "--quiet"], prog_name="newsroom")
except SystemExit as exc:
    assert not exc.code, exc.code
print("\\n".join(sorted(sys.modules)))
"""

# What a publish has no use for: the other commands' modules and every UI library.
NOT_FOR_PUBLISH = {
    "newsroom.cli_drafts", "newsroom.cli_read", "newsroom.cli_actions", "newsroom.cli_keys",
    "newsroom.cli_git", "newsroom.cli_mail", "newsroom.cli_unsaved", "newsroom.clirender",
    "newsroom.tui", "textual", "rich",
}  # fmt: skip
# ...and a quiet run with nothing to tell looks up no one's language.
NOT_FOR_QUIET = {"newsroom.settings", "platformdirs"}


def test_publish_imports_the_publishing_commands_alone(root: Path) -> None:
    env = {**os.environ, "NEWSROOM_LANG": "en"}
    for _ in range(2):  # a first run, then one with nothing to do
        done = subprocess.run([sys.executable, "-c", PUBLISH, str(root)], capture_output=True,
                              text=True, env=env, check=False)  # fmt: skip
        assert done.returncode == 0, done.stderr
        loaded = set(done.stdout.split())
        assert "newsroom.cli_publish" in loaded  # (the test sees what was imported)
        assert loaded & NOT_FOR_PUBLISH == set()
        assert loaded & NOT_FOR_QUIET == set()


@pytest.mark.parametrize(("language", "said"), [("id", "rusak"), ("en", "broken")])
def test_a_quiet_publish_still_names_a_broken_file_in_the_persons_language(
    root: Path, language: str, said: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("NEWSROOM_LANG", language)
    (root / "articles" / "rusak.md").write_text("---\ntitle: [\n---\nbody\n", encoding="utf-8")
    done = CliRunner().invoke(cli, ["--root", str(root), "--as", "ald", "publish", "--quiet"])
    assert "rusak.md" in done.output, done.output
    assert said in done.output.lower(), done.output


def test_python_dash_m_newsroom_is_the_newsroom_command(tmp_path: Path) -> None:
    """`python -m newsroom` runs the same command line as `newsroom` (it had no __main__)."""
    env = {**os.environ, "NEWSROOM_LANG": "en"}
    done = subprocess.run([sys.executable, "-m", "newsroom", "--help"], capture_output=True,
                          text=True, cwd=tmp_path, env=env, timeout=60)  # fmt: skip
    assert done.returncode == 0, done.stderr
    assert done.stdout.startswith("Usage: newsroom ")
