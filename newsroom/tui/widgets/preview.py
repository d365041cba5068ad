"""A release as partners will see it, and what a correction changes, for the release screen.

The reviewer approves exactly what the preview shows: the version under review (the
fields as they stand, which the approval seals), never the published one it replaces,
which is one key away (`v`).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from rich.text import Text

from ...core.model import Article
from ...core.service import CUT, DELETED, INSERTED, PendingCorrection, signoff_at_end
from ...i18n import Translator
from ...i18n.explain import field_label

TimeText = Callable[..., str]


def partner_markdown(
    article: Article, t: Translator, when: TimeText, *, published: bool = False
) -> str:
    """The release as partners see it: notices, title, summary, photo, dateline, body and
    sign-off. `published`: the version partners see now (while a correction is under way);
    else the version under review, with the notice its correction will carry."""
    version: dict[str, Any] = {}
    if published and article.published_version is not None:
        version = dict(article.published_version)

    def pick(name: str) -> Any:
        return version.get(name, getattr(article, name))

    parts = [f"# {pick('title')}"]
    parts += _notices(article, t, when, pending=not published)
    if pick("summary"):
        parts.append(f"*{pick('summary')}*")
    image = version.get("image") if "image" in version else _image(article)
    if image and (image.get("caption") or image.get("src")):
        photo = f"📷 {image.get('caption', '')}"
        if image.get("credit"):
            photo += f" — *{image['credit']}*"
        parts.append(f"> {photo}")
    body = str(pick("body")).strip()
    if pick("dateline"):
        body = f"**{pick('dateline')}** – {body}"
    signature = "/".join(p for p in (pick("author"), pick("credit")) if p)
    if signature and not signoff_at_end(body):  # as the feeds do: never a second one
        body += f" ({signature})"
    parts.append(body)
    return "\n\n".join(parts)


def _image(article: Article) -> dict[str, str] | None:
    return dict(vars(article.image)) if article.image else None


def _notices(article: Article, t: Translator, when: TimeText, *, pending: bool) -> list[str]:
    """The correction notices partners read above the text, latest first; with the one
    this correction will add when showing the version under review."""
    notices = [
        f"> **{t('release.correction', n=c.number)} ({when(c.at)}):** {c.note}"
        for c in reversed(article.corrections)
    ]
    if pending and article.published_version is not None:
        started = next((h for h in reversed(article.history) if h.action == "correct"), None)
        note = started.note if started else ""
        number = len(article.corrections) + 1
        notices.insert(0, f"> **{t('release.correction', n=number)}:** {note}")
    return notices


def correction_text(
    pending: PendingCorrection, t: Translator, when: TimeText, name_of: Callable[[str], str]
) -> Text:
    """`Ralat N`, its note and who started it, then each changed field word by word:
    deleted words `[-struck through-]` in red, inserted ones `{+underlined+}` in green."""
    text = Text()
    text.append(f"{t('release.correction', n=pending.number)}", style="bold yellow")
    if pending.note:
        text.append(f" — “{pending.note}”", style="yellow")
    if pending.by:
        by = t("release.correction_by", name=name_of(pending.by), when=when(pending.at))
        text.append(f"  ({by})", style="dim")
    text.append(f"\n{t('release.changes')}\n", style="bold")
    if not pending.changes:
        text.append(t("release.no_changes"), style="dim")
    for change in pending.changes:
        text.append(f"{field_label(t, change.field)}: ", style="bold")
        for op, words in change.words:
            # Marked as git's word diff marks them too: seen on any terminal, and in a copy.
            if op == DELETED:
                text.append(f"[-{words}-]", style="strike red")
            elif op == INSERTED:
                text.append(f"{{+{words}+}}", style="underline bold green")
            elif op == CUT:
                text.append(words, style="dim")
            else:
                text.append(words)
        text.append("\n")
    return text
