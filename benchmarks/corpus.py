"""The shared benchmark corpus: ../shared/bench/gen_corpus.py, made once per size and format."""

from __future__ import annotations

import datetime as dt
import shutil
import subprocess
import sys
import uuid
from pathlib import Path

GEN = Path(__file__).resolve().parent.parent.parent / "shared" / "bench" / "gen_corpus.py"
PACKAGE = Path(__file__).resolve().parent.parent / "newsroom"


def compile_bytecode() -> None:
    """Byte-compile newsroom, as an installed copy is after its first run.

    Without it, a checkout whose sources are newer than their .pyc files (or a shell with
    PYTHONDONTWRITEBYTECODE set) compiles every module again in every timed run: about
    0.1 s that no user pays."""
    subprocess.run([sys.executable, "-m", "compileall", "-q", str(PACKAGE)], check=True)


def put_aside(path: Path, trash: Path) -> None:
    """Move `path` (a run's outputs) into `trash` instead of deleting it before a timed run;
    `empty(trash)` deletes it once the timed runs are over.

    On an ext4 without a journal (this machine's and CI's disk), every new inode is checked
    against the inodes deleted in the last minute or more (`recently_deleted` in
    `find_inode_bit`), so a run that creates files right after tens of thousands were deleted
    pays that search for each one: a cold publish at 10,000 right after `rmtree` of the last
    run's outputs took 30.2 s (21.1 s of it in the kernel, a fifth of the samples in
    `recently_deleted`) against 23.6 s (7.5 s) with them put aside (2026-12-04). An office's
    first publish does not follow a deletion, and a disk with a journal never searches."""
    if path.exists():
        trash.mkdir(parents=True, exist_ok=True)
        path.rename(trash / uuid.uuid4().hex)


def empty(trash: Path) -> None:
    """Delete what `put_aside` moved into `trash` (after the timed runs)."""
    shutil.rmtree(trash, ignore_errors=True)


def generate(folder: Path, n: int, fmt: str = "newsroom") -> Path:
    """`folder` holding the corpus of `n` releases in `fmt` (made on first use)."""
    if not GEN.exists():
        raise SystemExit(f"{GEN} not found: the benchmarks need ../shared beside the checkout")
    if not folder.exists():
        subprocess.run(
            [sys.executable, str(GEN), "--n", str(n), "--format", fmt, "--out", str(folder)],
            check=True,
        )
    return folder


def newsroom_corpus(work: Path, n: int) -> Path:
    """The newsroom-format corpus with a minimal newsroom.toml if it has none."""
    root = generate(work / f"newsroom-{n}", n)
    if not (root / "newsroom.toml").exists():
        (root / "newsroom.toml").write_text('[site]\ntitle = "Bench"\n')
    return root


def seal_corpus(root: Path) -> None:
    """Make the generated corpus a newsroom that publish trusts, as an office upgrading from
    a version without seals would: what is published is adopted (`newsroom adopt`), and what
    is approved but not yet published is approved again by a second person. Done once per
    corpus (the files keep their seals), outside any timing."""
    sys.path.insert(0, str(PACKAGE.parent))
    from newsroom.core.service import Newsroom

    marker = root / ".sealed"
    if marker.exists():
        return
    newsroom = Newsroom.open(root, "bench-admin")
    newsroom.adopt()
    moment = [dt.datetime.now(dt.UTC)]
    # one reviewer whose clock is set to each approval's time (opening a Newsroom per release
    # would walk the whole corpus again for each one)
    reviewer = Newsroom.open(root, "bench-reviewer", lambda: moment[0])
    for record in list(newsroom.index().records.values()):
        if record.problem and record.problem[0] == "unsealed" and record.approved_at:
            # approved again when it first was: the benchmark publishes at a fixed past time,
            # and a release is never published before its approval
            moment[0] = record.approved_at
            reviewer.act(reviewer.store.load(root / record.path), "approve")
    marker.write_text("sealed\n")
