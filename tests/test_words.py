"""Issue 10, part 3: words and identity.

The office's default language, ctrl+l remembered, a CLI that speaks Indonesian, one word
for one thing, refusals that say what to do, plurals and grammar, people by name, the
sign-off never twice, and staff e-mail addresses nowhere."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from click.testing import CliRunner, Result
from textual.widgets import Static

from newsroom.cli import cli
from newsroom.core.clock import fixed_clock
from newsroom.core.service import NewArticle, Newsroom
from newsroom.tui.app import NewsroomApp
from newsroom.tui.screens.release import ReleaseScreen
from newsroom.tui.settings import Settings, load_settings
from newsroom.tui.widgets.release_list import ReleaseList

from .tuikit import NOW, SEED_ID, make_app

# English that must not turn up inside an Indonesian sentence.
ENGLISH = re.compile(
    r"\b(the|and|refused|cannot|only|release|releases|missing|set|in|editor|review|"
    r"dateline|warning|checked|error)\b"
)


def newsroom_cli(root: Path, *args: str, actor: str = "ald", lang: str | None = None) -> Result:
    env = {"NEWSROOM_LANG": lang} if lang else {}
    return CliRunner().invoke(cli, ["--root", str(root), "--as", actor, *args], env=env)


async def settle(app: NewsroomApp, pilot: object) -> None:
    await app.workers.wait_for_complete()
    await pilot.pause()  # type: ignore[attr-defined]


# ---------------------------------------------------------------- language


def test_the_office_sets_the_default_language(bundled: Path, own_settings: Path) -> None:
    """[ui] language = "id" in the bundled newsroom: the CLI speaks Indonesian to whoever
    has no setting; NEWSROOM_LANG and the person's own setting come first."""
    listed = newsroom_cli(bundled, "list", actor="nur")
    assert "4 siaran pers" in listed.output and "Judul" in listed.output
    assert "4 releases" in newsroom_cli(bundled, "list", actor="nur", lang="en").output
    own_settings.write_text('language = "en"\n')
    assert "4 releases" in newsroom_cli(bundled, "list", actor="nur").output


async def test_the_desk_takes_the_offices_language(bundled: Path) -> None:
    newsroom = Newsroom.open(bundled, "nur", fixed_clock(NOW))
    app = NewsroomApp(newsroom, Settings(), watch=False)  # the person has no setting
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(app, pilot)
        assert app.t.language == "id"
        assert app.screen.query_one(ReleaseList).header[1] == "Judul"


async def test_ctrl_l_is_remembered(bundled: Path, own_settings: Path) -> None:
    own_settings.write_text('[keys]\ncomment = "m"\n')
    newsroom = Newsroom.open(bundled, "nur", fixed_clock(NOW))
    app = NewsroomApp(newsroom, load_settings(own_settings), watch=False)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(app, pilot)
        assert app.t.language == "id"
        await pilot.press("ctrl+l")
        await pilot.pause()
        assert app.t.language == "en"
    settings = load_settings(own_settings)
    assert settings.language == "en" and settings.keys == {"comment": "m"}
    again = NewsroomApp(Newsroom.open(bundled, "nur", fixed_clock(NOW)), settings, watch=False)
    assert again.t.language == "en"


def test_switching_the_language_again_and_again_leaves_the_settings_file_as_it_was(
    tmp_path: Path,
) -> None:
    """ctrl+l, pressed many times, keeps one language line: the file does not grow."""
    from newsroom.settings import remember_language

    alone, with_keys, keys_first = (tmp_path / n for n in ("a.toml", "b.toml", "c.toml"))
    alone.write_text('language = "id"\n')
    with_keys.write_text('language = "id"\n\n[keys]\ncomment = "m"\n')
    keys_first.write_text('[keys]\ncomment = "m"\n')
    for language in ("en", "id", "en", "id"):
        for path in (alone, with_keys, keys_first):
            remember_language(path, language)
    assert alone.read_text() == 'language = "id"\n'
    assert with_keys.read_text() == 'language = "id"\n\n[keys]\ncomment = "m"\n'
    assert keys_first.read_text() == 'language = "id"\n[keys]\ncomment = "m"\n'


def test_the_blank_lines_an_earlier_version_left_in_the_settings_file_go(
    tmp_path: Path,
) -> None:
    from newsroom.settings import remember_language

    path = tmp_path / "settings.toml"
    path.write_text('language = "id"' + "\n" * 13)  # as an earlier version's ctrl+l left it
    remember_language(path, "en")
    assert path.read_text() == 'language = "en"\n'


def test_the_cli_speaks_indonesian_without_english_fragments(bundled: Path) -> None:
    refused = newsroom_cli(bundled, "request-changes", "contoh-draf", "--note", "x", lang="id")
    assert refused.exit_code == 1
    message = refused.output.strip().removeprefix("newsroom: ")
    assert message == (
        "minta perbaikan ditolak: articles/contoh/contoh-draf-sosialisasi-sistem-merit.md: "
        "tidak bisa meminta perbaikan atas draf (hanya siaran pers yang sudah disetujui atau "
        "siaran pers yang sedang ditinjau)"
    )
    assert not ENGLISH.search(message)


def test_refusals_say_what_to_do(root: Path) -> None:
    made = newsroom_cli(root, "new", "--title", "Rilis", "--body-file", "-")
    ident = made.output.split("\t")[0]
    english = newsroom_cli(root, "submit", ident, lang="en")
    assert english.exit_code == 1
    assert (
        "submit refused: articles/2026/12/rilis.md: checks not passed: missing: Dateline, "
        f"Credit, Text — set Dateline in the "
        f"editor or `newsroom edit {ident[:8]}`"
    ) in english.output
    indonesian = newsroom_cli(root, "submit", ident, lang="id")
    assert (
        "belum diisi: Kota, Kredit, Isi — lengkapi Kota di penyunting atau "
        f"`newsroom edit {ident[:8]}`" in (indonesian.output)
    )
    assert not ENGLISH.search(indonesian.output.replace(f"newsroom edit {ident[:8]}", ""))


def test_plurals_and_grammar(root: Path) -> None:
    ident = newsroom_cli(root, "new", "--title", "Rilis").output.split("\t")[0]
    assert re.search(r"Humas Uji: 1 release\s*\n", newsroom_cli(root, "list", lang="en").output)
    refused = newsroom_cli(root, "request-changes", ident, "--note", "x", lang="en")
    assert "cannot request changes on a draft (only an approved release" in refused.output
    newsroom_cli(root, "new", "--title", "Rilis Dua")
    assert "Humas Uji: 2 releases" in newsroom_cli(root, "list", lang="en").output


def test_an_unknown_status_is_a_usage_error_listing_the_statuses(root: Path) -> None:
    done = newsroom_cli(root, "list", "--status", "review", lang="en")
    assert done.exit_code == 2
    assert "“review” is not a status; use one of: draft, in_review, changes_requested" in (
        done.output
    )


def test_one_word_for_one_thing_and_no_english_in_indonesian() -> None:
    try:
        from newsroom.i18n import CATALOG
    except ImportError:  # before the catalog was shared, it was the TUI's
        from newsroom.tui.i18n import CATALOG  # type: ignore[import-not-found,no-redef]

    indonesian = {key: pair[1] for key, pair in CATALOG.items()}
    for key, text in indonesian.items():
        words = text.replace("$EDITOR", "").replace("newsroom.toml", "")
        assert not re.search(r"\b(Koreksi|koreksi|review|Review|dateline)\b", words), key
    quitting = {key for key, text in indonesian.items() if re.search(r"\bKeluar\b", text)}
    assert quitting == {"cmd.quit", "cmd.quit.help", "modal.quit"}  # discarding is "Buang"
    assert indonesian["cmd.correct"] == "Ralat" and indonesian["field.dateline"] == "Kota"


# ---------------------------------------------------------------- people


async def test_the_desk_shows_people_by_name(bundled: Path) -> None:
    Newsroom.open(bundled, "nur", fixed_clock(NOW)).act(SEED_ID, "comment", note="Cek foto")
    app = make_app(bundled, "redaktur")
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(app, pilot)
        assert "— Redaktur" in str(app.screen.query_one("#banner", Static).render())
        app.push_screen(ReleaseScreen(SEED_ID))
        await settle(app, pilot)
        timeline = str(app.screen.query_one("#timeline", Static).render())
        assert "Nur Aini (redaktur)" in timeline and "Aldi (Humas)" in timeline


def test_staff_email_addresses_reach_no_feed_log_or_output(bundled: Path) -> None:
    config = bundled / "newsroom.toml"
    text = re.sub(
        r"(\[people\.(\w+)\]\n)", r'\1email = "\2@kantor.example.go.id"\n', config.read_text()
    )
    config.write_text(text)
    nur = Newsroom.open(bundled, "nur", fixed_clock(NOW))
    nur.act("contoh-menunggu-review-zona-integritas", "approve")
    outputs = [
        newsroom_cli(bundled, *args, actor=actor, lang=lang).output
        for args, actor in [(["list"], "nur"), (["show", SEED_ID], "nur"), (["check"], "nur"),
                            (["publish"], "cron"), (["status"], "nur")]
        for lang in ("en", "id")
    ]  # fmt: skip
    written = [p.read_text(errors="replace") for p in (bundled / "feeds").rglob("*") if p.is_file()]
    logs = [p.read_text() for p in (bundled / ".newsroom").glob("*.log")]
    assert outputs and written and logs
    for text in outputs + written + logs:
        assert "@kantor.example.go.id" not in text


# ---------------------------------------------------------------- the sign-off


def test_a_text_that_ends_with_its_sign_off_gets_no_second_one(root: Path) -> None:
    writer = Newsroom.open(root, "ald", fixed_clock(NOW))
    article = writer.create(
        NewArticle(
            title="Rilis Bertanda",
            body="Isi siaran pers.\n\nParagraf akhir. (ald/HUMAS UJI)",
            dateline="JAKARTA",
            summary="Ringkas.",
            categories=["Pemilu"],
            author="ald",
            credit="HUMAS UJI",
        )
    )
    outcome = writer.act(article.id, "submit")
    assert [c.name for c in outcome.advice] == ["signoff"]  # the checklist warns
    Newsroom.open(root, "nur", fixed_clock(NOW)).act(article.id, "approve")
    published = newsroom_cli(root, "publish", actor="cron")
    assert published.exit_code == 0, published.output
    feed = (root / "feeds" / "rss.xml").read_text()
    assert feed.count("(ald/HUMAS UJI)") == 1
    assert "Paragraf akhir. (ald/HUMAS UJI)" in feed


def test_newsroom_edit_refuses_before_opening_the_editor(
    bundled: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("VISUAL", "false")  # an editor that would fail if it were started
    refused = newsroom_cli(bundled, "edit", SEED_ID, actor="nur", lang="en")
    assert refused.exit_code == 1
    seed = "articles/2018/12/humas-pemerintah-jaga-netralitas-asn-pemilu-2019.md"
    assert f"edit refused: {seed}: cannot edit a published release" in refused.output
    assert "start a correction (K on the desk, `newsroom correct 9ef7d5e6`)" in refused.output


def test_times_are_read_day_first_as_the_screens_show_them() -> None:
    """A new user typed 08-12-2026 09:00 (as every screen shows times) into the embargo
    field and was refused; ISO stays accepted, and day-first has no ambiguity (the year
    is last)."""
    import datetime as dt

    from newsroom.core.clock import parse_time

    wib = dt.timezone(dt.timedelta(hours=7))
    expected = dt.datetime(2026, 12, 8, 9, 0, tzinfo=wib)
    for text in ("08-12-2026 09:00", "8/12/2026 09:00", "08-12-2026T09:00", "2026-12-08 09:00"):
        assert parse_time(text, wib) == expected, text
    assert parse_time("08.12.2026", wib) == dt.datetime(2026, 12, 8, tzinfo=wib)
    with pytest.raises(ValueError, match="07-12-2026 09:00"):
        parse_time("31-13-2026 09:00", wib)


@pytest.mark.parametrize(
    ("language", "listed"),
    [
        ("id", "(hanya siaran pers yang dikembalikan untuk diperbaiki, siaran pers yang sedang "
               "diralat, draf atau siaran pers yang sedang ditinjau)"),
        ("en", "(only a release sent back for changes, a release being corrected, a draft or a "
               "release in review)"),
    ],
)  # fmt: skip
def test_a_refusal_lists_the_states_it_allows_with_one_or(language: str, listed: str) -> None:
    """`a, b, c or d`, not `a or b or c or d` (a new user's walk found it hard to read)."""
    from newsroom.i18n import Translator
    from newsroom.i18n.explain import why

    args = {"status": "published", "states": "changes_requested, correcting, draft, in_review"}
    assert listed in why(Translator(language), "no_rule", args, action="edit")


def test_a_fix_for_an_approved_release_says_to_request_changes_not_to_edit(root: Path) -> None:
    """An approval's warnings and `newsroom check` told the fix of an approved release as
    "ubah Isi di penyunting atau `newsroom edit REF`", which the editor then refused (an
    approved release is not edited): they now say how to change it there, request changes
    first, as the refusal itself says (and a published one: start a correction)."""
    writer = Newsroom.open(root, "ald", fixed_clock(NOW))
    article = writer.create(
        NewArticle(
            title="Rilis Bertanda",
            body="Isi siaran pers. (ald/HUMAS UJI)",
            dateline="JAKARTA",
            summary="Ringkas.",
            categories=["Pemilu"],
            author="ald",
            credit="HUMAS UJI",
        )
    )
    writer.act(article.id, "submit")
    env = {"NEWSROOM_LANG": "id"}
    approved = CliRunner().invoke(cli, ["--root", str(root), "--as", "nur", "approve",
                                        article.id], env=env)  # fmt: skip
    assert approved.exit_code == 0, approved.output
    hint = (
        f"minta perbaikan dahulu (r di meja redaksi, `newsroom request-changes {article.id[:8]}`)"
    )
    assert hint in approved.output and "newsroom edit" not in approved.output, approved.output
    checked = CliRunner().invoke(cli, ["--root", str(root), "check"], env=env)
    assert hint in checked.output and "newsroom edit" not in checked.output, checked.output


def test_a_run_that_tells_a_retraction_says_so_first() -> None:
    """The desk's result of a run that put a retraction out had no first line, where the
    others say "1 release published" (a new user's walk)."""
    import datetime as dt

    from newsroom.core.outputs import Move, PublishResult
    from newsroom.i18n import Translator
    from newsroom.i18n.explain import publish_count

    result = PublishResult(dt.datetime(2026, 12, 4, tzinfo=dt.UTC), "nur")
    result.moves = [Move("1", "Rilis", "retracted", ["rss.xml"]),
                    Move("1", "Rilis", "retracted", ["rss.xml"], notice="retraction")]  # fmt: skip
    assert publish_count(Translator("en"), result) == "1 retraction told to partners"
    assert publish_count(Translator("id"), result) == "1 pencabutan disampaikan ke mitra"
