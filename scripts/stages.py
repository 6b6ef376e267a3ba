"""Where one document's time goes on the text path: milliseconds per document for each stage
and each heuristic, over the bench text dumps, memos emptied per document as `clean` does.

    uv run python scripts/stages.py [--runs 5] [--bare]

Each stage is timed by wrapping the function the pipeline calls (nested stages are counted in
their parent too: the body model's features and forests inside `generic.outside-body`), and
each document's time is its fastest of --runs runs, so another process on the machine inflates
the figures less. bench.py gives docs/s at corpus scale; this says which stage to work on.
--bare switches every heuristic off: what reading, segmenting, outlet detection, settling and
metadata cost alone: the floor under any set of rules, and so under issue 16's speed bars.
"""

from __future__ import annotations

import argparse
import sys
import time
from collections import defaultdict
from collections.abc import Callable

from corpora import BENCH, require

from cleaner import Cleaner, heuristics, pipeline
from cleaner.heuristics import body

# (module, function name): the stages, as the pipeline and the body heuristic call them.
STAGES = (
    (pipeline, "read_bytes"),
    (pipeline, "segment"),
    (pipeline, "detect"),
    (pipeline, "build"),
    (body, "text_features"),
    (body, "scores"),
)


def timed(spent: dict[str, float], name: str, function: Callable) -> Callable:
    def wrapper(*args, **kwargs):
        start = time.perf_counter()
        try:
            return function(*args, **kwargs)
        finally:
            spent[name] += time.perf_counter() - start

    return wrapper


def switch_off_heuristics() -> None:
    """Leave every heuristic out of every document this process cleans (settling included)."""
    every, chosen = heuristics.heuristic_ids(), Cleaner.disabled
    pipeline.Cleaner.disabled = staticmethod(lambda doc, match: chosen(doc, match) | every)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=5, help="runs per document (fastest counts)")
    parser.add_argument("--bare", action="store_true", help="every heuristic switched off")
    args = parser.parse_args(argv)
    require(BENCH, "text")
    texts = [p.read_text(encoding="utf-8") for p in sorted((BENCH / "text").glob("*.txt"))]
    spent: dict[str, float] = defaultdict(float)
    for module, name in STAGES:
        setattr(module, name, timed(spent, name, getattr(module, name)))
    for heuristic in heuristics.heuristics():  # a finder is a generator: time it to the end
        finder = heuristic.find
        whole = timed(spent, heuristic.id, lambda blocks, lex, f=finder: list(f(blocks, lex)))
        object.__setattr__(heuristic, "find", whole)
    if args.bare:
        switch_off_heuristics()
    pipeline.Cleaner.settle = timed(spent, "settle (all passes after the first)", Cleaner.settle)
    cleaner = Cleaner()
    for text in texts:  # first use loads the stoplists, patterns and models
        cleaner.clean_text(text)
    best: list[dict[str, float]] = [{} for _ in texts]
    for _ in range(args.runs):
        for i, text in enumerate(texts):
            spent.clear()
            start = time.perf_counter()
            cleaner.clean_text(text)
            spent["total"] = time.perf_counter() - start
            if spent["total"] < best[i].get("total", float("inf")):
                best[i] = dict(spent)
    totals: dict[str, float] = defaultdict(float)
    for document in best:
        for name, seconds in document.items():
            totals[name] += seconds * 1000 / len(texts)
    print(f"{len(texts)} bench dumps, fastest of {args.runs} runs per document\n")
    print(f"{'ms/doc':>7} {'share':>6}  stage")
    for name, ms in sorted(totals.items(), key=lambda item: -item[1]):
        if ms >= 0.05:
            print(f"{ms:7.2f} {ms / totals['total']:6.1%}  {name}")
    print(f"\n{1000 / totals['total']:.1f} docs/s on one core")
    return 0


if __name__ == "__main__":
    sys.exit(main())
