"""The article model: one press release, as typed Python objects.

The file format (YAML front matter + Markdown) lives in `fileformat.py`; this
module only knows the shape of a release and a few facts derived from it.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from enum import StrEnum
from pathlib import Path
from typing import Any


class Status(StrEnum):
    """Where a release is in the workflow (rules.py holds the moves between them)."""

    DRAFT = "draft"
    IN_REVIEW = "in_review"
    CHANGES_REQUESTED = "changes_requested"
    APPROVED = "approved"
    PUBLISHED = "published"
    RETRACTED = "retracted"
    # A published release whose correction is being written, until it is submitted.
    CORRECTING = "correcting"


ALL_STATUSES = tuple(Status)
STATUSES = tuple(s for s in Status if s is not Status.CORRECTING)
CORRECTING = Status.CORRECTING

# The order keys are written in; unknown keys follow in the order they were found.
KEY_ORDER = (
    "id", "title", "slug", "status", "kind", "language", "translation_of", "release_number",
    "denies",
    "dateline", "author", "credit", "summary", "categories", "tags", "image", "attachments",
    "embargo", "created", "updated", "published", "corrections", "published_version",
    "history", "comments",
)  # fmt: skip

# The kinds of release: a press release (the default, written as no `kind` at all) and a
# clarification that denies numbers circulating as this office's releases (forgeries).
RELEASE, KLARIFIKASI = "", "klarifikasi"
KINDS = (RELEASE, "siaran-pers", KLARIFIKASI)  # "siaran-pers" is the default spelled out

# Actions that change the text: whoever took one last is the release's last editor.
TEXT_ACTIONS = frozenset({"create", "import", "edit", "correct"})


@dataclass
class Image:
    """The release's photo: where it is and how it is captioned and credited."""

    src: str = ""
    caption: str = ""
    credit: str = ""
    alt: str = ""


@dataclass
class Attachment:
    """A file that travels with the release (the signed PDF, a data sheet, more photos),
    kept in its companion folder (`<stem>/<file>`): its type, size and SHA-256 are
    recorded when it is attached and sealed with the approval (attachments.py)."""

    file: str
    title: str = ""
    type: str = ""
    size: int = 0
    sha256: str = ""


@dataclass
class HistoryEntry:
    """One step in a release's life: who did what, when, and why."""

    at: dt.datetime
    by: str
    action: str
    from_: str | None = None
    to: str | None = None
    note: str = ""
    seal: str = ""  # approve, embargo, publish, adopt: the digest of the content (see seal.py)
    version: int | None = None  # publish, adopt: the published version this entry put out
    via: str = ""  # the login that acted for `by`, when they differ (see identity.py)
    number: str = ""  # publish: the release number it gave (numbering.py)
    # approve, embargo: the lift time it set (its ISO text), or NO_EMBARGO for a move that
    # took the embargo away; "" for an approval without one (and entries before it was kept)
    embargo: str = ""


NO_EMBARGO = "none"  # HistoryEntry.embargo of a move that took the embargo away


@dataclass
class Comment:
    """A reviewer's or writer's remark; comments never change the status."""

    at: dt.datetime
    by: str
    text: str


@dataclass
class Correction:
    """A numbered correction to a published release, shown to partners once published."""

    number: int
    at: dt.datetime
    by: str
    note: str


@dataclass
class Source:
    """What the file looked like when it was read, to refuse saving over someone else's change."""

    mtime_ns: int
    size: int
    digest: str


@dataclass
class Article:
    """A press release: front matter fields, the Markdown body, and where it came from."""

    id: str
    title: str
    slug: str
    status: str = Status.DRAFT
    kind: str = RELEASE
    language: str = "id"
    translation_of: str = ""  # the id of the release this one translates (translations.py)
    release_number: str = ""
    denies: list[str] = field(default_factory=list)  # a klarifikasi: the numbers it denies
    dateline: str = ""
    author: str = ""
    credit: str = ""
    summary: str = ""
    categories: list[str] = field(default_factory=list)
    tags: list[str] = field(default_factory=list)
    image: Image | None = None
    attachments: list[Attachment] = field(default_factory=list)
    embargo: dt.datetime | None = None
    created: dt.datetime | None = None
    updated: dt.datetime | None = None
    published: dt.datetime | None = None
    corrections: list[Correction] = field(default_factory=list)
    published_version: dict[str, Any] | None = None
    history: list[HistoryEntry] = field(default_factory=list)
    comments: list[Comment] = field(default_factory=list)
    body: str = ""
    extra: dict[str, Any] = field(default_factory=dict)
    key_order: list[str] = field(default_factory=list)
    extra_lines: dict[str, int] = field(default_factory=dict)  # unknown keys' lines, as read
    path: Path | None = None
    source: Source | None = None

    @property
    def is_klarifikasi(self) -> bool:
        """A clarification denying numbers that circulate as this office's releases."""
        return self.kind == KLARIFIKASI

    @property
    def last_editor(self) -> str | None:
        """Who last changed the text (create, import or edit), from the history."""
        for entry in reversed(self.history):
            if entry.action in TEXT_ACTIONS:
                return entry.by
        return None

    @property
    def was_approved(self) -> bool:
        """Whether a reviewer ever approved it (a change then needs approval *again*; a
        release never approved needs its first)."""
        return any(entry.action == "approve" for entry in self.history)

    @property
    def retraction(self) -> HistoryEntry | None:
        """The history entry that retracted the release, if it was retracted."""
        if self.status != Status.RETRACTED:
            return None
        return next((h for h in reversed(self.history) if h.action == "retract"), None)

    def embargo_entries(self) -> list[HistoryEntry]:
        """The approvals and changes of its embargo before its first publication, in order:
        what partners were shown of its embargo (the one walk of them: this class's
        `went_out_under_embargo` and the feeds' moves, records.py, read it)."""
        shown = []
        for entry in self.history:
            if entry.action == "publish":
                break
            if entry.action in ("approve", "embargo"):
                shown.append(entry)
        return shown

    @property
    def went_out_under_embargo(self) -> bool:
        """Whether its embargo is the one it was first published under (a correction keeps
        it, as partners were told it: no check of it): the lift time the approval (or the
        move of the embargo) before its first publication recorded. An entry that recorded
        none (an approval without an embargo, or one from before the lift time was kept:
        the two read alike) spares an embargo between that entry and the publication, as
        an embargo approved then was (a time typed wrong, before it, is not spared)."""
        if self.published is None or self.embargo is None:
            return False
        shown = self.embargo_entries()
        last = shown[-1] if shown else None
        if last is None or last.embargo == NO_EMBARGO:
            return False
        if not last.embargo:
            return last.at < self.embargo <= self.published
        try:
            recorded = dt.datetime.fromisoformat(last.embargo)
        except ValueError:
            return False
        # to the minute: the desk shows and sets an embargo in minutes, so a correction's
        # approval gives back 09:25 for an embargo the CLI set at 09:25:59
        return recorded.replace(second=0, microsecond=0) == self.embargo.replace(
            second=0, microsecond=0
        )

    @property
    def is_live(self) -> bool:
        """Partners have seen it: published, or published and now being corrected."""
        return self.status == Status.PUBLISHED or self.published_version is not None

    def search_text(self) -> str:
        """Lower-cased title, number, summary, tags and body, for live filtering (a caller
        asking "is B-012/HUMAS/VI/2026 yours?" is answered by typing the number; a
        klarifikasi is found by the numbers it denies)."""
        parts = [self.title, self.release_number, " ".join(self.denies), self.summary,
                 " ".join(self.tags), self.dateline, self.body]  # fmt: skip
        return "\n".join(parts).lower()
