"""docs/nginx/newsroom.conf on a real nginx, probed as an outsider.

Private (embargo) feeds open only to their own partner's token, a partner that exists
answers like one that does not, nothing outside feeds/ and no temporary file is served,
the token never reaches a log, and the headers are what RFC 9110 asks for. The file
docs/deploy.md shows is the file tested here.
"""

from __future__ import annotations

import gzip
import re
from collections.abc import Iterator
from pathlib import Path

import pytest

from newsroom.core.init import init_newsroom
from newsroom.core.signing import keys as keys_module
from newsroom.server import said

from .feedkit import at, configure, release, run
from .nginxkit import (
    REPO,
    TOKENS_EXAMPLE,
    Nginx,
    check_config,
    example_tokens,
    running_nginx,
)
from .pagekit import numbered
from .signkit import TEST_LIMITS, make_key

DEPLOY = REPO / "docs" / "deploy.md"
TOKENS = {**example_tokens(), "pemilu": "b2" * 16}
ANTARA = "/feeds/private/antara/rss.xml"


@pytest.fixture(scope="module")
def nginx(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Nginx]:
    """One nginx for the module, over a signed newsroom with an embargoed release for ANTARA."""
    base = tmp_path_factory.mktemp("nginx")
    root = base / "nr"
    init_newsroom(root, "Humas Uji")
    configure(root)
    release(root, at(0), "Rilis")
    release(root, at(0), "Rilis berembargo", embargo=at(5))
    numbered(root, at(0), "Rilis bernomor", "B-001/HUMAS/VI/2026")
    with pytest.MonkeyPatch.context() as patch:  # (signkit.keyhome, for the module)
        patch.setenv("XDG_CONFIG_HOME", str(base / "config"))
        patch.delenv("NEWSROOM_SIGNING_KEY", raising=False)
        patch.setattr(keys_module, "kdf_limits", lambda: TEST_LIMITS)
        make_key(root)
        assert run(root, at(1)).signed
    # A publish in progress: its temporary files sit beside the feeds they will replace.
    (root / "feeds" / ".rss.xml.abc.tmp").write_text("half a feed")
    (root / "feeds" / "private" / "antara" / ".rss.xml.abc.tmp").write_text("half a feed")
    (root / ".newsroom").mkdir(exist_ok=True)
    (root / ".newsroom" / "tokens.toml").write_text(f'[tokens]\nantara = "{TOKENS["antara"]}"\n')
    tokens = base / "tokens.map"
    tokens.write_text("".join(f'"{token}" {name};\n' for name, token in TOKENS.items()))
    with running_nginx(root, tokens, base / "nginx") as server:
        yield server


def test_deploy_md_shows_the_shipped_files_verbatim() -> None:
    """Each `<!-- file: PATH -->` in deploy.md is followed by a fenced copy of PATH."""
    text = DEPLOY.read_text(encoding="utf-8")
    shown = re.findall(r"<!-- file: (\S+) -->\n```\w*\n(.*?)```\n", text, flags=re.S)
    assert {path for path, _ in shown} == {
        "docs/nginx/newsroom.conf",
        "docs/nginx/tokens.map.example",
    }
    for path, block in shown:
        assert block == (REPO / path).read_text(encoding="utf-8"), f"deploy.md's copy of {path}"


def test_private_feeds_open_to_their_own_partners_token_only(nginx: Nginx) -> None:
    status, headers, body = nginx.get(ANTARA)
    assert status == 401 and headers["WWW-Authenticate"] == 'Bearer realm="newsroom"'
    assert body == said("serve.token")  # what to do, as `newsroom serve` says it
    assert nginx.get(ANTARA, Authorization=f"Bearer {TOKENS['pemilu']}")[0] == 401
    assert nginx.get(f"{ANTARA}?token={TOKENS['pemilu']}")[0] == 401
    assert nginx.get(ANTARA, Authorization="Bearer ")[0] == 401
    status, _, body = nginx.get(ANTARA, Authorization=f"Bearer {TOKENS['antara']}")
    assert status == 200 and b"EMBARGO hingga" in body
    status, _, body = nginx.get(f"{ANTARA}?token={TOKENS['antara']}")
    assert status == 200 and b"EMBARGO hingga" in body
    assert b"EMBARGO" not in nginx.get("/feeds/rss.xml")[2]


def test_a_partner_that_exists_answers_like_one_that_does_not(nginx: Nginx) -> None:
    def answer(path: str, **headers: str) -> tuple[int, str, bytes]:
        status, got, body = nginx.get(path, **headers)
        return status, got.get("WWW-Authenticate", ""), body

    for headers in ({}, {"Authorization": f"Bearer {TOKENS['pemilu']}"}):
        expected = answer("/feeds/private/nobody/rss.xml", **headers)
        assert expected[0] == 401
        for path in (ANTARA, "/feeds/private/antara/missing.xml", "/feeds/private/antara/"):
            assert answer(path, **headers) == expected, path


@pytest.mark.parametrize(
    "path",
    [
        "//feeds//private/antara/rss.xml",
        "/feeds/./private/antara/rss.xml",
        "/feeds/private/x/../antara/rss.xml",
        "/feeds/private/",
        "/feeds/private",
        "/feeds/private/antara",
        "/feeds/priv%61te/antara/rss.xml",
        "/feeds/private%2fantara%2frss.xml",
        "/feeds/category/../private/antara/rss.xml",
    ],
)
def test_every_spelling_of_a_private_path_needs_the_token(nginx: Nginx, path: str) -> None:
    status, _, body = nginx.get(path)
    assert status == 401 and b"EMBARGO" not in body


@pytest.mark.parametrize(
    "path",
    [
        "/feeds/../newsroom.toml",
        "/feeds/%2e%2e/newsroom.toml",
        "/feeds/%2E%2E/.newsroom/tokens.toml",
        "/feeds/../.newsroom/tokens.toml",
        "/newsroom.toml",
        "/.newsroom/tokens.toml",
        "/articles/",
        "/feeds/../articles/",
        "/feeds/.rss.xml.abc.tmp",
        "/feeds/private/antara/.rss.xml.abc.tmp",
        "/feeds/rss.xml%00",
    ],
)
def test_nothing_outside_feeds_and_no_temporary_file(nginx: Nginx, path: str) -> None:
    for headers in ({}, {"Authorization": f"Bearer {TOKENS['antara']}"}):
        status, _, body = nginx.get(path, **headers)
        assert status in (400, 401, 404), (path, status)  # 401: private, no token
        assert b"half a feed" not in body and b"[site]" not in body and b"tokens" not in body


def test_the_token_never_reaches_a_log(nginx: Nginx) -> None:
    token = TOKENS["antara"]
    asked = [
        f"{ANTARA}?token={token}",
        f"/feeds/private/antara/missing.xml?token={token}",
        f"/feeds/private/antara/?token={token}",
        f"/feeds/private/antara?token={token}",
        f"/feeds/category/?token={token}",  # a folder without rss.xml: an error for nginx
        f"/feeds/private/nobody/rss.xml?token={token}",
    ]
    for path in asked:
        nginx.get(path)
    nginx.get(ANTARA, Authorization=f"Bearer {token}")
    logs = nginx.log_text()
    assert f'"GET {ANTARA}" 200' in logs  # the log is written, and names the path
    assert token not in logs


def test_validators_and_304s(nginx: Nginx) -> None:
    status, headers, _ = nginx.get("/feeds/atom.xml")
    assert status == 200 and headers["Content-Type"] == "application/atom+xml; charset=utf-8"
    etag = headers["ETag"]
    for validator in (etag, "W/" + etag, f'"nope", {etag}'):
        status, again, body = nginx.get("/feeds/atom.xml", **{"If-None-Match": validator})
        assert status == 304 and body == b"", validator
        assert again["ETag"] == etag and again["Cache-Control"] == headers["Cache-Control"]
        assert again["Vary"] == headers["Vary"] == "Accept-Encoding"
    since = {"If-Modified-Since": headers["Last-Modified"]}
    assert nginx.get("/feeds/atom.xml", **since)[0] == 304


def test_gzip_has_its_own_etag_and_honours_q_values(nginx: Nginx) -> None:
    _, plain, identity = nginx.get("/feeds/rss.xml")
    _, packed, body = nginx.get("/feeds/rss.xml", **{"Accept-Encoding": "gzip"})
    assert packed["Content-Encoding"] == "gzip" and gzip.decompress(body) == identity
    assert packed["ETag"] != plain["ETag"] and packed["Vary"] == plain["Vary"] == "Accept-Encoding"
    # nginx marks the compressed copy's ETag weak; If-None-Match compares weakly (RFC 9110).
    again = nginx.get(
        "/feeds/rss.xml", **{"Accept-Encoding": "gzip", "If-None-Match": packed["ETag"]}
    )
    assert again[0] == 304 and again[1]["Vary"] == "Accept-Encoding"
    for refused in ("gzip;q=0", "gzip; q=0.0, identity", "*;q=0, identity"):
        _, headers, body = nginx.get("/feeds/rss.xml", **{"Accept-Encoding": refused})
        assert "Content-Encoding" not in headers and body == identity, refused


def test_private_responses_are_not_for_shared_caches(nginx: Nginx) -> None:
    status, headers, _ = nginx.get(ANTARA, Authorization=f"Bearer {TOKENS['antara']}")
    assert status == 200 and headers["Content-Type"] == "application/rss+xml; charset=utf-8"
    assert headers["Cache-Control"] == "private, no-cache"
    assert headers["Vary"] == "Accept-Encoding, Authorization"
    again = nginx.get(
        ANTARA, Authorization=f"Bearer {TOKENS['antara']}", **{"If-None-Match": headers["ETag"]}
    )
    assert again[0] == 304 and again[1]["Cache-Control"] == "private, no-cache"
    assert headers["Server"] == "nginx"  # no version


@pytest.mark.parametrize("line", ['"" antara;', '"5d41402abc4b2a76b9719d911017c592" pemilu;'])
def test_a_token_line_that_would_open_wrongly_stops_nginx(tmp_path: Path, line: str) -> None:
    """An empty token, or one token for two partners: nginx refuses the config outright."""
    tokens = tmp_path / "tokens.map"
    tokens.write_text(TOKENS_EXAMPLE.read_text() + line + "\n")
    result = check_config(tmp_path / "nr", tokens, tmp_path / "nginx")
    assert result.returncode != 0 and "conflicting parameter" in result.stderr


HTML = "text/html; charset=utf-8"
JSON = "application/json; charset=utf-8"


def test_pages_are_served_beside_the_feeds(nginx: Nginx) -> None:
    status, headers, body = nginx.get("/feeds/siaran-pers/rilis/")
    assert status == 200 and headers["Content-Type"] == HTML and b"<h1>Rilis</h1>" in body
    assert headers["Cache-Control"] == "public, max-age=60"
    assert headers["X-Content-Type-Options"] == "nosniff"
    status, headers, body = nginx.get("/feeds/siaran-pers/")
    assert status == 200 and headers["Content-Type"] == HTML and b"Rilis bernomor" in body
    assert nginx.get("/feeds/")[1]["Content-Type"] == "application/rss+xml; charset=utf-8"
    assert nginx.get("/feeds/category/ekonomi/")[1]["Content-Type"].startswith("application/rss")
    assert nginx.get("/feeds/kategori/ekonomi/")[1]["Content-Type"] == HTML
    assert nginx.get("/feeds/atom.xml")[1]["Content-Type"].startswith("application/atom+xml")
    assert nginx.get("/feeds/feed.json")[1]["Content-Type"].startswith("application/feed+json")
    status, headers, body = nginx.get("/feeds/siaran-pers/rilis-berembargo/")
    assert status == 404  # not before the lift, and it says when, as `newsroom serve` does
    assert headers["Content-Type"] == "text/plain; charset=utf-8"
    assert body == said("serve.not_yet").replace(b"/siaran-pers/", b"/feeds/siaran-pers/")
    for path in ("/feeds/ninjs/index.json", "/feeds/siaran-pers/rilis/ninjs.json",
                 "/feeds/siaran-pers/rilis/v1.ninjs.json"):  # fmt: skip
        status, headers, body = nginx.get(path)
        assert status == 200 and headers["Content-Type"] == JSON and body.startswith(b"{"), path
    held = "/feeds/private/antara/ninjs/rilis-berembargo.json"
    assert nginx.get(held)[0] == 401
    status, headers, _ = nginx.get(held, Authorization=f"Bearer {TOKENS['antara']}")
    assert status == 200 and headers["Content-Type"] == JSON


def test_the_lookup_answers_every_number(nginx: Nginx) -> None:
    status, headers, body = nginx.get("/feeds/nomor/B-001%2FHUMAS%2FVI%2F2026/")
    assert status == 200 and headers["Content-Type"] == HTML
    assert b"diterbitkan oleh Humas Uji" in body
    assert nginx.get("/feeds/nomor/B-001/HUMAS/VI/2026/")[2] == body  # the same, unencoded
    status, headers, body = nginx.get("/feeds/nomor/B-001%2FHUMAS%2FVI%2F2026.json")
    assert status == 200 and headers["Content-Type"] == JSON and b'"issued": true' in body
    status, headers, body = nginx.get("/feeds/nomor/B-666%2FPALSU%2F2026/")
    assert status == 404 and headers["Content-Type"] == HTML
    assert b"tidak diterbitkan oleh Humas Uji" in body and b"<h1>" in body
    assert b"huruf besar dan kecil tidak dibedakan" in body  # the script finds it (above)
    assert b"<noscript>" in body  # without one, nginx needs the case as printed: said so
    status, headers, body = nginx.get("/feeds/nomor/B-666%2FPALSU%2F2026.json")
    assert status == 404 and headers["Content-Type"] == JSON and b'"not_issued"' in body
    status, headers, body = nginx.get("/feeds/nomor.json")
    assert status == 200 and headers["Content-Type"] == JSON and b"B-001/HUMAS/VI/2026" in body
    status, headers, _ = nginx.get("/feeds/nomor/?n=B-001%2FHUMAS%2FVI%2F2026")
    assert status == 303 and headers["Location"].endswith("/feeds/nomor/B-001%2FHUMAS%2FVI%2F2026/")
    assert nginx.get("/feeds/nomor/")[1]["Content-Type"] == HTML


PLAIN = "text/plain; charset=utf-8"


def test_keys_signatures_and_lists_are_plain_text(nginx: Nginx) -> None:
    """newsroom.pub went out as application/octet-stream (no type for .pub), and so did
    SHA256SUMS (no extension): a journalist tapping the key link got a download, not the
    key. Every key file, list, signature and signed text is UTF-8 plain text."""
    root = nginx.root / "feeds"
    key = next((root / "newsroom-keys").glob("*.pub")).name
    for path in ("newsroom.pub", f"newsroom-keys/{key}", "newsroom-keys.txt",
                 "newsroom-keys.txt.minisig", "SHA256SUMS", "SHA256SUMS.minisig",
                 "siaran-pers/rilis/v1.txt", "siaran-pers/rilis/v1.txt.minisig"):  # fmt: skip
        status, headers, body = nginx.get(f"/feeds/{path}")
        assert status == 200 and headers["Content-Type"] == PLAIN, (path, headers)
        assert headers["X-Content-Type-Options"] == "nosniff", path
        assert headers["Cache-Control"] == "public, max-age=60", path
        assert body == (root / path).read_bytes(), path
    private = "/feeds/private/antara/SHA256SUMS"
    assert nginx.get(private)[0] == 401
    status, headers, body = nginx.get(private, Authorization=f"Bearer {TOKENS['antara']}")
    assert status == 200 and headers["Content-Type"] == PLAIN
    assert headers["Cache-Control"] == "private, no-cache"
    assert body == (root / "private" / "antara" / "SHA256SUMS").read_bytes()
