"""New releases: started in memory, written on their first save, or imported from a file.

A plain-text release is read as press offices send them (importer.py); a front-matter
Markdown file keeps its fields but starts over as a draft with a history entry saying so,
so nothing reaches a feed without an approval in this newsroom.
"""

from __future__ import annotations

import datetime as dt
import uuid
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Protocol

from .clock import to_zone
from .config import Config
from .errors import NewsroomError
from .identity import initials_of
from .model import KLARIFIKASI, Article, HistoryEntry, Image, Status
from .slug import slugify

if TYPE_CHECKING:
    from .identity import Actor
    from .index import Index
    from .store import Store


class Newsroom(Protocol):
    """What making a release needs of the newsroom (service.Newsroom is one)."""

    config: Config
    actor: str
    identity: Actor

    @property
    def store(self) -> Store: ...
    def now(self) -> dt.datetime: ...
    def index(self) -> Index: ...
    def may_act(self, action: str) -> None: ...
    def create(self, fields: NewArticle, *, action: str = "create") -> Article: ...


@dataclass
class NewArticle:
    """The fields a person gives when starting a release."""

    title: str
    body: str = ""
    dateline: str = ""
    summary: str = ""
    categories: list[str] = field(default_factory=list)
    tags: list[str] = field(default_factory=list)
    embargo: dt.datetime | None = None
    author: str = ""
    credit: str = ""
    image: Image | None = None
    kind: str = ""  # "klarifikasi", or "" (a press release; "siaran-pers" reads the same)
    denies: list[str] = field(default_factory=list)  # a klarifikasi: numbers it says are forged


def start(newsroom: Newsroom, fields: NewArticle) -> Article:
    """A new draft in memory only (its author the person's initials, its credit the
    office's, its times now)."""
    config, now = newsroom.config, newsroom.now()
    if not fields.title.strip():  # (a file without one reads as broken: nothing edits it)
        raise NewsroomError("a title is required", code="title_required")
    return Article(
        id=str(uuid.uuid4()),
        title=fields.title.strip(),
        slug=slugify(fields.title),
        language=config.language,
        kind=KLARIFIKASI if fields.denies or fields.kind == KLARIFIKASI else "",
        denies=list(fields.denies),
        dateline=fields.dateline.strip().upper(),
        author=fields.author or initials_of(config, newsroom.actor),
        credit=fields.credit or config.credit,
        summary=fields.summary.strip(),
        categories=list(fields.categories),
        tags=list(fields.tags),
        image=fields.image,
        embargo=to_zone(fields.embargo, config.tz) if fields.embargo else None,
        created=now,
        updated=now,
        body=fields.body.strip() + "\n" if fields.body else "",
    )


def start_copy(newsroom: Newsroom, original: Article, language: str) -> Article:
    """A translation's first draft (translations.py): the original's text to translate,
    in `language`, its author the person starting it, saved at once."""
    import copy

    from .attachments import photo_attachment

    config, now = newsroom.config, newsroom.now()
    image = copy.copy(original.image)
    if image is not None and photo_attachment(image, original.attachments) is not None:
        image.src = ""  # the original's own file: the translation attaches its photo itself
    taken = {r.slug for r in newsroom.index().records.values()}
    article = Article(
        id=str(uuid.uuid4()),
        title=original.title,
        slug=unique_slug(f"{original.slug}-{language.lower()}"[:120].strip("-"), taken),
        language=language,
        translation_of=original.id,
        kind=original.kind,
        denies=list(original.denies),
        dateline=original.dateline,
        author=initials_of(config, newsroom.actor),
        credit=original.credit,
        summary=original.summary,
        categories=list(original.categories),
        tags=list(original.tags),
        image=image,
        created=now,
        updated=now,
        body=original.body,
    )
    newsroom.may_act("create")
    entry = HistoryEntry(now, newsroom.actor, "create", None, Status.DRAFT,
                         via=newsroom.identity.via)  # fmt: skip
    article.history.append(entry)
    newsroom.store.save(article)
    return article


def save_new(newsroom: Newsroom, article: Article, action: str) -> Article:
    """Write a release started with `start` for the first time: its slug (from the title as
    it is now) made unique, its creation in the history."""
    now = newsroom.now()
    taken = {r.slug for r in newsroom.index().records.values()}
    article.slug = unique_slug(slugify(article.title) or article.slug, taken)
    article.created = article.updated = now
    entry = HistoryEntry(now, newsroom.actor, action, None, Status.DRAFT, via=newsroom.identity.via)
    article.history.append(entry)
    try:
        newsroom.store.save(article)
    except NewsroomError:
        article.history.pop()  # not written: the next try starts clean
        raise
    return article


def unique_slug(base: str, taken: set[str]) -> str:
    """`base`, or `base-2`, `base-3`... whichever no release has."""
    slug, n = base, 2
    while slug in taken:
        slug, n = f"{base}-{n}", n + 1
    return slug


def import_file(newsroom: Newsroom, path: Path, title: str | None = None) -> Article:
    """Import a plain-text release or a front-matter Markdown file as a new draft."""
    from .importer import parse_plain

    try:
        text = path.read_text(encoding="utf-8")
    except UnicodeDecodeError:
        raise NewsroomError(f"{path}: not UTF-8 text (save it as UTF-8 and try again)") from None
    except OSError as exc:
        raise NewsroomError(f"{path}: cannot read: {exc.strerror}") from None
    if text.lstrip("\ufeff").startswith("---"):
        return _import_markdown(newsroom, path, text)
    plain = parse_plain(text)
    # The photo of a press office's release is its own unless it says otherwise: the credit
    # line is the first guess for the photo credit (editable; the checklist shows it).
    image = Image(caption=plain.caption, credit=plain.credit) if plain.caption else None
    fields = NewArticle(
        title=title or plain.title,
        body=plain.body,
        dateline=plain.dateline,
        summary=plain.summary,
        author=plain.author,
        credit=plain.credit,
        image=image,
    )
    return newsroom.create(fields, action="import")


def _import_markdown(newsroom: Newsroom, path: Path, text: str) -> Article:
    from . import fileformat

    newsroom.may_act("import")
    article = fileformat.parse(text, path, newsroom.config.tz)
    index = newsroom.index()
    if article.id in index.records:
        article.id = str(uuid.uuid4())
    article.slug = unique_slug(article.slug, {r.slug for r in index.records.values()})
    now = newsroom.now()
    article.created = article.created or now
    # An imported release starts over as a draft: nothing reaches a feed unapproved.
    previous, article.status, article.published_version = article.status, Status.DRAFT, None
    via = newsroom.identity.via
    article.history.append(
        HistoryEntry(now, newsroom.actor, "import", previous, Status.DRAFT, via=via)
    )
    article.path = article.source = None
    newsroom.store.save(article)
    return article
