"""Reading and writing article files: YAML front matter between `---` lines, then Markdown.

`parse()` turns text into an `Article` or raises `ArticleError` naming the line;
every value is checked on the way (`validate.py`), so a bad one never gets further
than the file. `dump()` writes keys in a stable order (the file's own order, new keys
slotted in where they belong) so that git diffs stay small and unknown keys survive.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

import yaml

from . import validate
from .clock import parse_time
from .errors import ArticleError, Problem
from .frontyaml import line_of, load, split, top_lines
from .model import (
    ALL_STATUSES,
    KEY_ORDER,
    NO_EMBARGO,
    Article,
    Attachment,
    Comment,
    Correction,
    HistoryEntry,
    Image,
    Status,
)
from .validate import FieldError

__all__ = ["FieldError", "dump", "from_mapping", "parse", "to_mapping"]


_ALWAYS = frozenset({"id", "title", "slug", "status"})
# Text that may run over several lines; every other text is one line (validate.clean).
_MULTILINE = frozenset({"summary", "body", "note", "text"})


# ---------------------------------------------------------------- reading


def parse(text: str, path: Path, tz: dt.tzinfo) -> Article:
    """Parse an article file's text; raise ArticleError with the path and line on any problem."""
    front, body = split(text, path)
    meta = load(front, path)
    if not isinstance(meta, dict):
        raise ArticleError(Problem(path, 2, "front matter is not a set of `key: value` lines"))
    try:
        article = from_mapping(meta, body, tz)
    except FieldError as exc:
        line = line_of(front, exc.keys)
        facts = tuple(exc.facts.items())
        raise ArticleError(Problem(path, line, str(exc), exc.hint, exc.code, facts)) from None
    if article.extra:  # rare: where each unknown key is (a misspelt one is named by line)
        article.extra_lines = top_lines(front, article.extra)
    return article


def from_mapping(meta: dict[str, Any], body: str, tz: dt.tzinfo) -> Article:
    """Build an Article from a parsed front matter mapping, checking every known key's type."""
    for key, read in (("id", _plain), ("title", _str), ("slug", _plain)):
        if not read(meta, key):
            raise FieldError((key,), f"`{key}` is missing or empty", "", "field_missing",
                             name=key)  # fmt: skip
    status = _str(meta, "status") or Status.DRAFT
    if status not in ALL_STATUSES:
        known_ = ", ".join(ALL_STATUSES)
        raise FieldError(("status",), f"unknown status {status!r}; use one of {known_}", "",
                         "status_unknown", status=status, known=known_)  # fmt: skip
    known = set(KEY_ORDER)
    if meta.get("denies") and _plain(meta, "kind") != "klarifikasi":
        raise FieldError(
            ("denies",), "`denies` lists the numbers a klarifikasi denies, but this release is "
            "not one", "add `kind: klarifikasi`, or remove `denies`",
        )  # fmt: skip
    return Article(
        id=validate.release_id(_plain(meta, "id"), ("id",)),
        title=_str(meta, "title"),
        slug=validate.slug(_plain(meta, "slug"), ("slug",)),
        status=status,
        kind=validate.kind(_plain(meta, "kind"), ("kind",)),
        language=validate.language(_plain(meta, "language") or "id", ("language",)),
        translation_of=_translation_of(meta),
        release_number=_str(meta, "release_number"),
        denies=_strlist(meta, "denies"),
        dateline=_str(meta, "dateline"),
        author=_str(meta, "author"),
        credit=_str(meta, "credit"),
        summary=_str(meta, "summary"),
        categories=_strlist(meta, "categories"),
        tags=_strlist(meta, "tags"),
        image=_image(meta),
        attachments=_attachments(meta),
        embargo=_time(meta, ("embargo",), tz),
        created=_time(meta, ("created",), tz),
        updated=_time(meta, ("updated",), tz),
        published=_time(meta, ("published",), tz),
        corrections=_corrections(meta, tz),
        published_version=_published_version(meta, tz),
        history=_history(meta, tz),
        comments=_comments(meta, tz),
        body=validate.clean(body, multiline=True),
        extra={k: validate.shallow(v, (str(k),)) for k, v in meta.items() if k not in known},
        key_order=[str(k) for k in meta],
    )


def _translation_of(meta: dict[str, Any]) -> str:
    """The id of the original a translation translates: a release id, not its own."""
    value = _plain(meta, "translation_of")
    if not value:
        return ""
    if not validate.ID.fullmatch(value):
        raise FieldError(
            ("translation_of",), f"`translation_of` {value[:60]!r} is not a release id",
            "set it to the id of the original release (`newsroom show ORIGINAL` prints it)",
        )  # fmt: skip
    original = value
    if original == _plain(meta, "id"):
        raise FieldError(
            ("translation_of",), "`translation_of` names this release itself",
            "set it to the id of the original release (`newsroom show ORIGINAL` prints it), "
            "or remove it",
        )  # fmt: skip
    return original


def _plain(meta: dict[str, Any], key: str, where: tuple[str | int, ...] = ()) -> str:
    """A text value as written (stripped); identifiers are checked by `validate` after."""
    value = meta.get(key)
    if value is None:
        return ""
    if isinstance(value, bool | dict | list):
        kind = type(value).__name__
        raise FieldError((*where, key), f"`{key}` must be text, not {kind}", "", "field_text",
                         name=key, kind=kind)  # fmt: skip
    return str(value).strip()


def _str(meta: dict[str, Any], key: str, where: tuple[str | int, ...] = ()) -> str:
    """A text value, cleaned of control characters (called ~30 times a file: the usual
    case, printable text, returns without another call)."""
    value = meta.get(key)
    text = value.strip() if isinstance(value, str) else _plain(meta, key, where)
    if text.isprintable():
        return text
    return validate.clean(text, key in _MULTILINE).strip()


def _strlist(meta: dict[str, Any], key: str) -> list[str]:
    return validate.words(meta.get(key), (key,))


def _time(meta: dict[str, Any], keys: tuple[str | int, ...], tz: dt.tzinfo) -> dt.datetime | None:
    value = meta.get(str(keys[-1]))
    if value is None or value == "":
        return None
    if isinstance(value, dt.datetime):
        when = value if value.tzinfo else value.replace(tzinfo=tz)
    elif isinstance(value, dt.date):
        when = dt.datetime(value.year, value.month, value.day, tzinfo=tz)
    elif isinstance(value, str):
        try:
            when = parse_time(value, tz)
        except ValueError as exc:
            raise FieldError(keys, f"`{keys[-1]}`: {exc}", "", "field_time_bad",
                             name=str(keys[-1]), reason=str(exc)) from None  # fmt: skip
    else:
        raise FieldError(
            keys, f"`{keys[-1]}` must be a date and time like 2026-12-07T09:00:00+07:00", "",
            "field_time", name=str(keys[-1]),
        )  # fmt: skip
    return validate.in_range(when, keys)


def _mapping_or_none(meta: dict[str, Any], key: str) -> dict[str, Any] | None:
    value = meta.get(key)
    if value is None:
        return None
    if not isinstance(value, dict):
        raise FieldError((key,), f"`{key}` must be a set of `key: value` lines", "",
                         "field_mapping", name=key)  # fmt: skip
    return value


_IMAGE_KEYS = ("src", "caption", "credit", "alt")
# what people call the photo's address (`src`'s other names: a key newsroom never read)
_PHOTO_PLACE = frozenset({"url", "link", "href", "source", "file", "path", "foto", "photo",
                          "gambar", "tautan", "sumber", "berkas"})  # fmt: skip


def _near(key: str, known: tuple[str, ...]) -> str:
    import difflib

    found = difflib.get_close_matches(key.lower(), known, n=1, cutoff=0.6)
    return found[0] if found else ""


def _image(meta: dict[str, Any]) -> Image | None:
    value = _mapping_or_none(meta, "image")
    if value is None:
        return None
    where: tuple[str | int, ...] = ("image",)
    unknown = sorted(str(k) for k in value if k not in _IMAGE_KEYS)
    if unknown:  # refused, as an attachment's: kept, it would be lost at the next save
        key = unknown[0]
        near = "src" if key.lower() in _PHOTO_PLACE else _near(key, _IMAGE_KEYS)
        raise FieldError(
            (*where, key), f"image: unknown key `{key}` (src, caption, credit, alt)",
            f"did you mean `{near}`?" if near else "remove it, or move it out of `image`",
            "image_key_near" if near else "image_key", name=key, near=near,
        )  # fmt: skip
    src = _plain(value, "src", where)
    return Image(
        src=validate.image_src(src, (*where, "src")) if src else "",
        **{k: _str(value, k, where) for k in ("caption", "credit", "alt")},
    )


def _attachments(meta: dict[str, Any]) -> list[Attachment]:
    value = meta.get("attachments")
    if value is None:
        return []
    return [Attachment(**item) for item in validate.attachments(value, ("attachments",))]


def _published_version(meta: dict[str, Any], tz: dt.tzinfo) -> dict[str, Any] | None:
    version = _mapping_or_none(meta, "published_version")
    return None if version is None else validate.published_version(version, tz)


def _records(meta: dict[str, Any], key: str) -> list[dict[str, Any]]:
    value = meta.get(key)
    if value is None:
        return []
    if not isinstance(value, list):
        raise FieldError((key,), f"`{key}` must be a list of entries starting with `- at:`")
    for i, item in enumerate(value):
        if not isinstance(item, dict):
            raise FieldError((key, i), f"`{key}` entry {i + 1} must be a set of `key: value` lines")
    return value


def _required_time(
    record: dict[str, Any], keys: tuple[str | int, ...], tz: dt.tzinfo
) -> dt.datetime:
    when = _time(record, keys, tz)
    if when is None:
        raise FieldError(keys, f"`{keys[0]}` entry {int(keys[1]) + 1} has no `at` time")
    return when


def _history(meta: dict[str, Any], tz: dt.tzinfo) -> list[HistoryEntry]:
    out = []
    for i, rec in enumerate(_records(meta, "history")):
        out.append(
            HistoryEntry(
                at=_required_time(rec, ("history", i, "at"), tz),
                by=_str(rec, "by"),
                action=_str(rec, "action"),
                from_=_str(rec, "from") or None,
                to=_str(rec, "to") or None,
                note=_str(rec, "note"),
                seal=_str(rec, "seal"),
                version=_version(rec, ("history", i, "version")),
                via=_str(rec, "via"),
                number=_str(rec, "number"),
                embargo=_history_embargo(rec, ("history", i, "embargo"), tz),
            )
        )
    return out


def _history_embargo(record: dict[str, Any], keys: tuple[str | int, ...], tz: dt.tzinfo) -> str:
    """An entry's `embargo`: the lift time it set (as ISO text, however YAML read it), or
    `none` (a move that took the embargo away)."""
    if record.get("embargo") == NO_EMBARGO:
        return NO_EMBARGO
    when = _time(record, keys, tz)
    return when.isoformat() if when is not None else ""


def _version(record: dict[str, Any], keys: tuple[str | int, ...]) -> int | None:
    value = record.get("version")
    if value is None:
        return None
    if not isinstance(value, int) or isinstance(value, bool) or value < 1:
        raise FieldError(keys, "history `version` must be a whole number, 1 or more")
    return value


def _comments(meta: dict[str, Any], tz: dt.tzinfo) -> list[Comment]:
    return [
        Comment(
            at=_required_time(rec, ("comments", i, "at"), tz),
            by=_str(rec, "by"),
            text=_str(rec, "text"),
        )
        for i, rec in enumerate(_records(meta, "comments"))
    ]


def _corrections(meta: dict[str, Any], tz: dt.tzinfo) -> list[Correction]:
    out = []
    for i, rec in enumerate(_records(meta, "corrections")):
        number = rec.get("number", i + 1)
        if not isinstance(number, int):
            raise FieldError(("corrections", i, "number"), "correction `number` must be a number")
        out.append(
            Correction(
                number=number,
                at=_required_time(rec, ("corrections", i, "at"), tz),
                by=_str(rec, "by"),
                note=_str(rec, "note"),
            )
        )
    return out


# ---------------------------------------------------------------- writing


class _Flow(list[str]):
    """A list written inline: `tags: [a, b]`."""


class _Dumper(getattr(yaml, "CSafeDumper", yaml.SafeDumper)):  # type: ignore[misc]
    """Plain ISO timestamps with their offset, inline word lists, unicode kept, no aliases.

    libyaml's emitter when present (4x faster; a test holds its output to the pure one's)."""

    def ignore_aliases(self, data: Any) -> bool:
        return True


def _represent_time(dumper: yaml.SafeDumper, value: dt.datetime) -> yaml.Node:
    return dumper.represent_scalar("tag:yaml.org,2002:timestamp", value.isoformat())


def _represent_flow(dumper: yaml.SafeDumper, value: _Flow) -> yaml.Node:
    return dumper.represent_sequence("tag:yaml.org,2002:seq", value, flow_style=True)


def _represent_status(dumper: yaml.SafeDumper, value: Status) -> yaml.Node:
    return dumper.represent_str(str(value))


_Dumper.add_representer(dt.datetime, _represent_time)
_Dumper.add_representer(_Flow, _represent_flow)
_Dumper.add_representer(Status, _represent_status)


def to_mapping(article: Article) -> dict[str, Any]:
    """The article's front matter as a mapping in the order it is written."""
    values = _known_values(article)
    values.update(article.extra)
    order = _key_order(article.key_order, values)
    return {k: values[k] for k in order}


def dump(article: Article) -> str:
    """The file text for an article: front matter, a blank line, the body."""
    front = yaml.dump(
        to_mapping(article),
        Dumper=_Dumper,
        sort_keys=False,
        allow_unicode=True,
        width=4096,
        default_flow_style=False,
    )
    body = article.body.strip("\n")
    return f"---\n{front}---\n\n{body}\n" if body else f"---\n{front}---\n"


def _known_values(a: Article) -> dict[str, Any]:
    image = None
    if a.image is not None:
        image = {k: v for k, v in vars(a.image).items() if v}
    return {
        "id": a.id,
        "title": a.title,
        "slug": a.slug,
        "status": a.status,
        "kind": a.kind,
        "language": a.language,
        "translation_of": a.translation_of,
        "release_number": a.release_number,
        "denies": _Flow(a.denies),
        "dateline": a.dateline,
        "author": a.author,
        "credit": a.credit,
        "summary": a.summary,
        "categories": _Flow(a.categories),
        "tags": _Flow(a.tags),
        "image": image,
        "attachments": [
            {"file": f.file, "title": f.title, "type": f.type, "size": f.size, "sha256": f.sha256}
            for f in a.attachments
        ],
        "embargo": a.embargo,
        "created": a.created,
        "updated": a.updated,
        "published": a.published,
        "corrections": [
            {"number": c.number, "at": c.at, "by": c.by, "note": c.note} for c in a.corrections
        ],
        "published_version": a.published_version,
        "history": [_history_record(h) for h in a.history],
        "comments": [{"at": c.at, "by": c.by, "text": c.text} for c in a.comments],
    }


def _history_record(h: HistoryEntry) -> dict[str, Any]:
    record: dict[str, Any] = {"at": h.at, "by": h.by, "action": h.action}
    if h.from_:
        record["from"] = h.from_
    if h.to:
        record["to"] = h.to
    if h.note:
        record["note"] = h.note
    if h.number:
        record["number"] = h.number
    if h.embargo:
        record["embargo"] = h.embargo
    if h.version is not None:
        record["version"] = h.version
    if h.seal:
        record["seal"] = h.seal
    if h.via:
        record["via"] = h.via
    return record


def history_record(h: HistoryEntry) -> dict[str, Any]:
    """A history entry as the file writes it (the ledger digests history in this form)."""
    return _history_record(h)


def _key_order(original: list[str], values: dict[str, Any]) -> list[str]:
    """The file's own key order; present keys it lacked slot in after their canonical neighbour.

    Linear in the number of keys (sets, and one pass per missing known key): a file of
    thousands of unknown keys is written as fast as it is read."""
    rank = {k: i for i, k in enumerate(KEY_ORDER)}
    written = set(original)
    order = [k for k in original if k in values]
    placed = set(order)
    for key in KEY_ORDER:
        if key in placed or not (key in _ALWAYS or _present(values.get(key))):
            continue
        pos = 0
        for i, existing in enumerate(order):
            if existing in rank and rank[existing] < rank[key]:
                pos = i + 1
        order.insert(pos, key)
        placed.add(key)
    order += [k for k in values if k not in placed]
    return [k for k in order if k in _ALWAYS or k in written or _present(values[k])]


def _present(value: Any) -> bool:
    return value not in (None, "", [], {})
