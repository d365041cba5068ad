"""The command line's commands that write releases: init, new, edit, import, attach,
detach, translate, delete.

Listed in cli.py's `COMMANDS` and imported when one of them runs; the same thin commands
over the core's door, speaking the person's language.
"""

from __future__ import annotations

import sys
from pathlib import Path

import click

from .cli import Context, _time_option, confirm, fail, friendly, pass_ctx, yes_option
from .core.errors import NewsroomError


@click.command()
@click.argument("folder", required=False, type=click.Path(file_okay=False))
@click.option("--title", default="Humas", help="The newsroom's title, e.g. 'Humas Kementerian'.")
@click.option(
    "--credit",
    default="",
    help="The credit line releases start with, e.g. 'HUMAS MENPANRB' (newsroom.toml [site] "
    "credit).",
)
@click.option(
    "--git",
    "use_git",
    is_flag=True,
    help="Share it through git: [git] on, `git init`, feeds and keys kept out of git.",
)
@pass_ctx
@friendly
def init(obj: Context, folder: str | None, title: str, credit: str, use_git: bool) -> None:
    """Make a new newsroom in FOLDER (default: here): newsroom.toml, articles/, feeds/."""
    from .core.service import init_newsroom

    target = Path(folder or ".").resolve()
    config = init_newsroom(target, title, git=use_git, credit=credit)
    click.echo(obj.t("cli.init", target=target, config=config.name))
    if use_git:
        click.echo(obj.t("cli.init_git"))


def _read_body(body_file: str | None) -> str:
    if body_file is None:
        return ""
    if body_file == "-":
        return sys.stdin.read()
    try:
        return Path(body_file).read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        fail(f"{body_file}: cannot read the body: {exc}")


@click.command()
@click.option("--title", required=True, help="The headline.")
@click.option("--dateline", default="", help="The city, e.g. YOGYAKARTA.")
@click.option("--category", "categories", multiple=True, help="A category (repeatable).")
@click.option("--tag", "tags", multiple=True, help="A tag (repeatable).")
@click.option("--summary", default="", help="One or two sentences for partners.")
@click.option(
    "--credit", default="", help="The credit line, e.g. 'HUMAS MENPANRB' (default: [site] credit)."
)
@click.option(
    "--author", default="", help="The byline's initials, e.g. ald (default: yours, from [people])."
)
@click.option("--body-file", metavar="FILE|-", help="Read the Markdown body from FILE or stdin.")
@click.option("--embargo", metavar="ISO", help="Not before this time, e.g. 2026-12-08T09:00.")
@click.option(
    "--kind",
    type=click.Choice(["siaran-pers", "klarifikasi"]),
    default="siaran-pers",
    help="A press release (default), or a klarifikasi denying forged releases.",
)
@click.option(
    "--denies",
    "denies",
    multiple=True,
    metavar="NUMBER",
    help="A klarifikasi: a release number it says is forged (repeatable; implies --kind "
    "klarifikasi).",
)
@pass_ctx
@friendly
def new(
    obj: Context,
    title: str,
    dateline: str,
    categories: tuple[str, ...],
    tags: tuple[str, ...],
    summary: str,
    credit: str,
    author: str,
    body_file: str | None,
    embargo: str | None,
    kind: str,
    denies: tuple[str, ...],
) -> None:
    """Start a new draft; prints its id and path."""
    from .core.service import NewArticle

    newsroom = obj.newsroom
    fields = NewArticle(
        title=title,
        body=_read_body(body_file),
        dateline=dateline,
        summary=summary,
        credit=credit.strip(),
        author=author.strip(),
        categories=list(categories),
        tags=list(tags),
        embargo=_time_option(newsroom, embargo, "--embargo"),
        kind="klarifikasi" if denies else kind,
        denies=[d.strip() for d in denies if d.strip()],
    )
    article = newsroom.start(fields)
    # A dateline that is no city is refused now, by the check submit would refuse it with
    # (same rule, same words), not found out at submit after the text is written.
    for check in newsroom.failing_checks(article):
        if check.name == "dateline" and check.blocks:
            from .i18n.explain import check_text

            raise click.BadParameter(check_text(obj.t, check), param_hint="--dateline")
    article = newsroom.save_new(article)
    click.echo(f"{article.id}\t{article.path}")


@click.command()
@click.argument("ref")
@click.option(
    "--take-over",
    is_flag=True,
    help="Take the release over from whoever is "
    "editing it now (they are told when they next save).",
)
@pass_ctx
@friendly
def edit(obj: Context, ref: str, take_over: bool) -> None:
    """Open a release in $EDITOR; it is checked and saved when the editor closes."""
    from .core.service import KeptText
    from .i18n.explain import error_text

    newsroom = obj.newsroom
    session = newsroom.edit(ref, take_over=take_over)  # refused here, before any work
    try:
        try:
            edited = session.external(session.article, lambda run: run())
        except KeptText as kept:
            cause = kept.cause
            reason = error_text(obj.t, cause, "cli") if isinstance(cause, NewsroomError) else cause
            fail(obj.t("cli.kept", reason=reason, path=kept.path))
        if newsroom.file_text(edited) == newsroom.file_text(session.article):
            click.echo(obj.t("cli.no_change"))
            return
        try:
            session.save(edited)
        except NewsroomError as exc:
            kept_at = session.keep_unsaved(newsroom.file_text(edited))
            fail(obj.t("cli.kept", reason=error_text(obj.t, exc, "cli"), path=kept_at))
    finally:
        session.close()
    click.echo(obj.t("cli.saved", path=session.article.path))


@click.command()
@click.argument("ref")
@yes_option
@pass_ctx
@friendly
def delete(obj: Context, ref: str, yes: bool) -> None:
    """Delete a release never published (a draft, or one sent back for changes): its file and
    its companion folder (attachments) go. A published release is never deleted: retract it."""
    newsroom, t = obj.newsroom, obj.t
    article = newsroom.find(ref)
    if not yes and newsroom.decide(article, "delete").allowed:  # a refusal says why first
        confirm(t, t("cli.delete_confirm", title=article.title, path=article.path))
    newsroom.delete(article)
    click.echo(t("cli.deleted", title=article.title, path=article.path))


@click.command()
@click.argument("ref")
@click.argument("file", type=click.Path(dir_okay=False))
@click.option("--title", default="", help="What partners read (default: from the file's name).")
@click.option("--photo", is_flag=True, help="The file is the release's photo (image.src).")
@pass_ctx
@friendly
def attach(obj: Context, ref: str, file: str, title: str, photo: bool) -> None:
    """Attach FILE to a release (the signed PDF, a data sheet, a photo): copied beside it and
    recorded with its type, size and SHA-256. An edit: the release needs a new approval."""
    newsroom, t = obj.newsroom, obj.t
    article = newsroom.find(ref)
    found = newsroom.attach(article, Path(file), title, photo=photo)
    approval = t("cli.approval.again" if article.was_approved else "cli.approval.first")
    click.echo(t("cli.attached", file=found.file, title=found.title, type=found.type,
                 size=found.size, path=article.path, approval=approval))  # fmt: skip
    click.echo(t("cli.attached_url", url=newsroom.attachment_url(article, found.file)))


@click.command()
@click.argument("ref")
@click.option("--language", "-l", required=True, help="The translation's language: en, id, jv...")
@pass_ctx
@friendly
def translate(obj: Context, ref: str, language: str) -> None:
    """Start a translation of a release: a draft holding the original's text to translate
    (`translation_of` set), which goes through its own review."""
    newsroom, t = obj.newsroom, obj.t
    original = newsroom.find(ref)
    article = newsroom.translate(original, language)
    click.echo(t("cli.translated", language=article.language, original=original.slug,
                 path=article.path))  # fmt: skip


@click.command()
@click.argument("ref")
@click.argument("file")
@pass_ctx
@friendly
def detach(obj: Context, ref: str, file: str) -> None:
    """Remove an attachment (by its file name or title) from a release. An edit: the
    release needs a new approval."""
    newsroom, t = obj.newsroom, obj.t
    article = newsroom.find(ref)
    found = newsroom.detach(article, file)
    approval = t("cli.approval.again" if article.was_approved else "cli.approval.first")
    click.echo(t("cli.detached", file=found.file, path=article.path, approval=approval))


@click.command("import")
@click.argument("files", nargs=-1, required=True, type=click.Path(dir_okay=False))
@click.option("--title", help="The title (default: proposed from the text; edit it later).")
@pass_ctx
@friendly
def import_(obj: Context, files: tuple[str, ...], title: str | None) -> None:
    """Import plain-text releases or front-matter Markdown files as drafts."""
    from .core.service import missing

    failed = 0
    for name in files:
        try:
            article = obj.newsroom.import_file(Path(name), title)
        except NewsroomError as exc:
            from .i18n.explain import error_text

            click.echo(f"newsroom: {error_text(obj.t, exc)}", err=True)
            failed += 1
            continue
        click.echo(f"{article.id}\t{article.path}\t{article.title}")
        for part in missing(article):  # exit 0: the draft is made, the editor completes it
            said = obj.t("import.missing." + part, ref=article.id[:8])
            click.echo(f"newsroom: {name}: {said}", err=True)
    if failed:
        sys.exit(1)
