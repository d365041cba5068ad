"""One release's ninjs documents, as the run's workers make them (and the rules of who
gets which: public, embargoed, a partner's filters); `NinjsOutput` (the package) decides
which releases they are made for and writes the indexes.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any, NamedTuple

from ..atomic import stage
from ..config import Config, Partner
from ..errors import NewsroomError
from ..model import Article, Status
from ..records import Record
from .document import CURRENT, FOLDER, document, dumps, release_dir

__all__ = ["NinjsHook", "WriteJob", "accepts", "partner_folder", "partner_spec", "public",
           "write_release"]  # fmt: skip


class WriteJob(NamedTuple):
    """What writing releases' documents needs (a worker gets it once)."""

    config: Config
    now: dt.datetime
    items: tuple[tuple[Record, Any, tuple[str, ...]], ...]  # record, article or None, owned


def write_release(job: WriteJob, index: int) -> tuple[list[str], list[tuple[str, Path]], str]:
    """Stage one release's documents: (the files it owns now, the staged ones, an error)."""
    record, article, owned = job.items[index]
    return _write_one(job.config, record, article, owned)


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
        files, temps, error = _write_one(self.config, record, article, ())
        return record.id, record.digest, files, [(p, str(t)) for p, t in temps], error


def _write_one(
    config: Config, record: Record, article: Any, owned: tuple[str, ...]
) -> tuple[list[str], list[tuple[str, Path]], str]:
    """One release's documents staged, from its file or `article` (as it goes live)."""
    from ..attachments import companion
    from ..records import reread
    from ..versions import versions

    feeds = config.feeds_dir
    files: list[str] = []
    temps: list[tuple[str, Path]] = []

    def put(path: str, data: bytes, private: bool = False) -> None:
        files.append(path)
        mode, group = (0o640, config.private_group) if private else (None, "")
        tmp = stage(feeds / path, data, mode, group)
        if tmp is not None:
            temps.append((path, tmp))

    folder = companion(config, record.path)
    try:
        if article is None:  # (one held back: only as it was read: records.reread)
            held = record.problem is not None
            article = reread(config, record.path, record.id, record.digest, held)
        if public(record):
            found = versions(config, article)
            first = found[0].published_at
            current = dumps(document(config, found[-1], first, folder=folder))
            for v in found[:-1] if record.status != Status.RETRACTED else ():
                path = f"{release_dir(record.slug)}/v{v.version}.ninjs.json"
                if path in owned and (feeds / path).is_file():
                    files.append(path)  # an earlier version's document is written once
                    continue
                put(path, dumps(document(config, v, first, folder=folder)))
            put(f"{release_dir(record.slug)}/v{found[-1].version}.ninjs.json", current)
            put(f"{release_dir(record.slug)}/{CURRENT}", current)
        else:
            from ..view import partner_text, sign_off

            text = partner_text(article)
            assert record.embargo is not None
            v = _unpublished(article, text, sign_off(text), record.embargo)
            data = dumps(document(config, v, record.embargo, record.embargo, folder))
            for partner in config.partners:
                if partner.embargo_access and accepts(partner, record):
                    put(f"{partner_folder(partner)}/{record.slug}.json", data, True)
    except (NewsroomError, OSError, ValueError) as exc:
        for _, tmp in temps:
            tmp.unlink(missing_ok=True)
        return [], [], str(exc)
    return files, temps, ""


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


def _unpublished(article: Any, text: Any, signoff: str, embargo: dt.datetime) -> Any:
    """An embargoed release as version 1, to be published at the lift."""
    from ..versions import PUBLISHED, Version

    return Version(
        article.id, text.slug, 1, PUBLISHED, embargo, None, text.release_number, text.kind,
        text.denies, text.language, text.title, text.dateline, text.author, text.credit,
        text.summary, text.body, text.categories, text.tags, text.image, text.attachments,
        signoff, "", "",
    )  # fmt: skip
