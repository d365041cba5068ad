"""Plain text (titles, summaries, captions) in formats that may read it as HTML.

A title is plain text: "Inflasi <3%" or "Siaran <b>Tebal</b> & AT&T" must reach a partner
as typed. RSS never said whether its titles are HTML, and most partner software (SimplePie
in WordPress, feedparser) reads them as HTML when they look like it; the W3C validator warns
about every title that does. So text that *looks like markup* (a tag, or an entity an HTML
reader would decode) is written escaped, as HTML: Atom says so (`type="html"`), RSS writes
its `&` as `&#x26;` (the RSS Best Practices Profile's encoding, which the validator reads as
"escaped on purpose"). Text that does not look like markup ("AT&T", "Inflasi <3%") is left
as it is: it reads the same in every reader, HTML or not.

What looks like markup is decided in core/markup.py, which the pre-approval check
`plain_title` uses too, to flag such titles before approval.
"""

from __future__ import annotations

import html

from ..markup import markup_in

# Stands for a `&` that RSS writes as `&#x26;` and Atom as `&amp;` (see `unmark`). A
# noncharacter: the renderer removes any from people's text (content.XML_ILLEGAL), so in a
# document it is always ours. One feedgen entry serves both formats, hence a mark, fixed
# after serialising, rather than two texts.
AMP_MARK = "\ufdd0"
_MARK_BYTES = AMP_MARK.encode("utf-8")


def for_xml(text: str) -> tuple[str, bool]:
    """`text` for an RSS or Atom element that readers may take as HTML: as it is, or
    escaped as HTML (with AMP_MARK for `&`) when it looks like markup; True if escaped."""
    if "<" not in text and "&" not in text:  # the usual title: nothing to look at
        return text, False
    if not markup_in(text):
        return text, False
    return html.escape(text, quote=False).replace("&", AMP_MARK), True


def as_html(text: str) -> str:
    """Plain text inside an element that *is* HTML (RSS `description`, Atom `type="html"`)."""
    return html.escape(text, quote=False)


def unmark(data: bytes, fmt: str) -> bytes:
    """A serialised document with each AMP_MARK written for its format."""
    if _MARK_BYTES not in data:
        return data
    return data.replace(_MARK_BYTES, b"&#x26;" if fmt == "rss" else b"&amp;")
