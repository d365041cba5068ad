"""Release numbers: `[numbering]` of newsroom.toml, a pattern such as
`B-{seq:03d}/HUMAS/{mm_roman}/{yyyy}` turned into numbers and read back.

Publish gives a release its number once, under the publish lock, when it first goes live
(publish/golive.py); the sequence continues from the highest number of the period found in
the files and in the ledger (a number issued on this server is never given again, even if
its file vanished). A number set by hand before approval is kept. The pattern is checked
when the config is read (`check_pattern`), so a run never meets a bad one.

Numbers are told apart without regard to case (`number_key`): a journalist types
`b-002/humas/xii/2026` for B-002/HUMAS/XII/2026, so no two releases may hold numbers that
differ only in case, and a number typed by hand in lowercase counts for the sequence.
"""

from __future__ import annotations

import datetime as dt
import re
import string
from collections.abc import Iterable
from typing import NamedTuple, Protocol

TOKENS = ("seq", "mm", "mm_roman", "yyyy", "yy", "unit")
RESETS = ("yearly", "never")
ROMAN = ("I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX", "X", "XI", "XII")
_SEQ_SPEC = re.compile(r"0?[1-9]?d?")
_GROUPS = {
    "seq": r"[0-9]+",
    "mm": r"0[1-9]|1[0-2]",
    "mm_roman": "|".join(sorted(ROMAN, key=len, reverse=True)),
    "yyyy": r"[0-9]{4}",
    "yy": r"[0-9]{2}",
}


def check_pattern(pattern: str, reset: str, unit: str) -> str:
    """Why the pattern cannot number releases ("" when it can): English, for ConfigError."""
    if not pattern:
        return ""
    try:
        fields = [(name, spec) for _, name, spec, _ in string.Formatter().parse(pattern)
                  if name is not None]  # fmt: skip
    except ValueError as exc:
        return f"pattern: {exc} (write tokens as {{seq}}, and a brace as {{{{ or }}}})"
    unknown = sorted({name for name, _ in fields if name not in TOKENS})
    if unknown:
        return (
            f"pattern: unknown token {{{unknown[0]}}} (known: "
            + ", ".join(f"{{{t}}}" for t in TOKENS)
            + ")"
        )
    names = [name for name, _ in fields]
    if names.count("seq") != 1:
        return "pattern: must hold {seq} (the sequence number) exactly once"
    for name, spec in fields:
        if spec and (name != "seq" or not _SEQ_SPEC.fullmatch(spec)):
            return f"pattern: {{{name}:{spec}}}: only {{seq}} takes a format, such as {{seq:03d}}"
    if reset == "yearly" and not {"yyyy", "yy"} & set(names):
        return (
            'pattern: numbers start again every year (reset = "yearly"), so the pattern '
            "needs the year ({yyyy} or {yy}), else a number would come back next year "
            '(or set reset = "never")'
        )
    if "unit" in names and not unit:
        return 'pattern: uses {unit}, but [numbering] unit is not set (e.g. unit = "HUMAS")'
    return ""


def number_key(number: str) -> str:
    """What tells numbers apart: the number without surrounding spaces, case folded."""
    return number.strip().casefold()


class _Configured(Protocol):  # config.Config (which imports this module to check a pattern)
    @property
    def numbering_pattern(self) -> str: ...
    @property
    def numbering_reset(self) -> str: ...
    @property
    def numbering_unit(self) -> str: ...
    @property
    def numbering_start(self) -> int: ...


class Numbering(NamedTuple):
    """An office's numbering: its pattern, when the sequence starts again, and how."""

    pattern: str
    reset: str = "yearly"
    unit: str = ""
    start: int = 1

    @classmethod
    def of(cls, config: _Configured) -> Numbering | None:
        """The office's numbering (None: it gives no numbers)."""
        if not config.numbering_pattern:
            return None
        return cls(config.numbering_pattern, config.numbering_reset, config.numbering_unit,
                   max(1, config.numbering_start))  # fmt: skip

    def format(self, seq: int, when: dt.datetime) -> str:
        """The number of the `seq`-th release of the period of `when` (in the zone given)."""
        return self.pattern.format(
            seq=seq, mm=f"{when:%m}", mm_roman=ROMAN[when.month - 1], yyyy=f"{when:%Y}",
            yy=f"{when:%y}", unit=self.unit,
        )  # fmt: skip

    def period(self, when: dt.datetime) -> str:
        """The period a sequence runs in: the year (yearly), or "" (never reset)."""
        return f"{when:%Y}" if self.reset == "yearly" else ""

    def parse(self, number: str) -> tuple[str, int] | None:
        """(period, seq) of a number written in this pattern (None: another shape)."""
        found = self._regex().fullmatch(number.strip())
        if found is None:
            return None
        groups = found.groupdict()
        period = ""
        if self.reset == "yearly":
            period = groups.get("yyyy") or f"20{groups.get('yy')}"
        return period, int(groups["seq"])

    def _regex(self) -> re.Pattern[str]:
        parts, seen = [], set()
        for literal, name, _, _ in string.Formatter().parse(self.pattern):
            parts.append(re.escape(literal))
            if name is None:
                continue
            if name == "unit":
                parts.append(re.escape(self.unit))
            elif name in seen:
                parts.append(f"(?P={name})")
            else:
                parts.append(f"(?P<{name}>{_GROUPS[name]})")
                seen.add(name)
        return re.compile("".join(parts), re.IGNORECASE)

    def next_seq(self, taken: Iterable[str], period: str) -> int:
        """The next sequence number of `period`: one more than the highest of the numbers
        `taken` (files and ledger) in it, and never below `start`."""
        highest = self.start - 1
        for number in taken:
            parsed = self.parse(number)
            if parsed is not None and parsed[0] == period and parsed[1] > highest:
                highest = parsed[1]
        return highest + 1


def duplicates(numbered: Iterable[tuple[str, str]]) -> dict[str, list[str]]:
    """The numbers that more than one release has (case aside): number (as first met) ->
    the paths having it."""
    by_number: dict[str, list[str]] = {}
    spelt: dict[str, str] = {}
    for number, path in numbered:
        if number:
            key = number_key(number)
            spelt.setdefault(key, number.strip())
            by_number.setdefault(key, []).append(path)
    return {spelt[k]: sorted(paths) for k, paths in by_number.items() if len(paths) > 1}


def number_owners(
    numbered: Iterable[tuple[str, str, str]], issued: dict[str, str]
) -> dict[str, list[tuple[str, str]]]:
    """number_key(number) -> [(id, path)] of every release having it, from (number, id,
    path) of the releases and the numbers this server issued (number -> id, the ledger):
    one issued to a release no file has any more comes with no path."""
    owners: dict[str, list[tuple[str, str]]] = {}
    for number, ident, path in numbered:
        if number:
            owners.setdefault(number_key(number), []).append((ident, path))
    for number, ident in issued.items():
        key = number_key(number)
        if all(known != ident for known, _ in owners.get(key, [])):
            owners.setdefault(key, []).append((ident, ""))
    return owners
