"""Hostile YAML in an article file: refused before YAML builds anything, naming the line.

The inputs are the real ones from issue 9 (written in tmp_path newsrooms); memory and
time are bounded by construction (anchors and aliases are refused from libyaml's event
stream, a front matter's size is capped before parsing), so no test here measures time.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from pathlib import Path

import pytest
from click.testing import CliRunner

from newsroom.cli import cli
from newsroom.core import fileformat, validate
from newsroom.core.errors import ArticleError

from .feedkit import at, configure, release

WIB = dt.timezone(dt.timedelta(hours=7))
HEAD = "---\nid: {id}\ntitle: Jahat\nslug: {slug}\nstatus: approved\n"
TAIL = "history:\n- at: 2026-06-01T09:00:00+07:00\n  by: nur\n  action: approve\n---\n\nIsi.\n"


def head(n: int = 2, slug: str = "jahat") -> str:
    return HEAD.format(id=f"bbbb1111-0000-4000-8000-{n:012d}", slug=slug)


def laughs(start: str) -> str:
    """A billion laughs in an unknown key: 9^9 strings from 700 bytes."""
    lines = ['x-a0: &a0 ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]']
    lines += [f"x-a{i}: &a{i} [" + ",".join([f"*a{i - 1}"] * 9) + "]" for i in range(1, 10)]
    return start + "\n".join(lines) + "\n" + TAIL


def aliased_tags(start: str) -> str:
    """260 KB: a 100 KB text named once and repeated 40,000 times among the tags (every
    search text, of `check`, `list` and `publish`, joined them: 4 GB)."""
    tags = ", ".join(["*t"] * 40_000)
    return start + f"x-text: &t {'a' * 100_000}\ntags: [{tags}]\n" + TAIL


def many_keys(start: str) -> str:
    """200,000 unknown keys (writing the file back took minutes: `_key_order` was quadratic)."""
    return start + "".join(f"x{i}: 1\n" for i in range(200_000)) + TAIL


def deep(start: str) -> str:
    """An unknown key nested 500 lists deep: writing it back overflowed Python's stack."""
    return start + "x-deep: " + "[" * 500 + "]" * 500 + "\n" + TAIL


HOSTILE = (laughs, aliased_tags, many_keys, deep)


@pytest.mark.parametrize(
    ("make", "line", "words"),
    [
        (laughs, 6, "aliases"),
        (aliased_tags, 6, "aliases"),
        (many_keys, 2, "more than the 1,000,000 allowed"),
        (deep, 6, "more than 32 levels deep"),
    ],
)
def test_hostile_front_matter_is_refused_naming_the_line(
    make: Callable[[str], str], line: int, words: str
) -> None:
    with pytest.raises(ArticleError) as caught:
        fileformat.parse(make(head()), Path("jahat.md"), WIB)
    assert caught.value.problem.line == line
    assert words in caught.value.problem.message and caught.value.problem.hint


def test_hostile_files_are_named_by_check_and_the_good_release_is_published(root: Path) -> None:
    configure(root)
    release(root, at(0), "Rilis baik")
    for n, make in enumerate(HOSTILE):
        start = head(n, make.__name__.replace("_", "-"))
        (root / "articles" / f"{make.__name__}.md").write_text(make(start))
    runner = CliRunner()
    checked = runner.invoke(cli, ["--root", str(root), "check"])
    assert checked.exit_code == 1
    for make in HOSTILE:
        assert f"articles/{make.__name__}.md:" in checked.output
    now = at(1).isoformat()
    published = runner.invoke(
        cli, ["--root", str(root), "--as", "cron", "publish", "--now", now, "--force-clock"]
    )
    assert published.exit_code == 1, published.output  # broken files fail the run ...
    assert "Rilis baik" in (root / "feeds" / "rss.xml").read_text()  # ... not the others


def test_nesting_is_bounded_at_32_levels() -> None:
    def nested(depth: int) -> str:
        return head() + "x-deep: " + "[" * depth + "1" + "]" * depth + "\n" + TAIL

    assert fileformat.parse(nested(32), Path("a.md"), WIB).extra["x-deep"]
    with pytest.raises(ArticleError, match="32 levels"):
        fileformat.parse(nested(33), Path("a.md"), WIB)


def test_anchors_are_refused_and_ampersands_and_stars_in_text_are_not() -> None:
    anchored = head() + "x-note: &catatan teks\n" + TAIL
    with pytest.raises(ArticleError) as caught:
        fileformat.parse(anchored, Path("a.md"), WIB)
    assert caught.value.problem.line == 6 and "anchors" in caught.value.problem.message
    plain = head().replace("Jahat", "PAN & RB *penting*") + "summary: '*Catatan* & &x'\n" + TAIL
    article = fileformat.parse(plain, Path("a.md"), WIB)
    assert article.title == "PAN & RB *penting*" and article.summary == "*Catatan* & &x"


def test_a_front_matter_at_the_bound_still_reads() -> None:
    filler = "x-pad: " + "a" * (validate.FRONT_MATTER_MAX - len(head() + TAIL) - 20) + "\n"
    article = fileformat.parse(head() + filler + TAIL, Path("a.md"), WIB)
    assert article.slug == "jahat"


class Key(str):
    """A key that counts how often it is compared by equality."""

    compared = 0

    def __eq__(self, other: object) -> bool:
        Key.compared += 1
        return str.__eq__(self, other)

    __hash__ = str.__hash__


def test_key_order_is_linear_in_the_number_of_keys() -> None:
    article = fileformat.parse(head() + TAIL, Path("a.md"), WIB)
    keys = [Key(f"x{i}") for i in range(3_000)]
    article.extra = dict.fromkeys(keys, 1)
    article.key_order = [*article.key_order, *keys]
    Key.compared = 0
    mapping = fileformat.to_mapping(article)
    assert list(mapping)[-3_000:] == keys
    assert Key.compared < 10 * len(keys)  # quadratic: ~9,000,000
