"""The features the HTML article-block model reads, one row per DOM block, computed once per page.

Three kinds of evidence: the block's text (`cleaner.features.text_features`), its place in the
tree (element, depth, link density, class and id words of its ancestors, the share of the page
held by the elements around it, how far it stands from the headline, how many twins its parent
element has) and what a standard extractor (readability) kept. `context` adds, for the second
stage, what the first stage thought of the block's neighbours and of the elements it shares
with them.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence

import numpy as np

from ..dates import find_date
from ..features import (
    CONTEXT_FEATURES,
    TEXT_FEATURES,
    context_features,
    signed_log,
    text_features,
    words_of,
)
from ..lexicon import Lexicon
from .blocks import CUE_NAMES, DomBlock, grid_cells

TAGS = (
    "p",
    "div",
    "li",
    "td",
    "th",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "blockquote",
    "pre",
    "dd",
    "dt",
    "section",
    "article",
    "body",
    "tr",
    "form",
    "center",
    "figcaption",
    "caption",
    "address",
    "main",
    "ul",
    "ol",
    "table",
)
CONTAINER_LEVELS = 3  # the elements this many levels around a block describe its neighbourhood
# What each of them says: how many blocks an element holds is no feature, since it tells the
# site's template more than the article (without it, the block model's cross-validated wide F1
# rose by 0.0007 in two seeds, the page's after the selector by -0.0001 and +0.0003).
CONTAINER = ("share", "link_density")
_CONTAINER_COLUMNS = len(CONTAINER) * CONTAINER_LEVELS
DATE_LINE_CHARS = 120  # a date in a block this short makes it a date line
_TAG_CODE = {tag: i for i, tag in enumerate(TAGS)}

DOM_FEATURES = (
    "link_density",
    "title",
    "tag",
    "depth",
    "heading",
    "in_list",
    "in_table",
    "in_article",
    *(f"near_{c}" for c in CUE_NAMES),
    *(f"far_{c}" for c in CUE_NAMES),
    *(f"container{k}_{what}" for k in range(1, CONTAINER_LEVELS + 1) for what in CONTAINER),
    "readability",
    "after_title",
    "blocks_from_title",
    "parent_twins",
    "parent_kind_blocks",
    "date_like",
)
BLOCK_FEATURES = (*TEXT_FEATURES, *DOM_FEATURES)
GROUPS = ("p_element", "p_parent", "p_grandparent")  # mean first-stage score under one element
STAGE_TWO = (*BLOCK_FEATURES, *CONTEXT_FEATURES, *GROUPS)


def _containers(blocks: Sequence[DomBlock], words: list[int]) -> np.ndarray:
    """For each block and each of the CONTAINER_LEVELS elements above its own: the share of the
    page's words under that element and its link density."""
    total_words: defaultdict[int, int] = defaultdict(int)
    link: defaultdict[int, int] = defaultdict(int)
    chars: defaultdict[int, int] = defaultdict(int)
    for block, n in zip(blocks, words):
        for element in block.ancestors:
            total_words[element] += n
            link[element] += block.link_chars
            chars[element] += len(block.text)
    page = max(1, sum(words))
    width = len(CONTAINER)
    rows = np.zeros((len(blocks), _CONTAINER_COLUMNS))
    for i, block in enumerate(blocks):
        for k in range(CONTAINER_LEVELS):
            up = len(block.ancestors) - 2 - k
            if up < 0:
                break
            element = block.ancestors[up]
            rows[i, width * k : width * (k + 1)] = (
                total_words[element] / page,
                link[element] / max(1, chars[element]),
            )
    return rows


def _title_at(tokens: list[list[str]], title: str | None) -> int | None:
    """The first block that is the page's title, holds it whole, or is most of it (the title
    tag often adds the site's name)."""
    words = words_of(title) if title else []
    if not words:
        return None
    joined = f" {' '.join(words)} "
    for i, block in enumerate(tokens):
        line = f" {' '.join(block)} "
        if block and (
            joined in line
            and len(block) <= 2 * len(words)
            or line in joined
            and len(block) >= max(3, len(words) / 2)
        ):
            return i
    return None


def _twins(blocks: Sequence[DomBlock]) -> np.ndarray:
    """How many distinct elements share the block's parent's tag and class (comments, teasers
    and list items repeat one; an article's paragraphs share a single parent), and how many
    blocks sit under elements of that kind."""
    parents: dict[str, set[int]] = defaultdict(set)
    counts: dict[str, int] = defaultdict(int)
    for block in blocks:
        parents[block.parent_kind].add(block.ancestors[-2] if len(block.ancestors) > 1 else -1)
        counts[block.parent_kind] += 1
    return np.array(
        [(np.log1p(len(parents[b.parent_kind])), np.log1p(counts[b.parent_kind])) for b in blocks]
    )


def block_features(
    blocks: Sequence[DomBlock], title: str | None, readability: Sequence[float], lex: Lexicon
) -> np.ndarray:
    """One row of BLOCK_FEATURES per block."""
    n = len(blocks)
    if n == 0:
        return np.zeros((0, len(BLOCK_FEATURES)))
    texts = [b.text for b in blocks]
    tokens = [words_of(t) for t in texts]
    title_words = words_of(title) if title else None
    title_at = _title_at(tokens, title)
    dom = np.array(
        [
            (
                block.link_density,
                float(title_words is not None and words == title_words),
                _TAG_CODE.get(block.tag, len(TAGS)),
                block.depth,
                float(block.heading),
                float(block.in_list),
                float(block.in_table),
                float(block.in_article),
                *block.near_cues,
                *block.far_cues,
                *([0.0] * _CONTAINER_COLUMNS),
                readability[i],
                0.0,
                0.0,
                0.0,
                0.0,
                float(len(block.text) <= DATE_LINE_CHARS and find_date(block.text) is not None),
            )
            for i, (block, words) in enumerate(zip(blocks, tokens))
        ],
        dtype=np.float64,
    )
    first = DOM_FEATURES.index("container1_share")
    dom[:, first : first + _CONTAINER_COLUMNS] = _containers(blocks, [len(t) for t in tokens])
    at = DOM_FEATURES.index("after_title")
    if title_at is not None:
        offset = np.arange(n) - title_at
        dom[:, at], dom[:, at + 1] = np.sign(offset), signed_log(offset)
    dom[:, at + 2 : at + 4] = _twins(blocks)
    return np.hstack([text_features(texts, lex, grid_cells(blocks)), dom])


def context(blocks: Sequence[DomBlock], first: np.ndarray, words: np.ndarray) -> np.ndarray:
    """The second stage's CONTEXT_FEATURES, then the mean first-stage score of the blocks under
    the block's element, its parent and its grandparent (GROUPS)."""
    groups = [
        [b.ancestors[-level] if len(b.ancestors) >= level else -1 for b in blocks]
        for level in (1, 2, 3)
    ]
    return context_features(first, words, groups)
