"""A preview after a config change counts what the run writes (pre20, defect 2).

A partner removed from newsroom.toml moves the content cache's key: the feeds output had
no record of the last run's documents and the pages output a new store, so the preview
named every feed, page and index ("would write at most 31 files") while the run, which
leaves alone a file already as it would be, wrote 2 (the lists of digests). Both now
build what a run would make and compare its bytes with the file there, as the run does
(up to DRY_BUILD feed documents, DRY_LOOK pages)."""

from __future__ import annotations

from pathlib import Path

from newsroom.i18n import Translator
from newsroom.i18n.explain import publish_lines

from .feedkit import at, newsroom_root, release, run
from .signkit import keyhome, make_key

__all__ = ["keyhome", "newsroom_root"]  # fixtures, used by name

PARTNER = '\n[[partners]]\nname = "pemilu"\ntitle = "Mitra Pemilu"\ncategories = ["Pemilu"]\n'


def _published(root: Path) -> None:
    make_key(root)
    for n in range(4):
        release(root, at(n * 0.01), f"Rilis {n}", category="Pemilu" if n % 2 else "Ekonomi")
    assert run(root, at(0.1)).signed


def test_a_partner_removed_the_preview_names_what_the_run_writes(
    newsroom_root: Path, keyhome: Path
) -> None:
    _published(newsroom_root)
    config = newsroom_root / "newsroom.toml"
    assert PARTNER in config.read_text()
    config.write_text(config.read_text().replace(PARTNER, "\n"))
    dry = run(newsroom_root, at(0.2), dry_run=True)
    done = run(newsroom_root, at(0.2))
    assert sorted(done.written) == ["SHA256SUMS", "SHA256SUMS.minisig"], done.to_json()
    assert sorted(dry.to_write) == sorted(done.written), dry.to_json()
    assert sorted(dry.to_remove) == sorted(done.removed), dry.to_json()
    assert not dry.to_write_at_most and not dry.to_write_unchecked
    said = publish_lines(Translator("en"), dry, str)
    assert said[0] == "would write 2 public files: SHA256SUMS, SHA256SUMS.minisig", said


def test_a_title_changed_the_preview_names_the_feeds_and_pages_the_run_writes(
    newsroom_root: Path, keyhome: Path
) -> None:
    """Files that do change are named too, each checked, every output's alike."""
    _published(newsroom_root)
    config = newsroom_root / "newsroom.toml"
    config.write_text(config.read_text().replace('title = "Humas Uji"', 'title = "Humas Baru"'))
    dry = run(newsroom_root, at(0.2), dry_run=True)
    done = run(newsroom_root, at(0.2))
    assert sorted(dry.to_write) == sorted(done.written), dry.to_json()
    assert not dry.to_write_at_most and not dry.to_write_unchecked
