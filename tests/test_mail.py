"""E-mail to journalists (issue 17), against a real SMTP server on 127.0.0.1 (aiosmtpd)."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from newsroom.core.config import load_config
from newsroom.core.publish import publish

from .feedkit import at, correct, newsroom_root, release, retract
from .smtpkit import Handler, configure_mail, parse, smtp_server, write_list

__all__ = ["newsroom_root", "smtp_server"]  # fixtures, used by name

LISTS = """
[[lists]]
name = "wartawan"
title = "Wartawan Ekonomi"
recipients = ".newsroom/lists/wartawan.txt"
categories = ["Ekonomi"]

[[lists]]
name = "kantor-berita"
title = "Kantor Berita"
recipients = ".newsroom/lists/kantor-berita.txt"
embargo_access = true
"""


@pytest.fixture
def mailroom(newsroom_root: Path, smtp_server: tuple[Handler, int]) -> tuple[Path, Handler]:
    handler, port = smtp_server
    configure_mail(newsroom_root, port, LISTS)
    write_list(newsroom_root, "wartawan", ["Budi <budi@koran.id>", "sari@majalah.id"])
    write_list(newsroom_root, "kantor-berita", ["redaksi@antara.id", "budi@koran.id"])
    return newsroom_root, handler


def run(root: Path, when: dt.datetime, **kw: bool) -> object:
    return publish(load_config(root), "cron", when, **kw)


def test_each_address_gets_each_version_once_threaded(mailroom: tuple[Path, Handler]) -> None:
    root, server = mailroom
    ident = release(root, at(0), "Inflasi Terkendali")
    result = run(root, at(0.1))
    got = server.messages()
    assert sorted(r for r, _ in got) == ["budi@koran.id", "redaksi@antara.id", "sari@majalah.id"]
    rcpt, first = got[0]
    assert first["Subject"] == "Inflasi Terkendali"
    assert first["To"] in ("Budi <budi@koran.id>", "budi@koran.id", "sari@majalah.id",
                           "redaksi@antara.id")  # fmt: skip
    assert first["Message-ID"] == f"<{ident}.1@uji.go.id>"
    assert first.get_content_type() == "multipart/alternative"
    text = first.get_body(("plain",)).get_content()
    assert "JAKARTA – Paragraf **satu**" in text and "(ald/HUMAS UJI)" in text
    assert "Biro Humas Uji" in text
    html = first.get_body(("html",)).get_content()
    assert "<p>JAKARTA – Paragraf <strong>satu</strong>" in html
    assert first["Date"].endswith("+0700")
    assert first["List-Unsubscribe"] == "<mailto:humas@uji.go.id?subject=berhenti>"
    print(result)
    # nothing new: nothing sent again
    run(root, at(0.2))
    assert len(server.received) == 3
    correct(root, ident, at(1), "Angka inflasi salah", "Paragraf satu diperbaiki.")
    run(root, at(1.1))
    fixes = [m for _, m in server.messages()[3:]]
    assert len(fixes) == 3
    assert fixes[0]["Subject"] == "RALAT: Inflasi Terkendali"
    assert fixes[0]["In-Reply-To"] == f"<{ident}.1@uji.go.id>"
    assert fixes[0]["Message-ID"] == f"<{ident}.2@uji.go.id>"
    assert fixes[0].get_body(("plain",)).get_content().startswith("RALAT 1 (")
    retract(root, ident, at(2), "Data belum final")
    run(root, at(2.1))
    gone = [m for _, m in server.messages()[6:]]
    assert len(gone) == 3 and gone[0]["Subject"] == "DICABUT: Inflasi Terkendali"
    assert gone[0]["References"] == f"<{ident}.1@uji.go.id> <{ident}.2@uji.go.id>"
    assert "Paragraf" not in gone[0].get_body(("plain",)).get_content()
