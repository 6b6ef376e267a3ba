"""Fit the article-body thresholds and weights on the development bench, and write them to
cleaner/heuristics/body_params.json. Anyone can rerun it:

    uv run python scripts/fit_body.py            # coordinate descent over small grids

The objective is the mean of the corpus F1 and the mean per-page F1 on ../shared/bench/text,
so a setting that empties a few pages cannot win on the corpus figure alone. The grids are
coarse on purpose: a handful of round values per parameter, to fit the shape of the problem
rather than the pages.
"""

from __future__ import annotations

import argparse
import dataclasses
import json
import sys
from pathlib import Path

from eval import BENCH, bench_pages, score

from cleaner import Cleaner
from cleaner.heuristics import classify

GRIDS: dict[str, list[float]] = {
    "good_min_words": [8, 10, 12, 15, 20],
    "good_min_density": [0.15, 0.2, 0.25, 0.3, 0.35],
    "near_min_density": [0.05, 0.1, 0.15, 0.2, 0.25],
    "short_max_words": [3, 4, 5, 6, 8],
    "sentence_min_words": [2, 3, 4],
    "unended_min_words": [12, 16, 20, 30, 1000],
    "unended_min_density": [0.25, 0.3, 0.35, 0.4],
    "near_weight": [0.25, 0.5, 0.75, 1.0],
    "bad_weight": [0.25, 0.5, 1.0, 1.5, 2.0],
    "short_cost": [1.0, 2.0, 4.0, 6.0, 8.0, 12.0],
    "isolated_factor": [0.0, 0.15, 0.3, 0.5, 1.0],
    "max_inner_run": [1, 2, 3, 4, 6, 10],
    "marked_cost": [0.0, 2.0, 4.0, 8.0],
}


def objective(cleaner: Cleaner, pages: list[tuple[str, str, str]], params: classify.Params) -> tuple[float, float, float]:
    classify.PARAMS = params
    report = score((pid, cleaner.clean_text(text).text, gold) for pid, text, gold in pages)
    return (report.f1 + report.mean_doc_f1) / 2, report.f1, report.mean_doc_f1


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--bench", type=Path, default=BENCH)
    parser.add_argument("--rounds", type=int, default=3)
    args = parser.parse_args(argv)
    pages = bench_pages(args.bench, "text", ".txt")
    if not pages:
        parser.error(f"no pages in {args.bench / 'gold'}")
    cleaner = Cleaner()
    best = classify.Params.load()
    best_score = objective(cleaner, pages, best)
    print(f"start {best_score[0]:.4f} (F1 {best_score[1]:.4f}, mean doc F1 {best_score[2]:.4f})", flush=True)
    for round_no in range(args.rounds):
        improved = False
        for name, grid in GRIDS.items():
            for value in grid:
                candidate = dataclasses.replace(best, **{name: type(getattr(best, name))(value)})
                score = objective(cleaner, pages, candidate)
                if score[0] > best_score[0] + 1e-6:
                    best, best_score, improved = candidate, score, True
                    print(f"round {round_no + 1}: {name}={value} -> {score[0]:.4f} (F1 {score[1]:.4f}, mean doc F1 {score[2]:.4f})", flush=True)
        if not improved:
            break
    record = {
        "fitted_on": str(args.bench / "text"),
        "objective": {"score": round(best_score[0], 4), "f1": round(best_score[1], 4), "mean_doc_f1": round(best_score[2], 4)},
        "params": dataclasses.asdict(best),
    }
    classify.PARAMS_FILE.write_text(json.dumps(record, indent=2) + "\n", encoding="utf-8")
    print(f"wrote {classify.PARAMS_FILE}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
