"""The command line, end to end through click's CliRunner: exit codes, output, files."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner, Result

from newsroom.cli import cli

from .conftest import SEED_COPY


def run(root: Path, *args: str, actor: str = "ald", stdin: str | None = None) -> Result:
    runner = CliRunner()
    return runner.invoke(cli, ["--root", str(root), "--as", actor, *args], input=stdin)


def test_init_makes_a_newsroom_and_refuses_to_overwrite(tmp_path: Path) -> None:
    target = tmp_path / "baru"
    first = CliRunner().invoke(cli, ["init", str(target)])
    assert first.exit_code == 0, first.output
    assert (target / "newsroom.toml").is_file() and (target / "articles").is_dir()
    again = CliRunner().invoke(cli, ["init", str(target)])
    assert again.exit_code == 1
    assert "already exists" in again.output


def test_the_seed_release_goes_through_review(root: Path) -> None:
    imported = run(root, "import", str(SEED_COPY))
    assert imported.exit_code == 0, imported.output
    ident = imported.output.split("\t")[0]
    article = json.loads(run(root, "show", ident, "--json").output)
    assert article["dateline"] == "YOGYAKARTA"
    assert article["author"] == "ald" and article["credit"] == "HUMAS MENPANRB"
    assert article["image"]["caption"].startswith("Seluruh peserta secara bersama-sama")
    assert article["body"].startswith("Humas pemerintah merupakan mata")
    assert article["body"].rstrip().endswith("terkait netralitas ASN.")
    refused = run(root, "submit", ident)  # the caption came, the photo did not
    assert refused.exit_code == 1 and "a photo caption but no photo" in refused.output
    path = root / article["path"]  # the photo, as the editor adds it
    path.write_text(path.read_text().replace("image:\n", "image:\n  src: /images/asn.jpg\n"))
    assert run(root, "submit", ident).exit_code == 0
    own = run(root, "approve", ident)
    assert own.exit_code == 1
    assert "changed the text last: someone else must approve" in own.output
    other = run(root, "approve", ident, actor="nur")
    assert other.exit_code == 0, other.output
    listed = json.loads(run(root, "list", "--json").output)["articles"]
    assert listed[0]["status"] == "approved"
    assert set(listed[0]) >= {"id", "slug", "title", "status", "path", "updated", "embargo"}


def test_new_with_body_from_stdin_and_list_filter(root: Path) -> None:
    made = run(
        root,
        "new",
        "--title",
        "Rilis Baru",
        "--dateline",
        "jakarta",
        "--tag",
        "a",
        "--body-file",
        "-",
        "--embargo",
        "2026-12-01T09:00",
        stdin="Isi rilis.\n",
    )
    assert made.exit_code == 0, made.output
    ident, path = made.output.strip().split("\t")
    text = (root / path).read_text()
    assert "dateline: JAKARTA" in text and "embargo: 2026-12-01T09:00:00+07:00" in text
    assert text.endswith("Isi rilis.\n")
    drafts = json.loads(run(root, "list", "--status", "draft", "--json").output)
    assert [a["id"] for a in drafts["articles"]] == [ident]
    assert json.loads(run(root, "list", "--status", "published", "--json").output)["articles"] == []


def test_notes_are_required_where_the_workflow_needs_them(root: Path) -> None:
    ident = run(root, "new", "--title", "Rilis").output.split("\t")[0]
    missing = run(root, "request-changes", ident)
    assert missing.exit_code == 2  # usage: --note is required
    done = run(root, "comment", ident, "--note", "Tambah foto")
    assert done.exit_code == 0


def test_check_names_each_broken_file_and_exits_1(root: Path) -> None:
    (root / "articles" / "rusak.md").write_text("---\ntitle: [\n---\n")
    (root / "articles" / "tanpa.md").write_text("hanya teks\n")
    result = run(root, "check")
    assert result.exit_code == 1
    assert "articles/rusak.md:" in result.output and "articles/tanpa.md:1:" in result.output
    assert "Traceback" not in result.output


def test_bad_input_never_shows_a_traceback(root: Path) -> None:
    for args in (
        ["show", "nope"],
        ["approve", "nope"],
        ["import", str(root / "missing.txt")],
        ["new", "--title", "X", "--embargo", "besok"],
    ):
        result = run(root, *args)
        assert result.exit_code in (1, 2), args
        assert result.exception is None or isinstance(result.exception, SystemExit), args


def test_a_new_release_without_a_title_is_refused_not_written(root: Path) -> None:
    """`newsroom new --title ""` wrote `title: ''`: a file that reads as broken, which no
    command could then edit or delete, and every publish after it exited 1 (a new user's
    walk). The desk refused it already; the rule is the core's now, for both."""
    before = sorted(p.name for p in (root / "articles").rglob("*.md"))
    for title in ("", "   "):
        result = run(root, "new", "--title", title)
        assert result.exit_code == 1, result.output
        assert "a title is required" in result.output, result.output
        assert "already exists" not in result.output
    assert sorted(p.name for p in (root / "articles").rglob("*.md")) == before


def test_a_short_prefix_that_names_a_release_asks_for_more(root: Path) -> None:
    """`show 2a5` said "no release “2a5”" of a prefix that names one (references take 4
    characters or more): it says to type more (a new user's walk)."""
    ident = run(root, "new", "--title", "Rilis").output.split("\t")[0]
    result = run(root, "show", ident[:3])
    assert result.exit_code == 1
    assert "is too short: type at least 4 characters" in result.output, result.output
    assert run(root, "show", ident[:4]).exit_code == 0
    assert "no release" in run(root, "show", "zzz").output


def test_an_unknown_newsroom_lang_is_said_not_ignored(root: Path) -> None:
    """NEWSROOM_LANG=xx fell back to English without a word (a new user's walk)."""
    result = CliRunner().invoke(cli, ["--root", str(root), "list"], env={"NEWSROOM_LANG": "xx"})
    assert result.exit_code == 0
    assert "NEWSROOM_LANG=xx: not a language newsroom speaks (id, en); using" in result.output
    fine = CliRunner().invoke(cli, ["--root", str(root), "list"], env={"NEWSROOM_LANG": "id"})
    assert "NEWSROOM_LANG" not in fine.output


def test_an_empty_list_says_so_without_an_empty_table(root: Path) -> None:
    """`list --status in_review` with none drew an empty table under its title wrapped to
    the table's width ("…: 0" / "releases"; a new user's walk)."""
    result = CliRunner().invoke(cli, ["--root", str(root), "list", "--status", "in_review"],
                                env={"COLUMNS": "80"})  # fmt: skip
    assert result.exit_code == 0, result.output
    assert result.output.strip() == "Humas Uji: 0 releases", result.output


def test_a_bad_config_names_the_key(root: Path) -> None:
    (root / "newsroom.toml").write_text("[feeds]\nlimit = 'many'\n")
    result = run(root, "list")
    assert result.exit_code == 1
    assert "[feeds] limit" in result.output


def test_no_newsroom_says_how_to_make_one(tmp_path: Path, monkeypatch: object) -> None:
    result = CliRunner().invoke(cli, ["--root", str(tmp_path), "list"])
    assert result.exit_code == 1
    assert "newsroom init" in result.output


def test_edit_through_editor_saves_and_records_the_editor(root: Path, monkeypatch: object) -> None:
    import pytest

    ident = run(root, "new", "--title", "Rilis", "--body-file", "-", stdin="Lama.\n").output
    ident = ident.split("\t")[0]
    mp = pytest.MonkeyPatch()
    mp.setenv("EDITOR", "sed -i s/Lama/Baru/")
    try:
        result = run(root, "edit", ident, actor="nur")
    finally:
        mp.undo()
    assert result.exit_code == 0, result.output
    shown = json.loads(run(root, "show", ident, "--json").output)
    assert shown["body"] == "Baru.\n"
    assert shown["history"][-1]["action"] == "edit" and shown["history"][-1]["by"] == "nur"


def test_publish_from_the_command_line(root: Path) -> None:
    ident = run(
        root, "new", "--title", "Rilis", "--dateline", "JAKARTA", "--body-file", "-", stdin="Isi.\n"
    ).output.split("\t")[0]
    path = next((root / "articles").rglob("*.md"))  # the credit, as an editor would add it
    text = path.read_text().replace("language: id\n", "language: id\nauthor: ald\ncredit: HUMAS\n")
    path.write_text(text)
    assert run(root, "submit", ident).exit_code == 0
    assert run(root, "approve", ident, actor="nur").exit_code == 0
    dry = run(root, "publish", "--dry-run", "--json", actor="cron")
    assert json.loads(dry.output)["published"][0]["id"] == ident
    quiet = run(root, "publish", "--quiet", actor="cron")
    assert quiet.exit_code == 0 and quiet.output == ""
    assert ident in (root / "feeds" / "rss.xml").read_text()
    again = run(root, "publish", actor="cron")
    assert "nothing changed" in again.output


def test_edit_refuses_under_another_editors_lease_until_taken_over(root: Path) -> None:
    import datetime as dt

    import pytest

    from newsroom.core import lease
    from newsroom.core.config import load_config

    ident = run(root, "new", "--title", "Rilis", "--body-file", "-", stdin="Lama.\n").output
    ident = ident.split("\t")[0]
    lease.acquire(load_config(root), ident, "ald", dt.datetime.now(dt.UTC))
    mp = pytest.MonkeyPatch()
    mp.setenv("EDITOR", "sed -i s/Lama/Baru/")
    try:
        refused = run(root, "edit", ident, actor="nur")
        taken = run(root, "edit", "--take-over", ident, actor="nur")
    finally:
        mp.undo()
    assert refused.exit_code == 1 and "being edited by ald" in refused.output
    assert "--take-over" in refused.output
    assert taken.exit_code == 0, taken.output
    assert json.loads(run(root, "show", ident, "--json").output)["body"] == "Baru.\n"


IN_REVIEW = "381ebf62-7c83-4e26-aa83-c080ed6a5590"  # the bundled release dwi submitted


def test_approve_dry_run_asks_what_an_approval_asks_and_changes_nothing(
    bundled: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """`approve --dry-run`: four eyes and the checklist as a real approval asks them; exit 0
    and what it would do, or exit 1 and why; no release changes either way."""
    monkeypatch.setenv("NEWSROOM_LANG", "en")
    articles = bundled / "articles"
    files = {p: p.read_bytes() for p in sorted(articles.rglob("*")) if p.is_file()}
    own = run(bundled, "approve", IN_REVIEW[:8], "--dry-run", actor="dwi")  # wrote it
    assert own.exit_code == 1 and "would be refused" in own.output, own.output
    assert "changed the text last: someone else must approve it" in own.output
    past = run(bundled, "approve", IN_REVIEW[:8], "--dry-run", "--embargo", "2026-01-01T10:00",
               actor="nur")  # fmt: skip
    assert past.exit_code == 1 and "embargo" in past.output, past.output  # the checklist
    would = run(bundled, "approve", IN_REVIEW[:8], "--dry-run", actor="nur")
    assert would.exit_code == 0, would.output
    assert "approve would go through" in would.output and "→ Approved" in would.output
    assert {p: p.read_bytes() for p in sorted(articles.rglob("*")) if p.is_file()} == files
    assert "In review" in run(bundled, "show", IN_REVIEW[:8]).output  # and for real, still
    assert run(bundled, "approve", IN_REVIEW[:8], actor="nur").exit_code == 0


@pytest.mark.parametrize(("language", "until"), [("en", "embargo until"), ("id", "embargo hingga")])
def test_list_says_when_an_embargo_lifts_at_80_columns(
    bundled: Path, language: str, until: str
) -> None:
    """`newsroom list` at 80 columns (or in a pipe) had no embargo column and said nothing
    of one: an approved release under embargo now says under its status when it lifts, in
    the newsroom's zone as the other times; --json has it as ISO in that zone."""
    assert run(bundled, "approve", IN_REVIEW[:8], "--embargo", "2099-01-01T10:00",
               actor="nur").exit_code == 0  # fmt: skip
    runner = CliRunner()
    args = ["--root", str(bundled), "--as", "nur", "list"]
    listed = runner.invoke(cli, args, env={"NEWSROOM_LANG": language, "COLUMNS": "80"})
    assert listed.exit_code == 0, listed.output
    lines = listed.output.splitlines()
    assert all(len(line) <= 80 for line in lines), listed.output
    row = next(i for i, line in enumerate(lines) if IN_REVIEW[:8] in line)
    assert until in lines[row + 1] and "01-01-2099 10:00" in lines[row + 2], listed.output
    assert listed.output.count(until) == 1, listed.output  # not the published, not the drafts
    data = json.loads(runner.invoke(cli, [*args, "--json"]).output)["articles"]
    approved = next(a for a in data if a["id"] == IN_REVIEW)
    assert approved["embargo"] == "2099-01-01T10:00:00+07:00"


@pytest.mark.parametrize(("language", "mark"), [("en", "Correction 1 · "), ("id", "Ralat 1 · ")])
def test_list_marks_a_correction_and_a_translation_as_the_desk_does(
    bundled: Path, language: str, mark: str
) -> None:
    """`newsroom list` showed a correction in review and a translation by their titles alone,
    so each read as one more first release of the same title ("In review: Humas Pemerintah
    Diminta…"); their rows now say what the desk's rows say: "Ralat 1 · …", "EN · …"."""
    import datetime as dt

    from .feedkit import submit_correction

    published = "9ef7d5e6-e4d4-4ea9-a5b1-2018120700a1"  # the bundled release, published
    when = dt.datetime(2026, 11, 30, 9, tzinfo=dt.UTC)
    submit_correction(bundled, published, when, "Tanggal seminar", "Teks yang diralat.\n")
    translated = run(bundled, "translate", published, "--language", "en", actor="nur")
    assert translated.exit_code == 0, translated.output
    runner = CliRunner()
    args = ["--root", str(bundled), "--as", "nur", "list"]
    listed = runner.invoke(cli, args, env={"NEWSROOM_LANG": language})
    assert listed.exit_code == 0, listed.output
    rows = {line.split()[1]: line for line in listed.output.splitlines() if line[2:3].isalnum()}
    assert f"│ {mark}Humas" in rows[published[:8]], listed.output
    assert sum("│ EN · Humas" in row for row in rows.values()) == 1, listed.output
