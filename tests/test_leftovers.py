"""Review leftovers: whose a copy kept aside is, read in one place; the CLI's questions
asked by one helper; a publish log line of a bounded length; a correction's notice and a
sign-off worded the same everywhere."""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner

from newsroom.cli import cli
from newsroom.core.clock import fixed_clock
from newsroom.core.service import NewArticle, Newsroom

from .tuikit import NOW

# 2. Whose a copy kept aside is: one reading of its name ----------------------------------


def test_a_slug_holding_another_persons_key_is_not_their_copy(bundled: Path) -> None:
    """`<slug>-<person>-<time>.md`: Dwi's copy of "program-rin-tisan" is Dwi's, not Rin's
    (a search for "-rin-" in the name took it for Rin's: her desk offered a copy she could
    neither restore nor discard)."""
    dwi = Newsroom.open(bundled, "dwi", fixed_clock(NOW))
    draft = dwi.create(NewArticle(title="Program rin tisan", dateline="JAKARTA"))
    assert draft.slug == "program-rin-tisan"
    kept = dwi.keep_unsaved(draft.slug, Path(bundled / str(draft.path)).read_text())
    rin = Newsroom.open(bundled, "rin", fixed_clock(NOW))
    assert rin.unsaved() == []
    assert dwi.unsaved() == [kept]
    (copy,) = rin.unsaved_copies()
    assert (copy.name, copy.person) == (kept.name, "dwi")


# 3. The CLI's questions: one helper, in the person's language -----------------------------


@pytest.mark.parametrize(
    ("lang", "asked", "again", "undone"),
    [("id", "[y/T]", "jawab y (ya) atau t (tidak)", "tidak ada yang dilakukan"),
     ("en", "[y/N]", "answer y (yes) or n (no)", "nothing was done")],
)  # fmt: skip
def test_delete_and_discard_ask_the_same_way(
    bundled: Path, lang: str, asked: str, again: str, undone: str
) -> None:
    ald = Newsroom.open(bundled, "ald", fixed_clock(NOW))
    draft = ald.find("contoh-draf")
    kept = ald.keep_unsaved(draft.slug, "Teks.\n")
    env = {"NEWSROOM_LANG": lang}
    base = ["--root", str(bundled), "--as", "ald"]
    commands = [["delete", draft.id[:8]], ["unsaved", "discard", kept.name]]
    for command, gone in zip(commands, [bundled / str(draft.path), kept], strict=True):
        for answer in ("\n", "t\n", "n\n", "mungkin\n"):  # no, no, no, unclear then no input
            said = CliRunner().invoke(cli, [*base, *command], input=answer, env=env)
            assert said.exit_code == 1 and gone.exists(), said.output
            assert asked in said.output and undone in said.output
            assert "Aborted" not in said.output
            assert (again in said.output) == (answer == "mungkin\n")
        done = CliRunner().invoke(cli, [*base, *command], input="ya\n", env=env)
        assert done.exit_code == 0 and not gone.exists(), done.output


# 4. The publish log's line: how many files, a few named; --json lists them all -------------


def test_the_publish_log_counts_the_files_and_names_a_few(root: Path) -> None:
    import json

    from .feedkit import at, configure, release

    configure(root)
    release(root, at(0), "Rilis satu")
    release(root, at(0.1), "Rilis dua")
    args = ["--root", str(root), "publish", "--json", "--now", at(1).isoformat()]
    done = CliRunner().invoke(cli, [*args, "--force-clock"])
    assert done.exit_code == 0, done.output
    written = json.loads(done.stdout)["written"]
    assert len(written) > 20 and "siaran-pers/rilis-satu/index.html" in written  # all of them
    line = json.loads((root / ".newsroom" / "publish.log").read_text().splitlines()[-1])
    assert line["feeds_changed_count"] == len(written)
    named = line["feeds_changed"]
    assert len(named) == 5 and set(named) <= set(written)
    assert {"rss.xml", "atom.xml", "feed.json"} <= set(named)  # the top-level files first
    assert line["removed"] == [] and line["removed_count"] == 0


# 5. The sign-off: the person's initials from [people], else the login, never git's name ----


def test_without_people_the_sign_off_is_the_login_not_the_machines_git_name(
    root: Path, tmp_path: Path
) -> None:
    """A server's git `user.name` is the machine's setting (an admin's name): it never signs
    a release, nor acts in its history."""
    gitconfig = tmp_path / "gitconfig"
    gitconfig.write_text("[user]\n\tname = Admin Server Kominfo\n")
    env = {"GIT_CONFIG_GLOBAL": str(gitconfig), "LOGNAME": "dwi", "USER": "dwi",
           "NEWSROOM_USER": None, "NEWSROOM_LANG": "id"}  # fmt: skip
    base = ["--root", str(root)]
    made = CliRunner().invoke(cli, [*base, "new", "--title", "Uji", "--dateline", "JAKARTA",
                                    "--credit", "HUMAS UJI"], env=env)  # fmt: skip
    assert made.exit_code == 0, made.output
    article = Newsroom.open(root, "dwi").find("uji")
    assert article.author == "dwi" and article.history[-1].by == "dwi"
    article.body = "Isi siaran."
    Newsroom.open(root, "dwi").save_edit(article)
    text = CliRunner().invoke(cli, [*base, "text", "uji", "--format", "plain"], env=env)
    assert "(dwi/HUMAS UJI)" in text.output and "Admin" not in text.output
    named = CliRunner().invoke(cli, [*base, "--as", "nur", "comment", "uji", "--note", "ok"],
                               env=env)  # fmt: skip
    assert named.exit_code == 0 and Newsroom.open(root, "x").find("uji").comments[-1].by == "nur"
