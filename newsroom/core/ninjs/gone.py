"""A release partners with embargo access held whose file went away before it went out
(removed by hand, `git rm`): its private documents are not simply deleted. An agency's
system that ingested version N (usable, under embargo) is given version N+1, `canceled`:
its text gone, the withdrawal said in `ednote` in the release's language, as the private
feeds tell it (`EMBARGO DITARIK`, feeds/held.py). Nothing in `articles/` says what partners
hold any more, so the new version is made from the document partners have (the output's
own file), and what the output needs after (when, the index's item) is kept in its state
(`canceled`) for `retraction_days`, as the feeds' notices are; then the documents go.
A file that comes back ends it: the release is read again as any other.
"""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path
from typing import Any

from ..config import Config
from .document import local_iso

# What a document made from a release's text has that a canceled one does not.
_TEXT = ("bodies", "descriptions", "associations", "embargoed")


def cancel(config: Config, path: Path, now: dt.datetime) -> dict[str, Any] | None:
    """The next version of the private document at `path`, canceled (None: there is none to
    read, or it is canceled already)."""
    from ..feeds.notices import withdrawal_said

    try:
        doc: dict[str, Any] = json.loads(path.read_bytes())
        version = int(doc["version"])
    except (OSError, ValueError, KeyError, TypeError):
        return None
    if doc.get("pubstatus") == "canceled":
        return None
    lift = doc.get("embargoed")
    if lift:  # held under embargo: its withdrawal, now
        held = dt.datetime.fromisoformat(lift)
        ednote = withdrawal_said(now, held, str(doc.get("language", "")), config)[1]
    else:  # withdrawn already (withheld): what it said of that
        ednote = str(doc.get("ednote", ""))
    new = {k: v for k, v in doc.items() if k not in _TEXT}
    new.update(representationtype="partial", version=str(version + 1), pubstatus="canceled",
               versioncreated=local_iso(now, config), ednote=ednote)  # fmt: skip
    return new


def index_item(doc: dict[str, Any], href: str) -> dict[str, Any]:
    """A canceled document as a private index lists it (releases' items: NinjsOutput._item)."""
    found = {
        "uri": doc["uri"], "version": doc["version"], "pubstatus": doc["pubstatus"],
        "versioncreated": doc["versioncreated"],
        "headline": next((h["value"] for h in doc.get("headlines", ())), ""), "href": href,
    }  # fmt: skip
    numbers = [a["value"] for a in doc.get("altids", ()) if a.get("role") == "releasenumber"]
    if numbers:
        found["releasenumber"] = numbers[0]
    return found
