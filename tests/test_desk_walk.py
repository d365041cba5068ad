"""What new users met on a walk through the desk, each kept fixed: the editor's focus and
Enter, the dateline's shape, the text's label and the form's width, the palette offering
only what the workflow allows, the retraction's refusal and its one person."""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner

from newsroom.cli import cli

from .tuikit import SEED_ID, make_app

SENT_BACK = "35384aa0"  # the bundled release sent back for changes, never published

# 6. Retracting a release never published says exactly what can be retracted -------------


@pytest.mark.parametrize(
    ("language", "expected"),
    [
        (
            "en",
            "retract refused: cannot retract a release sent back for changes that was never "
            "published (only a published release, or a published release whose correction is "
            "being written, in review, sent back for changes or approved)",
        ),
        (
            "id",
            "cabut ditolak: tidak bisa mencabut siaran pers yang dikembalikan untuk diperbaiki "
            "dan belum pernah terbit (hanya siaran pers yang sudah terbit, atau siaran pers "
            "terbit yang ralatnya sedang ditulis, sedang ditinjau, dikembalikan untuk diperbaiki "
            "atau sudah disetujui)",
        ),
    ],
)
def test_retracting_a_release_never_published_says_what_can_be(
    bundled: Path, language: str, expected: str
) -> None:
    env = {"NEWSROOM_LANG": language, "COLUMNS": "400"}
    args = ["--root", str(bundled), "--as", "nur", "retract", SENT_BACK, "--reason", "salah"]
    done = CliRunner().invoke(cli, args, env=env)
    assert done.exit_code == 1
    assert " ".join(done.output.split()) == f"newsroom: {expected}"


# 5. The palette offers only what the workflow has for the release on screen --------------


async def palette_offers(app: object, pilot: object, query: str) -> list[str]:
    """Open the palette (ctrl+p), type `query`, and read what it offers."""
    from textual.command import CommandList, CommandPalette

    await pilot.press("ctrl+p", *query)  # type: ignore[attr-defined]
    found = app.screen.query_one(CommandList)  # type: ignore[attr-defined]
    for _ in range(40):  # the palette searches in a worker of its own
        await pilot.pause(0.05)  # type: ignore[attr-defined]
    assert isinstance(app.screen, CommandPalette)  # type: ignore[attr-defined]
    shown = [str(found.get_option_at_index(i).prompt) for i in range(found.option_count)]
    await pilot.press("escape")  # type: ignore[attr-defined]
    return shown


@pytest.mark.parametrize(("language", "publish"), [("en", "Publish (P)"), ("id", "Terbitkan (P)")])
async def test_the_palette_offers_publish_only_where_the_workflow_has_it(
    bundled: Path, language: str, publish: str
) -> None:
    from newsroom.core.clock import fixed_clock
    from newsroom.core.service import Newsroom
    from newsroom.tui.screens.release import ReleaseScreen

    from .tuikit import NOW

    nur = Newsroom.open(bundled, "nur", fixed_clock(NOW))
    nur.act(SEED_ID, "retract", note="Data belum final")
    waiting = nur.find("contoh-menunggu")
    nur.act(waiting.id, "approve")
    app = make_app(bundled, "redaktur", language)
    async with app.run_test(size=(120, 40)) as pilot:
        await app.workers.wait_for_complete()
        for ident, offered in ((SEED_ID, False), (waiting.id, True)):
            app.push_screen(ReleaseScreen(ident))
            await app.workers.wait_for_complete()
            await pilot.pause()
            shown = await palette_offers(app, pilot, publish.split()[0][:5])
            assert any(publish in text for text in shown) == offered, (ident, shown)
            await pilot.press("P")  # the key does what the palette offers, nothing else
            await pilot.pause()
            assert (type(app.screen).__name__ == "PublishScreen") == offered
            await pilot.press("escape")
            await pilot.pause()
            if offered:
                await pilot.press("escape")
                await pilot.pause()
