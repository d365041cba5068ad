"""Time: an injectable clock, the newsroom's zone, ISO 8601 parsing, and how people read times.

Every time the tool writes is timezone-aware and carries its offset in the
newsroom's zone (Asia/Jakarta, `+07:00`, by default). Every time it shows people
(the desk, the CLI, the feeds' notices) is `format_time`'s `07-12-2018 15:30 WIB`.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

Clock = Callable[[], dt.datetime]

# Abbreviations Indonesian readers expect; zoneinfo's own are numeric for some zones.
_ABBREVIATIONS = {
    "Asia/Jakarta": "WIB",
    "Asia/Pontianak": "WIB",
    "Asia/Makassar": "WITA",
    "Asia/Jayapura": "WIT",
}


def zone(name: str) -> dt.tzinfo:
    """The tzinfo for an IANA name; Asia/Jakarta falls back to a fixed +07:00 without tzdata."""
    try:
        return ZoneInfo(name)
    except (ZoneInfoNotFoundError, ValueError):
        if name == "Asia/Jakarta":
            return dt.timezone(dt.timedelta(hours=7), "WIB")
        raise


def zone_abbreviation(name: str, when: dt.datetime) -> str:
    """WIB/WITA/WIT for Indonesia's zones, else what the zone database says."""
    return _ABBREVIATIONS.get(name) or when.astimezone(zone(name)).tzname() or name


def format_time(when: dt.datetime | None, tz: dt.tzinfo, zone_name: str = "") -> str:
    """`07-12-2018 15:30` in the newsroom's zone, day first as Indonesians write dates and
    with the century, so no date reads two ways (`25-11-26` could be 2025 or 2026); with
    the zone's abbreviation when its name is given (`07-12-2018 15:30 WIB`); "" for None."""
    if when is None:
        return ""
    local = when.astimezone(tz)
    text = f"{local:%d-%m-%Y %H:%M}"
    return f"{text} {zone_abbreviation(zone_name, local)}" if zone_name else text


def system_clock() -> dt.datetime:
    """Now, as an aware UTC datetime."""
    return dt.datetime.now(dt.UTC)


def fixed_clock(when: dt.datetime) -> Clock:
    """A clock that always answers `when` (for tests and `--now`)."""
    return lambda: when


# Day first, as every screen shows times and as Indonesians write them: 08-12-2026 09:00.
_DAY_FIRST = re.compile(
    r"(\d{1,2})[-/.](\d{1,2})[-/.](\d{4})(?:[ T](\d{1,2}):(\d{2})(?::(\d{2}))?)?"
)


def parse_time(text: str, tz: dt.tzinfo) -> dt.datetime:
    """Parse ISO 8601; a time without an offset is read in the newsroom's zone.

    Accepts `2018-12-07T16:30:00+07:00`, `2018-12-07 16:30`, `2018-12-07` (midnight)
    and a trailing `Z`, and day first as the screens show it (`07-12-2018 16:30`,
    `07/12/2018`). Raises ValueError with a readable message.
    """
    value = text.strip()
    if value.endswith(("Z", "z")):
        value = value[:-1] + "+00:00"
    day_first = _DAY_FIRST.fullmatch(value)
    if day_first:
        day, month, year, hour, minute, second = day_first.groups()
        value = f"{year}-{int(month):02d}-{int(day):02d}"
        if hour is not None:
            value += f" {int(hour):02d}:{minute}:{second or '00'}"
    try:
        parsed = dt.datetime.fromisoformat(value)
    except ValueError:
        raise ValueError(
            f"not a date and time: {text!r} (write it as 07-12-2026 09:00 or "
            "2026-12-07T09:00+07:00)"
        ) from None
    if parsed.tzinfo is None:
        parsed = parsed.replace(tzinfo=tz)
    return parsed


def to_zone(when: dt.datetime, tz: dt.tzinfo) -> dt.datetime:
    """The same instant in the newsroom's zone, without microseconds (files stay tidy)."""
    return when.astimezone(tz).replace(microsecond=0)


def input_time(when: dt.datetime | None, tz: dt.tzinfo) -> str:
    """A time as a person types it into a field, day first as every screen shows one
    (`08-12-2026 09:00`, the newsroom's zone): what `parse_time` reads back; "" for None."""
    return f"{when.astimezone(tz):%d-%m-%Y %H:%M}" if when is not None else ""
