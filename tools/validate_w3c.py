"""Check feed files with the W3C Feed Validation Service, run locally.

    git clone https://github.com/w3c/feedvalidator /tmp/fv   # never commit it
    python3 -m venv /tmp/fv/venv && /tmp/fv/venv/bin/pip install lxml html5lib rdflib
    /tmp/fv/venv/bin/python tools/validate_w3c.py --validator /tmp/fv feeds/

Validates every .xml and .json-free feed file under the given folders or files at the
online validator's level ("AA"), with each document's own URL (its self link) as base,
prints each error and warning with the file, and exits 1 if there is any.
"""

from __future__ import annotations

import argparse
import re
import sys
from pathlib import Path


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--validator", type=Path, required=True, help="w3c/feedvalidator clone")
    parser.add_argument("paths", type=Path, nargs="+")
    args = parser.parse_args()
    sys.path.insert(0, str(args.validator / "src"))
    import feedvalidator  # type: ignore[import-not-found]
    from feedvalidator import compatibility
    from feedvalidator.formatter.text_plain import Formatter  # type: ignore[import-not-found]

    files = [f for p in args.paths for f in ([p] if p.is_file() else sorted(p.rglob("*.xml")))]
    bad = 0
    for path in files:
        data = path.read_bytes()
        found = re.search(rb'<(?:atom:)?link[^>]*rel="self"[^>]*href="([^"]+)"', data) or re.search(
            rb'<(?:atom:)?link[^>]*href="([^"]+)"[^>]*rel="self"', data
        )
        base = found.group(1).decode() if found else "http://example.invalid/feed.xml"
        try:
            events = feedvalidator.validateString(data, firstOccurrenceOnly=1, base=base)
            logged = compatibility.AA(events["loggedEvents"])
        except feedvalidator.logging.ValidationFailure as failure:
            logged = [failure.event]
        output = Formatter(logged)
        if output:
            bad += 1
            print(f"{path}:")
            print("\n".join(f"    {line}" for line in output))
    print(f"{len(files) - bad} of {len(files)} feed files: no errors or warnings")
    return 1 if bad else 0


if __name__ == "__main__":
    sys.exit(main())
