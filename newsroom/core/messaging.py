"""A release as text for messaging apps: most journalists first see a release in a
WhatsApp group, pasted there by the press office.

`message_text(article, config, now, fmt)` gives what partners see of the release (the
published version while a correction is under way: view.py), in one of three forms:

- `whatsapp`: the title in WhatsApp bold (`*…*`), emphasis as `_…_`, headings bold, lists
  as `- ` and `1. ` (WhatsApp shows both as lists), quotes as `> `;
- `plain`: the same without any markup (e-mail, Telegram without parse mode, a text file);
- `sms`: short and in the GSM alphabet (curly quotes and dashes made plain): the number,
  the title, the date, the summary cut to fit two messages, and the link.

In order: the embargo line first when the release is still under embargo (`EMBARGO hingga
08-12-2026 09:00 WIB`), a draft's warning that it is not approved, a retraction's line;
the number (`Nomor: …`, as the feeds say it) and, for a klarifikasi, the numbers it
denies; the title; the date in the newsroom's zone (WIB); each published correction's
note; the dateline and the body as plain text with lists kept; the sign-off; the
attachments with their addresses; the link to the release's page; once the newsroom signs
and the version's signed text is out, where to check it (its `v<N>.txt`, the signature
beside it, the public key, the page's "Cek keaslian" section; not in an SMS). Its words are in the
release's language (feeds/words.py), as in the feeds.
"""

from __future__ import annotations

import datetime as dt
import unicodedata
from functools import cache
from typing import Any
from urllib.parse import urljoin

from .clock import format_time
from .config import Config
from .model import Article, Status
from .view import PartnerText, partner_text, sign_off

TEXT_FORMATS = ("whatsapp", "plain", "sms")
SMS_LIMIT = 306  # two concatenated SMS of the GSM alphabet (153 characters each)
SMS_CORRECTION = 100  # the most an SMS gives its latest correction's line (note cut)


def message_text(article: Article, config: Config, now: dt.datetime, fmt: str = "whatsapp") -> str:
    """The release as text for a messaging app (see the module docstring)."""
    if fmt not in TEXT_FORMATS:
        raise ValueError(f"unknown text format {fmt!r} (known: {', '.join(TEXT_FORMATS)})")
    from .feeds.content import article_link
    from .feeds.words import words

    text = partner_text(article)
    w = words(article.language)
    link = article_link(article, config)
    when = _time(article, config)
    head = _warnings(article, text, config, now, w)
    number = f"{w['number_label']}: {text.release_number}" if text.release_number else ""
    denies = f"{w['klarifikasi']}: {', '.join(text.denies)}" if text.denies else ""
    corrections = [
        f"{w['correction']} {c.number} ({format_time(c.at, config.tz, config.timezone)}): "
        f"{_one_line(c.note)}"
        for c in (article.corrections if article.status != Status.RETRACTED else ())
    ]
    if fmt == "sms":  # (the latest correction: a reader must know the text was corrected)
        return _sms(head, [n for n in (number, denies) if n], text, when, link, corrections[-1:])
    bold = fmt == "whatsapp"
    lines = [*head]
    if head:
        lines.append("")
    lines += [n for n in (number, denies) if n]
    lines.append(f"*{_one_line(text.title)}*" if bold else _one_line(text.title))
    if when:
        lines.append(when)
    lines.append("")
    for line in corrections:
        lines += [line, ""]
    if article.status != Status.RETRACTED:
        body = body_text(text.body, config.base_url, bold)
        if text.dateline:
            body = f"{text.dateline} – {body}"
        lines += [body, ""]
        if signoff := sign_off(text):
            lines += [signoff, ""]
        lines += _attachments(text, config, w)
    lines.append(link)
    lines += _authenticity(article, config, w)
    return "\n".join(lines) + "\n"


def _authenticity(article: Article, config: Config, w: dict[str, str]) -> list[str]:
    """How to check the release's signature, once the newsroom signs and this version's
    signed text is published (signing/texts.py): its text (the signature beside it, `.minisig`),
    the office's public key, and the page's "Cek keaslian" section that explains the rest."""
    if article.published is None:
        return []
    from .signing.canonical import last_text
    from .signing.keys import PUBLIC

    path = last_text(article)
    if not (config.feeds_dir / path).is_file() or not (config.feeds_dir / PUBLIC).is_file():
        return []
    base = config.feeds_base
    page = f"{base}/{path.rsplit('/', 1)[0]}/#keaslian"  # the release's page in the record
    return ["", f"{w['verify']}: {base}/{path} + .minisig",
            f"{w['public_key']}: {base}/{PUBLIC} ({w['how']}: {page})"]  # fmt: skip


def _attachments(text: PartnerText, config: Config, w: dict[str, str]) -> list[str]:
    """The files that travel with the release (the signed PDF...), each with its address
    in the public record; the photo is not one of them here."""
    from .attachments import photo_attachment, public_url

    photo = photo_attachment(text.image, text.attachments)
    files = [a for a in text.attachments if a is not photo]
    if not files:
        return []
    lines = [f"{w['attachments']}:"]
    lines += [f"- {a.title or a.file}: {public_url(config, text.slug, a.file)}" for a in files]
    return [*lines, ""]


def _time(article: Article, config: Config) -> str:
    """The release's date: its publication, else its embargo's lift ("" for a draft)."""
    when = article.published or article.embargo
    return format_time(when, config.tz, config.timezone) if when else ""


def _warnings(article: Article, text: PartnerText, config: Config, now: dt.datetime,
              w: dict[str, str]) -> list[str]:  # fmt: skip
    """What must be read before anything else: embargo, not approved, retracted."""
    out = []
    if article.status == Status.RETRACTED and (retraction := article.retraction) is not None:
        at = format_time(retraction.at, config.tz, config.timezone)
        out.append(f"{w['retracted']}: {w['retraction']} ({at}): {retraction.note}")
    elif text.embargo is not None and text.embargo > now and not article.is_live:
        out.append(f"{w['embargo']} {format_time(text.embargo, config.tz, config.timezone)}")
    if article.status not in (Status.APPROVED, Status.PUBLISHED, Status.RETRACTED) and (
        not article.is_live
    ):
        out.append(w["draft"])
    return out


def _one_line(text: str) -> str:
    return " ".join(text.split())


# ---------------------------------------------------------------- the body


def body_text(body: str, base_url: str, whatsapp: bool) -> str:
    """Markdown as plain text (WhatsApp's markup when `whatsapp`): paragraphs apart, lists
    kept as `- ` and `1. ` lines (nested ones indented), links as `text (URL)` with the
    URL made absolute, raw HTML shown as typed (as in the feeds)."""
    return _Blocks(base_url, whatsapp).render(tokens(body)).strip("\n")


def tokens(body: str) -> list[Any]:
    """CommonMark's tokens of a body, raw HTML off, as the feeds read it: markdown-it-pyrs'
    tree made into markdown-it-py's tokens when it is installed (the feeds' fast parser:
    feeds/markdown.py; importing markdown-it-py costs a publish after one approval 0.03 s),
    else markdown-it-py's own. A test holds the two to the same text."""
    from .feeds.markdown import renderer_name

    if renderer_name() == "markdown-it-pyrs":
        out: list[Any] = []
        _flatten(_fast_parser().tree(body), out)
        return out
    return reference_tokens(body)


def reference_tokens(body: str) -> list[Any]:
    """markdown-it-py's tokens: the reference the fast parser's must match."""
    return list(_parser().parse(body))


@cache
def _parser() -> Any:
    """CommonMark without raw HTML, as the feeds read a body (made once)."""
    from markdown_it import MarkdownIt

    return MarkdownIt("commonmark", {"html": False})


@cache
def _fast_parser() -> Any:
    import markdown_it_pyrs

    from .feeds.markdown import RULES

    return markdown_it_pyrs.MarkdownIt("zero").enable_many(RULES)  # type: ignore[arg-type]


class _Token:
    """The part of markdown-it-py's Token that _Blocks reads."""

    __slots__ = ("attrs", "children", "content", "type")

    def __init__(self, kind: str, content: str = "", attrs: dict[str, Any] | None = None,
                 children: list[Any] | None = None) -> None:  # fmt: skip
        self.type, self.content, self.attrs, self.children = kind, content, attrs or {}, children

    def attrGet(self, name: str) -> Any:  # markdown-it-py's name
        return self.attrs.get(name)


_BLOCKS = ("paragraph", "heading", "bullet_list", "ordered_list", "list_item", "blockquote")
_INLINE_PAIRS = ("strong", "em", "link")


def _flatten(node: Any, out: list[Any]) -> None:
    """A markdown-it-pyrs node's children as markdown-it-py's block tokens, in order."""
    run: list[Any] = []  # inline nodes straight in a tight list's item

    def inline() -> None:
        if run:
            out.append(_Token("inline", children=_inline(run)))
            run.clear()

    for child in node.children:
        name = "heading" if child.name == "lheading" else child.name
        if name == "definition":  # a link reference's definition shows nothing
            continue
        if name in _BLOCKS:
            inline()
            attrs = {"start": child.meta.get("start", 1)} if name == "ordered_list" else None
            out.append(_Token(f"{name}_open", attrs=attrs))
            if name in ("paragraph", "heading"):
                out.append(_Token("inline", children=_inline(child.children)))
            else:
                _flatten(child, out)
            out.append(_Token(f"{name}_close"))
        elif name in ("fence", "code_block"):
            inline()
            out.append(_Token(name, content=child.meta.get("content", "")))
        elif name == "hr":
            inline()
            out.append(_Token("hr"))
        else:
            run.append(child)
    inline()


def _inline(nodes: list[Any]) -> list[Any]:
    out: list[Any] = []
    for node in nodes:
        name = node.name
        if name in ("text", "text_special"):
            content = node.meta.get("content", "")
            if out and out[-1].type == "text":  # markdown-it-py joins them (text_join)
                out[-1].content += content
            else:
                out.append(_Token("text", content=content))
        elif name == "code_inline":
            out.append(_Token(name, content="".join(_plain(node))))
        elif name in _INLINE_PAIRS or name == "autolink":
            attrs = (
                {"href": node.meta.get("url", "")} if name != "em" and name != "strong" else None
            )
            name = "link" if name == "autolink" else name
            out.append(_Token(f"{name}_open", attrs=attrs))
            out += _inline(node.children)
            out.append(_Token(f"{name}_close"))
        elif name == "image":
            alt = "".join(_source(node))
            out.append(_Token("image", content=alt, attrs={"src": node.meta.get("url", "")}))
        else:  # softbreak, hardbreak
            out.append(_Token(name))
    return out


def _plain(node: Any) -> list[str]:
    """The text inside a node (inline code), markup dropped."""
    parts: list[str] = []
    for child in node.children:
        if child.name in ("text", "text_special"):
            parts.append(child.meta.get("content", ""))
        elif child.name in ("softbreak", "hardbreak"):
            parts.append("\n")
        else:
            parts += _plain(child)
    return parts


def _source(node: Any) -> list[str]:
    """An image's alt text as typed (markdown-it-py's `content`: its markup kept)."""
    parts: list[str] = []
    for child in node.children:
        meta, name = child.meta, child.name
        if name == "text":
            parts.append(meta.get("content", ""))
        elif name == "text_special":
            parts.append(meta.get("markup", meta.get("content", "")))
        elif name in ("softbreak", "hardbreak"):
            parts.append("\n")
        elif name in ("em", "strong"):
            mark = meta.get("marker", "*") * (2 if name == "strong" else 1)
            parts += [mark, *_source(child), mark]
        elif name == "code_inline":
            mark = meta.get("marker", "`") * meta.get("marker_len", 1)
            parts += [mark, *_source(child), mark]
        elif name == "link":
            parts += ["[", *_source(child), f"]({meta.get('url', '')})"]
        else:
            parts += _source(child)
    return parts


class _Blocks:
    def __init__(self, base_url: str, whatsapp: bool) -> None:
        self.base_url, self.whatsapp = base_url, whatsapp
        self._heading_open = False

    def render(self, tokens: list[Any]) -> str:
        blocks: list[str] = []
        lists: list[list[int]] = []  # per open list: [next number] (0: bullets)
        prefix = ""  # the list marker waiting for the item's first line
        quote = 0
        for token in tokens:
            kind = token.type
            if kind in ("bullet_list_open", "ordered_list_open"):
                start = int(token.attrGet("start") or 1) if kind == "ordered_list_open" else 0
                lists.append([start])
            elif kind in ("bullet_list_close", "ordered_list_close"):
                lists.pop()
                if not lists and blocks:  # a blank line after the outermost list
                    blocks[-1] = blocks[-1].rstrip("\n") + "\n\n"
            elif kind == "list_item_open":
                number = lists[-1][0]
                marker = f"{number}. " if number else "- "
                if number:
                    lists[-1][0] += 1
                prefix = "  " * (len(lists) - 1) + marker
            elif kind == "blockquote_open":
                quote += 1
            elif kind == "blockquote_close":
                quote -= 1
            elif kind == "inline":
                text = self.inline(token.children or [])
                indent = "  " * len(lists)
                if prefix:
                    first, *rest = text.split("\n")
                    text = "\n".join([prefix + first, *(indent + line for line in rest)])
                    prefix = ""
                elif lists:
                    text = "\n".join(indent + line for line in text.split("\n"))
                if self._heading_open:
                    text = f"*{text}*" if self.whatsapp else text
                    self._heading_open = False
                blocks.append(self._quoted(text, quote) + ("\n" if lists else "\n\n"))
            elif kind == "heading_open":
                self._heading_open = True
            elif kind in ("fence", "code_block"):
                code = token.content.rstrip("\n")
                code = f"```{code}```" if self.whatsapp else code
                blocks.append(self._quoted(code, quote) + "\n\n")
            elif kind == "hr":
                blocks.append("———\n\n")
        return "".join(blocks)

    def _quoted(self, text: str, depth: int) -> str:
        if not depth:
            return text
        return "\n".join("> " * depth + line for line in text.split("\n"))

    def inline(self, children: list[Any]) -> str:
        out: list[str] = []
        links: list[str] = []  # the URL of each open link
        texts: list[int] = []  # where each open link's text starts in `out`
        for child in children:
            kind = child.type
            if kind == "text":
                out.append(child.content)
            elif kind == "softbreak":
                out.append(" ")
            elif kind == "hardbreak":
                out.append("\n")
            elif kind == "code_inline":
                out.append(f"`{child.content}`" if self.whatsapp else child.content)
            elif kind in ("strong_open", "strong_close"):
                out.append("*" if self.whatsapp else "")
            elif kind in ("em_open", "em_close"):
                out.append("_" if self.whatsapp else "")
            elif kind == "link_open":
                links.append(urljoin(self.base_url + "/", child.attrGet("href") or ""))
                texts.append(len(out))
            elif kind == "link_close":
                url, start = links.pop(), texts.pop()
                label = "".join(out[start:])
                if label.strip("*_`") not in (url, url.removeprefix("mailto:")):
                    out.append(f" ({url})")
            elif kind == "image":
                src = urljoin(self.base_url + "/", child.attrGet("src") or "")
                alt = child.content or ""
                out.append(f"{alt} ({src})" if alt else src)
        return "".join(out)


# ---------------------------------------------------------------- SMS


_GSM = str.maketrans({"“": '"', "”": '"', "„": '"', "‘": "'", "’": "'", "–": "-", "—": "-",
                      "…": "...", "\u00a0": " ", "•": "-"})  # fmt: skip


def gsm(text: str) -> str:
    """Text an SMS carries in its 7-bit alphabet: typographic marks made plain, accents
    dropped (a single curly quote would make the phone send every part as UCS-2, cutting
    a message to 70 characters)."""
    text = text.translate(_GSM)
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(c for c in decomposed if ord(c) < 128 or c in "£¥èéùìòÇØøÅåÄÖÑÜäöñüà§¿¡")


def _sms(head: list[str], numbers: list[str], text: PartnerText, when: str, link: str,
         corrected: list[str]) -> str:  # fmt: skip
    """Warnings, number, title and date, the latest correction (its note cut to fit), the
    summary cut to fit SMS_LIMIT, the link."""
    title = _one_line(text.title) + (f" ({when})" if when else "")
    fixed = [*head, *numbers, title, *(_cut(line, SMS_CORRECTION) for line in corrected)]
    used = sum(len(gsm(line)) + 1 for line in fixed) + len(gsm(link))
    summary = gsm(_one_line(text.summary))
    room = SMS_LIMIT - used - 1
    if summary and room > 20:
        fixed.append(_cut(summary, room))
    return "\n".join(gsm(line) for line in [*fixed, link]) + "\n"


def _cut(text: str, room: int) -> str:
    """`text` in at most `room` characters, cut at a word with "..." when it is longer."""
    return text if len(text) <= room else text[: room - 3].rsplit(" ", 1)[0] + "..."
