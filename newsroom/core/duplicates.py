"""Ids and slugs are unique: files that share one are all held back, and each is named.

Which of two files is the genuine release cannot be told from the files: keeping the
first by path would let a copy that sorts earlier (`0-x.md`) replace a published
release in every feed. So neither goes out, and each problem names the other file.
"""

from __future__ import annotations

from collections import defaultdict
from pathlib import Path
from typing import Any, Protocol, TypeVar

from .errors import Problem


class _Identified(Protocol):
    @property
    def id(self) -> str: ...
    @property
    def slug(self) -> str: ...
    @property
    def path(self) -> Any: ...


ItemT = TypeVar("ItemT", bound=_Identified)

_WHY = {
    "id": ("one id is one release in every feed", "give one of them a new id (`uuidgen`)"),
    "slug": ("two releases cannot share one page address", "give one of them another slug"),
}


def duplicate_problems(items: list[ItemT]) -> tuple[list[ItemT], list[Problem]]:
    """Keep the items whose id and slug no other item has; report each of the others."""
    if len({i.id for i in items}) == len({i.slug for i in items}) == len(items):
        return list(items), []  # the usual case, answered with two sets
    by_id: dict[str, list[ItemT]] = defaultdict(list)
    by_slug: dict[str, list[ItemT]] = defaultdict(list)
    for item in items:
        by_id[item.id].append(item)
        by_slug[item.slug].append(item)
    kept, problems = [], []
    for item in items:
        for key, sharing in (("id", by_id[item.id]), ("slug", by_slug[item.slug])):
            if len(sharing) > 1:
                problems.append(_problem(item, key, [o for o in sharing if o is not item]))
                break
        else:
            kept.append(item)
    return kept, problems


def _problem(item: _Identified, key: str, others: list[Any]) -> Problem:
    value = item.id if key == "id" else item.slug
    named = ", ".join(str(o.path) for o in others)
    why, hint = _WHY[key]
    return Problem(
        Path(item.path),
        2 if key == "id" else None,
        f"duplicate {key} {value!r}, also in {named}: neither is published ({why})",
        f"{hint}, or delete the copy",
    )
