"""A release's attachments: files that travel with it, kept in its companion folder.

A release `articles/.../<stem>.md` has a companion folder `articles/.../<stem>/` beside it
(docs/format.md): its attachments are files directly in it (`<stem>/siaran-pers-ttd.pdf`),
and `<stem>/versions/` keeps its superseded versions (versions.py). An attachment is
recorded in the front matter with its title, media type, size and SHA-256, and sealed
with the approval (view.py), so a file swapped after the approval is refused at publish.

In the public record every attachment is served beside the release's page, at ONE address
that every output (feeds, pages, signatures, ninjs, mail) takes from `public_url`.
"""

from __future__ import annotations

from pathlib import Path
from typing import Protocol
from urllib.parse import quote

from .config import Config
from .model import Article, Attachment, Image
from .seal import SealProblem, problem

# The folder of the public record (under feeds/) that holds a release's page and files.
RECORD_FOLDER = "siaran-pers"


class _Slugged(Protocol):
    @property
    def slug(self) -> str: ...


def public_url(config: Config, release: str | _Slugged, file: str) -> str:
    """The absolute URL of a file of a release in the public record:
    `{feeds_base}/siaran-pers/<slug>/<file>` (the file name percent-encoded).

    `release` is the release's slug, or anything that has one (an Article, a Record, a
    Version). The one place this address is made: feeds, pages, signatures and mail all
    call it, so they can never disagree."""
    slug = release if isinstance(release, str) else release.slug
    return f"{config.feeds_base}/{RECORD_FOLDER}/{slug}/{quote(file)}"


def public_path(config: Config, release: str | _Slugged, file: str) -> Path:
    """Where `public_url` is served from on disk: `feeds/siaran-pers/<slug>/<file>`."""
    slug = release if isinstance(release, str) else release.slug
    return config.feeds_dir / RECORD_FOLDER / slug / file


def companion(config: Config, path: Path | str) -> Path:
    """The companion folder of the release whose file is `path` (relative to the newsroom's
    root, as `Article.path` and `Record.path` are): the file's path without `.md`."""
    file = config.root / path
    return file.with_name(file.name.removesuffix(".md"))


def attachment_path(config: Config, path: Path | str, file: str) -> Path:
    """Where an attachment of the release at `path` lives on disk."""
    return companion(config, path) / file


def photo_attachment(image: Image | None, attachments: tuple[Attachment, ...] | list[Attachment]
                     ) -> Attachment | None:  # fmt: skip
    """The attachment a photo is, when its `src` names one of the release's attachments (a
    local photo: published with the release, its URL absolute through `public_url`)."""
    if image is None or not image.src:
        return None
    return next((a for a in attachments if a.file == image.src), None)


def file_sha256(path: Path) -> str:
    """The SHA-256 of a file, read in chunks (an attachment may be tens of megabytes)."""
    import hashlib

    h = hashlib.sha256()
    with open(path, "rb") as handle:
        for chunk in iter(lambda: handle.read(1 << 20), b""):
            h.update(chunk)
    return h.hexdigest()


def shown_path(config: Config, path: Path | str, attachment: Attachment) -> str:
    """An attachment's file as messages name it (relative to the newsroom)."""
    where = attachment_path(config, path, attachment.file)
    return str(where.relative_to(config.root) if where.is_relative_to(config.root) else where)


def mismatch_kind(config: Config, path: Path | str, attachment: Attachment) -> str:
    """ "missing", "changed" (size or SHA-256), or "" when the file is the one recorded."""
    where = attachment_path(config, path, attachment.file)
    try:
        size = where.stat().st_size
    except OSError:
        return "missing"
    if size != attachment.size or file_sha256(where) != attachment.sha256:
        return "changed"
    return ""


def mismatch(config: Config, path: Path | str, attachment: Attachment) -> SealProblem | None:
    """Why the attachment's file on disk is not the one recorded (None when it is): code
    `attachment_missing` or `attachment_changed` (worded as `seal.<code>`), fact `file`."""
    kind = mismatch_kind(config, path, attachment)
    shown = shown_path(config, path, attachment)
    if kind == "missing":
        return problem(
            "attachment_missing",
            f"attachment {shown} is missing (restore it from git, or detach it)",
            file=shown,
        )
    if kind == "changed":
        return problem(
            "attachment_changed",
            f"attachment {shown} is not the file that was approved (its size or SHA-256 "
            "changed): put the approved file back, or attach the new one and have it approved",
            file=shown,
        )
    return None


def changed_attachments(config: Config, article: Article) -> SealProblem | None:
    """Why the attachments of the version going out (the fields as they stand) cannot go
    out: a file missing or swapped since it was recorded (None when every one is intact)."""
    assert article.path is not None or not article.attachments
    for attachment in article.attachments:
        found = mismatch(config, article.path or "", attachment)
        if found is not None:
            return found
    return None
