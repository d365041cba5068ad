"""The dateline a release's text opens with: `YOGYAKARTA – `, `JAKARTA, 7/12/2018 – `.

The import takes it from a pasted text into the dateline field (importer.py); the
checklist asks a body not to repeat the field's city, and the field to read as a place
(`a_place`; checks.py); both ask this module, so the two never disagree on what a
dateline looks like. (Its own module, not the importer's: a publish checks the releases
it reads and never imports a text.)
"""

from __future__ import annotations

import re

# What follows the city: maybe a date after a comma, then a dash (an en or em dash, or a
# hyphen with a space after it).
TAIL = r"(?:\s*,[^–—\n]{0,30}?\d[^–—\n]{0,30}?)?\s*(?:[–—]|-(?=\s))"
# `YOGYAKARTA –`, `JAKARTA—`, `BANDAR LAMPUNG -`, `JAKARTA, 7/12/2018 –`: the city in capitals.
DATELINE = re.compile(r"^\s*([A-ZÀ-Ý][A-ZÀ-Ý .'-]{1,40}?)" + TAIL + r"\s*(?=\S)")
_EMPHASIS = re.compile(r"^[\s*_]+")  # `**JAKARTA** –`: a pasted dateline in bold


def dateline_at_start(text: str) -> str:
    """The dateline a text opens with (`JAKARTA – `, `JAKARTA, 7/12/2018 –`), or "" if none:
    the import takes it into the dateline field; the checklist asks a text not to repeat it."""
    head = text[:120]
    plain = _EMPHASIS.sub("", head.replace("**", "").replace("__", ""))
    found = DATELINE.match(plain)
    return found.group(0).strip() if found else ""


def city_at_start(city: str, text: str) -> str:
    """The dateline `text` opens with when it starts with this city in any case (`Jakarta –`
    for a dateline typed `Jakarta`), or ""."""
    own = re.match(re.escape(city) + TAIL, text.lstrip(" *_"), re.IGNORECASE)
    return own.group(0).strip() if own else ""


WORDS_MAX = 5  # words in a place name: KOTA ADMINISTRASI JAKARTA SELATAN has four
_NOT_A_PLACE = re.compile(r"[\d,;:!?()\[\]/–—]|\s-|-\s")  # a date, a clause, a dash between
# Words of a sentence or of an office's name that no Indonesian place name holds ("DI" is
# left out: DI YOGYAKARTA).
_NOT_IN_A_PLACE = frozenset((
    "yang", "dan", "ini", "itu", "pada", "bahwa", "oleh", "untuk", "dengan", "akan",
    "telah", "sudah", "hari", "kemarin", "besok", "menyampaikan", "mengatakan",
    "menjelaskan", "mengajak", "meminta", "kata", "ujar", "kementerian", "menteri",
    "kemenpanrb", "panrb", "humas", "siaran", "pers", "badan", "dinas", "direktorat",
    "sekretariat",
))  # fmt: skip


def a_place(city: str) -> bool:
    """Whether a one-line dateline reads as a place name: no digit, no punctuation of a
    date or a sentence, no dash standing between words (`Bau-Bau` has one inside), at most
    five words, each word of four letters or more capitalised (`Kota Bogor`, `Rio de
    Janeiro`), none of the words a sentence or an office's name is made of and a place's
    never is (`KEMENTERIAN PANRB HARI INI MENYAMPAIKAN`: datelines are written in capitals,
    so the capitals alone tell nothing)."""
    words = city.split()
    return (
        not _NOT_A_PLACE.search(city)
        and len(words) <= WORDS_MAX
        and all(w[0].isupper() for w in words if len(w) >= 4)
        and not {w.lower() for w in words} & _NOT_IN_A_PLACE
    )
