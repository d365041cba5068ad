"""A release's file edited by hand ($EDITOR), and unsaved text kept aside.

`newsroom edit` and the desk's F4 both bring back a release's whole file as a person typed
it: it must parse, keep its id, and change no field the workflow owns (each refusal names
the action that changes that field instead). Text that cannot be saved (the terminal went
away, the lease was taken over) is kept in `.newsroom/unsaved/`, never over the release.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from . import fileformat
from .clock import to_zone
from .config import Config
from .errors import ArticleError, Problem
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
    """A person's kept unsaved versions, oldest first."""
    folder = config.state_dir / "unsaved"
    mine = f"-{slugify(actor)}-"
    return sorted(p for p in folder.glob("*.md") if mine in p.name) if folder.is_dir() else []
