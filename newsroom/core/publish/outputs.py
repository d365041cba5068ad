"""What publish hands its plan to: outputs, each with one job, its own state, its own answer.

Publish decides once what is live, what goes live now and at what moment (the `Plan`);
each output turns that into files (or messages), keeps what it needs between runs under
its own name in the run's state, and says what it would change (the dry run's answer).
Adding an output touches no other: write a subclass and list it in `publish.OUTPUTS`.

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

import datetime as dt
import enum
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from ..cache import Cache
from ..config import Config
from ..records import Record
from .golive import GoingLive
from .state import PublishResult


class Stage(enum.IntEnum):
    """When an output does its work in a run (see the module docstring)."""

    FILES = 1
    SEAL = 2
    NOTIFY = 3
    AFTER_LOCK = 4


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


@dataclass
class Staged:
    """A file staged beside its place (`tmp`), to be renamed to `path` with all the others."""

    path: Path
    tmp: Path


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

    def __init__(self, config: Config) -> None:
        self.config = config

    def plan(self, plan: Plan, last: dict[str, Any]) -> None:
        """Decide what to write from the plan and this output's state of the last run."""

    def answer(self, result: PublishResult) -> None:
        """Tell the result what this output changes (also in a dry run)."""

    def stage_files(self, staged: list[Staged], result: PublishResult) -> list[Staged]:
        """FILES and SEAL: write temporaries beside their places (OSError: nothing is
        renamed). A SEAL output is given every file staged before it."""
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
