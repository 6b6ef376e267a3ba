"""Fitting helpers shared by the model-training scripts: folds by site, LightGBM fits, and the
export of a fitted booster to the plain-JSON trees that `cleaner.trees` evaluates.

LightGBM comes from the `eval` dependency group; the package itself never imports it.
"""

from __future__ import annotations

import hashlib
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

import numpy as np

from cleaner.trees import settle

FOLDS = 5
# Small trees, large leaves, half the columns per tree: on folds by site, deeper trees fit the
# sites they saw (in-sample F1 up by 0.01) and score no better on the sites they did not.
ROUNDS = 150
PARAMS = dict(
    objective="binary",
    learning_rate=0.08,
    num_leaves=15,
    max_depth=8,
    min_child_samples=200,
    subsample=0.8,
    subsample_freq=1,
    colsample_bytree=0.5,
    reg_lambda=10.0,
    seed=7,
    num_threads=1,
    deterministic=True,
    force_row_wise=True,
    verbose=-1,
)


def site_folds(sites: Sequence[str], folds: int = FOLDS) -> dict[str, int]:
    """Each site's fold: sites in a fixed pseudo-random order (a hash of the name), each given to
    the fold with the fewest pages so far, so folds are near equal and a site is never split."""
    pages = Counter(sites)
    order = sorted(pages, key=lambda s: (-pages[s], hashlib.sha256(s.encode()).hexdigest()))
    sizes, fold_of = [0] * folds, {}
    for site in order:
        fold = min(range(folds), key=lambda k: (sizes[k], k))
        fold_of[site] = fold
        sizes[fold] += pages[site]
    return fold_of


@dataclass(frozen=True)
class Fitted:
    """A LightGBM booster that reads and gives numbers as `cleaner.trees.Forest` does: settled
    on its grid, so that a fit on one machine scores what it would on another."""

    booster: Any

    def predict(self, rows: np.ndarray) -> np.ndarray:
        """The probability of label 1 for each row."""
        return settle(self.booster.predict(settle(rows)))

    def dump_model(self) -> dict:
        return self.booster.dump_model()


def fit(
    rows: np.ndarray,
    labels: np.ndarray,
    weights: np.ndarray,
    rounds: int = ROUNDS,
    **overrides: object,
) -> Fitted:
    """A LightGBM booster with PARAMS (and `overrides`) fitted on weighted rows, settled."""
    import lightgbm

    data = lightgbm.Dataset(settle(rows), label=labels, weight=weights, params={"verbose": -1})
    return Fitted(lightgbm.train(PARAMS | overrides, data, num_boost_round=rounds))


def export(model, names: Sequence[str]) -> dict:
    """The booster's trees as flat node tables in breadth-first order (see cleaner.trees)."""
    dump = model.dump_model()
    trees, depth = [], 0
    for info in dump["tree_info"]:
        table = {"feature": [], "threshold": [], "left": [], "right": [], "value": []}
        queue = [(info["tree_structure"], 0)]
        while queue:
            node, level = queue.pop(0)
            depth = max(depth, level)
            index = len(table["feature"])
            if "leaf_value" in node:
                table["feature"].append(-1)
                table["threshold"].append(0.0)
                table["left"].append(index)
                table["right"].append(index)
                table["value"].append(node["leaf_value"])
                continue
            if node["decision_type"] != "<=":
                raise ValueError(f"unsupported split {node['decision_type']}")
            base = index + len(queue) + 1  # children are appended after everything queued
            table["feature"].append(node["split_feature"])
            table["threshold"].append(node["threshold"])
            table["left"].append(base)
            table["right"].append(base + 1)
            table["value"].append(0.0)
            queue += [(node["left_child"], level + 1), (node["right_child"], level + 1)]
        trees.append(table)
    return {"features": list(names), "depth": depth, "trees": trees}
