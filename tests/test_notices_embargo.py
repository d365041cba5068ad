"""Every change of an embargo reaches partners as a new item, whatever their software: a
release partners hold under embargo withdrawn (sent back for changes), an embargo taken
away, and a move told only of a lift time partners were shown. Each is read here as an
importer that only adds items by guid reads the private feed (fresh-clone walk 19)."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path
from typing import Any

from newsroom.core.clock import fixed_clock
from newsroom.core.service import Newsroom

from .feedkit import AddOnly, at, html_to_text, newsroom_root, read_items, release, run
from .pagekit import page, visible_text
from .test_notice_anchors import ids_of
from .test_partners import move_embargo

__all__ = ["newsroom_root"]  # a fixture, used by name

FORMATS = ("rss.xml", "atom.xml", "feed.json")


class Readers:
    """An add-only reader per format of the private feed: what each run adds to each."""

    def __init__(self, root: Path) -> None:
        self.folder = root / "feeds" / "private" / "antara"
        self.readers = {name: AddOnly() for name in FORMATS}
        self.take()

    def take(self) -> dict[str, list[tuple[str, str, str]]]:
        """(title, text, link) of the items each format adds now, by format."""
        new: dict[str, list[tuple[str, str, str]]] = {}
        for name, reader in self.readers.items():
            seen = set(reader.held)
            items = read_items(self.folder / name) if (self.folder / name).exists() else []
            reader.take(items)
            new[name] = [(i.title, html_to_text(i.content), i.link) for i in items
                         if i.id not in seen]  # fmt: skip
        return new


def json_items(folder: Path) -> list[dict[str, Any]]:
    items: list[dict[str, Any]] = json.loads((folder / "feed.json").read_text())["items"]
    return items


def send_back(root: Path, ident: str, when: dt.datetime) -> None:
    Newsroom.open(root, "nur", fixed_clock(when)).act(ident, "request_changes", note="Tunda")


def test_a_release_sent_back_under_embargo_is_withdrawn_by_a_notice(newsroom_root: Path) -> None:
    root = newsroom_root
    ident = release(root, at(0), "Rakornas Reformasi Birokrasi", embargo=at(2))
    run(root, at(0.5))
    readers = Readers(root)
    send_back(root, ident, at(1))
    unseen = release(root, at(1.01), "Rilis yang tak pernah terlihat", embargo=at(2))
    send_back(root, unseen, at(1.02))  # before any run showed it: no news to anyone
    run(root, at(1.1))
    for name, new in readers.take().items():
        assert [t for t, _, _ in new] == ["EMBARGO DITARIK: Rakornas Reformasi Birokrasi"], name
        _, said, link = new[0]
        assert "Embargo ditarik (02-06-2026 09:00 WIB)" in said, said
        assert "embargo hingga 03-06-2026 09:00 WIB (02:00 UTC) ditarik" in said, said
        assert "tidak boleh disiarkan" in said and link.endswith("/#embargo-ditarik-1"), name
    assert "DITARIK" not in (root / "feeds" / "rss.xml").read_text()  # private only
    item = next(i for i in json_items(readers.folder) if "DITARIK" in i["title"])
    assert item["_newsroom"] == {
        "status": "embargo_withdrawn",
        "notice_of": f"urn:uuid:{ident}",
        "withdrawal": 1,
        "embargo": "2026-06-03T09:00:00+07:00",
    }
    run(root, at(20))
    assert "DITARIK" in (readers.folder / "atom.xml").read_text()  # kept for its window
    run(root, at(31.1))  # retraction_days (30) after the withdrawal
    assert "DITARIK" not in (readers.folder / "atom.xml").read_text()


def test_approved_again_at_another_lift_it_is_told_as_back_not_as_a_move(
    newsroom_root: Path,
) -> None:
    root = newsroom_root
    ident = release(root, at(0), "Rilis berembargo", embargo=at(2))
    run(root, at(0.5))
    readers = Readers(root)
    send_back(root, ident, at(1))
    run(root, at(1.1))
    readers.take()
    approve_again(root, ident, at(1.3), at(3))  # another lift than partners held
    run(root, at(1.4))
    for name, new in readers.take().items():  # one item: back, not merely moved
        assert [t for t, _, _ in new] == ["EMBARGO BERLAKU LAGI: Rilis berembargo"], name
        _, said, link = new[0]
        assert "Embargo berlaku lagi (02-06-2026 16:12 WIB)" in said, said
        assert "kembali diberikan dengan embargo hingga 04-06-2026 09:00 WIB (02:00 UTC)" in said
        assert "embargo yang ditarik berlaku hingga 03-06-2026 09:00 WIB (02:00 UTC)" in said
        assert "Teksnya dapat berbeda dari yang Anda terima sebelumnya" in said, said
        assert link.endswith("/rilis-berembargo/#embargo-lagi-1"), link
    item = next(i for i in json_items(readers.folder) if "LAGI" in i["title"])
    assert item["_newsroom"] == {
        "status": "embargo_again",
        "notice_of": f"urn:uuid:{ident}",
        "withdrawal": 1,
        "embargo": "2026-06-04T09:00:00+07:00",
        "embargo_before": "2026-06-03T09:00:00+07:00",
    }
    held = [i.title for i in read_items(readers.folder / "atom.xml")]
    assert "EMBARGO hingga 04-06-2026 09:00 WIB (02:00 UTC): Rilis berembargo" in held
    assert not any("DIUBAH" in t for t in held), held
    run(root, at(1.5))  # told once
    assert readers.take() == {name: [] for name in FORMATS}
    move_embargo(root, ident, at(1.6), at(3.5))  # a move after it is a move, numbered on
    run(root, at(1.7))
    new = readers.take()["atom.xml"]
    assert [t for t, _, _ in new] == ["EMBARGO DIUBAH 2: Rilis berembargo"], new
    assert new[0][2].endswith("/#embargo-diubah-2")


def test_approved_again_at_another_lift_in_english(newsroom_root: Path) -> None:
    root = newsroom_root
    config = root / "newsroom.toml"
    config.write_text(config.read_text().replace('language = "id"', 'language = "en"', 1))
    ident = release(root, at(0), "Embargoed release", embargo=at(2))
    run(root, at(0.5))
    readers = Readers(root)
    send_back(root, ident, at(1))
    run(root, at(1.1))
    readers.take()
    approve_again(root, ident, at(1.3), at(3))
    run(root, at(1.4))
    [(title, said, _)] = readers.take()["rss.xml"]
    assert title == "EMBARGOED AGAIN: Embargoed release", title
    assert "again under embargo until 04-06-2026 09:00 WIB (02:00 UTC)" in said, said
    assert "the embargo withdrawn was until 03-06-2026 09:00 WIB (02:00 UTC)" in said, said
    assert "Its text may differ from the one you received before" in said, said


def test_a_withdrawal_never_told_leaves_a_new_lift_told_as_a_move(newsroom_root: Path) -> None:
    root = newsroom_root
    ident = release(root, at(0), "Rilis berembargo", embargo=at(2))
    run(root, at(0.5))  # partners hold it until 03-06 09:00
    readers = Readers(root)
    send_back(root, ident, at(1))  # and approved again before any run told the withdrawal
    approve_again(root, ident, at(1.05), at(3))
    run(root, at(1.1))
    titles = [t for t, _, _ in readers.take()["atom.xml"]]
    assert titles == ["EMBARGO DIUBAH: Rilis berembargo"], titles


def test_an_embargo_taken_away_is_told_as_its_lift(newsroom_root: Path) -> None:
    root = newsroom_root
    ident = release(root, at(0), "Rilis berembargo", embargo=at(2))
    run(root, at(0.5))
    readers = Readers(root)
    Newsroom.open(root, "nur", fixed_clock(at(1))).act(
        ident, "embargo", clear_embargo=True, note="dipercepat"
    )
    run(root, at(1.1))
    for name, new in readers.take().items():
        assert [t for t, _, _ in new] == ["EMBARGO BERAKHIR: Rilis berembargo"], name
        _, said, link = new[0]
        assert "Embargo berakhir (02-06-2026 11:24 WIB)" in said, said  # when it went out
        assert link.endswith("/#embargo"), link
    assert "embargo" in ids_of(root / "feeds" / "siaran-pers" / "rilis-berembargo" / "index.html")
    said = visible_text(page(root, "rilis-berembargo"))
    assert "Embargo berakhir 02-06-2026 11:24 WIB" in said and "ditarik" not in said, said


def test_a_move_is_told_only_of_a_lift_time_partners_were_shown(newsroom_root: Path) -> None:
    root = newsroom_root
    first = release(root, at(0), "Rilis pertama", embargo=at(2))
    move_embargo(root, first, at(0.05), at(3))
    run(root, at(0.1))  # no state of what the feeds showed (a fresh clone): told
    assert "EMBARGO DIUBAH: Rilis pertama" in (root / "feeds/private/antara/rss.xml").read_text()
    readers = Readers(root)
    ident = release(root, at(0.2), "Rilis berembargo", embargo=at(2))
    move_embargo(root, ident, at(0.3), at(1.9))  # before any run showed 03-06 09:00
    run(root, at(0.4))
    titles = [t for t, _, _ in readers.take()["rss.xml"]]
    assert titles == [
        "EMBARGO hingga 03-06-2026 06:36 WIB (02-06-2026 23:36 UTC): Rilis berembargo"
    ], titles  # and no "EMBARGO DIUBAH" from 03-06-2026 09:00, which nobody received
    move_embargo(root, ident, at(0.6), at(1.5))  # partners were shown 1.9: told
    run(root, at(0.7))
    new = readers.take()["rss.xml"]
    assert [t for t, _, _ in new] == ["EMBARGO DIUBAH 2: Rilis berembargo"], new
    _, said, link = new[0]
    assert ("kini hingga 02-06-2026 21:00 WIB (14:00 UTC), sebelumnya hingga 03-06-2026 "
            "06:36 WIB (02-06-2026 23:36 UTC)") in said, said  # fmt: skip
    assert link.endswith("/#embargo-diubah-2")  # the page numbers every move


def approve_again(root: Path, ident: str, when: dt.datetime, embargo: dt.datetime) -> None:
    Newsroom.open(root, "ald", fixed_clock(when)).act(ident, "submit")
    Newsroom.open(root, "nur", fixed_clock(when)).act(ident, "approve", embargo=embargo)


def test_approved_again_at_the_same_lift_it_is_told_as_a_new_item(newsroom_root: Path) -> None:
    root = newsroom_root
    ident = release(root, at(0), "Rilis berembargo", embargo=at(2))
    untouched = release(root, at(0.1), "Rilis lain", embargo=at(2.5))  # never withdrawn
    run(root, at(0.5))
    readers = Readers(root)
    send_back(root, ident, at(1))
    run(root, at(1.1))
    assert [t for t, _, _ in readers.take()["rss.xml"]] == ["EMBARGO DITARIK: Rilis berembargo"]
    approve_again(root, ident, at(1.3), at(2))  # the lift partners were shown before
    run(root, at(1.4))
    for name, new in readers.take().items():  # the withdrawal is no longer the last word
        assert [t for t, _, _ in new] == ["EMBARGO BERLAKU LAGI: Rilis berembargo"], name
        _, said, link = new[0]
        assert "Embargo berlaku lagi (02-06-2026 16:12 WIB)" in said, said
        assert "kembali diberikan dengan embargo hingga 03-06-2026 09:00 WIB (02:00 UTC)" in said
        assert "tidak boleh disiarkan sebelum waktu itu" in said and "Rilis berembargo" in said
        assert link.endswith("/rilis-berembargo/#embargo-lagi-1"), link
    item = next(i for i in json_items(readers.folder) if "LAGI" in i["title"])
    assert item["_newsroom"] == {
        "status": "embargo_again",
        "notice_of": f"urn:uuid:{ident}",
        "withdrawal": 1,
        "embargo": "2026-06-03T09:00:00+07:00",
    }
    ids = {i.id for i in read_items(readers.folder / "atom.xml")}
    assert {f"urn:uuid:{ident}", f"urn:uuid:{untouched}"} <= ids  # guids kept as they were
    assert "LAGI" not in (root / "feeds" / "rss.xml").read_text()  # private only
    run(root, at(1.5))  # told once: the next run adds nothing
    assert readers.take() == {name: [] for name in FORMATS}
    run(root, at(2.1))  # out at its lift: the notice stays, and its page has its anchor
    assert "EMBARGO BERLAKU LAGI" in (readers.folder / "atom.xml").read_text()
    assert "embargo-lagi-1" in ids_of(
        root / "feeds" / "siaran-pers" / "rilis-berembargo" / "index.html"
    )
    said = visible_text(page(root, "rilis-berembargo"))
    assert "Embargo berlaku lagi 02-06-2026 16:12 WIB" in said, said


def test_no_embargo_again_for_a_withdrawal_partners_were_never_told(newsroom_root: Path) -> None:
    root = newsroom_root
    run(root, at(0))  # (a state of what the feeds told: not a fresh clone)
    ident = release(root, at(0.1), "Rilis berembargo", embargo=at(2))
    send_back(root, ident, at(0.2))  # before any run showed it
    approve_again(root, ident, at(0.3), at(2))
    run(root, at(0.4))
    readers = Readers(root)
    release(root, at(0.45), "Rilis berikutnya")  # (a run with work: the plan is made again)
    run(root, at(0.5))
    titles = [i.title for i in read_items(readers.folder / "atom.xml")]
    assert not any("LAGI" in t or "DITARIK" in t for t in titles), titles


def test_the_run_says_the_withdrawal_was_told_not_that_the_release_left(
    newsroom_root: Path,
) -> None:
    from newsroom.i18n import Translator
    from newsroom.i18n.explain import publish_lines

    root = newsroom_root
    ident = release(root, at(0), "Rilis berembargo", embargo=at(2))
    run(root, at(0.5))
    send_back(root, ident, at(1))
    dry = run(root, at(1.1), dry_run=True)
    done = run(root, at(1.1))
    feeds = "private/antara"
    for result, said in ((dry, ("would be sent", "akan dikirim")), (done, ("sent", "dikirim"))):
        [move] = [m for m in result.moves if m.id == ident]
        assert move.kind == "withdrawn" and move.feeds, move
        en = publish_lines(Translator("en"), result, str)
        ind = publish_lines(Translator("id"), result, str)
        assert f"embargo withdrawn, notice {said[0]}: Rilis berembargo → {feeds}" in en, en
        assert f"embargo ditarik, pemberitahuan {said[1]}: Rilis berembargo → {feeds}" in ind
        assert not any("left:" in line or "keluar dari feed" in line for line in en + ind), en


def test_a_release_held_under_embargo_whose_file_is_deleted_is_withdrawn(
    newsroom_root: Path,
) -> None:
    root = newsroom_root
    ident = release(root, at(0), "Rilis berembargo", embargo=at(2))
    other = release(root, at(0.1), "Rilis lain", embargo=at(2.5))
    run(root, at(0.5))
    readers = Readers(root)
    send_back(root, ident, at(1))  # sent back, and removed before any run told it
    for slug in ("rilis-berembargo", "rilis-lain"):  # (rm, git rm: by hand)
        next((root / "articles").rglob(f"{slug}.md")).unlink()
    result = run(root, at(1.1))
    for name, new in readers.take().items():
        assert sorted(t for t, _, _ in new) == [
            "EMBARGO DITARIK: Rilis berembargo",
            "EMBARGO DITARIK: Rilis lain",
        ], name
        said = dict((t, (s, link)) for t, s, link in new)
        text, link = said["EMBARGO DITARIK: Rilis lain"]
        assert "Embargo ditarik (02-06-2026 11:24 WIB)" in text, text  # when found gone
        assert "embargo hingga 03-06-2026 21:00 WIB (14:00 UTC) ditarik" in text, text
        assert link.endswith("/rilis-lain/#embargo-ditarik-1"), link
        text, link = said["EMBARGO DITARIK: Rilis berembargo"]
        assert "Embargo ditarik (02-06-2026 11:24 WIB)" in text, text  # (no run saw it sent
        assert "embargo hingga 03-06-2026 09:00 WIB (02:00 UTC) ditarik" in text, text  # back)
        assert link.endswith("/rilis-berembargo/#embargo-ditarik-1"), link
    moves = {m.title: m.kind for m in result.moves}
    assert moves == {"Rilis berembargo": "withdrawn", "Rilis lain": "withdrawn"}, moves
    assert "DITARIK" not in (root / "feeds" / "rss.xml").read_text()  # private only
    item = next(i for i in json_items(readers.folder) if "Rilis lain" in i["title"])
    assert item["_newsroom"]["notice_of"] == f"urn:uuid:{other}"
    release(root, at(20), "Rilis baru")  # (a run with work)
    run(root, at(20.1))
    assert [t for t, _, _ in readers.take()["atom.xml"]] == ["Rilis baru"]  # nothing again
    held = [i.title for i in read_items(readers.folder / "atom.xml")]
    assert held.count("EMBARGO DITARIK: Rilis lain") == 1, held  # kept for its window
    run(root, at(31.2))  # retraction_days (30) after it was found gone
    held = [i.title for i in read_items(readers.folder / "atom.xml")]
    assert not any("DITARIK" in t for t in held), held


def test_the_withdrawal_notice_stays_its_window_once_approved_again(newsroom_root: Path) -> None:
    root = newsroom_root
    ident = release(root, at(0), "Rilis berembargo", embargo=at(2))
    run(root, at(0.5))
    send_back(root, ident, at(1))
    run(root, at(1.1))
    told = {i.id: i for i in read_items(root / "feeds/private/antara/atom.xml")}
    [withdrawal] = [i for i in told.values() if "DITARIK" in i.title]
    approve_again(root, ident, at(1.3), at(3))
    result = run(root, at(1.4))
    assert not [m for m in result.moves if m.kind == "notice_gone"], result.moves
    for when in (at(1.4), at(3.1), at(30.9)):  # held again, out at its lift: still there
        run(root, when)
        items = {i.id: i for i in read_items(root / "feeds/private/antara/atom.xml")}
        kept = items.get(withdrawal.id)  # as partners were told it (once out, it names
        assert kept and kept._replace(content="") == withdrawal._replace(content=""), when
        assert "Embargo ditarik (02-06-2026 09:00 WIB)" in kept.content  # its publication)
    result = run(root, at(31.1))  # retraction_days (30) after the withdrawal
    assert "DITARIK" not in (root / "feeds/private/antara/atom.xml").read_text()
    [gone] = [
        m for m in result.moves if m.kind == "notice_gone" and m.notice == "embargo_withdrawn"
    ]
    assert gone.id == ident, gone


def test_the_page_tells_the_release_held_again_at_another_lift(newsroom_root: Path) -> None:
    root = newsroom_root
    ident = release(root, at(0), "Rilis berembargo", embargo=at(2))
    run(root, at(0.5))
    send_back(root, ident, at(1))
    run(root, at(1.1))
    approve_again(root, ident, at(1.3), at(3))
    run(root, at(1.4))
    link = next(i.link for i in read_items(root / "feeds/private/antara/atom.xml")
                if "LAGI" in i.title)  # fmt: skip
    run(root, at(3.1))  # out at its lift: its page says where the notice pointed
    ids = ids_of(root / "feeds" / "siaran-pers" / "rilis-berembargo" / "index.html")
    assert link.rpartition("#")[2] in ids and {"embargo-ditarik-1", "embargo-diubah-1"} <= ids
    said = visible_text(page(root, "rilis-berembargo"))
    assert ("Embargo ditarik 02-06-2026 09:00 WIB: siaran pers yang diterima mitra dengan "
            "embargo hingga 03-06-2026 09:00 WIB ditarik") in said, said  # fmt: skip
    assert ("Embargo berlaku lagi 02-06-2026 16:12 WIB: siaran pers yang embargonya ditarik "
            "kembali diberikan kepada mitra dengan embargo hingga 04-06-2026 09:00 WIB, "
            "sebelumnya hingga 03-06-2026 09:00 WIB.") in said, said  # fmt: skip
    assert "Embargo diubah" not in said, said  # one line for the one event
    assert (
        said.index("Embargo ditarik")
        < said.index("Embargo berlaku lagi")
        < said.index("Embargo berakhir")
    )


def test_withdrawn_then_approved_without_an_embargo_its_going_out_is_told(
    newsroom_root: Path,
) -> None:
    """Partners held it under embargo, then were told it was withdrawn ("must not be
    broadcast"); approved again with no embargo, it went out under the guid they hold, so
    an add-only reader's last word stayed the withdrawal (review of 2fd13a1). Its going out
    is now told as the embargo's end, a new item, as when the embargo is taken away."""
    root = newsroom_root
    ident = release(root, at(0), "Rilis berembargo", embargo=at(2))
    run(root, at(0.5))
    readers = Readers(root)
    send_back(root, ident, at(1))
    run(root, at(1.1))
    assert [t for t, _, _ in readers.take()["rss.xml"]] == ["EMBARGO DITARIK: Rilis berembargo"]
    Newsroom.open(root, "ald", fixed_clock(at(1.2))).act(ident, "submit")
    Newsroom.open(root, "nur", fixed_clock(at(1.3))).act(ident, "approve", clear_embargo=True)
    assert run(root, at(1.4)).published
    added = readers.take()
    for name in added:
        titles = [t for t, _, _ in added[name]]
        assert titles == ["EMBARGO BERAKHIR: Rilis berembargo"], (name, titles)
    assert not any(readers.take().values())  # told once


def test_a_held_release_publish_refuses_is_not_withdrawn_until_its_file_is_gone(
    newsroom_root: Path,
) -> None:
    """A release held under embargo whose file is edited by hand (its seal broken) is
    refused by publish, its file still there: not told as withdrawn (put back, it would be
    in the feeds again with an add-only reader's last word "must not be broadcast");
    its file then deleted, it is (review of rev21)."""
    root = newsroom_root
    release(root, at(0), "Rilis berembargo", body="Teks asli.", embargo=at(2))
    run(root, at(0.5))
    readers = Readers(root)
    path = next((root / "articles").rglob("rilis-berembargo.md"))
    good = path.read_text()
    path.write_text(good.replace("Teks asli.", "Teks diubah tangan."))
    assert [r.withheld for r in run(root, at(1)).refused] == [True]
    assert not any(readers.take().values())
    path.write_text(good)  # put back as it was
    run(root, at(1.1))
    assert not any(readers.take().values())
    path.write_text(good.replace("Teks asli.", "Teks diubah tangan."))
    run(root, at(1.2))
    path.unlink()
    run(root, at(1.3))
    for name, new in readers.take().items():
        assert [t for t, _, _ in new] == ["EMBARGO DITARIK: Rilis berembargo"], name


def test_no_lift_told_of_an_embargo_partners_never_held(newsroom_root: Path) -> None:
    """Approved under embargo, sent back before any run showed it, approved again with no
    embargo: partners never held it, so its going out is the release alone, with no
    EMBARGO BERAKHIR for an embargo they never received (review of rev21)."""
    root = newsroom_root
    release(root, at(0), "Rilis lain")
    run(root, at(0.1))
    readers = Readers(root)
    ident = release(root, at(0.2), "Rilis berembargo", embargo=at(2))
    send_back(root, ident, at(0.3))  # before any run showed it
    Newsroom.open(root, "ald", fixed_clock(at(0.4))).act(ident, "submit")
    Newsroom.open(root, "nur", fixed_clock(at(0.5))).act(ident, "approve", clear_embargo=True)
    assert run(root, at(0.6)).published
    for name, new in readers.take().items():
        assert [t for t, _, _ in new] == ["Rilis berembargo"], name
