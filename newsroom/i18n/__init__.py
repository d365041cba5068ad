"""Every word the faces show, in Bahasa Indonesia and English: one catalog for the CLI and
the TUI (the core never words anything for people: it returns codes and facts, as
`workflow.Decision`, `checks.CheckResult` and `errors.NewsroomError` do).

The catalog is a table of (English, Indonesian) pairs by key, in modules by subject; a
test checks that both exist, carry the same placeholders, and that Indonesian holds no
English. An English text with `|` has a singular and a plural (`{n} release|{n}
releases`); Indonesian does not inflect. The language is NEWSROOM_LANG (id|en), else the
user's settings, else the office's default (`[ui] language` of newsroom.toml), else the
locale.
"""

from __future__ import annotations

import os

from .checklist import CHECKLIST
from .desk import DESK
from .dialogs import DIALOGS
from .mail import MAIL
from .publish import PUBLISH
from .sharing import SHARING
from .shell import SHELL
from .signing import SIGNING
from .words import WORDS

LANGUAGES = ("id", "en")
CATALOG: dict[str, tuple[str, str]] = {
    **WORDS,
    **CHECKLIST,
    **DESK,
    **DIALOGS,
    **PUBLISH,
    **SHELL,
    **SIGNING,
    **SHARING,
    **MAIL,
}


class Translator:
    """Looks strings up in the chosen language (`t.language` may be switched while running)."""

    def __init__(self, language: str) -> None:
        self.language = language if language in LANGUAGES else "en"

    def __call__(self, key: str, **values: object) -> str:
        pair = CATALOG.get(key)
        if pair is None:
            return key
        text = pair[1] if self.language == "id" else pair[0]
        if "|" in text:  # singular|plural, by the count `n` (a kept fact's is a string)
            one, many = text.split("|", 1)
            text = one if str(values.get("n")) == "1" else many
        return text.format(**values) if values else text

    def has(self, key: str) -> bool:
        return key in CATALOG


def choose_language(setting: str | None = None, office: str | None = None) -> str:
    """NEWSROOM_LANG, else the user's setting, else the office's default, else the locale
    (Indonesian for id_*), else English."""
    for candidate in (os.environ.get("NEWSROOM_LANG"), setting, office):
        if candidate and candidate[:2].lower() in LANGUAGES:
            return candidate[:2].lower()
    for name in ("LC_ALL", "LC_MESSAGES", "LANG", "LANGUAGE"):
        value = os.environ.get(name, "")
        if value:
            return "id" if value.lower().startswith(("id", "in_")) else "en"
    return "en"
