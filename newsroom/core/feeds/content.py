"""What partners read: a release rendered to sanitised HTML with absolute URLs.

The content opens with any correction notices and the photo, then the body
with its dateline as written in the release ("YOGYAKARTA – ...") and closes
with the credit line "(ald/HUMAS MENPANRB)".
"""

from __future__ import annotations

import datetime as dt
import html
import mimetypes
import re
from collections.abc import Callable
from functools import lru_cache
from typing import TYPE_CHECKING, Any, NamedTuple
from urllib.parse import urljoin

import nh3

from ..attachments import photo_attachment, public_url
from ..clock import format_time
from ..config import Config
from ..model import Article, Attachment
from ..signoff import signoff_at_end
from ..view import PartnerText, partner_text
from .markdown import render as markdown_to_html
from .words import words

if TYPE_CHECKING:
    from ..versions import Version

# Characters XML 1.0 forbids (word processors paste some of them) and the noncharacters it
# discourages (the writers use one as a mark: plaintext.AMP_MARK); removed, with a note.
XML_ILLEGAL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f\ufdd0-\ufdef\ufffe\uffff\ud800-\udfff]")
# The ASCII characters XML_ILLEGAL leaves (deleted from a text's bytes, nothing must remain)
_XML_ASCII = b"\t\n\r" + bytes(range(0x20, 0x7F))

_TAGS = {"p", "br", "strong", "em", "b", "i", "a", "ul", "ol", "li", "blockquote", "h2", "h3",
         "h4", "h5", "h6", "code", "pre", "hr", "img", "figure", "figcaption", "small"}  # fmt: skip
_ATTRIBUTES = {"a": {"href", "title"}, "img": {"src", "alt", "title"}}
_SCHEMES = {"http", "https", "mailto"}


class ImageInfo(NamedTuple):
    """The photo as feeds describe it."""

    url: str
    type: str
    caption: str
    credit: str
    alt: str
    length: int | None


class FileInfo(NamedTuple):
    """An attachment as feeds carry it (an enclosure): its absolute URL, type, length, title."""

    url: str
    type: str
    length: int
    title: str


class Rendered(NamedTuple):
    """A release's partner-facing text, rendered once and cached by the file's digest."""

    id: str
    title: str
    link: str
    summary: str
    content_html: str
    author: str
    language: str
    categories: tuple[str, ...]
    tags: tuple[str, ...]
    image: ImageInfo | None
    retraction_html: str
    retraction_text: str
    warnings: tuple[str, ...]
    release_number: str = ""
    correction_html: tuple[str, ...] = ()  # each published correction's notice, by number
    correction_text: tuple[str, ...] = ()  # the same as plain text
    attachments: tuple[FileInfo, ...] = ()  # the attachments but the photo
    kind: str = ""  # "klarifikasi", or "" for a press release
    denies: tuple[str, ...] = ()  # a klarifikasi: the numbers it denies


def local_time(when: dt.datetime, config: Config) -> str:
    """`07-12-2018 15:30 WIB`: a time as Indonesian readers expect it."""
    return format_time(when, config.tz, config.timezone)


def lift_time(lift: dt.datetime, config: Config) -> str:
    """`22-12-2026 09:00 WIB (02:00 UTC)`: an embargo's lift as partners read it, in the
    newsroom's zone and in UTC (an agency's desk may sit in another zone). The UTC part
    carries its date when it falls on another day: `03-12-2026 00:09 WIB (02-12-2026 17:09
    UTC)`, not a time that reads as the wrong day's."""
    utc = lift.astimezone(dt.UTC)
    shown = f"{utc:%H:%M}"
    if utc.date() != lift.astimezone(config.tz).date():
        shown = f"{utc:%d-%m-%Y} {shown}"
    return f"{local_time(lift, config)} ({shown} UTC)"


class _Cleaner:
    """Strips XML-illegal characters from every text and counts them for a warning."""

    def __init__(self) -> None:
        self.removed = 0

    def __call__(self, text: str) -> str:
        if text.isascii() and not text.encode("ascii").translate(None, _XML_ASCII):
            return text  # (the usual text: a byte table, not the pattern at every character)
        cleaned, count = XML_ILLEGAL.subn("", text)
        self.removed += count
        return cleaned


def render_markdown(body: str, base_url: str) -> str:
    """Markdown to sanitised HTML with every link and image URL made absolute."""

    def absolute(tag: str, attribute: str, value: str) -> str | None:
        if attribute in ("href", "src"):
            return urljoin(base_url + "/", value)
        return value

    raw = markdown_to_html(body)
    return nh3.clean(
        raw,
        tags=_TAGS,
        attributes=_ATTRIBUTES,
        url_schemes=_SCHEMES,
        link_rel=None,
        attribute_filter=absolute,
    )


def article_link(article: Article, config: Config) -> str:
    """The release's page under the base URL, from the configured pattern."""
    when = article.published or article.created or dt.datetime(1970, 1, 1, tzinfo=dt.UTC)
    return config.link_pattern.format(
        base_url=config.base_url,
        feeds_url=config.feeds_base,
        slug=article.slug,
        id=article.id,
        year=f"{when:%Y}",
        month=f"{when:%m}",
    )


def image_info(
    image: dict[str, Any] | None,
    config: Config,
    clean: Callable[[str], str],
    photo: Attachment | None = None,
    slug: str = "",
) -> ImageInfo | None:
    """The photo with an absolute URL, its media type and its byte length when the file is
    local (`photo`: the attachment it is, served from the public record)."""
    if not image or not image.get("src"):
        return None
    src = str(image["src"])
    caption, credit = clean(str(image.get("caption", ""))), clean(str(image.get("credit", "")))
    alt = clean(str(image.get("alt", "")))
    if photo is not None:
        return ImageInfo(public_url(config, slug, photo.file), photo.type, caption, credit, alt,
                         photo.size)  # fmt: skip
    url = urljoin(config.base_url + "/", src)
    length = None
    if not re.match(r"^[a-z]+://", src):
        local = config.root / src.lstrip("/")
        if local.is_file() and local.resolve().is_relative_to(config.root.resolve()):
            length = local.stat().st_size
    kind = mimetypes.guess_type(src)[0] or "image/jpeg"
    return ImageInfo(url, kind, caption, credit, alt, length)


def render_article(article: Article, config: Config) -> Rendered:
    """Render what partners see: the published version while a correction is under way."""
    clean = _Cleaner()
    live = partner_text(article)  # the published version while a correction is under way
    photo = photo_attachment(live.image, live.attachments)
    info = image_info(vars(live.image) if live.image else None, config, clean, photo, live.slug)
    files = tuple(
        FileInfo(public_url(config, live.slug, a.file), a.type, a.size, clean(a.title) or a.file)
        for a in live.attachments if a is not photo
    )  # fmt: skip
    w = words(article.language)
    body_html = _text_html(live, config, clean)
    corrections = [(f"{w['correction']} {c.number} ({local_time(c.at, config)})", clean(c.note))
                   for c in article.corrections]  # fmt: skip
    correction_html = tuple(f"<p><strong>{html.escape(head)}:</strong> {html.escape(note)}</p>\n"
                            for head, note in corrections)  # fmt: skip
    number = clean(live.release_number)
    head = _number_html(number, w) + _denies_html(live, w, clean)
    content = (head + "".join(reversed(correction_html)) + _figure(info, w) + body_html
               + _files_html(files, w))  # fmt: skip
    retraction = article.retraction
    retraction_html = retraction_text = ""
    if retraction is not None:
        retraction_text = (
            f"{w['retraction']} ({local_time(retraction.at, config)}): {clean(retraction.note)}"
        )
        retraction_html = (
            f"<p><strong>{w['retraction']} ({local_time(retraction.at, config)})"
            f":</strong> {html.escape(clean(retraction.note))}</p>\n"
        )
        retraction_html = _number_html(number, w) + retraction_html
    warnings: tuple[str, ...] = ()
    if clean.removed:
        from ..errors import Said

        warnings = (Said(
            f"{article.path}: removed {clean.removed} control character(s) that XML "
            "cannot carry (pasted from a word processor?)",
            "control_characters", path=article.path, n=clean.removed,
        ),)  # fmt: skip
    return Rendered(
        id=article.id,
        title=clean(live.title),
        link=article_link(article, config),
        summary=clean(live.summary),
        content_html=content,
        author=clean(live.author),
        language=article.language,
        categories=tuple(clean(c) for c in live.categories),
        tags=tuple(clean(t) for t in live.tags),
        image=info,
        retraction_html=retraction_html,
        retraction_text=retraction_text,
        warnings=warnings,
        release_number=number,
        correction_html=correction_html,
        correction_text=tuple(f"{head}: {note}" for head, note in corrections),
        attachments=files,
        kind=live.kind,
        denies=tuple(clean(d) for d in live.denies),
    )


def version_html(version: Version, config: Config) -> str:
    """A published version's body as partners read it in the feeds (`text_html`); "" when
    its text is withdrawn or was not kept."""
    return text_html(version.as_text(), config) if version.body else ""


def text_html(text: PartnerText, config: Config) -> str:
    """A version's body as the feeds render it: sanitised HTML with absolute links, opened
    by its dateline and closed by its sign-off (versions.py asks for it)."""
    return _text_html(text, config, _Cleaner())


def _text_html(text: PartnerText, config: Config, clean: _Cleaner) -> str:
    made, removed = _body_html(text.body, text.dateline, text.author, text.credit,
                               config.base_url)  # fmt: skip
    clean.removed += removed
    return made


# A first publish renders each release's body three times from the same text (its feed
# entry, its page, its ninjs document), on the same reading worker one after the other:
# the last few are kept (bench: benchmarks/bench_phases.py, reading 3,000 releases, -9 % CPU).
@lru_cache(maxsize=4)
def _body_html(body: str, dateline: str, author: str, credit: str, base: str) -> tuple[str, int]:
    """A body's HTML with its dateline and sign-off, and how many characters were removed."""
    clean = _Cleaner()
    body_html = render_markdown(clean(body), base)
    made = _with_dateline_and_credit(body_html, clean(dateline), clean(author), clean(credit))
    return made, clean.removed


def _number_html(number: str, w: dict[str, str]) -> str:
    """The release number as the paper release shows it under its heading: "Nomor: ..."."""
    if not number:
        return ""
    return f"<p><strong>{w['number_label']}:</strong> {html.escape(number)}</p>\n"


def _denies_html(text: PartnerText, w: dict[str, str], clean: _Cleaner) -> str:
    """A klarifikasi says which numbers it denies, before anything else."""
    if not text.denies:
        return ""
    numbers = ", ".join(html.escape(clean(d)) for d in text.denies)
    return f"<p><strong>{w['klarifikasi']}:</strong> {numbers}</p>\n"


def _files_html(files: tuple[FileInfo, ...], w: dict[str, str]) -> str:
    """The attachments, listed after the text with their type and size (readers that show
    no enclosure still offer them)."""
    if not files:
        return ""
    items = "".join(
        f'<li><a href="{html.escape(f.url, quote=True)}">{html.escape(f.title)}</a> '
        f"({html.escape(short_type(f.type))}, {human_size(f.length)})</li>\n"
        for f in files
    )
    return f"<p><strong>{w['attachments']}:</strong></p>\n<ul>\n{items}</ul>\n"


def short_type(kind: str) -> str:
    """A media type as people name it: PDF, JPEG, DOCX..."""
    from ..attachment_types import EXTENSIONS

    ext = next((e for e, k in EXTENSIONS.items() if k == kind), "")
    return ext.lstrip(".").upper() or kind


def human_size(size: int) -> str:
    """245 KB, 1.2 MB: a file's size as people read it (decimal units)."""
    if size < 1000:
        return f"{size} B"
    if size < 1_000_000:
        return f"{round(size / 1000)} KB"
    return f"{size / 1_000_000:.1f} MB"


def _figure(info: ImageInfo | None, w: dict[str, str]) -> str:
    if info is None:
        return ""
    alt = html.escape(info.alt or info.caption, quote=True)
    caption = html.escape(info.caption)
    credit = f" <small>({w['photo']}: {html.escape(info.credit)})</small>" if info.credit else ""
    return (
        f'<figure><img src="{html.escape(info.url, quote=True)}" alt="{alt}">'
        f"<figcaption>{caption}{credit}</figcaption></figure>\n"
    )


def _with_dateline_and_credit(body_html: str, dateline: str, author: str, credit: str) -> str:
    """Open the first paragraph with `CITY – ` and close the last with `(author/CREDIT)`."""
    if dateline:
        lead = f"{html.escape(dateline)} – "
        if body_html.startswith("<p>"):
            body_html = "<p>" + lead + body_html[3:]
        else:
            body_html = f"<p>{lead}</p>\n" + body_html
    signature = "/".join(part for part in (author, credit) if part)
    if signature and not signoff_at_end(body_html):  # a text that ends with one gets no second
        tail = f" ({html.escape(signature)})"
        if body_html.endswith("</p>\n"):
            body_html = body_html[: -len("</p>\n")] + tail + "</p>\n"
        else:
            body_html += f"<p>{tail.strip()}</p>\n"
    return body_html
