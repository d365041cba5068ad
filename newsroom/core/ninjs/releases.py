"""One release's ninjs documents, as the run's workers make them (and the rules of who
gets which: public, embargoed, a partner's filters); `NinjsOutput` (the package) decides
which releases they are made for and writes the indexes.
"""

from __future__ import annotations

import datetime as dt
import json
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any, NamedTuple

from ..atomic import holds, stage
from ..config import Config, Partner
from ..errors import NewsroomError, cause
from ..model import Article, Status
from ..records import Record
from .document import CURRENT, FOLDER, document, dumps, release_dir

__all__ = ["NinjsHook", "WriteJob", "accepts", "events", "partner_folder", "partner_spec",
           "public", "version_of", "withheld", "would_write", "write_release"]  # fmt: skip


class WriteJob(NamedTuple):
    """What writing releases' documents needs (a worker gets it once)."""

    config: Config
    now: dt.datetime
    items: tuple[tuple[Record, Any, tuple[str, ...]], ...]  # record, article or None, owned


def write_release(job: WriteJob, index: int) -> tuple[list[str], list[tuple[str, Path]], str]:
    """Stage one release's documents: (the files it owns now, the staged ones, an error)."""
    record, article, owned = job.items[index]
    return _write_one(job.config, record, article, owned, job.now)


@dataclass(frozen=True)
class NinjsHook:
    """A release's documents made while publish reads its file (records.ReadHook), when
    every document is looked at (a first run): the file is parsed once for every output."""

    config: Config

    def __call__(
        self, article: Article, record: Record, path: str
    ) -> tuple[str, str, list[str], list[tuple[str, str]], str] | None:
        if not public(record):
            return None
        files, temps, error = _write_one(self.config, record, article, (), None)
        return record.id, record.digest, files, [(p, str(t)) for p, t in temps], error


def would_write(
    config: Config, record: Record, article: Any, owned: tuple[str, ...], now: dt.datetime
) -> tuple[list[str], str]:
    """A dry run's look at one release's documents, made as the run makes them: those whose
    bytes would change (a private one rewritten in place by a moved lift, a new title), and
    the error that would stop them. Nothing is staged."""
    _, changed, error = _write_one(config, record, article, owned, now, dry=True)
    return [path for path, _ in changed], error


def _write_one(
    config: Config,
    record: Record,
    article: Any,
    owned: tuple[str, ...],
    now: dt.datetime | None,
    dry: bool = False,
) -> tuple[list[str], list[tuple[str, Path]], str]:
    """One release's documents staged, from its file or `article` (as it goes live); `now`
    the run's clock (None: a public one's, which needs none). `dry`: nothing staged, each
    document whose bytes would change named with its own path (`would_write`)."""
    from ..attachments import companion
    from ..records import reread
    from ..versions import versions

    feeds = config.feeds_dir
    files: list[str] = []
    temps: list[tuple[str, Path]] = []

    def put(path: str, data: bytes, private: bool = False, like: Path | None = None) -> Path | None:
        files.append(path)
        if dry:
            if not holds(feeds / path, data):
                temps.append((path, feeds / path))
            return None
        mode, group = (0o640, config.private_group) if private else (None, "")
        tmp = stage(feeds / path, data, mode, group, like)
        if tmp is not None:
            temps.append((path, tmp))
        return tmp

    folder = companion(config, record.path)
    try:
        if article is None:  # (one held back: only as it was read: records.reread)
            held = record.problem is not None
            article = reread(config, record.path, record.id, record.digest, held)
        if public(record):
            found = versions(config, article)
            first = found[0].published_at
            before = prior(record)  # the private versions before the first publication
            current = dumps(document(config, found[-1], first, folder=folder, offset=before))
            for v in found[:-1] if record.status != Status.RETRACTED else ():
                path = f"{release_dir(record.slug)}/v{v.version}.ninjs.json"
                if path in owned and (feeds / path).is_file():
                    files.append(path)  # an earlier version's document is written once
                    continue
                put(path, dumps(document(config, v, first, folder=folder, offset=before)))
            last = put(f"{release_dir(record.slug)}/v{found[-1].version}.ninjs.json", current)
            put(f"{release_dir(record.slug)}/{CURRENT}", current, like=last)  # (the same bytes)
        else:
            assert now is not None
            data = dumps(_private(config, record, article, now, folder))
            for partner in config.partners:
                if partner.embargo_access and accepts(partner, record):
                    put(f"{partner_folder(partner)}/{record.slug}.json", data, True)
    except (NewsroomError, OSError, ValueError) as exc:
        for _, tmp in temps if not dry else ():
            tmp.unlink(missing_ok=True)
        return [], [], json.dumps(cause(exc))  # (its text, code and facts: NinjsOutput._take)
    return files, temps, ""


def _private(
    config: Config, record: Record, article: Any, now: dt.datetime, folder: Path
) -> dict[str, Any]:
    """The document partners with embargo access hold of a release before its first
    publication: version 1 under its embargo, as it will be published at the lift; then a
    version for each event of its embargo partners are told of in the private feeds (a
    move, a withdrawal, held under embargo again: `events`), dated at it, its words in
    `ednote`. Withdrawn (not held under embargo now: `withheld`), the version is
    `withheld`, its text gone: the words say it must not be published."""
    from ..feeds.notices import embargo_said
    from ..feeds.words import words
    from ..view import partner_text, sign_off

    text = partner_text(article)
    found = events(record)
    if not found:  # (the bytes every embargoed release had before versions were counted)
        assert record.embargo is not None
        v = _unpublished(article, text, sign_off(text), record.embargo)
        return document(config, v, record.embargo, record.embargo, folder)
    at, mode, number = found[-1]
    said = embargo_said(mode, record, number, text.language, config)[1]
    if not record.embargo_ahead(now):  # withdrawn: what was held is not to be used
        lift = record.embargo_withdrawn[-1][1]
        v = _unpublished(article, text, sign_off(text), lift, at, len(found) + 1, True)
        doc = document(config, v, lift, None, folder)
        doc["pubstatus"] = "withheld"
        doc["ednote"] = said
        return doc
    assert record.embargo is not None
    v = _unpublished(article, text, sign_off(text), record.embargo, at, len(found) + 1)
    doc = document(config, v, record.embargo, record.embargo, folder)
    doc["ednote"] = f"{said} {words(text.language)['replaces']}."
    return doc


def events(r: Record) -> list[tuple[dt.datetime, str, int]]:
    """The events of a release's embargo before its first publication that partners with
    embargo access are given a new version of its private document for, oldest first:
    (when, MOVED / WITHDRAWN / AGAIN, its number), as the records keep them for the
    private feeds' notices (records.embargo_moves, embargo_withdrawn, embargo_again).
    Empty for almost every release."""
    if not (r.embargo_moves or r.embargo_withdrawn):  # (embargo_again: after a withdrawal)
        return []
    from ..feeds.entries import AGAIN, MOVED, WITHDRAWN

    again = [(at, AGAIN, n) for n, at, _ in r.embargo_again]
    back = {at for at, _, _ in again}  # (a move that held it again is that event alone, as
    # the feeds tell it: feeds/plan.py, `_notices`)
    found = [(at, MOVED, n) for n, (at, _, _) in enumerate(r.embargo_moves, 1) if at not in back]
    found += [(at, WITHDRAWN, n) for n, (at, _) in enumerate(r.embargo_withdrawn, 1)]
    return sorted(found + again)


def prior(r: Record) -> int:
    """The versions before its first publication's: one for each event of its embargo
    (`events`), and, out after a withdrawal (approved again with no embargo, its embargo
    taken away), one more: the last version partners got was `withheld`, so its going out
    is a new one (the feeds tell it as the embargo's lift, records.lifted_at)."""
    found = events(r)
    if not found or r.published is None:
        return len(found)
    from ..feeds.entries import WITHDRAWN

    return len(found) + (found[-1][1] == WITHDRAWN)


def version_of(r: Record) -> int:
    """The ninjs `version` a release's current document has: 1, one more for each version
    before its first publication (`prior`), for each correction and for the retraction.
    Agencies key on uri and version: every change partners get is a new one."""
    retracted = 1 if r.status == Status.RETRACTED else 0
    return 1 + prior(r) + len(r.corrected) + retracted


def withheld(r: Record, now: dt.datetime, cutoff: dt.datetime) -> bool:
    """Withdrawn from the partners who held it under embargo (sent back for changes, its
    embargo taken away) since `cutoff`, and neither held under embargo again nor out since:
    its private documents stay, `withheld`, for the window the private feeds tell of it
    (`[feeds] retraction_days`)."""
    withdrawn = r.embargo_withdrawn
    if not withdrawn or withdrawn[-1][0] <= cutoff or public(r) or r.embargo_ahead(now):
        return False
    from ..feeds.entries import WITHDRAWN

    return events(r)[-1][1] == WITHDRAWN  # (the last word on its embargo)


def public(r: Record) -> bool:
    return r.published is not None and (r.live or r.status == Status.RETRACTED)


def accepts(partner: Partner, r: Record) -> bool:
    """Whether the partner's filters take the release (the feeds' rule: FeedSpec.accepts)."""
    return bool(partner_spec(partner).accepts(r))


@cache
def partner_spec(partner: Partner) -> Any:
    """The partner's filters as the feeds read them (`FeedSpec.accepts`)."""
    from ..feeds.entries import FeedSpec

    return FeedSpec("", "", "", "", partner.categories, partner.tags, partner.language)


def partner_folder(partner: Partner) -> str:
    """A partner's ninjs folder, beside its feeds: `private/<name>/ninjs` for one with
    embargo access (token only), else `partner/<name>/ninjs`."""
    kind = "private" if partner.embargo_access else "partner"
    return f"{kind}/{partner.name}/{FOLDER}"


def _unpublished(article: Any, text: Any, signoff: str, embargo: dt.datetime,
                 at: dt.datetime | None = None, version: int = 1,
                 withdrawn: bool = False) -> Any:  # fmt: skip
    """An embargoed release as version 1, to be published at the lift (`embargo`), or as
    version `version` made `at` (an event of its embargo); `withdrawn`: without its text."""
    from ..versions import PUBLISHED, Version

    summary, body, image, attachments = (
        ("", "", None, ()) if withdrawn
        else (text.summary, text.body, text.image, text.attachments)
    )  # fmt: skip
    return Version(
        article.id, text.slug, version, PUBLISHED, at or embargo, None, text.release_number,
        text.kind, text.denies, text.language, text.title, text.dateline, text.author,
        text.credit, summary, body, text.categories, text.tags, image, attachments, signoff,
        "", "",
    )  # fmt: skip
