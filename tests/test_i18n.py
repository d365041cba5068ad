"""Every string of the faces exists in both languages, and every key the code asks for is in
the catalog (one catalog for the CLI and the TUI: newsroom/i18n)."""

from __future__ import annotations

import re
from pathlib import Path

from newsroom.core.checks import CHECKS
from newsroom.core.desk import VIEWS
from newsroom.core.errors import Said
from newsroom.core.feeds.moves import ORDER
from newsroom.core.importer import MISSING
from newsroom.core.model import ALL_STATUSES
from newsroom.core.workflow import ACTIONS
from newsroom.i18n import CATALOG, Translator, choose_language
from newsroom.i18n.explain import warning_text
from newsroom.tui.commands import COMMANDS

FACES = Path(__file__).resolve().parent.parent / "newsroom"


def test_every_entry_has_english_and_indonesian() -> None:
    for key, (english, indonesian) in CATALOG.items():
        assert english.strip() and indonesian.strip(), key
        assert set(re.findall(r"{(\w+)}", english)) == set(re.findall(r"{(\w+)}", indonesian)), key


def test_every_key_the_code_names_is_in_the_catalog() -> None:
    named = set()
    for path in FACES.rglob("*.py"):
        if "core" not in path.parts:
            text = path.read_text()
            found = re.findall(r"""\bt\(\s*["']([a-z_]+\.[a-z_.]+)["']""", text)
            named |= {key for key in found if not key.endswith(".")}  # "x." + part: below
    named |= {c.label for c in COMMANDS} | {c.label + ".help" for c in COMMANDS}
    named |= {f"status.{v}" for v in VIEWS[2:]} | {f"action.{a}" for a in ACTIONS}
    named |= {f"short.{v}" for v in VIEWS} | {f"tiny.{v}" for v in VIEWS}
    named |= {f"check.{n}" for n in CHECKS} | {f"check.{n}.fail" for n in CHECKS}
    named |= {f"a.{s}" for s in ALL_STATUSES} | {f"verb.{a}" for a in ACTIONS}
    named |= {f"why.{c}" for c in ("no_rule", "publisher_only", "four_eyes", "checks", "system",
                                    "stranger", "unknown_person", "not_for_others",
                                    "approval_stands")}  # fmt: skip
    named |= {f"move.{k}" for k in ORDER} | {f"move.{k}.dry" for k in ORDER}
    named |= {f"import.missing.{part}" for part in MISSING}
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


def test_plurals_are_english_only_and_counted() -> None:
    """`one|many` in English (picked by `n`); Indonesian does not inflect."""
    for key, (english, indonesian) in CATALOG.items():
        assert "|" not in indonesian, key
        if "|" in english:
            assert "{n}" in english.split("|")[0] and "{n}" in english.split("|")[1], key
    assert Translator("en")("n.releases", n=1) == "1 release"
    assert Translator("en")("n.releases", n=2) == "2 releases"
    assert Translator("id")("n.releases", n=2) == "2 siaran pers"
    # A warning's facts are kept as strings (errors.Said): "removed 1 control characters".
    one = Said("a.md: removed 1 control character", "control_characters", path="a.md", n=1)
    assert warning_text(Translator("en"), one).startswith("a.md: removed 1 control character ")


def test_the_unsigned_warning_ends_with_one_full_stop() -> None:
    """The warning that a run goes out unsigned is a sentence: it ends with a full stop, and a
    reason that brings its own (a key file's error, worded by the core) is not doubled."""
    import datetime as dt

    from newsroom.core.outputs import PublishResult
    from newsroom.i18n.explain import publish_problems

    now = dt.datetime(2026, 12, 1, tzinfo=dt.UTC)
    for text in ("the key file is damaged", "the key file is damaged."):
        for dry in (False, True):
            result = PublishResult(now=now, actor="cron", dry_run=dry, to_write=["rss.xml"])
            result.unsigned, result.unsigned_why = "sign_key_file", {"text": text}
            for language in ("en", "id"):
                (line,) = publish_problems(Translator(language), result)
                assert line.endswith("lagi." if language == "id" else "again."), line
                assert ".." not in line and "damaged. " in line, line


def test_every_error_raised_with_a_code_carries_the_facts_its_words_need() -> None:
    """An error worded from the catalog by its code (`error.<code>`) is formatted with the
    facts it was raised with: a placeholder no raise gives crashed the faces (`KeyError: 'n'`
    for a reference that matched two releases, `error.ambiguous`)."""
    import ast

    needs = {
        key: set(re.findall(r"{(\w+)}", english))
        for key, (english, _) in CATALOG.items()
        if key.startswith(("error.", "failed.", "warned."))
    }
    missing = []
    fails = warns = 0
    for path in (FACES / "core").rglob("*.py"):
        for node in ast.walk(ast.parse(path.read_text())):
            if not isinstance(node, ast.Call):
                continue
            given = {k.arg for k in node.keywords}
            code = next((k.value for k in node.keywords if k.arg == "code"), None)
            owner = node.func.value if isinstance(node.func, ast.Attribute) else None
            named = owner.id if isinstance(owner, ast.Name) else getattr(owner, "attr", "")
            # (result.fail, self.result.fail; a config reader's `fail` is another)
            if (
                isinstance(node.func, ast.Attribute)
                and node.func.attr == "fail"
                and named == "result"
            ):
                # a run's failure (PublishResult.fail(text, code, because, **facts)): worded
                # by `failed.<code>`; `because` (errors.cause) gives `reason`
                code = node.args[1] if len(node.args) > 1 else None
                given |= {"reason"} if len(node.args) > 2 else set()
                fails += 1
                if isinstance(code, ast.Constant) and f"failed.{code.value}" not in needs:
                    missing.append(f"{path.name}:{node.lineno} failed.{code.value} has no words")
            # a run's warning (PublishResult.warn, or errors.Said where it happens: the same
            # arguments): worded by `warned.<code>` (a Said that is an error's cause: by
            # `error.<code>`); a code chosen by a condition is each of its two
            warned = isinstance(node.func, ast.Attribute) and node.func.attr == "warn" and (
                named in ("result", "r"))  # fmt: skip
            warned |= isinstance(node.func, ast.Name) and node.func.id == "Said"
            codes = [code]
            if warned:
                code = node.args[1] if len(node.args) > 1 else None
                codes = [code.body, code.orelse] if isinstance(code, ast.IfExp) else [code]
                given |= {"reason"} if len(node.args) > 2 else set()
                warns += 1
                for each in codes:
                    if isinstance(each, ast.Name):  # (passed on: PublishResult.warn's own)
                        continue
                    if (
                        path.name == "run.py"
                        and isinstance(each, ast.Attribute)
                        and (each.attr == "code")
                    ):  # (a reason's made again with its path)
                        continue  # fmt: skip
                    if not isinstance(each, ast.Constant):
                        missing.append(f"{path.name}:{node.lineno} a warning without a code")
                    elif not {f"warned.{each.value}", f"error.{each.value}"} & set(needs):
                        missing.append(f"{path.name}:{node.lineno} {each.value} has no words")
            for code in codes:
                if not isinstance(code, ast.Constant) or None in given:  # (**facts: unknown)
                    continue
                for key in (f"error.{code.value}", f"failed.{code.value}", f"warned.{code.value}"):
                    lacking = needs.get(key, set()) - given
                    if lacking:
                        missing.append(f"{path.name}:{node.lineno} {key} needs {lacking}")
    assert not missing, missing
    assert fails >= 10  # (publish's failures: pages, signed texts, writes, mail, git...)
    assert warns >= 15  # (its warnings: the cache, its log, WebSub, mail and its lists, git...)


def test_every_warning_of_a_publish_run_has_a_code() -> None:
    """A warning of a run (and mail's problems, which are its warnings too) is made with
    its code (`result.warn`, errors.Said), never added as an English line alone: an
    Indonesian desk read those in English."""
    import ast

    plain = []
    for path in (FACES / "core").rglob("*.py"):
        for node in ast.walk(ast.parse(path.read_text())):
            if (
                isinstance(node, ast.Call)
                and isinstance(node.func, ast.Attribute)
                and node.func.attr == "append"
                and getattr(node.func.value, "attr", "") in ("warnings", "errors", "problems")
                # an English line made here (a Said made elsewhere, the cache's, is passed on)
                and isinstance(node.args[0], ast.JoinedStr | ast.Constant | ast.BinOp)
            ):
                plain.append(f"{path.name}:{node.lineno}")
    assert not plain, plain
