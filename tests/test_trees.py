"""The fitted models as plain data: trees evaluated with numpy, and the shipped files in step
with the features the code computes."""

from __future__ import annotations

import json

import numpy as np
import pytest

from cleaner.features import CONTEXT_FEATURES
from cleaner.lexicon import BODY_MODEL_FILE
from cleaner.heuristics.body import BODY_FEATURES
from cleaner.heuristics.body import STAGE_TWO as BODY_STAGE_TWO
from cleaner.html.features import BLOCK_FEATURES, STAGE_TWO
from cleaner.html.route import MODEL_FILE
from cleaner.html.routes import ROUTE_FEATURES, ROUTES
from cleaner.trees import BlockModel, Forest

from .conftest import load_script

# x0 <= 0.5 ? (x1 <= 2 ? -1 : 1) : 2, and a one-leaf tree of 0.5
STUMPS = {
    "features": ["x0", "x1"],
    "depth": 2,
    "trees": [
        {
            "feature": [0, 1, -1, -1, -1],
            "threshold": [0.5, 2.0, 0, 0, 0],
            "left": [1, 3, 2, 3, 4],
            "right": [2, 4, 2, 3, 4],
            "value": [0, 0, 2.0, -1.0, 1.0],
        },
        {"feature": [-1], "threshold": [0], "left": [0], "right": [0], "value": [0.5]},
    ],
}


def logistic(x: float) -> float:
    return 1 / (1 + np.exp(-x))


def test_a_forest_sums_its_leaves_through_a_logistic() -> None:
    forest = Forest.from_dict(STUMPS)
    rows = np.array([[0.0, 1.0], [0.0, 3.0], [1.0, 0.0], [0.5, 2.0]])
    expected = [logistic(-1 + 0.5), logistic(1 + 0.5), logistic(2 + 0.5), logistic(-1 + 0.5)]
    assert forest.predict(rows) == pytest.approx(expected)
    assert forest.predict(np.zeros((0, 2))).shape == (0,)


def test_a_forest_refuses_rows_of_another_width() -> None:
    with pytest.raises(ValueError, match="expected 2 features, got 3"):
        Forest.from_dict(STUMPS).predict(np.zeros((1, 3)))


def test_an_exported_booster_scores_as_lightgbm_does() -> None:
    boosting = load_script("boosting")
    rng = np.random.default_rng(3)
    rows = rng.random((600, 4))
    labels = (rows[:, 0] + 0.5 * rows[:, 1] > 0.8).astype(int)
    model = boosting.fit(rows, labels, np.ones(len(labels)), min_child_samples=5)
    forest = Forest.from_dict(json.loads(json.dumps(boosting.export(model, ["a", "b", "c", "d"]))))
    assert forest.predict(rows) == pytest.approx(model.predict(rows), abs=1e-9)


def test_site_folds_never_split_a_site_and_are_near_equal() -> None:
    boosting = load_script("boosting")
    sites = ["a.com"] * 30 + ["b.com"] * 5 + [f"s{i}.org" for i in range(65)]
    folds = boosting.site_folds(sites)
    sizes = np.bincount([folds[s] for s in sites], minlength=boosting.FOLDS)
    assert set(folds) == set(sites) and sizes.max() == 30 and sizes.min() >= 17


@pytest.mark.parametrize(
    ("path", "first", "second"),
    [(MODEL_FILE, BLOCK_FEATURES, STAGE_TWO), (BODY_MODEL_FILE, BODY_FEATURES, BODY_STAGE_TWO)],
)
def test_the_shipped_models_read_the_features_the_code_computes(path, first, second) -> None:
    """A feature added, dropped or moved without refitting fails here, not in a user's run."""
    model = BlockModel.load(path)
    assert model.first.features == first
    assert model.second.features == second
    assert second[len(first) : len(first) + len(CONTEXT_FEATURES)] == CONTEXT_FEATURES
    assert 0 < model.threshold < 1


def test_the_html_model_carries_a_selector_for_each_route() -> None:
    model = BlockModel.load(MODEL_FILE)
    assert set(model.routes) == set(ROUTES)
    assert all(forest.features == ROUTE_FEATURES for forest in model.routes.values())
