"""What a walk of the desk from a fresh clone found at 80x24: the view tabs, who holds a
release, the startup notice over its own dialog, the palette's silence, `newsroom show`."""

from __future__ import annotations

from pathlib import Path

import pytest

from newsroom.core.service import VIEWS
from newsroom.i18n import Translator

from .tuikit import make_app, ready


@pytest.mark.parametrize("language", ["en", "id"])
async def test_every_view_holding_something_is_named_at_80x24(bundled: Path, language: str) -> None:
    """Seven views hold something (as on the walk's desk): each says which it is, not only
    its number and count (`1 All 7│3 1│4 1│…` named only the first); a name too long for the
    line is abbreviated, the current view's never."""
    from newsroom.tui.widgets.status_tabs import StatusTabs

    t = Translator(language)
    counts = {"all": 7, "draft": 1, "in_review": 1, "changes_requested": 1, "approved": 1,
              "published": 2, "retracted": 1}  # fmt: skip
    app = make_app(bundled, "nur", language)
    async with app.run_test(size=(80, 24)) as pilot:
        await ready(pilot)
        tabs = app.screen.query_one(StatusTabs)
        for current in ("all", "changes_requested", "published"):
            tabs.show(counts, current)
            line = str(tabs.render())
            assert tabs.size.width == 80 and len(line) <= 80 and "…" not in line, line
            for n, view in enumerate(VIEWS, start=1):
                if view not in counts:
                    continue
                names = {t("short." + view)} | ({t("tiny." + view)} if view != current else set())
                said = {f"{n} {name} {counts[view]}" for name in names}
                assert any(s in line for s in said), (said, line)
