"""A broken file on the desk: its row and its message in the desk's language."""

from __future__ import annotations

from pathlib import Path

import pytest

from newsroom.core.init import init_newsroom
from newsroom.core.service import Broken
from newsroom.tui.widgets.release_list import ReleaseList

from .clikit import newsroom
from .tuikit import copy_bundled, make_app, ready, until

PHOTO = "image:\n  url: https://example.go.id/foto.jpg\n  caption: Suasana rapat\n"


def broken_file(root: Path) -> Path:
    """A release whose photo's address is under `url:` (newsroom reads `src:`)."""
    path = root / "articles" / "2026" / "12" / "rapat.md"
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(
        "---\nid: 6b0c2a43-5f35-4a47-9f8a-3d3c2f1d9e11\ntitle: Rapat\nslug: rapat\n"
        f"status: draft\n{PHOTO}---\n\nIsi.\n"
    )
    return path


async def test_a_broken_files_row_and_message_are_in_the_desks_language(
    tmp_path: Path,
) -> None:
    """The row and the message on Enter showed the core's English ("image: unknown key
    `url` …") on an Indonesian desk, though `newsroom check` had its words."""
    root = copy_bundled(tmp_path)
    broken_file(root)
    app = make_app(root, "ald", "id")
    async with app.run_test(size=(160, 30)) as pilot:
        await ready(pilot)
        releases = app.screen.query_one("#releases", ReleaseList)
        rows = [releases.render_line(y).text for y in range(1, 6)]
        row = next(r for r in rows if "rapat.md" in r)
        assert "articles/2026/12/rapat.md:7: image: kunci `url` tidak dikenal" in row, row
        releases.cursor = next(i for i, r in enumerate(releases.rows) if isinstance(r, Broken))
        await pilot.press("enter")
        await until(pilot, lambda: app._notifications, "the message")
        said = " ".join(n.message for n in app._notifications)
        assert "kunci `url` tidak dikenal (src, caption, credit, alt) (maksudnya `src`?)" in said
        assert "unknown key" not in said, said


BROKEN = {  # a hand-edit's slip: (front matter, Indonesian words, English words)
    "quote": (
        'title: "Rapat\nslug: rapat\n',
        ":4: YAML front matter rusak: tanda kutip yang "
        "dibuka di baris ini tidak pernah ditutup (tutup dengan tanda kutip yang sama",
        ":4: bad YAML in front matter: the quote opened on this line is never closed",
    ),
    "flow": (
        "title: Rapat\nslug: rapat\ncategories: [Humas\ntags: []\n",
        ":6: YAML front matter rusak: [ yang dibuka di baris ini tidak pernah ditutup "
        "(tutup dengan ] di baris itu)",
        ":6: bad YAML in front matter: the [ opened",
    ),
    "title": (
        "slug: rapat\n",
        ":2: `title` tidak ada atau kosong",
        ":2: `title` is missing or empty",
    ),
    "status": (
        "title: Rapat\nslug: rapat\nstatus: terbit\n",
        ":5: status 'terbit' tidak dikenal; pakai salah satu dari draft, ",
        ":5: unknown status 'terbit'; use one of draft, ",
    ),
    "slug": (
        "title: Rapat\nslug: Rapat Pimpinan\n",
        ":5: `slug` 'Rapat Pimpinan' bukan slug (pakai huruf kecil a-z,",
        ":5: `slug` 'Rapat Pimpinan' is not a slug (use lower-case",
    ),
    "categories": (
        "title: Rapat\nslug: rapat\ncategories:\n  humas: ya\n",
        ":7: `categories` harus berupa daftar kata, mis. `categories: [a, b]`",
        ":7: `categories` must be a list of words",
    ),
    "colon": (
        "title: Menteri: ASN harus netral\nslug: rapat\n",
        ':4: YAML front matter rusak: titik dua kedua di baris ini (nilai yang memuat ": " '
        "harus diberi tanda kutip",
        ":4: bad YAML in front matter: a second colon on this line",
    ),
    "tab": (
        "title: Rapat\n\tslug: rapat\n",
        ":5: YAML front matter rusak: karakter tab (buat indentasi dengan spasi, bukan tab)",
        ":5: bad YAML in front matter: a tab character (indent with spaces, not tabs)",
    ),
    "time": (
        "title: Rapat\nslug: rapat\nembargo: besok pagi\n",
        ":6: `embargo` bukan tanggal dan waktu yang terbaca (",
        ":6: `embargo`: ",
    ),
}


@pytest.mark.parametrize("slip", sorted(BROKEN))
def test_a_file_newsroom_cannot_read_is_said_in_the_persons_language(
    tmp_path: Path, slip: str
) -> None:
    """`newsroom check` and `newsroom status` said a hand-edit's slip (a quote left open, a
    key missing, a status or a time mistyped) in English to an Indonesian desk."""
    front, indonesian, english = BROKEN[slip]
    root = tmp_path / "nr"
    init_newsroom(root, "Humas Uji")
    path = root / "articles" / "rapat.md"
    path.parent.mkdir(parents=True, exist_ok=True)
    if slip != "status":
        front = "status: draft\n" + front
    path.write_text(f"---\nid: 6b0c2a43-5f35-4a47-9f8a-3d3c2f1d9e11\n{front}---\n\nIsi.\n")
    for command in ("check", "status"):
        said = {lang: " ".join(newsroom(root, lang, command).output.split())
                for lang in ("id", "en")}  # fmt: skip
        assert "articles/rapat.md" + indonesian in said["id"], (command, said["id"])
        assert english.split(": ", 1)[-1] not in said["id"], (command, said["id"])
        assert "articles/rapat.md" + english in said["en"], (command, said["en"])
