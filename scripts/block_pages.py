"""The evaluation pages as the article-block models see them, for scripts/fit_blocks.py.

Every page is read exactly as the cleaner reads it: an HTML page through `cleaner.html.route`,
a text dump through the pipeline's rules up to the body model. A block's label is whether most
of its text stands in the page's gold (`covered` >= LABEL_SHARE).
"""

from __future__ import annotations

import pickle
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path

import numpy as np

import corpora

from cleaner.features import covered
from cleaner.heuristics import body
from cleaner.html import features as html_features
from cleaner.html import route
from cleaner.html.page import Page

LABEL_SHARE = 0.5
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


def text_of(page: PageRows, mask: np.ndarray) -> str:
    """The text of the page's blocks in `mask`, a line each."""
    return "\n".join(t for t, k in zip(page.texts, mask) if k)


def kept_text(page: PageRows, keep: np.ndarray, min_words: int) -> str:
    """The text of the blocks in `keep`; of every keepable block when they hold fewer than
    `min_words` words (the model found no article: the cleaner then leaves the page as it is)."""
    if sum(len(t.split()) for t, k in zip(page.texts, keep) if k) < min_words:
        keep = page.keepable
    return text_of(page, keep)


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


READERS = {"html": read_html, "text": read_text}


def dataset(kind: str, path: Path | None, jobs: int) -> list[PageRows]:
    """Every page of bench and wide as `kind`'s model reads it (kept in `path` if given)."""
    if path and path.exists():
        return pickle.loads(path.read_bytes())
    pages = [p for corpus in SETS for p in corpora.load(corpus)]
    with ProcessPoolExecutor(jobs) as pool:
        found = list(pool.map(READERS[kind], pages, chunksize=4))
    if path:
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(pickle.dumps(found))
    return found
