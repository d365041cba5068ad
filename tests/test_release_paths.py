"""Names from a release never run code and never lead out of their folder (issue 9, section 3).

$EDITOR is started without a shell (core/external.py) from the CLI and the desk; every
path built from a slug or an id goes through core/confine.py.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import tempfile
from collections.abc import Callable
from pathlib import Path

import pytest
from click.testing import CliRunner

from newsroom.cli import cli
from newsroom.core import lease
from newsroom.core.confine import OutsideFolder, inside
from newsroom.core.errors import ArticleError, NewsroomError
from newsroom.core.external import editor_argv
from newsroom.core.model import Article
from newsroom.core.service import NewArticle, Newsroom

from .tuikit import make_app

HOSTILE = "x$(touch${IFS}INJECTED)"
IMPORTED = """---
id: 5a5a5a5a-0000-4000-8000-000000000005
title: Rilis
slug: '{slug}'
---

Isi.
"""


@pytest.fixture
def hostile_tmp(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """Temporary files go to a folder whose name is a shell command; the cwd is tmp_path,
    where that command would leave its mark."""
    folder = tmp_path / HOSTILE
    folder.mkdir()
    monkeypatch.setattr(tempfile, "tempdir", str(folder))
    monkeypatch.chdir(tmp_path)
    return tmp_path


def test_newsroom_edit_starts_the_editor_without_a_shell(
    root: Path, hostile_tmp: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    made = Newsroom.open(root, "ald").create(NewArticle(title="Rilis", body="Lama."))
    monkeypatch.setenv("EDITOR", "sed -i s/Lama/Baru/")
    result = CliRunner().invoke(cli, ["--root", str(root), "--as", "nur", "edit", made.id])
    assert result.exit_code == 0, result.output
    assert not (hostile_tmp / "INJECTED").exists()
    assert Newsroom.open(root, "nur").find(made.id).body == "Baru.\n"


async def test_the_desks_f4_starts_the_editor_without_a_shell(
    bundled: Path, hostile_tmp: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from newsroom.tui.screens.editor import EditScreen

    monkeypatch.setenv("VISUAL", "sed -i s/Contoh/Diubah/")
    app = make_app(bundled, "redaktur")
    async with app.run_test(size=(120, 40)) as pilot:
        monkeypatch.setattr(app, "suspend", contextlib.nullcontext)  # no terminal to hand over
        await app.workers.wait_for_complete()
        draft = app.newsroom.find("contoh-draf")
        app.push_screen(EditScreen(app.newsroom.edit(draft.id)))
        await app.workers.wait_for_complete()
        await pilot.pause()
        await pilot.press("f4")
        await pilot.pause()
        assert not (hostile_tmp / "INJECTED").exists()
        assert list((hostile_tmp / HOSTILE).iterdir()) == []  # the copy came back and went
        assert isinstance(app.screen, EditScreen) and app.screen.dirty


def test_the_editor_setting_is_split_into_words_and_the_file_is_one_argument() -> None:
    path = Path(f"/tmp/{HOSTILE} dua.md")
    assert editor_argv(path, {}) == ["vi", str(path)]
    assert editor_argv(path, {"EDITOR": "code --wait"}) == ["code", "--wait", str(path)]
    both = {"VISUAL": "'/opt/my editor/bin/ed' -n", "EDITOR": "nano"}
    assert editor_argv(path, both) == ["/opt/my editor/bin/ed", "-n", str(path)]
    assert editor_argv(path, {"VISUAL": "  ", "EDITOR": "nano"}) == ["nano", str(path)]
    with pytest.raises(NewsroomError, match="cannot read the editor setting"):
        editor_argv(path, {"EDITOR": "'unclosed"})


@pytest.mark.parametrize("slug", ["../../../../X", "{tmp}/X", HOSTILE])
def test_an_imported_slug_never_writes_outside_articles(
    root: Path, tmp_path: Path, as_user: Callable[..., Newsroom], slug: str
) -> None:
    source = tmp_path / "kiriman.md"
    source.write_text(IMPORTED.format(slug=slug.replace("{tmp}", str(tmp_path))))
    with pytest.raises(ArticleError, match="`slug`"):
        as_user("ald").import_file(source)
    assert set(tmp_path.rglob("*.md")) == {source}


def test_a_name_that_would_leave_its_folder_is_refused(tmp_path: Path) -> None:
    assert inside(tmp_path, "2026", "11", "rilis.md") == tmp_path / "2026" / "11" / "rilis.md"
    for name in ("..", ".", "", "../x", "/etc/passwd", "a\\b", "a\0b"):
        with pytest.raises(OutsideFolder):
            inside(tmp_path, name)


def test_paths_made_from_a_bad_id_or_slug_are_refused(
    root: Path, as_user: Callable[..., Newsroom]
) -> None:
    newsroom = as_user("ald")
    now = dt.datetime.now(dt.UTC)
    outside = root.parent / "pwned"
    with pytest.raises(OutsideFolder):
        lease.acquire(newsroom.config, f"../../../{outside.name}", "ald", now)
    with pytest.raises(OutsideFolder):
        newsroom.keep_unsaved(f"../../../{outside.name}", "teks")
    article = Article(id="5a5a5a5a-0000-4000-8000-000000000005", title="T", slug="../../x")
    with pytest.raises(OutsideFolder):
        newsroom.store.path_for(article)
    assert not list(root.parent.glob("pwned*")) and not (root / "x.md").exists()


def test_the_store_never_writes_a_release_it_could_not_read_back(
    as_user: Callable[..., Newsroom], root: Path
) -> None:
    newsroom = as_user("ald")
    for article in (
        Article(id="5a5a5a5a-0000-4000-8000-000000000005", title="T", slug="a" * 121),
        Article(id="../../../x", title="T", slug="t"),
    ):
        with pytest.raises(ArticleError, match="not saved"):
            newsroom.store.save(article)
    assert not list((root / "articles").rglob("*.md"))
