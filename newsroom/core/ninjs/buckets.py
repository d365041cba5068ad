"""ninjs' record of what each release's documents are, by bucket (the first BUCKET hex digits
of its id): `.newsroom/ninjs/<bucket>.json` holds each release's signature, month and files,
and the run's state the signature of each bucket, so a run reads only the buckets that
moved (output.py)."""

from __future__ import annotations

import hashlib
import json
from pathlib import Path
from typing import Any

from ..config import Config
from .document import FOLDER

BUCKET = 2  # hex digits of a release's id that name its bucket (256 buckets)
GONE = "x"  # a canceled release's signature: "x<when>" (gone.py); digests are hex
# A held release this run refuses (`held_back`: its file there, a seal broken) in its
# bucket's signature: its entry and private documents stay as partners have them (the
# private feeds keep it, feeds/held.py), so its file deleted later is found gone
# (output.py: `_gone`)
HELD = "held"


def bucket_sig(entries: list[str]) -> str:
    return hashlib.blake2b("|".join(sorted(entries)).encode(), digest_size=12).hexdigest()


def name_taken(kept: dict[str, Any], taken: set[str]) -> bool:
    """Whether a canceled release's document (gone.py: its index item by folder) has a name
    another release partners hold has now."""
    return any(f"{folder}/{item['href'].rpartition('/')[2]}" in taken
               for folder, item in kept.get("items", {}).items())  # fmt: skip


def private_only(entry: dict[str, Any]) -> bool:
    """Whether a bucket's entry is a release's private documents only (held, withheld)."""
    files = entry.get("files", ())
    return bool(files) and all(f.startswith("private/") for f in files)


def bucket_path(config: Config, bucket: str) -> Path:
    return config.state_dir / FOLDER / f"{bucket}.json"


def read_bucket(config: Config, bucket: str) -> dict[str, dict[str, Any]]:
    try:
        data: dict[str, dict[str, Any]] = json.loads(bucket_path(config, bucket).read_bytes())
        return data
    except (OSError, ValueError):
        return {}
