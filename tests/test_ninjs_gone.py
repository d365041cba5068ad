"""A release partners held under embargo whose file is deleted by hand (`rm`, `git rm`)
before it went out: the private feeds tell them `EMBARGO DITARIK` (feeds/held.py), and an
agency that ingested its private ninjs document (version N, usable, embargoed) gets version
N + 1, `canceled`, its text gone, saying in the release's language that it was withdrawn
and must not be published, for the window the feeds tell of it; then it goes."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from newsroom.core.clock import fixed_clock
from newsroom.core.service import Newsroom

from .feedkit import at, newsroom_root, release, run
from .signkit import keyhome, minisign, needs_minisign, sha256sum_check
from .test_ninjs import validate
from .test_signed_texts import nr

__all__ = ["keyhome", "newsroom_root", "nr"]  # fixtures, used by name

PRIVATE = "private/antara/ninjs"


def index_item(root: Path, ident: str) -> dict[str, Any] | None:
    index = json.loads((root / "feeds" / PRIVATE / "index.json").read_text(encoding="utf-8"))
    return next((i for i in index["items"] if i["uri"] == f"urn:uuid:{ident}"), None)


def delete(root: Path, slug: str) -> tuple[Path, bytes]:
    """The release's file removed by hand; where it was and its bytes, to put it back."""
    path = next((root / "articles").rglob(f"{slug}.md"))
    data = path.read_bytes()
    path.unlink()
    return path, data


def test_a_held_release_whose_file_is_deleted_is_canceled_for_the_window(
    newsroom_root: Path,
) -> None:
    root = newsroom_root
    ident = release(root, at(0), "Rilis embargo", body="Teks rahasia.", embargo=at(2))
    release(root, at(0), "Rilis lain", embargo=at(3))
    run(root, at(0.1))
    path = root / "feeds" / PRIVATE / "rilis-embargo.json"
    other = (root / "feeds" / PRIVATE / "rilis-lain.json").read_bytes()
    held = validate(path)
    assert (held["version"], held["pubstatus"]) == ("1", "usable")
    delete(root, "rilis-embargo")

    # the dry run names the document it would write (and removes nothing of it)
    preview = run(root, at(0.5), dry_run=True)
    assert f"{PRIVATE}/rilis-embargo.json" in preview.to_write, preview.to_write
    assert f"{PRIVATE}/index.json" in preview.to_write, preview.to_write
    assert f"{PRIVATE}/rilis-embargo.json" not in preview.to_remove, preview.to_remove
    assert validate(path) == held  # (a dry run writes nothing)

    result = run(root, at(0.5))
    assert f"{PRIVATE}/rilis-embargo.json" in result.written
    assert (root / "feeds" / PRIVATE / "rilis-lain.json").read_bytes() == other  # untouched
    doc = validate(path)
    assert (doc["uri"], doc["version"], doc["pubstatus"]) == (f"urn:uuid:{ident}", "2", "canceled")
    assert doc["versioncreated"] == "2026-06-01T21:00:00+07:00"  # the run that found it gone
    assert doc["firstcreated"] == held["firstcreated"]
    assert doc["headlines"] == held["headlines"] and doc["language"] == "id"
    for gone in ("bodies", "descriptions", "embargoed", "associations"):  # (its dateline and
        # sign-off stay, as in a withheld version)
        assert gone not in doc, gone
    assert "Teks rahasia" not in path.read_text(encoding="utf-8")
    assert doc["ednote"] == (
        "Embargo ditarik (01-06-2026 21:00 WIB): siaran pers yang Anda terima dengan embargo "
        "hingga 03-06-2026 09:00 WIB (02:00 UTC) ditarik sebelum embargonya berakhir dan tidak "
        "boleh disiarkan."
    )
    item = index_item(root, ident)  # the index says what the document says
    assert item is not None
    assert (item["version"], item["pubstatus"], item["versioncreated"], item["headline"]) == (
        "2", "canceled", doc["versioncreated"], "Rilis embargo")  # fmt: skip
    assert item["href"].endswith(f"/{PRIVATE}/rilis-embargo.json")
    assert [
        i["headline"]
        for i in json.loads((root / "feeds" / PRIVATE / "index.json").read_text())["items"]
    ] == ["Rilis embargo", "Rilis lain"]  # fmt: skip (the canceled first: the news)

    # idempotent: later runs (one with work of its own) never make it again
    written = path.read_bytes(), path.stat().st_mtime_ns
    assert list(run(root, at(0.6)).written) == []
    release(root, at(1), "Rilis baru")
    again = run(root, at(1.1))
    assert again.published and f"{PRIVATE}/rilis-embargo.json" not in again.written
    assert (path.read_bytes(), path.stat().st_mtime_ns) == written
    preview = run(root, at(1.2), dry_run=True)
    assert f"{PRIVATE}/rilis-embargo.json" not in preview.to_write + preview.to_remove

    run(root, at(20))
    assert validate(path)["version"] == "2"  # the feeds' window (retraction_days, 30)
    preview = run(root, at(30.6), dry_run=True)
    assert f"{PRIVATE}/rilis-embargo.json" in preview.to_remove, preview.to_remove
    result = run(root, at(30.6))
    assert f"{PRIVATE}/rilis-embargo.json" in result.removed
    assert not path.exists() and index_item(root, ident) is None
    run(root, at(31))
    assert not path.exists()


def test_in_english_it_says_so_in_english(newsroom_root: Path) -> None:
    root = newsroom_root
    config = root / "newsroom.toml"
    config.write_text(config.read_text().replace('language = "id"', 'language = "en"', 1))
    release(root, at(0), "Embargoed release", embargo=at(2))
    run(root, at(0.1))
    delete(root, "embargoed-release")
    run(root, at(0.5))
    doc = validate(root / "feeds" / PRIVATE / "embargoed-release.json")
    assert (doc["version"], doc["pubstatus"], doc["language"]) == ("2", "canceled", "en")
    assert doc["ednote"] == (
        "Embargo withdrawn (01-06-2026 21:00 WIB): the release you received under embargo "
        "until 03-06-2026 09:00 WIB (02:00 UTC) was withdrawn before its embargo lifted and "
        "must not be published."
    )


def test_a_withheld_release_whose_file_is_deleted_is_canceled(newsroom_root: Path) -> None:
    """Sent back for changes (version 2, withheld: it may come back), then deleted: it
    cannot come back as it was, so version 3 is canceled, for the window from when its file
    was found gone (as the private feeds keep their notice of it: feeds/held.py)."""
    root = newsroom_root
    ident = release(root, at(0), "Rilis ditarik", embargo=at(2))
    run(root, at(0.1))
    Newsroom.open(root, "nur", fixed_clock(at(0.2))).act(ident, "request_changes", note="Tunda")
    run(root, at(0.3))
    path = root / "feeds" / PRIVATE / "rilis-ditarik.json"
    withheld = validate(path)
    assert (withheld["version"], withheld["pubstatus"]) == ("2", "withheld")
    delete(root, "rilis-ditarik")
    run(root, at(1))
    doc = validate(path)
    assert (doc["version"], doc["pubstatus"]) == ("3", "canceled")
    assert doc["versioncreated"] == "2026-06-02T09:00:00+07:00"
    assert doc["ednote"] == withheld["ednote"]  # (the withdrawal partners were told of)
    item = index_item(root, ident)
    assert item is not None and (item["version"], item["pubstatus"]) == ("3", "canceled")
    run(root, at(30.3))
    assert validate(path)["version"] == "3"
    run(root, at(31.1))  # retraction_days (30) after its file was found gone
    assert not path.exists() and index_item(root, ident) is None


def test_a_file_put_back_ends_it(newsroom_root: Path) -> None:
    """`git restore`: the release is held under embargo again as it was (the usual paths)."""
    root = newsroom_root
    ident = release(root, at(0), "Rilis embargo", embargo=at(2))
    run(root, at(0.1))
    where, data = delete(root, "rilis-embargo")
    run(root, at(0.5))
    path = root / "feeds" / PRIVATE / "rilis-embargo.json"
    assert validate(path)["pubstatus"] == "canceled"
    where.write_bytes(data)
    run(root, at(0.7))
    doc = validate(path)
    assert (doc["pubstatus"], doc["embargoed"]) == ("usable", "2026-06-03T09:00:00+07:00")
    item = index_item(root, ident)
    assert item is not None and item["pubstatus"] == "usable"
    run(root, at(2.1))  # out at its lift
    assert not path.exists()
    assert validate(root / "feeds/siaran-pers/rilis-embargo/ninjs.json")["pubstatus"] == "usable"


def test_one_publish_refused_then_deleted_is_canceled(newsroom_root: Path) -> None:
    """Its file edited by hand (publish refuses it: not gone), then deleted: canceled."""
    root = newsroom_root
    ident = release(root, at(0), "Rilis embargo", body="Teks asli.", embargo=at(2))
    run(root, at(0.1))
    path = next((root / "articles").rglob("rilis-embargo.md"))
    path.write_text(path.read_text().replace("Teks asli.", "Teks diubah tangan."))
    assert [r.withheld for r in run(root, at(0.3)).refused] == [True]
    path.unlink()
    run(root, at(0.5))
    doc = validate(root / "feeds" / PRIVATE / "rilis-embargo.json")
    assert (doc["uri"], doc["version"], doc["pubstatus"]) == (f"urn:uuid:{ident}", "2", "canceled")


def test_a_release_made_again_with_its_title_keeps_its_own_document(
    newsroom_root: Path,
) -> None:
    """Deleted and made again (the same title: the same slug, so the same document name):
    the new release's document is its own, never the canceled one nor removed with it."""
    root = newsroom_root
    first = release(root, at(0), "Rilis embargo", embargo=at(2))
    run(root, at(0.1))
    delete(root, "rilis-embargo")
    run(root, at(0.5))
    path = root / "feeds" / PRIVATE / "rilis-embargo.json"
    assert validate(path)["pubstatus"] == "canceled"
    again = release(root, at(0.6), "Rilis embargo", embargo=at(40))
    run(root, at(0.7))
    doc = validate(path)
    assert (doc["uri"], doc["version"], doc["pubstatus"]) == (f"urn:uuid:{again}", "1", "usable")
    assert index_item(root, first) is None and index_item(root, again) is not None
    run(root, at(30.6))  # the first one's window ends: the name is the new one's
    assert validate(path)["uri"] == f"urn:uuid:{again}"
    assert index_item(root, again) is not None

    # deleted and made again between two runs: the same
    delete(root, "rilis-embargo")
    made = release(root, at(31), "Rilis embargo", embargo=at(40))
    run(root, at(31.1))
    doc = validate(path)
    assert (doc["uri"], doc["version"], doc["pubstatus"]) == (f"urn:uuid:{made}", "1", "usable")
    assert index_item(root, again) is None and index_item(root, made) is not None


@needs_minisign
def test_its_signatures_agree_with_it(nr: Path) -> None:
    release(nr, at(0), "Rilis embargo", embargo=at(2))
    assert run(nr, at(0.1)).ok
    delete(nr, "rilis-embargo")
    result = run(nr, at(0.5))
    assert result.ok and result.signed, result.to_json()
    folder = nr / "feeds" / "private" / "antara"
    doc = validate(folder / "ninjs" / "rilis-embargo.json")
    assert doc["pubstatus"] == "canceled"
    assert "ninjs/rilis-embargo.json" in (folder / "SHA256SUMS").read_text()
    checked = sha256sum_check(folder)
    assert checked.returncode == 0 and "ninjs/rilis-embargo.json: OK" in checked.stdout, checked
    done = minisign("-Vm", "SHA256SUMS", "-p", nr / "newsroom.pub", cwd=folder)
    assert done.returncode == 0, done.stderr
