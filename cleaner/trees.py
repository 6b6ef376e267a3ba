"""Gradient-boosted trees as plain data, evaluated with numpy: the fitted models ship as JSON
inside the package, and scoring needs neither the library that trained them nor a compiler.

Trees are scored without walking them (QuickScorer: Lucchese et al., SIGIR 2015). Number each
tree's leaves from left to right: a node whose test sends a row right rules out every leaf of its
left subtree, and the leaf the walk would reach is the leftmost one that no node rules out. For
one column, the nodes that send a value right are those whose thresholds lie under it, so what
they rule out in every tree is looked up by the value's rank among the thresholds; a row's leaves
are the OR of its columns' lookups. A walk took eight numpy steps per level of depth over every
(row, tree) pair; this takes one gather and one OR over (column, row, tree) bit masks.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from functools import cached_property
from pathlib import Path
from typing import Protocol

import numpy as np

CHUNK_ROWS = 128  # rows scored at once: 128 rows x 56 columns x 150 trees of masks are 2 MB
MAX_LEAVES = 64  # a tree's leaves are bits of one unsigned integer
MASKS = (np.uint8, np.uint16, np.uint32, np.uint64)  # the smallest that holds the leaves is used
GRID = 2**24  # model inputs and outputs are rounded to multiples of 1 / GRID (see `settle`)


def settle(values: np.ndarray) -> np.ndarray:
    """`values` rounded to multiples of 1 / GRID, so that a model reads the same numbers on
    every machine. numpy computes log, exp, log1p and expm1 on the CPU's vector units where it
    can (AVX-512), and their last bits then differ from another CPU's: enough to move a fit's
    splits. A value rounds differently only when it lies within those last bits of a midpoint
    between two multiples: fewer than one in ten million values under 10. NaN and infinities
    stay; -0.0 becomes 0.0."""
    return np.round(np.asarray(values, dtype=np.float64) * GRID) / GRID + 0.0


class Scorer(Protocol):
    """What a route selector needs of a forest: a `Forest` at run time, the fitting library's
    model in scripts/fit_routes.py."""

    def predict(self, rows: np.ndarray) -> np.ndarray: ...


@dataclass(frozen=True)
class Tables:
    """What scoring looks up, built from a forest's nodes once (see the module's docstring)."""

    used: np.ndarray  # (columns,) the columns some node tests
    cuts: np.ndarray  # (cuts,) every testing node's threshold, sorted
    rows: np.ndarray  # (columns x (cuts + 1),) row of `ruled_out` by column and rank in `cuts`
    starts: np.ndarray  # (columns, 1) where each column's part of `rows` starts
    ruled_out: np.ndarray  # (rows, trees) leaves ruled out: a column's nodes, ORed by threshold
    values: np.ndarray  # (trees x leaves,) leaf values, each tree's from left to right
    firsts: np.ndarray  # (trees,) position of each tree's first leaf in `values`, less one


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
            if sum(feature < 0 for feature in tree["feature"]) > MAX_LEAVES:
                raise ValueError(f"a tree has more than {MAX_LEAVES} leaves")
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
        )

    def _spans(self) -> np.ndarray:
        """(nodes, 2): the numbers of the first leaf under each node and of the leaf after the
        last, counting each tree's leaves from left to right (a leaf's number is its first)."""
        spans = np.zeros((len(self.feature), 2), dtype=np.int64)
        for root in self.roots:
            stack, count = [(int(root), -1)], 0
            while stack:  # depth first, left before right; a node is met again after its leaves
                node, first = stack.pop()
                if self.left[node] == node:
                    spans[node] = count, count + 1
                    count += 1
                elif first >= 0:
                    spans[node] = first, count
                else:
                    stack += [
                        (node, count),
                        (int(self.right[node]), -1),
                        (int(self.left[node]), -1),
                    ]
        return spans

    @cached_property
    def tables(self) -> Tables:
        """The lookups `predict` uses, built at its first call."""
        trees, spans = len(self.roots), self._spans()
        tree_of = np.repeat(np.arange(trees), np.diff([*self.roots, len(self.feature)]))
        leaves = self.left == np.arange(len(self.left))
        most = int(spans[leaves, 1].max(initial=1))  # leaves of the largest tree
        mask = next(m for m in MASKS if np.iinfo(m).bits >= most)
        nodes = np.flatnonzero(~leaves)
        nodes = nodes[np.lexsort((self.threshold[nodes], self.feature[nodes]))]
        own = np.zeros((len(nodes), trees), dtype=mask)  # what each node rules out alone
        own[np.arange(len(nodes)), tree_of[nodes]] = [
            (1 << int(end)) - (1 << int(first)) for first, end in spans[self.left[nodes]]
        ]
        used, bounds = np.unique(self.feature[nodes], return_index=True)
        cuts = np.sort(self.threshold[nodes])
        parts: list[np.ndarray] = []
        rows: list[np.ndarray] = []
        for start, stop in zip(bounds, [*bounds[1:], len(nodes)]):
            # A value of rank r (r cuts under it) is over the thresholds up to cuts[r - 1].
            over = np.searchsorted(self.threshold[nodes[start:stop]], cuts, side="right")
            rows.append(start + len(parts) // 2 + np.concatenate([[0], over]))
            parts += [np.zeros((1, trees), dtype=mask), np.bitwise_or.accumulate(own[start:stop])]
        values = np.zeros((trees, most))
        values[tree_of[leaves], spans[leaves, 0]] = self.value[leaves]
        return Tables(
            used,
            cuts,
            np.concatenate(rows) if rows else np.zeros(0, dtype=np.int64),
            (np.arange(len(used)) * (len(cuts) + 1))[:, None],
            np.concatenate(parts) if parts else np.zeros((0, trees), dtype=mask),
            values.ravel(),
            np.arange(trees) * most - 1,
        )

    def predict(self, rows: np.ndarray) -> np.ndarray:
        """The probability of the positive class for each row of `rows` (n, len(features))."""
        count, width = rows.shape
        if width != len(self.features):
            raise ValueError(f"expected {len(self.features)} features, got {width}")
        if count == 0:
            return np.zeros(0)
        if count > CHUNK_ROWS:  # the masks stay in cache: time stays linear in rows
            chunks = range(0, count, CHUNK_ROWS)
            return np.concatenate([self.predict(rows[i : i + CHUNK_ROWS]) for i in chunks])
        tables = self.tables
        values = settle(np.asarray(rows).T.take(tables.used, axis=0))  # the columns it reads
        np.fmax(values, -np.inf, out=values)  # NaN is over no threshold: a walk goes left
        rank = np.searchsorted(tables.cuts, values) + tables.starts
        lookups = tables.ruled_out.take(tables.rows.take(rank), axis=0)
        ruled_out = np.bitwise_or.reduce(lookups, axis=0)  # (rows, trees)
        ones = ruled_out ^ (ruled_out + 1)  # the lowest 0 bit and the 1 bits under it
        leaf = np.bitwise_count(ones) + tables.firsts
        return settle(1.0 / (1.0 + np.exp(-tables.values.take(leaf).sum(axis=1))))


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
