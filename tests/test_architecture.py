"""The core stays headless: no UI library is imported by it or by the publish path."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

CODE = """
import sys
import newsroom.core.service, newsroom.core.workflow, newsroom.core.store
for name in ("textual", "rich", "click"):
    assert name not in sys.modules, name
print("clean")
"""


def test_core_imports_no_ui_library() -> None:
    done = subprocess.run(
        [sys.executable, "-c", CODE],
        capture_output=True,
        text=True,
        cwd=Path(__file__).parent.parent,
        check=False,
    )
    assert done.stdout.strip() == "clean", done.stderr


def test_no_core_module_names_a_ui_library() -> None:
    core = Path(__file__).parent.parent / "newsroom" / "core"
    for path in core.rglob("*.py"):
        for line in path.read_text().splitlines():
            words = line.split()
            if words[:1] in (["import"], ["from"]) and len(words) > 1:
                assert words[1].split(".")[0] not in {"textual", "rich", "click"}, path
