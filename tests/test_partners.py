"""What partners see: corrections and retractions in every feed that carries the release,
notices of their own for importers that only add, the embargo's lift, plain text as typed,
categories without tags, JSON Feed with the reach of RSS and Atom."""

from __future__ import annotations

import datetime as dt
import json
import re
from pathlib import Path

from newsroom.core.clock import fixed_clock
from newsroom.core.service import Newsroom

from .feedkit import (
    AddOnly,
    at,
    correct,
    html_to_text,
    newsroom_root,
    parse,
    read_items,
    release,
    retract,
    run,
    set_limit,
    submit_correction,
)

__all__ = ["newsroom_root"]  # a fixture, used by name


SUBSCRIPTIONS = ("", "category/pemilu/", "partner/pemilu/", "private/antara/")


def entries_of(root: Path, path: str) -> list[tuple[str, str]]:
    """(id, title) of every entry of a subscription document, in order, any format."""
    file = root / "feeds" / path
    if path.endswith(".json"):
        return [(i["id"], i["title"]) for i in json.loads(file.read_text())["items"]]
    return [(e.id, e.title) for e in parse(file).entries]


def test_a_correction_of_an_old_release_reaches_every_feed_that_carried_it(
    newsroom_root: Path,
) -> None:
    set_limit(newsroom_root, 2)
    old = release(newsroom_root, at(0), "Rilis lama", category="Pemilu")
    for i in range(3):  # newer releases push it out of every newest two
        release(newsroom_root, at(1 + i), f"Rilis {i}", category="Pemilu")
    run(newsroom_root, at(4))
    assert old not in (newsroom_root / "feeds" / "rss.xml").read_text()
    correct(newsroom_root, old, at(5), "Angka diperbaiki", "Teks yang dikoreksi.")
    run(newsroom_root, at(5.1))
    for folder in SUBSCRIPTIONS:
        for name in ("rss.xml", "atom.xml", "feed.json"):
            entries = entries_of(newsroom_root, folder + name)
            ids = [i for i, _ in entries]
            assert f"urn:uuid:{old}" == ids[-1], folder + name  # after the newest two
            notices = [(i, t) for i, t in entries if t == "RALAT: Rilis lama"]
            assert len(notices) == 1 and notices[0][0] != f"urn:uuid:{old}", folder + name
            assert ids.index(notices[0][0]) == 0  # the newest thing that happened
    atom = (newsroom_root / "feeds" / "atom.xml").read_text()
    assert "Teks yang dikoreksi." in atom and "Ralat 1 (" in atom
    updated = re.findall(r"<entry.*?<updated>([^<]+)</updated>", atom, re.S)
    assert len(updated) == len(set(updated))  # no two entries share a moment
    run(newsroom_root, at(35.2))  # retraction_days (30) after the correction: back to normal
    assert old not in (newsroom_root / "feeds" / "rss.xml").read_text()
    assert "RALAT" not in (newsroom_root / "feeds" / "feed.json").read_text()


def test_a_retraction_of_an_old_release_reaches_rss_and_json_too(newsroom_root: Path) -> None:
    set_limit(newsroom_root, 1)
    old = release(newsroom_root, at(0), "Rilis keliru", category="Pemilu")
    release(newsroom_root, at(1), "Rilis baru", category="Pemilu")
    run(newsroom_root, at(2))
    retract(newsroom_root, old, at(3), "Data belum final")
    run(newsroom_root, at(3.1))
    for folder in SUBSCRIPTIONS:
        for name in ("rss.xml", "feed.json"):
            titles = [t for _, t in entries_of(newsroom_root, folder + name)]
            assert titles == ["DICABUT: Rilis keliru", "Rilis baru", "[DICABUT] Rilis keliru"]
    rss = parse(newsroom_root / "feeds" / "rss.xml").entries
    assert rss[0].link.endswith("/rilis-keliru/#dicabut")  # its own link: WP RSS Aggregator
    assert "Data belum final" in rss[0].description and "Rilis keliru" in rss[0].description
    assert "Paragraf dua" not in rss[0].content[0].value  # a notice, not a second copy


def test_an_embargo_lift_is_told_in_the_private_feed_dated_at_the_lift(
    newsroom_root: Path,
) -> None:
    ident = release(newsroom_root, at(0), "Rilis berembargo", embargo=at(1))
    run(newsroom_root, at(0.5))
    early = parse(newsroom_root / "feeds" / "private/antara/rss.xml").entries
    assert [e.title for e in early] == [
        "EMBARGO hingga 02-06-2026 09:00 WIB (02:00 UTC): Rilis berembargo"
    ]
    run(newsroom_root, at(1.2))
    told, entry = parse(newsroom_root / "feeds" / "private/antara/rss.xml").entries
    assert told.title == "EMBARGO BERAKHIR: Rilis berembargo" and told.id != entry.id
    assert told.published_parsed[:6] == (2026, 6, 2, 2, 0, 1)  # the second after the lift
    assert entry.id == f"urn:uuid:{ident}" and entry.published_parsed[:5] == (2026, 6, 2, 2, 0)
    assert "Embargo berakhir (02-06-2026 09:00 WIB)" in told.description
    assert "BERAKHIR" not in (newsroom_root / "feeds" / "rss.xml").read_text()  # private only


def move_embargo(root: Path, ident: str, when: dt.datetime, until: dt.datetime) -> None:
    Newsroom.open(root, "nur", fixed_clock(when)).act(
        ident, "embargo", embargo=until, note="diminta kementerian"
    )


def test_a_moved_embargo_moves_the_entrys_updated_time(newsroom_root: Path) -> None:
    ident = release(newsroom_root, at(0), "Rilis berembargo", embargo=at(2))
    run(newsroom_root, at(0.5))
    move_embargo(newsroom_root, ident, at(1), at(3))
    run(newsroom_root, at(1.1))
    private = newsroom_root / "feeds" / "private/antara"
    entry = next(e for e in parse(private / "atom.xml").entries if e.id == f"urn:uuid:{ident}")
    assert entry.title.startswith("EMBARGO hingga 04-06-2026 09:00 WIB (02:00 UTC)")
    assert entry.published_parsed[:6] == (2026, 6, 1, 2, 0, 0)  # received at the approval
    assert entry.updated_parsed[:6] == (2026, 6, 2, 2, 0, 0)  # updated at the move
    item = json.loads((private / "feed.json").read_text())["items"][0]
    assert item["date_modified"] == "2026-06-02T09:00:00+07:00"
    assert item["date_published"] == "2026-06-01T09:00:00+07:00"


def test_each_move_of_an_embargo_is_told_by_a_notice_of_its_own(newsroom_root: Path) -> None:
    ident = release(newsroom_root, at(0), "Rilis berembargo", embargo=at(2))
    run(newsroom_root, at(0.5))
    private = newsroom_root / "feeds" / "private/antara"
    readers = {name: AddOnly() for name in ("rss.xml", "atom.xml", "feed.json")}
    for name, reader in readers.items():
        reader.take(read_items(private / name))
    move_embargo(newsroom_root, ident, at(1), at(3))
    run(newsroom_root, at(1.1))
    move_embargo(newsroom_root, ident, at(1.5), at(4))
    run(newsroom_root, at(1.6))
    for name, reader in readers.items():  # an importer that only adds learns of both
        reader.take(read_items(private / name))
        told = [i for i in reader.held.values() if i.title.startswith("EMBARGO DIUBAH")]
        assert [i.title for i in told] == ["EMBARGO DIUBAH 2: Rilis berembargo",
                                           "EMBARGO DIUBAH: Rilis berembargo"], name  # fmt: skip
        second, first = (html_to_text(i.content) for i in told)
        assert ("kini hingga 04-06-2026 09:00 WIB (02:00 UTC), sebelumnya hingga "
                "03-06-2026 09:00 WIB (02:00 UTC)") in first, name  # fmt: skip
        assert ("kini hingga 05-06-2026 09:00 WIB (02:00 UTC), sebelumnya hingga "
                "04-06-2026 09:00 WIB (02:00 UTC)") in second, name  # fmt: skip
        assert told[0].date == at(1.5) + dt.timedelta(seconds=1), name  # after the move
        assert told[0].link.endswith("/#embargo-diubah-2") and told[0].id != told[1].id
        assert f"urn:uuid:{ident}" not in {i.id for i in told}, name
    notice = json.loads((private / "feed.json").read_text())["items"][1]["_newsroom"]
    assert notice == {"status": "embargo_moved", "notice_of": f"urn:uuid:{ident}", "move": 2,
                      "embargo": "2026-06-05T09:00:00+07:00",
                      "embargo_before": "2026-06-04T09:00:00+07:00"}  # fmt: skip
    assert "DIUBAH" not in (newsroom_root / "feeds" / "rss.xml").read_text()  # private only
    run(newsroom_root, at(4.2))  # lifted: the moves are still told, beside the lift
    titles = [t for _, t in entries_of(newsroom_root, "private/antara/atom.xml")]
    assert titles[:4] == ["EMBARGO BERAKHIR: Rilis berembargo", "Rilis berembargo",
                          "EMBARGO DIUBAH 2: Rilis berembargo",
                          "EMBARGO DIUBAH: Rilis berembargo"]  # fmt: skip
    run(newsroom_root, at(31.2))  # retraction_days (30) after the first move: gone
    titles = [t for _, t in entries_of(newsroom_root, "private/antara/atom.xml")]
    assert "EMBARGO DIUBAH: Rilis berembargo" not in titles
    assert "EMBARGO DIUBAH 2: Rilis berembargo" in titles
    run(newsroom_root, at(31.6))
    assert "DIUBAH" not in (private / "atom.xml").read_text()


def test_a_new_lift_time_by_approving_again_is_told_and_a_move_outlives_a_cleared_embargo(
    newsroom_root: Path,
) -> None:
    """Two ways the review found partners not told (a review of 886d73a): sent back and
    approved again with a later lift time, the private item took the new time under its
    guid with no notice; and an embargo moved, then taken away, lost its move's notice in
    that run (the report named it by a bare id) while next_event still waited for it."""
    ident = release(newsroom_root, at(0), "Rilis berembargo", embargo=at(2))
    run(newsroom_root, at(0.5))
    reviewer = Newsroom.open(newsroom_root, "nur", fixed_clock(at(1)))
    reviewer.act(ident, "request_changes", note="Judul kurang jelas")
    writer = Newsroom.open(newsroom_root, "ald", fixed_clock(at(1.1)))
    writer.act(ident, "submit")
    Newsroom.open(newsroom_root, "nur", fixed_clock(at(1.2))).act(ident, "approve", embargo=at(5))
    run(newsroom_root, at(1.3))
    private = newsroom_root / "feeds" / "private/antara"
    titles = [t for _, t in entries_of(newsroom_root, "private/antara/atom.xml")]
    assert "EMBARGO DIUBAH: Rilis berembargo" in titles, titles
    Newsroom.open(newsroom_root, "nur", fixed_clock(at(1.5))).act(
        ident, "embargo", clear_embargo=True, note="boleh sekarang"
    )
    gone = run(newsroom_root, at(1.6))
    assert [m.kind for m in gone.moves if m.kind == "published"] == ["published"]
    assert not any(ident in m.title for m in gone.moves), gone.moves  # named, not by its id
    titles = [t for _, t in entries_of(newsroom_root, "private/antara/atom.xml")]
    assert "EMBARGO DIUBAH: Rilis berembargo" in titles, titles  # told for its window
    assert "DIUBAH" in (private / "rss.xml").read_text()


def test_a_release_published_under_an_embargo_can_be_corrected(newsroom_root: Path) -> None:
    """Its submit was refused ("the embargo ... is already past") until the embargo line was
    deleted, which the reviewer then saw as a change, and the lift notice left ANTARA's
    private feed with the correction. The lifted embargo stays as partners were told it."""
    from newsroom.core.service import Newsroom

    ident = release(newsroom_root, at(0), "Rilis berembargo", embargo=at(1))
    run(newsroom_root, at(1.1))
    submit_correction(newsroom_root, ident, at(1.2), "Angka diperbaiki", "Teks dikoreksi.")
    nur = Newsroom.open(newsroom_root, "nur", fixed_clock(at(1.2)))  # (submitted: its checks
    assert not nur.failing_checks(nur.find(ident))  # pass, and newsroom check agrees)
    assert not [f for f in nur.check().findings if f.check.name == "embargo_future"]
    nur.act(ident, "approve")
    result = run(newsroom_root, at(1.3))
    assert result.ok and [p["kind"] for p in result.published] == ["corrected"]
    titles = [e.title for e in parse(newsroom_root / "feeds" / "private/antara/rss.xml").entries]
    assert "EMBARGO BERAKHIR: Rilis berembargo" in titles and "RALAT: Rilis berembargo" in titles


def test_a_correction_keeps_an_embargo_set_to_the_second_as_the_desk_shows_it(
    newsroom_root: Path,
) -> None:
    """An embargo set from the CLI with seconds (09:00:59) came back from the correction's
    approval dialog as 09:00, the minute the desk shows; the checklist then refused the
    correction: "the embargo (... 09:00) is already past". The embargo a release went out
    under is the same to the minute."""
    from newsroom.core.service import Newsroom

    lift = at(1) + dt.timedelta(seconds=59)
    ident = release(newsroom_root, at(0), "Rilis berembargo", embargo=lift)
    run(newsroom_root, at(1.1))
    submit_correction(newsroom_root, ident, at(1.2), "Angka diperbaiki", "Teks dikoreksi.")
    nur = Newsroom.open(newsroom_root, "nur", fixed_clock(at(1.2)))
    nur.act(ident, "approve", embargo=lift.replace(second=0))  # as the dialog gives it back
    result = run(newsroom_root, at(1.3))
    assert result.ok and [p["kind"] for p in result.published] == ["corrected"]


def test_a_correction_typed_with_a_wrong_past_embargo_still_waits(newsroom_root: Path) -> None:
    """Only the embargo a release went out under is spared: a past time typed into its
    correction's approval (last year, by mistake) is refused, not put out at once."""
    import pytest

    from newsroom.core.errors import Refused
    from newsroom.core.service import Newsroom

    ident = release(newsroom_root, at(0), "Rilis tanpa embargo")
    run(newsroom_root, at(0.1))
    submit_correction(newsroom_root, ident, at(1), "Angka diperbaiki", "Teks yang dikoreksi.")
    nur = Newsroom.open(newsroom_root, "nur", fixed_clock(at(1)))
    with pytest.raises(Refused, match="already past"):
        nur.act(ident, "approve", embargo=at(1) - dt.timedelta(days=365))


def test_a_private_feed_of_every_release_has_no_archive_chain(newsroom_root: Path) -> None:
    """The public archives lead back to the public feed (`current`): a private feed has its
    own chain (a filtered partner) or none."""
    set_limit(newsroom_root, 1, extra="embargo_access = true\n")  # pemilu: private too
    for i in range(3):
        release(newsroom_root, at(i), f"Rilis {i}", category="Pemilu")
    run(newsroom_root, at(3))
    feeds = newsroom_root / "feeds"
    assert 'rel="prev-archive"' in (feeds / "atom.xml").read_text()
    for name in ("atom.xml", "rss.xml", "feed.json"):
        assert "prev-archive" not in (feeds / "private/antara" / name).read_text()
        assert "next_url" not in (feeds / "private/antara" / name).read_text()
    chain = parse(feeds / "private/pemilu/atom.xml").feed.links
    older = next(x.href for x in chain if x.rel == "prev-archive")
    assert "/private/pemilu/archive/" in older
    page = parse(feeds / older.split("/", 3)[3]).feed.links
    assert next(x.href for x in page if x.rel == "current").endswith("/private/pemilu/atom.xml")


# ---------------------------------------------------------------- plain text, tags, JSON Feed


def test_plain_text_stays_plain_text_in_every_format(newsroom_root: Path) -> None:
    hostile, summary = "Siaran <b>Tebal</b> & AT&T", "Ringkasan & <b>bukan tebal</b>"
    release(newsroom_root, at(0), hostile, summary=summary, category="Pemilu")
    release(newsroom_root, at(0.1), "Inflasi <3%")
    run(newsroom_root, at(1))
    rss = (newsroom_root / "feeds" / "rss.xml").read_text()
    # escaped as HTML, its & written as the RSS Best Practices Profile asks
    assert "<title>Siaran &#x26;lt;b&#x26;gt;Tebal&#x26;lt;/b&#x26;gt; &#x26;amp; AT" in rss
    assert "<title>Inflasi &lt;3%</title>" in rss  # not markup: as typed
    assert "<description>Ringkasan &amp;amp; &amp;lt;b&amp;gt;bukan" in rss  # HTML, escaped
    atom = (newsroom_root / "feeds" / "atom.xml").read_text()
    assert '<title type="html">Siaran &amp;lt;b&amp;gt;Tebal' in atom
    assert "<title>Inflasi &lt;3%</title>" in atom
    for name in ("rss.xml", "atom.xml"):
        second, first = parse(newsroom_root / "feeds" / name).entries  # newest first
        assert html_to_text(first.title) == hostile and first.title_detail.type == "text/html"
        assert second.title == "Inflasi <3%"
        assert html_to_text(first.summary) == summary
    items = json.loads((newsroom_root / "feeds" / "feed.json").read_text())["items"]
    assert [i["title"] for i in items] == ["Inflasi <3%", hostile]
    assert items[1]["summary"] == summary


def test_tags_are_not_categories_except_apart_in_json_feed(newsroom_root: Path) -> None:
    release(newsroom_root, at(0), "Rilis", category="Pemilu", tags=("netralitas-asn",))
    run(newsroom_root, at(1))
    for name in ("rss.xml", "atom.xml"):
        entry = parse(newsroom_root / "feeds" / name).entries[0]
        assert [t.term for t in entry.tags] == ["Pemilu"]
        assert "netralitas-asn" not in (newsroom_root / "feeds" / name).read_text()
    item = json.loads((newsroom_root / "feeds" / "feed.json").read_text())["items"][0]
    assert item["tags"] == ["Pemilu"] and item["_newsroom"]["tags"] == ["netralitas-asn"]


def test_json_feed_for_every_feed_with_author_pages_and_the_embargo(newsroom_root: Path) -> None:
    set_limit(newsroom_root, 1)
    for i in range(3):
        release(newsroom_root, at(i), f"Rilis {i}", category="Pemilu")
    release(newsroom_root, at(3), "Rilis berembargo", embargo=at(5))
    run(newsroom_root, at(4))
    feeds = newsroom_root / "feeds"
    for folder in ("", "category/pemilu/", "partner/pemilu/", "private/antara/"):
        feed = json.loads((feeds / folder / "feed.json").read_text())
        assert feed["version"] == "https://jsonfeed.org/version/1.1"
        assert feed["author"] == {"name": "Humas Uji"} and feed["authors"] == [feed["author"]]
        assert all(i["author"] == {"name": "ald"} for i in feed["items"])
    private = json.loads((feeds / "private/antara/feed.json").read_text())["items"][0]
    assert private["_newsroom"] == {"status": "embargoed", "embargo": "2026-06-06T09:00:00+07:00"}
    seen, url = [], json.loads((feeds / "feed.json").read_text()).get("next_url")
    while url:  # the older pages, to the oldest
        page = json.loads((feeds / url.split("/", 3)[3]).read_text())
        assert page["feed_url"] == url and page["title"].endswith("(arsip 2026-06)")
        seen += [i["title"] for i in page["items"]]
        url = page.get("next_url")
    assert seen == ["Rilis 2", "Rilis 1", "Rilis 0"]
