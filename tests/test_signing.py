"""minisign's formats made and read by newsroom, checked against the real `minisign`, and
the office's keys as `newsroom keys` keeps them."""

from __future__ import annotations

import os
import stat
from pathlib import Path

import pytest
from click.testing import CliRunner

from newsroom.cli import cli
from newsroom.core.config import load_config
from newsroom.core.errors import NewsroomError
from newsroom.core.signing.keys import load_secret
from newsroom.core.signing.minisign import (
    KeyFileError,
    PublicKey,
    SecretKey,
    Signature,
    SignatureError,
    scrypt_params,
)

from .signkit import TEST_LIMITS, keyhome, make_key, minisign, needs_minisign, set_signing

__all__ = ["keyhome"]  # a fixture, used by name


def test_scrypt_parameters_are_libsodiums() -> None:
    """minisign stores opslimit and memlimit; scrypt's N, r, p follow from them as in
    libsodium: minisign's own keys are N = 2^20, r = 8, p = 1."""
    assert scrypt_params(33554432, 1073741824) == (1 << 20, 8, 1)
    assert scrypt_params(*TEST_LIMITS) == (1 << 14, 8, 1)
    assert scrypt_params(1 << 20, 1 << 30) == (1 << 15, 8, 1)  # the CPU limit chooses N


def test_a_signature_binds_the_file_and_its_trusted_comment() -> None:
    key = SecretKey.generate()
    signature = key.sign(b"isi\n", "id=1 version=2")
    again = Signature.parse(signature.text())
    assert key.public.verify(b"isi\n", again) == "id=1 version=2"
    with pytest.raises(SignatureError) as changed:
        key.public.verify(b"isi!\n", again)
    assert changed.value.facts["reason"] == "content"
    forged = Signature.parse(signature.text().replace("version=2", "version=3"))
    with pytest.raises(SignatureError) as comment:
        key.public.verify(b"isi\n", forged)
    assert comment.value.facts["reason"] == "comment"
    with pytest.raises(SignatureError) as other:
        SecretKey.generate().public.verify(b"isi\n", again)
    assert other.value.facts["reason"] == "other_key"
    with pytest.raises(ValueError):
        key.sign(b"x", "two\nlines")


def test_a_secret_key_says_nothing_of_itself() -> None:
    key = SecretKey.generate()
    text = key.text(None)
    assert repr(key) == f"SecretKey({key.id})" and text.split("\n")[1] not in repr(key)
    with pytest.raises(KeyFileError) as wrong:
        SecretKey.parse(key.text("benar", *TEST_LIMITS), lambda: "salah")
    assert "salah" not in str(wrong.value) and "benar" not in str(wrong.value)
    assert SecretKey.parse(key.text("benar", *TEST_LIMITS), lambda: "benar").public == key.public


@needs_minisign
def test_minisign_verifies_what_newsroom_signs(tmp_path: Path) -> None:
    key = SecretKey.generate()
    (tmp_path / "k.pub").write_text(key.public.text())
    (tmp_path / "rilis.txt").write_bytes(b"Siaran pers\n")
    (tmp_path / "rilis.txt.minisig").write_text(key.sign(b"Siaran pers\n", "id=abc").text())
    done = minisign("-Vm", "rilis.txt", "-p", "k.pub", cwd=tmp_path)
    assert done.returncode == 0 and "Trusted comment: id=abc" in done.stdout
    done = minisign("-Vm", "rilis.txt", "-P", key.public.base64, cwd=tmp_path)
    assert done.returncode == 0


@needs_minisign
def test_minisign_signs_with_newsroom_keys_and_newsroom_reads_its_signatures(
    tmp_path: Path,
) -> None:
    key = SecretKey.generate()
    (tmp_path / "plain.key").write_text(key.text(None))
    (tmp_path / "locked.key").write_text(key.text("sandi rahasia", *TEST_LIMITS))
    data = tmp_path / "data"
    data.write_bytes(b"SHA256SUMS\n")
    done = minisign("-Sm", data, "-s", tmp_path / "plain.key", "-W", "-t", "dari minisign")
    assert done.returncode == 0, done.stderr
    assert key.public.verify(b"SHA256SUMS\n", Signature.parse(Path(f"{data}.minisig").read_text()))
    done = minisign("-Sm", data, "-s", tmp_path / "locked.key", "-x", tmp_path / "b.minisig",
                    text_in="sandi rahasia\n")  # fmt: skip
    assert done.returncode == 0, done.stderr
    signature = Signature.parse((tmp_path / "b.minisig").read_text())
    assert "hashed" in key.public.verify(b"SHA256SUMS\n", signature)
    done = minisign("-Sm", data, "-s", tmp_path / "locked.key", "-x", tmp_path / "c.minisig",
                    text_in="salah\n")  # fmt: skip
    assert done.returncode != 0  # minisign finds our checksum: the wrong passphrase is told


@needs_minisign
def test_keys_made_by_minisign_work_in_newsroom(tmp_path: Path) -> None:
    done = minisign("-G", "-W", "-p", tmp_path / "m.pub", "-s", tmp_path / "m.key")
    assert done.returncode == 0, done.stderr
    key = SecretKey.parse((tmp_path / "m.key").read_text())  # its checksum is left empty
    assert key.public == PublicKey.parse((tmp_path / "m.pub").read_text())
    (tmp_path / "f").write_bytes(b"x")
    (tmp_path / "f.minisig").write_text(key.sign(b"x", "dari newsroom").text())
    assert minisign("-Vm", tmp_path / "f", "-p", tmp_path / "m.pub").returncode == 0


@needs_minisign
def test_an_encrypted_key_made_by_minisign_opens_with_its_passphrase(tmp_path: Path) -> None:
    """minisign's own scrypt parameters (one GiB, a few seconds): read as minisign reads them."""
    done = minisign("-G", "-p", tmp_path / "m.pub", "-s", tmp_path / "m.key",
                    text_in="kata sandi\nkata sandi\n")  # fmt: skip
    assert done.returncode == 0, done.stderr
    key = SecretKey.parse((tmp_path / "m.key").read_text(), lambda: "kata sandi")
    assert key.public == PublicKey.parse((tmp_path / "m.pub").read_text())


# ---------------------------------------------------------------- newsroom keys


def test_keys_init_keeps_the_secret_outside_the_newsroom(root: Path, keyhome: Path) -> None:
    key_id = make_key(root)
    secret = keyhome / f"{key_id}.key"
    assert stat.S_IMODE(secret.stat().st_mode) == 0o600
    assert stat.S_IMODE(keyhome.stat().st_mode) == 0o700
    assert PublicKey.parse((root / "newsroom.pub").read_text()).id == key_id
    listed = (root / "newsroom-keys.txt").read_text()
    assert f"{key_id} current" in listed
    secret_line = secret.read_text().split("\n")[1]
    for path in root.rglob("*"):
        if path.is_file():
            assert secret_line not in path.read_text(errors="replace"), path
    with pytest.raises(NewsroomError) as again:
        make_key(root)
    assert again.value.code == "sign_has_key"


def test_a_secret_key_path_inside_the_newsroom_is_refused(
    root: Path, keyhome: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("NEWSROOM_SIGNING_KEY", str(root / "feeds" / "kunci.key"))
    with pytest.raises(NewsroomError) as inside:
        make_key(root)
    assert inside.value.code == "sign_key_inside"
    assert not (root / "feeds" / "kunci.key").exists() and not (root / "newsroom.pub").exists()


def test_cron_key_at_newsroom_signing_key(
    root: Path, keyhome: Path, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    path = tmp_path / "etc" / "humas.key"
    monkeypatch.setenv("NEWSROOM_SIGNING_KEY", str(path))
    key_id = make_key(root)
    assert stat.S_IMODE(path.stat().st_mode) == 0o600 and not keyhome.exists()
    assert load_secret(load_config(root)).id == key_id
    path.chmod(0o644)
    with pytest.raises(NewsroomError) as open_key:
        load_secret(load_config(root))
    assert open_key.value.code == "sign_key_open"


def test_an_encrypted_key_needs_its_passphrase(
    root: Path, keyhome: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    make_key(root, "sandi-humas")
    config = load_config(root)
    with pytest.raises(NewsroomError) as missing:
        load_secret(config)
    assert missing.value.code == "sign_passphrase"
    with pytest.raises(NewsroomError) as wrong:
        load_secret(config, lambda: "keliru")
    assert "keliru" not in str(wrong.value) and "wrong passphrase" in str(wrong.value)
    assert load_secret(config, lambda: "sandi-humas").public.id == config_key_id(root)
    set_signing(root, passphrase_env="HUMAS_SANDI")
    monkeypatch.setenv("HUMAS_SANDI", "sandi-humas")
    assert load_secret(load_config(root)).public.id == config_key_id(root)


def config_key_id(root: Path) -> str:
    return PublicKey.parse((root / "newsroom.pub").read_text()).id


def test_cli_keys_init_show_and_check(
    root: Path, keyhome: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr("newsroom.cli_keys._at_terminal", lambda: True)  # someone types
    runner = CliRunner()
    shown = runner.invoke(cli, ["--root", str(root), "keys", "show"])
    assert shown.exit_code == 0 and "keys init" in shown.output
    made = runner.invoke(cli, ["--root", str(root), "keys", "init"], input="rahasia\nrahasia\n")
    assert made.exit_code == 0, made.output
    assert "rahasia" not in made.output.replace("Passphrase", "")
    # ([signing] required = false, as init writes it: a desk without the key publishes
    # unsigned, and the maker of the key is told how to have only its machine publish)
    assert "set `required = true` under [signing]" in " ".join(made.output.split())
    key_id = config_key_id(root)
    shown = runner.invoke(cli, ["--root", str(root), "keys", "show"])
    assert key_id in shown.output and "encrypted" in shown.output
    assert "minisign -Vm SHA256SUMS -p newsroom.pub" in shown.output
    clean = runner.invoke(cli, ["--root", str(root), "check"])
    assert "secret signing key" not in clean.output
    stray = root / "articles" / "cadangan.txt"  # any name: found by what it holds
    stray.write_bytes((keyhome / f"{key_id}.key").read_bytes())
    found = runner.invoke(cli, ["--root", str(root), "check"])
    assert found.exit_code == 1
    assert "articles/cadangan.txt: a secret signing key is inside the newsroom" in found.output
    assert (keyhome / f"{key_id}.key").read_text().split("\n")[1] not in found.output


def test_cli_keys_init_refuses_an_empty_passphrase(
    root: Path, keyhome: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr("newsroom.cli_keys._at_terminal", lambda: True)  # someone types
    made = CliRunner().invoke(cli, ["--root", str(root), "keys", "init"], input="\n\n\n\n")
    assert made.exit_code != 0 and not (root / "newsroom.pub").exists()
    assert not keyhome.exists() or not any(keyhome.iterdir())


def test_rotation_signs_the_new_key_with_the_old_one(root: Path, keyhome: Path) -> None:
    old = make_key(root)
    runner = CliRunner()
    done = runner.invoke(cli, ["--root", str(root), "keys", "rotate", "--unencrypted"])
    assert done.exit_code == 0, done.output
    new = config_key_id(root)
    assert new != old and (keyhome / f"{old}.key").exists() and (keyhome / f"{new}.key").exists()
    assert f"Then delete the old secret key: key {old} must sign nothing again" in done.output
    shown = runner.invoke(cli, ["--root", str(root), "keys", "show"])
    left = f"an earlier key's secret is still at {keyhome / f'{old}.key'}"
    assert left in shown.output.replace("\n", " "), shown.output
    (keyhome / f"{old}.key").unlink()  # deleted, as it says: no longer said
    assert "earlier key's secret" not in runner.invoke(cli, ["--root", str(root), "keys",
                                                             "show"]).output  # fmt: skip
    chain = root / "newsroom-keys"
    endorsement = Signature.parse((chain / f"{new}.pub.minisig").read_text())
    old_key = PublicKey.parse((chain / f"{old}.pub").read_text())
    comment = old_key.verify((chain / f"{new}.pub").read_bytes(), endorsement)
    assert f"key={new} replaces={old} replaced=retired" in comment
    listed = (root / "newsroom-keys.txt").read_text()
    assert f"{new} current" in listed and f"{old} retired" in listed
    signature = Signature.parse((root / "newsroom-keys.txt.minisig").read_text())
    PublicKey.parse((root / "newsroom.pub").read_text()).verify(listed.encode(), signature)
    revoked = runner.invoke(cli, ["--root", str(root), "keys", "rotate", "--unencrypted",
                                  "--revoke", "--reason", "laptop hilang"])  # fmt: skip
    assert revoked.exit_code == 0 and "DICABUT" not in revoked.output  # English here
    assert f"{new} revoked" in (root / "newsroom-keys.txt").read_text()
    assert "laptop hilang" in (root / "newsroom-keys.txt").read_text()
    shown = runner.invoke(cli, ["--root", str(root), "keys", "show"])
    assert "REVOKED" in shown.output and "retired" in shown.output


def test_rotation_through_a_linked_newsroom_signing_key_changes_its_target(
    root: Path, keyhome: Path, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    """NEWSROOM_SIGNING_KEY a link to the key in a guarded folder: the rotation replaced the
    link with a file beside it, and the old secret stayed at the target, unnamed (a review).
    Now the target holds the new key, the old one beside it, and the link still leads to it."""
    target = tmp_path / "aman" / "humas.key"
    link = tmp_path / "cron" / "humas.key"
    monkeypatch.setenv("NEWSROOM_SIGNING_KEY", str(target))
    old = make_key(root)
    link.parent.mkdir()
    link.symlink_to(target)
    monkeypatch.setenv("NEWSROOM_SIGNING_KEY", str(link))
    done = CliRunner().invoke(cli, ["--root", str(root), "keys", "rotate", "--unencrypted"])
    assert done.exit_code == 0, done.output
    assert link.is_symlink() and link.resolve() == target.resolve()
    new = config_key_id(root)
    assert load_secret(load_config(root)).id == new
    assert SecretKey.parse(target.with_name(f"humas.key.{old}.retired").read_text()).id == old
    assert os.listdir(link.parent) == ["humas.key"]
    shown = CliRunner().invoke(cli, ["--root", str(root), "keys", "show"])
    assert f"humas.key.{old}.retired" in shown.output, shown.output  # (named to delete)


def test_rotation_at_newsroom_signing_key_keeps_the_old_secret_aside(
    root: Path, keyhome: Path, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    path = tmp_path / "etc" / "humas.key"
    monkeypatch.setenv("NEWSROOM_SIGNING_KEY", str(path))
    old = make_key(root)
    CliRunner().invoke(cli, ["--root", str(root), "keys", "rotate", "--unencrypted"])
    new = config_key_id(root)
    assert load_secret(load_config(root)).id == new
    kept = path.with_name(f"humas.key.{old}.retired")
    assert SecretKey.parse(kept.read_text()).id == old
    assert stat.S_IMODE(kept.stat().st_mode) == 0o600
    assert sorted(os.listdir(path.parent)) == sorted(["humas.key", kept.name])


@pytest.mark.parametrize("at_variable", [False, True])
def test_a_rotation_that_fails_midway_leaves_the_old_key_current_and_no_new_secret(
    root: Path, keyhome: Path, monkeypatch: pytest.MonkeyPatch, tmp_path: Path, at_variable: bool
) -> None:
    """A disk that fills while the public files are written: the new public key written,
    the list not. Before, newsroom.pub named a key whose secret was a hidden `.…new` file
    (or a `<NEW>.key` beside the old one), and cron's next run failed on a key that matched
    nothing. Now it is as it was: the old key current, no new secret anywhere."""
    from newsroom.core.signing import keys as keys_module

    if at_variable:
        monkeypatch.setenv("NEWSROOM_SIGNING_KEY", str(tmp_path / "etc" / "humas.key"))
    folder = tmp_path / "etc" if at_variable else keyhome
    old = make_key(root)
    names = ("newsroom.pub", "newsroom-keys.txt", "newsroom-keys.txt.minisig")
    before = {n: (root / n).read_bytes() for n in names}
    secrets = sorted(os.listdir(folder))
    chain = sorted(os.listdir(root / "newsroom-keys")) if (root / "newsroom-keys").is_dir() else []
    real = keys_module.write_atomic

    def full_disk(path: Path, data: bytes, **kw: object) -> None:
        if path.name == "newsroom-keys.txt":
            raise OSError(28, "No space left on device", str(path))
        real(path, data, **kw)  # type: ignore[arg-type]

    monkeypatch.setattr(keys_module, "write_atomic", full_disk)
    done = CliRunner().invoke(cli, ["--root", str(root), "keys", "rotate", "--unencrypted"])
    assert done.exit_code == 1 and "newsroom-keys.txt: No space left on device" in done.output
    assert f"nothing changed (the key {old} is still current)" in done.output, done.output
    assert {n: (root / n).read_bytes() for n in names} == before
    assert sorted(os.listdir(folder)) == secrets  # (no hidden .new, no <NEW>.key)
    now = sorted(os.listdir(root / "newsroom-keys")) if (root / "newsroom-keys").is_dir() else []
    assert now == chain
    assert load_secret(load_config(root)).id == old == config_key_id(root)


def test_a_rotation_that_cannot_put_back_what_it_wrote_keeps_the_new_secret_and_says_so(
    root: Path, keyhome: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The disk still full when the public files are put back: newsroom.pub names the new
    key. Its secret was deleted all the same and the message said "nothing changed" (a
    review): the new secret stays, and the message names what could not be put back."""
    from newsroom.core.signing import keys as keys_module

    old = make_key(root)
    real = keys_module.write_atomic
    writes: list[str] = []

    def full_disk(path: Path, data: bytes, **kw: object) -> None:
        writes.append(path.name)
        if path.name.endswith(".pub.minisig") or writes.count("newsroom.pub") > 1:
            raise OSError(28, "No space left on device", str(path))
        real(path, data, **kw)  # type: ignore[arg-type]

    monkeypatch.setattr(keys_module, "write_atomic", full_disk)
    done = CliRunner().invoke(cli, ["--root", str(root), "keys", "rotate", "--unencrypted"])
    assert done.exit_code == 1 and "stopped halfway" in done.output, done.output
    assert "nothing changed" not in done.output and "newsroom.pub" in done.output
    new = config_key_id(root)
    assert new != old  # newsroom.pub could not be put back: it names the new key
    assert (keyhome / f"{new}.key").is_file()  # whose secret is kept
    assert f"{keyhome / new}.key" in done.output
