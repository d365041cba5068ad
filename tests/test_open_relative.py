"""The core's door opened on a relative root, as a script run in the newsroom's folder
does (`Newsroom.open(Path("."))`): a release it made could not be found again by its id
("no release '…'"): the scan named files "./articles/…", the store "articles/…"."""

from __future__ import annotations

from pathlib import Path

import pytest

from newsroom.core.clock import fixed_clock
from newsroom.core.service import NewArticle, Newsroom

from .feedkit import at, configure


@pytest.mark.parametrize("relative", [".", "sub/.."])
def test_a_release_made_through_a_relative_root_is_found_again(
    root: Path, monkeypatch: pytest.MonkeyPatch, relative: str
) -> None:
    configure(root)
    (root / "sub").mkdir()
    monkeypatch.chdir(root)
    writer = Newsroom.open(Path(relative), "ald", fixed_clock(at(0)))
    made = writer.create(NewArticle(title="Rilis", body="Isi.\n", dateline="JAKARTA",
                                    author="ald", credit="HUMAS UJI"))  # fmt: skip
    assert writer.find(made.id).title == "Rilis"
    assert Newsroom.open(Path(relative), "nur").find(made.id[:8]).id == made.id
    assert writer.config.root == root
