"""What the nineteenth fresh-clone walk found, each kept fixed: the desk's hints on an
approved release give the way that works (request changes first), never the editor's key it
refuses nor a literal `REF`; `newsroom show` and the desk's preview put the sign-off where
the feeds do (a paragraph of its own after a list)."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from click.testing import CliRunner
from textual.widgets import Static

from newsroom.cli import cli
from newsroom.core.service import NewArticle, Newsroom

from .test_desk_narrow import settle
from .test_walk_defects import FULL, made
from .tuikit import make_app

# 1. Hints on an approved release: request changes first, no literal REF -------------------

NO_SUMMARY = NewArticle(**{**vars(FULL), "summary": ""})  # a recommended check fails


@pytest.mark.parametrize(
    ("language", "way", "editor"),
    [
        ("id", "minta perbaikan dahulu (r)", "di penyunting (e)"),
        ("en", "request changes first (r)", "in the editor (e)"),
    ],
)
async def test_hints_on_an_approved_release_say_to_request_changes_first(
    as_user: Callable[..., Newsroom], root: Path, language: str, way: str, editor: str
) -> None:
    """The walk approved a release without a summary: the toast after approving and the
    `E` checklist said to set it in the editor (e), which then refused, naming
    `newsroom request-changes REF`. Every hint now says to request changes first (r)."""
    from newsroom.tui.screens.checklist import ChecklistModal
    from newsroom.tui.screens.release import ReleaseScreen

    ref = made(as_user, NO_SUMMARY)
    as_user("ald").act(ref, "submit")
    app = make_app(root, "nur", language)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(app, pilot)
        app.push_screen(ReleaseScreen(ref))
        await settle(app, pilot)
        await pilot.press("a")  # in review: the editor may still fix it before approving
        await settle(app, pilot)
        assert isinstance(app.screen, ChecklistModal)
        await pilot.press("enter")
        await settle(app, pilot)
        said = [str(n.message) for n in app._notifications]
        assert any(way in s for s in said), said
        assert not any(editor in s for s in said), said
        app._notifications.clear()
        await pilot.press("E")
        await settle(app, pilot)
        assert isinstance(app.screen, ChecklistModal)
        checks = str(app.screen.query_one("#checks", Static).render())
        assert way in checks and editor not in checks, checks
        await pilot.press("escape")
        await settle(app, pilot)
        await pilot.press("e")  # refused: says so by the desk's key, no `REF` to fill in
        await settle(app, pilot)
        said = [str(n.message) for n in app._notifications]
        assert any(way in s for s in said), said
        assert not any("REF" in s for s in said), said


@pytest.mark.parametrize("language", ["id", "en"])
def test_the_desks_words_name_no_literal_ref(language: str) -> None:
    """A sentence the command line words with `REF` (a command to type with the release's
    id) has the desk's own wording, by its keys (the lease's is the desk's take-over
    dialog's), and a refusal on the desk uses it."""
    from newsroom.i18n import CATALOG, Translator
    from newsroom.i18n.explain import why

    t = Translator(language)
    with_ref = [k for k, (en, _) in CATALOG.items() if "REF" in en and k != "error.lease_held"]
    assert with_ref
    for key in with_ref:
        assert t.has(key + ".tui") and "REF" not in t(key + ".tui", path="x", src="x"), key
    for action, status in (("edit", "approved"), ("edit", "published"), ("approve", "draft")):
        args = {"status": status, "states": "draft"}
        said = why(t, "no_rule", args, face="tui", action=action)
        assert "REF" not in said and "newsroom " not in said, said


# 2. The sign-off where partners see it: after a list, a paragraph of its own --------------

BODIES = {
    "paragraph": "Isi siaran pers.\n\nParagraf kedua.",
    "list": "Jadwal seleksi:\n\n- Pendaftaran Januari\n- Tes Februari",
    "ordered": "Tahapan:\n\n1. Daftar\n2. Tes",
    "loose list": "Tahapan:\n\n- Daftar\n\n- Tes",
    "quote": "Kata Menteri:\n\n> Kami siap.",
    "code": "Perintah:\n\n    make run",
    "starts with a list": "- Pendaftaran Januari\n- Tes Februari\n\nDemikian.",
    "heading": "Isi.\n\n## Kontak",
}


@pytest.mark.parametrize("name", sorted(BODIES))
def test_the_text_partners_see_puts_the_signoff_where_the_feeds_do(name: str) -> None:
    """The feeds close the last paragraph with the sign-off, and give it a paragraph of its
    own after a list (or a quote, code...); `partner_body` (the desk's preview, `newsroom
    show`) says the same, and so of the dateline before the first paragraph."""
    from newsroom.core.feeds.content import _body_html
    from newsroom.core.model import Article
    from newsroom.core.service import partner_body
    from newsroom.core.view import partner_text

    article = Article(id="x", slug="uji", title="Uji", body=BODIES[name], dateline="JAKARTA",
                      author="ald", credit="HUMAS UJI")  # fmt: skip
    html = _body_html(article.body, "JAKARTA", "ald", "HUMAS UJI", "https://x.id")[0]
    text = partner_body(partner_text(article))
    assert html.endswith("<p>(ald/HUMAS UJI)</p>\n") == text.endswith("\n\n(ald/HUMAS UJI)")
    assert html.startswith("<p>JAKARTA – </p>") == text.startswith("JAKARTA –\n\n")
    assert text.endswith("(ald/HUMAS UJI)") and text.startswith("JAKARTA –")


def test_show_and_the_desks_preview_put_the_signoff_apart_after_a_list(
    as_user: Callable[..., Newsroom], root: Path
) -> None:
    """The walk saw `- Tes dilaksanakan Februari 2027 (ald/HUMAS MENPANRB)` in `newsroom
    show` and the desk, the credit glued to the last item, where `newsroom text`, the
    feeds and the pages put it in a paragraph of its own."""
    from newsroom.i18n import Translator
    from newsroom.tui.widgets.preview import partner_markdown

    ref = made(as_user, NewArticle(**{**vars(FULL), "body": BODIES["list"]}))
    shown = CliRunner().invoke(cli, ["--root", str(root), "show", ref[:8]],
                               env={"NEWSROOM_LANG": "id", "COLUMNS": "80"})  # fmt: skip
    assert shown.exit_code == 0, shown.output
    assert "- Tes Februari\n\n(ald/HUMAS)\n" in shown.output, shown.output
    article = as_user("ald").find(ref)
    preview = partner_markdown(article, Translator("id"), str)
    assert preview.endswith("- Tes Februari\n\n(ald/HUMAS)"), preview
    paragraph = made(as_user, FULL)  # a text ending in a paragraph keeps it there
    article = as_user("ald").find(paragraph)
    assert partner_markdown(article, Translator("id"), str).endswith("Isi siaran pers. (ald/HUMAS)")


# 3. Discard on a restored copy: gone, never offered again ---------------------------------


async def test_discarding_a_restored_copy_removes_it(bundled: Path) -> None:
    """The walk restored a copy kept aside (`u`, enter), left with escape and chose Discard:
    the copy stayed in .newsroom/unsaved/ and was offered again at every start."""
    from newsroom.tui.screens.editor import EditScreen
    from newsroom.tui.screens.modals import UnsavedListModal, UnsavedModal

    from .test_keep_text import _keep

    app = make_app(bundled, "ald", "en")
    kept = _keep(app.newsroom, "contoh-draf", "Teks yang dibuang.\n")
    draft = app.newsroom.find("contoh-draf")
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(app, pilot)
        await pilot.press("u")
        await pilot.pause()
        assert isinstance(app.screen, UnsavedListModal)
        await pilot.press("enter")
        await settle(app, pilot)
        assert isinstance(app.screen, EditScreen)
        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(app.screen, UnsavedModal)
        await pilot.press("tab", "tab", "enter")  # the Discard button
        await pilot.pause()
        assert not isinstance(app.screen, (EditScreen, UnsavedModal))
    assert not kept.exists() and app.newsroom.unsaved() == []
    assert "Teks yang dibuang" not in (bundled / str(draft.path)).read_text()


# 4. At 80 columns: a release's title from its start; notices never over what is typed -----


@pytest.mark.parametrize("key", ["a", "E"])
async def test_notices_stand_clear_of_the_fields_of_the_checklist(bundled: Path, key: str) -> None:
    """The walk's toasts (a copy kept aside, an approval's warning) covered the `E` dialog's
    fields at 80x24: what the person typed was hidden. In a dialog where one types they
    stand at the top, clear of the fields and the buttons."""
    from textual.widgets import Button, Input
    from textual.widgets._toast import Toast, ToastRack

    from newsroom.core.clock import fixed_clock

    from .test_new_user_walk import IN_REVIEW, open_checklist
    from .tuikit import NOW, until

    if key == "E":
        Newsroom.open(bundled, "nur", fixed_clock(NOW)).act(IN_REVIEW, "approve")
    app = make_app(bundled, "redaktur", "id")
    async with app.run_test(size=(80, 24), notifications=True) as pilot:
        dialog = await open_checklist(app, pilot, key)
        long = "1 salinan teks Anda disisihkan, belum disimpan: tekan u untuk memulihkannya. " * 2
        app.notify(long, timeout=30)
        app.notify("Disetujui.", timeout=30)
        await settle(app, pilot)
        rack = dialog.query_one(ToastRack)
        await until(pilot, lambda: len(rack.query(Toast)) == 2, "the notices shown")
        await pilot.pause()
        toasts = [t.region for t in rack.query(Toast)]
        typed = [w.region for w in dialog.query(Input)] + [b.region for b in dialog.query(Button)]
        assert typed and all(w.height for w in typed), typed
        assert not any(t.overlaps(w) for t in toasts for w in typed), (toasts, typed)


# 5. `newsroom list` at 80 and 120 columns keeps the title readable -----------------------

LONG_TITLES = (
    "Rakornas Reformasi Birokrasi Digelar di Jakarta",
    "Menteri PANRB Resmikan Mal Pelayanan Publik Kota Bogor",
    "Pemerintah Tetapkan 2.500 Formasi CPNS 2027",
)


@pytest.mark.parametrize("language", ["id", "en"])
@pytest.mark.parametrize("columns", [80, 120])
def test_the_list_keeps_the_title_readable_with_numbers_and_embargoes(
    as_user: Callable[..., Newsroom], root: Path, columns: int, language: str
) -> None:
    """The walk's `newsroom list` at 80 columns, once releases had numbers and an embargo,
    left the title 4 characters ("Rako / rnas / Refo / rmas", one fragment a line). The
    title now keeps its room; the number goes under it, the embargo under the status."""
    import datetime as dt

    from .conftest import NOW

    writer = as_user("ald")
    for i, title in enumerate(LONG_TITLES):
        lift = NOW + dt.timedelta(days=30) if i else None  # two under embargo
        article = writer.create(NewArticle(**{**vars(FULL), "title": title, "embargo": lift}))
        article.release_number = f"B-00{i + 1}/HUMAS/XII/2026"
        writer.save_edit(article)
    env = {"NEWSROOM_LANG": language, "COLUMNS": str(columns)}
    listed = CliRunner().invoke(cli, ["--root", str(root), "list"], env=env)
    assert listed.exit_code == 0, listed.output
    lines = listed.output.splitlines()
    assert all(len(line) <= columns for line in lines), listed.output
    head = next(line for line in lines if line.startswith("┃"))
    title_width = len(head.rstrip("┃").rsplit("┃", 1)[1]) - 2
    assert title_width >= 25, listed.output  # (28 at 80 columns, 40 or more at 120)
    text = " ".join(line.rsplit("│", 2)[1].strip() for line in lines if line.startswith("│"))
    for i, title in enumerate(LONG_TITLES):  # every title whole, word by word; its number
        assert " ".join(title.split()) in " ".join(text.split()), listed.output
        assert f"B-00{i + 1}/HUMAS/XII/2026" in listed.output
    lift = f"{(NOW + dt.timedelta(days=30)):%d-%m-%Y}"
    assert listed.output.count(lift) == 2, listed.output  # the embargoes, in a column or not


@pytest.mark.parametrize(
    ("language", "way", "editor"),
    [
        ("id", "minta perbaikan (r) agar penulis melengkapi", "di penyunting (e)"),
        ("en", "request changes (r) so the writer sets", "in the editor (e)"),
    ],
)
async def test_the_reviewers_checklist_sends_a_fix_back_to_the_writer(
    as_user: Callable[..., Newsroom], root: Path, language: str, way: str, editor: str
) -> None:
    """The twenty-second walk: the approval checklist of a release in review told the
    reviewer to set the summary in the editor (e); a reviewer who edits becomes the last to
    change the text and may no longer approve it. It says to request changes instead."""
    from newsroom.tui.screens.checklist import ChecklistModal
    from newsroom.tui.screens.release import ReleaseScreen

    ref = made(as_user, NO_SUMMARY)
    as_user("ald").act(ref, "submit")
    app = make_app(root, "nur", language)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(app, pilot)
        app.push_screen(ReleaseScreen(ref))
        await settle(app, pilot)
        await pilot.press("a")
        await settle(app, pilot)
        assert isinstance(app.screen, ChecklistModal)
        checks = str(app.screen.query_one("#checks", Static).render())
        assert way in checks and editor not in checks, checks


def test_the_command_lines_refusal_sends_a_fix_back_to_the_writer() -> None:
    """The same on the command line: a failed check of an approval names request-changes."""
    from newsroom.core.checks import CheckResult
    from newsroom.i18n import Translator
    from newsroom.i18n.explain import check_with_fix

    failed = CheckResult("summary", "recommended", False, "no summary", field="summary")
    for language, way in (("en", "so the writer sets"), ("id", "agar penulis melengkapi")):
        t = Translator(language)
        said = check_with_fix(t, failed, "cli", "1234abcd", action="approve", status="in_review")
        assert "`newsroom request-changes 1234abcd`" in said and way in said, said
        submit = check_with_fix(t, failed, "cli", "1234abcd", action="submit", status="draft")
        assert "newsroom edit 1234abcd" in submit, submit
