"""What the command line says of an action refused or done (walk 20): a refusal names the
release's file, as a done action does; an attachment's edit says the release needs
approval, "again" only when it had been approved."""

from __future__ import annotations

from pathlib import Path

from click.testing import CliRunner, Result

from newsroom.cli import cli
from newsroom.core.clock import fixed_clock
from newsroom.core.service import NewArticle, Newsroom

from .feedkit import at, configure, release

PNG = b"\x89PNG\r\n\x1a\n" + b"0" * 64


def newsroom(root: Path, language: str, actor: str, *args: str) -> Result:
    env = {"NEWSROOM_LANG": language}
    return CliRunner().invoke(cli, ["--root", str(root), "--as", actor, *args], env=env)


def path_of(root: Path, ident: str) -> str:
    found = next(p for p in (root / "articles").rglob("*.md") if f"id: {ident}" in p.read_text())
    return str(found.relative_to(root))


def test_a_refusal_names_the_file(root: Path) -> None:
    """`newsroom submit <ref>` refused by the checks said "ajukan ditolak: pemeriksaan belum
    lolos: … `newsroom edit 45bb9ed8`", and approve's refusals likewise: the id, not the
    file, where a done action says "(articles/…md)"."""
    configure(root)
    writer = Newsroom.open(root, "ald", fixed_clock(at(0)))
    draft = writer.create(NewArticle(title="Rilis", body="TODO", dateline="JAKARTA",
                                     author="ald", credit="HUMAS UJI"))  # fmt: skip
    approved = release(root, at(0), "Disetujui")
    for language, refused in (("id", "ajukan ditolak: "), ("en", "submit refused: ")):
        done = newsroom(root, language, "ald", "submit", draft.id[:8])
        assert done.exit_code == 1
        assert f"{refused}{path_of(root, draft.id)}: " in done.output, done.output
    for language, refused in (("id", "setujui ditolak: "), ("en", "approve refused: ")):
        again = newsroom(root, language, "nur", "approve", approved[:8])
        assert again.exit_code == 1
        assert f"{refused}{path_of(root, approved)}: " in again.output, again.output
    dry = newsroom(root, "id", "nur", "approve", approved[:8], "--dry-run")
    assert dry.exit_code == 1 and f"): {path_of(root, approved)}: " in dry.output, dry.output
    own = newsroom(root, "en", "ald", "approve", draft.id[:8])
    assert own.exit_code == 1 and f"approve refused: {path_of(root, draft.id)}: " in own.output


def test_an_attachment_says_again_only_of_a_release_approved_before(
    root: Path, tmp_path: Path
) -> None:
    """`newsroom attach <a draft never approved> foto.png --photo` said "…: siaran pers
    perlu disetujui lagi" (needs approval again) of a text nobody had approved."""
    configure(root)
    photo = tmp_path / "foto.png"
    photo.write_bytes(PNG)
    never = release(root, at(0), "Belum pernah disetujui", approve=False)
    sent_back = release(root, at(0), "Dikembalikan")
    Newsroom.open(root, "nur", fixed_clock(at(0.1))).act(sent_back, "request_changes",
                                                         note="Perbaiki judul")  # fmt: skip
    first = newsroom(root, "id", "ald", "attach", never[:8], str(photo), "--photo")
    assert first.exit_code == 0, first.output
    assert first.output.splitlines()[0].endswith(": siaran pers perlu disetujui"), first.output
    other = tmp_path / "lampiran.png"
    other.write_bytes(PNG + b"1")
    assert (
        newsroom(root, "en", "ald", "attach", never[:8], str(other))
        .output.splitlines()[0]
        .endswith(": the release needs approval")
    )
    english = newsroom(root, "en", "ald", "detach", never[:8], "lampiran.png")
    assert english.output.rstrip().endswith(": the release needs approval"), english.output
    again = newsroom(root, "id", "ald", "attach", sent_back[:8], str(photo))
    assert again.exit_code == 0, again.output
    assert again.output.splitlines()[0].endswith(": siaran pers perlu disetujui lagi")
    detached = newsroom(root, "en", "ald", "detach", sent_back[:8], "foto.png")
    assert detached.output.rstrip().endswith(": the release needs a new approval")


def test_a_correction_refused_by_a_hand_edit_names_the_file(root: Path) -> None:
    """`correct` of a published release changed by hand said "restore the file from git"
    without naming the file, as every other refusal does (review of rev21)."""
    from .test_words_in_their_language import _published_then_hand_edited

    configure(root)
    ident = _published_then_hand_edited(root)
    for language in ("id", "en"):
        said = newsroom(root, language, "nur", "correct", ident[:8], "--note", "Salah")
        assert said.exit_code == 1, said.output
        assert f": {path_of(root, ident)}: " in said.output, said.output
