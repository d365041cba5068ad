"""More defects a new user met on a walk through the newsroom, each kept fixed.

A made-up photo path published as a broken image, a second approval undoing a moved
embargo, a translation submitted with its original's text still in it.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from click.testing import CliRunner

from newsroom.cli import cli
from newsroom.core.errors import Refused
from newsroom.core.model import Image
from newsroom.core.service import Newsroom

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
    with pytest.raises(Refused, match="`foto-rapat.jpg` is no web address"):
        ald.act(other, "submit")
    assert ald.act(ref, "submit").article.status == "in_review"
