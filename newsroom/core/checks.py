"""Pre-approval checks: a checklist run before a release may be approved.

Each check is `required` (approval is refused while it fails), `recommended`
(approval goes ahead with a warning) or `off`, as set in `[checks]` of newsroom.toml.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable
from dataclasses import dataclass

from .config import Config
from .model import Article

PLACEHOLDER = re.compile(r"\b(TODO|TBD|FIXME|XXX+|lorem ipsum)\b|\[\.\.\.\]|\?\?\?", re.IGNORECASE)


@dataclass(frozen=True)
class CheckResult:
    """One line of the checklist."""

    name: str
    level: str
    passed: bool
    message: str

    @property
    def blocks(self) -> bool:
        return self.level == "required" and not self.passed


def _required_fields(a: Article, now: dt.datetime) -> str:
    missing = [
        name
        for name in ("title", "dateline", "author", "credit", "body")
        if not getattr(a, name).strip()
    ]
    return "missing: " + ", ".join(missing) if missing else ""


def _summary(a: Article, now: dt.datetime) -> str:
    return "" if a.summary.strip() else "no summary"


def _category(a: Article, now: dt.datetime) -> str:
    return "" if a.categories else "no category"


def _image_caption_credit(a: Article, now: dt.datetime) -> str:
    if a.image is None or not a.image.src:
        return ""
    missing = [n for n in ("caption", "credit") if not getattr(a.image, n).strip()]
    return "the photo has no " + " and no ".join(missing) if missing else ""


def _placeholders(a: Article, now: dt.datetime) -> str:
    caption = a.image.caption if a.image else ""
    for name, text in (
        ("title", a.title),
        ("summary", a.summary),
        ("caption", caption),
        ("body", a.body),
    ):
        found = PLACEHOLDER.search(text)
        if found:
            return f"placeholder {found.group(0)!r} in the {name}"
    return ""


def _embargo_future(a: Article, now: dt.datetime) -> str:
    if a.embargo is not None and a.embargo <= now:
        return f"the embargo ({a.embargo.isoformat()}) is already past"
    return ""


CHECKS: dict[str, tuple[str, Callable[[Article, dt.datetime], str]]] = {
    "required_fields": ("title, dateline, author, credit and body are filled in", _required_fields),
    "summary": ("a summary for partners", _summary),
    "category": ("at least one category", _category),
    "image_caption_credit": ("the photo has a caption and a credit", _image_caption_credit),
    "placeholders": ("no placeholder text (TODO, TBD, XXX, lorem ipsum)", _placeholders),
    "embargo_future": ("the embargo is in the future, or there is none", _embargo_future),
}


def run_checks(article: Article, config: Config, now: dt.datetime) -> list[CheckResult]:
    """The checklist for this release; checks set to `off` are left out."""
    results = []
    for name, (label, check) in CHECKS.items():
        level = config.check_level(name)
        if level == "off":
            continue
        problem = check(article, now)
        results.append(CheckResult(name, level, not problem, problem or label))
    return results
