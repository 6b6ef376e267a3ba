"""How long loading many rule packs takes: writes N small packs to a temporary folder and times
`PackSet.load` cold (parse, validate, compile) and warm (cached). The suite checks that 1,000
packs load and detect correctly without timing them; this script prints the figures.

    uv run python scripts/pack_scaling.py [N]
"""

from __future__ import annotations

import sys
import tempfile
import time
from pathlib import Path

from cleaner.packs import PackSet

DEFAULT_COUNT = 1000


def pack_id(number: int) -> str:
    return f"outlet-{number:04d}"


def write_packs(folder: Path, count: int) -> None:
    """`count` small packs, each with a domain, a signature, three rules and an example."""
    for number in range(count):
        outlet = pack_id(number)
        (folder / f"{outlet}.yaml").write_text(
            f"""format: 1
id: {outlet}
name: Outlet {number}
domains: [{outlet}.example]
detect:
  - pattern: '^© \\d{{4}} Outlet {number} Ltd\\.$'
    weight: 3
rules:
  - {{id: ad, kind: advertisement, action: drop, text: 'Outlet {number} advertisement'}}
  - {{id: promo, kind: promo, action: drop, pattern: '^Subscribe to Outlet {number}\\b'}}
  - {{id: footer, kind: footer, action: cut-footer, from: '^More from Outlet {number}$'}}
examples:
  - name: ad marker
    input: "First paragraph.\\n\\nOutlet {number} advertisement\\n\\nSecond paragraph.\\n"
    drop: [Outlet {number} advertisement]
    rules: [ad]
""",
            encoding="utf-8",
        )


def main(count: int) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        write_packs(folder, count)
        start = time.perf_counter()
        packs = PackSet.load([folder])
        cold = time.perf_counter() - start
        start = time.perf_counter()
        PackSet.load([folder])
        warm = time.perf_counter() - start
    print(
        f"{len(packs)} packs ({count} generated): first load {cold:.3f} s, cached load {warm:.3f} s"
    )


if __name__ == "__main__":
    main(int(sys.argv[1]) if len(sys.argv) > 1 else DEFAULT_COUNT)
