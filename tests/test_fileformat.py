"""The article file format: parsing, writing, round trips and stable key order."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from newsroom.core import fileformat, frontyaml
from newsroom.core.errors import ArticleError

WIB = dt.timezone(dt.timedelta(hours=7))

TEXT = """---
id: 0f3c2f4e-1111-4a4a-9b9b-123456789abc
title: Judul
slug: judul
status: draft
x-desk-note: keep me
language: id
dateline: JAKARTA
categories: [Pemilu]
created: 2026-11-27T09:00:00+07:00
custom:
  nested:
  - 1
  - 2
history:
- at: 2026-11-27T09:00:00+07:00
  by: ald
  action: create
  to: draft
---

Isi **siaran** pers.
"""


def test_parse_reads_fields_and_times_with_offset() -> None:
    article = fileformat.parse(TEXT, Path("a.md"), WIB)
    assert article.title == "Judul"
    assert article.categories == ["Pemilu"]
    assert article.created == dt.datetime(2026, 11, 27, 9, 0, tzinfo=WIB)
    assert article.history[0].action == "create"
    assert article.body == "Isi **siaran** pers.\n"


def test_round_trip_is_byte_identical_and_keeps_unknown_keys_in_place() -> None:
    article = fileformat.parse(TEXT, Path("a.md"), WIB)
    assert fileformat.dump(article) == TEXT
    again = fileformat.parse(fileformat.dump(article), Path("a.md"), WIB)
    assert fileformat.to_mapping(again) == fileformat.to_mapping(article)


def test_new_keys_slot_in_at_their_canonical_place() -> None:
    article = fileformat.parse(TEXT, Path("a.md"), WIB)
    article.summary = "Ringkasan."
    article.embargo = dt.datetime(2026, 12, 1, 9, 0, tzinfo=WIB)
    keys = list(fileformat.to_mapping(article))
    assert keys.index("summary") == keys.index("dateline") + 1
    assert keys.index("embargo") < keys.index("created")
    assert keys.index("x-desk-note") == 4  # unknown keys stay where the writer put them
    assert "embargo: 2026-12-01T09:00:00+07:00\n" in fileformat.dump(article)


def test_naive_times_are_read_in_the_newsroom_zone() -> None:
    text = TEXT.replace("2026-11-27T09:00:00+07:00", "2026-11-27 09:00", 1)
    article = fileformat.parse(text, Path("a.md"), WIB)
    assert article.created is not None and article.created.utcoffset() == dt.timedelta(hours=7)


@pytest.mark.parametrize(
    ("text", "line", "words"),
    [
        ("no front matter\n", 1, "no front matter"),
        ("---\nid: x\ntitle: [unclosed\n---\nbody\n", 3, "the [ opened on this line"),
        ('---\nid: x\ntitle: "unclosed\nslug: y\n---\nbody\n', 3, "the quote opened on"),
        (TEXT.replace("categories: [Pemilu]", "categories: [Pemilu"), 9, "never closed"),
        (TEXT.replace("categories: [Pemilu]", "categories: {a: 1"), 9, "the { opened"),
        (TEXT.replace("status: draft", "status: done"), 5, "unknown status"),
        (TEXT.replace("categories: [Pemilu]", "categories: {a: 1}"), 9, "list of words"),
        (TEXT.replace("created: 2026-11-27T09:00:00+07:00", "created: kemarin"), 10, "not a date"),
        (TEXT.replace("title: Judul\n", ""), 2, "`title` is missing"),
        (
            TEXT.replace("  by: ald\n", "  by: ald\n").replace(
                "- at: 2026-11-27T09:00:00+07:00\n", "- by: x\n"
            ),
            16,
            "no `at` time",
        ),
    ],
)
def test_broken_text_names_the_line(text: str, line: int, words: str) -> None:
    with pytest.raises(ArticleError) as caught:
        fileformat.parse(text, Path("broken.md"), WIB)
    assert caught.value.problem.line == line
    assert words in caught.value.problem.message
    assert str(caught.value).startswith(f"broken.md:{line}: ")


def test_libyaml_and_pure_python_dumpers_write_the_same_text() -> None:
    import yaml

    article = fileformat.parse(TEXT, Path("a.md"), WIB)
    article.summary = "Ringkasan: dengan titik dua, “kutip” dan #tanda"
    article.tags = ["a", "b c", "2019"]

    class Pure(yaml.SafeDumper):
        def ignore_aliases(self, data: object) -> bool:
            return True

    Pure.add_representer(dt.datetime, fileformat._represent_time)
    Pure.add_representer(fileformat._Flow, fileformat._represent_flow)
    pure = yaml.dump(
        fileformat.to_mapping(article),
        Dumper=Pure,
        sort_keys=False,
        allow_unicode=True,
        width=4096,
        default_flow_style=False,
    )
    assert fileformat.dump(article).split("---\n")[1] == pure


@pytest.mark.parametrize(
    "front",
    [
        "categories: !!seq pemilu",  # a collection tag on a plain value: refused
        "a: !!map x",
        "a: !!set x",
        "a: 1\nb: true\nc: null\nd: 0o17\ne: 1.5\nf: ~\ng: 2018-12-07",
        "a: [1, 'x', {b: c}]",
        "? !!str 1\n: x",
        "1: a\ntrue: b",
        "a: !!str 12",
        "a: !!int '12'",
        "a: x\na: y",
        "<<: {a: 1}\nb: 2",
        "a: !!binary aGVsbG8=",
        "a: " + "[" * 12 + "x" + "]" * 12,
    ],
)
def test_front_matter_values_are_what_the_safe_loader_makes_of_them(front: str) -> None:
    """The front matter is built from libyaml's nodes (frontyaml._value): every value is
    the one PyYAML's safe loader makes, and what it refuses is refused."""
    import yaml

    try:
        expected = yaml.load(front, Loader=frontyaml._Loader)
    except yaml.YAMLError:
        with pytest.raises(ArticleError):
            frontyaml.load(front, Path("x.md"))
        return
    assert frontyaml.load(front, Path("x.md")) == expected


@pytest.mark.parametrize(
    ("key", "hint"),
    [("url", "did you mean `src`?"), ("capton", "did you mean `caption`?"),
     ("x-fotografer", "remove it, or move it out of `image`")],
)  # fmt: skip
def test_an_unknown_key_of_the_photo_is_refused_by_line_not_lost_at_the_next_save(
    key: str, hint: str
) -> None:
    """`image: {url: https://…, caption: …}` (the photo's address under a name newsroom
    does not read) was dropped without a word, and gone from the file at the next comment
    or approval: the caption check said only "a caption but no photo"."""
    text = TEXT.replace("created:", f"image:\n  caption: Peserta seminar\n  {key}: x\ncreated:")
    with pytest.raises(ArticleError) as caught:
        fileformat.parse(text, Path("a.md"), WIB)
    problem = caught.value.problem
    assert problem.line == 12, problem  # the key's own line
    assert f"image: unknown key `{key}` (src, caption, credit, alt)" in problem.message
    assert problem.hint == hint


def test_a_time_put_in_a_field_reads_day_first_as_the_screens_show_it() -> None:
    """The embargo dialogs and the editor filled their field as 2026-12-10 09:00 and said
    "e.g. 2026-12-08 09:00" while every screen shows 10-12-2026 09:00 (a new user's walk):
    one way now, which parse_time reads back."""
    from newsroom.core.clock import input_time, parse_time

    tz = dt.timezone(dt.timedelta(hours=8))  # (a WITA office)
    when = dt.datetime(2026, 12, 10, 9, 0, tzinfo=tz)
    assert input_time(when, tz) == "10-12-2026 09:00"
    assert parse_time(input_time(when, tz), tz) == when
    assert input_time(when.astimezone(dt.UTC), tz) == "10-12-2026 09:00"
