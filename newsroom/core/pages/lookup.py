"""The lookup by number, the anti-hoax answer: is this number one of ours?

- `nomor/<number>/` for every number this office issued (leading to the release, saying
  if it was retracted) and every number a klarifikasi says it never issued (saying so,
  and linking the klarifikasi); `nomor/<number>.json` the same for scripts.
- `nomor/tidak-terdaftar.html` and `.json`: what the server answers, with status 404, for
  any other number under `nomor/` (nginx's and `newsroom serve`'s fallback): "not issued
  by this office", never a bare 404 that reads like a broken site. `newsroom serve` finds
  a number typed in another case itself; behind a server that cannot (nginx matches the
  case as typed), the page's one script looks the number up in `nomor.json` case aside
  and goes on to its page before saying "not issued".
- `nomor/`: how to check a number (a form: the server turns `?n=` into the number's
  address; no script), the klarifikasi, the latest numbers. `nomor.json`: every number.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from typing import Any
from urllib.parse import urlsplit

from ..config import Config
from ..model import KLARIFIKASI
from .html import attr, document, esc, link, when
from .indexes import newest_first
from .source import Row
from .urls import (
    LOOKUP,
    NUMBERS,
    NUMBERS_JSON,
    UNKNOWN,
    number_json_url,
    number_paged,
    number_url,
    page_path,
    url,
)
from .words import WORDS, language_of, words

RECENT = 30  # numbers on the lookup page (every number is in nomor.json)


@dataclass
class Facts:
    """What this office says about one number: the release it issued with it, and the
    klarifikasi (not retracted) that say a release with it is not ours."""

    number: str
    issued: Row | None = None
    denied_by: list[Row] = field(default_factory=list)


def numbers_of(rows: Iterable[Row]) -> dict[str, Facts]:
    """Every number on record, issued or denied (a row given twice counts once: a
    klarifikasi is both numbered and of its kind)."""
    facts: dict[str, Facts] = {}
    for row in {row.id: row for row in rows}.values():
        if row.number:
            facts.setdefault(row.number, Facts(row.number)).issued = row
        if row.kind == KLARIFIKASI and row.retracted is None:
            for number in row.denies:
                facts.setdefault(number, Facts(number)).denied_by.append(row)
    for fact in facts.values():
        fact.denied_by = newest_first(fact.denied_by)
    return facts


def _publisher(config: Config) -> str:
    return config.publisher or config.title


def _release_json(config: Config, row: Row) -> dict[str, Any]:
    return {
        "url": url(config, page_path(row.slug)),
        "title": row.title,
        "published": row.published.astimezone(config.tz).isoformat(),
        "status": "retracted" if row.retracted else "published",
    }


def number_json(config: Config, fact: Facts) -> bytes:
    """`nomor/<number>.json`: issued or not, the release, the klarifikasi."""
    data: dict[str, Any] = {
        "number": fact.number,
        "publisher": _publisher(config),
        "issued": fact.issued is not None,
        "status": _status(fact),
        "release": _release_json(config, fact.issued) if fact.issued else None,
        "klarifikasi": [_release_json(config, r) for r in fact.denied_by],
        "page": number_url(config, fact.number),
    }
    return _json(data)


def _status(fact: Facts) -> str:
    if fact.issued is None:
        return "not_issued"
    return "retracted" if fact.issued.retracted else "issued"


def numbers_json(config: Config, facts: dict[str, Facts]) -> bytes:
    """`nomor.json`: every number issued, every number denied; any other was not issued."""
    publisher = _publisher(config)
    issued = {n: _release_json(config, f.issued) for n, f in sorted(facts.items()) if f.issued}
    denied = {
        n: [url(config, page_path(r.slug)) for r in f.denied_by]
        for n, f in sorted(facts.items())
        if f.denied_by and not f.issued
    }
    data = {
        "publisher": publisher,
        **_said(config, "about", "numbers_about", publisher=publisher),
        "lookup": f"{config.feeds_base}/{NUMBERS}/{{number}}.json",
        "numbers": issued,
        "not_issued": denied,
    }
    return _json(data)


def unknown_json(config: Config) -> bytes:
    """What the server answers (404) for a number it has no file for."""
    publisher = _publisher(config)
    data = {
        "publisher": publisher,
        "issued": False,
        "status": "not_issued",
        **_said(config, "message", "unknown_message", publisher=publisher),
        "numbers": f"{config.feeds_base}/{NUMBERS_JSON}",
    }
    return _json(data)


def _said(config: Config, key: str, word: str, **facts: str) -> dict[str, Any]:
    """A text of a public JSON file in both languages, as the pages give their explanations:
    `key` in the newsroom's language (Indonesian unless it is English), `language` naming it,
    and `<key>_by_language` with each ({"id": ..., "en": ...}) for a program that picks."""
    first = language_of(config.language)
    both = {lang: WORDS[lang][word].format(**facts) for lang in (first, _OTHER[first])}
    return {key: both[first], "language": first, f"{key}_by_language": both}


_OTHER = {"id": "en", "en": "id"}


def _json(data: dict[str, Any]) -> bytes:
    return (json.dumps(data, ensure_ascii=False, indent=1, sort_keys=True) + "\n").encode()


def render_number(config: Config, fact: Facts) -> bytes:
    """`nomor/<number>/`: the answer for one number."""
    w = words(config.language)
    publisher = _publisher(config)
    title = w["number_title"].format(number=fact.number)
    parts = [f'<h1 class="number">{esc(title)}</h1>\n']
    if fact.issued is not None:
        row = fact.issued
        answer = w["issued"].format(number=fact.number, publisher=publisher)
        parts.append(f'<p class="answer">{esc(answer)}</p>\n')
        parts.append(_release_line(config, row))
        if row.retracted is not None:
            retracted = w["issued_retracted"].format(when=when(row.retracted, config))
            parts.append(f'<p><span class="mark">{esc(w["retracted"])}</span> {retracted}</p>\n')
        if fact.denied_by:
            parts.append(f'<p class="answer no">{esc(w["also_forged"])}</p>\n')
    else:
        answer = w["not_issued"].format(number=fact.number, publisher=publisher)
        parts.append(f'<p class="answer no">{esc(answer)}</p>\n<p>{esc(w["forged"])}</p>\n')
    if fact.denied_by:
        parts.append(f"<h2>{esc(w['see_klarifikasi'])}</h2>\n<ul>\n")
        parts += [f"<li>{_release_line(config, r, tag='span')}</li>\n" for r in fact.denied_by]
        parts.append("</ul>\n")
    parts.append(_form(config))
    return document(config, title=title, canonical=number_url(config, fact.number),
                    main="".join(parts))  # fmt: skip


def _release_line(config: Config, row: Row, tag: str = "p") -> str:
    w = words(config.language)
    number = f' · <span class="number">{esc(row.number)}</span>' if row.number else ""
    return (
        f"<{tag}>{link(url(config, page_path(row.slug)), row.title)} "
        f'<span class="meta">({esc(w["published"])} {when(row.published, config)}{number})'
        f"</span></{tag}>\n"
    )


def _form(config: Config) -> str:
    """A search form that needs no script: the server sends `nomor/?n=X` on to `nomor/X/`."""
    w = words(config.language)
    return (
        f'<form class="lookup" role="search" method="get" '
        f'action="{attr(config.feeds_base)}/{NUMBERS}/">\n'
        f'<label for="n">{esc(w["form_label"])}</label>\n'
        '<input id="n" name="n" type="text" autocomplete="off" spellcheck="false" '
        'placeholder="B-001/HUMAS/XII/2018" required>\n'
        f'<button type="submit">{esc(w["form_button"])}</button>\n</form>\n'
    )


def render_unknown(config: Config, klarifikasi: Sequence[Row]) -> bytes:
    """What a number this office never issued gets (the server answers it with a 404)."""
    w = words(config.language)
    publisher = _publisher(config)
    main = (
        f"<h1>{esc(w['unknown_title'])}</h1>\n"
        f'<p class="answer no">{esc(w["unknown"].format(publisher=publisher))}</p>\n'
        f"<p>{esc(w['unknown_check'])}</p>\n"
        # Behind a server that matches the case as typed (nginx), only the script finds a
        # number typed in another case (_CASE_ASIDE): without it, the case must be exact.
        f"<noscript><p>{esc(w['unknown_noscript'])}</p></noscript>\n"
        f"<p>{esc(w['unknown_contact'])}</p>\n"
        + _form(config)
        + _klarifikasi(config, klarifikasi)
        + f"<p>{link(url(config, LOOKUP), w['lookup'])}</p>\n"
    )
    return document(config, title=w["unknown_title"], canonical=url(config, UNKNOWN), main=main,
                    head=_case_aside(config))  # fmt: skip


# The number this page answers for, looked up in nomor.json case aside (and the `+` of a
# form's spaces): a journalist types b-002/humas/xii/2026 for B-002/HUMAS/XII/2026, and a
# server that matches the case as typed (nginx) sends it here. Found: on to its page, as
# the office wrote it (never to the same spelling, so never a loop); else, or without a
# script, the page says what it says. Hidden while it looks, shown whatever happens.
_CASE_ASIDE = """\
<style>.looking main{visibility:hidden}</style>
<script>(function(){var d=document.documentElement,base=BASE,list=LIST,typed;
var show=function(){d.classList.remove("looking")};
if(location.pathname.indexOf(base)!==0)return;
try{typed=decodeURIComponent(location.pathname.slice(base.length))}catch(e){return}
typed=typed.replace(/\\/(index\\.html)?$/,"").replace(/\\+/g," ").trim();
var key=typed.toLowerCase();if(!key||!window.fetch)return;
d.classList.add("looking");setTimeout(show,5000);
fetch(list).then(function(r){return r.json()}).then(function(all){
var names=Object.keys(all.numbers||{}).concat(Object.keys(all.not_issued||{}));
var found=names.filter(function(n){return n.trim().toLowerCase()===key&&n!==typed})[0];
if(found){location.replace(base+encodeURIComponent(found)+"/")}else{show()}}).catch(show)})();
</script>
"""


def _case_aside(config: Config) -> str:
    """The unknown page's script (above), with where the numbers are on this server."""
    path = urlsplit(config.feeds_base).path.rstrip("/")
    found = {"BASE": f"{path}/{NUMBERS}/", "LIST": f"{path}/{NUMBERS_JSON}"}
    script = _CASE_ASIDE
    for name, value in found.items():
        script = script.replace(name, json.dumps(value).replace("<", "\\u003c"), 1)
    return script


def render_lookup(config: Config, klarifikasi: Sequence[Row], recent: Sequence[Row]) -> bytes:
    """`nomor/`: how to check a number, the klarifikasi, the latest numbers."""
    w = words(config.language)
    publisher = _publisher(config)
    address = f"{config.feeds_base}/{NUMBERS}/…/"
    main = (
        f"<h1>{esc(w['lookup'])}</h1>\n<p>{esc(w['lookup_intro'].format(publisher=publisher))}</p>\n"
        + _form(config)
        + f'<p>{esc(w["lookup_address"])} <span class="number">{esc(address)}</span></p>\n'
        + f"<p>{link(f'{config.feeds_base}/{NUMBERS_JSON}', w['lookup_json'])}</p>\n"
        + _klarifikasi(config, klarifikasi)
    )
    if recent:
        items = "".join(
            f"<li>{_number_link(config, r.number)} · "
            f"{link(url(config, page_path(r.slug)), r.title)}</li>\n"
            for r in recent
        )
        main += f"<h2>{esc(w['recent_numbers'])}</h2>\n<ul>\n{items}</ul>\n"
    return document(config, title=w["lookup"], canonical=url(config, LOOKUP), main=main)


def _number_link(config: Config, number: str) -> str:
    shown = f'<span class="number">{esc(number)}</span>'
    if not number_paged(number):
        return shown
    return f'<a href="{attr(number_url(config, number))}">{shown}</a>'


def _klarifikasi(config: Config, rows: Sequence[Row]) -> str:
    """The klarifikasi on record, each with the numbers it denies."""
    if not rows:
        return ""
    w = words(config.language)
    items = "".join(
        f"<li>{_release_line(config, r, tag='span')}"
        + (": " + ", ".join(_number_link(config, n) for n in r.denies) if r.denies else "")
        + "</li>\n"
        for r in rows
    )
    return f"<h2>{esc(w['klarifikasi_list'])}</h2>\n<ul>\n{items}</ul>\n"


def recent_numbers(rows: Iterable[Row]) -> list[Row]:
    return newest_first([r for r in rows if r.number])[:RECENT]


def klarifikasi_rows(rows: Iterable[Row]) -> list[Row]:
    return newest_first([r for r in rows if r.kind == KLARIFIKASI and r.retracted is None])


__all__ = ["Facts", "number_json", "number_json_url", "numbers_json", "numbers_of"]
