"""No line the command line prints ends in a space: `newsroom list` centred its title the
way rich does, padding the line with spaces up to the table's right edge, which a pipe, a
diff, a mail or `cat -A` shows as trailing blanks."""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner

from newsroom.cli import cli

from .test_cli import IN_REVIEW
from .tuikit import SEED_ID

READING = (
    ("list",),
    ("list", "--status", "published"),
    ("show", SEED_ID[:8]),
    ("show", IN_REVIEW[:8]),
    ("status",),
    ("check",),
)


@pytest.mark.parametrize("language", ["id", "en"])
@pytest.mark.parametrize("columns", [80, 120])
def test_no_line_of_the_reading_commands_ends_in_whitespace(
    bundled: Path, columns: int, language: str
) -> None:
    runner = CliRunner()
    env = {"NEWSROOM_LANG": language, "COLUMNS": str(columns)}
    for args in READING:
        shown = runner.invoke(cli, ["--root", str(bundled), "--as", "nur", *args], env=env)
        assert shown.exit_code in (0, 1), (args, shown.output)  # check/status: 1 says why
        assert shown.output.strip(), args
        ragged = [line for line in shown.output.splitlines() if line != line.rstrip()]
        assert not ragged, (args, ragged)


def test_the_lists_title_stays_centred_over_its_table(bundled: Path) -> None:
    env = {"NEWSROOM_LANG": "en", "COLUMNS": "120"}
    listed = CliRunner().invoke(cli, ["--root", str(bundled), "list"], env=env)
    title, top = listed.output.splitlines()[:2]
    assert title.strip().endswith("releases") and top.lstrip().startswith("┏"), listed.output
    left = len(title) - len(title.lstrip())
    right = len(top.rstrip()) - len(title)  # what rich padded the title's line with
    assert left > 0 and abs(left - right) <= 1, (title, top)
