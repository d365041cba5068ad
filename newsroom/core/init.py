"""`newsroom init`: a new, working newsroom folder with a commented config."""

from __future__ import annotations

import textwrap
from pathlib import Path

from .config import CHECKS, CONFIG_NAME, SETTINGS
from .errors import NewsroomError

# What a new newsroom's config says beyond the defaults (see config_text).
STARTING = {"site.description": "Siaran pers resmi", "site.base_url": "https://humas.example.go.id"}
EXAMPLES = """\
# People: who acts is the operating-system login, mapped here (docs/workflow.md). Without
# this table, names are free text (--as NAME, else NEWSROOM_USER, else the login).
# [people.ald]
# name = "Aldi Prasetyo"
# initials = "ald"              # the sign-off: (ald/HUMAS ...)
# email = "aldi@example.go.id"  # never reaches feeds, pages or logs
# [people.cron]
# system = true                 # only publishes (NEWSROOM_USER=cron in the crontab)

# One table per partner newsroom; each gets feeds/partner/<name>/.
# A partner with embargo_access = true gets embargoed releases early, in a
# private feed under feeds/private/<name>/ served only with its token.
# [[partners]]
# name = "antara"
# title = "LKBN ANTARA"
# categories = []       # empty: every category
# tags = []
# language = ""
# embargo_access = true

# E-mail: one table per list of journalists; publish mails each release version to them
# once (docs/deploy.md, "E-mail to journalists"). Fill in [mail] above first. The file
# holds one address a line; lists/ is in .gitignore: addresses never go into git.
# [[lists]]
# name = "wartawan"
# title = "Wartawan Ekonomi"
# recipients = "lists/wartawan.txt"
# categories = ["Ekonomi"]  # filters and embargo_access as for partners
# embargo_access = false
"""


def config_text(title: str, git: bool = False, credit: str = "") -> str:
    """newsroom.toml for a new newsroom: every setting with what it is for (config.SETTINGS
    and config.CHECKS: one home for each key's default and meaning), then examples. A
    setting left empty with an example is written commented out, as the example."""
    given: dict[str, str | bool] = {**STARTING, "site.title": title, "site.publisher": title}
    if credit.strip():
        given["site.credit"] = credit.strip()
    if git:
        given["git.enabled"] = True
    lines = ["# newsroom.toml: the settings of this newsroom. Every key is optional.", ""]
    for table in dict.fromkeys(s.table for s in SETTINGS):
        keys = [s for s in SETTINGS if s.table == table]
        lines.append(
            f"# [{table}]" if all(k.example and not k.default for k in keys) else f"[{table}]"
        )
        for setting in keys:
            lines += [
                f"# {line}" for line in textwrap.wrap(setting.doc, 86, break_on_hyphens=False)
            ]
            value = given.get(f"{table}.{setting.key}", setting.default)
            if value in ("", ()) and setting.example:
                lines.append(f"# {setting.key} = {_toml(setting.example)}")
            else:
                lines.append(f"{setting.key} = {_toml(value)}")
        lines.append("")
    lines += ["[checks]", '# Each check before approval is "required", "recommended" or "off".']
    lines += [f"{name + ' = ' + _toml(level):<35} # {doc}" for name, (level, doc) in CHECKS.items()]
    return "\n".join([*lines, "", EXAMPLES])


def _toml(value: str | int | bool | tuple[str, ...]) -> str:
    if isinstance(value, tuple):
        inline = "[" + ", ".join(_toml(v) for v in value) + "]"
        if len(inline) < 80:
            return inline
        return "[\n" + "".join(f"    {_toml(v)},\n" for v in value) + "]"
    if isinstance(value, bool):
        return "true" if value else "false"
    return str(value) if isinstance(value, int) else f'"{value}"'


GITIGNORE = (
    ".newsroom/\nfeeds/private/\n"
    "# secret signing keys live outside the newsroom; a stray one is never committed\n*.key\n"
    "# journalists' addresses (the [[lists]]' recipients files) never go into git\nlists/\n"
)


def init_newsroom(
    folder: Path, title: str = "Humas", *, git: bool = False, credit: str = ""
) -> Path:
    """Create newsroom.toml, articles/ and feeds/ in `folder`; refuse if a config exists.
    With `git`, [git] is on and the folder is a git repository that keeps the generated
    feeds, the working state and keys out (vcs/setup.py)."""
    config = folder / CONFIG_NAME
    if config.exists():
        raise NewsroomError(f"{config} already exists; nothing was changed")
    folder.mkdir(parents=True, exist_ok=True)
    for sub in ("articles", "feeds"):
        (folder / sub).mkdir(exist_ok=True)
    config.write_text(config_text(title, git, credit), encoding="utf-8")
    ignore = folder / ".gitignore"
    if not ignore.exists():
        ignore.write_text(GITIGNORE, encoding="utf-8")
    if git:  # and what sharing through git adds to it (the whole of feeds/...)
        from .vcs.setup import init_repository

        init_repository(folder)
    return config
