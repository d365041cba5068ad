"""What a release's page shows, read from the release: `ReleasePage`, and its `Row` in the
indexes and the lookup.

`release_page` is the one place that reads a release for the pages: the live version
(view.partner_text: the published text while a correction is under way), its body
rendered by the feeds' renderer (the same sanitised HTML partners get), the corrections
published so far, the retraction. The fields the foundation of issue 13 brings (number,
kind, the numbers a klarifikasi denies, attachments) are read where the model has them.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any, NamedTuple

from ..config import Config
from ..feeds.content import XML_ILLEGAL, ImageInfo, body_to_html, image_info
from ..model import Article, Status
from ..view import partner_text

KLARIFIKASI = "klarifikasi"


@dataclass(frozen=True)
class Notice:
    """A correction (numbered from 1) or the retraction (number 0): when, and why."""

    number: int
    at: dt.datetime
    note: str


@dataclass(frozen=True)
class Attachment:
    """A file published with the release."""

    url: str
    title: str
    type: str
    size: int


@dataclass(frozen=True)
class ReleasePage:
    """Everything a release's page shows (times aware, in any zone)."""

    id: str
    slug: str
    language: str
    number: str
    title: str
    summary: str
    dateline: str
    body_html: str  # dateline and sign-off in place, as in the feeds
    categories: tuple[str, ...]
    image: ImageInfo | None
    published: dt.datetime
    updated: dt.datetime
    corrections: tuple[Notice, ...]
    retracted: Notice | None
    kind: str
    denies: tuple[str, ...]
    attachments: tuple[Attachment, ...]

    @property
    def is_klarifikasi(self) -> bool:
        return self.kind == KLARIFIKASI


class Row(NamedTuple):
    """A release as the indexes and the lookup list it (kept between runs: only the pages
    of releases whose row moved are written again)."""

    id: str
    slug: str
    title: str
    number: str
    published: dt.datetime
    month: str  # YYYY-MM in the newsroom's zone
    categories: tuple[str, ...]
    retracted: dt.datetime | None
    corrections: int
    kind: str
    denies: tuple[str, ...]
    summary: str
    path: str  # the article file (a broken one keeps its page: see output.py)


def _clean(text: str) -> str:
    return XML_ILLEGAL.sub("", text)


def release_page(article: Article, config: Config) -> ReleasePage:
    """The page of a published (or retracted) release."""
    live = partner_text(article)
    info = image_info(vars(live.image) if live.image else None, config, _clean)
    assert article.published is not None, "only a published release has a page"
    corrections = tuple(Notice(c.number, c.at, _clean(c.note)) for c in article.corrections)
    retraction = article.retraction if article.status == Status.RETRACTED else None
    retracted = Notice(0, retraction.at, _clean(retraction.note)) if retraction else None
    moments = [article.published, *(c.at for c in corrections)]
    return ReleasePage(
        id=article.id,
        slug=article.slug,
        language=article.language,
        number=_clean(live.release_number),
        title=_clean(live.title),
        summary=_clean(live.summary),
        dateline=_clean(live.dateline),
        body_html=body_to_html(live, config, _clean),
        categories=tuple(_clean(c) for c in live.categories),
        image=info,
        published=article.published,
        updated=max([*moments, *([retracted.at] if retracted else [])]),
        corrections=corrections,
        retracted=retracted,
        kind=str(_field(article, "kind") or ""),
        denies=tuple(_clean(str(n)) for n in (_field(article, "denies") or ())),
        attachments=_attachments(article, config),
    )


def _field(article: Article, name: str) -> Any:
    """A field of the foundation's (kind, denies): on the model once it has it, until
    then as the file wrote it (an unknown key is kept in `extra`)."""
    return getattr(article, name, None) or article.extra.get(name)


def _attachments(article: Article, config: Config) -> tuple[Attachment, ...]:
    """The release's files, once the model carries them (`attachments`)."""
    items: list[Any] = list(getattr(article, "attachments", None) or ())
    if not items:
        return ()
    from ..attachments import public_url  # type: ignore[import-not-found, unused-ignore]

    found = []
    for item in items:
        get = item.get if isinstance(item, dict) else lambda k, o=item: getattr(o, k, "")
        name = str(get("file"))
        title = _clean(str(get("title") or name))
        found.append(Attachment(public_url(config, article, name), title,
                                str(get("type") or ""), int(get("size") or 0)))  # fmt: skip
    return tuple(found)


def row_of(page: ReleasePage, config: Config, path: str) -> Row:
    """The page's line in the indexes and the lookup."""
    local = page.published.astimezone(config.tz)
    return Row(
        id=page.id, slug=page.slug, title=page.title, number=page.number,
        published=page.published.astimezone(dt.UTC), month=f"{local:%Y-%m}",
        categories=page.categories, retracted=page.retracted.at if page.retracted else None,
        corrections=len(page.corrections), kind=page.kind, denies=page.denies,
        summary=page.summary, path=path,
    )  # fmt: skip
