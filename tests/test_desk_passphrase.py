"""The desk's publish dialog and an encrypted signing key (issue 14): `newsroom keys init`
makes one by default, and the CLI asks for its passphrase at a terminal, but the desk asked
for none: its run went out unsigned (SHA256SUMS removed for partners), or with [signing]
required = true was refused. The dialog now asks for the passphrase, masked, only when it
is needed (an encrypted key, no variable giving it); a wrong one publishes nothing."""

from __future__ import annotations

from pathlib import Path

import pytest

from newsroom.core.signing.minisign import PublicKey, Signature

from .signkit import MINISIGN, keyhome, make_key, minisign
from .tuikit import NOW, SEED_ID, make_app, until

__all__ = ["keyhome"]  # a fixture, used by name

WORDS = {  # the field's label, the preview's promise, a wrong passphrase, an empty one
    "en": ("Signing key passphrase", "once its passphrase is typed below",
           "wrong passphrase for the secret key", "type the passphrase first"),
    "id": ("Frasa sandi kunci penanda tangan", "setelah frasa sandinya diketik di bawah",
           "frasa sandi salah untuk kunci rahasia", "ketik frasa sandinya dulu"),
}  # fmt: skip


def _work(root: Path) -> None:
    """Something to publish: the bundled release retracted (its feeds must say so)."""
    from newsroom.core.clock import fixed_clock
    from newsroom.core.service import Newsroom

    Newsroom.open(root, "nur", fixed_clock(NOW)).act(SEED_ID, "retract", note="salah data")


async def _dialog(app: object, pilot: object) -> object:
    """P pressed on the desk, and the dialog once its preview is in."""
    from newsroom.tui.screens.publish import PublishScreen

    await app.workers.wait_for_complete()  # type: ignore[attr-defined]
    await pilot.press("P")  # type: ignore[attr-defined]
    await until(pilot, lambda: isinstance(app.screen, PublishScreen), "the publish dialog")  # type: ignore[attr-defined]
    dialog = app.screen  # type: ignore[attr-defined]
    await until(pilot, lambda: dialog.dry is not None, "the dry run")
    await pilot.pause()  # type: ignore[attr-defined]
    return dialog


def _text(dialog: object, selector: str) -> str:
    return " ".join(str(dialog.query_one(selector).render()).split())  # type: ignore[attr-defined]


def _asks(dialog: object) -> bool:
    box = dialog.query_one("#passphrase-box")  # type: ignore[attr-defined]
    return bool(box.display and not box.has_class("hidden"))


def _signed(root: Path) -> None:
    """feeds/SHA256SUMS is there with its signature, and it verifies with newsroom.pub (and
    with the real minisign when it is installed)."""
    feeds = root / "feeds"
    data, sig = (feeds / "SHA256SUMS").read_bytes(), (feeds / "SHA256SUMS.minisig").read_text()
    PublicKey.parse((root / "newsroom.pub").read_text()).verify(data, Signature.parse(sig))
    if MINISIGN is not None:
        checked = minisign("-Vm", feeds / "SHA256SUMS", "-p", root / "newsroom.pub")
        assert checked.returncode == 0, checked.stderr


async def _run_done(pilot: object, dialog: object) -> None:
    await until(pilot, lambda: not dialog.running, "the run done")  # type: ignore[attr-defined]
    await pilot.app.workers.wait_for_complete()  # type: ignore[attr-defined]
    await pilot.pause()  # type: ignore[attr-defined]


@pytest.mark.parametrize("language", ["en", "id"])
async def test_the_dialog_asks_for_an_encrypted_keys_passphrase_and_the_run_signs(
    bundled: Path, keyhome: Path, language: str
) -> None:
    from textual.widgets import Input

    label, promise, _, _ = WORDS[language]
    make_key(bundled, "sandi kantor")
    _work(bundled)
    app = make_app(bundled, "nur", language)
    async with app.run_test(size=(80, 24)) as pilot:
        dialog = await _dialog(app, pilot)
        assert _asks(dialog)
        assert label in _text(dialog, "#passphrase-label")
        assert "rotate --unencrypted" in _text(dialog, "#passphrase-why")
        assert promise in _text(dialog, "#report")  # the preview: signed, once typed
        field = dialog.query_one("#passphrase", Input)  # type: ignore[attr-defined]
        assert field.password and app.focused is field  # masked, and where the keys go
        await pilot.press(*"sandi kantor", "enter")  # enter in the field publishes
        await _run_done(pilot, dialog)
        signed = "signed with key" if language == "en" else "ditandatangani dengan kunci"
        assert signed in _text(dialog, "#report") and field.value == ""  # not kept
        assert not _asks(dialog)
    _signed(bundled)
    assert "salah data" in (bundled / "feeds" / "rss.xml").read_text()  # it went out


@pytest.mark.parametrize("language", ["en", "id"])
async def test_a_wrong_passphrase_publishes_nothing_and_the_field_stays(
    bundled: Path, keyhome: Path, language: str
) -> None:
    """A wrong passphrase went out unsigned (or, at a terminal, still does not: the core
    stops the run); here it is said under the field, nothing is written, and the next try
    signs."""
    from textual.widgets import Input

    _, _, wrong, empty = WORDS[language]
    make_key(bundled, "sandi kantor")
    _work(bundled)
    app = make_app(bundled, "nur", language)
    async with app.run_test(size=(80, 24)) as pilot:
        dialog = await _dialog(app, pilot)
        await pilot.press("enter")  # nothing typed: asked for, no run
        await pilot.pause()
        assert empty in _text(dialog, "#passphrase-error") and not dialog.running  # type: ignore[attr-defined]
        await pilot.press(*"sandi salah", "enter")
        await until(pilot, lambda: wrong in _text(dialog, "#passphrase-error"), "the error")
        await _run_done(pilot, dialog)
        assert not (bundled / "feeds").exists()  # nothing published, nothing unsigned
        field = dialog.query_one("#passphrase", Input)  # type: ignore[attr-defined]
        assert _asks(dialog) and field.value == "" and app.focused is field
        assert dialog.query_one("#go").display and not dialog.query_one("#go").disabled  # type: ignore[attr-defined]
        await pilot.press(*"sandi kantor", "enter")
        await until(pilot, lambda: not dialog.query_one("#go").display, "the run done")  # type: ignore[attr-defined]
        await _run_done(pilot, dialog)
    _signed(bundled)


@pytest.mark.parametrize("case", ["unencrypted", "variable", "no key"])
async def test_no_passphrase_field_when_none_is_to_be_typed(
    bundled: Path, keyhome: Path, case: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A key made --unencrypted, a passphrase the variable gives, a newsroom that does not
    sign: no field, and Publish now has the focus as before."""
    if case == "unencrypted":
        make_key(bundled)
    elif case == "variable":
        make_key(bundled, "sandi kantor")
        config = bundled / "newsroom.toml"  # (the bundled one has no [signing] table)
        config.write_text(config.read_text() + '\n[signing]\npassphrase_env = "HUMAS_SANDI"\n')
        monkeypatch.setenv("HUMAS_SANDI", "sandi kantor")
    _work(bundled)
    app = make_app(bundled, "nur")
    async with app.run_test(size=(80, 24)) as pilot:
        dialog = await _dialog(app, pilot)
        assert not _asks(dialog)
        assert app.focused is dialog.query_one("#go")  # type: ignore[attr-defined]
        assert "once its passphrase is typed" not in _text(dialog, "#report")
        await pilot.press("enter")
        await _run_done(pilot, dialog)
    if case == "no key":
        assert not (bundled / "feeds" / "SHA256SUMS").exists()
    else:
        _signed(bundled)


async def test_the_passphrase_typed_is_not_in_the_workers_words_nor_a_crash_report(
    bundled: Path, keyhome: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Textual names a worker by its arguments (its log) and prints a crash's traceback
    with every frame's locals on the terminal: the run's worker was given the passphrase as
    text, so a full disk during the run printed `typed='sandi kantor'` on the screen."""
    from rich.console import Console
    from rich.traceback import Traceback
    from textual.worker import WorkerFailed

    from newsroom.core.service import Newsroom

    make_key(bundled, "sandi kantor")
    _work(bundled)
    real, named = Newsroom.publish, []

    def full_disk(self: Newsroom, **kwargs: object) -> object:
        if not kwargs.get("dry_run"):
            from textual.worker import get_current_worker

            named.append(get_current_worker().description)
            raise OSError(28, "No space left on device")
        return real(self, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(Newsroom, "publish", full_disk)
    app = make_app(bundled, "nur")
    with pytest.raises(WorkerFailed) as crash:  # (the pilot raises the crash at its end)
        async with app.run_test(size=(80, 24)) as pilot:
            await _dialog(app, pilot)
            await pilot.press(*"sandi kantor", "enter")
            await until(pilot, lambda: bool(named), "the run")
    error = crash.value.error  # the traceback Textual prints, every frame's locals shown
    console = Console(record=True, width=200)
    console.print(Traceback.from_exception(type(error), error, error.__traceback__,
                                           show_locals=True, locals_max_length=5))  # fmt: skip
    said = console.export_text()
    assert "No space left on device" in said and "typed" in said
    assert "sandi kantor" not in said and "sandi kantor" not in named[0], named


async def test_the_preview_tries_the_variables_passphrase_as_the_run_does(
    bundled: Path, keyhome: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The variable's passphrase, wrong: the run goes out unsigned, and the dialog's preview
    said "would sign with key …" (it did not try it; pre20). It now says so beforehand."""
    make_key(bundled, "sandi kantor")
    config = bundled / "newsroom.toml"
    config.write_text(config.read_text() + '\n[signing]\npassphrase_env = "HUMAS_SANDI"\n')
    monkeypatch.setenv("HUMAS_SANDI", "sandi salah")
    _work(bundled)
    app = make_app(bundled, "nur")
    async with app.run_test(size=(80, 24)) as pilot:
        dialog = await _dialog(app, pilot)
        report = _text(dialog, "#report")
        assert not _asks(dialog) and "would sign" not in report, report
        assert "would not be signed: the passphrase in HUMAS_SANDI" in report, report


def _seen(app: object) -> str:
    """The words on the screen as the person sees them (nothing scrolled)."""
    import html
    import re

    svg = app.export_screenshot()  # type: ignore[attr-defined]
    text = html.unescape(re.sub(r"<[^>]+>", " ", svg)).rsplit("}", 1)[-1]  # (not its style)
    return " ".join(text.split())


@pytest.mark.parametrize("language", ["en", "id"])
async def test_the_signing_line_is_seen_at_80x24_without_scrolling(
    bundled: Path, keyhome: Path, language: str
) -> None:
    """With a few releases to publish, the preview's line of the key (and its passphrase
    typed below) came last in the report, below the fold of its scroll at 80x24: it now
    comes first, over the field."""
    import datetime as dt

    from .feedkit import release

    _, promise, _, _ = WORDS[language]
    key = make_key(bundled, "sandi kantor")
    for n in range(5):
        release(bundled, NOW - dt.timedelta(hours=5 - n), f"Rilis nomor {n}")
    app = make_app(bundled, "nur", language)
    async with app.run_test(size=(80, 24)) as pilot:
        dialog = await _dialog(app, pilot)
        assert _asks(dialog) and promise in _text(dialog, "#report")
        assert dialog.query_one("#plan").max_scroll_y > 0  # type: ignore[attr-defined]
        signs = {"en": "would sign with key", "id": "akan ditandatangani dengan kunci"}
        seen = _seen(app)
        assert f"{signs[language]} {key}" in seen, seen
        assert "Publish now" in seen or "Terbitkan" in seen, seen  # (the buttons stay)
