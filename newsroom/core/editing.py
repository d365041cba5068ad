"""One person editing one release: the desk's editor and `newsroom edit` go through this.

Opening asks the workflow whether the release may be edited and takes its lease (someone
else's live lease refuses, unless taken over on purpose). The text as it was read is
remembered, so a save never overwrites a change made meanwhile (another editor, git pull,
publish): `ConflictError`, and the person chooses. `$EDITOR` is run without a shell on a
temporary copy, and its text comes back only if it changes no field the workflow owns.
Text that cannot be saved is kept in `.newsroom/unsaved/`, never lost.
"""

from __future__ import annotations

import datetime as dt
import difflib
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Protocol

from . import fileformat
from .config import Config
from .errors import NewsroomError
from .lease import RENEW_SECONDS as RENEW_SECONDS
from .model import Article
from .store import digest


class Door(Protocol):
    """What a session needs of the newsroom (service.Newsroom is one)."""

    config: Config
    actor: str

    def now(self) -> dt.datetime: ...
    def find(self, ref: str) -> Article: ...
    def may_act(self, action: str) -> None: ...
    def save_new(self, article: Article) -> Article: ...
    def save_edit(self, article: Article) -> bool: ...
    def keep_unsaved(self, slug: str, text: str) -> Path: ...
    def read_hand_edit(self, article: Article, text: str, shown: Path | None = None) -> Article: ...


class EditSession:
    """One person's edit of one release (see the module docstring)."""

    def __init__(self, newsroom: Door, article: Article, *, new: bool = False) -> None:
        self.newsroom = newsroom
        self.article = article  # as last read or saved
        self.new = new  # not written yet: the first save writes it (abandoned: nothing)
        self.seen = article.source.digest if article.source else ""
        self.lost = False  # someone else took the lease over
        self.taker = ""  # who did (their key), as the lease said when it was lost

    @classmethod
    def open(cls, newsroom: Door, ref: str, *, take_over: bool = False) -> EditSession:
        """Edit a release: Refused when the workflow does not allow it, LeaseHeld when
        someone else is editing it (unless `take_over`, which they are told of)."""
        from .lease import acquire
        from .workflow import decide, refusal

        article = newsroom.find(ref)
        decision = decide(article, "edit", newsroom.actor, newsroom.config, newsroom.now())
        if not decision.allowed:  # said before any work is done, not at the save
            raise refusal(decision, article)
        newsroom.may_act("edit")
        acquire(newsroom.config, article.id, newsroom.actor, newsroom.now(), take_over=take_over)
        return cls(newsroom, article)

    @property
    def path(self) -> Path | None:
        """The file on disk (None before a new release's first save)."""
        if self.article.path is None:
            return None
        return self.newsroom.config.root / self.article.path

    def reload(self) -> Article:
        """The release as its file is now (what another person saved)."""
        self.article = self.newsroom.find(self.article.id)
        self.seen = self.article.source.digest if self.article.source else ""
        return self.article

    def copy(self) -> Article:
        """A working copy of the release as last read (the session's is untouched)."""
        return fileformat.parse(fileformat.dump(self.article), Path("x"), self.newsroom.config.tz)

    def current(self) -> Article:
        """The release as its file is now, to put a form into: "keep mine" keeps what this
        person typed and still what others added meanwhile (comments, history)."""
        return self.article if self.new else self.newsroom.find(self.article.id)

    # ------------------------------------------------------------ saving

    def save(self, article: Article, *, keep_mine: bool = False) -> Article:
        """Save the person's version: ConflictError if the file changed since it was read
        (unless they chose to keep theirs), LeaseHeld if someone took the release over."""
        if self.new:
            self.newsroom.save_new(article)
            self.new = False
            self.renew()
        else:
            if not keep_mine and self.article.source is not None:
                article.source = self.article.source  # refuse if the file moved meanwhile
            self.newsroom.save_edit(article)
        self.article = article
        self.seen = article.source.digest if article.source else ""
        return article

    def keep_unsaved(self, text: str) -> Path:
        """Keep text that could not be saved in `.newsroom/unsaved/` (the next start says)."""
        return self.newsroom.keep_unsaved(self.article.slug, text)

    # ------------------------------------------------------------ the disk and the lease

    def changed_on_disk(self) -> bool:
        """True once when the file changed since it was read or saved (then it is taken as
        seen: the person is asked once)."""
        path = self.path
        if self.new or path is None:
            return False
        try:
            now = digest(path.read_bytes())
        except OSError:
            return False
        if now == self.seen:
            return False
        self.seen = now
        return True

    def taken_by(self) -> str:
        """Who took the editing of this release over from this person (their key, from the
        lease: this machine's file or another office's record), or "" when nobody did."""
        from .lease import current

        if self.new:
            return ""
        held = current(self.newsroom.config, self.article.id, self.newsroom.now())
        if held is not None and held.holder != self.newsroom.actor:
            return held.holder
        return self.taker

    def difference(self, mine: Article) -> str:
        """The file on disk against the person's version, as a unified diff."""
        path = self.path
        theirs = path.read_text(encoding="utf-8") if path is not None and path.exists() else ""
        ours = fileformat.dump(mine)
        lines = difflib.unified_diff(
            theirs.splitlines(True), ours.splitlines(True), "theirs (on disk)", "mine"
        )
        return "".join(lines)

    def renew(self) -> None:
        """Hold the lease a while longer (every RENEW_SECONDS); LeaseHeld once someone else
        has taken it over (the person is told, and their text is not lost)."""
        from .lease import LeaseHeld, acquire, release

        if self.new:
            return  # nobody else can see it yet: there is nothing to hold
        try:
            acquire(self.newsroom.config, self.article.id, self.newsroom.actor, self.newsroom.now())
        except LeaseHeld as held:
            self.lost, self.taker = True, held.lease.holder
            # Taken over on another machine: what is left of ours (a shared lease other
            # offices see) goes, or it would come back once the other gives it up.
            release(self.newsroom.config, self.article.id, self.newsroom.actor)
            raise

    def close(self) -> None:
        """Give the lease back (unless someone took it over meanwhile)."""
        from .lease import release

        if not self.new and not self.lost:
            release(self.newsroom.config, self.article.id, self.newsroom.actor)

    # ------------------------------------------------------------ $EDITOR

    def external(self, draft: Article, suspend: Callable[[Callable[[], None]], None]) -> Article:
        """The release (`draft`, as the person has it) edited in $EDITOR: written to a
        temporary copy, the editor run through `suspend` (the desk hands the terminal over),
        and the text read back and checked (it parses, keeps its id, changes no field the
        workflow owns). Nothing is saved. On failure the copy is kept and the error says
        where (`kept`)."""
        from . import external
        from .handedit import editing_text

        name = external.temporary_copy(editing_text(draft), draft.slug)
        try:
            suspend(lambda: external.run_editor(name))  # no shell: the name is one argument
            text = name.read_text(encoding="utf-8")
            edited = self.newsroom.read_hand_edit(draft, text, name)
        except (NewsroomError, OSError, UnicodeDecodeError) as exc:
            raise KeptText(exc, name) from None
        name.unlink()
        return edited


@dataclass
class Restoring:
    """A copy kept aside, opened to be saved through the normal save (`session.save`):
    `article` the release as its file is now (or a new one) with the copy's text, not
    saved; `changed` when the release moved on after the copy was kept (compare first)."""

    session: EditSession
    article: Article
    changed: bool
    name: str  # the copy's file name in .newsroom/unsaved/


class KeptText(NewsroomError):
    """Text from $EDITOR that could not come back; it is kept in `path`."""

    def __init__(self, cause: Exception, path: Path) -> None:
        super().__init__(str(cause), code="kept", path=str(path))
        self.cause, self.path = cause, path
