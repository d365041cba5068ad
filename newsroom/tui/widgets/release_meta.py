"""The release screen's side pane: the release's details as the reviewer reads them (status,
dateline, the byline with the person's name, number, attachments, photo credit...), its
original and translations, and who is editing it now."""

from __future__ import annotations

from typing import TYPE_CHECKING

from ...core.model import Article
from ..markup import escape

if TYPE_CHECKING:
    from ..app import NewsroomApp


def meta_text(app: NewsroomApp, a: Article) -> str:
    """The side pane's text (Rich markup): the fields that are set, the pair, the lease."""
    t, when = app.t, app.long_time
    rows = [
        ("field.status", t("status." + a.status)),
        ("field.dateline", a.dateline),
        ("field.author", app.newsroom.byline(a.author)),
        ("field.credit", a.credit),
        ("field.categories", ", ".join(a.categories)),
        ("field.tags", ", ".join(a.tags)),
        ("field.embargo", when(a.embargo) if a.embargo else ""),
        ("field.corrections", str(len(a.corrections)) if a.corrections else ""),
        ("field.published", when(a.published) if a.published else ""),
        ("field.updated", when(a.updated) if a.updated else ""),
        ("field.release_number", a.release_number),
        ("field.kind", t("kind.klarifikasi") if a.is_klarifikasi else ""),
        ("field.denies", ", ".join(a.denies)),
        ("field.path", str(a.path)),
    ]
    rows += [
        (
            "field.attachments" if i == 0 else "",
            f"{f.file} — {f.title} ({f.type}, {f.size:,} B)",
        )
        for i, f in enumerate(a.attachments)
    ]
    if a.image:
        rows += [("field.caption", a.image.caption), ("field.photo_credit", a.image.credit)]
    zone = app.zone
    lines = [f"[b]{t('release.meta')}[/b]"]
    lines += [
        f"[dim]{t(k, zone=zone)}:[/dim] {escape(v)}" if k else f"  {escape(v)}"
        for k, v in rows
        if v
    ]
    lines += _pair(app, a)
    held = app.newsroom.editing_now(a.id)
    if held is not None and held.holder != app.newsroom.actor:
        name = escape(app.name_of(held.holder))
        lines.append(f"\n[yellow]✎ {t('desk.editing', name=name)}[/yellow]")
    return "\n".join(lines)


def _pair(app: NewsroomApp, a: Article) -> list[str]:
    """The release's original and translations with their status (translations.py), and
    the note when the original was corrected after this translation was approved."""
    t = app.t
    members = app.newsroom.translation_pair(a).members
    corrected = app.newsroom.original_corrected(a)
    if not members and corrected is None:
        return []
    from ...i18n.explain import pair_line

    lines = ["", f"[b]{t('release.pair')}[/b]"]
    lines += [escape(pair_line(t, r, a.id)) for r in members]
    if corrected is not None:
        when = app.long_time(corrected)
        lines.append(f"[yellow]! {escape(t('release.original_corrected', when=when))}[/yellow]")
    return lines
