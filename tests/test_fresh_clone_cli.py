"""What a fresh-clone walk of the CLI in Indonesian found: English left in its refusals, a
hint that led to a refused command, and a correction's run summed up as a new release."""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner, Result

from newsroom.cli import cli

from .signkit import keyhome

__all__ = ["keyhome"]  # a fixture, used by name


def run(root: Path, *args: str, language: str = "id", actor: str = "nur") -> Result:
    env = {"NEWSROOM_LANG": language, "COLUMNS": "200"}
    return CliRunner().invoke(cli, ["--root", str(root), "--as", actor, *args], env=env)


def test_publish_now_in_the_past_is_refused_in_the_persons_language(bundled: Path) -> None:
    """`publish --now` far from the real clock is refused in Indonesian, naming the time as
    the desk shows it (it said `... is in the past: releases would be stamped ...`)."""
    done = run(bundled, "publish", "--now", "2020-01-01T00:00", actor="cron")
    assert done.exit_code == 2, done.output
    assert "01-01-2020 00:00 WIB sudah lewat" in done.output, done.output
    assert "--dry-run" in done.output and "in the past" not in done.output, done.output
    done = run(bundled, "publish", "--now", "2099-01-01T00:00", actor="cron", language="en")
    assert done.exit_code == 2 and "is in the future" in done.output, done.output


def test_a_time_that_does_not_read_is_refused_in_the_persons_language(bundled: Path) -> None:
    """`publish --now garbage` and `approve --embargo garbage` said `not a date and time:
    'garbage' (write it as ...)` in English, as the core's parse_time words it."""
    for args, actor in ((("publish", "--now", "garbage"), "cron"),
                        (("approve", "contoh-draf", "--embargo", "garbage"), "redaktur"),
                        (("publish", "--now", "3100-01-01"), "cron")):  # fmt: skip
        done = run(bundled, *args, actor=actor)
        assert done.exit_code == 2, done.output
        said = done.output.strip().splitlines()[-1]
        assert "bukan tanggal dan waktu: 'garbage'" in said or "di luar tahun" in said, said
        assert "write" not in said and "outside" not in said, said
    done = run(bundled, "publish", "--now", "garbage", actor="cron", language="en")
    assert "not a date and time: 'garbage' (write it as" in done.output, done.output


def test_verify_without_a_key_says_which_file_is_missing_in_the_persons_language(
    bundled: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """`newsroom verify` where no newsroom.pub is said `tidak ada kunci publik untuk
    dipercaya: No such file or directory (...)`, the OS's English; now it names the file."""
    monkeypatch.chdir(bundled)
    done = run(bundled, "verify")
    assert done.exit_code == 1, done.output
    assert "tidak ada kunci publik untuk dipercaya: newsroom.pub tidak ada" in done.output
    assert "No such file" not in done.output, done.output


def test_keys_init_without_a_terminal_says_to_use_one_or_unencrypted(
    bundled: Path, keyhome: Path
) -> None:
    """`newsroom keys init` with no terminal (cron, a pipe) printed click's `Warning:
    Password input may be echoed.` and `Aborted!`, never naming --unencrypted; it now
    refuses at once, in the person's language, and makes no key."""
    done = run(bundled, "keys", "init")
    assert done.exit_code == 1, done.output
    assert "tidak ada terminal untuk mengetik frasa sandi: jalankan di terminal" in done.output
    assert "--unencrypted" in done.output and "Aborted" not in done.output, done.output
    assert "Frasa sandi" not in done.output and "Password" not in done.output, done.output
    assert not (bundled / "newsroom.pub").exists()
    assert not keyhome.exists() or not any(keyhome.iterdir())


async def test_deleting_a_retracted_release_says_it_is_retracted_not_to_retract_it(
    bundled: Path,
) -> None:
    """`newsroom delete` (and D on the desk) on a retracted release said to retract it
    (`newsroom retract REF --reason ALASAN`, X on the desk), which is refused ("cannot
    retract a retracted release"): it now says a published release is never deleted and
    this one is already retracted, its record kept."""
    from newsroom.tui.screens.modals import ConfirmModal
    from newsroom.tui.screens.release import ReleaseScreen

    from .test_keep_text import settle
    from .tuikit import SEED_ID, make_app

    assert run(bundled, "retract", SEED_ID[:8], "--reason", "Uji", actor="redaktur").exit_code == 0
    done = run(bundled, "delete", SEED_ID[:8], "--yes", actor="redaktur")
    assert done.exit_code == 1, done.output
    assert (
        "hapus ditolak: articles/2018/12/humas-pemerintah-jaga-netralitas-asn-pemilu-2019.md: "
        "siaran pers yang pernah terbit tidak pernah dihapus, dan yang ini sudah dicabut: "
        "catatannya tetap ada" in done.output
    ), done.output
    assert "retract" not in done.output, done.output
    app = make_app(bundled, "redaktur", "id")
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(app, pilot)
        app.push_screen(ReleaseScreen(SEED_ID))
        await settle(app, pilot)
        await pilot.press("D")
        await pilot.pause()
        assert not isinstance(app.screen, ConfirmModal)
        said = [str(n.message) for n in app._notifications][-1]
        assert "yang ini sudah dicabut" in said and "retract" not in said, said


async def test_the_desk_sums_up_a_correction_only_run_as_a_correction(bundled: Path) -> None:
    """A run that put out only a correction began its report `1 siaran pers terbit`, as if a
    new release went out: it now says `1 ralat terbit` (a new release and a correction in
    one run: both, each in its words)."""
    from newsroom.core.service import Newsroom, PublishResult
    from newsroom.i18n import Translator

    from .feedkit import correct
    from .test_wrong_texts import publish_dialog, report, settle
    from .tuikit import NOW, SEED_ID, make_app

    assert run(bundled, "publish", actor="cron").exit_code == 0
    body = Newsroom.open(bundled, "ald").find(SEED_ID).body.replace("Jumat", "Kamis", 1)
    correct(bundled, SEED_ID, NOW, "Hari salah", body)
    app = make_app(bundled, "redaktur", "id")
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(app, pilot)
        await publish_dialog(app, pilot)
        await pilot.click("#go")
        await settle(app, pilot)
        await pilot.pause()
        done = report(app)
        assert done.startswith("1 ralat terbit\n"), done
        assert "siaran pers terbit" not in done.split("\n")[0], done
    from newsroom.i18n.explain import publish_count

    kinds = ("published", "corrected", "published")
    both = PublishResult(NOW, "cron", published=[{"kind": k} for k in kinds])
    assert publish_count(Translator("en"), both) == "2 releases published, 1 correction published"
