"""Messages of `newsroom serve` and `publish` that reached people in English inside an
Indonesian sentence (NEWSROOM_LANG=id), and a port no machine has that ended in a
traceback: each is said in the person's language, or refused as a usage error."""

from __future__ import annotations

import socket
from pathlib import Path

import pytest

from .clikit import newsroom
from .feedkit import at, newsroom_root, release
from .signkit import keyhome, make_key, set_signing

__all__ = ["keyhome", "newsroom_root"]  # fixtures, used by name


def test_a_port_no_machine_has_is_a_usage_error(root: Path) -> None:
    """`newsroom serve --port 99999` ended in `OverflowError: bind(): port must be
    0-65535.`; it is refused as click refuses any bad option, exit 2."""
    done = newsroom(root, "id", "serve", "--port", "99999")
    assert done.exit_code == 2 and not isinstance(done.exception, OverflowError)
    assert "Invalid value for '--port'" in done.output and "65535" in done.output


def test_a_port_in_use_is_said_in_the_persons_language(root: Path) -> None:
    """A port in use read "cannot listen on 127.0.0.1:8097: Address already in use (choose
    another with --port)", English to an Indonesian desk."""
    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen()
        port = str(taken.getsockname()[1])
        said = {lang: newsroom(root, lang, "serve", "--port", port) for lang in ("id", "en")}
    assert said["id"].exit_code == 1 and said["en"].exit_code == 1
    assert f"tidak dapat menyajikan di 127.0.0.1:{port}: port itu sedang dipakai" in (
        said["id"].output
    )
    assert "Address already in use" not in said["id"].output
    assert f"cannot listen on 127.0.0.1:{port}: another program is using that port" in (
        said["en"].output
    )


def test_no_newsroom_at_root_is_said_in_the_persons_language(tmp_path: Path) -> None:
    """`newsroom --root /tmp list` said "no such file (run `newsroom init /tmp` to make
    one)" in English to an Indonesian desk."""
    said = {lang: newsroom(tmp_path, lang, "list") for lang in ("id", "en")}
    assert said["id"].exit_code == 1, said["id"].output
    assert f"{tmp_path}/newsroom.toml tidak ada" in said["id"].output
    assert f"`newsroom init {tmp_path}`" in said["id"].output
    assert "no such file" not in said["id"].output
    assert f"{tmp_path}/newsroom.toml: no such file" in said["en"].output


def test_a_wrong_passphrase_in_the_variable_is_said_in_the_persons_language(
    newsroom_root: Path, keyhome: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A wrong passphrase in the variable read "peringatan: tidak ditandatangani: …enc.key:
    wrong passphrase for this secret key." The run still goes out unsigned (cron: no one to
    type it again), said in Indonesian."""
    make_key(newsroom_root, "sandi kantor")
    set_signing(newsroom_root, passphrase_env="HUMAS_SANDI")
    monkeypatch.setenv("HUMAS_SANDI", "salah")
    release(newsroom_root, at(0), "Rilis")
    done = newsroom(newsroom_root, "id", "publish", "--now", at(0.1).isoformat(),
                    "--force-clock")  # fmt: skip
    assert done.exit_code == 0, done.output
    warning = next(line for line in done.output.splitlines() if "tidak ditandatangani" in line)
    assert "frasa sandi di HUMAS_SANDI tidak membuka kunci rahasia" in warning, warning
    assert "wrong passphrase" not in warning


# ------------------------------------------------ seals, the ledger, attachments (walk 20)


def _published_then_hand_edited(root: Path) -> str:
    """A release published once, then its text changed by hand (`sed -i`)."""
    from .feedkit import run

    ident = release(root, at(0), "Rilis")
    assert run(root, at(0.1)).ok
    path = next(p for p in (root / "articles").rglob("*.md") if ident in p.read_text())
    path.write_text(path.read_text().replace("Paragraf dua", "Paragraf duaa"))
    return ident


def test_a_hand_edited_published_text_is_said_in_the_persons_language(
    newsroom_root: Path,
) -> None:
    """`newsroom check` after a `sed -i` of a published file read, under "Berkas dan segel
    (1)": "…: the published text differs from what publish put out (03-12-2026 13:48 WIB):
    restore the file from git (…)". `check`, `status`, `publish` and `correct` say it in
    Indonesian with the time it went out; English stays as it was."""
    ident = _published_then_hand_edited(newsroom_root)
    went_out = "01-06-2026 11:24 WIB"  # at(0.1), in the newsroom's zone
    english = f"the published text differs from what publish put out ({went_out})"
    checked = {lang: newsroom(newsroom_root, lang, "check") for lang in ("id", "en")}
    assert checked["id"].exit_code == 1 and checked["en"].exit_code == 1
    assert english in checked["en"].output, checked["en"].output
    indonesian = f"teks terbit berbeda dari yang dikeluarkan publish ({went_out})"
    for said in (
        checked["id"],
        newsroom(newsroom_root, "id", "status"),
        newsroom(newsroom_root, "id", "publish", "--dry-run", "--now", at(0.2).isoformat()),
        newsroom(newsroom_root, "id", "--as", "nur", "correct", ident[:8], "--note", "Salah"),
    ):
        assert indonesian in said.output, said.output
        assert "differs" not in said.output and "restore the file" not in said.output


def test_a_swapped_attachment_is_said_in_the_persons_language(
    newsroom_root: Path, tmp_path: Path
) -> None:
    """An attachment swapped after approval read "tidak terbit: …: attachment …/foto.png is
    not the file that was approved (its size or SHA-256 changed): …" at publish, and so did
    `newsroom check`."""
    ident = release(newsroom_root, at(0), "Rilis berlampiran", approve=False)
    photo = tmp_path / "foto.png"
    photo.write_bytes(b"\x89PNG\r\n\x1a\n" + b"0" * 64)
    attached = newsroom(newsroom_root, "id", "--as", "ald", "attach", ident[:8], str(photo))
    assert attached.exit_code == 0, attached.output
    assert newsroom(newsroom_root, "id", "--as", "nur", "approve", ident[:8]).exit_code == 0
    kept = next((newsroom_root / "articles").rglob("foto.png"))
    kept.write_bytes(b"\x89PNG\r\n\x1a\n" + b"1" * 64)  # swapped after the approval
    shown = kept.relative_to(newsroom_root)
    said = {lang: newsroom(newsroom_root, lang, "publish", "--dry-run") for lang in ("id", "en")}
    said["check"] = newsroom(newsroom_root, "id", "check")
    said["run"] = newsroom(newsroom_root, "id", "publish")
    assert f"attachment {shown} is not the file that was approved" in said["en"].output
    for lang in ("id", "check", "run"):
        assert said[lang].exit_code == 1, said[lang].output
        assert f"lampiran {shown} bukan berkas yang disetujui" in said[lang].output
        assert "is not the file" not in said[lang].output, said[lang].output
    kept.unlink()  # gone altogether
    missing = newsroom(newsroom_root, "id", "check")
    assert f"lampiran {shown} tidak ada" in missing.output and "missing" not in missing.output


def test_every_seal_ledger_and_attachment_problem_has_its_words() -> None:
    """Every problem the core gives publish's checks (seal.py, ledger.py, attachments.py,
    records.py: `problem("code", message, **facts)`) has its `seal.<code>` sentence, naming
    only facts it is given: a code without words reached the Indonesian desk in English
    (`ledger_retraction`), and one with words but no facts dropped who and when."""
    import ast
    import re

    from newsroom.i18n import CATALOG, Translator
    from newsroom.i18n.explain import seal_text

    core = Path(__file__).resolve().parent.parent / "newsroom" / "core"
    found = []
    for path in core.rglob("*.py"):
        for node in ast.walk(ast.parse(path.read_text())):
            if not (isinstance(node, ast.Call) and isinstance(node.func, ast.Name)):
                continue
            if node.func.id not in ("problem", "said", "SealProblem") or not node.args:
                continue
            first = node.args[0]
            if isinstance(first, ast.Constant) and isinstance(first.value, str):
                found.append((path.name, node.lineno, first.value, {k.arg for k in node.keywords}))
        if path.name == "ledger.py":  # codes from a table (`_disagreement`'s reasons)
            found += [(path.name, 0, code, {"when"}) for code in
                      re.findall(r'"(ledger_\w+)"', path.read_text())]  # fmt: skip
        if path.name == "golive.py":  # publish's own, at the moment a release would go out
            found += [(path.name, 0, code, set()) for code in
                      re.findall(r'code="(\w+)"', path.read_text())]  # fmt: skip
    codes = {code for _, _, code, _ in found}
    assert {"live_changed", "ledger_text", "ledger_retraction", "attachment_changed",
            "attachment_missing", "approved_later"} <= codes  # fmt: skip
    lacking = []
    for name, line, code, given in found:
        if not code or None in given:  # (**facts: not known here)
            continue
        words = CATALOG.get("seal." + code)
        if words is None:
            lacking.append(f"{name}:{line} seal.{code} has no words")
            continue
        needs = set(re.findall(r"{(\w+)}", words[1]))
        if needs - given:
            lacking.append(f"{name}:{line} seal.{code} needs {needs - given}")
    assert not lacking, lacking
    facts = (("when", "02-06-2026 09:00 WIB"),)
    said = seal_text(Translator("id"), "ledger_time", "the publication time…", facts)
    assert "02-06-2026 09:00 WIB" in said and "waktu terbit diubah" in said
