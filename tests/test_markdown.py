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
