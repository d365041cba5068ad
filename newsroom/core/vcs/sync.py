"""`newsroom sync`: fetch, rebase this office's commits on the shared branch, push.

Another office that pushed first makes the push fail: sync fetches and tries again, at most
`[git] retries` times. Releases changed in both places merge by themselves when the
changes are append-only (merge.py: comments, history, publish's stamps); a conflicting
change stops the sync: the rebase is undone, so the work tree and this office's commits
are exactly as before, and the result names each release with both versions. The person
then chooses per release, "mine" or "theirs" (the desk's dialog, `newsroom sync --mine
REF / --theirs REF`), and sync runs again with that choice:

- theirs: the other office's version stands, with this office's comments added; this
  office's version is kept aside in `.newsroom/unsaved/` (and stays in git's history);
- mine: this office's version stands, with the other's comments added; refused when the
  other version was published meanwhile (take theirs, then correct it).

A rebase left half done (a sync killed mid-way) is undone at the next sync. Sync refuses
to start over uncommitted changes to tracked files, naming them: it never mixes a
person's unrecorded edit into a rebase.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from pathlib import Path

from ..config import Config
from ..errors import GitError, SyncConflict
from .git import (
    Git,
    branch_of,
    changed_paths,
    count,
    fetch,
    has_ref,
    lock,
    rebasing,
    refuse_dirty,
    show,
    undo_half_rebase,
    unmerged,
)
from .merge import REASON_PREFIX
from .record import flush, identity
from .setup import prepare

MINE, THEIRS = "mine", "theirs"


@dataclass
class Conflict:
    """A release changed in two places in ways that cannot both stand."""

    path: str
    release: str  # its id ("" for a file that is not a release)
    title: str
    reason: str
    mine: str  # this office's last commit of it: "1a2b3c4 by Aldi Prasetyo: edit: ..."
    theirs: str  # the shared branch's last commit of it
    mine_text: str = ""
    theirs_text: str = ""

    def difference(self) -> str:
        """The other office's version against this office's, as a unified diff: the text a
        reader sees first (title, summary, body...), then the front matter's other lines
        (history, comments) when they differ too."""
        import difflib

        theirs, mine = f"theirs ({self.theirs[:7]})", f"mine ({self.mine[:7]})"
        (their_head, their_body), (my_head, my_body) = (
            _halves(self.theirs_text),
            _halves(self.mine_text),
        )
        parts = []
        for a, b, part in (
            (their_body, my_body, "text"),
            (their_head, my_head, "front matter"),
        ):
            lines = difflib.unified_diff(
                a.splitlines(True), b.splitlines(True), f"{theirs}: {part}", f"{mine}: {part}"
            )
            parts.append("".join(lines))
        return "\n".join(part for part in parts if part)


def _halves(text: str) -> tuple[str, str]:
    """A release file's front matter and body ("" and the text when it has none)."""
    if text.startswith("---\n"):
        end = text.find("\n---\n", 3)
        if end >= 0:
            return text[4 : end + 1], text[end + 5 :]
    return "", text


@dataclass
class SyncResult:
    """What a sync did."""

    branch: str
    received: int = 0  # commits fetched and taken in
    sent: int = 0  # commits pushed
    retries: int = 0  # pushes refused because another office pushed first
    resolved: list[tuple[str, str]] = field(default_factory=list)  # (path, mine|theirs)
    kept: list[str] = field(default_factory=list)  # this office's versions kept aside
    undone: bool = False  # a rebase left half done was undone first
    leases: str = ""  # why edit leases could not be shared, if they could not


@dataclass
class Syncer:
    """One sync of one clone (see the module docstring)."""

    config: Config
    actor: str
    now: dt.datetime
    choices: dict[str, str] = field(default_factory=dict)  # release id or path -> mine|theirs
    # the publishing server: its own commits (publication stamps partners have seen) stand
    # over a change an office made meanwhile, which stays in git's history
    publisher: bool = False
    git: Git = field(init=False)
    branch: str = field(init=False)
    result: SyncResult = field(init=False)

    def __post_init__(self) -> None:
        self.git = prepare(self.config)
        with lock(self.config):  # a rebase a killed sync left half done: undone first
            undone = undo_half_rebase(self.git)
        self.branch = branch_of(self.config, self.git)
        self.result = SyncResult(self.branch, undone=undone)
        # a rebase re-commits this office's commits: the person syncing is their committer
        # (the authors stay who acted), not whoever the machine's git config names
        name, email = identity(self.git, self.config, self.actor, own=True)
        self.git.env.update(GIT_COMMITTER_NAME=name, GIT_COMMITTER_EMAIL=email)

    @property
    def upstream(self) -> str:
        return f"refs/remotes/{self.config.git_remote}/{self.branch}"

    def sync(self) -> SyncResult:
        """Fetch, take in, push; again when another office pushed first. The clone's git
        lock is held only while the work tree changes (the door's actions wait for it),
        never while the network is slow."""
        with lock(self.config):
            flush(self.config, self.git)
            refuse_dirty(self.config, self.git)
        for attempt in range(self.config.git_retries + 1):
            fetch(self.config, self.git)
            with lock(self.config):
                refuse_dirty(self.config, self.git)
                self.take_in()
            if push(self.config, self.git, self.branch, self.result):
                break
            if attempt == self.config.git_retries:
                raise GitError(
                    f"sync: another office pushed first {attempt + 1} times in a row; "
                    "nothing was lost (your commits are here): run `newsroom sync` again",
                    code="push_retries",
                    tries=attempt + 1,
                )
            self.result.retries += 1
        self.share_leases()
        return self.result

    def take_in(self) -> None:
        """Bring the shared branch's new commits in: fast-forward, or rebase ours on them."""
        if not has_ref(self.git, self.upstream):
            return
        behind = count(self.git, f"HEAD..{self.upstream}")
        if not behind:
            return
        if not has_ref(self.git, "HEAD"):  # a fresh clone of an empty newsroom
            self.git.run("reset", "-q", "--hard", self.upstream, what="sync")
        elif count(self.git, f"{self.upstream}..HEAD") == 0:
            self.git.run("merge", "-q", "--ff-only", self.upstream, what="sync")
        else:
            self.rebase()
        self.result.received += behind

    # ------------------------------------------------------------ rebasing

    def rebase(self) -> None:
        self.keep_aside_before()
        done = self.git.run("-c", "rebase.autoStash=false", "rebase", "--quiet",
                            self.upstream, check=False, what="sync")  # fmt: skip
        while rebasing(self.git):
            stuck = unmerged(self.git)
            reasons = _reasons(done.err + done.out)
            if not stuck:
                self.abort()
                raise GitError(f"sync: git rebase stopped: {done.err.strip() or done.out.strip()}"
                               "; nothing was changed", code="git_failed", what="sync",
                               said=done.said(), hint="")  # fmt: skip
            undecided = [p for p in stuck if self.choice(p) is None]
            if undecided:
                conflicts = [self.describe(p, reasons.get(p, "")) for p in undecided]
                self.abort()
                for c in conflicts:
                    self.fill_texts(c)
                raise conflict_error(conflicts, f"{self.config.git_remote}/{self.branch}")
            try:
                for path in stuck:
                    self.resolve(path, self.choice(path) or THEIRS)
            except GitError:
                self.abort()
                raise
            done = self.git.run("rebase", "--continue", check=False, what="sync")
            if (
                rebasing(self.git)
                and not unmerged(self.git)
                and "nothing to commit" in (done.out + done.err)
            ):  # taking theirs left the commit empty
                done = self.git.run("rebase", "--skip", check=False, what="sync")
        if not done.ok:
            raise GitError(f"sync: git rebase failed: {done.said()}; nothing was changed",
                           code="git_failed", what="sync", said=done.said(), hint="")  # fmt: skip

    def abort(self) -> None:
        self.git.run("rebase", "--abort", check=False, what="sync")

    def choice(self, path: str) -> str | None:
        release = _release_at(self.git, path)
        chosen = self.choices.get(path) or (self.choices.get(release) if release else None)
        return chosen or (MINE if self.publisher else None)

    def keep_aside_before(self) -> None:
        """Before taking theirs, keep this office's version of each such release aside."""
        from ..handedit import keep_unsaved

        for path in changed_paths(self.git, self.upstream):
            if self.choice(path) != THEIRS:
                continue
            text = show(self.git, "HEAD", path)
            if text:
                slug = Path(path).stem
                kept = keep_unsaved(self.config, self.actor, self.now, slug, text)
                self.result.kept.append(str(kept))

    def resolve(self, path: str, choice: str) -> None:
        """Settle one file at a rebase stop: the shared version (stage 2, "ours" to a
        rebase) or this office's (stage 3) with the shared version's comments added."""
        from ..atomic import write_atomic

        theirs, mine = show(self.git, ":2", path), show(self.git, ":3", path)
        if choice == MINE:
            refuse_mine_over_published(self.config, path, theirs, mine)
            text = with_comments(self.config, path, mine, theirs) if mine else None
        else:  # theirs, with the comments only mine has (a comment is never lost)
            text = with_comments(self.config, path, theirs, mine) if theirs else None
        if text is None:
            self.git.run("rm", "-q", "--", path, what="sync")
        else:
            write_atomic(self.config.root / path, text.encode("utf-8"))
            self.git.run("add", "--", path, what="sync")
        if (path, choice) not in self.result.resolved:
            self.result.resolved.append((path, choice))

    def describe(self, path: str, reason: str) -> Conflict:
        """A stuck file as the person sees it: the release, why, both last commits."""
        from .. import fileformat

        text = show(self.git, ":3", path) or show(self.git, ":2", path)
        release = title = ""
        try:
            article = fileformat.parse(text, Path(path), self.config.tz)
            release, title = article.id, article.title
        except Exception:  # not a release (newsroom.toml...), or unreadable
            pass
        mine = _last_commit(self.git, "REBASE_HEAD", path)
        theirs = _last_commit(self.git, self.upstream, path)
        why = reason or "changed on both sides"
        return Conflict(path, release, title, why, mine, theirs)

    def fill_texts(self, conflict: Conflict) -> None:
        """Both versions as they stand after the rebase was undone (for the difference)."""
        conflict.mine_text = show(self.git, "HEAD", conflict.path)
        conflict.theirs_text = show(self.git, self.upstream, conflict.path)

    def share_leases(self) -> None:
        from .leases import share

        try:
            share(self.config, self.git)
        except GitError as exc:
            self.result.leases = str(exc)


def conflict_error(conflicts: list[Conflict], remote: str) -> SyncConflict:
    names = "; ".join(f"{c.path} ({c.title or 'not a release'}): {c.reason}" for c in conflicts)
    return SyncConflict(
        f"sync stopped: {names}. Nothing was changed: your commits are as they were. Choose "
        "per release: `newsroom sync --mine REF` keeps yours, `newsroom sync --theirs REF` "
        "takes the other office's (yours is kept in .newsroom/unsaved/)",
        code="sync_conflict",
        conflicts=conflicts,
        remote=remote,
    )


def push(config: Config, git: Git, branch: str, result: SyncResult) -> bool:
    """Push this office's new commits; False when another office pushed first."""
    remote = config.git_remote
    if not has_ref(git, "HEAD"):
        return True
    upstream = f"refs/remotes/{remote}/{branch}"
    ahead = count(git, f"{upstream}..HEAD") if has_ref(git, upstream) else count(git, "HEAD")
    if not ahead:
        return True
    done = git.run("push", "--porcelain", remote, f"HEAD:refs/heads/{branch}", check=False,
                   network=True, what=f"sync: pushing to {remote}")  # fmt: skip
    if done.ok:
        result.sent += ahead
        return True
    said = done.out + done.err
    if "[rejected]" in said or "fetch first" in said or "non-fast-forward" in said:
        return False
    from .git import failure

    raise failure(f"sync: pushing to {remote}", ("push",), done)


def _reasons(said: str) -> dict[str, str]:
    """The merge driver's reasons, by path (merge.py prints them)."""
    found: dict[str, str] = {}
    for line in said.splitlines():
        if line.startswith(REASON_PREFIX):
            path, _, reason = line[len(REASON_PREFIX) :].strip().partition(": ")
            found[path] = reason
    return found


def _release_at(git: Git, path: str) -> str:
    """The id of the release a conflicted file holds (either side), "" if none."""
    for where in (":3", ":2", "HEAD"):
        text = show(git, where, path)
        for line in text.splitlines()[1:40]:
            if line.startswith("id:"):
                return line[3:].strip().strip("'\"")
            if line == "---":
                break
    return ""


def _last_commit(git: Git, where: str, path: str) -> str:
    done = git.run("log", "-1", "--format=%h by %an: %s", where, "--", path, check=False)
    return done.out.strip()


def refuse_mine_over_published(config: Config, path: str, theirs: str, mine: str) -> None:
    """Keeping mine must not undo a publication partners have seen."""
    from .. import fileformat
    from ..seal import PUBLICATIONS

    def published(text: str) -> int:
        try:
            article = fileformat.parse(text, Path(path), config.tz)
        except Exception:
            return 0
        return sum(1 for h in article.history if h.action in PUBLICATIONS)

    if theirs and published(theirs) > published(mine):
        raise GitError(
            f"{path}: cannot keep yours: the other version was published meanwhile and "
            "partners have seen it. Take theirs (`newsroom sync --theirs REF`), then correct "
            "it (`newsroom correct REF`)",
            code="mine_published",
            path=path,
        )


def with_comments(config: Config, path: str, mine: str, theirs: str) -> str:
    """One version of a release (`mine`) with the comments only the other has."""
    from .. import fileformat

    try:
        article = fileformat.parse(mine, Path(path), config.tz)
        other = fileformat.parse(theirs, Path(path), config.tz)
    except Exception:
        return mine
    extra = [c for c in other.comments if c not in article.comments]
    if not extra:
        return mine
    article.comments = sorted(article.comments + extra, key=lambda c: c.at)
    return fileformat.dump(article)


# ---------------------------------------------------------------- the publishing server

OWN_ACTIONS = frozenset({"publish", "adopt"})  # what publish commits by itself


def pull(config: Config, actor: str, now: dt.datetime) -> SyncResult:
    """`newsroom publish --pull`, before publishing: take in the shared branch by a
    fast-forward. The server's own commits not yet pushed (a push that failed last time)
    are put on top of it (where an office changed such a release meanwhile, the
    publication stands: `resolved`); any other commit of its own means its clone has
    diverged: GitError, and nothing is published."""
    syncer = Syncer(config, actor, now, publisher=True)
    git, upstream = syncer.git, syncer.upstream
    with lock(config):
        flush(config, git)
        refuse_dirty(config, git)
    fetch(config, git)
    if not has_ref(git, upstream) or not has_ref(git, "HEAD"):
        with lock(config):
            syncer.take_in()
        return syncer.result
    ahead = count(git, f"{upstream}..HEAD")
    foreign = _not_publishing(git, upstream) if ahead else []
    if foreign and count(git, f"HEAD..{upstream}"):
        shown = "; ".join(foreign[:3]) + (f" and {len(foreign) - 3} more" if len(foreign) > 3
                                          else "")  # fmt: skip
        raise GitError(
            f"publish --pull: this clone has diverged from {config.git_remote}/{syncer.branch}: "
            f"{len(foreign)} commit(s) here were not made by publish ({shown}). Nothing was "
            "published; the feeds are as they were. Look with `git log --oneline "
            f"{config.git_remote}/{syncer.branch}..HEAD`, then share them (`newsroom sync`) or "
            f"drop them (`git reset --hard {config.git_remote}/{syncer.branch}`)",
            code="diverged",
            remote=f"{config.git_remote}/{syncer.branch}",
            n=len(foreign),
            commits=shown,
        )
    with lock(config):
        refuse_dirty(config, git)
        syncer.take_in()
    return syncer.result


def _not_publishing(git: Git, upstream: str) -> list[str]:
    """This clone's commits not on the shared branch that publish did not make itself."""
    out = git.run("log", "--format=%h %s%x00%(trailers:key=Newsroom-Action,valueonly)%x01",
                  f"{upstream}..HEAD", check=False).out  # fmt: skip
    found = []
    for entry in out.split("\x01"):
        subject, _, action = entry.strip().partition("\0")
        if subject and action.strip() not in OWN_ACTIONS:
            found.append(subject)
    return found


def share(config: Config, actor: str, now: dt.datetime, choices: dict[str, str] | None = None,
          *, publisher: bool = False) -> SyncResult:  # fmt: skip
    """`newsroom sync`, and the publishing server's push after a run (`publisher`: its
    publication stamps stand over an office's change made meanwhile)."""
    return Syncer(config, actor, now, dict(choices or {}), publisher=publisher).sync()


def unshared(config: Config) -> int:
    """How many commits of this clone the shared branch does not have (as last fetched)."""
    git = Git.of(config)
    if not has_ref(git, "HEAD"):
        return 0
    upstream = f"refs/remotes/{config.git_remote}/{branch_of(config, git)}"
    return count(git, f"{upstream}..HEAD") if has_ref(git, upstream) else count(git, "HEAD")
