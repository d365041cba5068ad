"""An embargo's lift as partners read it: in the newsroom's zone and in UTC, the UTC part
dated when its day differs ("03-12-2026 00:09 WIB (17:09 UTC)" read as the wrong day's
evening in an agency's UTC desk, walk 19). One home (content.lift_time) for the private
feeds' titles and every notice that names a lift."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from newsroom.core.config import load_config
from newsroom.core.feeds.content import lift_time

from .feedkit import WIB


def test_the_utc_time_of_a_lift_says_its_date_when_the_day_differs(root: Path) -> None:
    config = load_config(root)
    late = dt.datetime(2026, 12, 3, 0, 9, tzinfo=WIB)
    assert lift_time(late, config) == "03-12-2026 00:09 WIB (02-12-2026 17:09 UTC)"
    morning = dt.datetime(2026, 12, 3, 9, 0, tzinfo=WIB)
    assert lift_time(morning, config) == "03-12-2026 09:00 WIB (02:00 UTC)"
