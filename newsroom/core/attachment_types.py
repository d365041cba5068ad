"""The files a release may carry: each known extension's media type, and the first bytes
that files of some types begin with (a `.pdf` that is not a PDF is refused, not published).

The table is fixed here, not read from the system's mime.types, so every server names a
file's type alike (the type is sealed with the approval). `[attachments] types` chooses
which of these an office accepts.
"""

from __future__ import annotations

EXTENSIONS = {
    ".pdf": "application/pdf",
    ".jpg": "image/jpeg",
    ".jpeg": "image/jpeg",
    ".png": "image/png",
    ".webp": "image/webp",
    ".gif": "image/gif",
    ".csv": "text/csv",
    ".txt": "text/plain",
    ".docx": "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    ".xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    ".pptx": "application/vnd.openxmlformats-officedocument.presentationml.presentation",
    ".odt": "application/vnd.oasis.opendocument.text",
    ".ods": "application/vnd.oasis.opendocument.spreadsheet",
    ".zip": "application/zip",
    ".mp3": "audio/mpeg",
    ".mp4": "video/mp4",
}
_ZIP = (b"PK\x03\x04",)
# What a file of a type starts with; a type missing here is not looked into.
MAGIC: dict[str, tuple[bytes, ...]] = {
    "application/pdf": (b"%PDF-",),
    "image/jpeg": (b"\xff\xd8\xff",),
    "image/png": (b"\x89PNG\r\n\x1a\n",),
    "image/gif": (b"GIF87a", b"GIF89a"),
    "application/zip": _ZIP,
    "application/vnd.openxmlformats-officedocument.wordprocessingml.document": _ZIP,
    "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet": _ZIP,
    "application/vnd.openxmlformats-officedocument.presentationml.presentation": _ZIP,
    "application/vnd.oasis.opendocument.text": _ZIP,
    "application/vnd.oasis.opendocument.spreadsheet": _ZIP,
}


def type_of(name: str) -> str:
    """The media type of a file by its extension ("" when newsroom does not know it)."""
    dot = name.rfind(".")
    return EXTENSIONS.get(name[dot:].lower(), "") if dot > 0 else ""


def looks_like(kind: str, head: bytes) -> bool:
    """Whether a file's first bytes fit its type (WebP: RIFF....WEBP)."""
    if kind == "image/webp":
        return head[:4] == b"RIFF" and head[8:12] == b"WEBP"
    starts = MAGIC.get(kind)
    return starts is None or head.startswith(starts)
