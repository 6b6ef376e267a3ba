"""Fit the headline's weights (`cleaner/heuristics/headline.py`), cross-validated by site.

    uv run --all-groups python scripts/fit_headline.py      # ~1 min

On the wide pages whose gold opens with the headline (titles.py says which), each text dump is
segmented and the heuristics before `generic.headline` mark it; `headline.candidates` then
lists the lines that may be the headline, up to MAX_WINDOW lines above the first paragraph. A
weighting (lead bonus, distance cost, window) is scored by the pages whose best candidate is
the gold's headline (the check for a dek under it aside, so the counts run a little above what
titles.py measures). In five folds by site, the weighting best on four folds is scored on the
fifth: the sum is the cross-validated count, printed beside the shipped weights' count. It
writes nothing; the weights are set in headline.py by hand.
"""

from __future__ import annotations

import argparse
import itertools
import sys
from concurrent.futures import ProcessPoolExecutor

import boosting
import corpora
import titles

from cleaner.heuristics import headline, heuristics, lexicon, run
from cleaner.segment import segment

MAX_WINDOW = 40
LEAD_BONUS = (1.0, 1.5, 2.0, 3.0, 4.0)
DISTANCE_COST = (0.03, 0.05, 0.1, 0.15, 0.2, 0.3)
WINDOW = (12, 16, 20, 25, 30, 40)
Weights = tuple[float, float, int]
Row = tuple[headline.Candidate, bool]  # a candidate, and whether it is the gold's headline


def page_candidates(page: corpora.Page) -> tuple[str, list[Row]]:
    order = [h.id for h in heuristics()]
    after = frozenset(order[order.index(headline.HEADLINE.id) :])
    blocks = segment(page.text)
    run(blocks, disabled=after)
    found, _ = headline.candidates(blocks, lexicon(), MAX_WINDOW)
    return page.site, [(c, titles.is_headline(c.block.text, page.source, page.gold)) for c in found]


def right(pages: list[list[Row]], weights: Weights) -> int:
    """Pages whose best candidate under `weights` is the headline."""
    bonus, cost, window = weights
    count = 0
    for rows in pages:
        top = headline.best([c for c, _ in rows if c.distance < window], bonus, cost)
        count += any(c is top and gold for c, gold in rows)
    return count


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--jobs", type=int, default=2)
    args = parser.parse_args(argv)
    pages = [p for p in corpora.load("wide") if p.source in titles.SOURCES]
    with ProcessPoolExecutor(args.jobs) as pool:
        found = list(pool.map(page_candidates, pages, chunksize=8))
    folds = boosting.site_folds([site for site, _ in found])
    grid = list(itertools.product(LEAD_BONUS, DISTANCE_COST, WINDOW))
    shipped = (
        headline.HEADLINE_LEAD_BONUS,
        headline.HEADLINE_DISTANCE_COST,
        headline.HEADLINE_WINDOW,
    )
    total = 0
    for k in range(boosting.FOLDS):
        fit = [rows for site, rows in found if folds[site] != k]
        held = [rows for site, rows in found if folds[site] == k]
        # ties go to the narrower window, then to the grid's order
        best = max(grid, key=lambda w: (right(fit, w), -w[2]))
        score = right(held, best)
        total += score
        print(f"fold {k}: best on the others {best}, {score} of {len(held)}")
    every = [rows for _, rows in found]
    best = max(grid, key=lambda w: (right(every, w), -w[2]))
    print(f"cross-validated: {total} of {len(every)}")
    print(
        f"shipped {shipped}: {right(every, shipped)}; best on all pages {best}: {right(every, best)}"
    )
    print(f"the headline among the candidates: {sum(any(g for _, g in rows) for rows in every)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
