"""minisign's three file formats, made and read with well-kept primitives: files the stock
`minisign` (Debian's 0.11 and later) reads, and reading every file it writes.

- A public key: `untrusted comment: ...`, then base64 of "Ed" + key id (8 bytes) + the
  Ed25519 public key (32).
- A secret key: `untrusted comment: ...`, then base64 of "Ed", the KDF ("Sc" for scrypt,
  two zero bytes for none, as `minisign -W`), "B2", a 32-byte salt, scrypt's opslimit and
  memlimit (little-endian, libsodium's units), then key id + Ed25519 secret key (seed and
  public key) + a BLAKE2b-256 checksum of "Ed" + key id + secret key; those 104 bytes are
  XORed with scrypt's output when the key is encrypted.
- A signature: the untrusted comment; base64 of "ED" + key id + Ed25519 signature of the
  file's BLAKE2b-512 digest ("prehashed"; "Ed" signed the file itself, still read); the
  trusted comment; base64 of an Ed25519 signature of the first signature followed by the
  trusted comment, so the comment cannot be changed without the key.

Ed25519 and scrypt come from `cryptography`, BLAKE2b from hashlib: nothing home-made. A
key id is shown as minisign shows it (the 8 bytes read as a little-endian number, 16
upper-case hex digits). Nothing here prints or words a secret: a SecretKey's repr names
only its key id.
"""

from __future__ import annotations

import base64
import binascii
import hashlib
import os
import struct
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, NamedTuple

from ..errors import NewsroomError

if TYPE_CHECKING:
    from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

SIGALG = b"Ed"
SIGALG_HASHED = b"ED"
KDF_SCRYPT = b"Sc"
KDF_NONE = b"\0\0"
CHKALG = b"B2"
UNTRUSTED = "untrusted comment: "
TRUSTED = "trusted comment: "
# What `minisign -G` uses: libsodium's crypto_pwhash_scryptsalsa208sha256_*_SENSITIVE
# (scrypt with N = 2^20, r = 8, p = 1: one GiB of memory, a second or two of work).
OPSLIMIT = 33554432
MEMLIMIT = 1073741824
OPSLIMIT_MIN = 32768  # libsodium's *_OPSLIMIT_MIN and *_MEMLIMIT_MIN
MEMLIMIT_MIN = 16777216
COMMENT_MAX = 1024  # minisign reads a comment line into a buffer this long
TRUSTED_MAX = 8192 - len(TRUSTED) - 1
_KEYNUM_SK = 8 + 64 + 32  # key id, secret key, checksum
_SECRET_LEN = 2 + 2 + 2 + 32 + 8 + 8 + _KEYNUM_SK


class KeyFileError(NewsroomError):
    """A key file that cannot be read, or a wrong passphrase (the message names the file,
    never any secret)."""

    code = "key"


class SignatureError(NewsroomError):
    """A signature that does not verify, or is not a minisign signature: `reason` says
    which check failed (a face words it; the English message says it too)."""

    code = "signature"


def key_id_text(key_id: bytes) -> str:
    """The key id as minisign prints it: `%016llX` of the bytes read little-endian."""
    return f"{struct.unpack('<Q', key_id)[0]:016X}"


def _b64(data: bytes) -> str:
    return base64.b64encode(data).decode("ascii")


def _unb64(text: str, size: int, what: str) -> bytes:
    try:
        data = base64.b64decode(text.strip(), validate=True)
    except (binascii.Error, ValueError):
        raise SignatureError(f"{what}: not base64", reason="base64", what=what) from None
    if len(data) != size:
        raise SignatureError(f"{what}: {len(data)} bytes, not {size}", reason="size", what=what)
    return data


def _one_line(text: str, what: str) -> str:
    if "\n" in text or "\r" in text:
        raise ValueError(f"{what} must be one line")
    return text


class PublicKey(NamedTuple):
    """An Ed25519 public key with its minisign key id."""

    key_id: bytes
    raw: bytes

    @property
    def id(self) -> str:
        return key_id_text(self.key_id)

    @property
    def base64(self) -> str:
        """The key as `minisign -P` takes it (the second line of the file)."""
        return _b64(SIGALG + self.key_id + self.raw)

    def text(self, comment: str = "") -> str:
        """The public key file."""
        said = comment or f"minisign public key {self.id}"
        said = _one_line(said, "comment")[: COMMENT_MAX - len(UNTRUSTED) - 2]
        return f"{UNTRUSTED}{said}\n{self.base64}\n"

    @classmethod
    def from_base64(cls, text: str) -> PublicKey:
        data = _unb64(text, 42, "public key")
        if data[:2] != SIGALG:
            raise SignatureError("public key: not an Ed25519 key", reason="algorithm",
                                 what="public key")  # fmt: skip
        return cls(data[2:10], data[10:])

    @classmethod
    def parse(cls, text: str) -> PublicKey:
        """A public key file's text (its comment is not read, as minisign does not), or the
        base64 line alone."""
        lines = [line for line in text.splitlines() if line.strip()]
        if not lines:
            raise SignatureError("public key: empty", reason="empty", what="public key")
        line = lines[1] if lines[0].startswith(UNTRUSTED) and len(lines) > 1 else lines[0]
        return cls.from_base64(line)

    def verify(self, data: bytes, signature: Signature) -> str:
        """Check `signature` over `data` and over its trusted comment; return the trusted
        comment. SignatureError says which check failed."""
        if signature.key_id != self.key_id:
            raise SignatureError(
                f"signed by key {key_id_text(signature.key_id)}, not by key {self.id}",
                reason="other_key", signed_by=key_id_text(signature.key_id), key_id=self.id,
            )  # fmt: skip
        from cryptography.exceptions import InvalidSignature
        from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PublicKey

        key = Ed25519PublicKey.from_public_bytes(self.raw)
        message = prehash(data) if signature.algorithm == SIGALG_HASHED else data
        try:
            key.verify(signature.signature, message)
        except InvalidSignature:
            raise SignatureError(
                "the file does not match its signature (changed after it was signed)",
                reason="content", key_id=self.id,
            ) from None  # fmt: skip
        try:
            key.verify(signature.global_signature, signature.signed_comment())
        except InvalidSignature:
            raise SignatureError(
                "the trusted comment does not match its signature (it was changed)",
                reason="comment", key_id=self.id,
            ) from None  # fmt: skip
        return signature.trusted_comment


def prehash(data: bytes) -> bytes:
    """What a prehashed ("ED") signature signs: the data's BLAKE2b-512 digest."""
    return hashlib.blake2b(data, digest_size=64).digest()


class Signature(NamedTuple):
    """A parsed `.minisig` file."""

    algorithm: bytes
    key_id: bytes
    signature: bytes
    trusted_comment: str
    global_signature: bytes
    untrusted_comment: str = ""

    @property
    def key(self) -> str:
        return key_id_text(self.key_id)

    def signed_comment(self) -> bytes:
        return self.signature + self.trusted_comment.encode("utf-8")

    def text(self) -> str:
        line = _b64(self.algorithm + self.key_id + self.signature)
        return (
            f"{UNTRUSTED}{self.untrusted_comment}\n{line}\n"
            f"{TRUSTED}{self.trusted_comment}\n{_b64(self.global_signature)}\n"
        )

    @classmethod
    def parse(cls, text: str) -> Signature:
        """A signature file's text, checked as minisign checks it."""
        lines = text.split("\n")
        if len(lines) < 4 or not lines[0].startswith(UNTRUSTED):
            raise SignatureError("not a minisign signature (no untrusted comment line)",
                                 reason="format")  # fmt: skip
        if not lines[2].startswith(TRUSTED):
            raise SignatureError("not a minisign signature (no trusted comment line)",
                                 reason="format")  # fmt: skip
        data = _unb64(lines[1].rstrip("\r"), 74, "signature")
        if data[:2] not in (SIGALG, SIGALG_HASHED):
            raise SignatureError("signature: unknown algorithm", reason="algorithm",
                                 what="signature")  # fmt: skip
        comment = lines[2][len(TRUSTED) :].rstrip("\r\n")
        if not printable(comment):
            raise SignatureError("the trusted comment holds unprintable characters",
                                 reason="format")  # fmt: skip
        return cls(
            data[:2], data[2:10], data[10:], comment,
            _unb64(lines[3].rstrip("\r"), 64, "comment signature"),
            lines[0][len(UNTRUSTED) :].rstrip("\r"),
        )  # fmt: skip


def printable(text: str) -> bool:
    """What minisign accepts in a trusted comment: tab, and no other control character."""
    return all(c == "\t" or (ord(c) >= 0x20 and not 0x7F <= ord(c) <= 0x9F) for c in text)


@dataclass(frozen=True, repr=False)
class SecretKey:
    """An Ed25519 secret key with its key id (repr shows the id only)."""

    key_id: bytes
    _key: Ed25519PrivateKey = field(compare=False)

    def __repr__(self) -> str:
        return f"SecretKey({self.id})"

    @property
    def id(self) -> str:
        return key_id_text(self.key_id)

    @property
    def public(self) -> PublicKey:
        # (`public_bytes_raw`: cryptography's serialization module costs a signed publish
        # 16 ms to import; bench_publish.py --sign)
        return PublicKey(self.key_id, self._key.public_key().public_bytes_raw())

    @classmethod
    def generate(cls) -> SecretKey:
        from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

        return cls(os.urandom(8), Ed25519PrivateKey.generate())

    def sign(self, data: bytes, trusted_comment: str, untrusted_comment: str = "") -> Signature:
        """A prehashed signature of `data`, binding `trusted_comment` (one printable line)."""
        if not printable(_one_line(trusted_comment, "trusted comment")):
            raise ValueError("a trusted comment holds printable characters only")
        if len(trusted_comment.encode()) > TRUSTED_MAX:
            raise ValueError("the trusted comment is too long")
        said = _one_line(untrusted_comment or "signature from minisign secret key", "comment")
        signature = self._key.sign(prehash(data))
        glob = self._key.sign(signature + trusted_comment.encode("utf-8"))
        return Signature(SIGALG_HASHED, self.key_id, signature, trusted_comment, glob, said)

    def text(
        self, passphrase: str | None, opslimit: int = OPSLIMIT, memlimit: int = MEMLIMIT
    ) -> str:
        """The secret key file, encrypted with `passphrase` (scrypt, as minisign), or not
        (None: as `minisign -W`)."""
        seed = self._key.private_bytes_raw()
        sk = seed + self.public.raw
        check = hashlib.blake2b(SIGALG + self.key_id + sk, digest_size=32).digest()
        keynum = self.key_id + sk + check
        salt = os.urandom(32)
        if passphrase is None:
            kdf, opslimit, memlimit, salt = KDF_NONE, 0, 0, bytes(32)
        else:
            kdf = KDF_SCRYPT
            keynum = _xor(keynum, scrypt_stream(passphrase, salt, opslimit, memlimit))
        limits = struct.pack("<QQ", opslimit, memlimit)
        body = SIGALG + kdf + CHKALG + salt + limits + keynum
        return f"{UNTRUSTED}minisign encrypted secret key\n{_b64(body)}\n"

    @classmethod
    def parse(cls, text: str, passphrase: Callable[[], str] | None = None) -> SecretKey:
        """A secret key file's text; `passphrase` is asked only when the key is encrypted.
        KeyFileError says what is wrong (never what the key is)."""
        from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

        body = _secret_body(text)
        keynum = body[54:]
        if body[2:4] == KDF_SCRYPT:
            if passphrase is None:
                raise KeyFileError("the secret key is encrypted and no passphrase was given",
                                reason="passphrase_needed")  # fmt: skip
            opslimit, memlimit = struct.unpack("<QQ", body[38:54])
            keynum = _xor(keynum, scrypt_stream(passphrase(), body[6:38], opslimit, memlimit))
        key_id, sk, check = keynum[:8], keynum[8:72], keynum[72:]
        encrypted = body[2:4] == KDF_SCRYPT
        unchecked = not encrypted and check == bytes(32)  # `minisign -G -W` leaves it empty
        if (
            not unchecked
            and hashlib.blake2b(SIGALG + key_id + sk, digest_size=32).digest() != check
        ):
            wrong = encrypted
            raise KeyFileError(
                "wrong passphrase for this secret key" if wrong else "the secret key is damaged",
                reason="wrong_passphrase" if wrong else "damaged",
            )  # fmt: skip
        key = cls(key_id, Ed25519PrivateKey.from_private_bytes(sk[:32]))
        if key.public.raw != sk[32:]:
            raise KeyFileError("the secret key is damaged", reason="damaged")
        return key


def _secret_body(text: str) -> bytes:
    lines = [line for line in text.splitlines() if line.strip()]
    if len(lines) < 2 or not lines[0].startswith(UNTRUSTED):
        raise KeyFileError("not a minisign secret key", reason="format")
    try:
        body = base64.b64decode(lines[1].strip(), validate=True)
    except (binascii.Error, ValueError):
        raise KeyFileError("not a minisign secret key", reason="format") from None
    if len(body) != _SECRET_LEN or body[:2] != SIGALG or body[4:6] != CHKALG:
        raise KeyFileError("not a minisign secret key (or an algorithm it does not use)",
                        reason="format")  # fmt: skip
    if body[2:4] not in (KDF_SCRYPT, KDF_NONE):
        raise KeyFileError("unknown key derivation in the secret key", reason="format")
    return body


def is_encrypted(text: str) -> bool:
    """Whether a secret key file needs a passphrase (KeyFileError if it is no secret key)."""
    return _secret_body(text)[2:4] == KDF_SCRYPT


def looks_like_secret_key(data: bytes) -> bool:
    """Whether these bytes are a minisign secret key file (check's search for strays)."""
    try:
        _secret_body(data.decode("ascii"))
    except (KeyFileError, UnicodeDecodeError):
        return False
    return True


def scrypt_params(opslimit: int, memlimit: int) -> tuple[int, int, int]:
    """scrypt's (N, r, p) from libsodium's opslimit and memlimit, as its
    crypto_pwhash_scryptsalsa208sha256 chooses them (minisign stores only the limits)."""
    opslimit = max(opslimit, 32768)
    r = 8
    if opslimit < memlimit // 32:
        p = 1
        max_n = opslimit // (r * 4)
    else:
        max_n = memlimit // (r * 128)
    n_log2 = 1
    while n_log2 < 63 and (1 << n_log2) <= max_n // 2:
        n_log2 += 1
    if not opslimit < memlimit // 32:
        max_rp = min((opslimit // 4) // (1 << n_log2), 0x3FFFFFFF)
        p = max_rp // r
    return 1 << n_log2, r, p


def scrypt_stream(passphrase: str, salt: bytes, opslimit: int, memlimit: int) -> bytes:
    """The 104 bytes an encrypted secret key is XORed with."""
    from cryptography.hazmat.primitives.kdf.scrypt import Scrypt

    n, r, p = scrypt_params(opslimit, memlimit)
    if p < 1 or n * r * 128 > 4 * MEMLIMIT:
        raise KeyFileError("the secret key asks for an unreasonable key derivation",
                        reason="format")  # fmt: skip
    try:
        return Scrypt(salt=salt, length=_KEYNUM_SK, n=n, r=r, p=p).derive(
            passphrase.encode("utf-8")
        )
    except MemoryError:
        raise KeyFileError("not enough memory to derive the key from the passphrase",
                        reason="memory") from None  # fmt: skip


def _xor(data: bytes, stream: bytes) -> bytes:
    return bytes(a ^ b for a, b in zip(data, stream, strict=True))
