"""Translations: a release that translates another (`translation_of: <id of the original>`).

One home for what a pair is: the rules a translation keeps (its original exists, is not
itself a translation, is in another language; one translation per language per original),
starting a translation from its original, the number it shares with the original (with a
language mark, `B-012/HUMAS/XII/2026-EN`), when it may go live (with its original or
after it, never before), and the note that it may need a correction its original got.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from pathlib import Path
from typing import TYPE_CHECKING, NamedTuple

from .errors import NewsroomError, Problem
from .model import Article, Status

if TYPE_CHECKING:
    from .config import Config
    from .drafts import Newsroom
    from .records import Record

# The statuses of an original its translation may go live beside: partners have it.
LIVE_ORIGINAL = frozenset({Status.PUBLISHED, Status.CORRECTING})


# A language as its own speakers name it: the pages' links between a pair (`hreflang`),
# the title of a language's feed.
LANGUAGE_NAMES = {
    "id": "Bahasa Indonesia", "en": "English", "jv": "Basa Jawa", "su": "Basa Sunda",
    "ms": "Bahasa Melayu", "ar": "العربية", "zh": "中文",
}  # fmt: skip


def language_name(tag: str) -> str:
    """`en` -> English; an unknown tag is shown as written."""
    return LANGUAGE_NAMES.get(tag.split("-")[0].lower(), tag)


def number_of(original_number: str, language: str) -> str:
    """A translation's number: its original's, with the language marked
    (`B-012/HUMAS/XII/2026` in English is `B-012/HUMAS/XII/2026-EN`)."""
    return f"{original_number}-{language.upper()}" if original_number else ""


class Pair(NamedTuple):
    """A release with its original (if it is a translation) and the original's
    translations (the release itself among them when it is one), by language."""

    original: Record | None
    translations: tuple[Record, ...]

    @property
    def members(self) -> list[Record]:
        """The original first, then each translation by language (one alone: no pair)."""
        found = [self.original] if self.original is not None else []
        found += self.translations
        return found if len(found) > 1 else []


class Pairs:
    """Every pair of a newsroom: the records of the originals that have translations and
    of the translations, kept (few, beside its releases) so that a pair is answered without
    walking every record again (`pair`, as `pair_of`)."""

    def __init__(self, records: Iterable[Record]) -> None:
        by_id: dict[str, Record] = {}
        self.children: dict[str, list[Record]] = {}
        for r in records:
            by_id[r.id] = r
            if r.translation_of:
                self.children.setdefault(r.translation_of, []).append(r)
        kept = {c.id for found in self.children.values() for c in found} | set(self.children)
        self.by_id = {i: by_id[i] for i in kept if i in by_id}

    def pair(self, ident: str) -> Pair:
        """The pair (or more) a release belongs to (a release in none: no member)."""
        me = self.by_id.get(ident)
        if me is None:
            return Pair(None, ())
        top = me.translation_of or me.id
        found = sorted(self.children.get(top, []), key=lambda r: (r.language, r.path))
        return Pair(self.by_id.get(top), tuple(found))


def pair_of(ident: str, records: Iterable[Record]) -> Pair:
    """The pair (or more) a release belongs to, from the index's records."""
    return Pairs(records).pair(ident)


def translation_problems(records: list[Record], config: Config) -> list[Problem]:
    """Each translation whose `translation_of` breaks a rule, named with its file and
    line: no such original, an original that is itself a translation, the same language
    as its original, or a second translation into one language of one original."""
    by_id = {r.id: r for r in records}
    found: list[Problem] = []
    by_language: dict[tuple[str, str], list[Record]] = {}
    for r in records:
        if not r.translation_of:
            continue
        why = refusal(r, by_id.get(r.translation_of))
        if why:
            found.append(_problem(config, r, why.message, why.hint, why.code, **why.facts))
            continue
        by_language.setdefault((r.translation_of, r.language), []).append(r)
    for (_, language), sharing in by_language.items():
        if len(sharing) < 2:
            continue
        for r in sharing:
            others = ", ".join(o.path for o in sharing if o is not r)
            found.append(_problem(
                config, r, f"a second translation into {language!r} of one original (also "
                f"{others}): one translation per language", "delete the copy, or set "
                "another `language`", "translation_twice", language=language, others=others,
            ))  # fmt: skip
    return found


class Why(NamedTuple):
    """Why a translation's `translation_of` breaks a rule: in English (`message`, `hint`),
    and by a code with its facts for the faces (`translation_<code>`)."""

    message: str
    hint: str
    code: str
    facts: dict[str, str]


def refusal(record: Record, original: Record | None) -> Why | None:
    """Why a translation's `translation_of` breaks a rule, or None."""
    if original is None:
        return Why(
            f"`translation_of` {record.translation_of} names no release in this newsroom",
            "set it to the id of the original (`newsroom show ORIGINAL` prints it), or remove it",
            "translation_unknown", {"original": record.translation_of},
        )  # fmt: skip
    if original.translation_of:
        return Why(
            f"`translation_of` names {original.path}, itself a translation: a translation "
            "translates an original",
            f"set it to the original's id, {original.translation_of}",
            "translation_of_translation",
            {"original": original.path, "its_original": original.translation_of},
        )  # fmt: skip
    if original.language == record.language:
        return Why(
            f"a translation in {record.language!r}, the language of its original {original.path}",
            "set `language` to the language it is written in",
            "translation_same_language",
            {"original": original.path, "language": record.language},
        )  # fmt: skip
    return None


def _problem(
    config: Config, record: Record, message: str, hint: str, code: str, **facts: str
) -> Problem:
    """A translation's problem for `newsroom check`: in English, and by its code and facts
    (`problem.<code>`, else publish's `failed.<code>`: the same words, with what to do)."""
    line = _line(config, record.path)
    return Problem(Path(record.path), line, message, hint, code, tuple(sorted(facts.items())))


def _line(config: Config, path: str) -> int | None:
    """The line of `translation_of:` in a file (errors only: the file is read again)."""
    try:
        lines = (config.root / path).read_text(encoding="utf-8").splitlines()
    except (OSError, UnicodeDecodeError):
        return None
    return next((n for n, line in enumerate(lines, 1) if line.startswith("translation_of:")),
                None)  # fmt: skip


def not_translatable(original: Article, its_own: Article | None = None) -> NewsroomError | None:
    """Why this release is no original to translate, or None: a translation is translated
    from its original (`its_own`, named by its slug, as a person types it; by its short id
    when it is gone); a retracted release is out of circulation (its translation could
    never go live beside it). The desk offers `t` only where this says None."""
    if original.translation_of:
        name = its_own.slug if its_own is not None else original.translation_of[:8]
        return NewsroomError(
            f"{original.slug} is itself a translation: translate its original ({name})",
            code="translate_translation", slug=original.slug, original=name,
        )  # fmt: skip
    if original.status == Status.RETRACTED:
        return NewsroomError(
            f"{original.slug} is retracted: a translation of it could never go live",
            code="translate_retracted", slug=original.slug,
        )  # fmt: skip
    return None


def start_translation(newsroom: Newsroom, original: Article, language: str) -> Article:
    """A new draft translating `original` into `language`: its title, summary, body,
    dateline, categories, tags, photo, credit, kind and the numbers a klarifikasi denies as
    the starting text (to be translated), its author the person starting it. A photo that
    is one of the original's attachments keeps its caption, not its file (attach it to the
    translation: `newsroom attach REF FILE --photo`). Saved at once."""
    from . import validate
    from .drafts import start_copy

    try:
        language = validate.language(language.strip(), ("language",))
    except validate.FieldError as exc:
        raise NewsroomError(
            f"{exc} (e.g. en, id, jv)", code="translate_language", language=language
        ) from None
    if language == original.language:
        raise NewsroomError(
            f"{original.slug} is already in {language!r}: choose another language",
            code="translate_same", language=language, slug=original.slug,
        )  # fmt: skip
    for r in newsroom.index().records.values():
        if r.translation_of == original.id and r.language == language:
            raise NewsroomError(
                f"{original.slug} already has a translation into {language!r}: {r.path}",
                code="translate_exists", language=language, path=r.path,
                slug=original.slug,
            )  # fmt: skip
    return start_copy(newsroom, original, language)


def corrected_since(translation: Article, original: Article | None) -> dt.datetime | None:
    """`original_corrected` of a translation and its original (None: none, or unread)."""
    if original is None:
        return None
    return original_corrected(translation, tuple(c.at for c in original.corrections))


def original_corrected(
    translation: Article, corrected: tuple[dt.datetime, ...]
) -> dt.datetime | None:
    """When the original (its published corrections at `corrected`) was last corrected
    after this translation was approved (or, never approved, started), if it was: the
    translation may need the same correction."""
    if not translation.translation_of or not corrected:
        return None
    since = _approved(translation)
    latest = max(corrected)
    return latest if since is None or latest > since else None


def _approved(article: Article) -> dt.datetime | None:
    """The translation's last approval, else its first history entry (its start)."""
    for entry in reversed(article.history):
        if entry.action == "approve":
            return entry.at
    return article.history[0].at if article.history else article.created
