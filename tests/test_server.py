"""`newsroom serve`: media types, validators, gzip, confinement and partner tokens."""

from __future__ import annotations

import gzip
import threading
import urllib.error
import urllib.request
from collections.abc import Iterator
from pathlib import Path

import pytest

from newsroom.core.config import load_config
from newsroom.server import make_server

from .feedkit import at, configure, release, run


@pytest.fixture
def base(root: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[str]:
    configure(root)
    release(root, at(0), "Rilis")
    release(root, at(0), "Rilis berembargo", embargo=at(5))
    run(root, at(1))
    monkeypatch.setenv("NEWSROOM_TOKEN_ANTARA", "rahasia")
    server = make_server(load_config(root), "127.0.0.1", 0)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_address[1]}"
    server.shutdown()
    server.server_close()


def get(url: str, **headers: str) -> tuple[int, dict[str, str], bytes]:
    request = urllib.request.Request(url, headers=headers)
    try:
        with urllib.request.urlopen(request) as response:
            return response.status, dict(response.headers), response.read()
    except urllib.error.HTTPError as exc:
        return exc.code, dict(exc.headers), exc.read()


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


def test_gzip_when_asked(base: str) -> None:
    plain = get(base + "/rss.xml")[2]
    _, headers, body = get(base + "/rss.xml", **{"Accept-Encoding": "gzip"})
    assert headers["Content-Encoding"] == "gzip" and gzip.decompress(body) == plain


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
    status, _, body = get(url, Authorization="Bearer rahasia")
    assert status == 200 and b"EMBARGO hingga" in body
    assert get(url + "?token=rahasia")[0] == 200
    assert b"EMBARGO" not in get(base + "/rss.xml")[2]
