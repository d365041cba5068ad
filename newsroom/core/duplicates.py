"""Ids and slugs are unique: the first file in path order keeps them, later ones are reported."""

from __future__ import annotations

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


def duplicate_problems(items: list[ItemT]) -> tuple[list[ItemT], list[Problem]]:
    """Keep the first of each id and slug (by path order); report the later ones."""
    if len({i.id for i in items}) == len({i.slug for i in items}) == len(items):
        return list(items), []  # the usual case, answered with two sets
    seen_id: dict[str, ItemT] = {}
    seen_slug: dict[str, ItemT] = {}
    kept, problems = [], []
    for item in items:
        other = seen_id.get(item.id) or seen_slug.get(item.slug)
        if other is None:
            seen_id[item.id] = seen_slug[item.slug] = item
            kept.append(item)
            continue
        key = "id" if other.id == item.id else "slug"
        value = item.id if key == "id" else item.slug
        problems.append(
            Problem(
                Path(item.path),
                2 if key == "id" else None,
                f"duplicate {key} {value!r}, already used by {other.path}",
                f"give this file a new {key} (`newsroom import` does it for you)",
            )
        )
    return kept, problems
