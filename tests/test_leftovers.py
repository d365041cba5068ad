"""Review leftovers: whose a copy kept aside is, read in one place; the CLI's questions
asked by one helper; a publish log line of a bounded length; a correction's notice and a
sign-off worded the same everywhere."""

from __future__ import annotations

from pathlib import Path

from newsroom.core.clock import fixed_clock
from newsroom.core.service import NewArticle, Newsroom

from .tuikit import NOW

# 2. Whose a copy kept aside is: one reading of its name ----------------------------------


def test_a_slug_holding_another_persons_key_is_not_their_copy(bundled: Path) -> None:
    """`<slug>-<person>-<time>.md`: Dwi's copy of "program-rin-tisan" is Dwi's, not Rin's
    (a search for "-rin-" in the name took it for Rin's: her desk offered a copy she could
    neither restore nor discard)."""
    dwi = Newsroom.open(bundled, "dwi", fixed_clock(NOW))
    draft = dwi.create(NewArticle(title="Program rin tisan", dateline="JAKARTA"))
    assert draft.slug == "program-rin-tisan"
    kept = dwi.keep_unsaved(draft.slug, Path(bundled / str(draft.path)).read_text())
    rin = Newsroom.open(bundled, "rin", fixed_clock(NOW))
    assert rin.unsaved() == []
    assert dwi.unsaved() == [kept]
    (copy,) = rin.unsaved_copies()
    assert (copy.name, copy.person) == (kept.name, "dwi")
