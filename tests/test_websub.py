"""WebSub: the public feeds advertise the hubs, and each hub hears once of exactly the public
feeds a run changed; a hub that fails or never answers is logged, never fails the publish,
and is tried again on the next run. Real hubs on 127.0.0.1."""

from __future__ import annotations

import json
import socket
import threading
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from urllib.parse import parse_qsl

import feedparser
import pytest
from click.testing import CliRunner

from newsroom.cli import cli
from newsroom.core import websub
from newsroom.core.config import load_config
from newsroom.core.errors import ConfigError

from .feedkit import at, configure, release, run


class Hub:
    """A hub on 127.0.0.1 that records every request it gets and answers `status`."""

    def __init__(self, status: int = 204) -> None:
        self.status = status
        self.requests: list[tuple[str, str, list[tuple[str, str]]]] = []  # path, type, form
        hub = self

        class Handler(BaseHTTPRequestHandler):
            def do_POST(self) -> None:
                length = int(self.headers.get("Content-Length", 0))
                form = parse_qsl(self.rfile.read(length).decode("ascii"))
                hub.requests.append((self.path, self.headers["Content-Type"], form))
                self.send_response(hub.status)
                self.end_headers()

            def log_message(self, *args: object) -> None:
                pass

        self.server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.url = f"http://127.0.0.1:{self.server.server_address[1]}/hub"
        threading.Thread(target=self.server.serve_forever, daemon=True).start()

    def topics(self, request: int = -1) -> list[str]:
        path, kind, form = self.requests[request]
        assert path == "/hub" and kind == "application/x-www-form-urlencoded"
        assert [v for k, v in form if k == "hub.mode"] == ["publish"]
        return [v for k, v in form if k == "hub.url"]

    def close(self) -> None:
        self.server.shutdown()
        self.server.server_close()


class SilentHub:
    """A hub that takes the connection and never answers (the kernel accepts it)."""

    def __init__(self) -> None:
        self.socket = socket.socket()
        self.socket.bind(("127.0.0.1", 0))
        self.socket.listen(8)
        self.url = f"http://127.0.0.1:{self.socket.getsockname()[1]}/"


@pytest.fixture
def hubs(monkeypatch: pytest.MonkeyPatch) -> Iterator[tuple[Hub, Hub, SilentHub]]:
    for name in ("http_proxy", "HTTP_PROXY", "https_proxy", "HTTPS_PROXY", "all_proxy"):
        monkeypatch.delenv(name, raising=False)
    monkeypatch.setattr(websub, "TIMEOUT_SECONDS", 0.5)
    good, broken, silent = Hub(204), Hub(500), SilentHub()
    yield good, broken, silent
    good.close()
    broken.close()
    silent.socket.close()


def newsroom_with(tmp_path: Path, *hubs: str) -> Path:
    from newsroom.core.init import init_newsroom

    root = tmp_path / "nr"
    init_newsroom(root, "Humas Uji")
    listed = ", ".join(f'"{h}"' for h in hubs)
    configure(root, limit=2, extra=f"\n[websub]\nhubs = [{listed}]\n")
    return root


PUBLIC = ("", "category/ekonomi/", "category/pemilu/", "partner/pemilu/")


def urls(folders: tuple[str, ...]) -> list[str]:
    names = ("atom.xml", "feed.json", "rss.xml")
    return sorted(f"http://127.0.0.1:8080/{f}{n}" for f in folders for n in names)


def test_public_feeds_advertise_each_hub_with_self_private_and_archives_never(
    tmp_path: Path, hubs: tuple[Hub, Hub, SilentHub]
) -> None:
    good, broken, _ = hubs
    root = newsroom_with(tmp_path, good.url, broken.url)
    for day in range(4):  # more than the feed limit (2): archives exist
        release(root, at(day), f"Rilis {day}", category="Pemilu")
        run(root, at(day + 0.1))
    feeds = root / "feeds"
    for folder in PUBLIC[0:1] + PUBLIC[2:]:
        for name in ("rss.xml", "atom.xml"):
            parsed = feedparser.parse(feeds / folder / name)
            links = {(link.rel, link.href) for link in parsed.feed.links}
            assert ("hub", good.url) in links and ("hub", broken.url) in links, folder + name
            assert ("self", f"http://127.0.0.1:8080/{folder}{name}") in links
        data = json.loads((feeds / folder / "feed.json").read_text())
        assert data["hubs"] == [{"type": "WebSub", "url": good.url},
                                {"type": "WebSub", "url": broken.url}]  # fmt: skip
        assert data["feed_url"] == f"http://127.0.0.1:8080/{folder}feed.json"
    archives = list((feeds / "archive").iterdir())
    private = list((feeds / "private").rglob("*.*"))
    assert archives and private
    for path in archives + private:
        assert good.url not in path.read_text(), path


def test_each_hub_hears_once_of_exactly_the_public_feeds_a_run_changed(
    tmp_path: Path, hubs: tuple[Hub, Hub, SilentHub]
) -> None:
    good, _, _ = hubs
    root = newsroom_with(tmp_path, good.url)
    release(root, at(0), "Rilis ekonomi", category="Ekonomi")
    result = run(root, at(0.1))
    assert len(good.requests) == 1
    # (the Pemilu partner's feed is new, empty): every public feed written, no private/antara/
    assert good.topics() == urls(("", "category/ekonomi/", "partner/pemilu/"))
    assert any(p.startswith("private/antara/") for p in result.written)

    run(root, at(0.2))  # nothing changed: no ping
    assert len(good.requests) == 1

    release(root, at(1), "Rilis pemilu", category="Pemilu")
    run(root, at(1.1))  # the main feed and the Pemilu ones change; Ekonomi's do not
    assert len(good.requests) == 2
    assert good.topics() == urls(("", "category/pemilu/", "partner/pemilu/"))

    line = json.loads((root / ".newsroom" / "publish.log").read_text().splitlines()[-1])
    assert line["websub"] == [{"hub": good.url, "urls": good.topics(), "outcome": "sent",
                               "attempts": 1}]  # fmt: skip


def test_an_embargoed_release_pings_nothing_until_it_goes_public(
    tmp_path: Path, hubs: tuple[Hub, Hub, SilentHub]
) -> None:
    good, _, _ = hubs
    root = newsroom_with(tmp_path, good.url)
    run(root, at(0))  # the empty feeds
    assert len(good.requests) == 1
    release(root, at(0), "Rilis embargo", embargo=at(1))
    result = run(root, at(0.1))
    assert result.written and all(p.startswith("private/") for p in result.written)
    assert len(good.requests) == 1  # only the private feed changed: a hub never hears of it
    run(root, at(1.01))
    assert len(good.requests) == 2
    assert good.topics() == urls(("", "category/ekonomi/"))


def test_a_failing_hub_never_fails_the_publish_and_is_tried_again_on_the_next_run(
    tmp_path: Path, hubs: tuple[Hub, Hub, SilentHub]
) -> None:
    good, broken, silent = hubs
    root = newsroom_with(tmp_path, good.url, broken.url, silent.url)
    release(root, at(0), "Rilis", category="Ekonomi")
    result = run(root, at(0.1))
    assert result.ok and result.published and not result.failed
    assert len(good.requests) == 1 and len(broken.requests) == 1
    outcomes = {p.hub: (p.outcome, p.reason) for p in result.pings}
    assert outcomes[good.url] == ("sent", "")
    assert outcomes[broken.url] == ("failed", "HTTP 500 Internal Server Error")
    assert outcomes[silent.url][0] == "failed" and "no answer" in outcomes[silent.url][1]
    logged = json.loads((root / ".newsroom" / "publish.log").read_text().splitlines()[-1])
    assert {p["hub"]: p["outcome"] for p in logged["websub"]} == {
        good.url: "sent", broken.url: "failed", silent.url: "failed"}  # fmt: skip
    first = broken.topics()

    retry = run(root, at(0.2))  # nothing else to do: the failed pings go again
    assert retry.skipped
    assert len(good.requests) == 1 and len(broken.requests) == 2
    assert broken.topics() == first
    assert {p.hub: p.attempts for p in retry.pings} == {broken.url: 2, silent.url: 2}

    broken.status = 202  # the hub is mended; a new release adds its feeds to the waiting ones
    release(root, at(1), "Rilis pemilu", category="Pemilu")
    run(root, at(1.1))
    assert sorted(broken.topics()) == sorted({*first, *urls(("", "category/pemilu/",
                                                     "partner/pemilu/"))})  # fmt: skip
    assert good.topics() == urls(("", "category/pemilu/", "partner/pemilu/"))
    waiting = json.loads((root / ".newsroom" / websub.PENDING).read_text())["hubs"]
    assert list(waiting) == [silent.url]  # only the silent one still waits
    run(root, at(1.2))
    assert len(broken.requests) == 3  # sent: not again


def test_a_hub_that_keeps_failing_is_given_up_with_a_warning(
    tmp_path: Path, hubs: tuple[Hub, Hub, SilentHub], monkeypatch: pytest.MonkeyPatch
) -> None:
    _, broken, _ = hubs
    monkeypatch.setattr(websub, "MAX_ATTEMPTS", 3)
    root = newsroom_with(tmp_path, broken.url)
    release(root, at(0), "Rilis")
    run(root, at(0.1))
    run(root, at(0.2))
    last = run(root, at(0.3))
    assert [p.outcome for p in last.pings] == ["given_up"] and last.ok
    assert any("given up" in w for w in last.warnings)
    assert not (root / ".newsroom" / websub.PENDING).exists()
    run(root, at(0.4))
    assert len(broken.requests) == 3


def test_no_ping_and_the_dry_run(tmp_path: Path, hubs: tuple[Hub, Hub, SilentHub]) -> None:
    good, _, _ = hubs
    root = newsroom_with(tmp_path, good.url)
    release(root, at(0), "Rilis")
    cli_run = CliRunner().invoke
    base = ["--root", str(root), "--as", "cron", "publish", "--force-clock"]
    dry = cli_run(cli, [*base, "--now", at(0.1).isoformat(), "--dry-run"])
    assert dry.exit_code == 0, dry.output
    assert f"would ping the WebSub hub {good.url}: http://127.0.0.1:8080/atom.xml" in dry.output
    assert good.requests == []
    quiet = cli_run(cli, [*base, "--now", at(0.1).isoformat(), "--no-ping"])
    assert quiet.exit_code == 0, quiet.output
    assert "WebSub" not in quiet.output and good.requests == []
    assert (root / "feeds" / "rss.xml").is_file()
    release(root, at(1), "Rilis dua")
    told = cli_run(cli, [*base, "--now", at(1.1).isoformat()])
    assert f"WebSub hub {good.url} told of 6 feeds" in told.output
    assert good.topics() == urls(("", "category/ekonomi/"))


def test_a_hub_that_is_not_a_web_address_is_a_config_error(tmp_path: Path) -> None:
    root = newsroom_with(tmp_path, "pubsubhubbub.appspot.com")
    with pytest.raises(ConfigError, match=r"\[websub\] hubs: 'pubsubhubbub.appspot.com'"):
        load_config(root)
    (root / "newsroom.toml").write_text(
        (root / "newsroom.toml").read_text().replace('["pubsubhubbub.appspot.com"]', '"x"')
    )
    with pytest.raises(ConfigError, match=r"\[websub\] hubs: must be a list of text"):
        load_config(root)
