"""`newsroom text`: a release as text for WhatsApp, plain text or an SMS, and the desk's key
that copies it to the clipboard (OSC 52)."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from click.testing import CliRunner

from newsroom.cli import cli
from newsroom.core.clock import fixed_clock
from newsroom.core.service import Newsroom
from newsroom.tui.screens.release import ReleaseScreen

from .feedkit import at, newsroom_root, release, retract, run
from .tuikit import NOW, SEED_ID, make_app

# The release's page in the public record (the bundled newsroom serves feeds/ locally).
LINK = "http://127.0.0.1:8080/siaran-pers/humas-pemerintah-jaga-netralitas-asn-pemilu-2019/"


def text_of(root: Path, ref: str, fmt: str = "whatsapp", now: dt.datetime = NOW) -> str:
    return Newsroom.open(root, "ald", fixed_clock(now)).message_text(ref, fmt)


def test_the_2018_release_reads_well_in_whatsapp(bundled: Path) -> None:
    text = text_of(bundled, SEED_ID)
    lines = text.split("\n")
    assert lines[:4] == [
        "*Humas Pemerintah Diminta Jaga Netralitas ASN dalam Pemilu 2019*",
        "07-12-2018 15:30 WIB",
        "",
        "YOGYAKARTA – Humas pemerintah merupakan mata, telinga, serta mulut untuk mewakili "
        "pemerintah kepada masyarakat. Sehingga perlu adanya upaya penyelarasan cara pandang, "
        "terutama terkait dengan netralitas ASN dalam rangka menyukseskan penyelenggaraan "
        "pemilu legislatif dan pemilihan Presiden di tahun 2019.",
    ]
    assert lines[-4:] == ["(ald/HUMAS MENPANRB)", "", LINK, ""]
    paragraphs = text.strip().split("\n\n")
    assert len(paragraphs) == 1 + 11 + 2  # title and date, the 11 paragraphs, sign-off, link
    assert "**" not in text and "EMBARGO" not in text and "DRAF" not in text
    plain = text_of(bundled, SEED_ID, "plain")
    assert plain.startswith("Humas Pemerintah Diminta Jaga Netralitas ASN dalam Pemilu 2019\n")
    assert "*" not in plain and plain.split("\n")[1:] == lines[1:]


def test_sms_is_short_plain_and_links_the_page(bundled: Path) -> None:
    sms = text_of(bundled, SEED_ID, "sms")
    assert len(sms) <= 306 and sms.isascii()
    lines = sms.strip().split("\n")
    assert lines[0] == ("Humas Pemerintah Diminta Jaga Netralitas ASN dalam Pemilu 2019 "
                        "(07-12-2018 15:30 WIB)")  # fmt: skip
    assert lines[1].startswith("Seminar Bakohumas Daerah di Yogyakarta") and lines[-1] == LINK


def test_lists_links_and_emphasis_are_kept_as_chat_text(newsroom_root: Path) -> None:
    body = (
        "Menteri menyampaikan **tiga** hal, lihat [laman](/hal/1):\n\n"
        "1. pertama\n2. kedua _penting_\n   - rinci a\n   - rinci b\n3. ketiga\n\n"
        "- satu\n- dua\n\n## Agenda\n\nPenutup."
    )
    ident = release(newsroom_root, at(0), "Rilis daftar", body=body)
    whatsapp = text_of(newsroom_root, ident, now=at(0))
    expected = (
        "JAKARTA – Menteri menyampaikan *tiga* hal, lihat laman "
        "(https://humas.example.go.id/hal/1):\n\n"
        "1. pertama\n2. kedua _penting_\n  - rinci a\n  - rinci b\n3. ketiga\n\n"
        "- satu\n- dua\n\n*Agenda*\n\nPenutup.\n\n(ald/HUMAS UJI)\n"
    )
    assert expected in whatsapp
    plain = text_of(newsroom_root, ident, "plain", now=at(0))
    assert "2. kedua penting\n" in plain and "\nAgenda\n" in plain and "*" not in plain


def test_an_embargoed_release_starts_with_its_embargo_and_a_draft_with_a_warning(
    newsroom_root: Path,
) -> None:
    held = release(newsroom_root, at(0), "Rilis embargo", embargo=at(1))
    text = text_of(newsroom_root, held, now=at(0.5))
    assert text.startswith("EMBARGO hingga 02-06-2026 09:00 WIB\n\n*Rilis embargo*\n")
    assert "\n02-06-2026 09:00 WIB\n" in text  # its date is the lift
    assert text_of(newsroom_root, held, "sms", now=at(0.5)).startswith("EMBARGO hingga")
    run(newsroom_root, at(1.1))
    assert text_of(newsroom_root, held, now=at(1.1)).startswith("*Rilis embargo*\n")
    draft = release(newsroom_root, at(2), "Rilis draf", approve=False)
    drafted = text_of(newsroom_root, draft, now=at(2))
    assert drafted.startswith("DRAF: belum disetujui, jangan disebarkan\n\n*Rilis draf*\n\n")


def test_a_correction_shows_its_note_and_a_retraction_replaces_the_text(
    newsroom_root: Path,
) -> None:
    ident = release(newsroom_root, at(0), "Rilis", body="Angka 2004.")
    run(newsroom_root, at(0.1))
    writer = Newsroom.open(newsroom_root, "ald", fixed_clock(at(1)))
    writer.act(ident, "correct", note="Tahun salah")
    article = writer.find(ident)
    article.body = "Angka 2005."
    writer.save_edit(article)
    assert "Angka 2004." in text_of(newsroom_root, ident, now=at(1))  # what partners see now
    writer.act(ident, "submit")
    Newsroom.open(newsroom_root, "nur", fixed_clock(at(1))).act(ident, "approve")
    run(newsroom_root, at(1.2))
    corrected = text_of(newsroom_root, ident, now=at(1.2))
    assert "Angka 2005." in corrected and "Ralat 1 (" in corrected
    assert "Tahun salah" in corrected
    sms = text_of(newsroom_root, ident, "sms", now=at(1.2))  # (it said nothing of it)
    assert "\nRalat 1 (" in sms and "Tahun salah" in sms and len(sms) <= 306, sms
    retract(newsroom_root, ident, at(2), "Data belum final")
    gone = text_of(newsroom_root, ident, now=at(2))
    assert gone.startswith(
        "DICABUT: Siaran pers ini dicabut (03-06-2026 09:00 WIB): Data belum final"
    )
    assert "Angka" not in gone


def test_the_number_comes_first(newsroom_root: Path) -> None:
    ident = release(newsroom_root, at(0), "Rilis bernomor")
    path = next((newsroom_root / "articles").rglob("*.md"))
    path.write_text(
        path.read_text().replace("\nstatus:", "\nrelease_number: B-12/HUMAS/2026\nstatus:")
    )
    text = text_of(newsroom_root, ident, now=at(0))
    assert text.startswith("Nomor: B-12/HUMAS/2026\n*Rilis bernomor*\n")


def test_the_command_line_prints_it(bundled: Path) -> None:
    runner = CliRunner()
    args = ["--root", str(bundled), "--as", "ald", "text", "humas-pemerintah"]
    result = runner.invoke(cli, args)
    assert result.exit_code == 0, result.output
    assert result.output.startswith("*Humas Pemerintah") and result.output.endswith(LINK + "\n")
    sms = runner.invoke(cli, [*args, "--format", "sms"])
    assert sms.exit_code == 0 and len(sms.output) <= 306
    bad = runner.invoke(cli, [*args, "--format", "telegram"])
    assert bad.exit_code == 2 and "telegram" in bad.output


async def test_w_on_the_release_screen_copies_it_and_says_so(bundled: Path) -> None:
    for language, said in (("en", "Copied for WhatsApp"), ("id", "Disalin untuk WhatsApp")):
        app = make_app(bundled, "ald", language)
        async with app.run_test(size=(120, 40)) as pilot:
            await app.workers.wait_for_complete()
            app.push_screen(ReleaseScreen(SEED_ID))
            await app.workers.wait_for_complete()
            await pilot.pause()
            await pilot.press("w")
            await pilot.pause()
            assert app.clipboard == text_of(bundled, SEED_ID)
            messages = [str(n.message) for n in app._notifications]
            assert any(m.startswith(said) for m in messages), messages


__all__ = ["newsroom_root"]  # a fixture, used by name


def test_a_klarifikasi_names_the_forged_numbers_and_attachments_their_address(
    newsroom_root: Path, tmp_path: Path
) -> None:
    ident = release(newsroom_root, at(0), "Klarifikasi", approve=False)
    pdf = tmp_path / "ttd.pdf"
    pdf.write_bytes(b"%PDF-1.4\n%%EOF\n")
    writer = Newsroom.open(newsroom_root, "ald", fixed_clock(at(0)))
    writer.attach(ident, pdf, "Siaran pers ber-TTE")
    path = next((newsroom_root / "articles").rglob("*.md"))
    path.write_text(
        path.read_text().replace(
            "\nstatus:", "\nkind: klarifikasi\ndenies: [B-099/X/2026]\nstatus:"
        )
    )
    text = text_of(newsroom_root, ident, now=at(0))
    assert "\nKlarifikasi atas siaran pers palsu bernomor: B-099/X/2026\n*Klarifikasi*\n" in text
    assert "\n\nLampiran:\n- Siaran pers ber-TTE: http://127.0.0.1:8080/siaran-pers/" in text
    assert text.endswith("/ttd.pdf\n\nhttp://127.0.0.1:8080/siaran-pers/klarifikasi/\n")  # its page
