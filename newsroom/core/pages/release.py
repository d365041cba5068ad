"""A release's page: what it is (number, title, date and time, dateline, photo, body,
sign-off, categories, attachments, corrections, the embargo it went out under), for people
and for machines (schema.org NewsArticle in JSON-LD, OpenGraph, the canonical link). A
retracted release keeps its number and title and says DICABUT, when and why, above its
corrections and embargo as they happened; its text, photo and files are withdrawn.

Each event a feed's notice item links to has its element here, with the notice's fragment
as its id (feeds/notices.py: `#ralat-1`, `#dicabut`, `#embargo`, `#embargo-diubah-1`).
"""

from __future__ import annotations

from dataclasses import replace
from typing import Any

from ..config import Config
from ..feeds.content import human_size, short_type
from ..translations import language_name
from .html import attr, document, esc, json_ld, link, meta, when
from .source import ReleasePage
from .urls import (
    category_key,
    category_path,
    number_paged,
    number_shown_url,
    number_url,
    page_path,
    url,
)
from .words import WORDS, language_of, words

OG_LOCALES = {"id": "id_ID", "en": "en_US"}
# The other releases of a pair (a translation's original, an original's translations)
# that have a page: (language, slug, is the original), as the pages output finds them.
Alternate = tuple[str, str, bool]


def render_release(
    page: ReleasePage, config: Config, signed: bool = False, alternates: tuple[Alternate, ...] = ()
) -> bytes:
    """The whole page of a release; `signed`: the newsroom signs each version's text
    (signing/texts.py), so the page links them and says how to check them; `alternates`:
    the same release in other languages, linked (`hreflang`) in the head and visibly.

    A release in English on an Indonesian newsroom's record (a translation) reads in
    English around it too (`<html lang="en">`, its labels), and the other way round."""
    feed = "rss.xml"
    if page.language != config.language:  # its language's feed (feeds/plan.py)
        feed = f"{page.language}/rss.xml"
    if language_of(page.language) != language_of(config.language):
        config = replace(config, language=page.language)
    canonical = url(config, page_path(page.slug))
    main = _article(page, config)
    if alternates:
        main = main.replace("</header>\n", "</header>\n" + _languages(page, config, alternates), 1)
    if signed:
        main = main.replace("</article>\n", _authenticity(page, config) + "</article>\n")
    head = _machine_head(page, config, canonical)
    if alternates:
        links = [(page.language, canonical)]
        links += [(lang, url(config, page_path(slug))) for lang, slug, _ in alternates]
        head = "".join(f'<link rel="alternate" hreflang="{attr(lang)}" href="{attr(href)}">\n'
                       for lang, href in links) + head  # fmt: skip
    return document(
        config,
        title=page.title,
        canonical=canonical,
        main=main,
        description=page.summary if page.retracted is None else "",
        head=head,
        feed=feed,
    )


def _languages(page: ReleasePage, config: Config, alternates: tuple[Alternate, ...]) -> str:
    """`Baca dalam bahasa lain: English` under the title, each name in its own language."""
    w = words(config.language)
    items = []
    for lang, slug, original in alternates:
        mark = f" ({esc(w['original'])})" if original else ""
        href = url(config, page_path(slug))
        items.append(f'<a href="{attr(href)}" hreflang="{attr(lang)}" lang="{attr(lang)}">'
                     f"{esc(language_name(lang))}</a>{mark}")  # fmt: skip
    return f'<p class="translations">{esc(w["translations"])}: {" · ".join(items)}</p>\n'


def _article(page: ReleasePage, config: Config) -> str:
    w = words(config.language)
    lang = f' lang="{attr(page.language)}"' if page.language != language_of(config.language) else ""
    parts = [f"<article{lang}>\n<header>\n{_kicker(page, config)}<h1>{esc(page.title)}</h1>\n",
             _meta_line(page, config), "</header>\n"]  # fmt: skip
    if page.retracted is not None:  # (its history stays: partners' readers hold notices
        parts.append(_retraction(page, config))  # linking `#ralat-1` and `#embargo`)
        parts.append(_corrections(page, config))
        parts.append(_embargo(page, config))
    else:
        parts.append(_corrections(page, config))
        if page.is_klarifikasi and page.denies:
            parts.append(_denies(page, config))
        parts.append(_figure(page, config))
        parts.append(f'<div class="body">\n{page.body_html}</div>\n')
        parts.append(_attachments(page, config))
        parts.append(_embargo(page, config))
    if page.number and number_paged(page.number):
        href, shown = number_url(config, page.number), number_shown_url(config, page.number)
        parts.append(f'<p class="verify">{esc(w["verify"])} {link(href, shown)}</p>\n')
    parts.append("</article>\n")
    return "".join(parts)


def _kicker(page: ReleasePage, config: Config) -> str:
    """`SIARAN PERS · Nomor: B-001/HUMAS/XII/2018` above the title."""
    w = words(config.language)
    kind = w["klarifikasi"] if page.is_klarifikasi else w["release"]
    mark = f' · <span class="mark">{esc(w["retracted"])}</span>' if page.retracted else ""
    number = ""
    if page.number:
        number = f' · {esc(w["number"])}: <span class="number">{esc(page.number)}</span>'
    return f'<p class="kicker">{esc(kind)}{number}{mark}</p>\n'


def _meta_line(page: ReleasePage, config: Config) -> str:
    w = words(config.language)
    parts = [f"{esc(w['published'])} {when(page.published, config)}"]
    if page.corrections and page.retracted is None:
        parts.append(f"{esc(w['updated'])} {when(page.corrections[-1].at, config)}")
    if page.categories:
        names = ", ".join(
            link(url(config, category_path(category_key(c))), c) for c in page.categories
        )
        parts.append(f"{esc(w['categories'])}: {names}")
    return '<p class="meta">' + " · ".join(parts) + "</p>\n"


def _retraction(page: ReleasePage, config: Config) -> str:
    assert page.retracted is not None
    w = words(config.language)
    on = w["retracted_on"].format(when=when(page.retracted.at, config))
    reason = (
        f"<p><strong>{esc(w['reason'])}:</strong> {esc(page.retracted.note)}</p>\n"
        if page.retracted.note
        else ""
    )
    withdrawn = "withdrawn" if page.number else "withdrawn_unnumbered"  # (none to keep)
    return (
        '<section class="notice retracted" aria-labelledby="dicabut">\n'
        f'<h2 id="dicabut" class="mark">{esc(w["retracted"])}</h2>\n'
        f"<p>{on}</p>\n{reason}<p>{esc(w[withdrawn])}</p>\n</section>\n"
    )


def _corrections(page: ReleasePage, config: Config) -> str:
    """ "Ralat 1 (04-06-2026 21:00 WIB): the note", the latest first, above the text."""
    if not page.corrections:
        return ""
    w = words(config.language)
    items = "".join(
        f'<li id="ralat-{c.number}"><strong>{esc(w["correction"])} {c.number} '
        f"({when(c.at, config)}):</strong> {esc(c.note)}</li>\n"
        for c in reversed(page.corrections)
    )
    return (
        '<section class="notice" aria-labelledby="ralat">\n'
        f'<h2 id="ralat">{esc(w["corrections"])}</h2>\n<ul>\n{items}</ul>\n</section>\n'
    )


def _embargo(page: ReleasePage, config: Config) -> str:
    """The embargo it went out under: each move of it (`Embargo diubah …: kini hingga …,
    sebelumnya hingga …`), withdrawal of the release held under it and time it was held
    under embargo again after one (`Embargo berlaku lagi …`; at another lift, that move's
    line too, under both fragments: the feeds tell it as either), then its lift,
    oldest first, as the private feeds told them (each under its notice's fragment)."""
    if page.lifted is None and not page.embargo_moves and not page.embargo_withdrawn:
        return ""
    w = words(config.language)
    again = {at: (n, lift) for n, at, lift in page.embargo_again}
    dated = [
        (at, f'<li id="embargo-diubah-{n}">'
         + esc(w["embargo_moved"]).format(when=when(at, config), after=when(after, config),
                                          before=when(before, config))
         + "</li>\n")
        for n, (at, before, after) in enumerate(page.embargo_moves, 1)
        if at not in again  # (held again at another lift: one line, both fragments)
    ]  # fmt: skip
    dated += [
        (at, f'<li id="embargo-ditarik-{n}">'
         + esc(w["embargo_withdrawn"]).format(when=when(at, config), lift=when(held, config))
         + "</li>\n")
        for n, (at, held) in enumerate(page.embargo_withdrawn, 1)
    ]  # fmt: skip
    moved = {at: (n, before) for n, (at, before, _) in enumerate(page.embargo_moves, 1)}
    for at, (n, lift) in again.items():
        said = esc(w["embargo_again"]).format(when=when(at, config), lift=when(lift, config))
        if at in moved:  # (the fragment a move's notice would link to, on the same line)
            m, before = moved[at]
            said = (f'<span id="embargo-diubah-{m}">'
                    + esc(w["embargo_again_moved"]).format(
                        when=when(at, config), lift=when(lift, config),
                        before=when(before, config))
                    + "</span>")  # fmt: skip
        dated.append((at, f'<li id="embargo-lagi-{n}">{said}</li>\n'))
    items = [item for _, item in sorted(dated, key=lambda pair: pair[0])]
    if page.lifted is not None:
        lifted = esc(w["embargo_lifted"]).format(when=when(page.lifted, config))
        items.append(f"<li>{lifted}</li>\n")
    return (
        '<section class="notice embargo" aria-labelledby="embargo">\n'
        f'<h2 id="embargo">{esc(w["embargo"])}</h2>\n<ul>\n{"".join(items)}</ul>\n</section>\n'
    )


def _denies(page: ReleasePage, config: Config) -> str:
    """A klarifikasi: the numbers it says this office never issued, each to its lookup."""
    w = words(config.language)
    publisher = config.publisher or config.title
    items = "".join(
        "<li>" + (link(number_url(config, n), n) if number_paged(n) else esc(n)) + "</li>\n"
        for n in page.denies
    )
    return (
        '<section class="notice retracted" aria-labelledby="palsu">\n'
        f'<h2 id="palsu">{esc(w["denies"].format(publisher=publisher))}</h2>\n'
        f"<p>{esc(w['denies_text'].format(publisher=publisher))}</p>\n"
        f'<ul class="number">\n{items}</ul>\n</section>\n'
    )


def _figure(page: ReleasePage, config: Config) -> str:
    image = page.image
    if image is None:
        return ""
    w = words(config.language)
    credit = f" <small>({esc(w['photo'])}: {esc(image.credit)})</small>" if image.credit else ""
    caption = (
        f"<figcaption>{esc(image.caption)}{credit}</figcaption>" if image.caption or credit else ""
    )
    return (
        f'<figure><img src="{attr(image.url)}" alt="{attr(image.alt or image.caption)}">'
        f"{caption}</figure>\n"
    )


def _attachments(page: ReleasePage, config: Config) -> str:
    if not page.attachments:
        return ""
    w = words(config.language)
    items = "".join(
        f'<li>{link(a.url, a.title)} <span class="meta">({esc(short_type(a.type))}, '
        f"{esc(human_size(a.size))})</span></li>\n"
        for a in page.attachments
    )
    return (
        f'<section class="attachments" aria-labelledby="lampiran">\n'
        f'<h2 id="lampiran">{esc(w["attachments"])}</h2>\n<ul>\n{items}</ul>\n</section>\n'
    )


def _authenticity(page: ReleasePage, config: Config) -> str:
    """Each version's signed text and signature (`v<N>.txt`, `.minisig`), the office's key,
    and how to check them with minisign, in the page's language and the other one."""
    from ..signing.canonical import signature_path, text_path
    from ..signing.keys import LIST, PUBLIC

    first = language_of(config.language)
    w = WORDS[first]
    published = len(page.corrections) + 1
    items = []
    for n in range(published, 0, -1):
        if page.retracted is not None:
            state = w["auth_withdrawn"]
            files = [(w["auth_signature"], signature_path(page.slug, n))]
        else:
            state = w["auth_current"] if n == published else w["auth_superseded"]
            files = [(w["auth_text"], text_path(page.slug, n)),
                     (w["auth_signature"], signature_path(page.slug, n))]  # fmt: skip
        items.append((w["auth_version"].format(n=n), state, files))
    if page.retracted is not None:
        n = published + 1
        files = [(w["auth_text"], text_path(page.slug, n)),
                 (w["auth_signature"], signature_path(page.slug, n))]  # fmt: skip
        items.insert(0, (w["auth_version"].format(n=n), w["auth_notice"], files))
    rows = "".join(
        f"<li>{esc(name)} ({esc(state)}): "
        + " · ".join(f'<a href="{attr(url(config, path))}">{esc(label)}</a> '
                     f'<code>{esc(path.rsplit("/", 1)[1])}</code>' for label, path in files)
        + "</li>\n"
        for name, state, files in items
    )  # fmt: skip
    newest = text_path(page.slug, published + (1 if page.retracted is not None else 0))
    command = f"minisign -Vm {newest.rsplit('/', 1)[1]} -p {PUBLIC}"
    key = link(url(config, PUBLIC), PUBLIC)
    keys = link(url(config, LIST), LIST)
    publisher = config.publisher or config.title
    explained = ""
    for lang in (first, "en" if first == "id" else "id"):
        words_ = WORDS[lang]
        explained += (
            f'<div lang="{lang}">\n'
            f"<p>{esc(words_['auth_how']).format(publisher=esc(publisher), key=key)}</p>\n"
            f"<p><code>{esc(command)}</code></p>\n"
            f"<p>{esc(words_['auth_status'])} {esc(words_['auth_not_tte'])}</p>\n"
            f"<p>{esc(words_['auth_now']).format(keys=keys)}</p>\n</div>\n"
        )
    title = f"{esc(w['auth_title'])} · {esc(WORDS['en' if first == 'id' else 'id']['auth_title'])}"
    return (
        '<section class="authenticity" aria-labelledby="keaslian">\n'
        f'<h2 id="keaslian">{title}</h2>\n<ul>\n{rows}</ul>\n{explained}</section>\n'
    )


def _machine_head(page: ReleasePage, config: Config, canonical: str) -> str:
    """OpenGraph and schema.org NewsArticle (JSON-LD), from the same facts as the page."""
    site = config.publisher or config.title
    tags = [
        meta("og:type", "article"),
        meta("og:site_name", site),
        meta("og:title", page.title),
        meta("og:url", canonical),
        meta("og:locale", OG_LOCALES.get(page.language[:2], page.language.replace("-", "_"))),
        meta("article:published_time", page.published.isoformat()),
        meta("article:modified_time", page.updated.isoformat()),
    ]
    if page.summary and page.retracted is None:
        tags.append(meta("og:description", page.summary))
    if page.image is not None and page.retracted is None:
        tags.append(meta("og:image", page.image.url))
        tags.append(meta("og:image:alt", page.image.alt or page.image.caption))
    tags += [meta("article:section", c) for c in page.categories]
    return "".join(tags) + json_ld(news_article(page, config, canonical))


def news_article(page: ReleasePage, config: Config, canonical: str) -> dict[str, Any]:
    """schema.org NewsArticle: headline, dates, author and publisher, image, the number as
    its identifier, each correction; a retracted one says so and carries no text."""
    office = {"@type": "GovernmentOrganization", "name": config.publisher or config.title,
              "url": config.base_url}  # fmt: skip
    data: dict[str, Any] = {
        "@context": "https://schema.org",
        "@type": "NewsArticle",
        "headline": page.title,
        "url": canonical,
        "mainEntityOfPage": canonical,
        "inLanguage": page.language,
        "datePublished": page.published.isoformat(),
        "dateModified": page.updated.isoformat(),
        "author": office,
        "publisher": office,
    }
    if page.number:
        data["identifier"] = page.number
    if page.categories:
        data["articleSection"] = list(page.categories)
    if page.retracted is not None:
        data["creativeWorkStatus"] = "Retracted"
        return data
    if page.dateline:
        data["dateline"] = page.dateline
    if page.summary:
        data["description"] = page.summary
    if page.image is not None:
        data["image"] = {"@type": "ImageObject", "url": page.image.url,
                         "caption": page.image.caption}  # fmt: skip
    if page.corrections:
        data["correction"] = [
            {"@type": "CorrectionComment", "text": c.note, "datePublished": c.at.isoformat()}
            for c in page.corrections
        ]
    return data
