"""Every published version of a release, kept so that every output can be rebuilt.

Version 1 is a release's first publication; each published correction makes the next
version; a retraction ends the list with a marker (no text: when, and why). The CURRENT
version is the article file itself (its live text); a version a correction superseded is
kept in the release's companion folder, `<stem>/versions/<N>.yaml`, written by publish (under
its lock) at the moment the correction goes live. Those files are tracked like the
articles, so a fresh clone on a new server rebuilds every output exactly.

`versions(config, article)` is the ONE function every output calls (pages, signatures,
ninjs, mail). What it guarantees:

- The published versions, oldest first, numbered 1..n without a gap; the live one is the
  last of them. A release never published has none (`[]`).
- While a correction is written and reviewed, the last version is the one partners see
  (never the text under review); an approved correction waiting for publish is not a version.
- A retracted release's list ends with a marker: `status` "retracted", `version` n + 1,
  `published_at` the retraction's time, `note` its reason, no text and no seal.
- Every text is checked against the seal its publication recorded in the release's history
  (which publish holds to its ledger): a version file that does not match, or that cannot
  be read, raises `ArticleError` naming the file, like a broken article; outputs leave the
  release out and say so.
- `public=True` (the default) is the public record: a retracted release's versions keep
  their number, title, times, notes and seals, but their text is withdrawn (summary, body,
  dateline, sign-off, photo, attachments emptied; `withdrawn` True). `public=False` is the
  office's own record, every text kept (records law asks the office to keep them).
- A superseded version published before newsroom kept versions has `kept` False and no
  text (only its number, times, note and seal, from the release's own file).
- Equal files give equal versions: no clock, no network, nothing from `.newsroom/`.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any, NamedTuple

import yaml

from .attachments import companion
from .config import Config
from .errors import ArticleError, Problem
from .model import Article, Attachment, Image
from .seal import PUBLICATIONS, digest, live_content
from .view import PartnerText, from_sealed_form, partner_text, sign_off

PUBLISHED, RETRACTED = "published", "retracted"
FOLDER = "versions"
_HEADER = (
    "# A published version of a release, superseded by a correction. Written by `newsroom\n"
    "# publish` so every output can be rebuilt; its text is checked against the seal of its\n"
    "# publication in the release's history: do not edit it (docs/format.md).\n"
)


class Version(NamedTuple):
    """One published version of a release (or the retraction marker that ends the list).

    `number` is the release number (kept through corrections and the retraction); `version`
    counts from 1; `published_at` is when this version went live (the retraction marker:
    when it was retracted), `superseded_at` when the next one replaced it (None: it is live,
    or was when retracted); `note` is the correction note that made this version (version 1:
    none) or the retraction's reason; `seal` the digest its publication recorded ("" when it
    was published before seals, or for the marker). Text fields are those partners saw."""

    release: str  # the release's id
    slug: str  # the release's (as it is now: its page and files are under it)
    version: int
    status: str  # PUBLISHED or RETRACTED (the marker)
    published_at: dt.datetime
    superseded_at: dt.datetime | None
    number: str
    kind: str  # "" a press release, "klarifikasi"
    denies: tuple[str, ...]
    language: str
    title: str
    dateline: str
    author: str
    credit: str
    summary: str
    body: str  # Markdown, as written (the body_html method renders it)
    categories: tuple[str, ...]
    tags: tuple[str, ...]
    image: Image | None
    attachments: tuple[Attachment, ...]
    sign_off: str  # "(ald/HUMAS MENPANRB)", or "" (view.sign_off)
    note: str
    seal: str
    withdrawn: bool = False  # retracted: the text is no longer public (public=True)
    kept: bool = True  # False: published before versions were kept; its text is gone

    def as_text(self) -> PartnerText:
        """What partners read of this version (its body as HTML: feeds/content.version_html,
        so that this module, which the records read, needs nothing of the feeds)."""
        return PartnerText(
            self.title, self.slug, self.language, self.number, self.dateline, self.author,
            self.credit, self.summary, self.categories, self.tags, self.image, None,
            self.body, self.kind, self.denies, self.attachments,
        )  # fmt: skip


def versions(config: Config, article: Article, *, public: bool = True) -> list[Version]:
    """Every published version of `article`, oldest first, the retraction marker last (see
    the module docstring for what is guaranteed). ArticleError: a version file is broken."""
    if article.published is None:
        return []
    count = len(article.corrections) + 1
    found = [_version(config, article, k, count) for k in range(1, count + 1)]
    retraction = article.retraction
    if retraction is not None:
        last = found[-1]
        marker = _no_text(last)._replace(version=count + 1, status=RETRACTED,
                         published_at=retraction.at, superseded_at=None,
                         note=retraction.note, seal="", withdrawn=False)  # fmt: skip
        found.append(marker)
        if public:
            found[:-1] = [_no_text(v)._replace(withdrawn=True) for v in found[:-1]]
    return found


def _version(config: Config, article: Article, k: int, count: int) -> Version:
    corrections = article.corrections
    published = article.published if k == 1 else corrections[k - 2].at
    assert published is not None
    superseded = corrections[k - 1].at if k <= len(corrections) else None
    note = corrections[k - 2].note if k > 1 else ""
    seal = _seal_of(article, k)
    if k == count:
        text: PartnerText | None = partner_text(article)
    else:
        text = read_version(config, article, k, seal)
    base = Version(
        article.id, article.slug, k, PUBLISHED, published, superseded, "", "", (),
        article.language, "", "", "", "", "", "", (), (), None, (), "", note, seal,
    )  # fmt: skip
    if text is None:
        return base._replace(number=article.release_number, kept=False)
    return base._replace(
        number=text.release_number, kind=text.kind, denies=text.denies,
        language=text.language, title=text.title, dateline=text.dateline,
        author=text.author, credit=text.credit, summary=text.summary, body=text.body,
        categories=text.categories, tags=text.tags, image=text.image,
        attachments=text.attachments, sign_off=sign_off(text),
    )  # fmt: skip


def _no_text(v: Version) -> Version:
    """A version with its text withdrawn: what stays is what names it."""
    return v._replace(summary="", body="", dateline="", image=None, attachments=(),
                   sign_off="")  # fmt: skip


def _seal_of(article: Article, k: int) -> str:
    """The seal the publication of version `k` recorded (the last one: an adopt reseals)."""
    for h in reversed(article.history):
        if h.action in PUBLICATIONS and (h.version or 1) == k and h.seal:
            return h.seal
    return ""


# ---------------------------------------------------------------- version files


def version_path(config: Config, article: Article | Path | str, k: int) -> Path:
    """Where version `k` of the release (its file, relative to the root) is kept."""
    path = article.path if isinstance(article, Article) else article
    assert path is not None
    return companion(config, path) / FOLDER / f"{k}.yaml"


def read_version(config: Config, article: Article, k: int, seal: str) -> PartnerText | None:
    """The text of superseded version `k`, checked against `seal` (None: not kept)."""
    path = version_path(config, article, k)
    shown = path.relative_to(config.root) if path.is_relative_to(config.root) else path
    try:
        data = path.read_bytes()
    except FileNotFoundError:
        return None
    except OSError as exc:
        raise _broken(shown, f"cannot read: {exc.strerror}") from None
    try:
        kept = yaml.load(data.decode("utf-8"), Loader=_Loader)
    except (yaml.YAMLError, UnicodeDecodeError) as exc:
        raise _broken(shown, f"not a version file ({exc})") from None
    if not isinstance(kept, dict) or not isinstance(kept.get("text"), dict):
        raise _broken(shown, "not a version file (no `text`)")
    if kept.get("release") != article.id or kept.get("version") != k:
        raise _broken(shown, f"is not version {k} of release {article.id}")
    text = kept["text"]
    if not seal or digest(text) != seal or kept.get("seal") != seal:
        raise _broken(
            shown, f"does not match the seal of version {k}'s publication in {article.path}: "
            "it was changed by hand"
        )  # fmt: skip
    return from_sealed_form(text)


class _Loader(getattr(yaml, "CSafeLoader", yaml.SafeLoader)):  # type: ignore[misc]
    """A safe loader that leaves times as text (the seal was made of the text)."""


_Loader.yaml_implicit_resolvers = {
    key: [(tag, rx) for tag, rx in resolvers if tag != "tag:yaml.org,2002:timestamp"]
    for key, resolvers in _Loader.yaml_implicit_resolvers.items()
}


class _Dumper(yaml.SafeDumper):
    """Text over several lines as a literal block (`|`), readable and diffable like a body."""


def _represent_text(dumper: yaml.SafeDumper, value: str) -> yaml.Node:
    style = "|" if "\n" in value else None
    return dumper.represent_scalar("tag:yaml.org,2002:str", value, style=style)


_Dumper.add_representer(str, _represent_text)


def _broken(path: Path, message: str) -> ArticleError:
    problem = Problem(
        path,
        None,
        f"version file {message}",
        "restore it from git: a kept version is written by `newsroom publish` only",
    )
    return ArticleError(problem, code="version_file", detail=str(problem))  # fmt: skip


def superseded_file(config: Config, article: Article, at: dt.datetime) -> tuple[Path, bytes]:
    """The version file to keep for the version `article` (not yet published again) has live
    now, superseded at `at` by the correction going live: its path and bytes."""
    k = len(article.corrections) + 1
    text = live_content(article)
    note = article.corrections[-1].note if article.corrections else ""
    published = article.published if k == 1 else article.corrections[-1].at
    assert published is not None
    document: dict[str, Any] = {
        "release": article.id,
        "version": k,
        "published": published.isoformat(),
        "superseded": at.isoformat(),
        "note": note,
        "text": text,
        "seal": digest(text),
    }
    body = yaml.dump(document, Dumper=_Dumper, sort_keys=False, allow_unicode=True, width=4096)
    return version_path(config, article, k), (_HEADER + body).encode("utf-8")


def check_versions(config: Config, article: Article) -> list[Problem]:
    """The problems of a release's kept versions (`newsroom check`): each broken file."""
    try:
        versions(config, article, public=False)
    except ArticleError as exc:
        return [exc.problem]
    return []


__all__ = [
    "PUBLISHED", "RETRACTED", "Version", "check_versions", "read_version", "superseded_file",
    "version_path", "versions",
]  # fmt: skip
