"""What the command line says of an action refused or done (walk 20): a refusal names the
release's file, as a done action does."""

from __future__ import annotations

from pathlib import Path

from click.testing import CliRunner, Result

from newsroom.cli import cli
from newsroom.core.clock import fixed_clock
from newsroom.core.service import NewArticle, Newsroom

from .feedkit import at, configure, release


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
