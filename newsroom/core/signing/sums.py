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
from bisect import bisect_left
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
    return "".join(_line(name, digests[name]) for name in sorted(digests))


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


class SumsList:
    """A folder's list as its lines, sorted by path, changed a line at a time: a run that
    publishes one release changes a few lines of a list of 48,000 (10,000 releases).

    A list this program wrote (`parse(..., trusted=True)`: its signature checked, or the
    very file the last run wrote, signing/output.py's `_unchanged`) is kept
    as its bytes, and the changes apart: a line is found by bisecting the bytes, and
    `data()` splices the changes in, copying the unchanged stretches once. Splitting it
    into lines and joining them again cost 0.015 s a run, decoding, counting its lines and
    encoding it again 0.008 s (bench_publish.py --sign, a publish after one approval; a
    UTF-8 list sorts as its text does: byte order is code point order)."""

    def __init__(self, lines: list[str], names: list[str]) -> None:
        self.lines, self.names = lines, names  # names[i] is the path of lines[i]
        self.changed = False
        self._data: bytes | None = None  # (a trusted list: its bytes, and the changes apart)
        self._edits: dict[str, str | None] = {}  # name -> its new line (None: gone)
        self._count = -1  # the trusted bytes' lines, counted when asked

    @classmethod
    def parse(cls, text: str | bytes, trusted: bool = False) -> SumsList:
        """A list as written by `data()` (lines that are not `digest  path` are dropped).
        `trusted`: this program wrote it (its signature checked, or still the file it
        wrote), so it is sorted and every line is one."""
        data = text if isinstance(text, bytes) else text.encode("utf-8")
        if b"\\" in data or b"\r" in data:  # escaped names: the careful way
            return cls.of(parse_sums(data.decode("utf-8")))
        if trusted and data.endswith(b"\n"):
            listed = cls([], [])
            listed._data = data
            return listed
        lines = [line + "\n" for line in data.decode("utf-8").split("\n") if line[64:66] == "  "]
        names = [line[66:-1] for line in lines]  # split on "\n" alone, as sha256sum reads
        if names != sorted(names):  # not as this program writes it
            return cls.of(parse_sums(data.decode("utf-8")))
        return cls(lines, names)

    @classmethod
    def of(cls, digests: dict[str, str]) -> SumsList:
        names = sorted(digests)
        return cls([_line(n, digests[n]) for n in names], names)

    def __len__(self) -> int:
        if self._data is None:
            return len(self.names)
        if self._count < 0:
            self._count = self._data.count(b"\n")
        count = self._count
        for name, line in self._edits.items():
            count += (line is not None) - (self._old(name) is not None)
        return count

    def __bool__(self) -> bool:
        """Whether any file is listed (without counting 48,000 lines when it is plain)."""
        if self._data is None:
            return bool(self.names)
        if not self._edits or any(line is not None for line in self._edits.values()):
            return bool(self._data) or bool(self._edits)
        return len(self) > 0

    def set(self, name: str, digest: str) -> None:
        line = _line(name, digest)
        if self._data is not None:
            if self._current(name) != line:
                self._edits[name], self.changed = line, True
            return
        at = bisect_left(self.names, name)
        if at < len(self.names) and self.names[at] == name:
            if self.lines[at] != line:
                self.lines[at], self.changed = line, True
            return
        self.names.insert(at, name)
        self.lines.insert(at, line)
        self.changed = True

    def pop(self, name: str) -> bool:
        """Take `name` out; False when it was not listed."""
        if self._data is not None:
            if self._current(name) is None:
                return False
            self._edits[name], self.changed = None, True
            return True
        at = bisect_left(self.names, name)
        if at == len(self.names) or self.names[at] != name:
            return False
        del self.names[at], self.lines[at]
        self.changed = True
        return True

    def data(self) -> bytes:
        """The list as `sha256sum` reads it (UTF-8)."""
        if self._data is None:
            return "".join(self.lines).encode("utf-8")
        data, view = self._data, memoryview(self._data)
        pieces: list[bytes | memoryview] = []
        done = 0
        for name in sorted(self._edits):
            key = name.encode("utf-8")
            at = _find(data, key, done)
            pieces.append(view[done:at])
            done = at
            if at < len(data) and _name_at(data, at) == key:
                done = data.index(b"\n", at) + 1  # its old line goes
            line = self._edits[name]
            if line is not None:
                pieces.append(line.encode("utf-8"))
        pieces.append(view[done:])
        return b"".join(pieces)

    def _current(self, name: str) -> str | None:
        if name in self._edits:
            return self._edits[name]
        return self._old(name)

    def _old(self, name: str) -> str | None:
        """The line the trusted bytes have for `name`, if any."""
        assert self._data is not None
        data, key = self._data, name.encode("utf-8")
        at = _find(data, key, 0)
        if at < len(data) and _name_at(data, at) == key:
            return data[at : data.index(b"\n", at) + 1].decode("utf-8")
        return None


def _name_at(data: bytes, start: int) -> bytes:
    """The path on the line starting at `start` (a line `digest  path`)."""
    return data[start + 66 : data.index(b"\n", start)]


def _find(data: bytes, name: bytes, lo: int) -> int:
    """Where the first line whose path is not below `name` starts (len(data): none), in a
    sorted list's bytes, from the line starting at `lo`."""
    hi = len(data)
    while lo < hi:
        mid = (lo + hi) // 2
        start = data.rfind(b"\n", 0, mid) + 1  # the line holding `mid` (from `lo` on)
        end = data.index(b"\n", start)
        if data[start + 66 : end] < name:
            lo = end + 1
        else:
            hi = start
    return lo


def _line(name: str, digest: str) -> str:
    mark, shown = _escape(name)
    return f"{mark}{digest}  {shown}\n"


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
