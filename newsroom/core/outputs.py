"""What publish hands its plan to: outputs, each with one job, its own state, its own answer.

Publish decides once what is live, what goes live now and at what moment (the `Plan`);
each output turns that into files (or messages), keeps what it needs between runs under
its own name in the run's state, and says what it would change (the dry run's answer).
Adding an output touches no other: write a subclass and list it in `publish.outputs()`.
A run's result (`PublishResult`) is here too: every output adds its answer to it.

Outputs run in stages, because some need others done first:

- FILES: stage files beside where they go (temporaries); every output's files are renamed
  into place together, so partners see a run whole or not at all.
- SEAL: after every FILES output is staged, before the rename: an output that covers what
  was written (a signed list of checksums) reads the staged files.
- NOTIFY: once the files are in place, still under the publish lock (telling a hub).
- AFTER_LOCK: after the lock is released, so a slow server (mail) never makes the next
  cron run "busy".
"""

from __future__ import annotations

import contextlib
import datetime as dt
import enum
import os
import zlib
from collections.abc import Callable, Iterable, Iterator, Mapping
from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path
from typing import TYPE_CHECKING, Any, NamedTuple

from .cache import Cache
from .config import Config
from .errors import NewsroomError, Problem, Said
from .model import Article
from .records import ReadHook, Record

if TYPE_CHECKING:
    from .parallel import Spare

PRIVATE = "private/"  # feeds/private/<partner>/: embargoed feeds, served only with a token


def is_private(path: str) -> bool:
    """A file (relative to feeds/) that only a partner with embargo access may fetch: the
    run's counts name these apart from the public files."""
    return path.startswith(PRIVATE)


def moved_files(feeds: Path, files: dict[str, list[int]]) -> set[str]:
    """Of the files an output owned (`files`: path relative to feeds/ -> [size, mtime]),
    those whose size or mtime is not what the last run left, or that are gone."""
    base = str(feeds) + os.sep  # os.stat on text: pathlib's cost shows with many pages
    moved = set()
    for path, (size, mtime) in files.items():
        try:
            st = os.stat(base + path)
        except OSError:
            moved.add(path)
            continue
        if st.st_size != size or st.st_mtime_ns != mtime:
            moved.add(path)
    return moved


class Stage(enum.IntEnum):
    """When an output does its work in a run (see the module docstring)."""

    FILES = 1
    SEAL = 2
    NOTIFY = 3
    AFTER_LOCK = 4


class GoingLive(NamedTuple):
    """A release this run puts out: as it will be saved, its record, and what it is."""

    article: Article
    record: Record
    kind: str  # "published" (first publication) or "corrected"
    # A correction: the version it supersedes, to keep (versions.py): its file and bytes.
    kept: tuple[Path, bytes] | None = None


@dataclass
class Plan:
    """What publish decided, once, for all outputs."""

    config: Config
    now: dt.datetime
    records: dict[str, Record]  # every release an output may carry now (the held-back left out)
    going_live: list[GoingLive]  # what this run puts out (in `records` as it will be saved)
    cache: Cache  # the content cache (rendered feed content by id and digest)
    cache_key: str
    dry_run: bool
    progress: Callable[[str], None] = lambda _: None
    spare: Spare | None = None  # a second interpreter for one small map (parallel.py)
    # the releases left out of `records` whose files are there (publish refused them: a
    # seal broken, a file that no longer reads): not gone (feeds/held.py)
    held_back: frozenset[str] = frozenset()

    @cached_property
    def live(self) -> dict[str, Record]:
        """The releases out now (live, with a publication), by id: what the public record
        and the signed texts are made of."""
        return {i: r for i, r in self.records.items() if r.live and r.published}


class Staged:
    """A file staged beside its place (`tmp`), to be renamed to `path` with all the others.

    Kept as two strings, the paths made when asked: a first run at 100,000 releases stages
    93,000 pages, and two `Path` objects each held 70 MB (bench_publish.py --n 100000)."""

    __slots__ = ("_path", "_tmp")

    def __init__(self, path: Path | str, tmp: Path | str) -> None:
        self._path, self._tmp = str(path), str(tmp)

    @property
    def path(self) -> Path:
        return Path(self._path)

    @property
    def pair(self) -> tuple[str, str]:
        """(the place, the temporary), as text."""
        return self._path, self._tmp

    @property
    def tmp(self) -> Path:
        return Path(self._tmp)

    def __eq__(self, other: object) -> bool:
        return isinstance(other, Staged) and (self._path, self._tmp) == (other._path, other._tmp)

    def __hash__(self) -> int:
        return hash((self._path, self._tmp))

    def __repr__(self) -> str:
        return f"Staged({self._path!r}, {self._tmp!r})"


class Staging:
    """The files a run staged, in the order staged, kept on disk (the run's marker file,
    .newsroom/staging) instead of in memory: a first run at 100,000 releases stages 283,000
    files, about 570 B each as objects and lists. Each file is its place and its temporary,
    each ended by a NUL (no path holds one). Read back as it is used (iterating gives
    `Staged`, `pairs()` the text pairs `atomic.commit` renames): a SEAL output reads what
    the FILES outputs staged, the rename and the run's list of written files follow it."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self.count = 0
        # surrogateescape: a file name that is not UTF-8 comes back as it went in
        self._file = open(path, "w", encoding="utf-8", errors="surrogateescape", newline="")  # noqa: SIM115

    def add(self, staged: Iterable[Staged]) -> None:
        write = self._file.write
        for s in staged:
            write(f"{s._path}\0{s._tmp}\0")
            self.count += 1

    def __len__(self) -> int:
        return self.count

    def __iter__(self) -> Iterator[Staged]:
        for place, tmp in self.pairs():
            yield Staged(place, tmp)

    def pairs(self) -> _Pairs:
        return _Pairs(self)

    def _read(self) -> Iterator[tuple[str, str]]:
        if not self._file.closed:
            self._file.flush()
        with open(self.path, encoding="utf-8", errors="surrogateescape", newline="") as handle:
            place, rest = None, ""
            while chunk := handle.read(1 << 20):
                fields = (rest + chunk).split("\0")
                rest = fields.pop()
                for text in fields:
                    if place is None:
                        place = text
                    else:
                        yield place, text
                        place = None

    def close(self) -> None:
        """Done staging (it can still be read); `remove` when the run no longer needs it."""
        self._file.close()

    def remove(self) -> None:
        with contextlib.suppress(OSError):  # a full disk: its last lines were not written
            self._file.close()
        self.path.unlink(missing_ok=True)


class _Pairs:
    """A staging's files as (place, temporary) text pairs (atomic.Pairs)."""

    def __init__(self, staging: Staging) -> None:
        self.staging = staging

    def __len__(self) -> int:
        return self.staging.count

    def __iter__(self) -> Iterator[tuple[str, str]]:
        return self.staging._read()


class Paths:
    """The files a run wrote (relative to feeds/): sorted when iterated, held as one text
    in the order they were staged, compressed. A first run at 100,000 releases writes
    283,886 files: their sorted list held ~30 MB through the run's recording, their text
    20.7 MB, compressed 2.7 MB (bench_phases.py: the recording's peak). The count and the
    private ones, which is all the CLI shows, need no list; a log line's few are read as
    the text is unpacked, a piece at a time."""

    __hash__ = None  # type: ignore[assignment]
    _PIECE = 1 << 16

    def __init__(self, paths: Iterable[str] = ()) -> None:
        packer = zlib.compressobj(1)  # (level 1: 132 ms for those 20.7 MB; 6: 558 ms)
        pieces, text = [], bytearray()
        count = private = 0
        for path in paths:
            text += path.encode("utf-8", "surrogateescape")  # (a name not UTF-8 comes
            text += b"\0"  # back as it went in, as from the run's staging file)
            count += 1
            private += path.startswith(PRIVATE)
            if len(text) >= self._PIECE:
                pieces.append(packer.compress(text))
                text.clear()
        pieces += [packer.compress(text), packer.flush()]
        self._packed, self.count, self.private = b"".join(pieces), count, private

    def __iter__(self) -> Iterator[str]:
        return iter(sorted(self.unsorted()))

    def unsorted(self) -> Iterator[str]:
        """Each path, in the order staged (never a list of them all)."""
        unpacker, rest, packed = zlib.decompressobj(), b"", self._packed
        for at in range(0, len(packed), self._PIECE):
            names = (rest + unpacker.decompress(packed[at : at + self._PIECE])).split(b"\0")
            rest = names.pop()
            for name in names:
                yield name.decode("utf-8", "surrogateescape")
        for name in (rest + unpacker.flush()).split(b"\0")[:-1]:
            yield name.decode("utf-8", "surrogateescape")

    def __len__(self) -> int:
        return self.count

    def __contains__(self, path: object) -> bool:
        return isinstance(path, str) and any(p == path for p in self.unsorted())

    def __eq__(self, other: object) -> bool:
        if isinstance(other, Paths):
            return self.count == other.count and list(self) == list(other)
        if isinstance(other, list | tuple):
            return self.count == len(other) and list(self) == list(other)
        return NotImplemented

    def __repr__(self) -> str:
        return f"Paths({list(self)!r})"


@dataclass
class Written:
    """What an output leaves for the run to record: the files it owns as written (relative
    to feeds/: size and mtime, so a run with nothing to do can tell nothing moved)."""

    files: dict[str, list[int]] = field(default_factory=dict)
    removed: list[str] = field(default_factory=list)


class Output:
    """One output of publish (see the module docstring). Subclasses set `name` and
    `stage` and override what they use."""

    name = ""
    stage = Stage.FILES
    spare: tuple[str, ...] = ()  # modules to import on the run's spare (`begin` uses it)

    def __init__(self, config: Config) -> None:
        self.config = config

    def prepare(self, dry_run: bool) -> None:
        """Before the lock is taken: whatever needs a person (a passphrase typed) or
        refuses the whole run (raise NewsroomError: nothing is published, the run fails
        saying why). Called only when the run has work."""

    def reader(self, cache_key: str, last: dict[str, Any]) -> ReadHook | None:
        """Work to do on each release as the run reads it (records.ReadHook), on the
        reading cores, while its file is in hand; None (the default): none. Asked before
        the files are read, in a run that writes (not a dry run); `last` as for `plan`."""
        return None

    def read(self, value: Any) -> None:
        """What this output's `reader` hook made of one release, as the files are read."""

    def plan(self, plan: Plan, last: dict[str, Any]) -> None:
        """Decide what to write from the plan and this output's state of the last run:
        what `state` returned then, `files` (what it owned: path -> [size, mtime]; empty
        when the last run's record is lost), and `look`: False when changed article files
        started the run and the last look is recent (publish/run.py: LOOK_EVERY), so an
        output with many files may take them as `files` says (pages do). A run with
        nothing to do has already looked at every file, and a moved one made it run."""

    def answer(self, result: PublishResult) -> None:
        """Tell the result what this output changes (also in a dry run). A dry run's answer
        names the files the run would write (`to_write`) and remove (`to_remove`), as the
        run would find them: the preview is what the run then does (where it can only say
        "at most", `to_write_unchecked`)."""

    def begin(self) -> bool:
        """FILES: whether this output staged on the run's spare interpreter (`Plan.spare`,
        started when an output names modules in `spare`; handed its work in `plan` or
        here): its `stage_files` is then called after the other outputs', to collect it.
        Called for every output of the stage before any stages."""
        return False

    def stage_files(self, staged: Iterable[Staged], result: PublishResult) -> Iterable[Staged]:
        """FILES and SEAL: write temporaries beside their places (OSError: nothing is
        renamed). Given every file staged before it (a `Staging`: read from disk as it is
        iterated, as often as needed): a SEAL output covers them. A FILES output may yield
        them as it stages them (a generator): the run writes each to its `Staging` at once,
        so an output with a file per release never holds their list (a SEAL output's are
        taken whole before they are added: it reads the staging)."""
        return []

    def placed(self, result: PublishResult) -> Written:
        """The files are in place: what this output owns now (and what it removed)."""
        return Written()

    def notify(self, result: PublishResult) -> None:
        """NOTIFY and AFTER_LOCK: tell others (failures are reported, never fatal)."""

    def state(self, written: bool) -> dict[str, Any]:
        """What to keep for the next run (`written`: False when the run wrote nothing). The
        run adds `files`, what `placed` said this output owns."""
        return {}

    def next_event(self, plan: Plan) -> dt.datetime | None:
        """The next moment this output's files change by the clock alone, if any."""
        return None

    def close(self) -> None:
        """Let go of what it holds open (its SQLite stores), once the run is over, written
        or not (a dry run too): publish ends with `os._exit`, and the desk runs many
        publishes in one process; a store left open kept its write-ahead log, which grew."""


@dataclass
class FeedChange:
    """What a subscription document gains, changes and loses in this run (by title)."""

    path: str
    gained: list[str] = field(default_factory=list)
    changed: list[str] = field(default_factory=list)
    lost: list[str] = field(default_factory=list)


@dataclass
class Move:
    """One release's way through this run: what happens to it in the feeds, and where.

    `kind`: published (its first publication), corrected (an approved correction goes
    out), retracted (the feeds carry its retraction), held (embargoed until `until`; feeds
    with embargo access get it early), withdrawn (partners held it under embargo: it leaves
    these feeds, and a notice that it was withdrawn goes in), changed (it changes in these
    feeds), gone (it
    leaves these feeds), notice_gone (a notice item of it leaves these feeds: `notice` says
    which, a correction's with its `correction` number; corrected: the number of the
    correction going out). `release_number`: the number a
    person knows the release by (given by this run, for one published now), on every kind.
    `feeds`: the subscription documents it reaches, in plan order."""

    id: str
    title: str
    kind: str
    feeds: list[str] = field(default_factory=list)
    until: dt.datetime | None = None
    notice: str = ""  # a notice's event: correction, retraction, embargo_lifted, embargo_moved
    correction: int = 0  # the correction (or move of the embargo) its notice announced
    release_number: str = ""


@dataclass
class Refusal:
    """A release publish did not put out, and why. `withheld`: kept out of every feed (its
    live text cannot be trusted); otherwise only its new version waits (the last published
    version stays in the feeds)."""

    id: str
    title: str
    path: str
    code: str
    reason: str
    withheld: bool
    facts: dict[str, str] = field(default_factory=dict)  # what `seal.<code>` names


@dataclass
class Ping:
    """One hub's ping in a run. `outcome`: sent, failed (tried again on the next run),
    given_up (failed every run it was allowed; websub.py), would (a dry run)."""

    hub: str
    urls: list[str]
    outcome: str
    reason: str = ""
    attempts: int = 1

    def to_json(self) -> dict[str, Any]:
        return {k: v for k, v in vars(self).items() if v or k == "urls"}


@dataclass
class PublishResult:
    """What a run did; `ok` is False when a release could not be published or a file is broken."""

    now: dt.datetime
    actor: str
    dry_run: bool = False
    busy: bool = False
    skipped: bool = False
    published: list[dict[str, str]] = field(default_factory=list)
    refused: list[Refusal] = field(default_factory=list)
    # why a release did not go out, or the run stopped (English: logs, scripts, the state):
    # a line made with its code and facts (`fail`, `fail_with`, `Said`) is worded by them in
    # the person's language (explain.failure_text: `failed.<code>`, naming its file)
    failed: list[str] = field(default_factory=list)
    # the run refused before it began (`[signing] required` and no key): the error's code,
    # facts and English text (one of `failed`), for the faces to word it
    stopped: dict[str, str] = field(default_factory=dict)
    problems: list[Problem] = field(default_factory=list)
    written: Paths = field(default_factory=Paths)  # sorted when iterated
    removed: list[str] = field(default_factory=list)
    documents: int = 0  # every file the outputs own after the run (the private ones too)
    private_documents: int = 0  # of them, under private/ (partners' embargoed feeds)
    changes: list[FeedChange] = field(default_factory=list)
    moves: list[Move] = field(default_factory=list)  # each release once, with its feeds
    # a preview's (dry run's): the files the run would (re)write. A run lists what it wrote
    # in `written`; its outputs list nothing here (283,886 paths held ~40 MB at the peak of
    # a first publish at 100,000: bench_phases.py, 344 -> 305 MB)
    to_write: list[str] = field(default_factory=list)
    # a dry run with no record here of what the last run wrote (a fresh clone, a new server)
    # while files are in feeds/: `to_write` is what it would make, of which the real run
    # leaves alone those already as they would be
    to_write_at_most: bool = False
    # a dry run that named files without comparing their bytes with those there (more than
    # it builds to compare: feeds' DRY_BUILD, pages' DRY_LOOK): at most these are written
    to_write_unchecked: bool = False
    to_remove: list[str] = field(default_factory=list)  # a dry run's: the files it would remove
    # a dry run's: messages to the [[lists]] waiting after an error, which a run (even one
    # with nothing to publish) tries again to send
    mail_waiting: int = 0
    # what the person should know the run could not do, though it did its work (English:
    # logs, scripts): a line made with its code and facts (`warn`, `Said`) is worded by
    # them in the person's language (explain.warning_text: `warned.<code>`)
    warnings: list[str] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)  # what a person should know (stock taken)
    noted: list[tuple[str, int]] = field(default_factory=list)  # the same as (code, count)
    failures: int = 0  # runs in a row that did not succeed, this one included
    pings: list[Ping] = field(default_factory=list)  # WebSub hubs told (or to tell) of this run
    # mail (core/mail/): what each release version owes the lists this run (no address), and
    # what the sending after the lock did: counts by outcome (sent, failed, waiting, resent)
    mail: list[dict[str, Any]] = field(default_factory=list)
    mailed: dict[str, int] = field(default_factory=dict)
    # (action, path) of each release file this run rewrote: publish, adopt (with [git] on,
    # the door commits each as the publishing identity's)
    saved: list[tuple[str, str]] = field(default_factory=list)
    signed: str = ""  # the id of the key this run's files are signed with ("": unsigned)
    unsigned: str = ""  # why this run is unsigned (a code), when there is a SEAL output
    # ...and, when the newsroom has a key this run could not use, the error's facts (the
    # signatures partners check go until a run with the key: the faces say so)
    unsigned_why: dict[str, str] = field(default_factory=dict)

    @property
    def ok(self) -> bool:
        return not self.failed and not self.problems and not self.refused

    def fail(
        self, text: str, code: str, because: Mapping[str, str] | None = None, **facts: object
    ) -> None:
        """A line of `failed` (English: logs, scripts, the state), with the code and facts
        the faces word it by in the person's language (`failed.<code>`: its file, number,
        how to fix it), and the error behind it (`because`, errors.cause: its `reason`)."""
        self.failed.append(Said(text, code, because, **facts))

    def warn(
        self, text: str, code: str, because: Mapping[str, str] | None = None, **facts: object
    ) -> None:
        """A line of `warnings` (English: logs, scripts, JSON), with the code and facts the
        faces word it by in the person's language (`warned.<code>`: its file, what to do),
        and the error behind it (`because`, errors.cause: its `reason`)."""
        self.warnings.append(Said(text, code, because, **facts))

    def fail_with(self, error: NewsroomError) -> None:
        """An error that stopped the run, as a line of `failed` (worded by its code when it
        has one: `failed.<code>`, else `error.<code>`)."""
        said = Said.of(str(error), error.code, error.facts) if error.code else str(error)
        self.failed.append(said)

    def _zoned(self, when: dt.datetime | None) -> str | None:
        """A time in the run's zone, as `time` is (None stays None)."""
        return when.astimezone(self.now.tzinfo).isoformat() if when else None

    def to_json(self) -> dict[str, Any]:
        return {
            "time": self.now.isoformat(),
            "actor": self.actor,
            "dry_run": self.dry_run,
            "busy": self.busy,
            "nothing_changed": self.skipped,
            "ok": self.ok,
            "published": self.published,
            "refused": [vars(r) for r in self.refused],
            "failed": self.failed,
            "problems": [str(p) for p in self.problems],
            "written": list(self.written),
            "removed": self.removed,
            "documents": self.documents,
            "private_documents": self.private_documents,
            "changes": [vars(c) for c in self.changes if c.gained or c.changed or c.lost],
            "releases": [{**vars(m), "until": self._zoned(m.until)} for m in self.moves],
            "to_write": self.to_write,
            "to_write_at_most": self.to_write_at_most or self.to_write_unchecked,
            "to_remove": self.to_remove,
            "warnings": self.warnings,
            "notes": self.notes,
            "websub": [p.to_json() for p in self.pings],
            "signed": self.signed or None,
            "unsigned": self.unsigned or None,
            "unsigned_why": self.unsigned_why.get("text") or None,
            "mail": self.mail,
            "mailed": self.mailed,
        }
