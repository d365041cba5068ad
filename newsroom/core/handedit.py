"""A release's file edited by hand ($EDITOR), and unsaved text kept aside.

`newsroom edit` and the desk's F4 both bring back a release's whole file as a person typed
it: it must parse, keep its id, and change no field the workflow owns (each refusal names
the action that changes that field instead). Text that cannot be saved (the terminal went
away, the lease was taken over) is kept in `.newsroom/unsaved/`, never over the release.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from . import fileformat
from .clock import to_zone
from .config import Config
from .errors import ArticleError, NewsroomError, Problem
from .model import Article
from .slug import slugify

# Kept out of the text a person edits: during a correction, the published version partners
# still see (a copy of every field and the body); a search-and-replace across the buffer
# would change it too, and be refused. Put back as it was when the text comes back.
KEPT_ASIDE = "published_version"


def editing_text(article: Article) -> str:
    """The release's file text as a person edits it ($EDITOR): the file, less what is
    kept aside (KEPT_ASIDE)."""
    import copy

    shown = copy.copy(article)
    shown.published_version = None
    shown.key_order = [k for k in article.key_order if k != KEPT_ASIDE]
    return fileformat.dump(shown)


def read_hand_edit(config: Config, article: Article, text: str, shown: Path | None) -> Article:
    """The file text as edited, checked: it parses, keeps its id and changes no field the
    workflow owns (ArticleError naming them and the action that changes them). What the
    text left aside (`editing_text`) is put back; typed back in, it must be unchanged."""
    path = shown or article.path or Path("?")
    edited = fileformat.parse(text, path, config.tz)
    if edited.id != article.id:
        raise ArticleError(
            Problem(path, 2, "the id cannot change", f"put back {article.id}"),
            code="id_changed",
            id=article.id,
        )
    if KEPT_ASIDE not in edited.key_order:
        _put_back(article, edited)
    refuse_owned_changes(article, edited, path)
    edited.path, edited.source = article.path, article.source
    return edited


def _put_back(article: Article, edited: Article) -> None:
    """The published version back into an edited text, where the file had it."""
    edited.published_version = article.published_version
    if KEPT_ASIDE not in article.key_order:
        return
    at = article.key_order.index(KEPT_ASIDE)
    before = next((k for k in reversed(article.key_order[:at]) if k in edited.key_order), None)
    where = edited.key_order.index(before) + 1 if before is not None else 0
    edited.key_order.insert(where, KEPT_ASIDE)


def refuse_owned_changes(before: Article, after: Article, path: Path) -> None:
    """Refuse an edit that changes a field the workflow owns, naming the action that does."""
    from .seal import OWNED

    old, new = fileformat.to_mapping(before), fileformat.to_mapping(after)
    changed = [name for name in OWNED if old.get(name) != new.get(name)]
    if changed:
        reasons = "; ".join(f"`{name}` is changed by {OWNED[name]}" for name in changed)
        raise ArticleError(
            Problem(path, None, f"cannot change {', '.join(changed)} by editing: {reasons}"),
            code="owned",
            fields=changed,
        )


def keep_unsaved(config: Config, actor: str, now: dt.datetime, slug: str, text: str) -> Path:
    """Keep a person's unsaved version of a release beside the newsroom:
    `.newsroom/unsaved/<slug>-<person>-<time>.md`, never over the release itself, which may
    have moved on meanwhile."""
    from .atomic import write_atomic
    from .confine import inside

    stamp = f"{to_zone(now, config.tz):%Y%m%d-%H%M%S}"
    path = inside(config.state_dir / "unsaved", f"{slug}-{slugify(actor)}-{stamp}.md")
    write_atomic(path, text.encode("utf-8"))
    return path


def unsaved(config: Config, actor: str) -> list[Path]:
    """A person's kept unsaved versions, oldest first (read from their names alone)."""
    folder = config.state_dir / "unsaved"
    if not folder.is_dir():
        return []
    people = {p.key for p in config.people} | {actor}
    named = [(whose(p.name, people), p) for p in folder.glob("*.md")]
    return [p for (person, stamp), p in sorted(named, key=lambda n: (n[0][1], n[1].name))
            if person == actor]  # fmt: skip


# `<slug>-<person>-<YYYYmmdd-HHMMSS>.md`, as keep_unsaved names a copy
_STAMPED = re.compile(r"^(?P<rest>.+)-(?P<stamp>\d{8}-\d{6})\.md$")


def whose(name: str, people: Iterable[str]) -> tuple[str, str]:
    """Whose a copy is and when it was kept, read from its file name as keep_unsaved makes
    it: the person (the longest of `people` that the name ends with before its time; "" when
    none does) and the time as written ("" when the name has none)."""
    matched = _STAMPED.match(name)
    rest, stamp = (matched["rest"], matched["stamp"]) if matched else (Path(name).stem, "")
    ends = sorted(people, key=lambda k: len(slugify(k)), reverse=True)
    return next((k for k in ends if rest.endswith("-" + slugify(k))), ""), stamp


@dataclass(frozen=True)
class Unsaved:
    """One copy kept aside: whose, of which release, when; `article` the text as a release
    (None when it is no release file: a form kept as typed, a field not checking)."""

    name: str  # the file's name in .newsroom/unsaved/ (what restore and discard take)
    path: Path
    person: str  # the key of [people] whose text it is ("" when the name does not say)
    at: dt.datetime
    article: Article | None
    problem: str = ""  # why it does not read as a release

    @property
    def title(self) -> str:
        return self.article.title if self.article is not None else ""


def unsaved_copies(config: Config) -> list[Unsaved]:
    """Every copy kept aside in `.newsroom/unsaved/`, everyone's, oldest first."""
    folder = config.state_dir / "unsaved"
    if not folder.is_dir():
        return []
    keys = [p.key for p in config.people]
    found = []
    for path in folder.glob("*.md"):
        person, stamp = whose(path.name, keys)
        try:
            at = dt.datetime.strptime(stamp, "%Y%m%d-%H%M%S").replace(tzinfo=config.tz)
        except ValueError:
            at = dt.datetime.fromtimestamp(path.stat().st_mtime, config.tz)
        article, problem = None, ""
        try:
            article = fileformat.parse(path.read_text(encoding="utf-8"), path, config.tz)
        except (ArticleError, UnicodeDecodeError, OSError) as exc:
            problem = str(exc)
        found.append(Unsaved(path.name, path, person, at, article, problem))
    return sorted(found, key=lambda u: (u.at, u.name))


def unsaved_copy(config: Config, name: str) -> Unsaved:
    """One kept copy by its file name (or a unique start of it); NewsroomError if none."""
    copies = unsaved_copies(config)
    exact = [u for u in copies if u.name == name.strip()]
    matches = exact or [u for u in copies if name.strip() and u.name.startswith(name.strip())]
    if len(matches) != 1:
        names = ", ".join(u.name for u in matches) or "—"
        raise NewsroomError(
            f"{name}: no single copy kept aside has this name (matching: {names}); "
            "`newsroom unsaved` lists them",
            code="unsaved_unknown",
            name=name,
            matches=names,
        )
    return matches[0]


# What a copy brings back into a release: the text and the fields a person types (the
# editor's form), never what the workflow owns (status, history...) or the attachments
# (files beside the release, attached and detached as edits of their own).
TEXT_FIELDS = ("title", "dateline", "author", "credit", "summary", "categories", "tags",
               "embargo", "release_number", "denies", "kind", "image", "body")  # fmt: skip


def restored(current: Article, copy: Article) -> Article:
    """`current` (the release as its file is now, or a new one) with the copy's text."""
    import copy as copying

    for name in TEXT_FIELDS:
        setattr(current, name, copying.deepcopy(getattr(copy, name)))
    return current


def changed_since(current: Article, copy: Article) -> bool:
    """Whether the release moved on after the copy was kept (someone acted on it since)."""
    return len(current.history) > len(copy.history) or current.comments != copy.comments
