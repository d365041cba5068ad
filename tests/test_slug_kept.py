"""A correction keeps a published release's slug, its page's address
(`siaran-pers/<slug>/`, where every feed, mail and shared link points), as it keeps its
number: the edit is refused, a hand edit of the file is refused at submit and approve,
and publish refuses a correction approved with another slug (workflow.kept_for_ever)."""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner

from newsroom.cli import cli
from newsroom.core import workflow
from newsroom.core.clock import fixed_clock
from newsroom.core.errors import Refused
from newsroom.core.service import Newsroom

from .feedkit import at, release, run


def published(root: Path) -> tuple[str, Path, str]:
    """A published release under correction: its id, its file, its slug."""
    ident = release(root, at(0), "Rilis Pertama")
    assert run(root, at(0.1)).ok
    writer = Newsroom.open(root, "ald", fixed_clock(at(0.2)))
    article = writer.act(ident, "correct", note="Angka salah").article
    return ident, root / str(article.path), article.slug


def test_the_edit_of_a_correction_cannot_change_the_slug(root: Path) -> None:
    ident, path, slug = published(root)
    writer = Newsroom.open(root, "ald", fixed_clock(at(0.3)))
    article = writer.find(ident)
    article.slug, article.body = "rilis-baru", "Isi yang benar.\n"
    with pytest.raises(Refused) as refused:
        writer.save_edit(article)
    said = str(refused.value)
    assert refused.value.code == "slug_kept" and f"slug: {slug!r}" in said
    assert said.startswith(str(article.path)), said  # names the file
    assert f"slug: {slug}\n" in path.read_text()  # nothing written


def test_a_version_kept_before_it_held_a_field_leaves_that_field_free(root: Path) -> None:
    """An early kept version (before it held the slug and the number) compares neither: it
    is not read as an empty number or slug that the correction must put back."""
    ident, _, _ = published(root)
    article = Newsroom.open(root, "ald", fixed_clock(at(0.3))).find(ident)
    assert article.published_version is not None
    article.release_number = "B-001/HUMAS/I/2025"
    assert workflow.kept_for_ever(article) is not None  # a kept number is compared
    for name in workflow.KEPT_FOR_EVER:
        article.published_version.pop(name, None)
    article.slug = "rilis-lain"
    assert workflow.kept_for_ever(article) is None


@pytest.mark.parametrize(
    ("lang", "words"),
    [("en", "the correction changes the slug, its page's address (old links would break): "
            "put back slug “rilis-pertama”"),
     ("id", "ralat ini mengubah slug, alamat halamannya (tautan lama akan putus): "
            "kembalikan slug “rilis-pertama”")],
)  # fmt: skip
def test_a_hand_edited_slug_is_refused_at_submit_naming_the_file(
    root: Path, lang: str, words: str
) -> None:
    ident, path, slug = published(root)
    assert slug == "rilis-pertama"
    text = path.read_text() + "\nParagraf tiga.\n"  # the correction
    path.write_text(text.replace(f"\nslug: {slug}\n", "\nslug: rilis-baru\n", 1))  # an editor
    args = ["--root", str(root), "--as", "ald", "submit", ident[:8]]
    done = CliRunner().invoke(cli, args, env={"NEWSROOM_LANG": lang})
    assert done.exit_code == 1, done.output
    assert words in done.output and str(path.relative_to(root)) in done.output, done.output
    assert Newsroom.open(root, "ald").find(ident).status == "correcting"  # nothing changed
    path.write_text(text)  # the slug put back
    again = CliRunner().invoke(cli, args)
    assert again.exit_code == 0, again.output


def test_publish_refuses_a_correction_approved_with_another_slug(
    root: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A correction approved before the rule (or by another program) never moves the page."""
    ident, _path, slug = published(root)
    writer = Newsroom.open(root, "ald", fixed_clock(at(0.3)))
    monkeypatch.setattr(workflow, "kept_for_ever", lambda article: None)
    article = writer.find(ident)
    article.slug, article.body = "rilis-baru", "Isi yang benar.\n"
    writer.save_edit(article)
    writer.act(ident, "submit")
    Newsroom.open(root, "nur", fixed_clock(at(0.3))).act(ident, "approve")
    monkeypatch.undo()
    result = run(root, at(0.4))
    assert not result.ok
    said = " ".join(str(f) for f in result.failed)
    assert "keeps its slug (its page's address) for ever" in said and slug in said, said
    assert (root / "feeds" / "siaran-pers" / slug / "index.html").exists()
    assert not (root / "feeds" / "siaran-pers" / "rilis-baru").exists()
    assert Newsroom.open(root, "ald").find(ident).status == "approved"  # held back


async def test_the_desk_says_why_it_refuses_to_submit(bundled: Path) -> None:
    from newsroom.tui.screens.release import ReleaseScreen

    from .tuikit import NOW, SEED_ID, make_app

    article = (
        Newsroom.open(bundled, "ald", fixed_clock(NOW)).act(SEED_ID, "correct", note="Eja").article
    )
    path = bundled / str(article.path)
    text = path.read_text() + "\nParagraf ralat.\n"
    path.write_text(text.replace(f"\nslug: {article.slug}\n", "\nslug: alamat-baru\n", 1))
    app = make_app(bundled, "ald", "id")
    async with app.run_test(size=(120, 40)) as pilot:
        await app.workers.wait_for_complete()
        app.push_screen(ReleaseScreen(SEED_ID))
        await pilot.pause()
        await pilot.press("s")
        await pilot.pause()
        said = " ".join(str(n.message) for n in app._notifications)
    assert f"kembalikan slug “{article.slug}”" in said and str(article.path) in said, said
    assert Newsroom.open(bundled, "ald").find(SEED_ID).status == "correcting"
