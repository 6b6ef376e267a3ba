"""Fit the article-block models on bench + wide, cross-validated by site, and ship them.

    uv run --group eval python scripts/fit_blocks.py --input html   # cleaner/html/block_model.json
    uv run --group eval python scripts/fit_blocks.py --input text   # cleaner/heuristics/body_model.json
    ... --dataset out/fit/html.pkl    # keep the features read from the pages, to refit quickly
    ... --keep-blocks                 # keep the block models that ship; fit the selector only

Pages are read as `block_pages.py` says. A block weighs the square root of its words times that
of how short the page's article is. Two stages (`cleaner.trees.BlockModel`); the second reads
the first's scores of the neighbours, which for training come from models that never saw the
block's site. The page-level selector is fitted last, over cross-validated block scores: for
HTML which route's text wins (`fit_routes.py`), for text how far the article reaches
(`fit_extent.py`).

Folds hold whole sites (`boosting.site_folds`). For each fold, everything is fitted on the
other four and the fold is scored: that is the cross-validated figure, printed beside the
in-sample one of the models fitted on everything. The fold models, the site-to-fold map and the
digest of the model they were fitted beside go to out/models/, where `scripts/eval.py` finds them
for its `cleaner-cv` rows (`fold_models.py` rebuilds those of the shipped models).
"""

from __future__ import annotations

import argparse
import json
import sys
from collections import defaultdict
from dataclasses import dataclass
from pathlib import Path
from types import ModuleType

import numpy as np

import boosting
import corpora
import fit_extent
import fit_routes
import fold_models
from block_pages import SETS, PageRows, dataset, kept_text
from metric import DocRow, aggregate, score_pair

from cleaner.features import context_features
from cleaner.heuristics import body
from cleaner.lexicon import BODY_MODEL_FILE
from cleaner.html import route
from cleaner.html import features as html_features

ROOT = Path(__file__).resolve().parent.parent
MODELS = ROOT / "out" / "models"
THRESHOLD = 0.5
REFERENCE_WORDS, MIN_ARTICLE_WORDS = 300, 50


@dataclass(frozen=True)
class Kind:
    first: tuple[str, ...]
    second: tuple[str, ...]
    model_file: Path
    min_words: int  # fewer kept words: the model found no article and every keepable block stays
    selector: ModuleType  # the page-level selector's fit: fit, chosen and export


KINDS = {
    "html": Kind(
        html_features.BLOCK_FEATURES,
        html_features.STAGE_TWO,
        route.MODEL_FILE,
        0,
        fit_routes,
    ),
    "text": Kind(
        body.BODY_FEATURES,
        body.STAGE_TWO,
        BODY_MODEL_FILE,
        body.MIN_KEPT_WORDS,
        fit_extent,
    ),
}


def weights(page: PageRows) -> np.ndarray:
    """A block weighs the square root of its words, times that of how short the page's article
    is (REFERENCE_WORDS over its words): the metric gives every page the same weight, so a
    stray menu costs a short article more."""
    words = np.maximum(1.0, np.expm1(page.rows[:, 0]))
    article = max(MIN_ARTICLE_WORDS, float(words[page.labels == 1].sum()))
    return np.sqrt(words * REFERENCE_WORDS / article)


def stage_two(page: PageRows, first: np.ndarray) -> np.ndarray:
    """The second stage's rows, as `route.scores` and `body.scores` build them."""
    first = np.where(page.trainable, first, 0.0)
    return np.hstack([page.rows, context_features(first, np.expm1(page.rows[:, 0]), page.groups)])


def stacked(pages: list[PageRows], first: dict[str, np.ndarray] | None = None):
    """Rows, labels and weights of the trainable blocks of `pages`, first or second stage."""
    rows = [stage_two(p, first[p.id]) if first is not None else p.rows for p in pages]
    trainable = np.concatenate([p.trainable for p in pages])
    return (
        np.vstack(rows)[trainable],
        np.concatenate([p.labels for p in pages])[trainable],
        np.concatenate([weights(p) for p in pages])[trainable],
    )


def predict(
    model, pages: list[PageRows], first: dict[str, np.ndarray] | None = None
) -> dict[str, np.ndarray]:
    """Scores of every block of `pages` (first stage, or second given the first's scores)."""
    out = {}
    for p in pages:
        rows = stage_two(p, first[p.id]) if first is not None else p.rows
        out[p.id] = model.predict(rows) if len(rows) else np.zeros(0)
    return out


def fit_two_stages(pages: list[PageRows], folds: dict[str, int]):
    """Both stages on `pages`; the second learns from first-stage scores fitted without each
    page's fold."""
    first: dict[str, np.ndarray] = {}
    for k in sorted({folds[p.site] for p in pages}):
        held = [p for p in pages if folds[p.site] == k]
        first |= predict(boosting.fit(*stacked([p for p in pages if folds[p.site] != k])), held)
    return boosting.fit(*stacked(pages)), boosting.fit(*stacked(pages, first))


def two_stage_scores(models, pages: list[PageRows]) -> dict[str, np.ndarray]:
    first, second = models
    return predict(second, pages, predict(first, pages))


def kept(kind: Kind, pages: list[PageRows], scores: dict[str, np.ndarray]) -> dict[str, str]:
    return {
        p.id: kept_text(p, p.keepable & (scores[p.id] >= THRESHOLD), kind.min_words) for p in pages
    }


def report(name: str, pages: list[PageRows], texts: dict[str, str]) -> dict:
    by_source = defaultdict(list)
    for p in pages:
        by_source[p.source].append(DocRow(p.id, score_pair(texts[p.id], p.gold)))
    wide = aggregate([r for s, rows in by_source.items() if s != "bench" for r in rows])
    figures = {"wide": wide.f1, **{s: aggregate(rows).f1 for s, rows in sorted(by_source.items())}}
    print(
        f"{name:<12}"
        + "  ".join(f"{s} {f:.3f}" for s, f in figures.items())
        + f"  (empty on wide: {wide.empty_outputs})"
    )
    return figures


def export(kind: Kind, models, selector: dict) -> dict:
    """The model file's record; block models kept as they shipped (`--keep-blocks`) are their
    records already."""
    first, second = (
        m if isinstance(m, dict) else boosting.export(m, f)
        for m, f in zip(models, (kind.first, kind.second))
    )
    record = {"first": first, "second": second, "threshold": THRESHOLD}
    return record | {"routes": kind.selector.export(selector)}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--input", choices=tuple(KINDS), required=True)
    parser.add_argument(
        "--dataset", type=Path, help="pickle of the page features: read if present, else written"
    )
    parser.add_argument("--jobs", type=int, default=2)
    parser.add_argument(
        "--keep-blocks",
        action="store_true",
        help="keep the shipped block models and their folds (out/models); fit the selector only",
    )
    args = parser.parse_args(argv)
    kind = KINDS[args.input]
    kept_blocks = fold_models.shipped_blocks(args.input) if args.keep_blocks else None
    pages = [p for p in dataset(args.input, args.dataset, args.jobs) if p.texts]
    folds = boosting.site_folds([p.site for corpus in SETS for p in corpora.load(corpus)])
    cv: dict[str, np.ndarray] = {}
    per_fold = []
    for k in range(boosting.FOLDS):
        per_fold.append(
            kept_blocks[0][k]
            if kept_blocks
            else fit_two_stages([p for p in pages if folds[p.site] != k], folds)
        )
        cv |= two_stage_scores(
            fold_models.scorer(per_fold[k]), [p for p in pages if folds[p.site] == k]
        )
    MODELS.mkdir(parents=True, exist_ok=True)
    chosen_cv = {}
    for k, models in enumerate(per_fold):
        # The selector of fold k learns from the other folds' pages, as scored without their site.
        selector = kind.selector.fit([p for p in pages if folds[p.site] != k], cv, THRESHOLD)
        chosen_cv |= kind.selector.chosen(
            selector, [p for p in pages if folds[p.site] == k], cv, THRESHOLD
        )
        (MODELS / f"{args.input}-fold{k}.json").write_text(
            json.dumps(export(kind, models, selector)), encoding="utf-8"
        )
    (MODELS / "folds.json").write_text(
        json.dumps(folds, indent=0, sort_keys=True), encoding="utf-8"
    )
    report("blocks, cv", pages, kept(kind, pages, cv))
    cv_figures = report("final, cv", pages, chosen_cv)
    final = kept_blocks[1] if kept_blocks else fit_two_stages(pages, folds)
    selector = kind.selector.fit(pages, cv, THRESHOLD)
    final_scores = two_stage_scores(fold_models.scorer(final), pages)
    report("blocks, in", pages, kept(kind, pages, final_scores))
    in_figures = report(
        "final, in", pages, kind.selector.chosen(selector, pages, final_scores, THRESHOLD)
    )
    record = export(kind, final, selector) | {
        "fitted_on": list(SETS),
        "cross_validated": cv_figures,
        "in_sample": in_figures,
    }
    if kept_blocks:  # where fold_models.py fits the block models again
        record["blocks_from"] = kept_blocks[2]
    kind.model_file.write_text(json.dumps(record) + "\n", encoding="utf-8")
    fold_models.record(args.input, kind.model_file, MODELS)
    print(
        f"wrote {kind.model_file.relative_to(ROOT)} and the fold models under {MODELS.relative_to(ROOT)}"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
