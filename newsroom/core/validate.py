"""What a release's fields may hold, checked when its file is read.

A value read from a file becomes a file name (`slug`, `id`), a URL (`image.src`), an
XML attribute (`language`), text in a feed and on a terminal. So identifiers are
refused when malformed, with a hint saying how to write them, and text is cleaned:
characters XML cannot carry and terminal control codes are removed, so one pasted
byte never stops a feed for everyone. docs/format.md lists the rules.
"""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path
from typing import Any
from urllib.parse import unquote, urlsplit

import yaml

from .clock import parse_time
from .errors import ArticleError, Problem

# A release's front matter is a few kilobytes (a correction's published version holds a
# copy of the body): a million characters is generous, and bounds what YAML builds.
FRONT_MATTER_MAX = 1_000_000
ID = re.compile(r"[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}", re.ASCII)
SLUG = re.compile(r"[a-z0-9]+(?:-[a-z0-9]+)*", re.ASCII)
# A slug becomes a file name, and `.newsroom/unsaved/<slug>-<person>-<time>.md` must fit
# the 255 bytes a file name may have.
SLUG_MAX = 120
# BCP 47 (RFC 5646) well-formed tags: language[-extlang][-script][-region][-variant...]
# [-extension...][-x-private], or a private tag alone. The registry is not consulted.
LANGUAGE = re.compile(
    r"""(?:[a-z]{2,3}(?:-[a-z]{3}){0,3}|[a-z]{4,8})
        (?:-[a-z]{4})?
        (?:-(?:[a-z]{2}|[0-9]{3}))?
        (?:-(?:[a-z0-9]{5,8}|[0-9][a-z0-9]{3}))*
        (?:-[0-9a-wyz](?:-[a-z0-9]{2,8})+)*
        (?:-x(?:-[a-z0-9]{1,8})+)?
      | x(?:-[a-z0-9]{1,8})+""",
    re.ASCII | re.IGNORECASE | re.VERBOSE,
)
LANGUAGE_MAX = 64
# Releases are dated within these years: anything else is a typo, and times near year 1
# or 9999 cannot even be moved to another zone (Python's datetime overflows). The bounds
# are instants (UTC), so a time reads the same whatever zone it is written in.
FIRST_YEAR, LAST_YEAR = 1900, 2999
_EARLIEST = dt.datetime(FIRST_YEAR, 1, 1, tzinfo=dt.UTC)
_LATEST = dt.datetime(LAST_YEAR + 1, 1, 1, tzinfo=dt.UTC)
# Characters removed from every text: C0 controls but tab, line feed and carriage return;
# DEL and C1 controls; lone surrogates; U+FFFE and U+FFFF (XML 1.0 cannot carry them).
_CONTROL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\ud800-\udfff\ufffe\uffff]")
_LINE_BREAK = re.compile("[\t\n\r]")
_C0 = bytes([*range(0x20), 0x7F])
_C0_MULTILINE = bytes(c for c in _C0 if c not in b"\t\n\r")
_ANY_CONTROL = re.compile("[\x00-\x1f\x7f-\x9f]")
# The texts a correction's published version keeps (summary and body run over lines).
_LIVE_TEXT = frozenset(
    {"title", "summary", "dateline", "author", "credit", "body", "release_number"}
)
# An attachment's file name: it becomes a file in the companion folder and a URL segment.
ATTACHMENT_FILE = re.compile(r"[A-Za-z0-9][A-Za-z0-9._-]*", re.ASCII)
ATTACHMENT_FILE_MAX = 120
# Names in a release's folder of the public record that belong to others: its page, the
# signed texts of its versions, the kept versions' folder (docs/format.md).
_RESERVED_FILE = re.compile(r"index\.html|versions|v[0-9]+\.txt(?:\.minisig)?", re.ASCII)
MEDIA_TYPE = re.compile(r"[a-z]+/[a-z0-9][a-z0-9.+-]*", re.ASCII)
SHA256 = re.compile(r"[0-9a-f]{64}", re.ASCII)


class FieldError(ValueError):
    """A front-matter value of the wrong shape; `keys` locates it (e.g. ("history", 2, "at"))."""

    def __init__(self, keys: tuple[str | int, ...], message: str, hint: str = "",
                 code: str = "", **facts: str) -> None:  # fmt: skip
        super().__init__(message)
        self.keys = keys
        self.hint = hint
        self.code = code  # (with `facts`: a face words it, `problem.<code>`)
        self.facts = facts


def front_matter(front: str, path: Path, loader: type[Any]) -> None:
    """Refuse (ArticleError) a front matter over FRONT_MATTER_MAX characters, or one that
    uses YAML anchors (`&name`) or aliases (`*name`): releases never need them, and a few
    hundred aliases can stand for gigabytes (a "billion laughs")."""
    if len(front) > FRONT_MATTER_MAX:
        raise ArticleError(
            Problem(
                path,
                2,
                f"front matter is {len(front):,} characters, more than the "
                f"{FRONT_MATTER_MAX:,} allowed",
                "a release's front matter is a few kilobytes: move long text into the body, "
                "below the closing `---`, and remove what was pasted by mistake",
            )
        )
    if "&" in front or "*" in front:  # without these there is no anchor or alias to look for
        _refuse_aliases(front, path, loader)


def _refuse_aliases(front: str, path: Path, loader: type[Any]) -> None:
    """libyaml's event stream shows anchors and aliases without building anything (a second
    pass, so only for the rare front matter holding `&` or `*`: inside text, no anchor)."""
    try:
        for event in yaml.parse(front, Loader=loader):
            if isinstance(event, yaml.AliasEvent) or getattr(event, "anchor", None):
                mark = event.start_mark
                raise ArticleError(
                    Problem(
                        path,
                        mark.line + 1 if mark is not None else 2,
                        "YAML anchors (`&name`) and aliases (`*name`) are not allowed",
                        "write the value out in full; put text that starts with & or * in quotes",
                    )
                )
    except yaml.YAMLError:
        return  # bad YAML: loading it says what and where


def clean(text: str, multiline: bool = False) -> str:
    """`text` without control characters; a one-line field also turns tabs and line breaks
    into spaces (the body, a summary, notes and comments keep them)."""
    if text.isprintable() or _is_clean(text, multiline):  # the first: one C call, most texts
        return text
    if not multiline:
        text = _LINE_BREAK.sub(" ", text)
    return _CONTROL.sub("", text)


def _is_clean(text: str, multiline: bool) -> bool:
    """Whether `clean` would leave `text` as it is, answered with C loops over bytes: every
    body is read through here, and the regex costs four times as much."""
    try:
        data = text.encode("utf-8")
    except UnicodeEncodeError:
        return False  # a lone surrogate
    if len(data.translate(None, _C0_MULTILINE if multiline else _C0)) != len(data):
        return False
    # C1 controls are encoded \xc2\x80-\x9f and U+FFFE/U+FFFF \xef\xbf\xbe-\xbf: only text
    # holding those lead bytes needs the regex.
    return not (b"\xc2" in data or b"\xef\xbf" in data) or _CONTROL.search(text) is None


def release_id(value: str, keys: tuple[str | int, ...]) -> str:
    """A UUID in its usual lower-case form (feeds use it as `urn:uuid:<id>`; lock files too)."""
    if ID.fullmatch(value):
        return value
    raise FieldError(
        keys,
        f"`id` {_shown(value)} is not a UUID",
        "write a UUID in lower case, like 9ef7d5e6-e4d4-4ea9-a5b1-2018120700a1; "
        "the command `uuidgen` makes a new one",
        "id_bad",
        value=_shown(value),
    )


def slug(value: str, keys: tuple[str | int, ...]) -> str:
    """Lower-case ASCII letters and digits in words joined by single hyphens (a file name
    and the page's URL)."""
    if len(value) <= SLUG_MAX and SLUG.fullmatch(value):
        return value
    problem = f"longer than {SLUG_MAX} characters" if len(value) > SLUG_MAX else "not a slug"
    raise FieldError(
        keys,
        f"`slug` {_shown(value)} is {problem}",
        "use lower-case letters a-z, digits and single hyphens between words, "
        "e.g. humas-jaga-netralitas-asn",
        "slug_long" if len(value) > SLUG_MAX else "slug_bad",
        value=_shown(value),
        most=str(SLUG_MAX),
    )


def language(value: str, keys: tuple[str | int, ...]) -> str:
    """A well-formed BCP 47 language tag, e.g. `id`, `en`, `id-ID`, `jv`."""
    if len(value) <= LANGUAGE_MAX and LANGUAGE.fullmatch(value):
        return value
    raise FieldError(
        keys,
        f"`language` {_shown(value)} is not a language tag",
        "write a BCP 47 tag such as id, en, id-ID or jv",
        "language_bad",
        value=_shown(value),
    )


def image_src(value: str, keys: tuple[str | int, ...]) -> str:
    """An http(s) URL, or a path under the site (`/images/...` or `images/...`)."""
    reason = _src_problem(value)
    if reason is None:
        return value
    raise FieldError(
        keys,
        f"`src` {_shown(value)} {reason}",
        "write a path under the site such as /images/2026/12/foto.jpg, or a full https:// address",
    )


def _src_problem(value: str) -> str | None:
    if _ANY_CONTROL.search(value) or "\\" in value:
        return "holds a control character or a backslash"
    try:
        parts = urlsplit(value)
    except ValueError:
        return "is not an address"
    if parts.scheme:
        if parts.scheme.lower() not in ("http", "https") or not parts.netloc:
            return "is neither an http(s) address nor a path under the site"
    elif value.startswith("//"):
        return "leads to another site (write https:// before it if that is meant)"
    if any(unquote(segment) == ".." for segment in parts.path.split("/")):
        return "climbs out of its folder with `..`"
    return None


def kind(value: str, keys: tuple[str | int, ...]) -> str:
    """`klarifikasi`, or nothing (`siaran-pers`, the default, may be written out)."""
    from .model import KINDS

    if value in KINDS:
        return value
    raise FieldError(
        keys, f"`kind` {_shown(value)} is not a kind of release",
        "write `kind: klarifikasi` for a clarification, or leave `kind` out for a press release",
    )  # fmt: skip


def attachment_file(value: str, keys: tuple[str | int, ...]) -> str:
    """A plain file name in the release's companion folder: letters, digits, `.`, `_`, `-`,
    not hidden, not `.md` (the scanner would take it for a release), not a reserved name."""
    reason = None
    if len(value) > ATTACHMENT_FILE_MAX:
        reason = f"is longer than {ATTACHMENT_FILE_MAX} characters"
    elif not ATTACHMENT_FILE.fullmatch(value):
        reason = "is not a plain file name (letters, digits, `.`, `_` and `-`; no folder)"
    elif value.lower().endswith(".md"):
        reason = "ends with .md: it would be read as a release"
    elif _RESERVED_FILE.fullmatch(value.lower()):
        reason = "is a name the public record keeps for itself"
    if reason is None:
        return value
    raise FieldError(
        keys, f"attachment `file` {_shown(value)} {reason}",
        "attach files with `newsroom attach REF FILE`: it names and records them",
    )  # fmt: skip


def attachments(value: Any, keys: tuple[str | int, ...]) -> list[dict[str, Any]]:
    """The attachments' records, each checked: file, title, type, size, sha256."""
    if not isinstance(value, list):
        raise FieldError(keys, "`attachments` must be a list of entries starting with `- file:`")
    out, seen = [], set()
    for i, item in enumerate(value):
        at = (*keys, i)
        if not isinstance(item, dict):
            raise FieldError(at, f"attachment {i + 1} must be a set of `key: value` lines")
        unknown = set(item) - {"file", "title", "type", "size", "sha256"}
        if unknown:
            key = sorted(unknown)[0]
            raise FieldError(
                (*at, key), f"attachment {i + 1}: unknown key `{key}` (file, title, type, "
                "size, sha256)",
            )  # fmt: skip
        out.append(_attachment(item, at))
        if out[-1]["file"] in seen:
            raise FieldError((*at, "file"), f"attachment {out[-1]['file']!r} is listed twice")
        seen.add(out[-1]["file"])
    return out


def _attachment(item: dict[str, Any], at: tuple[str | int, ...]) -> dict[str, Any]:
    file = attachment_file(_text(item.get("file") or "", (*at, "file")).strip(), (*at, "file"))
    kind = _text(item.get("type") or "", (*at, "type")).strip()
    if not MEDIA_TYPE.fullmatch(kind):
        raise FieldError((*at, "type"), f"attachment `type` {_shown(kind)} is not a media type",
                         "e.g. application/pdf")  # fmt: skip
    size = item.get("size")
    if not isinstance(size, int) or isinstance(size, bool) or size < 0:
        raise FieldError((*at, "size"), "attachment `size` must be a whole number of bytes")
    sha = _text(item.get("sha256") or "", (*at, "sha256")).strip()
    if not SHA256.fullmatch(sha):
        raise FieldError((*at, "sha256"), "attachment `sha256` must be 64 hexadecimal digits")
    title = clean(_text(item.get("title") or "", (*at, "title"))).strip()
    return {"file": file, "title": title, "type": kind, "size": size, "sha256": sha}


def words(value: Any, keys: tuple[str | int, ...]) -> list[str]:
    """A list of words (`categories: [a, b]`; one word alone is a list of one), cleaned."""
    if value is None:
        return []
    if isinstance(value, str):
        return [clean(value)]
    if not isinstance(value, list) or any(isinstance(v, dict | list) for v in value):
        key = keys[-1]
        raise FieldError(keys, f"`{key}` must be a list of words, e.g. `{key}: [a, b]`", "",
                         "words", name=str(key))  # fmt: skip
    return [
        v if isinstance(v, str) and v.isprintable() else clean(str(v))
        for v in value
        if v is not None
    ]


def published_version(version: dict[str, Any], tz: dt.tzinfo) -> dict[str, Any]:
    """The text partners see during a correction, checked like the release's own fields.

    Values are cleaned, never reshaped (not stripped, no key added or dropped, times kept
    as written): what the tool wrote reads back unchanged."""
    where: tuple[str | int, ...] = ("published_version",)
    checked = dict(shallow(version, where))
    for key, value in version.items():
        at = (*where, str(key))
        if value is None:
            continue
        if key in _LIVE_TEXT:
            checked[key] = clean(_text(value, at), multiline=key in ("summary", "body"))
        elif key in ("slug", "language"):
            checked[key] = (slug if key == "slug" else language)(_text(value, at), at)
        elif key in ("categories", "tags"):
            if not isinstance(value, list):
                raise FieldError(at, f"`{key}` must be a list, e.g. `{key}: [a, b]`")
            checked[key] = words(value, at)
        elif key == "image":
            checked[key] = _live_image(value, at)
        elif key == "kind":
            checked[key] = kind(_text(value, at), at)
        elif key == "denies":
            checked[key] = words(value, at)
        elif key == "attachments":
            checked[key] = attachments(value, at)
        elif key == "embargo":
            _time_text(value, at, tz)
    return checked


def _text(value: Any, keys: tuple[str | int, ...]) -> str:
    if isinstance(value, bool | dict | list):
        raise FieldError(keys, f"`{keys[-1]}` must be text, not {type(value).__name__}")
    return value if isinstance(value, str) else str(value)


def _time_text(value: Any, keys: tuple[str | int, ...], tz: dt.tzinfo) -> None:
    """Refuse a kept time that is not one, or is out of range (it is kept as written)."""
    if isinstance(value, dt.datetime):
        when = value if value.tzinfo else value.replace(tzinfo=tz)
    else:
        try:
            when = parse_time(_text(value, keys), tz)
        except ValueError as exc:
            raise FieldError(keys, f"`{keys[-1]}`: {exc}") from None
    in_range(when, keys)


def _live_image(image: Any, where: tuple[str | int, ...]) -> dict[str, Any]:
    """A published version's photo: `src` checked, the other texts cleaned, keys kept."""
    if not isinstance(image, dict):
        raise FieldError(where, "`image` must be a set of `key: value` lines")
    checked = dict(image)
    for key, value in image.items():
        at = (*where, str(key))
        if key == "src" and value:
            checked[key] = image_src(_text(value, at).strip(), at)
        elif value is not None:
            checked[key] = clean(_text(value, at))
    return checked


def in_range(when: dt.datetime, keys: tuple[str | int, ...]) -> dt.datetime:
    """An aware time from the start of FIRST_YEAR to the end of LAST_YEAR (UTC)."""
    if FIRST_YEAR < when.year < LAST_YEAR or _EARLIEST <= when < _LATEST:
        return when  # (the first test is the quick one; comparing never overflows)
    raise FieldError(
        keys,
        f"`{keys[-1]}`: {when.isoformat()} is outside the years {FIRST_YEAR}-{LAST_YEAR}",
        f"is it a typo? Releases are dated from {FIRST_YEAR} to {LAST_YEAR}, in UTC; "
        "write a time like 2026-12-07T09:00:00+07:00",
    )


def shallow(value: Any, keys: tuple[str | int, ...], limit: int = 32) -> Any:
    """`value` if it nests no deeper than `limit` lists and mappings (writing deeper
    ones back exhausts Python's recursion, and releases never need them)."""
    if not isinstance(value, dict | list):
        return value  # the usual unknown key: one word or number
    level = [value]  # the lists and mappings at one depth, breadth first: no recursion
    for _ in range(limit):
        level = [
            child
            for v in level
            for child in (v.values() if isinstance(v, dict) else v)
            if isinstance(child, dict | list)
        ]
        if not level:
            return value
    raise FieldError(
        keys,
        f"`{keys[-1]}` nests lists and mappings more than {limit} levels deep",
        "a release needs a few levels at most: remove what was pasted by mistake",
    )


def _shown(value: str) -> str:
    """A value as a message shows it: quoted, control codes escaped (none reaches a
    terminal), and short."""
    text = repr(value)
    return text if len(text) <= 60 else text[:56] + "...'"
