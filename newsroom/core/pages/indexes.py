"""The indexes: the newest releases with the months before them, a month's releases, a
category's newest releases with its years, a category's year. Newest first; a retracted
release stays listed, marked DICABUT (its number and title stay on record).

A month's page and a category's year page change only when one of their releases does:
a new release rewrites its own page, the index, its month, its categories' pages and years.
"""

from __future__ import annotations

from collections.abc import Sequence

from ..config import Config
from .html import document, esc, link, when
from .source import Row
from .urls import (
    INDEX,
    category_key,
    category_path,
    category_year_path,
    month_path,
    page_path,
    url,
)
from .words import month_name, words


def newest_first(rows: Sequence[Row]) -> list[Row]:
    return sorted(rows, key=lambda r: (r.published, r.id), reverse=True)


def render_index(config: Config, newest: Sequence[Row], months: Sequence[tuple[str, int]]) -> bytes:
    """`siaran-pers/`: the newest releases, then every month with how many it holds."""
    w = words(config.language)
    archive = [(url(config, month_path(m)), month_name(m, config.language), n) for m, n in months]
    main = (
        f"<h1>{esc(w['releases'])}</h1>\n<h2>{esc(w['latest'])}</h2>\n"
        + _list(config, newest, summaries=True, level=3)
        + _archive(config, w["months"], archive)
    )
    return document(config, title=w["releases"], canonical=url(config, INDEX), main=main)


def render_month(config: Config, month: str, rows: Sequence[Row]) -> bytes:
    """`siaran-pers/YYYY-MM.html`: the month's releases."""
    w = words(config.language)
    title = w["month_title"].format(month=month_name(month, config.language))
    main = f"<h1>{esc(title)}</h1>\n" + _list(config, rows) + _back(config)
    return document(config, title=title, canonical=url(config, month_path(month)), main=main)


def render_category(
    config: Config, name: str, newest: Sequence[Row], years: Sequence[tuple[str, int]]
) -> bytes:
    """`kategori/<slug>/`: the category's newest releases, then its years."""
    w = words(config.language)
    key = category_key(name)
    title = w["category_title"].format(category=name)
    archive = [(url(config, category_year_path(key, y)), y, n) for y, n in years]
    main = (
        f"<h1>{esc(title)}</h1>\n<h2>{esc(w['latest'])}</h2>\n"
        + _list(config, newest, summaries=True, level=3)
        + _archive(config, w["years"], archive)
    )
    return document(config, title=title, canonical=url(config, category_path(key)), main=main)


def render_category_year(config: Config, name: str, year: str, rows: Sequence[Row]) -> bytes:
    """`kategori/<slug>/YYYY.html`: the category's releases of a year."""
    w = words(config.language)
    title = w["year_title"].format(category=name, year=year)
    canonical = url(config, category_year_path(category_key(name), year))
    main = f"<h1>{esc(title)}</h1>\n" + _list(config, rows) + _back(config)
    return document(config, title=title, canonical=canonical, main=main)


def _list(config: Config, rows: Sequence[Row], summaries: bool = False, level: int = 2) -> str:
    w = words(config.language)
    if not rows:
        return f"<p>{esc(w['none'])}</p>\n"
    items = []
    for row in rows:
        facts = [when(row.published, config)]
        if row.number:
            facts.append(f'<span class="number">{esc(row.number)}</span>')
        if row.kind == "klarifikasi":
            facts.append(esc(w["klarifikasi"]))
        if row.retracted is not None:
            facts.append(f'<span class="mark">{esc(w["retracted"])}</span>')
        elif row.corrections:
            facts.append(f"{esc(w['correction'])} {row.corrections}")
        title = link(url(config, page_path(row.slug)), row.title)
        summary = (
            f"<p>{esc(row.summary)}</p>" if summaries and row.summary and not row.retracted else ""
        )
        items.append(
            f'<li><p class="meta">{" · ".join(facts)}</p>'
            f"<h{level}>{title}</h{level}>{summary}</li>\n"
        )
    return f'<ol class="releases">\n{"".join(items)}</ol>\n'


def _archive(config: Config, heading: str, entries: Sequence[tuple[str, str, int]]) -> str:
    if not entries:
        return ""
    w = words(config.language)
    items = "".join(
        f'<li>{link(href, text)} <span class="meta">({esc(w["count"].format(n=n))})</span></li>\n'
        for href, text, n in entries
    )
    return (
        f'<nav aria-labelledby="arsip"><h2 id="arsip">{esc(heading)}</h2>\n'
        f'<ul class="archive">\n{items}</ul></nav>\n'
    )


def _back(config: Config) -> str:
    w = words(config.language)
    return f"<p>{link(url(config, INDEX), w['all_releases'])}</p>\n"
