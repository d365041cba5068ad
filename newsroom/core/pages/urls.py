"""Where the public record lives under feeds/, and its addresses: one home for the layout.

    siaran-pers/index.html            the index: the newest releases, the months
    siaran-pers/YYYY-MM.html          a month's releases (older ones: by month)
    siaran-pers/<slug>/index.html     a release's page (its attachments beside it)
    kategori/<slug>/index.html        a category's newest releases, its years
    kategori/<slug>/YYYY.html         a category's releases of a year
    nomor/index.html                  the lookup: how to check a number, the latest ones
    nomor/<number>/index.html         one number: the release, or "not issued" and the
                                      klarifikasi that says so
    nomor/<number>.json               the same for scripts
    nomor/tidak-terdaftar.html/.json  what the server answers (404) for any other number
    nomor.json                        every number, for scripts

A number's `/` become folders on disk (`nomor/B-001/HUMAS/XII/2018/index.html`); in links
they are encoded (`nomor/B-001%2FHUMAS%2FXII%2F2018/`): the number is one path segment,
and a server that decodes the path (nginx, `newsroom serve`) finds the folders. A file
name with a dot never clashes with a slug (slugs have none).
"""

from __future__ import annotations

import functools
import os
import re
from pathlib import Path
from urllib.parse import quote

from ..config import Config
from ..slug import slugify

RELEASES = "siaran-pers"
INDEX = f"{RELEASES}/index.html"
CATEGORIES = "kategori"
NUMBERS = "nomor"
LOOKUP = f"{NUMBERS}/index.html"
UNKNOWN = f"{NUMBERS}/tidak-terdaftar.html"
UNKNOWN_JSON = f"{NUMBERS}/tidak-terdaftar.json"
NUMBERS_JSON = "nomor.json"
_RESERVED = frozenset({"index.html", "tidak-terdaftar.html", "tidak-terdaftar.json"})
_CONTROL = re.compile(r"[\x00-\x1f\x7f-\x9f]")
NUMBER_MAX = 200  # bytes of one segment of a number on disk (file systems allow 255)


def url(config: Config, path: str) -> str:
    """The public address of a path under feeds/ (`index.html` is its folder)."""
    if path.endswith("/index.html") or path == "index.html":
        path = path[: -len("index.html")]
    return f"{config.feeds_base}/{path}"


def page_path(slug: str) -> str:
    return f"{RELEASES}/{slug}/index.html"


def month_path(month: str) -> str:
    return f"{RELEASES}/{month}.html"


@functools.cache  # asked for each category of each release when the layout is made
def category_key(name: str) -> str:
    """A category's folder name: the same slug as its feed's (`category/<slug>/`)."""
    return slugify(name)


def category_path(key: str) -> str:
    return f"{CATEGORIES}/{key}/index.html"


def category_year_path(key: str, year: str) -> str:
    return f"{CATEGORIES}/{key}/{year}.html"


def number_paged(number: str) -> bool:
    """Whether a number can have pages of its own: each of its `/`-parts is a sound file
    name (not empty, `.` or `..`, no leading dot, no backslash or control character, at
    most NUMBER_MAX bytes) and it cannot take the place of another file of the lookup. A
    number that cannot is still in nomor.json and on the release's page."""
    parts = number.split("/")
    for part in parts:
        if not part or part.startswith(".") or "\\" in part or _CONTROL.search(part):
            return False
        if len(part.encode("utf-8")) > NUMBER_MAX:
            return False
    return parts[0] not in _RESERVED and not parts[-1].endswith((".json", ".html"))


def number_on_disk(feeds: Path, typed: str) -> str | None:
    """The number, as this office wrote it, whose lookup page is under `feeds`/nomor/ and
    that `typed` names without regard to case or surrounding spaces (a journalist types
    `b-002/humas/xii/2026` for B-002/HUMAS/XII/2026; numbering never issues two numbers
    that differ only in case); None when no page answers it."""
    typed = typed.strip()
    if not typed or not number_paged(typed):
        return None
    folder, found = feeds / NUMBERS, list[str]()
    for part in typed.split("/"):
        name = part if (folder / part).is_dir() else _folded(folder, part)
        if name is None:
            return None
        folder, found = folder / name, [*found, name]
    return "/".join(found) if (folder / "index.html").is_file() else None


def _folded(folder: Path, part: str) -> str | None:
    """The sub-folder of `folder` named `part`, case aside (None: none)."""
    wanted = part.casefold()
    try:
        names = sorted(os.listdir(folder))
    except OSError:
        return None
    return next((n for n in names if n.casefold() == wanted and (folder / n).is_dir()), None)


def number_path(number: str) -> str:
    return f"{NUMBERS}/{number}/index.html"


def number_json_path(number: str) -> str:
    return f"{NUMBERS}/{number}.json"


def number_url(config: Config, number: str) -> str:
    """The lookup page of a number, its `/` encoded: `.../nomor/B-001%2FHUMAS%2F2018/`."""
    return f"{config.feeds_base}/{NUMBERS}/{quote(number, safe='')}/"


def number_shown_url(config: Config, number: str) -> str:
    """The lookup page of a number as a person reads it on a page (or a print of one) and
    types it: `.../nomor/B-001/HUMAS/2018/`, its `/` as written, anything that would not
    survive being typed (a space, `#`, `?`) still encoded. Both servers answer it as the
    encoded address (`$uri` and `newsroom serve` decode the path); links use `number_url`."""
    return f"{config.feeds_base}/{NUMBERS}/{quote(number, safe='/')}/"


def number_json_url(config: Config, number: str) -> str:
    return f"{config.feeds_base}/{NUMBERS}/{quote(number, safe='')}.json"
