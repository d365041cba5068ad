"""The sign-off `(ald/HUMAS MENPANRB)` that closes a press release.

Feeds close the text with it themselves, from the release's author and credit; a text
pasted from a mail often already ends with one. Both the feeds (so there is never a
second) and the checklist (so the writer removes it) ask this one function. Where it goes
(the last paragraph's end, or a paragraph of its own after a list) is `apart`'s answer.
"""

from __future__ import annotations

import re
from functools import cache
from typing import Any

# Initials (letters, dots, hyphens; a second writer after another slash) and a credit that
# starts with a letter, in brackets, at the very end. "(1/2)" or "(lihat/foto)" are not
# sign-offs: the credit must hold a capital letter, as credit lines do.
_SIGNOFF = re.compile(
    r"\((?P<who>[A-Za-z][\w.\-]{0,19}(?:/[A-Za-z][\w.\-]{0,19})*)"
    r"/(?P<credit>[A-Za-z][^()\n/]{0,79})\)$"
)
_ASCII_LETTERS = frozenset("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz")


def _without_trailing(text: str) -> str:
    """The text without the spaces and HTML tags it ends with (what the pattern
    `(?:\\s|</?[a-zA-Z][^<>]*>)+$` removes; a loop from the end: that pattern, tried at
    every position of a 400-character tail, cost ~20 µs a call, three calls a release)."""
    while True:
        text = text.rstrip()  # str.isspace, as `\s` in a text pattern
        if not text.endswith(">"):
            return text
        start = text.rfind("<")
        tag = text[start + 1 : -1]
        name = tag[1:] if tag.startswith("/") else tag
        if start < 0 or not name or name[0] not in _ASCII_LETTERS or ">" in tag:
            return text
        text = text[:start]


def signoff_at_end(text: str) -> str:
    """The sign-off the text (Markdown, or the feeds' HTML) ends with, or "" if none."""
    tail = _without_trailing(text[-400:])
    found = _SIGNOFF.search(tail)
    if found is None or not any(c.isupper() for c in found.group("credit")):
        return ""
    return found.group(0)


def apart(body: str) -> tuple[bool, bool]:
    """Whether the dateline and the sign-off stand in paragraphs of their own around a
    Markdown body: the feeds' HTML opens the first `<p>` with the dateline and closes the
    last `</p>` with the sign-off; a text that starts (or ends) in a list, a quote, code or
    a heading has none there, and each gets a paragraph of its own (feeds/content.py)."""
    blocks = [token.type for token in _parser().parse(body) if token.level == 0]
    return (
        not blocks or blocks[0] != "paragraph_open",
        not blocks or blocks[-1] != "paragraph_close",
    )


@cache
def _parser() -> Any:
    """CommonMark's block parser (the feeds' rules: raw HTML off)."""
    from markdown_it import MarkdownIt

    return MarkdownIt("commonmark", {"html": False})
