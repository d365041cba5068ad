"""ninjs 2.1 for agencies: a document per version and the current one beside each release's
page, the retraction leaving only the canceled one, embargoed releases only in private
folders, an index paged like the archives; every document valid against IPTC's schema."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from newsroom.core.clock import fixed_clock
from newsroom.core.config import load_config
from newsroom.core.model import Image
from newsroom.core.ninjs import output as ninjs
from newsroom.core.publish import publish
from newsroom.core.service import Newsroom

from .feedkit import at, newsroom_root, release, retract, run
from .tuikit import NOW, SEED_ID

__all__ = ["newsroom_root"]  # a fixture, used by name

SCHEMA = (
    Path(__file__).resolve().parent.parent.parent / "shared" / "schemas" / "ninjs-schema_2.1.json"
)
SEED = "siaran-pers/humas-pemerintah-jaga-netralitas-asn-pemilu-2019"


def validate(path: Path) -> dict[str, Any]:
    """The document, checked against IPTC's ninjs 2.1 schema (when ../shared is here)."""
    doc: dict[str, Any] = json.loads(path.read_text(encoding="utf-8"))
    if SCHEMA.is_file():
        import jsonschema

        schema = json.loads(SCHEMA.read_text(encoding="utf-8"))
        validator = jsonschema.validators.validator_for(schema)
        validator(schema, format_checker=validator.FORMAT_CHECKER).validate(doc)
    return doc


def ninjs_files(root: Path) -> set[str]:
    feeds = root / "feeds"
    return {str(p.relative_to(feeds)) for p in feeds.rglob("*.json")
            if "ninjs" in p.name or "/ninjs/" in f"/{p.relative_to(feeds)}"}  # fmt: skip


@pytest.mark.skipif(not SCHEMA.is_file(), reason="../shared/schemas (IPTC's schema) is not here")
def test_the_2018_release_maps_field_by_field_and_validates(bundled: Path) -> None:
    publish(load_config(bundled), "cron", NOW)
    feeds = bundled / "feeds"
    doc = validate(feeds / SEED / "ninjs.json")
    assert (feeds / SEED / "v1.ninjs.json").read_bytes() == (
        feeds / SEED / "ninjs.json"
    ).read_bytes()
    assert doc["uri"] == f"urn:uuid:{SEED_ID}" and doc["type"] == "text"
    assert doc["version"] == "1" and doc["pubstatus"] == "usable"
    assert doc["firstcreated"] == doc["versioncreated"] == "2018-12-07T15:30:00+07:00"
    assert doc["headlines"] == [{"role": "main",
                                 "value": "Humas Pemerintah Diminta Jaga Netralitas ASN dalam "
                                 "Pemilu 2019"}]  # fmt: skip
    assert doc["descriptions"][0]["value"].startswith("Seminar Bakohumas Daerah di Yogyakarta")
    html, plain = doc["bodies"]
    assert html["contenttype"] == "text/html" and plain["contenttype"] == "text/plain"
    assert html["value"].startswith("<p>YOGYAKARTA – Humas pemerintah merupakan")
    assert plain["value"].startswith("YOGYAKARTA – Humas pemerintah merupakan")
    assert plain["value"].endswith("terkait netralitas ASN.\n\n(ald/HUMAS MENPANRB)")
    assert doc["located"] == "YOGYAKARTA" and doc["by"] == "ald/HUMAS MENPANRB"
    assert doc["copyrightholder"] == "Humas Kementerian PANRB" and doc["language"] == "id"
    assert {"name": "Pemilu", "rel": "category"} in doc["subjects"]
    assert {"name": "netralitas-asn", "rel": "keyword"} in doc["subjects"]
    photo = doc["associations"][0]
    assert photo["type"] == "picture" and photo["by"] == "HUMAS MENPANRB"
    assert photo["descriptions"][0]["value"].startswith("Seluruh peserta secara bersama-sama")
    assert photo["renditions"][0]["href"] == photo["uri"]
    assert "embargoed" not in doc and "ednote" not in doc and "altids" not in doc
    index = json.loads((feeds / "ninjs" / "index.json").read_text())
    assert index["items"] == [{
        "uri": f"urn:uuid:{SEED_ID}", "version": "1", "pubstatus": "usable",
        "versioncreated": "2018-12-07T15:30:00+07:00",
        "headline": "Humas Pemerintah Diminta Jaga Netralitas ASN dalam Pemilu 2019",
        "href": f"http://127.0.0.1:8080/{SEED}/ninjs.json",
    }]  # fmt: skip


def correct(root: Path, ident: str, days: float, note: str, body: str) -> None:
    writer = Newsroom.open(root, "ald", fixed_clock(at(days)))
    writer.act(ident, "correct", note=note)
    article = writer.find(ident)
    article.body = body
    writer.save_edit(article)
    writer.act(ident, "submit")
    Newsroom.open(root, "nur", fixed_clock(at(days))).act(ident, "approve")


def test_versions_a_correction_and_the_retraction(newsroom_root: Path) -> None:
    ident = release(newsroom_root, at(0), "Rilis", body="Angka 2004.")
    run(newsroom_root, at(0.1))
    folder = newsroom_root / "feeds" / "siaran-pers" / "rilis"
    first = (folder / "v1.ninjs.json").read_bytes()
    correct(newsroom_root, ident, 1, "Tahun salah", "Angka 2005.")
    run(newsroom_root, at(1.1))
    assert (folder / "v1.ninjs.json").read_bytes() == first  # immutable
    v2 = validate(folder / "v2.ninjs.json")
    assert v2["version"] == "2" and v2["ednote"] == "Ralat 1: Tahun salah"
    assert v2["firstcreated"] == validate(folder / "v1.ninjs.json")["versioncreated"]
    assert "Angka 2005." in v2["bodies"][1]["value"]
    assert validate(folder / "ninjs.json") == v2

    retract(newsroom_root, ident, at(2), "Data belum final")
    result = run(newsroom_root, at(2.1))
    assert sorted(p.name for p in folder.iterdir() if "ninjs" in p.name) == [
        "ninjs.json", "v3.ninjs.json"]  # fmt: skip
    assert "siaran-pers/rilis/v1.ninjs.json" in result.removed
    canceled = validate(folder / "v3.ninjs.json")
    assert canceled["pubstatus"] == "canceled" and canceled["version"] == "3"
    assert canceled["ednote"] == "Siaran pers ini dicabut: Data belum final"
    assert "bodies" not in canceled and validate(folder / "ninjs.json") == canceled
    item = json.loads((newsroom_root / "feeds" / "ninjs" / "index.json").read_text())["items"][0]
    assert (item["pubstatus"], item["version"]) == ("canceled", "3")


def test_the_current_document_is_a_link_to_its_version_until_the_next_one(
    newsroom_root: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A release's ninjs.json holds its last version's bytes: staged as a hard link to that
    version's document (one file written, not two); the next version replaces the name and
    the earlier document keeps its bytes. Where links cannot be made, it is written."""
    import os

    ident = release(newsroom_root, at(0), "Rilis", body="Angka 2004.")
    run(newsroom_root, at(0.1))
    folder = newsroom_root / "feeds" / "siaran-pers" / "rilis"
    first = (folder / "v1.ninjs.json").read_bytes()
    assert os.path.samefile(folder / "v1.ninjs.json", folder / "ninjs.json")
    correct(newsroom_root, ident, 1, "Tahun salah", "Angka 2005.")
    run(newsroom_root, at(1.1))
    assert (folder / "v1.ninjs.json").read_bytes() == first
    assert os.path.samefile(folder / "v2.ninjs.json", folder / "ninjs.json")
    assert not os.path.samefile(folder / "v1.ninjs.json", folder / "ninjs.json")
    assert (folder / "ninjs.json").read_bytes() != first

    def refused(source: object, target: object) -> None:
        raise OSError(1, "Operation not permitted")

    monkeypatch.setattr(os, "link", refused)
    release(newsroom_root, at(1.2), "Rilis tiga", body="Angka 2011.")
    assert run(newsroom_root, at(1.3)).ok
    other = newsroom_root / "feeds" / "siaran-pers" / "rilis-tiga"
    assert (other / "ninjs.json").read_bytes() == (other / "v1.ninjs.json").read_bytes()
    assert not os.path.samefile(other / "v1.ninjs.json", other / "ninjs.json")
    assert not [p for p in newsroom_root.rglob("*.tmp")]


def test_an_embargoed_release_is_only_in_private_folders_until_the_lift(
    newsroom_root: Path,
) -> None:
    ident = release(newsroom_root, at(0), "Rilis embargo", embargo=at(1))
    run(newsroom_root, at(0.1))
    assert ninjs_files(newsroom_root) == {
        "ninjs/index.json", "private/antara/ninjs/index.json", "partner/pemilu/ninjs/index.json",
        "private/antara/ninjs/rilis-embargo.json"}  # fmt: skip
    held = validate(newsroom_root / "feeds" / "private/antara/ninjs/rilis-embargo.json")
    assert held["embargoed"] == "2026-06-02T09:00:00+07:00" and held["uri"] == f"urn:uuid:{ident}"
    public = json.loads((newsroom_root / "feeds" / "ninjs" / "index.json").read_text())
    assert public["items"] == []
    run(newsroom_root, at(1.01))
    assert ninjs_files(newsroom_root) == {
        "ninjs/index.json", "private/antara/ninjs/index.json", "ninjs/archive/2026-06.json",
        "partner/pemilu/ninjs/index.json", "siaran-pers/rilis-embargo/ninjs.json",
        "siaran-pers/rilis-embargo/v1.ninjs.json"}  # fmt: skip
    assert "embargoed" not in validate(newsroom_root / "feeds/siaran-pers/rilis-embargo/ninjs.json")


def test_the_index_is_paged_by_month_and_a_run_rewrites_only_what_moved(
    newsroom_root: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(ninjs, "INDEX_LIMIT", 2)
    for day in (0, 1, 40, 41):  # two in June, two in July
        release(newsroom_root, at(day), f"Rilis {day}")
        run(newsroom_root, at(day + 0.1))
    feeds = newsroom_root / "feeds"
    index = json.loads((feeds / "ninjs" / "index.json").read_text())
    assert [i["headline"] for i in index["items"]] == ["Rilis 41", "Rilis 40"]
    assert index["prev"] == "http://127.0.0.1:8080/ninjs/archive/2026-07.json"
    july = json.loads((feeds / "ninjs" / "archive" / "2026-07.json").read_text())
    assert [i["headline"] for i in july["items"]] == ["Rilis 41", "Rilis 40"]
    assert july["prev"] == "http://127.0.0.1:8080/ninjs/archive/2026-06.json"
    june = json.loads((feeds / "ninjs" / "archive" / "2026-06.json").read_text())
    assert [i["headline"] for i in june["items"]] == ["Rilis 1", "Rilis 0"] and "prev" not in june
    nothing = run(newsroom_root, at(41.2))
    assert not [p for p in nothing.written if "ninjs" in p]
    release(newsroom_root, at(42), "Rilis 42")
    one = run(newsroom_root, at(42.1))
    assert sorted(p for p in one.written if "ninjs" in p) == [
        "ninjs/archive/2026-07.json", "ninjs/index.json", "private/antara/ninjs/index.json",
        "siaran-pers/rilis-42/ninjs.json", "siaran-pers/rilis-42/v1.ninjs.json"]  # fmt: skip


def test_a_broken_version_file_is_named_and_tried_again(newsroom_root: Path) -> None:
    ident = release(newsroom_root, at(0), "Rilis", body="Angka 2004.")
    run(newsroom_root, at(0.1))
    correct(newsroom_root, ident, 1, "Tahun salah", "Angka 2005.")
    run(newsroom_root, at(1.1))
    kept = next((newsroom_root / "articles").rglob("versions/1.yaml"))
    kept.write_text(kept.read_text().replace("Angka 2004.", "Angka 1999."))
    retract(newsroom_root, ident, at(2), "Data belum final")
    broken = run(newsroom_root, at(2.1))
    assert [r.code for r in broken.refused] == ["ninjs"] and "1.yaml" in broken.refused[0].reason
    folder = newsroom_root / "feeds" / "siaran-pers" / "rilis"
    assert validate(folder / "ninjs.json")["version"] == "2"  # as it was
    again = run(newsroom_root, at(2.2))
    assert [r.code for r in again.refused] == ["ninjs"]  # not forgotten


def test_a_partner_subscribes_to_its_filtered_set(newsroom_root: Path) -> None:
    """pemilu takes the Pemilu category (its own index and months); antara takes everything
    and, with embargo access, the embargoed ones early (its index links the public months)."""
    release(newsroom_root, at(0), "Rilis ekonomi")
    release(newsroom_root, at(0.5), "Rilis pemilu", category="Pemilu")
    release(newsroom_root, at(0.6), "Rilis embargo pemilu", category="Pemilu", embargo=at(3))
    run(newsroom_root, at(1))
    feeds, base = newsroom_root / "feeds", "http://127.0.0.1:8080"
    pemilu = json.loads((feeds / "partner/pemilu/ninjs/index.json").read_text())
    assert [(i["headline"], i["href"]) for i in pemilu["items"]] == [
        ("Rilis pemilu", f"{base}/siaran-pers/rilis-pemilu/ninjs.json")]  # fmt: skip
    assert pemilu["prev"] == f"{base}/partner/pemilu/ninjs/archive/2026-06.json"
    month = json.loads((feeds / "partner/pemilu/ninjs/archive/2026-06.json").read_text())
    assert [i["headline"] for i in month["items"]] == ["Rilis pemilu"] and "prev" not in month
    validate(feeds / "siaran-pers/rilis-pemilu/ninjs.json")
    antara = json.loads((feeds / "private/antara/ninjs/index.json").read_text())
    assert [(i["headline"], i["href"]) for i in antara["items"]] == [
        ("Rilis embargo pemilu", f"{base}/private/antara/ninjs/rilis-embargo-pemilu.json"),
        ("Rilis pemilu", f"{base}/siaran-pers/rilis-pemilu/ninjs.json"),
        ("Rilis ekonomi", f"{base}/siaran-pers/rilis-ekonomi/ninjs.json"),
    ]
    assert antara["prev"] == f"{base}/ninjs/archive/2026-06.json"
    assert not (feeds / "partner/pemilu/ninjs/rilis-embargo-pemilu.json").exists()
    assert not (feeds / "private/antara/ninjs/archive").exists()

    release(newsroom_root, at(1.5), "Rilis ekonomi dua")  # pemilu's set does not move
    again = run(newsroom_root, at(2))
    assert "partner/pemilu/ninjs/index.json" not in again.written
    assert "private/antara/ninjs/index.json" in again.written
    run(newsroom_root, at(3.1))  # the lift: from the public document on
    antara = json.loads((feeds / "private/antara/ninjs/index.json").read_text())
    assert antara["items"][0]["href"] == f"{base}/siaran-pers/rilis-embargo-pemilu/ninjs.json"
    pemilu = json.loads((feeds / "partner/pemilu/ninjs/index.json").read_text())
    assert [i["headline"] for i in pemilu["items"]] == ["Rilis embargo pemilu", "Rilis pemilu"]
    assert not (feeds / "private/antara/ninjs/rilis-embargo-pemilu.json").exists()


def png(width: int, height: int) -> bytes:
    """A real PNG of that size (one grey pixel row repeated)."""
    import struct
    import zlib

    def chunk(kind: bytes, data: bytes) -> bytes:
        body = kind + data
        return struct.pack(">I", len(data)) + body + struct.pack(">I", zlib.crc32(body))

    rows = b"".join(b"\x00" + b"\x80" * width for _ in range(height))
    header = struct.pack(">IIBBBBB", width, height, 8, 0, 0, 0, 0)
    return (b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header) + chunk(b"IDAT", zlib.compress(rows))
            + chunk(b"IEND", b""))  # fmt: skip


def test_number_photo_and_attachments_as_agencies_read_them(
    newsroom_root: Path, tmp_path: Path
) -> None:
    from .test_numbering import number_releases

    number_releases(newsroom_root)
    ident = release(newsroom_root, at(0), "Rilis lampiran", approve=False, tags=("asn",))
    writer = Newsroom.open(newsroom_root, "ald", fixed_clock(at(0)))
    (tmp_path / "foto-rapat.png").write_bytes(png(64, 48))
    (tmp_path / "ttd.pdf").write_bytes(b"%PDF-1.4\n%%EOF\n")
    writer.attach(ident, tmp_path / "foto-rapat.png", photo=True)
    writer.attach(ident, tmp_path / "ttd.pdf", "Siaran pers ber-TTE")
    article = writer.find(ident)
    article.image = Image("foto-rapat.png", "Rapat koordinasi", "HUMAS UJI", "Rapat")
    writer.save_edit(article)
    Newsroom.open(newsroom_root, "nur", fixed_clock(at(0))).act(ident, "approve")
    run(newsroom_root, at(0.1))
    base = "http://127.0.0.1:8080/siaran-pers/rilis-lampiran"
    doc = validate(newsroom_root / "feeds/siaran-pers/rilis-lampiran/ninjs.json")
    assert doc["altids"] == [{"role": "releasenumber", "value": "B-001/HUMAS/VI/2026"}]
    assert {"name": "asn", "rel": "keyword"} in doc["subjects"]
    assert doc["associations"] == [
        {"name": "photo", "uri": f"{base}/foto-rapat.png", "type": "picture",
         "descriptions": [{"role": "caption", "value": "Rapat koordinasi"},
                          {"role": "alt", "value": "Rapat"}],
         "by": "HUMAS UJI",
         "renditions": [{"name": "original", "href": f"{base}/foto-rapat.png",
                         "contenttype": "image/png", "sizeinbytes": len(png(64, 48)),
                         "width": 64, "height": 48}]},
        {"name": "attachment1", "uri": f"{base}/ttd.pdf", "type": "component",
         "headlines": [{"value": "Siaran pers ber-TTE"}],
         "renditions": [{"name": "original", "href": f"{base}/ttd.pdf",
                         "contenttype": "application/pdf", "sizeinbytes": 15}]},
    ]  # fmt: skip
    index = json.loads((newsroom_root / "feeds/ninjs/index.json").read_text())
    assert index["items"][0]["releasenumber"] == "B-001/HUMAS/VI/2026"


def test_image_sizes_are_read_from_the_header(tmp_path: Path) -> None:
    import struct

    from newsroom.core.imagesize import image_size

    files = {
        "a.png": png(640, 427),
        "a.gif": b"GIF89a" + struct.pack("<HH", 300, 200) + b"\x00" * 20,
        # SOI, an APP0 segment, then a baseline frame header (SOF0): 480 high, 720 wide
        "a.jpg": b"\xff\xd8\xff\xe0\x00\x10JFIF\x00" + b"\x00" * 9
        + b"\xff\xc0\x00\x11\x08" + struct.pack(">HH", 480, 720) + b"\x03" + b"\x00" * 9,
        "a.webp": b"RIFF\x00\x00\x00\x00WEBPVP8X" + b"\x0a\x00\x00\x00" + b"\x00" * 4
        + (1023).to_bytes(3, "little") + (767).to_bytes(3, "little"),
        "broken.png": b"\x89PNG\r\n\x1a\n",
        "a.pdf": b"%PDF-1.4\n",
    }  # fmt: skip
    for name, data in files.items():
        (tmp_path / name).write_bytes(data)
    assert {name: image_size(tmp_path / name) for name in files} == {
        "a.png": (640, 427), "a.gif": (300, 200), "a.jpg": (720, 480), "a.webp": (1024, 768),
        "broken.png": None, "a.pdf": None,
    }  # fmt: skip
    assert image_size(tmp_path / "missing.png") is None


def _newsroom_of_every_kind(root: Path) -> None:
    """Published, corrected, retracted, embargoed and a partner's category, then cold: no
    feeds/ and no .newsroom/ (a first run on this server, as the 100,000 benchmark's)."""
    import shutil

    for day in range(4):
        release(root, at(day), f"Rilis {day}", category="Pemilu" if day % 2 else "Ekonomi")
    fixed = release(root, at(4), "Rilis ralat", body="Angka 2004.")
    gone = release(root, at(4.2), "Rilis dicabut")
    run(root, at(4.5))
    correct(root, fixed, 5, "Tahun salah", "Angka 2005.")
    retract(root, gone, at(5.2), "Data belum final")
    release(root, at(5.3), "Rilis embargo", category="Pemilu", embargo=at(30))
    run(root, at(5.5))
    shutil.rmtree(root / "feeds")
    shutil.rmtree(root / ".newsroom")


def _ninjs_state(root: Path) -> dict[str, bytes]:
    found = {f: (root / "feeds" / f).read_bytes() for f in ninjs_files(root)}
    found |= {f"state/{p.name}": p.read_bytes() for p in (root / ".newsroom/ninjs").glob("*")}
    return found


def test_a_first_run_makes_while_reading_what_a_later_look_makes(
    newsroom_root: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A first run makes every document while it reads the files (NinjsHook, kept on disk
    until staged); the documents, the index, the partners' subscriptions and the buckets
    are byte for byte those made without the hook, and later runs build on them."""
    import shutil

    _newsroom_of_every_kind(newsroom_root)
    other = tmp_path / "other"
    shutil.copytree(newsroom_root, other)
    taken: list[Any] = []
    read = ninjs.NinjsOutput.read

    def spy(self: ninjs.NinjsOutput, value: Any) -> None:
        taken.append(value)
        read(self, value)

    monkeypatch.setattr(ninjs.NinjsOutput, "read", spy)
    first = run(newsroom_root, at(6))
    assert first.ok and len(taken) == 6  # every public one (not the embargoed) while reading
    monkeypatch.setattr(ninjs.NinjsOutput, "reader", lambda self, key, last: None)
    assert run(other, at(6)).ok
    made = _ninjs_state(newsroom_root)
    assert made == _ninjs_state(other)
    buckets = [json.loads(v) for k, v in made.items() if k.startswith("state/")]
    assert sum(len(b) for b in buckets) == 7  # each release's documents, the embargoed too
    feeds = newsroom_root / "feeds"
    index = json.loads((feeds / "ninjs/index.json").read_text())
    assert sorted(i["headline"] for i in index["items"]) == sorted(
        [*(f"Rilis {d}" for d in range(4)), "Rilis ralat", "Rilis dicabut"])  # fmt: skip
    pemilu = json.loads((feeds / "partner/pemilu/ninjs/index.json").read_text())
    assert [i["headline"] for i in pemilu["items"]] == ["Rilis 3", "Rilis 1"]
    antara = json.loads((feeds / "private/antara/ninjs/index.json").read_text())
    assert antara["items"][0]["headline"] == "Rilis embargo"
    assert (feeds / "private/antara/ninjs/rilis-embargo.json").is_file()
    assert validate(feeds / "siaran-pers/rilis-ralat/v1.ninjs.json")["version"] == "1"
    assert validate(feeds / "siaran-pers/rilis-ralat/ninjs.json")["version"] == "2"
    assert not [p for p in newsroom_root.rglob("*.tmp")]

    monkeypatch.undo()
    assert not [p for p in run(newsroom_root, at(6.1)).written if "ninjs" in p]
    fixed = index["items"][1]["uri"].removeprefix("urn:uuid:")
    assert index["items"][1]["headline"] == "Rilis ralat"
    correct(newsroom_root, fixed, 7, "Nama salah", "Angka 2006.")
    again = run(newsroom_root, at(7.1))
    assert sorted(p for p in again.written if p.startswith("siaran-pers/")
                  and "ninjs" in p) == [  # v1 and v2 are kept as the first run wrote them
        "siaran-pers/rilis-ralat/ninjs.json", "siaran-pers/rilis-ralat/v3.ninjs.json"]  # fmt: skip
    assert (feeds / "siaran-pers/rilis-ralat/v1.ninjs.json").read_bytes() == made[
        "siaran-pers/rilis-ralat/v1.ninjs.json"]  # fmt: skip


def test_a_first_run_that_fails_or_is_dry_leaves_no_temporary(
    newsroom_root: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """What a first run made while reading, its index pages and its buckets are staged
    before the rename: a run that cannot rename (a full disk) removes them all, and a dry
    run stages none."""
    from newsroom.core.publish import run as publish_run

    _newsroom_of_every_kind(newsroom_root)
    dry = run(newsroom_root, at(6), dry_run=True)
    assert "ninjs/index.json" in dry.to_write and not ninjs_files(newsroom_root)
    assert not [p for p in newsroom_root.rglob("*.tmp")]

    def full(staged: list[tuple[str, str]]) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(publish_run, "commit", full)
    failed = run(newsroom_root, at(6))
    assert failed.failed and not ninjs_files(newsroom_root)
    assert not [p for p in newsroom_root.rglob("*.tmp")]
    monkeypatch.undo()
    assert run(newsroom_root, at(6.1)).ok and "ninjs/index.json" in ninjs_files(newsroom_root)


def test_a_dry_run_on_a_restored_copy_names_only_what_it_would_change(
    newsroom_root: Path,
) -> None:
    """A copy restored from a backup (tar keeps mtimes to the second): every document's
    date moved, none of its bytes. The dry run named every ninjs index page and feed
    document as a file it would write, and the real run wrote none; it now compares their
    bytes too (the feeds' documents built for it)."""
    import os

    for n in range(3):
        release(newsroom_root, at(n / 10), f"Rilis {n}")
    assert run(newsroom_root, at(1)).ok
    for path in (newsroom_root / "feeds").rglob("*"):
        if path.is_file():
            st = path.stat()
            os.utime(path, (st.st_atime, st.st_mtime // 1))  # whole seconds, as tar keeps
    dry = run(newsroom_root, at(1.1), dry_run=True)
    pages = ("siaran-pers/", "kategori/")  # (the pages' dry run does not make them: it names them)
    assert [p for p in dry.to_write if not p.startswith(pages)] == []
    assert not run(newsroom_root, at(1.1)).written
    release(newsroom_root, at(1.2), "Rilis baru")
    dry = run(newsroom_root, at(1.3), dry_run=True)
    assert {"ninjs/index.json", "rss.xml", "feed.json"} <= set(dry.to_write)
