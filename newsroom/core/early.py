"""A head start for a publish run from the command line (cron's `newsroom publish`).

Before the program has loaded (~150 ms of imports), a spare process (parallel.py) starts
walking articles/ (scan.py); the run then takes the files it found instead of walking them
itself: ~50 ms of a publish after one approval at 10,000 releases, 5 % (bench_publish.py;
docs/performance.md, twenty-first session). The command line asks for it from what it was
given, before it parses it (`start`); the run takes it only when it is its own (`take`:
the same newsroom, a real run), and a run that may change the files first (a git pull)
drops it (`drop`). One nobody takes ends with this process.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from .parallel import Spare

# This process's head start until a run takes it: a process-wide fact, asked for before
# any object of the run exists (`python -m newsroom.cli` runs the command line's module
# twice, as __main__ and as imported: the second asks no more).
_spare: Spare | None = None
_state: tuple[int, int] | None = None  # the publish state's stamp before the walk began
_asked = False


def start(root: str | None) -> None:
    """Start walking the articles of the newsroom at `root` (--root; None: where a command
    would look, where.py) in a spare process. Once a process; nothing when there is no
    newsroom there, it has never published (a first run), or there is no second core."""
    global _spare, _state, _asked
    if _asked:
        return
    _asked = True
    from .parallel import Spare
    from .where import ARTICLES_DIR, PUBLISH_STATE, STATE_DIR, resolve_root, stamp

    where = resolve_root(root)
    if where is None:
        return
    _state = stamp(where / STATE_DIR / PUBLISH_STATE)  # (first: a run ending after it is seen)
    if _state is not None:  # (a first run reads every file for tens of seconds: a walk saved
        # is nothing there, and its process tree stays as it was, 300 MB at 100,000)
        _spare = Spare.start(walk=(str(where), str(where / ARTICLES_DIR)))


def take(root: Path, articles: Path, state: tuple[int, int] | None) -> Spare | None:
    """The head start, for a run of the newsroom at `root` whose publish state has the
    stamp `state` now: None when there is none, it walks another folder, or a run ended
    since it began (its walk may miss what that run published: the state moved); it is
    then ended. Taken once."""
    global _spare
    spare, _spare = _spare, None
    if spare is not None and (spare.walking != (str(root), str(articles)) or state != _state):
        spare.close()
        return None
    return spare


def drop() -> None:
    """End the head start, if any: the run may change the files before it scans them."""
    global _spare
    spare, _spare = _spare, None
    if spare is not None:
        spare.close()
