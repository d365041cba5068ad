"""A broken file on the desk: its row and its message in the desk's language."""

from __future__ import annotations

from pathlib import Path

from newsroom.core.service import Broken
from newsroom.tui.widgets.release_list import ReleaseList

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
