"""The public record: a page behind every link of the feeds, the indexes, the lookup by
number and its anti-hoax answer; embargoes, corrections, retractions; pages written only
when what they show changed."""

from __future__ import annotations

import json
from pathlib import Path

import html5lib
import pytest

from newsroom.core.clock import fixed_clock
from newsroom.core.config import load_config
from newsroom.core.model import Image
from newsroom.core.pages.urls import number_paged, number_url
from newsroom.core.service import Newsroom

from .feedkit import at, correct, newsroom_root, read_items, release, retract, run
from .pagekit import json_ld, numbered, page, pages, visible_text

__all__ = ["newsroom_root"]

CONTACT = 'contact = "Biro Humas\\nJl. Merdeka 1, Jakarta\\nhumas@example.go.id"\n'
PHOTO = Image(src="/images/foto.jpg", caption="Menteri membuka seminar", credit="HUMAS UJI",
              alt="Menteri berpidato di podium")  # fmt: skip


@pytest.fixture
def nr(newsroom_root: Path) -> Path:
    config = newsroom_root / "newsroom.toml"
    config.write_text(config.read_text().replace("[pages]\n", "[pages]\n" + CONTACT))
    return newsroom_root


def strict_parse(data: bytes) -> None:
    """The HTML parses without a single error (html5lib, strict)."""
    html5lib.HTMLParser(strict=True, namespaceHTMLElements=False).parse(data)


def test_a_published_release_has_the_page_its_feed_entries_link_to(nr: Path) -> None:
    release(nr, at(0), "Seminar Netralitas ASN", image=PHOTO,
            body="Isi **pertama**.\n\nParagraf <b>dua</b> & tiga.")  # fmt: skip
    run(nr, at(1))
    slug = "seminar-netralitas-asn"
    url = f"http://127.0.0.1:8080/siaran-pers/{slug}/"
    assert {item.link for item in read_items(nr / "feeds" / "rss.xml")} == {url}
    assert {item.link for item in read_items(nr / "feeds" / "feed.json")} == {url}
    text = page(nr, slug)
    strict_parse(text.encode())
    seen = visible_text(text)
    assert '<html lang="id">' in text
    assert "<h1>Seminar Netralitas ASN</h1>" in text
    assert "JAKARTA – Isi <strong>pertama</strong>." in text
    assert "Paragraf &lt;b&gt;dua&lt;/b&gt; &amp; tiga. (ald/HUMAS UJI)" in text
    assert 'alt="Menteri berpidato di podium"' in text
    assert "Menteri membuka seminar <small>(Foto: HUMAS UJI)</small>" in text
    assert "02-06-2026 09:00 WIB" in seen  # published at the run, in the newsroom's zone
    assert '<time datetime="2026-06-02T09:00:00+07:00">' in text
    assert 'href="http://127.0.0.1:8080/kategori/ekonomi/">Ekonomi</a>' in text
    assert "Biro Humas<br>\nJl. Merdeka 1, Jakarta<br>\nhumas@example.go.id" in text
    assert f'<link rel="canonical" href="{url}">' in text
    assert f'<meta property="og:url" content="{url}">' in text
    assert "<script src" not in text and "@import" not in text  # nothing from elsewhere
    data = json_ld(text)
    assert data["@type"] == "NewsArticle" and data["headline"] == "Seminar Netralitas ASN"
    assert data["datePublished"] == "2026-06-02T09:00:00+07:00"
    assert data["image"]["url"] == "https://humas.example.go.id/images/foto.jpg"
    assert data["publisher"]["name"] == "Humas Uji" and data["url"] == url


def test_the_index_lists_releases_newest_first_with_their_months(nr: Path) -> None:
    for day, title in ((0, "Rilis Juni Satu"), (1, "Rilis Juni Dua"), (40, "Rilis Juli")):
        release(nr, at(day), title)
        run(nr, at(day + 0.5))
    index = (nr / "feeds" / "siaran-pers" / "index.html").read_text()
    strict_parse(index.encode())
    assert (
        index.index("Rilis Juli") < index.index("Rilis Juni Dua") < index.index("Rilis Juni Satu")
    )
    assert 'Juli 2026</a> <span class="meta">(1 siaran pers)' in index
    assert 'Juni 2026</a> <span class="meta">(2 siaran pers)' in index
    june = (nr / "feeds" / "siaran-pers" / "2026-06.html").read_text()
    assert "Rilis Juni Dua" in june and "Rilis Juli" not in june
    category = (nr / "feeds" / "kategori" / "ekonomi" / "index.html").read_text()
    assert "Kategori: Ekonomi" in category and "Rilis Juli" in category
    assert (nr / "feeds" / "kategori" / "ekonomi" / "2026.html").is_file()


def test_an_embargoed_release_has_no_page_before_its_lift(nr: Path) -> None:
    release(nr, at(0), "Rilis Berembargo", embargo=at(5))
    run(nr, at(1))
    feeds = nr / "feeds"
    assert not (feeds / "siaran-pers" / "rilis-berembargo").exists()
    assert "Rilis Berembargo" not in (feeds / "siaran-pers" / "index.html").read_text()
    assert "Rilis Berembargo" in (feeds / "private" / "antara" / "rss.xml").read_text()
    run(nr, at(6))
    assert "Rilis Berembargo" in page(nr, "rilis-berembargo")
    assert "Rilis Berembargo" in (feeds / "siaran-pers" / "index.html").read_text()


def test_a_corrected_release_lists_its_corrections(nr: Path) -> None:
    ident = release(nr, at(0), "Anggaran Daerah", body="Sejak 2004, ada aturan.")
    run(nr, at(1))
    correct(nr, ident, at(2), "Tahun salah tulis", "Sejak 2005, ada aturan.")
    correcting = page(nr, "anggaran-daerah")
    assert "Sejak 2004" in correcting  # the correction is not out yet
    run(nr, at(3))
    text = page(nr, "anggaran-daerah")
    strict_parse(text.encode())
    assert "Sejak 2005" in text and "Sejak 2004" not in text
    assert "Ralat 1 (04-06-2026 09:00 WIB): Tahun salah tulis" in visible_text(text)
    assert "Diperbarui" in text
    data = json_ld(text)
    assert data["correction"] == [{"@type": "CorrectionComment", "text": "Tahun salah tulis",
                                   "datePublished": "2026-06-04T09:00:00+07:00"}]  # fmt: skip
    assert data["dateModified"] == "2026-06-04T09:00:00+07:00"
    index = (nr / "feeds" / "siaran-pers" / "index.html").read_text()
    assert "Ralat 1" in index


def test_a_retracted_release_keeps_number_and_title_and_withdraws_its_text(nr: Path) -> None:
    ident = numbered(nr, at(0), "Data Bansos", "B-007/HUMAS/VI/2026",
                     release={"body": "Angka bansos 1.234 keluarga.", "image": PHOTO})  # fmt: skip
    run(nr, at(1))
    retract(nr, ident, at(2), "Data belum final")
    run(nr, at(3))
    text = page(nr, "data-bansos")
    strict_parse(text.encode())
    seen = visible_text(text)
    assert "Data Bansos" in seen and "B-007/HUMAS/VI/2026" in seen
    assert "DICABUT" in seen and "Data belum final" in seen
    assert "Siaran pers ini dicabut pada 03-06-2026 09:00 WIB." in seen
    assert "nomor dan judulnya tetap tercatat" in seen
    assert "1.234" not in text and "foto.jpg" not in text and "og:description" not in text
    data = json_ld(text)
    assert data["creativeWorkStatus"] == "Retracted" and "image" not in data
    assert data["identifier"] == "B-007/HUMAS/VI/2026"
    index = (nr / "feeds" / "siaran-pers" / "index.html").read_text()
    assert "Data Bansos" in index and "DICABUT" in index
    lookup = (nr / "feeds" / "nomor" / "B-007" / "HUMAS" / "VI" / "2026" / "index.html").read_text()
    assert "diterbitkan oleh Humas Uji" in lookup and "dicabut" in lookup


def test_a_retracted_release_without_a_number_does_not_say_its_number_stays(nr: Path) -> None:
    """Most releases have no number: the page said "its number and title stay on record"
    all the same (found walking a retraction from the desk)."""
    ident = release(nr, at(0), "Rapat Ditunda", body="Rapat digelar besok.")
    run(nr, at(1))
    retract(nr, ident, at(2), "Rapat ditunda")
    run(nr, at(3))
    seen = visible_text(page(nr, "rapat-ditunda"))
    assert "Teksnya ditarik dari catatan publik; judulnya tetap tercatat." in seen
    assert "nomor" not in seen.lower().split("dicabut", 1)[1].split("kontak")[0]


def test_the_lookup_answers_for_issued_denied_and_unknown_numbers(nr: Path) -> None:
    numbered(nr, at(0), "Rilis Bernomor", "B-001/HUMAS/VI/2026")
    numbered(nr, at(1), "Klarifikasi Surat Palsu", "B-002/HUMAS/VI/2026",
             kind="klarifikasi", denies=["B-099/HUMAS/VI/2026"])  # fmt: skip
    run(nr, at(2))
    feeds = nr / "feeds"
    issued = (feeds / "nomor" / "B-001" / "HUMAS" / "VI" / "2026" / "index.html").read_text()
    strict_parse(issued.encode())
    assert "Nomor B-001/HUMAS/VI/2026 diterbitkan oleh Humas Uji." in issued
    assert 'href="http://127.0.0.1:8080/siaran-pers/rilis-bernomor/"' in issued
    denied = (feeds / "nomor" / "B-099" / "HUMAS" / "VI" / "2026" / "index.html").read_text()
    assert "Nomor B-099/HUMAS/VI/2026 tidak diterbitkan oleh Humas Uji." in denied
    assert denied.count('href="http://127.0.0.1:8080/siaran-pers/klarifikasi-surat-palsu/"') == 1
    klarifikasi = page(nr, "klarifikasi-surat-palsu")
    assert 'href="http://127.0.0.1:8080/nomor/B-099%2FHUMAS%2FVI%2F2026/"' in klarifikasi
    assert json.loads((feeds / "nomor" / "B-099" / "HUMAS" / "VI" / "2026.json").read_text())[
        "status"] == "not_issued"  # fmt: skip
    answer = json.loads((feeds / "nomor" / "B-001" / "HUMAS" / "VI" / "2026.json").read_text())
    assert answer["issued"] is True and answer["release"]["title"] == "Rilis Bernomor"
    everything = json.loads((feeds / "nomor.json").read_text())
    assert everything["numbers"]["B-001/HUMAS/VI/2026"]["url"].endswith("/rilis-bernomor/")
    assert set(everything["numbers"]) == {"B-001/HUMAS/VI/2026", "B-002/HUMAS/VI/2026"}
    assert "B-099/HUMAS/VI/2026" in everything["not_issued"]
    unknown = (feeds / "nomor" / "tidak-terdaftar.html").read_text()
    assert "tidak diterbitkan oleh Humas Uji" in unknown and "Klarifikasi Surat Palsu" in unknown
    assert json.loads((feeds / "nomor" / "tidak-terdaftar.json").read_text())["issued"] is False
    lookup = (feeds / "nomor" / "index.html").read_text()
    strict_parse(lookup.encode())
    assert 'action="http://127.0.0.1:8080/nomor/"' in lookup and 'name="n"' in lookup


@pytest.mark.parametrize("language", ["id", "en"])
def test_the_lookup_says_what_it_does_with_the_case_and_a_readable_address(
    root: Path, language: str
) -> None:
    """The "not issued" page said the capitals must match exactly, while the lookup finds a
    number typed in another case (`newsroom serve`, and the page's script behind nginx);
    only a browser without scripts behind nginx needs the case as printed, and the page
    says so to it alone. A release page showed its lookup address percent-encoded
    (`…/nomor/B-002%2FHUMAS%2FXII%2F2026/`): the link stays encoded, the text reads as
    the number is written."""
    config = root / "newsroom.toml"
    config.write_text(config.read_text().replace('language = "id"', f'language = "{language}"'))
    numbered(root, at(0), "Rilis Bernomor", "B-002/HUMAS/XII/2026")
    numbered(root, at(0), "Rilis Berspasi", "12 SP#1/HUMAS")
    run(root, at(1))
    unknown = (root / "feeds" / "nomor" / "tidak-terdaftar.html").read_text()
    strict_parse(unknown.encode())
    said = {
        "id": ("garis miring (/) dan tanda hubung (-) harus sama persis dengan nomor yang "
               "tertulis; huruf besar dan kecil tidak dibedakan.",
               "<noscript><p>Browser Anda tidak menjalankan JavaScript: ketik huruf besar dan "
               "kecil persis seperti pada nomor yang tertulis.</p></noscript>",
               "Cek keaslian nomor ini di"),
        "en": ("slashes (/) and hyphens (-) must be exactly as printed; capitals and small "
               "letters may differ.",
               "<noscript><p>Your browser does not run JavaScript: type capitals and small "
               "letters exactly as printed.</p></noscript>",
               "Check this number at"),
    }[language]  # fmt: skip
    assert said[0] in unknown and said[1] in unknown
    assert "huruf besar dan kecil, garis miring" not in unknown
    assert "capitals, slashes" not in unknown
    text = page(root, "rilis-bernomor")
    strict_parse(text.encode())
    base = load_config(root).feeds_base
    assert (
        f'<p class="verify">{said[2]} <a href="{base}/nomor/B-002%2FHUMAS%2FXII%2F2026/">'
        f"{base}/nomor/B-002/HUMAS/XII/2026/</a></p>"
    ) in text
    assert "%2F" not in visible_text(text)
    spaced = page(root, "rilis-berspasi")  # what would not survive being typed stays encoded
    assert f'href="{base}/nomor/12%20SP%231%2FHUMAS/"' in spaced
    assert f">{base}/nomor/12%20SP%231/HUMAS/</a>" in spaced


def test_numbers_are_one_encoded_segment_in_links(root: Path) -> None:
    config = load_config(root)
    assert number_url(config, "B-001/HUMAS/XII/2018").endswith("/nomor/B-001%2FHUMAS%2FXII%2F2018/")
    assert number_url(config, "12 SP#1").endswith("/nomor/12%20SP%231/")
    assert number_paged("B-001/HUMAS/XII/2018") and number_paged("12/SP/HUMAS/12/2018")
    for bad in ("", "a//b", "../x", "a/./b", ".hidden", "a\\b", "x/index.json", "index.html"):
        assert not number_paged(bad), bad


def test_pages_are_written_only_when_what_they_show_changed(nr: Path) -> None:
    release(nr, at(0), "Rilis Satu", category="Ekonomi")
    release(nr, at(0), "Rilis Dua", category="Pemilu")
    run(nr, at(1))
    first = pages(nr)
    assert run(nr, at(1.5)).written == []  # nothing changed: nothing rewritten
    assert pages(nr) == first
    (nr / ".newsroom" / "pages.sqlite").unlink()  # everything made again: the same bytes
    run(nr, at(1.6))
    assert pages(nr) == first
    release(nr, at(2), "Rilis Tiga", category="Pemilu")
    result = run(nr, at(3))
    now = pages(nr)
    changed = {p for p in now if p not in first or now[p] != first[p]}
    assert changed == {
        "siaran-pers/rilis-tiga/index.html", "siaran-pers/index.html", "siaran-pers/2026-06.html",
        "kategori/pemilu/index.html", "kategori/pemilu/2026.html",
    }  # fmt: skip
    assert set(result.written) >= changed
    assert now["siaran-pers/rilis-satu/index.html"] == first["siaran-pers/rilis-satu/index.html"]


def test_a_deleted_page_is_written_again(nr: Path) -> None:
    release(nr, at(0), "Rilis Satu")
    run(nr, at(1))
    target = nr / "feeds" / "siaran-pers" / "rilis-satu" / "index.html"
    target.unlink()
    (target.parent / ".index.html.abc.tmp").write_text("a killed run's half page")
    (nr / "feeds" / "nomor" / "tidak-terdaftar.html").unlink()
    result = run(nr, at(1.5))
    assert not result.skipped and target.is_file()
    names = sorted(p.name for p in target.parent.iterdir() if "ninjs" not in p.name)
    assert names == ["index.html"]  # cleared (ninjs' documents are beside it: ninjs.py)
    assert (nr / "feeds" / "nomor" / "tidak-terdaftar.html").is_file()
    assert run(nr, at(1.6)).skipped


def test_a_file_that_breaks_keeps_its_page_and_a_deleted_one_loses_it(nr: Path) -> None:
    release(nr, at(0), "Rilis Satu")
    release(nr, at(0), "Rilis Dua")
    run(nr, at(1))
    path = next((nr / "articles").rglob("rilis-satu.md"))
    path.write_text(path.read_text().replace("title:", "title: [", 1))  # broken YAML
    result = run(nr, at(2))
    assert not result.ok
    assert "Rilis Satu" in page(nr, "rilis-satu")
    assert "Rilis Satu" in (nr / "feeds" / "siaran-pers" / "index.html").read_text()
    path.unlink()
    run(nr, at(3))
    assert not (nr / "feeds" / "siaran-pers" / "rilis-satu").exists()
    assert "Rilis Satu" not in (nr / "feeds" / "siaran-pers" / "index.html").read_text()
    assert "Rilis Dua" in page(nr, "rilis-dua")


def test_what_a_release_says_cannot_break_out_of_its_page(nr: Path) -> None:
    title = 'Tarif </script><script>alert(1)</script> & "Kuota"'
    release(nr, at(0), title, summary='Ringkas "<i>x</i>"', category="A&B <c>",
            body="Teks <script>alert(2)</script> [klik](javascript:alert(3))")  # fmt: skip
    run(nr, at(1))
    slug = next((nr / "feeds" / "siaran-pers").glob("tarif*")).name
    text = page(nr, slug)
    strict_parse(text.encode())
    assert "<script>alert" not in text and 'href="javascript' not in text
    assert json_ld(text)["headline"] == title
    assert (
        '<h1>Tarif &lt;/script&gt;&lt;script&gt;alert(1)&lt;/script&gt; &amp; "Kuota"</h1>' in text
    )


def test_an_english_newsroom_speaks_english_around_its_releases(root: Path) -> None:
    config = root / "newsroom.toml"
    config.write_text(config.read_text().replace('language = "id"', 'language = "en"', 1))
    release(root, at(0), "Budget Hearing")
    run(root, at(1))
    text = page(root, "budget-hearing")
    assert '<html lang="en">' in text and "Press release" in text and "Published" in text


@pytest.mark.parametrize("language", ["id", "en"])
def test_the_lookup_json_speaks_the_newsrooms_language_first_and_both(
    root: Path, language: str
) -> None:
    """nomor.json's `about` and tidak-terdaftar.json's `message` were English only, while
    partners and citizens read Indonesian first: each is now in the newsroom's language
    (`language` names it), with both languages beside it for a program that picks; what
    scripts read (numbers, not_issued, issued, status) is as it was."""
    config = root / "newsroom.toml"
    config.write_text(config.read_text().replace('language = "id"', f'language = "{language}"'))
    numbered(root, at(0), "Rilis Bernomor", "B-001/HUMAS/VI/2026")
    run(root, at(1))
    feeds = root / "feeds"
    everything = json.loads((feeds / "nomor.json").read_text())
    unknown = json.loads((feeds / "nomor" / "tidak-terdaftar.json").read_text())
    said = {
        "id": ("Nomor siaran pers yang diterbitkan oleh Humas Uji. Nomor yang tidak ada di "
               "`numbers` tidak diterbitkan oleh kantor ini; `not_issued` memuat nomor yang "
               "dibantah sebuah klarifikasi.",
               "Nomor ini tidak diterbitkan oleh Humas Uji."),
        "en": ("Release numbers issued by Humas Uji. A number that is not in `numbers` was not "
               "issued by this office; `not_issued` lists those a klarifikasi denies.",
               "This number was not issued by Humas Uji."),
    }  # fmt: skip
    assert everything["language"] == unknown["language"] == language
    assert everything["about"] == said[language][0]
    assert everything["about_by_language"] == {lang: s[0] for lang, s in said.items()}
    assert unknown["message"] == said[language][1]
    assert unknown["message_by_language"] == {lang: s[1] for lang, s in said.items()}
    assert list(everything["numbers"]) == ["B-001/HUMAS/VI/2026"] and everything["not_issued"] == {}
    assert unknown["issued"] is False and unknown["status"] == "not_issued"


def test_a_page_links_its_attachments_and_shows_its_local_photo(nr: Path, tmp_path: Path) -> None:
    from newsroom.core.attachments import public_url

    from .test_attachments import PDF, cli_run, file, png

    ident = release(nr, at(0), "Rilis Berlampiran", approve=False)
    for name, data, extra in (("Siaran Pers TTD.pdf", PDF, ()), ("Foto.png", png(), ("--photo",))):
        done = cli_run(nr, "attach", ident, str(file(tmp_path, name, data)), *extra)
        assert done.exit_code == 0, done.output
    writer = Newsroom.open(nr, "ald", fixed_clock(at(0)))
    article = writer.find(ident)
    assert article.image is not None
    article.image.caption, article.image.credit = "Menteri", "HUMAS UJI"
    article.image.alt = "Menteri berbicara"
    writer.save_edit(article)
    Newsroom.open(nr, "nur", fixed_clock(at(0))).act(ident, "approve")
    assert run(nr, at(1)).ok
    config = load_config(nr)
    pdf = public_url(config, "rilis-berlampiran", "siaran-pers-ttd.pdf")
    photo = public_url(config, "rilis-berlampiran", "foto.png")
    text = page(nr, "rilis-berlampiran")
    strict_parse(text.encode())
    assert f'<a href="{pdf}">' in text and "(PDF, " in visible_text(text)
    assert f'<img src="{photo}" alt="Menteri berbicara">' in text
    assert text.count(photo) == 3  # the figure, og:image and JSON-LD; not among the files
    assert json_ld(text)["image"]["url"] == photo
    folder = nr / "feeds" / "siaran-pers" / "rilis-berlampiran"
    assert sorted(p.name for p in folder.iterdir() if "ninjs" not in p.name) == [
        "foto.png", "index.html", "siaran-pers-ttd.pdf"]  # fmt: skip
    retract(nr, ident, at(2), "Salah lampiran")
    assert run(nr, at(3)).ok
    text = page(nr, "rilis-berlampiran")
    assert "siaran-pers-ttd.pdf" not in text and "foto.png" not in text
    withdrawn = ["index.html", "ninjs.json", "v2.ninjs.json"]  # ninjs: the canceled one stays
    assert sorted(p.name for p in folder.iterdir()) == withdrawn  # the files withdrawn


def test_a_first_publish_reads_each_release_file_once_for_feeds_and_pages(
    nr: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    for n in range(3):
        release(nr, at(0), f"Rilis {n}")
    run(nr, at(1))
    first = pages(nr)
    for state in ("cache.sqlite", "pages.sqlite", "publish-state.json", "outputs.sqlite"):
        (nr / ".newsroom" / state).unlink()  # as on a fresh clone of a published newsroom
    from newsroom.core.store import Store

    loads: list[str] = []
    real = Store.load

    def counted(self: Store, path: Path) -> object:
        loads.append(Path(path).name)
        return real(self, path)

    monkeypatch.setattr(Store, "load", counted)
    assert run(nr, at(2)).ok
    assert pages(nr) == first
    assert sorted(loads) == sorted(set(loads))  # the pages were made while it was read
    assert len(loads) >= 3
