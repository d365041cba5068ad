"""Every field is checked when a file is read: identifiers refused, text cleaned, dates bounded.

Each refusal names the file's line and says how to fix it (issue 9, section 3).
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from newsroom.core import fileformat, validate
from newsroom.core.errors import ArticleError
from newsroom.core.model import Article

WIB = dt.timezone(dt.timedelta(hours=7))
GOOD_ID = "0f3c2f4e-1111-4a4a-9b9b-123456789abc"


def text(**fields: str) -> str:
    """A release file: id, title, slug on lines 2-4, then the given fields in order."""
    head = {"id": GOOD_ID, "title": "Judul", "slug": "judul"}
    head.update({k: v for k, v in fields.items() if k in head})
    rest = {k: v for k, v in fields.items() if k not in head}
    lines = [f"{k}: {v}" for k, v in {**head, **rest}.items()]
    return "---\n" + "\n".join(lines) + "\n---\n\nIsi.\n"


def refused(source: str) -> ArticleError:
    with pytest.raises(ArticleError) as caught:
        fileformat.parse(source, Path("rilis.md"), WIB)
    return caught.value


def parsed(source: str) -> Article:
    return fileformat.parse(source, Path("rilis.md"), WIB)


@pytest.mark.parametrize(
    ("fields", "line", "words"),
    [  # a control character in an identifier passed `check` and then killed publish in lxml
        ({"id": '"0f3c2f4e-1111-4a4a-9b9b-123456789ab\\x01"'}, 2, "`id`"),
        ({"slug": '"jud\\x01ul"'}, 4, "`slug`"),
        ({"language": '"i\\x02d"'}, 5, "`language`"),
        ({"image": '\n  caption: Foto\n  src: "/a\\x03.jpg"'}, 7, "`src`"),
    ],
)
def test_a_control_character_in_an_identifier_is_refused_on_its_line(
    fields: dict[str, str], line: int, words: str
) -> None:
    error = refused(text(**fields))
    assert error.problem.line == line and words in error.problem.message
    assert error.problem.hint  # says how to write it
    assert "\x01" not in str(error) and "\x02" not in str(error)  # escaped in the message


@pytest.mark.parametrize(
    "ident",
    ["x", "0F3C2F4E-1111-4A4A-9B9B-123456789ABC", "{0f3c2f4e-1111-4a4a-9b9b-123456789abc}",
     "0f3c2f4e11114a4a9b9b123456789abc", "../../leases/x", "/etc/passwd"],
)  # fmt: skip
def test_an_id_is_a_lower_case_uuid(ident: str) -> None:
    error = refused(text(id=f"'{ident}'"))
    assert error.problem.line == 2 and "not a UUID" in error.problem.message


@pytest.mark.parametrize(
    "slug",
    ["../../../../X", "/tmp/X", "x$(touch${IFS}INJECTED)", "Judul", "a--b", "-a", "a-",
     "a_b", "a b", "é", "a" * 121],
)  # fmt: skip
def test_a_slug_is_lower_case_words_joined_by_single_hyphens(slug: str) -> None:
    error = refused(text(slug=f"'{slug}'"))
    assert error.problem.line == 4 and "`slug`" in error.problem.message


@pytest.mark.parametrize("slug", ["a", "2019", "humas-jaga-netralitas-asn-pemilu-2019", "a" * 120])
def test_good_slugs_pass(slug: str) -> None:
    assert parsed(text(slug=slug)).slug == slug


@pytest.mark.parametrize(
    "tag", ["id", "en", "jv", "id-ID", "en-GB", "zh-Hant-TW", "es-419", "sr-Latn-RS",
            "de-CH-1901", "en-US-u-ca-gregory", "x-humas", "en-x-internal"],
)  # fmt: skip
def test_bcp47_language_tags_pass(tag: str) -> None:
    assert parsed(text(language=tag)).language == tag


@pytest.mark.parametrize(
    "tag", ["i", "indonesian-lang", "en_US", "id-", "-id", "en--GB", "id ID", "ıd", "a1"]
)
def test_other_languages_are_refused(tag: str) -> None:
    error = refused(text(language=f"'{tag}'"))
    assert error.problem.line == 5 and "language tag" in error.problem.message


@pytest.mark.parametrize(
    "src",
    ["/images/2018/12/foto.jpg", "images/foto.jpg", "foto.jpg", "https://cdn.example.go.id/a.jpg",
     "HTTP://example.go.id/a.jpg?x=1#y", "/images/foto%20saya.jpg"],
)  # fmt: skip
def test_a_photo_is_a_path_under_the_site_or_a_web_address(src: str) -> None:
    image = parsed(text(image=f"\n  src: '{src}'")).image
    assert image is not None and image.src == src


@pytest.mark.parametrize(
    "src",
    ["javascript:alert(1)", "JaVaScRiPt:alert(1)", "data:image/png;base64,AAAA",
     "file:///etc/passwd", "ftp://example.go.id/a.jpg", "mailto:humas@example.go.id",
     "https:///a.jpg", "//evil.example/a.jpg", "/images/../../etc/passwd", "../foto.jpg",
     "/images/%2e%2e/x.jpg", "https://example.go.id/a/../../b.jpg", "C:\\foto.jpg"],
)  # fmt: skip
def test_other_photo_addresses_are_refused(src: str) -> None:
    error = refused(text(image=f"\n  src: '{src}'"))
    assert error.problem.line == 6 and "`src`" in error.problem.message


@pytest.mark.parametrize(
    ("value", "line"),
    [
        ("0001-01-01T00:00:00+07:00", 5),  # crashed check, list and publish (astimezone)
        ("9999-12-31T23:00:00-07:00", 5),
        ("1899-12-31", 5),
        ("3000-01-01T08:00:00+07:00", 5),
        ("!!timestamp 0001-01-01 00:00:00+07:00", 5),  # an explicit tag: a datetime object
    ],
)
def test_dates_outside_the_years_1900_to_2999_are_refused(value: str, line: int) -> None:
    error = refused(text(created=value))
    assert error.problem.line == line and "outside the years 1900-2999" in error.problem.message


def test_the_bounds_are_instants_whatever_the_zone() -> None:
    assert parsed(text(created="3000-01-01T05:00:00+07:00")).created is not None
    assert refused(text(created="1900-01-01T05:00:00+07:00")).problem.line == 5
    assert parsed(text(created="1899-12-31T20:00:00-07:00")).created is not None


@pytest.mark.parametrize("key", ["history", "comments", "corrections"])
def test_the_times_of_history_comments_and_corrections_are_bounded_too(key: str) -> None:
    error = refused(text(**{key: "\n- at: 0001-01-01T00:00:00+07:00\n  by: a"}))
    assert error.problem.line == 6 and "`at`" in error.problem.message


def test_text_fields_are_cleaned_of_control_characters() -> None:
    source = text(
        title='"Judul\\e[31m merah\\x85\\x00"',
        summary='"Baris satu\\nbaris dua\\x07"',
        dateline='"JAKARTA\\tBARAT"',
        categories='["Pemilu\\x01"]',
        image='\n  src: /a.jpg\n  caption: "Foto\\x9b"',
        history='\n- at: 2026-11-27T09:00:00+07:00\n  by: "ald\\x1b"\n  action: create\n'
        '  note: "a\\nb\\x0c"',
    ).replace("Isi.", "Isi\x0b dari Word\x01.\n\n\tKode\x7f.")
    article = parsed(source)
    assert article.title == "Judul[31m merah"
    assert article.summary == "Baris satu\nbaris dua"  # several lines: they stay
    assert article.dateline == "JAKARTA BARAT"  # one line: a tab is a space
    assert article.categories == ["Pemilu"]
    assert article.image is not None and article.image.caption == "Foto"
    assert article.history[0].by == "ald" and article.history[0].note == "a\nb"
    assert article.body == "Isi dari Word.\n\n\tKode.\n"  # newlines and tabs kept


def test_a_published_version_is_checked_and_cleaned_but_never_reshaped() -> None:
    version = (
        '\n  title: "Lama\\x01"\n  body: "Teks lama.\\n"\n  categories: [A]'
        "\n  image:\n    src: /images/a.jpg"
    )
    article = parsed(text(published_version=version))
    assert article.published_version == {
        "title": "Lama",
        "body": "Teks lama.\n",
        "categories": ["A"],
        "image": {"src": "/images/a.jpg"},
    }
    hostile = version.replace("/images/a.jpg", "javascript:alert(1)")
    error = refused(text(published_version=hostile))
    assert error.problem.line == 10 and "`src`" in error.problem.message


def test_a_published_version_keeping_every_partner_visible_field_reads_back() -> None:
    version = (
        "\n  title: Lama\n  slug: judul\n  language: id\n  release_number: 12/HUMAS"
        "\n  image: null\n  embargo: 2026-12-08T09:00:00+07:00\n  categories: []\n  tags: null"
    )
    article = parsed(text(published_version=version))
    assert article.published_version is not None
    assert article.published_version["embargo"] == "2026-12-08T09:00:00+07:00"  # as written
    assert article.published_version["image"] is None
    written = fileformat.dump(article)
    assert fileformat.dump(parsed(written)) == written


@pytest.mark.parametrize(
    ("kept", "words"),
    [
        ("embargo: 0001-01-01T00:00:00+07:00", "outside the years"),
        ("embargo: besok", "not a date"),
        ("slug: ../../x", "`slug`"),
        ('language: "i\\x02d"', "`language`"),
        ("image: foto.jpg", "`image` must be"),
        ("title: [a]", "must be text"),
    ],
)
def test_a_published_versions_bad_field_is_refused_on_its_line(kept: str, words: str) -> None:
    error = refused(text(published_version=f"\n  body: Teks.\n  {kept}"))
    assert error.problem.line == 7 and words in error.problem.message


def test_a_clean_published_version_round_trips_byte_for_byte() -> None:
    article = parsed(text(summary="Ringkasan."))
    article.published_version = {"title": "Lama", "body": "Teks\n\nlama.\n", "tags": ["a"]}
    article.published_version["image"] = {"src": "/a.jpg", "caption": "Foto"}
    written = fileformat.dump(article)
    assert fileformat.dump(parsed(written)) == written


def test_clean_is_idempotent_and_keeps_ordinary_text() -> None:
    for sample in ["Kementerian PAN & RB", "Rp 1.000.000,-", "Ñandú ✓ 😀", "a\u00a0b"]:
        assert validate.clean(sample) == sample
    dirty = "a\x00b\x1b[0m\x85c\ud800\uffff\td"
    once = validate.clean(dirty)
    assert once == "ab[0mc d" and validate.clean(once) == once


@given(st.text(), st.booleans())
def test_clean_leaves_no_control_character_and_its_fast_check_agrees(
    sample: str, multiline: bool
) -> None:
    cleaned = validate.clean(sample, multiline)
    kept = "\t\n\r" if multiline else ""
    assert not any(
        (ord(c) < 0x20 and c not in kept) or 0x7F <= ord(c) <= 0x9F or 0xD800 <= ord(c) <= 0xDFFF
        for c in cleaned
    )
    assert "\ufffe" not in cleaned and "\uffff" not in cleaned
    assert validate.clean(cleaned, multiline) == cleaned
    assert validate._is_clean(sample, multiline) == (cleaned == sample)
