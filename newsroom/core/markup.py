"""What in plain text an HTML reader would take as markup.

A title is plain text, but most partner software reads RSS titles as HTML when they look
like it: a tag ("<b>"), or an entity an HTML reader would decode ("&amp;"). "AT&T" and
"Inflasi <3%" are neither. The feeds escape such text (feeds/plaintext.py); the
pre-approval check `plain_title` flags it before approval (checks.py).
"""

from __future__ import annotations

import html
import re

# A tag ("<b>", "</b>", "<!--", "<?") as an HTML reader would start one; "<3" is not one.
_TAG = re.compile(r"<[A-Za-z/!?]")
# Where an HTML reader would decode an entity: "&amp;", "&#38;", "&lt" (HTML5 reads some
# without the semicolon). "AT&T" and "R&D" are not entities.
_ENTITY = re.compile(r"&#?[A-Za-z0-9]+;?")


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
