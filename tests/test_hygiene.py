"""The repository's hygiene: tests build their newsroom from committed fixtures and write
nothing into the tree; the package metadata and `make bench` are sound."""

from __future__ import annotations

import re
import shutil
import subprocess
import tomllib
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parent.parent


def test_the_bundled_newsroom_comes_from_a_committed_fixture(tmp_path: Path) -> None:
    """A day of `make run` changes the working tree's articles/: the tests' copy must not
    follow it (four TUI tests failed on such a tree, and snapshots drifted)."""
    from .tuikit import BUNDLED, copy_bundled

    assert BUNDLED.is_relative_to(REPO / "tests")
    root = copy_bundled(tmp_path)
    copied = sorted(p.relative_to(root) for p in root.rglob("*") if p.is_file())
    assert copied == sorted(p.relative_to(BUNDLED) for p in BUNDLED.rglob("*") if p.is_file())
    assert Path("newsroom.toml") in copied
    assert len([p for p in copied if p.suffix == ".md"]) == 4
    if shutil.which("git") and (REPO / ".git").exists():
        tracked = subprocess.run(
            ["git", "ls-files", str(BUNDLED)], cwd=REPO, capture_output=True, text=True
        ).stdout.split()
        assert len(tracked) == len(copied), "commit tests/data/bundled"


def test_the_snapshot_report_is_written_outside_the_repository(
    pytestconfig: pytest.Config,
) -> None:
    """pytest-textual-snapshot's failure report used to land in the checkout."""
    report = Path.cwd() / pytestconfig.getoption("--snapshot-report")
    assert not report.resolve().is_relative_to(REPO)


def test_the_license_is_an_spdx_expression() -> None:
    """setuptools deprecates the `license = { text = ... }` table (PEP 639); the string form
    needs setuptools 77 to build."""
    pyproject = tomllib.loads((REPO / "pyproject.toml").read_text(encoding="utf-8"))
    assert pyproject["project"]["license"] == "MIT"
    requires = pyproject["build-system"]["requires"]
    assert any(re.fullmatch(r"setuptools>=(7[7-9]|[89]\d)(\.\d+)*", r) for r in requires)


def test_make_bench_runs_benchmarks_that_exist() -> None:
    makefile = (REPO / "Makefile").read_text(encoding="utf-8")
    recipe = makefile.split("\nbench:", 1)[1].split("\n\n", 1)[0]
    scripts = re.findall(r"benchmarks/[\w/]+\.py", recipe)
    assert scripts and all((REPO / script).is_file() for script in scripts)
