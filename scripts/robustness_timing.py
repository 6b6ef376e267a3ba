"""The speed goals of the bad-input work, which the suite checks for behaviour but never times:
a pack with a catastrophic regex on a 1 MB input must finish in under 5 s (the rule reported as
timed out), and a single-line dump, like a page of thousands of fenced code listings between
marked lines, must clean in time linear in its size.

    uv run python scripts/robustness_timing.py [LINE_MB ...]    # default: 5 20
"""

from __future__ import annotations

import sys
import tempfile
import time
from pathlib import Path

import yaml

from cleaner import Cleaner

CATASTROPHIC_GOAL_SECONDS = 5.0
DEFAULT_LINE_MB = (5, 20)
LISTINGS = (5_000, 20_000)  # four times as many should take about four times as long
SENTENCE = "The minister said on Monday that the quick brown fox jumps over the lazy dog. "
HOSTILE_LINE = "A" + "a" * 39 + "!"
PACK = {
    "format": 1,
    "id": "hostile",
    "name": "Hostile",
    "domains": ["hostile.example"],
    "rules": [{"id": "catastrophe", "kind": "promo", "action": "drop", "pattern": r"^(\w|\w\w)+$"}],
}


def catastrophic_seconds() -> float:
    with tempfile.TemporaryDirectory() as folder:
        (Path(folder) / "hostile.yaml").write_text(yaml.safe_dump(PACK), encoding="utf-8")
        cleaner = Cleaner(rules_dirs=[Path(folder)])
    unit = f"{SENTENCE}\n\n{HOSTILE_LINE}\n\n"
    text = unit * (2**20 // len(unit) + 1)
    start = time.perf_counter()
    result = cleaner.clean_text(text, outlet="hostile")
    seconds = time.perf_counter() - start
    assert any("hostile.catastrophe skipped" in w for w in result.metadata.warnings), (
        result.metadata.warnings
    )
    return seconds


def line_seconds(cleaner: Cleaner, megabytes: int) -> float:
    text = SENTENCE * (megabytes * 2**20 // len(SENTENCE))
    start = time.perf_counter()
    cleaner.clean_text(text)
    return time.perf_counter() - start


def listings_seconds(cleaner: Cleaner, listings: int) -> float:
    """A text of `listings` fenced listings, each between two ad labels other rules mark."""
    text = SENTENCE * 5 + "\n\n" + "```\nx = 1\n```\n\nAdvertisement\n\n" * listings
    start = time.perf_counter()
    cleaner.clean_text(text)
    return time.perf_counter() - start


def main(sizes: list[int]) -> int:
    seconds = catastrophic_seconds()
    print(f"catastrophic regex, 1 MB: {seconds:.2f} s (goal < {CATASTROPHIC_GOAL_SECONDS:g} s)")
    cleaner = Cleaner()
    for megabytes in sizes:
        took = line_seconds(cleaner, megabytes)
        print(f"single line, {megabytes} MB: {took:.1f} s ({took / megabytes:.2f} s/MB)")
    small, large = (listings_seconds(cleaner, n) for n in LISTINGS)
    print(f"fenced listings, {LISTINGS[0]:,} then {LISTINGS[1]:,}: {small:.1f} s, {large:.1f} s")
    return 0 if seconds < CATASTROPHIC_GOAL_SECONDS else 1


if __name__ == "__main__":
    sys.exit(main([int(arg) for arg in sys.argv[1:]] or list(DEFAULT_LINE_MB)))
