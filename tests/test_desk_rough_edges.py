"""What a new user's walk of the desk found (at 80x24 and 120x40, in both languages), each
kept fixed: a status is a state and an action a verb, in every table of words."""

from __future__ import annotations

import pytest

from newsroom.core.model import ALL_STATUSES
from newsroom.i18n import CATALOG

# 6. A status is a state, an action a verb: "Ditinjau" on the tab as on the release --------


@pytest.mark.parametrize("language", ["en", "id"])
def test_a_status_reads_as_its_full_name_and_never_as_an_action(language: str) -> None:
    """The tabs and the narrow list say a status in a word of its full name ("Ditinjau" for
    "Ditinjau", "Diralat" for "Sedang diralat"), never in an action's words ("Tinjau",
    "Ralat": the key that starts a correction)."""
    side = 0 if language == "en" else 1
    word = {key: pair[side] for key, pair in CATALOG.items()}
    actions = {
        text.lower() for key, text in word.items() if key.startswith("cmd.") and ".help" not in key
    }
    for status in ALL_STATUSES:
        short, full = word[f"short.{status}"], word[f"status.{status}"]
        assert set(short.lower().split()) <= set(full.lower().split()), (short, full)
        assert short.lower() not in actions and full.lower() not in actions, (short, full)
