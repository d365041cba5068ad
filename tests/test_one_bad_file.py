"""One bad file never stops the others: `check`, `list` and `publish` name it and go on.

Before issue 9, a control character in an identifier passed `check` and then stopped every
feed in lxml, and a year near 1 or 9999 crashed all three commands with a traceback.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner, Result

from newsroom.cli import cli

from .feedkit import at, configure, release

BAD = """---
id: bbbb1111-0000-4000-8000-000000000002
title: Rilis rusak
slug: rilis-rusak
status: approved
{field}
history:
- at: 2026-06-01T09:00:00+07:00
  by: nur
  action: approve
  from: in_review
  to: approved
---

Isi.
"""


def run(root: Path, *args: str) -> Result:
    return CliRunner().invoke(cli, ["--root", str(root), "--as", "cron", *args])


@pytest.mark.parametrize(
    ("field", "line"),
    [
        ('language: "i\\x02d"', 6),
        ('image:\n  src: "/images/a\\x03.jpg"\n  caption: Foto\n  credit: Humas', 7),
        ("created: 0001-01-01T00:00:00+07:00", 6),
        ("embargo: 9999-12-31T23:00:00-07:00", 6),
        ("published: 9999-12-31T23:00:00-07:00", 6),
    ],
)
def test_a_bad_field_is_named_and_the_rest_goes_on(root: Path, field: str, line: int) -> None:
    configure(root)
    release(root, at(0), "Rilis baik")
    (root / "articles" / "rusak.md").write_text(BAD.format(field=field))
    checked = run(root, "check")
    where = f"articles/rusak.md:{line}: "
    assert checked.exit_code == 1 and where in checked.output, checked.output
    listed = run(root, "list")
    assert listed.exit_code == 0 and "Rilis baik" in listed.output, listed.output
    published = run(root, "publish", "--now", at(1).isoformat(), "--force-clock")
    assert published.exception is None or isinstance(published.exception, SystemExit)
    assert published.exit_code == 1 and where in published.output
    rss = (root / "feeds" / "rss.xml").read_text()
    assert "Rilis baik" in rss and "Rilis rusak" not in rss
