"""Plain text (titles, summaries, captions) in formats that may read it as HTML.

A title is plain text: "Inflasi <3%" or "Siaran <b>Tebal</b> & AT&T" must reach a partner
as typed. RSS never said whether its titles are HTML, and most partner software (SimplePie
in WordPress, feedparser) reads them as HTML when they look like it; the W3C validator warns
about every title that does. So text that *looks like markup* (a tag, or an entity an HTML
reader would decode) is written escaped, as HTML: Atom says so (`type="html"`), RSS writes
its `&` as `&#x26;` (the RSS Best Practices Profile's encoding, which the validator reads as
"escaped on purpose"). Text that does not look like markup ("AT&T", "Inflasi <3%") is left
as it is: it reads the same in every reader, HTML or not.

The pre-approval check `plain_title` uses `markup_in` to flag such titles before approval.
"""

from __future__ import annotations

import html
import re

# A tag ("<b>", "</b>", "<!--", "<?") as an HTML reader would start one; "<3" is not one.
_TAG = re.compile(r"<[A-Za-z/!?]")
# Where an HTML reader would decode an entity: "&amp;", "&#38;", "&lt" (HTML5 reads some
# without the semicolon). "AT&T" and "R&D" are not entities.
_ENTITY = re.compile(r"&#?[A-Za-z0-9]+;?")

# Stands for a `&` that RSS writes as `&#x26;` and Atom as `&amp;` (see `unmark`). A
# noncharacter: the renderer removes any from people's text (content.XML_ILLEGAL), so in a
# document it is always ours. One feedgen entry serves both formats, hence a mark, fixed
# after serialising, rather than two texts.
AMP_MARK = "\ufdd0"
_MARK_BYTES = AMP_MARK.encode("utf-8")


def markup_in(text: str) -> str:
    """The first piece of `text` an HTML reader would take as markup, or "" if none."""
    tag = _TAG.search(text)
    entity = next((m for m in _ENTITY.finditer(text) if html.unescape(m.group(0)) != m.group(0)),
                  None)  # fmt: skip
    found = [m for m in (tag, entity) if m is not None]
    if not found:
        return ""
    first = min(found, key=lambda m: m.start())
    end = text.find(">", first.start()) if first is tag else first.end() - 1
    return text[first.start() : (end + 1 if end >= 0 else first.end())][:40]


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
