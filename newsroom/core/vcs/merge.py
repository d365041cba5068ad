"""git's merge driver for release files: append-only changes of one release merge.

Two offices (or an office and the publishing server) that changed the same release
without seeing each other's change meet here, when `newsroom sync` rebases (or anyone
merges): git hands over the common version (base), ours and theirs. Comments and history
are append-only: what each side appended is kept, in time order. Every other field merges
as git merges lines: a field changed on one side only takes that side's value; a field
changed on both sides to different values is a conflict. The status follows the merged
history. Two changes of the text (create, edit, correct, import) on both sides are a
conflict even when they touch different fields: a person decides, nobody's words are
merged into a text no one has read. The merged release must pass the same checks publish
makes (seal.check: the history leads to the status, an approved text is the one
approved, a published one is the one published); if it would not, it is a conflict.

So a comment written in one office while the server stamps the publication merges, and
so do two approvals of the same text; an approval of a text the other office edited
meanwhile does not. On a conflict the driver writes git's usual conflict markers and
exits 1; `newsroom sync` then stops and puts everything back (sync.py).

git runs it as `python -m newsroom.core.vcs.merge %O %A %B %P` (setup.py configures it).
"""

from __future__ import annotations

import sys
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from .. import fileformat
from ..config import Config, find_root, load_config
from ..errors import NewsroomError
from ..model import TEXT_ACTIONS, Article

BODY = "\0body"  # the body, merged like a field
APPEND_ONLY = ("history", "comments")
DERIVED = ("status", "updated")  # from the merged history; the later time
REASON_PREFIX = "newsroom-merge:"  # a line on stderr that sync reads back


class Conflict(Exception):
    """Why two versions of a release cannot be merged by themselves."""


@dataclass
class Sides:
    base: Article
    ours: Article
    theirs: Article


def merge(base: str, ours: str, theirs: str, config: Config, path: Path) -> str:
    """The merged text of a release file, or Conflict saying why there is none."""
    if ours == theirs:
        return ours
    sides = Sides(
        _parse(base, config, path, "the common version"),
        _parse(ours, config, path, "ours"),
        _parse(theirs, config, path, "theirs"),
    )
    a, b, o = (_mapping(x) for x in (sides.ours, sides.theirs, sides.base))
    merged: dict[str, Any] = {}
    for key in APPEND_ONLY:
        merged[key] = _appended(o.get(key) or [], a.get(key) or [], b.get(key) or [], key)
    _refuse_two_texts(o.get("history") or [], a.get("history") or [], b.get("history") or [])
    for key in [*a, *(k for k in b if k not in a)]:
        if key in APPEND_ONLY or key in DERIVED:
            continue
        merged[key] = _field(key, o.get(key, _ABSENT), a.get(key, _ABSENT), b.get(key, _ABSENT))
    merged = {k: v for k, v in merged.items() if v is not _ABSENT}
    history = merged["history"]
    status = history[-1].get("to") if history else None
    merged["status"] = status or _field("status", o.get("status"), a["status"], b["status"])
    times = [t for t in (a.get("updated"), b.get("updated")) if t is not None]
    if times:
        merged["updated"] = max(times)
    return _checked(merged, a, sides, config, path)


_ABSENT: Any = object()


def _parse(text: str, config: Config, path: Path, name: str) -> Article:
    if not text.strip():
        raise Conflict(f"{name} has no such release (it was added or removed on one side)")
    try:
        return fileformat.parse(text, path, config.tz)
    except NewsroomError as exc:
        raise Conflict(f"{name} is not a readable release: {exc}") from None


def _mapping(article: Article) -> dict[str, Any]:
    values = fileformat.to_mapping(article)
    values[BODY] = article.body
    return values


def _appended(base: list[Any], ours: list[Any], theirs: list[Any], key: str) -> list[Any]:
    """Every entry of both sides once, in time order: each side must still hold every entry
    of the common version (appended to, not rewritten). Order by time, not by side: an
    earlier merge interleaved the two offices' entries, and merging again must agree."""
    for side in (ours, theirs):
        if _missing(base, side):
            raise Conflict(f"its {key} was rewritten, not only added to")
    seen = {_key(entry) for entry in ours}
    added = [entry for entry in theirs if _key(entry) not in seen]
    return sorted(ours + added, key=lambda entry: entry["at"])


def _key(entry: Any) -> str:
    import json

    return json.dumps(entry, sort_keys=True, default=str)


def _missing(base: list[Any], side: list[Any]) -> bool:
    """Whether an entry of the common version is gone from a side (or changed)."""
    from collections import Counter

    return bool(Counter(map(_key, base)) - Counter(map(_key, side)))


def _refuse_two_texts(base: list[Any], ours: list[Any], theirs: list[Any]) -> None:
    """Two changes of the text, one on each side, wait for a person."""
    known = {_key(entry) for entry in base}
    mine = [h for h in ours if h["action"] in TEXT_ACTIONS and _key(h) not in known]
    other = [h for h in theirs if h["action"] in TEXT_ACTIONS and _key(h) not in known]
    if mine and other and {_key(h) for h in mine} != {_key(h) for h in other}:
        people = sorted({str(h["by"]) for h in mine + other})
        raise Conflict(f"its text was changed on both sides ({', '.join(people)})")
    # A text change on one side and a move on the other (an approval of the text as it
    # was, say) merges only if the result passes publish's checks: _checked decides.


def _field(key: str, base: Any, ours: Any, theirs: Any) -> Any:
    if ours == theirs or theirs == base:
        return ours
    if ours == base:
        return theirs
    shown = "the text" if key == BODY else key
    raise Conflict(f"{shown} was changed on both sides")


def _checked(
    merged: dict[str, Any], ours: dict[str, Any], sides: Sides, config: Config, path: Path
) -> str:
    """The merged release as its file says it, if it passes publish's checks (or fails
    them only as both sides already did)."""
    from ..seal import check

    body = merged.pop(BODY, "")
    order = [k for k in ours if k in merged] + [k for k in merged if k not in ours]
    try:
        article = fileformat.from_mapping({k: merged[k] for k in order}, body, config.tz)
    except fileformat.FieldError as exc:
        raise Conflict(f"the merged release would not be valid: {exc}") from None
    article.key_order = [k for k in order if k != BODY]
    problem = check(article, config)
    if problem is not None:
        before = {p.code for x in (sides.ours, sides.theirs) if (p := check(x, config))}
        if problem.code not in before:
            raise Conflict(f"merged, it would not pass publish's checks: {problem.message}")
    return fileformat.dump(article)


# ---------------------------------------------------------------- the driver git runs


def main(argv: list[str]) -> int:
    """`merge BASE OURS THEIRS PATH`: write the merge into OURS (exit 0), or git's conflict
    markers and the reason on stderr (exit 1)."""
    base_file, ours_file, theirs_file, shown = argv[:4]
    ours_path = Path(ours_file)
    base, ours, theirs = (Path(name).read_text(encoding="utf-8", errors="replace")
                          for name in (base_file, ours_file, theirs_file))  # fmt: skip
    try:
        config = _config_for(Path.cwd() / shown)
        merged = merge(base, ours, theirs, config, Path(shown))
    except (Conflict, NewsroomError) as exc:
        print(f"{REASON_PREFIX} {shown}: {exc}", file=sys.stderr)
        return _markers(ours_file, base_file, theirs_file)
    ours_path.write_text(merged, encoding="utf-8")
    return 0


def _config_for(path: Path) -> Config:
    root = find_root(path.parent)
    if root is None:
        raise Conflict("no newsroom.toml above it")
    return load_config(root)


def _markers(ours: str, base: str, theirs: str) -> int:
    """git's own three-way text merge with conflict markers, for whoever looks at it."""
    from .git import Git

    Git(Path.cwd()).run(
        "merge-file", "-L", "ours", "-L", "common", "-L", "theirs", ours, base, theirs,
        check=False,
    )  # fmt: skip
    return 1


if __name__ == "__main__":  # pragma: no cover - run by git
    sys.exit(main(sys.argv[1:]))
