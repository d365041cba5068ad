"""Errors the core raises. Each one says what went wrong and what to do about it."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path

# A problem's facts for each face's wording ((name, value) pairs: hashable, picklable).
Facts = tuple[tuple[str, str], ...]


class NewsroomError(Exception):
    """Base of every error meant for a person.

    `str(error)` is English (logs, scripts). `code` and `facts`, when set, let a face word
    it in its own language (newsroom/i18n); an error without a code is shown as it is."""

    code: str = ""

    def __init__(self, message: str = "", *, code: str = "", **facts: object) -> None:
        super().__init__(message)
        if code:
            self.code = code
        self.facts: dict[str, object] = facts


def cause(exc: BaseException | str) -> dict[str, str]:
    """What the words of a failure need of the error behind it (a page not written, a
    file not stamped): its English text (`reason`: an OS's error is shown as it says it)
    and, when it has a code (an error of the core's, or a line it said: `Said`), the code
    (`because`) and its facts, for the faces to word it in the person's language
    (explain.failure_text)."""
    facts = {"reason": str(exc)}
    code: str = getattr(exc, "code", "") if isinstance(exc, NewsroomError | Said) else ""
    if code:
        kept: Mapping[str, object] = exc.facts  # type: ignore[union-attr]
        facts |= {k: str(v) for k, v in kept.items() if k not in ("reason", "because")}
        facts["because"] = code
    return facts


class Said(str):
    """A line the core says in English (logs, JSON, scripts and tests read it as it is)
    that keeps the code and facts the faces word it by in the person's language: a publish
    run's warning (`PublishResult.warn`, worded by `warned.<code>`: its file, what to do),
    made where it happens (the cache, mail, a render) and added to the run's warnings as
    any line is. `because`: the error behind it (`cause`), as `PublishResult.fail` takes it."""

    code: str
    facts: dict[str, str]

    def __new__(
        cls, text: str, code: str, because: Mapping[str, str] | None = None, **facts: object
    ) -> Said:
        said = super().__new__(cls, text)
        said.code = code
        said.facts = {**(because or {}), **{k: str(v) for k, v in facts.items()}}
        return said

    @classmethod
    def of(cls, text: str, code: str, facts: Mapping[str, object]) -> Said:
        """A line with the facts an error or a record kept (any names, made text)."""
        return cls(text, code, {k: str(v) for k, v in facts.items()})

    def __getnewargs__(self) -> tuple[str, str, dict[str, str]]:  # type: ignore[override]
        return str(self), self.code, self.facts  # (pickled: a worker's render, the cache)


@dataclass(frozen=True)
class Problem:
    """One problem found in a file: where it is, what it is, how to fix it.

    `message` (and `hint`) are English; `code` and `facts`, when set, let a face word it
    in its own language (a seal's, a ledger's or an attachment's: `seal.<code>`)."""

    path: Path
    line: int | None
    message: str
    hint: str = ""
    code: str = ""
    facts: Facts = ()

    def __str__(self) -> str:
        where = f"{self.path}:{self.line}" if self.line else f"{self.path}"
        text = f"{where}: {self.message}"
        return f"{text} ({self.hint})" if self.hint else text


class ArticleError(NewsroomError):
    """A file that is not a valid article."""

    def __init__(self, problem: Problem, *, code: str = "", **facts: object) -> None:
        super().__init__(str(problem), code=code, **facts)
        self.problem = problem


class ConfigError(NewsroomError):
    """A bad newsroom.toml; the message names the key."""


class NotFound(NewsroomError):
    """No article answers to a reference, or more than one does."""


class ConflictError(NewsroomError):
    """The file changed on disk since it was read: saving would overwrite someone's work."""


class Refused(NewsroomError):
    """The workflow does not allow this action for this person on this release.

    Its facts: `action`, and as the workflow's Decision gives them `reason` (a code),
    `args`, the failing `checks` and `ref` (the release's id), so a face can say what to do."""


class GitError(NewsroomError):
    """A git command of the newsroom failed (vcs/git.py): which, what git said, what to do."""


class SyncConflict(NewsroomError):
    """`newsroom sync` stopped: the same release was changed in two places in ways that
    cannot both stand (facts: `conflicts`, a list of vcs.sync.Conflict). The work tree is
    as it was before the sync; nothing was lost."""
