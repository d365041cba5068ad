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
from pathlib import Path
from typing import Any, NamedTuple
from urllib.parse import urljoin

import nh3

from ..clock import format_time
from ..config import Config
from ..model import Article
from ..view import PartnerText, partner_text
from ..signoff import signoff_at_end
from .markdown import render as markdown_to_html
from .words import words

# Characters XML 1.0 forbids (word processors paste some of them) and the noncharacters it
# discourages (the writers use one as a mark: plaintext.AMP_MARK); removed, with a note.
XML_ILLEGAL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f\ufdd0-\ufdef\ufffe\uffff\ud800-\udfff]")

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




def local_time(when: dt.datetime, config: Config) -> str:
    """`07-12-2018 15:30 WIB`: a time as Indonesian readers expect it."""
    return format_time(when, config.tz, config.timezone)


class _Cleaner:
    """Strips XML-illegal characters from every text and counts them for a warning."""

    def __init__(self) -> None:
        self.removed = 0

    def __call__(self, text: str) -> str:
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
    return nh3.clean(raw, tags=_TAGS, attributes=_ATTRIBUTES, url_schemes=_SCHEMES,
                     link_rel=None, attribute_filter=absolute)


def article_link(article: Article, config: Config) -> str:
    """The release's page under the base URL, from the configured pattern."""
    when = article.published or article.created or dt.datetime(1970, 1, 1, tzinfo=dt.UTC)
    return config.link_pattern.format(base_url=config.base_url, feeds_url=config.feeds_base,
                                      slug=article.slug, id=article.id, year=f"{when:%Y}",
                                      month=f"{when:%m}")


def image_info(
    image: dict[str, Any] | None, config: Config, clean: Callable[[str], str]
) -> ImageInfo | None:
    """The photo with an absolute URL, its media type and its byte length when the file is local."""
    if not image or not image.get("src"):
        return None
    src = str(image["src"])
    url = urljoin(config.base_url + "/", src)
    length = None
    if not re.match(r"^[a-z]+://", src):
        local = config.root / src.lstrip("/")
        if local.is_file() and local.resolve().is_relative_to(config.root.resolve()):
            length = local.stat().st_size
    kind = mimetypes.guess_type(src)[0] or "image/jpeg"
    return ImageInfo(url, kind, clean(str(image.get("caption", ""))),
                     clean(str(image.get("credit", ""))), clean(str(image.get("alt", ""))), length)


def render_article(article: Article, config: Config) -> Rendered:
    """Render what partners see: the published version while a correction is under way."""
    clean = _Cleaner()
    live = partner_text(article)  # the published version while a correction is under way
    info = image_info(vars(live.image) if live.image else None, config, clean)
    w = words(article.language)
    body_html = body_to_html(live, config, clean)
    corrections = [(f"{w['correction']} {c.number} ({local_time(c.at, config)})", clean(c.note))
                   for c in article.corrections]  # fmt: skip
    correction_html = tuple(f"<p><strong>{html.escape(head)}:</strong> {html.escape(note)}</p>\n"
                            for head, note in corrections)  # fmt: skip
    content = "".join(reversed(correction_html)) + _figure(info, w) + body_html
    retraction = article.retraction
    retraction_html = retraction_text = ""
    if retraction is not None:
        retraction_text = (f"{w['retraction']} ({local_time(retraction.at, config)}): "
                           f"{clean(retraction.note)}")
        retraction_html = (f"<p><strong>{w['retraction']} ({local_time(retraction.at, config)})"
                           f":</strong> {html.escape(clean(retraction.note))}</p>\n")
    warnings: tuple[str, ...] = ()
    if clean.removed:
        warnings = (f"{article.path}: removed {clean.removed} control character(s) that XML "
                    "cannot carry (pasted from a word processor?)",)
    return Rendered(
        id=article.id, title=clean(live.title), link=article_link(article, config),
        summary=clean(live.summary), content_html=content,
        author=clean(live.author), language=article.language,
        categories=tuple(clean(c) for c in live.categories),
        tags=tuple(clean(t) for t in live.tags), image=info,
        retraction_html=retraction_html, retraction_text=retraction_text, warnings=warnings,
        release_number=clean(live.release_number), correction_html=correction_html,
        correction_text=tuple(f"{head}: {note}" for head, note in corrections),
    )


def body_to_html(live: PartnerText, config: Config, clean: Callable[[str], str] = str) -> str:
    """The body as partners read it, in feeds and on the release's page: sanitised HTML
    opening with its dateline (`YOGYAKARTA – `) and closing with its sign-off."""
    body_html = render_markdown(clean(live.body), config.base_url)
    return _with_dateline_and_credit(body_html, clean(live.dateline), clean(live.author),
                                     clean(live.credit))  # fmt: skip


def _figure(info: ImageInfo | None, w: dict[str, str]) -> str:
    if info is None:
        return ""
    alt = html.escape(info.alt or info.caption, quote=True)
    caption = html.escape(info.caption)
    credit = f" <small>({w['photo']}: {html.escape(info.credit)})</small>" if info.credit else ""
    return (f'<figure><img src="{html.escape(info.url, quote=True)}" alt="{alt}">'
            f"<figcaption>{caption}{credit}</figcaption></figure>\n")


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
