"""SHA256SUMS: the checksum list `sha256sum -c` reads, one per folder that is served as a
whole: feeds/ itself (the public files) and each `private/<name>/` (a partner's private
feed, behind its token). The public list never names a private file.

A list is GNU coreutils' format: `<64 hex digits>  <path>` relative to the list's folder,
sorted by path; a path holding a backslash or a line break starts its line with `\\` and
has them escaped, as `sha256sum` writes it.
"""

from __future__ import annotations

import hashlib
import os
from pathlib import Path

SUMS = "SHA256SUMS"
SUMS_SIG = "SHA256SUMS.minisig"
PRIVATE = "private"
OWN = frozenset({SUMS, SUMS_SIG})


def folder_of(path: str) -> str | None:
    """The folder whose list names `path` (relative to feeds/, with `/`): "" for a public
    file, `private/<name>` for a partner's private file; None for a file no list names
    (the lists themselves, a file loose in private/)."""
    parts = path.split("/")
    if parts[0] == PRIVATE:
        if len(parts) < 3:
            return None
        folder = f"{PRIVATE}/{parts[1]}"
        return None if len(parts) == 3 and parts[2] in OWN else folder
    return None if path in OWN else ""


def relative(path: str, folder: str) -> str:
    return path[len(folder) + 1 :] if folder else path


def _escape(name: str) -> tuple[str, str]:
    if "\\" in name or "\n" in name or "\r" in name:
        escaped = name.replace("\\", "\\\\").replace("\n", "\\n").replace("\r", "\\r")
        return "\\", escaped
    return "", name


def sums_text(digests: dict[str, str]) -> str:
    """The list of `digests` (path relative to the folder -> hex SHA-256)."""
    lines = []
    for name in sorted(digests):
        mark, shown = _escape(name)
        lines.append(f"{mark}{digests[name]}  {shown}\n")
    return "".join(lines)


def parse_sums(text: str) -> dict[str, str]:
    """A list's lines as path -> digest (lines that are not `digest  path` are skipped)."""
    out: dict[str, str] = {}
    for line in text.split("\n"):
        escaped = line.startswith("\\")
        if escaped:
            line = line[1:]
        digest, sep, name = line.partition("  ")
        if not sep or len(digest) != 64:
            continue
        if escaped:
            name = _unescape(name)
        out[name] = digest.lower()
    return out


def _unescape(name: str) -> str:
    out, i = [], 0
    while i < len(name):
        c = name[i]
        if c == "\\" and i + 1 < len(name):
            out.append({"\\": "\\", "n": "\n", "r": "\r"}.get(name[i + 1], name[i + 1]))
            i += 2
        else:
            out.append(c)
            i += 1
    return "".join(out)


def sha256_file(path: Path) -> str:
    with open(path, "rb") as handle:
        return hashlib.file_digest(handle, "sha256").hexdigest()


def walk(feeds: Path) -> list[str]:
    """Every file under feeds/ a list may name (relative, `/`-separated): hidden files and
    folders (a publish's temporaries) left out."""
    found = []
    for top, dirs, files in os.walk(feeds):
        dirs[:] = [d for d in dirs if not d.startswith(".")]
        rel = os.path.relpath(top, feeds)
        prefix = "" if rel == "." else rel.replace(os.sep, "/") + "/"
        found += [prefix + f for f in files if not f.startswith(".")]
    return found
