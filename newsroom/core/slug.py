"""URL-safe names for releases and categories."""

from __future__ import annotations

import re
import unicodedata

# Indonesian words that join others ("dan", "di", "untuk"): lower case inside a title, and
# never the last word of a shortened slug ("...-pemerintah-2026-di" says nothing).
SMALL_WORDS = frozenset(
    {"dan", "di", "ke", "dari", "untuk", "serta", "yang", "dengan", "dalam", "pada", "bagi",
     "oleh", "atau"}
)  # fmt: skip


def slugify(text: str, limit: int = 60) -> str:
    """A URL-safe slug: lower case ASCII words joined by hyphens, at most `limit` long.

    Accents are dropped (`é` -> `e`); any other character that is not a letter or digit
    (a dash, a slash, an apostrophe) parts words, so `Bogor–Jakarta` is `bogor-jakarta`.
    A long slug ends at a word boundary, never inside a word or on a joining word."""
    letters = "".join(
        c for c in unicodedata.normalize("NFKD", text) if not unicodedata.combining(c)
    )
    words = re.sub(r"[^a-z0-9]+", " ", letters.lower()).split()
    if len("-".join(words)) > limit:
        words = _shorten(words, limit)
    return "-".join(words) or "rilis"


def _shorten(words: list[str], limit: int) -> list[str]:
    """The first words that fit in `limit` (a first word longer than that is cut)."""
    kept: list[str] = []
    for word in words:
        if len("-".join([*kept, word])) > limit:
            break
        kept.append(word)
    while len(kept) > 1 and kept[-1] in SMALL_WORDS:
        kept.pop()
    return kept or [words[0][:limit]]
