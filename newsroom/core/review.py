"""What a reviewer needs to see, and what a writer needs to read, as facts for the faces.

A correction under review: its number ("Ralat N"), its note, and what it changes against
the published version, field by field and word by word, so the reviewer approves exactly
the text that will go out. A writer editing a release sent back: the reviewer's note and
the comments since it was last submitted.
"""

from __future__ import annotations

import datetime as dt
import difflib
import re
from dataclasses import dataclass
from typing import Any

from .clock import format_time
from .model import Article, Status

# The fields partners see, in the order a reviewer reads them (seal.SEALED's, but slug
# and language, which a correction never changes by hand, come last).
SHOWN = ("title", "summary", "dateline", "body", "author", "credit", "categories", "tags",
         "image", "embargo", "release_number", "slug", "language")  # fmt: skip
CONTEXT = 6  # words kept on each side of a change; longer unchanged runs are cut to "…"
_TOKEN = re.compile(r"\s+|\w+|[^\w\s]", re.UNICODE)

EQUAL, DELETED, INSERTED, CUT = "=", "-", "+", "…"


@dataclass(frozen=True)
class FieldChange:
    """One field a correction changes: its words as (op, text), op one of = - + …"""

    field: str
    words: tuple[tuple[str, str], ...]


@dataclass(frozen=True)
class PendingCorrection:
    """A correction not yet published: the notice partners will read, and what changes."""

    number: int
    note: str
    by: str
    at: dt.datetime | None
    changes: tuple[FieldChange, ...]


@dataclass(frozen=True)
class Note:
    """A remark a writer should read while editing (`kind`: request_changes, comment,
    correct)."""

    kind: str
    by: str
    at: dt.datetime
    text: str


def pending_correction(
    article: Article, tz: dt.tzinfo = dt.UTC, zone: str = ""
) -> PendingCorrection | None:
    """The correction under way (its published version is kept), or None. An embargo reads
    as people read times (`30-12-2026 09:00 WIB` in `tz`, named `zone`)."""
    from .seal import content_of, live_content

    if article.published_version is None:
        return None
    started = next((h for h in reversed(article.history) if h.action == "correct"), None)
    before, after = live_content(article), content_of(article)
    for version in (before, after):
        if version.get("embargo"):
            instant = dt.datetime.fromisoformat(version["embargo"])
            version["embargo"] = format_time(instant, tz, zone)
    changes = tuple(
        FieldChange(name, word_diff(_text(before.get(name)), _text(after.get(name))))
        for name in SHOWN
        if _text(before.get(name)) != _text(after.get(name))
    )
    return PendingCorrection(
        len(article.corrections) + 1,
        started.note if started else "",
        started.by if started else "",
        started.at if started else None,
        changes,
    )


def _text(value: Any) -> str:
    """A field's value as a reviewer reads it."""
    if value is None:
        return ""
    if isinstance(value, list | tuple):
        return ", ".join(str(v) for v in value)
    if isinstance(value, dict):  # the photo: what partners read of it
        parts = (value.get("caption", ""), value.get("credit", ""), value.get("src", ""))
        return " · ".join(str(p) for p in parts if p)
    return str(value).strip()


def word_diff(before: str, after: str) -> tuple[tuple[str, str], ...]:
    """The words of `after` against `before`: kept (=), deleted (-), inserted (+), and
    long unchanged stretches cut to their edges (…)."""
    old, new = _TOKEN.findall(before), _TOKEN.findall(after)
    out: list[tuple[str, str]] = []
    matcher = difflib.SequenceMatcher(None, old, new, autojunk=False)
    for tag, i1, i2, j1, j2 in matcher.get_opcodes():
        if tag == "equal":
            out += _trimmed(old[i1:i2], first=j1 == 0, last=j2 == len(new))
            continue
        if i2 > i1:
            out.append((DELETED, "".join(old[i1:i2])))
        if j2 > j1:
            out.append((INSERTED, "".join(new[j1:j2])))
    return tuple(out)


def _trimmed(tokens: list[str], *, first: bool, last: bool) -> list[tuple[str, str]]:
    """An unchanged stretch: whole when short, else its ends around a cut."""
    words = [i for i, t in enumerate(tokens) if not t.isspace()]
    keep = CONTEXT * 2 if not (first or last) else CONTEXT
    if len(words) <= keep + 2:
        return [(EQUAL, "".join(tokens))]
    head = "" if first else "".join(tokens[: words[CONTEXT] + 1])
    tail = "" if last else "".join(tokens[words[-CONTEXT] :])
    cut = " …" if tail[:1] in _CLOSING else " … "  # (never "… ," before a comma)
    return [part for part in ((EQUAL, head), (CUT, cut), (EQUAL, tail)) if part[1]]


_CLOSING = tuple(",.;:!?)]}”’\"'")  # what reads attached to the word before it


def notes_for_writer(article: Article) -> list[Note]:
    """What was said in this round of the text, latest first: the note that sent it back
    (or started the correction) and the comments made since that round began."""
    history = article.history
    opened = next(
        (h for h in reversed(history) if h.action in ("request_changes", "correct")), None
    )
    if article.status not in (Status.CHANGES_REQUESTED, Status.CORRECTING):
        opened = None
    # The round began when the text was submitted for the review that sent it back (or
    # when the correction started); without one, at the last submission, if any.
    before = [
        h.at for h in history if h.action == "submit" and (opened is None or h.at <= opened.at)
    ]
    start = opened.at if opened is not None and opened.action == "correct" else None
    if start is None and before:
        start = before[-1]
    notes = (
        [Note(opened.action, opened.by, opened.at, opened.note)] if opened and opened.note else []
    )
    notes += [
        Note("comment", c.by, c.at, c.text)
        for c in article.comments
        if start is None or c.at >= start
    ]
    return sorted(notes, key=lambda n: n.at, reverse=True)
