"""Markdown to HTML: markdown-it-py's CommonMark, raw HTML off.

markdown-it-pyrs (the Rust port from the same maintainers) renders the same HTML
about ten times faster; it is used when installed, and a test holds the two to
byte-identical output, so feeds never depend on which one ran.
"""

from __future__ import annotations

from collections.abc import Callable
from functools import cache
from importlib.util import find_spec

# CommonMark's rules without raw HTML (html_block, html_inline): pasted HTML shows as text.
RULES = ["blockquote", "code", "fence", "heading", "hr", "lheading", "list", "paragraph",
         "reference", "autolink", "backticks", "emphasis", "entity", "escape", "image", "link",
         "newline"]  # fmt: skip


def renderer_name() -> str:
    """Which renderer runs (part of the cache key), found without importing either."""
    return "markdown-it-pyrs" if find_spec("markdown_it_pyrs") else "markdown-it-py"


@cache
def _reference() -> Callable[[str], str]:
    from markdown_it import MarkdownIt

    return MarkdownIt("commonmark", {"html": False}).render


@cache
def _fast() -> Callable[[str], str]:
    if renderer_name() == "markdown-it-py":
        return _reference()
    import markdown_it_pyrs

    parser = markdown_it_pyrs.MarkdownIt("zero").enable_many(RULES)  # type: ignore[arg-type]
    return parser.render


def reference(text: str) -> str:
    """markdown-it-py's rendering: the reference the fast one must match."""
    return _reference()(text)


def render(text: str) -> str:
    """The rendering used in feeds."""
    return _fast()(text)
