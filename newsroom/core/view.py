"""What partners see of a release: one answer for the seals, the feeds, the desk and the CLI.

Two versions of a release can exist at once: while a correction is written and reviewed,
partners still see the published one (kept in `published_version`), and the reviewer must
see the one under review (the fields as they stand, which an approval seals). Everything
that shows or seals a release's text asks here which is which.
"""

from __future__ import annotations

import datetime as dt
from typing import Any, NamedTuple

from .model import KLARIFIKASI, Article, Attachment, Image

# The fields partners see; a correction keeps them as `published_version` while it is
# written and reviewed, and the approval and each publication seal them (seal.py).
SEALED = ("title", "slug", "language", "release_number", "dateline", "author", "credit",
          "summary", "categories", "tags", "image", "embargo", "body")  # fmt: skip
# Fields partners see that are sealed (and kept) only when a release has them, so that every
# seal made before they existed stays valid: the kind (a klarifikasi), the numbers it denies,
# the attachments (file, title, type, size, sha256), the original a translation translates.
SEALED_IF_ANY = ("kind", "denies", "attachments", "translation_of")


class PartnerText(NamedTuple):
    """A release's partner-visible fields, in one version."""

    title: str
    slug: str
    language: str
    release_number: str
    dateline: str
    author: str
    credit: str
    summary: str
    categories: tuple[str, ...]
    tags: tuple[str, ...]
    image: Image | None
    embargo: dt.datetime | None
    body: str
    kind: str = ""
    denies: tuple[str, ...] = ()
    attachments: tuple[Attachment, ...] = ()
    translation_of: str = ""


def partner_text(article: Article, *, live: bool = True) -> PartnerText:
    """`live`: what partners see now (the published version while a correction is under
    way); else the version under review (the fields as they stand)."""
    kept = article.published_version if live else None
    if kept is None:
        return PartnerText(
            article.title, article.slug, article.language, article.release_number,
            article.dateline, article.author, article.credit, article.summary,
            tuple(article.categories), tuple(article.tags), article.image, article.embargo,
            article.body, _kind(article.kind), tuple(article.denies),
            tuple(article.attachments), article.translation_of,
        )  # fmt: skip

    def pick(name: str) -> Any:
        return kept.get(name, getattr(article, name))

    image = kept.get("image")  # a photo the correction added is not live
    return PartnerText(
        str(pick("title")), str(pick("slug")), str(pick("language")),
        str(pick("release_number")), str(pick("dateline")), str(pick("author")),
        str(pick("credit")), str(pick("summary")), tuple(pick("categories") or ()),
        tuple(pick("tags") or ()), Image(**image) if image else None,
        _time(kept["embargo"]) if "embargo" in kept else article.embargo, str(pick("body")),
        # kept only when the published version had them: absent is none (never the
        # correction's, which is not live)
        _kind(str(kept.get("kind") or "")), tuple(kept.get("denies") or ()),
        attachments_of(kept.get("attachments")), str(kept.get("translation_of") or ""),
    )  # fmt: skip


def _kind(kind: str) -> str:
    """The kind as sealed: "klarifikasi", or "" for a press release however it is spelled."""
    return KLARIFIKASI if kind == KLARIFIKASI else ""


def attachments_of(value: Any) -> tuple[Attachment, ...]:
    """Attachments from their kept form (a list of mappings, as a file or a seal has them)."""
    if not value:
        return ()
    return tuple(Attachment(**item) if isinstance(item, dict) else item for item in value)


def attachment_form(attachment: Attachment) -> dict[str, Any]:
    """An attachment as files and seals keep it: file, title, type, size, sha256."""
    return {"file": attachment.file, "title": attachment.title, "type": attachment.type,
            "size": attachment.size, "sha256": attachment.sha256}  # fmt: skip


def sign_off(text: PartnerText) -> str:
    """`(ald/HUMAS MENPANRB)`, from the author and credit, that closes the text; "" when
    there is neither, or the body already ends with a sign-off (never a second one)."""
    from .signoff import signoff_at_end

    signature = "/".join(part for part in (text.author, text.credit) if part)
    if not signature or signoff_at_end(text.body):
        return ""
    return f"({signature})"


def partner_body(text: PartnerText, dateline: str = "") -> str:
    """The body as partners read it (Markdown): the dateline (`dateline`: as the face
    shows it; else the text's) opening it with ` – `, the sign-off closing it, each on the
    first or last paragraph, or in a paragraph of its own before or after a list, a quote
    or code: where the feeds, the pages and the signed texts put them (signoff.apart)."""
    from .signoff import apart

    body = text.body.strip()
    lead_apart, closing_apart = apart(body)
    if text.dateline:
        lead = f"{dateline or text.dateline} –"
        body = f"{lead}\n\n{body}" if lead_apart else f"{lead} {body}"
    if closing := sign_off(text):
        body = f"{body}\n\n{closing}" if closing_apart else f"{body} {closing}"
    return body.strip()


def kept_version(article: Article) -> dict[str, Any]:
    """The fields partners see, as a correction keeps them in `published_version` (every
    sealed field, so nothing of the unapproved text leaks)."""
    text = partner_text(article, live=False)
    version: dict[str, Any] = {name: getattr(text, name) for name in SEALED}
    version["categories"], version["tags"] = list(text.categories), list(text.tags)
    version["image"] = _image(text.image)
    version.update(_if_any(text))
    return version


def _if_any(text: PartnerText) -> dict[str, Any]:
    """The SEALED_IF_ANY fields a version has (none for most releases)."""
    found: dict[str, Any] = {}
    if text.kind:
        found["kind"] = text.kind
    if text.denies:
        found["denies"] = list(text.denies)
    if text.attachments:
        found["attachments"] = [attachment_form(a) for a in text.attachments]
    if text.translation_of:
        found["translation_of"] = text.translation_of
    return found


def sealed_form(text: PartnerText) -> dict[str, Any]:
    """The form a seal's digest is made of (sorted keys, times in UTC, no empty photo)."""
    values: dict[str, Any] = {name: getattr(text, name) for name in SEALED}
    values["categories"], values["tags"] = list(text.categories), list(text.tags)
    values["image"] = _image(text.image)
    values["embargo"] = text.embargo.astimezone(dt.UTC).isoformat() if text.embargo else None
    values.update(_if_any(text))
    return values


def from_sealed_form(values: dict[str, Any]) -> PartnerText:
    """A version's partner-visible fields back from their sealed form (a version file's
    `text`): the inverse of `sealed_form`."""
    image = values.get("image")
    return PartnerText(
        str(values.get("title") or ""), str(values.get("slug") or ""),
        str(values.get("language") or ""), str(values.get("release_number") or ""),
        str(values.get("dateline") or ""), str(values.get("author") or ""),
        str(values.get("credit") or ""), str(values.get("summary") or ""),
        tuple(values.get("categories") or ()), tuple(values.get("tags") or ()),
        Image(**image) if image else None, _time(values.get("embargo")),
        str(values.get("body") or ""), _kind(str(values.get("kind") or "")),
        tuple(values.get("denies") or ()), attachments_of(values.get("attachments")),
        str(values.get("translation_of") or ""),
    )  # fmt: skip


def _image(image: Image | None) -> dict[str, str] | None:
    if image is None:
        return None
    return {k: v for k, v in vars(image).items() if v} or None


def _time(value: Any) -> dt.datetime | None:
    """A kept time: as read back from the file it is text (ISO, with its offset)."""
    if isinstance(value, str) and value:
        return dt.datetime.fromisoformat(value)
    return value if isinstance(value, dt.datetime) else None
