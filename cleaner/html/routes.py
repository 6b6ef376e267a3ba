"""The evidence the route selector reads of one page: how much each candidate found and how
far the candidates agree. A block model that keeps little while both extractors agree on much
more missed the article; one that keeps much more than both of them kept comments.
"""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np

from ..features import covered, words_of

CANDIDATES = ("model", "readability", "trafilatura")
ROUTES = CANDIDATES[1:]  # what the selector may prefer to the block model
UNSURE = (0.3, 0.7)  # a block scored in this range is one the model is unsure of
ROUTE_FEATURES = (
    *(f"log_words_{c}" for c in CANDIDATES),
    "log_words_page",
    "log_blocks",
    "log_kept_blocks",
    *(f"{a}_in_{b}" for a in CANDIDATES for b in CANDIDATES if a != b),
    "kept_share",
    "kept_mean_score",
    "max_score",
    "unsure_share",
)


def route_features(
    kept: Sequence[str], readability: str, trafilatura: str, scores: np.ndarray, words: np.ndarray
) -> np.ndarray:
    """ROUTE_FEATURES of a page: `kept` are the block model's texts, `scores` and `words` its
    scores and word counts of every block."""
    texts = {"model": "\n".join(kept), "readability": readability, "trafilatura": trafilatura}
    kept_words = words[scores >= 0.5]
    unsure = words[(scores >= UNSURE[0]) & (scores < UNSURE[1])]
    total = max(1.0, float(words.sum()))
    agreement = [covered([texts[a]], texts[b])[0] for a in CANDIDATES for b in CANDIDATES if a != b]
    return np.array(
        [
            *(np.log1p(len(words_of(texts[c]))) for c in CANDIDATES),
            np.log1p(total),
            np.log1p(len(scores)),
            np.log1p(len(kept)),
            *agreement,
            kept_words.sum() / total,
            float((scores[scores >= 0.5] * kept_words).sum() / max(1.0, kept_words.sum())),
            float(scores.max()) if len(scores) else 0.0,
            unsure.sum() / total,
        ]
    )
