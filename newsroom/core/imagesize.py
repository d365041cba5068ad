"""An image's width and height in pixels, read from its first bytes (PNG, GIF, JPEG, WebP).

Agencies' software lays a photo out before fetching it when it knows its size (ninjs
`renditions` carry `width`/`height`). Only the header is read, so a 20 MB photo costs one
small read; an image this does not understand (or a broken one) has no known size.
"""

from __future__ import annotations

import struct
from pathlib import Path

HEAD = 65536  # a JPEG's frame header follows its metadata (EXIF); usually well inside this
_JPEG_FRAMES = {0xC0, 0xC1, 0xC2, 0xC3, 0xC5, 0xC6, 0xC7, 0xC9, 0xCA, 0xCB, 0xCD, 0xCE, 0xCF}


def image_size(path: Path) -> tuple[int, int] | None:
    """(width, height) of the image at `path`, or None when unknown."""
    try:
        with path.open("rb") as f:
            head = f.read(HEAD)
    except OSError:
        return None
    try:
        size = _size(head)
    except (struct.error, IndexError):
        return None
    return size if size is not None and size[0] > 0 and size[1] > 0 else None


def _size(b: bytes) -> tuple[int, int] | None:
    if b.startswith(b"\x89PNG\r\n\x1a\n") and b[12:16] == b"IHDR":
        w, h = struct.unpack(">II", b[16:24])
        return w, h
    if b[:6] in (b"GIF87a", b"GIF89a"):
        w, h = struct.unpack("<HH", b[6:10])
        return w, h
    if b.startswith(b"\xff\xd8"):
        return _jpeg(b)
    if b[:4] == b"RIFF" and b[8:12] == b"WEBP":
        return _webp(b)
    return None


def _jpeg(b: bytes) -> tuple[int, int] | None:
    at = 2
    while at + 4 <= len(b):
        if b[at] != 0xFF:
            return None
        marker = b[at + 1]
        if marker == 0xFF:  # fill byte
            at += 1
            continue
        if marker in (0xD8, 0x01) or 0xD0 <= marker <= 0xD7:  # no length
            at += 2
            continue
        (length,) = struct.unpack(">H", b[at + 2 : at + 4])
        if marker in _JPEG_FRAMES:
            h, w = struct.unpack(">HH", b[at + 5 : at + 9])
            return w, h
        at += 2 + length
    return None


def _webp(b: bytes) -> tuple[int, int] | None:
    chunk = b[12:16]
    if chunk == b"VP8X":
        w = int.from_bytes(b[24:27], "little") + 1
        h = int.from_bytes(b[27:30], "little") + 1
        return w, h
    if chunk == b"VP8 " and b[23:26] == b"\x9d\x01\x2a":
        w, h = struct.unpack("<HH", b[26:30])
        return w & 0x3FFF, h & 0x3FFF
    if chunk == b"VP8L" and b[20] == 0x2F:
        bits = int.from_bytes(b[21:25], "little")
        return (bits & 0x3FFF) + 1, ((bits >> 14) & 0x3FFF) + 1
    return None
