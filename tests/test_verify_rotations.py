"""What `newsroom verify` takes from the office's rotations of its key, found by a partner's
walk forging releases with keys the office had given up: a retired key vouches only for
what is dated before its retirement, a key the office revoked vouches for no key at all
(in whatever order the files are read), a rotation dated ahead of the clock is not
followed, and a partner holding the first key is never told to keep one since revoked."""

from __future__ import annotations

import datetime as dt
import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner, Result

from newsroom.cli import cli
from newsroom.core.signing.minisign import PublicKey, SecretKey

from .feedkit import at, newsroom_root, release, run
from .signkit import keyhome, make_key

__all__ = ["keyhome", "newsroom_root"]  # fixtures, used by name

WIB = dt.timezone(dt.timedelta(hours=7))


def verify(*args: str | Path) -> Result:
    return CliRunner().invoke(cli, ["verify", *map(str, args)], env={"NEWSROOM_LANG": "en"})


def rotate(root: Path, *more: str) -> None:
    done = CliRunner().invoke(cli, ["--root", str(root), "keys", "rotate", "--unencrypted",
                                    *more])  # fmt: skip
    assert done.exit_code == 0, done.output


def forged_text(folder: Path, key: SecretKey, published: dt.datetime) -> Path:
    """A release text no office wrote, signed with `key` as `current`."""
    text = folder / "v1.txt"
    text.write_text("Nomor: B-099/HUMAS/XII/2026\n\nSiaran pers palsu.\n")
    comment = (f"id=00000000-0000-4000-8000-000000000099 version=1 number=B-099/HUMAS/XII/2026 "
               f"status=current published={published.isoformat()} file=x/v1.txt")  # fmt: skip
    (folder / "v1.txt.minisig").write_text(key.sign(text.read_bytes(), comment).text())
    return text


def endorse(chain: Path, name: str, signer: SecretKey, new: PublicKey, when: dt.datetime) -> None:
    """`<name>.pub` (`new`) and its endorsement by `signer`, as a rotation of the office
    writes them (keys.rotate_keys), retiring `signer`, dated `when`."""
    (chain / f"{name}.pub").write_text(new.text("kunci baru"))
    comment = (f"newsroom key rotation: key={new.id} replaces={signer.public.id} "
               f"replaced=retired date={when.isoformat()}")  # fmt: skip
    signature = signer.sign((chain / f"{name}.pub").read_bytes(), comment)
    (chain / f"{name}.pub.minisig").write_text(signature.text())


def key_files(root: Path, folder: Path) -> None:
    """What the office publishes of its keys, beside a partner's download."""
    shutil.copytree(root / "feeds" / "newsroom-keys", folder / "newsroom-keys")
    for name in ("newsroom-keys.txt", "newsroom-keys.txt.minisig"):
        shutil.copy(root / "feeds" / name, folder / name)


@pytest.fixture
def office(newsroom_root: Path, keyhome: Path) -> Path:
    make_key(newsroom_root)
    release(newsroom_root, at(0), "Rilis pertama")
    assert run(newsroom_root, at(0.1)).signed
    return newsroom_root


def test_a_retired_key_vouches_only_for_what_is_dated_before_its_retirement(
    office: Path, keyhome: Path, tmp_path: Path
) -> None:
    """Rotation retires key A: a text signed with A and dated after the retirement (a day's
    slack) is refused, by `verify` with A trusted; one signed before still passes."""
    old_id = PublicKey.parse((office / "newsroom.pub").read_text()).id
    old = SecretKey.parse((keyhome / f"{old_id}.key").read_text())  # (a copy someone kept)
    (tmp_path / "a.pub").write_bytes((office / "newsroom.pub").read_bytes())
    rotate(office)
    assert run(office, at(0.2)).signed  # everything signed again with the new key
    folder = tmp_path / "wa"
    folder.mkdir()
    key_files(office, folder)
    retired = (office / "newsroom-keys.txt").read_text().split(f"{old_id} retired ")[1]
    until = dt.datetime.fromisoformat(retired.split()[1])
    after = forged_text(folder, old, until + dt.timedelta(days=2))
    done = verify("--key", tmp_path / "a.pub", after)
    assert done.exit_code == 1, done.output
    assert f"✗ v1.txt: signed by key {old_id}, retired on" in done.output.replace(
        str(folder) + "/", ""
    ), done.output
    before = forged_text(folder, old, until - dt.timedelta(days=1))  # (no date can tell a
    assert verify("--key", tmp_path / "a.pub", before).exit_code == 0  # backdated one: revoke)


def test_a_revoked_key_vouches_for_no_key_whatever_the_files_say(
    office: Path, keyhome: Path, tmp_path: Path
) -> None:
    """A → B (retired), then B revoked (→ C). Whoever holds B's secret endorses a key X of
    their own and sends it with a text X signed, beside the office's genuine key files: a
    partner trusting A refuses it (X was trusted before, when the endorsement happened to be
    read before B's revocation); without the revocation in the folder, nothing can tell."""
    a = (office / "newsroom.pub").read_bytes()
    rotate(office)
    b_id = PublicKey.parse((office / "newsroom.pub").read_text()).id
    b = SecretKey.parse((keyhome / f"{b_id}.key").read_text())  # (the laptop that was lost)
    rotate(office, "--revoke", "--reason", "laptop hilang")
    assert run(office, at(0.2)).signed
    folder = tmp_path / "wa"
    folder.mkdir()
    key_files(office, folder)
    (folder / "a.pub").write_bytes(a)
    x = SecretKey.generate()
    when = dt.datetime.now(WIB).replace(microsecond=0) - dt.timedelta(hours=1)
    chain = folder / "newsroom-keys"
    endorse(chain, x.id, b, x.public, when)
    text = forged_text(folder, x, when)
    done = verify("--key", folder / "a.pub", text)
    assert done.exit_code == 1, done.output
    assert f"signed by key {x.id}: not the key you trust" in done.output, done.output
    # the partner holding A is told B was revoked, never to keep it
    assert f"keep newsroom-keys/{b_id}.pub" not in done.output, done.output
    assert f"the office has since revoked {b_id}: do not keep it" in done.output, done.output


def test_a_rotation_dated_ahead_of_the_clock_is_not_followed(
    office: Path, keyhome: Path, tmp_path: Path
) -> None:
    """An endorsement of a new key by the trusted one, dated a week from now (no office
    dates one ahead; one who holds an old key and plans to use it later might)."""
    a_id = PublicKey.parse((office / "newsroom.pub").read_text()).id
    a = SecretKey.parse((keyhome / f"{a_id}.key").read_text())
    folder = tmp_path / "wa"
    (folder / "newsroom-keys").mkdir(parents=True)
    shutil.copy(office / "newsroom.pub", folder / "a.pub")
    x = SecretKey.generate()
    chain = folder / "newsroom-keys"
    for days, code in ((7, 1), (-1, 0)):
        when = dt.datetime.now(WIB).replace(microsecond=0) + dt.timedelta(days=days)
        endorse(chain, x.id, a, x.public, when)
        text = forged_text(folder, x, when - dt.timedelta(days=2))
        done = verify("--key", folder / "a.pub", text)
        assert done.exit_code == code, (days, done.output)


def test_a_retired_key_adds_no_key_by_a_list_or_a_second_endorsement(
    office: Path, keyhome: Path, tmp_path: Path
) -> None:
    """Whoever holds retired key A (beside the office's genuine A → B) signs a list naming
    their key X current, or endorses X, backdated, as A's successor: both were VERIFIED
    with a text X signed (a review of this session's diff). A retired key's list is not
    read, and a key with two successors vouches for neither (nor for itself)."""
    from newsroom.core.config import load_config
    from newsroom.core.signing.keys import KeyEntry, list_text

    a_id = PublicKey.parse((office / "newsroom.pub").read_text()).id
    a = SecretKey.parse((keyhome / f"{a_id}.key").read_text())
    (tmp_path / "a.pub").write_bytes((office / "newsroom.pub").read_bytes())
    rotate(office)
    assert run(office, at(0.2)).signed
    x = SecretKey.generate()
    when = dt.datetime.now(WIB).replace(microsecond=0) - dt.timedelta(hours=1)
    # 1. a list signed by A naming X current
    folder = tmp_path / "daftar"
    folder.mkdir()
    key_files(office, folder)
    listed = list_text(load_config(office), [KeyEntry(x.id, "current", when.isoformat(), "",
                                                      x.public)])  # fmt: skip
    (folder / "newsroom-keys.txt").write_text(listed)
    (folder / "newsroom-keys.txt.minisig").write_text(a.sign(listed.encode(), "daftar").text())
    done = verify("--key", tmp_path / "a.pub", forged_text(folder, x, when))
    assert done.exit_code == 1, done.output
    # 2. a second successor of A, dated before the genuine rotation
    folder = tmp_path / "kedua"
    folder.mkdir()
    key_files(office, folder)
    chain = folder / "newsroom-keys"
    early = when - dt.timedelta(days=30)
    endorse(chain, x.id, a, x.public, early)
    done = verify("--key", tmp_path / "a.pub", forged_text(folder, x, early))
    assert done.exit_code == 1, done.output
    assert f"keep newsroom-keys/{x.id}.pub" not in done.output, done.output


def test_a_retired_key_signs_nothing_undated_and_a_day_of_clock_is_allowed(
    office: Path, keyhome: Path, tmp_path: Path
) -> None:
    """A retired key's signature whose comment has no date (or none that reads) passed the
    retirement check; the office dates every signature. One a few hours past the
    retirement (a server's clock ahead of the laptop that rotated) still passes."""
    a_id = PublicKey.parse((office / "newsroom.pub").read_text()).id
    a = SecretKey.parse((keyhome / f"{a_id}.key").read_text())
    (tmp_path / "a.pub").write_bytes((office / "newsroom.pub").read_bytes())
    rotate(office)
    assert run(office, at(0.2)).signed
    folder = tmp_path / "wa"
    folder.mkdir()
    key_files(office, folder)
    text = folder / "v1.txt"
    text.write_text("Siaran pers palsu.\n")
    for comment in ("id=1 version=1 status=current", "id=1 published=kemarin status=current"):
        (folder / "v1.txt.minisig").write_text(a.sign(text.read_bytes(), comment).text())
        done = verify("--key", tmp_path / "a.pub", text)
        assert done.exit_code == 1 and "retired on" in done.output, (comment, done.output)
    retired = (office / "newsroom-keys.txt").read_text().split(f"{a_id} retired ")[1]
    until = dt.datetime.fromisoformat(retired.split()[1])
    assert verify("--key", tmp_path / "a.pub",
                  forged_text(folder, a, until + dt.timedelta(hours=3))).exit_code == 0  # fmt: skip


def test_an_earlier_key_that_leaked_is_revoked_and_nothing_it_signed_verifies(
    office: Path, keyhome: Path, tmp_path: Path
) -> None:
    """A retired key found in an old backup: `keys revoke ID --reason` marks it revoked
    in the list the current key signs again, and verify refuses even a text it dates
    before its retirement (which the retirement rule cannot tell). The current key is
    refused there (rotate --revoke makes its successor), an unknown one said."""
    a_id = PublicKey.parse((office / "newsroom.pub").read_text()).id
    a = SecretKey.parse((keyhome / f"{a_id}.key").read_text())
    rotate(office)
    b_id = PublicKey.parse((office / "newsroom.pub").read_text()).id
    cli_in = ["--root", str(office), "keys", "revoke"]
    env = {"NEWSROOM_LANG": "en"}
    done = CliRunner().invoke(cli, [*cli_in, a_id, "--reason", "cadangan bocor"], env=env)
    assert done.exit_code == 0, done.output
    assert f"Key {a_id} is REVOKED (cadangan bocor)" in done.output
    listed = (office / "newsroom-keys.txt").read_text()
    assert f"{a_id} revoked " in listed and "cadangan bocor" in listed
    signature = (office / "newsroom-keys.txt.minisig").read_text()
    assert f"current={b_id}" in signature
    for key, said in ((b_id, "is the current key"), ("FFFF0000FFFF0000", "no such key"),
                      (a_id.lower(), "is revoked already (cadangan bocor)")):  # fmt: skip
        refused = CliRunner().invoke(cli, [*cli_in, key, "--reason", "x"], env=env)
        assert refused.exit_code == 1 and said in refused.output, refused.output
    blank = CliRunner().invoke(cli, [*cli_in, a_id, "--reason", " "], env=env)
    assert blank.exit_code == 2 and "say why (--reason" in blank.output, blank.output
    assert run(office, at(0.2)).signed  # the list goes out
    folder = tmp_path / "wa"
    folder.mkdir()
    key_files(office, folder)
    shutil.copy(office / "newsroom.pub", folder / "b.pub")
    retired = dt.datetime.now(WIB) - dt.timedelta(days=3)  # (dated before its retirement)
    done = verify("--key", folder / "b.pub", forged_text(folder, a, retired))
    assert done.exit_code == 1 and f"signed by key {a_id}, which the office revoked" in done.output
    # a partner still holding A: told A was revoked, not that B was, and no "(?)" for B
    shutil.copy(office / "newsroom-keys" / f"{a_id}.pub", folder / "a.pub")
    done = verify("--key", folder / "a.pub", folder)
    assert done.exit_code == 1
    assert f"the office revoked the key you trust ({a_id})" in done.output, done.output
    assert "(?)" not in done.output and "has since revoked" not in done.output, done.output


@pytest.mark.parametrize("genuine_first_step", [True, False])
def test_a_key_slipped_into_the_chain_is_not_followed(
    office: Path, keyhome: Path, tmp_path: Path, genuine_first_step: bool
) -> None:
    """A → B → C, the list signed by C. Whoever holds retired A endorses their key X and
    has X endorse the genuine B, in files that sort first: B was then trusted through X,
    A's genuine endorsement of B was passed over, no fork was seen, and a text X signed
    was VERIFIED, the partner told to keep X (a second review). Every endorsement that
    verifies is read now (A has two successors: forked); without A's genuine one, X is
    not in the office's list of keys and is dropped, with what came through it."""
    a_id = PublicKey.parse((office / "newsroom.pub").read_text()).id
    a = SecretKey.parse((keyhome / f"{a_id}.key").read_text())
    (tmp_path / "a.pub").write_bytes((office / "newsroom.pub").read_bytes())
    rotate(office)
    b_id = PublicKey.parse((office / "newsroom.pub").read_text()).id
    rotate(office)
    assert run(office, at(0.2)).signed
    folder = tmp_path / "wa"
    folder.mkdir()
    key_files(office, folder)
    chain = folder / "newsroom-keys"
    whole = tmp_path / "unduhan"  # the office's own download, followed from A: verified
    shutil.copytree(office / "feeds", whole)
    assert verify("--key", tmp_path / "a.pub", whole).exit_code == 0
    if not genuine_first_step:
        (chain / f"{b_id}.pub.minisig").unlink()
    x = SecretKey.generate()
    when = dt.datetime.now(WIB).replace(microsecond=0) - dt.timedelta(days=400)
    endorse(chain, "00", a, x.public, when)  # (names that sort first)
    b_public = PublicKey.parse((chain / f"{b_id}.pub").read_text())
    endorse(chain, "01", x, b_public, when + dt.timedelta(days=1))
    done = verify("--key", tmp_path / "a.pub", forged_text(folder, x, when))
    assert done.exit_code == 1, done.output
    assert f"{x.id}.pub as your copy" not in done.output and "00.pub" not in done.output
