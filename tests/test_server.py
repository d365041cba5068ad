"""`newsroom serve`: media types, validators, gzip, confinement, tokens and resource limits."""

from __future__ import annotations

import gzip
import socket
import threading
import time
import urllib.error
import urllib.request
from collections.abc import Callable, Iterator
from http.server import ThreadingHTTPServer
from pathlib import Path

import pytest

from newsroom.core.config import load_config
from newsroom.core.errors import ConfigError
from newsroom.server import make_server, said

from .feedkit import at, configure, release, run
from .pagekit import numbered
from .signkit import keyhome, make_key

__all__ = ["keyhome"]  # a fixture, used by name

Start = Callable[..., str]


@pytest.fixture
def start(root: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Start]:
    """Start servers on a newsroom with an embargoed release for ANTARA; stop them after."""
    configure(root)
    release(root, at(0), "Rilis")
    release(root, at(0), "Rilis berembargo", embargo=at(5))
    run(root, at(1))
    monkeypatch.setenv("NEWSROOM_TOKEN_ANTARA", "rahasia")
    monkeypatch.setenv("NEWSROOM_TOKEN_PEMILU", "punya-pemilu")
    servers: list[ThreadingHTTPServer] = []

    def start_server(**options: float) -> str:
        server = make_server(load_config(root), "127.0.0.1", 0, **options)  # type: ignore[arg-type]
        servers.append(server)
        threading.Thread(target=server.serve_forever, args=(0.05,), daemon=True).start()
        return f"http://127.0.0.1:{server.server_address[1]}"

    yield start_server
    for server in servers:
        server.shutdown()
        server.server_close()


@pytest.fixture
def base(start: Start) -> str:
    return start()


def get(url: str, **headers: str) -> tuple[int, dict[str, str], bytes]:
    request = urllib.request.Request(url, headers=headers)
    try:
        with urllib.request.urlopen(request, timeout=10) as response:
            return response.status, dict(response.headers), response.read()
    except urllib.error.HTTPError as exc:
        return exc.code, dict(exc.headers), exc.read()


def raw(base: str, request: bytes) -> bytes:
    """Send bytes as they are (no client-side checks) and read the whole answer."""
    host, port = base.removeprefix("http://").split(":")
    with socket.create_connection((host, int(port)), timeout=10) as sock:
        sock.sendall(request)
        return b"".join(iter(lambda: sock.recv(65536), b""))


def test_media_types_with_charset(base: str) -> None:
    assert get(base + "/rss.xml")[1]["Content-Type"] == "application/rss+xml; charset=utf-8"
    assert get(base + "/atom.xml")[1]["Content-Type"] == "application/atom+xml; charset=utf-8"
    assert get(base + "/feed.json")[1]["Content-Type"] == "application/feed+json; charset=utf-8"


def test_conditional_get_answers_304(base: str) -> None:
    status, headers, _ = get(base + "/atom.xml")
    assert status == 200 and headers["ETag"].startswith('"')
    assert get(base + "/atom.xml", **{"If-None-Match": headers["ETag"]})[0] == 304
    since = headers["Last-Modified"]
    assert get(base + "/atom.xml", **{"If-Modified-Since": since})[0] == 304


def test_if_none_match_compares_weakly(base: str) -> None:
    etag = get(base + "/atom.xml")[1]["ETag"]
    for validator in ("W/" + etag, f'"other", W/{etag}', "*"):
        assert get(base + "/atom.xml", **{"If-None-Match": validator})[0] == 304, validator
    assert get(base + "/atom.xml", **{"If-None-Match": 'W/"other"'})[0] == 200


def test_a_304_carries_what_the_200_does(base: str) -> None:
    for path, headers in (
        ("/rss.xml", {}),
        ("/private/antara/rss.xml", {"Authorization": "Bearer rahasia"}),
    ):
        _, full, _ = get(base + path, **headers)
        status, short, body = get(base + path, **headers, **{"If-None-Match": full["ETag"]})
        assert status == 304 and body == b""
        for name in ("ETag", "Cache-Control", "Vary", "Last-Modified"):
            assert short[name] == full[name], (path, name)


def test_gzip_when_asked_with_an_etag_of_its_own(base: str) -> None:
    _, plain_headers, plain = get(base + "/rss.xml")
    _, headers, body = get(base + "/rss.xml", **{"Accept-Encoding": "gzip"})
    assert headers["Content-Encoding"] == "gzip" and gzip.decompress(body) == plain
    assert headers["ETag"] != plain_headers["ETag"]
    assert headers["Vary"] == plain_headers["Vary"] == "Accept-Encoding"
    # The plain copy's ETag does not validate the gzipped one, nor the other way round.
    asked = {"Accept-Encoding": "gzip", "If-None-Match": plain_headers["ETag"]}
    assert get(base + "/rss.xml", **asked)[0] == 200
    assert get(base + "/rss.xml", **{"If-None-Match": headers["ETag"]})[0] == 200


@pytest.mark.parametrize(
    ("accept", "gzipped"),
    [
        ("gzip;q=0", False),
        ("gzip; q=0.000, identity", False),
        ("*;q=0", False),
        ("br, deflate", False),
        ("gzip;q=0.5, identity;q=1", True),
        ("*", True),
        ("x-gzip", True),
        ("identity, gzip;q=0.001", True),
    ],
)
def test_accept_encoding_q_values(base: str, accept: str, gzipped: bool) -> None:
    headers = get(base + "/rss.xml", **{"Accept-Encoding": accept})[1]
    assert ("Content-Encoding" in headers) is gzipped


def test_nothing_outside_feeds(base: str) -> None:
    for path in (
        "/../newsroom.toml",
        "/%2e%2e/newsroom.toml",
        "/.newsroom/tokens.toml",
        "/../articles",
    ):
        assert get(base + path)[0] == 404, path


def test_private_feeds_need_the_partners_token(base: str) -> None:
    url = base + "/private/antara/rss.xml"
    assert get(url)[0] == 401
    assert get(url + "?token=salah")[0] == 401
    assert get(url, Authorization="Bearer punya-pemilu")[0] == 401
    status, _, body = get(url, Authorization="Bearer rahasia")
    assert status == 200 and b"EMBARGO hingga" in body
    assert get(url + "?token=rahasia")[0] == 200
    assert b"EMBARGO" not in get(base + "/rss.xml")[2]


def test_a_private_path_answers_alike_whether_it_exists_or_not(base: str) -> None:
    for headers in ({}, {"Authorization": "Bearer punya-pemilu"}, {"Authorization": "Bearer x"}):
        answers = {
            get(base + path, **headers)[0:3:2]
            for path in (
                "/private/antara/rss.xml",
                "/private/antara/missing.xml",
                "/private/nobody/rss.xml",
                "/private/",
                "//private//antara/rss.xml",
            )
        }
        assert answers == {(401, said("serve.token"))}, headers


@pytest.mark.parametrize("path", [b"/rss.xml\x00", b"/rss.xml%00", b"/private/antara/%00"])
def test_a_nul_in_the_path_is_a_bad_request(base: str, path: bytes) -> None:
    answer = raw(base, b"GET " + path + b" HTTP/1.0\r\n\r\n")
    assert answer.startswith(b"HTTP/1.0 400 "), answer[:80]


def test_server_header_names_no_python_version(base: str) -> None:
    assert get(base + "/rss.xml")[1]["Server"] == "newsroom"


def test_a_silent_connection_is_closed(start: Start) -> None:
    base = start(timeout=0.2)
    host, port = base.removeprefix("http://").split(":")
    with socket.create_connection((host, int(port)), timeout=10) as sock:
        assert sock.recv(100) == b""  # closed by the server, long before the 10 s
    assert get(base + "/rss.xml")[0] == 200


def test_idle_connections_do_not_pile_up_threads(start: Start) -> None:
    base = start(max_connections=16)
    host, port = base.removeprefix("http://").split(":")
    before = threading.active_count()
    idle = [socket.create_connection((host, int(port)), timeout=10) for _ in range(300)]
    try:
        # The server accepts in order: the 300th answered means all were handled.
        assert idle[-1].recv(100).startswith(b"HTTP/1.0 503 ")
        assert threading.active_count() <= before + 16
        assert idle[16].recv(100).startswith(b"HTTP/1.0 503 ")
    finally:
        for sock in idle:
            sock.close()
    assert _eventually_served(base + "/rss.xml")


def _eventually_served(url: str) -> bool:
    """Closed connections free their slots as their threads notice; wait for that."""
    deadline = time.monotonic() + 10
    while time.monotonic() < deadline:
        if get(url)[0] == 200:
            return True
        time.sleep(0.05)
    return False


def test_the_token_never_reaches_the_log(
    base: str, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setenv("NEWSROOM_SERVE_LOG", "1")
    get(base + "/private/antara/rss.xml?token=rahasia")
    get(base + "/private/antara/rss.xml?%74oken=rahasia")
    get(base + "/private/antara/rss.xml", Authorization="Bearer rahasia")
    raw(base, b"GET /private/antara/rss.xml?token=rahasia HTTP/1.1 extra\r\n\r\n")
    log = capsys.readouterr().err
    assert "/private/antara/rss.xml" in log and " 200 " in log
    assert "rahasia" not in log


def test_a_token_being_rotated_opens_with_old_and_new(
    root: Path, start: Start, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.delenv("NEWSROOM_TOKEN_ANTARA")
    (root / ".newsroom" / "tokens.toml").write_text('[tokens]\nantara = ["baru", "lama"]\n')
    base = start()
    for token in ("baru", "lama"):
        assert get(base + "/private/antara/rss.xml", Authorization=f"Bearer {token}")[0] == 200
    assert get(base + "/private/antara/rss.xml", Authorization="Bearer rahasia")[0] == 401


@pytest.mark.parametrize(
    ("line", "says"),
    [
        ('nobody = "x"', "nobody: no such partner"),
        ("antara = 12", "antara: write the token in quotes"),
        ('antara = ""', "antara: write the token in quotes"),
        ('tokens = "x"', "one line per partner under"),
    ],
)
def test_a_wrong_tokens_file_names_itself(root: Path, start: Start, line: str, says: str) -> None:
    text = line if line.startswith("tokens") else f"[tokens]\n{line}"
    (root / ".newsroom" / "tokens.toml").write_text(text + "\n")
    with pytest.raises(ConfigError, match=says) as caught:
        start()
    assert str(root / ".newsroom" / "tokens.toml") in str(caught.value)


@pytest.mark.parametrize(("first", "second"), [("a-b", "a_b"), ("antara", "Antara")])
def test_partners_sharing_a_token_variable_are_a_config_error(
    root: Path, first: str, second: str
) -> None:
    text = (root / "newsroom.toml").read_text()
    for name in (first, second):
        text += f'\n[[partners]]\nname = "{name}"\nembargo_access = true\n'
    (root / "newsroom.toml").write_text(text)
    with pytest.raises(ConfigError, match="NEWSROOM_TOKEN_") as caught:
        load_config(root)
    assert "newsroom.toml" in str(caught.value) and "rename one" in str(caught.value)


def test_the_public_record_is_served_beside_the_feeds(base: str) -> None:
    status, headers, body = get(base + "/siaran-pers/rilis/")
    assert status == 200 and headers["Content-Type"] == "text/html; charset=utf-8"
    assert b"<h1>Rilis</h1>" in body
    assert get(base + "/siaran-pers/")[1]["Content-Type"] == "text/html; charset=utf-8"
    assert get(base + "/siaran-pers/rilis-berembargo/")[0] == 404  # not before the lift
    status, headers, body = get(base + "/nomor/B-666%2FPALSU%2F2026/")
    assert status == 404 and headers["Content-Type"] == "text/html; charset=utf-8"
    assert "tidak diterbitkan oleh Humas Uji" in body.decode()
    status, headers, body = get(base + "/nomor/B-666%2FPALSU%2F2026.json")
    assert status == 404 and headers["Content-Type"] == "application/json; charset=utf-8"
    assert b'"issued": false' in body
    assert get(base + "/nomor.json")[1]["Content-Type"] == "application/json; charset=utf-8"
    for path in ("/ninjs/index.json", "/siaran-pers/rilis/ninjs.json"):  # ninjs: not JSON Feed
        assert get(base + path)[1]["Content-Type"] == "application/json; charset=utf-8", path
    assert get(base + "/feed.json")[1]["Content-Type"] == "application/feed+json; charset=utf-8"
    answer = raw(base, b"GET /nomor/?n=B-001%2FHUMAS%2FVI%2F2026 HTTP/1.0\r\n\r\n")
    assert answer.startswith(b"HTTP/1.0 303") or answer.startswith(b"HTTP/1.1 303")
    assert b"\r\nLocation: /nomor/B-001%2FHUMAS%2FVI%2F2026/\r\n" in answer


PLAIN = "text/plain; charset=utf-8"


def test_keys_signatures_and_lists_are_plain_text(root: Path, keyhome: Path, start: Start) -> None:
    """A journalist tapping the key link on a page got newsroom.pub as
    `application/vnd.exstream-package` (Python's guess for .pub: a download, not the key's
    text) and SHA256SUMS as `application/octet-stream`: every key file, list, signature and
    signed text is UTF-8 plain text, as the .minisig files already were."""
    key = make_key(root)
    assert run(root, at(2)).signed
    base = start()
    feeds = root / "feeds"
    for path in ("newsroom.pub", f"newsroom-keys/{key}.pub", "newsroom-keys.txt",
                 "newsroom-keys.txt.minisig", "SHA256SUMS", "SHA256SUMS.minisig",
                 "siaran-pers/rilis/v1.txt", "siaran-pers/rilis/v1.txt.minisig"):  # fmt: skip
        status, headers, body = get(f"{base}/{path}")
        assert status == 200 and headers["Content-Type"] == PLAIN, (path, headers)
        assert body == (feeds / path).read_bytes(), path
    status, headers, body = get(base + "/private/antara/SHA256SUMS", Authorization="Bearer rahasia")
    assert status == 200 and headers["Content-Type"] == PLAIN
    assert body == (feeds / "private" / "antara" / "SHA256SUMS").read_bytes()


def test_a_number_in_another_case_leads_to_its_page(root: Path, start: Start) -> None:
    """`?n=b-001/humas/vi/2026` answered "not issued by this office" of the genuine
    B-001/HUMAS/VI/2026 (only spaces were forgiven): the number is matched case aside, in
    the form's `?n=` and in a lookup address typed by hand, and sent to its own address."""
    numbered(root, at(1.5), "Bernomor", "B-001/HUMAS/VI/2026")
    assert run(root, at(2)).ok
    base = start()
    canonical = "/nomor/B-001%2FHUMAS%2FVI%2F2026"
    asked = {
        "/nomor/?n=%20b-001/humas/vi/2026%20": canonical + "/",
        "/nomor/?n=B-001/Humas/VI/2026": canonical + "/",
        "/nomor/b-001%2Fhumas%2Fvi%2F2026/": canonical + "/",
        "/nomor/b-001%2Fhumas%2Fvi%2F2026.json": canonical + ".json",
    }
    for path, location in asked.items():
        answer = raw(base, f"GET {path} HTTP/1.0\r\n\r\n".encode())
        assert answer.split(b" ")[1] == b"303", (path, answer[:200])
        assert f"\r\nLocation: {location}\r\n".encode() in answer, path
    status, _, body = get(base + "/nomor/?n=b-001/humas/vi/2026")
    assert status == 200 and "B-001/HUMAS/VI/2026" in body.decode()
    assert get(base + "/nomor/?n=b-002/humas/vi/2026")[0] == 404  # never issued: still said
    # The address a release page shows as its text (its `/` as written) is the same page.
    shown = get(base + "/nomor/B-001/HUMAS/VI/2026/")
    assert shown[0] == 200 and shown[2] == get(base + canonical + "/")[2]
    page = get(base + "/siaran-pers/bernomor/")[2].decode()
    assert f">{load_config(root).feeds_base}/nomor/B-001/HUMAS/VI/2026/</a>" in page


def test_what_the_server_cannot_give_it_says_in_both_languages(base: str, root: Path) -> None:
    """An embargoed release's link in a private feed got a plain `not found`, a wrong token
    `this feed needs the partner's token`, and `/` the raw rss.xml. Each answer now says,
    in Indonesian and then in English, what to do; `/` goes to the pages' index (the main
    feed still, where there are no pages)."""
    status, headers, body = get(base + "/siaran-pers/rilis-berembargo/")
    text = body.decode()
    assert status == 404 and headers["Content-Type"] == "text/plain; charset=utf-8"
    assert text.index("saat embargonya berakhir") < text.index("when its embargo lifts")
    assert "/siaran-pers/" in text
    status, headers, body = get(base + "/private/antara/rss.xml", Authorization="Bearer x")
    text = body.decode()
    assert status == 401 and headers["WWW-Authenticate"] == 'Bearer realm="newsroom"'
    assert text.index("minta") < text.index("ask the office for your partner token")
    assert "Authorization: Bearer TOKEN" in text and "?token=TOKEN" in text
    status, _, body = get(base + "/tidak-ada.xml")
    assert status == 404 and body.decode().startswith("Tidak ada apa pun di alamat ini.")
    answer = raw(base, b"GET / HTTP/1.0\r\n\r\n")
    assert answer.split(b" ")[1] == b"302" and b"\r\nLocation: /siaran-pers/\r\n" in answer
    status, headers, body = get(base + "/")
    assert status == 200 and headers["Content-Type"] == "text/html; charset=utf-8"
    assert b"Rilis" in body
    (root / "feeds" / "siaran-pers" / "index.html").unlink()
    assert get(base + "/")[1]["Content-Type"] == "application/rss+xml; charset=utf-8"
