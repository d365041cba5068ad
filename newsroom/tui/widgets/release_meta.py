"""The release screen's side pane: the release's details as the reviewer reads them (status,
dateline, the byline with the person's name, number, attachments, photo credit...), its
original and translations, and who is editing it now."""

from __future__ import annotations

from typing import TYPE_CHECKING

from rich.cells import cell_len
from textual import events
from textual.widgets import Static

from ...core.model import Article
from ..markup import escape

if TYPE_CHECKING:
    from ..app import NewsroomApp


class Details(Static):
    """The side pane's details, worded again for each width it is given: the file's path
    is fitted to the pane (path_lines), which a wrap would break mid-word."""

    def __init__(self, **kwargs: object) -> None:
        super().__init__(**kwargs)  # type: ignore[arg-type]
        self.shown: tuple[NewsroomApp, Article] | None = None

    def show(self, app: NewsroomApp, article: Article) -> None:
        self.shown = (app, article)
        self.update(meta_text(app, article, self.size.width))

    def on_resize(self, event: events.Resize) -> None:
        if self.shown is not None:
            self.update(meta_text(*self.shown, width=event.size.width))


def path_lines(path: str, width: int, first: int = 0) -> list[str]:
    """A file's path in lines of `width` columns (0: one line), the first after a label of
    `first` columns: broken after a `/` where it must, and a folder or name wider than its
    line loses its middle (`contoh-menu…tas.md`). A wrap would cut it anywhere
    (`contoh-me` / `nunggu-review`)."""
    parts = [p + "/" for p in path.split("/")[:-1]] + [path.rsplit("/", 1)[-1]]
    lines: list[str] = []
    line, room = "", width - first
    for part in parts:
        if width and cell_len(line + part) > room and (line or (room < width and not lines)):
            lines.append(line)
            line, room = "", width
        fits = not width or cell_len(line + part) <= room
        line += part if fits else _middle(part, room - cell_len(line))
    return [*lines, line]


def _middle(text: str, width: int) -> str:
    """`text` in `width` columns, its middle left out: its start and its end tell it."""
    if width <= 1:
        return "…"
    head = (width - 1) // 2
    return text[:head] + "…" + text[len(text) - (width - 1 - head) :]


def meta_text(app: NewsroomApp, a: Article, width: int = 0) -> str:
    """The side pane's text (Rich markup): the fields that are set, the pair, the lease;
    the file's path fitted to `width` (0: whole)."""
    t, when = app.t, app.long_time
    rows = [
        ("field.status", t("status." + a.status)),
        ("field.dateline", a.dateline),
        ("field.author", app.newsroom.byline(a.author)),
        ("field.credit", a.credit),
        ("field.categories", ", ".join(a.categories)),
        ("field.tags", ", ".join(a.tags)),
        ("field.embargo", app.short_time(a.embargo) if a.embargo else ""),  # (its label: zone)
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
    for k, v in (row for row in rows if row[1]):
        label = f"{t(k, zone=zone)}:" if k else " "
        if k == "field.path":  # broken where a person would, never mid-word
            v = "\n".join(path_lines(v, width, cell_len(label) + 1))
        lines.append(f"[dim]{label}[/dim] {escape(v)}" if k else f"  {escape(v)}")
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
