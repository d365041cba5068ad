"""`newsroom serve`: feeds/ over HTTP with the right media types, validators and access control.

Built on the standard library's http.server (threaded), for a press office's own
machine or behind nginx. Strong ETags and Last-Modified with 304 answers, gzip
when asked, nothing outside feeds/, and private partner feeds only with that
partner's token (`Authorization: Bearer T` or `?token=T`).
"""

from __future__ import annotations

import email.utils
import gzip
import hashlib
import hmac
import os
import tomllib
from http import HTTPStatus
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from urllib.parse import parse_qs, unquote, urlsplit

from .core.config import Config

TYPES = {".json": "application/feed+json", ".html": "text/html", ".txt": "text/plain"}


def media_type(path: Path) -> str:
    """RSS and Atom by name (rss.xml, 2026-01.atom.xml), JSON Feed for .json; charset utf-8."""
    name = path.name
    if name.endswith(".xml"):
        kind = "application/atom+xml" if "atom" in name else "application/rss+xml"
    else:
        kind = TYPES.get(path.suffix, "application/octet-stream")
    return f"{kind}; charset=utf-8"


def load_tokens(config: Config) -> dict[str, str]:
    """Partner tokens from NEWSROOM_TOKEN_<NAME> variables, else .newsroom/tokens.toml."""
    tokens: dict[str, str] = {}
    path = config.state_dir / "tokens.toml"
    if path.is_file():
        data = tomllib.loads(path.read_text(encoding="utf-8"))
        tokens.update({k: str(v) for k, v in data.get("tokens", data).items()})
    for partner in config.partners:
        env = os.environ.get(f"NEWSROOM_TOKEN_{partner.name.upper().replace('-', '_')}")
        if env:
            tokens[partner.name] = env
    return tokens


class FeedHandler(BaseHTTPRequestHandler):
    """Serves one newsroom's feeds/ folder."""

    server_version = "newsroom"
    feeds: Path
    tokens: dict[str, str]

    def do_HEAD(self) -> None:
        self._serve(body=False)

    def do_GET(self) -> None:
        self._serve(body=True)

    def log_message(self, format: str, *args: object) -> None:  # quieter than the default
        if os.environ.get("NEWSROOM_SERVE_LOG"):
            super().log_message(format, *args)

    def _serve(self, body: bool) -> None:
        url = urlsplit(self.path)
        path = self._resolve(unquote(url.path))
        if path is None:
            return self._fail(HTTPStatus.NOT_FOUND, "not found")
        if not self._allowed(path, url.query):
            return self._fail(HTTPStatus.UNAUTHORIZED, "this feed needs the partner's token")
        data = path.read_bytes()
        stat = path.stat()
        etag = '"' + hashlib.blake2b(data, digest_size=12).hexdigest() + '"'
        modified = email.utils.formatdate(stat.st_mtime, usegmt=True)
        if self._not_modified(etag, stat.st_mtime):
            self.send_response(HTTPStatus.NOT_MODIFIED)
            self.send_header("ETag", etag)
            self.send_header("Last-Modified", modified)
            self.end_headers()
            return
        gzipped = "gzip" in self.headers.get("Accept-Encoding", "")
        payload = gzip.compress(data, mtime=0) if gzipped else data
        self.send_response(HTTPStatus.OK)
        self.send_header("Content-Type", media_type(path))
        self.send_header("Content-Length", str(len(payload)))
        self.send_header("ETag", etag)
        self.send_header("Last-Modified", modified)
        self.send_header("Vary", "Accept-Encoding, Authorization")
        self.send_header(
            "Cache-Control", "private, no-cache" if self._private(path) else "public, max-age=60"
        )
        if gzipped:
            self.send_header("Content-Encoding", "gzip")
        self.end_headers()
        if body:
            self.wfile.write(payload)

    def _resolve(self, raw: str) -> Path | None:
        """The file under feeds/ a URL path names, or None (never anything outside feeds/)."""
        parts = [p for p in raw.split("/") if p]
        if any(p in ("..", ".") or p.startswith(".") or "\\" in p for p in parts):
            return None
        path = self.feeds.joinpath(*parts) if parts else self.feeds
        if path.is_dir():
            path = path / "rss.xml"
        try:
            real = path.resolve(strict=True)
        except (OSError, RuntimeError):
            return None
        if not real.is_relative_to(self.feeds.resolve()) or not real.is_file():
            return None
        return real

    def _private(self, path: Path) -> bool:
        relative = path.relative_to(self.feeds.resolve()).parts
        return len(relative) > 1 and relative[0] == "private"

    def _allowed(self, path: Path, query: str) -> bool:
        if not self._private(path):
            return True
        partner = path.relative_to(self.feeds.resolve()).parts[1]
        expected = self.tokens.get(partner)
        if not expected:
            return False
        given = parse_qs(query).get("token", [""])[0]
        header = self.headers.get("Authorization", "")
        if header.lower().startswith("bearer "):
            given = header[7:].strip()
        return hmac.compare_digest(given.encode(), expected.encode())

    def _not_modified(self, etag: str, mtime: float) -> bool:
        match = self.headers.get("If-None-Match")
        if match is not None:
            return etag in [m.strip() for m in match.split(",")] or match.strip() == "*"
        since = self.headers.get("If-Modified-Since")
        if since:
            try:
                when = email.utils.parsedate_to_datetime(since).timestamp()
            except (TypeError, ValueError):
                return False
            return int(mtime) <= when
        return False

    def _fail(self, status: HTTPStatus, message: str) -> None:
        data = (message + "\n").encode()
        self.send_response(status)
        self.send_header("Content-Type", "text/plain; charset=utf-8")
        self.send_header("Content-Length", str(len(data)))
        if status == HTTPStatus.UNAUTHORIZED:
            self.send_header("WWW-Authenticate", 'Bearer realm="newsroom"')
        self.end_headers()
        self.wfile.write(data)


def make_server(config: Config, host: str = "127.0.0.1", port: int = 8080) -> ThreadingHTTPServer:
    """A server for the newsroom's feeds/ (call serve_forever on it)."""
    handler = type(
        "Handler", (FeedHandler,), {"feeds": config.feeds_dir, "tokens": load_tokens(config)}
    )
    return ThreadingHTTPServer((host, port), handler)
