"""Every notice item's link lands on something: the page it names exists under feeds/ and
holds an element with the link's fragment (`#ralat-1`, `#dicabut`, `#embargo`,
`#embargo-diubah-1`), which says what the notice was about in the page's language. Before,
only `#dicabut` was on the page: a partner clicking "EMBARGO DIUBAH" or "RALAT" landed at
the top of the page with nothing pointed at."""

from __future__ import annotations

import json
import re
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import urlsplit

from .feedkit import at, correct, newsroom_root, read_items, release, retract, run
from .pagekit import page, visible_text
from .test_partners import move_embargo

__all__ = ["newsroom_root"]  # a fixture, used by name

FEEDS_URL = "http://127.0.0.1:8080"  # feedkit.configure's


class _Ids(HTMLParser):
    """Every `id` of an HTML document, and the text under each element that has one."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.ids: set[str] = set()

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.ids.update(value for name, value in attrs if name == "id" and value)


def ids_of(path: Path) -> set[str]:
    parser = _Ids()
    parser.feed(path.read_text(encoding="utf-8"))
    return parser.ids


def notice_links(root: Path) -> dict[str, set[str]]:
    """Every link with a fragment of every item of every feed document under feeds/
    (public, category, partner, private, archives; RSS, Atom and JSON Feed), with the
    documents that carry it."""
    found: dict[str, set[str]] = {}
    for path in sorted((root / "feeds").rglob("*")):
        if path.name.endswith((".xml", ".json")) and _is_feed(path):
            for item in read_items(path):
                if "#" in item.link:
                    found.setdefault(item.link, set()).add(str(path.relative_to(root)))
    return found


def _is_feed(path: Path) -> bool:
    if path.suffix == ".json":
        return '"https://jsonfeed.org/version/' in path.read_text(encoding="utf-8")[:200]
    head = path.read_text(encoding="utf-8")[:400]
    return "<rss" in head or "<feed" in head


def landing(root: Path, link: str) -> tuple[Path, str]:
    """The page file under feeds/ a link names, and its fragment."""
    assert link.startswith(FEEDS_URL + "/"), link
    parts = urlsplit(link)
    file = root / "feeds" / parts.path.lstrip("/")
    return (file / "index.html" if parts.path.endswith("/") else file), parts.fragment


def test_every_notice_link_lands_on_an_element_of_its_page(newsroom_root: Path) -> None:
    root = newsroom_root
    corrected = release(root, at(0), "Rilis dikoreksi", category="Pemilu")
    retracted = release(root, at(0.1), "Rilis dicabut", category="Pemilu")
    release(root, at(0.2), "Rilis berembargo", embargo=at(1))
    moved = release(root, at(0.3), "Rilis embargo pindah", embargo=at(1.5))
    run(root, at(0.5))
    move_embargo(root, moved, at(0.6), at(2))
    move_embargo(root, moved, at(0.7), at(2.5))
    correct(root, corrected, at(0.8), "Angka anggaran diperbaiki", "Teks yang dikoreksi.")
    retract(root, retracted, at(0.9), "Data belum final")
    run(root, at(3))

    links = notice_links(root)
    fragments = {urlsplit(link).fragment for link in links}
    assert fragments == {"ralat-1", "dicabut", "embargo", "embargo-diubah-1",
                         "embargo-diubah-2"}, fragments  # fmt: skip
    for link, documents in links.items():
        file, fragment = landing(root, link)
        assert file.is_file(), (link, sorted(documents))
        assert fragment in ids_of(file), (link, sorted(documents))

    said = visible_text(page(root, "rilis-dikoreksi"))
    assert "Ralat 1 (" in said and "Angka anggaran diperbaiki" in said
    said = visible_text(page(root, "rilis-berembargo"))
    assert "Embargo berakhir 02-06-2026 09:00 WIB" in said, said
    said = visible_text(page(root, "rilis-embargo-pindah"))
    assert ("Embargo diubah 01-06-2026 23:24 WIB: kini hingga 03-06-2026 09:00 WIB, "
            "sebelumnya hingga 02-06-2026 21:00 WIB") in said, said  # fmt: skip
    assert "Embargo berakhir 03-06-2026 21:00 WIB" in said, said


def test_an_english_page_says_what_its_notices_were_about_in_english(root: Path) -> None:
    text = (root / "newsroom.toml").read_text()
    text = re.sub(r'(?m)^language = "id"', 'language = "en"', text, count=1)
    text = text.replace('# feeds_url = "https://humas.example.go.id/feeds"',
                        f'feeds_url = "{FEEDS_URL}"')  # fmt: skip
    text += '\n[[partners]]\nname = "antara"\ntitle = "LKBN ANTARA"\nembargo_access = true\n'
    (root / "newsroom.toml").write_text(text)
    moved = release(root, at(0), "Embargoed release", embargo=at(1))
    run(root, at(0.5))
    move_embargo(root, moved, at(0.6), at(2))
    run(root, at(2.5))
    feed = json.loads((root / "feeds" / "private" / "antara" / "feed.json").read_text())
    links = {i["url"] for i in feed["items"] if "#" in i["url"]}
    assert {urlsplit(link).fragment for link in links} == {"embargo", "embargo-diubah-1"}
    for link in links:
        file, fragment = landing(root, link)
        assert fragment in ids_of(file), link
    said = visible_text(page(root, "embargoed-release"))
    assert "Embargo changed" in said and "Embargo lifted" in said, said


def test_a_retraction_keeps_the_fragments_earlier_notices_link(newsroom_root: Path) -> None:
    """A reader keeps the items it took: after a release was corrected and its embargo
    moved, then retracted, the links of those notices (`#ralat-1`, `#embargo-diubah-1`)
    still land on its page, which says what they were about under DICABUT (only
    `#dicabut` was left: a partner's walk clicked RALAT and landed nowhere)."""
    root = newsroom_root
    ident = release(root, at(0), "Rilis yang dicabut", embargo=at(1))
    run(root, at(0.5))
    move_embargo(root, ident, at(0.6), at(2))
    run(root, at(2.5))
    correct(root, ident, at(3), "Angka anggaran diperbaiki", "Teks yang dikoreksi.")
    run(root, at(3.1))
    held = {link for link in notice_links(root) if "#" in link}
    fragments = {link.rpartition("#")[2] for link in held}
    assert {"ralat-1", "embargo-diubah-1"} <= fragments, held
    retract(root, ident, at(4), "Data belum final")
    run(root, at(4.1))
    for link in held:
        file, fragment = landing(root, link)
        assert fragment in ids_of(file), (link, sorted(ids_of(file)))
    text = visible_text(page(root, "rilis-yang-dicabut"))
    assert "DICABUT" in text and "Angka anggaran diperbaiki" in text
    assert "Teks yang dikoreksi." not in text  # the text stays withdrawn
