"""The message of one release event, as a journalist's mail client shows it.

multipart/alternative: a plain-text part a phone reads well, and an HTML part like the
release's page (number, dateline, photo with caption and credit, body, sign-off,
attachments, contact block). The text is the event's own version, from `versions.py` (the
one answer every output asks: a correction sent late still carries its own text, not a
later one), rendered by the feeds' renderer. The subject says what it is: the title;
`RALAT: …` (the correction's note first in the text); `DICABUT: …` (the reason, no text);
`EMBARGO hingga <time> WIB: …` before a lift. Attachments up to `[mail] attach_max_mb`
travel in the message (multipart/mixed), larger ones are linked at their public address.

The Message-ID is the release version's, so a copy sent again after a crash is the same
message (mail clients drop it); a correction or the retraction answers the first
publication (In-Reply-To) and names every earlier version (References), so clients thread
them. A message is built once per event, without its recipient: `addressed` puts To,
List-Id and List-Unsubscribe in front of the same bytes for each address.
"""

from __future__ import annotations

import datetime as dt
import html
import re
from dataclasses import dataclass
from email.message import EmailMessage
from email.policy import SMTP
from email.utils import format_datetime, parseaddr
from urllib.parse import urljoin

from ..attachments import attachment_path, file_sha256, photo_attachment, public_url
from ..clock import format_time
from ..config import Config
from ..config_mail import MailList
from ..feeds.content import article_link, human_size, short_type, text_html
from ..feeds.words import correction_head, words
from ..model import Article, Attachment
from ..versions import versions
from ..view import PartnerText, partner_text, sign_off
from .events import CORRECTED, EMBARGO, MOVED, RETRACTED, WITHDRAWN, Event

MAIL_WORDS: dict[str, dict[str, str]] = {
    "id": {"read": "Baca di situs", "contact": "Kontak media", "attached": "terlampir",
           "moved": "EMBARGO DIUBAH: kini hingga", "withdrawn": "DITARIK",
           "withdrawn_text": "Siaran pers ini ditarik sebelum embargonya berakhir untuk "
                             "diperbaiki: jangan disiarkan. Bila terbit, versinya dikirim lagi."},
    "en": {"read": "Read it on the web", "contact": "Media contact", "attached": "attached",
           "moved": "EMBARGO MOVED: now until", "withdrawn": "WITHDRAWN",
           "withdrawn_text": "This release was withdrawn for changes before its embargo "
                             "lifted: do not publish it. If it is released, it is sent again."},
}  # fmt: skip


def mail_words(language: str) -> dict[str, str]:
    return {**words(language), **MAIL_WORDS["en" if language.startswith("en") else "id"]}


def domain(config: Config) -> str:
    """The domain of the sender's address: Message-IDs and List-Ids are made under it."""
    return parseaddr(config.mail_from)[1].rpartition("@")[2].lower() or "newsroom.invalid"


def message_id(config: Config, release: str, version: int | str) -> str:
    return f"<{release}.{version}@{domain(config)}>"


@dataclass(frozen=True)
class Content:
    """What one event's message says: its version's text (None: no text, a retraction or a
    version whose text was not kept), the note that opens it, and when."""

    title: str
    number: str
    text: PartnerText | None
    opener: str  # "RALAT 1 (…): note", "EMBARGO hingga …", "Siaran pers ini dicabut (…): …"


def content(config: Config, article: Article, event: Event) -> Content:
    """The event's version of the release (ArticleError: a kept version file is broken)."""
    w = mail_words(article.language)
    if event.kind == WITHDRAWN:  # no longer approved: nothing of its text goes out
        text = partner_text(article)
        return Content(text.title, text.release_number, None, w["withdrawn_text"])
    if event.kind in (EMBARGO, MOVED):  # approved, not yet published: the text as approved
        text = partner_text(article)
        when = event.moment or text.embargo
        opener = f"{w['embargo']} {_when(when, config)}" if when else ""
        if event.kind == MOVED and when:
            opener = f"{w['moved']} {_when(when, config)}"
        return Content(text.title, text.release_number, text, opener)
    kept = versions(config, article)
    if event.kind == RETRACTED:
        marker = kept[-1]
        opener = f"{w['retraction']} ({_when(marker.published_at, config)}): {marker.note}"
        return Content(marker.title, marker.number, None, opener)
    v = kept[min(event.version, len(kept)) - 1]
    opener = ""
    if event.kind == CORRECTED:
        opener = (f"{w['correction_notice']} {v.version - 1} "
                  f"({_when(v.published_at, config)}): {v.note}")  # fmt: skip
    if not v.body:  # withdrawn, or published before versions were kept
        return Content(v.title, v.number, None, opener)
    text = PartnerText(
        v.title, v.slug, v.language, v.number, v.dateline, v.author, v.credit, v.summary,
        v.categories, v.tags, v.image, None, v.body, v.kind, v.denies, v.attachments,
    )  # fmt: skip
    return Content(v.title, v.number, text, opener)


def subject(config: Config, article: Article, event: Event, said: Content) -> str:
    """The subject line (one line, whatever the title's file holds)."""
    return " ".join(_subject(config, article, event, said).split())


def _subject(config: Config, article: Article, event: Event, said: Content) -> str:
    w = mail_words(article.language)
    if event.kind == CORRECTED:
        return f"{correction_head(article.language, event.version - 1)}: {said.title}"
    if event.kind == RETRACTED:
        return f"{w['retracted']}: {said.title}"
    if event.kind == WITHDRAWN:
        return f"{w['withdrawn']}: {said.title}"
    if event.kind in (EMBARGO, MOVED) and said.opener:
        return f"{said.opener}: {said.title}"
    return said.title


def build(config: Config, article: Article, event: Event, at: dt.datetime) -> bytes:
    """The message of `event` (`article` as its file stands), dated `at` in the newsroom's
    zone; no To, List-Id or List-Unsubscribe yet (see `addressed`)."""
    said = content(config, article, event)
    msg = EmailMessage(policy=SMTP)
    msg["From"] = config.mail_from
    if config.mail_reply_to:
        msg["Reply-To"] = config.mail_reply_to
    msg["Subject"] = subject(config, article, event, said)
    msg["Date"] = format_datetime(at.astimezone(config.tz))
    version: int | str = "dicabut" if event.kind == RETRACTED else event.version
    if event.kind in (MOVED, WITHDRAWN):  # a notice of its own, answering the release
        version = f"1.{event.kind}-" + event.key.rpartition("@")[2]
    msg["Message-ID"] = message_id(config, article.id, version)
    if event.kind in (CORRECTED, RETRACTED, MOVED, WITHDRAWN):
        earlier = [message_id(config, article.id, v) for v in range(1, max(2, event.version))]
        msg["In-Reply-To"] = earlier[0]
        msg["References"] = " ".join(earlier)
    msg["Content-Language"] = article.language
    msg["Auto-Submitted"] = "auto-generated"
    msg["Precedence"] = "bulk"
    msg["X-Newsroom-Release"] = f"{article.id} {event.kind} {event.version}"
    files = _files(config, article, said)
    msg.set_content(plain(config, article, said, files))
    msg.add_alternative(page(config, article, said, files), subtype="html")
    for file in files:
        if file.data is not None:
            main, _, sub = (file.attachment.type or "application/octet-stream").partition("/")
            msg.add_attachment(file.data, maintype=main, subtype=sub or "octet-stream",
                               filename=file.attachment.file)  # fmt: skip
    return msg.as_bytes()


def addressed(data: bytes, config: Config, to: str, mail_list: MailList) -> bytes:
    """The message for one recipient: To (one address: a list is never exposed), List-Id
    and List-Unsubscribe in front of the message's own bytes."""
    head = EmailMessage(policy=SMTP)
    head["To"] = to
    head["List-Id"] = f"{mail_list.title} <{mail_list.name}.{domain(config)}>"
    if config.mail_unsubscribe:
        head["List-Unsubscribe"] = f"<{config.mail_unsubscribe}>"
    lines = head.as_bytes().split(b"\r\n\r\n", 1)[0]
    return lines + b"\r\n" + data


@dataclass(frozen=True)
class _File:
    attachment: Attachment
    url: str
    data: bytes | None  # in the message; None: linked (too large, or not on disk as sealed)

    @property
    def label(self) -> str:
        return self.attachment.title or self.attachment.file


def _files(config: Config, article: Article, said: Content) -> list[_File]:
    """The version's attachments but its photo: in the message when small enough and still
    the file that was sealed, else linked."""
    text = said.text
    if text is None or article.path is None:
        return []
    photo = photo_attachment(text.image, text.attachments)
    limit = config.mail_attach_max_mb * 1_000_000
    out = []
    for a in text.attachments:
        if a is photo:
            continue
        data = None
        path = attachment_path(config, article.path, a.file)
        if a.size <= limit and path.is_file() and file_sha256(path) == a.sha256:
            data = path.read_bytes()
        out.append(_File(a, public_url(config, text.slug, a.file), data))
    return out


_LINK = re.compile(r"(!?)\[([^\]]*)\]\(([^)\s]+)(?:\s+\"[^\"]*\")?\)")
_EMPHASIS = re.compile(r"(\*\*|__)(?=\S)(.+?)(?<=\S)\1")


def readable(markdown: str, base_url: str) -> str:
    """Markdown as a phone shows plain text well: `teks (https://…)` for a link (made
    absolute, like the feeds'), no `**` around strong words; the rest as written."""

    def link(match: re.Match[str]) -> str:
        label, url = match.group(2), urljoin(base_url + "/", match.group(3))
        return f"{label} ({url})" if label and label != url else url

    return _EMPHASIS.sub(r"\2", _LINK.sub(link, markdown))


def _when(moment: dt.datetime, config: Config) -> str:
    return format_time(moment, config.tz, config.timezone)


def _photo(config: Config, text: PartnerText) -> tuple[str, str, str] | None:
    """The photo's absolute URL, caption line and alt text (a local photo at its public
    address, as the feeds give it)."""
    image = text.image
    if image is None or not image.src:
        return None
    photo = photo_attachment(image, text.attachments)
    if photo is not None:
        url = public_url(config, text.slug, photo.file)
    else:
        url = urljoin(config.base_url + "/", image.src)
    return url, image.caption, image.alt or image.caption


def plain(config: Config, article: Article, said: Content, files: list[_File]) -> str:
    """The text part: what a phone shows, in the order a journalist reads it."""
    w = mail_words(article.language)
    parts = [said.opener] if said.opener else []
    heading = [said.title]
    if said.number:
        heading.append(f"{w['number_label']}: {said.number}")
    text = said.text
    if text is not None and text.denies:
        heading.append(f"{w['klarifikasi']}: {', '.join(text.denies)}")
    parts.append("\n".join(heading))
    if text is not None:
        photo = _photo(config, text)
        if photo is not None and text.image is not None:
            credit = f" ({w['photo']}: {text.image.credit})" if text.image.credit else ""
            parts.append(f"[{w['photo']}] {text.image.caption}{credit}\n{photo[0]}".strip())
        body = readable(text.body.strip(), config.base_url)
        if text.dateline:
            body = f"{text.dateline} – {body}"
        closing = sign_off(text)
        parts.append(f"{body}\n{closing}" if closing else body)
        if files:
            lines = [f"- {f.label} "
                     f"({short_type(f.attachment.type)}, {human_size(f.attachment.size)}"
                     + (f", {w['attached']})" if f.data is not None else f"): {f.url}")
                     for f in files]  # fmt: skip
            parts.append(f"{w['attachments']}:\n" + "\n".join(lines))
    parts.append(f"{w['read']}: {article_link(article, config)}")
    if config.mail_contact:
        parts.append(f"-- \n{w['contact']}:\n" + config.mail_contact.strip())
    return "\n\n".join(parts) + "\n"


def page(config: Config, article: Article, said: Content, files: list[_File]) -> str:
    """The HTML part, like the release's page."""
    w = mail_words(article.language)
    esc = html.escape
    style = "font-family:Georgia,serif;max-width:40em;margin:auto;line-height:1.5"
    out = [
        f'<!DOCTYPE html>\n<html lang="{esc(article.language)}"><head><meta charset="utf-8">'
        f'<title>{esc(said.title)}</title></head><body style="{style}">'
    ]
    if said.opener:
        out.append('<p style="border:2px solid #b00;padding:.5em;font-weight:bold">'
                   f"{esc(said.opener)}</p>")  # fmt: skip
    out.append(f"<h1>{esc(said.title)}</h1>")
    if said.number:
        out.append(f"<p><strong>{w['number_label']}:</strong> {esc(said.number)}</p>")
    text = said.text
    if text is not None and text.denies:
        out.append(f"<p><strong>{w['klarifikasi']}:</strong> {esc(', '.join(text.denies))}</p>")
    if text is not None:
        photo = _photo(config, text)
        if photo is not None and text.image is not None:
            url, caption, alt = photo
            credit = text.image.credit
            small = f" <small>({w['photo']}: {esc(credit)})</small>" if credit else ""
            out.append(f'<figure style="margin:0"><img src="{esc(url, quote=True)}" '
                       f'alt="{esc(alt, quote=True)}" style="max-width:100%">'
                       f"<figcaption>{esc(caption)}{small}</figcaption></figure>")  # fmt: skip
        out.append(text_html(text, config))
        if files:
            items = "".join(
                f'<li><a href="{esc(f.url, quote=True)}">{esc(f.label)}'
                f"</a> ({esc(short_type(f.attachment.type))}, {human_size(f.attachment.size)}"
                + (f", {w['attached']})" if f.data is not None else ")") + "</li>"
                for f in files
            )  # fmt: skip
            out.append(f"<p><strong>{w['attachments']}:</strong></p><ul>{items}</ul>")
    link = esc(article_link(article, config), quote=True)
    out.append(f'<p><a href="{link}">{w["read"]}</a></p>')
    if config.mail_contact:
        lines = "<br>".join(esc(line) for line in config.mail_contact.strip().splitlines())
        out.append(f"<hr><p><small><strong>{w['contact']}</strong><br>{lines}</small></p>")
    out.append("</body></html>\n")
    return "\n".join(out)
