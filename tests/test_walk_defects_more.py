"""More defects a new user met on a walk through the newsroom, each kept fixed.

A made-up photo path published as a broken image, a second approval undoing a moved
embargo, a translation submitted with its original's text still in it.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from pathlib import Path

import pytest
from click.testing import CliRunner, Result

from newsroom.cli import cli
from newsroom.core.errors import Refused
from newsroom.core.model import Image
from newsroom.core.service import Newsroom

from .conftest import NOW
from .test_walk_defects import made

# 1. A photo that is no address, no site path and no attached file -------------------------


def with_photo(nr: Newsroom, ref: str, src: str) -> None:
    article = nr.find(ref)
    article.image = Image(src, "Menteri berbicara.", "HUMAS", "Menteri")
    nr.save_edit(article)


def test_a_made_up_photo_path_is_refused_before_approval(
    as_user: Callable[..., Newsroom], root: Path
) -> None:
    ref = made(as_user)
    ald = as_user("ald")
    with_photo(ald, ref, "Q4")
    with pytest.raises(Refused, match=r"Photo file or URL `Q4` is no web address") as refused:
        ald.act(ref, "submit")
    assert "newsroom attach REF FILE --photo" in str(refused.value)
    assert ald.find(ref).status == "draft"
    env = {"NEWSROOM_LANG": "id", "COLUMNS": "200"}
    done = CliRunner().invoke(cli, ["--root", str(root), "--as", "ald", "check"], env=env)
    assert "Berkas atau URL foto `Q4` bukan alamat web" in done.output
    assert "newsroom attach REF BERKAS --photo" in done.output


@pytest.mark.parametrize(
    "src", ["https://cdn.example.go.id/foto.jpg", "HTTP://example.go.id/a.jpg", "/images/foto.jpg"]
)
def test_a_photo_at_a_web_address_or_a_site_path_passes(
    as_user: Callable[..., Newsroom], src: str
) -> None:
    ref = made(as_user)
    ald = as_user("ald")
    with_photo(ald, ref, src)
    assert ald.act(ref, "submit").article.status == "in_review"


def test_an_attached_photo_passes_and_a_file_name_never_attached_is_refused(
    as_user: Callable[..., Newsroom], tmp_path: Path
) -> None:
    ref = made(as_user)
    ald = as_user("ald")
    source = tmp_path / "foto-rapat.jpg"
    source.write_bytes(b"\xff\xd8\xff\xe0 not really a jpeg")
    ald.attach(ref, source, "Rapat", photo=True)
    article = ald.find(ref)
    assert article.image is not None and article.image.src == "foto-rapat.jpg"
    article.image = Image("foto-rapat.jpg", "Rapat koordinasi.", "HUMAS", "Rapat")
    ald.save_edit(article)
    other = made(as_user)
    with_photo(ald, other, "foto-rapat.jpg")  # another release's attachment, not its own
    with pytest.raises(Refused, match=r"`foto-rapat\.jpg` is no web address"):
        ald.act(other, "submit")
    assert ald.act(ref, "submit").article.status == "in_review"


# 2. A second approval undoing a moved embargo ---------------------------------------------


def test_a_second_approval_cannot_undo_a_moved_embargo(
    as_user: Callable[..., Newsroom], root: Path
) -> None:
    ref = made(as_user)
    as_user("ald").act(ref, "submit")
    nur = as_user("nur")
    nur.act(ref, "approve", embargo=NOW + dt.timedelta(days=7))
    env = {"NEWSROOM_LANG": "en", "COLUMNS": "200"}

    def run(*args: str) -> Result:
        return CliRunner().invoke(cli, ["--root", str(root), "--as", "nur", *args], env=env)

    moved = run("embargo", ref[:8], "--until", "2026-12-09T09:00", "--note", "Kementerian minta")
    assert moved.exit_code == 0, moved.output
    again = run("approve", ref[:8], "--embargo", "08-12-2026 09:00")
    assert again.exit_code != 0
    assert "already approved: to move its embargo use `newsroom embargo" in again.output
    article = nur.find(ref)
    assert article.embargo is not None and article.embargo.day == 9
    assert [h.action for h in article.history][-2:] == ["approve", "embargo"]
    id_env = {**env, "NEWSROOM_LANG": "id"}
    done = CliRunner().invoke(
        cli, ["--root", str(root), "--as", "nur", "approve", ref[:8], "--embargo",
              "2026-12-10T09:00"], env=id_env,
    )  # fmt: skip
    assert "sudah disetujui: untuk mengubah embargonya pakai `newsroom embargo" in done.output


def test_approving_again_renews_only_an_approval_that_no_longer_stands(
    as_user: Callable[..., Newsroom],
) -> None:
    """docs/workflow.md: approving an approved release again seals its text anew where its
    approval no longer stands (approved before seals existed); one that stands is not
    approved twice, and the refusal says how to move its embargo."""
    ref = made(as_user)
    as_user("ald").act(ref, "submit")
    nur = as_user("nur")
    lift = NOW + dt.timedelta(days=7)
    nur.act(ref, "approve", embargo=lift)
    for embargo in (lift, None):
        with pytest.raises(Refused, match="approved already and its approval stands") as no:
            nur.act(ref, "approve", embargo=embargo)
        assert no.value.facts["reason"] == "approval_stands"
    article = nur.find(ref)
    article.history[-1].seal = ""  # as a release approved before approvals were sealed
    nur.store.save(article)
    assert nur.allowed(nur.find(ref))["approve"].allowed
    article = nur.act(ref, "approve").article
    assert article.embargo == lift and article.history[-1].seal.startswith("sha256:")
    assert [h.action for h in article.history][-2:] == ["approve"] * 2
    moved = nur.act(ref, "embargo", embargo=lift + dt.timedelta(days=1), note="Diundur").article
    assert moved.history[-1].action == "embargo" and moved.history[-1].note == "Diundur"


async def test_the_desks_embargo_key_on_an_approved_release_moves_the_embargo(
    bundled: Path,
) -> None:
    from textual.widgets import Input

    from newsroom.core.clock import fixed_clock
    from newsroom.tui.screens.release import ReleaseScreen

    from .test_tui import settle
    from .tuikit import NOW as DESK_NOW
    from .tuikit import make_app

    nur = Newsroom.open(bundled, "nur", fixed_clock(DESK_NOW))
    ref = nur.find("contoh-menunggu-review-zona-integritas").id
    nur.act(ref, "approve", embargo=DESK_NOW + dt.timedelta(days=10))
    app = make_app(bundled, "nur")
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(app, pilot)
        app.push_screen(ReleaseScreen(ref))
        await settle(app, pilot)
        await pilot.press("E")
        await pilot.pause()
        app.screen.query_one("#embargo", Input).value = "09-12-2026 09:00"
        await pilot.pause()
        await pilot.click("#approve")
        await settle(app, pilot)
    article = nur.find(ref)
    assert article.status == "approved"
    assert article.embargo is not None and (article.embargo.month, article.embargo.day) == (12, 9)
    assert [h.action for h in article.history][-2:] == ["approve", "embargo"]


# 3. A translation submitted with its original's text --------------------------------------


def test_an_untranslated_translation_is_refused_at_submit(
    as_user: Callable[..., Newsroom], root: Path
) -> None:
    original = made(as_user)
    ald = as_user("ald")
    english = ald.translate(original, "en")
    with pytest.raises(Refused, match=r"the body is still the original's: translate it") as no:
        ald.act(english.id, "submit")  # newsroom translate copied the title and the text
    assert "title is still the original's" not in str(no.value)  # the first field found
    env = {"NEWSROOM_LANG": "en", "COLUMNS": "200"}
    done = CliRunner().invoke(cli, ["--root", str(root), "--as", "ald", "submit", english.id[:8]],
                              env=env)  # fmt: skip
    assert done.exit_code != 0
    assert "the text is still the original's: translate it before review" in done.output
    article = ald.find(english.id)
    article.body = "The government announced a new policy."
    ald.save_edit(article)
    with pytest.raises(Refused, match="the title is still the original's"):
        ald.act(english.id, "submit")
    article = ald.find(english.id)
    article.title = "Complete Release"
    ald.save_edit(article)
    assert ald.act(english.id, "submit").article.status == "in_review"


def test_check_lists_an_untranslated_draft_in_both_languages(
    as_user: Callable[..., Newsroom], root: Path
) -> None:
    original = made(as_user)
    english = as_user("ald").translate(original, "en")
    article = as_user("ald").find(english.id)
    article.title = "Complete Release"
    as_user("ald").save_edit(article)
    env = {"NEWSROOM_LANG": "id", "COLUMNS": "200"}
    done = CliRunner().invoke(cli, ["--root", str(root), "check"], env=env)
    assert "isi masih sama dengan naskah asli: terjemahkan sebelum ditinjau" in done.output
    assert english.path is not None and english.path.name in done.output


def test_check_lists_a_published_translation_whose_original_was_corrected(root: Path) -> None:
    from .feedkit import at, configure, correct, release, run
    from .test_translations import load, translate

    configure(root)
    original = release(root, at(0), "ASN Jaga Netralitas")
    english = translate(root, original, 0.1)
    assert run(root, at(0.2)).ok
    clean = CliRunner().invoke(cli, ["--root", str(root), "check"], env={"COLUMNS": "200"})
    assert "may need the same correction" not in clean.output
    correct(root, original, at(1), "Angka anggaran salah", "Anggaran Rp 5 miliar.")
    assert run(root, at(1.1)).ok
    env = {"NEWSROOM_LANG": "en", "COLUMNS": "200"}
    done = CliRunner().invoke(cli, ["--root", str(root), "check"], env=env)
    assert "this translation may need the same correction" in done.output
    path = load(root, english).path
    assert path is not None and f"{path.name}: warning" in done.output
    assert done.exit_code == 0  # a warning (recommended), not an error
