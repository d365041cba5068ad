"""What agencies ingesting ninjs learn of an event partners must know of (new-user walk):
a release held under embargo withdrawn, approved again, its embargo moved; a correction
that takes a release out of a partner's category. Agencies key on uri and version: each
change is a new version, and a withdrawal says, in the release's language, that what was
held must not be used."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from newsroom.core.clock import fixed_clock
from newsroom.core.service import Newsroom

from .feedkit import at, correct, newsroom_root, release, run
from .test_ninjs import validate
from .test_partners import move_embargo

__all__ = ["newsroom_root"]  # a fixture, used by name

PRIVATE = "private/antara/ninjs"


def items(root: Path, folder: str) -> list[dict[str, Any]]:
    found: list[dict[str, Any]] = json.loads(
        (root / "feeds" / folder / "index.json").read_text(encoding="utf-8")
    )["items"]
    return found


def test_a_held_release_withdrawn_approved_again_and_moved_is_a_new_version_each_time(
    newsroom_root: Path,
) -> None:
    root = newsroom_root
    ident = release(root, at(0), "Rilis embargo", body="Teks pertama.", embargo=at(2))
    unrelated = release(root, at(0), "Rilis lain", embargo=at(5))
    run(root, at(0.1))
    path = root / "feeds" / PRIVATE / "rilis-embargo.json"
    other = (root / "feeds" / PRIVATE / "rilis-lain.json").read_bytes()
    first = validate(path)
    assert (first["version"], first["pubstatus"]) == ("1", "usable") and "ednote" not in first

    # sent back for changes: the document stays, withheld, its text gone
    Newsroom.open(root, "nur", fixed_clock(at(0.2))).act(ident, "request_changes", note="Tunda")
    run(root, at(0.3))
    doc = validate(path)
    assert (doc["uri"], doc["version"], doc["pubstatus"]) == (f"urn:uuid:{ident}", "2", "withheld")
    assert doc["versioncreated"] == "2026-06-01T13:48:00+07:00" != first["versioncreated"]
    assert "bodies" not in doc and "descriptions" not in doc and "embargoed" not in doc
    assert doc["ednote"].startswith("Embargo ditarik (01-06-2026 13:48 WIB): siaran pers yang")
    assert "tidak boleh disiarkan" in doc["ednote"]
    item = next(i for i in items(root, PRIVATE) if i["uri"] == f"urn:uuid:{ident}")
    assert (item["version"], item["pubstatus"]) == ("2", "withheld")
    assert (root / "feeds" / PRIVATE / "rilis-lain.json").read_bytes() == other  # untouched

    # approved again, a new text, the same lift: version 3, usable, the new text
    writer = Newsroom.open(root, "ald", fixed_clock(at(0.4)))
    article = writer.find(ident)
    article.body = "Teks kedua."
    writer.save_edit(article)
    writer.act(ident, "submit")
    Newsroom.open(root, "nur", fixed_clock(at(0.5))).act(ident, "approve", embargo=at(2))
    run(root, at(0.6))
    doc = validate(path)
    assert (doc["version"], doc["pubstatus"]) == ("3", "usable")
    assert doc["embargoed"] == "2026-06-03T09:00:00+07:00"
    assert "Teks kedua." in doc["bodies"][1]["value"]
    assert doc["ednote"].startswith("Embargo berlaku lagi (01-06-2026 21:00 WIB)")
    assert doc["ednote"].endswith("Versi ini menggantikan versi sebelumnya.")

    # the lift moved: version 4
    move_embargo(root, ident, at(0.7), at(3))
    run(root, at(0.8))
    doc = validate(path)
    assert (doc["version"], doc["pubstatus"]) == ("4", "usable")
    assert doc["embargoed"] == "2026-06-04T09:00:00+07:00"
    assert doc["ednote"].startswith("Embargo diubah (02-06-2026 01:48 WIB): kini hingga")
    assert "kini hingga 04-06-2026 09:00 WIB" in doc["ednote"]
    item = next(i for i in items(root, PRIVATE) if i["uri"] == f"urn:uuid:{ident}")
    assert (item["version"], item["pubstatus"]) == ("4", "usable")

    # out at its lift: the public version goes on counting (never below what was held)
    run(root, at(3.01))
    public = validate(root / "feeds" / "siaran-pers" / "rilis-embargo" / "ninjs.json")
    assert public["version"] == "4" and public["pubstatus"] == "usable"
    assert not path.exists()
    correct(root, ident, at(4), "Angka", "Teks ketiga.")
    run(root, at(4.1))
    public = validate(root / "feeds" / "siaran-pers" / "rilis-embargo" / "ninjs.json")
    assert public["version"] == "5" and public["ednote"] == "Ralat 1: Angka"
    assert items(root, "ninjs")[0]["version"] == "5"
    assert unrelated


def test_a_withheld_document_stays_for_the_feeds_window(newsroom_root: Path) -> None:
    root = newsroom_root
    ident = release(root, at(0), "Rilis ditarik", embargo=at(2))
    run(root, at(0.1))
    never = release(root, at(0.2), "Rilis tak terlihat", embargo=at(2))
    Newsroom.open(root, "nur", fixed_clock(at(0.5))).act(ident, "request_changes", note="Tunda")
    Newsroom.open(root, "nur", fixed_clock(at(0.5))).act(never, "request_changes", note="Tunda")
    run(root, at(1))
    path = root / "feeds" / PRIVATE / "rilis-ditarik.json"
    assert validate(path)["pubstatus"] == "withheld"
    assert not (root / "feeds" / PRIVATE / "rilis-tak-terlihat.json").exists()  # never shown
    assert [i["headline"] for i in items(root, PRIVATE)] == ["Rilis ditarik"]
    run(root, at(20))
    assert validate(path)["pubstatus"] == "withheld"
    run(root, at(30.6))  # retraction_days (30) after the withdrawal
    assert not path.exists() and items(root, PRIVATE) == []


def test_a_correction_that_takes_a_release_out_of_a_partners_category_reaches_it(
    newsroom_root: Path,
) -> None:
    root = newsroom_root
    ident = release(root, at(0), "Rilis pemilu", category="Pemilu", body="Teks.")
    release(root, at(0.5), "Rilis ekonomi")
    run(root, at(1))
    partner = "partner/pemilu/ninjs"
    assert [(i["headline"], i["version"]) for i in items(root, partner)] == [("Rilis pemilu", "1")]
    writer = Newsroom.open(root, "ald", fixed_clock(at(2)))
    writer.act(ident, "correct", note="Bukan kategori pemilu")
    article = writer.find(ident)
    article.categories = ["Reformasi Birokrasi"]
    writer.save_edit(article)
    writer.act(ident, "submit")
    Newsroom.open(root, "nur", fixed_clock(at(2))).act(ident, "approve")
    run(root, at(2.1))
    item = items(root, partner)[0]
    assert (item["uri"], item["version"], item["pubstatus"]) == (f"urn:uuid:{ident}", "2", "usable")
    doc = validate(root / "feeds" / "siaran-pers" / "rilis-pemilu" / "ninjs.json")
    assert doc["version"] == "2" and doc["ednote"] == "Ralat 1: Bukan kategori pemilu"
    assert {"name": "Reformasi Birokrasi", "rel": "category"} in doc["subjects"]
    assert "RALAT: Rilis pemilu" in (root / "feeds" / "partner/pemilu/rss.xml").read_text()
    month = root / "feeds" / partner / "archive" / "2026-06.json"
    assert [i["version"] for i in json.loads(month.read_text())["items"]] == ["2"]
    run(root, at(20))
    assert [i["version"] for i in items(root, partner)] == ["2"]  # the feeds' window
    run(root, at(32.2))  # retraction_days (30) after the correction: its notice is gone too
    assert items(root, partner) == []
    assert [i["version"] for i in json.loads(month.read_text())["items"]] == ["2"]  # its month


def test_approved_again_at_another_lift_is_one_new_version(newsroom_root: Path) -> None:
    """A withdrawn release approved again at another lift is one event, as the feeds tell
    it (EMBARGO BERLAKU LAGI alone, not a move too): one version more, not two."""
    root = newsroom_root
    ident = release(root, at(0), "Rilis embargo", body="Teks pertama.", embargo=at(2))
    run(root, at(0.1))
    Newsroom.open(root, "nur", fixed_clock(at(0.2))).act(ident, "request_changes", note="Tunda")
    run(root, at(0.3))
    Newsroom.open(root, "ald", fixed_clock(at(0.4))).act(ident, "submit")
    Newsroom.open(root, "nur", fixed_clock(at(0.5))).act(ident, "approve", embargo=at(3))
    run(root, at(0.6))
    doc = validate(root / "feeds" / PRIVATE / "rilis-embargo.json")
    assert (doc["version"], doc["pubstatus"]) == ("3", "usable"), doc
    assert doc["ednote"].startswith("Embargo berlaku lagi"), doc["ednote"]


def test_withheld_then_out_with_no_embargo_is_a_new_version(newsroom_root: Path) -> None:
    """Withdrawn (version 2, withheld), then approved again with no embargo: its going out
    is version 3, not a second version 2 an agency keyed on uri and version would skip,
    keeping `withheld` as the last word (review of rev21)."""
    root = newsroom_root
    ident = release(root, at(0), "Rilis embargo", body="Teks pertama.", embargo=at(2))
    run(root, at(0.1))
    Newsroom.open(root, "nur", fixed_clock(at(0.2))).act(ident, "request_changes", note="Tunda")
    run(root, at(0.3))
    doc = validate(root / "feeds" / PRIVATE / "rilis-embargo.json")
    assert (doc["version"], doc["pubstatus"]) == ("2", "withheld")
    Newsroom.open(root, "ald", fixed_clock(at(0.4))).act(ident, "submit")
    Newsroom.open(root, "nur", fixed_clock(at(0.5))).act(ident, "approve", clear_embargo=True)
    run(root, at(0.6))
    public = validate(root / "feeds" / "siaran-pers" / "rilis-embargo" / "ninjs.json")
    assert (public["version"], public["pubstatus"]) == ("3", "usable")
    assert items(root, "ninjs")[0]["version"] == "3"


def test_a_held_release_whose_file_is_deleted_is_canceled_for_the_feeds_window(
    newsroom_root: Path,
) -> None:
    """Its file removed by hand before it went out: agencies that ingested the held version
    get the next one, canceled, its text gone, the withdrawal said (as the private feeds
    tell it); once, for the feeds' window, then the document goes."""
    root = newsroom_root
    ident = release(root, at(0), "Rilis berembargo", body="Teks rahasia.", embargo=at(2))
    kept = release(root, at(0), "Rilis lain", embargo=at(5))
    run(root, at(0.5))
    path = root / "feeds" / PRIVATE / "rilis-berembargo.json"
    other = (root / "feeds" / PRIVATE / "rilis-lain.json").read_bytes()
    held = validate(path)
    assert (held["version"], held["pubstatus"]) == ("1", "usable")
    next((root / "articles").rglob("rilis-berembargo.md")).unlink()  # (rm, git rm: by hand)

    preview = run(root, at(1), dry_run=True)
    assert f"{PRIVATE}/rilis-berembargo.json" in preview.to_write
    assert f"{PRIVATE}/rilis-berembargo.json" not in preview.to_remove
    run(root, at(1.1))
    doc = validate(path)
    assert (doc["uri"], doc["version"], doc["pubstatus"]) == (f"urn:uuid:{ident}", "2", "canceled")
    assert doc["versioncreated"] == "2026-06-02T11:24:00+07:00"
    assert doc["firstcreated"] == held["firstcreated"]
    assert doc["headlines"] == held["headlines"]
    assert "Teks rahasia." not in path.read_text(encoding="utf-8")
    assert "bodies" not in doc and "descriptions" not in doc and "embargoed" not in doc
    assert doc["ednote"].startswith("Embargo ditarik (02-06-2026 11:24 WIB): siaran pers yang")
    assert "embargo hingga 03-06-2026 09:00 WIB (02:00 UTC) ditarik" in doc["ednote"]
    assert "tidak boleh disiarkan" in doc["ednote"]
    listed = {i["uri"]: i for i in items(root, PRIVATE)}
    assert listed[f"urn:uuid:{ident}"] == {
        "uri": f"urn:uuid:{ident}", "version": "2", "pubstatus": "canceled",
        "versioncreated": "2026-06-02T11:24:00+07:00", "headline": "Rilis berembargo",
        "href": listed[f"urn:uuid:{ident}"]["href"],
    }  # fmt: skip
    assert listed[f"urn:uuid:{ident}"]["href"].endswith(f"/{PRIVATE}/rilis-berembargo.json")
    assert (root / "feeds" / PRIVATE / "rilis-lain.json").read_bytes() == other  # untouched
    assert f"urn:uuid:{kept}" in listed

    # nothing changed: nothing written, not canceled again (no version 3)
    before = path.read_bytes(), (root / "feeds" / PRIVATE / "index.json").read_bytes()
    again = run(root, at(1.2))
    assert not [p for p in again.written if "ninjs" in p], again.written
    assert (path.read_bytes(), (root / "feeds" / PRIVATE / "index.json").read_bytes()) == before
    release(root, at(20), "Rilis baru", embargo=at(25))  # a run with work in the folder
    run(root, at(20.1))
    assert path.read_bytes() == before[0]
    assert f"urn:uuid:{ident}" in {i["uri"] for i in items(root, PRIVATE)}
    run(root, at(31.2))  # retraction_days (30) after it was found gone
    assert not path.exists()
    assert f"urn:uuid:{ident}" not in {i["uri"] for i in items(root, PRIVATE)}


def test_a_held_release_publish_refuses_keeps_its_document_and_is_canceled_once_gone(
    newsroom_root: Path,
) -> None:
    """Its file edited by hand (its seal broken), refused by publish: the document partners
    hold stays as it is (as the private feeds keep it, not withdrawn); put back, nothing is
    written; its file then deleted, the next version is canceled, as the feeds tell
    EMBARGO DITARIK (review of rev23)."""
    root = newsroom_root
    release(root, at(0), "Rilis berembargo", body="Teks asli.", embargo=at(2))
    run(root, at(0.5))
    path = root / "feeds" / PRIVATE / "rilis-berembargo.json"
    held = path.read_bytes()
    file = next((root / "articles").rglob("rilis-berembargo.md"))
    good = file.read_text()
    file.write_text(good.replace("Teks asli.", "Teks diubah tangan."))
    refused = run(root, at(1))
    assert [r.withheld for r in refused.refused] == [True]
    assert path.read_bytes() == held and path.as_posix() not in refused.removed
    again = run(root, at(1.05))  # still refused: nothing of it moves
    assert not [p for p in again.written if "ninjs" in p], again.written
    file.write_text(good)  # put back as it was: its document as it is
    back = run(root, at(1.1))
    assert path.read_bytes() == held and f"{PRIVATE}/rilis-berembargo.json" not in back.written
    assert [i["pubstatus"] for i in items(root, PRIVATE)] == ["usable"]
    file.write_text(good.replace("Teks asli.", "Teks diubah tangan."))
    run(root, at(1.2))
    file.unlink()
    run(root, at(1.3))
    doc = validate(path)
    assert (doc["version"], doc["pubstatus"]) == ("2", "canceled")
    assert doc["ednote"].startswith("Embargo ditarik (02-06-2026 16:12 WIB)")
    assert [(i["version"], i["pubstatus"]) for i in items(root, PRIVATE)] == [("2", "canceled")]


def test_a_canceled_document_is_counted_among_the_private_ones(newsroom_root: Path) -> None:
    """The run's count of private documents (`publish` says "n public, m private") takes
    the canceled document of a release whose file went away, as it took its held one: it
    was counted as a public document (review of rev23)."""
    root = newsroom_root
    release(root, at(0), "Rilis berembargo", embargo=at(2))
    held = run(root, at(0.5))
    next((root / "articles").rglob("rilis-berembargo.md")).unlink()
    gone = run(root, at(1.1))
    assert (gone.documents, gone.private_documents) == (held.documents, held.private_documents)
