"""Attaching a file to a release, and detaching it: `newsroom attach`, `detach` and the desk.

An attachment is part of the text partners get: attaching or detaching is an edit (it
needs the release to be editable, makes this person its last editor, and the release
needs a new approval). The file is checked (a known type the office accepts, its first
bytes fitting that type, not over `[attachments] max_mb`), copied into the release's
companion folder under a plain name, and recorded with its type, size and SHA-256.
A file that a published version carries is never deleted: the public record of that
version (and a fresh clone's rebuild of it) still needs it.
"""

from __future__ import annotations

import hashlib
import re
from pathlib import Path
from typing import TYPE_CHECKING, Protocol

from .atomic import write_atomic
from .attachment_types import EXTENSIONS, looks_like, type_of
from .attachments import companion
from .errors import NewsroomError, NotFound, Refused
from .model import Article, Attachment, Image
from .slug import slugify

if TYPE_CHECKING:
    import datetime as dt

    from .config import Config


class Newsroom(Protocol):
    """What attaching needs of the newsroom (service.Newsroom is one)."""

    config: Config
    actor: str

    def now(self) -> dt.datetime: ...
    def may_act(self, action: str) -> None: ...
    def save_edit(self, article: Article) -> bool: ...


MB = 1_000_000  # decimal, as file managers and mail programs show sizes


def attach(
    newsroom: Newsroom, article: Article, source: Path, title: str = "", *, photo: bool = False
) -> Attachment:
    """Copy `source` into the release's companion folder and record it (saved as an edit
    by this person). `photo`: it becomes the release's photo (`image.src`)."""
    _editable(newsroom, article)
    data, kind = _read(newsroom, source)
    digest = hashlib.sha256(data).hexdigest()
    same = next((a for a in article.attachments if a.sha256 == digest), None)
    if same is not None:
        raise NewsroomError(
            f"{source.name} is already attached, as {same.file}", code="attach_duplicate",
            file=source.name, existing=same.file,
        )  # fmt: skip
    assert article.path is not None
    folder = companion(newsroom.config, article.path)
    name = _free_name(source.name, {a.file for a in article.attachments}, folder)
    attachment = Attachment(name, title.strip() or _title_of(source), kind, len(data), digest)
    target = folder / name
    write_atomic(target, data)
    article.attachments.append(attachment)
    if photo:
        image = article.image or Image()
        article.image = Image(name, image.caption, image.credit, image.alt)
    try:
        newsroom.save_edit(article)
    except BaseException:
        target.unlink(missing_ok=True)  # not recorded: no file left behind
        raise
    return attachment


def detach(newsroom: Newsroom, article: Article, file: str) -> Attachment:
    """Remove an attachment from the release (saved as an edit by this person); its file is
    deleted unless a published version carries it."""
    _editable(newsroom, article)
    found = next((a for a in article.attachments if file in (a.file, a.title)), None)
    if found is None:
        names = ", ".join(a.file for a in article.attachments) or "-"
        raise NotFound(
            f"{article.title}: no attachment {file!r} (attached: {names})",
            code="detach_unknown", file=file, names=names,
        )  # fmt: skip
    if article.image is not None and article.image.src == found.file:
        raise Refused(
            f"{found.file} is the release's photo: choose another photo (or none) first",
            code="detach_photo", file=found.file,
        )  # fmt: skip
    article.attachments.remove(found)
    newsroom.save_edit(article)
    if found.file not in _published_files(newsroom, article, found.file):
        assert article.path is not None
        (companion(newsroom.config, article.path) / found.file).unlink(missing_ok=True)
    return found


def _editable(newsroom: Newsroom, article: Article) -> None:
    """Refused (with the workflow's reason) when this person may not edit the release now."""
    from .workflow import decide, refusal

    newsroom.may_act("edit")
    decision = decide(article, "edit", newsroom.actor, newsroom.config, newsroom.now())
    if not decision.allowed:
        raise refusal(decision, article)
    if article.path is None:
        raise NewsroomError("save the release once before attaching files to it")


def _read(newsroom: Newsroom, source: Path) -> tuple[bytes, str]:
    """The file's bytes and media type, or a refusal saying what is wrong and what is taken."""
    config = newsroom.config
    if not source.is_file():
        raise NewsroomError(f"{source}: no such file", code="attach_missing", file=str(source))
    kind = type_of(source.name)
    if not kind or kind not in config.attachments_types:
        taken = config.attachments_types
        allowed = ", ".join(sorted({e for e, k in EXTENSIONS.items() if k in taken}))
        raise NewsroomError(
            f"{source.name}: this type of file is not taken (the office takes {allowed}; "
            "[attachments] types in newsroom.toml)",
            code="attach_type", file=source.name, allowed=allowed,
        )  # fmt: skip
    size = source.stat().st_size
    if size > config.attachments_max_mb * MB:
        raise NewsroomError(
            f"{source.name} is {size / MB:.1f} MB, more than the {config.attachments_max_mb} MB "
            "allowed ([attachments] max_mb in newsroom.toml): make it smaller (a PDF printed "
            "again at a lower resolution) or split it",
            code="attach_too_big", file=source.name, size=f"{size / MB:.1f}",
            max=str(config.attachments_max_mb),
        )  # fmt: skip
    data = source.read_bytes()
    if not looks_like(kind, data[:16]):
        raise NewsroomError(
            f"{source.name}: its name says {kind}, but its content is not (renamed?)",
            code="attach_not_type", file=source.name, type=kind,
        )  # fmt: skip
    return data, kind


def _free_name(original: str, taken: set[str], folder: Path) -> str:
    """A plain file name from the original one (`Siaran Pers TTD.PDF` -> siaran-pers-ttd.pdf),
    made unique among the release's attachments and the files its folder keeps."""
    dot = original.rfind(".")
    stem, ext = (original[:dot], original[dot:].lower()) if dot > 0 else (original, "")
    base = slugify(stem)[:80].strip("-") or "lampiran"
    if re.fullmatch(r"v[0-9]+|index|versions", base):
        base = f"lampiran-{base}"  # names the public record keeps for itself
    name, n = f"{base}{ext}", 2
    while name in taken or (folder / name).exists():
        name, n = f"{base}-{n}{ext}", n + 1
    return name


def _title_of(source: Path) -> str:
    """A title from the file's name when none is given: `Siaran Pers TTD`."""
    return re.sub(r"[_\s]+", " ", source.stem).strip() or source.name


def drop_unpublished(newsroom: Newsroom, article: Article, files: set[str]) -> list[str]:
    """Delete from the companion folder the files the release no longer lists (a cancelled
    correction's attachments) that no published version carries; the names deleted."""
    if article.path is None:
        return []
    gone = []
    for file in sorted(files - {a.file for a in article.attachments}):
        if file not in _published_files(newsroom, article, file):
            (companion(newsroom.config, article.path) / file).unlink(missing_ok=True)
            gone.append(file)
    return gone


def _published_files(newsroom: Newsroom, article: Article, unsure: str) -> set[str]:
    """The attachment files a published version of the release carries (with `unsure`
    among them when a kept version cannot be read: then nothing is deleted)."""
    from .versions import versions
    from .view import partner_text

    files = {a.file for a in partner_text(article).attachments} if article.is_live else set()
    try:
        kept = versions(newsroom.config, article, public=False)
    except NewsroomError:
        return files | {unsure}
    return files | {a.file for v in kept for a in v.attachments}


__all__ = ["attach", "detach", "drop_unpublished"]
