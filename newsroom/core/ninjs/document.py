"""ninjs 2.1 documents: one release version as the JSON agencies read (the mapping the
package's docstring describes), with the paths beside each release's page."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path
from typing import Any

from ..config import Config

FOLDER = "ninjs"
CURRENT = "ninjs.json"
INDEX_LIMIT = 50  # documents in the index before the month pages


def release_dir(slug: str) -> str:
    return f"siaran-pers/{slug}"


def local_iso(when: dt.datetime, config: Config) -> str:
    return when.astimezone(config.tz).isoformat()


def document(config: Config, v: Any, first: dt.datetime, embargoed: dt.datetime | None = None,
             folder: Path | None = None, offset: int = 0) -> dict[str, Any]:  # fmt: skip
    """The ninjs document of one version (`versions.Version`); `folder`, the release's
    companion folder, gives its image attachments' width and height; `offset`, the
    versions partners with embargo access got before the first publication (its `version`
    counts them: agencies key on uri and version, releases.version_of)."""
    from ..attachments import photo_attachment, public_url
    from ..feeds.content import version_html
    from ..feeds.words import words
    from ..messaging import body_text

    w = words(v.language)
    canceled = v.status == "retracted"
    doc: dict[str, Any] = {
        "uri": f"urn:uuid:{v.release}",
        "type": "text",
        "representationtype": "full" if v.body else "partial",
        "version": str(v.version + offset),
        "firstcreated": local_iso(first, config),
        "versioncreated": local_iso(v.published_at, config),
        "pubstatus": "canceled" if canceled else "usable",
        "language": v.language,
        "copyrightholder": config.publisher or config.title,
        "headlines": [{"role": "main", "value": v.title}],
    }
    if embargoed is not None:
        doc["embargoed"] = local_iso(embargoed, config)
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
            {"role": "main", "contenttype": "text/html", "value": version_html(v, config)},
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
        picture["renditions"] = [_rendition("original", href, photo, folder)]
        associations.append(picture)
    for n, a in enumerate((a for a in v.attachments if a is not photo), 1):
        href = public_url(config, v.slug, a.file)
        associations.append({
            "name": f"attachment{n}", "uri": href,
            "type": "picture" if a.type.startswith("image/") else "component",
            "headlines": [{"value": a.title or a.file}],
            "renditions": [_rendition("original", href, a, folder)],
        })  # fmt: skip
    if associations:
        doc["associations"] = associations
    return doc


def _rendition(name: str, href: str, attachment: Any, folder: Path | None) -> dict[str, Any]:
    out: dict[str, Any] = {"name": name, "href": href}
    if attachment is not None:
        out["contenttype"] = attachment.type
        out["sizeinbytes"] = attachment.size
        if folder is not None and attachment.type.startswith("image/"):
            size = _image_size(folder / attachment.file, attachment.size)
            if size is not None:
                out["width"], out["height"] = size
    return out


def _image_size(path: Path, size: int) -> tuple[int, int] | None:
    """An image attachment's width and height, read from its file while it is the one the
    version recorded (same size; a later version may have replaced it)."""
    try:
        if path.stat().st_size != size:
            return None
    except OSError:
        return None
    from ..imagesize import image_size

    return image_size(path)


def dumps(doc: dict[str, Any]) -> bytes:
    """A document's bytes (json's C encoder: `indent` would use its Python one)."""
    return (json.dumps(doc, ensure_ascii=False) + "\n").encode("utf-8")
