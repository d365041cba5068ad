"""Attachments: attached beside the release, sealed with the approval, carried by the feeds
and served from the public record."""

from __future__ import annotations

import json
import shutil
import struct
import zlib
from pathlib import Path

import pytest
from click.testing import CliRunner, Result

from newsroom.cli import cli
from newsroom.core.attachments import public_url
from newsroom.core.clock import fixed_clock
from newsroom.core.config import load_config
from newsroom.core.errors import ArticleError, NewsroomError, Refused
from newsroom.core.fileformat import parse
from newsroom.core.service import Newsroom

from .feedkit import WIB, at, configure, correct, release, retract, run
from .feedkit import parse as parse_feed

PDF = b"%PDF-1.4\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n"


def png() -> bytes:
    """A one-pixel PNG (its first bytes are what the type check looks at)."""

    def chunk(kind: bytes, data: bytes) -> bytes:
        return (
            struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))
        )

    header = struct.pack(">IIBBBBB", 1, 1, 8, 2, 0, 0, 0)
    return (b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header)
            + chunk(b"IDAT", zlib.compress(b"\x00\xff\x00\x00")) + chunk(b"IEND", b""))  # fmt: skip


def cli_run(root: Path, *args: str, actor: str = "ald") -> Result:
    return CliRunner().invoke(cli, ["--root", str(root), "--as", actor, *args])


def file(tmp_path: Path, name: str, data: bytes) -> Path:
    path = tmp_path / "unggah" / name
    path.parent.mkdir(exist_ok=True)
    path.write_bytes(data)
    return path


def draft(root: Path, title: str = "Rilis berlampiran") -> str:
    return release(root, at(0), title, approve=False)


def approve(root: Path, ident: str, when: object = None) -> None:
    Newsroom.open(root, "nur", fixed_clock(when or at(0))).act(ident, "approve")  # type: ignore[arg-type]


def front(root: Path, ident: str) -> dict[str, object]:
    data = json.loads(cli_run(root, "show", ident, "--json").output)
    return data  # type: ignore[no-any-return]


@pytest.fixture
def nr(root: Path) -> Path:
    configure(root)
    return root


def test_attach_copies_the_file_beside_the_release_and_records_it(nr: Path, tmp_path: Path) -> None:
    ident = draft(nr)
    source = file(tmp_path, "Siaran Pers TTD.pdf", PDF)
    done = cli_run(nr, "attach", ident, str(source), "--title", "Siaran pers bertanda tangan")
    assert done.exit_code == 0, done.output
    url = "http://127.0.0.1:8080/siaran-pers/rilis-berlampiran/siaran-pers-ttd.pdf"
    assert url in done.output and ": the release needs approval\n" in done.output  # (its first)
    data = front(nr, ident)
    import hashlib

    assert data["attachments"] == [{
        "file": "siaran-pers-ttd.pdf", "title": "Siaran pers bertanda tangan",
        "type": "application/pdf", "size": len(PDF), "sha256": hashlib.sha256(PDF).hexdigest(),
    }]  # fmt: skip
    stem = nr / str(data["path"]).removesuffix(".md")
    assert (stem / "siaran-pers-ttd.pdf").read_bytes() == PDF
    assert data["history"][-1]["action"] == "edit" and data["history"][-1]["by"] == "ald"  # type: ignore[index]
    again = cli_run(nr, "attach", ident, str(file(tmp_path, "lagi.pdf", PDF)))
    assert again.exit_code == 1 and "already attached, as siaran-pers-ttd.pdf" in again.output
    second = cli_run(nr, "attach", ident, str(file(tmp_path, "siaran pers ttd.PDF", PDF + b"x")))
    assert second.exit_code == 0 and "siaran-pers-ttd-2.pdf" in second.output


@pytest.mark.parametrize(
    ("name", "data", "said"),
    [
        ("virus.exe", b"MZ", "this type of file is not taken"),
        ("catatan.md", b"# hai", "this type of file is not taken"),
        ("palsu.pdf", b"<html>", "its name says application/pdf, but its content is not"),
        ("besar.pdf", b"%PDF-" + b"0" * 1_100_000, "is 1.1 MB, more than the 1 MB allowed"),
        ("tidak-ada.pdf", None, "no such file"),
    ],
)
def test_a_file_that_cannot_be_taken_is_refused_saying_why(
    nr: Path, tmp_path: Path, name: str, data: bytes | None, said: str
) -> None:
    config = nr / "newsroom.toml"
    config.write_text(config.read_text().replace("max_mb = 20", "max_mb = 1"))
    ident = draft(nr)
    path = file(tmp_path, name, data) if data is not None else tmp_path / name
    refused = cli_run(nr, "attach", ident, str(path))
    assert refused.exit_code == 1 and said in refused.output
    assert "Traceback" not in refused.output
    assert front(nr, ident)["attachments"] == []
    folder = nr / str(front(nr, ident)["path"]).removesuffix(".md")
    assert not folder.exists() or not any(folder.iterdir())


def test_an_attachment_is_an_edit_refused_where_editing_is(nr: Path, tmp_path: Path) -> None:
    ident = release(nr, at(0), "Disetujui")
    refused = cli_run(nr, "attach", ident, str(file(tmp_path, "a.pdf", PDF)))
    assert refused.exit_code == 1 and "edit" in refused.output
    assert run(nr, at(1)).ok
    published = cli_run(nr, "attach", ident, str(file(tmp_path, "a.pdf", PDF)))
    assert published.exit_code == 1 and "correct" in published.output


def test_the_seal_covers_the_attachments_and_a_swapped_file_is_not_published(
    nr: Path, tmp_path: Path
) -> None:
    ident = draft(nr)
    assert cli_run(nr, "attach", ident, str(file(tmp_path, "ttd.pdf", PDF))).exit_code == 0
    writer = Newsroom.open(nr, "ald", fixed_clock(at(0)))
    with pytest.raises(Refused):  # the one who attached it changed the text last
        writer.act(ident, "approve")
    approve(nr, ident)
    stem = nr / str(front(nr, ident)["path"]).removesuffix(".md")
    (stem / "ttd.pdf").write_bytes(PDF.replace(b"1.4", b"1.7"))  # swapped after approval
    result = run(nr, at(1))
    assert (
        result.published == [] and "ttd.pdf is not the file that was approved" in result.failed[0]
    )
    checked = cli_run(nr, "check")
    assert checked.exit_code == 1 and "ttd.pdf is not the file that was approved" in checked.output
    (stem / "ttd.pdf").write_bytes(PDF)
    path = nr / str(front(nr, ident)["path"])
    path.write_text(path.read_text().replace("title: ttd", "title: Lain"))  # recorded by hand
    result = run(nr, at(1))
    assert result.published == [] and "differs from what nur approved" in result.refused[0].reason


def test_feeds_carry_attachments_as_enclosures_with_length_type_and_absolute_urls(
    nr: Path, tmp_path: Path
) -> None:
    ident = draft(nr, "Rilis dengan PDF")
    assert cli_run(nr, "attach", ident, str(file(tmp_path, "TTD.pdf", PDF)),
                   "--title", "Siaran pers ber-TTE").exit_code == 0  # fmt: skip
    assert (
        cli_run(nr, "attach", ident, str(file(tmp_path, "data.csv", b"a,b\n1,2\n"))).exit_code == 0
    )
    approve(nr, ident)
    assert run(nr, at(1)).ok
    config = load_config(nr)
    pdf, csv = (public_url(config, "rilis-dengan-pdf", n) for n in ("ttd.pdf", "data.csv"))
    feeds = nr / "feeds"
    assert (feeds / "siaran-pers" / "rilis-dengan-pdf" / "ttd.pdf").read_bytes() == PDF
    rss = parse_feed(feeds / "rss.xml").entries[0]
    assert rss.enclosures[0]["href"] == pdf and rss.enclosures[0]["length"] == str(len(PDF))
    assert rss.enclosures[0]["type"] == "application/pdf"
    assert [m["url"] for m in rss.media_content] == [pdf, csv]
    atom = parse_feed(feeds / "atom.xml").entries[0]
    links = {link["href"]: link for link in atom.links if link["rel"] == "enclosure"}
    assert set(links) == {pdf, csv} and links[csv]["type"] == "text/csv"
    assert links[pdf]["length"] == str(len(PDF))
    item = json.loads((feeds / "feed.json").read_text())["items"][0]
    assert item["attachments"] == [
        {"url": pdf, "mime_type": "application/pdf", "title": "Siaran pers ber-TTE",
         "size_in_bytes": len(PDF)},
        {"url": csv, "mime_type": "text/csv", "title": "data", "size_in_bytes": 8},
    ]  # fmt: skip
    assert f'<a href="{pdf}">Siaran pers ber-TTE</a> (PDF, 48 B)' in item["content_html"]
    partner = json.loads((feeds / "private" / "antara" / "feed.json").read_text())
    assert partner["items"][0]["attachments"][0]["url"] == pdf


def test_a_photo_that_is_an_attachment_is_a_local_photo_with_an_absolute_url(
    nr: Path, tmp_path: Path
) -> None:
    ident = draft(nr, "Rilis berfoto")
    photo = png()
    done = cli_run(nr, "attach", ident, str(file(tmp_path, "Foto Menteri.png", photo)), "--photo")
    assert done.exit_code == 0, done.output
    writer = Newsroom.open(nr, "ald", fixed_clock(at(0)))
    article = writer.find(ident)
    assert article.image is not None and article.image.src == "foto-menteri.png"
    article.image.caption, article.image.credit = "Menteri", "HUMAS"
    writer.save_edit(article)
    approve(nr, ident)
    assert run(nr, at(1)).ok
    url = public_url(load_config(nr), "rilis-berfoto", "foto-menteri.png")
    item = json.loads((nr / "feeds" / "feed.json").read_text())["items"][0]
    assert item["image"] == url and "attachments" not in item  # the photo is not listed twice
    rss = parse_feed(nr / "feeds" / "rss.xml").entries[0]
    assert rss.enclosures[0]["href"] == url and rss.enclosures[0]["length"] == str(len(photo))
    assert (
        nr / "feeds" / "siaran-pers" / "rilis-berfoto" / "foto-menteri.png"
    ).read_bytes() == photo
    refused = cli_run(nr, "detach", ident, "foto-menteri.png")
    assert refused.exit_code == 1


def test_detach_deletes_an_unpublished_file_and_keeps_a_published_one(
    nr: Path, tmp_path: Path
) -> None:
    ident = draft(nr)
    assert cli_run(nr, "attach", ident, str(file(tmp_path, "a.pdf", PDF))).exit_code == 0
    assert cli_run(nr, "attach", ident, str(file(tmp_path, "b.pdf", PDF + b"b"))).exit_code == 0
    stem = nr / str(front(nr, ident)["path"]).removesuffix(".md")
    gone = cli_run(nr, "detach", ident, "b.pdf")
    assert gone.exit_code == 0 and not (stem / "b.pdf").exists()
    unknown = cli_run(nr, "detach", ident, "c.pdf")
    assert (
        unknown.exit_code == 1 and "no attachment" in unknown.output and "a.pdf" in unknown.output
    )
    approve(nr, ident)
    assert run(nr, at(1)).ok
    served = nr / "feeds" / "siaran-pers" / "rilis-berlampiran" / "a.pdf"
    assert served.is_file()
    writer = Newsroom.open(nr, "ald", fixed_clock(at(2)))
    writer.act(ident, "correct", note="Lampiran keliru")
    assert cli_run(nr, "detach", ident, "a.pdf").exit_code == 0
    assert (stem / "a.pdf").is_file()  # version 1 carries it: kept for the record
    assert run(nr, at(2.5)).ok and served.is_file()  # the correction is not approved yet
    writer.act(ident, "submit")
    approve(nr, ident, at(2.6))
    assert run(nr, at(3)).ok
    assert not served.exists()  # the live version has no attachment now
    assert (stem / "a.pdf").is_file()


def test_a_retracted_or_embargoed_release_serves_no_attachment(nr: Path, tmp_path: Path) -> None:
    ident = draft(nr)
    assert cli_run(nr, "attach", ident, str(file(tmp_path, "a.pdf", PDF))).exit_code == 0
    Newsroom.open(nr, "nur", fixed_clock(at(0))).act(ident, "approve", embargo=at(2))
    served = nr / "feeds" / "siaran-pers" / "rilis-berlampiran" / "a.pdf"
    assert run(nr, at(1)).ok and not served.exists()
    assert run(nr, at(3)).ok and served.is_file()
    retract(nr, ident, at(4), "Salah kirim")
    assert run(nr, at(5)).ok and not served.exists()


def test_a_file_swapped_after_publication_is_not_copied_and_is_named(
    nr: Path, tmp_path: Path
) -> None:
    ident = draft(nr)
    assert cli_run(nr, "attach", ident, str(file(tmp_path, "a.pdf", PDF))).exit_code == 0
    approve(nr, ident)
    assert run(nr, at(1)).ok
    served = nr / "feeds" / "siaran-pers" / "rilis-berlampiran" / "a.pdf"
    served.unlink()  # the copy is gone, and the source was swapped meanwhile
    stem = nr / str(front(nr, ident)["path"]).removesuffix(".md")
    (stem / "a.pdf").write_bytes(b"%PDF-palsu")
    result = run(nr, at(2))
    assert not result.ok and not served.exists()
    assert any("a.pdf is missing or not the file that was approved" in r.reason
               for r in result.refused)  # fmt: skip


def test_status_names_a_release_publish_refused_for_its_attachment(
    nr: Path, tmp_path: Path
) -> None:
    """Refusals any output makes (not only the seal's) reach `newsroom status` with the
    release's path and the reason, so "status shows why" is true."""
    ident = draft(nr)
    assert cli_run(nr, "attach", ident, str(file(tmp_path, "a.pdf", PDF))).exit_code == 0
    approve(nr, ident)
    stem = nr / str(front(nr, ident)["path"]).removesuffix(".md")
    (stem / "a.pdf").unlink()
    assert not run(nr, at(1)).ok
    done = cli_run(nr, "status", "--json")
    assert done.exit_code == 1
    assert ["a.pdf is missing" in b for b in json.loads(done.output)["broken"]] == [True]
    assert "a.pdf is missing" in cli_run(nr, "status").output
    served = nr / "feeds" / "siaran-pers" / "rilis-berlampiran" / "a.pdf"
    (stem / "a.pdf").write_bytes(PDF)  # put back: published, then swapped
    assert run(nr, at(2)).ok and served.exists()
    served.unlink()
    (stem / "a.pdf").write_bytes(b"%PDF-palsu")
    assert not run(nr, at(3)).ok
    held = json.loads(cli_run(nr, "status", "--json").output)["held"]
    assert [(h["id"], h["code"]) for h in held] == [(ident, "attachment")]
    assert held[0]["path"].endswith(".md") and "a.pdf" in held[0]["reason"]
    assert "a.pdf" in cli_run(nr, "status").output


def test_a_bad_attachment_record_is_a_file_error_naming_the_line(nr: Path) -> None:
    text = """---
id: 9ef7d5e6-e4d4-4ea9-a5b1-2018120700a1
title: T
slug: t
attachments:
- file: ../luar.pdf
  type: application/pdf
  size: 3
  sha256: {sha}
---
""".replace("{sha}", "0" * 64)
    with pytest.raises(ArticleError) as caught:
        parse(text, Path("articles/t.md"), WIB)
    assert caught.value.problem.line == 6 and "not a plain file name" in str(caught.value)
    for bad, said in (("rilis.md", "ends with .md"), ("index.html", "keeps for itself"),
                      ("v2.txt", "keeps for itself")):  # fmt: skip
        with pytest.raises(ArticleError) as caught:
            parse(text.replace("../luar.pdf", bad), Path("articles/t.md"), WIB)
        assert said in str(caught.value)
    with pytest.raises(ArticleError):
        parse(text.replace("0" * 64, "abc"), Path("articles/t.md"), WIB)


def test_existing_seals_stay_valid_without_attachments() -> None:
    """A release without attachments or a kind seals exactly as before they existed (the
    digest of the bundled release's adopt entry, made before)."""
    from newsroom.core.seal import digest, live_content

    bundled = Path(__file__).resolve().parent / "data" / "bundled" / "articles" / "2018" / "12"
    path = next(bundled.glob("*.md"))
    article = parse(path.read_text(), path, WIB)
    adopt = next(h for h in article.history if h.action == "adopt")
    if article.release_number:
        pytest.skip("the bundled release carries a number given after its adoption")
    assert digest(live_content(article)) == adopt.seal


def test_an_unsaved_draft_cannot_take_a_file(nr: Path, tmp_path: Path) -> None:
    from newsroom.core.service import NewArticle

    writer = Newsroom.open(nr, "ald", fixed_clock(at(0)))
    article = writer.start(NewArticle(title="Belum disimpan"))
    with pytest.raises(NewsroomError):
        writer.attach(article, file(tmp_path, "a.pdf", PDF))


def test_the_copies_in_the_public_record_follow_the_feeds_clone(nr: Path, tmp_path: Path) -> None:
    ident = draft(nr)
    assert cli_run(nr, "attach", ident, str(file(tmp_path, "a.pdf", PDF))).exit_code == 0
    approve(nr, ident)
    assert run(nr, at(1)).ok
    correct(nr, ident, at(2), "Ralat", "Isi baru.\n")
    assert run(nr, at(3)).ok
    clone = tmp_path / "clone"
    clone.mkdir()
    for part in ("articles", "newsroom.toml"):
        shutil.copytree(nr / part, clone / part) if part == "articles" else shutil.copy(
            nr / part, clone / part
        )
    assert run(clone, at(3)).ok
    from .feedkit import feed_files

    assert feed_files(clone) == feed_files(nr)
