"""Importing plain-text releases in the shapes they really arrive in, and slugs from titles."""

from __future__ import annotations

import datetime as dt
import textwrap
from collections.abc import Callable
from pathlib import Path

import pytest
from click.testing import CliRunner, Result

from newsroom.cli import cli
from newsroom.core.checks import run_checks
from newsroom.core.config import load_config
from newsroom.core.errors import Refused
from newsroom.core.feeds.markdown import render
from newsroom.core.importer import parse_plain
from newsroom.core.model import Image
from newsroom.core.service import NewArticle, Newsroom
from newsroom.core.slug import slugify

from .conftest import NOW

CAPTION = "Seluruh peserta secara bersama-sama menandatangani Komitmen Bersama"


def _paragraphs(seed: str) -> list[str]:
    return seed.split("\n")


def _shapes(seed: str) -> dict[str, str]:
    """The seed as different hands send it."""
    lines = _paragraphs(seed)
    spaced = "\n\n".join(lines)
    return {
        "blank line after the caption": lines[0] + "\n\n" + "\n".join(lines[1:]),
        "blank lines everywhere": spaced,
        "em dash": spaced.replace("YOGYAKARTA –", "YOGYAKARTA —"),
        "em dash, no spaces": spaced.replace("YOGYAKARTA – ", "YOGYAKARTA—"),
        "hyphen": spaced.replace("YOGYAKARTA –", "YOGYAKARTA -"),
        "windows line endings": spaced.replace("\n", "\r\n"),
        "byte-order mark and trailing blanks": "\ufeff" + spaced + "\n\n\n",
        "wrapped by a mail program": "\n\n".join(textwrap.fill(p, 72) for p in lines),
    }


def test_the_seed_as_it_is(seed_text: str) -> None:
    plain = parse_plain(seed_text)
    assert plain.caption.startswith(CAPTION) and plain.dateline == "YOGYAKARTA"
    assert (plain.author, plain.credit) == ("ald", "HUMAS MENPANRB")
    assert plain.body.startswith("Humas pemerintah merupakan mata")
    assert CAPTION not in plain.body and "YOGYAKARTA" not in plain.body
    assert plain.body.rstrip().endswith("terkait netralitas ASN.")
    assert plain.summary.startswith("Humas pemerintah merupakan mata")


@pytest.mark.parametrize("shape", list(_shapes("x\ny").keys()))
def test_every_shape_reads_like_the_seed(seed_text: str, shape: str) -> None:
    """A blank line after the caption used to lose the dateline and the caption (which then
    became the summary and the first paragraph)."""
    expected = parse_plain(seed_text)
    plain = parse_plain(_shapes(seed_text)[shape])
    assert (plain.caption, plain.dateline) == (expected.caption, expected.dateline)
    assert (plain.author, plain.credit, plain.summary) == (
        expected.author,
        expected.credit,
        expected.summary,
    )
    assert plain.body == expected.body


def test_a_title_line_above_the_caption(seed_text: str) -> None:
    text = "Humas Pemerintah Diminta Jaga Netralitas ASN dalam Pemilu 2019\n\n" + seed_text
    plain = parse_plain(text)
    assert plain.title == "Humas Pemerintah Diminta Jaga Netralitas ASN dalam Pemilu 2019"
    assert plain.caption.startswith(CAPTION) and plain.dateline == "YOGYAKARTA"
    assert plain.body.startswith("Humas pemerintah merupakan mata")


def test_a_numbered_list_stays_one_list() -> None:
    text = (
        "JAKARTA – Rapat menyepakati tiga hal.\n\n"
        "Ketiga hal itu:\n"
        "1. Humas menjaga netralitas ASN\n"
        "   dalam setiap kegiatan.\n"
        "2. Humas menyebarkan informasi.\n\n"
        "3. Humas bersinergi.\n\n"
        "Rapat ditutup pukul 12.00. (ald/HUMAS)"
    )
    plain = parse_plain(text)
    assert "1. Humas menjaga netralitas ASN dalam setiap kegiatan.\n2. Humas" in plain.body
    assert "informasi.\n3. Humas bersinergi." in plain.body
    html = render(plain.body)
    assert html.count("<ol>") == 1 and html.count("<li>") == 3 and "<li><p>" not in html
    assert "<p>Rapat ditutup pukul 12.00.</p>" in html and plain.credit == "HUMAS"


def test_bullets_become_a_markdown_list() -> None:
    plain = parse_plain("BANDUNG – Pokok bahasan:\n• netralitas\n• sinergi\n")
    assert plain.body == "Pokok bahasan:\n\n- netralitas\n- sinergi\n"


@pytest.mark.parametrize(
    ("opening", "city"),
    [
        ("BANDAR LAMPUNG – Rapat", "BANDAR LAMPUNG"),
        ("JAKARTA, 7 Desember 2018 – Rapat", "JAKARTA"),
        ("JAKARTA, 7/12/2018 - Rapat", "JAKARTA"),
        ("ASN, TNI, dan Polri – semua netral", ""),  # words before a dash: no dateline
        ("Humas-humas daerah bertemu", ""),
    ],
)
def test_datelines(opening: str, city: str) -> None:
    assert parse_plain(opening + " di kantor.").dateline == city


def test_a_release_without_caption_or_dateline_keeps_its_first_paragraph() -> None:
    plain = parse_plain("Humas pemerintah bertemu.\nRapat berjalan lancar.")
    assert (plain.caption, plain.dateline) == ("", "")
    assert plain.body == "Humas pemerintah bertemu.\n\nRapat berjalan lancar.\n"


def run(root: Path, *args: str) -> Result:
    return CliRunner().invoke(cli, ["--root", str(root), "--as", "ald", *args])


def test_import_says_on_stderr_what_it_did_not_find(
    root: Path, tmp_path: Path, seed_text: str
) -> None:
    """Exit 0 (the draft is made), and the editor learns what to fill in."""
    files = {
        "seed.txt": seed_text,
        "tanpa-foto.txt": "\n".join(_paragraphs(seed_text)[1:]),
        "tanpa-kota.txt": "Humas pemerintah bertemu.\n\nRapat berjalan lancar.",
    }
    said = {}
    for name, text in files.items():
        (tmp_path / name).write_text(text, encoding="utf-8")
        result = run(root, "import", str(tmp_path / name))
        assert result.exit_code == 0, result.output
        said[name] = result.stderr
    assert said["seed.txt"] == ""
    assert "no photo caption found" in said["tanpa-foto.txt"]
    assert "no dateline" not in said["tanpa-foto.txt"]
    assert "no dateline found" in said["tanpa-kota.txt"]
    assert "no photo caption found" in said["tanpa-kota.txt"]


def test_a_caption_without_its_photo_holds_the_approval(
    as_user: Callable[..., Newsroom],
) -> None:
    """The imported seed has a caption and no photo: no feed would carry the caption, so the
    checklist asks for the photo (or for the caption to go), before review and approval."""
    ald, nur = as_user("ald"), as_user("nur")
    article = ald.create(
        NewArticle(title="Rilis", body="Isi.", dateline="JAKARTA", author="ald", credit="HUMAS",
                   image=Image(caption="Peserta menandatangani komitmen.", credit="HUMAS"))
    )  # fmt: skip
    config = load_config(ald.config.root)
    failed = [c.name for c in run_checks(nur.find(article.id), config, NOW) if not c.passed]
    assert "caption_photo" in failed
    with pytest.raises(Refused, match="a photo caption but no photo"):
        ald.act(article.id, "submit")
    article = nur.find(article.id)
    assert article.image is not None
    article.image.src = "/images/komitmen.jpg"
    later = NOW + dt.timedelta(minutes=1)
    as_user("rin", later).save_edit(article)  # the photo, added by a third person
    as_user("rin", later).act(article.id, "submit")
    assert as_user("nur", later).act(article.id, "approve").article.status == "approved"


@pytest.mark.parametrize(
    ("title", "slug"),
    [
        ("Kerja Sama RI—Jepang di Bidang Humas", "kerja-sama-ri-jepang-di-bidang-humas"),
        ("Tol Bogor–Jakarta Dibuka", "tol-bogor-jakarta-dibuka"),
        ("Pelatihan Humas di Yogyakarta: Peran ASN’s", "pelatihan-humas-di-yogyakarta-peran-asn-s"),
        ("Rapat Koordinasi Nasional Kehumasan Pemerintah 2026 di Jakarta Bahas Strategi",
         "rapat-koordinasi-nasional-kehumasan-pemerintah-2026"),
        ("Seluruh Peserta Secara Bersama-sama Menandatangani Komitmen Bersama Peran",
         "seluruh-peserta-secara-bersama-sama-menandatangani-komitmen"),
        ("Sosialisasi Pelayanan — Édisi Khusus", "sosialisasi-pelayanan-edisi-khusus"),
        ("a" * 70, "a" * 60),
        ("—", "rilis"),
    ],
)  # fmt: skip
def test_slugs_end_at_a_word_boundary(title: str, slug: str) -> None:
    made = slugify(title)
    assert made == slug and len(made) <= 60
