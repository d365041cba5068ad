"""Release numbers: given once at first publication, under the publish lock, never reused."""

from __future__ import annotations

import datetime as dt
import json
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner

from newsroom.cli import cli
from newsroom.core.clock import fixed_clock
from newsroom.core.config import load_config
from newsroom.core.errors import ConfigError, Refused
from newsroom.core.ledger import Ledger
from newsroom.core.numbering import Numbering
from newsroom.core.service import Newsroom
from newsroom.core.store import Store

from .feedkit import WIB, at, correct, release, retract, run

__all__ = ["number_releases"]

PATTERN = "B-{seq:03d}/{unit}/{mm_roman}/{yyyy}"


def number_releases(root: Path, pattern: str = PATTERN, reset: str = "yearly",
                    unit: str = "HUMAS", start: int = 1) -> None:  # fmt: skip
    """Set `[numbering]` in a newsroom made by `newsroom init` (its table is there, commented)."""
    config = root / "newsroom.toml"
    text = config.read_text()
    text = text.replace('# pattern = "B-{seq:03d}/{unit}/{mm_roman}/{yyyy}"',
                        f"pattern = {json.dumps(pattern)}")  # fmt: skip
    text = text.replace('# unit = "HUMAS"', f"unit = {json.dumps(unit)}")
    text = text.replace('reset = "yearly"', f'reset = "{reset}"')
    text = text.replace("start = 1\n", f"start = {start}\n")
    config.write_text(text)


def article_of(root: Path, ident: str) -> object:
    store = Store(load_config(root))
    return next(a for a in (store.load(p) for p in store.paths()) if a.id == ident)


def numbers(root: Path) -> dict[str, str]:
    """Every release's number, by title."""
    store = Store(load_config(root))
    return {a.title: a.release_number for a in (store.load(p) for p in store.paths())}


# ---------------------------------------------------------------- the pattern


def test_a_pattern_makes_numbers_and_reads_them_back() -> None:
    numbering = Numbering("B-{seq:03d}/{unit}/{mm_roman}/{yyyy}", "yearly", "HUMAS")
    when = dt.datetime(2018, 12, 7, 15, 30, tzinfo=WIB)
    assert numbering.format(7, when) == "B-007/HUMAS/XII/2018"
    assert numbering.parse("B-007/HUMAS/XII/2018") == ("2018", 7)
    assert numbering.parse("B-1234/HUMAS/IV/2019") == ("2019", 1234)
    assert numbering.parse("B-007/HUMAS/XIII/2018") is None  # no thirteenth month
    assert numbering.parse("B-007/LAIN/XII/2018") is None  # another unit's
    plain = Numbering("{seq}/SP/HUMAS/{mm}/{yy}", "yearly")
    assert plain.format(12, when) == "12/SP/HUMAS/12/18"
    assert plain.parse("12/SP/HUMAS/12/18") == ("2018", 12)
    ever = Numbering("SP-{seq:04d}", "never")
    assert ever.period(when) == "" and ever.parse("SP-0042") == ("", 42)
    taken = ["B-007/HUMAS/XII/2018", "B-003/HUMAS/I/2019", "hand-made", "B-009/HUMAS/I/2017"]
    assert numbering.next_seq(taken, "2018") == 8
    assert numbering.next_seq(taken, "2019") == 4
    assert numbering.next_seq(taken, "2020") == 1
    assert Numbering(PATTERN, "yearly", "HUMAS", start=131).next_seq([], "2020") == 131


@pytest.mark.parametrize(
    ("pattern", "reset", "unit", "said"),
    [
        ("B-{nomor}/{yyyy}", "yearly", "", "unknown token {nomor}"),
        ("B/{yyyy}", "yearly", "", "must hold {seq}"),
        ("{seq}/{seq}/{yyyy}", "yearly", "", "must hold {seq}"),
        ("{seq}/HUMAS", "yearly", "", "needs the year"),
        ("{seq}/{unit}/{yyyy}", "yearly", "", "[numbering] unit is not set"),
        ("{seq:x}/{yyyy}", "yearly", "", "only {seq} takes a format"),
        ("{seq}/{yyyy:02d}", "yearly", "", "only {seq} takes a format"),
        ("{seq/{yyyy}", "yearly", "", "[numbering] pattern"),
    ],
)
def test_a_pattern_that_cannot_number_is_a_config_error_naming_it(
    root: Path, pattern: str, reset: str, unit: str, said: str
) -> None:
    number_releases(root, pattern, reset, unit)
    with pytest.raises(ConfigError) as caught:
        load_config(root)
    assert "[numbering]" in str(caught.value) and said in str(caught.value)


# ---------------------------------------------------------------- given at first publication


def test_numbers_are_given_at_first_publication_in_order_with_the_published_stamp(
    root: Path,
) -> None:
    number_releases(root)
    first = release(root, at(0), "Pertama")
    second = release(root, at(0.01), "Kedua")
    draft = release(root, at(0.02), "Belum disetujui", approve=False)
    assert numbers(root) == {"Pertama": "", "Kedua": "", "Belum disetujui": ""}
    dry = run(root, at(1), dry_run=True)
    assert {p["number"] for p in dry.published} == {"B-001/HUMAS/VI/2026", "B-002/HUMAS/VI/2026"}
    assert numbers(root)["Pertama"] == ""  # a dry run gives nothing
    result = run(root, at(1))
    assert result.ok, result.failed
    assert numbers(root) == {"Pertama": "B-001/HUMAS/VI/2026", "Kedua": "B-002/HUMAS/VI/2026",
                             "Belum disetujui": ""}  # fmt: skip
    article = article_of(root, first)
    assert article.published is not None  # type: ignore[attr-defined]
    stamp = article.history[-1]  # type: ignore[attr-defined]
    assert (stamp.action, stamp.number) == ("publish", "B-001/HUMAS/VI/2026")
    assert Ledger(load_config(root)).numbers() == {
        "B-001/HUMAS/VI/2026": first, "B-002/HUMAS/VI/2026": second,
    }  # fmt: skip
    assert article_of(root, draft).release_number == ""  # type: ignore[attr-defined]


def test_corrections_and_the_retraction_keep_the_number(root: Path) -> None:
    number_releases(root)
    ident = release(root, at(0), "Rilis")
    assert run(root, at(1)).ok
    correct(root, ident, at(2), "Salah eja", "Isi yang benar.\n")
    assert run(root, at(3)).ok
    assert numbers(root)["Rilis"] == "B-001/HUMAS/VI/2026"
    writer = Newsroom.open(root, "ald", fixed_clock(at(4)))
    writer.act(ident, "correct", note="Lagi")
    article = writer.find(ident)
    article.release_number = "B-999/HUMAS/VI/2026"
    with pytest.raises(Refused) as refused:
        writer.save_edit(article)
    assert refused.value.code == "number_kept" and "B-001/HUMAS/VI/2026" in str(refused.value)
    retract(root, ident, at(5), "Data keliru")
    assert run(root, at(6)).ok
    assert numbers(root)["Rilis"] == "B-001/HUMAS/VI/2026"


def test_a_number_is_never_given_again_even_when_its_file_is_gone(root: Path) -> None:
    number_releases(root)
    gone = release(root, at(0), "Dihapus")
    assert run(root, at(1)).ok
    path = root / str(article_of(root, gone).path)  # type: ignore[attr-defined]
    path.unlink()  # a bad merge, `git rm`
    release(root, at(2), "Berikutnya")
    assert run(root, at(3)).ok
    assert numbers(root) == {"Berikutnya": "B-002/HUMAS/VI/2026"}


def test_a_fresh_server_continues_from_the_files(root: Path, tmp_path: Path) -> None:
    number_releases(root)
    release(root, at(0), "Satu")
    assert run(root, at(1)).ok
    clone = tmp_path / "clone"
    subprocess.run(["cp", "-a", str(root), str(clone)], check=True)
    subprocess.run(["rm", "-rf", str(clone / ".newsroom"), str(clone / "feeds")], check=True)
    release(clone, at(2), "Dua")
    assert run(clone, at(3)).ok
    assert numbers(clone)["Dua"] == "B-002/HUMAS/VI/2026"


def test_numbers_start_again_each_year_and_start_sets_the_first(root: Path) -> None:
    number_releases(root, start=131)
    december = dt.datetime(2026, 12, 31, 10, tzinfo=WIB)
    release(root, december, "Akhir tahun")
    assert run(root, december + dt.timedelta(hours=1)).ok
    january = dt.datetime(2027, 1, 2, 10, tzinfo=WIB)
    release(root, january, "Awal tahun")
    release(root, january + dt.timedelta(minutes=1), "Kedua di Januari")
    assert run(root, january + dt.timedelta(hours=1)).ok
    assert numbers(root) == {"Akhir tahun": "B-131/HUMAS/XII/2026",
                             "Awal tahun": "B-131/HUMAS/I/2027",
                             "Kedua di Januari": "B-132/HUMAS/I/2027"}  # fmt: skip


def test_without_a_pattern_a_release_numbered_by_hand_goes_out_beside_one_without(
    root: Path,
) -> None:
    ident = release(root, at(0), "Bernomor tangan", approve=False)
    writer = Newsroom.open(root, "ald", fixed_clock(at(0)))
    article = writer.find(ident)
    article.release_number = "B-041/HUMAS/VI/2026"
    writer.save_edit(article)
    Newsroom.open(root, "nur", fixed_clock(at(0))).act(ident, "approve")
    release(root, at(0.5), "Tanpa nomor")
    assert run(root, at(1)).ok
    assert numbers(root) == {"Bernomor tangan": "B-041/HUMAS/VI/2026", "Tanpa nomor": ""}


def number_by_hand(writer: Newsroom, ident: str, number: str) -> None:
    """`writer` sends the release back for changes and gives it `number` by hand."""
    writer.act(ident, "request_changes", note="nomor")
    article = writer.find(ident)
    article.release_number = number
    writer.save_edit(article)


def count_index_reads(monkeypatch: pytest.MonkeyPatch) -> list[int]:
    """A list that grows by one each time any door reads the index (clear it to start)."""
    reads: list[int] = []
    real_index = Newsroom.index
    monkeypatch.setattr(Newsroom, "index", lambda self, files=None: reads.append(1) or
                        real_index(self, files))  # fmt: skip
    return reads


def test_a_number_set_by_hand_is_kept_and_the_sequence_continues_after_it(root: Path) -> None:
    number_releases(root)
    ident = release(root, at(0), "Bernomor tangan", approve=False)
    writer = Newsroom.open(root, "ald", fixed_clock(at(0)))
    number_by_hand(writer, ident, "B-041/HUMAS/VI/2026")
    writer.act(ident, "submit")
    Newsroom.open(root, "nur", fixed_clock(at(0))).act(ident, "approve")
    release(root, at(0.5), "Otomatis")
    assert run(root, at(1)).ok
    assert numbers(root) == {"Bernomor tangan": "B-041/HUMAS/VI/2026",
                             "Otomatis": "B-042/HUMAS/VI/2026"}  # fmt: skip


def test_an_office_numbering_by_hand_publishes_releases_with_and_without_a_number(
    root: Path,
) -> None:
    """No [numbering] pattern: a number typed by hand is kept, and a release without one
    goes out without one in the same run."""
    ident = release(root, at(0), "Bernomor tangan", approve=False)
    writer = Newsroom.open(root, "ald", fixed_clock(at(0)))
    number_by_hand(writer, ident, "017/SP/HUMAS/VI/2026")
    writer.act(ident, "submit")
    Newsroom.open(root, "nur", fixed_clock(at(0))).act(ident, "approve")
    release(root, at(0.5), "Tanpa nomor")
    result = run(root, at(1))
    assert result.ok and len(result.published) == 2, result.failed
    assert numbers(root) == {"Bernomor tangan": "017/SP/HUMAS/VI/2026", "Tanpa nomor": ""}


def test_a_duplicate_number_is_refused_at_publish_and_a_check_error_naming_both(
    root: Path,
) -> None:
    number_releases(root)
    release(root, at(0), "Asli")
    assert run(root, at(1)).ok
    copy = release(root, at(2), "Salinan", approve=False)
    writer = Newsroom.open(root, "ald", fixed_clock(at(2)))
    number_by_hand(writer, copy, "B-001/HUMAS/VI/2026")
    with pytest.raises(Refused, match="release number B-001/HUMAS/VI/2026 is also"):
        writer.act(copy, "submit")  # the checklist says so first (tests/test_walk_defects.py)
    config = root / "newsroom.toml"  # an office that turned that check off: publish refuses
    config.write_text(
        config.read_text().replace('number_unique = "required"', 'number_unique = "off"')
    )
    Newsroom.open(root, "ald", fixed_clock(at(2))).act(copy, "submit")
    Newsroom.open(root, "nur", fixed_clock(at(2))).act(copy, "approve")
    result = run(root, at(3))
    assert not result.ok and result.published == []
    assert "B-001/HUMAS/VI/2026" in result.failed[0] and "asli.md" in result.failed[0]
    checked = CliRunner().invoke(cli, ["--root", str(root), "check"])
    assert checked.exit_code == 1
    lines = [line for line in checked.output.splitlines() if "is also" in line]
    assert len(lines) == 2  # each file named, with the other
    assert any("salinan.md" in line.split(":")[0] and "asli.md" in line for line in lines)
    assert any("asli.md" in line.split(":")[0] and "salinan.md" in line for line in lines)


def test_a_run_killed_before_stamping_gives_the_same_number_again(
    root: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    number_releases(root)
    ident = release(root, at(0), "Rilis")
    real = Store.save

    def killed(self: Store, article: object) -> bool:
        if getattr(article, "status", "") == "published":
            raise OSError("killed")
        return real(self, article)  # type: ignore[arg-type]

    monkeypatch.setattr(Store, "save", killed)
    first = run(root, at(1))
    assert "B-001/HUMAS/VI/2026" in (root / "feeds" / "rss.xml").read_text()
    assert not first.ok and numbers(root)["Rilis"] == ""
    monkeypatch.setattr(Store, "save", real)
    release(root, at(1.5), "Lain")  # would take B-001 if the ledger forgot
    assert run(root, at(2)).ok
    assert numbers(root) == {"Rilis": "B-001/HUMAS/VI/2026", "Lain": "B-002/HUMAS/VI/2026"}
    assert article_of(root, ident).published == at(1)  # type: ignore[attr-defined]


# ---------------------------------------------------------------- two processes at once

_PUBLISH = """
import sys
from pathlib import Path
from newsroom.core.config import load_config
from newsroom.core.publish import publish
import datetime as dt
result = publish(load_config(Path(sys.argv[1])), "cron", dt.datetime.fromisoformat(sys.argv[2]))
print("busy" if result.busy else ",".join(p["number"] for p in result.published))
problems = [*result.failed, *(f"{r.path}: {r.reason}" for r in result.refused)]
sys.exit("; ".join(problems) if problems else 0)
"""


def test_two_processes_publishing_at_once_never_give_a_number_twice(root: Path) -> None:
    """Each round approves releases, then two real processes publish at the same moment
    with different clocks (the later one also lifts an embargo): the publish lock makes one
    wait, and it reads the files and the ledger again under the lock."""
    number_releases(root)
    env = {**os.environ, "PYTHONPATH": str(Path(__file__).resolve().parent.parent)}
    for round_ in range(3):
        base = at(round_ * 2)
        for i in range(3):
            release(root, base + dt.timedelta(minutes=i), f"Rilis {round_}-{i}")
        lift = base + dt.timedelta(hours=3)
        release(root, base + dt.timedelta(minutes=5), f"Embargo {round_}", embargo=lift)
        early, late = base + dt.timedelta(hours=2), base + dt.timedelta(hours=4)
        procs = [
            subprocess.Popen([sys.executable, "-c", _PUBLISH, str(root), when.isoformat()],
                             stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
                             env=env)
            for when in (early, late)
        ]  # fmt: skip
        done = [p.communicate(timeout=120) for p in procs]
        outs = [out.strip() for out, _ in done]
        assert all(p.returncode == 0 for p in procs), done  # nothing failed or refused
        assert "busy" not in outs
    given = numbers(root)
    assert len(given) == 12 and all(given.values())
    assert sorted(given.values()) == [f"B-{n:03d}/HUMAS/VI/2026" for n in range(1, 13)]


# ---------------------------------------------------------------- shown everywhere


def test_the_number_is_shown_by_show_list_and_the_feeds(root: Path) -> None:
    from .feedkit import configure, parse

    configure(root)
    number_releases(root)
    ident = release(root, at(0), "Rilis bernomor")
    assert run(root, at(1)).ok
    number = "B-001/HUMAS/VI/2026"
    invoke = CliRunner().invoke
    listed = json.loads(invoke(cli, ["--root", str(root), "list", "--json"]).output)
    assert listed["articles"][0]["number"] == number
    shown = json.loads(invoke(cli, ["--root", str(root), "show", ident, "--json"]).output)
    assert shown["number"] == number
    assert number in invoke(cli, ["--root", str(root), "show", ident]).output
    assert number in invoke(cli, ["--root", str(root), "list"], env={"COLUMNS": "160"}).output
    feeds = root / "feeds"
    for name in ("rss.xml", "atom.xml"):  # read as feed readers read it
        assert parse(feeds / name).entries[0]["dc_identifier"] == number
    for name in ("rss.xml", "atom.xml"):
        text = (feeds / name).read_text()
        assert f"<dc:identifier>{number}</dc:identifier>" in text
        assert "Nomor:&lt;/strong&gt; " + number in text  # the visible line, escaped HTML
    item = json.loads((feeds / "feed.json").read_text())["items"][0]
    assert item["_newsroom"]["release_number"] == number
    assert f"<strong>Nomor:</strong> {number}" in item["content_html"]


def test_publish_names_a_notice_that_leaves_by_its_release_number(root: Path) -> None:
    """A retraction takes the notice of a correction out of the feeds: `newsroom publish`
    names it by its release's number, in both languages (it named the notice's own id)."""
    from .feedkit import configure

    configure(root)
    number_releases(root)
    ident = release(root, at(0), "Rilis bernomor")
    run(root, at(1))
    correct(root, ident, at(2), "Angka diperbaiki", "Teks yang dikoreksi.")
    run(root, at(3))
    retract(root, ident, at(4), "Data belum final")
    said = {}
    for lang, dry in (("id", ["--dry-run"]), ("en", [])):
        args = ["--root", str(root), "publish", *dry, "--now", at(5).isoformat(), "--force-clock"]
        said[lang] = CliRunner().invoke(cli, args, env={"NEWSROOM_LANG": lang}).output
    number = "B-001/HUMAS/VI/2026"
    assert f"pemberitahuan ralat 1 akan keluar dari feed: {number} ← utama" in said["id"]
    assert f"correction 1 notice left: {number} ← main" in said["en"]
    assert not re.search(r"[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-", said["id"] + said["en"])


def test_publish_json_names_every_release_and_lost_entry_as_a_person_knows_it(
    root: Path,
) -> None:
    """`newsroom publish --json`: a lost entry in `changes` is named by its label (a notice's
    as '[correction 1] title', as a gained one is), and every entry of `releases` carries its
    release's number (a retracted one, one published now), as the human output names them.
    `lost` held the notice's own UUID and `release_number` was empty."""
    from .feedkit import configure

    configure(root)
    number_releases(root)
    ident = release(root, at(0), "Rilis bernomor")
    args = ["--root", str(root), "publish", "--json", "--force-clock", "--now"]
    first = json.loads(CliRunner().invoke(cli, [*args, at(1).isoformat()]).output)
    number = "B-001/HUMAS/VI/2026"
    assert [(m["kind"], m["release_number"]) for m in first["releases"]] == [("published", number)]
    correct(root, ident, at(2), "Angka diperbaiki", "Teks yang dikoreksi.")
    run(root, at(3))
    retract(root, ident, at(4), "Data belum final")
    said = json.loads(CliRunner().invoke(cli, [*args, at(5).isoformat()]).output)
    main = next(c for c in said["changes"] if c["path"] == "rss.xml")
    assert main["lost"] == ["[correction 1] Rilis bernomor"]
    kinds = {m["kind"]: (m["title"], m["release_number"]) for m in said["releases"]}
    assert kinds == {"retracted": ("Rilis bernomor", number),
                     "notice_gone": ("Rilis bernomor", number)}  # fmt: skip


def test_a_number_a_klarifikasi_denies_is_never_given(root: Path) -> None:
    """The number of a forged release, denied by a klarifikasi, is skipped by the sequence:
    the office never issues a number it told the public is fake (the lookup would say both)."""
    number_releases(root)
    ident = release(root, at(0), "Klarifikasi hoaks", approve=False)
    writer = Newsroom.open(root, "ald", fixed_clock(at(0)))
    writer.act(ident, "request_changes", note="jenis")
    article = writer.find(ident)
    article.kind = "klarifikasi"
    article.denies = ["B-002/HUMAS/VI/2026", "B-003/HUMAS/VI/2026"]
    writer.save_edit(article)
    writer.act(ident, "submit")
    Newsroom.open(root, "nur", fixed_clock(at(0))).act(ident, "approve")
    assert run(root, at(1)).ok
    release(root, at(1.5), "Berikutnya")
    assert run(root, at(2)).ok
    assert numbers(root) == {"Klarifikasi hoaks": "B-001/HUMAS/VI/2026",
                             "Berikutnya": "B-004/HUMAS/VI/2026"}  # fmt: skip


def test_one_look_scans_the_folder_once_for_the_numbers_and_the_pair(
    root: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The release screen's redraw of a numbered release under review asks for its actions
    (the numbers' check) and its translation pair: inside one look, one scan of articles/
    serves both; each look scans afresh, so a number given between two looks is seen."""
    import newsroom.core.scan as scanning

    writer = Newsroom.open(root, "ald", fixed_clock(at(0)))
    first = release(root, at(0), "Pertama", approve=False)
    number_by_hand(writer, first, "017/SP/HUMAS/VI/2026")
    writer.act(first, "submit")
    door = Newsroom.open(root, "nur", fixed_clock(at(0.1)))
    scans: list[int] = []
    real_scan = scanning.scan
    monkeypatch.setattr(scanning, "scan", lambda config: scans.append(1) or real_scan(config))

    def redraw() -> bool:
        article = door.find(first)  # (the door knows where it lives: no scan)
        with door.one_look():
            allowed = door.allowed(article)
            door.translation_pair(article)
        return allowed["approve"].allowed

    door.find(first)
    scans.clear()
    assert redraw()
    assert len(scans) == 1  # one scan for both (two without the look)
    second = release(root, at(0.2), "Kedua", approve=False)
    number_by_hand(Newsroom.open(root, "rin", fixed_clock(at(0.2))), second,
                   "017/SP/HUMAS/VI/2026")  # fmt: skip
    scans.clear()
    assert not redraw()  # the duplicate number refuses approval at the next look
    assert len(scans) == 1


def test_a_doors_number_check_sees_a_number_given_since(
    root: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The checks ask who else has a release's number at every redraw of the desk: the door
    keeps the numbers while no article file changed (the index is not read again), and a
    release numbered meanwhile by another desk is seen at once."""
    writer = Newsroom.open(root, "ald", fixed_clock(at(0)))
    first = release(root, at(0), "Pertama", approve=False)
    number_by_hand(writer, first, "017/SP/HUMAS/VI/2026")
    read = count_index_reads(monkeypatch)

    def failing() -> list[str]:
        return [c.name for c in writer.failing_checks(writer.find(first))]

    assert "number_unique" not in failing()
    read.clear()
    assert "number_unique" not in failing()
    assert read == []  # nothing changed: the numbers kept
    second = release(root, at(0.5), "Kedua", approve=False)
    other = Newsroom.open(root, "rin", fixed_clock(at(0.5)))
    number_by_hand(other, second, "017/SP/HUMAS/VI/2026")
    assert "number_unique" in failing()


def test_publish_json_gives_an_embargos_lift_in_the_runs_zone(root: Path) -> None:
    """`releases[].until` is in the newsroom's zone, as `time` is (it was in UTC)."""
    release(root, at(0), "Rilis embargo", embargo=at(5))
    args = ["--root", str(root), "publish", "--json", "--force-clock", "--now"]
    said = json.loads(CliRunner().invoke(cli, [*args, at(1).isoformat()]).output)
    (held,) = [m for m in said["releases"] if m["kind"] == "held"]
    assert held["until"] == at(5).isoformat() and said["time"].endswith("+07:00")


def test_numbers_differing_only_in_case_are_one_number(root: Path) -> None:
    """A journalist looks B-001/HUMAS/VI/2026 up as b-001/humas/vi/2026, so the office never
    holds both: a number typed by hand in another case of a number issued is refused at
    submit, as a check error and at publish (with its check turned off), and one typed in
    lowercase counts for the sequence."""
    number_releases(root)
    release(root, at(0), "Asli")
    assert run(root, at(1)).ok
    copy = release(root, at(2), "Salinan", approve=False)
    writer = Newsroom.open(root, "ald", fixed_clock(at(2)))
    number_by_hand(writer, copy, "b-001/humas/vi/2026")
    with pytest.raises(Refused, match="release number b-001/humas/vi/2026 is also"):
        writer.act(copy, "submit")
    config = root / "newsroom.toml"
    config.write_text(
        config.read_text().replace('number_unique = "required"', 'number_unique = "off"')
    )
    Newsroom.open(root, "ald", fixed_clock(at(2))).act(copy, "submit")
    Newsroom.open(root, "nur", fixed_clock(at(2))).act(copy, "approve")
    result = run(root, at(3))
    assert result.published == [] and "asli.md" in result.failed[0]
    checked = CliRunner().invoke(cli, ["--root", str(root), "check"])
    assert len([line for line in checked.output.splitlines() if "is also" in line]) == 2
    numbering = Numbering("B-{seq:03d}/{unit}/{mm_roman}/{yyyy}", unit="HUMAS")
    assert numbering.next_seq(["b-007/humas/vi/2026", "B-003/HUMAS/VI/2026"], "2026") == 8
