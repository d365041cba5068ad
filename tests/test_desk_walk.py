"""What new users met on a walk through the desk, each kept fixed: the editor's focus and
Enter, the dateline's shape, the text's label and the form's width, the palette offering
only what the workflow allows, the retraction's refusal and its one person."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from click.testing import CliRunner

from newsroom.cli import cli
from newsroom.core.service import NewArticle, Newsroom

from .tuikit import SEED_ID, make_app

SENT_BACK = "35384aa0"  # the bundled release sent back for changes, never published

# 6. Retracting a release never published says exactly what can be retracted -------------


@pytest.mark.parametrize(
    ("language", "expected"),
    [
        (
            "en",
            "retract refused: articles/contoh/contoh-perlu-perbaikan-pelayanan-publik.md: "
            "cannot retract a release sent back for changes that was never "
            "published (only a published release, or a published release whose correction is "
            "being written, in review, sent back for changes or approved)",
        ),
        (
            "id",
            "cabut ditolak: articles/contoh/contoh-perlu-perbaikan-pelayanan-publik.md: "
            "tidak bisa mencabut siaran pers yang dikembalikan untuk diperbaiki "
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
async def test_the_palette_offers_publish_on_every_release_as_on_the_desk(
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
    draft = nur.find("contoh-draf")
    app = make_app(bundled, "redaktur", language)
    async with app.run_test(size=(120, 40)) as pilot:
        await app.workers.wait_for_complete()
        # publish is newsroom-wide: offered whatever the release's status, as on the desk
        for ident in (draft.id, waiting.id, SEED_ID):
            app.push_screen(ReleaseScreen(ident))
            await app.workers.wait_for_complete()
            await pilot.pause()
            shown = await palette_offers(app, pilot, publish.split()[0][:5])
            assert any(publish in text for text in shown), (ident, shown)
            translate = "Translate (t)" if language == "en" else "Terjemahkan (t)"
            shown = await palette_offers(app, pilot, translate[:5])
            if ident != draft.id:  # (a retracted release is never translated: the palette
                translatable = ident == waiting.id  # finds it only to say why not)
                hidden = [translate in text and app.t("palette.not_here") in text for text in shown]
                offers = any(translate in text for text in shown) and not any(hidden)
                assert offers == translatable and any(hidden) != translatable, (ident, shown)
            await pilot.press("P")  # the key does what the palette offers
            await pilot.pause()
            assert type(app.screen).__name__ == "PublishScreen", ident
            await pilot.press("escape")
            await pilot.pause()
            await pilot.press("escape")
            await pilot.pause()


# 1, 3, 4. The editor: typing starts in the title, Enter goes down the form; the text has
# its label; the form takes its share of a wide terminal and still fits 80x24 --------------


@pytest.mark.parametrize(("language", "label"), [("en", "Text"), ("id", "Isi")])
async def test_after_n_typing_starts_in_the_title_and_enter_goes_down_the_form(
    bundled: Path, language: str, label: str
) -> None:
    from textual.widgets import Input, Label, TextArea

    from newsroom.tui.screens.editor import FIELDS, EditScreen

    app = make_app(bundled, "ald", language)
    async with app.run_test(size=(80, 24)) as pilot:
        await app.workers.wait_for_complete()
        await pilot.pause()
        await pilot.press("n", *"Rilis Baru", "enter")
        await pilot.pause()
        editor = app.screen
        assert isinstance(editor, EditScreen)
        assert editor.focused is editor.query_one("#f-title", Input)
        await pilot.press(*" 2026", "enter", *"bandung", "enter")
        assert editor.query_one("#f-title", Input).value == "Rilis Baru 2026"
        assert editor.query_one("#f-dateline", Input).value == "bandung"
        assert editor.focused is editor.query_one("#f-author", Input)
        for _ in FIELDS[2:]:  # on down, in reading order, to the text
            await pilot.press("enter")
        assert editor.focused is editor.query_one("#body", TextArea)
        assert not list((bundled / "articles").rglob("rilis-baru*.md"))  # Enter saves nothing
        body_label = editor.query_one("#l-body", Label)
        assert str(body_label.render()) == label
        body = editor.query_one("#body", TextArea).region
        assert body_label.region.y < body.y and body_label.region.x >= body.x  # above it
        form = editor.query_one("#form").region
        assert form.width >= 34 and body.right <= 80 and body.width >= 34  # both fit at 80


async def test_the_form_takes_its_share_of_a_wide_terminal(bundled: Path) -> None:
    from textual.widgets import TextArea

    from newsroom.tui.screens.editor import EditScreen

    app = make_app(bundled, "ald")
    async with app.run_test(size=(120, 40)) as pilot:
        await app.workers.wait_for_complete()
        app.push_screen(EditScreen(app.newsroom.edit(app.newsroom.find("contoh-draf").id)))
        await pilot.pause()
        form = app.screen.query_one("#form").region
        body = app.screen.query_one("#body", TextArea).region
        assert form.width >= 55 and body.width >= 55, (form, body)


# 7. A retraction needs one person: said in the docs and in the retract dialog ------------


@pytest.mark.parametrize(
    ("language", "said"),
    [("en", "A retraction needs no second approval (it is urgent)"),
     ("id", "Pencabutan tidak perlu persetujuan kedua (mendesak)")],
)  # fmt: skip
async def test_the_retract_dialog_says_one_person_decides(
    bundled: Path, language: str, said: str
) -> None:
    from textual.widgets import Static

    from newsroom.tui.screens.modals import NoteModal
    from newsroom.tui.screens.release import ReleaseScreen

    app = make_app(bundled, "nur", language)
    async with app.run_test(size=(80, 24)) as pilot:
        await app.workers.wait_for_complete()
        app.push_screen(ReleaseScreen(SEED_ID))
        await app.workers.wait_for_complete()
        await pilot.pause()
        await pilot.press("X")
        await pilot.pause()
        assert isinstance(app.screen, NoteModal)
        prompt = " ".join(str(s.render()) for s in app.screen.query(Static))
        assert said in " ".join(prompt.split())
        assert app.screen.query_one("#ok").region.bottom <= 24  # the dialog fits 80x24


def test_the_docs_say_a_retraction_needs_one_person() -> None:
    docs = Path(__file__).resolve().parent.parent
    workflow = (docs / "docs" / "workflow.md").read_text(encoding="utf-8")
    eyes = workflow.split("## Four eyes", 1)[1].split("\n## ", 1)[0]
    assert "A retraction needs one person" in eyes
    readme = " ".join((docs / "README.md").read_text(encoding="utf-8").split())
    assert "A retraction, which takes a release out, needs one person" in readme


# 2. A dateline is a city: an overlong or multi-line one is refused before review ----------

LONG = "Yogyakarta pada hari Senin tanggal tujuh Desember dua ribu dua puluh enam"


@pytest.mark.parametrize(
    ("language", "said"),
    [("en", "the dateline “YOGYAKARTA PADA HARI SENIN TA…” (73 characters) is no city: give the "
            "city the release comes from, e.g. YOGYAKARTA: a place name on one line, at most 40 "
            "characters, without a date, a dash or a sentence (the feeds open the text with it) "
            "— change Dateline in the editor"),
     ("id", "isian Kota “YOGYAKARTA PADA HARI SENIN TA…” (73 karakter) bukan nama kota: isi kota "
            "asal siaran pers, mis. YOGYAKARTA: nama tempat dalam satu baris, paling banyak 40 "
            "karakter, tanpa tanggal, tanda pisah atau kalimat (feed mengawali isi dengannya) "
            "— ubah Kota di penyunting")],
)  # fmt: skip
def test_an_overlong_dateline_is_refused_at_submit_saying_what_a_dateline_is(
    as_user: Callable[..., Newsroom], root: Path, language: str, said: str
) -> None:
    from newsroom.core.errors import Refused

    from .test_walk_defects import FULL, made

    ref = made(as_user, NewArticle(**{**vars(FULL), "dateline": LONG}))
    ald = as_user("ald")
    with pytest.raises(Refused):
        ald.act(ref, "submit")
    env = {"NEWSROOM_LANG": language, "COLUMNS": "400"}
    done = CliRunner().invoke(cli, ["--root", str(root), "--as", "ald", "submit", ref[:8]], env=env)
    assert done.exit_code == 1 and said in " ".join(done.output.split())
    city = NewArticle(
        **{**vars(FULL), "title": "Kota", "dateline": "KOTA ADMINISTRASI JAKARTA SELATAN"}
    )
    assert ald.act(made(as_user, city), "submit").article.status == "in_review"


def test_a_dateline_over_several_lines_fails_its_check(as_user: Callable[..., Newsroom]) -> None:
    from newsroom.core.checks import run_checks

    article = as_user("ald").find(made_ref(as_user))
    article.dateline = "YOGYA\nKARTA"
    nr = as_user("ald")
    (failed,) = [c for c in run_checks(article, nr.config, nr.now()) if c.name == "dateline"]
    assert not failed.passed and failed.blocks and failed.field == "dateline"
    assert "“YOGYA ⏎ KARTA”" in failed.message


def made_ref(as_user: Callable[..., Newsroom]) -> str:
    from .test_walk_defects import made

    return made(as_user)


async def test_the_editor_shows_the_dateline_refused_under_its_field_after_a_save(
    bundled: Path,
) -> None:
    from textual import events
    from textual.widgets import Input, Label

    from .tuikit import ready, until

    app = make_app(bundled, "ald", "en")
    async with app.run_test(size=(80, 24)) as pilot:
        await ready(pilot)
        await pilot.press("n", *"Rilis Baru", "enter")
        await until(pilot, lambda: app.screen.query("#f-dateline"), "the editor")
        editor = app.screen
        title, dateline = (
            editor.query_one("#f-title", Input),
            editor.query_one("#f-dateline", Input),
        )
        await until(pilot, lambda: title.value == "Rilis Baru", "the title typed")
        # Enter and what follows it in one burst (a fast typist): it lands in the next field
        for char in ("\r", *LONG):
            key = "enter" if char == "\r" else ("space" if char == " " else char)
            app.post_message(events.Key(key, char))
        # (a burst takes its time on a loaded machine: wait for its last key, not one pause)
        await until(pilot, lambda: len(dateline.value) >= len(LONG), "the burst typed")
        assert title.value == "Rilis Baru"
        assert dateline.value == LONG
        await pilot.press("ctrl+s")
        error = editor.query_one("#e-dateline", Label)
        await until(pilot, lambda: error.display, "the save's check shown")
        assert "(73 characters) is no city" in str(error.render())
        assert str(error.render()).startswith("The dateline “")  # a line of its own
        assert str(editor.query_one("#e-body", Label).render()) == "Missing: Text"
        await pilot.press("ctrl+l")  # worded again in the other language
        await until(pilot, lambda: "karakter" in str(error.render()), "worded again")
        assert "(73 karakter) bukan nama kota" in str(error.render())
        assert str(error.render()).startswith("Isian Kota “")
        assert str(editor.query_one("#e-body", Label).render()) == "Belum diisi: Isi"
        assert next((bundled / "articles").rglob("rilis-baru.md"))  # saved all the same
        dateline.value = "yogyakarta"
        await pilot.press("ctrl+s")
        await until(pilot, lambda: not error.display, "the check passed")


def test_a_retracted_release_is_not_translated(bundled: Path) -> None:
    from newsroom.core.clock import fixed_clock
    from newsroom.core.errors import NewsroomError

    from .tuikit import NOW

    nur = Newsroom.open(bundled, "nur", fixed_clock(NOW))
    nur.act(SEED_ID, "retract", note="Data belum final")
    with pytest.raises(NewsroomError, match="is retracted: a translation of it could never go"):
        nur.translate(SEED_ID, "en")
    env = {"NEWSROOM_LANG": "id", "COLUMNS": "400"}
    args = ["--root", str(bundled), "--as", "nur", "translate", SEED_ID[:8], "--language", "en"]
    done = CliRunner().invoke(cli, args, env=env)
    assert done.exit_code == 1 and "sudah dicabut: terjemahannya tidak akan pernah" in done.output


async def test_the_palette_asks_in_the_ui_language(bundled: Path) -> None:
    from textual.command import CommandInput

    app = make_app(bundled, "ald", "id")
    async with app.run_test(size=(80, 24)) as pilot:
        await app.workers.wait_for_complete()
        await pilot.press("ctrl+p")
        await pilot.pause()
        assert app.screen.query_one(CommandInput).placeholder == "Cari perintah…"


@pytest.mark.parametrize(
    "dateline",
    ["Jakarta, 2 Desember 2026 - Kementerian", "Kementerian PANRB hari ini menyampaikan",
     "JAKARTA – Kementerian PANRB", "JAKARTA - KEMENTERIAN", "Jakarta (DKI)",
     "KEMENTERIAN PANRB HARI INI MENYAMPAIKAN", "MENTERI PANRB MENYAMPAIKAN BAHWA",
     "KEMENTERIAN PANRB"],
)  # fmt: skip
def test_a_dateline_that_reads_as_no_place_fails_its_check(
    as_user: Callable[..., Newsroom], dateline: str
) -> None:
    """A date, a dash or a sentence typed into the dateline is no city, though short and on
    one line: the checklist said "✓ the dateline is a city" and the text went out as
    "JAKARTA – KEMENTERIAN PANRB – ..." (the fresh-clone walk)."""
    from newsroom.core.checks import run_checks

    nr = as_user("ald")
    article = nr.find(made_ref(as_user))
    article.dateline = dateline
    (failed,) = [c for c in run_checks(article, nr.config, nr.now()) if c.name == "dateline"]
    assert not failed.passed and failed.blocks and failed.field == "dateline"


@pytest.mark.parametrize(
    "dateline",
    ["YOGYAKARTA", "KOTA ADMINISTRASI JAKARTA SELATAN", "Bau-Bau", "Rio de Janeiro",
     "Labuan Bajo", "St. Petersburg", "Jakarta", "DI YOGYAKARTA", "BAU-BAU"],
)  # fmt: skip
def test_a_place_name_passes_the_dateline_check(
    as_user: Callable[..., Newsroom], dateline: str
) -> None:
    from newsroom.core.checks import run_checks

    nr = as_user("ald")
    article = nr.find(made_ref(as_user))
    article.dateline = dateline
    (passed,) = [c for c in run_checks(article, nr.config, nr.now()) if c.name == "dateline"]
    assert passed.passed


def test_an_empty_dateline_is_named_missing_and_given_no_tick_as_a_city(
    as_user: Callable[..., Newsroom],
) -> None:
    """The submit checklist showed "✗ missing: Dateline" and "✓ dateline: one city" together
    (the city check passed an empty field; a fresh-clone walk): the missing field is the one
    line that speaks of it."""
    from newsroom.core.checks import run_checks

    nr = as_user("ald")
    article = nr.find(made_ref(as_user))
    article.dateline = "  "
    checks = {c.name: c for c in run_checks(article, nr.config, nr.now())}
    assert "dateline" not in checks
    assert not checks["required_fields"].passed and "dateline" in checks["required_fields"].message
