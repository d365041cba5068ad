"""`newsroom init`: a new, working newsroom folder with a commented config."""

from __future__ import annotations

from pathlib import Path

from .config import CONFIG_NAME
from .errors import NewsroomError

CONFIG_TEMPLATE = """\
# newsroom.toml: the settings of this newsroom. Every key is optional.

[site]
title = "{title}"
description = "Siaran pers resmi"
# Where the releases are read on the web; links in the feeds are built from it.
base_url = "https://humas.example.go.id"
# Where feeds/ is served (default: base_url + "/feeds").
# feeds_url = "https://humas.example.go.id/feeds"
# A release's page: {{base_url}}, {{slug}}, {{id}}, {{year}}, {{month}} are filled in.
link_pattern = "{{base_url}}/siaran-pers/{{slug}}/"
language = "id"
timezone = "Asia/Jakarta"
publisher = "{title}"
# The credit line new releases start with, e.g. "HUMAS MENPANRB": (ald/HUMAS MENPANRB).
credit = ""

# [ui]
# The language of the desk and the command line for whoever has not chosen one
# (NEWSROOM_LANG, or ctrl+l on the desk, which is remembered): "id" or "en"; without it,
# the locale's. [site] language above is the language of the releases.
# language = "id"

[feeds]
limit = 50            # releases in each subscription feed
ttl = 15              # minutes readers should wait between fetches
retraction_days = 30  # how long a retraction notice stays in the feeds
# The group of the web server (e.g. "www-data"): private feeds are written 0640 with it.
# private_group = "www-data"

[workflow]
# Four eyes: whoever changed the text last cannot approve it. Set false only
# in a one-person office.
four_eyes = true

[checks]
# Each check before approval is "required", "recommended" or "off".
required_fields = "required"        # title, dateline, author, credit, body
summary = "recommended"
category = "recommended"
image_caption_credit = "required"
placeholders = "required"           # TODO, TBD, XXX, lorem ipsum
embargo_future = "required"
caption_photo = "required"          # a photo caption needs its photo (image.src)
plain_title = "recommended"         # no HTML in the title: <b>, &amp;
signoff = "recommended"             # the text ends with (ald/HUMAS ...): the feeds add it

# People: who acts is the operating-system login, mapped here (docs/workflow.md). Without
# this table, names are free text (--as NAME, NEWSROOM_USER, git's user.name).
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
"""

GITIGNORE = ".newsroom/\nfeeds/private/\n"


def init_newsroom(folder: Path, title: str = "Humas") -> Path:
    """Create newsroom.toml, articles/ and feeds/ in `folder`; refuse if a config exists."""
    config = folder / CONFIG_NAME
    if config.exists():
        raise NewsroomError(f"{config} already exists; nothing was changed")
    folder.mkdir(parents=True, exist_ok=True)
    for sub in ("articles", "feeds"):
        (folder / sub).mkdir(exist_ok=True)
    config.write_text(CONFIG_TEMPLATE.format(title=title), encoding="utf-8")
    ignore = folder / ".gitignore"
    if not ignore.exists():
        ignore.write_text(GITIGNORE, encoding="utf-8")
    return config
