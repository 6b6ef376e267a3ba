"""Fit the article-block models on bench + wide, cross-validated by site, and ship them.

    uv run --group eval python scripts/fit_blocks.py --input html   # cleaner/html/block_model.json
    uv run --group eval python scripts/fit_blocks.py --input text   # cleaner/heuristics/body_model.json
    ... --dataset out/fit/html.pkl    # keep the features read from the pages, to refit quickly

Every page is read exactly as the cleaner reads it: an HTML page through `cleaner.html.route`,
a text dump through the pipeline's rules up to the body model. A block's label is whether most
of its text stands in the page's gold (`covered` >= 0.5); it weighs the square root of its words
times that of how short the page's article is. Two stages (`cleaner.trees.BlockModel`); the
second reads the first's scores of the neighbours, which for training come from models that
never saw the block's site. For HTML, the route selector (`fit_routes.py`) is fitted last.

Folds hold whole sites (`boosting.site_folds`). For each fold, everything is fitted on the
other four and the fold is scored: that is the cross-validated figure, printed beside the
in-sample one of the models fitted on everything. The fold models, the site-to-fold map and the
digest of the model they were fitted beside go to out/models/, where `scripts/eval.py` finds them
for its `cleaner-cv` rows (`fold_models.py` rebuilds those of the shipped models).
"""

from __future__ import annotations

import argparse
import json
import pickle
import sys
from collections import defaultdict
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path

import numpy as np

import boosting
import corpora
import fit_routes
import fold_models
from metric import DocRow, aggregate, score_pair

from cleaner.features import context_features, covered
from cleaner.heuristics import body
from cleaner.lexicon import BODY_MODEL_FILE
from cleaner.html import route
from cleaner.html.page import Page
from cleaner.html import features as html_features

ROOT = Path(__file__).resolve().parent.parent
MODELS = ROOT / "out" / "models"
THRESHOLD = 0.5
LABEL_SHARE = 0.5
REFERENCE_WORDS, MIN_ARTICLE_WORDS = 300, 50
SETS = ("bench", "wide")


@dataclass
class PageRows:
    """One page as a model sees it, with its gold."""

    id: str
    source: str
    site: str
    texts: list[str]
    rows: np.ndarray
    labels: np.ndarray
    gold: str
    keepable: np.ndarray  # blocks the model may keep: not the headline (HTML), unmarked (text)
    trainable: np.ndarray  # blocks it is scored and trained on: all (HTML), unmarked (text)
    groups: list[list[int]] = field(default_factory=list)  # the context's element keys (HTML)
    readability: str = ""  # the candidates of the route selector (HTML)
    trafilatura: str = ""


def _labels(texts: list[str], gold: str) -> np.ndarray:
    return (np.array(covered(texts, gold)) >= LABEL_SHARE).astype(int)


def read_html(page: corpora.Page) -> PageRows:
    parsed = Page(page.html)
    whole = parsed.for_extractors()
    root = parsed.prune()
    blocks, rows, readability = (
        route.page_features(root, parsed.meta.title) if root is not None else ([], None, "")
    )
    rows = rows if rows is not None else np.zeros((0, len(html_features.BLOCK_FEATURES)))
    texts = [b.text for b in blocks]
    groups = [
        [b.ancestors[-level] if len(b.ancestors) >= level else -1 for b in blocks]
        for level in (1, 2, 3)
    ]
    return PageRows(
        page.id,
        page.source,
        page.site,
        texts,
        rows,
        _labels(texts, page.gold),
        page.gold,
        rows[:, html_features.BLOCK_FEATURES.index("title")] == 0,
        np.ones(len(texts), dtype=bool),
        groups,
        readability,
        route.trafilatura_text(whole),
    )


_cleaner = None


def read_text(page: corpora.Page) -> PageRows:
    from cleaner import Cleaner, heuristics
    from cleaner.read import read_bytes

    global _cleaner
    _cleaner = _cleaner or Cleaner()
    heuristics.forget()
    doc = read_bytes(page.text.encode("utf-8"), None, known="utf-8", html=False)
    _cleaner.mark_once(doc, disabled=frozenset({body.BODY.id}))
    texts = [b.text for b in doc.blocks]
    unmarked = np.array([b.mark is None for b in doc.blocks], dtype=bool)
    return PageRows(
        page.id,
        page.source,
        page.site,
        texts,
        body.page_rows(doc.blocks, _cleaner.lexicon),
        _labels(texts, page.gold),
        page.gold,
        unmarked,
        unmarked,
    )


@dataclass(frozen=True)
class Kind:
    read: object
    first: tuple[str, ...]
    second: tuple[str, ...]
    model_file: Path
    min_words: int  # fewer kept words: the model found no article and every keepable block stays


KINDS = {
    "html": Kind(
        read_html, html_features.BLOCK_FEATURES, html_features.STAGE_TWO, route.MODEL_FILE, 0
    ),
    "text": Kind(
        read_text, body.BODY_FEATURES, body.STAGE_TWO, BODY_MODEL_FILE, body.MIN_KEPT_WORDS
    ),
}


def dataset(kind: str, path: Path | None, jobs: int) -> list[PageRows]:
    if path and path.exists():
        return pickle.loads(path.read_bytes())
    pages = [p for corpus in SETS for p in corpora.load(corpus)]
    with ProcessPoolExecutor(jobs) as pool:
        found = list(pool.map(KINDS[kind].read, pages, chunksize=4))
    if path:
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(pickle.dumps(found))
    return found


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
    texts = {}
    for p in pages:
        keep = p.keepable & (scores[p.id] >= THRESHOLD)
        if sum(len(t.split()) for t, k in zip(p.texts, keep) if k) < kind.min_words:
            keep = p.keepable
        texts[p.id] = "\n".join(t for t, k in zip(p.texts, keep) if k)
    return texts


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


def export(kind: Kind, models, selector: dict | None) -> dict:
    first, second = models
    record = {
        "first": boosting.export(first, kind.first),
        "second": boosting.export(second, kind.second),
        "threshold": THRESHOLD,
    }
    return record | ({"routes": fit_routes.export(selector)} if selector else {})


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--input", choices=tuple(KINDS), required=True)
    parser.add_argument(
        "--dataset", type=Path, help="pickle of the page features: read if present, else written"
    )
    parser.add_argument("--jobs", type=int, default=2)
    args = parser.parse_args(argv)
    kind = KINDS[args.input]
    pages = [p for p in dataset(args.input, args.dataset, args.jobs) if p.texts]
    folds = boosting.site_folds([p.site for corpus in SETS for p in corpora.load(corpus)])
    selects = args.input == "html"
    cv: dict[str, np.ndarray] = {}
    per_fold = []
    for k in range(boosting.FOLDS):
        per_fold.append(fit_two_stages([p for p in pages if folds[p.site] != k], folds))
        cv |= two_stage_scores(per_fold[k], [p for p in pages if folds[p.site] == k])
    MODELS.mkdir(parents=True, exist_ok=True)
    chosen_cv = kept(kind, pages, cv)
    for k, models in enumerate(per_fold):
        # The selector of fold k learns from the other folds' pages, as scored without their own site.
        selector = (
            fit_routes.fit([p for p in pages if folds[p.site] != k], cv, THRESHOLD)
            if selects
            else None
        )
        if selector:
            chosen_cv |= fit_routes.chosen(
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
    final = fit_two_stages(pages, folds)
    selector = fit_routes.fit(pages, cv, THRESHOLD) if selects else None
    final_scores = two_stage_scores(final, pages)
    inside = kept(kind, pages, final_scores)
    if selector:
        report("blocks, in", pages, inside)
        inside |= fit_routes.chosen(selector, pages, final_scores, THRESHOLD)
    in_figures = report("final, in", pages, inside)
    record = export(kind, final, selector) | {
        "fitted_on": list(SETS),
        "cross_validated": cv_figures,
        "in_sample": in_figures,
    }
    kind.model_file.write_text(json.dumps(record) + "\n", encoding="utf-8")
    fold_models.record(args.input, kind.model_file, MODELS)
    print(
        f"wrote {kind.model_file.relative_to(ROOT)} and the fold models under {MODELS.relative_to(ROOT)}"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
