"""The key ring `newsroom verify` checks signatures with: the key the partner trusts, and
the keys the office vouched for in files it signed (verify.py's docstring says which):
rotations followed forward (`newsroom-keys/<ID>.pub.minisig`), the signed list of keys
(`newsroom-keys.txt`), what is revoked, retired (and since when) or forked, and what the
partner should be told of it."""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import unquote

from .canonical import parse_comment
from .keys import CHAIN, LIST, parse_list
from .minisign import PublicKey, Signature, SignatureError

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


def latest(comment: str) -> dt.datetime | None:
    """The latest moment a trusted comment says (a version's publication and supersession,
    a list's time, a rotation's date): what a signature claims it was made at or after."""
    pairs = parse_comment(comment)
    found = [w for k in _DATED if (w := _moment(pairs.get(k, ""))) is not None]
    return max(found, default=None)
