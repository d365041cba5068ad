"""Versions kept: every published version, sealed, in the newsroom's own files."""

from __future__ import annotations

import subprocess
from pathlib import Path

import pytest
from click.testing import CliRunner
from hypothesis import given, settings
from hypothesis import strategies as st

from newsroom.cli import cli
from newsroom.core.config import load_config
from newsroom.core.errors import ArticleError
from newsroom.core.feeds.content import version_html
from newsroom.core.model import Article, Attachment, Image
from newsroom.core.seal import digest, live_content
from newsroom.core.store import Store
from newsroom.core.versions import PUBLISHED, RETRACTED, superseded_file, versions

from .feedkit import at, correct, feed_files, release, retract, run
from .test_numbering import number_releases


def load(root: Path, ident: str) -> Article:
    store = Store(load_config(root))
    return next(a for a in (store.load(p) for p in store.paths()) if a.id == ident)


def kept_files(root: Path) -> list[str]:
    return sorted(str(p.relative_to(root)) for p in (root / "articles").rglob("*.yaml"))


def twice_corrected(root: Path) -> str:
    number_releases(root)
    ident = release(root, at(0), "Rilis", body="Versi satu.\n")
    assert run(root, at(1)).ok
    correct(root, ident, at(2), "Angka salah", "Versi dua.\n")
    assert run(root, at(3)).ok
    correct(root, ident, at(4), "Nama salah eja", "Versi tiga.\n")
    assert run(root, at(5)).ok
    return ident


def test_a_release_never_published_has_no_versions_and_publish_writes_no_file(
    root: Path,
) -> None:
    ident = release(root, at(0), "Rilis")
    assert versions(load_config(root), load(root, ident)) == []
    assert run(root, at(1)).ok
    assert [v.version for v in versions(load_config(root), load(root, ident))] == [1]
    assert kept_files(root) == []  # no correction: nothing superseded, no file


def test_every_published_version_is_kept_with_its_time_note_number_and_seal(root: Path) -> None:
    ident = twice_corrected(root)
    article = load(root, ident)
    config = load_config(root)
    found = versions(config, article)
    assert [(v.version, v.status, v.body) for v in found] == [
        (1, PUBLISHED, "Versi satu.\n"), (2, PUBLISHED, "Versi dua.\n"),
        (3, PUBLISHED, "Versi tiga.\n"),
    ]  # fmt: skip
    assert [v.note for v in found] == ["", "Angka salah", "Nama salah eja"]
    assert found[0].published_at == article.published
    assert [v.published_at for v in found[1:]] == [c.at for c in article.corrections]
    assert [v.superseded_at for v in found] == [*(c.at for c in article.corrections), None]
    assert {v.number for v in found} == {"B-001/HUMAS/VI/2026"}
    seals = [h.seal for h in article.history if h.action == "publish"]
    assert [v.seal for v in found] == seals and len(set(seals)) == 3
    assert found[-1].seal == digest(live_content(article))
    assert found[0].sign_off == "(ald/HUMAS UJI)"
    html = version_html(found[0], config)
    assert html.startswith("<p>JAKARTA – Versi satu. (ald/HUMAS UJI)</p>")
    stem = str(article.path).removesuffix(".md")
    assert kept_files(root) == [f"{stem}/versions/1.yaml", f"{stem}/versions/2.yaml"]
    kept = (root / stem / "versions" / "1.yaml").read_text()
    assert "body: |\n    Versi satu.\n" in kept  # readable, diffable


def test_under_correction_the_last_version_is_the_published_one(root: Path) -> None:
    ident = release(root, at(0), "Rilis", body="Diterbitkan.\n")
    assert run(root, at(1)).ok
    correct(root, ident, at(2), "Ralat", "Sedang ditinjau.\n")  # approved, not yet published
    found = versions(load_config(root), load(root, ident))
    assert [(v.version, v.body) for v in found] == [(1, "Diterbitkan.\n")]


def test_a_retraction_withdraws_every_text_from_the_public_record_not_the_office(
    root: Path,
) -> None:
    ident = twice_corrected(root)
    retract(root, ident, at(6), "Data belum final")
    assert run(root, at(7)).ok
    config = load_config(root)
    public = versions(config, load(root, ident))
    assert [(v.version, v.status) for v in public] == [
        (1, PUBLISHED), (2, PUBLISHED), (3, PUBLISHED), (4, RETRACTED),
    ]  # fmt: skip
    marker = public[-1]
    assert marker.note == "Data belum final" and marker.body == "" and marker.seal == ""
    assert marker.number == "B-001/HUMAS/VI/2026" and marker.title == "Rilis"
    for v in public[:-1]:
        assert v.withdrawn and v.body == v.summary == v.dateline == v.sign_off == ""
        assert v.title == "Rilis" and v.number == "B-001/HUMAS/VI/2026" and v.seal
    office = versions(config, load(root, ident), public=False)
    assert [v.body for v in office[:-1]] == ["Versi satu.\n", "Versi dua.\n", "Versi tiga.\n"]


def test_a_version_file_changed_by_hand_is_refused_and_named(root: Path) -> None:
    ident = twice_corrected(root)
    article = load(root, ident)
    stem = str(article.path).removesuffix(".md")
    kept = root / stem / "versions" / "1.yaml"
    kept.write_text(kept.read_text().replace("Versi satu.", "Versi palsu."))
    with pytest.raises(ArticleError) as caught:
        versions(load_config(root), article)
    assert f"{stem}/versions/1.yaml" in str(caught.value)
    assert "changed by hand" in str(caught.value)
    checked = CliRunner().invoke(cli, ["--root", str(root), "check"])
    assert checked.exit_code == 1 and f"{stem}/versions/1.yaml" in checked.output
    # the seal in the file recomputed too: still refused (the release's history holds it)
    import yaml

    from newsroom.core.versions import _Loader

    data = yaml.load(kept.read_text(), Loader=_Loader)
    data["seal"] = digest(data["text"])
    kept.write_text(yaml.safe_dump(data, allow_unicode=True))
    with pytest.raises(ArticleError):
        versions(load_config(root), article)


def test_a_fresh_clone_rebuilds_every_output_exactly(root: Path, tmp_path: Path) -> None:
    from .feedkit import configure

    configure(root)
    ident = twice_corrected(root)
    other = release(root, at(5.5), "Lain")
    retract(root, ident, at(6), "Dicabut")
    assert run(root, at(7)).ok
    clone = tmp_path / "clone"
    clone.mkdir()
    for part in ("articles", "newsroom.toml"):  # what git keeps (.newsroom/, feeds/ are not)
        subprocess.run(["cp", "-a", str(root / part), str(clone / part)], check=True)
    assert run(clone, at(7)).ok
    assert feed_files(clone) == feed_files(root)
    for ident_ in (ident, other):
        for public in (True, False):
            assert versions(load_config(clone), load(clone, ident_), public=public) == versions(
                load_config(root), load(root, ident_), public=public
            )


@settings(max_examples=60, deadline=None)
@given(
    body=st.text(st.characters(blacklist_categories=("Cs", "Cc")), max_size=200),
    title=st.text(st.characters(blacklist_categories=("Cs", "Cc")), min_size=1, max_size=40),
)
def test_a_version_file_reads_back_exactly_what_was_sealed(
    tmp_path_factory: pytest.TempPathFactory, body: str, title: str
) -> None:
    """Whatever the text (leading spaces, `yes`, `#`, trailing blanks, tabs, unicode), the
    file publish writes reads back to the text its seal was made of."""
    from newsroom.core.config import Config
    from newsroom.core.versions import read_version

    root = tmp_path_factory.mktemp("v")
    config = Config(root=root)
    pdf = Attachment("a.pdf", "A", "application/pdf", 3, "0" * 64)
    article = Article(id="9ef7d5e6-e4d4-4ea9-a5b1-2018120700a1", title=title, slug="rilis",
                      body=body, image=Image("/a.jpg", "Cap"), path=Path("articles/rilis.md"),
                      published=at(0), attachments=[pdf])  # fmt: skip
    path, data = superseded_file(config, article, at(1))
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(data)
    text = read_version(config, article, 1, digest(live_content(article)))
    assert text is not None and text.body == body and text.title == title
    assert text.attachments == tuple(article.attachments)
