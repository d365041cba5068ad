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
    """Rotation retires key A (and removes its secret): a text signed with A and dated after
    the retirement is refused, by `verify` with A trusted; one signed before still passes."""
    old_id = PublicKey.parse((office / "newsroom.pub").read_text()).id
    old = SecretKey.parse((keyhome / f"{old_id}.key").read_text())  # (a copy someone kept)
    (tmp_path / "a.pub").write_bytes((office / "newsroom.pub").read_bytes())
    rotate(office)
    assert not (keyhome / f"{old_id}.key").exists()  # nothing signs with it again
    assert run(office, at(0.2)).signed  # everything signed again with the new key
    folder = tmp_path / "wa"
    folder.mkdir()
    key_files(office, folder)
    retired = (office / "newsroom-keys.txt").read_text().split(f"{old_id} retired ")[1]
    until = dt.datetime.fromisoformat(retired.split()[1])
    after = forged_text(folder, old, until + dt.timedelta(days=1))
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
    (chain / f"{x.id}.pub").write_text(x.public.text("kunci palsu"))
    endorsement = b.sign((chain / f"{x.id}.pub").read_bytes(),
                         f"newsroom key rotation: key={x.id} replaces={b_id} replaced=retired "
                         f"date={when.isoformat()}")  # fmt: skip
    (chain / f"{x.id}.pub.minisig").write_text(endorsement.text())
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
    (chain / f"{x.id}.pub").write_text(x.public.text("kunci baru"))
    for days, code in ((7, 1), (-1, 0)):
        when = dt.datetime.now(WIB).replace(microsecond=0) + dt.timedelta(days=days)
        endorsement = a.sign((chain / f"{x.id}.pub").read_bytes(),
                             f"newsroom key rotation: key={x.id} replaces={a_id} "
                             f"replaced=retired date={when.isoformat()}")  # fmt: skip
        (chain / f"{x.id}.pub.minisig").write_text(endorsement.text())
        text = forged_text(folder, x, when - dt.timedelta(days=2))
        done = verify("--key", folder / "a.pub", text)
        assert done.exit_code == code, (days, done.output)
