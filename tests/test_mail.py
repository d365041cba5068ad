"""E-mail to journalists (issue 17), against a real SMTP server on 127.0.0.1 (aiosmtpd)."""

from __future__ import annotations

import datetime as dt
import os
import shutil
import signal
import subprocess
import sys
import threading
from collections import Counter
from email.message import EmailMessage
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner
from filelock import FileLock

from newsroom.cli import cli
from newsroom.core.clock import fixed_clock
from newsroom.core.config import load_config
from newsroom.core.errors import ConfigError
from newsroom.core.outputs import PublishResult
from newsroom.core.publish import publish
from newsroom.core.service import Newsroom

from .clikit import newsroom
from .feedkit import at, correct, newsroom_root, release, retract
from .smtpkit import Handler, configure_mail, smtp_server, write_list

__all__ = ["newsroom_root", "smtp_server"]  # fixtures, used by name

LISTS = """
[[lists]]
name = "wartawan"
title = "Wartawan Ekonomi"
recipients = "{folder}/wartawan.txt"
categories = ["Ekonomi"]

[[lists]]
name = "kantor-berita"
title = "Kantor Berita"
recipients = "{folder}/kantor-berita.txt"
embargo_access = true
"""
EVERYONE = ["budi@koran.id", "redaksi@antara.id", "sari@majalah.id"]


@pytest.fixture
def mailroom(newsroom_root: Path, smtp_server: tuple[Handler, int]) -> tuple[Path, Handler]:
    handler, port = smtp_server
    folder = newsroom_root.parent / "lists"
    configure_mail(newsroom_root, port, LISTS.format(folder=folder))
    write_list(folder, "wartawan", ["Budi Santoso <budi@koran.id>", "sari@majalah.id"])
    write_list(folder, "kantor-berita", ["redaksi@antara.id", "BUDI@koran.id  # juga di sini"])
    return newsroom_root, handler


def run(root: Path, when: dt.datetime, **kw: bool) -> PublishResult:
    return publish(load_config(root), "cron", when, **kw)


def plain(message: EmailMessage) -> str:
    """The text part as a mail client shows it (lines end in CRLF on the wire)."""
    part = message.get_body(("plain",))
    assert part is not None
    return str(part.get_content()).replace("\r\n", "\n")


def received(server: Handler, start: int = 0) -> list[str]:
    return sorted(rcpt.lower() for rcpt, _ in server.received[start:])


def test_each_address_gets_each_version_once_and_clients_thread_them(
    mailroom: tuple[Path, Handler],
) -> None:
    root, server = mailroom
    ident = release(root, at(0), "Inflasi Terkendali")
    result = run(root, at(0.1))
    assert result.ok and result.mailed == {"sent": 3}
    assert received(server) == EVERYONE  # budi is on both lists: once
    by = {rcpt.lower(): m for rcpt, m in server.messages()}
    first = by["budi@koran.id"]
    assert first["To"] == "Budi Santoso <budi@koran.id>"  # one address: no list exposed
    assert first["From"] == "Humas Uji <humas@uji.go.id>"
    assert first["Reply-To"] == "redaksi@uji.go.id"
    assert first["Subject"] == "Inflasi Terkendali"
    assert first["Message-ID"] == f"<{ident}.1@uji.go.id>"
    assert first["Date"] == "Mon, 01 Jun 2026 11:24:00 +0700"  # the run's time, in WIB
    assert first["List-Id"] == "Wartawan Ekonomi <wartawan.uji.go.id>"
    assert by["redaksi@antara.id"]["List-Id"] == "Kantor Berita <kantor-berita.uji.go.id>"
    assert first["List-Unsubscribe"] == "<mailto:humas@uji.go.id?subject=berhenti>"
    assert first.get_content_type() == "multipart/alternative"
    text = plain(first)
    assert text.startswith(
        "Inflasi Terkendali\n\nJAKARTA – Paragraf satu tautan (https://humas.example.go.id/hal/1)."
    )
    assert "Paragraf dua.\n(ald/HUMAS UJI)" in text and "Biro Humas Uji\nhumas@uji.go.id" in text
    html = first.get_body(("html",)).get_content()
    assert "<p>JAKARTA – Paragraf <strong>satu</strong>" in html
    assert "<h1>Inflasi Terkendali</h1>" in html and "(ald/HUMAS UJI)</p>" in html
    assert run(root, at(0.2)).mailed == {}  # nothing new: nothing sent again
    assert len(server.received) == 3

    correct(root, ident, at(1), "Angka inflasi salah", "Paragraf satu diperbaiki.")
    run(root, at(1.1))
    assert received(server, 3) == EVERYONE
    fix = server.messages()[3][1]
    assert fix["Subject"] == "RALAT: Inflasi Terkendali"
    assert fix["Message-ID"] == f"<{ident}.2@uji.go.id>"
    assert fix["In-Reply-To"] == f"<{ident}.1@uji.go.id>"
    assert fix["References"] == f"<{ident}.1@uji.go.id>"
    fixed = plain(fix)
    assert fixed.startswith("RALAT 1 (02-06-2026 11:24 WIB): Angka inflasi salah\n\n")
    assert "Paragraf satu diperbaiki." in fixed

    retract(root, ident, at(2), "Data belum final")
    run(root, at(2.1))
    assert received(server, 6) == EVERYONE
    gone = server.messages()[6][1]
    assert gone["Subject"] == "DICABUT: Inflasi Terkendali"
    assert gone["In-Reply-To"] == f"<{ident}.1@uji.go.id>"
    assert gone["References"] == f"<{ident}.1@uji.go.id> <{ident}.2@uji.go.id>"
    said = plain(gone)
    assert said.startswith("Siaran pers ini dicabut (03-06-2026 09:00 WIB): Data belum final")
    assert "Paragraf" not in said  # no text
    assert len({m["Message-ID"] for _, m in server.messages()}) == 3


def test_embargo_goes_early_to_embargo_lists_only_and_filters_hold(
    mailroom: tuple[Path, Handler],
) -> None:
    root, server = mailroom
    run(root, at(-1))  # mail's first run here (what is out by then is never mailed)
    release(root, at(0), "Anggaran 2027", embargo=at(1))
    release(root, at(0), "Daftar Pemilih", category="Pemilu")
    run(root, at(0.1))
    got = {(rcpt.lower(), m["Subject"]) for rcpt, m in server.messages()}
    early = "EMBARGO hingga 02-06-2026 09:00 WIB: Anggaran 2027"
    assert got == {
        ("redaksi@antara.id", early), ("budi@koran.id", early),  # embargo access
        ("redaksi@antara.id", "Daftar Pemilih"), ("budi@koran.id", "Daftar Pemilih"),
    }  # fmt: skip  # sari's list takes Ekonomi only, and has no embargo access
    embargoed = next(m for _, m in server.messages() if m["Subject"] == early)
    assert plain(embargoed).startswith("EMBARGO hingga 02-06-2026 09:00 WIB\n\nAnggaran 2027")
    assert "EMBARGO hingga 02-06-2026 09:00 WIB" in embargoed.get_body(("html",)).get_content()
    run(root, at(1.01))  # the lift: the others get it, the embargo lists do not again
    lifted = [(rcpt.lower(), m) for rcpt, m in server.messages()[4:]]
    assert [(r, m["Subject"]) for r, m in lifted] == [("sari@majalah.id", "Anggaran 2027")]
    assert lifted[0][1]["Message-ID"] == embargoed["Message-ID"]  # the same version


def test_451_waits_for_a_later_run_550_fails_alone(mailroom: tuple[Path, Handler]) -> None:
    root, server = mailroom
    server.answers = {
        "sari@majalah.id": "451 4.7.1 coba lagi nanti",
        "redaksi@antara.id": "550 5.1.1 <redaksi@antara.id>: tidak dikenal",
    }
    release(root, at(0), "Inflasi Terkendali")
    result = run(root, at(0.1))
    assert received(server) == ["budi@koran.id"]
    assert result.mailed == {"sent": 1, "failed": 1, "waiting": 1}
    assert any("refused for good" in w and "<address>" in w for w in result.warnings)
    assert not any("@" in w.replace("<address>", "") for w in result.warnings)
    server.answers = {}
    later = run(root, at(0.2))  # nothing else to do: the waiting message still goes
    assert later.skipped and later.mailed == {"sent": 1}
    assert received(server) == ["budi@koran.id", "sari@majalah.id"]
    assert run(root, at(0.3)).mailed == {}
    out = CliRunner().invoke(cli, ["--root", str(root), "mail", "status"])
    assert "Messages: 2 sent, 0 waiting, 1 failed, 0 skipped" in out.output
    assert "redaksi@antara.id" not in out.output and out.exit_code == 1
    named = CliRunner().invoke(cli, ["--root", str(root), "mail", "status", "--addresses"])
    assert "redaksi@antara.id: 550 5.1.1 <address>: tidak dikenal" in named.output


@pytest.mark.parametrize("taken", [False, True], ids=["before-taking", "after-taking"])
def test_a_dropped_connection_loses_nothing_and_repeats_at_most_one(
    mailroom: tuple[Path, Handler], taken: bool
) -> None:
    root, server = mailroom
    server.drop_at, server.drop_after_taking = 1, taken
    release(root, at(0), "Satu")
    release(root, at(0), "Dua")
    result = run(root, at(0.1))
    assert result.mailed["sent"] == 1 and result.mailed["waiting"] == 5
    assert any("connection dropped" in w for w in result.warnings)
    run(root, at(0.2))
    counts = Counter((r.lower(), m["Message-ID"]) for r, m in server.messages())
    assert len(counts) == 6  # every address got both releases
    assert sorted(counts.values()) == ([1] * 5 + [2] if taken else [1] * 6)


def test_a_fresh_clone_never_mails_old_releases(mailroom: tuple[Path, Handler]) -> None:
    root, server = mailroom
    ident = release(root, at(0), "Lama")
    run(root, at(0.1))
    assert len(server.received) == 3
    correct(root, ident, at(0.5), "Ejaan", "Paragraf baru.")
    run(root, at(0.6))
    assert len(server.received) == 6
    shutil.rmtree(root / ".newsroom")  # a server rebuilt from a clone: no state, no log
    result = run(root, at(1))
    assert result.mailed == {"baseline": 2} and len(server.received) == 6
    release(root, at(1.5), "Baru")
    run(root, at(1.6))
    assert [m["Subject"] for _, m in server.messages()[6:]] == ["Baru"] * 3


def test_mail_set_up_later_sends_only_what_goes_out_after(
    newsroom_root: Path, smtp_server: tuple[Handler, int]
) -> None:
    server, port = smtp_server
    root = newsroom_root
    release(root, at(0), "Sebelum")
    run(root, at(0.1))
    folder = root.parent / "lists"
    configure_mail(root, port, LISTS.format(folder=folder))
    write_list(folder, "wartawan", ["sari@majalah.id"])
    write_list(folder, "kantor-berita", ["redaksi@antara.id"])
    release(root, at(1), "Sesudah")
    result = run(root, at(1.1))
    assert result.mailed == {"baseline": 1, "sent": 2}
    assert {m["Subject"] for _, m in server.messages()} == {"Sesudah"}


def test_no_mail_and_the_dry_run_send_nothing(mailroom: tuple[Path, Handler]) -> None:
    root, server = mailroom
    release(root, at(0), "Satu")
    dry = run(root, at(0.1), dry_run=True)
    assert [(m["title"], m["lists"], m["recipients"], m["state"]) for m in dry.mail] == [
        ("Satu", ["wartawan", "kantor-berita"], 3, "owed")
    ]
    assert not (root / ".newsroom" / "mail" / "sendlog.sqlite").exists()
    out = CliRunner().invoke(
        cli, ["--root", str(root), "publish", "--dry-run", "--now", at(0.1).isoformat(),
              "--force-clock"],
    )  # fmt: skip
    assert "would mail: Satu (version 1) → wartawan, kantor-berita: 3 addresses" in out.output
    result = run(root, at(0.2), mail=False)
    assert [m["state"] for m in result.mail] == ["skipped"] and not server.received
    release(root, at(1), "Dua")
    run(root, at(1.1))  # the skipped one stays skipped; the new one goes
    assert {m["Subject"] for _, m in server.messages()} == {"Dua"}
    status = CliRunner().invoke(cli, ["--root", str(root), "mail", "status"])
    assert "Messages: 3 sent, 0 waiting, 0 failed, 3 skipped" in status.output
    assert "List wartawan (Wartawan Ekonomi): 2 addresses in " in status.output


def test_bad_lines_are_named_and_skipped_the_rest_get_it(mailroom: tuple[Path, Handler]) -> None:
    root, server = mailroom
    folder = root.parent / "lists"
    write_list(folder, "wartawan", ["sari@majalah.id", "budi@koran", "a@b.id, c@d.id",
                                    "", "Tono <tono@tabloid.id>"])  # fmt: skip
    release(root, at(0), "Satu")
    result = run(root, at(0.1))
    bad = [w for w in result.warnings if "wartawan.txt" in w]
    assert [w.split(": ", 1)[0].rsplit(":", 1)[1] for w in bad] == ["3", "4"]  # line numbers
    assert not any("koran" in w or "c@d" in w for w in bad)  # never the address itself
    assert "tono@tabloid.id" in received(server) and "sari@majalah.id" in received(server)
    status = CliRunner().invoke(cli, ["--root", str(root), "mail", "status"])
    assert "List wartawan (Wartawan Ekonomi): 2 addresses in " in status.output
    assert "wartawan.txt:3: not an e-mail address" in status.output
    assert "koran" not in status.output


def test_addresses_reach_no_feed_and_no_log(mailroom: tuple[Path, Handler]) -> None:
    root, server = mailroom
    server.answers = {"sari@majalah.id": "550 5.1.1 <sari@majalah.id> unknown"}
    release(root, at(0), "Satu")
    run(root, at(0.1))
    for path in [*root.joinpath("feeds").rglob("*"), root / ".newsroom" / "publish.log"]:
        if path.is_file():
            text = path.read_text(errors="replace")
            assert "koran.id" not in text and "majalah.id" not in text, path
    log = root / ".newsroom" / "mail" / "sendlog.sqlite"
    assert log.stat().st_mode & 0o077 == 0  # the send log is the office's only


def test_mail_test_sends_one_message_without_exposing_the_list(
    mailroom: tuple[Path, Handler],
) -> None:
    root, server = mailroom
    out = CliRunner().invoke(cli, ["--root", str(root), "mail", "test", "wartawan"])
    assert out.exit_code == 0, out.output
    assert "the server took it for 2 addresses" in out.output
    assert received(server) == ["budi@koran.id", "sari@majalah.id"]
    message = server.messages()[0][1]
    assert server.received[0][1] == server.received[1][1]  # one message
    assert message["To"] == "humas@uji.go.id" and message["Bcc"] is None
    assert "koran.id" not in server.received[0][1].decode()
    one = CliRunner().invoke(
        cli, ["--root", str(root), "mail", "test", "wartawan", "--to", "ani@uji.go.id"]
    )
    assert one.exit_code == 0 and received(server)[0] == "ani@uji.go.id"
    unknown = CliRunner().invoke(cli, ["--root", str(root), "mail", "test", "tidak-ada"])
    assert unknown.exit_code == 1 and "no mailing list 'tidak-ada'" in unknown.output


def test_mail_test_says_what_is_wrong_in_the_persons_language(
    mailroom: tuple[Path, Handler],
) -> None:
    """An address given to --to that is no address, a list not in newsroom.toml, a list
    with no valid address: `newsroom mail test` said each in English to an Indonesian desk
    ("--to: not an e-mail address …"), though the line's own words were in the catalog."""
    root, server = mailroom
    write_list(root.parent / "lists", "kantor-berita", ["bukan alamat"])

    def mail_test(*args: str) -> str:
        out = newsroom(root, "id", "mail", "test", *args)
        assert out.exit_code == 1, out.output
        return out.output.replace("\n", " ")

    to, unknown, empty = (mail_test("wartawan", "--to", "ani@"), mail_test("tidak-ada"),
                          mail_test("kantor-berita"))  # fmt: skip
    assert "--to: bukan alamat surel (seharusnya nama@redaksi.co.id" in to, to
    assert "tidak ada daftar surel 'tidak-ada' di newsroom.toml (daftarnya: " in unknown
    assert "daftar kantor-berita tidak memuat satu pun alamat yang sah (berkasnya: " in empty
    # the lines that made it empty are named first (they were not said at all)
    assert "kantor-berita.txt:2: bukan alamat surel" in empty, empty
    assert empty.index("baris itu dilewati") < empty.index("tidak memuat satu pun"), empty
    for words in ("not an e-mail", "no mailing list", "no valid address"):
        assert words not in to + unknown + empty, words
    assert server.received == []


@pytest.mark.parametrize(
    ("mail", "fix"),
    [
        ("", "[mail] host: is needed"),
        ('user = "humas"', "[mail] password_env: name the environment variable"),
        ('password_env = "rahasia-123!"', "[mail] password_env: must be the NAME"),
    ],
)
def test_mail_settings_say_what_to_fix(mailroom: tuple[Path, Handler], mail: str,
                                       fix: str) -> None:  # fmt: skip
    root, _ = mailroom
    path = root / "newsroom.toml"
    text = path.read_text()
    if not mail:  # no host
        text = text.replace('host = "127.0.0.1"\n', "")
    path.write_text(text.replace("[mail]\n", f"[mail]\n{mail}\n"))
    with pytest.raises(ConfigError, match=fix.replace("[", r"\[").replace("]", r"\]")):
        load_config(root)


def test_a_list_inside_feeds_is_refused(mailroom: tuple[Path, Handler]) -> None:
    root, _ = mailroom
    path = root / "newsroom.toml"
    path.write_text(path.read_text().replace(str(root.parent / "lists"), "feeds/x"))
    with pytest.raises(ConfigError, match="inside feeds/"):
        load_config(root)


KILLED_RUN = """
import sys, datetime as dt
from pathlib import Path
from typing import Any
from newsroom.core.config import load_config
from newsroom.core.publish import publish
from newsroom.core.service import Newsroom
from newsroom.core.clock import fixed_clock
publish(load_config(Path(sys.argv[1])), "cron", dt.datetime.fromisoformat(sys.argv[2]))
"""


def test_kill_9_mid_batch_resends_only_the_message_in_flight(
    mailroom: tuple[Path, Handler],
) -> None:
    root, server = mailroom
    reached, go_on = threading.Event(), threading.Event()
    server.hold_at, server.reached, server.go_on = 2, reached, go_on
    release(root, at(0), "Satu")
    release(root, at(0), "Dua")
    child = subprocess.Popen([sys.executable, "-c", KILLED_RUN, str(root), at(0.1).isoformat()],
                             env={**os.environ, "PYTHONPATH": str(Path.cwd())})  # fmt: skip
    try:
        assert reached.wait(60), "the run never reached the third message"
        os.kill(child.pid, signal.SIGKILL)  # while the server holds message 3 (taken)
        child.wait(30)
    finally:
        go_on.set()
        if child.poll() is None:
            child.kill()
    assert len(server.received) == 3
    result = run(root, at(0.2))  # nothing else to do: the log's pending mail goes
    assert result.mailed.get("resent") == 1
    counts = Counter((r.lower(), m["Message-ID"]) for r, m in server.messages())
    assert len(counts) == 6 and sorted(counts.values()) == [1] * 5 + [2]


def test_mail_waits_for_a_busy_sender_and_each_version_keeps_its_own_text(
    mailroom: tuple[Path, Handler],
) -> None:
    root, server = mailroom
    ident = release(root, at(0), "Satu")
    run(root, at(0.1))
    sender = FileLock(str(root / ".newsroom" / "mail" / "send.lock"))
    sender.acquire()  # another run is still sending
    try:
        correct(root, ident, at(1), "Ralat satu", "Teks versi dua.")
        busy = run(root, at(1.1))
        assert busy.ok and not busy.busy and busy.mailed == {"busy": 1}  # the feeds went out
        correct(root, ident, at(2), "Ralat dua", "Teks versi tiga.")
        run(root, at(2.1))
    finally:
        sender.release()
    assert len(server.received) == 3
    assert run(root, at(2.2)).mailed == {"sent": 6}
    by_version = {m["Message-ID"].split(".")[1].split("@")[0]: plain(m)
                  for _, m in server.messages()[3:]}  # fmt: skip
    assert "Teks versi dua." in by_version["2"] and "tiga" not in by_version["2"]
    assert by_version["2"].startswith("RALAT 1 (02-06-2026 11:24 WIB): Ralat satu")
    assert "Teks versi tiga." in by_version["3"]
    assert by_version["3"].startswith("RALAT 2 (03-06-2026 11:24 WIB): Ralat dua")
    subjects = {m["Message-ID"].split(".")[1].split("@")[0]: m["Subject"]
                for _, m in server.messages()[3:]}  # fmt: skip
    assert subjects == {"2": "RALAT: Satu", "3": "RALAT 2: Satu"}  # as the feeds' notices


def test_a_message_not_yet_built_never_takes_a_text_changed_by_hand(
    mailroom: tuple[Path, Handler],
) -> None:
    """A busy sender leaves a release's message to a later run; its file changed by hand
    meanwhile (publish keeps what partners have), the message waits, never built from the
    changed text, and goes once the file is restored."""
    root, server = mailroom
    ident = release(root, at(0), "Satu")
    (root / ".newsroom" / "mail").mkdir(parents=True, exist_ok=True)
    sender = FileLock(str(root / ".newsroom" / "mail" / "send.lock"))
    sender.acquire()  # another run is still sending
    try:
        assert run(root, at(0.1)).mailed == {"busy": 1}
    finally:
        sender.release()
    path = next(p for p in (root / "articles").rglob("*.md") if ident in p.read_text())
    stamped = path.read_bytes()
    path.write_text(path.read_text().replace("Paragraf dua", "Paragraf diubah"))
    held = run(root, at(0.2))
    assert held.refused[0].code == "live_kept" and held.mailed == {"waiting": 3}
    assert not server.received and any("waits" in w for w in held.warnings)
    path.write_bytes(stamped)  # restored
    assert run(root, at(0.3)).mailed == {"sent": 3}
    assert not any("diubah" in plain(m) for _, m in server.messages())


PDF = b"%PDF-1.4\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n"


def test_attachments_travel_up_to_the_limit_and_are_linked_beyond(
    mailroom: tuple[Path, Handler], tmp_path: Path
) -> None:
    root, server = mailroom
    path = root / "newsroom.toml"
    path.write_text(path.read_text().replace("attach_max_mb = 5", "attach_max_mb = 1"))
    run(root, at(-1))
    ident = release(root, at(0), "Berlampiran", approve=False)
    writer = Newsroom.open(root, "ald", fixed_clock(at(0)))
    (tmp_path / "ttd.pdf").write_bytes(PDF)
    (tmp_path / "data.pdf").write_bytes(PDF + b"0" * 1_200_000)
    writer.attach(ident, tmp_path / "ttd.pdf", "Siaran pers bertanda tangan")
    writer.attach(ident, tmp_path / "data.pdf", "Data lengkap")
    Newsroom.open(root, "nur", fixed_clock(at(0))).act(ident, "approve")
    assert run(root, at(0.1)).mailed == {"sent": 3}
    message = server.messages()[0][1]
    assert message.get_content_type() == "multipart/mixed"
    attached = list(message.iter_attachments())
    assert [(a.get_filename(), a.get_content_type()) for a in attached] == [
        ("ttd.pdf", "application/pdf")
    ]
    assert attached[0].get_content() == PDF
    text = plain(message)
    assert "Lampiran:\n- Siaran pers bertanda tangan (PDF, 48 B, terlampir)\n" in text
    assert (
        "- Data lengkap (PDF, 1.2 MB): http://127.0.0.1:8080/siaran-pers/berlampiran/data.pdf"
        in text
    )
    html = message.get_body(("html",)).get_content()
    assert (
        '<a href="http://127.0.0.1:8080/siaran-pers/berlampiran/data.pdf">Data lengkap</a>' in html
    )


NO_MAIL_RUN = """
import sys, datetime as dt
from pathlib import Path
from typing import Any
from newsroom.core.config import load_config
from newsroom.core.publish import publish
publish(load_config(Path(sys.argv[1])), "cron", dt.datetime.fromisoformat(sys.argv[2]))
print(sorted(m for m in sys.modules if m.startswith(("newsroom.core.mail", "smtplib", "email"))))
"""


def test_a_newsroom_without_lists_loads_nothing_of_mail(newsroom_root: Path) -> None:
    release(newsroom_root, at(0), "Satu")
    out = subprocess.run(
        [sys.executable, "-c", NO_MAIL_RUN, str(newsroom_root), at(0.1).isoformat()],
        capture_output=True, text=True, check=True,
        env={**os.environ, "PYTHONPATH": str(Path.cwd())},
    )  # fmt: skip
    assert "newsroom.core.mail" not in out.stdout and "smtplib" not in out.stdout


def test_a_moved_embargo_is_told_to_those_who_had_the_release(
    mailroom: tuple[Path, Handler],
) -> None:
    root, server = mailroom
    run(root, at(-1))
    ident = release(root, at(0), "Anggaran 2027", embargo=at(1))
    run(root, at(0.1))
    assert received(server) == ["budi@koran.id", "redaksi@antara.id"]
    reviewer = Newsroom.open(root, "nur", fixed_clock(at(0.2)))
    reviewer.act(ident, "embargo", embargo=at(1.5), note="diminta kementerian")
    result = run(root, at(0.3))
    assert [(m["kind"], m["lists"], m["recipients"]) for m in result.mail] == [
        ("embargo_moved", ["kantor-berita"], 2)
    ]
    notices = [m for _, m in server.messages()[2:]]
    assert sorted(r.lower() for r, _ in server.received[2:]) == ["budi@koran.id",
                                                                  "redaksi@antara.id"]  # fmt: skip
    notice = notices[0]
    assert notice["Subject"] == "EMBARGO DIUBAH: kini hingga 02-06-2026 21:00 WIB: Anggaran 2027"
    assert notice["In-Reply-To"] == f"<{ident}.1@uji.go.id>"
    assert notice["Message-ID"] != notice["In-Reply-To"]
    assert plain(notice).startswith("EMBARGO DIUBAH: kini hingga 02-06-2026 21:00 WIB\n")
    assert run(root, at(1.1)).mailed == {}  # the old lift passes: nothing goes out
    run(root, at(1.51))
    assert [(r.lower(), m["Subject"]) for r, m in server.messages()[4:]] == [
        ("sari@majalah.id", "Anggaran 2027")
    ]


@pytest.mark.filterwarnings("ignore:Requiring AUTH while not requiring TLS")
def test_the_password_comes_from_the_variable_named_and_never_shows(
    newsroom_root: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from aiosmtpd.controller import Controller
    from aiosmtpd.smtp import AuthResult, LoginPassword

    from .smtpkit import free_port

    def authenticate(server: object, session: object, envelope: object, mechanism: str,
                     data: object) -> AuthResult:  # fmt: skip
        ok = isinstance(data, LoginPassword) and (data.login, data.password) == (
            b"humas",
            b"rahasia-sekali",
        )
        return AuthResult(success=ok, handled=False)  # False: the server answers 535

    server, port = Handler(), free_port()
    controller = Controller(server, hostname="127.0.0.1", port=port, auth_required=True,
                            auth_require_tls=False, authenticator=authenticate)  # fmt: skip
    controller.start()
    try:
        root = newsroom_root
        folder = root.parent / "lists"
        configure_mail(root, port, LISTS.format(folder=folder))
        path = root / "newsroom.toml"
        path.write_text(path.read_text().replace(
            "[mail]\n", '[mail]\nuser = "humas"\npassword_env = "NEWSROOM_UJI_SMTP"\n'
        ))  # fmt: skip
        write_list(folder, "wartawan", ["sari@majalah.id"])
        write_list(folder, "kantor-berita", ["redaksi@antara.id"])
        run(root, at(-1))
        monkeypatch.delenv("NEWSROOM_UJI_SMTP", raising=False)
        release(root, at(0), "Satu")
        unset = run(root, at(0.1))
        assert any("NEWSROOM_UJI_SMTP holds no password" in w for w in unset.warnings)
        monkeypatch.setenv("NEWSROOM_UJI_SMTP", "salah")
        wrong = run(root, at(0.2))
        assert any("refused the login" in w for w in wrong.warnings)
        assert not server.received and not any("salah" in w for w in wrong.warnings)
        monkeypatch.setenv("NEWSROOM_UJI_SMTP", "rahasia-sekali")
        assert run(root, at(0.3)).mailed == {"sent": 2}
        assert "rahasia" not in path.read_text()
        log = (root / ".newsroom" / "publish.log").read_text()
        assert "rahasia" not in log and "salah" not in log
    finally:
        controller.stop()


def test_a_release_sent_back_before_its_lift_is_withdrawn_then_sent_afresh(
    mailroom: tuple[Path, Handler],
) -> None:
    root, server = mailroom
    run(root, at(-1))
    ident = release(root, at(0), "Anggaran 2027", embargo=at(1))
    run(root, at(0.1))
    assert received(server) == ["budi@koran.id", "redaksi@antara.id"]
    reviewer = Newsroom.open(root, "nur", fixed_clock(at(0.2)))
    reviewer.act(ident, "request_changes", note="Angka belum final")
    result = run(root, at(0.3))
    assert [(m["kind"], m["recipients"]) for m in result.mail] == [("embargo_withdrawn", 2)]
    notice = server.messages()[2][1]
    assert sorted(r.lower() for r, _ in server.received[2:]) == ["budi@koran.id",
                                                                  "redaksi@antara.id"]  # fmt: skip
    assert notice["Subject"] == "DITARIK: Anggaran 2027"
    assert notice["In-Reply-To"] == f"<{ident}.1@uji.go.id>"
    assert plain(notice).startswith("Siaran pers ini ditarik sebelum embargonya berakhir")
    assert "Paragraf" not in plain(notice)  # nothing of its text
    assert run(root, at(0.35)).mailed == {}
    Newsroom.open(root, "ald", fixed_clock(at(0.4))).act(ident, "submit")
    Newsroom.open(root, "nur", fixed_clock(at(0.4))).act(ident, "approve", embargo=at(1))
    run(root, at(0.5))  # approved again: the embargo lists get it afresh
    again = [(r.lower(), m["Subject"]) for r, m in server.messages()[4:]]
    early = "EMBARGO hingga 02-06-2026 09:00 WIB: Anggaran 2027"
    assert sorted(again) == [("budi@koran.id", early), ("redaksi@antara.id", early)]
    run(root, at(1.01))
    assert [(r.lower(), m["Subject"]) for r, m in server.messages()[6:]] == [
        ("sari@majalah.id", "Anggaran 2027")
    ]


@pytest.mark.filterwarnings("ignore:Requiring AUTH while not requiring TLS")
@pytest.mark.parametrize("security", ["starttls", "ssl"])
def test_tls_checks_the_server_certificate_and_an_untrusted_one_waits(
    newsroom_root: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, security: str
) -> None:
    """A real TLS server on 127.0.0.1 (STARTTLS on a plain port, or TLS from the first
    byte), its certificate from a CA made here: not trusted, nothing goes and the run says
    why; trusted (SSL_CERT_FILE, docs/deploy.md), the waiting mail goes, after a login
    made over TLS."""
    from aiosmtpd.controller import Controller
    from aiosmtpd.smtp import AuthResult, LoginPassword

    from .smtpkit import free_port, make_authority

    office = make_authority(tmp_path / "tls", "kantor")
    stranger = make_authority(tmp_path / "tls", "asing")  # some other CA
    logins: list[tuple[bytes, bool]] = []

    def authenticate(server: Any, session: object, envelope: object, mechanism: str,
                     data: object) -> AuthResult:  # fmt: skip
        assert isinstance(data, LoginPassword)
        logins.append((data.login, server.transport.get_extra_info("ssl_object") is not None))
        ok = (data.login, data.password) == (b"humas", b"rahasia-sekali")
        return AuthResult(success=ok, handled=False)

    if security == "starttls":  # MAIL and AUTH refused before STARTTLS
        tls: dict[str, Any] = {"tls_context": office.server_context(), "require_starttls": True}
    else:  # aiosmtpd's AUTH-needs-TLS check knows STARTTLS only: here all of it is TLS
        tls = {"ssl_context": office.server_context(), "auth_require_tls": False}
    server, port = Handler(), free_port()
    controller = Controller(server, hostname="127.0.0.1", port=port, auth_required=True,
                            authenticator=authenticate, **tls)  # fmt: skip
    controller.start()
    try:
        root = newsroom_root
        folder = root.parent / "lists"
        configure_mail(root, port, LISTS.format(folder=folder))
        path = root / "newsroom.toml"
        path.write_text(path.read_text().replace('security = "none"', f'security = "{security}"')
                        .replace("[mail]\n", '[mail]\nuser = "humas"\n'
                                 'password_env = "NEWSROOM_UJI_SMTP"\n'))  # fmt: skip
        assert load_config(root).mail_security == security
        write_list(folder, "wartawan", ["Budi Santoso <budi@koran.id>", "sari@majalah.id"])
        write_list(folder, "kantor-berita", ["redaksi@antara.id"])
        monkeypatch.setenv("NEWSROOM_UJI_SMTP", "rahasia-sekali")
        monkeypatch.delenv("SSL_CERT_DIR", raising=False)
        monkeypatch.setenv("SSL_CERT_FILE", str(stranger.ca))  # the office's CA not trusted
        run(root, at(-1))
        ident = release(root, at(0), "Inflasi Terkendali")

        refused = run(root, at(0.1))
        assert refused.ok and refused.mailed == {"waiting": 3}  # the feeds went out
        said = [w for w in refused.warnings if w.startswith("mail:")]
        assert len(said) == 1 and f"127.0.0.1:{port}" in said[0], refused.warnings
        assert "certificate" in said[0] and "not trusted" in said[0]
        assert "SSL_CERT_FILE" in said[0]  # how to fix it
        assert not server.received and not logins  # no password to an unchecked server
        status = CliRunner().invoke(cli, ["--root", str(root), "mail", "status"])
        assert "Messages: 0 sent, 3 waiting, 0 failed, 0 skipped" in status.output
        assert "certificate" in status.output and "not trusted" in status.output
        assert "koran.id" not in status.output
        logged = (root / ".newsroom" / "publish.log").read_text().splitlines()[-1]
        assert "not trusted" in logged and "koran.id" not in logged

        monkeypatch.setenv("SSL_CERT_FILE", str(office.ca))
        later = run(root, at(0.2))  # nothing else to do: the waiting mail goes now
        assert later.skipped and later.mailed == {"sent": 3}, later.warnings
        assert logins == [(b"humas", True)]  # once, over TLS, for the whole batch
        assert received(server) == EVERYONE
        by = {rcpt.lower(): m for rcpt, m in server.messages()}
        assert by["budi@koran.id"]["Subject"] == "Inflasi Terkendali"
        assert by["budi@koran.id"]["Message-ID"] == f"<{ident}.1@uji.go.id>"
        assert "Paragraf dua." in plain(by["sari@majalah.id"])
        status = CliRunner().invoke(cli, ["--root", str(root), "mail", "status"])
        assert "Messages: 3 sent, 0 waiting, 0 failed, 0 skipped" in status.output
        assert "not trusted" not in status.output
        assert run(root, at(0.3)).mailed == {}  # nothing twice
    finally:
        controller.stop()
