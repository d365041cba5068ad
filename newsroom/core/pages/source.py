"""What a release's page shows, read from the release: `ReleasePage`, and its `Row` in the
indexes and the lookup.

`release_page` is the one place that reads a release for the pages, through
`versions.versions` (what every output reads): the live version (the published text while
a correction is under way), its body rendered by the feeds' renderer (the same sanitised
HTML partners get), its number, kind, the numbers a klarifikasi denies, its photo and
attachments at their `public_url`; the versions a correction superseded (each correction's
time and note); the retraction (the text withdrawn); the embargo it went out under (its
lift and each move of it), which the feeds' notices tell of and link to.
"""

from __future__ import annotations

import datetime as dt
from typing import NamedTuple

from ..attachments import photo_attachment, public_url
from ..config import Config
from ..feeds.content import XML_ILLEGAL, ImageInfo, image_info, version_html
from ..model import KLARIFIKASI, Article
from ..records import embargo_again, embargo_moves, embargo_withdrawn, lifted_at
from ..versions import RETRACTED, versions


class Notice(NamedTuple):
    """A correction (numbered from 1) or the retraction (number 0): when, and why."""

    number: int
    at: dt.datetime
    note: str


class Attachment(NamedTuple):
    """A file published with the release."""

    url: str
    title: str
    type: str
    size: int


class ReleasePage(NamedTuple):
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
    # when the embargo it was first published under lifted (None: none), and each move of
    # that embargo before it did: (when, the lift before, the lift after), by number
    lifted: dt.datetime | None = None
    embargo_moves: tuple[tuple[dt.datetime, dt.datetime, dt.datetime], ...] = ()
    # and each time the release held under it was withdrawn: (when, the lift it was held to)
    embargo_withdrawn: tuple[tuple[dt.datetime, dt.datetime], ...] = ()
    # and each time it was held under embargo again after a withdrawal: (the withdrawal's
    # number, when, the lift it was held to again)
    embargo_again: tuple[tuple[int, dt.datetime, dt.datetime], ...] = ()

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
    """The page of a published (or retracted) release, from its published versions
    (versions.py: the one reading every output shares). ArticleError: a kept version file
    is broken (the release keeps the page it had)."""
    kept = versions(config, article)
    assert kept, "only a published release has a page"
    marker = kept[-1] if kept[-1].status == RETRACTED else None
    published = [v for v in kept if v.status != RETRACTED]
    live = published[-1]
    corrections = tuple(Notice(v.version - 1, v.published_at, _clean(v.note))
                        for v in published[1:])  # fmt: skip
    retracted = Notice(0, marker.published_at, _clean(marker.note)) if marker else None
    photo = photo_attachment(live.image, live.attachments)
    image = vars(live.image) if live.image else None
    return ReleasePage(
        id=article.id,
        slug=live.slug,
        language=live.language,
        number=_clean(live.number),
        title=_clean(live.title),
        summary=_clean(live.summary),
        dateline=_clean(live.dateline),
        body_html=version_html(live, config),
        categories=tuple(_clean(c) for c in live.categories),
        image=image_info(image, config, _clean, photo, live.slug),
        published=published[0].published_at,
        updated=kept[-1].published_at,
        corrections=corrections,
        retracted=retracted,
        kind=live.kind,
        denies=tuple(_clean(n) for n in live.denies),
        attachments=tuple(
            Attachment(
                public_url(config, live.slug, a.file), _clean(a.title) or a.file, a.type, a.size
            )
            for a in live.attachments
            if a is not photo
        ),
        lifted=_lifted(article),
        embargo_moves=embargo_moves(article),
        embargo_withdrawn=_withdrawn(article),
        embargo_again=embargo_again(article),
    )


def _lifted(article: Article) -> dt.datetime | None:
    """When the embargo lifted, as the feeds' notice of the lift tells it (feeds/plan.py
    `_notices`, records.lifted_at): its first publication, once the embargo was past or
    taken away."""
    return lifted_at(article.embargo, article.published, embargo_withdrawn(article))


def _withdrawn(article: Article) -> tuple[tuple[dt.datetime, dt.datetime], ...]:
    """The withdrawals of the release held under embargo, as the private feeds told them:
    not the embargo taken away after its last approval (it went out then: its lift)."""
    approved = _approved(article)
    return tuple(w for w in embargo_withdrawn(article) if approved is None or w[0] < approved)


def _approved(article: Article) -> dt.datetime | None:
    return next((h.at for h in reversed(article.history) if h.action == "approve"), None)


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
