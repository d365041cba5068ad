"""Running git: never through a shell, always with a timeout, never waiting for a person.

Every git command of the newsroom goes through `Git.run`: the arguments are a list (a
title or a path is one argument, whatever it holds), the command is stopped after
`[git] timeout` seconds, git never asks for a password or a host key on a terminal
(cron has none; the desk's screen must not freeze), and its messages come back in
English (`LC_ALL=C`), so a failure can be told apart and worded for a person. A failure is
a `GitError` that says which git command failed, what git said, and what to do.
"""

from __future__ import annotations

import os
import shutil
import subprocess
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from ..config import Config
from ..errors import GitError

if TYPE_CHECKING:
    from filelock import FileLock

LOCAL_SECONDS = 30  # a command that touches no network: a stuck one is stopped after this
DETAIL_LINES = 4  # lines of git's own message a failure repeats


@dataclass(frozen=True)
class Done:
    """A finished git command: its exit code and what it printed."""

    code: int
    out: str
    err: str

    @property
    def ok(self) -> bool:
        return self.code == 0

    def said(self) -> str:
        """What git said, in a few lines (for a message)."""
        lines = [line for line in (self.err or self.out).splitlines() if line.strip()]
        return "; ".join(line.strip() for line in lines[:DETAIL_LINES])


@dataclass
class Git:
    """git in the newsroom's folder (the work tree of a clone)."""

    root: Path
    timeout: int = 60  # network commands (fetch, push); local ones take LOCAL_SECONDS
    env: dict[str, str] = field(default_factory=dict)  # added to every command's environment

    @classmethod
    def of(cls, config: Config) -> Git:
        return cls(config.root, config.git_timeout)

    def run(
        self,
        *args: str,
        check: bool = True,
        network: bool = False,
        env: dict[str, str] | None = None,
        what: str = "",
        input: str | None = None,
    ) -> Done:
        """Run `git ARGS...`; a non-zero exit raises GitError when `check` (saying `what`
        was being done, e.g. "committing approve of <title>")."""
        program = shutil.which("git")
        if program is None:
            raise GitError(
                "git is not installed (apt-get install git), and [git] enabled = true in "
                "newsroom.toml",
                code="git_missing",
            )
        seconds = self.timeout if network else max(LOCAL_SECONDS, self.timeout)
        command = [program, *args]
        try:
            done = subprocess.run(
                command,
                cwd=self.root,
                env=self._environment(env),
                capture_output=True,
                text=True,
                timeout=seconds,
                check=False,
                input=input,
                stdin=subprocess.DEVNULL if input is None else None,
            )
        except subprocess.TimeoutExpired:
            raise GitError(
                f"{_doing(what, args)}: git {args[0]} did not finish within {seconds} s "
                f"(a slow or broken connection?); nothing was lost: try again, or raise [git] "
                "timeout in newsroom.toml",
                code="git_timeout",
                what=_doing(what, args),
                seconds=seconds,
            ) from None
        except OSError as exc:
            raise GitError(f"{_doing(what, args)}: cannot run git: {exc.strerror}") from None
        result = Done(done.returncode, done.stdout, done.stderr)
        if check and not result.ok:
            raise failure(what, args, result)
        return result

    def text(self, *args: str, what: str = "") -> str:
        """The output of a command that must succeed, stripped."""
        return self.run(*args, what=what).out.strip()

    def _environment(self, extra: dict[str, str] | None) -> dict[str, str]:
        env = dict(os.environ)
        env.update(
            LC_ALL="C",
            LANGUAGE="C",
            GIT_TERMINAL_PROMPT="0",  # never ask for a password: fail, and say so
            GIT_EDITOR="true",  # a rebase that would open an editor goes on without one
            GIT_MERGE_AUTOEDIT="no",
        )
        env.setdefault("GIT_SSH_COMMAND", "ssh -o BatchMode=yes")  # no host-key question
        env.pop("GIT_DIR", None)  # the newsroom's own clone, whatever a hook set
        env.pop("GIT_WORK_TREE", None)
        env.pop("GIT_INDEX_FILE", None)
        env.update(self.env)
        env.update(extra or {})
        return env


def _doing(what: str, args: tuple[str, ...]) -> str:
    return what or f"git {args[0] if args else ''}".strip()


def failure(what: str, args: tuple[str, ...], done: Done) -> GitError:
    """A failed git command as a message a person can act on."""
    said = done.said() or f"exit code {done.code}"
    hint = _hint(said)
    message = f"{_doing(what, args)}: git {args[0] if args else ''} failed: {said}"
    return GitError(
        f"{message} ({hint})" if hint else message,
        code="git_failed",
        what=_doing(what, args),
        said=said,
        hint=hint,
    )


_HINTS = (
    ("index.lock", "another git command is running here; when it is done, try again (if none "
     "is, remove .git/index.lock)"),
    ("could not read from remote", "the remote cannot be reached: check the network and the "
     "remote's address (`git remote -v`)"),
    ("authentication failed", "the remote refused your credentials: set up your SSH key or "
     "token for it"),
    ("permission denied", "the remote refused you: ask for write access, or check your key"),
    ("not a git repository", "this newsroom is not a git clone: run `git init` or clone the "
     "office's repository, or set [git] enabled = false"),
    ("does not appear to be a git repository", "the remote's address is wrong: check "
     "`git remote -v`"),
    ("no such remote", "add the office's repository: `git remote add origin URL`"),
    ("please tell me who you are", "give the person an email in [people] of newsroom.toml"),
)  # fmt: skip


def _hint(said: str) -> str:
    low = said.lower()
    return next((hint for key, hint in _HINTS if key in low), "")


def lock(config: Config) -> FileLock:
    """The clone's git lock: one action's save and commit, or a sync's rebase, at a time
    (a sync never sees half an action; two commits never race for git's index)."""
    from filelock import FileLock

    config.state_dir.mkdir(parents=True, exist_ok=True)
    return FileLock(str(config.state_dir / "git.lock"), timeout=LOCAL_SECONDS + config.git_timeout)


# ---------------------------------------------------------------- what sync asks, one question each


def branch_of(config: Config, git: Git) -> str:
    if config.git_branch:
        return config.git_branch
    done = git.run("symbolic-ref", "--quiet", "--short", "HEAD", check=False)
    if not done.ok:
        raise GitError(
            "sync: this clone is not on a branch (a detached HEAD): `git switch main`, or "
            "set [git] branch in newsroom.toml",
            code="no_branch",
        )
    return done.out.strip()


def has_ref(git: Git, ref: str) -> bool:
    return git.run("rev-parse", "--verify", "--quiet", ref + "^{commit}", check=False).ok


def count(git: Git, span: str) -> int:
    return int(git.text("rev-list", "--count", span) or 0)


def show(git: Git, where: str, path: str) -> str:
    """A file's text at a commit (`HEAD`) or index stage (`:2`), "" when it has none."""
    done = git.run("show", f"{where}:{path}", check=False)
    return done.out if done.ok else ""


def rebasing(git: Git) -> bool:
    for name in ("rebase-merge", "rebase-apply"):
        path = Path(git.text("rev-parse", "--git-path", name))
        if (path if path.is_absolute() else git.root / path).exists():
            return True
    return False


def undo_half_rebase(git: Git) -> bool:
    """Undo a rebase a killed sync left half done (the work tree as before it)."""
    if not rebasing(git):
        return False
    git.run("rebase", "--abort", what="undoing a sync that was stopped half way")
    return True


def unmerged(git: Git) -> list[str]:
    out = git.run("diff", "--name-only", "--diff-filter=U", "-z", check=False).out
    return [p for p in out.split("\0") if p]


def changed_paths(git: Git, upstream: str) -> list[str]:
    """Files this office's commits changed since the shared branch and it parted."""
    base = git.run("merge-base", "HEAD", upstream, check=False).out.strip()
    if not base:
        return []
    out = git.run("diff", "--name-only", "-z", base, "HEAD", check=False).out
    return [p for p in out.split("\0") if p]


def refuse_dirty(config: Config, git: Git) -> None:
    """Sync never starts over a change not yet recorded (a hand edit, a failed commit)."""
    out = git.run("status", "--porcelain", "-z", "--untracked-files=no", "--", ".",
                  check=False).out  # fmt: skip
    paths = [entry[3:] for entry in out.split("\0") if len(entry) > 3]
    if paths:
        shown = ", ".join(paths[:5]) + (f" and {len(paths) - 5} more" if len(paths) > 5 else "")
        raise GitError(
            f"sync: uncommitted changes in {shown}: nothing was synced. Commit them (`git "
            "commit`), or put them away (`git stash`), then sync again",
            code="dirty",
            paths=shown,
        )


def fetch(config: Config, git: Git) -> None:
    remote = config.git_remote
    git.run("fetch", "--quiet", "--prune", remote, f"+refs/heads/*:refs/remotes/{remote}/*",
            "+refs/newsroom/leases/*:refs/newsroom/remote-leases/*", network=True,
            what=f"sync: fetching from {remote}")  # fmt: skip
