"""Helpers for feed tests: a small newsroom with releases moved through the real workflow."""

from __future__ import annotations

import datetime as dt
import json
from html.parser import HTMLParser
from pathlib import Path
from typing import Any, NamedTuple

import feedparser
import pytest

from newsroom.core.clock import fixed_clock
from newsroom.core.config import load_config
from newsroom.core.model import Image
from newsroom.core.outputs import PublishResult
from newsroom.core.publish import publish
from newsroom.core.service import NewArticle, Newsroom

WIB = dt.timezone(dt.timedelta(hours=7))
T0 = dt.datetime(2026, 6, 1, 9, tzinfo=WIB)
SCHEMA = Path(__file__).resolve().parent.parent.parent / "shared" / "schemas" / "atom.rng"


def at(days: float) -> dt.datetime:
    return T0 + dt.timedelta(days=days)


def configure(root: Path, limit: int = 50, extra: str = "") -> None:
    text = (root / "newsroom.toml").read_text()
    text = text.replace("limit = 50", f"limit = {limit}")
    text = text.replace(
        '# feeds_url = "https://humas.example.go.id/feeds"', 'feeds_url = "http://127.0.0.1:8080"'
    )
    text += '\n[[partners]]\nname = "antara"\ntitle = "LKBN ANTARA"\nembargo_access = true\n'
    text += '\n[[partners]]\nname = "pemilu"\ntitle = "Mitra Pemilu"\ncategories = ["Pemilu"]\n'
    (root / "newsroom.toml").write_text(text + extra)


def release(
    root: Path,
    when: dt.datetime,
    title: str,
    *,
    category: str = "Ekonomi",
    body: str = "Paragraf **satu** [tautan](/hal/1).\n\nParagraf dua.",
    image: Image | None = None,
    embargo: dt.datetime | None = None,
    approve: bool = True,
    summary: str = "Ringkasan.",
    tags: tuple[str, ...] = (),
) -> str:
    """Create, submit and approve (by a second person) a release at `when`."""
    writer = Newsroom.open(root, "ald", fixed_clock(when))
    article = writer.create(
        NewArticle(
            title=title,
            body=body,
            dateline="JAKARTA",
            summary=summary,
            categories=[category],
            tags=list(tags),
            author="ald",
            credit="HUMAS UJI",
            image=image,
        )
    )
    writer.act(article.id, "submit")
    if approve:
        Newsroom.open(root, "nur", fixed_clock(when)).act(article.id, "approve", embargo=embargo)
    return article.id


def run(root: Path, when: dt.datetime, dry_run: bool = False) -> PublishResult:
    return publish(load_config(root), "cron", when, dry_run=dry_run)


def feed_files(root: Path) -> dict[str, bytes]:
    return {
        str(p.relative_to(root / "feeds")): p.read_bytes()
        for p in sorted((root / "feeds").rglob("*"))
        if p.is_file()
    }


def correct(root: Path, ident: str, when: dt.datetime, note: str, body: str) -> None:
    """Start a correction at `when`, put in `body`, submit, approve (a second person)."""
    submit_correction(root, ident, when, note, body)
    Newsroom.open(root, "nur", fixed_clock(when)).act(ident, "approve")


def submit_correction(root: Path, ident: str, when: dt.datetime, note: str, body: str) -> None:
    """Start a correction at `when`, put in `body`, submit it for review (as ald)."""
    writer = Newsroom.open(root, "ald", fixed_clock(when))
    writer.act(ident, "correct", note=note)
    article = writer.find(ident)
    article.body = body
    writer.save_edit(article)
    writer.act(ident, "submit")


def retract(root: Path, ident: str, when: dt.datetime, reason: str) -> None:
    Newsroom.open(root, "ald", fixed_clock(when)).act(ident, "retract", note=reason)


# ---------------------------------------------------------------- partners' software


class Item(NamedTuple):
    """A feed item as partner software keeps it: plain-text title, HTML content."""

    id: str
    link: str
    title: str
    content: str
    date: dt.datetime


class _Text(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []

    def handle_data(self, data: str) -> None:
        self.parts.append(data)


def html_to_text(value: str) -> str:
    """What a reader shows of an HTML text construct: the text, tags gone, entities read."""
    parser = _Text()
    parser.feed(value)
    parser.close()
    return "".join(parser.parts)


def _plain(detail: Any, value: str) -> str:
    """feedparser says whether it read a text as HTML; a careful reader goes by that."""
    kind = getattr(detail, "type", "text/plain") if detail is not None else "text/plain"
    return html_to_text(value) if "html" in kind else value


def read_items(path: Path) -> list[Item]:
    """The items of a subscription document, in document order (feedparser, or JSON)."""
    if path.suffix == ".json":
        feed = json.loads(path.read_text(encoding="utf-8"))
        return [
            Item(i["id"], i["url"], i["title"], i["content_html"],
                 dt.datetime.fromisoformat(i["date_published"]))
            for i in feed["items"]
        ]  # fmt: skip
    parsed = feedparser.parse(path.read_bytes())
    assert parsed.bozo == 0, (path, parsed.get("bozo_exception"))
    items = []
    for e in parsed.entries:
        stamp = e.get("published_parsed") or e.get("updated_parsed")
        content = e.content[0].value if e.get("content") else e.get("summary", "")
        items.append(Item(e.id, e.link, _plain(e.get("title_detail"), e.title), content,
                          dt.datetime(*stamp[:6], tzinfo=dt.UTC)))  # fmt: skip
    return items


class AddOnly:
    """An importer that adds an item it has not seen and never changes one it has (WordPress
    importers, agency ingesters): keyed by guid, or (WP RSS Aggregator) by link."""

    def __init__(self, key: str = "id") -> None:
        self.key = key
        self.held: dict[str, Item] = {}

    def take(self, items: list[Item]) -> None:
        for item in items:
            self.held.setdefault(getattr(item, self.key), item)


class Updating:
    """A reader that keeps one item per guid and replaces it with what the feed says now."""

    def __init__(self) -> None:
        self.held: dict[str, Item] = {}

    def take(self, items: list[Item]) -> None:
        self.held.update((item.id, item) for item in items)


def set_limit(root: Path, limit: int, extra: str = "") -> None:
    """Change `[feeds] limit` of a configured newsroom (and add `extra` to the last partner)."""
    config = root / "newsroom.toml"
    config.write_text(config.read_text().replace("limit = 50", f"limit = {limit}") + extra)


def check_json_feed(path: Path) -> None:
    """What JSON Feed 1.1 requires (and 1.0 readers need) of a document, checked by hand:
    there is no JSON Feed validator in a package registry worth pinning."""
    feed = json.loads(path.read_text(encoding="utf-8"))
    assert feed["version"] == "https://jsonfeed.org/version/1.1", path
    assert isinstance(feed["title"], str) and feed["title"], path
    assert feed["author"] == feed["authors"][0] and feed["author"]["name"], path
    assert feed.get("next_url") != feed["feed_url"], path
    ids = [item["id"] for item in feed["items"]]
    assert len(ids) == len(set(ids)) and all(isinstance(i, str) and i for i in ids), path
    for item in feed["items"]:
        assert item.get("content_html") or item.get("content_text"), (path, item["id"])
        assert item["url"].startswith(("https://", "http://")), (path, item["id"])  # absolute
        for key in ("date_published", "date_modified"):
            assert dt.datetime.fromisoformat(item[key]).tzinfo is not None, (path, key)
        if "author" in item:
            assert item["authors"] == [item["author"]], (path, item["id"])


@pytest.fixture
def newsroom_root(root: Path) -> Path:
    """A newsroom with the two partners and a photo on disk."""
    configure(root)
    (root / "images").mkdir()
    (root / "images" / "foto.jpg").write_bytes(b"\xff\xd8\xff" + b"0" * 2045)
    return root


def parse(path: Path) -> feedparser.FeedParserDict:
    """A feed file read by feedparser, which must find nothing wrong with it."""
    parsed = feedparser.parse(path.read_bytes())
    assert parsed.bozo == 0, (path, parsed.get("bozo_exception"))
    return parsed


def published_article(ident: str, title: str, slug: str, when: dt.datetime, **fields: Any) -> Any:
    """A release as the workflow leaves it once published (sealed approval and publication),
    made directly: many of them in a test would take seconds through the workflow."""
    from newsroom.core.model import Article, HistoryEntry
    from newsroom.core.seal import content_of, digest

    article = Article(id=ident, title=title, slug=slug, status="published", body="Isi.\n",
                      created=when, published=when, **fields)  # fmt: skip
    seal = digest(content_of(article))
    article.history = [
        HistoryEntry(when, "ald", "create", None, "draft"),
        HistoryEntry(when, "ald", "submit", "draft", "in_review"),
        HistoryEntry(when, "nur", "approve", "in_review", "approved", seal=seal),
        HistoryEntry(when, "cron", "publish", "approved", "published", seal=seal, version=1),
    ]
    return article
