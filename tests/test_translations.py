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
from newsroom.core.service import Newsroom
from newsroom.core.store import Store

from .feedkit import at, configure, correct, parse, release, run
from .test_numbering import number_releases


def translate(root: Path, ident: str, when_days: float, *, language: str = "en",
              title: str = "Civil servants stay neutral", approve: bool = True) -> str:
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


def load(root: Path, ident: str) -> object:
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
        first.title, first.body, first.dateline, first.categories, first.credit)  # type: ignore[attr-defined]
    assert copy.slug == first.slug + "-en"  # type: ignore[attr-defined]
    assert "translation_of: " + original in (root / path).read_text()


def test_translate_refuses_what_breaks_a_rule(root: Path) -> None:
    original = release(root, at(0), "ASN Jaga Netralitas")
    nr = Newsroom.open(root, "rina", fixed_clock(at(0)))
    with pytest.raises(NewsroomError, match="already in 'id'|already in \"id\""):
        nr.translate(original, "id")
    with pytest.raises(NewsroomError, match="not a language tag"):
        nr.translate(original, "english!")
    first = nr.translate(original, "en")
    with pytest.raises(NewsroomError, match="already has a translation into"):
        nr.translate(original, "en")
    with pytest.raises(NewsroomError, match="itself a translation"):
        nr.translate(first.id, "jv")
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
    line = next(n for n, l in enumerate(text.splitlines(), 1) if l.startswith("translation_of"))
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
    assert f"{second.path}:{line}: a second translation into 'en' of one original (also {first.path})" in result.output
    assert f"{first.path}:{line}: a second translation into 'en' of one original (also {second.path})" in result.output


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
    assert load(root, english).status == "approved"  # type: ignore[attr-defined]
    result = run(root, at(0.2))
    assert result.ok, result.failed
    first, second = load(root, original), load(root, english)
    assert first.release_number == "B-001/HUMAS/VI/2026"  # type: ignore[attr-defined]
    assert second.release_number == "B-001/HUMAS/VI/2026-EN"  # type: ignore[attr-defined]
    feeds = root / "feeds"
    main = parse(feeds / "rss.xml")
    assert [e.title for e in main.entries] == ["ASN Jaga Netralitas"]
    assert main.feed.language == "id"
    for name in ("rss.xml", "atom.xml", "feed.json"):
        assert (feeds / "en" / name).is_file()
    en = parse(feeds / "en" / "rss.xml")
    assert [e.title for e in en.entries] == ["Civil servants stay neutral"]
    assert en.feed.language == "en"
    assert en.entries[0].dc_identifier == "B-001/HUMAS/VI/2026-EN"  # type: ignore[attr-defined]
    atom = parse(feeds / "en" / "atom.xml")
    assert [e.title for e in atom.entries] == ["Civil servants stay neutral"]
    assert [e.title for e in parse(feeds / "category" / "pemilu" / "rss.xml").entries] == [
        "ASN Jaga Netralitas"]
    # a partner without a language of its own takes the newsroom's; one with `en` English
    assert [e.title for e in parse(feeds / "partner" / "pemilu" / "rss.xml").entries] == [
        "ASN Jaga Netralitas"]


def test_a_translation_waits_for_its_original(root: Path) -> None:
    number_releases(root)
    original = release(root, at(0), "ASN Jaga Netralitas", approve=False)
    english = translate(root, original, 0.1)
    result = run(root, at(0.2))
    assert result.ok and not result.published
    assert ("translation_waits", 1) in result.noted
    assert load(root, english).status == "approved"  # type: ignore[attr-defined]
    Newsroom.open(root, "nur", fixed_clock(at(0.3))).act(original, "approve")
    result = run(root, at(0.4))
    assert result.ok, result.failed
    assert {p["number"] for p in result.published} == {
        "B-001/HUMAS/VI/2026", "B-001/HUMAS/VI/2026-EN"}
    # the language mark takes no place in the sequence: the next release is B-002
    release(root, at(0.5), "Rilis Berikutnya")
    run(root, at(0.6))
    result = CliRunner().invoke(cli, ["--root", str(root), "list", "--json"])
    assert "B-002/HUMAS/VI/2026" in result.output
    assert CliRunner().invoke(cli, ["--root", str(root), "check"]).exit_code == 0
