"""One commit per workflow action, by the person who took it.

The door (service.py) calls `commit_action` after an action's files are saved: the
release's file and its companion folder (`articles/.../<stem>/`: attachments, kept
versions) become one commit whose author is the acting person (name and e-mail from
`[people]`), with a message a person can read and trailers a program can:

    approve: Humas Pemerintah Diminta Jaga Netralitas ASN

    Nur Aini: in_review -> approved

    Newsroom-Action: approve
    Newsroom-Release: 9ef7d5e6-e4d4-4ea9-a5b1-2018120700a1
    Newsroom-Version: 1
    Newsroom-Status: approved

So `git log articles/.../<slug>.md` is the release's audit trail. Only the release's own
paths are committed, never whatever else is staged. A commit that fails (another git
command holds the index) leaves the saved file as it is and is remembered in
`.newsroom/git-pending.json`: the next action, `newsroom sync` or `publish --pull` commits it.
"""

from __future__ import annotations

import datetime as dt
import json
from dataclasses import asdict, dataclass
from pathlib import Path

from ..atomic import write_atomic
from ..config import Config
from ..errors import GitError
from ..identity import person
from ..model import Article
from .git import Git

SUBJECT_WIDTH = 72
NOBODY_DOMAIN = "newsroom.invalid"  # RFC 2606: an address that can never be mailed


@dataclass(frozen=True)
class Change:
    """One action to commit: what, on which release (its file), by whom."""

    action: str
    release: str  # the id
    title: str
    path: str  # the release's file, relative to the newsroom's root
    by: str
    via: str = ""
    note: str = ""
    moved: str = ""  # "in_review -> approved"
    status: str = ""
    version: int = 1


def change_of(article: Article, action: str, by: str, via: str = "", note: str = "") -> Change:
    """The change an action made to a release, read from the release as saved."""
    last = article.history[-1] if article.history else None
    moved = ""
    if last is not None and last.action == action and last.to and action != "comment":
        moved = f"{last.from_ or 'new'} -> {last.to}"
    version = last.version if last is not None and last.action == action and last.version else 0
    return Change(
        action=action,
        release=article.id,
        title=article.title,
        path=str(article.path),
        by=by,
        via=via,
        note=note,
        moved=moved,
        status=str(article.status),
        version=version or len(article.corrections) + 1,
    )


def message(config: Config, change: Change) -> str:
    """The commit message: a subject, who moved it where, the note, then the trailers."""
    subject = f"{change.action.replace('_', ' ')}: {change.title}"
    if len(subject) > SUBJECT_WIDTH:
        subject = subject[: SUBJECT_WIDTH - 1].rstrip() + "…"
    who = _name(config, change.by)
    lines = [subject, "", f"{who}: {change.moved}" if change.moved else f"{who}."]
    if change.note:
        lines += ["", change.note.strip()]
    lines += [
        "",
        f"Newsroom-Action: {change.action}",
        f"Newsroom-Release: {change.release}",
        f"Newsroom-Version: {change.version}",
        f"Newsroom-Status: {change.status}",
    ]
    if change.via:
        lines.append(f"Newsroom-Via: {change.via}")
    return "\n".join(lines) + "\n"


def _name(config: Config, key: str) -> str:
    found = person(config, key)
    return found.name if found is not None and found.name else key


def identity(git: Git, config: Config, key: str, own: bool) -> tuple[str, str]:
    """A person's name and e-mail for a commit: from [people]; else, for someone acting as
    themselves, git's own user.email; else an address that cannot be mailed."""
    found = person(config, key)
    name = found.name if found is not None and found.name else key
    email = found.email if found is not None else ""
    if not email and own:
        email = git.run("config", "user.email", check=False).out.strip()
    if not email:
        local = "".join(c if c.isalnum() or c in "._-" else "-" for c in key.strip()) or "person"
        email = f"{local}@{NOBODY_DOMAIN}"
    return name, email


def environment(git: Git, config: Config, change: Change) -> dict[str, str]:
    """Author: the acting person; committer: the login that acted for them, if another."""
    name, email = identity(git, config, change.by, own=not change.via)
    c_name, c_email = identity(git, config, change.via, own=True) if change.via else (name, email)
    return {
        "GIT_AUTHOR_NAME": name,
        "GIT_AUTHOR_EMAIL": email,
        "GIT_COMMITTER_NAME": c_name,
        "GIT_COMMITTER_EMAIL": c_email,
    }


def paths_of(config: Config, release_path: str) -> list[str]:
    """The release's file and its companion folder (`commit` keeps those on disk or in git:
    a deleted release's folder is gone from disk, and its removal is committed too)."""
    path = Path(release_path)
    return [str(path), str(path.with_suffix(""))]


def commit(config: Config, change: Change, git: Git | None = None) -> str | None:
    """Commit the change's paths as one commit (None when they were already committed as
    they are); GitError when git fails."""
    git = git or Git.of(config)
    paths = paths_of(config, change.path)
    what = f"committing {change.action} of {change.title!r} ({change.path})"
    tracked = git.run("ls-files", "--", *paths, check=False, what=what).out.split()
    present = [p for p in paths if (config.root / p).exists() or any(
        t == p or t.startswith(p + "/") for t in tracked)]  # fmt: skip
    if not present:
        return None
    git.run("add", "-A", "--", *present, what=what)
    done = git.run(
        "commit", "-q", "--cleanup=whitespace", "-m", message(config, change), "--", *present,
        check=False, env=environment(git, config, change), what=what,
    )  # fmt: skip
    if not done.ok:
        if "nothing to commit" in done.out + done.err or "no changes added" in done.out:
            return None
        from .git import failure

        raise failure(what, ("commit",), done)
    return git.text("rev-parse", "HEAD", what=what)


# ---------------------------------------------------------------- commits that failed


def _pending_path(config: Config) -> Path:
    return config.state_dir / "git-pending.json"


def pending(config: Config) -> list[Change]:
    """Actions saved but not yet committed (a commit that failed), oldest first."""
    try:
        rows = json.loads(_pending_path(config).read_text(encoding="utf-8"))
        return [Change(**row) for row in rows]
    except (OSError, ValueError, TypeError):
        return []


def _keep_pending(config: Config, changes: list[Change]) -> None:
    path = _pending_path(config)
    if not changes:
        path.unlink(missing_ok=True)
        return
    write_atomic(path, json.dumps([asdict(c) for c in changes], ensure_ascii=False).encode())


def record(config: Config, change: Change) -> str | None:
    """Commit an action; on failure remember it and raise a GitError that says the action
    is saved and will be committed later (`flush`, before the next action's writes)."""
    git = Git.of(config)
    try:
        return commit(config, change, git)
    except GitError as exc:
        _keep_pending(config, [*pending(config), change])
        raise GitError(
            f"{change.action.replace('_', ' ')} of {change.title!r} is saved in {change.path}, "
            f"but not yet committed: {exc} (it is committed with your next action or "
            "`newsroom sync`)",
            code="not_committed",
            action=change.action,
            title=change.title,
            path=change.path,
            detail=str(exc),
        ) from None


def flush(config: Config, git: Git | None = None) -> None:
    """Commit the actions a failed commit left pending, each as it was meant (the door
    calls this before an action writes anything; GitError if git still fails)."""
    left = pending(config)
    if not left:
        return
    git = git or Git.of(config)
    for at, change in enumerate(left):
        try:
            commit(config, change, git)
        except GitError:
            _keep_pending(config, left[at:])
            raise
    _keep_pending(config, [])


def stamp_time(when: dt.datetime) -> str:
    """A commit time git takes (GIT_AUTHOR_DATE) from an aware datetime."""
    return f"{int(when.timestamp())} {when.strftime('%z')}"
