"""Atomic file writes: a temporary file beside the target, fsync, rename, fsync the folder.

A reader (a partner's fetcher, another editor) sees the old file or the new one,
never half of one, and a crash mid-write leaves the old file whole.
"""

from __future__ import annotations

import contextlib
import os
from pathlib import Path
from typing import TYPE_CHECKING, Protocol

if TYPE_CHECKING:
    from collections.abc import Iterable, Iterator

    from filelock import FileLock

_UMASK: list[int] = []


def default_mode() -> int:
    """The mode a new file gets from this process's umask (0644 under the usual 022)."""
    if not _UMASK:
        current = os.umask(0o022)  # the only way to read it is to set it: put it back at once
        os.umask(current)
        _UMASK.append(current)
    return 0o666 & ~_UMASK[0]


def write_atomic(path: Path, data: bytes, mode: int | None = None) -> None:
    """Replace `path` with `data` atomically (creating parent folders as needed)."""
    place = os.fspath(path)
    fd, tmp = _temporary(place)
    try:
        try:
            _fill(fd, data, mode)
            os.fsync(fd)
        finally:
            os.close(fd)
        os.replace(tmp, place)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(tmp)
        raise
    _fsync_dir(path.parent)


def stage(
    path: Path, data: bytes, mode: int | None = None, group: str = "", like: Path | None = None
) -> Path | None:
    """Write `data` to a temporary file beside `path` (not yet synced or renamed).

    Returns None when `path` already holds exactly `data`. Many staged files are then
    made durable with one sync and renamed by `commit()`: far cheaper than a fsync each.
    A first publish stages every release's page and documents (283,000 files at 100,000
    releases): made with a system call each, not `tempfile.mkstemp`, `Path.mkdir` and an
    `os.fdopen` (benchmarks/bench_phases.py: staging 0.3 → 0.1 ms a file, reading 3,000 releases).
    `like`: a temporary this run staged with the same bytes, mode and group in the same
    folder; the new one is a hard link to it, nothing written (a release's current ninjs
    document is its last version's: 93,000 files fewer to write in a first publish at
    100,000). Where links cannot be made, `data` is written.
    """
    if holds(path, data):
        return None
    if like is not None:
        linked = _link(like, os.fspath(path))
        if linked is not None:
            return Path(linked)
    fd, tmp = _temporary(os.fspath(path))
    try:
        _fill(fd, data, mode, group)
    except BaseException:  # a full disk: leave no half-written temporary behind
        os.close(fd)
        os.unlink(tmp)
        raise
    os.close(fd)
    return Path(tmp)


def holds(path: Path, data: bytes) -> bool:
    """Whether `path` already holds exactly `data` (what a dry run would not write)."""
    try:
        return os.stat(path).st_size == len(data) and path.read_bytes() == data
    except FileNotFoundError:
        return False


def _temporary(place: str) -> tuple[int, str]:
    """A new temporary file beside `place` (its folder made if need be), open for writing:
    its descriptor and its path. mkstemp's pattern, made with one system call (importing
    `tempfile` costs a publish about 8 ms: it imports shutil, lzma, bz2 and random)."""
    folder, name = os.path.split(place)
    folder = folder or "."  # (a bare file name: the working folder)
    made = False
    while True:
        tmp = f"{folder}/.{name}.{os.urandom(5).hex()}.tmp"
        try:
            return os.open(tmp, _CREATE, 0o600), tmp
        except FileExistsError:
            continue
        except FileNotFoundError:  # its folder is new
            if made:
                raise
            os.makedirs(folder, exist_ok=True)
            made = True


def _link(source: Path, place: str) -> str | None:
    """A new temporary name beside `place` for the file `source` (a hard link), or None
    when the file system makes none."""
    folder, name = os.path.split(place)
    while True:
        tmp = f"{folder or '.'}/.{name}.{os.urandom(5).hex()}.tmp"
        try:
            os.link(source, tmp)
            return tmp
        except FileExistsError:
            continue
        except OSError:  # (no hard links here, another device: write it)
            return None


def _fill(fd: int, data: bytes, mode: int | None, group: str = "") -> None:
    """Write all of `data` to `fd`, then give the file its final mode (the umask's by
    default) and group."""
    view = memoryview(data)
    while view:
        view = view[os.write(fd, view) :]
    os.fchmod(fd, default_mode() if mode is None else mode)
    if group:
        import grp

        os.fchown(fd, -1, grp.getgrnam(group).gr_gid)


_CREATE = os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_NOFOLLOW", 0) | os.O_CLOEXEC


class Pairs(Protocol):
    """Staged files as (place, temporary), counted and read in order, once or more: a list,
    or the run's journal on disk (outputs.Staging)."""

    def __len__(self) -> int: ...

    def __iter__(self) -> Iterator[tuple[str, str]]: ...


FOLDERS_MAX = 1000  # past this many folders, one sync() makes the renames durable


SYNC_EACH_MAX = 2000  # staged files synced one by one; past this, one sync() for all


def _fsync_file(path: str) -> None:
    fd = os.open(path, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def commit(staged: Pairs) -> None:
    """Make staged files durable, then rename each over its target (place, temporary),
    in the order given, then make the renames durable: each folder synced, or one sync()
    for all when there are many (a first run renames into 93,000 folders at 100,000
    releases). Read as it is renamed: nothing here holds a name per file."""
    count = len(staged)
    if not count:
        return
    if count > SYNC_EACH_MAX:
        os.sync()  # one flush for all of them (Linux waits for it to finish)
    else:  # only this run's files: a sync() would also wait for every other process's
        # writes (a cold run's gigabyte still in memory made one approval 0.2 s slower;
        # bench_publish.py), several at a time so the file system journals them together
        from concurrent.futures import ThreadPoolExecutor

        tmps = [tmp for _, tmp in staged]
        if count <= 4:
            for tmp in tmps:
                _fsync_file(tmp)
        else:
            with ThreadPoolExecutor(8) as pool:
                list(pool.map(_fsync_file, tmps))
    folders: set[str] | None = set()
    for path, tmp in staged:  # in the order given: the signed lists last
        os.replace(tmp, path)
        if folders is not None:
            folders.add(os.path.dirname(path))
            if len(folders) > FOLDERS_MAX:
                folders = None
    if folders is None:
        os.sync()
        return
    for folder in sorted(folders):
        _fsync_dir(Path(folder))


def remove_stale_temporaries(folder: Path, within: Iterable[str] | None = None) -> None:
    """Delete temporary files a killed run left behind (call only while holding the lock):
    anywhere under `folder`, or only directly in the subfolders `within` (paths relative to
    `folder`, "" for itself). An output that knows where it writes passes them: walking the
    whole served tree (a folder per release page) cost a second at 10,000 releases."""
    if within is None:
        for tmp in folder.rglob(".*.tmp"):
            tmp.unlink(missing_ok=True)
        return
    for sub in sorted(set(within)):
        try:
            entries = os.scandir(folder / sub if sub else folder)
        except OSError:  # not there (yet)
            continue
        with entries:
            for entry in entries:
                if entry.name.startswith(".") and entry.name.endswith(".tmp"):
                    with contextlib.suppress(OSError):
                        os.unlink(entry.path)


def remove_empty_folders(folder: Path, top: Path) -> None:
    """Remove `folder` and its parents while empty, up to (not including) `top`: what a
    removed file leaves behind (a release's folder once its last file is gone)."""
    while folder != top and folder.is_relative_to(top):
        try:
            folder.rmdir()
        except OSError:
            return
        folder = folder.parent


def _fsync_dir(folder: Path) -> None:
    try:
        fd = os.open(folder, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(fd)
    except OSError:
        pass
    finally:
        os.close(fd)


LOCK_BUCKETS = 256


def bucket_lock(folder: Path, key: str, timeout: float) -> FileLock:
    """A lock for `key` (a release's id) among LOCK_BUCKETS files in `folder`.

    A lock file is never deleted (deleting it would let two processes hold locks on two
    inodes of one name), so a lock per release would leave a file per release behind:
    100,000 of them in one folder on a large newsroom. Releases share the bucket their
    id hashes to; a lock is held for a few milliseconds, so sharing costs nothing."""
    import hashlib

    from filelock import FileLock  # imported late: `newsroom publish` with no work skips it

    folder.mkdir(parents=True, exist_ok=True)
    bucket = hashlib.blake2b(key.encode(), digest_size=1).hexdigest()
    return FileLock(str(folder / f"{bucket}.lock"), timeout=timeout)
