"""The sign-off `(ald/HUMAS MENPANRB)` that closes a press release.

Feeds close the text with it themselves, from the release's author and credit; a text
pasted from a mail often already ends with one. Both the feeds (so there is never a
second) and the checklist (so the writer removes it) ask this one function.
"""

from __future__ import annotations

import re

# Initials (letters, dots, hyphens; a second writer after another slash) and a credit that
# starts with a letter, in brackets, at the very end. "(1/2)" or "(lihat/foto)" are not
# sign-offs: the credit must hold a capital letter, as credit lines do.
_SIGNOFF = re.compile(
    r"\((?P<who>[A-Za-z][\w.\-]{0,19}(?:/[A-Za-z][\w.\-]{0,19})*)"
    r"/(?P<credit>[A-Za-z][^()\n/]{0,79})\)$"
)
_TRAILING = re.compile(r"(?:\s|</?[a-zA-Z][^<>]*>)+$")  # closing tags and spaces (HTML)


def signoff_at_end(text: str) -> str:
    """The sign-off the text (Markdown, or the feeds' HTML) ends with, or "" if none."""
    tail = _TRAILING.sub("", text[-400:])
    found = _SIGNOFF.search(tail)
    if found is None or not any(c.isupper() for c in found.group("credit")):
        return ""
    return found.group(0)
