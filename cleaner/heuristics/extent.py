"""How far the article of a whole-page dump reaches, once the body model has scored its blocks.

The model scores blocks one by one; on a page unlike those it was fitted on it may keep the
first paragraphs of a long article and score the rest low (a Wikipedia article, a long-form
essay, a list of links that is the post), or keep a stray blurb and miss the article beside it.
Two wider candidates are weighed against the kept blocks: `region`, the unmarked blocks that
join the kept ones with no furniture another rule marked in between, out to the outermost line
that ends a sentence, and `all`, every unmarked block. Either way the blocks left out are
`generic.outside-body`'s removals, as before. A fitted forest per candidate (`BlockModel.routes`,
`scripts/fit_blocks.py --input text`) reads page-level evidence: how many words each candidate
holds, and what the blocks it adds are like (stopwords, sentence ends, comment markers, repeats,
links, the model's scores), and says whether that candidate would score better than the kept
blocks. The likelier one past CONFIDENCE wins; otherwise the kept blocks stand.
"""

from __future__ import annotations

from collections.abc import Mapping

import numpy as np

from ..trees import Scorer

CANDIDATES = ("kept", "region", "all")
ROUTES = CANDIDATES[1:]  # what may replace the kept blocks
LEVELS = (0.3, 0.15)  # thresholds under the model's, whose blocks say what it nearly kept
CONFIDENCE = 0.5  # a candidate's forest must give it at least this probability of doing better
TRAITS = (
    "stop_density",
    "terminal",
    "after_comments",
    "repeats",
    "comment_marker",
    "furniture_words",
    "has_url",
)
GROUPS = (*CANDIDATES, *(f"p{level:g}" for level in LEVELS))
EXTENT_FEATURES = (
    "log_words_unmarked",
    "log_blocks_unmarked",
    "max_score",
    "unmarked_share",
    *(f"{what}_{group}" for group in GROUPS for what in ("log_words", "share", *TRAITS, "score")),
)


def region(kept: np.ndarray, unmarked: np.ndarray, ends: np.ndarray) -> np.ndarray:
    """The kept blocks and the unmarked blocks joined to them by unmarked blocks, as far as the
    outermost blocks that `ends` like a sentence: a run of tags, a byline or a share line at the
    edge is no article, a list or a subheading between two paragraphs is."""
    out = kept.copy()
    edges = np.flatnonzero(np.diff(np.concatenate([[0], unmarked.astype(np.int8), [0]])))
    for start, stop in zip(edges[::2], edges[1::2]):  # each run of unmarked blocks
        inside = np.flatnonzero(kept[start:stop])
        if len(inside):
            reach = np.concatenate([inside, np.flatnonzero(ends[start:stop])])
            out[start + reach.min() : start + reach.max() + 1] = True
    return out


def sentence_ends(rows: np.ndarray, columns: tuple[str, ...]) -> np.ndarray:
    """Which blocks end like a sentence, from their `terminal` feature (`columns` name `rows`)."""
    return rows[:, columns.index("terminal")] > 0


def candidates(kept: np.ndarray, unmarked: np.ndarray, ends: np.ndarray) -> dict[str, np.ndarray]:
    return {"kept": kept, "region": region(kept, unmarked, ends), "all": unmarked.copy()}


def _mean(values: np.ndarray, weights: np.ndarray) -> float:
    total = float(weights.sum())
    return float((values * weights).sum() / total) if total else 0.0


def evidence(
    rows: np.ndarray,
    columns: tuple[str, ...],
    scores: np.ndarray,
    unmarked: np.ndarray,
    ends: np.ndarray,
    threshold: float,
) -> np.ndarray:
    """EXTENT_FEATURES of a page: `rows` are its blocks' features named by `columns` (the body
    model's), `scores` the model's, `unmarked` the blocks no other rule marked, `ends` those that
    end like a sentence. The kept blocks are those at `threshold`; each other group is read by
    the blocks it adds to them."""
    words = np.expm1(rows[:, columns.index("log_words")])
    weights = words * unmarked
    total = max(1.0, float(weights.sum()))
    kept = unmarked & (scores >= threshold)
    groups = candidates(kept, unmarked, ends) | {
        f"p{level:g}": unmarked & (scores >= level) for level in LEVELS
    }
    found = [
        np.log1p(total),
        np.log1p(float(unmarked.sum())),
        float(scores.max()) if len(scores) else 0.0,
        float(weights.sum() / max(1.0, float(words.sum()))),
    ]
    for name in GROUPS:
        taken = weights * groups[name]
        read = taken if name == "kept" else weights * (groups[name] & ~kept)
        found += [np.log1p(float(taken.sum())), float(taken.sum()) / total]
        found += [_mean(rows[:, columns.index(trait)], read) for trait in TRAITS]
        found.append(_mean(scores, read))
    return np.array(found)


def pick(forests: Mapping[str, Scorer], found: np.ndarray) -> str | None:
    """The candidate the forests expect to beat the kept blocks (None: keep them)."""
    preference = {route: float(f.predict(found[None, :])[0]) for route, f in forests.items()}
    best = max(preference, key=preference.__getitem__, default=None)
    return best if best is not None and preference[best] >= CONFIDENCE else None
