"""The core stays headless: no UI library is imported by it or by the publish path."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

CODE = """
import sys
import newsroom.core.service, newsroom.core.workflow, newsroom.core.store
import newsroom.core.publish, newsroom.core.publish.run, newsroom.core.desk
import newsroom.core.feeds.output, newsroom.core.editing, newsroom.core.index
from newsroom.core import service
for name in service._HANDED:  # everything the door hands out, loaded
    getattr(service, name)
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


def test_every_name_a_face_takes_from_the_door_is_one_it_hands_out() -> None:
    """The door hands names out lazily (service.__getattr__): a face importing a name the
    door does not have would fail only at run time, so each one is checked here."""
    import ast

    from newsroom.core import service

    root = Path(__file__).parent.parent / "newsroom"
    faces = [p for p in root.rglob("*.py") if "core" not in p.relative_to(root).parts]
    missing = []
    for path in faces:
        for node in ast.walk(ast.parse(path.read_text())):
            if isinstance(node, ast.ImportFrom) and (node.module or "").endswith("core.service"):
                for alias in node.names:
                    if alias.name not in vars(service) and alias.name not in service._HANDED:
                        missing.append((path.name, alias.name))
    assert missing == []
