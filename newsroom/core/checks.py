"""Pre-approval checks: a checklist run before a release may be approved.

Each check is `required` (approval is refused while it fails), `recommended`
(approval goes ahead with a warning) or `off`, as set in `[checks]` of newsroom.toml.
A failing check gives its facts as arguments and the field to fix, so each face words
them in its language (newsroom/i18n) and says where to fix them. Approve and submit run
the same checks; `newsroom check` reports them for every release not yet out.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field

from .config import Config
from .dateline import a_place, city_at_start, dateline_at_start
from .markup import markup_in
from .model import Article, Attachment
from .numbering import number_key
from .signoff import signoff_at_end

# Placeholders left in a text: words (whole, any case; "xxx" or more x's) and marks.
_WORDS, _MARKS = ("todo", "tbd", "fixme", "xxx", "lorem ipsum"), ("[...]", "???")
PLACEHOLDER = re.compile(
    r"\b("
    + "|".join(map(re.escape, _WORDS)).replace("xxx", "xxx+")
    + r")\b|"
    + "|".join(map(re.escape, _MARKS)),
    re.IGNORECASE,
)
# What every match of PLACEHOLDER holds, in lower case (an ASCII text without any has none)
_PLACEHOLDER_WORDS = _WORDS + _MARKS

# English wording (the CLI's); the TUI's catalog has both languages under check.<name>[.fail].
LABELS = {
    "required_fields": "title, dateline, author, credit and body are filled in",
    "summary": "a summary for partners",
    "category": "at least one category",
    "image_caption_credit": "the photo has a caption and a credit",
    "placeholders": "no placeholder text (TODO, TBD, XXX, lorem ipsum)",
    "embargo_future": "the embargo is in the future, or there is none",
    "caption_photo": "a photo caption comes with its photo",
    "plain_title": "the title is plain text (no HTML tags or entities)",
    "signoff": "the text does not end with a sign-off (the feeds add it)",
    "denies": "a klarifikasi names the release numbers it denies",
    "dateline_in_text": "the text does not open with a dateline (the feeds add it)",
    "dateline": "the dateline is a city (e.g. YOGYAKARTA): one line, at most 40 characters",
    "correction_changes": "the correction changes what partners see",
    "attachment_files": "the attached files are the ones recorded",
    "number_unique": "no other release has this release number",
    "denies_own": "a klarifikasi denies no number this office issued",
    "original_corrected": "the original was not corrected since this translation was approved",
    "known_keys": "every key of the front matter is one newsroom knows (or clearly its own)",
    "photo_source": "the photo is a web address, a path on the site or an attached file",
    "untranslated": "the translation's title and text are not its original's",
}
# A passing check worded for a correction, where the rule reads otherwise for one: the
# embargo it went out under passes too (_embargo_future). Its line is the catalog's
# check.<name>.correction (a passing result's args: {"wording": "correction"}).
CORRECTION_LABELS = {
    "embargo_future": "the embargo is to come, or the one it went out under, or none",
}
FAILURES = {
    "required_fields": "missing: {fields}",
    "summary": "no summary",
    "category": "no category",
    "image_caption_credit": "the photo has no {what}",
    "placeholders": "placeholder {text!r} in the {field}",
    "embargo_future": "the embargo ({when}) is already past",
    "caption_photo": "a photo caption but no photo: add the photo file, or remove the caption",
    "plain_title": "the title looks like HTML ({text}): partners' software may read it as such",
    "signoff": "the text ends with the sign-off {signoff}: the feeds add it from the author "
    "and credit, remove it from the text",
    "denies": "a klarifikasi that names no number: list the forged numbers it denies, so the "
    "lookup of each leads to it",
    "dateline_in_text": "the text opens with the dateline {text}: the feeds add it from Dateline "
    "(partners would read it twice), remove it from the text",
    "dateline": "the dateline {text} ({length} characters) is no city: give the city "
    "the release comes from, e.g. YOGYAKARTA: a place name on one line, at most {most} "
    "characters, without a date, a dash or a sentence (the feeds open the text with it)",
    "correction_changes": "the correction changes nothing partners see: partners would get an "
    "empty RALAT; change the text (the note alone is not a correction)",
    "attachment_files": "attachment {file} is not the file recorded ({why}): put it back, "
    "or `newsroom detach` it (and attach the new one)",
    "number_unique": "release number {number} is also {holder}'s: give this release another "
    "number, or none (publish gives one)",
    "denies_own": "{number} is this office's own number ({holder}): a klarifikasi denies only "
    "forged numbers; remove it from the numbers denied",
    "original_corrected": "the original was corrected on {when}; this translation may need the "
    "same correction",
    "known_keys": "line {line}: `{name}` is not a key newsroom knows, so it is kept but not "
    "used: did you mean `{near}`?",
    "photo_source": "Photo file or URL `{src}` is no web address, site path or attached "
    "file (partners would get a broken image): attach the file with "
    "`newsroom attach REF FILE --photo`, or give a full URL (https://...)",
    "untranslated": "the {field} is still the original's: translate it before review",
}
# The field to fix when a check fails (the editor's fields; the args may name another).
FIELDS = {
    "summary": "summary",
    "category": "categories",
    "embargo_future": "embargo",
    "caption_photo": "photo_src",
    "photo_source": "photo_src",
    "plain_title": "title",
    "signoff": "body",
    "denies": "denies",
    "dateline_in_text": "body",
    "dateline": "dateline",
    "correction_changes": "body",
    "number_unique": "release_number",
    "denies_own": "denies",
    "original_corrected": "body",
}
AT = "_at"  # a check's args may name the field to fix under this key (not shown)
# Checks whose result depends on the clock: worked out when asked, never cached.
TIMELY = frozenset({"embargo_future"})


@dataclass(frozen=True)
class CheckResult:
    """One line of the checklist."""

    name: str
    level: str
    passed: bool
    message: str
    args: dict[str, str] = field(default_factory=dict)
    field: str = ""  # the field to fix, when it fails (title, dateline, body, photo_src, ...)

    @property
    def blocks(self) -> bool:
        return self.level == "required" and not self.passed


Args = dict[str, str] | None


def _required_fields(a: Article, now: dt.datetime) -> Args:
    missing = [
        name
        for name in ("title", "dateline", "author", "credit", "body")
        if not getattr(a, name).strip()
    ]
    return {"fields": ", ".join(missing), AT: missing[0]} if missing else None


def _summary(a: Article, now: dt.datetime) -> Args:
    return None if a.summary.strip() else {}


def _category(a: Article, now: dt.datetime) -> Args:
    return None if a.categories else {}


def _image_caption_credit(a: Article, now: dt.datetime) -> Args:
    if a.image is None or not (a.image.src or a.image.caption):
        return None
    missing = [n for n in ("caption", "credit") if not getattr(a.image, n).strip()]
    if not missing:
        return None
    where = "caption" if missing[0] == "caption" else "photo_credit"
    return {"what": " and ".join(missing), AT: where}


def _placeholders(a: Article, now: dt.datetime) -> Args:
    caption = a.image.caption if a.image else ""
    for name, text in (
        ("title", a.title),
        ("summary", a.summary),
        ("caption", caption),
        ("body", a.body),
    ):
        if text.isascii():  # (the pattern, case-blind at every character: ~100 µs a body)
            low = text.lower()
            if not any(w in low for w in _PLACEHOLDER_WORDS):
                continue
        found = PLACEHOLDER.search(text)
        if found:
            return {"text": found.group(0), "field": name}
    return None


def _embargo_future(a: Article, now: dt.datetime) -> Args:
    """An embargo still to come; not the one a published release went out under (it lifted
    then: its correction keeps it, as partners were told it)."""
    if a.embargo is not None and a.embargo <= now and not a.went_out_under_embargo:
        return {"when": a.embargo.isoformat()}
    return None


def _caption_photo(a: Article, now: dt.datetime) -> Args:
    """A caption with no photo would reach no feed (feeds caption the photo they carry):
    an imported release brings the caption, the photo comes apart (a mail's attachment)."""
    if a.image is not None and a.image.caption.strip() and not a.image.src.strip():
        return {}
    return None


def _photo_source(a: Article, now: dt.datetime) -> Args:
    """A photo is an http(s) address, a path on the site (`/images/...`) or one of the
    release's attachments (a local photo): anything else (`Q4`, `foto.jpg` never attached)
    would reach partners as a broken image under the site's address."""
    from .attachments import photo_attachment

    src = a.image.src.strip() if a.image is not None else ""
    if not src or src.startswith("/") or src.lower().startswith(("http://", "https://")):
        return None
    return None if photo_attachment(a.image, a.attachments) else {"src": src}


def _plain_title(a: Article, now: dt.datetime) -> Args:
    """Feeds carry such a title escaped (readers that take RSS titles as HTML show it as
    typed), but a reader that takes them as plain text shows the escapes: "&lt;b&gt;"."""
    found = markup_in(a.title)
    return {"text": found} if found else None


def _signoff(a: Article, now: dt.datetime) -> Args:
    """A pasted release often ends with its sign-off; the feeds would close it with a second
    one (they leave it out, but the author and credit fields are what they should use)."""
    found = signoff_at_end(a.body)
    return {"signoff": found} if found else None


def _denies(a: Article, now: dt.datetime) -> Args:
    """A klarifikasi answers forged releases by their numbers: the lookup of each denied
    number leads to it (a hoax without a number may still be denied, so recommended)."""
    return {} if a.is_klarifikasi and not a.denies else None


def _dateline_in_text(a: Article, now: dt.datetime) -> Args:
    """Feeds, pages and texts open the body with `JAKARTA – ` from the dateline field: a
    body pasted with its own dateline would read "JAKARTA – JAKARTA – ..." everywhere."""
    found = dateline_at_start(a.body)
    city = a.dateline.strip()
    if not found and city:  # `Jakarta – ` for a dateline typed `Jakarta`
        found = city_at_start(city, a.body)
    return {"text": found} if found else None


# A dateline is the city a release comes from: every output opens the text with it
# (`YOGYAKARTA – `). KOTA ADMINISTRASI JAKARTA SELATAN, the longest in use, has 33.
DATELINE_MAX = 40


def _dateline(a: Article, now: dt.datetime) -> Args:
    """A dateline too long, over several lines, or shaped like no place name is no city: a
    sentence, a date or the text's own opening typed into the field (a missing one is
    required_fields' to say)."""
    city = a.dateline.strip()
    lines = len(city.splitlines())
    if len(city) <= DATELINE_MAX and lines <= 1 and a_place(city):
        return None
    shown = " ⏎ ".join(" ".join(line.split()) for line in city.splitlines())  # lines seen
    shown = shown if len(shown) <= 30 else shown[:29].rstrip() + "…"
    return {"text": f"“{shown}”", "length": str(len(city)), "most": str(DATELINE_MAX)}


def _correction_changes(a: Article, now: dt.datetime) -> Args:
    """A correction that changes nothing partners see would reach them as an empty
    "RALAT" notice. Compared as sealed (the published version comes back from YAML)."""
    from .view import partner_text, sealed_form

    if a.published_version is None:
        return None
    before, after = partner_text(a), partner_text(a, live=False)
    return {} if sealed_form(before) == sealed_form(after) else None


def _known_keys(a: Article, now: dt.datetime) -> Args:
    """A misspelt key (`sumary:`, `Dateline:`) is kept as an unknown key and does nothing:
    the summary partners should read never reaches them. Keys far from every known one
    (`x-desk-note`) are the office's own, and fine."""
    import difflib

    from .model import KEY_ORDER

    for key in a.extra:
        near = difflib.get_close_matches(str(key).lower(), KEY_ORDER, n=1, cutoff=0.75)
        if near:
            line = a.extra_lines.get(str(key))
            return {"name": str(key), "near": near[0], "line": str(line or "?")}
    return None


CHECKS: dict[str, Callable[[Article, dt.datetime], Args]] = {
    "required_fields": _required_fields,
    "summary": _summary,
    "category": _category,
    "image_caption_credit": _image_caption_credit,
    "placeholders": _placeholders,
    "embargo_future": _embargo_future,
    "caption_photo": _caption_photo,
    "photo_source": _photo_source,
    "plain_title": _plain_title,
    "signoff": _signoff,
    "denies": _denies,
    "dateline_in_text": _dateline_in_text,
    "dateline": _dateline,
    "correction_changes": _correction_changes,
    "known_keys": _known_keys,
}


GONE = "a release this server published before"  # a holder whose file is gone (the ledger)


class Around:
    """What the checks that look beyond the release itself need (its attachments' files on
    disk, the other releases' numbers), worked out when first asked and kept: the door
    makes one for each decision (service.py), so a release screen hashes a file once.
    `owners()` gives number_key(number) -> [(id, path)] of every release having it (path ""
    for a number this server issued to a release whose file is gone)."""

    def __init__(
        self,
        config: Config,
        owners: Callable[[], dict[str, list[tuple[str, str]]]],
        original: Callable[[Article], Article | None] = lambda a: None,
        original_corrected: Callable[[Article], dt.datetime | None] = lambda a: None,
    ) -> None:
        self.config = config
        self._load_owners = owners
        self._load_original = original  # a translation's original (None: none, or unreadable)
        self._owners: dict[str, list[tuple[str, str]]] | None = None
        self._files: dict[tuple[str, str, int, str], str] = {}
        self._originals: dict[str, Article | None] = {}
        # when a translation's original was corrected since its approval (translations.py)
        self.original_corrected = original_corrected

    def original(self, article: Article) -> Article | None:
        """The release `article` translates, read once."""
        if not article.translation_of:
            return None
        if article.translation_of not in self._originals:
            self._originals[article.translation_of] = self._load_original(article)
        return self._originals[article.translation_of]

    def holders(self, article: Article, number: str) -> list[str]:
        """The other releases having `number`: their files, or a phrase for one gone."""
        if self._owners is None:
            self._owners = self._load_owners()
        found = self._owners.get(number_key(number), [])
        return [path or GONE for ident, path in found if ident != article.id]

    def file_problem(self, article: Article, attachment: Attachment) -> str:
        """ "missing" or "changed" when an attachment's file is not the one recorded."""
        from .attachments import mismatch_kind

        key = (str(article.path), attachment.file, attachment.size, attachment.sha256)
        if key not in self._files:
            self._files[key] = mismatch_kind(self.config, article.path or "", attachment)
        return self._files[key]


WHY = {"missing": "missing", "changed": "its size or SHA-256 changed"}  # (English)


def _attachment_files(a: Article, around: Around) -> Args:
    """Publish refuses a release whose attached file is missing or was swapped: say so
    before it is approved, not at the first cron run after."""
    from .attachments import shown_path

    for attachment in a.attachments:
        kind = around.file_problem(a, attachment)
        if kind:
            where = shown_path(around.config, a.path or "", attachment)
            return {"file": where, "kind": kind, "why": WHY[kind]}
    return None


def _number_unique(a: Article, around: Around) -> Args:
    """A number typed by hand that another release has (or this server issued): publish
    would refuse it; a number names one release (lookups, a klarifikasi's denial)."""
    holders = around.holders(a, a.release_number)
    return {"number": a.release_number, "holder": ", ".join(holders)} if holders else None


def _denies_own(a: Article, around: Around) -> Args:
    """A klarifikasi that denies one of the office's own numbers would call a genuine
    release forged: the lookup of that number would lead readers to the denial."""
    for number in a.denies:
        holders = around.holders(a, number)
        if holders:
            return {"number": number, "holder": ", ".join(holders)}
    return None


def _original_corrected(a: Article, around: Around) -> Args:
    """A translation whose original was corrected after it was approved may need the same
    correction (the door reads the original: translations.py)."""
    when = around.original_corrected(a)
    return {"when": when.isoformat()} if when is not None else None


def _untranslated(a: Article, around: Around) -> Args:
    """`newsroom translate` starts a translation holding its original's text: submitted as
    it is, partners of the other language would get the original again."""
    original = around.original(a)
    for name in ("body", "title") if original is not None else ():
        mine = getattr(a, name).strip()
        if mine and mine == getattr(original, name).strip():
            return {"field": name}
    return None


# Checks that look beyond the release (Around): asked only when a decision is made through
# the door, and never kept in the index's cache (another file or release changes them).
AROUND: dict[str, Callable[[Article, Around], Args]] = {
    "attachment_files": _attachment_files,
    "number_unique": _number_unique,
    "denies_own": _denies_own,
    "original_corrected": _original_corrected,
    "untranslated": _untranslated,
}


# Checks that only some releases are asked (the others' checklist does not show them).
APPLIES: dict[str, Callable[[Article], bool]] = {
    "denies": lambda a: a.is_klarifikasi,
    "correction_changes": lambda a: a.published_version is not None,
    "attachment_files": lambda a: bool(a.attachments),
    "photo_source": lambda a: a.image is not None and bool(a.image.src.strip()),
    # an empty one is required_fields' to name (a tick for it read as if the city were fine)
    "dateline": lambda a: bool(a.dateline.strip()),
    # a correction cannot change the number (workflow.record_edit): asked of a new one only
    "number_unique": lambda a: bool(a.release_number.strip()) and a.published_version is None,
    "denies_own": lambda a: a.is_klarifikasi and bool(a.denies),
    "original_corrected": lambda a: bool(a.translation_of),
    "untranslated": lambda a: bool(a.translation_of),
}


def run_checks(
    article: Article,
    config: Config,
    now: dt.datetime,
    names: Iterable[str] = (*CHECKS, *AROUND),
    around: Around | None = None,
) -> list[CheckResult]:
    """The checklist for this release; checks set to `off`, those that do not apply to it
    (a klarifikasi's for a press release), and without `around` those that look beyond
    the release, are left out."""
    results = []
    for name in names:
        level = config.check_level(name)
        if level == "off" or not APPLIES.get(name, _always)(article):
            continue
        if name in AROUND:
            if around is None:
                continue
            args = AROUND[name](article, around)
        else:
            args = CHECKS[name](article, now)
        if args is None:
            results.append(_passed(article, name, level))
            continue
        where = args.pop(AT, "") or args.get("field", "") or FIELDS.get(name, "")
        message = FAILURES[name].format(**args)
        results.append(CheckResult(name, level, False, message, args, where))
    return results


def _passed(article: Article, name: str, level: str) -> CheckResult:
    """A check's passing line: a correction's own wording where it has one."""
    if name in CORRECTION_LABELS and article.published_version is not None:
        label = CORRECTION_LABELS[name]
        return CheckResult(name, level, True, label, {"wording": "correction"})
    return CheckResult(name, level, True, LABELS[name])


def _always(article: Article) -> bool:
    return True


def timeless_failures(article: Article, config: Config) -> tuple[CheckResult, ...]:
    """The failing checks that do not depend on the clock (kept in the index's cache, so
    `newsroom check` reports ten thousand releases without reading them again)."""
    names = [n for n in CHECKS if n not in TIMELY]
    epoch = dt.datetime.min.replace(tzinfo=dt.UTC)
    return tuple(c for c in run_checks(article, config, epoch, names) if not c.passed)


def embargo_failure(
    embargo: dt.datetime | None,
    config: Config,
    now: dt.datetime,
    spared: Callable[[], bool] = lambda: False,
) -> CheckResult | None:
    """The embargo check for a release known only by its index record (`spared`: asked of
    one whose embargo passed, whether it went out under it: Article.went_out_under_embargo)."""
    level = config.check_level("embargo_future")
    if level == "off" or embargo is None or embargo > now or spared():
        return None
    args = {"when": embargo.isoformat()}
    return CheckResult(
        "embargo_future", level, False, FAILURES["embargo_future"].format(**args), args, "embargo"
    )
