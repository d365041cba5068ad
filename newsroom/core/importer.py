"""Import of releases: plain text as press offices write them, or front-matter Markdown.

A plain-text release is shaped like the bundled seed: the photo caption first, a
paragraph that opens with a dateline `CITY –` (en dash, em dash or hyphen), and
`(initials/CREDIT)` at the very end. Releases arrive in many hands' versions of that
shape: blank lines between paragraphs (or none), Windows line endings, lines wrapped
by a mail program, numbered lists, a title line above the caption. Whatever was not
found is named (`missing`), so the editor is told what to fill in.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from .dateline import DATELINE
from .model import Article
from .slug import SMALL_WORDS

CREDIT = re.compile(r"\(\s*([A-Za-z0-9.]{1,12})\s*/\s*([^()]{2,80}?)\s*\)\s*$")
CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")
ITEM = re.compile(r"^\s*(\d{1,3}[.)]|[-*•])\s+(?=\S)")  # `1. `, `2) `, `- `, `• `
ENDS_SENTENCE = re.compile(r"[.!?:;…][\"”’)\]]*$")  # `,”` goes on: “...,” ujarnya.
WRAPPED_WIDTH = 100  # no line longer than this: a mail program wrapped the paragraphs

# What the editor is told when a part was not found (the CLI prints it on stderr).
MISSING = {
    "dateline": "no dateline found (a paragraph opening with `CITY – `): set Kota in the "
    "editor or `newsroom edit {ref}`",
    "caption": "no photo caption found (the line above the dateline): if the release has a "
    "photo, add it and its caption in the editor",
}


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
    heading: str = ""  # a title line above the caption, when the release had one


@dataclass
class Block:
    """A paragraph or one item of a list."""

    text: str
    item: bool = False


def parse_plain(text: str) -> PlainRelease:
    """Split a plain-text release into caption, dateline, body and credit; propose a title."""
    blocks = _blocks(_clean(text))
    heading, caption, dateline = _front(blocks)
    author = credit = ""
    if blocks and (match := CREDIT.search(blocks[-1].text)):
        author, credit = match.group(1), match.group(2).strip()
        blocks[-1].text = blocks[-1].text[: match.start()].rstrip()
        if not blocks[-1].text:
            blocks.pop()
    lead = blocks[0].text if blocks else ""
    return PlainRelease(
        title=heading or propose_title(lead or caption),
        caption=caption,
        dateline=dateline,
        author=author,
        credit=credit,
        body=_markdown(blocks),
        summary=first_sentence(lead),
        heading=heading,
    )


def missing(article: Article) -> list[str]:
    """The parts an import did not find (keys of MISSING), for the editor to fill in."""
    gone = [] if article.dateline.strip() else ["dateline"]
    if article.image is None or not article.image.caption.strip():
        gone.append("caption")
    return gone


def _clean(text: str) -> list[str]:
    """The text's lines: Windows and old Mac line ends, a byte-order mark, control
    characters and non-breaking spaces (word processors paste them) made plain."""
    text = text.lstrip("\ufeff").replace("\r\n", "\n").replace("\r", "\n")
    text = CONTROL.sub("", text).replace("\u00a0", " ").strip()
    return [line.rstrip() for line in text.split("\n")]


def _blocks(lines: list[str]) -> list[Block]:
    """Paragraphs and list items. A line is a paragraph of its own (the seed's shape) unless a
    mail program wrapped the text: then lines go on until a blank line (when blank lines
    part the paragraphs) or the end of a sentence. An item's indented line goes on with it;
    a dateline or an item always starts anew."""
    wrapped = max((len(line) for line in lines), default=0) <= WRAPPED_WIDTH
    groups = sum(1 for n, line in enumerate(lines) if line.strip() and not (n and lines[n - 1]))
    mode = ("spaced" if groups >= 3 else "sentences") if wrapped else "lines"
    blocks: list[Block] = []
    after_blank = True
    for line in lines:
        stripped = line.strip()
        if not stripped:
            after_blank = True
            continue
        last = None if after_blank or not blocks else blocks[-1]
        if ITEM.match(line):
            blocks.append(Block(stripped.replace("•", "-", 1), item=True))
        elif last and not DATELINE.match(line) and _continues(last, line, mode):
            last.text += " " + stripped
        else:
            blocks.append(Block(stripped))
        after_blank = False
    return blocks


def _continues(last: Block, line: str, mode: str) -> bool:
    """Whether `line` goes on with the block right above it (no blank line between)."""
    if last.item and line[:1].isspace():
        return True
    return mode == "spaced" or (mode == "sentences" and not ENDS_SENTENCE.search(last.text))


def _front(blocks: list[Block]) -> tuple[str, str, str]:
    """Take the title line, caption and dateline off the front of `blocks`.

    The dateline opens the first, second or third paragraph: the one above it is the photo
    caption, and a line above that (no full stop: a headline) is the release's title."""
    for at in range(min(3, len(blocks))):
        match = DATELINE.match(blocks[at].text)
        if match is None or blocks[at].item:
            continue
        front = [b.text for b in blocks[:at]]
        if at == 2 and ENDS_SENTENCE.search(front[0]):
            break  # two paragraphs above the dateline, neither of them a headline
        del blocks[:at]
        blocks[0].text = blocks[0].text[match.end() :]
        heading = front[0] if at == 2 else ""
        return heading, front[-1] if front else "", match.group(1).strip()
    return "", "", ""


def _markdown(blocks: list[Block]) -> str:
    """The body: paragraphs apart, each list's items together (a tight Markdown list)."""
    out = ""
    for n, block in enumerate(blocks):
        if n:
            out += "\n" if block.item and blocks[n - 1].item else "\n\n"
        out += block.text
    return out + "\n"


def first_sentence(text: str, limit: int = 300) -> str:
    """The first sentence of a paragraph (up to `limit` characters)."""
    match = re.search(r"^(.+?[.!?])(\s|$)", text)
    sentence = match.group(1) if match else text
    return sentence if len(sentence) <= limit else sentence[: limit - 1].rsplit(" ", 1)[0] + "…"


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
