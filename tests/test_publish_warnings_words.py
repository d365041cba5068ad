"""What `newsroom publish` (cron's mail, the desk's publish report) warns of, in the
person's language: what a run could not do though it did its work (the cache not usable,
its log not written, a WebSub hub given up, mail refused or a list's bad line), each
naming its file and saying what to do; `newsroom mail` says mail's problems alike;
`newsroom check` says a translation's problem in the person's language; a run whose
state could not be written after the feeds were says so (not "nothing was published").
These were the last English-only lines an Indonesian desk read after a publish."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from newsroom.core import websub
from newsroom.core.config import load_config
from newsroom.core.init import init_newsroom

from .clikit import newsroom, publish
from .feedkit import at, configure, release, run
from .smtpkit import Handler, configure_mail, free_port, smtp_server, write_list

__all__ = ["smtp_server"]  # a fixture, used by name

ENGLISH = ("not usable", "reads every file", "not written", "free some space", "given up",
           "readers that poll", "refused for good", "that line is skipped",
           "not an e-mail address", "a second translation", "one translation per language",
           "the feeds are written", "looks at every file", "nothing was published",
           "the feeds are as they were")  # fmt: skip


def no_english(said: str) -> None:
    for words in ENGLISH:
        assert words not in said, (words, said)


def fresh(tmp_path: Path, language: str) -> Path:
    root = tmp_path / language
    init_newsroom(root, "Humas Uji")
    configure(root)
    return root


def test_a_log_and_a_cache_that_cannot_be_used_are_said_in_the_persons_language(
    tmp_path: Path,
) -> None:
    """A directory where publish.log and cache.sqlite go (as a full disk or a wrong owner
    would): "…/publish.log: not written: Is a directory", "…/cache.sqlite: not usable (…);
    this run reads every file again (free some space)", in English to an Indonesian desk."""
    said = {}
    for language in ("id", "en"):
        root = fresh(tmp_path, language)
        state = load_config(root).state_dir
        state.mkdir(parents=True, exist_ok=True)
        (state / "publish.log").mkdir()
        (state / "cache.sqlite").mkdir()
        release(root, at(0), "Rilis")
        done = publish(root, language, at(1))
        assert done.exit_code == 0, done.output
        said[language] = done.output.replace("\n", " ")
        assert any((root / "feeds").rglob("rss.xml"))  # the run did its work
    log, cache = (tmp_path / "id" / ".newsroom" / name for name in ("publish.log", "cache.sqlite"))
    assert (
        f"peringatan: {log}: tidak ditulis: Is a directory; penerbitan ini tidak tercatat di "
        "log penerbitan (kosongkan ruang disk atau perbaiki izin foldernya)"
    ) in said["id"], said["id"]
    assert f"peringatan: {cache}: tidak dapat dipakai (" in said["id"]
    assert "); penerbitan ini membaca ulang setiap berkas (kosongkan ruang disk)" in said["id"]
    no_english(said["id"])
    log, cache = (tmp_path / "en" / ".newsroom" / name for name in ("publish.log", "cache.sqlite"))
    assert (
        f"warning: {log}: not written: Is a directory; this run is not in the publish log "
        "(free some space or fix the folder's permissions)"
    ) in said["en"], said["en"]
    assert f"warning: {cache}: not usable (" in said["en"]
    assert "); this run reads every file again (free some space)" in said["en"]


def test_a_hub_given_up_is_said_in_the_persons_language(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A WebSub hub that is down every run is given up: "WebSub hub … failed 3 runs in a
    row (…); its ping for 3 feed(s) is given up (readers that poll …)", in English."""
    monkeypatch.setattr(websub, "MAX_ATTEMPTS", 3)
    hub = "http://127.0.0.1:9/hub"  # (the discard port: nothing listens)
    said = {}
    for language in ("id", "en"):
        root = tmp_path / language
        init_newsroom(root, "Humas Uji")
        configure(root, extra=f'\n[websub]\nhubs = ["{hub}"]\n')
        release(root, at(0), "Rilis")
        run(root, at(0.1))
        run(root, at(0.2))
        done = publish(root, language, at(0.3))
        assert done.exit_code == 0, done.output
        said[language] = done.output.replace("\n", " ")
    assert f"peringatan: hub WebSub {hub} gagal 3 kali berturut-turut (" in said["id"], said["id"]
    assert (
        "); pemberitahuan untuk 9 feed dihentikan (pembaca yang memeriksa sendiri tetap "
        "mendapat semuanya; periksa [websub] hubs di newsroom.toml)"
    ) in said["id"], said["id"]
    no_english(said["id"])
    assert f"warning: WebSub hub {hub} failed 3 runs in a row (" in said["en"], said["en"]
    assert (
        "); its ping for 9 feeds is given up (readers that poll still get everything; check "
        "[websub] hubs in newsroom.toml)"
    ) in said["en"], said["en"]


LIST = """
[[lists]]
name = "wartawan"
title = "Wartawan Ekonomi"
recipients = "{folder}/wartawan.txt"
"""


def test_mail_refused_and_a_bad_line_are_said_in_the_persons_language(
    tmp_path: Path, smtp_server: tuple[Handler, int]
) -> None:
    """A server that refuses one address for good (550), a list with a line that is no
    address: "mail: … refused for good for one address of list wartawan: 550 …",
    "…/wartawan.txt:3: not an e-mail address (…); that line is skipped", in English to
    an Indonesian desk; `newsroom mail status` named the bad line in English too."""
    handler, port = smtp_server
    handler.answers = {"sari@majalah.id": "550 5.1.1 <sari@majalah.id>: tidak dikenal"}
    said, status = {}, {}
    for language in ("id", "en"):
        root = fresh(tmp_path, language)
        folder = tmp_path / f"lists-{language}"
        configure_mail(root, port, LIST.format(folder=folder))
        write_list(folder, "wartawan", ["budi@koran.id", "budi@koran", "sari@majalah.id"])
        release(root, at(0), "Inflasi Terkendali")
        done = publish(root, language, at(1))
        said[language] = done.output.replace("\n", " ")
        status[language] = newsroom(root, language, "mail", "status").output
    path = tmp_path / "lists-id" / "wartawan.txt"
    assert "peringatan: surel: " in said["id"], said["id"]
    assert (
        " ditolak untuk seterusnya bagi satu alamat daftar wartawan: 550 5.1.1 <address>: "
        "tidak dikenal (newsroom mail status --addresses)"
    ) in said["id"], said["id"]
    assert (
        f"peringatan: {path}:3: bukan alamat surel (seharusnya nama@redaksi.co.id atau Nama "
        "<nama@redaksi.co.id>); baris itu dilewati"
    ) in said["id"], said["id"]
    assert f"{path}:3: bukan alamat surel (" in status["id"], status["id"]
    no_english(said["id"])
    no_english(status["id"])
    path = tmp_path / "lists-en" / "wartawan.txt"
    assert (
        " refused for good for one address of list wartawan: 550 5.1.1 <address>: tidak "
        "dikenal (newsroom mail status --addresses)"
    ) in said["en"], said["en"]
    assert (
        f"warning: {path}:3: not an e-mail address (expected nama@redaksi.co.id or Nama "
        "<nama@redaksi.co.id>); that line is skipped"
    ) in said["en"], said["en"]


def test_a_state_not_written_after_the_feeds_says_the_feeds_are_written(
    tmp_path: Path,
) -> None:
    """The run's state cannot be written once the feeds are (its place a directory): the
    run said "nothing was published and the feeds are as they were", which was false."""
    said = {}
    for language in ("id", "en"):
        root = fresh(tmp_path, language)
        release(root, at(0), "Rilis")
        assert run(root, at(0.5)).ok
        release(root, at(0.6), "Rilis dua")
        state = load_config(root).state_dir / "publish-state.json"
        state.unlink()
        state.mkdir()
        (state / "x").write_text("")  # (a full folder: the rename cannot replace it)
        done = publish(root, language, at(1))
        assert done.exit_code == 1, done.output
        said[language] = done.output.replace("\n", " ")
        feeds = b"".join(p.read_bytes() for p in (root / "feeds").rglob("rss.xml"))
        assert b"Rilis dua" in feeds  # the feeds were written
        shutil.rmtree(state)
    assert "tidak terbit: tidak dapat menulis " in said["id"], said["id"]
    assert (
        "; feed sudah ditulis, tetapi catatan penerbitan ini (state) tidak: penerbitan "
        "berikutnya memeriksa lagi setiap berkas (kosongkan ruang disk atau perbaiki izin "
        "foldernya)"
    ) in said["id"], said["id"]
    no_english(said["id"])
    assert (
        "; the feeds are written, but this run's record (its state) is not: the next run "
        "looks at every file again (free some space or fix the folder's permissions)"
    ) in said["en"], said["en"]
    assert "nothing was published" not in said["en"]


def test_check_says_a_translations_problem_in_the_persons_language(tmp_path: Path) -> None:
    """Two translations into one language of one original: `newsroom check` said "a second
    translation into 'en' of one original (…): one translation per language (delete the
    copy, …)" in English to an Indonesian desk."""
    from newsroom.core.clock import fixed_clock
    from newsroom.core.service import Newsroom

    root = fresh(tmp_path, "id")
    original = release(root, at(0), "ASN Jaga Netralitas", approve=False)
    translator = Newsroom.open(root, "rina", fixed_clock(at(0)))
    first = translator.translate(original, "en")
    second = translator.translate(original, "jv")
    assert first.path is not None and second.path is not None
    other = root / second.path
    other.write_text(other.read_text().replace("language: jv", "language: en"))
    said = {language: newsroom(root, language, "check").output for language in ("id", "en")}
    assert (
        f"{second.path}:" in said["id"]
        and f": terjemahan kedua ke bahasa “en” dari satu naskah asli (juga {first.path}): satu "
        "terjemahan per bahasa (hapus salinannya, atau isi `language` dengan bahasa lain)"
    ) in said["id"], said["id"]
    no_english(said["id"])
    assert (
        f": a second translation into 'en' of one original (also {first.path}): one "
        "translation per language (delete the copy, or set another `language`)"
    ) in said["en"], said["en"]


def test_a_mail_server_out_of_reach_is_said_in_the_persons_language(tmp_path: Path) -> None:
    """No server at [mail] port: the Indonesian line was "surel: cannot reach the mail
    server … (Connection refused); nothing was sent, …", the whole English error put in
    the place of the server's answer (its fact was named `reason`, which errors.cause
    takes for the error's English text)."""
    said, status, health = {}, {}, {}
    for language in ("id", "en"):
        root = fresh(tmp_path, language)
        folder = tmp_path / f"lists-{language}"
        configure_mail(root, free_port(), LIST.format(folder=folder))
        write_list(folder, "wartawan", ["budi@koran.id"])
        release(root, at(0), "Inflasi Terkendali")
        said[language] = publish(root, language, at(1)).output.replace("\n", " ")
        status[language] = newsroom(root, language, "mail", "status").output.replace("\n", " ")
        health[language] = newsroom(root, language, "status")
    # `newsroom mail status` says why the sends wait as the run did (the send log keeps the
    # error's code and facts beside its English text)
    assert " server surel 127.0.0.1:" in status["id"] and " tidak dapat dihubungi (" in status["id"]
    assert "cannot reach" not in status["id"], status["id"]
    assert "cannot reach the mail server 127.0.0.1:" in status["en"], status["en"]
    # `newsroom status` (cron's monitoring, the desk's banner) says mail waits: it said
    # only "publishing is healthy" while no journalist had the release
    assert (
        "surel: 1 pesan menunggu setelah kesalahan; penerbitan berikutnya mencoba lagi (lihat "
        "newsroom mail status)" in health["id"].output.replace("\n", " ")
    ), health["id"].output
    assert "mail: 1 message waits after an error" in health["en"].output, health["en"].output
    assert health["en"].exit_code == 0  # (publishing itself is healthy)
    assert "peringatan: surel: server surel 127.0.0.1:" in said["id"], said["id"]
    assert " tidak dapat dihubungi (" in said["id"], said["id"]
    assert "); tidak ada yang terkirim, penerbitan berikutnya mencoba lagi" in said["id"]
    for words in ("cannot reach", "nothing was sent", "the next run"):
        assert words not in said["id"], (words, said["id"])
    assert "warning: mail: cannot reach the mail server 127.0.0.1:" in said["en"], said["en"]


def test_a_send_log_made_before_errors_kept_their_code_still_reads(
    tmp_path: Path,
) -> None:
    """A send log written by a version that kept only the English error (no `said`
    column): opened, it gains the column; its old rows read as written."""
    import sqlite3

    from newsroom.core.mail.sendlog import SendLog, mail_dir

    root = fresh(tmp_path, "id")
    config = load_config(root)
    folder = mail_dir(config)
    folder.mkdir(parents=True)
    db = sqlite3.connect(folder / "sendlog.sqlite")
    db.executescript(
        "CREATE TABLE sends (thread TEXT, address TEXT, event TEXT, list TEXT, display TEXT, "
        "state TEXT, attempts INTEGER DEFAULT 0, error TEXT DEFAULT '', queued TEXT, "
        "updated TEXT, PRIMARY KEY (thread, address));"
        "INSERT INTO sends VALUES ('t', 'a@b.id', 'e', 'wartawan', 'a@b.id', 'failed', 1, "
        "'550 no such user', '2026-12-01', '2026-12-01');"
    )
    db.commit()
    db.close()
    log = SendLog(config)
    try:
        (old,) = log.problems()
    finally:
        log.close()
    assert old.error == "550 no such user" and not hasattr(old.error, "code")


async def test_the_desk_says_mail_waits_after_an_error(tmp_path: Path) -> None:
    """The desk's banner named releases held back, failing runs, an unsigned run; mail
    waiting because the server could not be reached showed nothing at all."""
    from .tuikit import make_app

    root = fresh(tmp_path, "id")
    folder = tmp_path / "lists"
    configure_mail(root, free_port(), LIST.format(folder=folder))
    write_list(folder, "wartawan", ["budi@koran.id"])
    release(root, at(0), "Inflasi Terkendali")
    assert publish(root, "id", at(1)).exit_code == 0
    app = make_app(root, "redaksi", "id")
    async with app.run_test(size=(80, 24)) as pilot:
        await app.workers.wait_for_complete()
        await pilot.pause()
        line = app.screen.query_one("#publishing")
        said = str(line.render())
        assert line.display and "surel: 1 pesan menunggu setelah kesalahan" in said, said


async def test_the_desk_can_send_mail_that_waits(
    tmp_path: Path, smtp_server: tuple[Handler, int]
) -> None:
    """A desk-only office (no cron): mail that waited after the server was out of reach
    was sent only by the next release's publish; the dialog said "nothing will change" and
    offered only Close. It now says the mail waits and Publish tries again."""
    from .tuikit import make_app, publish_dialog, until

    handler, port = smtp_server
    root = fresh(tmp_path, "id")
    folder = tmp_path / "lists"
    dead = free_port()
    configure_mail(root, dead, LIST.format(folder=folder))
    write_list(folder, "wartawan", ["budi@koran.id"])
    release(root, at(0), "Inflasi Terkendali")
    assert publish(root, "id", at(1)).exit_code == 0
    assert handler.received == []
    config = root / "newsroom.toml"  # the server is back
    config.write_text(config.read_text().replace(f"port = {dead}", f"port = {port}"))
    app = make_app(root, "redaksi", "id")
    async with app.run_test(size=(80, 24)) as pilot:
        dialog = await publish_dialog(app, pilot)
        report = " ".join(str(dialog.query_one("#report").render()).split())
        assert (
            "surel: 1 pesan menunggu setelah kesalahan; penerbitan mencoba mengirimnya lagi"
            in report
        ), report
        go = dialog.query_one("#go")
        assert go.display and not go.disabled
        await pilot.click("#go")
        await until(pilot, lambda: not dialog.running and not go.display, "the run done")
        await app.workers.wait_for_complete()
        await pilot.pause()
        report = " ".join(str(dialog.query_one("#report").render()).split())
        assert "surel: 1 terkirim" in report, report
    assert [rcpt for rcpt, _ in handler.received] == ["budi@koran.id"]


def test_a_row_an_older_version_rewrote_is_said_as_it_now_reads(tmp_path: Path) -> None:
    """A send waiting on a server out of reach, then refused for good (550) by a version
    that knows no `said` column: its text was the 550, its kept code still "out of reach",
    and `mail status` said "tidak dapat dihubungi … mencoba lagi" for a permanent failure."""
    import sqlite3

    from newsroom.core.errors import Said
    from newsroom.core.mail.sendlog import SendLog, mail_dir
    from newsroom.i18n import Translator
    from newsroom.i18n.explain import line_text

    root = fresh(tmp_path, "id")
    config = load_config(root)
    log = SendLog(config)
    try:
        log.db.execute("INSERT INTO sends (thread, address, event, list, display, state, "
                       "queued) VALUES ('t', 'a@b.id', 'e', 'wartawan', 'a@b.id', 'queued', "
                       "'2026-12-01')")  # fmt: skip
        out_of_reach = Said("cannot reach the mail server x:25 (refused); nothing was sent",
                            "mail_unreachable", server="x:25", detail="refused")  # fmt: skip
        log.note_waiting(out_of_reach, at(0))
        (waiting,) = log.problems()
        assert "tidak dapat dihubungi" in line_text(Translator("id"), waiting.error)
    finally:
        log.close()
    db = sqlite3.connect(mail_dir(config) / "sendlog.sqlite")  # the older version's mark
    db.execute("UPDATE sends SET state='failed', error='550 5.1.1 no such user'")
    db.commit()
    db.close()
    log = SendLog(config)
    try:
        (refused,) = log.problems()
    finally:
        log.close()
    assert line_text(Translator("id"), refused.error) == "550 5.1.1 no such user"


def test_a_line_kept_with_a_fact_its_words_no_longer_name_is_said_as_written() -> None:
    """A send log outlives versions: a code kept with facts the catalog's words no longer
    name (this series renamed `reason` to `detail`) crashed `mail status` (KeyError)."""
    from newsroom.core.errors import Said
    from newsroom.i18n import Translator
    from newsroom.i18n.explain import line_text

    old = Said("cannot reach the mail server x:25 (refused)", "mail_unreachable", server="x:25")
    assert line_text(Translator("id"), old) == "cannot reach the mail server x:25 (refused)"


def test_every_send_a_dropped_connection_left_is_counted_as_waiting(
    tmp_path: Path, smtp_server: tuple[Handler, int]
) -> None:
    """The connection dropped at the first of three messages: the run said 3 waiting,
    `newsroom status` 1 (only the send in flight had its reason noted)."""
    handler, port = smtp_server
    handler.drop_at = 0
    root = fresh(tmp_path, "id")
    folder = tmp_path / "lists"
    configure_mail(root, port, LIST.format(folder=folder))
    write_list(folder, "wartawan", ["budi@koran.id", "ani@koran.id", "citra@koran.id"])
    release(root, at(0), "Inflasi Terkendali")
    done = publish(root, "id", at(1))
    assert "3 menunggu" in done.output, done.output
    said = newsroom(root, "id", "status").output.replace("\n", " ")
    assert "surel: 3 pesan menunggu setelah kesalahan" in said, said


def test_mail_given_up_or_without_its_list_is_said_in_the_persons_language(
    tmp_path: Path, smtp_server: tuple[Handler, int]
) -> None:
    """A server that answered "try later" for two days, and a list removed from
    newsroom.toml while its mail waited: `newsroom mail status` said "gave up after 1
    tries: 451 …" and "list wartawan is no longer in newsroom.toml" in English to an
    Indonesian desk."""
    handler, port = smtp_server
    handler.answers = {"budi@koran.id": "451 4.7.1 coba lagi nanti"}
    said = {}
    for language in ("id", "en"):
        root = fresh(tmp_path, language)
        folder = tmp_path / f"lists-{language}"
        configure_mail(root, port, LIST.format(folder=folder) + LIST.replace("wartawan", "kb")
                       .format(folder=folder))  # fmt: skip
        write_list(folder, "wartawan", ["budi@koran.id"])
        write_list(folder, "kb", ["ani@koran.id"])
        handler.answers["ani@koran.id"] = "451 4.7.1 penuh"
        release(root, at(0), "Inflasi Terkendali")
        assert "2 menunggu" in publish(root, "id", at(0.1)).output
        config = root / "newsroom.toml"
        config.write_text(config.read_text().replace('name = "kb"', 'name = "kb-baru"'))
        assert publish(root, language, at(3)).exit_code == 0
        said[language] = " ".join(newsroom(root, language, "mail", "status").output.split())
    assert "tidak dicoba lagi setelah 1 percobaan: 451 4.7.1 coba lagi nanti" in said["id"], said
    assert "daftar kb tidak ada lagi di newsroom.toml" in said["id"], said["id"]
    for words in ("gave up", "no longer", "tries"):
        assert words not in said["id"], (words, said["id"])
    assert "gave up after 1 try: 451 4.7.1 coba lagi nanti" in said["en"], said["en"]
    assert "list kb is no longer in newsroom.toml" in said["en"], said["en"]


def test_mail_waiting_reads_the_log_without_changing_it_and_two_openers_both_migrate(
    tmp_path: Path,
) -> None:
    """`newsroom status` and the desk's banner counted waiting mail through the writer's
    door: each opened the send log read-write and migrated it; two processes migrating
    an older log at once, the second failed ("duplicate column name: said")."""
    import sqlite3

    from newsroom.core.mail.sendlog import SendLog, add_said, mail_dir, mail_waiting, pending_mark

    root = fresh(tmp_path, "id")
    folder = tmp_path / "lists"
    configure_mail(root, free_port(), LIST.format(folder=folder))
    config = load_config(root)
    mail_dir(config).mkdir(parents=True)
    path = mail_dir(config) / "sendlog.sqlite"
    db = sqlite3.connect(path)
    db.executescript(
        "CREATE TABLE sends (thread TEXT, address TEXT, event TEXT, list TEXT, display TEXT, "
        "state TEXT, attempts INTEGER DEFAULT 0, error TEXT DEFAULT '', queued TEXT, "
        "updated TEXT, PRIMARY KEY (thread, address));"
        "INSERT INTO sends VALUES ('t', 'a@b.id', 'e', 'wartawan', 'a@b.id', 'queued', 0, "
        "'cannot reach the mail server', '2026-12-01', '2026-12-01');"
    )
    db.commit()
    db.close()
    pending_mark(config).touch()
    before = path.read_bytes()
    assert mail_waiting(config) == 1
    assert path.read_bytes() == before  # not migrated by a reader
    stale = sqlite3.connect(path)  # a second process that read the columns before the first
    SendLog(config).close()  # added `said`
    add_said(stale)
    stale.close()
    assert mail_waiting(config) == 1


@pytest.mark.parametrize(
    ("language", "published", "before"),
    [("en", "published: Rilis baru", "1 release published before this run"),
     ("id", "terbit: Rilis baru", "1 siaran pers yang terbit sebelum penerbitan ini dicatat")],
)  # fmt: skip
def test_a_first_run_tells_the_releases_it_published_from_those_published_before_it(
    tmp_path: Path, language: str, published: str, before: str
) -> None:
    """A fresh clone's first run, one release published long ago and one approved now:
    "1 siaran pers terbit" beside "1 siaran pers terbit dicatat" read as one release counted
    twice on the desk (a fresh-clone walk). The note says its release was published before
    this run."""
    import uuid

    from newsroom.core.store import Store

    from .feedkit import published_article

    root = fresh(tmp_path, language)
    Store(load_config(root)).save(
        published_article(str(uuid.uuid4()), "Rilis lama", "rilis-lama", at(-30))
    )
    release(root, at(0), "Rilis baru")
    done = publish(root, language, at(1))
    assert done.exit_code == 0, done.output
    assert published in done.output and before in done.output, done.output
