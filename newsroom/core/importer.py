"""Import of releases: plain text as press offices write them, or front-matter Markdown.

A plain-text release is shaped like the bundled seed: the photo caption on the
first line, a body that opens with a dateline `CITY –` (en dash, hyphen or em
dash), and `(initials/CREDIT)` at the very end.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

DATELINE = re.compile(r"^\s*([A-ZÀ-Ý][A-ZÀ-Ý .'-]{1,40}?)\s*[–—-]\s+(?=\S)")
CREDIT = re.compile(r"\(\s*([A-Za-z0-9.]{1,12})\s*/\s*([^()]{2,80}?)\s*\)\s*$")
CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")


@dataclass
class PlainRelease:
    """What was recognised in a plain-text release."""

    title: str
    caption: str
    dateline: str
    author: str
    credit: str
    body: str
    summary: str


def parse_plain(text: str) -> PlainRelease:
    """Split a plain-text release into caption, dateline, body and credit; propose a title."""
    text = CONTROL.sub("", text.replace("\r\n", "\n").replace("\r", "\n")).strip()
    lines = [line.strip() for line in text.split("\n")]
    caption = ""
    if len(lines) > 1 and not DATELINE.match(lines[0]) and DATELINE.match(lines[1]):
        caption, lines = lines[0], lines[1:]
    paragraphs = [line for line in lines if line]
    dateline = ""
    if paragraphs and (match := DATELINE.match(paragraphs[0])):
        dateline = match.group(1).strip()
        paragraphs[0] = paragraphs[0][match.end() :]
    author = credit = ""
    if paragraphs and (match := CREDIT.search(paragraphs[-1])):
        author, credit = match.group(1), match.group(2).strip()
        paragraphs[-1] = paragraphs[-1][: match.start()].rstrip()
        if not paragraphs[-1]:
            paragraphs.pop()
    lead = paragraphs[0] if paragraphs else ""
    return PlainRelease(
        title=propose_title(lead or caption),
        caption=caption,
        dateline=dateline,
        author=author,
        credit=credit,
        body="\n\n".join(paragraphs) + "\n",
        summary=first_sentence(lead),
    )


def first_sentence(text: str, limit: int = 300) -> str:
    """The first sentence of a paragraph (up to `limit` characters)."""
    match = re.search(r"^(.+?[.!?])(\s|$)", text)
    sentence = match.group(1) if match else text
    return sentence if len(sentence) <= limit else sentence[: limit - 1].rsplit(" ", 1)[0] + "…"


SMALL_WORDS = frozenset(
    [
        "dan",
        "di",
        "ke",
        "dari",
        "untuk",
        "serta",
        "yang",
        "dengan",
        "dalam",
        "pada",
        "bagi",
        "oleh",
        "atau",
    ]
)


def propose_title(text: str, words: int = 10) -> str:
    """A first title from the lead: its first words, in Indonesian title case (edit it later)."""
    chosen = first_sentence(text).rstrip(".!?").split()[:words]
    if not chosen:
        return "Siaran Pers Tanpa Judul"
    titled = [
        w if w.isupper() or (i and w.lower() in SMALL_WORDS) else w[:1].upper() + w[1:]
        for i, w in enumerate(chosen)
    ]
    return " ".join(titled).rstrip(",;:")
