"""A real SMTP server on 127.0.0.1 for the mail tests (aiosmtpd, in a thread).

It keeps what it accepted (envelope recipients and bytes) and can misbehave on request:
refuse some recipients (451 "try later", 550 "no such user"), or drop the connection
while a message is handed over (before or after it is taken).
"""

from __future__ import annotations

import asyncio
import email
import email.policy
import socket
import threading
from collections.abc import Iterator
from dataclasses import dataclass, field
from email.message import EmailMessage
from pathlib import Path
from typing import Any

import pytest

aiosmtpd = pytest.importorskip("aiosmtpd", reason="pip install aiosmtpd (a dev dependency)")
from aiosmtpd.controller import Controller  # noqa: E402


@dataclass
class Handler:
    """What the server does with each message (settable by a test between runs)."""

    received: list[tuple[str, bytes]] = field(default_factory=list)  # (rcpt, message)
    answers: dict[str, str] = field(default_factory=dict)  # rcpt -> "451 ..." / "550 ..."
    drop_at: int | None = None  # drop the connection at the DATA of this message (0-based)
    drop_after_taking: bool = False  # ...after keeping it (its fate unknown to the client)
    hold_at: int | None = None  # keep this message, then hold the answer until `go_on`
    reached: threading.Event | None = None  # set when the held message arrived
    go_on: threading.Event | None = None
    datas: int = 0

    async def handle_RCPT(self, server: Any, session: Any, envelope: Any, address: str,
                          options: Any) -> str:  # fmt: skip
        answer = self.answers.get(address)
        if answer:
            return answer
        envelope.rcpt_tos.append(address)
        return "250 OK"

    async def handle_DATA(self, server: Any, session: Any, envelope: Any) -> str:
        number, self.datas = self.datas, self.datas + 1
        if self.drop_at is not None and number == self.drop_at:
            self.drop_at = None
            if self.drop_after_taking:
                self._keep(envelope)
            server.transport.abort()
            return "421 gone"
        self._keep(envelope)
        if self.hold_at is not None and number == self.hold_at:
            assert self.reached is not None and self.go_on is not None
            self.reached.set()
            while not self.go_on.is_set():  # the client is killed meanwhile
                await asyncio.sleep(0.05)
        return "250 OK"

    def _keep(self, envelope: Any) -> None:
        for rcpt in envelope.rcpt_tos:
            self.received.append((rcpt, envelope.original_content))

    def messages(self) -> list[tuple[str, EmailMessage]]:
        return [(rcpt, parse(data)) for rcpt, data in self.received]


def parse(data: bytes) -> EmailMessage:
    message = email.message_from_bytes(data, policy=email.policy.default)
    assert isinstance(message, EmailMessage)
    return message


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port: int = s.getsockname()[1]
        return port


@pytest.fixture
def smtp_server() -> Iterator[tuple[Handler, int]]:
    handler = Handler()
    port = free_port()
    controller = Controller(handler, hostname="127.0.0.1", port=port)
    controller.start()
    try:
        yield handler, port
    finally:
        controller.stop()


def configure_mail(root: Path, port: int, lists: str) -> None:
    """[mail] for the test server (no TLS: a relay on this machine), and the given lists."""
    path = root / "newsroom.toml"
    text = path.read_text()
    text = text.replace("port = 0", f"port = {port}").replace(
        'security = "starttls"', 'security = "none"'
    )
    text = text.replace("rate = 60", "rate = 0").replace(
        "[mail]\n",
        '[mail]\nhost = "127.0.0.1"\nfrom = "Humas Uji <humas@uji.go.id>"\n'
        'reply_to = "redaksi@uji.go.id"\n'
        'unsubscribe = "mailto:humas@uji.go.id?subject=berhenti"\n'
        'contact = "Biro Humas Uji\\nhumas@uji.go.id"\n',
    )
    path.write_text(text + lists)


def write_list(folder: Path, name: str, lines: list[str]) -> Path:
    """A recipients file `folder/<name>.txt` (kept outside the newsroom, as an office would)."""
    path = folder / f"{name}.txt"
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text("# daftar uji\n" + "\n".join(lines) + "\n")
    return path
