"""Every UI string exists in both languages, and every key the code asks for is in the catalog."""

from __future__ import annotations

import re
from pathlib import Path

from newsroom.core.checks import CHECKS
from newsroom.core.desk import VIEWS
from newsroom.core.workflow import ACTIONS
from newsroom.i18n import CATALOG, Translator, choose_language
from newsroom.tui.commands import COMMANDS

TUI = Path(__file__).resolve().parent.parent / "newsroom" / "tui"


def test_every_entry_has_english_and_indonesian() -> None:
    for key, (english, indonesian) in CATALOG.items():
        assert english.strip() and indonesian.strip(), key
        assert set(re.findall(r"{(\w+)}", english)) == set(re.findall(r"{(\w+)}", indonesian)), key


def test_every_key_the_code_names_is_in_the_catalog() -> None:
    named = set()
    for path in TUI.rglob("*.py"):
        named |= set(re.findall(r"""\bt\(\s*["']([a-z_]+\.[a-z_.]+)["']""", path.read_text()))
    named |= {c.label for c in COMMANDS} | {c.label + ".help" for c in COMMANDS}
    named |= {f"status.{v}" for v in VIEWS[2:]} | {f"action.{a}" for a in ACTIONS}
    named |= {f"short.{v}" for v in VIEWS}
    named |= {f"check.{n}" for n in CHECKS} | {f"check.{n}.fail" for n in CHECKS}
    missing = sorted(k for k in named if k not in CATALOG)
    assert missing == []


def test_language_choice(monkeypatch: object) -> None:
    import pytest

    mp = pytest.MonkeyPatch()
    try:
        mp.setenv("NEWSROOM_LANG", "en")
        assert choose_language("id") == "en"
        mp.delenv("NEWSROOM_LANG")
        assert choose_language("id") == "id"
        mp.setenv("LANG", "id_ID.UTF-8")
        mp.delenv("LC_ALL", raising=False)
        assert choose_language(None) == "id"
        mp.setenv("LANG", "C.UTF-8")
        assert choose_language(None) == "en"
    finally:
        mp.undo()
    assert Translator("id")("status.published") == "Terbit"
    assert Translator("en")("status.published") == "Published"
