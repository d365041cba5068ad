"""Markdown to HTML: markdown-it-py's CommonMark, raw HTML off.

markdown-it-pyrs (the Rust port from the same maintainers) renders the same HTML
about ten times faster; it is used when installed, and a test holds the two to
byte-identical output, so feeds never depend on which one ran.
"""

from __future__ import annotations

from collections.abc import Callable

from markdown_it import MarkdownIt

# CommonMark's rules without raw HTML (html_block, html_inline): pasted HTML shows as text.
RULES = ["blockquote", "code", "fence", "heading", "hr", "lheading", "list", "paragraph",
         "reference", "autolink", "backticks", "emphasis", "entity", "escape", "image", "link",
         "newline"]  # fmt: skip

reference: Callable[[str], str] = MarkdownIt("commonmark", {"html": False}).render


def _fast() -> tuple[str, Callable[[str], str]]:
    try:
        import markdown_it_pyrs
    except ImportError:
        return "markdown-it-py", reference
    parser = markdown_it_pyrs.MarkdownIt("zero").enable_many(RULES)  # type: ignore[arg-type]
    return "markdown-it-pyrs", parser.render


RENDERER, render = _fast()
