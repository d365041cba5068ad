"""`newsroom check`: every problem in the files, and every release's pre-approval checks.

A failing check is a warning while the text is still being written or reviewed (a draft
without a dateline is work in progress) and an error once the release is approved (it
would go out so). Published and retracted releases are not checked again: what went out
went out, and a correction is checked when it is submitted. The checks were worked out
when each file was read (the index's cached records), so ten thousand releases cost no
second reading.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from functools import partial
from pathlib import Path

from .checks import CheckResult, embargo_failure
from .config import Config
from .errors import NewsroomError, Problem
from .index import Index
from .model import Status
from .records import CHECKED, Record

ERROR, WARNING = "error", "warning"
# Before approval a past embargo is the writer's to move; after it, the lift is the point.
_EMBARGO_CHECKED = frozenset(CHECKED - {Status.APPROVED})
_TRANSLATION_CHECKED = frozenset(CHECKED | {Status.PUBLISHED})


@dataclass(frozen=True)
class Finding:
    """One failing check of one release."""

    path: str
    id: str
    title: str
    status: str
    check: CheckResult
    severity: str


@dataclass
class CheckReport:
    """What `newsroom check` found: broken files and seals, then the checks by status."""

    problems: list[Problem] = field(default_factory=list)
    findings: list[Finding] = field(default_factory=list)
    # Releases looked at: every one (seals, history, numbers, files), and the pre-approval
    # checks of those not yet out. "0 releases checked" on a newsroom of published ones misled.
    checked: int = 0

    @property
    def errors(self) -> int:
        return len(self.problems) + sum(f.severity == ERROR for f in self.findings)

    @property
    def warnings(self) -> int:
        return sum(f.severity == WARNING for f in self.findings)

    def by_status(self) -> dict[str, list[Finding]]:
        """The findings grouped by the releases' status, in the workflow's order."""
        from .model import ALL_STATUSES

        order: dict[str, int] = {s: i for i, s in enumerate(ALL_STATUSES)}
        grouped: dict[str, list[Finding]] = {}
        for finding in sorted(self.findings, key=lambda f: (order.get(f.status, 99), f.path)):
            grouped.setdefault(finding.status, []).append(finding)
        return grouped


def secret_problems(config: Config) -> list[Problem]:
    """A secret signing key under the newsroom's folder is an error wherever it is."""
    from .signing.keys import stray_secrets

    return [
        Problem(
            path.relative_to(config.root),
            None,
            "a secret signing key is inside the newsroom: it could reach git or feeds/",
            "move it out (e.g. to ~/.config/newsroom/keys/ or /etc/newsroom/, mode 0600) and "
            "point NEWSROOM_SIGNING_KEY at it; if it was ever committed or published, run "
            "`newsroom keys rotate --revoke`",
        )
        for path in stray_secrets(config.root)
    ]


def check_report(index: Index, config: Config, now: dt.datetime) -> CheckReport:
    """Every problem and every failing check the index knows of."""
    records = sorted(index.records.values(), key=lambda r: r.path)
    report = CheckReport(list(index.problems))
    report.problems += [
        Problem(Path(r.path), None, r.problem[1], code=r.problem[0], facts=r.problem[2])
        for r in records
        if r.problem
    ]
    report.problems += number_problems(records)
    report.problems += denial_problems(records, config)
    report.problems += translation_problems(records, config)
    report.problems += file_problems(records, config)
    report.problems += secret_problems(config)
    report.checked = len(records)
    for r in records:
        if r.status not in CHECKED:
            continue
        failures = list(r.checks)
        late = (
            embargo_failure(r.embargo, config, now, partial(_went_out_under, config, r))
            if r.status in _EMBARGO_CHECKED
            else None
        )
        failures += [late] if late is not None else []
        for check in failures:
            severity = ERROR if r.status == Status.APPROVED and check.blocks else WARNING
            report.findings.append(Finding(r.path, r.id, r.title, r.status, check, severity))
    report.findings += translation_findings(records, config, now)
    return report


def _went_out_under(config: Config, record: Record) -> bool:
    """A published release's correction keeps the embargo it went out under (its file
    read: the approval before its first publication says which; a few files at most)."""
    if record.published is None:
        return False
    from .store import Store

    try:
        return Store(config).load(config.root / record.path).went_out_under_embargo
    except (NewsroomError, OSError):
        return False


def translation_findings(records: list[Record], config: Config, now: dt.datetime) -> list[Finding]:
    """The checks of a translation that read its original (checks.Around): `untranslated`
    of one not yet out, `original_corrected` of one published too (it may need the same
    correction). Read from their files and their originals', a few."""
    from .checks import Around, run_checks
    from .errors import ArticleError
    from .model import Article
    from .store import Store

    pending = [r for r in records if r.translation_of and r.status in _TRANSLATION_CHECKED]
    if not pending:
        return []
    by_id = {r.id: r for r in records}
    store = Store(config)

    def load(record: Record | None) -> Article | None:
        try:
            return store.load(config.root / record.path) if record is not None else None
        except ArticleError:
            return None  # changed since it was read (the next check reads it), or broken

    from .translations import corrected_since

    def original(article: Article) -> Article | None:
        return load(by_id.get(article.translation_of))

    around = Around(config, lambda: {}, original, lambda a: corrected_since(a, around.original(a)))
    found = []
    for record in pending:
        article = load(record)
        if article is None:
            continue
        names = (
            ("untranslated", "original_corrected")
            if record.status in CHECKED
            else ("original_corrected",)
        )
        for check in run_checks(article, config, now, names, around):
            if not check.passed:
                blocks = record.status == Status.APPROVED and check.blocks
                severity = ERROR if blocks else WARNING
                found.append(Finding(record.path, record.id, record.title, record.status,
                                     check, severity))  # fmt: skip
    return found


def denial_problems(records: list[Record], config: Config) -> list[Problem]:
    """A klarifikasi that denies one of the office's own numbers (the checklist's
    `denies_own`, asked of every klarifikasi however far it went: read from their files,
    a few)."""
    from .checks import Around, run_checks
    from .errors import ArticleError
    from .ledger import Ledger
    from .model import KLARIFIKASI
    from .numbering import number_owners
    from .store import Store

    denials = [r for r in records if r.kind == KLARIFIKASI]
    if not denials:
        return []
    ledger = Ledger(config)
    try:
        issued = ledger.numbers()
    finally:
        ledger.close()
    owners = number_owners(((r.number, r.id, r.path) for r in records), issued)
    around = Around(config, lambda: owners)
    found = []
    for record in denials:
        try:
            article = Store(config).load(config.root / record.path)
        except ArticleError:
            continue  # changed since it was read: the next check reads it
        epoch = dt.datetime.min.replace(tzinfo=dt.UTC)
        for check in run_checks(article, config, epoch, ("denies_own",), around):
            if not check.passed:
                found.append(Problem(Path(record.path), None, check.message))
    return found


def translation_problems(records: list[Record], config: Config) -> list[Problem]:
    """Translations whose `translation_of` breaks a rule (translations.py)."""
    from .translations import translation_problems as found

    return found(records, config)


def number_problems(records: list[Record]) -> list[Problem]:
    """A release number more than one release has: each file named, with the others."""
    from .numbering import duplicates

    found = []
    for number, paths in duplicates((r.number, r.path) for r in records).items():
        for path in paths:
            others = ", ".join(p for p in paths if p != path)
            found.append(Problem(
                Path(path), None, f"release number {number!r} is also {others}'s: a number "
                "names one release (lookups by number, a klarifikasi's denial)",
                "give the release that has not gone out another number, or none (publish "
                "gives one); a published release keeps its own",
            ))  # fmt: skip
    return found


def file_problems(records: list[Record], config: Config) -> list[Problem]:
    """Attachments whose file is missing or not the one recorded, and kept versions that
    are broken or were changed by hand (only releases that have them are looked at)."""
    from .attachments import mismatch

    found = []
    for r in records:
        for attachment in r.attachments:
            problem = mismatch(config, r.path, attachment)
            if problem is not None:
                code, message, facts = problem
                found.append(Problem(Path(r.path), None, message, code=code, facts=facts))
        if r.corrected:
            found += _version_problems(config, r)
    return found


def _version_problems(config: Config, record: Record) -> list[Problem]:
    from .errors import ArticleError
    from .store import Store
    from .versions import check_versions

    try:
        article = Store(config).load(config.root / record.path)
    except ArticleError:
        return []  # changed since it was read: the next check reads it
    return check_versions(config, article)
