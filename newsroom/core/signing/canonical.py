"""The canonical plain-text form of a published version and the trusted comment its
signature binds (texts.py signs them; verify.py and the pages read them): the same bytes
for ever, so a copy a journalist kept still matches.
"""

from __future__ import annotations

from urllib.parse import quote

from ..clock import format_time
from ..config import Config
from ..model import Article, Status
from ..versions import RETRACTED, Version

FOLDER = "siaran-pers"
CURRENT, SUPERSEDED = "current", "superseded"


def text_path(slug: str, version: int) -> str:
    """Where version `version` of a release's signed text is, relative to feeds/."""
    return f"{FOLDER}/{slug}/v{version}.txt"


def signature_path(slug: str, version: int) -> str:
    return text_path(slug, version) + ".minisig"


def last_text(article: Article) -> str:
    """The signed text of a published release's latest version (a retraction's notice)."""
    retracted = 1 if article.status == Status.RETRACTED else 0
    return text_path(article.slug, len(article.corrections) + 1 + retracted)


# ---------------------------------------------------------------- the text


def canonical_text(config: Config, v: Version, published: int = 0) -> bytes:
    """The canonical plain-text form of version `v` (UTF-8, LF, one trailing newline).

    For the retraction marker, the notice; `published` is then how many versions it voids."""
    when = format_time(v.published_at, config.tz, config.timezone)
    head = ["SIARAN PERS | PRESS RELEASE"]
    if v.status == RETRACTED:
        head = ["PENCABUTAN SIARAN PERS | RETRACTION OF A PRESS RELEASE"]
    elif v.kind:
        head = [f"{v.kind.upper()} | CLARIFICATION"]
    lines = [
        *head,
        f"Kantor | Office: {_line(config.title)}",
        f"Nomor | Number: {_line(v.number) or '-'}",
        f"ID: {v.release}",
        f"Versi | Version: {v.version}",
        f"Status: {'dicabut | retracted' if v.status == RETRACTED else 'terbit | published'}",
        f"Waktu | Time: {when} ({v.published_at.astimezone(config.tz).isoformat()})",
        f"Alamat | Address: {config.feeds_base}/{FOLDER}/{v.slug}/",
    ]
    if v.denies:
        lines.append(f"Membantah nomor | Denies numbers: {', '.join(map(_line, v.denies))}")
    if v.status == RETRACTED:
        lines += [
            f"Judul | Title: {_line(v.title)}",
            f"Alasan | Reason: {_line(v.note)}",
            "",
            f"Siaran pers ini dicabut: versi {_span(published)} tidak berlaku lagi.",
            f"This press release is retracted: version{'s' if published > 1 else ''} "
            f"{_span(published)} {'are' if published > 1 else 'is'} void.",
        ]
        return _bytes(lines)
    if v.version > 1:
        lines.append(f"Koreksi | Correction: {_line(v.note)}")
    lines += ["", _line(v.title), ""]
    if v.summary:
        lines += [_body(v.summary), ""]
    body = _body(v.body)
    lines.append(f"{_line(v.dateline)} - {body}" if v.dateline else body)
    if v.sign_off:
        lines += ["", v.sign_off]
    if v.attachments:
        lines += ["", "Lampiran | Attachments (SHA-256):"]
        lines += [f"{a.sha256}  {a.file}  ({a.type}, {a.size} B)" for a in v.attachments]
    return _bytes(lines)


def _span(published: int) -> str:
    """The versions a retraction voids: "1", or "1-3"."""
    return "1" if published == 1 else f"1-{published}"


def _line(text: str) -> str:
    return " ".join(text.split())


def _body(text: str) -> str:
    lines = [line.rstrip() for line in text.replace("\r\n", "\n").replace("\r", "\n").split("\n")]
    return "\n".join(lines).strip("\n")


def _bytes(lines: list[str]) -> bytes:
    return ("\n".join(lines).rstrip("\n") + "\n").encode("utf-8")


def trusted_comment(config: Config, v: Version, status: str) -> str:
    """What the signature binds besides the text: which release, which version, its number,
    how the office stands by it now, when it was published (and superseded)."""
    published = v.published_at.astimezone(config.tz).replace(microsecond=0).isoformat()
    parts = [f"id={v.release}", f"version={v.version}", f"number={_value(v.number)}",
             f"status={status}", f"published={published}"]  # fmt: skip
    if status == SUPERSEDED and v.superseded_at is not None:
        at = v.superseded_at.astimezone(config.tz).replace(microsecond=0).isoformat()
        parts.append(f"superseded={at}")
    parts.append(f"file={text_path(v.slug, v.version)}")
    return " ".join(parts)


def _value(text: str) -> str:
    """A value of the trusted comment: no space (key=value pairs), "-" when empty."""
    return quote(text, safe="/-._:()+") if text else "-"


def parse_comment(comment: str) -> dict[str, str]:
    """The key=value pairs of a version's trusted comment."""
    pairs = (part.partition("=") for part in comment.split())
    return {k: v for k, sep, v in pairs if sep}
