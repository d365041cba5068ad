"""A real browser for tests: Debian's chromium, headless, driven over the DevTools protocol
on a pipe (`--remote-debugging-pipe`: no port, no websocket library, no driver download),
and axe-core from npm, installed once into a cache folder (offline: the check skips).
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager, suppress
from pathlib import Path
from typing import Any

import pytest

MISSING = "chromium is not installed (Debian package chromium; `make test` installs it as root)"
AXE_CACHE = Path(os.environ.get("NEWSROOM_AXE_CACHE", Path(tempfile.gettempdir()) / "newsroom-axe"))


def chromium_binary() -> str | None:
    return shutil.which("chromium") or shutil.which("chromium-browser")


def axe_source() -> str:
    """axe.min.js from the npm package axe-core (installed into AXE_CACHE on first use)."""
    script = AXE_CACHE / "node_modules" / "axe-core" / "axe.min.js"
    if not script.is_file():
        npm = shutil.which("npm")
        if npm is None:
            pytest.skip("npm is not installed (Debian package npm): cannot fetch axe-core")
        AXE_CACHE.mkdir(parents=True, exist_ok=True)
        done = subprocess.run(
            [npm, "install", "--silent", "--no-audit", "--no-fund", "--prefix", str(AXE_CACHE),
             "axe-core@4"],
            capture_output=True, text=True, timeout=300,
        )  # fmt: skip
        if done.returncode != 0 or not script.is_file():
            pytest.skip(
                f"axe-core could not be installed from npm (offline?): {done.stderr[-300:]}"
            )
    return script.read_text(encoding="utf-8")


class Browser:
    """One headless chromium; `page()` opens a tab at a width."""

    def __init__(self, process: subprocess.Popen[bytes], send: Any, receive: Any) -> None:
        self.process, self.send, self.receive = process, send, receive
        self.next_id = 0
        self.buffer = b""
        self.events: list[dict[str, Any]] = []

    def call(self, method: str, session: str | None = None, **params: Any) -> dict[str, Any]:
        self.next_id += 1
        message: dict[str, Any] = {"id": self.next_id, "method": method, "params": params}
        if session:
            message["sessionId"] = session
        self.send.write(json.dumps(message).encode() + b"\0")
        self.send.flush()
        while True:
            reply = self._read()
            if reply.get("id") == self.next_id:
                if "error" in reply:
                    raise RuntimeError(f"{method}: {reply['error']}")
                result: dict[str, Any] = reply.get("result", {})
                return result
            self.events.append(reply)

    def wait_for(self, method: str, session: str) -> None:
        while True:
            for event in self.events:
                if event.get("method") == method and event.get("sessionId") == session:
                    self.events.remove(event)
                    return
            self.events.append(self._read())

    def _read(self) -> dict[str, Any]:
        while b"\0" not in self.buffer:
            chunk = os.read(self.receive.fileno(), 1 << 16)
            if not chunk:
                raise RuntimeError("chromium closed its pipe")
            self.buffer += chunk
        raw, self.buffer = self.buffer.split(b"\0", 1)
        data: dict[str, Any] = json.loads(raw)
        return data

    def open(self, url: str, width: int, height: int = 800) -> str:
        """A tab `width` px wide (a phone below 600) with `url` loaded: its session id."""
        target = self.call("Target.createTarget", url="about:blank")["targetId"]
        session = self.call("Target.attachToTarget", targetId=target, flatten=True)["sessionId"]
        self.call("Emulation.setDeviceMetricsOverride", session, width=width, height=height,
                  deviceScaleFactor=1, mobile=width < 600)  # fmt: skip
        self.call("Page.enable", session)
        self.call("Page.navigate", session, url=url)
        self.wait_for("Page.loadEventFired", session)
        return session

    def evaluate(self, session: str, expression: str) -> Any:
        result = self.call("Runtime.evaluate", session, expression=expression,
                           awaitPromise=True, returnByValue=True)  # fmt: skip
        if "exceptionDetails" in result:
            raise RuntimeError(str(result["exceptionDetails"])[:500])
        return result["result"].get("value")

    def screenshot(self, url: str, width: int, path: Path) -> dict[str, int]:
        """A PNG of the whole page at `width`; the page's scroll width and height."""
        import base64

        session = self.open(url, width)
        size = self.evaluate(session, "({w: document.documentElement.scrollWidth, "
                             "h: document.documentElement.scrollHeight})")  # fmt: skip
        self.call("Emulation.setDeviceMetricsOverride", session, width=width,
                  height=min(size["h"], 6000), deviceScaleFactor=1, mobile=width < 600)  # fmt: skip
        shot = self.call("Page.captureScreenshot", session, format="png")
        path.write_bytes(base64.b64decode(shot["data"]))
        return {"width": size["w"], "height": size["h"]}

    def axe(self, url: str, source: str, width: int = 1280) -> list[dict[str, Any]]:
        """axe-core's violations on the page (every rule axe runs by default)."""
        session = self.open(url, width)
        self.evaluate(session, source)
        found = self.evaluate(session, "axe.run(document).then(r => r.violations.map(v => "
                              "({id: v.id, impact: v.impact, help: v.help, "
                              "nodes: v.nodes.map(n => n.html)})))")  # fmt: skip
        return list(found)


@contextmanager
def chromium(folder: Path) -> Iterator[Browser]:
    """Start chromium (or skip, naming the package); stop it on the way out."""
    binary = chromium_binary()
    if binary is None:
        pytest.skip(MISSING)
    commands_r, commands_w = os.pipe()
    replies_r, replies_w = os.pipe()

    def pipes() -> None:  # the child reads commands on fd 3 and writes replies on fd 4
        commands, replies = os.dup(commands_r), os.dup(replies_w)  # neither may be 3 or 4
        os.dup2(commands, 3)
        os.dup2(replies, 4)
        os.set_inheritable(3, True)
        os.set_inheritable(4, True)

    args = [binary, "--headless=new", "--no-sandbox", "--disable-gpu", "--no-first-run",
            "--disable-extensions", "--disable-background-networking", "--hide-scrollbars",
            "--remote-debugging-pipe", f"--user-data-dir={folder / 'profile'}",
            "about:blank"]  # fmt: skip
    process = subprocess.Popen(args, preexec_fn=pipes, close_fds=False,
                               stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)  # fmt: skip
    os.close(commands_r)
    os.close(replies_w)
    send, receive = os.fdopen(commands_w, "wb"), os.fdopen(replies_r, "rb")
    browser = Browser(process, send, receive)
    try:
        yield browser
    finally:
        with suppress(RuntimeError, OSError):
            browser.call("Browser.close")
        try:
            process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()
        send.close()
        receive.close()
