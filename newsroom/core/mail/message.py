"""The message of one release event, as a journalist's mail client shows it.

multipart/alternative: a plain-text part a phone reads well, and an HTML part like the
release's page (number, dateline, photo with caption and credit, body, sign-off, contact
block), from the feeds' renderer (one rendering of a release's text for every output).
The subject says what it is: the title; `RALAT: …` (the correction's note first in the
text); `DICABUT: …` (the reason, no text); `EMBARGO hingga <time> WIB: …` before a lift.

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
from email.message import EmailMessage
from email.policy import SMTP
from email.utils import format_datetime, parseaddr
from urllib.parse import urljoin

from ..clock import format_time
from ..config import Config
from ..config_mail import MailList
from ..feeds.content import article_link, render_article
from ..feeds.words import words
from ..model import Article
from ..view import partner_text, sign_off
from .events import CORRECTED, EMBARGO, RETRACTED, Event

MAIL_WORDS: dict[str, dict[str, str]] = {
    "id": {"read": "Baca di situs", "number": "Nomor", "contact": "Kontak media",
           "list": "Anda menerima pesan ini sebagai anggota daftar",
           "unsubscribe": "Berhenti berlangganan"},
    "en": {"read": "Read it on the web", "number": "Number", "contact": "Media contact",
           "list": "You receive this as a member of the list",
           "unsubscribe": "Unsubscribe"},
}  # fmt: skip


def mail_words(language: str) -> dict[str, str]:
    return {**words(language), **MAIL_WORDS["en" if language.startswith("en") else "id"]}


def domain(config: Config) -> str:
    """The domain of the sender's address: Message-IDs and List-Ids are made under it."""
    return parseaddr(config.mail_from)[1].rpartition("@")[2].lower() or "newsroom.invalid"


def message_id(config: Config, release: str, version: int | str) -> str:
    return f"<{release}.{version}@{domain(config)}>"


def subject(config: Config, article: Article, event: Event) -> str:
    w = mail_words(article.language)
    title = partner_text(article).title
    if event.kind == CORRECTED:
        return f"{w['correction_notice']}: {title}"
    if event.kind == RETRACTED:
        return f"{w['retracted']}: {title}"
    if event.kind == EMBARGO and event.moment is not None:
        return f"{w['embargo']} {_when(event.moment, config)}: {title}"
    return title


def build(config: Config, article: Article, event: Event, at: dt.datetime) -> bytes:
    """The message of `event` (`article` as its file stands), dated `at` in the newsroom's
    zone; no To, List-Id or List-Unsubscribe yet (see `addressed`)."""
    msg = EmailMessage(policy=SMTP)
    msg["From"] = config.mail_from
    if config.mail_reply_to:
        msg["Reply-To"] = config.mail_reply_to
    msg["Subject"] = subject(config, article, event)
    msg["Date"] = format_datetime(at.astimezone(config.tz))
    version = "dicabut" if event.kind == RETRACTED else event.version
    msg["Message-ID"] = message_id(config, article.id, version)
    if event.kind in (CORRECTED, RETRACTED):
        earlier = [message_id(config, article.id, v) for v in range(1, event.version)]
        msg["In-Reply-To"] = earlier[0]
        msg["References"] = " ".join(earlier)
    msg["Content-Language"] = article.language
    msg["Auto-Submitted"] = "auto-generated"
    msg["Precedence"] = "bulk"
    msg["X-Newsroom-Release"] = f"{article.id} {event.kind} {event.version}"
    msg.set_content(plain(config, article, event))
    msg.add_alternative(page(config, article, event), subtype="html")
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


def _openers(config: Config, article: Article, event: Event) -> list[str]:
    """What comes first in the text: the embargo, the correction's note, the retraction."""
    w = mail_words(article.language)
    if event.kind == EMBARGO and event.moment is not None:
        return [f"{w['embargo']} {_when(event.moment, config)}"]
    if event.kind == CORRECTED:
        correction = article.corrections[event.version - 2]
        head = f"{w['correction_notice']} {correction.number} ({_when(correction.at, config)})"
        return [f"{head}: {correction.note}"]
    if event.kind == RETRACTED and (retraction := article.retraction) is not None:
        return [f"{w['retraction']} ({_when(retraction.at, config)}): {retraction.note}"]
    return []


def plain(config: Config, article: Article, event: Event) -> str:
    """The text part: what a phone shows, in the order a journalist reads it."""
    w = mail_words(article.language)
    text = partner_text(article)
    parts = _openers(config, article, event)
    heading = [text.title]
    if text.release_number:
        heading.append(f"{w['number']}: {text.release_number}")
    parts.append("\n".join(heading))
    if event.kind != RETRACTED:
        if text.image is not None and text.image.src:
            rendered = render_article(article, config)
            caption = text.image.caption + (f" ({w['photo']}: {text.image.credit})"
                                            if text.image.credit else "")  # fmt: skip
            url = rendered.image.url if rendered.image else text.image.src
            parts.append(f"[{w['photo']}] {caption}\n{url}".strip())
        body = readable(text.body.strip(), config.base_url)
        if text.dateline:
            body = f"{text.dateline} – {body}"
        closing = sign_off(text)
        parts.append(f"{body}\n{closing}" if closing else body)
    parts.append(f"{w['read']}: {article_link(article, config)}")
    if config.mail_contact:
        parts.append(f"-- \n{w['contact']}:\n" + config.mail_contact.strip())
    return "\n\n".join(parts) + "\n"


def page(config: Config, article: Article, event: Event) -> str:
    """The HTML part, like the release's page."""
    w = mail_words(article.language)
    rendered = render_article(article, config)
    esc = html.escape
    style = "font-family:Georgia,serif;max-width:40em;margin:auto;line-height:1.5"
    out = [
        f'<!DOCTYPE html>\n<html lang="{esc(article.language)}"><head><meta charset="utf-8">'
        f'<title>{esc(rendered.title)}</title></head><body style="{style}">'
    ]
    for opener in _openers(config, article, event):
        out.append('<p style="border:2px solid #b00;padding:.5em;font-weight:bold">'
                   f"{esc(opener)}</p>")  # fmt: skip
    out.append(f"<h1>{esc(rendered.title)}</h1>")
    if rendered.release_number:
        out.append(f"<p><small>{w['number']}: {esc(rendered.release_number)}</small></p>")
    if event.kind != RETRACTED:
        out.append(rendered.content_html.replace("<img ", '<img style="max-width:100%" '))
    link = esc(article_link(article, config), quote=True)
    out.append(f'<p><a href="{link}">{w["read"]}</a></p>')
    if config.mail_contact:
        lines = "<br>".join(esc(line) for line in config.mail_contact.strip().splitlines())
        out.append(f"<hr><p><small><strong>{w['contact']}</strong><br>{lines}</small></p>")
    out.append("</body></html>\n")
    return "\n".join(out)
