"""Every key of newsroom.toml declared once: its table, the Config field it sets, its
default and what it is for (`SETTINGS`), and each check before approval with its default
level (`CHECKS`). The loader (config.py) reads newsroom.toml against them, `newsroom init`
writes its commented newsroom.toml from them (init.py), and the docs name them; config.py
hands them out, so `from .config import SETTINGS` still works.
"""

from __future__ import annotations

from typing import NamedTuple

# The attachments a release may carry by default (attachments.py knows their extensions).
ATTACHMENT_TYPES = (
    "application/pdf", "image/jpeg", "image/png", "image/webp", "text/csv",
    "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    "application/vnd.oasis.opendocument.text", "application/vnd.oasis.opendocument.spreadsheet",
)  # fmt: skip


class Setting(NamedTuple):
    """One key of newsroom.toml: its table, the Config field it sets, its default and what
    it is for (the config `newsroom init` writes is made from these)."""

    table: str
    key: str
    field: str
    default: str | int | bool | tuple[str, ...]
    doc: str
    example: str | tuple[str, ...] = ""  # an empty default: the value `init` shows commented out
    choices: tuple[str, ...] = ()


SETTINGS: tuple[Setting, ...] = (
    Setting("site", "title", "title", "Newsroom", "The newsroom's name: feeds are titled with it."),
    Setting("site", "description", "description", "Siaran pers", "What the feeds say they are."),
    Setting("site", "base_url", "base_url", "https://example.go.id",
            "Where the releases are read on the web; links in the feeds are built from it."),
    Setting("site", "feeds_url", "feeds_url", "",
            'Where feeds/ is served (default: base_url + "/feeds").',
            example="https://humas.example.go.id/feeds"),
    Setting("site", "link_pattern", "link_pattern", "{feeds_url}/siaran-pers/{slug}/",
            "A release's page, where the feeds link: {feeds_url}, {base_url}, {slug}, {id}, "
            "{year}, {month} are filled in. The default is the page publish writes (the "
            "public record, docs/deploy.md)."),
    Setting("site", "language", "language", "id", "The language of the releases."),
    Setting("site", "timezone", "timezone", "Asia/Jakarta",
            "The zone times are shown in (Asia/Jakarta WIB, Asia/Makassar WITA, Asia/Jayapura "
            "WIT)."),
    Setting("site", "publisher", "publisher", "", "Who publishes: the feeds' author."),
    Setting("site", "credit", "credit", "",
            'The credit line new releases start with, e.g. "HUMAS MENPANRB": '
            "(ald/HUMAS MENPANRB). Every release needs one before it is submitted.",
            example="HUMAS MENPANRB"),
    Setting("ui", "language", "ui_language", "",
            "The language of the desk and the command line for whoever has not chosen one "
            "(NEWSROOM_LANG, or ctrl+l on the desk, which is remembered): \"id\" or \"en\"; "
            "without it, the locale's. [site] language is the language of the releases.",
            example="id", choices=("id", "en")),
    Setting("feeds", "limit", "feed_limit", 50, "Releases in each subscription feed."),
    Setting("feeds", "ttl", "ttl", 15, "Minutes readers should wait between fetches."),
    Setting("feeds", "retraction_days", "retraction_days", 30,
            "How long a retraction or correction notice stays in the feeds."),
    Setting("feeds", "private_group", "private_group", "",
            'The group of the web server (e.g. "www-data"): private feeds are written 0640 '
            "with it.", example="www-data"),
    Setting("pages", "contact", "contact", "",
            "The office's contact block under every page of the public record, one line each "
            '(e.g. "Biro Humas\\nJl. Jend. Sudirman Kav. 69, Jakarta\\nhumas@example.go.id").',
            example="Biro Hukum dan Humas\\nTelp. (021) 000000\\nhumas@example.go.id"),
    Setting("pages", "latest", "pages_latest", 30,
            "Releases on the first page of the index and of each category's index (older ones "
            "are on the month's and the year's pages)."),
    Setting("mail", "host", "mail_host", "",
            "The SMTP server that sends releases to the [[lists]] (mail is off without lists).",
            example="mail.example.go.id"),
    Setting("mail", "port", "mail_port", 0,
            "Its port; 0: the usual one for the security (587 starttls, 465 ssl, 25 none)."),
    Setting("mail", "security", "mail_security", "starttls",
            'How the connection is protected: "starttls", "ssl", or "none" (a relay on this '
            "machine only).", choices=("starttls", "ssl", "none")),
    Setting("mail", "user", "mail_user", "", "The SMTP login, if the server asks for one.",
            example="humas@example.go.id"),
    Setting("mail", "password_env", "mail_password_env", "",
            "The NAME of the environment variable holding the SMTP password (never the "
            "password itself).", example="NEWSROOM_SMTP_PASSWORD"),
    Setting("mail", "from", "mail_from", "", "Who the messages come from.",
            example="Humas Kementerian <humas@example.go.id>"),
    Setting("mail", "reply_to", "mail_reply_to", "", "Where journalists' replies go.",
            example="Humas <humas@example.go.id>"),
    Setting("mail", "rate", "mail_rate", 60, "Messages per minute at most (0: no limit)."),
    Setting("mail", "attach_max_mb", "mail_attach_max_mb", 5,
            "Attachments up to this size travel in the message; larger ones are linked."),
    Setting("mail", "unsubscribe", "mail_unsubscribe", "",
            "List-Unsubscribe: a mailto: or https: address journalists use to leave a list.",
            example="mailto:humas@example.go.id?subject=berhenti"),
    Setting("mail", "contact", "mail_contact", "",
            "The contact block that ends every message (write \\n between its lines).",
            example="Biro Humas Kementerian\\nhumas@example.go.id | 021-000000"),
    Setting("workflow", "four_eyes", "four_eyes", True,
            "Four eyes: whoever changed the text last cannot approve it. Set false only in a "
            "one-person office."),
    Setting("websub", "hubs", "websub_hubs", (),
            "WebSub hubs told of every change to the public feeds the moment publish makes it "
            "(partners' readers hear of a release at once instead of polling); the public feeds "
            "advertise them. Private feeds and archives are never advertised nor pinged.",
            example=("https://pubsubhubbub.appspot.com/",)),
    Setting("numbering", "pattern", "numbering_pattern", "",
            "Release numbers, given once when a release is first published: {seq} (or "
            "{seq:03d}), {mm}, {mm_roman}, {yyyy}, {yy}, {unit}. Empty: no numbers (a number "
            "typed by hand is kept either way).", example="B-{seq:03d}/{unit}/{mm_roman}/{yyyy}"),
    Setting("numbering", "reset", "numbering_reset", "yearly",
            'When {seq} starts again from 1: "yearly" or "never".', choices=("yearly", "never")),
    Setting("numbering", "unit", "numbering_unit", "", "The unit the {unit} token stands for.",
            example="HUMAS"),
    Setting("numbering", "start", "numbering_start", 1,
            "The first {seq} of a year with no number yet (an office that already gave 130 "
            "numbers on paper this year sets 131; newsroom continues from the highest number "
            "it finds in the files and its ledger)."),
    Setting("attachments", "max_mb", "attachments_max_mb", 20,
            "The largest file `newsroom attach` takes, in megabytes."),
    Setting("attachments", "types", "attachments_types", ATTACHMENT_TYPES,
            "The media types a release may carry as attachments (PDF, photos, office "
            "documents, CSV)."),
    Setting("signing", "required", "signing_required", False,
            "Publish refuses to run without the signing key (newsroom keys init; docs/deploy.md, "
            '"Cek keaslian"). false: without a key it publishes unsigned and says so in the '
            "log."),
    Setting("signing", "passphrase_env", "passphrase_env", "",
            "The environment variable publish reads the signing key's passphrase from, when "
            "the key is encrypted and nobody is there to type it.",
            example="NEWSROOM_KEY_PASSPHRASE"),
    Setting("git", "enabled", "git", False,
            "Share the newsroom through git: every workflow action becomes one commit by the "
            "person who took it, `newsroom sync` shares them, `newsroom publish --pull` "
            "publishes what was shared (docs/workflow.md, \"Many offices\")."),
    Setting("git", "remote", "git_remote", "origin", "The remote that offices share."),
    Setting("git", "branch", "git_branch", "",
            "The branch releases are shared on (default: the one checked out).",
            example="main"),
    Setting("git", "publisher", "git_publisher", "",
            "The one identity that publishes (the publishing server's, e.g. \"cron\"): "
            "publish by anyone else is refused, so release numbers and publication stamps "
            "have one writer. Empty: whoever may publish.", example="cron"),
    Setting("git", "lease_minutes", "git_lease_minutes", 30,
            "How long an edit lease seen by other offices lasts unless renewed (the desk "
            "renews it while the editor is open)."),
    Setting("git", "retries", "git_retries", 3,
            "How many times sync fetches and tries again when another office pushed first."),
    Setting("git", "timeout", "git_timeout", 60,
            "Seconds one git command may take (a fetch or push on a slow line) before it is "
            "stopped and reported."),
)  # fmt: skip

# Each check before approval: its default level and what it asks (checks.py runs them).
CHECKS: dict[str, tuple[str, str]] = {
    "required_fields": ("required", "title, dateline, author, credit, body"),
    "summary": ("recommended", "a summary for partners"),
    "category": ("recommended", "at least one category"),
    "image_caption_credit": ("required", "a photo has its caption and credit"),
    "placeholders": ("required", "TODO, TBD, XXX, lorem ipsum"),
    "embargo_future": ("required", "the embargo is in the future"),
    "caption_photo": ("required", "a photo caption needs its photo (image.src)"),
    "photo_source": ("required", "the photo is a URL, a /site/path or an attached file"),
    "plain_title": ("recommended", "no HTML in the title: <b>, &amp;"),
    "signoff": ("recommended", "the text does not end with (ald/HUMAS ...): the feeds add it"),
    "denies": ("recommended", "a klarifikasi names the forged numbers it denies"),
    "dateline_in_text": ("required", "the text does not open with JAKARTA –: the feeds add it"),
    "dateline": ("required", "the dateline is a city: one line, at most 40 characters"),
    "correction_changes": ("required", "a correction changes what partners see"),
    "attachment_files": ("required", "each attached file is on disk, as recorded"),
    "number_unique": ("required", "a release number typed by hand is no other release's"),
    "denies_own": ("required", "a klarifikasi denies none of this office's own numbers"),
    "known_keys": ("recommended", "no misspelt front-matter key (sumary: is not summary:)"),
    "original_corrected": ("recommended", "a translation's original was not corrected since"),
    "untranslated": ("required", "a translation's title and text are no longer its original's"),
}
CHECK_NAMES = tuple(CHECKS)
DEFAULT_CHECKS = {name: level for name, (level, _) in CHECKS.items()}
