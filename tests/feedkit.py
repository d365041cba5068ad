"""Helpers for feed tests: a small newsroom with releases moved through the real workflow."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from newsroom.core.clock import fixed_clock
from newsroom.core.config import load_config
from newsroom.core.model import Image
from newsroom.core.publish import publish
from newsroom.core.publish_state import PublishResult
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
) -> str:
    """Create, submit and approve (by a second person) a release at `when`."""
    writer = Newsroom.open(root, "ald", fixed_clock(when))
    article = writer.create(
        NewArticle(
            title=title,
            body=body,
            dateline="JAKARTA",
            summary="Ringkasan.",
            categories=[category],
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
