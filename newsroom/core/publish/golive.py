"""Which releases go live in this run, and at what moment: decided here, once.

Approved releases (first publications and corrections) whose embargo has passed go out.
Each is read again and checked once more (a file can change between the scan and now),
never before its approval, and given a moment of its own: its embargo's lift if that has
passed, else the run's time, a second apart from every moment an entry already shows
(readers order and de-duplicate by these times; the W3C validator warns about equal
ones), or the moment a killed run already put in the feeds. The workflow records it.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable

from ..attachments import changed_attachments
from ..config import Config
from ..errors import NewsroomError, Said
from ..ledger import Ledger
from ..model import KLARIFIKASI, Article, Status
from ..numbering import Numbering, number_key
from ..outputs import GoingLive
from ..records import Record, left_behind, to_record, verify
from ..store import Store
from ..versions import superseded_file


def due(records: Iterable[Record], now: dt.datetime) -> list[Record]:
    """Approved releases with nothing wrong whose embargo has passed, latest approval first
    (so that moments taken a second apart keep the order they were approved in)."""
    ready = [
        r
        for r in records
        if r.status == Status.APPROVED and r.problem is None and not r.embargo_ahead(now)
    ]
    return sorted(ready, key=lambda r: (r.approved_at or now, r.path), reverse=True)


def taken_moments(records: Iterable[Record]) -> set[dt.datetime | None]:
    """Every moment an entry already shows: a new one takes another second."""
    taken: set[dt.datetime | None] = set()
    for r in records:
        if r.live:
            taken.update((r.published, r.updated, r.retracted_at))
        else:
            taken.add(r.approved_at)
    return taken


class GoLive:
    """Puts due releases out in memory (their files are stamped once the outputs are written)."""

    def __init__(
        self, config: Config, ledger: Ledger, now: dt.datetime, actor: str, via: str
    ) -> None:
        self.config, self.ledger, self.now = config, ledger, now
        self.actor, self.via = actor, via
        self.store = Store(config)
        self.waiting: list[Record] = []  # translations waiting for their original

    def take(self, records: dict[str, Record]) -> tuple[list[GoingLive], list[tuple[str, str]]]:
        """The releases that go live now (their records replaced in `records`), and the
        (path, reason) of each due one that could not (a reason with a code is a `Said`:
        its code and facts word it in the person's language)."""
        ready = due(records.values(), self.now)
        failed: list[tuple[str, str]] = []
        if any(r.translation_of for r in ready):
            ready = self._with_originals(ready, records, failed)
        taken = taken_moments(records.values()) if ready else set()
        prepared: list[tuple[Record, Article, dt.datetime]] = []
        for record in ready:
            try:
                article = self._read(record)
                prepared.append((record, article, self._moment(article, record, taken)))
            except NewsroomError as exc:
                self._failed(failed, record, exc)
        given = self._number(prepared, records, failed) if prepared else {}
        going = []
        for record, article, moment in prepared:
            if record.path in dict(failed):
                continue
            kept = None
            try:  # one release that cannot go never stops the others
                if record.live:  # a correction: the version it supersedes is kept
                    kept = superseded_file(self.config, article, max(moment, self.now))
                self._publish(article, moment)
            except NewsroomError as exc:
                self._failed(failed, record, exc)
                continue
            if article.id in given:
                article.history[-1].number = given[article.id]
            new = in_memory(article, self.config)
            if record.live:  # a correction: the feeds it leaves still tell of it
                new = left_behind(new, [*record.categories, *record.left_categories],
                                  [*record.tags, *record.left_tags])  # fmt: skip
            records[new.id] = new
            kind = "corrected" if record.live else "published"
            going.append(GoingLive(article, new, kind, kept))
        return going, failed

    def _failed(self, failed: list[tuple[str, str]], record: Record, exc: NewsroomError) -> None:
        """A due release that cannot go out, named with the error, its code and facts."""
        facts = {**exc.facts, "path": record.path}
        failed.append((record.path, Said.of(str(exc), exc.code, facts) if exc.code else str(exc)))

    def _with_originals(
        self, ready: list[Record], records: dict[str, Record], failed: list[tuple[str, str]]
    ) -> list[Record]:
        """A translation goes live with its original or after it, never before: one whose
        original is not out yet waits (it goes in the run that puts the original out);
        one whose `translation_of` breaks a rule is refused, named."""
        from ..translations import LIVE_ORIGINAL, refusal

        going = {r.id for r in ready}
        kept = []
        for record in ready:
            if record.translation_of:
                original = records.get(record.translation_of)
                why = refusal(record, original)
                if why is not None:
                    facts = {**why.facts, "path": record.path}
                    failed.append((record.path, Said.of(f"{why.message} ({why.hint})", why.code,
                                                        facts)))  # fmt: skip
                    continue
                assert original is not None
                if original.status not in LIVE_ORIGINAL and original.id not in going:
                    self.waiting.append(record)
                    continue
            kept.append(record)
        return kept

    def _read(self, record: Record) -> Article:
        """The release as its file says now, checked once more."""
        article = self.store.load(self.config.root / record.path)
        problem = verify(article, self.config, None)
        if problem is not None:  # changed between the scan and now
            raise NewsroomError(problem.message, code=problem.code, **dict(problem.facts))
        if record.approved_at is not None and self.now < record.approved_at:
            raise NewsroomError(
                "approved after this run's time: a release is never published before it was "
                "approved (is the clock set back?)",
                code="approved_later",
            )
        swapped = changed_attachments(self.config, article)
        if swapped is not None:
            raise NewsroomError(swapped.message, code=swapped.code, **dict(swapped.facts))
        if record.live:  # a correction keeps the number and the slug (workflow.py)
            from ..workflow import kept_for_ever

            kept = kept_for_ever(article)
            if kept is not None:
                said = str(kept).removeprefix(f"{article.path}: ")  # the run names the file
                raise NewsroomError(f"{said}; have it approved again", code=kept.code,
                                    **kept.facts)  # fmt: skip
        elif not article.release_number and Numbering.of(self.config) is not None:
            # a run killed after the feeds were written gave it one already: the same again
            article.release_number = self.ledger.number_of(article.id)
        return article

    def _moment(
        self, article: Article, record: Record, taken: set[dt.datetime | None]
    ) -> dt.datetime:
        """The lift if it has passed, else now; a second apart from the moments taken; or
        the time a killed run already put this first publication out at."""
        first = article.published is None
        lift = article.embargo if first and article.embargo else None
        lifted = lift if lift is not None and lift <= self.now else None
        moment = distinct(lifted or self.now, lifted or record.approved_at, taken)
        pending = self.ledger.get(article.id)[1]
        again = pending is not None and (pending.version, pending.seal) == (1, sealed(article))
        if first and again and pending is not None:
            moment = dt.datetime.fromisoformat(pending.published)  # already in the feeds
        return moment

    def _publish(self, article: Article, moment: dt.datetime) -> None:
        from ..workflow import apply

        apply(
            article,
            "publish",
            self.actor,
            self.config,
            max(moment, self.now),  # the history says when it went out
            as_publisher=True,
            via=self.via,
            published_at=moment,
        )

    def _number(
        self,
        prepared: list[tuple[Record, Article, dt.datetime]],
        records: dict[str, Record],
        failed: list[tuple[str, str]],
    ) -> dict[str, str]:
        """Give each first publication without a number the next one of its period, in the
        order of their moments; refuse a number typed by hand that another release has.
        Returns the numbers given (by id)."""
        firsts = [(r, a, m) for r, a, m in prepared if not r.live]
        numbering = Numbering.of(self.config)
        if not firsts:
            return {}
        given: dict[str, str] = {}
        if numbering is None and not any(a.release_number for _, a, _ in firsts):
            return self._translated(firsts, records, given) if self._translations(firsts) else {}
        # Numbers told apart as numbering.number_key does: case aside.
        issued = {number_key(n): i for n, i in self.ledger.numbers().items()}
        owners: dict[str, set[str]] = {}
        for r in records.values():
            if r.number:
                owners.setdefault(number_key(r.number), set()).add(r.path)
        denied: set[str] | None = None
        for record, article, moment in sorted(firsts, key=lambda p: (p[2], p[0].path)):
            if record.translation_of and not article.release_number:
                continue  # numbered from its original below, once the originals are
            number = article.release_number
            if number:
                others = sorted(owners.get(number_key(number), set()) - {record.path})
                if others or issued.get(number_key(number), article.id) != article.id:
                    where = ", ".join(others) or "a release this server published before"
                    code, facts = ("number_taken", {"others": where}) if others else (
                        "number_issued", {})  # fmt: skip
                    facts |= {"path": record.path, "number": number, "ref": article.id[:8]}
                    failed.append((record.path, Said.of(
                        f"release number {number!r} is already {where}'s: give this release "
                        "another number (or none: publish gives one)", code, facts,
                    )))  # fmt: skip
                continue
            if numbering is None:  # an office that numbers by hand: this one has none
                continue
            local = moment.astimezone(self.config.tz)
            seq = numbering.next_seq([*owners, *issued], numbering.period(local))
            number = numbering.format(seq, local)
            denied = self._denied(records) if denied is None else denied
            while number_key(number) in denied:  # never a number the office called forged
                seq += 1
                number = numbering.format(seq, local)
            article.release_number = number
            owners[number_key(number)] = {record.path}
            given[article.id] = number
        return self._translated(firsts, records, given) if self._translations(firsts) else given

    @staticmethod
    def _translations(firsts: list[tuple[Record, Article, dt.datetime]]) -> bool:
        return any(r.translation_of for r, _, _ in firsts)

    def _translated(
        self,
        firsts: list[tuple[Record, Article, dt.datetime]],
        records: dict[str, Record],
        given: dict[str, str],
    ) -> dict[str, str]:
        """Each translation going live shares its original's number with its language
        marked (translations.number_of), unless a number was typed for it by hand; an
        original without a number leaves its translation without one."""
        from ..translations import number_of

        numbers = {a.id: a.release_number for _, a, _ in firsts}
        for record, article, _ in firsts:
            if not record.translation_of or article.release_number:
                continue
            original = numbers.get(record.translation_of)
            if original is None:
                found = records.get(record.translation_of)
                original = found.number if found is not None else ""
            number = number_of(original, article.language)
            if number:
                article.release_number = number
                given[article.id] = number
        return given

    def _denied(self, records: dict[str, Record]) -> set[str]:
        """The numbers the newsroom's klarifikasi releases deny (read from their files: a
        few, and only when a number is to be given)."""
        denied: set[str] = set()
        for r in records.values():
            if r.kind == KLARIFIKASI:
                try:
                    denies = self.store.load(self.config.root / r.path).denies
                    denied.update(number_key(n) for n in denies)
                except (NewsroomError, OSError):
                    continue
        return denied


def sealed(article: Article) -> str:
    """The digest its first publication will record (seal.py)."""
    from ..seal import content_of, digest

    return digest(content_of(article))


def in_memory(article: Article, config: Config) -> Record:
    """The record of a release as this run made it (before its file is saved): its digest
    is that of exactly what saving will write."""
    from .. import fileformat
    from ..store import digest

    data = fileformat.dump(article).encode("utf-8")
    return to_record(article, config.tz, None, digest=digest(data))


def distinct(
    moment: dt.datetime, floor: dt.datetime | None, taken: set[dt.datetime | None]
) -> dt.datetime:
    """`moment`, or the nearest whole second before it (not before `floor`) that this run
    has not taken, else the nearest after it.

    Releases published by one run (two approvals between cron's visits, or embargoes
    lifting together) would otherwise share their `published`/`updated` time. Taken
    latest-approved first, they stay in the order they were approved, a second apart,
    never in the future when it can be helped, never before an embargo lifted or before
    approval."""
    second = dt.timedelta(seconds=1)
    found = moment
    while found in taken and (floor is None or found - second >= floor):
        found -= second
    while found in taken:
        found += second
    taken.add(found)
    return found
