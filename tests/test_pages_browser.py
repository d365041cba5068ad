"""The public record in a real browser: Debian's chromium, headless, reading the pages
through `newsroom serve` at a phone's width (375 px) and a desktop's (1280 px), in
Indonesian and in English; axe-core finds no accessibility violation, nothing is wider
than the screen, the print stylesheet drops the navigation. Screenshots go to
$NEWSROOM_SHOTS when it is set (to look at them), else to the test's temporary folder.

Skips, naming the package, when chromium is not installed (`make test` installs it as
root: tools/system-packages) or axe-core cannot be fetched from npm (offline).
"""

from __future__ import annotations

import functools
import os
import struct
import threading
import zlib
from collections.abc import Iterator
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any

import pytest

from newsroom.core.clock import fixed_clock
from newsroom.core.config import load_config
from newsroom.core.service import Newsroom
from newsroom.server import make_server

from .browserkit import Browser, axe_source, chromium, chromium_binary
from .feedkit import at, configure, correct, release, retract, run
from .pagekit import numbered

pytestmark = pytest.mark.skipif(
    chromium_binary() is None,
    reason="chromium is not installed (Debian package chromium; `make test` installs it as root)",
)

CONTACT = 'contact = "Biro Humas\\nJl. Medan Merdeka Barat 1, Jakarta\\nhumas@example.go.id"\n'
BODY = (
    "Pemerintah menegaskan komitmen menjaga **netralitas** aparatur sipil negara menjelang "
    "pemilihan umum. Surat edaran nomor B/71/M.SM.00.00/2018 menjadi pedoman bagi seluruh "
    "instansi.\n\n## Pokok-pokok surat edaran\n\n- Dilarang ikut kampanye.\n"
    "- Dilarang memasang alat peraga.\n\nInformasi lengkap: "
    "[situs kementerian](https://www.menpan.go.id/site/berita-terkini/panjang-sekali-alamatnya"
    "-agar-terlihat-bahwa-tautan-panjang-tidak-melebarkan-halaman)."
)


def png(width: int, height: int) -> bytes:
    """A real PNG (a blue-grey gradient), made without any imaging library."""
    rows = b"".join(
        b"\0" + b"".join(bytes((40 + x * 150 // width, 80 + y * 100 // height, 140))
                          for x in range(width))
        for y in range(height)
    )  # fmt: skip

    def chunk(kind: bytes, data: bytes) -> bytes:
        body = kind + data
        return struct.pack(">I", len(data)) + body + struct.pack(">I", zlib.crc32(body))

    header = struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0)
    return (
        b"\x89PNG\r\n\x1a\n"
        + chunk(b"IHDR", header)
        + chunk(b"IDAT", zlib.compress(rows))
        + chunk(b"IEND", b"")
    )


def with_files(root: Path, folder: Path) -> None:
    """The release with everything: a number, a local photo (an attachment) with caption,
    credit and alt text, a signed PDF."""
    from .test_attachments import PDF, cli_run

    ident = release(root, at(0), "Humas Pemerintah Jaga Netralitas ASN Jelang Pemilu 2019",
                    body=BODY, approve=False)  # fmt: skip
    folder.mkdir()
    (folder / "Foto Rapat.png").write_bytes(png(640, 360))
    (folder / "Siaran Pers (ditandatangani).pdf").write_bytes(PDF * 200)
    for name, extra in (("Foto Rapat.png", ["--photo"]), ("Siaran Pers (ditandatangani).pdf", [])):
        done = cli_run(root, "attach", ident, str(folder / name), *extra)
        assert done.exit_code == 0, done.output
    writer = Newsroom.open(root, "ald", fixed_clock(at(0)))
    article = writer.find(ident)
    assert article.image is not None
    article.image.caption = "Menteri membuka rapat koordinasi"
    article.image.credit, article.image.alt = "HUMAS UJI", "Menteri berbicara di depan peserta"
    article.release_number = "B-001/HUMAS/VI/2026"
    writer.save_edit(article)
    Newsroom.open(root, "nur", fixed_clock(at(0))).act(ident, "approve")


class Site:
    """A newsroom served by `newsroom serve` on a free port, its URLs pointing at it."""

    def __init__(self, base: str, feeds: Path) -> None:
        self.base = base
        self.feeds = feeds

    def url(self, path: str) -> str:
        return f"{self.base}/{path}"


@pytest.fixture(scope="module", params=["id", "en"])
def site(
    request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory
) -> Iterator[Site]:
    """A newsroom (Indonesian or English around its releases) with a release with a photo,
    a corrected one, a retracted one and a klarifikasi, served on 127.0.0.1."""
    from newsroom.core.init import init_newsroom

    language = request.param
    root = tmp_path_factory.mktemp(f"site-{language}") / "nr"
    init_newsroom(root, "Humas Kementerian Uji")
    configure(root)
    server = make_server(load_config(root), "127.0.0.1", 0)
    base = f"http://127.0.0.1:{server.server_address[1]}"
    config = root / "newsroom.toml"
    text = config.read_text().replace("http://127.0.0.1:8080", base)
    text = text.replace("[pages]\n", "[pages]\n" + CONTACT)
    if language == "en":
        text = text.replace('language = "id"', 'language = "en"', 1)
    config.write_text(text)
    # signed (an unencrypted key outside the newsroom): the pages link the signed texts
    key = os.environ.get("NEWSROOM_SIGNING_KEY")
    os.environ["NEWSROOM_SIGNING_KEY"] = str(root.parent / "kunci" / "newsroom.key")
    Newsroom.open(root, "ald", fixed_clock(at(0))).keys_init(None)
    with_files(root, root.parent / "unggah")
    corrected = release(root, at(0), "Anggaran Daerah Naik", body="Sejak 2004, ada aturan.")
    retracted = numbered(root, at(0), "Data Bantuan Sosial", "B-002/HUMAS/VI/2026",
                         release={"body": "Angka 1.234 keluarga."})  # fmt: skip
    numbered(root, at(0.5), "Klarifikasi Surat Palsu", "B-003/HUMAS/VI/2026",
             kind="klarifikasi", denies=["B-099/HUMAS/VI/2026"])  # fmt: skip
    run(root, at(1))
    correct(root, corrected, at(2), "Tahun salah tulis", "Sejak 2005, ada aturan.")
    retract(root, retracted, at(2), "Data belum final")
    run(root, at(3))
    if key is None:
        del os.environ["NEWSROOM_SIGNING_KEY"]
    else:
        os.environ["NEWSROOM_SIGNING_KEY"] = key
    thread = threading.Thread(target=server.serve_forever, args=(0.05,), daemon=True)
    thread.start()
    yield Site(base, root / "feeds")
    server.shutdown()
    server.server_close()


@pytest.fixture(scope="module")
def browser(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Browser]:
    with chromium(tmp_path_factory.mktemp("chromium")) as opened:
        yield opened


PAGES = {
    "release": "siaran-pers/humas-pemerintah-jaga-netralitas-asn-jelang-pemilu-2019/",
    "corrected": "siaran-pers/anggaran-daerah-naik/",
    "retracted": "siaran-pers/data-bantuan-sosial/",
    "klarifikasi": "siaran-pers/klarifikasi-surat-palsu/",
    "index": "siaran-pers/",
    "category": "kategori/ekonomi/",
    "lookup": "nomor/",
    "issued": "nomor/B-001%2FHUMAS%2FVI%2F2026/",
    "denied": "nomor/B-099%2FHUMAS%2FVI%2F2026/",
    "unknown": "nomor/B-777%2FPALSU%2F2026/",
}


def shots() -> Path | None:
    folder = os.environ.get("NEWSROOM_SHOTS")
    return Path(folder) if folder else None


@pytest.mark.parametrize("width", [375, 1280])
def test_every_kind_of_page_fits_the_screen_and_shows_what_it_is(
    site: Site, browser: Browser, width: int, tmp_path: Path
) -> None:
    folder = shots() or tmp_path
    folder.mkdir(parents=True, exist_ok=True)
    lang = site_language(site, browser)
    for name, path in PAGES.items():
        shot = folder / f"{lang}-{name}-{width}.png"
        size = browser.screenshot(site.url(path), width, shot)
        assert size["width"] <= width, f"{name} is wider than {width} px: {size}"
        assert shot.stat().st_size > 1000
    page = browser.open(site.url(PAGES["release"]), width)
    photo = browser.evaluate(page, "(() => { const i = document.querySelector('figure img');"
                             " return [i.complete, i.naturalWidth, i.getBoundingClientRect().width]"
                             "})()")  # fmt: skip
    assert photo[0] and photo[1] == 640 and photo[2] <= width  # the photo loads and fits
    pdf = browser.evaluate(page, "fetch(document.querySelector('.attachments a').href)"
                           ".then(r => [r.status, r.headers.get('content-type')])")  # fmt: skip
    assert pdf == [200, "application/pdf"]  # the attachment is served beside the page
    page = browser.open(site.url(PAGES["corrected"]), width)
    signed = browser.evaluate(
        page,
        "Promise.all([...document.querySelectorAll("
        "'.authenticity a')].map(a => fetch(a.href).then(r => r.status)))",
    )
    # v2.txt, its signature, v1.txt, its signature, then the key and the list of keys, in
    # each language: every one served
    assert signed == [200] * 8


def test_a_date_is_never_broken_across_lines_on_a_narrow_phone(
    site: Site, browser: Browser
) -> None:
    """At 240 px (a small phone, or larger text) "07-12-2018 15:30 WIB" stays on one line:
    a date cut before its zone reads as another time."""
    for name in ("release", "corrected", "index"):
        page = browser.open(site.url(PAGES[name]), 240)
        lines = browser.evaluate(
            page, "[...document.querySelectorAll('time')].map(t => t.getClientRects().length)"
        )
        assert lines and set(lines) == {1}, (name, lines)


def site_language(site: Site, browser: Browser) -> str:
    page = browser.open(site.url(PAGES["index"]), 1280)
    found: str = browser.evaluate(page, "document.documentElement.lang")
    return found


@pytest.mark.parametrize("width", [375, 1280])
def test_axe_finds_no_violation(site: Site, browser: Browser, width: int) -> None:
    source = axe_source()
    found: dict[str, list[Any]] = {}
    for name, path in PAGES.items():
        violations = browser.axe(site.url(path), source, width)
        if violations:
            found[name] = violations
    assert found == {}


def test_the_lookup_form_leads_to_the_release_without_javascript(
    site: Site, browser: Browser
) -> None:
    page = browser.open(site.url(PAGES["lookup"]), 375)
    browser.call("Emulation.setScriptExecutionDisabled", page, value=True)
    browser.call("Page.navigate", page, url=site.url(PAGES["lookup"]))
    browser.wait_for("Page.loadEventFired", page)
    browser.call("Emulation.setScriptExecutionDisabled", page, value=False)
    browser.evaluate(page, "document.querySelector('input[name=n]').value = 'B-001/HUMAS/VI/2026';"
                     "document.querySelector('form.lookup').submit()")  # fmt: skip
    browser.wait_for("Page.loadEventFired", page)
    where = browser.evaluate(page, "[location.pathname, document.querySelector('h1').textContent]")
    assert where[0] == "/nomor/B-001%2FHUMAS%2FVI%2F2026/"
    assert "B-001/HUMAS/VI/2026" in where[1]
    browser.evaluate(page, "document.querySelector('main a[href*=\"siaran-pers\"]').click()")
    browser.wait_for("Page.loadEventFired", page)
    title = browser.evaluate(page, "document.querySelector('h1').textContent")
    assert title == "Humas Pemerintah Jaga Netralitas ASN Jelang Pemilu 2019"


@pytest.mark.parametrize("typed", [" b-001/humas/vi/2026 ", "B-001/Humas/vi/2026"])
def test_a_number_typed_in_another_case_finds_its_release(
    site: Site, browser: Browser, typed: str
) -> None:
    """A journalist types the number from a WhatsApp message in lowercase: the lookup said
    "Nomor tidak terdaftar … tidak berasal dari kantor ini" of a genuine release; it leads
    to the number's page, as the office wrote it, whatever the case."""
    page = browser.open(site.url(PAGES["lookup"]), 375)
    browser.evaluate(page, f"document.querySelector('input[name=n]').value = {typed!r};"
                     "document.querySelector('form.lookup').submit()")  # fmt: skip
    browser.wait_for("Page.loadEventFired", page)
    where = browser.evaluate(page, "[location.pathname, document.querySelector('h1').textContent,"
                             "document.querySelector('p.answer').className]")  # fmt: skip
    assert where[0] == "/nomor/B-001%2FHUMAS%2FVI%2F2026/"
    assert "B-001/HUMAS/VI/2026" in where[1] and where[2] == "answer"  # issued, not "no"


class AsNginx(SimpleHTTPRequestHandler):
    """feeds/ as docs/nginx/newsroom.conf serves it, without newsroom serve's lookup: a path
    under nomor/ with no file gets the "not issued" page as a 404, the case as typed."""

    def send_error(self, code: int, message: str | None = None, explain: str | None = None) -> None:
        if code != 404 or not self.path.startswith("/nomor/"):
            return super().send_error(code, message, explain)
        body = (Path(self.directory) / "nomor" / "tidak-terdaftar.html").read_bytes()
        self.send_response(404)
        self.send_header("Content-Type", "text/html; charset=utf-8")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, format: str, *args: Any) -> None:
        pass


def settled(browser: Browser, page: str, away_from: str) -> Any:
    """Where the tab is and its heading once it has left `away_from` (or after a while)."""
    for _ in range(100):
        try:
            where = browser.evaluate(page, "[location.pathname, document.readyState, "
                                     "document.querySelector('h1').textContent]")  # fmt: skip
        except RuntimeError:  # between two documents
            where = None
        if where and where[0] != away_from and where[1] == "complete":
            return where
        threading.Event().wait(0.05)
    return where


# Where the tab is and its heading once the page's script has looked the number up.
LOOKED = (
    "new Promise(done => { const look = () => "
    "document.documentElement.classList.contains('looking') ? setTimeout(look, 20) : "
    "done([location.pathname, document.querySelector('h1').textContent]); look(); })"
)


@pytest.mark.parametrize("typed", ["b-001%2Fhumas%2Fvi%2F2026/", "+B-001%2FHumas%2Fvi%2F2026+/"])
def test_behind_a_server_that_keeps_the_case_a_number_in_another_case_finds_its_release(
    site: Site, browser: Browser, typed: str
) -> None:
    """nginx matches the case as typed: b-001/humas/vi/2026 got the "not issued by this
    office" page for the genuine B-001/HUMAS/VI/2026. That page's script finds the number in
    nomor.json case aside and goes on to its page; a number never issued stays unknown."""
    server = ThreadingHTTPServer(("127.0.0.1", 0),
                                 functools.partial(AsNginx, directory=str(site.feeds)))  # fmt: skip
    threading.Thread(target=server.serve_forever, args=(0.05,), daemon=True).start()
    try:
        base = f"http://127.0.0.1:{server.server_address[1]}"
        page = browser.open(f"{base}/nomor/{typed}", 375)
        where = settled(browser, page, f"/nomor/{typed}")
        assert where[0] == "/nomor/B-001%2FHUMAS%2FVI%2F2026/", where
        assert "B-001/HUMAS/VI/2026" in where[2]
        page = browser.open(f"{base}/nomor/b-777%2Fpalsu%2F2026/", 375)
        shown = browser.evaluate(page, LOOKED)
        assert shown[0] == "/nomor/b-777%2Fpalsu%2F2026/"  # looked up, not found, shown
        assert shown[1] in ("Nomor tidak terdaftar", "Number not on record")
    finally:
        server.shutdown()
        server.server_close()


def test_on_paper_the_navigation_goes_and_link_addresses_are_written_out(
    site: Site, browser: Browser, tmp_path: Path
) -> None:
    page = browser.open(site.url(PAGES["release"]), 1280)
    browser.call("Emulation.setEmulatedMedia", page, media="print")
    seen = browser.evaluate(page, "[getComputedStyle(document.querySelector('nav ul')).display,"
                            " getComputedStyle(document.querySelector('.body a'), '::after')"
                            ".content, getComputedStyle(document.body).fontFamily]")  # fmt: skip
    assert seen[0] == "none"
    assert "menpan.go.id" in seen[1]
    assert "serif" in seen[2] and "sans" not in seen[2].split(",")[0]
    import base64

    pdf = base64.b64decode(browser.call("Page.printToPDF", page)["data"])
    assert pdf.startswith(b"%PDF")
    (shots() or tmp_path).mkdir(parents=True, exist_ok=True)
    ((shots() or tmp_path) / f"{site_language(site, browser)}-release.pdf").write_bytes(pdf)
