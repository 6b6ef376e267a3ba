"""The route selector's part of scripts/fit_blocks.py: page-level evidence, per-route targets, fits.

For each page, the block model's kept blocks are one candidate, readability's and trafilatura's
texts the others. A route's target is how much better its text scores against the gold than the
kept blocks (page F1); its forest learns whether that is positive, each page weighing the size of
the difference, so pages where the choice hardly matters teach little.
"""

from __future__ import annotations

import numpy as np

import boosting
from block_pages import text_of
from metric import score_pair

from cleaner.html.routes import ROUTE_FEATURES, ROUTES, pick, route_features

ROUNDS = 100
PARAMS = dict(
    learning_rate=0.05,
    num_leaves=7,
    max_depth=3,
    min_child_samples=20,
    colsample_bytree=1.0,
    reg_lambda=0.0,
)


def keep(page, scores: np.ndarray, threshold: float) -> np.ndarray:
    """The blocks the model keeps (`Candidates.keep` at run time)."""
    return (scores >= threshold) & page.keepable


def evidence(page, scores: np.ndarray, threshold: float) -> np.ndarray:
    return route_features(
        page.texts,
        page.rows,
        keep(page, scores, threshold),
        page.readability,
        page.trafilatura,
        scores,
    )


def gains(page, scores: np.ndarray, threshold: float) -> dict[str, float]:
    """Page F1 of each route's text minus that of the kept blocks."""
    own = score_pair(text_of(page, keep(page, scores, threshold)), page.gold).f1
    return {route: score_pair(getattr(page, route), page.gold).f1 - own for route in ROUTES}


def forests(rows: np.ndarray, targets: list[dict[str, float]], routes: tuple[str, ...]) -> dict:
    """Per route, a forest of whether its text beats the kept blocks, each page weighing the
    size of the difference (`targets`: each page's gain per route)."""
    models = {}
    for route in routes:
        gain = np.array([t[route] for t in targets])
        models[route] = boosting.fit(
            rows, (gain > 0).astype(int), np.abs(gain) + 1e-3, ROUNDS, **PARAMS
        )
    return models


def fit(pages, scores: dict[str, np.ndarray], threshold: float) -> dict:
    rows = np.array([evidence(p, scores[p.id], threshold) for p in pages]).reshape(
        len(pages), len(ROUTE_FEATURES)
    )
    return forests(rows, [gains(p, scores[p.id], threshold) for p in pages], ROUTES)


def chosen(models: dict, pages, scores: dict[str, np.ndarray], threshold: float) -> dict[str, str]:
    """The text the selector picks for each page, as `cleaner.html.route.choose` does."""
    texts = {}
    for page in pages:
        found = evidence(page, scores[page.id], threshold)
        best, _, _ = pick(models, found, {r: getattr(page, r) for r in models})
        texts[page.id] = (
            getattr(page, best) if best else text_of(page, keep(page, scores[page.id], threshold))
        )
    return texts


def export(models: dict) -> dict:
    return {route: boosting.export(m, ROUTE_FEATURES) for route, m in models.items()}
