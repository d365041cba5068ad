"""ninjs 2.1 (IPTC's news in JSON, what agencies exchange): an output of publish.

For each published release, beside its page in the public record (docs: decision 2):

- `siaran-pers/<slug>/v<N>.ninjs.json`: version N as it was published, written once (the
  first publication, each correction, the retraction);
- `siaran-pers/<slug>/ninjs.json`: the current version (what an agency polls).

A retraction withdraws the earlier versions' documents from the public folder, leaving the
canceled one (`pubstatus` canceled, the reason in `ednote`), as `ninjs.json` too. An
embargoed release is only in the private folder of each partner with `embargo_access`
(`private/<name>/ninjs/<slug>.json`, with `embargoed`), until the lift. `ninjs/index.json`
lists the newest documents (newest first: uri, version, pubstatus, versioncreated, headline,
href), and links the months before (`ninjs/archive/YYYY-MM.json`, each linking the one
before), paged like the feeds' archives: a month's page changes only when one of its
releases does. A private partner's `private/<name>/ninjs/index.json` lists its embargoed ones.

The mapping is the way agencies read it: `uri` is the release's id (`urn:uuid:…`, stable
across versions, as in the feeds); `version` counts corrections from 1; `firstcreated` is
the first publication, `versioncreated` this version's; `ednote` the correction's note or
the retraction's reason; `headlines`, `bodies` (HTML as in the feeds, and plain text),
`descriptions` (the summary), `located` (the dateline), `by` (the sign-off),
`copyrightholder` (the office), `altids` (the release number), `subjects` (categories, and
tags as keywords), `language`, and the photo and attachments as `associations` with their
`renditions`. Versions come from versions.py, the one answer every output shares.
Incremental: a release's documents are rebuilt only when its record's digest moved.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
from pathlib import Path
from typing import Any

from .atomic import stage
from .config import Config, Partner
from .model import Status
from .outputs import Output, Plan, PublishResult, Refusal, Stage, Staged, Written
from .records import Record

FOLDER = "ninjs"
CURRENT = "ninjs.json"
INDEX_LIMIT = 50  # documents in the index before the month pages


def release_dir(slug: str) -> str:
    return f"siaran-pers/{slug}"


def _iso(when: dt.datetime, config: Config) -> str:
    return when.astimezone(config.tz).isoformat()


def document(config: Config, v: Any, first: dt.datetime, embargoed: dt.datetime | None = None
             ) -> dict[str, Any]:  # fmt: skip
    """The ninjs document of one version (`versions.Version`)."""
    from .attachments import photo_attachment, public_url
    from .feeds.words import words
    from .messaging import body_text

    w = words(v.language)
    canceled = v.status == "retracted"
    doc: dict[str, Any] = {
        "uri": f"urn:uuid:{v.release}",
        "type": "text",
        "representationtype": "full" if v.body else "partial",
        "version": str(v.version),
        "firstcreated": _iso(first, config),
        "versioncreated": _iso(v.published_at, config),
        "pubstatus": "canceled" if canceled else "usable",
        "language": v.language,
        "copyrightholder": config.publisher or config.title,
        "headlines": [{"role": "main", "value": v.title}],
    }
    if embargoed is not None:
        doc["embargoed"] = _iso(embargoed, config)
    if canceled:
        doc["ednote"] = f"{w['retraction']}: {v.note}" if v.note else w["retraction"]
    elif v.note:
        doc["ednote"] = f"{w['correction']} {v.version - 1}: {v.note}"
    if v.summary:
        doc["descriptions"] = [{"role": "summary", "contenttype": "text/plain",
                                "value": v.summary}]  # fmt: skip
    if v.body:
        plain = body_text(v.body, config.base_url, False)
        plain = f"{v.dateline} – {plain}" if v.dateline else plain
        plain += f"\n\n{v.sign_off}" if v.sign_off else ""
        doc["bodies"] = [
            {"role": "main", "contenttype": "text/html", "value": v.body_html(config)},
            {"role": "main", "contenttype": "text/plain", "value": plain},
        ]
    if v.dateline:
        doc["located"] = v.dateline
    if v.sign_off:
        doc["by"] = v.sign_off.strip("()")
    if v.number:
        doc["altids"] = [{"role": "releasenumber", "value": v.number}]
    subjects = [{"name": c, "rel": "category"} for c in v.categories]
    subjects += [{"name": t, "rel": "keyword"} for t in v.tags]
    if subjects:
        doc["subjects"] = subjects
    associations = []
    photo = photo_attachment(v.image, v.attachments)
    if v.image is not None and v.image.src:
        from urllib.parse import urljoin

        href = (public_url(config, v.slug, photo.file) if photo is not None
                else urljoin(config.base_url + "/", v.image.src))  # fmt: skip
        picture: dict[str, Any] = {"name": "photo", "uri": href, "type": "picture"}
        if v.image.caption:
            picture["descriptions"] = [{"role": "caption", "value": v.image.caption}]
        if v.image.alt:
            picture["descriptions"] = [*picture.get("descriptions", []),
                                       {"role": "alt", "value": v.image.alt}]  # fmt: skip
        if v.image.credit:
            picture["by"] = v.image.credit
        picture["renditions"] = [_rendition("original", href, photo)]
        associations.append(picture)
    for n, a in enumerate((a for a in v.attachments if a is not photo), 1):
        href = public_url(config, v.slug, a.file)
        associations.append({
            "name": f"attachment{n}", "uri": href, "type": "component",
            "headlines": [{"value": a.title or a.file}],
            "renditions": [_rendition("original", href, a)],
        })  # fmt: skip
    if associations:
        doc["associations"] = associations
    return doc


def _rendition(name: str, href: str, attachment: Any) -> dict[str, Any]:
    out: dict[str, Any] = {"name": name, "href": href}
    if attachment is not None:
        out["contenttype"] = attachment.type
        out["sizeinbytes"] = attachment.size
        size = _image_size(attachment) if attachment.type.startswith("image/") else None
        if size is not None:
            out["width"], out["height"] = size
    return out


def _image_size(attachment: Any) -> tuple[int, int] | None:
    """Width and height, when known (not read from the file here: none yet)."""
    return None


def dumps(doc: dict[str, Any]) -> bytes:
    return (json.dumps(doc, ensure_ascii=False, indent=1) + "\n").encode("utf-8")


class NinjsOutput(Output):
    """Every published release's ninjs documents and the index (see the module docstring)."""

    name = "ninjs"
    stage = Stage.FILES

    def __init__(self, config: Config) -> None:
        super().__init__(config)
        self.plan_: Plan | None = None
        self.last: dict[str, Any] = {}
        self.wanted: dict[str, str] = {}  # release id -> its signature
        self.todo: list[Record] = []
        self.files: dict[str, list[str]] = {}  # release id -> the paths it owns
        self.index: list[tuple[str, bytes]] = []  # index pages to write (path, bytes)
        self.pages: dict[str, str] = {}  # index page path -> signature

    def plan(self, plan: Plan, last: dict[str, Any]) -> None:
        self.plan_, self.last = plan, last
        same = last.get("key") == plan.cache_key
        before = last.get("releases", {}) if same else {}
        owned = last.get("owned", {})
        files = last.get("files", {})
        private = [p for p in self.config.partners if p.embargo_access]
        self.wanted = {}
        for r in plan.records.values():
            if _public(r):
                self.wanted[r.id] = f"{r.digest}:p"
            elif private and _embargoed(r, plan.now):
                self.wanted[r.id] = f"{r.digest}:e:{r.embargo}"
        self.todo = [
            plan.records[i] for i, sig in self.wanted.items()
            if before.get(i) != sig or not all(_intact(self.config, p, files) for p in owned.get(i, []))
        ]  # fmt: skip
        self.files = {i: owned[i] for i in self.wanted if i in owned}
        self._plan_index(plan, private)

    def _plan_index(self, plan: Plan, private: list[Partner]) -> None:
        """The index pages whose content moved (built from the records: no file read)."""
        public = sorted((plan.records[i] for i in self.wanted if _public(plan.records[i])),
                        key=_newest, reverse=True)  # fmt: skip
        pages: dict[str, list[dict[str, Any]]] = {}
        months: dict[str, list[Record]] = {}
        for r in public[INDEX_LIMIT:]:
            months.setdefault(r.month, []).append(r)
        order = sorted(months)
        for k, month in enumerate(order):
            path = f"{FOLDER}/archive/{month}.json"
            doc = {"items": [self._item(r) for r in months[month]]}
            if k > 0:
                doc["prev"] = self._url(f"{FOLDER}/archive/{order[k - 1]}.json")
            pages[path] = doc  # type: ignore[assignment]
        head: dict[str, Any] = {"items": [self._item(r) for r in public[:INDEX_LIMIT]]}
        if order:
            head["prev"] = self._url(f"{FOLDER}/archive/{order[-1]}.json")
        pages[f"{FOLDER}/index.json"] = head  # type: ignore[assignment]
        for partner in private:
            held = [
                plan.records[i]
                for i in self.wanted
                if _embargoed(plan.records[i], plan.now) and _accepts(partner, plan.records[i])
            ]
            held.sort(key=_newest, reverse=True)
            items = [self._item(r, f"private/{partner.name}/{FOLDER}/{r.slug}.json") for r in held]
            pages[f"private/{partner.name}/{FOLDER}/index.json"] = {"items": items}  # type: ignore[assignment]
        old = self.last.get("pages", {}) if self.last.get("key") == plan.cache_key else {}
        files = self.last.get("files", {})
        self.pages, self.index = {}, []
        for path, doc in pages.items():
            data = dumps(doc)  # type: ignore[arg-type]
            sig = hashlib.blake2b(data, digest_size=16).hexdigest()
            self.pages[path] = sig
            if old.get(path) != sig or not _intact(self.config, path, files):
                self.index.append((path, data))

    def _item(self, r: Record, path: str = "") -> dict[str, Any]:
        version = len(r.corrected) + 1 + (1 if r.status == Status.RETRACTED else 0)
        when = r.retracted_at or (r.corrected[-1] if r.corrected else r.published) or r.embargo
        item = {
            "uri": f"urn:uuid:{r.id}", "version": str(version),
            "pubstatus": "canceled" if r.status == Status.RETRACTED else "usable",
            "versioncreated": _iso(when, self.config) if when else "",
            "headline": r.title, "href": self._url(path or f"{release_dir(r.slug)}/{CURRENT}"),
        }  # fmt: skip
        if r.number:
            item["releasenumber"] = r.number
        return item

    def _url(self, path: str) -> str:
        return f"{self.config.feeds_base}/{path}"

    def answer(self, result: PublishResult) -> None:
        result.documents += (
            len(self.pages)
            + sum(
                len(self.files.get(i, ()))
                for i in self.wanted
                if i not in {r.id for r in self.todo}
            )
            + sum(2 if _public(r) else 1 for r in self.todo)
        )  # about: the new ones counted once
        for r in self.todo:
            if _public(r):
                result.to_write.append(f"{release_dir(r.slug)}/{CURRENT}")
        result.to_write += [path for path, _ in self.index]

    def stage_files(self, staged: list[Staged], result: PublishResult) -> list[Staged]:
        from .errors import NewsroomError
        from .store import Store
        from .versions import versions

        assert self.plan_ is not None
        plan, feeds, store = self.plan_, self.config.feeds_dir, Store(self.config)
        going = {g.article.id: g.article for g in plan.going_live}
        mine: list[Staged] = []
        private = [p for p in self.config.partners if p.embargo_access]
        for r in self.todo:
            try:
                article = going.get(r.id) or store.load(self.config.root / r.path)
                if _public(r):
                    found = versions(self.config, article)
                    first = found[0].published_at
                    keep = [found[-1]] if r.status == Status.RETRACTED else found
                    owned = self.files.get(r.id, [])
                    paths = []
                    for v in keep:
                        path = f"{release_dir(r.slug)}/v{v.version}.ninjs.json"
                        paths.append(path)
                        if path in owned and v is not found[-1]:
                            continue  # an earlier version's document is written once
                        mine += _stage(feeds, path, dumps(document(self.config, v, first)))
                    current = f"{release_dir(r.slug)}/{CURRENT}"
                    mine += _stage(feeds, current, dumps(document(self.config, found[-1], first)))
                    self.files[r.id] = [*paths, current]
                else:
                    from .view import partner_text, sign_off

                    text = partner_text(article)
                    embargo = r.embargo
                    assert embargo is not None
                    v = _unpublished(article, text, sign_off(text), embargo)
                    data = dumps(document(self.config, v, embargo, embargoed=embargo))
                    self.files[r.id] = []
                    for partner in private:
                        if _accepts(partner, r):
                            path = f"private/{partner.name}/{FOLDER}/{r.slug}.json"
                            mine += _stage(feeds, path, data, private=self.config)
                            self.files[r.id].append(path)
            except (NewsroomError, OSError, ValueError) as exc:
                result.refused.append(Refusal(r.id, r.title, r.path, "ninjs",
                                              f"its ninjs documents could not be written: {exc}",
                                              False))  # fmt: skip
        for path, data in self.index:
            private_page = path.startswith("private/")
            mine += _stage(feeds, path, data, private=self.config if private_page else None)
        return mine

    def placed(self, result: PublishResult) -> Written:
        feeds = self.config.feeds_dir
        before: dict[str, list[int]] = self.last.get("files", {})
        written = Written()
        paths = [p for i in self.wanted for p in self.files.get(i, [])] + list(self.pages)
        for path in paths:
            try:
                st = (feeds / path).stat()
            except OSError:
                continue
            written.files[path] = [st.st_size, st.st_mtime_ns]
        for path in sorted(set(before) - set(written.files)):  # withdrawn, lifted, gone
            (feeds / path).unlink(missing_ok=True)
            written.removed.append(path)
        return written

    def state(self, written: bool) -> dict[str, Any]:
        if not written:
            return self.last
        assert self.plan_ is not None
        return {"key": self.plan_.cache_key, "releases": self.wanted, "pages": self.pages,
                "owned": {i: self.files.get(i, []) for i in self.wanted}}  # fmt: skip


def _public(r: Record) -> bool:
    return r.published is not None and (r.live or r.status == Status.RETRACTED)


def _embargoed(r: Record, now: dt.datetime) -> bool:
    return r.status == Status.APPROVED and r.embargo is not None and r.embargo > now and not r.live


def _accepts(partner: Partner, r: Record) -> bool:
    """Whether the partner's filters take the release (the feeds' rule: FeedSpec.accepts)."""
    from .feeds.entries import FeedSpec

    spec = FeedSpec("", "", "", "", partner.categories, partner.tags, partner.language)
    return spec.accepts(r)


def _newest(r: Record) -> tuple[float, str]:
    when = r.published or r.embargo or r.approved_at
    return (when.timestamp() if when else 0.0), r.id


def _intact(config: Config, path: str, files: dict[str, list[int]]) -> bool:
    if path not in files:
        return False
    try:
        st = (config.feeds_dir / path).stat()
    except OSError:
        return False
    return [st.st_size, st.st_mtime_ns] == files[path]


def _stage(feeds: Path, path: str, data: bytes, private: Config | None = None) -> list[Staged]:
    mode, group = (0o640, private.private_group) if private is not None else (None, "")
    tmp = stage(feeds / path, data, mode, group)
    return [Staged(feeds / path, tmp)] if tmp is not None else []


def _unpublished(article: Any, text: Any, signoff: str, embargo: dt.datetime) -> Any:
    """An embargoed release as version 1, to be published at the lift."""
    from .versions import PUBLISHED, Version

    return Version(
        article.id, text.slug, 1, PUBLISHED, embargo, None, text.release_number, text.kind,
        text.denies, text.language, text.title, text.dateline, text.author, text.credit,
        text.summary, text.body, text.categories, text.tags, text.image, text.attachments,
        signoff, "", "",
    )  # fmt: skip
