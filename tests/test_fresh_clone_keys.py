"""Keys a fresh-clone walk found silent, each kept saying or doing something: publish right
after a retraction on the release screen, sync without git, the palette in the person's
language, the publish dialog's footer."""

from __future__ import annotations

from pathlib import Path

import pytest

from .signkit import keyhome
from .tuikit import SEED_ID, make_app, publish_dialog, until

__all__ = ["keyhome"]  # a fixture, used by name


@pytest.mark.parametrize("language", ["en", "id"])
async def test_after_retracting_p_publishes_from_the_release_screen(
    bundled: Path, language: str
) -> None:
    from newsroom.tui.screens.modals import NoteModal
    from newsroom.tui.screens.publish import PublishScreen
    from newsroom.tui.screens.release import ReleaseScreen

    app = make_app(bundled, "nur", language)
    async with app.run_test(size=(120, 40)) as pilot:
        await app.workers.wait_for_complete()
        app.push_screen(ReleaseScreen(SEED_ID))
        await app.workers.wait_for_complete()
        await pilot.pause()
        await pilot.press("X")
        await until(pilot, lambda: isinstance(app.screen, NoteModal), "the retract dialog")
        await pilot.press(*"salah data", "enter")
        release = app.screen
        assert isinstance(release, ReleaseScreen)
        await until(pilot, lambda: release.article and release.article.retraction, "retracted")
        keys = [k for k, b in release.active_bindings.items() if b.binding.show and b.enabled]
        assert "P" in keys  # the footer offers it
        await pilot.press("P")
        await until(pilot, lambda: isinstance(app.screen, PublishScreen), "the publish dialog")
        await app.workers.wait_for_complete()


@pytest.mark.parametrize(
    ("language", "said"),
    [("en", "this newsroom does not share through git"),
     ("id", "newsroom ini tidak berbagi lewat git")],
)  # fmt: skip
@pytest.mark.parametrize("size", [(120, 40), (80, 24)])
async def test_s_without_git_says_why(
    bundled: Path, language: str, said: str, size: tuple[int, int]
) -> None:
    app = make_app(bundled, "nur", language)
    assert not app.newsroom.config.git  # the bundled newsroom does not share through git
    async with app.run_test(size=size) as pilot:
        await app.workers.wait_for_complete()
        await pilot.pause()
        await pilot.press("S")
        await pilot.pause()
        told = [n.message for n in app._notifications]
        assert any(said in message for message in told), told
        assert "[git] enabled = true" in told[-1]


async def _palette_says(app: object, pilot: object, query: str) -> list[str]:
    """Open the palette (ctrl+p), type `query`, and read what it shows once it answered."""
    from textual.command import CommandList

    await pilot.press("ctrl+p", *query)  # type: ignore[attr-defined]
    found = app.screen.query_one(CommandList)  # type: ignore[attr-defined]
    for _ in range(40):  # it searches in a worker, and says "no match" after half a second
        await pilot.pause(0.05)  # type: ignore[attr-defined]
    shown = [str(found.get_option_at_index(i).prompt) for i in range(found.option_count)]
    await pilot.press("escape")  # type: ignore[attr-defined]
    return shown


@pytest.mark.parametrize(
    ("language", "none", "publish"),
    [("en", "No command matches", "Publish (P)"),
     ("id", "Tidak ada perintah yang cocok", "Terbitkan (P)")],
)  # fmt: skip
async def test_the_palette_says_no_match_in_the_persons_language(
    bundled: Path, language: str, none: str, publish: str
) -> None:
    app = make_app(bundled, "nur", language)
    async with app.run_test(size=(120, 40)) as pilot:
        await app.workers.wait_for_complete()
        await pilot.pause()
        shown = await _palette_says(app, pilot, "zzzz")
        assert any(none in text for text in shown), shown
        assert not any("No matches found" in text for text in shown), shown
        word = "publish" if language == "en" else "terbit"  # the commands in its words
        shown = await _palette_says(app, pilot, word)
        assert any(publish in text for text in shown), shown


@pytest.mark.parametrize(
    ("language", "go", "cancel", "close"),
    [("en", "Publish now", "Cancel", "Close"),
     ("id", "Terbitkan sekarang", "Batal", "Tutup")],
)  # fmt: skip
async def test_the_publish_dialog_names_its_keys_like_the_others(
    bundled: Path, language: str, go: str, cancel: str, close: str
) -> None:
    from newsroom.core.clock import fixed_clock
    from newsroom.core.service import Newsroom
    from newsroom.tui.screens.publish import PublishScreen

    from .tuikit import NOW

    Newsroom.open(bundled, "nur", fixed_clock(NOW)).act(SEED_ID, "retract", note="salah data")
    app = make_app(bundled, "nur", language)

    def keys() -> dict[str, str]:
        shown = app.screen.active_bindings.items()
        return {k: b.binding.description for k, b in shown if b.binding.show and b.enabled}

    async with app.run_test(size=(120, 40)) as pilot:
        await app.workers.wait_for_complete()
        await pilot.press("P")
        await until(pilot, lambda: isinstance(app.screen, PublishScreen), "the publish dialog")
        dialog = app.screen
        await until(pilot, lambda: dialog.dry is not None, "the dry run")  # type: ignore[attr-defined]
        await pilot.pause()
        assert keys() == {"enter": go, "escape": cancel}  # the buttons' words
        await pilot.press("enter")  # publishes, as the button does
        await until(pilot, lambda: not dialog.query_one("#go").display, "the run done")
        await app.workers.wait_for_complete()
        await pilot.pause()
        assert keys() == {"escape": close}  # done: what is left is to close


@pytest.mark.parametrize("language", ["en", "id"])
async def test_p_on_any_release_screen_opens_the_publish_dialog_as_on_the_desk(
    bundled: Path, language: str
) -> None:
    """A draft, a release sent back for changes ("Perlu perbaikan") and a published one have
    no publication step of their own: P did nothing there, silently. The run is newsroom-wide,
    so P opens the desk's publish dialog from every release screen, and the footer says so."""
    from newsroom.tui.screens.publish import PublishScreen
    from newsroom.tui.screens.release import ReleaseScreen

    app = make_app(bundled, "nur", language)
    async with app.run_test(size=(80, 24)) as pilot:
        await app.workers.wait_for_complete()
        for slug in ("contoh-draf", "contoh-perlu-perbaikan", "humas-pemerintah"):
            app.push_screen(ReleaseScreen(app.newsroom.find(slug).id))
            await app.workers.wait_for_complete()
            await pilot.pause()
            release = app.screen
            assert isinstance(release, ReleaseScreen)
            keys = [k for k, b in release.active_bindings.items() if b.binding.show and b.enabled]
            assert "P" in keys, (slug, keys)  # the footer offers it
            await pilot.press("P")
            await until(pilot, lambda: isinstance(app.screen, PublishScreen), f"publish: {slug}")
            await app.workers.wait_for_complete()
            await pilot.press("escape")
            await until(pilot, lambda: isinstance(app.screen, ReleaseScreen), "the release")
            await pilot.press("escape")
            await pilot.pause()


@pytest.mark.parametrize(
    ("language", "said"),
    [("en", "would sign with key"), ("id", "akan ditandatangani dengan kunci")],
)  # fmt: skip
async def test_the_desks_preview_says_an_encrypted_key_will_sign_once_typed(
    bundled: Path, keyhome: Path, language: str, said: str
) -> None:
    """With a key that needs a passphrase (keys init's default) the desk's preview said
    "would be signed with key …"; the run (the desk asked for no passphrase) then went out
    unsigned and removed SHA256SUMS, or, with [signing] required = true, refused under
    "Nothing to publish: the feeds are up to date" (a walk). The preview then said the
    refusal, and offered nothing to press. The dialog now asks for the passphrase (issue
    14, tests/test_desk_passphrase.py): with required = true too, the preview says the run
    signs once it is typed, and Publish now is there."""
    from newsroom.core.clock import fixed_clock
    from newsroom.core.outputs import PublishResult
    from newsroom.core.service import Newsroom

    from .signkit import make_key
    from .tuikit import NOW

    make_key(bundled, "sandi kantor")
    config = bundled / "newsroom.toml"
    config.write_text(config.read_text() + "\n[signing]\nrequired = true\n")
    Newsroom.open(bundled, "nur", fixed_clock(NOW)).act(SEED_ID, "retract", note="salah data")
    app = make_app(bundled, "nur", language)
    async with app.run_test(size=(120, 40)) as pilot:
        dialog = await publish_dialog(app, pilot)
        report = " ".join(str(dialog.query_one("#report").render()).split())
        typed = app.t("publish.signed.dry.typed", key_id="")
        assert said in report and typed.split(", ")[-1] in report, report
        assert "required = true" not in report, report
        assert dialog.query_one("#go").display and dialog.asks  # the field, and the button
        refused = PublishResult(NOW, "nur", failed=["no passphrase"])  # a real run refused
        assert app.t("publish.done_nothing") not in dialog._report(refused)
