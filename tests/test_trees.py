"""The fitted models as plain data: trees evaluated with numpy, and the shipped files in step
with the features the code computes."""

from __future__ import annotations

import json

import numpy as np
import pytest

from cleaner.features import CONTEXT_FEATURES
from cleaner.heuristics.body import BODY_FEATURES
from cleaner.heuristics.body import STAGE_TWO as BODY_STAGE_TWO
from cleaner.html.features import BLOCK_FEATURES, STAGE_TWO
from cleaner.html.route import MODEL_FILE
from cleaner.html.routes import ROUTE_FEATURES, ROUTES
from cleaner.lexicon import BODY_MODEL_FILE
from cleaner.trees import CHUNK_ROWS, MAX_LEAVES, BlockModel, Forest, settle

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


def walk(data: dict, rows: np.ndarray) -> np.ndarray:
    """The reference `Forest.predict` must equal bit for bit: each row, settled, down each tree
    node by node, the leaf values of a row summed tree by tree as numpy sums a row of an array."""
    rows = settle(rows)
    leaves = np.zeros((len(rows), len(data["trees"])))
    for r, row in enumerate(rows):
        for t, tree in enumerate(data["trees"]):
            node = 0
            while tree["feature"][node] >= 0:
                right = row[tree["feature"][node]] > tree["threshold"][node]
                node = tree["right" if right else "left"][node]
            leaves[r, t] = tree["value"][node]
    return settle(1.0 / (1.0 + np.exp(-leaves.sum(axis=1))))


# Thresholds drawn from a few values, so nodes share them and rows meet them exactly.
CUTS = np.array([-2.5, -0.0, 0.0, 0.5, 1.0, 1.0 + 2**-24, 3.0, 1e300])
ODD = np.array([np.nan, np.inf, -np.inf, -0.0, 0.0, 1.0 + 2**-25, 1.0 + 5e-13])


def nudged(values: np.ndarray, rng: np.random.Generator) -> np.ndarray:
    """`values` moved by up to four units in their last place, as another CPU's log may be."""
    out = values.copy()
    for _ in range(4):
        step = np.where(np.isfinite(out), rng.choice([-np.inf, np.inf, 0.0], size=out.shape), 0)
        out = np.where(step == 0.0, out, np.nextafter(out, step))
    return out


def feature_like(rng: np.random.Generator, size: int) -> np.ndarray:
    """Values as the features and scores are: logs of counts, shares, signed logs, -1 fills."""
    counts = rng.integers(0, 5000, size)
    return np.concatenate(
        [
            np.log1p(counts),
            counts / np.maximum(1, rng.integers(1, 5000, size)),
            np.sign(counts - 2500) * np.log1p(np.abs(counts - 2500)),
            1 / (1 + np.exp(-rng.normal(scale=4, size=size))),
            [-1.0, 0.0, 1.0, np.nan, np.inf, -np.inf],
        ]
    )


def test_settled_values_do_not_depend_on_their_last_bits() -> None:
    rng = np.random.default_rng(11)
    values = feature_like(rng, 20000)
    settled = settle(values)
    assert settle(nudged(values, rng)).tobytes() == settled.tobytes()
    assert settle(settled).tobytes() == settled.tobytes()
    finite = np.isfinite(values)
    assert np.abs(settled[finite] - values[finite]).max() <= 2**-25
    assert list(settled[-6:-3]) == [-1.0, 0.0, 1.0] and np.isnan(settled[-3])
    assert list(settled[-2:]) == [np.inf, -np.inf]


def random_tree(rng: np.random.Generator, leaves: int, columns: int) -> dict:
    """A tree of `leaves` leaves, grown by splitting leaves at random, its nodes laid out in a
    random order (the root first, as the format wants)."""
    left, right, tests = {0: 0}, {0: 0}, {}
    for new in range(1, 2 * leaves - 1, 2):
        node = int(rng.choice([n for n in left if left[n] == n]))
        left[node], right[node] = new, new + 1
        left[new], right[new], left[new + 1], right[new + 1] = new, new, new + 1, new + 1
        tests[node] = (int(rng.integers(columns)), float(rng.choice(CUTS)))
    place = {0: 0} | dict(zip(range(1, len(left)), 1 + rng.permutation(len(left) - 1)))
    tree: dict[str, list] = {key: [0] * len(left) for key in ("feature", "threshold", "value")}
    tree |= {"left": [0] * len(left), "right": [0] * len(left)}
    for node, at in place.items():
        feature, threshold = tests.get(node, (-1, 0.0))
        tree["feature"][at], tree["threshold"][at] = feature, threshold
        tree["left"][at], tree["right"][at] = place[left[node]], place[right[node]]
        tree["value"][at] = 0.0 if node in tests else float(rng.normal())
    return tree


@pytest.mark.parametrize("most", [1, 2, 8, 9, 16, 17, 33, MAX_LEAVES])
def test_a_forest_scores_as_a_walk_down_its_trees_bit_for_bit(most: int) -> None:
    """Random forests (their trees up to `most` leaves, so every width of leaf mask), on rows
    that meet the thresholds exactly, fall between them, or are NaN and infinities."""
    rng = np.random.default_rng(most)
    columns = 5
    trees = [random_tree(rng, int(rng.integers(1, most + 1)), columns) for _ in range(40)]
    trees[0] = random_tree(rng, most, columns)
    data = {"features": [f"x{i}" for i in range(columns)], "trees": trees}
    pool = np.concatenate([CUTS, ODD, rng.normal(size=20)])
    rows = rng.choice(pool, size=(CHUNK_ROWS + 50, columns))
    forest = Forest.from_dict(data)
    assert forest.predict(rows).tobytes() == walk(data, rows).tobytes()
    assert forest.predict(rows[:1]).tobytes() == walk(data, rows[:1]).tobytes()


def test_a_forest_of_leaves_alone_or_of_no_trees_scores_every_row() -> None:
    rows = np.array([[np.nan], [1.0]])
    for trees in (
        [],
        [{"feature": [-1], "threshold": [0], "left": [0], "right": [0], "value": [2]}],
    ):
        data = {"features": ["x"], "trees": trees}
        assert Forest.from_dict(data).predict(rows).tobytes() == walk(data, rows).tobytes()


def test_a_tree_of_more_leaves_than_a_mask_holds_is_refused() -> None:
    tree = random_tree(np.random.default_rng(0), MAX_LEAVES + 1, 2)
    with pytest.raises(ValueError, match=f"more than {MAX_LEAVES} leaves"):
        Forest.from_dict({"features": ["a", "b"], "trees": [tree]})


@pytest.mark.parametrize("path", [MODEL_FILE, BODY_MODEL_FILE])
def test_the_shipped_forests_score_as_a_walk_bit_for_bit(path) -> None:
    """Rows at, just under and just over the thresholds each column is tested at."""
    data = json.loads(path.read_text(encoding="utf-8"))
    rng = np.random.default_rng(5)
    for forest in [data["first"], data["second"], *data.get("routes", {}).values()]:
        tested = [[] for _ in forest["features"]]
        for tree in forest["trees"]:
            for feature, threshold in zip(tree["feature"], tree["threshold"]):
                if feature >= 0:
                    tested[feature] += [threshold, np.nextafter(threshold, np.inf)]
        rows = np.array([rng.choice(cuts or [0.0], size=150) for cuts in tested]).T
        rows += rng.choice([0.0, 0.0, 1e-3, -1e-3], size=rows.shape)
        assert Forest.from_dict(forest).predict(rows).tobytes() == walk(forest, rows).tobytes()


def test_an_exported_booster_scores_as_lightgbm_does() -> None:
    boosting = load_script("boosting")
    rng = np.random.default_rng(3)
    rows = rng.random((600, 4))
    labels = (rows[:, 0] + 0.5 * rows[:, 1] > 0.8).astype(int)
    model = boosting.fit(rows, labels, np.ones(len(labels)), min_child_samples=5)
    forest = Forest.from_dict(json.loads(json.dumps(boosting.export(model, ["a", "b", "c", "d"]))))
    assert forest.predict(rows).tobytes() == model.predict(rows).tobytes()


def test_a_fit_does_not_depend_on_the_last_bits_of_its_rows() -> None:
    """What a fit on a machine whose log differs in the last place would give: the same trees,
    and the same scores of rows so computed."""
    boosting = load_script("boosting")
    rng = np.random.default_rng(4)
    rows = feature_like(rng, 2000)[:8000].reshape(2000, 4)
    labels = (rows[:, 0] + 0.5 * rows[:, 1] > 4).astype(int)
    fits = [
        boosting.fit(r, labels, np.ones(len(labels)), min_child_samples=5)
        for r in (rows, nudged(rows, rng))
    ]
    assert fits[0].dump_model() == fits[1].dump_model()
    assert fits[0].predict(nudged(rows, rng)).tobytes() == fits[1].predict(rows).tobytes()


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
