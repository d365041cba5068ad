"""The signed text of each published version: `siaran-pers/<slug>/v<N>.txt` and its
`v<N>.txt.minisig`, so a journalist can check one release on its own with stock minisign:

    minisign -Vm v2.txt -p newsroom.pub

The text is the version's canonical plain-text form (number, id, version, status, time in
the office's zone, title, dateline, body, sign-off, the SHA-256 of each attachment; a
correction's note; a klarifikasi's denied numbers), the same bytes for ever: a copy a
journalist kept still matches. What changes is the signature's *trusted comment*, signed
again whenever the version's standing changes:

    id=<id> version=<N> number=<number> status=<current|superseded|retracted> published=<time>

so an old version cannot pass for the current one, nor a retracted one for valid: the
signature file beside the text always says how the office stands by it now.

After a retraction, the texts of the earlier versions leave the public record (as their
pages' text does, versions.py); their signatures stay, signed again with
`status=retracted`, and the retraction's own notice `v<N+1>.txt` (title, time, reason,
"versions 1..N are void") is signed with the same key.

Incremental: what each release's files were made from is kept in
`.newsroom/signed-texts.sqlite` (read only when a run has work); only releases whose record
moved (or all, with a new key) are read and signed again. An unsigned run (the newsroom's
key set up, its secret not found) writes no text but keeps the store: it removes the texts
and signatures a signed run would now change (a correction gone out: its v1 would still say
current), marks them for the next signed run, and leaves the others, still true.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import sqlite3
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

from ..atomic import remove_empty_folders, stage
from ..config import Config
from ..errors import NewsroomError, cause
from ..outputs import GoingLive, Plan, PublishResult, Staged
from ..records import Record, reread
from ..store import Store
from ..versions import RETRACTED, versions
from .canonical import CURRENT, SUPERSEDED, canonical_text, text_path, trusted_comment
from .minisign import PublicKey, SecretKey, Signature, SignatureError

FORMAT = 1
STATE = "signed-texts.sqlite"
# ---------------------------------------------------------------- the output's part


@dataclass
class Want:
    """One release's files as this run wants them: path -> (bytes to sign or to write)."""

    texts: dict[str, bytes] = field(default_factory=dict)  # published text files
    signatures: dict[str, tuple[bytes, str]] = field(default_factory=dict)  # sig -> text, comment


class TextStore:
    """What each release's signed texts were made from and which files they are, in
    `.newsroom/signed-texts.sqlite`: a run reads the fingerprints (one small query) and
    writes back only the rows of releases it signed again. Losing it costs one long run
    (every release signed again; unchanged bytes are not rewritten), never a wrong file."""

    def __init__(self, config: Config) -> None:
        self.path = config.state_dir / STATE
        self.db: sqlite3.Connection | None = None

    def open(self) -> sqlite3.Connection:
        if self.db is None:
            try:
                self.path.parent.mkdir(parents=True, exist_ok=True)
                self.db = sqlite3.connect(self.path, isolation_level=None, timeout=30)
                self.db.execute("PRAGMA journal_mode=WAL")  # a commit lost to a power cut:
                self.db.execute("PRAGMA synchronous=NORMAL")  # those releases signed again
                self.db.executescript(_SCHEMA)
            except sqlite3.Error:  # unreadable: start again
                for suffix in ("", "-wal", "-shm"):
                    self.path.with_name(self.path.name + suffix).unlink(missing_ok=True)
                self.db = sqlite3.connect(self.path, isolation_level=None, timeout=30)
                self.db.executescript(_SCHEMA)
        return self.db

    def basis(self) -> str:
        found = self.open().execute("SELECT value FROM meta WHERE key = 'basis'").fetchone()
        return str(found[0]) if found else ""

    def fingerprints(self, buckets: Iterable[str] | None = None) -> dict[str, str]:
        """Every release's fingerprint, or those of the releases in `buckets` (the first
        two characters of their id): a range of the key each, read in its order."""
        db = self.open()
        if buckets is None:
            return dict(db.execute("SELECT id, fp FROM texts"))
        found: dict[str, str] = {}
        for b in buckets:
            rows = db.execute("SELECT id, fp FROM texts WHERE id >= ? AND id < ?",
                              (b, b + "\U0010ffff"))  # fmt: skip
            found.update((i, fp) for i, fp in rows if i[:2] == b)
        return found

    def buckets(self) -> dict[str, str] | None:
        """The digest of each bucket's rows, as the last run left them (None: unknown)."""
        found = self.open().execute("SELECT value FROM meta WHERE key = 'buckets'").fetchone()
        try:
            value = json.loads(found[0]) if found else None
        except ValueError:
            return None
        return value if isinstance(value, dict) else None

    def rows(self, ids: list[str]) -> dict[str, tuple[str, list[str]]]:
        """(path, files) of these releases."""
        found: dict[str, tuple[str, list[str]]] = {}
        for at in range(0, len(ids), 500):
            chunk = ids[at : at + 500]
            query = f"SELECT id, path, files FROM texts WHERE id IN ({','.join('?' * len(chunk))})"
            for ident, path, files in self.open().execute(query, chunk):
                found[ident] = (path, files.split("\n") if files else [])
        return found

    def every_file(self) -> list[str]:
        if not self.path.exists():
            return []
        try:
            rows = self.open().execute("SELECT files FROM texts").fetchall()
        except sqlite3.Error:
            return []
        return [f for (files,) in rows if files for f in files.split("\n")]

    def save(
        self,
        basis: str,
        rows: dict[str, tuple[str, str, list[str]]],
        gone: list[str],
        buckets: dict[str, str] | None,
    ) -> None:
        db = self.open()
        with contextlib.suppress(sqlite3.Error):  # a lost row costs a release signed again
            db.execute("BEGIN")
            db.executemany("DELETE FROM texts WHERE id = ?", [(i,) for i in gone])
            db.executemany("INSERT OR REPLACE INTO texts VALUES (?, ?, ?, ?)",
                           [(i, fp, path, "\n".join(files))
                            for i, (fp, path, files) in rows.items()])  # fmt: skip
            db.execute("INSERT OR REPLACE INTO meta VALUES ('basis', ?)", (basis,))
            if buckets is None:
                db.execute("DELETE FROM meta WHERE key = 'buckets'")
            else:
                db.execute("INSERT OR REPLACE INTO meta VALUES ('buckets', ?)",
                           (json.dumps(buckets, sort_keys=True),))  # fmt: skip
            db.execute("COMMIT")

    def close(self) -> None:  # at a run's end (it ends with os._exit: the WAL grew unbounded)
        if self.db is not None:
            self.db.close()
            self.db = None

    def forget(self) -> None:
        self.close()
        for suffix in ("", "-wal", "-shm"):
            self.path.with_name(self.path.name + suffix).unlink(missing_ok=True)


_SCHEMA = """
CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT);
CREATE TABLE IF NOT EXISTS texts (id TEXT PRIMARY KEY, fp TEXT, path TEXT, files TEXT);
-- the buckets' digests hold for the rows as this program left them: any other change of a
-- row (a program of before the buckets, a hand) drops them, and the next run compares all
CREATE TRIGGER IF NOT EXISTS texts_insert AFTER INSERT ON texts
    BEGIN DELETE FROM meta WHERE key = 'buckets'; END;
CREATE TRIGGER IF NOT EXISTS texts_update AFTER UPDATE ON texts
    BEGIN DELETE FROM meta WHERE key = 'buckets'; END;
CREATE TRIGGER IF NOT EXISTS texts_delete AFTER DELETE ON texts
    BEGIN DELETE FROM meta WHERE key = 'buckets'; END;
"""


class SignedTexts:
    """The signed texts' share of the SEAL output (signing/output.py holds the key)."""

    def __init__(self, config: Config) -> None:
        self.config = config
        self.store = TextStore(config)
        self.live: dict[str, Record] = {}
        self.files = 0  # how many files the live releases' signed texts are
        self.changed: list[str] = []
        self.vanished: list[str] = []
        self.plan_: Plan | None = None
        self.removed: list[str] = []
        self.rows: dict[str, tuple[str, str, list[str]]] = {}  # id -> (fp, path, files)
        self.gone: list[str] = []
        self.old: dict[str, str] = {}  # id -> fingerprint in the store, of the buckets looked at
        self.looked: set[str] | None = None  # the buckets looked at (None: every one)
        self.known: dict[str, str] | None = None  # the store's bucket digests before the run

    def basis(self, key_id: str) -> str:
        """What every text and signature is made with: the key, the office's name, address
        and zone (another one: every release is signed again)."""
        c = self.config
        return "\x1f".join((str(FORMAT), key_id, c.title, c.feeds_base, c.timezone))

    def plan(self, plan: Plan, key_id: str) -> None:
        """Which releases' texts are made again: those whose record moved since the last run
        (every one with another key).

        The store keeps, beside each release's fingerprint, a digest of the fingerprints of
        each bucket of releases (by the first two characters of their id: 256 buckets of
        uuids). A run sums up the live releases the same way and reads and compares only
        the releases of the buckets whose digest moved: after one approval at 10,000
        releases, one bucket of ~40 rows instead of 9,300 (the plan 13 → 10 ms of CPU on a
        loaded machine; what is left is the one pass that makes every live release's
        fingerprint, which a per-run set of the releases read again would spare)."""
        self.plan_ = plan
        self.live = plan.live
        same = self.store.basis() == self.basis(key_id)
        groups, self.files = _groups(self.live)
        self.known = self.store.buckets() if same else None
        if self.known is None:
            self.looked = None
            self.old = self.store.fingerprints()
            candidates: Iterable[str] = self.live
        else:
            self.looked = {b for b in groups.keys() | self.known.keys()
                           if self.known.get(b) != _digest(groups.get(b, {}))}  # fmt: skip
            self.old = self.store.fingerprints(sorted(self.looked))
            candidates = [i for b in sorted(self.looked) for i in groups.get(b, {})]
        self.changed = [
            i for i in candidates if not same or self.old.get(i) != groups[i[:2]][i]
        ]  # fmt: skip
        self.vanished = [i for i in self.old if i not in self.live]

    def count(self) -> int:
        """How many files the signed texts are (counted by `plan`, in its one pass)."""
        return self.files

    def stage(self, key: SecretKey, result: PublishResult) -> list[Staged]:
        """Sign the changed releases' versions; stage what differs from feeds/."""
        assert self.plan_ is not None
        feeds = self.config.feeds_dir
        before = self._before(result)
        going = {g.article.id: g for g in self.plan_.going_live}
        out: list[Staged] = []
        store = Store(self.config)
        if self.changed:
            self.plan_.progress(f"signing the texts of {len(self.changed)} release(s)")
        for ident in self.changed:
            record = self.live[ident]
            try:
                want = self._want(store, record, going.get(ident))
            except NewsroomError as exc:
                result.fail(f"{record.path}: its signed texts were not written: {exc} (the "
                            "next run tries again)", "signed_not_written", cause(exc),
                            path=record.path)  # fmt: skip
                # a row that matches no release: looked at again next run, whatever made
                # this one sign anew (a new key too: no text stays signed by a revoked one)
                self.rows[ident] = (FAILED, record.path, before.get(ident, ("", []))[1])
                continue
            files = sorted({*want.texts, *want.signatures})
            self.removed += [f for f in before.get(ident, ("", []))[1] if f not in files]
            for rel, data in want.texts.items():
                tmp = stage(feeds / rel, data)
                if tmp is not None:
                    out.append(Staged(feeds / rel, tmp))
            for rel, (data, comment) in want.signatures.items():
                signature = key.sign(data, comment, f"signed by newsroom key {key.id}")
                tmp = stage(feeds / rel, signature.text().encode("utf-8"))
                if tmp is not None:
                    out.append(Staged(feeds / rel, tmp))
            self.rows[ident] = (_fingerprint(record), record.path, files)
        return out

    def _before(self, result: PublishResult) -> dict[str, tuple[str, list[str]]]:
        """The stored rows of the releases that changed or left, the files of those that
        left going (`removed`), but not of one held back: its files stay as they are."""
        withheld = {r.id for r in result.refused if r.withheld}
        broken = {str(p.path) for p in result.problems}
        before = self.store.rows([*self.vanished, *self.changed])
        for ident in self.vanished:
            path, files = before.get(ident, ("", []))
            if ident in withheld or path in broken:
                continue
            self.removed += files
            self.gone.append(ident)
        return before

    def unsign(self, result: PublishResult, public: PublicKey) -> list[str]:
        """An unsigned run, the newsroom's key set up (`plan` made): of the releases whose
        record moved, those whose files are no longer what a signed run would make (a
        correction gone out: its v1 would still say current) go, and their rows are marked
        FAILED, so the next signed run signs them again; the rest stay, still true (a
        correction only started moves the record, not what partners have). Returns the
        files removed."""
        before = self._before(result)
        assert self.plan_ is not None
        going = {g.article.id: g for g in self.plan_.going_live}
        store, same = Store(self.config), self.known is not None  # (another basis: all go)
        for ident in self.changed:
            if ident not in before:
                continue
            files = before[ident][1]
            if same and self._still_true(store, public, ident, files, going.get(ident)):
                continue  # its row stays: the next signed run finds the same bytes
            self.removed += files
            self.rows[ident] = (FAILED, self.live[ident].path, [])
        return self.removed

    def _still_true(
        self, store: Store, public: PublicKey, ident: str, files: list[str],
        going: GoingLive | None,
    ) -> bool:  # fmt: skip
        """Whether a release's files are what a signed run would make now: the same files,
        each as a signed run would leave it (`_differs`)."""
        try:
            want = self._want(store, self.live[ident], going)
        except NewsroomError:
            return False
        if sorted({*want.texts, *want.signatures}) != sorted(files):
            return False
        return not self._differs(want, public)

    def preview(self, public: PublicKey, result: PublishResult) -> tuple[list[str], list[str]]:
        """A dry run's answer: the files a signed run writes for the releases whose record
        moved (`plan`), as `stage` finds them: every version's, so a superseded version
        signed again, or a text an unsigned run took out, is named too; and the files it
        removes (a retraction's withdrawn texts, a release gone), as `stage` and `remove`."""
        assert self.plan_ is not None
        going = {g.article.id: g for g in self.plan_.going_live}
        store, out = Store(self.config), []
        before = self._before(result)  # (the files of the releases gone: `removed`)
        for ident in self.changed:
            try:
                want = self._want(store, self.live[ident], going.get(ident))
            except NewsroomError:
                continue  # (the real run reports it, and writes none of its files)
            out += self._differs(want, public)
            files = {*want.texts, *want.signatures}
            self.removed += [f for f in before.get(ident, ("", []))[1] if f not in files]
        return out, self.there(self.removed)

    def there(self, paths: list[str]) -> list[str]:
        """Of `paths`, those in feeds/ (what `remove` would remove)."""
        feeds = self.config.feeds_dir
        return [rel for rel in paths if (feeds / rel).exists()]

    def _differs(self, want: Want, public: PublicKey) -> list[str]:
        """The files of `want` a signed run would write: a text not there with its bytes,
        a signature that does not check with the newsroom's key over the text it would sign
        or says something else (Ed25519 signs alike: the run would write the same)."""
        feeds = self.config.feeds_dir
        out = []
        for rel, data in want.texts.items():
            try:
                if (feeds / rel).read_bytes() != data:
                    out.append(rel)
            except OSError:
                out.append(rel)
        for rel, (data, comment) in want.signatures.items():
            try:
                signature = Signature.parse((feeds / rel).read_text("utf-8"))
                if public.verify(data, signature) != comment:
                    out.append(rel)
            except (OSError, ValueError, SignatureError):  # (UnicodeDecodeError: ValueError)
                out.append(rel)
        return out

    def _want(self, store: Store, record: Record, going: GoingLive | None) -> Want:
        """The files of one release: each version's text and signature."""
        held = record.problem is not None  # (only as it was read: records.reread)
        article = going.article if going is not None else reread(
            self.config, record.path, record.id, record.digest, held)  # fmt: skip
        public = versions(self.config, article)
        retracted = bool(public) and public[-1].status == RETRACTED
        full = versions(self.config, article, public=False) if retracted else public
        if going is not None and going.kind != "published" and len(full) > 1:
            # a correction going live now: the version it supersedes is kept only once the
            # run has stamped the file; its text is the one the file still has
            before = versions(self.config, store.load(self.config.root / record.path),
                              public=False)  # fmt: skip
            texts = {v.version: v for v in before if v.kept}
            full = [
                texts[v.version]._replace(superseded_at=v.superseded_at)
                if not v.kept and v.version in texts else v
                for v in full
            ]  # fmt: skip
        want = Want()
        published = [v for v in full if v.status != RETRACTED]
        for v in published:
            if not v.kept:
                continue  # published before versions were kept: its text is gone
            data = canonical_text(self.config, v)
            rel = text_path(record.slug, v.version)
            if retracted:
                status = RETRACTED
            else:
                status = CURRENT if v is published[-1] else SUPERSEDED
                want.texts[rel] = data
            want.signatures[rel + ".minisig"] = (data, trusted_comment(self.config, v, status))
        if retracted:
            marker = full[-1]
            data = canonical_text(self.config, marker, len(published))
            rel = text_path(record.slug, marker.version)
            want.texts[rel] = data
            want.signatures[rel + ".minisig"] = (
                data, trusted_comment(self.config, marker, RETRACTED)
            )  # fmt: skip
        return want

    def drop_all(self) -> list[str]:
        """An unsigned run: every text and signature an earlier signed run left goes."""
        return self.store.every_file()

    def remove(self, feeds: Path, paths: list[str]) -> list[str]:
        """Remove `paths` (relative to feeds/) and folders they leave empty; returns them."""
        done = []
        for rel in paths:
            target = feeds / rel
            try:
                target.unlink()
            except FileNotFoundError:
                continue
            done.append(rel)
            remove_empty_folders(target.parent, feeds)
        return done

    def save(self, key_id: str) -> None:
        self.store.save(self.basis(key_id), self.rows, self.gone, self._buckets_after())

    def _buckets_after(self) -> dict[str, str]:
        """The store's bucket digests once this run's rows are in: the buckets looked at
        summed up again from their rows as stored now (a release whose texts failed has the
        row FAILED, and is looked at again next run), the others as they were."""
        gone = set(self.gone)
        rows = {i: fp for i, fp in self.old.items() if i not in gone}
        rows.update((i, fp) for i, (fp, _, _) in self.rows.items())
        groups = _groups_of(rows)
        kept = {} if self.looked is None or self.known is None else {
            b: d for b, d in self.known.items() if b not in self.looked
        }  # fmt: skip
        kept.update((b, _digest(g)) for b, g in groups.items())
        return kept

    def forget(self) -> None:
        self.store.forget()


def _groups(live: dict[str, Record]) -> tuple[dict[str, dict[str, str]], int]:
    """The live releases' fingerprints by bucket (the first two characters of the id), and
    how many files their signed texts are: a text and a signature per version; after a
    retraction, the signatures and the notice's two files. One pass over 9,300 records (at
    10,000 releases) in every signed run."""
    groups: dict[str, dict[str, str]] = {}
    files = 0
    for i, r in live.items():
        group = groups.get(i[:2])
        if group is None:
            group = groups[i[:2]] = {}
        group[i] = _fingerprint(r)
        n = len(r.corrected)
        files += n + 3 if r.retracted_at else 2 * n + 2
    return groups, files


def _groups_of(fps: dict[str, str]) -> dict[str, dict[str, str]]:
    groups: dict[str, dict[str, str]] = {}
    for i, fp in fps.items():
        groups.setdefault(i[:2], {})[i] = fp
    return groups


def _digest(group: dict[str, str]) -> str:
    """One bucket's fingerprints summed up (its ids in order)."""
    ids = sorted(group)
    text = "\n".join(ids) + "\x1e" + "\n".join(map(group.__getitem__, ids))
    return hashlib.sha256(text.encode("utf-8")).hexdigest()[:32]


FAILED = "failed"  # the fingerprint of a release whose texts could not be made


def _fingerprint(r: Record) -> str:
    """What a release's signed texts are made from, as its record shows it: its live text
    (the digest), its standing, how many versions, its address and number."""
    return f"{r.digest}:{r.status}:{len(r.corrected)}:{r.slug}:{r.number}"
