"""A real nginx for tests: the shipped docs/nginx/newsroom.conf on 127.0.0.1, torn down after.

The site file is used as shipped, with only mechanical substitutions (paths, the listen
line, the TLS lines); the main nginx.conf around it is the test's own: its prefix, pid, logs,
a high free port, `daemon off`, and `user root;` only when running as root (workers cannot
read pytest's 0700 folders otherwise).
"""

from __future__ import annotations

import http.client
import os
import re
import shutil
import signal
import socket
import subprocess
import time
from collections.abc import Iterator
from contextlib import contextmanager, suppress
from dataclasses import dataclass
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parent.parent
SITE = REPO / "docs" / "nginx" / "newsroom.conf"
TOKENS_EXAMPLE = REPO / "docs" / "nginx" / "tokens.map.example"
MISSING = "nginx is not installed (Debian package nginx-light; `make test` installs it as root)"

# What the shipped file says, and what the test puts in its place: each must be there.
SUBSTITUTIONS = (
    ("/srv/humas", "{root}"),
    ("/etc/nginx/newsroom/tokens.map", "{tokens}"),
    ("/var/log/nginx/", "{logs}/"),
    ("listen 443 ssl http2;", "listen 127.0.0.1:{port};"),
)
TEMP_PATHS = ("client_body", "proxy", "fastcgi", "uwsgi", "scgi")


def nginx_binary() -> str | None:
    """nginx on PATH, or in /usr/sbin (not on a normal user's PATH)."""
    return shutil.which("nginx") or shutil.which("nginx", path="/usr/sbin:/usr/local/sbin")


@dataclass
class Nginx:
    """A running nginx: where it listens and where it logs."""

    port: int
    logs: Path
    root: Path  # the newsroom it serves feeds/ of

    def get(self, path: str, **headers: str) -> tuple[int, dict[str, str], bytes]:
        """GET `path` exactly as written (no client-side normalisation)."""
        connection = http.client.HTTPConnection("127.0.0.1", self.port, timeout=10)
        try:
            connection.request("GET", path, headers={"Host": "humas.example.go.id", **headers})
            response = connection.getresponse()
            return response.status, dict(response.getheaders()), response.read()
        finally:
            connection.close()

    def log_text(self) -> str:
        """Every log file nginx wrote, as one text."""
        return "".join(p.read_text(errors="replace") for p in sorted(self.logs.glob("*.log")))


def site_config(root: Path, tokens: Path, logs: Path, port: int) -> str:
    """The shipped site file with this run's paths and port, TLS lines dropped."""
    text = SITE.read_text(encoding="utf-8")
    values = {"root": root, "tokens": tokens, "logs": logs, "port": port}
    for shipped, ours in SUBSTITUTIONS:
        assert shipped in text, f"{SITE} no longer says {shipped!r}: update tests/nginxkit.py"
        text = text.replace(shipped, ours.format(**values))
    return "\n".join(line for line in text.splitlines() if not line.strip().startswith("ssl_"))


def main_config(binary: str, prefix: Path, site: Path) -> str:
    """An nginx.conf of the test's own around the site file."""
    compiled = subprocess.run([binary, "-V"], capture_output=True, text=True).stderr
    temps = "".join(
        f"    {name}_temp_path {prefix}/{name};\n"
        for name in TEMP_PATHS
        if name == "client_body" or f"--without-http_{name}_module" not in compiled
    )
    user = "user root;\n" if os.geteuid() == 0 else ""
    return (
        f"{user}daemon off;\npid {prefix}/nginx.pid;\n"
        f"error_log {prefix}/logs/main.error.log info;\n"
        "events { worker_connections 64; }\n"
        "http {\n"
        # What a distribution's nginx.conf says at http level: the site must override it.
        f"    access_log {prefix}/logs/combined.log;\n"
        f"{temps}"
        f"    include {site};\n"
        "}\n"
    )


def free_port() -> int:
    """A port the kernel just handed out (the ephemeral range is high)."""
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port: int = probe.getsockname()[1]
        return port


def write_configs(root: Path, tokens: Path, prefix: Path) -> tuple[list[str], int, Path]:
    """nginx's command line (binary, prefix, config, error log), its port and its logs folder."""
    binary = nginx_binary()
    if binary is None:
        pytest.skip(MISSING)
    logs = prefix / "logs"
    logs.mkdir(parents=True)
    port = free_port()
    site = prefix / "newsroom.conf"
    site.write_text(site_config(root, tokens, logs, port))
    conf = prefix / "nginx.conf"
    conf.write_text(main_config(binary, prefix, site))
    command = [binary, "-p", str(prefix), "-c", str(conf), "-e", str(logs / "main.error.log")]
    return command, port, logs


def check_config(root: Path, tokens: Path, prefix: Path) -> subprocess.CompletedProcess[str]:
    """`nginx -t` on the shipped file with these tokens (nothing is started)."""
    command, _, _ = write_configs(root, tokens, prefix)
    return subprocess.run([*command, "-t"], capture_output=True, text=True)


@contextmanager
def running_nginx(root: Path, tokens: Path, prefix: Path) -> Iterator[Nginx]:
    """Start nginx on the newsroom at `root`; stop it (and its workers) on the way out."""
    command, port, logs = write_configs(root, tokens, prefix)
    with (prefix / "stderr.txt").open("wb") as stderr:
        process = subprocess.Popen(command, stderr=stderr, start_new_session=True)
    try:
        _wait_until_listening(process, port, logs)
        yield Nginx(port, logs, root)
    finally:
        _stop(process)


def _wait_until_listening(process: subprocess.Popen[bytes], port: int, logs: Path) -> None:
    """Return once nginx accepts connections; fail with its error log if it exits instead."""
    deadline = time.monotonic() + 30
    while time.monotonic() < deadline:
        if process.poll() is not None:
            pytest.fail("nginx did not start:\n" + (logs / "main.error.log").read_text())
        with suppress(OSError), socket.create_connection(("127.0.0.1", port), timeout=1):
            return
        time.sleep(0.05)
    pytest.fail("nginx did not listen within 30 s:\n" + (logs / "main.error.log").read_text())


def _stop(process: subprocess.Popen[bytes]) -> None:
    """SIGTERM is nginx's fast shutdown (workers too); its own process group as a last resort."""
    process.terminate()
    try:
        process.wait(timeout=10)
    except subprocess.TimeoutExpired:
        os.killpg(process.pid, signal.SIGKILL)
        process.wait()


def example_tokens() -> dict[str, str]:
    """The partners and tokens of docs/nginx/tokens.map.example."""
    lines = TOKENS_EXAMPLE.read_text(encoding="utf-8").splitlines()
    found = (re.fullmatch(r'"([^"]+)"\s+(\S+);', line.strip()) for line in lines)
    return {m.group(2): m.group(1) for m in found if m}
