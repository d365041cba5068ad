"""The front matter's YAML: where it starts and ends in an article file, and what it says.

Read with libyaml's safe loader (timestamps left as text: `clock.parse_time` reads them),
its text, lists and mappings built here, every file refused when too big or when it uses
anchors or aliases (`validate.front_matter`), and each problem named by its line.
`fileformat.py` turns the mapping into an `Article`; this module knows only YAML.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import yaml
from frontmatter.default_handlers import YAMLHandler

from . import validate
from .errors import ArticleError, Problem

__all__ = ["line_of", "load", "split", "top_lines"]


class _Loader(getattr(yaml, "CSafeLoader", yaml.SafeLoader)):  # type: ignore[misc]
    """libyaml's safe loader, leaving timestamps as text: `parse_time` reads them faster and
    keeps naive times in the newsroom's zone."""


_Loader.yaml_implicit_resolvers = {
    key: [(tag, rx) for tag, rx in resolvers if tag != "tag:yaml.org,2002:timestamp"]
    for key, resolvers in _Loader.yaml_implicit_resolvers.items()
}
# libyaml asks the resolver for every scalar's tag (~95 calls a release file): PyYAML's
# `resolve` builds two lists and runs its patterns each time. A scalar that is quoted, or
# whose first character starts no implicit pattern (most words), is text; the tags of short
# plain scalars (keys, statuses) are remembered. Same tags as PyYAML's (no path resolvers).
_FIRST = frozenset(_Loader.yaml_implicit_resolvers)
_TAGS: dict[str, str] = {}
_TAGS_MAX = 4096  # short scalars remembered (keys and words repeat across every file)
assert not _Loader.yaml_path_resolvers and None not in _FIRST


def _resolve(self: Any, kind: Any, value: Any, implicit: Any) -> Any:
    if kind is yaml.ScalarNode:
        if not implicit[0] or (value and value[0] not in _FIRST):
            return _STR
        tag = _TAGS.get(value)
        if tag is None:
            tag = _BASE_RESOLVE(self, kind, value, implicit)
            if len(value) <= 24 and len(_TAGS) < _TAGS_MAX:
                _TAGS[value] = tag
        return tag
    return _BASE_RESOLVE(self, kind, value, implicit)


_BASE_RESOLVE = _Loader.resolve
_Loader.resolve = _resolve
_HANDLER = YAMLHandler()


def top_lines(front: str, keys: dict[str, Any]) -> dict[str, int]:
    """The file lines of top-level keys (the front matter's own lines, from line 2)."""
    found: dict[str, int] = {}
    for number, line in enumerate(front.split("\n"), 1 if front.startswith("\n") else 2):
        if line[:1].strip() and ":" in line:
            key = line.split(":", 1)[0].strip().strip("'\"")
            if key in keys and key not in found:
                found[key] = number
    return found


def load(front: str, path: Path) -> Any:
    """The front matter's YAML, refused when too big or when it uses anchors or aliases."""
    validate.front_matter(front, path, _Loader)
    try:
        loader = _Loader(front)
        try:
            node = loader.get_single_node()
            return None if node is None else _value(loader, node)
        finally:
            loader.dispose()
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        reason = getattr(exc, "problem", None) or str(exc).splitlines()[0]
        hint = "check quotes, colons and indentation on that line"
        context, opened = getattr(exc, "context", None), getattr(exc, "context_mark", None)
        code, facts = "yaml", {"reason": reason}  # (PyYAML's words: its own)
        if "end of stream" in reason and opened is not None:
            mark = opened  # an unclosed quote: its start
            reason = f"{context} never closed"
            facts = {"reason": reason}
            if context == "while scanning a quoted scalar":
                reason = "the quote opened on this line is never closed"
                hint = "close it with the same quote mark (\" or ') on that line"
                code, facts = "yaml_quote", {}
        elif reason.startswith("mapping values are not allowed"):  # `title: A: B`
            reason = "a second colon on this line"
            hint = 'a value holding ": " must be quoted: title: "Menteri: ASN harus netral"'
            code, facts = "yaml_colon", {}
        elif "found a tab character" in reason or "found character '\\t'" in reason:
            reason, hint = "a tab character", "indent with spaces, not tabs"
            code, facts = "yaml_tab", {}
        elif context in _FLOWS and opened and mark and opened.line < mark.line:
            # an unclosed [ or {: PyYAML notices it a line later, where the next key is
            mark, opening, closing = opened, _FLOWS[context][0], _FLOWS[context][1]
            reason = f"the {opening} opened on this line is never closed"
            hint = f"close it with {closing} on that line"
            code, facts = "yaml_flow", {"opening": opening, "closing": closing}
        line = mark.line + 1 if mark is not None else 2
        raise ArticleError(Problem(path, line, f"bad YAML in front matter: {reason}", hint,
                                   code, tuple(facts.items()))) from None  # fmt: skip


# What PyYAML says it was reading when a [ or { was left open (its context): the brackets
_FLOWS = {"while parsing a flow sequence": "[]", "while parsing a flow mapping": "{}"}

_STR, _SEQ, _MAP = (f"tag:yaml.org,2002:{t}" for t in ("str", "seq", "map"))


def _value(loader: Any, node: yaml.Node, depth: int = 0) -> Any:
    """What `yaml.load` makes of a node, its text, lists and mappings built here (PyYAML's
    constructor takes six calls a node: the front matter 0.42 → 0.27 ms a file, reading
    3,000 releases); any other value (numbers, booleans, null), and lists and mappings
    nested deeper than a release's, by the loader (without recursion)."""
    kind = type(node)
    if kind is yaml.ScalarNode:
        # (construct_document, not construct_object: it also runs the constructors a
        # collection tag leaves pending, so `!!seq pemilu` is refused as PyYAML refuses it)
        return node.value if node.tag == _STR else loader.construct_document(node)
    if depth > _DEEP:
        return loader.construct_document(node)
    if kind is yaml.SequenceNode and node.tag == _SEQ:
        return [_value(loader, item, depth + 1) for item in node.value]
    if kind is yaml.MappingNode and node.tag == _MAP:
        made = {}
        for key, value in node.value:
            if type(key) is not yaml.ScalarNode or key.tag not in (_STR, _INT):
                return loader.construct_document(node)  # (merge keys, odd keys)
            made[_value(loader, key)] = _value(loader, value, depth + 1)
        return made
    return loader.construct_document(node)


_DEEP = 8  # levels of lists and mappings built here (a release has three)
_INT = "tag:yaml.org,2002:int"


def split(text: str, path: Path) -> tuple[str, str]:
    """Split into (front matter, body); the file must open with `---`."""
    if text.startswith("\ufeff"):
        text = text[1:]
    first = _BOUNDARY.match(text)  # (python-frontmatter's `detect`)
    if first is None:
        raise ArticleError(
            Problem(
                path,
                1,
                "no front matter",
                "the file must start with a line `---`, "
                "then `key: value` lines, then `---`, then the Markdown body",
                "front_missing",
            )
        )
    closing = _closing(text, first.end())
    if closing is None:
        raise ArticleError(
            Problem(
                path,
                1,
                "front matter is never closed",
                "add a line `---` after the last key",
                "front_unclosed",
            )
        )
    front, body = text[first.end() : closing.start()], text[closing.end() :]
    return front, body.lstrip("\n").rstrip() + "\n" if body.strip() else ""


_BOUNDARY = _HANDLER.FM_BOUNDARY  # `^-{3,}\s*$`, line by line


def _closing(text: str, start: int) -> Any:
    """The boundary line that closes the front matter: the first match of `_BOUNDARY` from
    `start` (what `_BOUNDARY.split(text, 2)` finds), looked for only where a line starts
    with `---` (the pattern tried at every position cost ~24 µs a file)."""
    at = start - 1
    while True:
        at = text.find("\n---", at)
        if at < 0:
            return None
        found = _BOUNDARY.match(text, at + 1)
        if found is not None:
            return found
        at += 1


def line_of(front: str, keys: tuple[str | int, ...]) -> int | None:
    """The 1-based file line of a key path in the front matter (slow path: errors only)."""
    try:
        node: Any = yaml.compose(front, Loader=_Loader)
    except yaml.YAMLError:
        return None
    line = 2
    for key in keys:
        found = None
        if isinstance(node, yaml.MappingNode):
            found = next((v for k, v in node.value if k.value == key), None)
        elif isinstance(node, yaml.SequenceNode) and isinstance(key, int):
            found = node.value[key] if key < len(node.value) else None
        if found is None:
            break
        node = found
        line = node.start_mark.line + 1
    return line
