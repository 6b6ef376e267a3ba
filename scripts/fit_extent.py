"""The text route selector's part of scripts/fit_blocks.py: how far a dump's article reaches.

For each page, the body model's kept blocks are one candidate, `region` and `all`
(`cleaner.heuristics.extent`) the others. A candidate's target is how much better its text
scores against the gold than the kept blocks (page F1); its forest learns whether that is
positive, each page weighing the size of the difference (`fit_routes.forests`).
"""

from __future__ import annotations

import numpy as np

import boosting
import fit_routes
from block_pages import kept_text, text_of
from metric import score_pair

from cleaner.heuristics import body, extent


def _ends(page) -> np.ndarray:
    return extent.sentence_ends(page.rows, body.BODY_FEATURES)


def _masks(page, scores: np.ndarray, threshold: float) -> dict[str, np.ndarray]:
    return extent.candidates(page.keepable & (scores >= threshold), page.keepable, _ends(page))


def _kept(page, scores: np.ndarray, threshold: float) -> str:
    """The kept blocks' text; every unmarked block when they hold under MIN_KEPT_WORDS."""
    return kept_text(page, _masks(page, scores, threshold)["kept"], body.MIN_KEPT_WORDS)


def evidence(page, scores: np.ndarray, threshold: float) -> np.ndarray:
    return extent.evidence(
        page.rows, body.BODY_FEATURES, scores, page.keepable, _ends(page), threshold
    )


def gains(page, scores: np.ndarray, threshold: float) -> dict[str, float]:
    """Page F1 of each candidate's text minus that of the kept blocks."""
    own = score_pair(_kept(page, scores, threshold), page.gold).f1
    masks = _masks(page, scores, threshold)
    return {r: score_pair(text_of(page, masks[r]), page.gold).f1 - own for r in extent.ROUTES}


def fit(pages, scores: dict[str, np.ndarray], threshold: float) -> dict:
    rows = np.array([evidence(p, scores[p.id], threshold) for p in pages]).reshape(
        len(pages), len(extent.EXTENT_FEATURES)
    )
    targets = [gains(p, scores[p.id], threshold) for p in pages]
    return fit_routes.forests(rows, targets, extent.ROUTES)


def chosen(models: dict, pages, scores: dict[str, np.ndarray], threshold: float) -> dict[str, str]:
    """The text the selector picks for each page, as `body.find_outside` does."""
    texts = {}
    for page in pages:
        best = extent.pick(models, evidence(page, scores[page.id], threshold))
        texts[page.id] = (
            text_of(page, _masks(page, scores[page.id], threshold)[best])
            if best
            else _kept(page, scores[page.id], threshold)
        )
    return texts


def export(models: dict) -> dict:
    return {route: boosting.export(m, extent.EXTENT_FEATURES) for route, m in models.items()}
