"""`newsroom publish`: feeds that partners can trust, written safely from cron."""

from __future__ import annotations

import datetime as dt
import json
import os
import re
from pathlib import Path

import pytest
from filelock import FileLock
from lxml import etree

from newsroom.core.config import load_config
from newsroom.core.model import Image
from newsroom.core.outputs import Paths, PublishResult
from newsroom.core.store import Store
from newsroom.i18n import Translator
from newsroom.i18n.explain import publish_lines

from .feedkit import (
    SCHEMA,
    at,
    correct,
    feed_files,
    newsroom_root,
    parse,
    published_article,
    release,
    run,
)

__all__ = ["newsroom_root"]  # a fixture, used by name


def test_every_feed_parses_and_atom_is_valid_rfc4287(newsroom_root: Path) -> None:
    release(newsroom_root, at(0), "Rilis satu", image=Image("/images/foto.jpg", "Foto", "Humas"))
    release(newsroom_root, at(1), "Rilis dua", category="Pemilu")
    assert run(newsroom_root, at(2)).ok
    files = feed_files(newsroom_root)
    assert {
        "rss.xml",
        "atom.xml",
        "feed.json",
        "category/ekonomi/rss.xml",
        "category/pemilu/atom.xml",
        "private/antara/rss.xml",
        "partner/pemilu/atom.xml",
    } <= set(files)
    for name in files:
        if name.endswith(".xml"):
            parse(newsroom_root / "feeds" / name)
    if not SCHEMA.exists():
        pytest.skip("../shared/schemas/atom.rng is not beside this checkout")
    schema = etree.RelaxNG(etree.parse(str(SCHEMA)))
    for name in files:
        if name.endswith("atom.xml"):
            schema.assertValid(etree.parse(str(newsroom_root / "feeds" / name)))


def test_an_entry_carries_everything_a_partner_needs(newsroom_root: Path) -> None:
    ident = release(
        newsroom_root,
        at(0),
        "Rilis satu",
        image=Image("/images/foto.jpg", "Keterangan foto", "Humas Uji", "alt"),
    )
    run(newsroom_root, at(1))
    rss = parse(newsroom_root / "feeds" / "rss.xml").entries[0]
    assert rss.id == f"urn:uuid:{ident}" and rss.guidislink is False
    html = rss.content[0].value
    assert html.startswith("<figure>") and "<p>JAKARTA – Paragraf <strong>satu</strong>" in html
    assert '<a href="https://humas.example.go.id/hal/1">' in html  # absolute URLs
    assert html.rstrip().endswith("Paragraf dua. (ald/HUMAS UJI)</p>")
    assert rss.summary == "Ringkasan." and rss.author == "ald"
    assert rss.media_content[0]["url"] == "https://humas.example.go.id/images/foto.jpg"
    assert rss.media_credit[0]["content"] == "Humas Uji"
    assert rss.enclosures[0]["length"] == "2048"
    assert rss.published_parsed[:5] == (2026, 6, 2, 2, 0)  # the run that published it
    text = (newsroom_root / "feeds" / "rss.xml").read_text()
    assert '<media:description type="plain">Keterangan foto</media:description>' in text
    assert "CDATA" not in text and "@" not in rss.get("author", "")


def test_atom_keeps_alternate_and_enclosure_links(newsroom_root: Path) -> None:
    """feedgen 1.0.0 drops rel/type on entry links; a second alternate would be invalid Atom."""
    release(newsroom_root, at(0), "Rilis", image=Image("/images/foto.jpg", "Foto", "Humas"))
    run(newsroom_root, at(1))
    tree = etree.parse(str(newsroom_root / "feeds" / "atom.xml"))
    ns = {"a": "http://www.w3.org/2005/Atom"}
    links = tree.findall("a:entry/a:link", ns)
    rels = sorted((link.get("rel"), link.get("type")) for link in links)
    assert rels == [("alternate", "text/html"), ("enclosure", "image/jpeg")]
    assert tree.find("a:entry/a:content", ns).get("type") == "html"


def test_second_run_touches_nothing_and_output_is_byte_identical(newsroom_root: Path) -> None:
    release(newsroom_root, at(0), "Rilis satu")
    assert run(newsroom_root, at(1)).written
    stamps = {p: p.stat().st_mtime_ns for p in (newsroom_root / "feeds").rglob("*.*")}
    before = feed_files(newsroom_root)
    second = run(newsroom_root, at(1.5))
    assert second.skipped and second.written == []
    assert {p: p.stat().st_mtime_ns for p in stamps} == stamps
    (newsroom_root / ".newsroom" / "publish-state.json").unlink()
    (newsroom_root / ".newsroom" / "cache.sqlite").unlink()
    third = run(newsroom_root, at(2))
    assert third.written == [] and feed_files(newsroom_root) == before
    assert {p: p.stat().st_mtime_ns for p in stamps} == stamps


def test_embargo_is_kept_from_public_feeds_until_it_lifts(newsroom_root: Path) -> None:
    ident = release(newsroom_root, at(0), "Rilis berembargo", embargo=at(1))
    run(newsroom_root, at(0.5))
    for name, data in feed_files(newsroom_root).items():
        if not name.startswith("private/"):
            assert ident.encode() not in data, name
    assert not (newsroom_root / "feeds" / "category/ekonomi").exists()
    private = (newsroom_root / "feeds" / "private/antara/rss.xml").read_text()
    assert "EMBARGO hingga 02-06-2026 09:00 WIB (02:00 UTC): Rilis berembargo" in private
    assert "<dcterms:available>2026-06-02T02:00:00Z</dcterms:available>" in private
    one_second_early = run(newsroom_root, at(1) - (at(1) - at(0)) / 86400)
    assert one_second_early.published == []
    assert ident not in (newsroom_root / "feeds" / "rss.xml").read_text()
    lifted = run(newsroom_root, at(1))
    assert [p["id"] for p in lifted.published] == [ident]
    entry = parse(newsroom_root / "feeds" / "rss.xml").entries[0]
    assert entry.id == f"urn:uuid:{ident}" and entry.title == "Rilis berembargo"
    assert entry.published_parsed[:5] == (2026, 6, 2, 2, 0)  # the lift time


def test_releases_published_by_one_run_never_share_a_timestamp(newsroom_root: Path) -> None:
    """Three approvals between two cron runs, and two embargoes lifting together: each
    entry gets its own second, in approval order, never before its approval or its lift,
    never after the run (the W3C validator warns about entries with equal times)."""
    second = dt.timedelta(seconds=1)
    plain = [release(newsroom_root, at(0) + i * 60 * second, f"Rilis {i}") for i in range(3)]
    lift = at(0.5)
    held = [release(newsroom_root, at(0) + (i + 5) * 60 * second, f"Embargo {i}", embargo=lift)
            for i in range(2)]  # fmt: skip
    run(newsroom_root, at(1))
    config = load_config(newsroom_root)
    store = Store(config)
    published = {
        a.id: a.published for a in (store.load(p) for p in config.articles_dir.rglob("*.md"))
    }
    stamps = [published[i] for i in plain]
    assert stamps == [at(1) - 2 * second, at(1) - second, at(1)]
    assert sorted(published[i] for i in held) == [lift, lift + second]
    atom = (newsroom_root / "feeds" / "atom.xml").read_text()
    updated = re.findall(r"<entry.*?<updated>([^<]+)</updated>", atom, re.S)
    assert len(updated) == len(set(updated)) == 5


def test_correction_keeps_the_id_moves_updated_and_shows_a_notice(newsroom_root: Path) -> None:
    from newsroom.core.clock import fixed_clock
    from newsroom.core.service import Newsroom

    ident = release(newsroom_root, at(0), "Rilis")
    run(newsroom_root, at(0.1))
    writer = Newsroom.open(newsroom_root, "ald", fixed_clock(at(2)))
    writer.act(ident, "correct", note="Angka diperbaiki")
    article = writer.find(ident)
    article.body = "Teks yang dikoreksi."
    writer.save_edit(article)
    writer.act(ident, "submit")
    run(newsroom_root, at(2.1))  # not approved yet: partners still see the old text
    assert "Paragraf dua" in (newsroom_root / "feeds" / "atom.xml").read_text()
    Newsroom.open(newsroom_root, "nur", fixed_clock(at(3))).act(ident, "approve")
    run(newsroom_root, at(3.5))
    notice, entry = parse(newsroom_root / "feeds" / "atom.xml").entries
    assert entry.id == f"urn:uuid:{ident}" and notice.title == "RALAT: Rilis"
    assert entry.updated_parsed[:3] == (2026, 6, 4) and entry.published_parsed[:3] == (2026, 6, 1)
    assert entry.content[0].value.startswith("<p><strong>Ralat 1 (04-06-2026 21:00 WIB):")
    assert "Teks yang dikoreksi." in entry.content[0].value


def test_retraction_notice_then_gone_with_a_tombstone(newsroom_root: Path) -> None:
    from newsroom.core.clock import fixed_clock
    from newsroom.core.service import Newsroom

    ident = release(newsroom_root, at(0), "Rilis keliru")
    run(newsroom_root, at(0.1))
    Newsroom.open(newsroom_root, "ald", fixed_clock(at(1))).act(
        ident, "retract", note="Data belum final"
    )
    retracted = run(newsroom_root, at(1.1))
    assert retracted.removed, retracted.to_json()  # (its v1 ninjs: the text is withdrawn)
    said = publish_lines(Translator("id"), retracted, str)  # said, not only in the log
    assert f"{len(retracted.removed)} berkas dihapus: {retracted.removed[0]}" in "\n".join(said)
    notice, entry = parse(newsroom_root / "feeds" / "rss.xml").entries
    assert entry.id == f"urn:uuid:{ident}" and entry.title == "[DICABUT] Rilis keliru"
    assert notice.title == "DICABUT: Rilis keliru" and notice.link.endswith("/#dicabut")
    assert "Data belum final" in entry.content[0].value
    atom = (newsroom_root / "feeds" / "atom.xml").read_text()
    assert f'<at:deleted-entry ref="urn:uuid:{ident}"' in atom
    gone = run(newsroom_root, at(31.5))  # retraction_days = 30
    assert ident not in (newsroom_root / "feeds" / "rss.xml").read_text()
    # the summary names the notice that left by its release's title, not by its own id
    said = {lang: publish_lines(Translator(lang), gone, str) for lang in ("en", "id")}
    feeds = "main, category/ekonomi, private/antara"
    assert said["en"][:2] == [f"left: Rilis keliru ← {feeds}",
                              f"retraction notice left: Rilis keliru ← {feeds}"]  # fmt: skip
    assert said["id"][1].startswith("pemberitahuan pencabutan keluar dari feed: Rilis keliru ←")
    assert not re.search(r"[0-9a-f]{8}-[0-9a-f]{4}-", "\n".join(said["en"] + said["id"]))


def test_archives_link_and_closed_months_do_not_change(newsroom_root: Path) -> None:
    config = newsroom_root / "newsroom.toml"
    config.write_text(config.read_text().replace("limit = 50", "limit = 2"))
    for i in range(5):
        release(newsroom_root, at(i * 20), f"Rilis {i}")
        run(newsroom_root, at(i * 20 + 0.1))
    feeds = newsroom_root / "feeds"
    months = sorted(p.name for p in (feeds / "archive").glob("*.atom.xml"))
    assert months == ["2026-06.atom.xml", "2026-07.atom.xml", "2026-08.atom.xml"]
    june = (feeds / "archive/2026-06.atom.xml").read_bytes()
    assert b"<fh:archive/>" in june and b'rel="next-archive"' in june and b'rel="current"' in june
    subscription = parse(feeds / "atom.xml")
    assert [e.title for e in subscription.entries] == ["Rilis 4", "Rilis 3"]
    assert 'rel="prev-archive"' in (feeds / "atom.xml").read_text()
    total = sum(len(parse(p).entries) for p in (feeds / "archive").glob("*.atom.xml"))
    assert total == 5
    release(newsroom_root, at(85), "Rilis 5")
    run(newsroom_root, at(85.1))
    assert (feeds / "archive/2026-06.atom.xml").read_bytes() == june


def test_a_busy_month_is_paged_and_a_new_release_leaves_its_full_pages_alone(
    newsroom_root: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from newsroom.core.feeds import archives

    monkeypatch.setattr(archives, "ARCHIVE_PAGE", 2)
    config = newsroom_root / "newsroom.toml"
    config.write_text(config.read_text().replace("limit = 50", "limit = 1"))
    for i in range(5):
        release(newsroom_root, at(i * 0.1), f"Rilis {i}")
    run(newsroom_root, at(1))
    archive = newsroom_root / "feeds" / "archive"
    names = sorted(p.name for p in archive.glob("*.atom.xml"))
    assert names == ["2026-06-p2.atom.xml", "2026-06-p3.atom.xml", "2026-06.atom.xml"]
    first = parse(archive / "2026-06.atom.xml")
    assert [e.title for e in first.entries] == ["Rilis 1", "Rilis 0"]
    assert first.feed.title.endswith("(arsip 2026-06)")
    assert parse(archive / "2026-06-p3.atom.xml").feed.title.endswith("(arsip 2026-06, bagian 3)")
    full = {n: (archive / n).read_bytes() for n in names}
    mtimes = {n: (archive / n).stat().st_mtime_ns for n in names}
    release(newsroom_root, at(1.5), "Rilis 5")
    run(newsroom_root, at(2))
    for name in ("2026-06.atom.xml", "2026-06-p2.atom.xml"):  # full pages: not even rewritten
        assert (archive / name).read_bytes() == full[name]
        assert (archive / name).stat().st_mtime_ns == mtimes[name]
    last = parse(archive / "2026-06-p3.atom.xml")
    assert [e.title for e in last.entries] == ["Rilis 5", "Rilis 4"]
    chain, url = [], parse(newsroom_root / "feeds" / "atom.xml").feed
    link = next(x.href for x in url.links if x.rel == "prev-archive")
    while link:  # a partner walking back from the subscription feed finds every release
        doc = parse(archive / link.rsplit("/", 1)[1])
        chain += [e.title for e in doc.entries]
        link = next((x.href for x in doc.feed.links if x.rel == "prev-archive"), "")
    assert chain == [f"Rilis {i}" for i in range(5, -1, -1)]


def test_a_new_base_url_reaches_every_entry_in_the_same_process(newsroom_root: Path) -> None:
    """Content kept between documents is forgotten when a run ends: the TUI publishes from
    one long-lived process, and a changed config must not reuse the old links."""
    release(newsroom_root, at(0), "Rilis", body="Lihat [halaman](/hal/1).")
    run(newsroom_root, at(1))
    config = newsroom_root / "newsroom.toml"
    text = config.read_text().replace("https://humas.example.go.id", "https://baru.example.go.id")
    config.write_text(text.replace("http://127.0.0.1:8080", "https://baru.example.go.id/feeds"))
    run(newsroom_root, at(2))
    entry = parse(newsroom_root / "feeds" / "rss.xml").entries[0]
    assert entry.link == "https://baru.example.go.id/feeds/siaran-pers/rilis/"  # its page
    assert (
        'href="https://baru.example.go.id/hal/1"'
        in entry.description + entry.get("content", [{"value": ""}])[0]["value"]
    )


def test_control_characters_are_stripped(newsroom_root: Path) -> None:
    # Reading the file removes them (core/validate.py), so the renderer finds none to warn of.
    release(newsroom_root, at(0), "Rilis", body="Teks\x0b dari Word\x01.")
    result = run(newsroom_root, at(1))
    assert result.ok
    assert "dari Word." in parse(newsroom_root / "feeds" / "rss.xml").entries[0].content[0].value


def test_a_broken_file_fails_the_run_but_not_the_others(newsroom_root: Path) -> None:
    release(newsroom_root, at(0), "Rilis baik")
    (newsroom_root / "articles" / "rusak.md").write_text("---\ntitle: [\n---\n")
    result = run(newsroom_root, at(1))
    assert not result.ok and "articles/rusak.md" in str(result.problems[0])
    assert [p["title"] for p in result.published] == ["Rilis baik"]
    assert parse(newsroom_root / "feeds" / "rss.xml").entries[0].title == "Rilis baik"


def test_a_second_run_waits_then_reports_busy(
    newsroom_root: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import newsroom.core.publish as module

    monkeypatch.setattr(module, "LOCK_WAIT_SECONDS", 0.2)
    (newsroom_root / ".newsroom").mkdir(exist_ok=True)
    with FileLock(str(newsroom_root / ".newsroom" / "publish.lock")):
        result = run(newsroom_root, at(1))
    assert result.busy and result.ok and not (newsroom_root / "feeds" / "rss.xml").exists()


def test_dry_run_writes_nothing_and_tells_the_gains(newsroom_root: Path) -> None:
    ident = release(newsroom_root, at(0), "Rilis baru")
    result = run(newsroom_root, at(1), dry_run=True)
    assert [p["id"] for p in result.published] == [ident]
    assert {"rss.xml": ["Rilis baru"]}.items() <= {c.path: c.gained for c in result.changes}.items()
    assert feed_files(newsroom_root) == {}
    assert "status: approved" in next((newsroom_root / "articles").rglob("*.md")).read_text()


def test_each_run_appends_to_the_publish_log(newsroom_root: Path) -> None:
    ident = release(newsroom_root, at(0), "Rilis")
    run(newsroom_root, at(1))
    run(newsroom_root, at(1.1))
    lines = (newsroom_root / ".newsroom" / "publish.log").read_text().splitlines()
    first, second = (json.loads(line) for line in lines)
    assert first["published"] == [ident] and "rss.xml" in first["feeds_changed"]
    assert second["nothing_changed"] is True and second["actor"] == "cron"


def test_the_written_files_are_sorted_and_counted_without_a_list() -> None:
    """A run's written files (`PublishResult.written`) as a list of them sorted would be,
    held as one text: a name that is not UTF-8 comes back as it went in."""
    odd = b"siaran-pers/caf\xe9/index.html".decode("utf-8", "surrogateescape")
    paths = Paths(["rss.xml", "private/antara/rss.xml", odd, "atom.xml"])
    assert list(paths) == sorted(["rss.xml", "private/antara/rss.xml", odd, "atom.xml"])
    assert paths == list(paths) and paths != ["rss.xml"] and Paths() == [] and not Paths()
    assert len(paths) == 4 and paths.private == 1 and sorted(paths.unsorted()) == list(paths)
    assert odd in paths and "rss.xml" in paths and "ss.xml" not in paths and "atom" not in paths
    assert PublishResult(at(0), "cron", written=paths).to_json()["written"] == list(paths)


def test_the_written_files_of_a_large_run_are_held_compressed_and_come_back_whole() -> None:
    """A first run at 100,000 releases writes 283,886 files (20.7 MB of names, held through
    the run's recording): they are kept compressed, and read back a piece at a time, in
    the order staged, across the pieces' edges."""
    names = [f"siaran-pers/rilis-{i:06d}-kementerian/index.html" for i in range(30_000)]
    names += [f"ninjs/{i:06d}.json" for i in range(0, 30_000, 7)]
    paths = Paths(names)
    assert list(paths.unsorted()) == names and list(paths) == sorted(names)
    assert len(paths) == len(names) and names[-1] in paths and names[12_345] in paths
    assert "siaran-pers/rilis-030000-kementerian/index.html" not in paths
    held = len(paths._packed)
    assert held < sum(len(n) + 1 for n in names) // 5, held


def test_history_records_the_publish(newsroom_root: Path) -> None:
    release(newsroom_root, at(0), "Rilis")
    run(newsroom_root, at(1))
    text = next((newsroom_root / "articles").rglob("*.md")).read_text()
    assert "action: publish\n  from: approved\n  to: published" in text
    assert "published: 2026-06-02T09:00:00+07:00" in text
    assert os.path.exists(newsroom_root / "feeds" / "feed.json")
    feed = json.loads((newsroom_root / "feeds" / "feed.json").read_text())
    assert feed["version"] == "https://jsonfeed.org/version/1.1"
    assert feed["items"][0]["content_html"].startswith("<p>JAKARTA – ")


def test_a_damaged_cache_is_rebuilt_not_trusted(newsroom_root: Path) -> None:
    import sqlite3

    release(newsroom_root, at(0), "Rilis")
    run(newsroom_root, at(1))
    before = feed_files(newsroom_root)
    db = sqlite3.connect(newsroom_root / ".newsroom" / "cache.sqlite")
    db.execute("UPDATE snapshot SET data = x'00ff'")
    db.execute("UPDATE rendered SET data = x'00ff'")
    db.commit()
    db.close()
    (newsroom_root / ".newsroom" / "publish-state.json").unlink()
    result = run(newsroom_root, at(2))
    assert result.ok and feed_files(newsroom_root) == before


def test_dry_run_compares_with_a_feed_file_changed_since_the_last_run(
    newsroom_root: Path,
) -> None:
    release(newsroom_root, at(0), "Rilis lama")
    run(newsroom_root, at(1))
    rss = newsroom_root / "feeds" / "rss.xml"
    old = rss.read_bytes()
    release(newsroom_root, at(2), "Rilis baru")
    run(newsroom_root, at(3))
    rss.write_bytes(old)  # restored from a backup: the last run's state no longer says it
    changes = {c.path: c for c in run(newsroom_root, at(4), dry_run=True).changes}
    assert changes["rss.xml"].gained == ["Rilis baru"]
    assert changes["atom.xml"].gained == []  # untouched: compared with the state


def test_dry_run_without_state_compares_with_the_feed_files(newsroom_root: Path) -> None:
    release(newsroom_root, at(0), "Rilis lama")
    run(newsroom_root, at(1))
    (newsroom_root / ".newsroom" / "publish-state.json").unlink()  # as in a fresh clone
    release(newsroom_root, at(2), "Rilis baru")
    changes = {c.path: c for c in run(newsroom_root, at(3), dry_run=True).changes}
    assert changes["rss.xml"].gained == ["Rilis baru"]
    assert changes["rss.xml"].changed == [] and changes["rss.xml"].lost == []


def test_the_dry_run_without_state_knows_a_notice_by_its_own_id(newsroom_root: Path) -> None:
    ident = release(newsroom_root, at(0), "Rilis")
    run(newsroom_root, at(0.1))
    correct(newsroom_root, ident, at(1), "Angka diperbaiki", "Teks baru.")
    run(newsroom_root, at(1.1))
    (newsroom_root / ".newsroom" / "publish-state.json").unlink()  # as in a fresh clone
    changes = {c.path: c for c in run(newsroom_root, at(1.2), dry_run=True).changes}
    assert changes["rss.xml"].lost == [] and changes["rss.xml"].gained == []


def test_a_correction_only_started_changes_nothing_partners_see(newsroom_root: Path) -> None:
    """Starting a correction (or a comment) changes the release's file, not what partners
    see: the next run wrote nothing, yet said "changed: <title> → main, ..." and listed the
    release under `changes`, which a person read as the correction gone out (the
    fresh-clone walk). Only the correction's publication is a change."""
    from newsroom.core.clock import fixed_clock
    from newsroom.core.service import Newsroom

    ident = release(newsroom_root, at(0), "Rilis")
    assert run(newsroom_root, at(0.1)).ok
    writer = Newsroom.open(newsroom_root, "ald", fixed_clock(at(1)))
    writer.act(ident, "correct", note="Angka diperbaiki")
    writer.act(ident, "comment", note="Angkanya dari BPS")
    dry = run(newsroom_root, at(1.1), dry_run=True)
    done = run(newsroom_root, at(1.1))
    for result in (dry, done):
        assert result.moves == [] and result.to_json()["changes"] == [], result.to_json()
    assert done.ok and done.written == []
    assert dry.to_write == []  # the preview named 11 feeds and 3 pages it then left (walk 18)
    for lang in ("en", "id"):  # "nothing would change", as the run then finds
        assert publish_lines(Translator(lang), dry, str) == [Translator(lang)("publish.nothing")]
    for lang in ("en", "id"):
        said = publish_lines(Translator(lang), done, str)
        assert not any("Rilis" in line for line in said), said
    article = writer.find(ident)
    article.body = "Teks baru."
    writer.save_edit(article)
    writer.act(ident, "submit")
    Newsroom.open(newsroom_root, "nur", fixed_clock(at(2))).act(ident, "approve")
    out = run(newsroom_root, at(2.1))
    assert [m.kind for m in out.moves] == ["corrected"] and "rss.xml" in out.written
    assert {c.path: c.changed for c in out.changes}["rss.xml"] == ["Rilis"]


def test_corrections_published_by_one_run_never_share_a_timestamp(newsroom_root: Path) -> None:
    """Two corrections approved between two cron runs: each its own second (their entries'
    `updated`; the W3C validator warns about Atom entries that share one)."""
    first = release(newsroom_root, at(0), "Rilis satu")
    second = release(newsroom_root, at(0.1), "Rilis dua")
    run(newsroom_root, at(0.2))
    correct(newsroom_root, first, at(1), "Angka", "Teks satu yang dikoreksi.")
    correct(newsroom_root, second, at(1.1), "Nama", "Teks dua yang dikoreksi.")
    run(newsroom_root, at(2))
    atom = (newsroom_root / "feeds" / "atom.xml").read_text()
    updated = re.findall(r"<entry.*?<updated>([^<]+)</updated>", atom, re.S)
    assert len(updated) == len(set(updated)) == 4  # two releases, two notices
    assert "2026-06-03T09:00:00+07:00" in updated  # the run's second: the last approved
    assert "2026-06-03T08:59:59+07:00" in updated  # the one before it


@pytest.mark.parametrize("spare_dies", [False, True])
def test_a_publish_after_one_approval_builds_its_documents_beside_the_pages(
    newsroom_root: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, spare_dies: bool
) -> None:
    """One approval changes eighteen documents (RSS, Atom and JSON of each feed taking the
    release) of fifty entries each: the same fifty-odd releases, read and built once, too
    little work for a pool of processes (which would cost more than it saves). They are
    built on the run's spare interpreter while the pages stage theirs, into the same bytes
    as when built in this process (a dry run, a first run; or when the spare died)."""
    import concurrent.futures
    import shutil
    import uuid

    from newsroom.core.parallel import Spare

    store = Store(load_config(newsroom_root))
    for i in range(60):  # published long ago (written directly: the workflow takes seconds)
        store.save(published_article(str(uuid.uuid4()), f"Rilis {i}", f"rilis-{i}",
                                     at(i / 100), categories=["Pemilu"]))  # fmt: skip
    run(newsroom_root, at(1))
    release(newsroom_root, at(2), "Rilis baru", category="Pemilu")
    alone = tmp_path / "alone"
    shutil.copytree(newsroom_root, alone)

    def no_pool(*args: object, **kwargs: object) -> object:
        raise AssertionError("a pool of processes for one approval")

    handed: list[str] = []
    real_map = Spare.map

    def counted(spare: Spare, *args: object) -> bool:
        handed.extend(d.format for d in args[2])  # type: ignore[attr-defined]
        taken = real_map(spare, *args)  # type: ignore[arg-type]
        if spare_dies:
            spare._proc.kill()
        return taken

    monkeypatch.setattr(concurrent.futures, "ProcessPoolExecutor", no_pool)
    monkeypatch.setattr(Spare, "map", counted)
    result = run(newsroom_root, at(3))
    assert result.ok and len(result.written) >= 18
    assert len(handed) >= 18 and set(handed) == {"rss", "atom", "json"}
    handed_before = len(handed)
    monkeypatch.setattr(Spare, "start", classmethod(lambda cls: None))
    assert run(alone, at(3)).written == result.written and len(handed) == handed_before
    assert feed_files(alone) == feed_files(newsroom_root)
    assert not list((newsroom_root / "feeds").rglob(".*.tmp"))


def test_a_spare_that_dies_in_a_run_that_does_not_look_leaves_no_temporary(
    newsroom_root: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A run started by a changed article a quarter of an hour after the last one does not
    sweep its folders: the documents of a spare that died are built here once each, and
    the JSON Feed ones built meanwhile are not built (and left) twice."""
    from newsroom.core.parallel import Spare

    release(newsroom_root, at(0), "Rilis satu", category="Pemilu")
    assert run(newsroom_root, at(1)).ok
    release(newsroom_root, at(1), "Rilis dua", category="Pemilu")
    real_map = Spare.map

    def dies(spare: Spare, *args: object) -> bool:
        taken = real_map(spare, *args)  # type: ignore[arg-type]
        spare._proc.kill()
        return taken

    monkeypatch.setattr(Spare, "map", dies)
    result = run(newsroom_root, at(1.01))
    assert result.ok and any(p.endswith("feed.json") for p in result.written)
    assert list((newsroom_root / "feeds").rglob(".*.tmp")) == []


def test_a_typo_in_a_published_release_keeps_it_in_the_feeds_until_mended(
    newsroom_root: Path,
) -> None:
    """A published release's file broken by hand (an unclosed `[`): publish names the file
    and line, and partners keep the release as they had it (its entry, its category's
    feed, its ninjs documents), while another release still goes out; mended, it reads as
    before. (A fresh clone's walk: it left every feed, its category feed was deleted.)"""
    feeds = newsroom_root / "feeds"
    ident = release(newsroom_root, at(0), "Rilis terbit", category="Pendidikan")
    run(newsroom_root, at(1))
    from newsroom.core.clock import fixed_clock
    from newsroom.core.service import Newsroom

    Newsroom.open(newsroom_root, "nur", fixed_clock(at(1.5))).index()  # the desk reads it
    before = feed_files(newsroom_root)
    path = next(p for p in (newsroom_root / "articles").rglob("*.md") if ident in p.read_text())
    text = path.read_text()
    assert "categories: [Pendidikan]" in text
    path.write_text(text.replace("categories: [Pendidikan]", "categories: [Pendidikan"))
    release(newsroom_root, at(2), "Rilis lain")
    result = run(newsroom_root, at(3))
    assert not result.ok and str(path.relative_to(newsroom_root)) in str(result.problems[0])
    assert [p["title"] for p in result.published] == ["Rilis lain"]
    assert [(r.id, r.withheld) for r in result.refused] == [(ident, False)]
    assert not [m for m in result.moves if m.kind == "gone"]
    assert [e.title for e in parse(feeds / "rss.xml").entries] == ["Rilis lain", "Rilis terbit"]
    category = [p for p in before if p.startswith("category/") and p.endswith("rss.xml")]
    assert category and all((feeds / p).exists() for p in category)
    assert all((feeds / p).exists() for p in before if p.startswith("ninjs/") and ident in p)
    logged = json.loads((newsroom_root / ".newsroom" / "publish.log").read_text().splitlines()[-1])
    assert ident in json.dumps(logged["refused"])
    again = run(newsroom_root, at(3.1))  # still broken: still kept, still named
    assert [r.id for r in again.refused] == [ident] and again.problems
    # (worded for any order: `newsroom status` lists what is held back before the broken)
    assert "above" not in again.refused[0].reason and "'broken'" in again.refused[0].reason
    path.write_text(text)
    mended = run(newsroom_root, at(4))
    assert mended.ok and not mended.refused
    assert [e.title for e in parse(feeds / "rss.xml").entries] == ["Rilis lain", "Rilis terbit"]


def test_a_typo_right_after_the_run_that_published_it_keeps_it_in_the_feeds(
    newsroom_root: Path,
) -> None:
    """The run that publishes a release keeps its stamped file's record in the cache
    (index.remember): broken by hand right after, before anything read it again, the
    release still stays with partners (it was known only as approved, and left the
    feeds), and the next run does not read the stamped file again."""
    feeds = newsroom_root / "feeds"
    ident = release(newsroom_root, at(0), "Rilis terbit", category="Pendidikan")
    run(newsroom_root, at(1))
    path = next(p for p in (newsroom_root / "articles").rglob("*.md") if ident in p.read_text())
    text = path.read_text()
    assert "status: published" in text
    path.write_text(text.replace("categories: [Pendidikan]", "categories: [Pendidikan"))
    release(newsroom_root, at(2), "Rilis lain")
    result = run(newsroom_root, at(3))
    assert [(r.id, r.code, r.withheld) for r in result.refused] == [(ident, "broken", False)]
    assert not [m for m in result.moves if m.kind == "gone"]
    assert [e.title for e in parse(feeds / "rss.xml").entries] == ["Rilis lain", "Rilis terbit"]
    path.write_text(text)
    mended = run(newsroom_root, at(4))
    assert mended.ok and not mended.refused


def test_the_run_that_publishes_keeps_the_stamped_files_record(newsroom_root: Path) -> None:
    """The cache holds the stamped file (its size and mtime now) as a fresh read gives it,
    so the next run need not read it again."""
    from newsroom.core.cache import Cache
    from newsroom.core.feeds.output import FeedsOutput
    from newsroom.core.ledger import Ledger
    from newsroom.core.publish import cache_key
    from newsroom.core.records import LoadJob, load_file
    from newsroom.core.scan import scan

    ident = release(newsroom_root, at(0), "Rilis terbit")
    run(newsroom_root, at(1))
    config = load_config(newsroom_root)
    cache = Cache(config, cache_key(config))
    cached = cache.records()
    cache.close()
    (stat,) = [f for f in scan(config) if ident in (config.root / f.path).read_text()]
    assert cached[stat.path][:2] == (stat.size, stat.mtime_ns)
    ledger = Ledger(config)
    fresh = load_file(LoadJob(config, FeedsOutput.renderer, ledger), stat).record
    ledger.close()
    assert fresh is not None and fresh.status == "published" and fresh.problem is None
    assert cached[stat.path][2] == fresh


def test_a_stamped_file_that_cannot_be_read_back_fails_nothing(
    newsroom_root: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Reading the stamped files back into the cache is a saving, never a step a run can
    fail at: a file unreadable then (gone, its permissions changed) is read next run."""
    from newsroom.core import index
    from newsroom.core.publish.run import Run

    def unreadable(*_: object) -> object:
        raise PermissionError(13, "Permission denied")

    stamp = Run._stamp

    def stamp_then_fail_to_read(self: Run, *args: object) -> None:
        with pytest.MonkeyPatch.context() as patch:  # (the run's own reading is done)
            patch.setattr(index, "load_file", unreadable)
            stamp(self, *args)  # type: ignore[arg-type]

    monkeypatch.setattr(Run, "_stamp", stamp_then_fail_to_read)
    release(newsroom_root, at(0), "Rilis terbit")
    result = run(newsroom_root, at(1))
    assert result.ok and [p["title"] for p in result.published] == ["Rilis terbit"]
    monkeypatch.undo()
    assert run(newsroom_root, at(2)).ok


def test_a_correction_that_takes_a_release_out_of_a_category_tells_that_categorys_feed(
    newsroom_root: Path,
) -> None:
    """A correction that drops a category: the category's feed loses the release, and its
    readers (add-by-guid software keeps the old text for ever) learn of the correction
    from its notice there, as the dry run said (the fresh-clone walk: the item was simply
    gone, with no RALAT item); the other feeds carry it as before."""
    from newsroom.core.clock import fixed_clock
    from newsroom.core.service import Newsroom

    feeds = newsroom_root / "feeds"
    ident = release(newsroom_root, at(0), "Rilis dua kategori", category="Pendidikan")
    nur = Newsroom.open(newsroom_root, "ald", fixed_clock(at(0.05)))
    assert run(newsroom_root, at(0.1)).ok
    nur.act(ident, "correct", note="Kategori salah")
    article = nur.find(ident)
    article.categories = ["Ekonomi"]
    article.body = "Paragraf yang diralat."
    nur.save_edit(article)
    nur.act(ident, "submit")
    Newsroom.open(newsroom_root, "nur", fixed_clock(at(0.2))).act(ident, "approve")
    result = run(newsroom_root, at(0.3))
    assert result.ok
    left = [e.title for e in parse(feeds / "category" / "pendidikan" / "rss.xml").entries]
    assert left == ["RALAT: Rilis dua kategori"], left
    joined = [e.title for e in parse(feeds / "category" / "ekonomi" / "rss.xml").entries]
    assert "Rilis dua kategori" in joined
    main = [e.title for e in parse(feeds / "rss.xml").entries]
    assert main == ["RALAT: Rilis dua kategori", "Rilis dua kategori"]
    assert run(newsroom_root, at(0.4)).skipped  # (a second run: the same, nothing to do)
    (newsroom_root / ".newsroom" / "cache.sqlite").unlink()  # every file read again: the
    release(newsroom_root, at(0.5), "Rilis lain")  # release's versions say what it left
    again = run(newsroom_root, at(0.6))
    assert again.ok and not [p for p in again.written if "pendidikan" in p], again.written
    assert [e.title for e in parse(feeds / "category" / "pendidikan" / "rss.xml").entries] == left


def test_a_run_lists_what_it_wrote_once_and_its_preview_what_it_would(
    newsroom_root: Path,
) -> None:
    """A run's outputs listed every file they would write (`to_write`, the preview's list)
    beside `written`: 283,886 paths at a first publish of 100,000 releases, ~40 MB of its
    peak (bench_phases.py: 344 -> 305 MB without). The preview still names them."""
    release(newsroom_root, at(0), "Rilis Satu")
    release(newsroom_root, at(0), "Rilis Dua")
    dry = run(newsroom_root, at(0.1), dry_run=True)
    done = run(newsroom_root, at(0.1))
    assert done.ok and len(list(done.written)) > 10
    assert done.to_write == [] and done.to_json()["to_write"] == []
    assert set(dry.to_write) == set(done.written), set(dry.to_write) ^ set(done.written)
