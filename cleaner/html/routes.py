"""The evidence the route selector reads of one page: how much each candidate found, how far the
candidates agree, and where they differ. A block model that keeps little while both extractors
agree on much more missed the article; one that keeps much more than both of them kept comments.
Where an extractor and the model differ, the model's scores of the blocks only the extractor
took (and of those only the model kept) say which of them is likely right, and an extractor's
text found in no block of the pruned page came from what pruning removed.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence

import numpy as np

from ..features import covered, words_of
from ..trees import Scorer
from .features import BLOCK_FEATURES

CANDIDATES = ("model", "readability", "trafilatura")
ROUTES = CANDIDATES[1:]  # what the selector may prefer to the block model
UNSURE = (0.3, 0.7)  # a block scored in this range is one the model is unsure of
TAKEN = 0.5  # an extractor took a block when its text holds this share of the block's shingles
SAME = 0.95  # an extractor's text and the kept blocks holding this share of each other are one text
CONFIDENCE = 0.5  # the selector's probability that an extractor beats the block model
NEARLY_EMPTY = 20  # kept blocks of fewer words missed the article an extractor found
_WORDS, _LINKS = BLOCK_FEATURES.index("log_words"), BLOCK_FEATURES.index("link_density")
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
    *(
        f"{what}_{r}"
        for r in ROUTES
        for what in ("in_blocks", "only_share", "only_score", "only_links", "dropped_score")
    ),
)
_AT = {name: i for i, name in enumerate(ROUTE_FEATURES)}


def _mean(values: np.ndarray, weights: np.ndarray) -> float:
    total = float(weights.sum())
    return float((values * weights).sum() / total) if total else 0.0


def _differences(
    texts: Sequence[str],
    page: str,
    words: np.ndarray,
    links: np.ndarray,
    keep: np.ndarray,
    scores: np.ndarray,
    text: str,
) -> list[float]:
    """Where one extractor's `text` and the kept blocks differ: the share of the page's blocks'
    text it holds, the words of the blocks only it took (as a share of the page), their mean
    score and link density, and the mean score of the kept blocks it left out. `page` is the
    blocks' texts joined, once for both extractors."""
    taken = np.array(covered(texts, text)) >= TAKEN if texts else np.zeros(0, dtype=bool)
    only, dropped = taken & ~keep, keep & ~taken
    return [
        covered([text], page)[0] if words_of(text) else 0.0,
        float(words[only].sum() / max(1.0, words.sum())),
        _mean(scores, words * only),
        _mean(links, words * only),
        _mean(scores, words * dropped),
    ]


def route_features(
    texts: Sequence[str],
    rows: np.ndarray,
    keep: np.ndarray,
    readability: str,
    trafilatura: str,
    scores: np.ndarray,
) -> np.ndarray:
    """ROUTE_FEATURES of a page: `texts` and `rows` (BLOCK_FEATURES) are its blocks, `keep`
    which of them the block model keeps, `scores` its scores of every block."""
    keep = np.asarray(keep, dtype=bool)
    kept = [t for t, k in zip(texts, keep) if k]
    words, links = np.expm1(rows[:, _WORDS]), rows[:, _LINKS]
    page = "\n".join(texts)
    candidate = {"model": "\n".join(kept), "readability": readability, "trafilatura": trafilatura}
    kept_words = words[scores >= 0.5]
    unsure = words[(scores >= UNSURE[0]) & (scores < UNSURE[1])]
    total = max(1.0, float(words.sum()))
    agreement = [
        covered([candidate[a]], candidate[b])[0] for a in CANDIDATES for b in CANDIDATES if a != b
    ]
    return np.array(
        [
            *(np.log1p(len(words_of(candidate[c]))) for c in CANDIDATES),
            np.log1p(total),
            np.log1p(len(scores)),
            np.log1p(len(kept)),
            *agreement,
            kept_words.sum() / total,
            float((scores[scores >= 0.5] * kept_words).sum() / max(1.0, kept_words.sum())),
            float(scores.max()) if len(scores) else 0.0,
            unsure.sum() / total,
            *(
                value
                for r in ROUTES
                for value in _differences(texts, page, words, links, keep, scores, candidate[r])
            ),
        ]
    )


def pick(
    forests: Mapping[str, Scorer], evidence: np.ndarray, texts: Mapping[str, str]
) -> tuple[str | None, dict[str, float], str]:
    """The extractor the selector prefers to the kept blocks (None: keep them), each found text's
    probability, by its route's forest, of beating the kept blocks, and why the choice is not the
    selector's own ("" when it is). Of the extractors past CONFIDENCE, one whose text is the kept
    blocks' own (SAME both ways) yields to one that differs: on pages where they agree the
    selector's target is no gain, so it learned little there. So does one whose text only cuts
    the kept blocks (lies within them, shorter): it finds nothing the model missed, where the
    other may have found the article. Nor does a shorter text replace the one the kept blocks
    and an extractor agree on: two methods keeping a text are better evidence than one that cuts
    it, while one that finds more may have found what both missed. Kept blocks of fewer than
    NEARLY_EMPTY words give way to the likelier extractor that found more: a page never comes out
    empty, or nearly so, when an extractor found its article."""
    preference = {
        route: float(forest.predict(evidence[None, :])[0])
        for route, forest in forests.items()
        if words_of(texts[route])  # an extractor that found nothing is no candidate
    }
    agree = [route for route in preference if _same(evidence, route)]
    confident = [route for route, p in preference.items() if p >= CONFIDENCE]
    differ = [route for route in confident if route not in agree and not _cuts(evidence, route)]
    best = max(differ or confident, key=preference.__getitem__, default=None)
    if best is None and _words(evidence, "model") < NEARLY_EMPTY:
        found = [route for route in preference if _words(evidence, route) >= NEARLY_EMPTY]
        best = max(found, key=preference.__getitem__, default=None)
        return best, preference, f"the kept blocks hold under {NEARLY_EMPTY} words" if best else ""
    if best is not None and best not in agree and agree and _shorter(evidence, best):
        return (
            None,
            preference,
            f"{best} would cut the text the kept blocks and {' and '.join(agree)} agree on",
        )
    return best, preference, ""


def _same(evidence: np.ndarray, route: str) -> bool:
    """Whether the extractor's text and the kept blocks are one text (SAME both ways)."""
    return min(evidence[_AT[f"{route}_in_model"]], evidence[_AT[f"model_in_{route}"]]) >= SAME


def _cuts(evidence: np.ndarray, route: str) -> bool:
    """Whether the extractor's text lies within the kept blocks (SAME) and is shorter."""
    return bool(evidence[_AT[f"{route}_in_model"]] >= SAME) and _shorter(evidence, route)


def _words(evidence: np.ndarray, candidate: str) -> int:
    return round(float(np.expm1(evidence[_AT[f"log_words_{candidate}"]])))


def _shorter(evidence: np.ndarray, route: str) -> bool:
    """Whether the extractor's text has fewer words than the kept blocks."""
    return bool(evidence[_AT[f"log_words_{route}"]] < evidence[_AT["log_words_model"]])
