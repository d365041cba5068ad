"""A release as partners will see it, and what a correction changes, for the release screen.

The reviewer approves exactly what the preview shows: the version under review (the
fields as they stand, which the approval seals), never the published one it replaces,
which is one key away (`v`).
"""

from __future__ import annotations

from collections.abc import Callable

from rich.text import Text

from ...core.model import Article
from ...core.service import (
    CUT,
    DELETED,
    INSERTED,
    PendingCorrection,
    partner_body,
    partner_text,
)
from ...i18n import Translator
from ...i18n.explain import field_label

TimeText = Callable[..., str]


def partner_markdown(
    article: Article, t: Translator, when: TimeText, *, published: bool = False
) -> str:
    """The release as partners see it: notices, title, summary, photo, dateline, body and
    sign-off. `published`: the version partners see now (while a correction is under way);
    else the version under review, with the notice its correction will carry."""
    text = partner_text(article, live=published)  # one answer for every face (view.py)
    parts = [f"# {text.title}"]
    if text.release_number:  # as the paper release and the feeds show it, under the title
        parts.append(f"**{t('field.number')}:** {text.release_number}")
    if text.denies:
        parts.append(f"**{t('field.denies')}:** {', '.join(text.denies)}")
    parts += _notices(article, t, when, pending=not published)
    if text.summary:
        parts.append(f"*{text.summary}*")
    image = text.image
    if image and (image.caption or image.src):
        photo = f"📷 {image.caption}"
        if image.credit:
            photo += f" — *{image.credit}*"
        parts.append(f"> {photo}")
    # the dateline and the sign-off where the feeds put them (never a second sign-off)
    parts.append(partner_body(text, f"**{text.dateline}**"))
    if text.attachments:
        files = [
            f"- {f.title or f.file} ({f.file}, {f.type}, {f.size:,} B)" for f in text.attachments
        ]
        parts.append(f"**{t('field.attachments')}:**\n\n" + "\n".join(files))
    return "\n\n".join(parts)


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
