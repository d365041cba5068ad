"""People's text inside Textual markup, escaped so that it shows as typed.

The bundled releases' titles start with "[CONTOH]". Textual's markup reads any bracketed
word as a tag and drops it, while its `escape` (like Rich's) only escapes brackets that
open with a lower-case letter, `#`, `/` or `@`: "[CONTOH] Judul" became " Judul" in the
publish dialog. This escapes every bracket.
"""

from __future__ import annotations

ZERO_WIDTH = "\u200b"


def escape(text: str) -> str:
    """`text` for use inside markup, shown as typed.

    In Textual's markup a backslash escapes the "[" right after it and is kept anywhere
    else, so each "[" gets one. A trailing backslash would escape the tag that follows
    (`[red]...\\[/]`): an invisible zero-width space keeps it apart."""
    escaped = text.replace("[", "\\[")
    return escaped + ZERO_WIDTH if escaped.endswith("\\") else escaped
