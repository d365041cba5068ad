"""A signed publish: SHA256SUMS over every public file of the run, one per private partner
folder, checked by the real `minisign` and `sha256sum`, and by `newsroom verify`; what is
tampered with, signed by a wrong or revoked key, or altered in its trusted comment fails
in both."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner, Result

from newsroom.cli import cli
from newsroom.core.signing import sums as sums_module
from newsroom.core.signing.minisign import PublicKey, SecretKey, Signature

from .feedkit import at, newsroom_root, release, run
from .signkit import keyhome, make_key, minisign, needs_minisign, set_signing, sha256sum_check

__all__ = ["keyhome", "newsroom_root"]  # fixtures, used by name


def verify(*args: str | Path) -> Result:
    """`newsroom verify` as a partner runs it (in English: the tests' checkout is itself a
    newsroom whose desk speaks Indonesian)."""
    return CliRunner().invoke(cli, ["verify", *map(str, args)], env={"NEWSROOM_LANG": "en"})


@pytest.fixture
def signed(newsroom_root: Path, keyhome: Path) -> Path:
    """A newsroom with a key and two releases, published and signed."""
    make_key(newsroom_root)
    release(newsroom_root, at(0), "Rilis pertama", category="Pemilu")
    release(newsroom_root, at(0.1), "Rilis kedua")
    result = run(newsroom_root, at(0.2))
    assert result.ok and result.signed, result.to_json()
    return newsroom_root


def key_id(root: Path) -> str:
    return PublicKey.parse((root / "newsroom.pub").read_text()).id


def listed(folder: Path) -> set[str]:
    return set(sums_module.parse_sums((folder / "SHA256SUMS").read_text()))


@needs_minisign
def test_minisign_and_sha256sum_verify_every_public_file(signed: Path) -> None:
    feeds = signed / "feeds"
    done = minisign("-Vm", "SHA256SUMS", "-p", signed / "newsroom.pub", cwd=feeds)
    assert done.returncode == 0, done.stderr
    assert "file=SHA256SUMS time=2026-06-01T13:48:00+07:00" in done.stdout
    assert sha256sum_check(feeds).returncode == 0
    public = {p.relative_to(feeds).as_posix() for p in feeds.rglob("*") if p.is_file()}
    expected = {p for p in public if not p.startswith("private/")} - {
        "SHA256SUMS", "SHA256SUMS.minisig"
    }  # fmt: skip
    assert listed(feeds) == expected
    assert {"rss.xml", "newsroom.pub", "newsroom-keys.txt"} <= expected
    private = feeds / "private" / "antara"
    assert listed(private) == {"rss.xml", "atom.xml", "feed.json", "ninjs/index.json"}  # its own
    assert minisign("-Vm", "SHA256SUMS", "-p", signed / "newsroom.pub", cwd=private).returncode == 0
    assert sha256sum_check(private).returncode == 0
    assert (private / "SHA256SUMS").stat().st_mode & 0o777 == 0o640  # as its feeds
    assert (feeds / "newsroom.pub").read_bytes() == (signed / "newsroom.pub").read_bytes()
    log = [json.loads(line) for line in (signed / ".newsroom" / "publish.log").open()]
    assert log[-1]["signed"] == key_id(signed)


def test_newsroom_verify_a_download_of_the_feeds(signed: Path, tmp_path: Path) -> None:
    download = tmp_path / "unduhan"
    shutil.copytree(signed / "feeds", download)
    done = verify("--key", signed / "newsroom.pub", download)
    assert done.exit_code == 0, done.output
    assert f"VERIFIED with key {key_id(signed)}" in done.output
    assert "not a legal electronic signature" in done.output
    one = verify("--key", signed / "newsroom.pub", download / "category" / "pemilu" / "rss.xml")
    assert one.exit_code == 0 and "1 file matches" in one.output
    (download / "category" / "pemilu" / "rss.xml").write_text("<rss>palsu</rss>")
    (download / "palsu.xml").write_text("<rss/>")
    bad = verify("--key", signed / "newsroom.pub", download)
    assert bad.exit_code == 1
    assert "category/pemilu/rss.xml: does not match" in bad.output
    assert "palsu.xml: NOT verified: no SHA256SUMS lists it" in bad.output
    assert "NOT VERIFIED" in bad.output


@needs_minisign
def test_tampering_fails_in_minisign_and_in_newsroom_verify(signed: Path, tmp_path: Path) -> None:
    feeds = tmp_path / "salinan"
    shutil.copytree(signed / "feeds", feeds)
    pub = signed / "newsroom.pub"
    (feeds / "rss.xml").write_text((feeds / "rss.xml").read_text().replace("pertama", "palsu"))
    assert minisign("-Vm", "SHA256SUMS", "-p", pub, cwd=feeds).returncode == 0
    assert sha256sum_check(feeds).returncode != 0  # the list is genuine, the file is not
    assert verify("--key", pub, feeds / "rss.xml").exit_code == 1
    sums = feeds / "SHA256SUMS"  # a forged list: its signature no longer matches
    lines = sums.read_text().splitlines()
    sums.write_text("\n".join(lines[:-1]) + "\n")
    assert minisign("-Vm", "SHA256SUMS", "-p", pub, cwd=feeds).returncode != 0
    done = verify("--key", pub, sums)
    assert done.exit_code == 1 and "SHA256SUMS: does not match its signature" in done.output


@needs_minisign
def test_an_altered_trusted_comment_fails_in_both(signed: Path, tmp_path: Path) -> None:
    feeds = tmp_path / "salinan"
    shutil.copytree(signed / "feeds", feeds)
    sig = feeds / "SHA256SUMS.minisig"
    sig.write_text(sig.read_text().replace("time=2026-06-01", "time=2027-06-01"))
    done = minisign("-Vm", "SHA256SUMS", "-p", signed / "newsroom.pub", cwd=feeds)
    assert done.returncode != 0 and "Comment signature verification failed" in done.stderr
    mine = verify("--key", signed / "newsroom.pub", feeds / "SHA256SUMS")
    assert mine.exit_code == 1 and "trusted comment was changed" in mine.output


@needs_minisign
def test_a_wrong_key_fails_in_both(signed: Path, tmp_path: Path) -> None:
    other = tmp_path / "lain.pub"
    other.write_text(SecretKey.generate().public.text())
    feeds = signed / "feeds"
    assert minisign("-Vm", "SHA256SUMS", "-p", other, cwd=feeds).returncode != 0
    done = verify("--key", other, feeds)
    assert done.exit_code == 1 and "not the key you trust" in done.output


@needs_minisign
def test_a_revoked_key_fails_in_both(signed: Path, tmp_path: Path) -> None:
    old_copy = tmp_path / "lama"
    shutil.copytree(signed / "feeds", old_copy)  # what the old key signed, kept somewhere
    old_pub = tmp_path / "lama.pub"
    shutil.copy(signed / "newsroom.pub", old_pub)
    rotated = CliRunner().invoke(cli, ["--root", str(signed), "keys", "rotate", "--unencrypted",
                                       "--revoke", "--reason", "kunci bocor"])  # fmt: skip
    assert rotated.exit_code == 0, rotated.output
    assert run(signed, at(0.3)).signed
    new_pub = signed / "newsroom.pub"
    feeds = signed / "feeds"
    assert minisign("-Vm", "SHA256SUMS", "-p", new_pub, cwd=feeds).returncode == 0
    assert sha256sum_check(feeds).returncode == 0
    assert minisign("-Vm", "SHA256SUMS", "-p", new_pub, cwd=old_copy).returncode != 0
    shutil.copy(feeds / "newsroom-keys.txt", old_copy)  # the office's word that it is revoked
    shutil.copy(feeds / "newsroom-keys.txt.minisig", old_copy)
    done = verify("--key", new_pub, old_copy / "SHA256SUMS")
    assert done.exit_code == 1 and "which the office revoked" in done.output
    assert "kunci bocor" in done.output
    trusting_old = verify("--key", old_pub, feeds)  # the leaked key cannot vouch for a new one
    assert trusting_old.exit_code == 1 and "revoked the key you trust" in trusting_old.output


def test_a_retired_key_leads_to_the_new_one(signed: Path, tmp_path: Path) -> None:
    old_pub = tmp_path / "lama.pub"
    shutil.copy(signed / "newsroom.pub", old_pub)
    CliRunner().invoke(cli, ["--root", str(signed), "keys", "rotate", "--unencrypted"])
    release(signed, at(0.3), "Rilis ketiga")
    assert run(signed, at(0.4)).signed
    done = verify("--key", old_pub, signed / "feeds")
    assert done.exit_code == 0, done.output
    assert "which key" in done.output and "was replaced by" in done.output


def test_publishing_hashes_only_what_it_wrote(
    signed: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    hashed: list[Path] = []
    real = sums_module.sha256_file

    def counting(path: Path) -> str:
        hashed.append(path)
        return real(path)

    monkeypatch.setattr("newsroom.core.signing.output.sha256_file", counting)
    release(signed, at(1), "Rilis ketiga", category="Pemilu")
    result = run(signed, at(1.1))
    assert result.signed and result.ok
    written = [w for w in result.written if "SHA256SUMS" not in w]
    assert len(hashed) == len(written) and 0 < len(hashed) < len(listed(signed / "feeds"))
    assert sha256sum_check(signed / "feeds").returncode == 0
    hashed.clear()
    (signed / ".newsroom" / "sums.pending").write_text("killed while renaming\n")
    release(signed, at(2), "Rilis keempat")
    run(signed, at(2.1))  # a run killed mid-rename left its marker: every file again
    assert len(hashed) >= len(listed(signed / "feeds")) - 2
    assert not (signed / ".newsroom" / "sums.pending").exists()
    assert sha256sum_check(signed / "feeds").returncode == 0


def test_a_digest_slipped_into_the_list_is_not_signed_again(signed: Path) -> None:
    feeds = signed / "feeds"
    sums = feeds / "SHA256SUMS"
    sums.write_text(sums.read_text().replace(sums.read_text()[:64], "0" * 64, 1))
    release(signed, at(1), "Rilis ketiga")
    assert run(signed, at(1.1)).signed
    assert "0" * 64 not in sums.read_text()
    assert sha256sum_check(feeds).returncode == 0


def test_a_removed_feed_leaves_the_list(signed: Path) -> None:
    """A partner leaves: its feeds go, and so do their lines in SHA256SUMS, in that run."""
    feeds = signed / "feeds"
    assert "partner/pemilu/rss.xml" in listed(feeds)
    config = signed / "newsroom.toml"
    text = config.read_text()
    cut = text.index('[[partners]]\nname = "pemilu"')
    config.write_text(text[:cut])
    result = run(signed, at(1))
    assert result.ok and "partner/pemilu/rss.xml" in result.removed
    assert not any(p.startswith("partner/pemilu/") for p in listed(feeds))
    # the list written again after the removal is among the run's written files, once
    # (nothing else was written: `publish --json`, the log and WebSub read that list)
    assert list(result.written) == ["SHA256SUMS", "SHA256SUMS.minisig"], list(result.written)
    assert minisign("-Vm", "SHA256SUMS", "-p", signed / "newsroom.pub", cwd=feeds).returncode == 0
    assert sha256sum_check(feeds).returncode == 0


def test_signing_required_refuses_to_publish_without_the_key(
    newsroom_root: Path, keyhome: Path
) -> None:
    set_signing(newsroom_root, required=True)
    release(newsroom_root, at(0), "Rilis")
    result = run(newsroom_root, at(0.1))
    assert not result.ok and "no signing key" in result.failed[0]
    assert not (newsroom_root / "feeds" / "rss.xml").exists()
    make_key(newsroom_root)
    (keyhome / next(p.name for p in keyhome.iterdir())).unlink()  # the secret key went away
    result = run(newsroom_root, at(0.2))
    assert not result.ok and "secret key" in result.failed[0]
    assert not (newsroom_root / "feeds" / "rss.xml").exists()
    from newsroom.i18n import Translator
    from newsroom.i18n.explain import publish_lines, publish_problems

    said = publish_problems(Translator("id"), result)  # worded in the person's language
    assert said == [f"tidak terbit: kunci rahasia tidak ada di {result.stopped['path']}: setel "
                    "NEWSROOM_SIGNING_KEY ke jalurnya. [signing] required = true: tidak ada yang "
                    "terbit tanpa tanda tangan"], said  # fmt: skip
    dry = run(newsroom_root, at(0.3), dry_run=True)
    assert dry.failed and dry.stopped["code"] == "sign_no_secret"
    assert publish_lines(Translator("id"), dry, str) == []  # not "nothing would change"


def test_unsigned_runs_say_so_once_in_the_log_and_drop_stale_lists(
    signed: Path, keyhome: Path
) -> None:
    for key in keyhome.iterdir():
        key.rename(key.with_suffix(".disimpan"))
    release(signed, at(1), "Rilis ketiga")
    result = run(signed, at(1.1))
    assert result.ok and not result.signed and result.unsigned == "sign_no_secret"
    assert result.unsigned_why["path"] and not result.warnings
    from newsroom.i18n import Translator
    from newsroom.i18n.explain import publish_problems

    for language, said in (("en", "not signed: the secret key is not at"),
                           ("id", "tidak ditandatangani: kunci rahasia tidak ada di")):  # fmt: skip
        lines = publish_problems(Translator(language), result)
        assert any(said in line and "SHA256SUMS" in line for line in lines), lines
    dry = run(signed, at(1.2), dry_run=True)
    assert dry.to_write == [], dry.to_write  # nothing to change: its preview removes nothing
    assert not any("signed" in line for line in publish_problems(Translator("en"), dry))
    release(signed, at(1.3), "Rilis keempat")
    dry = run(signed, at(1.4), dry_run=True)
    assert any("would not be signed" in line for line in publish_problems(Translator("en"), dry))
    assert not (signed / "feeds" / "SHA256SUMS").exists()
    assert not (signed / "feeds" / "private" / "antara" / "SHA256SUMS").exists()
    line = json.loads((signed / ".newsroom" / "publish.log").read_text().splitlines()[-1])
    assert line["unsigned"] == "sign_no_secret"


def test_status_and_the_desk_say_the_last_publish_was_not_signed(
    signed: Path, keyhome: Path
) -> None:
    """An editor's desk without the secret key published: `newsroom status` said "publishing
    is healthy" (exit 0) while partners had no SHA256SUMS to check. It now says so, exit 1,
    until a run with the key signs again; the desk's banner too."""
    from newsroom.core.clock import fixed_clock
    from newsroom.core.service import Newsroom

    def status(language: str = "en") -> Result:
        env = {"NEWSROOM_LANG": language, "COLUMNS": "200"}
        return CliRunner().invoke(cli, ["--root", str(signed), "status"], env=env)

    assert status().exit_code == 0
    aside = keyhome.parent / "aside"
    keyhome.rename(aside)
    release(signed, at(1), "Rilis ketiga")
    assert run(signed, at(1.1)).ok
    said = status()
    assert said.exit_code == 1 and "the last publish was not signed" in said.output
    assert "SHA256SUMS" in said.output and "publishing is healthy" not in said.output
    assert "penerbitan terakhir tidak ditandatangani (mesinnya tidak punya kunci rahasia)" in (
        status("id").output
    )
    door = Newsroom.open(signed, "nur", fixed_clock(at(1.2)))
    assert door.publish_status().to_json()["unsigned"] == "sign_no_secret"
    aside.rename(keyhome)
    assert run(signed, at(1.3)).signed
    said = status()
    assert said.exit_code == 0 and "not signed" not in said.output, said.output


def test_status_names_a_missing_passphrase_as_what_kept_the_run_unsigned(
    newsroom_root: Path, keyhome: Path
) -> None:
    """A run whose encrypted key had no passphrase (a desk, cron without the variable) went
    out unsigned; `newsroom status` said its machine had no secret key and to set cron's
    NEWSROOM_SIGNING_KEY, which was set (a walk). It now says what the run's log says."""
    make_key(newsroom_root, "sandi kantor")
    release(newsroom_root, at(0), "Rilis")
    assert run(newsroom_root, at(0.1)).unsigned == "sign_passphrase"
    env = {"NEWSROOM_LANG": "id", "COLUMNS": "200"}
    said = CliRunner().invoke(cli, ["--root", str(newsroom_root), "status"], env=env)
    assert said.exit_code == 1, said.output
    text = " ".join(said.output.split())
    assert "(kuncinya terenkripsi dan tidak ada frasa sandi)" in text, text
    assert "`newsroom keys rotate --unencrypted` untuk cron" in text, text
    assert "mesinnya tidak punya kunci rahasia" not in text, text


def test_the_example_newsroom_publishes_unsigned_quietly(newsroom_root: Path) -> None:
    release(newsroom_root, at(0), "Rilis")
    result = run(newsroom_root, at(0.1))
    assert result.ok and result.unsigned == "sign_no_key" and not result.warnings
    assert not (newsroom_root / "feeds" / "SHA256SUMS").exists()


def test_a_passphrase_from_the_named_variable(
    newsroom_root: Path, keyhome: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    make_key(newsroom_root, "sandi kantor")
    set_signing(newsroom_root, required=True, passphrase_env="HUMAS_SANDI")
    release(newsroom_root, at(0), "Rilis")
    # the preview said "would be signed with key …" while the run then refused (or, not
    # required, went out unsigned): it now finds what the run will (a walk)
    dry = run(newsroom_root, at(0.05), dry_run=True)
    assert dry.failed and dry.stopped["code"] == "sign_passphrase" and not dry.signed
    config = newsroom_root / "newsroom.toml"
    config.write_text(config.read_text().replace("required = true", "required = false"))
    dry = run(newsroom_root, at(0.05), dry_run=True)
    assert dry.unsigned == "sign_passphrase" and not dry.signed, dry.to_json()
    set_signing(newsroom_root, required=True)
    result = run(newsroom_root, at(0.1))
    assert not result.ok and "HUMAS_SANDI" in result.failed[0]
    monkeypatch.setenv("HUMAS_SANDI", "sandi kantor")
    assert run(newsroom_root, at(0.15), dry_run=True).signed  # (the passphrase will come)
    assert run(newsroom_root, at(0.2)).signed
    log = (newsroom_root / ".newsroom" / "publish.log").read_text()
    assert "sandi kantor" not in log
    for path in (newsroom_root / "feeds").rglob("*"):
        assert path.is_dir() or b"sandi kantor" not in path.read_bytes()


def test_the_signature_files_are_read_as_text(signed: Path) -> None:
    sig = Signature.parse((signed / "feeds" / "SHA256SUMS.minisig").read_text())
    assert sig.algorithm == b"ED"  # prehashed, as minisign signs by default


def test_verify_without_a_path_checks_the_newsrooms_own_feeds(signed: Path, tmp_path: Path) -> None:
    env = {"NEWSROOM_LANG": "en"}
    done = CliRunner().invoke(cli, ["--root", str(signed), "verify"], env=env)
    assert done.exit_code == 0, done.output
    assert "verified" in done.output.lower()
    elsewhere = CliRunner().invoke(
        cli, ["--root", str(tmp_path), "verify", "--key", str(signed / "newsroom.pub")], env=env
    )
    assert elsewhere.exit_code != 0 and "name what to verify" in elsewhere.output


def test_a_signed_publish_run_from_cron_leaves_no_growing_log(signed: Path) -> None:
    """`newsroom publish` ends with os._exit: the signed texts' SQLite store, never closed,
    kept its write-ahead log, which every run made longer (9.2 MB after a few dozen runs
    at 10,000 releases, read again by each open). A run closes it now: no log is left (the
    feeds' own cache connection's neither), after a dry run alike."""
    import os
    import subprocess
    import sys

    code = (
        "import sys; sys.argv = ['newsroom', *sys.argv[1:]]; from newsroom.cli import main; main()"
    )
    state = signed / ".newsroom"
    for n, flag in enumerate(("--quiet", "--dry-run"), 1):  # a real process: os._exit
        release(signed, at(n), f"Rilis tambahan {n}")
        done = subprocess.run(
            [sys.executable, "-c", code, "--root", str(signed), "publish", flag,
             "--now", at(n + 0.1).isoformat(), "--force-clock"],
            capture_output=True, text=True, env=os.environ.copy(), check=False,
        )  # fmt: skip
        assert done.returncode == 0, done.stderr
        assert (state / "signed-texts.sqlite").exists()
        assert sorted(p.name for p in state.glob("*.sqlite-wal")) == [], flag
    assert "Rilis tambahan 1" in (signed / "feeds" / "rss.xml").read_text()


def test_a_run_with_the_key_signs_again_after_one_without_it(
    signed: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """An editor's desk without the secret key publishes unsigned (the lists and signed
    texts go: they would no longer hold); the next run that has the key signs everything
    again even when nothing else changed. It said "nothing changed", and partners had no
    SHA256SUMS until the next release went out (the fresh-clone walk)."""
    feeds = signed / "feeds"
    release(signed, at(1), "Rilis ketiga")
    monkeypatch.setenv("NEWSROOM_SIGNING_KEY", str(tmp_path / "not-here.key"))
    unsigned = run(signed, at(1.1))
    assert unsigned.unsigned == "sign_no_secret" and not (feeds / "SHA256SUMS").exists()
    monkeypatch.delenv("NEWSROOM_SIGNING_KEY")
    again = run(signed, at(1.2))
    assert again.signed and not again.skipped, again.to_json()
    assert (feeds / "SHA256SUMS").exists()
    checked = verify("--key", signed / "newsroom.pub", feeds)
    assert checked.exit_code == 0, checked.output
    assert run(signed, at(1.3)).skipped  # (and then, nothing to do)


def test_verify_names_a_release_without_a_number_by_its_title(signed: Path) -> None:
    """A superseded version of a release with no number: `newsroom verify` named it
    'release - (<uuid>)'; it names its title (the fresh-clone walk)."""
    from .feedkit import correct

    ident = next(
        p.name for p in (signed / "feeds" / "siaran-pers").iterdir() if "pertama" in p.name
    )
    rid = next(i for i in (signed / "articles").rglob("*.md") if "pertama" in i.name).read_text()
    rid = rid.split("id: ", 1)[1].split("\n", 1)[0]
    correct(signed, rid, at(1), "Angka salah", "Versi dua.\n")
    assert run(signed, at(1.1)).ok
    shown = verify(
        "--key", signed / "newsroom.pub", signed / "feeds" / "siaran-pers" / ident / "v1.txt"
    )
    assert shown.exit_code == 0, shown.output
    assert "release “Rilis pertama” (" in shown.output and " - (" not in shown.output, shown.output


def test_a_run_that_wrote_nothing_does_not_say_it_signed(signed: Path) -> None:
    """A comment on a published release: the next run wrote 0 files, yet its summary ended
    "signed with key …" (it looked at the preview's list of files to write)."""
    from newsroom.core.clock import fixed_clock
    from newsroom.core.service import Newsroom
    from newsroom.i18n import Translator
    from newsroom.i18n.explain import publish_lines

    door = Newsroom.open(signed, "nur", fixed_clock(at(1)))
    ident = next(iter(door.index().records))
    door.act(ident, "comment", note="Cek lagi angkanya")
    result = run(signed, at(1.1))
    assert result.ok and len(result.written) == 0, result.to_json()
    said = publish_lines(Translator("en"), result, str)
    assert not any("signed with key" in line for line in said), said


def test_the_preview_finds_a_rotated_out_key_as_the_run_does(
    signed: Path, keyhome: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Cron's NEWSROOM_SIGNING_KEY still names the key `keys rotate` replaced: the run goes
    out unsigned (sign_mismatch), and the preview said "would sign with key …" (it looked at
    an unencrypted key's file without reading it; the review of 1c79373)."""
    old = next(keyhome.iterdir())
    rotated = CliRunner().invoke(cli, ["--root", str(signed), "keys", "rotate", "--unencrypted"])
    assert rotated.exit_code == 0, rotated.output
    monkeypatch.setenv("NEWSROOM_SIGNING_KEY", str(old))
    release(signed, at(1), "Rilis ketiga")
    dry = run(signed, at(1.1), dry_run=True)
    done = run(signed, at(1.2))
    assert done.unsigned == "sign_mismatch" and not done.signed
    assert dry.unsigned == "sign_mismatch" and not dry.signed, dry.to_json()


def test_cron_with_an_encrypted_key_and_no_passphrase_stays_quiet_when_idle(
    newsroom_root: Path, keyhome: Path
) -> None:
    """A run that could not sign made the next one sign again whenever the key's file was
    there; with an encrypted key and no passphrase to come (cron without the variable)
    every tick then ran the whole newsroom again, unsigned each time (the review of
    1c79373). An idle run now looks for the passphrase too; one that can ask (at a
    terminal) still signs again."""
    make_key(newsroom_root, "sandi kantor")
    release(newsroom_root, at(0), "Rilis")
    assert run(newsroom_root, at(0.1)).unsigned == "sign_passphrase"
    idle = run(newsroom_root, at(0.2))
    assert idle.skipped, idle.to_json()
    from newsroom.core.config import load_config
    from newsroom.core.publish import publish

    again = publish(load_config(newsroom_root), "ald", at(0.3), passphrase=lambda: "sandi kantor")
    assert again.signed and not again.skipped  # someone at a terminal: it signs again


def test_a_passphrase_typed_wrong_publishes_nothing(
    newsroom_root: Path, keyhome: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A passphrase typed wrong (the desk's field, `newsroom publish` at a terminal) sent
    the run out unsigned: SHA256SUMS removed for partners over a typo. It now stops the
    run before the lock, nothing written, saying so in the person's language; the variable's
    passphrase (cron, no one to type again) still goes out unsigned, as before."""
    from newsroom.core.config import load_config
    from newsroom.core.publish import publish
    from newsroom.i18n import Translator
    from newsroom.i18n.explain import publish_problems

    make_key(newsroom_root, "sandi kantor")
    release(newsroom_root, at(0), "Rilis")
    typo = publish(load_config(newsroom_root), "ald", at(0.1), passphrase=lambda: "sandi")
    assert not typo.ok and typo.stopped["code"] == "sign_wrong_passphrase", typo.to_json()
    assert not typo.published and not (newsroom_root / "feeds" / "rss.xml").exists()
    said = publish_problems(Translator("id"), typo)
    assert said == [f"tidak terbit: frasa sandi salah untuk kunci rahasia "
                    f"{keyhome}/{key_id(newsroom_root)}.key: ketik lagi"], said  # fmt: skip
    set_signing(newsroom_root, passphrase_env="HUMAS_SANDI")
    monkeypatch.setenv("HUMAS_SANDI", "sandi")
    cron = run(newsroom_root, at(0.2))
    assert cron.published and cron.unsigned == "sign_env_passphrase", cron.to_json()


NOT_SIGNED = {"en": "releases are not signed", "id": "siaran pers tidak ditandatangani"}


@pytest.mark.parametrize("lang", ["en", "id"])
def test_status_of_a_newsroom_without_a_key_says_its_releases_are_not_signed(
    newsroom_root: Path, keyhome: Path, lang: str
) -> None:
    """`newsroom status` said only "publishing is healthy" for a newsroom that signs
    nothing (a fresh-clone walk): still healthy (signing is the office's choice), it says
    partners cannot check its files and how to make a key; once it signs, it says not."""
    release(newsroom_root, at(0), "Rilis")
    assert run(newsroom_root, at(1)).ok
    env, words = {"NEWSROOM_LANG": lang}, NOT_SIGNED[lang]
    done = CliRunner().invoke(cli, ["--root", str(newsroom_root), "status"], env=env)
    assert done.exit_code == 0 and words in done.output and "keys init" in done.output
    make_key(newsroom_root)
    assert run(newsroom_root, at(2)).signed
    keyed = CliRunner().invoke(cli, ["--root", str(newsroom_root), "status"], env=env)
    assert keyed.exit_code == 0 and words not in keyed.output, keyed.output
