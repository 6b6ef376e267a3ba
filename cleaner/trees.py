"""Gradient-boosted trees as plain data, evaluated with numpy: the fitted models ship as JSON
inside the package, and scoring needs neither the library that trained them nor a compiler.

All trees are walked at once, one level per step: every (block, tree) pair holds a node index
that moves to its left or right child until it reaches a leaf, whose children are itself.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from functools import cached_property
from pathlib import Path

import numpy as np

CHUNK_ROWS = 512  # rows a walk takes at once (512 rows x 150 trees of node indices: 600 KB)


@dataclass(frozen=True)
class Forest:
    """A binary classifier: the sum of the trees' leaf values, through a logistic. The node
    tables of all trees are laid end to end, so child indices are positions in one flat array."""

    features: tuple[str, ...]  # the column names the forest was trained on, in order
    roots: np.ndarray  # (trees,) position of each tree's root
    feature: np.ndarray  # (nodes,) column tested at each node; 0 at leaves, which never test
    threshold: np.ndarray  # (nodes,) go left when the value is at most this
    left: np.ndarray  # (nodes,) positions of the children; a leaf's are its own
    right: np.ndarray
    value: np.ndarray  # (nodes,) leaf values, 0 elsewhere
    depth: int

    @cached_property
    def children(self) -> np.ndarray:
        """Left and right child of every node side by side, so one gather takes a step."""
        return np.column_stack([self.left, self.right]).ravel()

    @classmethod
    def from_dict(cls, data: dict) -> Forest:
        columns: dict[str, list] = {
            "feature": [],
            "threshold": [],
            "left": [],
            "right": [],
            "value": [],
        }
        roots = []
        for tree in data["trees"]:
            offset = len(columns["feature"])
            roots.append(offset)
            for i, (feature, threshold, left, right, value) in enumerate(
                zip(tree["feature"], tree["threshold"], tree["left"], tree["right"], tree["value"])
            ):
                leaf = feature < 0
                columns["feature"].append(0 if leaf else feature)
                columns["threshold"].append(threshold)
                columns["left"].append(offset + (i if leaf else left))
                columns["right"].append(offset + (i if leaf else right))
                columns["value"].append(value if leaf else 0.0)
        ints, floats = np.int64, np.float64
        return cls(
            tuple(data["features"]),
            np.array(roots, dtype=ints),
            np.array(columns["feature"], dtype=ints),
            np.array(columns["threshold"], dtype=floats),
            np.array(columns["left"], dtype=ints),
            np.array(columns["right"], dtype=ints),
            np.array(columns["value"], dtype=floats),
            int(data["depth"]),
        )

    def predict(self, rows: np.ndarray) -> np.ndarray:
        """The probability of the positive class for each row of `rows` (n, len(features))."""
        count, width = rows.shape
        if width != len(self.features):
            raise ValueError(f"expected {len(self.features)} features, got {width}")
        if count == 0:
            return np.zeros(0)
        if count > CHUNK_ROWS:  # the walk's arrays stay in cache: time stays linear in rows
            chunks = range(0, count, CHUNK_ROWS)
            return np.concatenate([self.predict(rows[i : i + CHUNK_ROWS]) for i in chunks])
        flat = np.ascontiguousarray(rows, dtype=np.float64).ravel()
        starts = (np.arange(count, dtype=np.int64) * width)[:, None]
        node = np.broadcast_to(self.roots, (count, len(self.roots))).copy()
        for _ in range(self.depth):
            go_right = flat.take(starts + self.feature.take(node)) > self.threshold.take(node)
            node = self.children.take(2 * node + go_right)
        return 1.0 / (1.0 + np.exp(-self.value.take(node).sum(axis=1)))


@dataclass(frozen=True)
class BlockModel:
    """The HTML article model. Two forests score blocks: the first on each block's features, the
    second on those plus the first's scores of its neighbours; a block is kept at `threshold` or
    above. `routes` holds, per extractor, a forest that says from a page's evidence whether that
    extractor's text would beat the kept blocks."""

    first: Forest
    second: Forest
    threshold: float
    routes: dict[str, Forest]

    @classmethod
    def from_dict(cls, data: dict) -> BlockModel:
        routes = {name: Forest.from_dict(forest) for name, forest in data.get("routes", {}).items()}
        return cls(
            Forest.from_dict(data["first"]),
            Forest.from_dict(data["second"]),
            float(data["threshold"]),
            routes,
        )

    @classmethod
    def load(cls, path: Path) -> BlockModel:
        return cls.from_dict(json.loads(path.read_text(encoding="utf-8")))


@dataclass(frozen=True)
class Models:
    """The fitted models a Cleaner uses: for HTML pages' blocks and for a text's article body.
    None stands for the one the package ships; evaluation passes models fitted without the
    pages it scores."""

    html: BlockModel | None = None
    text: BlockModel | None = None
