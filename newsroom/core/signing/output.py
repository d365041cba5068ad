"""Publish's SEAL output: the office's signature over everything a run leaves in feeds/.

After every FILES output has staged its files, and before they are renamed into place
together, this output stages:

- copies of the newsroom's public key files (`newsroom.pub`, the signed list of keys,
  `newsroom-keys/`) at the root of feeds/;
- `SHA256SUMS` and `SHA256SUMS.minisig` at the root (every public file) and in each
  `private/<name>/` (that partner's files only), signed with the newsroom's key.

It is incremental: the digests of the last run are read back from the lists it wrote,
and only files staged in this run are hashed. Nothing in feeds/ can slip a digest in: a
list is taken as it stands only when it is still the very file this output wrote and read
back at the end of its run (its inode, size, modification and change times, kept in the
output's state, see `_seen`), otherwise only when its signature checks with the
newsroom's key (and if neither, every file is hashed again). A change time cannot be set
back by a user: any later write, even one of the same size with the old times restored,
gives the file another one (on the file systems feeds/ is meant for: ext4, xfs, btrfs,
tmpfs; not vfat or exFAT, which keep no change time: serve feeds/ from a POSIX one). A
marker in .newsroom/ stands while files are being renamed: a run killed then leaves it,
and the next run hashes every file again (as the first signed run does). Files an output
removes after the rename are taken out of the lists at once.

With no key (and `[signing] required = false`) a run is unsigned: the log says so, the
lists left by an earlier signed run are removed (they would no longer match), and so are
the signed texts of the releases whose standing moved; the others stay (texts.unsign).
"""

from __future__ import annotations

import datetime as dt
import os
from collections.abc import Callable, Iterable
from itertools import chain
from pathlib import Path
from typing import Any

from ..atomic import holds, stage, write_atomic
from ..config import Config
from ..outputs import Output, Paths, Plan, PublishResult, Stage, Staged, Written
from .keys import SigningError, could_unlock, load_secret, public_files, read_public
from .minisign import PublicKey, SecretKey, Signature, SignatureError
from .sums import OWN, SUMS, SUMS_SIG, SumsList, folder_of, relative, sha256_file, walk
from .texts import SignedTexts

MARKER = "sums.pending"


class SignOutput(Output):
    """SHA256SUMS and the key files (see the module docstring). Listed last in
    `publish.outputs()`: its `placed` sees what the others removed."""

    name = "signatures"
    stage = Stage.SEAL

    def __init__(self, config: Config, passphrase: Callable[[], str] | None = None) -> None:
        super().__init__(config)
        self.passphrase = passphrase
        self.public: PublicKey | None = None
        self.key: SecretKey | None = None
        self.unsigned = ""  # why this run signs nothing (a code), "" when it signs
        self.last: dict[str, Any] = {}
        self.now: dt.datetime | None = None
        self.lists: dict[str, SumsList] = {}  # folder -> its list, as staged
        self.mine: list[str] = []  # files this output owns (relative to feeds/)
        self.why: dict[str, str] = {}  # a key is set up but could not be used: why (said once)
        self.texts = SignedTexts(config)  # each published version's signed text (texts.py)
        self.bytes: dict[str, tuple[bytes, bytes]] = {}  # folder -> its list and signature
        self.seen: dict[str, dict[str, list[int]]] = {}  # folder -> its files' identities

    # ------------------------------------------------------------ before the lock

    def prepare(self, dry_run: bool) -> None:
        """Find the key and unlock it (a prompt comes here, before the lock). Without one,
        `[signing] required` refuses the run; otherwise the run goes out unsigned. A wrong
        passphrase typed refuses it whatever `required` says."""
        try:
            self.public = read_public(self.config)
            if self.public is None:
                raise SigningError(
                    "no signing key (newsroom.pub): run `newsroom keys init`, or set "
                    "[signing] required = false",
                    code="sign_no_key", path=str(self.config.root / "newsroom.pub"),
                )  # fmt: skip
            if dry_run:  # nothing is signed: the key is unlocked as the run would (its
                # passphrase tried), then dropped
                could_unlock(self.config, self.public, self.passphrase)
                self.unsigned = ""
                return
            self.key = load_secret(self.config, self.passphrase, self.public)
        except SigningError as exc:
            # A passphrase typed wrong stops the run (nothing goes out): the person is there
            # to type it again, and a run out unsigned for a typo would remove SHA256SUMS.
            if self.config.signing_required or exc.code == "sign_wrong_passphrase":
                raise
            self.unsigned = exc.code
            if self.public is not None:  # (the faces word it: explain.publish_problems)
                self.why = {**{k: str(v) for k, v in exc.facts.items()}, "text": str(exc)}

    def signs(self) -> bool:
        """Whether this run signs (asked once `prepare` looked for the key): the key
        unlocked, or in a dry run, one that a run now would unlock."""
        return self.public is not None and not self.unsigned

    # ------------------------------------------------------------ planning

    def plan(self, plan: Plan, last: dict[str, Any]) -> None:
        self.last, self.now = last, plan.now
        if self.public is not None:  # (unsigned too: which texts are no longer true)
            self.texts.plan(plan, self.public.id)

    def answer(self, result: PublishResult) -> None:
        if self.unsigned:
            result.unsigned = self.unsigned
            result.unsigned_why = self.why
        elif self.public is not None:
            result.signed = self.public.id
            private = sum(1 for p in self.config.partners if p.embargo_access)
            result.documents += len(public_files(self.config)) + 2 * (1 + private)
            result.private_documents += 2 * private
            result.documents += self.texts.count()
        if not result.dry_run:
            return
        if not self.signs():  # what `placed` removes in a run that signs nothing
            result.to_remove += self._unsigned_removes(result)
            return
        assert self.public is not None
        texts, removed = self.texts.preview(self.public, result)
        result.to_write += texts + self._key_files_to_write()
        result.to_remove += removed
        # the list of each folder with a file written or removed; of every folder when the
        # run cannot take the last run's lists (`_previous`: after an unsigned run, which
        # removed them all)
        folders = {f for p in [*result.to_write, *result.to_remove]
                   if (f := folder_of(p)) is not None}  # fmt: skip
        if self._cold_next(self.public.id):
            folders |= self._folders()
        result.to_write += [f"{f}/{n}" if f else n for f in sorted(folders)
                            for n in (SUMS, SUMS_SIG)]  # fmt: skip

    def _key_files_to_write(self) -> list[str]:
        """A dry run's answer: the public key files not yet in feeds/ as they are (`_key_files`)."""
        root, feeds = self.config.root, self.config.feeds_dir
        return [name for name in public_files(self.config)
                if not holds(feeds / name, (root / name).read_bytes())]  # fmt: skip

    def _unsigned_removes(self, result: PublishResult) -> list[str]:
        """A dry run's answer for a run that signs nothing: the lists go, and the signed
        texts no longer true (all of them when the newsroom has no key at all)."""
        feeds = self.config.feeds_dir
        lists = [p.relative_to(feeds).as_posix() for p in _lists_in(feeds)]
        if self.public is None:
            return lists + self.texts.there(self.texts.drop_all())
        return lists + self.texts.there(self.texts.unsign(result, self.public))

    def _cold_next(self, key_id: str) -> bool:
        """Whether the run hashes every file again and writes every list (`_previous`)."""
        marker = self.config.state_dir / MARKER
        return marker.exists() or self.last.get("key") != key_id

    def _folders(self) -> set[str]:
        """The folders `_cold` finds: the public one and each partner's private one."""
        private = self.config.feeds_dir / "private"
        if not private.is_dir():
            return {""}
        return {"", *(f"private/{d.name}" for d in private.iterdir() if d.is_dir())}

    # ------------------------------------------------------------ writing

    def stage_files(self, staged: Iterable[Staged], result: PublishResult) -> list[Staged]:
        if self.key is None:
            return []
        feeds = self.config.feeds_dir
        mine = self._key_files()
        mine += self.texts.stage(self.key, result)
        lists = self._previous()
        if lists is None:
            lists = self._cold(chain(staged, mine))
        for s in chain(staged, mine):  # read from the run's staging file as it goes
            rel = s.path.relative_to(feeds).as_posix()
            folder = folder_of(rel)
            if folder is not None:
                lists.setdefault(folder, SumsList([], [])).set(
                    relative(rel, folder), sha256_file(s.tmp)
                )
        out: list[Staged] = []
        for folder, listed in sorted(lists.items()):
            if listed and listed.changed:
                out += self._stage_list(folder, listed.data())
        self.lists = lists
        write_atomic(self.config.state_dir / MARKER, b"renaming\n")
        return mine + out

    def _key_files(self) -> list[Staged]:
        """Copies of the newsroom's public key files, staged where they changed."""
        out = []
        root, feeds = self.config.root, self.config.feeds_dir
        for name in public_files(self.config):
            self.mine.append(name)
            tmp = stage(feeds / name, (root / name).read_bytes())
            if tmp is not None:
                out.append(Staged(feeds / name, tmp))
        return out

    def _previous(self) -> dict[str, SumsList] | None:
        """The lists of the last run: the files this output wrote, or their signatures
        checked (None: hash everything)."""
        assert self.key is not None
        if self._cold_next(self.key.id):
            return None
        lists: dict[str, SumsList] = {}
        seen = self.last.get("seen")
        seen = seen if isinstance(seen, dict) else {}
        for folder in self.last.get("lists", []):
            base = self.config.feeds_dir / folder if folder else self.config.feeds_dir
            try:
                data = _unchanged(base, seen.get(folder))
                if data is not None:  # as written and read back: trusted as it stands
                    self.seen[folder] = seen[folder]
                else:
                    data = (base / SUMS).read_bytes()
                    text = (base / SUMS_SIG).read_bytes()
                    signature = Signature.parse(text.decode("utf-8"))
                    self.key.public.verify(data, signature)
                    self.bytes[folder] = (data, text)
                lists[folder] = SumsList.parse(data, trusted=True)
            except (OSError, UnicodeDecodeError, SignatureError):
                return None
        return lists

    def _cold(self, staged: Iterable[Staged]) -> dict[str, SumsList]:
        """Every file already in feeds/ hashed (the first signed run, or after a kill)."""
        feeds = self.config.feeds_dir
        fresh = {s.path.relative_to(feeds).as_posix() for s in staged}
        digests: dict[str, dict[str, str]] = {}
        for rel in walk(feeds):
            folder = folder_of(rel)
            if folder is None or rel in fresh:
                continue
            digests.setdefault(folder, {})[relative(rel, folder)] = sha256_file(feeds / rel)
        lists = {folder: SumsList.of(d) for folder, d in digests.items()}
        for listed in lists.values():
            listed.changed = True  # written at least once
        return lists

    def _stage_list(self, folder: str, data: bytes) -> list[Staged]:
        """A folder's SHA256SUMS and its signature, staged."""
        assert self.key is not None and self.now is not None
        base = self.config.feeds_dir / folder if folder else self.config.feeds_dir
        name = f"{folder}/{SUMS}" if folder else SUMS
        when = self.now.replace(microsecond=0).isoformat()
        comment = f"site={self.config.feeds_base} file={name} time={when}"
        signature = self.key.sign(data, comment, f"signed by newsroom key {self.key.id}")
        mode, group = _mode(self.config, bool(folder))
        out = []
        self.bytes[folder] = (data, signature.text().encode())
        self.seen.pop(folder, None)
        for path, body in ((base / SUMS, data), (base / SUMS_SIG, self.bytes[folder][1])):
            tmp = stage(path, body, mode, group)
            if tmp is not None:
                out.append(Staged(path, tmp))
        return out

    # ------------------------------------------------------------ after the rename

    def placed(self, result: PublishResult) -> Written:
        feeds = self.config.feeds_dir
        written = Written()
        if self.key is None:  # unsigned: the lists go (they would no longer match)
            for path in _lists_in(feeds):
                path.unlink(missing_ok=True)
                written.removed.append(path.relative_to(feeds).as_posix())
            if self.public is None:  # no key at all: whatever an earlier key signed goes
                written.removed += self.texts.remove(feeds, self.texts.drop_all())
                self.texts.forget()
            else:  # the texts still true stay (texts.unsign)
                written.removed += self.texts.remove(feeds, self.texts.unsign(result, self.public))
                self.texts.save(self.public.id)
            return written
        gone = self.texts.remove(feeds, self.texts.removed)
        written.removed += gone
        self._forget([*result.removed, *gone], result)
        self.texts.save(self.key.id)
        for folder, listed in self.lists.items():
            names = [f"{folder}/{n}" if folder else n for n in sorted(OWN)]
            if listed:
                self.mine += names
            else:  # the folder has no file left: nor does it need a list
                for rel in names:
                    (feeds / rel).unlink(missing_ok=True)
        for rel in self.mine:
            st = (feeds / rel).stat()
            written.files[rel] = [st.st_size, st.st_mtime_ns]
        self._seen()
        (self.config.state_dir / MARKER).unlink(missing_ok=True)
        return written

    def _seen(self) -> None:
        """Read back each list this run wrote or checked and keep its files' identities
        (inode, size, modification and change times), so the next run takes it without
        checking its signature (6.5 MB hashed at 10,000 releases) while it is still this
        very file.

        Before reading, the list's folder is touched (its times set to what they are): its
        change time is now the file system's clock. A list whose change time is older than
        that holds what was read, and any write to it from now on gives it a later change
        time. One not older (written in the same tick of a coarse clock) is not kept: the
        next run checks its signature."""
        for folder, listed in self.lists.items():
            if folder in self.seen or folder not in self.bytes or not listed:
                continue  # taken as it stood (still the same file), or not read
            base = self.config.feeds_dir / folder if folder else self.config.feeds_dir
            try:
                st = os.stat(base)
                os.utime(base, ns=(st.st_atime_ns, st.st_mtime_ns))
                now = os.stat(base).st_ctime_ns
                found = {}
                for name, body in zip((SUMS, SUMS_SIG), self.bytes[folder], strict=True):
                    identity, data = _read(base / name)
                    if data != body or identity[3] >= now:
                        break
                    found[name] = identity
                else:
                    self.seen[folder] = found
            except OSError:  # (a folder this user does not own: its signature is checked)
                continue

    def _forget(self, removed: list[str], result: PublishResult) -> None:
        """Take out of the lists the files another output removed after the rename (the
        lists are written again at once, so they never name a file that is gone): among
        the files the run wrote, as the dry run names them."""
        touched = set()
        for rel in removed:
            folder = folder_of(rel)
            listed = self.lists.get(folder) if folder is not None else None
            if listed is not None and listed.pop(relative(rel, folder or "")):
                touched.add(folder or "")
        start, rewritten = len(str(self.config.feeds_dir)) + 1, []
        for folder in sorted(f for f in touched if self.lists[f]):
            for s in self._stage_list(folder, self.lists[folder].data()):
                s.tmp.replace(s.path)
                rewritten.append(str(s.path)[start:])
        if rewritten:  # those not among the written files yet (one look through them)
            known = {p for p in result.written.unsorted() if p in rewritten}
            more = [rel for rel in rewritten if rel not in known]
            if more:  # (a folder where nothing else was written: rare)
                result.written = Paths(chain(result.written.unsorted(), more))

    def close(self) -> None:
        self.texts.store.close()

    def state(self, written: bool) -> dict[str, Any]:
        if not written or self.key is None:  # (an unsigned run of a newsroom with a key
            # keeps why: `newsroom status` and the desk say partners cannot check it now)
            unsigned = {"unsigned": self.unsigned} if self.public is not None else {}
            return self.last if not written else unsigned
        lists = sorted(f for f, listed in self.lists.items() if listed)
        return {
            "key": self.key.id,
            "lists": lists,
            "seen": {f: self.seen[f] for f in lists if f in self.seen},
        }


def _read(path: Path) -> tuple[list[int], bytes]:
    """A file's identity (inode, size, modification and change times) and its bytes."""
    fd = os.open(path, os.O_RDONLY | os.O_CLOEXEC)
    try:
        st = os.fstat(fd)
        with open(fd, "rb", closefd=False) as handle:
            data = handle.read()
        return _identity(st), data
    finally:
        os.close(fd)


def _identity(st: os.stat_result) -> list[int]:
    return [st.st_ino, st.st_size, st.st_mtime_ns, st.st_ctime_ns]


def _unchanged(base: Path, seen: Any) -> bytes | None:
    """A folder's list, when it and its signature are still the files the last run wrote
    and read back (`seen`: their identities); None otherwise.

    The list's identity is taken before and after it is read: a write between the two
    gives it a later change time."""
    if not isinstance(seen, dict) or set(seen) != OWN:
        return None
    if _identity(os.stat(base / SUMS_SIG)) != seen[SUMS_SIG]:
        return None
    fd = os.open(base / SUMS, os.O_RDONLY | os.O_CLOEXEC)
    try:
        if _identity(os.fstat(fd)) != seen[SUMS]:
            return None
        with open(fd, "rb", closefd=False) as handle:
            data = handle.read()
        if _identity(os.fstat(fd)) != seen[SUMS]:
            return None
    finally:
        os.close(fd)
    return data


def _lists_in(feeds: Path) -> list[Path]:
    """The lists an earlier signed run left (at the root and in private folders)."""
    found = [feeds / name for name in sorted(OWN)]
    private = feeds / "private"
    if private.is_dir():
        found += [d / name for d in sorted(private.iterdir()) if d.is_dir() for name in sorted(OWN)]
    return [p for p in found if p.exists()]


def _mode(config: Config, private: bool) -> tuple[int | None, str]:
    """A private folder's list is written as its feeds are (0640, the web server's group)."""
    from ..feeds.output import file_mode

    return file_mode(config, private)
