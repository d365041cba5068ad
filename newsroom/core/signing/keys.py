"""The office's signing keys, kept as a careful office keeps them (`newsroom keys`).

In the newsroom (committed, and copied into feeds/ by publish):

- `newsroom.pub`: the current public key, in minisign's format;
- `newsroom-keys.txt` and its `.minisig`: every key the office has used, with its status
  (current, retired, revoked), signed by the current key;
- `newsroom-keys/<ID>.pub`: each key; after a rotation also `<ID>.pub.minisig`, the new key
  signed by the one it replaces, so a partner holding the old key can follow the rotation
  without trusting a new channel (`minisign -Vm newsroom-keys/<ID>.pub -p old.pub`).

The secret key never enters the newsroom: it lives in the person's config folder
(`~/.config/newsroom/keys/<ID>.key`, mode 0600), or at NEWSROOM_SIGNING_KEY (cron's
path); a path inside the newsroom is refused. Encrypted with a passphrase (scrypt, as
minisign) unless made `--unencrypted` for cron (as `minisign -W`).
"""

from __future__ import annotations

import datetime as dt
import os
import stat
from collections.abc import Callable
from pathlib import Path
from typing import NamedTuple

from ..atomic import write_atomic
from ..config import Config
from ..errors import NewsroomError
from .minisign import (
    MEMLIMIT,
    OPSLIMIT,
    KeyFileError,
    PublicKey,
    SecretKey,
    SignatureError,
    is_encrypted,
)

PUBLIC = "newsroom.pub"
LIST = "newsroom-keys.txt"
CHAIN = "newsroom-keys"
ENV_KEY = "NEWSROOM_SIGNING_KEY"
STATUSES = ("current", "retired", "revoked")
Passphrase = Callable[[], str]


class SigningError(NewsroomError):
    """Signing cannot go on: no key, a key in the wrong place, a missing passphrase. The
    message says what to do; `code` lets a face word it (facts name paths and ids only)."""


class KeyEntry(NamedTuple):
    """One line of newsroom-keys.txt: a key the office has used."""

    id: str
    status: str
    since: str
    until: str
    public: PublicKey
    reason: str = ""

    def line(self) -> str:
        tail = f" {self.reason}" if self.reason else ""
        return (
            f"{self.id} {self.status} {self.since} {self.until or '-'} {self.public.base64}{tail}"
        )


class KeyInfo(NamedTuple):
    """What `newsroom keys show` says: the public key, where the secret one is expected,
    whether it is there and encrypted, and every key the office has used."""

    public: PublicKey | None
    public_path: Path
    secret_path: Path | None
    secret_found: bool
    encrypted: bool
    keys: tuple[KeyEntry, ...]
    # the secret keys of earlier keys still on disk (`keys rotate` keeps them aside, for
    # the office to delete once the rotation is out): each one could still sign
    old_secrets: tuple[Path, ...] = ()


# ---------------------------------------------------------------- where keys are


def public_path(config: Config) -> Path:
    return config.root / PUBLIC


def read_public(config: Config) -> PublicKey | None:
    """The newsroom's current public key (None: signing was never set up)."""
    path = public_path(config)
    try:
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        return None
    except (OSError, UnicodeDecodeError) as exc:
        raise SigningError(f"{path}: cannot be read: {exc}", code="sign_unreadable",
                           path=str(path)) from None  # fmt: skip
    try:
        return PublicKey.parse(text)
    except SignatureError:
        raise SigningError(
            f"{path}: not a minisign public key (restore it from git, or run "
            "`newsroom keys init` in a newsroom without one)",
            code="sign_bad_public", path=str(path),
        ) from None  # fmt: skip


def signs(config: Config) -> bool:
    """Whether the newsroom signs what it publishes (it has a public key): the pages then
    link each version's signed text."""
    return public_path(config).is_file()


def could_sign_now(config: Config, prompt: bool = True) -> bool:
    """Whether this process finds the secret key of the newsroom's public key (not unlocked:
    its file is there, and an encrypted one's passphrase would come: `prompt`, someone at
    a terminal, or the variable): a run after one that could not sign then signs again,
    even with nothing else to do (publish/state.py, `nothing_to_do`), and cron with an
    encrypted key and no variable does not run everything again at every tick."""
    try:
        public = read_public(config)
        if public is None:
            return False
        path = secret_path(config, public.id)
        if not path.is_file():
            return False
        if prompt or from_environment(config) is not None:
            return True
        return not is_encrypted(path.read_text(encoding="ascii"))
    except (SigningError, KeyFileError, OSError, UnicodeDecodeError):
        return False


def asks_passphrase(config: Config) -> bool:
    """Whether a run here needs its passphrase typed: the newsroom signs, the secret key of
    its public key is here (readable by its owner only) and encrypted, and no variable
    ([signing] passphrase_env) gives the passphrase. Nothing is unlocked."""
    try:
        public = read_public(config)
        if public is None or from_environment(config) is not None:
            return False
        return is_encrypted(_read_secret(secret_path(config, public.id), public.id))
    except (SigningError, KeyFileError):
        return False


def keys_folder() -> Path:
    """Where secret keys live when NEWSROOM_SIGNING_KEY does not say (per person)."""
    from platformdirs import user_config_path

    return user_config_path("newsroom") / "keys"


def secret_path(config: Config, key_id: str) -> Path:
    """Where the secret key of `key_id` is: NEWSROOM_SIGNING_KEY, else the config folder."""
    env = os.environ.get(ENV_KEY, "").strip()
    path = Path(env).expanduser() if env else keys_folder() / f"{key_id}.key"
    refuse_inside(config, path)
    return path


def refuse_inside(config: Config, path: Path) -> None:
    """A secret key under the newsroom's folder could reach git or feeds/: refused."""
    if path.resolve().is_relative_to(config.root.resolve()):
        raise SigningError(
            f"the secret key path {path} is inside the newsroom ({config.root}): it could "
            f"reach git or feeds/; keep it outside (set {ENV_KEY} to a path such as "
            "/etc/newsroom/humas.key, or leave it unset for ~/.config/newsroom/keys/)",
            code="sign_key_inside", path=str(path), root=str(config.root),
        )  # fmt: skip


def load_secret(
    config: Config, passphrase: Passphrase | None = None, public: PublicKey | None = None
) -> SecretKey:
    """The secret key of the newsroom's current public key, unlocked: the passphrase comes
    from the variable `[signing] passphrase_env` names, else from `passphrase` (a prompt).
    SigningError says what is missing or wrong; no message ever holds a secret."""
    public = public or read_public(config)
    if public is None:
        raise SigningError(
            f"no signing key: {public_path(config)} is missing (run `newsroom keys init`)",
            code="sign_no_key", path=str(public_path(config)),
        )  # fmt: skip
    path = secret_path(config, public.id)
    text = _read_secret(path, public.id)
    return _matching(path, _unlock(config, path, text, passphrase), public)


def _matching(path: Path, key: SecretKey, public: PublicKey) -> SecretKey:
    """The secret key, if it is the newsroom's public key's (a rotated-out key is not)."""
    if key.public != public:
        raise SigningError(
            f"{path} holds key {key.id}, but {PUBLIC} is key {public.id}: set {ENV_KEY} to "
            "the right secret key",
            code="sign_mismatch", path=str(path), secret=key.id, key_id=public.id,
        )  # fmt: skip
    return key


def _read_secret(path: Path, key_id: str) -> str:
    try:
        mode = path.stat().st_mode
        text = path.read_text(encoding="ascii")
    except FileNotFoundError:
        raise SigningError(
            f"the secret key of {key_id} is not at {path} (set {ENV_KEY} to its path)",
            code="sign_no_secret", path=str(path), key_id=key_id,
        ) from None  # fmt: skip
    except (OSError, UnicodeDecodeError) as exc:
        reason = exc.strerror if isinstance(exc, OSError) else "not a key file"
        raise SigningError(f"{path}: cannot be read: {reason}", code="sign_unreadable",
                           path=str(path)) from None  # fmt: skip
    if mode & stat.S_IRWXO:
        raise SigningError(
            f"{path} can be read by every user of this machine: `chmod 600 {path}` first",
            code="sign_key_open", path=str(path),
        )  # fmt: skip
    return text


def later() -> str:
    """The passphrase of a preview shown before it is typed (the desk's field, asked once
    the dry run is read; a preview of a run with nothing to do, which would ask nothing):
    `could_unlock` never calls it."""
    raise AssertionError("a preview asked for a passphrase still to be typed")


LATER: Passphrase = later


def could_unlock(config: Config, public: PublicKey, passphrase: Passphrase | None) -> None:
    """A dry run's `load_secret` (it signs nothing): the key is unlocked as the run will
    unlock it, its passphrase asked and tried the same way (typed wrong: the run would stop,
    `sign_wrong_passphrase`; the variable's wrong: `sign_env_passphrase`). A passphrase
    still to come (`LATER`) is not tried: what `load_secret` would find wrong without it
    only (the secret key missing, unreadable or open to all, not a key). SigningError as
    `load_secret` raises it."""
    if passphrase is LATER:
        path = secret_path(config, public.id)
        text = _read_secret(path, public.id)
        try:
            if is_encrypted(text) and from_environment(config) is None:
                return  # (its key id is sealed with it: known once unlocked)
        except KeyFileError as exc:
            raise _key_file(config, path, exc) from None
    load_secret(config, passphrase, public)


def _key_file(config: Config, path: Path, exc: KeyFileError) -> SigningError:
    """A key file that does not open, by a code a face words: the variable's passphrase
    does not unlock it (`sign_env_passphrase`), it is damaged or not a minisign key; else
    `sign_key_file` with the English reason."""
    reason = str(exc.facts.get("reason", ""))
    if reason == "wrong_passphrase":
        variable = config.passphrase_env
        return SigningError(
            f"{path}: the passphrase in {variable} does not unlock this secret key: set "
            f"{variable} to its passphrase",
            code="sign_env_passphrase", path=str(path), variable=variable,
        )  # fmt: skip
    if reason in ("damaged", "format"):
        return SigningError(f"{path}: {exc}", code=f"sign_key_{reason}", path=str(path))
    return SigningError(f"{path}: {exc}", code="sign_key_file", path=str(path), reason=str(exc))


def _unlock(config: Config, path: Path, text: str, passphrase: Passphrase | None) -> SecretKey:
    """The key, unlocked. A passphrase typed (not the variable's) that does not unlock it is
    its own error, `sign_wrong_passphrase`: the person is there to type it again."""
    try:
        if not is_encrypted(text):
            return SecretKey.parse(text)
        return SecretKey.parse(text, _passphrase(config, path, passphrase))
    except KeyFileError as exc:
        if exc.facts.get("reason") == "wrong_passphrase" and from_environment(config) is None:
            raise SigningError(f"{path}: {exc}: nothing was published; type it again",
                               code="sign_wrong_passphrase", path=str(path)) from None  # fmt: skip
        raise _key_file(config, path, exc) from None


def _passphrase(config: Config, path: Path, passphrase: Passphrase | None) -> Passphrase:
    """Where an encrypted key's passphrase comes from: `[signing] passphrase_env`'s variable,
    else the prompt; SigningError when neither is there (cron, a desk)."""
    given = from_environment(config) or passphrase
    if given is None:
        variable = config.passphrase_env or "[signing] passphrase_env"
        raise SigningError(
            f"the secret key {path} is encrypted and there is no passphrase: type it "
            f"(newsroom publish in a terminal), set {variable}, or make a key for cron "
            "with `newsroom keys rotate --unencrypted`",
            code="sign_passphrase", path=str(path), variable=variable,
        )  # fmt: skip
    return given


def from_environment(config: Config) -> Passphrase | None:
    """The passphrase from the variable `[signing] passphrase_env` names, if it is set."""
    name = config.passphrase_env
    value = os.environ.get(name) if name else None
    return (lambda: value) if value else None


def write_secret(path: Path, key: SecretKey, passphrase: str | None, force: bool = False) -> None:
    """Write a secret key file, mode 0600, never over another one unless `force`."""
    if path.exists() and not force:
        raise SigningError(
            f"{path} already exists: a secret key is never overwritten (move it away first)",
            code="sign_exists", path=str(path),
        )  # fmt: skip
    if not path.parent.exists():
        path.parent.mkdir(parents=True, mode=0o700)
    write_atomic(path, key.text(passphrase, *kdf_limits()).encode("ascii"), mode=0o600)


def kdf_limits() -> tuple[int, int]:
    """scrypt's limits for a new encrypted key: minisign's own (one GiB). Tests lower them."""
    return OPSLIMIT, MEMLIMIT


# ---------------------------------------------------------------- the list of keys


def read_list(config: Config) -> list[KeyEntry]:
    """newsroom-keys.txt as the newsroom holds it (empty when there is none)."""
    try:
        return parse_list((config.root / LIST).read_text(encoding="utf-8"))
    except FileNotFoundError:
        return []


def parse_list(text: str) -> list[KeyEntry]:
    """The lines of a keys list (comments skipped); SignatureError on a malformed line."""
    entries = []
    for number, line in enumerate(text.splitlines(), 1):
        if not line.strip() or line.startswith("#"):
            continue
        parts = line.split(" ", 5)
        if len(parts) < 5 or parts[1] not in STATUSES:
            raise SignatureError(f"{LIST}: line {number} is not `id status since until key`",
                                 reason="format")  # fmt: skip
        public = PublicKey.from_base64(parts[4])
        if public.id != parts[0]:
            raise SignatureError(f"{LIST}: line {number}: the id is not the key's",
                                 reason="format")  # fmt: skip
        until = "" if parts[3] == "-" else parts[3]
        reason = parts[5] if len(parts) > 5 else ""
        entries.append(KeyEntry(parts[0], parts[1], parts[2], until, public, reason))
    return entries


def list_text(config: Config, entries: list[KeyEntry]) -> str:
    head = (
        f"# Kunci penanda tangan / signing keys: {_one_line(config.title)} ({config.feeds_base})\n"
        f"# Periksa / verify (kunci yang berlaku / the current key): minisign -Vm {LIST} -p "
        f"{PUBLIC}\n"
        f"# Kunci lama? / An older key?: minisign -Vm {CHAIN}/<ID>.pub -p <kunci lama / old "
        f"key>.pub, lalu simpan / then keep {CHAIN}/<ID>.pub\n"
        "# id status since until public-key [reason]\n"
    )
    return head + "".join(e.line() + "\n" for e in entries)


def _one_line(text: str) -> str:
    return " ".join(text.split())


def _stamp(now: dt.datetime) -> str:
    return now.replace(microsecond=0).isoformat()


def _write_public_files(
    config: Config, key: SecretKey, entries: list[KeyEntry], now: dt.datetime
) -> None:
    """newsroom.pub, the signed list and the key's own file in newsroom-keys/."""
    root = config.root
    text = list_text(config, entries)
    comment = f"newsroom keys current={key.id} date={_stamp(now)}"
    signature = key.sign(text.encode(), comment, f"keys of {_one_line(config.title)}")
    public = key.public.text(_pub_comment(config, key)).encode()
    write_atomic(root / CHAIN / f"{key.id}.pub", public)
    write_atomic(root / LIST, text.encode())
    write_atomic(root / f"{LIST}.minisig", signature.text().encode())
    write_atomic(root / PUBLIC, public)


def _restore(before: dict[Path, bytes | None]) -> list[Path]:
    """Put back the files a failed rotation may have written (None: it was not there);
    returns those that could not be put back."""
    failed = []
    for path, data in before.items():
        try:
            if data is None:
                path.unlink(missing_ok=True)
            elif not path.is_file() or path.read_bytes() != data:
                write_atomic(path, data)
        except OSError:
            failed.append(path)
    return failed


def _pub_comment(config: Config, key: SecretKey) -> str:
    return f"minisign public key {key.id} ({_one_line(config.title)[:120]})"


def public_files(config: Config) -> list[str]:
    """The key files publish copies into feeds/ (relative paths, present ones only)."""
    root = config.root
    names = [PUBLIC, LIST, f"{LIST}.minisig"]
    folder = root / CHAIN
    if folder.is_dir():
        names += sorted(
            f"{CHAIN}/{p.name}" for p in folder.iterdir()
            if p.is_file() and (p.name.endswith(".pub") or p.name.endswith(".pub.minisig"))
        )  # fmt: skip
    return [n for n in names if (root / n).is_file()]


# ---------------------------------------------------------------- init, show, rotate


def init_keys(config: Config, now: dt.datetime, passphrase: str | None) -> tuple[SecretKey, Path]:
    """A new key pair for a newsroom that has none; returns it and where the secret went."""
    existing = read_public(config)
    if existing is not None:
        raise SigningError(
            f"this newsroom has a signing key already ({existing.id}, {PUBLIC}): "
            "`newsroom keys rotate` replaces it",
            code="sign_has_key", key_id=existing.id,
        )  # fmt: skip
    key = SecretKey.generate()
    path = secret_path(config, key.id)
    write_secret(path, key, passphrase)
    entry = KeyEntry(key.id, "current", _stamp(now), "", key.public)
    _write_public_files(config, key, [entry], now)
    return key, path


def show_keys(config: Config) -> KeyInfo:
    """The newsroom's key as `newsroom keys show` tells it (nothing is unlocked)."""
    public = read_public(config)
    path: Path | None = None
    found = encrypted = False
    if public is not None:
        path = secret_path(config, public.id)
        try:
            encrypted = is_encrypted(path.read_text(encoding="ascii"))
            found = True
        except (OSError, UnicodeDecodeError, KeyFileError):
            found = path.exists()
    entries = tuple(read_list(config))
    return KeyInfo(public, public_path(config), path, found, encrypted, entries,
                   _old_secrets(config, public, entries, path))  # fmt: skip


def _old_secrets(
    config: Config, public: PublicKey | None, entries: tuple[KeyEntry, ...], path: Path | None
) -> tuple[Path, ...]:
    """Where `rotate_keys` kept the earlier keys' secrets that are still there."""
    old = [e.id for e in entries if public is None or e.id != public.id]
    places = [keys_folder() / f"{i}.key" for i in old]
    if path is not None:  # (beside the key's file, through a link: as rotate_keys keeps it)
        real = path.resolve()
        places += [real.with_name(f"{real.name}.{i}.retired") for i in old]
    return tuple(p for p in places if p.is_file())


class Rotated(NamedTuple):
    """What `newsroom keys rotate` did."""

    old: str
    new: SecretKey
    secret_path: Path
    old_secret: Path | None  # where the old secret key is now (None: it was replaced)
    revoked: bool


def rotate_keys(
    config: Config,
    now: dt.datetime,
    old_passphrase: Passphrase | None,
    new_passphrase: str | None,
    *,
    revoke: bool = False,
    reason: str = "",
) -> Rotated:
    """A new key pair replacing the current one: the new public key is signed by the old
    key (newsroom-keys/<NEW>.pub.minisig, whose trusted comment says whether the old key
    is retired or revoked), the list of keys is signed by the new one. The old secret key
    is kept beside the new one (…/<OLD>.key, or NEWSROOM_SIGNING_KEY + .<OLD>.retired),
    for the office to delete once the rotation is committed and published (the CLI says
    so): a rotation undone before then (its public files reverted) still has its key. A
    retired key signs nothing dated after its retirement (verify.py refuses it)."""
    old = load_secret(config, old_passphrase)
    new = SecretKey.generate()
    status = "revoked" if revoke else "retired"
    entries = [
        e if e.id != old.id else KeyEntry(e.id, status, e.since, _stamp(now), e.public,
                                          _one_line(reason) if revoke else "")
        for e in read_list(config)
    ]  # fmt: skip
    if not any(e.id == old.id for e in entries):  # a list lost or made by hand: start it again
        entries.append(KeyEntry(old.id, status, "-", _stamp(now), old.public, _one_line(reason)))
    entries.insert(0, KeyEntry(new.id, "current", _stamp(now), "", new.public))
    # (NEWSROOM_SIGNING_KEY a link to /etc/newsroom/humas.key: the files at its target
    # change, where cron reads through the link; the link itself stays)
    old_path = secret_path(config, old.id).resolve()
    new_path = secret_path(config, new.id).resolve()
    same = new_path == old_path  # NEWSROOM_SIGNING_KEY: one path for whichever is current
    staging = new_path.with_name(f".{new_path.name}.{new.id}.new") if same else new_path
    endorsement = old.sign(
        new.public.text(_pub_comment(config, new)).encode(),
        f"newsroom key rotation: key={new.id} replaces={old.id} replaced={status} "
        f"date={_stamp(now)}",
        f"key {new.id} signed by key {old.id}",
    )
    chain = config.root / CHAIN
    touched = [config.root / n for n in (PUBLIC, LIST, f"{LIST}.minisig")]
    touched += [chain / f"{old.id}.pub", chain / f"{new.id}.pub", chain / f"{new.id}.pub.minisig"]
    before = {path: path.read_bytes() if path.is_file() else None for path in touched}
    try:
        write_secret(staging, new, new_passphrase)
        write_atomic(chain / f"{old.id}.pub", old.public.text(_pub_comment(config, old)).encode())
        _write_public_files(config, new, entries, now)
        write_atomic(chain / f"{new.id}.pub.minisig", endorsement.text().encode())
    except BaseException as exc:  # (a full disk, a folder not writable, ctrl+c): as it was,
        # the old key current, the new secret gone (a public key left half written would no
        # longer match cron's secret); what cannot be put back keeps the new secret
        left = _restore(before)
        if left:
            where = exc.filename if isinstance(exc, OSError) and exc.filename else config.root
            files = ", ".join(str(p) for p in left)
            raise SigningError(
                f"key rotation stopped halfway: {where}: {exc}; {files} could not be put back "
                f"and may name the new key {new.id}, whose secret is kept at {staging}: free "
                "some space, then put those files back from git (git checkout -- FILE) to "
                f"keep the key {old.id}",
                code="sign_rotate_halfway",
                path=str(where),
                reason=str(exc),
                files=files,
                new_id=new.id,
                secret=str(staging),
                key_id=old.id,
            ) from exc
        staging.unlink(missing_ok=True)
        if isinstance(exc, OSError):
            where = exc.filename or config.root
            raise SigningError(
                f"key not rotated: {where}: {exc.strerror or exc}; nothing changed (the key "
                f"{old.id} is still current): free some space or fix the permissions, then "
                "run it again",
                code="sign_rotate_failed",
                path=str(where),
                reason=str(exc.strerror or exc),
                key_id=old.id,
            ) from exc
        raise
    kept: Path | None = old_path
    if same:
        kept = old_path.with_name(f"{old_path.name}.{old.id}.retired")
        os.replace(old_path, kept)
        os.replace(staging, new_path)
    return Rotated(old.id, new, new_path, kept, revoke)


def revoke_old_key(
    config: Config, now: dt.datetime, key_id: str, reason: str, passphrase: Passphrase | None
) -> KeyEntry:
    """Mark an earlier key of the list revoked (it leaked from a backup, an old laptop),
    the list signed again by the current key: `newsroom verify` then refuses whatever it
    signed, backdated or not. The current key is revoked by `rotate_keys(revoke=True)`,
    which makes its successor; NewsroomError when the key is not an earlier one."""
    entries = read_list(config)  # (looked at before the passphrase is asked)
    wanted = key_id.strip().upper()
    found = next((e for e in entries if e.id.upper() == wanted), None)
    if found is None or found.status != "retired":
        code = {None: "key_not_listed", "current": "key_is_current"}.get(
            found.status if found else None, "key_already_revoked"
        )
        raise NewsroomError(f"{key_id}: not an earlier key of {LIST} still in good standing",
                            code=code, key_id=found.id if found else key_id,
                            reason=found.reason if found else "")  # fmt: skip
    current = load_secret(config, passphrase)
    revoked = KeyEntry(found.id, "revoked", found.since, found.until or _stamp(now),
                       found.public, _one_line(reason))  # fmt: skip
    _write_public_files(config, current, [revoked if e is found else e for e in entries], now)
    return revoked


# ---------------------------------------------------------------- stray secret keys

_SKIPPED_DIRS = frozenset({".git", ".venv", "venv", "node_modules", "__pycache__"})
_SKIPPED_SUFFIXES = (".md", ".xml", ".json", ".html", ".minisig", ".pub", ".sqlite", ".py")
_SECRET_SIZE = range(200, 1400)  # a minisign secret key file: one comment line and 212 chars


def stray_secrets(root: Path) -> list[Path]:
    """Every minisign secret key under the newsroom's folder (`newsroom check` fails on
    each: there it can reach git, or feeds/ and the web). Found by content, whatever its
    name; only files of a secret key's size are read."""
    from .minisign import looks_like_secret_key

    found = []
    for top, dirs, files in os.walk(root):
        dirs[:] = sorted(d for d in dirs if d not in _SKIPPED_DIRS)
        for name in sorted(files):
            if name.endswith(_SKIPPED_SUFFIXES):
                continue
            path = Path(top) / name
            try:
                if path.is_symlink() or path.stat().st_size not in _SECRET_SIZE:
                    continue
                if looks_like_secret_key(path.read_bytes()):
                    found.append(path)
            except OSError:
                continue
    return found
