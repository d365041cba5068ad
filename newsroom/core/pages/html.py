"""The shell every page of the public record shares, and small pieces of markup.

Plain functions that return text; every value that comes from a release or the config
goes through `esc` (text) or `attr` (an attribute) on its way in. A release's body comes
already sanitised from the feeds' renderer (feeds/content.py) and is not escaped again.
"""

from __future__ import annotations

import datetime as dt
import html
import json
from typing import Any

from ..clock import format_time
from ..config import Config
from .style import CSS
from .urls import INDEX, LOOKUP, url
from .words import language_of, words


def esc(text: str) -> str:
    return html.escape(text, quote=False)


def attr(text: str) -> str:
    return html.escape(text, quote=True)


def link(href: str, text: str) -> str:
    return f'<a href="{attr(href)}">{esc(text)}</a>'


def when(moment: dt.datetime, config: Config) -> str:
    """`<time datetime="2018-12-07T15:30:00+07:00">07-12-2018 15:30 WIB</time>`."""
    local = moment.astimezone(config.tz)
    shown = format_time(moment, config.tz, config.timezone)
    return f'<time datetime="{local.isoformat()}">{esc(shown)}</time>'


def json_ld(data: dict[str, Any]) -> str:
    """A JSON-LD block that no text in it can close early (`</script>`, `<!--`)."""
    text = json.dumps(data, ensure_ascii=False, sort_keys=True, separators=(",", ":"))
    text = text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")
    text = text.replace("\u2028", "\\u2028").replace("\u2029", "\\u2029")
    return f'<script type="application/ld+json">{text}</script>\n'


def meta(prop: str, content: str, key: str = "property") -> str:
    return f'<meta {key}="{attr(prop)}" content="{attr(content)}">\n'


def contact_block(config: Config) -> str:
    """The office's contact lines (`[pages] contact`), or its name alone."""
    w = words(config.language)
    lines = [line.strip() for line in config.contact.splitlines() if line.strip()]
    if not lines:
        lines = [config.publisher or config.title]
    body = "<br>\n".join(esc(line) for line in lines)
    return f'<h2 id="kontak">{esc(w["contact"])}</h2>\n<address>{body}</address>\n'


def document(
    config: Config,
    *,
    title: str,
    canonical: str,
    main: str,
    description: str = "",
    head: str = "",
    feed: str = "rss.xml",
) -> bytes:
    """A whole page: head (title, description, canonical, what `head` adds), the site's
    header and navigation, `main`, the contact block; `feed`: the RSS feed it points to
    (a release in another language than the newsroom's: its language's, `en/rss.xml`)."""
    w = words(config.language)
    site = config.publisher or config.title
    lang = language_of(config.language)  # the chrome's; a release's text says its own
    described = meta("description", description, "name") if description else ""
    nav = "".join(
        f"<li>{link(href, text)}</li>"
        for href, text in (
            (url(config, INDEX), w["releases"]),
            (url(config, LOOKUP), w["lookup_nav"]),
            (f"{config.feeds_base}/{feed}", w["feed"]),
        )
    )
    page = (
        f'<!DOCTYPE html>\n<html lang="{attr(lang)}">\n<head>\n<meta charset="utf-8">\n'
        '<meta name="viewport" content="width=device-width, initial-scale=1">\n'
        f"<title>{esc(title)} · {esc(site)}</title>\n{described}"
        f'<link rel="canonical" href="{attr(canonical)}">\n'
        f'<link rel="alternate" type="application/rss+xml" title="{attr(site)}" '
        f'href="{attr(config.feeds_base)}/{attr(feed)}">\n'
        f"{head}<style>\n{CSS}</style>\n</head>\n<body>\n"
        f'<a class="skip" href="#isi">{esc(w["skip"])}</a>\n'
        f'<header class="site-head"><div class="wrap">\n'
        f'<p class="site-name">{link(url(config, INDEX), site)}</p>\n'
        f'<nav aria-label="{attr(w["site_nav"])}"><ul>{nav}</ul></nav>\n'
        "</div></header>\n"
        f'<main id="isi" class="wrap">\n{main}</main>\n'
        f'<footer class="site-foot"><div class="wrap">\n{contact_block(config)}</div></footer>\n'
        "</body>\n</html>\n"
    )
    return page.encode("utf-8")
