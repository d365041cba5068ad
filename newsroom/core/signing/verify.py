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
import os
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import unquote

from ..versions import RETRACTED
from .canonical import SUPERSEDED, parse_comment
from .keyring import CLOCK_SLACK, SIG, Finding, KeyRing, Untrusted, latest
from .keys import CHAIN, LIST, PUBLIC
from .minisign import PublicKey, Signature, SignatureError
from .sums import OWN, SUMS, SUMS_SIG, parse_sums, sha256_file, walk


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
        until, said = self.ring.until.get(key.id), latest(comment)
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
