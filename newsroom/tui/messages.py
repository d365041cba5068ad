"""Messages the TUI's workers and watchers post: plain dataclasses, no behaviour."""

from __future__ import annotations

from dataclasses import dataclass

from textual.message import Message

from ..core.service import Desk, Lease, Newsroom, PublishResult


@dataclass
class DeskLoaded(Message):
    """A fresh desk (from the cached index) and the live leases (None: a partial desk,
    posted while a long first read goes on)."""

    desk: Desk
    leases: dict[str, Lease] | None
    door: Newsroom | None = None  # the worker's that read it (a full desk): where releases live


@dataclass
class FilesChanged(Message):
    """Something under articles/ or a lease changed on disk (CLI, cron, git pull, a colleague)."""


@dataclass
class PublishProgress(Message):
    """A step of a running publish."""

    text: str


@dataclass
class PublishFinished(Message):
    """A publish (or its dry run) ended. `asks`: the signing key's passphrase is to be typed
    (a dry run found the key encrypted and no variable giving it)."""

    result: PublishResult
    asks: bool = False
