"""Adversarial inputs of issue 13, each cleaned at two sizes, the second twice the first: the
time ratio is about 2 for linear time and 4 for quadratic. The suite checks the same paths by
counting work (tests/robustness/test_linear.py); this script times them.

    uv run python scripts/adversarial.py [SCALE]    # SCALE multiplies every size (default 1)
"""

from __future__ import annotations

import random
import sys
import time
from collections.abc import Callable

from cleaner import Cleaner

MAX_RATIO = 3.0  # between linear (2) and quadratic (4)
REPEATS = 3
SHORT_SECONDS = 2.0
WORDS = ["abc", "de", "fghij", "k", "lmno pq"]
ATTRIBUTE_PAGE = "<html><body><p {}>Hello there, a short paragraph.</p></body></html>"
DEEP_PAGE = "<html><body>{}<p>Words of the article, long enough to be kept as prose here.</p>{}</body></html>"

# name: (make a document of size n, whether it is HTML, n)
CASES: dict[str, tuple[Callable[[int], str], bool, int]] = {
    "short lower-case lines": (
        lambda n: "".join(random.Random(i).choice(WORDS) + "\n" for i in range(n)),
        False,
        40_000,
    ),
    "the same, with markup": (
        lambda n: "".join(random.Random(i).choice(WORDS) + " *x\n" for i in range(n)),
        False,
        2_000,
    ),
    "[a]( repeated": (lambda n: "[a](" * n, False, 16_000),
    "<http:// repeated": (lambda n: "<http://" * n, False, 16_000),
    "a URL of n labels": (lambda n: "See https://" + "a." * n + "com/x for more.", False, 100_000),
    "Original url: of n labels": (
        lambda n: "Original url: https://" + "a." * n + "com/x\n\nText.",
        False,
        100_000,
    ),
    "an element with n attributes": (
        lambda n: ATTRIBUTE_PAGE.format(" ".join(f"a{i}=x" for i in range(n))),
        True,
        80_000,
    ),
    "HTML nested n deep": (lambda n: DEEP_PAGE.format("<div>" * n, "</div>" * n), True, 5_000),
    "a select of n options": (
        lambda n: "<html><body><select>" + "<option>o</option>" * n + "</select></body></html>",
        True,
        20_000,
    ),
    "an article's paragraph of n links": (
        lambda n: (
            "<html><body><article><p>"
            + "".join(f'<a href="/{i}">link {i}</a> ' for i in range(n))
            + "</p></article></body></html>"
        ),
        True,
        10_000,
    ),
    "a div of n images, a word after each": (
        lambda n: "<html><body><div>" + "<img src=x.png> w " * n + "</div></body></html>",
        True,
        10_000,
    ),
    "n headings in an article": (
        lambda n: "<html><body><article>" + "<h2>word</h2>" * n + "</article></body></html>",
        True,
        20_000,
    ),
    "n paragraphs in divs of 100": (
        lambda n: "<html><body>" + f"<div>{'<p>word ' * 100}</div>" * (n // 100) + "</body></html>",
        True,
        20_000,
    ),
    "n paragraphs 'a.'": (lambda n: "a.\n\n" * n, False, 50_000),
    "n lines numbered 1, each over prose": (
        lambda n: "1 a\n\nThe council met on Tuesday and approved the budget.\n\n" * n,
        False,
        4_000,
    ),
    "n lines of a number each": (
        lambda n: "".join(f"{random.Random(i).randint(0, 10**6)}\n" for i in range(n)),
        False,
        10_000,
    ),
    "one line of n sentences": (
        lambda n: "The minister said on Monday that it rained. " * n,
        False,
        50_000,
    ),
}


def seconds(cleaner: Cleaner, text: str, html: bool) -> float:
    """The time to clean `text`; the best of REPEATS runs when one is short, since a short run
    is easily doubled by whatever else the machine does."""
    data, source = text.encode("utf-8"), "x.html" if html else "x.txt"
    best = float("inf")
    for _ in range(REPEATS):
        start = time.perf_counter()
        cleaner.clean_bytes(data, source=source)
        best = min(best, time.perf_counter() - start)
        if best > SHORT_SECONDS:
            break
    return best


def main(scale: float) -> int:
    cleaner = Cleaner()
    cleaner.clean_text("Warm up: load what a first document loads.")
    worst = 0.0
    print(f"| input | n | time at n | time at 2n | ratio |\n| --- | --- | --- | --- | --- |")
    for name, (make, html, n) in CASES.items():
        n = int(n * scale)
        once, twice = seconds(cleaner, make(n), html), seconds(cleaner, make(2 * n), html)
        ratio = twice / max(once, 1e-3)
        worst = max(worst, ratio)
        print(f"| {name} | {n:,} | {once:.2f} s | {twice:.2f} s | {ratio:.2f} |", flush=True)
    print(f"worst ratio {worst:.2f} (linear 2, quadratic 4; goal under {MAX_RATIO:g})")
    return 0 if worst < MAX_RATIO else 1


if __name__ == "__main__":
    sys.exit(main(float(sys.argv[1]) if len(sys.argv) > 1 else 1.0))
