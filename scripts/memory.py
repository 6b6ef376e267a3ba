"""Peak memory of cleaning one input, over its size, for inputs of several shapes: each in a
fresh process, so one measurement cannot inherit another's peak.

    uv run python scripts/memory.py [MB ...]     # default 8 32
"""

from __future__ import annotations

import json
import subprocess
import sys

DEFAULT_MB = (8, 32)
SHAPES = {
    "prose paragraphs": "The minister said on Monday that the vote was held, and the harbour reopened.\\n\\n",
    "one long line": "The minister said on Monday that the quick brown fox jumps over the lazy dog. ",
    "short lines": "a line of a list\\n",
    "'a.' paragraphs (refused past 200,000)": "a.\\n\\n",
}
# Runs in the child: baseline after loading, then the peak while cleaning.
CHILD = """
import json, resource, sys
from cleaner import Cleaner
from cleaner.read import InputError
cleaner = Cleaner()
cleaner.clean_text("Warm up: load what a first document loads.")
unit, size = sys.argv[1].encode().decode("unicode_escape"), int(sys.argv[2])
data = (unit * (size // len(unit))).encode()
base = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
try:
    cleaner.clean_bytes(data)
    outcome = "cleaned"
except InputError as err:
    outcome = str(err)
peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
print(json.dumps({"base_mb": base / 1024, "peak_mb": peak / 1024, "outcome": outcome}))
"""


def measure(unit: str, size: int) -> dict:
    run = subprocess.run(
        [sys.executable, "-c", CHILD, unit, str(size)], capture_output=True, text=True, check=True
    )
    return json.loads(run.stdout)


def main(sizes: list[float]) -> int:
    print(
        "| input | MB | peak RSS MB | growth over the input | outcome |\n| --- | --- | --- | --- | --- |"
    )
    for name, unit in SHAPES.items():
        for mb in sizes:
            found = measure(unit, int(mb * 2**20))
            factor = (found["peak_mb"] - found["base_mb"]) / mb
            print(
                f"| {name} | {mb:g} | {found['peak_mb']:.0f} | {factor:.1f}x | {found['outcome'][:60]} |",
                flush=True,
            )
    return 0


if __name__ == "__main__":
    sys.exit(main([float(a) for a in sys.argv[1:]] or list(DEFAULT_MB)))
