"""The klarifikasi kind: a release that denies forged numbers circulating under the office's
name, written, checked, sealed and carried by the feeds like any release."""

from __future__ import annotations

import json
from pathlib import Path

from click.testing import CliRunner, Result

from newsroom.cli import cli
from newsroom.core.clock import fixed_clock
from newsroom.core.service import Newsroom

from .feedkit import at, configure, parse, run
from .test_numbering import number_releases

FORGED = "B-099/HUMAS/VI/2026"


def office(root: Path) -> None:
    configure(root)
    toml = root / "newsroom.toml"
    toml.write_text(
        toml.read_text().replace('# credit = "HUMAS MENPANRB"', 'credit = "HUMAS UJI"', 1)
    )


def cli_run(root: Path, *args: str, actor: str = "ald") -> Result:
    return CliRunner().invoke(cli, ["--root", str(root), "--as", actor, *args])


def klarifikasi(root: Path, *denies: str) -> str:
    """A klarifikasi written with `newsroom new`, submitted (its id)."""
    body = root / "isi.md"
    body.write_text("Beredar siaran pers palsu yang mengatasnamakan kementerian.\n")
    args = ["new", "--title", "Klarifikasi Siaran Pers Palsu", "--dateline", "JAKARTA",
            "--summary", "Siaran pers itu palsu.", "--category", "Ekonomi",
            "--body-file", str(body), "--kind", "klarifikasi"]  # fmt: skip
    for number in denies:
        args += ["--denies", number]
    made = cli_run(root, *args)
    assert made.exit_code == 0, made.output
    return made.output.split("\t")[0]


def test_new_with_denies_writes_a_klarifikasi_that_show_and_list_name(root: Path) -> None:
    office(root)
    ident = klarifikasi(root, FORGED, "B-100/HUMAS/VI/2026")
    shown = json.loads(cli_run(root, "show", ident, "--json").output)
    assert shown["kind"] == "klarifikasi"
    assert shown["denies"] == [FORGED, "B-100/HUMAS/VI/2026"]
    path = root / shown["path"]
    text = path.read_text()
    assert "kind: klarifikasi\n" in text and f"denies: [{FORGED}, B-100/HUMAS/VI/2026]" in text
    listed = json.loads(cli_run(root, "list", "--json").output)["articles"]
    assert [a["kind"] for a in listed] == ["klarifikasi"]
    assert FORGED in cli_run(root, "show", ident).output


def test_a_klarifikasi_naming_no_number_is_warned_by_the_checklist(root: Path) -> None:
    office(root)
    ident = klarifikasi(root)  # --kind klarifikasi without --denies
    checked = cli_run(root, "submit", ident)
    assert checked.exit_code == 0, checked.output  # recommended: it warns, never refuses
    assert "a klarifikasi that names no number" in checked.output


def test_denies_without_the_kind_is_a_file_error_naming_the_key(root: Path) -> None:
    office(root)
    ident = klarifikasi(root, FORGED)
    path = root / json.loads(cli_run(root, "show", ident, "--json").output)["path"]
    path.write_text(path.read_text().replace("kind: klarifikasi\n", ""))
    checked = cli_run(root, "check")
    assert checked.exit_code == 1 and "denies" in checked.output
    assert "kind: klarifikasi" in checked.output


def test_the_feeds_carry_the_kind_and_the_denied_numbers(root: Path) -> None:
    office(root)
    number_releases(root)
    ident = klarifikasi(root, FORGED)
    assert cli_run(root, "submit", ident).exit_code == 0
    Newsroom.open(root, "nur", fixed_clock(at(0))).act(ident, "approve")
    result = run(root, at(1))
    assert result.ok, result.failed
    feeds = root / "feeds"
    item = json.loads((feeds / "feed.json").read_text())["items"][0]
    assert item["_newsroom"]["kind"] == "klarifikasi"
    assert item["_newsroom"]["denies"] == [FORGED]
    # the klarifikasi gets a number of its own, never the one it denies
    assert item["_newsroom"]["release_number"] == "B-001/HUMAS/VI/2026"
    line = f"<strong>Klarifikasi atas siaran pers palsu bernomor:</strong> {FORGED}"
    assert line in item["content_html"]
    for name in ("rss.xml", "atom.xml"):  # the visible line, as feed readers show it
        entry = parse(feeds / name).entries[0]
        assert f"bernomor: {FORGED}" in entry.content[0].value.replace("</strong>", "")
