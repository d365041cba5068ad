"""Bilingual releases: a translation (`translation_of`) started from its original, its own
review, the original's number with a language mark, its own language feed, pages that
link the pair, and the note when the original was corrected after it."""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner

from newsroom.cli import cli
from newsroom.core.clock import fixed_clock
from newsroom.core.config import load_config
from newsroom.core.errors import NewsroomError
from newsroom.core.model import Article
from newsroom.core.publish import publish
from newsroom.core.service import NewArticle, Newsroom
from newsroom.core.store import Store

from .feedkit import at, configure, correct, newsroom_root, parse, release, run
from .smtpkit import Handler, configure_mail, smtp_server, write_list
from .test_numbering import count_index_reads, number_releases

__all__ = ["newsroom_root", "smtp_server"]  # fixtures, used by name


def translate(
    root: Path,
    ident: str,
    when_days: float,
    *,
    language: str = "en",
    title: str = "Civil servants stay neutral",
    approve: bool = True,
) -> str:
    """Start the translation as a third person, translate it, submit, have it approved."""
    translator = Newsroom.open(root, "rina", fixed_clock(at(when_days)))
    article = translator.translate(ident, language)
    article.title = title
    article.body = "Paragraph **one**.\n\nParagraph two."
    article.summary = "A summary."
    translator.save_edit(article)
    translator.act(article.id, "submit")
    if approve:
        Newsroom.open(root, "nur", fixed_clock(at(when_days))).act(article.id, "approve")
    return article.id


def load(root: Path, ident: str) -> Article:
    store = Store(load_config(root))
    return next(a for a in (store.load(p) for p in store.paths()) if a.id == ident)


# ---------------------------------------------------------------- starting a translation


def test_translate_starts_a_draft_from_the_original(root: Path) -> None:
    original = release(root, at(0), "ASN Jaga Netralitas", category="Pemilu")
    result = CliRunner().invoke(cli, ["--root", str(root), "--as", "rina", "translate",
                                      original[:8], "--language", "en"])  # fmt: skip
    assert result.exit_code == 0, result.output
    path = result.output.strip().split(": ", 1)[1].split(" ")[0]
    assert (root / path).is_file()
    copy = Store(load_config(root)).load(root / path)
    first = load(root, original)
    assert copy.translation_of == original and copy.language == "en"
    assert copy.status == "draft" and copy.author == "rina"
    assert (copy.title, copy.body, copy.dateline, copy.categories, copy.credit) == (
        first.title,
        first.body,
        first.dateline,
        first.categories,
        first.credit,
    )
    assert copy.slug == first.slug + "-en"
    assert "translation_of: " + original in (root / path).read_text()


def test_translate_refuses_what_breaks_a_rule(root: Path) -> None:
    original = release(root, at(0), "ASN Jaga Netralitas")
    nr = Newsroom.open(root, "rina", fixed_clock(at(0)))
    with pytest.raises(NewsroomError, match="already in 'id'"):
        nr.translate(original, "id")
    with pytest.raises(NewsroomError, match="not a language tag"):
        nr.translate(original, "english!")
    first = nr.translate(original, "en")
    with pytest.raises(NewsroomError, match="already has a translation into"):
        nr.translate(original, "en")
    with pytest.raises(NewsroomError, match="itself a translation") as refused:
        nr.translate(first.id, "jv")
    slug = nr.find(original).slug  # the original as a person types it, not its UUID
    assert str(refused.value).endswith(f"translate its original ({slug})"), refused.value
    assert str(nr.why_not_translatable(first)) == str(refused.value)  # the palette's words
    # Indonesian words for the same refusal
    result = CliRunner().invoke(cli, ["--root", str(root), "--as", "rina", "translate",
                                      original, "--language", "en"],
                                env={"NEWSROOM_LANG": "id"})  # fmt: skip
    assert result.exit_code == 1 and "sudah punya terjemahan" in result.output


def test_check_names_file_and_line_of_a_broken_translation(root: Path) -> None:
    original = release(root, at(0), "ASN Jaga Netralitas")
    nr = Newsroom.open(root, "rina", fixed_clock(at(0)))
    first = nr.translate(original, "en")
    assert first.path is not None
    path = root / first.path
    text = path.read_text()
    ghost = "00000000-0000-4000-8000-000000000000"
    path.write_text(text.replace(original, ghost))
    line = next(n for n, t in enumerate(text.splitlines(), 1) if t.startswith("translation_of"))
    result = CliRunner().invoke(cli, ["--root", str(root), "check"])
    assert result.exit_code == 1
    assert f"{first.path}:{line}: `translation_of` {ghost} names no release" in result.output
    # a second translation into one language: each named with the other
    path.write_text(text)
    second = nr.translate(original, "jv")
    assert second.path is not None
    other = root / second.path
    other.write_text(other.read_text().replace("language: jv", "language: en"))
    result = CliRunner().invoke(cli, ["--root", str(root), "check"])
    assert (
        f"{second.path}:{line}: a second translation into 'en' of one original (also {first.path})"
        in result.output
    )
    assert (
        f"{first.path}:{line}: a second translation into 'en' of one original (also {second.path})"
        in result.output
    )


def test_a_translation_of_itself_is_a_broken_file(root: Path) -> None:
    original = release(root, at(0), "ASN Jaga Netralitas")
    path = next((root / "articles").rglob("*.md"))
    text = path.read_text()
    path.write_text(text.replace("language: id\n", f"language: id\ntranslation_of: {original}\n"))
    result = CliRunner().invoke(cli, ["--root", str(root), "check"])
    assert result.exit_code == 1 and "names this release itself" in result.output


# ---------------------------------------------------------------- travelling to partners


def test_a_pair_travels_through_review_to_its_own_feed(root: Path) -> None:
    configure(root)
    number_releases(root)
    original = release(root, at(0), "ASN Jaga Netralitas", category="Pemilu")
    english = translate(root, original, 0.1)
    # each through its own review: the translation was submitted and approved like any
    assert load(root, english).status == "approved"
    result = run(root, at(0.2))
    assert result.ok, result.failed
    first, second = load(root, original), load(root, english)
    assert first.release_number == "B-001/HUMAS/VI/2026"
    assert second.release_number == "B-001/HUMAS/VI/2026-EN"
    feeds = root / "feeds"
    main = parse(feeds / "rss.xml")
    assert [e.title for e in main.entries] == ["ASN Jaga Netralitas"]
    assert main.feed.language == "id"
    for name in ("rss.xml", "atom.xml", "feed.json"):
        assert (feeds / "en" / name).is_file()
    en = parse(feeds / "en" / "rss.xml")
    assert [e.title for e in en.entries] == ["Civil servants stay neutral"]
    assert en.feed.language == "en" and en.feed.title == "Humas Uji (English)"
    assert en.entries[0].dc_identifier == "B-001/HUMAS/VI/2026-EN"
    atom = parse(feeds / "en" / "atom.xml")
    assert [e.title for e in atom.entries] == ["Civil servants stay neutral"]
    assert [e.title for e in parse(feeds / "category" / "pemilu" / "rss.xml").entries] == [
        "ASN Jaga Netralitas"
    ]
    # a partner without a language of its own takes the newsroom's
    assert [e.title for e in parse(feeds / "partner" / "pemilu" / "rss.xml").entries] == [
        "ASN Jaga Netralitas"
    ]
    # the pages of the pair link each other, in the head (hreflang) and visibly
    base = "http://127.0.0.1:8080/siaran-pers"
    page_id = (feeds / "siaran-pers" / first.slug / "index.html").read_text()
    page_en = (feeds / "siaran-pers" / second.slug / "index.html").read_text()
    for page in (page_id, page_en):
        assert f'<link rel="alternate" hreflang="id" href="{base}/{first.slug}/">' in page
        assert f'<link rel="alternate" hreflang="en" href="{base}/{second.slug}/">' in page
    assert f'<a href="{base}/{second.slug}/" hreflang="en" lang="en">English</a>' in page_id
    assert "Baca dalam bahasa lain" in page_id
    assert 'hreflang="id" lang="id">Bahasa Indonesia</a> (original)' in page_en
    # each page speaks its release's language around it
    assert '<html lang="en">' in page_en and "Read in another language" in page_en
    assert '<html lang="id">' in page_id
    assert 'href="http://127.0.0.1:8080/en/rss.xml"' in page_en
    assert 'href="http://127.0.0.1:8080/rss.xml"' in page_id


def test_a_translation_waits_for_its_original(root: Path) -> None:
    number_releases(root)
    original = release(root, at(0), "ASN Jaga Netralitas", approve=False)
    english = translate(root, original, 0.1)
    result = run(root, at(0.2))
    assert result.ok and not result.published
    assert ("translation_waits", 1) in result.noted
    assert load(root, english).status == "approved"
    Newsroom.open(root, "nur", fixed_clock(at(0.3))).act(original, "approve")
    result = run(root, at(0.4))
    assert result.ok, result.failed
    assert {p["number"] for p in result.published} == {
        "B-001/HUMAS/VI/2026",
        "B-001/HUMAS/VI/2026-EN",
    }
    # the language mark takes no place in the sequence: the next release is B-002
    release(root, at(0.5), "Rilis Berikutnya")
    run(root, at(0.6))
    result = CliRunner().invoke(cli, ["--root", str(root), "list", "--json"])
    assert "B-002/HUMAS/VI/2026" in result.output
    assert CliRunner().invoke(cli, ["--root", str(root), "check"]).exit_code == 0


def test_the_originals_page_links_a_translation_published_later(root: Path) -> None:
    configure(root)
    number_releases(root)
    original = release(root, at(0), "ASN Jaga Netralitas")
    assert run(root, at(0.1)).ok
    slug = load(root, original).slug
    page = root / "feeds" / "siaran-pers" / slug / "index.html"
    assert "hreflang" not in page.read_text()
    english = translate(root, original, 0.2)
    assert run(root, at(0.3)).ok
    en_slug = load(root, english).slug
    assert f'hreflang="en" href="http://127.0.0.1:8080/siaran-pers/{en_slug}/"' in page.read_text()
    # numbered from its original, published in an earlier run
    assert load(root, english).release_number == "B-001/HUMAS/VI/2026-EN"


# ---------------------------------------------------------------- the original corrected


def test_a_translation_hears_its_original_was_corrected(root: Path) -> None:
    configure(root)
    original = release(root, at(0), "ASN Jaga Netralitas")
    english = translate(root, original, 0.1)
    assert run(root, at(0.2)).ok
    nr = Newsroom.open(root, "nur", fixed_clock(at(0.5)))
    assert nr.original_corrected(nr.find(english)) is None
    assert nr.find(english).release_number == ""  # without [numbering], neither has one
    correct(root, original, at(1), "Angka anggaran salah", "Anggaran Rp 5 miliar.")
    assert run(root, at(1.1)).ok
    # the translation's next checklist (its correction) says so, in both languages
    writer = Newsroom.open(root, "rina", fixed_clock(at(2)))
    writer.act(english, "correct", note="Same fix as the original")
    article = writer.find(english)
    assert writer.original_corrected(article) is not None
    article.body = "The budget is Rp 5 billion."
    writer.save_edit(article)
    outcome = writer.act(english, "submit")
    advice = [c for c in outcome.advice if c.name == "original_corrected"]
    assert advice and "this translation may need the same correction" in advice[0].message
    from newsroom.core.checks import run_checks
    from newsroom.i18n import Translator
    from newsroom.i18n.explain import check_text

    checks = run_checks(writer.find(english), writer.config, at(2), around=writer.around())
    failing = next(c for c in checks if c.name == "original_corrected")
    assert not failing.passed and failing.level == "recommended"
    said = check_text(Translator("id"), failing, lambda when: when.strftime("%d-%m-%Y %H:%M"))
    assert said == (
        "naskah asli diralat pada 02-06-2026 11:24; terjemahan ini mungkin perlu ralat yang sama"
    )
    # approved again after the correction: the note is gone
    Newsroom.open(root, "nur", fixed_clock(at(2.1))).act(english, "approve")
    later = Newsroom.open(root, "nur", fixed_clock(at(2.2)))
    assert later.original_corrected(later.find(english)) is None


def test_the_cli_shows_a_checks_time_as_people_read_times(root: Path) -> None:
    """A check that names a time (the original's correction, a past embargo) says it as
    `show` does, `02-06-2026 11:24 WIB`, in a warning and in a refusal (both printed the
    raw ISO time, 2026-06-02T11:24:00+07:00)."""
    configure(root)
    original = release(root, at(0), "ASN Jaga Netralitas")
    english = translate(root, original, 0.1)
    assert run(root, at(0.2)).ok
    correct(root, original, at(1), "Angka anggaran salah", "Anggaran Rp 5 miliar.")
    assert run(root, at(1.1)).ok
    writer = Newsroom.open(root, "rina", fixed_clock(at(2)))
    writer.act(english, "correct", note="Same fix as the original")
    article = writer.find(english)
    article.body = "The budget is Rp 5 billion."
    writer.save_edit(article)
    args = ["--root", str(root), "--as", "rina", "submit", english]
    submitted = CliRunner().invoke(cli, args, env={"NEWSROOM_LANG": "id"})
    assert submitted.exit_code == 0, submitted.output
    assert "naskah asli diralat pada 02-06-2026 11:24 WIB;" in submitted.stderr
    second = release(root, at(2), "Rilis kedua", approve=False)
    args = ["--root", str(root), "--as", "nur", "approve", second, "--embargo", "2026-06-01T10:00"]
    refused = CliRunner().invoke(cli, args, env={"NEWSROOM_LANG": "en"})
    assert refused.exit_code == 1 and "the embargo (01-06-2026 10:00 WIB) is" in refused.output
    for done in (submitted, refused):
        assert "T11:24" not in done.output and "T10:00" not in done.output


def test_a_standing_approval_is_renewed_after_the_originals_correction(root: Path) -> None:
    """An approved translation waiting for its embargo whose original is corrected meanwhile:
    approving it again (its approval stands otherwise) says it was looked at."""
    configure(root)
    original = release(root, at(0), "ASN Jaga Netralitas")
    translator = Newsroom.open(root, "rina", fixed_clock(at(0.1)))
    article = translator.translate(original, "en")
    article.title, article.summary = "Civil servants stay neutral", "A summary."
    article.body = "Paragraph **one**.\n\nParagraph two."
    article.embargo = at(5)
    translator.save_edit(article)
    translator.act(article.id, "submit")
    Newsroom.open(root, "nur", fixed_clock(at(0.15))).act(article.id, "approve")
    assert run(root, at(0.2)).ok
    nur = Newsroom.open(root, "nur", fixed_clock(at(0.5)))
    assert not nur.decide(nur.find(article.id), "approve").allowed  # it stands
    correct(root, original, at(1), "Angka anggaran salah", "Anggaran Rp 5 miliar.")
    assert run(root, at(1.1)).ok
    nur = Newsroom.open(root, "nur", fixed_clock(at(1.2)))
    assert nur.original_corrected(nur.find(article.id)) is not None
    assert nur.decide(nur.find(article.id), "approve").allowed
    nur.act(article.id, "approve")
    assert nur.original_corrected(nur.find(article.id)) is None


def test_the_pair_is_kept_while_no_file_changes(
    root: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The desk's release screen asks for the pair at every redraw: the door keeps the pairs
    while no article file changed (the index is not read again), and any change shows at
    once: a translation made since, a member's new status."""
    original = release(root, at(0), "ASN Jaga Netralitas", category="Pemilu")
    english = translate(root, original, 0.1, approve=False)
    door = Newsroom.open(root, "nur", fixed_clock(at(0.2)))
    read = count_index_reads(monkeypatch)

    def pair(ident: str) -> list[tuple[str, str]]:
        return [(r.id, r.status) for r in door.translation_pair(door.find(ident)).members]

    assert pair(original) == [(original, "approved"), (english, "in_review")]
    read.clear()
    assert pair(english) == [(original, "approved"), (english, "in_review")]
    assert read == []  # nothing changed: the pairs kept
    french = Newsroom.open(root, "rina", fixed_clock(at(0.3))).translate(original, "fr")
    assert pair(original) == [(original, "approved"), (english, "in_review"),
                              (french.id, "draft")]  # fmt: skip
    Newsroom.open(root, "nur", fixed_clock(at(0.4))).act(english, "approve")
    assert (english, "approved") in pair(original)
    lone = release(root, at(0.5), "Rilis tanpa terjemahan")
    assert pair(lone) == []  # one alone: no pair


# ---------------------------------------------------------------- the desk


async def test_the_desk_starts_a_translation_and_shows_the_pair(bundled: Path) -> None:
    from textual.widgets import Static

    from newsroom.tui.screens.editor import EditScreen
    from newsroom.tui.screens.modals import NoteModal
    from newsroom.tui.screens.release import ReleaseScreen
    from newsroom.tui.widgets.release_list import Columns, ReleaseList

    from .test_tui import settle
    from .tuikit import SEED_ID, make_app

    app = make_app(bundled, "nur", language="id")
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(app, pilot)
        app.push_screen(ReleaseScreen(SEED_ID))
        await settle(app, pilot)
        assert "Bahasa" not in str(app.screen.query_one("#meta", Static).render())
        await pilot.press("t")
        await pilot.pause()
        assert isinstance(app.screen, NoteModal)
        await pilot.press("enter")  # "en" is offered
        await settle(app, pilot)
        assert isinstance(app.screen, EditScreen)  # the new draft opens in the editor
        copy = app.screen.session.article
        assert copy.translation_of == SEED_ID and copy.language == "en"
        await pilot.press("escape")
        await settle(app, pilot)
        assert isinstance(app.screen, ReleaseScreen)  # back on the original
        app.screen.reload()
        meta = str(app.screen.query_one("#meta", Static).render())
        assert "Bahasa" in meta and "id (naskah asli, yang ini): Humas" in meta
        assert "en: Humas Pemerintah" in meta and "Draf" in meta
        assert app.screen.check_action("translate", ()) is True  # an original
        app.pop_screen()
        await settle(app, pilot)
        app.push_screen(ReleaseScreen(copy.id))
        await settle(app, pilot)
        assert app.screen.check_action("translate", ()) is False  # a translation is not
        assert "en (yang ini)" in str(app.screen.query_one("#meta", Static).render())
        app.pop_screen()
        await settle(app, pilot)
        releases = app.screen.query_one(ReleaseList)
        app.screen.load()
        await settle(app, pilot)
        rows = {r.id: r for r in releases.rows}
        assert "EN · Humas Pemerintah" in releases._line(Columns.fit(120), rows[copy.id])
        assert "EN ·" not in releases._line(Columns.fit(120), rows[SEED_ID])


def test_show_and_list_name_the_pair(root: Path) -> None:
    number_releases(root)
    original = release(root, at(0), "ASN Jaga Netralitas")
    english = translate(root, original, 0.1)
    run(root, at(0.2))
    result = CliRunner().invoke(cli, ["--root", str(root), "show", english], env={"COLUMNS": "200"})
    assert "id (original): ASN Jaga Netralitas — Published · B-001/HUMAS/VI/2026" in result.output
    assert "en (this one): Civil servants stay neutral — Published · B-001/HUMAS/VI/2026-EN" in (
        result.output
    )
    listed = CliRunner().invoke(cli, ["--root", str(root), "list", "--json"]).output
    assert f'"translation_of": "{original}"' in listed and '"language": "en"' in listed


def test_the_approval_seals_which_release_it_translates(root: Path) -> None:
    original = release(root, at(0), "ASN Jaga Netralitas")
    other = release(root, at(0), "Rilis Lain")
    english = translate(root, original, 0.1)
    path = root / str(load(root, english).path)
    path.write_text(
        path.read_text().replace(f"translation_of: {original}", f"translation_of: {other}")
    )
    result = run(root, at(0.2))
    assert english not in {p["id"] for p in result.published}
    assert any(r.id == english for r in result.refused)


def test_a_translation_is_mailed_to_the_lists_of_its_language(
    newsroom_root: Path, smtp_server: tuple[Handler, int]
) -> None:
    handler, port = smtp_server
    root, folder = newsroom_root, newsroom_root.parent / "lists"
    lists = (
        f'[[lists]]\nname = "wartawan"\ntitle = "Wartawan"\nrecipients = "{folder}/wartawan.txt"\n'
        f'\n[[lists]]\nname = "foreign"\ntitle = "Foreign press"\n'
        f'recipients = "{folder}/foreign.txt"\nlanguage = "en"\n'
    )
    configure_mail(root, port, lists)
    write_list(folder, "wartawan", ["budi@koran.id"])
    write_list(folder, "foreign", ["jane@post.example"])
    publish(load_config(root), "cron", at(-1))  # mail's first run here
    original = release(root, at(0), "ASN Jaga Netralitas")
    translate(root, original, 0.1)
    publish(load_config(root), "cron", at(0.2))
    got = {(rcpt.lower(), m["Subject"]) for rcpt, m in handler.messages()}
    assert got == {
        ("budi@koran.id", "ASN Jaga Netralitas"),
        ("jane@post.example", "Civil servants stay neutral"),
    }


def test_a_language_feed_has_its_own_archives_in_its_language(root: Path) -> None:
    configure(root, limit=1)
    for n in range(2):
        original = release(root, at(n), f"Rilis {n}")
        translate(root, original, n + 0.1, title=f"Release {n}")
        assert run(root, at(n + 0.2)).ok
    archive = root / "feeds" / "en" / "archive" / "2026-06.rss.xml"
    parsed = parse(archive)
    assert parsed.feed.title == "Humas Uji (English) (archive 2026-06)"
    assert {e.title for e in parsed.entries} == {"Release 0", "Release 1"}
    assert [e.title for e in parse(root / "feeds" / "en" / "rss.xml").entries] == ["Release 1"]
    assert {e.title for e in parse(root / "feeds" / "archive" / "2026-06.rss.xml").entries} == {
        "Rilis 0",
        "Rilis 1",
    }


def test_a_klarifikasi_translates_as_one_and_a_local_photo_stays_with_its_release(
    root: Path, tmp_path: Path
) -> None:
    from .test_attachments import cli_run, file, png

    nr = Newsroom.open(root, "ald", fixed_clock(at(0)))
    denial = nr.create(NewArticle(title="Klarifikasi", denies=["B-099/HUMAS/VI/2026"]))
    done = cli_run(root, "attach", denial.id, str(file(tmp_path, "foto.png", png())), "--photo")
    assert done.exit_code == 0, done.output
    copy = Newsroom.open(root, "rina", fixed_clock(at(0))).translate(denial.id, "en")
    assert copy.kind == "klarifikasi" and copy.denies == ["B-099/HUMAS/VI/2026"]
    assert copy.image is None or copy.image.src == ""
