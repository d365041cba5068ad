"""A real SMTP server on 127.0.0.1 for the mail tests (aiosmtpd, in a thread).

It keeps what it accepted (envelope recipients and bytes) and can misbehave on request:
refuse some recipients (451 "try later", 550 "no such user"), or drop the connection
while a message is handed over (before or after it is taken).
"""

from __future__ import annotations

import asyncio
import datetime
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


@dataclass(frozen=True)
class Authority:
    """A test certificate authority and the certificate it gave the server (127.0.0.1,
    localhost): `ca` is the file a client trusts, `cert` + `key` the server's files."""

    ca: Path
    cert: Path
    key: Path

    def server_context(self) -> Any:
        import ssl

        context = ssl.create_default_context(ssl.Purpose.CLIENT_AUTH)
        context.load_cert_chain(self.cert, self.key)
        return context


def make_authority(folder: Path, name: str) -> Authority:
    """A CA (its own self-signed certificate) and a server certificate it signed, made with
    `cryptography`, as an office's own CA would issue for its mail server."""
    import ipaddress

    from cryptography import x509
    from cryptography.hazmat.primitives import hashes, serialization
    from cryptography.hazmat.primitives.asymmetric import ec
    from cryptography.x509.oid import ExtendedKeyUsageOID, NameOID

    folder.mkdir(parents=True, exist_ok=True)
    now = datetime.datetime.now(datetime.UTC)
    ca_key, key = ec.generate_private_key(ec.SECP256R1()), ec.generate_private_key(ec.SECP256R1())
    ca_name = x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, f"{name} CA")])
    ca = (
        x509.CertificateBuilder().subject_name(ca_name).issuer_name(ca_name)
        .public_key(ca_key.public_key()).serial_number(x509.random_serial_number())
        .not_valid_before(now - datetime.timedelta(hours=1))
        .not_valid_after(now + datetime.timedelta(days=1))
        .add_extension(x509.BasicConstraints(ca=True, path_length=0), critical=True)
        .add_extension(x509.KeyUsage(digital_signature=False, content_commitment=False,
                                     key_encipherment=False, data_encipherment=False,
                                     key_agreement=False, key_cert_sign=True, crl_sign=True,
                                     encipher_only=False, decipher_only=False), critical=True)
        .add_extension(x509.SubjectKeyIdentifier.from_public_key(ca_key.public_key()),
                       critical=False)
        .sign(ca_key, hashes.SHA256())
    )  # fmt: skip
    server = (
        x509.CertificateBuilder()
        .subject_name(x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, "localhost")]))
        .issuer_name(ca_name).public_key(key.public_key())
        .serial_number(x509.random_serial_number())
        .not_valid_before(now - datetime.timedelta(hours=1))
        .not_valid_after(now + datetime.timedelta(days=1))
        .add_extension(x509.SubjectAlternativeName([
            x509.DNSName("localhost"), x509.IPAddress(ipaddress.ip_address("127.0.0.1")),
        ]), critical=False)
        .add_extension(x509.BasicConstraints(ca=False, path_length=None), critical=True)
        .add_extension(x509.ExtendedKeyUsage([ExtendedKeyUsageOID.SERVER_AUTH]), critical=False)
        .add_extension(x509.AuthorityKeyIdentifier.from_issuer_public_key(ca_key.public_key()),
                       critical=False)
        .sign(ca_key, hashes.SHA256())
    )  # fmt: skip
    pem = serialization.Encoding.PEM
    authority = Authority(folder / f"{name}-ca.pem", folder / f"{name}.pem",
                          folder / f"{name}.key")  # fmt: skip
    authority.ca.write_bytes(ca.public_bytes(pem))
    authority.cert.write_bytes(server.public_bytes(pem))
    authority.key.write_bytes(key.private_bytes(pem, serialization.PrivateFormat.PKCS8,
                                                serialization.NoEncryption()))  # fmt: skip
    return authority
