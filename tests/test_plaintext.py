"""Plain text in feeds, and the pre-approval check that flags titles that look like HTML."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

from newsroom.core.config import CHECK_NAMES, DEFAULT_CHECKS, load_config
from newsroom.core.feeds.plaintext import AMP_MARK, for_xml, markup_in, unmark
from newsroom.core.service import NewArticle, Newsroom


@pytest.mark.parametrize(
    ("text", "found"),
    [
        ("Inflasi <3%", ""),  # "<3" starts no tag
        ("AT&T dan R&D", ""),  # no entity an HTML reader would decode
        ("Siaran <b>Tebal</b> & AT&T", "<b>"),
        ("Tanya &amp; jawab", "&amp;"),
        ("Harga &lt naik", "&lt"),  # HTML reads some entities without the semicolon
        ("Rapat </div>", "</div>"),
        ("a < b > c", ""),
    ],
)
def test_markup_in_finds_what_an_html_reader_would_take_as_markup(text: str, found: str) -> None:
    assert markup_in(text) == found


def test_only_text_that_looks_like_markup_is_escaped() -> None:
    assert for_xml("Inflasi <3% & AT&T") == ("Inflasi <3% & AT&T", False)
    value, escaped = for_xml("Siaran <b>Tebal</b> & AT&T")
    assert escaped and value == "Siaran &lt;b&gt;Tebal&lt;/b&gt; &amp; AT&amp;T".replace(
        "&", AMP_MARK
    )
    data = value.encode()
    assert (
        unmark(data, "rss")
        == b"Siaran &#x26;lt;b&#x26;gt;Tebal&#x26;lt;/b&#x26;gt; &#x26;amp; AT&#x26;amp;T"
    )
    assert unmark(data, "atom").startswith(b"Siaran &amp;lt;b&amp;gt;")


FIELDS = NewArticle(title="", body="Isi.", dateline="JAKARTA", summary="Ringkas.",
                    categories=["Pemilu"], author="ald", credit="HUMAS")  # fmt: skip


def test_a_title_that_looks_like_html_is_flagged_before_approval(
    as_user: Callable[..., Newsroom],
) -> None:
    writer = as_user("ald")
    for title in ("Siaran <b>Tebal</b>", "Inflasi <3%"):
        article = writer.create(NewArticle(**{**vars(FIELDS), "title": title}))
        writer.act(article.id, "submit")
        outcome = as_user("nur").act(article.id, "approve")  # recommended: it goes ahead
        flagged = [w for w in outcome.warnings if "looks like HTML" in w]
        assert flagged == (["the title looks like HTML (<b>): partners' software may read it "
                            "as such (recommended)"] if "<b>" in title else [])  # fmt: skip


def test_the_check_is_configured_like_the_others(root: Path) -> None:
    assert "plain_title" in CHECK_NAMES and DEFAULT_CHECKS["plain_title"] == "recommended"
    assert load_config(root).check_level("plain_title") == "recommended"  # init's template
    assert 'plain_title = "recommended"' in (root / "newsroom.toml").read_text()
