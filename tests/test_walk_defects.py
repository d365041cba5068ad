"""Defects a new user met on a first walk through the newsroom, each kept fixed.

A body pasted with its own dateline, a correction that changes nothing, what the
checklist must catch before approval (a missing attachment file, a number another release
has, a klarifikasi denying one of the office's own numbers)...
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from pathlib import Path

import pytest
from click.testing import CliRunner

from newsroom.cli import cli
from newsroom.core.errors import Refused
from newsroom.core.service import NewArticle, Newsroom

from .conftest import NOW
from .test_numbering import number_releases

FULL = NewArticle(
    title="Rilis Lengkap",
    body="Isi siaran pers.",
    dateline="JAKARTA",
    summary="Ringkas.",
    categories=["Pemilu"],
    author="ald",
    credit="HUMAS",
)


def made(as_user: Callable[..., Newsroom], fields: NewArticle = FULL) -> str:
    return as_user("ald").create(fields).id


def publish(root: Path, when: dt.datetime = NOW) -> None:
    result = Newsroom.open(root, "cron").publish(now=when)
    assert not result.refused, result.refused


def published(as_user: Callable[..., Newsroom], root: Path, fields: NewArticle = FULL) -> str:
    ref = made(as_user, fields)
    as_user("ald").act(ref, "submit")
    as_user("nur").act(ref, "approve")
    publish(root)
    return ref


# 1. A body that starts with its dateline -------------------------------------------------


@pytest.mark.parametrize(
    "body",
    [
        "JAKARTA – Pemerintah mengumumkan kebijakan baru.",
        "JAKARTA, 7/12/2018 - Pemerintah mengumumkan kebijakan baru.",
        "**JAKARTA** — Pemerintah mengumumkan kebijakan baru.",
        "Jakarta – Pemerintah mengumumkan kebijakan baru.",
    ],
)
def test_a_text_opening_with_its_dateline_is_refused_before_approval(
    as_user: Callable[..., Newsroom], body: str
) -> None:
    fields = NewArticle(**{**vars(FULL), "body": body, "dateline": "Jakarta"})
    ref = made(as_user, fields)
    with pytest.raises(Refused, match="the text opens with the dateline") as refused:
        as_user("ald").act(ref, "submit")
    assert "partners would read it twice" in str(refused.value)
    assert as_user("ald").find(ref).status == "draft"


def test_a_text_naming_a_city_later_passes_and_check_warns_about_a_draft(
    as_user: Callable[..., Newsroom], root: Path
) -> None:
    fine = NewArticle(**{**vars(FULL), "body": "Di JAKARTA – kata menteri – kebijakan berlaku."})
    ref = made(as_user, fine)
    as_user("ald").act(ref, "submit")  # not refused
    doubled = NewArticle(**{**vars(FULL), "title": "Dua Kota", "body": "JAKARTA – Isi."})
    made(as_user, doubled)
    env = {"NEWSROOM_LANG": "id", "COLUMNS": "200"}
    done = CliRunner().invoke(cli, ["--root", str(root), "--as", "ald", "check"], env=env)
    assert "dua-kota.md: peringatan: isi diawali kota JAKARTA –" in done.output


# 2. A correction that changes nothing ----------------------------------------------------


def test_a_correction_that_changes_nothing_is_refused_at_submit(
    as_user: Callable[..., Newsroom], root: Path
) -> None:
    fields = NewArticle(**{**vars(FULL), "tags": ["anggaran"], "embargo": None})
    ref = published(as_user, root, fields)
    ald = as_user("ald")
    ald.act(ref, "correct", note="Tidak ada")
    with pytest.raises(Refused, match="the correction changes nothing partners see"):
        ald.act(ref, "submit")
    article = ald.find(ref)  # read back from its file: the kept version came through YAML
    assert article.status == "correcting"
    article.body = "Isi siaran pers, diperbaiki."
    ald.save_edit(article)
    ald.act(ref, "submit")
    assert as_user("nur").act(ref, "approve").article.status == "approved"


def test_an_empty_correction_approved_by_hand_is_refused_at_approval(
    as_user: Callable[..., Newsroom], root: Path
) -> None:
    """A correction whose only change was undone after submitting."""
    ref = published(as_user, root)
    ald = as_user("ald")
    ald.act(ref, "correct", note="Salah ketik")
    article = ald.find(ref)
    article.body = "Isi siaran pers, diperbaiki."
    ald.save_edit(article)
    ald.act(ref, "submit")
    article = ald.find(ref)
    article.body = "Isi siaran pers.\n"
    ald.save_edit(article)
    with pytest.raises(Refused, match="empty RALAT"):
        as_user("nur").act(ref, "approve")


# 3. What publish refuses, caught before approval ------------------------------------------


def test_a_missing_attachment_file_refuses_submit_and_approval(
    as_user: Callable[..., Newsroom], root: Path, tmp_path: Path
) -> None:
    ref = made(as_user)
    source = tmp_path / "ttd.pdf"
    source.write_bytes(b"%PDF-1.4\n% signed\n")
    ald = as_user("ald")
    ald.attach(ref, source, "Siaran pers ber-TTE")
    ald.act(ref, "submit")
    kept = next((root / "articles").rglob("ttd.pdf"))
    kept.unlink()  # a colleague's `git rm`, a bad copy
    with pytest.raises(Refused, match=r"ttd\.pdf is not the file recorded \(missing\)"):
        as_user("nur").act(ref, "approve")
    kept.write_bytes(b"%PDF-1.4\n% another\n")
    with pytest.raises(Refused, match=r"not the file recorded \(its size or SHA-256 changed\)"):
        as_user("nur").act(ref, "approve")
    kept.write_bytes(b"%PDF-1.4\n% signed\n")
    assert as_user("nur").act(ref, "approve").article.status == "approved"


def test_a_hand_typed_number_another_release_has_refuses_submit(
    as_user: Callable[..., Newsroom], root: Path
) -> None:
    first = made(as_user)
    second = made(as_user, NewArticle(**{**vars(FULL), "title": "Rilis Kedua"}))
    ald = as_user("ald")
    for ref in (first, second):
        article = ald.find(ref)
        article.release_number = "B-007/HUMAS/XI/2026"
        ald.save_edit(article)
    with pytest.raises(Refused, match=r"release number B-007/HUMAS/XI/2026 is also") as refused:
        ald.act(second, "submit")  # a number a draft has is taken too: publish refuses both
    assert "rilis-lengkap.md" in str(refused.value)
    with pytest.raises(Refused, match=r"is also articles/\d{4}/\d\d/rilis-kedua\.md's"):
        ald.act(first, "submit")
    env = {"NEWSROOM_LANG": "id", "COLUMNS": "200"}
    args = ["--root", str(root), "--as", "ald", "submit", second]
    done = CliRunner().invoke(cli, args, env=env)
    assert done.exit_code == 1
    assert "nomor B-007/HUMAS/XI/2026 sudah dipakai articles/" in done.output
    article = ald.find(second)
    article.release_number = ""  # publish gives one
    ald.save_edit(article)
    ald.act(second, "submit")
    ald.act(first, "submit")


# 4. A klarifikasi denying the office's own number ----------------------------------------


def test_a_klarifikasi_denying_an_issued_number_is_refused_naming_its_holder(
    as_user: Callable[..., Newsroom], root: Path
) -> None:
    number_releases(root, "B-{seq:03d}/{unit}/{yyyy}")
    published(as_user, root)
    own = as_user("ald").find("rilis-lengkap").release_number
    assert own == "B-001/HUMAS/2026"
    fields = NewArticle(**{**vars(FULL), "title": "Klarifikasi Hoaks", "kind": "klarifikasi",
                           "denies": ["B-099/HUMAS/2026", own]})  # fmt: skip
    ref = made(as_user, fields)
    with pytest.raises(Refused, match="B-001/HUMAS/2026 is this office's own number") as refused:
        as_user("ald").act(ref, "submit")
    assert "rilis-lengkap.md" in str(refused.value)
    article = as_user("ald").find(ref)
    article.denies = ["B-099/HUMAS/2026"]
    as_user("ald").save_edit(article)
    as_user("ald").act(ref, "submit")
    assert as_user("nur").act(ref, "approve").article.status == "approved"


# 9. The published version stays out of the text a person edits ----------------------------


def test_during_a_correction_the_editor_buffer_leaves_the_published_version_out(
    as_user: Callable[..., Newsroom], root: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """An editor's search-and-replace across the whole buffer (sed) changes the text, not
    the published version partners still see (it was refused as a change of it)."""
    ref = published(as_user, root)
    as_user("ald").act(ref, "correct", note="Kata salah")
    path = next((root / "articles").rglob("rilis-lengkap.md"))
    before = path.read_text(encoding="utf-8")
    seen = tmp_path / "buffer.md"
    script = tmp_path / "replace.py"
    script.write_text(
        "import shutil, sys\n"
        "name = sys.argv[1]\n"
        f"shutil.copy(name, {str(seen)!r})\n"
        "text = open(name, encoding='utf-8').read().replace('siaran pers', 'rilis resmi')\n"
        "open(name, 'w', encoding='utf-8').write(text)\n",
        encoding="utf-8",
    )
    monkeypatch.setenv("EDITOR", f"python3 {script}")
    done = CliRunner().invoke(cli, ["--root", str(root), "--as", "ald", "edit", ref])
    assert done.exit_code == 0, done.output
    assert "published_version" not in seen.read_text(encoding="utf-8")
    article = as_user("ald").find(ref)
    assert article.body == "Isi rilis resmi.\n"
    assert article.published_version is not None
    assert article.published_version["body"] == "Isi siaran pers.\n"
    after = path.read_text(encoding="utf-8")  # where the file had it, unchanged
    assert after.index("published_version:") == before.index("published_version:")
    as_user("ald").act(ref, "submit")
    as_user("nur").act(ref, "approve")


# 5. publish --dry-run says what the run writes, public and private apart -------------------


def test_the_dry_run_names_the_files_the_run_writes_and_private_ones_apart(
    as_user: Callable[..., Newsroom], root: Path
) -> None:
    config = root / "newsroom.toml"
    partner = '\n[[partners]]\nname = "antara"\ntitle = "LKBN ANTARA"\nembargo_access = true\n'
    config.write_text(config.read_text(encoding="utf-8") + partner, encoding="utf-8")
    env = {"NEWSROOM_LANG": "en", "COLUMNS": "400"}
    for n, category in enumerate(("Pemilu", "Ekonomi")):
        fields = NewArticle(**{**vars(FULL), "title": f"Rilis {n}", "categories": [category]})
        ref = made(as_user, fields)
        as_user("ald").act(ref, "submit")
        as_user("nur").act(ref, "approve")
        cron = Newsroom.open(root, "cron")
        dry = cron.publish(now=NOW + dt.timedelta(hours=n), dry_run=True)
        done = cron.publish(now=NOW + dt.timedelta(hours=n))
        assert sorted(dry.to_write) == sorted(done.written)  # the indexes by month and category too
        assert f"kategori/{category.lower()}/index.html" in dry.to_write
        private = [p for p in done.written if p.startswith("private/")]
        assert private and done.private_documents == 4  # its feeds and its ninjs index
    args = ["--root", str(root), "--as", "cron", "publish", "--dry-run"]
    article = as_user("ald").find("rilis-0")
    as_user("ald").act(article.id, "correct", note="Ejaan")
    article = as_user("ald").find("rilis-0")
    article.body = "Isi siaran pers, diperbaiki."
    as_user("ald").save_edit(article)
    as_user("ald").act(article.id, "submit")
    as_user("nur").act(article.id, "approve")
    shown = CliRunner().invoke(cli, args, env=env).output
    assert "would write 4 private files (feeds for partners with embargo access)" in shown
    assert "private/" not in shown.split("public files:")[1].split("\n")[0]
    args.remove("--dry-run")
    shown = CliRunner().invoke(cli, args, env=env).output
    public = done.documents - done.private_documents + 1  # and the correction's ninjs version
    assert f"of {public} public files written" in shown
    assert "4 of 4 private files written" in shown


# 6. 80x24: the footer keeps `w`, the banner its count and order, people show by name -------


@pytest.mark.parametrize("language", ["en", "id"])
async def test_at_80_columns_the_footer_and_the_banner_keep_what_matters(
    bundled: Path, language: str
) -> None:
    from textual.widgets._footer import FooterKey

    from newsroom.tui.screens.release import ReleaseScreen

    from .tuikit import SEED_ID, make_app

    review = next((bundled / "articles").rglob("contoh-menunggu*.md"))
    for who, article in (("nur", SEED_ID), ("nur", review.stem)):
        app = make_app(bundled, who, language)
        async with app.run_test(size=(80, 24)) as pilot:
            await app.workers.wait_for_complete()
            await pilot.pause()
            banner = str(app.screen.query_one("#banner").render())
            sorted_by = "sorted: updated" if language == "en" else "urut: diubah"  # short
            assert sorted_by in banner and "4/4" in banner  # (tests/test_new_user_walk.py)
            assert len(banner.rstrip()) <= 80
            ident = app.newsroom.find(article).id
            app.push_screen(ReleaseScreen(ident))
            await app.workers.wait_for_complete()
            await pilot.pause()
            keys = {k.key: k for k in app.screen.query(FooterKey)}
            # At 80 columns every key stays whole (a second line takes what the first
            # cannot), the palette's at the right: on a published release WhatsApp is
            # there; in review, what a reviewer does; quit, help and the palette always.
            palette = next(k for k in keys.values() if k.has_class("-command-palette"))
            wanted = ["w", "K", "X"] if article == SEED_ID else ["a", "r", "c", "w"]
            for key in [*wanted, "ctrl+q", "question_mark"]:
                region = keys[key].region
                assert region.width > 0 and region.right <= 80, key
                assert not region.overlaps(palette.region), key
            assert palette.region.width > 0 and palette.region.right <= 80
            if article == SEED_ID:
                assert keys["w"].description == "WhatsApp"
            meta = str(app.screen.query_one("#meta").render())
            author = "Aldi (Humas) (ald)" if article == SEED_ID else "(dwi)"
            assert author in meta


# 7. Errors name lines; a misspelt key is named; typing starts where the writer goes next ---


def test_a_newsroom_toml_error_names_the_line_and_the_nearest_key(root: Path) -> None:
    from newsroom.core.config import load_config
    from newsroom.core.errors import ConfigError

    config = root / "newsroom.toml"
    text = config.read_text(encoding="utf-8")
    lines = text.splitlines()
    zone = next(i for i, line in enumerate(lines, 1) if line.startswith("timezone = "))
    config.write_text(text.replace('timezone = "Asia/Jakarta"', 'timezone = "Asia/Jakrta"'))
    with pytest.raises(ConfigError, match=rf"newsroom\.toml:{zone}: \[site\] timezone: unknown"):
        load_config(root)
    credit = next(i for i, line in enumerate(lines, 1) if "credit = " in line)
    config.write_text(text.replace(lines[credit - 1], 'credt = "HUMAS"'), encoding="utf-8")
    with pytest.raises(
        ConfigError, match=rf":{credit}: \[site\] credt: unknown key \(did you mean credit\?"
    ):
        load_config(root)
    config.write_text(text + '\n[[partners]]\nname = "antara"\ntitel = "LKBN"\n', encoding="utf-8")
    with pytest.raises(ConfigError, match=rf":{len(lines) + 4}: \[\[partners\]\]"):
        load_config(root)


def test_check_names_a_misspelt_front_matter_key_and_its_line(
    as_user: Callable[..., Newsroom], root: Path
) -> None:
    ref = made(as_user)
    path = next((root / "articles").rglob("rilis-lengkap.md"))
    text = path.read_text(encoding="utf-8")
    text = text.replace("summary: Ringkas.\n", "sumary: Ringkas.\nx-desk-note: cek ke biro\n")
    path.write_text(text, encoding="utf-8")
    line = text.splitlines().index("sumary: Ringkas.") + 1
    env = {"NEWSROOM_LANG": "en", "COLUMNS": "300"}
    done = CliRunner().invoke(cli, ["--root", str(root), "--as", "ald", "check"], env=env)
    assert (
        f"rilis-lengkap.md: warning: line {line}: `sumary` is not a key newsroom knows, so it is "
        "kept but not used: did you mean `summary`?" in done.output
    )
    assert "x-desk-note" not in done.output  # the office's own key, far from any known one
    outcome = as_user("ald").act(ref, "submit")  # recommended: a warning, not a refusal
    assert any("did you mean `summary`" in w for w in outcome.warnings)


# (typing after n starts in the title, and Enter goes down the form: test_desk_walk.py)


# 8. A new office's credit; a release's own credit and byline; the adopt note's language ----


def test_init_asks_for_the_credit_and_new_takes_one(tmp_path: Path) -> None:
    env = {"NEWSROOM_LANG": "en"}
    CliRunner().invoke(cli, ["init", str(tmp_path / "a")], env=env)
    text = (tmp_path / "a" / "newsroom.toml").read_text(encoding="utf-8")
    assert 'credit = ""' not in text and '# credit = "HUMAS MENPANRB"' in text
    done = CliRunner().invoke(cli, ["init", str(tmp_path / "b"), "--credit", "HUMAS KOTA"], env=env)
    assert done.exit_code == 0 and "credit" in done.output
    assert '\ncredit = "HUMAS KOTA"\n' in (tmp_path / "b" / "newsroom.toml").read_text()
    args = ["--root", str(tmp_path / "a"), "--as", "ana", "new", "--title", "Rilis",
            "--credit", "HUMAS DAERAH", "--author", "an"]  # fmt: skip
    done = CliRunner().invoke(cli, args, env=env)
    assert done.exit_code == 0, done.output
    article = Newsroom.open(tmp_path / "a", "ana").find("rilis")
    assert (article.credit, article.author) == ("HUMAS DAERAH", "an")


@pytest.mark.parametrize(
    ("office", "person", "note"),
    [("en", "id", "disegel seperti terbit pada 27-11-2026"),
     ("id", "en", "sealed as published on 27-11-2026")],
)  # fmt: skip
def test_the_adopt_note_is_in_the_persons_language(
    as_user: Callable[..., Newsroom],
    root: Path,
    office: str,
    person: str,
    note: str,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """The file keeps no worded note (it was the office's language, whoever read it): each
    face words it in its person's language (test_new_user_walk_leftovers.py, older files)."""
    from newsroom.core.workflow import adopt

    config = root / "newsroom.toml"
    text = config.read_text().replace("# [ui]\n", "[ui]\n")
    config.write_text(text.replace('# language = "id"', f'language = "{office}"', 1))
    ref = published(as_user, root)
    newsroom = as_user("admin")
    article = newsroom.find(ref)
    for entry in article.history:  # as the version before seals wrote it
        entry.seal, entry.version = "", None
    assert adopt(article, "admin", newsroom.config, newsroom.now())
    assert article.history[-1].note == ""
    newsroom.store.save(article)
    monkeypatch.setenv("NEWSROOM_LANG", person)
    shown = CliRunner().invoke(cli, ["--root", str(root), "show", ref])
    assert f"{note}" in " ".join(shown.output.split()), shown.output


def test_check_names_a_klarifikasi_denying_an_own_number_however_far_it_went(
    as_user: Callable[..., Newsroom], root: Path
) -> None:
    number_releases(root, "B-{seq:03d}/{unit}/{yyyy}")
    published(as_user, root)
    fields = NewArticle(**{**vars(FULL), "title": "Klarifikasi", "kind": "klarifikasi",
                           "denies": ["B-099/HUMAS/2026"]})  # fmt: skip
    ref = made(as_user, fields)
    path = next((root / "articles").rglob("klarifikasi.md"))  # by hand, after the checklist
    path.write_text(path.read_text().replace("B-099/HUMAS/2026", "B-001/HUMAS/2026"))
    done = CliRunner().invoke(cli, ["--root", str(root), "--as", "ald", "check"])
    assert done.exit_code == 1
    assert "klarifikasi.md: B-001/HUMAS/2026 is this office's own number" in done.output
    assert "rilis-lengkap.md" in done.output.split("klarifikasi.md: B-001")[1].split("\n")[0]
    assert ref
