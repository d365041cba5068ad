"""`newsroom verify PATH…`: what `minisign -V` and `sha256sum -c` check, in pure Python,
with no network, and saying plainly what was verified, by which key, or what failed.

A PATH may be:
- a file with its `.minisig` beside it (a release's `v2.txt`, `SHA256SUMS`, the list of
  keys), or the `.minisig` itself: the signature and its trusted comment are checked;
  a signed SHA256SUMS also has every file it lists that is present checked;
- a file without one: the nearest SHA256SUMS above it must list it, be signed, and match;
- a folder (a download of the feeds): every SHA256SUMS in it (the root's, each private
  folder's) is checked with every file it lists, and every `.minisig` in it is checked.
  A file there that no list names is said, by name, as not verified, but is no failure
  (as `sha256sum -c --ignore-missing` passes over it): a partner's folder holds files of
  its own, and the verdict is on the office's files. A file named on the command line
  that no signed list covers is a failure.

The key files are not office files to check against a list: the key trusted (given by
`--key`, or ./newsroom.pub) is the partner's own copy, which may be older than the list
(after a rotation) or saved under another name; the list of keys (`newsroom-keys.txt`,
its `.minisig`) and the rotations (`newsroom-keys/`) carry their own signatures. They
are neither required in a list nor, for the key trusted, compared with one.

The key is the one the partner trusts (`--key`, else the newsroom's own `newsroom.pub`,
else `./newsroom.pub`). A signature by another key is accepted only when the office said
so in files it signed: a key the trusted one endorsed at a rotation
(`newsroom-keys/<ID>.pub.minisig`), or a retired key in the signed list of keys
(`newsroom-keys.txt`). A key the office revoked is refused, whoever signed with it.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import os
import re
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import unquote

from ..versions import RETRACTED
from .canonical import SUPERSEDED, parse_comment
from .keys import CHAIN, LIST, PUBLIC, parse_list
from .minisign import PublicKey, Signature, SignatureError
from .sums import OWN, SUMS, SUMS_SIG, parse_sums, sha256_file, walk

SIG = ".minisig"
_REPLACED = re.compile(r"key=(\w+) replaces=(\w+) replaced=(\w+) date=(\S+)")


@dataclass(frozen=True)
class Finding:
    """One thing checked: `code` says what (a face words it), `facts` the details.

    Good: signed (a file and its signature), sums (a signed SHA256SUMS), listed (a file
    matching its list). Bad: bad_signature (with `reason`), revoked, unknown_key,
    not_signed, mismatch, unreadable, no_sums."""

    path: str
    code: str
    ok: bool
    facts: dict[str, str] = field(default_factory=dict)


@dataclass
class Report:
    """Everything `newsroom verify` checked, with the key it trusted."""

    key: PublicKey
    key_source: str
    findings: list[Finding] = field(default_factory=list)
    missing: int = 0  # files a list names that are not in the download (not a failure)
    unlisted: list[str] = field(default_factory=list)  # files in a folder no list names
    notes: list[Finding] = field(default_factory=list)  # what the partner should know
    revoked_trust: dict[str, str] | None = None  # the office revoked the key trusted

    @property
    def ok(self) -> bool:
        return bool(self.findings) and all(f.ok for f in self.findings)


class Untrusted(Exception):
    """A signature's key is not one the partner can trust (code, facts)."""

    def __init__(self, code: str, **facts: str) -> None:
        super().__init__(code)
        self.code, self.facts = code, facts


class KeyRing:
    """The trusted key, and the keys the office vouched for in files signed by it."""

    def __init__(
        self, trusted: PublicKey, places: list[Path], now: dt.datetime | None = None
    ) -> None:
        self.trusted = trusted
        self.now = now or dt.datetime.now(dt.UTC)
        self.keys: dict[str, PublicKey] = {trusted.id: trusted}
        self.how: dict[str, dict[str, str]] = {trusted.id: {}}
        self.revoked: dict[str, dict[str, str]] = {}
        self.until: dict[str, dt.datetime] = {}  # a retired key: when it stopped signing
        self.forked: dict[str, dict[str, str]] = {}  # a key that endorsed two successors
        self.rotations: list[tuple[Path, str, str, str]] = []  # (file, old, new, date)
        self.notes: list[Finding] = []
        folders = list(dict.fromkeys(p.resolve() for p in places if p.is_dir()))
        self.listed: set[str] | None = None  # the keys the lists read name (None: none read)
        self._follow(folders)
        self._read_lists(folders)
        self._prune()
        self._note_rotations()

    def _follow(self, folders: list[Path]) -> None:
        """Walk the rotations forward, reading every endorsement that verifies (none passed
        over because its key is trusted already): a key endorsed by a trusted key is
        trusted, unless the endorsement says the endorsing key was revoked. The office
        replaces a key once, with one successor: a key with two successors, or two keys
        endorsing one, are forked (whoever made the second holds a key; `key_for`)."""
        endorsements = [p for f in folders for p in sorted((f / CHAIN).glob(f"*.pub{SIG}"))]
        taken: set[Path] = set()
        moved = True
        while moved:
            moved = False
            for sig_path in endorsements:
                if sig_path in taken:
                    continue
                found = self._endorsed(sig_path)  # (None: maybe its signer is trusted later)
                if found is None:
                    continue
                taken.add(sig_path)
                if found.id not in self.keys:
                    self.keys[found.id] = found
                    moved = True
        successors: dict[str, set[str]] = {}
        endorsers: dict[str, set[str]] = {}
        for _, old, new, _ in self.rotations:
            successors.setdefault(old, set()).add(new)
            endorsers.setdefault(new, set()).add(old)
        for old, news in successors.items():
            if len(news) > 1:
                first, other = sorted(news)[:2]
                self.forked[old] = {"key_id": old, "new": first, "other": other}
        for new, olds in endorsers.items():
            for old in olds if len(olds) > 1 else ():
                self.forked.setdefault(old, {"key_id": old, "new": new, "other": new})

    def _endorsed(self, sig_path: Path) -> PublicKey | None:
        try:
            signature = Signature.parse(sig_path.read_text(encoding="utf-8"))
            signer = self.keys.get(signature.key)
            if signer is None or signature.key in self.revoked:
                return None
            data = sig_path.with_name(sig_path.name[: -len(SIG)]).read_bytes()
            comment = signer.verify(data, signature)
            new = PublicKey.parse(data.decode("utf-8"))
        except (OSError, UnicodeDecodeError, SignatureError):
            return None
        said = _REPLACED.search(comment)
        if said is None or said.group(1) != new.id or said.group(2) != signer.id:
            return None
        if new.id == self.trusted.id:
            return None  # (a rotation to the key trusted: nothing to follow)
        date = said.group(4)
        when = _moment(date)
        if when is None or when > self.now + CLOCK_SLACK:  # (a rotation yet to come: no
            return None  # office dates one ahead; one who holds an old key might)
        if said.group(3) == "revoked":
            self.revoked[signer.id] = {"key_id": signer.id, "date": date, "new": new.id}
            return None  # the office says the old key leaked: the new one needs a second channel
        self.how.setdefault(new.id, {"endorsed_by": signer.id, "date": date})
        self.until[signer.id] = min(when, self.until.get(signer.id, when))
        self.rotations.append((sig_path, signer.id, new.id, date))
        return new

    def _prune(self) -> None:
        """Keys trusted only through a key the office revoked (it endorsed or listed them)
        are not: whoever holds a leaked key can endorse one of their own, whatever order
        the files were read in. Nor is a key reached by rotations that the office's list of
        keys does not name, when one was read (it names every key the office used)."""
        moved = True
        while moved:
            moved = False
            for ident, how in list(self.how.items()):
                by = how.get("endorsed_by") or how.get("listed_by")
                gone = by in self.revoked or by in self.forked or by not in self.keys
                unlisted = "endorsed_by" in how and self.listed is not None and (
                    ident not in self.listed)  # fmt: skip
                if by and (gone or unlisted) and ident in self.keys:
                    del self.keys[ident]
                    del self.how[ident]
                    moved = True

    def _note_rotations(self) -> None:
        """What the partner should know of the rotations of the key they trust: the key
        that replaced it (keep it), or that the office has since revoked that one (get
        the office's current key through a channel you trust)."""
        trusted = self.trusted.id
        if trusted in self.revoked or trusted in self.forked:
            return  # (said as the key trusted revoked: nothing it endorsed holds)
        for sig_path, old, new, date in self.rotations:
            if old != trusted:
                continue
            facts = {"key_id": old, "new": new, "date": date}
            if new in self.revoked:
                self.notes.append(Finding(str(sig_path), "rotated_revoked", True, facts))
            elif new in self.keys:
                self.notes.append(Finding(str(sig_path), "rotated", True, facts))

    def _read_lists(self, folders: list[Path]) -> None:
        """Take the statuses of keys from each signed list of keys signed by a key trusted."""
        for folder in folders:
            try:
                data = (folder / LIST).read_bytes()
                signature = Signature.parse((folder / f"{LIST}{SIG}").read_text("utf-8"))
                signer = self.keys.get(signature.key)
                # (a retired key's list is an old one, or not the office's: its successor's
                # says which keys are current)
                if signer is None or signature.key in self.revoked or signer.id in self.until:
                    continue
                signer.verify(data, signature)
                entries = parse_list(data.decode("utf-8"))
            except (OSError, UnicodeDecodeError, SignatureError):
                continue
            self.listed = (self.listed or set()) | {e.id for e in entries}
            for entry in entries:
                if entry.status == "revoked":
                    self.revoked[entry.id] = {"key_id": entry.id, "date": entry.until,
                                              "reason": entry.reason}  # fmt: skip
                    continue
                if entry.status == "retired" and (when := _moment(entry.until)) is not None:
                    self.until[entry.id] = min(when, self.until.get(entry.id, when))
                if entry.id not in self.keys:
                    self.keys[entry.id] = entry.public
                    self.how[entry.id] = {"listed_by": signer.id, "status": entry.status}

    def key_for(self, key_id: str) -> PublicKey:
        """The key to check a signature by `key_id` with (Untrusted when there is none)."""
        if key_id in self.revoked:
            raise Untrusted("revoked", **self.revoked[key_id])
        if key_id in self.forked:
            raise Untrusted("forked", **self.forked[key_id])
        key = self.keys.get(key_id)
        if key is None:
            raise Untrusted("unknown_key", signed_by=key_id, key_id=self.trusted.id)
        return key


class Verifier:
    """Checks PATHs against a key ring, gathering findings into a Report."""

    def __init__(self, key: PublicKey, source: str, paths: list[Path]) -> None:
        places = [Path(source).parent] if source and Path(source).is_file() else []
        places += [found for p in paths if (found := _keys_folder(p)) is not None]
        self.ring = KeyRing(key, places)
        self.anchor = Path(source).resolve() if source and Path(source).is_file() else None
        self.unlisted: dict[Path, str] = {}  # (resolved: as first named) no list names it
        self.report = Report(key, source, notes=self.ring.notes)
        if key.id in self.ring.revoked:
            self.report.revoked_trust = {"new": "", **self.ring.revoked[key.id]}
        self.lists: dict[Path, dict[str, str] | None] = {}  # a SHA256SUMS -> its digests
        self.covers: dict[Path, set[Path]] = {}  # a SHA256SUMS -> the files it accounts for
        # Each file is checked and reported once, however often and however it is named
        # (`rss.xml SHA256SUMS`, `./x` and `/abs/x`): keyed by its resolved path.
        self.signed: dict[Path, bool] = {}  # a file with a .minisig -> whether it verified
        self.compared: set[Path] = set()  # files compared with their SHA256SUMS
        self.seen: set[tuple[Path, str]] = set()  # (file, code) already reported

    def check(self, path: Path) -> None:
        if path.is_dir():
            self._folder(path)
        elif path.name.endswith(SIG) and not path.with_name(path.name[: -len(SIG)]).is_file():
            self._add(path, "unreadable", False, reason="no_file")
        elif path.name.endswith(SIG):
            self.check(path.with_name(path.name[: -len(SIG)]))
        elif not path.is_file():
            self._add(path, "unreadable", False, reason="missing")
        elif path.with_name(path.name + SIG).is_file():
            self._signed(path)
            if path.name == SUMS:
                self._listed_in(path)
        else:
            self._through_sums(path)

    def _add(self, path: Path, code: str, ok: bool, **facts: str) -> None:
        key = (path.resolve(), code)
        if key not in self.seen:
            self.seen.add(key)
            self.report.findings.append(Finding(str(path), code, ok, facts))

    def _signed(self, path: Path) -> bool:
        """A file and its .minisig, checked with the key ring (once a file)."""
        real = path.resolve()
        if real not in self.signed:
            self.signed[real] = self._check_signed(path)
        return self.signed[real]

    def _check_signed(self, path: Path) -> bool:
        try:
            signature = Signature.parse(path.with_name(path.name + SIG).read_text("utf-8"))
            key = self.ring.key_for(signature.key)
            comment = key.verify(path.read_bytes(), signature)
        except Untrusted as exc:
            self._add(path, exc.code, False, **exc.facts)
            return False
        except SignatureError as exc:
            facts = {k: str(v) for k, v in exc.facts.items()}
            self._add(path, "bad_signature", False, **facts)
            return False
        except (OSError, UnicodeDecodeError):
            self._add(path, "unreadable", False, reason="unreadable")
            return False
        until, said = self.ring.until.get(key.id), _latest(comment)
        if until is not None and (said is None or said > until + CLOCK_SLACK):
            # a retired key signs nothing dated after it was retired (the office signed
            # everything again with its new key at the next publish; a day's slack for a
            # server's clock), nor anything undated: every signature of the office is dated
            shown = said.isoformat() if said is not None else "-"
            self._add(path, "retired_key", False, key_id=key.id, until=until.isoformat(),
                      said=shown)  # fmt: skip
            return False
        facts = {"key_id": key.id, "comment": comment, **self.ring.how.get(key.id, {})}
        self._add(path, "sums" if path.name == SUMS else "signed", True, **facts)
        self._standing(path, comment)
        return True

    def _standing(self, path: Path, comment: str) -> None:
        """A release's signed text that the office no longer stands by as current (a later
        version superseded it, or the release was retracted) is said plainly (texts.py)."""
        pairs = parse_comment(comment)
        status = pairs.get("status", "")
        if status in (SUPERSEDED, RETRACTED) and "version" in pairs and "id" in pairs:
            number = unquote(pairs.get("number", "-"))  # ("-": none, texts._value)
            if number == "-":
                number = _title_in(path) or number
            facts = {"path": str(path), "id": pairs["id"], "version": pairs["version"],
                     "number": number, "superseded": pairs.get("superseded", "")}  # fmt: skip
            self.report.notes.append(Finding(str(path), status, True, facts))

    def _sums(self, sums: Path) -> dict[str, str] | None:
        """The digests of a signed SHA256SUMS (None: it does not verify), checked once."""
        real = sums.resolve()
        if real not in self.lists:
            ok = sums.with_name(SUMS_SIG).is_file() and self._signed(sums)
            if not sums.with_name(SUMS_SIG).is_file():
                self._add(sums, "not_signed", False)
            self.lists[real] = parse_sums(sums.read_text("utf-8")) if ok else None
        return self.lists[real]

    def _listed_in(self, sums: Path) -> set[Path]:
        """Check every file the list names that is present (and count those absent) once a
        list, however often it is reached; return the files it covers."""
        real = sums.resolve()
        if real not in self.covers:
            self.covers[real] = self._check_listed(sums)
        return self.covers[real]

    def _check_listed(self, sums: Path) -> set[Path]:
        digests = self._sums(sums)
        covered = {sums.resolve(), sums.with_name(SUMS_SIG).resolve()}
        if digests is None:  # (its failure is said: the files it names are not "in no list")
            with contextlib.suppress(OSError, UnicodeDecodeError, ValueError):
                covered |= {(sums.parent / n).resolve() for n in parse_sums(sums.read_text())}
            return covered
        for name, digest in digests.items():
            target = sums.parent / name
            covered.add(target.resolve())
            if target.resolve() == self.anchor:  # the partner's own copy of the key
                continue
            if not target.is_file():
                self.report.missing += 1
                continue
            self._compare(target, digest, sums)
        return covered

    def _compare(self, target: Path, digest: str, sums: Path) -> None:
        if target.resolve() in self.compared:
            return
        self.compared.add(target.resolve())
        if sha256_file(target) == digest:
            self._add(target, "listed", True, list=str(sums))
        else:
            self._add(target, "mismatch", False, list=str(sums))

    def _through_sums(self, path: Path) -> None:
        """A file without its own signature: the nearest SHA256SUMS above must list it."""
        for folder in path.resolve().parents:
            sums = _spelt_like(path, folder / SUMS)
            if not sums.is_file():
                continue
            name = path.resolve().relative_to(folder).as_posix()
            digests = self._sums(sums)
            if digests is None:
                return
            actual = sha256_file(path)
            same = sorted(n for n, digest in digests.items() if digest == actual)
            if name in digests and name not in same and same:  # (compared: said once)
                self.compared.add(path.resolve())  # another listed file's bytes under this
                self._add(path, "mismatch_other", False, list=str(sums), listed_as=same[0])
            elif name in digests:  # its own line: those bytes, or an older or altered copy
                self._compare(path, digests[name], sums)
            elif same:  # a name no line has (saved under another, into another folder)
                self._add(path, "listed", True, list=str(sums), listed_as=same[0])
            else:
                self._add(path, "not_signed", False)
            return
        self._add(path, "not_signed", False)

    def _folder(self, folder: Path) -> None:
        """A download of the feeds: every list, every signature, and the files no list names."""
        rels = walk(folder)
        files = [folder / rel for rel in rels]
        lists = [f for f in files if f.name == SUMS]
        if not lists:
            self._add(folder, "no_sums", False)
            return
        covered: set[Path] = set()
        for sums in sorted(lists):
            covered |= self._listed_in(sums)
        for rel, path in zip(rels, files, strict=True):
            if path.name.endswith(SIG) and path.name != SUMS_SIG and not _in_ring(rel):
                target = path.with_name(path.name[: -len(SIG)])
                if target.is_file():
                    self._signed(target)  # (said there, however it went)
                    covered.add(path.resolve())
        for rel, path in zip(rels, files, strict=True):
            real = path.resolve()
            if real not in covered and path.name not in OWN and not self._key_file(rel, real):
                self.unlisted.setdefault(real, str(path))

    def _key_file(self, rel: str, real: Path) -> bool:
        """Whether a file of a folder is a key file (the module docstring), not an office
        file a list must name: the key trusted, the list of keys, and the rotations'
        `newsroom-keys/<ID>.pub(.minisig)` at the folder's top (no deeper: a folder of that
        name anywhere would hide what is in it)."""
        return real == self.anchor or rel in (LIST, f"{LIST}{SIG}") or _in_ring(rel)

    def finish(self) -> Report:
        """The report, with the files no list names that were not checked otherwise (a
        file also named on its own has its finding instead)."""
        found = {Path(f.path).resolve() for f in self.report.findings}
        self.report.unlisted = [p for real, p in self.unlisted.items() if real not in found]
        return self.report


def _in_ring(rel: str) -> bool:
    """A rotation's file, `newsroom-keys/<ID>.pub(.minisig)`, at a download's top."""
    parts = rel.split("/")
    return len(parts) == 2 and parts[0] == CHAIN and parts[1].endswith((".pub", f".pub{SIG}"))


CLOCK_SLACK = dt.timedelta(days=1)  # a rotation dated past the verifier's clock by more
# than this is not followed (clocks and zones differ; an office never dates one ahead)
_DATED = ("published", "superseded", "time", "date")  # the moments a trusted comment says


def _moment(text: str) -> dt.datetime | None:
    """An ISO time of a key file or trusted comment (None: not one); naive ones as UTC."""
    try:
        when = dt.datetime.fromisoformat(unquote(text))
    except ValueError:
        return None
    return when if when.tzinfo is not None else when.replace(tzinfo=dt.UTC)


def _latest(comment: str) -> dt.datetime | None:
    """The latest moment a trusted comment says (a version's publication and supersession,
    a list's time, a rotation's date): what a signature claims it was made at or after."""
    pairs = parse_comment(comment)
    found = [w for k in _DATED if (w := _moment(pairs.get(k, ""))) is not None]
    return max(found, default=None)


def _spelt_like(named: Path, found: Path) -> Path:
    """`found` (resolved) as the person would write it: relative to where they are when
    they named `named` relatively, so a list reads `SHA256SUMS`, not `/tmp/…/SHA256SUMS`."""
    return found if named.is_absolute() else Path(os.path.relpath(found))


def _keys_folder(path: Path) -> Path | None:
    """The nearest folder at or above `path` holding the office's key files."""
    start = path.resolve() if path.is_dir() else path.resolve().parent
    for folder in (start, *start.parents):
        if (folder / LIST).is_file() or (folder / PUBLIC).is_file():
            return folder
    return None


def verify_paths(key: PublicKey, source: str, paths: list[Path]) -> Report:
    """Check every path (see the module docstring); the report says what passed and failed."""
    verifier = Verifier(key, source, paths)
    named: dict[Path, Path] = {}
    for path in paths:  # each once, as it was first named
        named.setdefault(path.resolve(), path)
    for path in named.values():
        verifier.check(path)
    return verifier.finish()


def trusted_key(
    root: Path | None, key_file: str | None, key_text: str | None
) -> tuple[PublicKey, str]:
    """The key the partner trusts: given as a file or a base64 line, else the newsroom's
    own newsroom.pub (run inside a newsroom), else ./newsroom.pub. OSError when there is
    none; SignatureError (reason "not_key", `path` the file or "--public-key") when it is
    not a minisign public key."""
    if key_text:
        path = None
    elif key_file:
        path = Path(key_file)
    elif root is not None and (root / PUBLIC).is_file():
        path = root / PUBLIC
    else:
        path = Path(PUBLIC)
    source = str(path) if path is not None else "--public-key"
    try:
        if path is None:
            return PublicKey.from_base64(key_text or ""), source
        return PublicKey.parse(path.read_text(encoding="utf-8")), source
    except (SignatureError, ValueError) as exc:  # (not text: UnicodeDecodeError)
        raise SignatureError(f"{source}: not a minisign public key ({exc})", reason="not_key",
                             path=source) from None  # fmt: skip


def _title_in(path: Path) -> str:
    """A signed text's title, quoted, for a release without a number ("" if none): the first
    line after its header (canonical.canonical_text), or its notice's "Judul | Title:" line."""
    try:
        lines = path.read_text("utf-8").splitlines()[:40]
    except (OSError, UnicodeDecodeError):
        return ""
    for line in lines:
        if line.startswith("Judul | Title: "):
            return f"“{line.partition(': ')[2]}”"
    if "" in lines and (after := lines[lines.index("") + 1 :]) and after[0].strip():
        return f"“{after[0].strip()}”"
    return ""
