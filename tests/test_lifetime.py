"""Two months of a newsroom, read after every publish by the software partners run.

Releases, a batch approval, an embargo that lifts, corrections and retractions of releases
inside and outside the feeds' newest `limit`, hostile titles. After each publish three
readers take every subscription document of every feed (RSS, Atom, JSON): an add-only
importer keyed by guid, one keyed by link (as WP RSS Aggregator is), and a reader that
updates items by guid. Each must hold what an editor would expect.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import os
import re
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import pytest
from lxml import etree

from newsroom.core.clock import fixed_clock
from newsroom.core.config import load_config
from newsroom.core.feeds.plan import CORRECTION, LIFT, RETRACTION, notice_id
from newsroom.core.service import Newsroom

from .feedkit import (
    SCHEMA,
    AddOnly,
    Item,
    Updating,
    at,
    check_json_feed,
    configure,
    correct,
    feed_files,
    read_items,
    release,
    retract,
    run,
)

HOSTILE = "Siaran <b>Tebal</b> & AT&T"
SUMMARY = "Ringkasan & <b>bukan tebal</b>"
FEEDS = {  # folder -> categories it takes (None: all), private
    "": (None, False),
    "category/ekonomi/": (("Ekonomi",), False),
    "category/pemilu/": (("Pemilu",), False),
    "partner/pemilu/": (("Pemilu",), False),
    "private/antara/": (None, True),
}


@dataclasses.dataclass
class Release:
    """What the editors did to one release, as the test remembers it."""

    ident: str
    title: str
    category: str
    link: str
    code: str  # a word in every version of its text, and in no other release's
    version: str = "asli"  # the word of the text partners should see now
    events: list[tuple[str, int, dt.datetime]] = dataclasses.field(default_factory=list)
    embargo: dt.datetime | None = None
    out: dt.datetime | None = None  # when it went out (the run, or its embargo's lift)
    retracted: bool = False


class LivingNewsroom:
    """The test's newsroom: its releases, the readers of every document, the checks."""

    def __init__(self, root: Path) -> None:
        self.root = root
        self.releases: dict[str, Release] = {}
        self.readers: dict[str, tuple[AddOnly, AddOnly, Updating]] = {}
        self.clock = at(0)
        self.after: Callable[[float], None] = lambda day: None  # called after each publish

    def new(self, day: float, title: str, category: str = "Ekonomi",
            embargo: dt.datetime | None = None) -> Release:  # fmt: skip
        code = f"kode{len(self.releases):02d}"
        body = f"Isi {code} versi asli.\n\nParagraf dua."
        summary = SUMMARY if title == HOSTILE else "Ringkasan."
        ident = release(self.root, at(day), title, category=category, body=body,
                        embargo=embargo, summary=summary)  # fmt: skip
        slug = Newsroom.open(self.root, "ald", fixed_clock(at(day))).find(ident).slug
        link = f"{load_config(self.root).feeds_base}/siaran-pers/{slug}/"  # its page
        self.releases[ident] = Release(ident, title, category, link, code, embargo=embargo)
        return self.releases[ident]

    def correct(self, r: Release, day: float, version: str) -> None:
        correct(self.root, r.ident, at(day), f"Ralat {version}", f"Isi {r.code} versi {version}.")
        r.version = version

    def retract(self, r: Release, day: float) -> None:
        retract(self.root, r.ident, at(day), "Data belum final & <salah>")
        r.retracted = True
        r.events.append((RETRACTION, 0, at(day)))

    def publish(self, day: float) -> None:
        """Publish at `day`, note what went out, let every reader read, check them."""
        result = run(self.root, at(day))
        assert result.ok, result.problems
        now = at(day)
        for done in result.published:
            r = self.releases[done["id"]]
            if r.out is None:  # it went out now, or at its embargo's lift
                r.out = r.embargo or now
                if r.embargo is not None:
                    r.events.append((LIFT, 0, r.embargo))
            else:
                r.events.append((CORRECTION, sum(e[0] == CORRECTION for e in r.events) + 1, now))
        self.clock = now
        for folder, (categories, private) in FEEDS.items():
            for name in ("rss.xml", "atom.xml", "feed.json"):
                path = self.root / "feeds" / folder / name
                if path.exists():
                    self.read(folder + name, read_items(path), categories, private)
        self.schema_valid()
        for path in (self.root / "feeds").rglob("*.json"):
            parts = path.relative_to(self.root / "feeds").parts
            if not parts[0].startswith("nomor") and "ninjs" not in path.name + str(parts):
                check_json_feed(path)  # nomor.json, nomor/...: the lookup; ninjs: tests/test_ninjs
        self.after(day)

    def read(self, doc: str, items: list[Item], categories: tuple[str, ...] | None,
             private: bool) -> None:  # fmt: skip
        by_guid, by_link, updating = self.readers.setdefault(
            doc, (AddOnly("id"), AddOnly("link"), Updating())
        )
        for reader in (by_guid, by_link, updating):
            reader.take(items)
        for r in self.releases.values():
            if categories is not None and r.category not in categories:
                continue
            if r.out is None and not (private and r.embargo):
                continue
            for reader in (by_guid, by_link, updating):
                self.check_one_copy(doc, reader, r)
                self.check_told(doc, reader, r, private)
            self.check_current(doc, updating, r)

    def check_one_copy(self, doc: str, reader: AddOnly | Updating, r: Release) -> None:
        """Never two copies of a release's text; at most one notice per event."""
        copies = [i for i in reader.held.values() if r.code in i.content]
        assert len(copies) <= 1, (doc, r.title, copies)
        titles = [i.title for i in reader.held.values() if i.id != f"urn:uuid:{r.ident}"]
        for title in set(titles):
            assert titles.count(title) == 1 or r.title not in title, (doc, title)

    def check_told(self, doc: str, reader: AddOnly | Updating, r: Release, private: bool) -> None:
        """Every correction, retraction (and, privately, lift) reached this reader as a notice
        of its own, dated at the event, naming and linking the release."""
        for kind, number, when in r.events:
            if kind == LIFT and not private:
                continue
            ident = f"urn:uuid:{notice_id(r.ident, kind, number)}"
            held = [i for i in reader.held.values() if i.id == ident]
            assert len(held) == 1, (doc, r.title, kind, number)
            notice = held[0]
            word = {CORRECTION: "RALAT" + (f" {number}" if number > 1 else ""),
                    RETRACTION: "DICABUT", LIFT: "EMBARGO BERAKHIR"}[kind]  # fmt: skip
            assert notice.title == f"{word}: {r.title}", doc
            assert notice.link.startswith(r.link + "#") and r.link in notice.content
            assert r.code not in notice.content  # short: the release's text is not in it
            assert abs(notice.date - when) < dt.timedelta(seconds=6), (doc, kind)

    def check_current(self, doc: str, reader: Updating, r: Release) -> None:
        """The updating reader holds the release once, as the editors left it."""
        item = reader.held.get(f"urn:uuid:{r.ident}")
        if item is None:
            return  # never in this feed since the reader started (old, untouched)
        if r.retracted:
            assert item.title == f"[DICABUT] {r.title}" and r.code not in item.content, doc
            return
        assert f"{r.code} versi {r.version}" in item.content, (doc, r.title, r.version)
        if r.out is not None and r.out <= self.clock:
            assert item.title == r.title, doc
            assert abs(item.date - r.out) < dt.timedelta(seconds=6), (doc, r.title)
        else:
            assert item.title.startswith("EMBARGO hingga ") and item.title.endswith(r.title)

    def check_same_bytes(self, day: float) -> None:
        """Planned afresh a little later (no state, no cache), nothing changes: notices keep
        their ids and moments, every file its bytes."""
        before = feed_files(self.root)
        (self.root / ".newsroom" / "publish-state.json").unlink()
        (self.root / ".newsroom" / "cache.sqlite").unlink()
        assert run(self.root, at(day)).written == []
        assert feed_files(self.root) == before

    def schema_valid(self) -> None:
        if not SCHEMA.exists():
            return
        schema = etree.RelaxNG(etree.parse(str(SCHEMA)))
        for path in (self.root / "feeds").rglob("*atom.xml"):
            schema.assertValid(etree.parse(str(path)))


@pytest.fixture
def newsroom(root: Path) -> LivingNewsroom:
    configure(root, limit=4)
    return LivingNewsroom(root)


def test_two_months_of_a_newsroom_as_partners_see_it(newsroom: LivingNewsroom) -> None:
    live_two_months(newsroom)
    assert all_reachable_through_archives(newsroom)


def live_two_months(n: LivingNewsroom) -> None:
    """The newsroom's two months, checked by its readers after each publish."""
    inflation = n.new(0, "Inflasi <3%")
    hostile = n.new(0.01, HOSTILE, "Pemilu")
    n.publish(0.1)
    for day in range(1, 7):  # six more: the first two fall out of every newest four
        n.new(day, f"Rilis harian {day}", "Pemilu" if day % 3 == 0 else "Ekonomi")
        n.publish(day + 0.1)
    batch = [n.new(10 + i / 100, f"Rilis serentak {i}") for i in range(3)]
    n.publish(10.1)  # one run publishes all three, a second apart
    held = n.new(12, "Rilis berembargo", embargo=at(13))
    n.publish(12.1)  # ANTARA receives it early, marked
    n.publish(13.1)  # lifted
    n.correct(inflation, 14, "koreksi1")  # out of every newest four
    n.correct(batch[1], 14.5, "koreksi1")  # in the window
    n.publish(14.6)
    n.retract(hostile, 16)  # out of the window
    n.retract(batch[2], 16.2)  # in it
    n.publish(16.3)
    n.check_same_bytes(16.4)  # notices of corrections, retractions and a lift in the feeds
    n.correct(inflation, 20, "koreksi2")
    n.publish(20.1)
    for day in (31, 34, 38):  # July: a second month of archives
        n.new(day, f"Rilis Juli {day}", "Pemilu")
        n.publish(day + 0.1)
    n.publish(51)  # the notices of the corrections, retractions and lift have expired
    feed = (n.root / "feeds" / "rss.xml").read_text()
    for r in (inflation, hostile, batch[1], batch[2], held):
        for kind, number, _ in r.events:
            assert notice_id(r.ident, kind, number) not in feed
    assert hostile.ident not in feed and inflation.ident not in feed
    n.publish(61)


def all_reachable_through_archives(n: LivingNewsroom) -> bool:
    """Walking back from each public subscription document (prev-archive; JSON's
    next_url) reaches every release that went out; the private feed has no chain."""
    import json

    import feedparser

    feeds = n.root / "feeds"
    went_out = {f"urn:uuid:{r.ident}" for r in n.releases.values() if r.out is not None}
    for name in ("atom.xml", "rss.xml", "feed.json"):
        found: set[str] = set()
        path: Path | None = feeds / name
        while path is not None:
            if name == "feed.json":
                data = json.loads(path.read_text())
                found |= {i["id"] for i in data["items"]}
                older = data.get("next_url")
            else:
                parsed = feedparser.parse(path.read_bytes())
                found |= {e.id for e in parsed.entries}
                older = next((x.href for x in parsed.feed.links if x.rel == "prev-archive"), None)
            path = feeds / older.split("/", 3)[3] if older else None
        assert went_out <= found, name
    for name in ("atom.xml", "rss.xml", "feed.json"):
        text = (feeds / "private" / "antara" / name).read_text()
        assert "prev-archive" not in text and "next_url" not in text
    return True


VALIDATOR = Path(
    os.environ.get("NEWSROOM_FEEDVALIDATOR", Path(__file__).parents[2] / "feedvalidator")
)
TOMBSTONES = "Use of unknown namespace: http://purl.org/atompub/tombstones/1.0"


@pytest.mark.skipif(
    not (VALIDATOR / "src" / "feedvalidator").is_dir(),
    reason="the W3C Feed Validation Service is in no package registry: clone w3c/feedvalidator "
    "and set NEWSROOM_FEEDVALIDATOR to it (see tools/validate_w3c.py)",
)
def test_the_w3c_validator_finds_nothing_but_what_docs_deploy_md_says(
    newsroom: LivingNewsroom,
) -> None:
    """Every RSS and Atom document of the newsroom, while everything is going on (notices,
    tombstones, an embargo, hostile titles) and at the end: no error and no warning, but
    the two docs/deploy.md explains: RFC 6721's namespace (the validator predates it), and
    "Archive incomplete" on an archive that is the only page of its chain."""
    python = os.environ.get("NEWSROOM_FEEDVALIDATOR_PYTHON", sys.executable)
    tool = Path(__file__).parents[1] / "tools" / "validate_w3c.py"

    def validate(day: float) -> None:
        if day not in (12.1, 16.3, 61):
            return
        command = [python, str(tool), "--validator", str(VALIDATOR), str(newsroom.root / "feeds")]
        done = subprocess.run(command, capture_output=True, text=True, check=False)
        said = done.stdout.splitlines()
        # the validator ran and read feeds (an import error would leave no line to check)
        assert said and re.fullmatch(r"\d+ of [1-9]\d* feed files: .*", said[-1]), (
            day, done.stderr[-800:])  # fmt: skip
        file = Path()
        for line in done.stdout.splitlines()[:-1]:
            if not line.startswith(" "):
                file = Path(line.rstrip(":"))
            elif line.endswith("Archive incomplete"):  # the only page: nothing to link
                assert "-archive" not in file.read_text(), (day, file)
            else:
                assert line.endswith(TOMBSTONES), (day, file, line)

    newsroom.after = validate
    live_two_months(newsroom)
