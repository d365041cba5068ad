"""The fast Markdown renderer must write exactly what markdown-it-py writes."""

from __future__ import annotations

import pytest

from newsroom.core.feeds import markdown

SAMPLES = [
    'YOGYAKARTA – Humas pemerintah merupakan **mata**, _telinga_ serta [mulut](/x "t").\n',
    "# Judul\n\n## Sub\n\n- satu\n- dua\n\n1. a\n2. b\n\n> kutipan\n\n---\n",
    "`kode` dan ```\npagar\n```\n\n    indentasi\n\n![foto](/a.jpg)\n",
    "a <b>tebal</b> <script>x</script>\n\n<div>blok</div>\n",
    "[ref]\n\n[ref]: /u 'T'\n\nbaris  \nbaru &amp; &copy; \\* <https://a.go.id>\n",
    "Teks “kutip” – pisah… ~~coret~~ www.contoh.go.id | a | b |\n|-|-|\n",
]


@pytest.mark.parametrize("text", SAMPLES)
def test_the_fast_renderer_matches_markdown_it_py(text: str) -> None:
    assert markdown.render(text) == markdown.reference(text)


def test_raw_html_is_shown_as_text() -> None:
    assert markdown.render("<b>x</b>") == "<p>&lt;b&gt;x&lt;/b&gt;</p>\n"


CHAT_SAMPLES = [
    *SAMPLES,
    "1. satu\n2. dua\n   - bersarang\n     lanjut\n\n3) x\n\n- a\n\n  b\n- c\n\n> k\n>\n> - q\n",
    "Setext\n===\n\n![a **b** `c` [d](/e)](/i.png) [x][r] <a@b.id>\n\n[r]: /r\n",
    "- [ ] x\n- **y**\n\n  > z\n\n10. x\n11. y\n",
]


@pytest.mark.parametrize("text", CHAT_SAMPLES)
@pytest.mark.parametrize("whatsapp", [False, True])
def test_chat_text_from_the_fast_parser_matches_markdown_it_py(text: str, whatsapp: bool) -> None:
    """messaging.py reads a body with the feeds' fast parser when installed (importing
    markdown-it-py would cost a publish after one approval more than the ninjs it makes)."""
    from newsroom.core import messaging

    if markdown.renderer_name() != "markdown-it-pyrs":
        pytest.skip("markdown-it-pyrs is not installed: messaging uses markdown-it-py itself")
    ref = messaging._Blocks("https://x.go.id", whatsapp).render(messaging.reference_tokens(text))
    assert messaging.body_text(text, "https://x.go.id", whatsapp) == ref.strip("\n")
