"""`newsroom serve`: feeds/ over HTTP with the right media types, validators and access control.

Built on the standard library's http.server (threaded), for a press office's own
machine or behind nginx. ETags and Last-Modified with 304 answers as RFC 9110 says,
gzip when asked, nothing outside feeds/, and private partner feeds only with that
partner's token (`Authorization: Bearer T` or `?token=T`). A silent connection is
closed after TIMEOUT seconds and at most MAX_CONNECTIONS are served at once, so idle
clients cannot pile up threads. Logging (NEWSROOM_SERVE_LOG=1) never shows a token.
"""

from __future__ import annotations

import email.utils
import errno
import gzip
import hashlib
import hmac
import mimetypes
import os
import re
import socket
import sys
import threading
import tomllib
from dataclasses import dataclass
from http import HTTPStatus
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any
from urllib.parse import parse_qs, quote, unquote, urlsplit

from .core.errors import ConfigError, NewsroomError
from .core.service import Config
from .i18n import Translator

TIMEOUT = 20.0  # seconds a connection may stay silent before it is closed
MAX_CONNECTIONS = 64  # connections served at once; more are told to come back (503)
# The signatures, the public keys (newsroom.pub, newsroom-keys/<ID>.pub: not a publisher
# file, as Python's mimetypes guesses) and the lists of digests (SHA256SUMS, by name) are
# text a partner reads in the browser, as the signed texts (v2.txt) and newsroom-keys.txt.
TYPES = {".json": "application/feed+json", ".html": "text/html", ".txt": "text/plain",
         ".minisig": "text/plain", ".pub": "text/plain", ".css": "text/css"}  # fmt: skip
NAMED = {"SHA256SUMS": "text/plain"}
TEXT = ("text/", "application/rss+xml", "application/atom+xml", "application/feed+json",
        "application/json")  # fmt: skip
CONTROL = re.compile(r"[\x00-\x1f\x7f]")
# The lookup by number (docs/deploy.md): `nomor/?n=X` goes on to `nomor/X/`; a number with no
# page of its own gets the "not issued by this office" page, as a 404.
NUMBERS = "nomor"
UNKNOWN = {".json": "tidak-terdaftar.json", "": "tidak-terdaftar.html"}
RELEASES = "siaran-pers"  # the pages' index (pages/urls.py): where `/` goes when it exists


def said(key: str) -> bytes:
    """A short answer for people, in Indonesian and then in English (i18n/shell.py)."""
    return "\n\n".join(Translator(lang)(key) for lang in ("id", "en")).encode() + b"\n"


def media_type(path: Path, root: Path | None = None) -> str:
    """RSS and Atom by name (rss.xml, 2026-01.atom.xml), JSON Feed for a feed's .json, plain
    JSON for the lookup (nomor.json, nomor/...) and ninjs (ninjs.json, v1.ninjs.json, the
    ninjs/ folders), pages and files by their extension; text types with charset utf-8."""
    name = path.name
    inside = path.relative_to(root).parts if root is not None and path.is_relative_to(root) else ()
    if name.endswith(".xml"):
        kind = "application/atom+xml" if "atom" in name else "application/rss+xml"
    elif path.suffix == ".json" and inside and inside[0] in (NUMBERS, f"{NUMBERS}.json"):
        kind = "application/json"
    elif name.endswith("ninjs.json") or (path.suffix == ".json" and "ninjs" in inside[:-1]):
        kind = "application/json"  # ninjs documents and their indexes: JSON, not JSON Feed
    else:
        kind = (NAMED.get(name) or TYPES.get(path.suffix) or mimetypes.guess_type(name)[0]
                or "application/octet-stream")  # fmt: skip
    return f"{kind}; charset=utf-8" if kind.startswith(TEXT) else kind


def load_tokens(config: Config) -> dict[str, tuple[str, ...]]:
    """Each partner's accepted tokens: NEWSROOM_TOKEN_<NAME>, else .newsroom/tokens.toml.

    The file may give a partner a list of tokens (the new one and the old one while a
    token is being rotated). A name that is no partner, or a value that is not text,
    is a ConfigError naming the file.
    """
    tokens = _tokens_file(config)
    for partner in config.partners:
        value = os.environ.get(partner.token_variable, "").strip()
        if value:
            tokens[partner.name] = (value,)
    return tokens


def _tokens_file(config: Config) -> dict[str, tuple[str, ...]]:
    path = config.state_dir / "tokens.toml"
    if not path.is_file():
        return {}
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except (tomllib.TOMLDecodeError, UnicodeDecodeError) as exc:
        raise ConfigError(f"{path}: {exc}") from None
    table = data.get("tokens", data)
    if not isinstance(table, dict):
        raise ConfigError(f'{path}: write one line per partner under [tokens], antara = "..."')
    known = {p.name for p in config.partners}
    tokens: dict[str, tuple[str, ...]] = {}
    for name, value in table.items():
        if name not in known:
            raise ConfigError(
                f"{path}: {name}: no such partner in newsroom.toml "
                f"(partners: {', '.join(sorted(known)) or 'none'}); remove the line"
            )
        values = value if isinstance(value, list) else [value]
        if not values or not all(isinstance(v, str) and v.strip() for v in values):
            raise ConfigError(
                f'{path}: {name}: write the token in quotes, {name} = "..." '
                f'(or a list while rotating, {name} = ["new", "old"])'
            )
        tokens[name] = tuple(v.strip() for v in values)
    return tokens


def accepts_gzip(header: str | None) -> bool:
    """Whether Accept-Encoding allows gzip, q-values read (RFC 9110 12.5.3).

    `gzip;q=0` refuses it, `*` stands for codings not named; no header means no
    preference, answered with the plain file as most servers do.
    """
    if not header:
        return False
    weights: dict[str, float] = {}
    for item in header.split(","):
        name, *params = (part.strip() for part in item.split(";"))
        weight = 1.0
        for param in params:
            key, _, value = param.partition("=")
            if key.strip().lower() == "q":
                try:
                    weight = float(value.strip())
                except ValueError:
                    weight = 0.0
        weights.setdefault(name.lower(), weight)
    for name in ("gzip", "x-gzip", "*"):
        if name in weights:
            return weights[name] > 0
    return False


def etag_matches(header: str, etag: str) -> bool:
    """If-None-Match against our ETag by weak comparison (RFC 9110 13.1.2): W/"x" is "x"."""
    if header.strip() == "*":
        return True
    ours = etag.removeprefix("W/")
    return any(tag.removeprefix("W/") == ours for tag in re.findall(r'(?:W/)?"[^"]*"', header))


def masked(text: str, secrets: tuple[str, ...]) -> str:
    """A log line without tokens: no query string, no Bearer value, no known token."""
    text = re.sub(r"\?[^\s'\"]*", "?…", text)
    text = re.sub(r"(?i)(bearer\s+)\S+", r"\1…", text)
    for secret in secrets:
        text = text.replace(secret, "…")
    return text


@dataclass(frozen=True)
class Feed:
    """One file to answer with, in the coding chosen for this request."""

    path: Path
    payload: bytes
    etag: str
    coding: str  # "gzip", or "" for the file as it is
    modified: float


class FeedHandler(BaseHTTPRequestHandler):
    """Serves one newsroom's feeds/ folder."""

    feeds: Path
    tokens: dict[str, tuple[str, ...]]
    timeout = TIMEOUT  # applied to the socket by StreamRequestHandler.setup

    def version_string(self) -> str:
        """`Server: newsroom`, without the Python version http.server would add."""
        return "newsroom"

    def do_HEAD(self) -> None:
        self._serve(body=False)

    def do_GET(self) -> None:
        self._serve(body=True)

    def log_message(self, format: str, *args: Any) -> None:
        """Quiet unless NEWSROOM_SERVE_LOG is set; tokens masked either way."""
        if os.environ.get("NEWSROOM_SERVE_LOG"):
            secrets = tuple(t for ts in self.tokens.values() for t in ts)
            line = masked(format % args, secrets)
            sys.stderr.write(f"{self.address_string()} [{self.log_date_time_string()}] {line}\n")

    def _serve(self, body: bool) -> None:
        """Check the path and the token, find the file, answer."""
        target, _, query = self.path.partition("?")
        if target.startswith(("http://", "https://")):  # absolute form (RFC 9112 3.2.2)
            target = urlsplit(target).path
        raw = unquote(target)
        if CONTROL.search(raw):
            return self._fail(HTTPStatus.BAD_REQUEST, "serve.bad_path")
        parts = [p for p in raw.split("/") if p]
        private = bool(parts) and parts[0] == "private"
        # Decided from the path alone, before the disk is looked at: without the
        # partner's token, every private path answers alike, whether it exists or not.
        if private and not self._token_opens(parts[1] if len(parts) > 1 else "", query):
            return self._fail(HTTPStatus.UNAUTHORIZED, "serve.token")
        if not parts and (self.feeds / RELEASES / "index.html").is_file():
            return self._redirect(f"/{RELEASES}/", HTTPStatus.FOUND)  # the pages, for people
        if parts == [NUMBERS] and (wanted := parse_qs(query).get("n", [""])[0].strip()):
            number = self._number(wanted) or wanted
            return self._redirect(f"/{NUMBERS}/{quote(number, safe='')}/")
        path = self._resolve(parts)
        status = HTTPStatus.OK
        if path is None and len(parts) > 1 and parts[0] == NUMBERS:
            if (moved := self._number_asked(raw)) is not None:
                return self._redirect(moved)  # the same number in another case
            status = HTTPStatus.NOT_FOUND  # a number this office never issued: say so
            path = self._resolve([NUMBERS, UNKNOWN[".json" if raw.endswith(".json") else ""]])
        try:
            feed = self._representation(path) if path else None
        except OSError:  # gone since it was found (a partner's folder removed, say)
            feed = None
        if feed is None:
            page = len(parts) > 1 and parts[0] == RELEASES  # (one under embargo, say)
            return self._fail(HTTPStatus.NOT_FOUND, "serve.not_yet" if page else "serve.not_found")
        self._send(feed, private, body, status)

    def _number(self, typed: str) -> str | None:
        """The number with a page that `typed` names, case aside (None: none)."""
        from .core.service import number_on_disk

        return number_on_disk(self.feeds, typed)

    def _number_asked(self, raw: str) -> str | None:
        """Where a lookup address in another case (`/nomor/b-002%2Fhumas.../`, its .json)
        goes: the address of the number as the office wrote it (None: no such number)."""
        inner = raw.strip("/")[len(NUMBERS) + 1 :].removesuffix("/index.html")
        json = inner.endswith(".json")
        number = self._number(inner.removesuffix(".json"))
        if number is None or (json and self._resolve([NUMBERS, f"{number}.json"]) is None):
            return None
        return f"/{NUMBERS}/{quote(number, safe='')}" + (".json" if json else "/")

    def _redirect(self, location: str, status: HTTPStatus = HTTPStatus.SEE_OTHER) -> None:
        """303 See Other (or `status`) to `location` (a path on this server)."""
        self.send_response(status)
        self.send_header("Location", location)
        self.send_header("Content-Length", "0")
        self.end_headers()

    def _send(self, feed: Feed, private: bool, body: bool, status: HTTPStatus) -> None:
        """The file as a 200 (or `status`), or a 304 when the client's copy is current."""
        if status == HTTPStatus.OK and self._not_modified(feed):
            self.send_response(HTTPStatus.NOT_MODIFIED)
            self._validators(feed, private)
            self.end_headers()
            return
        self.send_response(status)
        self.send_header("Content-Type", media_type(feed.path, self.feeds.resolve()))
        self.send_header("Content-Length", str(len(feed.payload)))
        if feed.coding:
            self.send_header("Content-Encoding", feed.coding)
        self._validators(feed, private)
        self.end_headers()
        if body:
            self.wfile.write(feed.payload)

    def _representation(self, path: Path) -> Feed:
        """The file, gzipped if the client accepts it; each coding has its own ETag."""
        data = path.read_bytes()
        digest = hashlib.blake2b(data, digest_size=12).hexdigest()
        modified = path.stat().st_mtime
        if accepts_gzip(self.headers.get("Accept-Encoding")):
            return Feed(path, gzip.compress(data, mtime=0), f'"{digest}-gzip"', "gzip", modified)
        return Feed(path, data, f'"{digest}"', "", modified)

    def _validators(self, feed: Feed, private: bool) -> None:
        """What a 200 and a 304 both carry (RFC 9110 15.4.5)."""
        self.send_header("ETag", feed.etag)
        self.send_header("Last-Modified", email.utils.formatdate(feed.modified, usegmt=True))
        self.send_header("Cache-Control", "private, no-cache" if private else "public, max-age=60")
        self.send_header("Vary", "Accept-Encoding, Authorization" if private else "Accept-Encoding")

    def _resolve(self, parts: list[str]) -> Path | None:
        """The file under feeds/ the path's segments name, or None (never outside feeds/).

        Dot segments, hidden files (a publish's `.rss.xml.1a2b.tmp`) and backslashes
        are refused rather than resolved; a folder stands for its index.html (a page of
        the public record), else its rss.xml (a feed).
        """
        if any(p in ("..", ".") or p.startswith(".") or "\\" in p for p in parts):
            return None
        path = self.feeds.joinpath(*parts) if parts else self.feeds
        if path.is_dir():
            page = path / "index.html"
            path = page if page.is_file() else path / "rss.xml"
        try:
            real = path.resolve(strict=True)
        except (OSError, RuntimeError, ValueError):
            return None
        if not real.is_relative_to(self.feeds.resolve()) or not real.is_file():
            return None
        return real

    def _token_opens(self, partner: str, query: str) -> bool:
        """Whether the request carries one of `partner`'s tokens (header first, then query)."""
        given = parse_qs(query).get("token", [""])[0]
        header = self.headers.get("Authorization", "")
        if header[:7].lower() == "bearer ":
            given = header[7:].strip()
        accepted = self.tokens.get(partner, ()) if given else ()
        # Every accepted token is compared, in constant time, so timing says nothing.
        matches = [hmac.compare_digest(given.encode(), token.encode()) for token in accepted]
        return any(matches)

    def _not_modified(self, feed: Feed) -> bool:
        match = self.headers.get("If-None-Match")
        if match is not None:  # it overrides If-Modified-Since (RFC 9110 13.2.2)
            return etag_matches(match, feed.etag)
        since = self.headers.get("If-Modified-Since")
        if since:
            try:
                when = email.utils.parsedate_to_datetime(since).timestamp()
            except (TypeError, ValueError):
                return False
            return int(feed.modified) <= when
        return False

    def _fail(self, status: HTTPStatus, words: str) -> None:
        """`status` with a short body in both languages saying what to do (`words`: its key)."""
        data = said(words)
        self.send_response(status)
        self.send_header("Content-Type", "text/plain; charset=utf-8")
        self.send_header("Content-Length", str(len(data)))
        if status == HTTPStatus.UNAUTHORIZED:
            self.send_header("WWW-Authenticate", 'Bearer realm="newsroom"')
        self.end_headers()
        self.wfile.write(data)


_BUSY_TEXT = said("serve.busy")
BUSY = (
    b"HTTP/1.0 503 Service Unavailable\r\nServer: newsroom\r\nRetry-After: 5\r\n"
    b"Content-Type: text/plain; charset=utf-8\r\nConnection: close\r\n"
    b"Content-Length: " + str(len(_BUSY_TEXT)).encode() + b"\r\n\r\n" + _BUSY_TEXT
)


class FeedServer(ThreadingHTTPServer):
    """A thread per connection, at most `max_connections` of them at once."""

    daemon_threads = True
    request_queue_size = 128  # the listen backlog; a burst of fetchers waits there

    def __init__(
        self, address: tuple[str, int], handler: type[FeedHandler], max_connections: int
    ) -> None:
        super().__init__(address, handler)
        self._slots = threading.BoundedSemaphore(max_connections)

    def process_request(self, request: Any, client_address: Any) -> None:
        """Start a thread if a slot is free; else answer 503 from here and close."""
        if not self._slots.acquire(blocking=False):
            self._turn_away(request)
            return
        try:
            super().process_request(request, client_address)
        except BaseException:
            self._slots.release()
            raise

    def process_request_thread(self, request: Any, client_address: Any) -> None:
        try:
            super().process_request_thread(request, client_address)
        finally:
            self._slots.release()

    def handle_error(self, request: Any, client_address: Any) -> None:
        """A client that vanished or stalled: one line when logging, never a traceback."""
        if os.environ.get("NEWSROOM_SERVE_LOG"):
            error = sys.exc_info()[1]
            sys.stderr.write(f"{client_address[0]}: connection ended: {error!r}\n")

    def _turn_away(self, request: socket.socket) -> None:
        try:
            request.settimeout(1)
            request.sendall(BUSY)
        except OSError:
            pass  # it is going away either way
        self.shutdown_request(request)


def make_server(
    config: Config,
    host: str = "127.0.0.1",
    port: int = 8080,
    *,
    timeout: float = TIMEOUT,
    max_connections: int = MAX_CONNECTIONS,
) -> FeedServer:
    """A server for the newsroom's feeds/ (call serve_forever on it)."""
    handler = type(
        "Handler",
        (FeedHandler,),
        {"feeds": config.feeds_dir, "tokens": load_tokens(config), "timeout": timeout},
    )
    try:
        return FeedServer((host, port), handler, max_connections)
    except OSError as exc:
        code = _LISTEN.get(exc.errno or 0, "serve_listen")  # words: i18n/shell.py
        raise NewsroomError(
            f"cannot listen on {host}:{port}: {exc.strerror} (choose another with --port)",
            code=code,
            host=host,
            port=port,
            detail=exc.strerror or exc,
        ) from None


# Why a server cannot listen, as codes a face words (the OS says it in English).
_LISTEN = {errno.EADDRINUSE: "serve_in_use", errno.EACCES: "serve_denied",
           errno.EADDRNOTAVAIL: "serve_no_address"}  # fmt: skip
