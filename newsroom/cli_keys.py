"""The command line's signing commands: `newsroom keys init|show|rotate` and `newsroom
verify`. Listed in cli.py's `COMMANDS`, imported when one runs; thin commands over the core's door.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path
from typing import TYPE_CHECKING, Any

import click

from .cli import Context, fail, friendly, pass_ctx
from .core.errors import NewsroomError

if TYPE_CHECKING:
    from .core.service import KeyInfo, Report
    from .i18n import Translator

SHOWN = 10  # signed files named one by one before "and N more"


@click.group()
def keys() -> None:
    """The office's signing key (minisign's format): init, show, rotate."""


def _new_passphrase(obj: Context) -> str:
    """A passphrase for a new secret key: the variable [signing] passphrase_env names, else
    typed twice."""
    name = obj.config.passphrase_env
    if name and os.environ.get(name):
        return os.environ[name]
    t = obj.t
    if not _at_terminal():  # click would say "Password input may be echoed" and "Aborted!"
        fail(t("keys.no_terminal"))
    given: str = click.prompt(t("keys.passphrase"), hide_input=True, err=True,
                              confirmation_prompt=t("keys.passphrase_again"))  # fmt: skip
    if not given:
        fail(t("keys.passphrase_empty"))
    return given


def _at_terminal() -> bool:
    """Whether someone can type a passphrase (cron, a pipe and a test's runner cannot)."""
    return sys.stdin.isatty()


def _protection(t: Translator, encrypted: bool) -> str:
    return t("keys.encrypted") if encrypted else t("keys.unencrypted")


@keys.command("init")
@click.option(
    "--unencrypted",
    is_flag=True,
    help="No passphrase, for cron (as minisign -W): protect the file instead.",
)
@pass_ctx
@friendly
def keys_init(obj: Context, unencrypted: bool) -> None:
    """Make the newsroom's signing key pair: newsroom.pub here, the secret key outside the
    newsroom (NEWSROOM_SIGNING_KEY, else ~/.config/newsroom/keys/), mode 0600."""
    newsroom = obj.newsroom
    passphrase = None if unencrypted else _new_passphrase(obj)
    key, path = newsroom.keys_init(passphrase)
    click.echo(obj.t("keys.made", key_id=key.id, public=newsroom.config.root / "newsroom.pub",
                     secret=path, protection=_protection(obj.t, not unencrypted)))  # fmt: skip
    if not newsroom.config.signing_required:
        click.echo(obj.t("keys.not_required"))


@keys.command("show")
@pass_ctx
@friendly
def keys_show(obj: Context) -> None:
    """The public key, where the secret key is expected, and every key used before."""
    info = obj.newsroom.keys_show()
    for line in _key_lines(obj.t, info):
        click.echo(line)


def _key_lines(t: Translator, info: KeyInfo) -> list[str]:
    if info.public is None:
        return [t("keys.none")]
    lines = [
        t("keys.public", key_id=info.public.id, path=info.public_path),
        f"  {info.public.base64}",
    ]
    if info.secret_found:
        lines.append(t("keys.secret_here", path=info.secret_path,
                       protection=_protection(t, info.encrypted)))  # fmt: skip
    else:
        lines.append(t("keys.secret_missing", path=info.secret_path))
    lines.append(t("keys.partners"))
    lines += [t("keys.old_secret_left", path=p) for p in info.old_secrets]
    if len(info.keys) > 1:
        lines.append(t("keys.history"))
        for entry in info.keys:
            lines.append(t("keys.entry", key_id=entry.id, status=t("keys.status." + entry.status),
                           since=entry.since, until=entry.until or "…",
                           reason=entry.reason).rstrip())  # fmt: skip
    return lines


@keys.command("revoke")
@click.argument("key_id")
@click.option("--reason", required=True, help="Why: how the key leaked (partners read it).")
@pass_ctx
@friendly
def keys_revoke(obj: Context, key_id: str, reason: str) -> None:
    """Revoke an earlier key that leaked (a backup, an old laptop): the list of keys, signed
    again by the current key, says it is revoked, and `newsroom verify` refuses whatever it
    signed. The current key is revoked by `keys rotate --revoke`, which makes its successor."""
    t = obj.t
    if not reason.strip():
        raise click.UsageError(t("keys.revoke_reason_needed"))
    newsroom = obj.newsroom
    info = newsroom.keys_show()
    current = info.public.id if info.public else ""

    def passphrase() -> str:
        typed: str = click.prompt(t("keys.passphrase_old", key_id=current), hide_input=True,
                                  err=True)  # fmt: skip
        return typed

    entry = newsroom.keys_revoke(key_id, reason, passphrase)
    click.echo(t("keys.revoked_old", key_id=entry.id, current=current, reason=entry.reason))


@keys.command("rotate")
@click.option("--unencrypted", is_flag=True, help="The new key without a passphrase (cron).")
@click.option(
    "--revoke", is_flag=True, help="The old key is compromised: list it as revoked, not retired."
)
@click.option("--reason", default="", help="Why the old key is revoked (with --revoke).")
@pass_ctx
@friendly
def keys_rotate(obj: Context, unencrypted: bool, revoke: bool, reason: str) -> None:
    """Replace the signing key: the new public key is signed by the old one, the list of
    keys says the old one is retired (or revoked), and the next publish signs again."""
    t = obj.t
    if revoke and not reason.strip():
        raise click.UsageError(t("keys.reason_needed"))
    newsroom = obj.newsroom
    info = newsroom.keys_show()
    old_id = info.public.id if info.public else ""

    def old_passphrase() -> str:
        typed: str = click.prompt(
            t("keys.passphrase_old", key_id=old_id), hide_input=True, err=True
        )
        return typed

    new = None if unencrypted else _new_passphrase(obj)
    done = newsroom.keys_rotate(old_passphrase, new, revoke=revoke, reason=reason)
    status = t("keys.status.revoked" if revoke else "keys.status.retired")
    click.echo(t("keys.rotated", new=done.new.id, old=done.old, status=status,
                 secret=done.secret_path, kept=done.old_secret or "—",
                 protection=_protection(t, not unencrypted)))  # fmt: skip
    if revoke:
        click.echo(t("keys.revoked_note", new=done.new.id))


@click.command()
@click.argument("paths", nargs=-1, type=click.Path(path_type=Path))
@click.option(
    "--key",
    "key_file",
    metavar="FILE",
    help="The office's public key as you downloaded it once (default: the "
    "newsroom's newsroom.pub, else ./newsroom.pub).",
)
@click.option("--public-key", "key_text", metavar="BASE64", help="The public key itself.")
@click.option("--quiet", is_flag=True, help="Print only what failed and the verdict.")
@pass_ctx
@friendly
def verify(obj: Context, paths: tuple[Path, ...], key_file: str | None, key_text: str | None,
           quiet: bool) -> None:  # fmt: skip
    """Check files against the office's signature, like `minisign -V` and `sha256sum -c`,
    offline: a file with its .minisig, a SHA256SUMS, any file a signed SHA256SUMS lists,
    or a downloaded folder of feeds (none named: this newsroom's feeds/). Exit 0: every
    check passed; 1: something failed."""
    from .core.service import trusted_key, verify_paths

    t = obj.t
    if not paths:  # in a newsroom: what it published
        try:
            paths = (obj.config.feeds_dir,)
        except NewsroomError:
            fail(t("verify.no_paths"))
    try:
        key, source = trusted_key(obj.root, key_file, key_text)
    except FileNotFoundError as exc:  # the OS says it in English: name the file instead
        fail(t("verify.no_key", reason=t("verify.key_missing", path=exc.filename)))
    except OSError as exc:
        fail(t("verify.no_key", reason=t("verify.key_unreadable", path=exc.filename,
                                         reason=exc.strerror or exc)))  # fmt: skip
    except NewsroomError as exc:  # not a key (SignatureError, reason "not_key")
        fail(t("verify.no_key", reason=t("verify.key_not_key", path=exc.facts.get("path", ""))))
    report = verify_paths(key, source, list(paths))
    for line in _report_lines(t, report, quiet):
        click.echo(line)
    if not report.ok:
        sys.exit(1)


def _report_lines(t: Translator, report: Report, quiet: bool) -> list[str]:
    lines: list[str] = []
    good = [f for f in report.findings if f.ok and f.code in ("signed", "sums")]
    listed = sum(1 for f in report.findings if f.ok and f.code == "listed")
    if not quiet:
        lines += [_good(t, f.path, f.facts) for f in good[:SHOWN]]
        if len(good) > SHOWN:
            lines.append(t("verify.more_good", n=len(good) - SHOWN))
        if listed:
            lines.append(t("verify.listed", n=listed))
    # A file that matched another name's line: which one, even when quiet (verify.py).
    lines += [t("verify.listed_as", path=f.path, **f.facts) for f in report.findings
              if f.ok and f.code == "listed" and "listed_as" in f.facts]  # fmt: skip
    lines += [_bad(t, f.path, f.code, f.facts) for f in report.findings if not f.ok]
    # Files no list names: said by name, even when quiet, but no failure (verify.py).
    lines += [t("verify.unlisted", path=path) for path in report.unlisted[:SHOWN]]
    if len(report.unlisted) > SHOWN:
        lines.append(t("verify.more_unlisted", n=len(report.unlisted) - SHOWN))
    for note in report.notes:
        lines.append(t("verify." + note.code, **note.facts))
    revoked = report.revoked_trust
    if revoked:  # (revoked in the list, not at a rotation: no successor named)
        key = "verify.trusted_revoked" if revoked.get("new") else "verify.trusted_revoked_list"
        lines.append(t(key, **revoked))
    if report.missing and not quiet:
        lines.append(t("verify.missing_count", n=report.missing))
    n = len(report.findings)
    bad = sum(1 for f in report.findings if not f.ok)
    key, source = report.key.id, report.key_source
    if not report.ok:
        lines.append(t("verify.failed", key_id=key, source=source, n=n, bad=bad or 1))
    elif report.unlisted:
        lines.append(t("verify.ok_unlisted", key_id=key, source=source, n=n,
                       others=len(report.unlisted)))  # fmt: skip
    else:
        lines.append(t("verify.ok", key_id=key, source=source, n=n))
    return lines


def _good(t: Translator, path: str, facts: dict[str, str]) -> str:
    how = ""
    if "endorsed_by" in facts:
        how = t("verify.how.endorsed", by=facts["endorsed_by"], date=facts["date"])
    elif "listed_by" in facts:
        status = t("keys.status." + facts["status"])
        how = t("verify.how.listed", by=facts["listed_by"], status=status)
    return t("verify.good", path=path, key_id=facts["key_id"], how=how, comment=facts["comment"])


def _bad(t: Translator, path: str, code: str, facts: dict[str, Any]) -> str:
    if code == "bad_signature":
        reason = str(facts.get("reason", "format"))
        key = f"verify.bad.{reason}" if reason in ("content", "comment") else "verify.bad.format"
        return t(key, path=path)
    if code == "unreadable":
        return t("verify." + str(facts.get("reason", "unreadable")), path=path)
    if code == "revoked":
        reason = f": {facts['reason']}" if facts.get("reason") else ""
        return t("verify.revoked", path=path, key_id=facts.get("key_id", ""),
                 date=facts.get("date", ""), reason=reason)  # fmt: skip
    return t("verify." + code, path=path, **{k: str(v) for k, v in facts.items() if k != "path"})
