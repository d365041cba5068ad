"""SHA256SUMS changed a line at a time reads exactly as the list written whole, which
`sha256sum -c` reads (GNU coreutils' format, escapes included)."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from newsroom.core.signing.sums import SumsList, parse_sums, sums_text

names = st.text(st.sampled_from("ab/\\\n\r.é-"), min_size=1, max_size=6)
digests = st.text(st.sampled_from("0123456789abcdef"), min_size=64, max_size=64)
changes = st.lists(st.tuples(names, st.one_of(st.none(), digests)), max_size=12)


def apply(
    listed: SumsList, expected: dict[str, str], steps: list[tuple[str, str | None]]
) -> dict[str, str]:
    """Each step on the list and on `expected` (None: the name taken out), checking what
    `pop` says and the list's length after every step."""
    for name, digest in steps:
        if digest is None:
            assert listed.pop(name) == (name in expected)
            expected.pop(name, None)
        else:
            listed.set(name, digest)
            expected[name] = digest
        assert len(listed) == len(expected)
    return expected


@settings(max_examples=300, deadline=None)
@given(st.dictionaries(names, digests, max_size=12), changes, st.booleans())
def test_a_list_changed_line_by_line_is_the_list_written_whole(
    start: dict[str, str], steps: list[tuple[str, str | None]], trusted: bool
) -> None:
    """`trusted`: a list this program signed, kept as its text and spliced."""
    listed = SumsList.parse(sums_text(start), trusted=trusted)
    expected = apply(listed, dict(start), steps)
    assert listed.data().decode() == sums_text(expected)
    assert parse_sums(listed.data().decode()) == expected
    assert len(listed) == len(expected)


def test_a_list_that_is_not_sorted_is_read_the_careful_way() -> None:
    text = f"{'b' * 64}  z.html\n{'a' * 64}  a.html\n"
    listed = SumsList.parse(text)
    listed.set("m.html", "c" * 64)
    expected = {"a.html": "a" * 64, "m.html": "c" * 64, "z.html": "b" * 64}
    assert listed.data().decode() == sums_text(expected)


plain = st.text(st.sampled_from("ab/.é-z0"), min_size=1, max_size=8)


@settings(max_examples=300, deadline=None)
@given(st.dictionaries(plain, digests, min_size=1, max_size=40), changes, st.data())
def test_a_trusted_list_is_spliced_not_split(
    start: dict[str, str], steps: list[tuple[str, str | None]], data: st.DataObject
) -> None:
    """Names without escapes: the trusted list stays text (a line found by bisecting it)
    and reads exactly as the list written whole, after every step."""
    listed = SumsList.parse(sums_text(start), trusted=True)
    assert listed.lines == [] and len(listed) == len(start)  # not split into lines
    steps += [(data.draw(st.sampled_from(sorted(start))), None)]  # one that is there
    expected = apply(listed, dict(start), steps)
    assert listed.data().decode() == sums_text(expected)
    assert listed.changed or expected == start  # (a change undone may still count)
