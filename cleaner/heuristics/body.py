"""The article body of a whole-page dump, by a fitted model over block features.

Every block the earlier rules left is scored by two forests (`cleaner.trees.BlockModel`): the
first reads the block's own features (`cleaner.features.text_features`), the marks earlier rules
put on its neighbours, where it stands from the headline and the prose around it; the second
adds the first's scores of the neighbourhood and of the best-scoring run of blocks. Blocks under
the threshold are not the article (`generic.outside-body`). When the model keeps almost nothing
it found no article; when it would remove only a block or two, and other rules removed next to
nothing, the text is an article already (a short one's last line is no footer): either way the
text is left as the other rules made it. A paragraph the model scores under the threshold
that reads as prose and follows the kept body, with only furniture other rules marked in
between, continues the article: a last paragraph next to the footer scores low for its
neighbours, not for itself; so does a subheading between the two, and a list item between two
kept items of the list. A dump that runs an article's paragraphs together prints it as one long
block, which the model may score a little low while it keeps a blurb beside it: that block is
kept. What the model cannot judge cell by cell is judged whole: a table printed one cell per
line (`tables`), a list printed one item per line (`rows`) and a live blog's entries (`entries`)
are kept once the body reaches them, and the model reads the page without its fenced code
listings (`segment`), keeping each listing that follows the body.

The model is data (`body_model.json`), fitted by `scripts/fit_blocks.py --input text` on the
evaluation pages with folds by site; `Lexicon.body_model()` is the one in use.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence

import numpy as np

from ..features import (
    CONTEXT_FEATURES,
    TEXT_FEATURES,
    block_facts,
    context_features,
    is_list_item,
    shifted,
    signed_log,
    text_features,
)
from ..model import Block
from ..trees import BlockModel
from ..lexicon import Lexicon
from . import extent
from .base import Heuristic, title_block
from .classify import is_prose, is_separator
from .entries import keep_entries
from .rows import keep_lists
from .tables import keep_tables

MIN_KEPT_WORDS = 25  # the model keeping fewer words than this found no article
MIN_OUTSIDE_BLOCKS = 3  # fewer blocks to remove: the text is an article already, left alone
SUBHEADING_MAX_WORDS = 10  # a line this short between two kept paragraphs may head the second
CONTINUES_MIN_SHARE = 0.5  # of the threshold: prose after the body scoring this much continues it
WHOLE_MIN_WORDS = 200  # a block this long, holding WHOLE_MIN_RATIO times the words the model
WHOLE_MIN_RATIO = 3  # kept, is an article printed as one block when it reads as prose
DENSITY_WINDOWS = (3, 8)  # blocks on each side over which the prose around a block is measured
# Kinds of the marks earlier rules leave, as codes (0: unmarked; an unlisted kind: the last code).
KINDS = (
    "navigation",
    "paywall",
    "cookie",
    "advertisement",
    "promo",
    "copyright",
    "disclosure",
    "bio",
    "related",
    "url",
    "script",
    "caption",
    "credit",
    "headline",
    "byline",
    "date",
    "comments",
    "duplicate",
    "header",
    "footer",
    "markup",
)
MARK_REACH = 2
# The page's block count is left out: a whole-page dump's length is its site's template more than
# its article's, so the model learned sites by it (folds by site, wide: cross-validated F1 up
# 0.002 to 0.003 without it over three seeds; the HTML model, which reads the tree, gains none).
OWN_FEATURES = tuple(name for name in TEXT_FEATURES if name != "log_blocks")
_OWN_COLUMNS = [TEXT_FEATURES.index(name) for name in OWN_FEATURES]
BODY_FEATURES = (
    *OWN_FEATURES,
    "mark",
    *(f"mark_{off:+d}" for off in range(-MARK_REACH, MARK_REACH + 1) if off),
    "after_title",
    "from_title",
    *(f"{what}_window{w}" for w in DENSITY_WINDOWS for what in ("density", "log_words")),
)
STAGE_TWO = (*BODY_FEATURES, *CONTEXT_FEATURES)
_MARK, _WORDS, _DENSITY = (
    BODY_FEATURES.index("mark"),
    OWN_FEATURES.index("log_words"),
    OWN_FEATURES.index("stop_density"),
)


# Kinds the model was fitted without, read as one it knows: an embedded post stands inside the
# article as an ad does; the lines between two of a kind of furniture (`generic.between-furniture`,
# kind boilerplate) are mostly a promo's buttons.
READ_AS = {"embed": "advertisement", "boilerplate": "promo"}


def _code(block: Block) -> float:
    if block.mark is None:
        return 0.0
    kind = READ_AS.get(block.mark.kind, block.mark.kind)
    return float(KINDS.index(kind) + 1 if kind in KINDS else len(KINDS) + 1)


def _windows(words: np.ndarray, density: np.ndarray) -> list[np.ndarray]:
    n = len(words)
    stops = np.concatenate([[0.0], np.cumsum(words * density)])
    mass = np.concatenate([[0.0], np.cumsum(words)])
    columns = []
    for reach in DENSITY_WINDOWS:
        low, high = np.clip(np.arange(n) - reach, 0, n), np.clip(np.arange(n) + reach + 1, 0, n)
        total = mass[high] - mass[low]
        columns += [(stops[high] - stops[low]) / np.maximum(1.0, total), np.log1p(total)]
    return columns


def page_rows(blocks: Sequence[Block], lex: Lexicon) -> np.ndarray:
    """One row of BODY_FEATURES per block (marked blocks included: they are the context)."""
    n = len(blocks)
    if n == 0:
        return np.zeros((0, len(BODY_FEATURES)))
    own = text_features([b.text for b in blocks], lex)[:, _OWN_COLUMNS]
    marks = np.array([_code(b) for b in blocks])
    found = title_block(blocks)  # by place in `blocks`, which may leave listings out
    title = next((i for i, b in enumerate(blocks) if b is found), None)
    offset = np.arange(n) - (title if title is not None else 0)
    known = float(title is not None)
    words = np.expm1(own[:, _WORDS])
    return np.column_stack(
        [
            own,
            marks,
            *(shifted(marks, off) for off in range(-MARK_REACH, MARK_REACH + 1) if off),
            known * np.sign(offset),
            known * signed_log(offset),
            *_windows(words, own[:, _DENSITY]),
        ]
    )


def scores(model: BlockModel, blocks: Sequence[Block], rows: np.ndarray) -> np.ndarray:
    """The second stage's probability that each block is article text (0 for marked blocks)."""
    unmarked = rows[:, _MARK] == 0  # marked blocks are context only: their scores stay 0
    first = np.zeros(len(rows))
    first[unmarked] = model.first.predict(rows[unmarked])
    context = context_features(first, np.expm1(rows[:, _WORDS]))
    second = np.zeros(len(rows))
    second[unmarked] = model.second.predict(np.hstack([rows, context])[unmarked])
    return second


def continues_body(
    blocks: Sequence[Block], probability: np.ndarray, threshold: float, lex: Lexicon
) -> np.ndarray:
    """Which blocks are body: those the model keeps; a prose paragraph it scores under the
    threshold but at least CONTINUES_MIN_SHARE of it, whose nearest unmarked block before it is
    body or one subheading so scored after the body (kept with it); and a list item between two
    kept items (jusText's context revision: a block takes its neighbours' class)."""
    kept = probability >= threshold
    body, heading = False, None
    for i, block in enumerate(blocks):
        if block.mark is not None or is_separator(block.text):  # a section break parts nothing
            continue
        if not kept[i] and body and probability[i] >= CONTINUES_MIN_SHARE * threshold:
            kept[i] = is_prose(block, lex, strict=False)
            if not kept[i] and heading is None and _heads_more(block.text, lex):
                heading = i  # the body goes on over it if prose that continues the body follows
                continue
        if kept[i] and heading is not None:
            kept[heading] = True
        body, heading = bool(kept[i]), None
    unmarked = [i for i, block in enumerate(blocks) if block.mark is None]
    for before, i, after in zip(unmarked, unmarked[1:], unmarked[2:]):
        if kept[before] and kept[after] and not kept[i]:
            items = all(is_list_item(blocks[j].text) for j in (before, i, after))
            kept[i] = items or (_subheading(blocks[i].text) and is_prose(blocks[after], lex))
    whole = _whole_article(blocks, probability, kept, threshold, lex)
    if whole is not None:
        kept[whole] = True
    return kept


def _whole_article(
    blocks: Sequence[Block],
    probability: np.ndarray,
    kept: np.ndarray,
    threshold: float,
    lex: Lexicon,
) -> int | None:
    """The longest block left out, when it is the article printed as one block (a dump that
    runs its paragraphs together): the model may score it a little low and keep a blurb beside
    it. It must score at least CONTINUES_MIN_SHARE of the threshold, read as prose and hold
    WHOLE_MIN_WORDS words, WHOLE_MIN_RATIO times as many as all the kept blocks."""
    left = [
        i
        for i, block in enumerate(blocks)
        if block.mark is None and not kept[i] and probability[i] >= CONTINUES_MIN_SHARE * threshold
    ]
    if not left:
        return None
    words = [len(block_facts(b.text)[0]) for b in blocks]
    longest = max(left, key=words.__getitem__)
    body = sum(n for n, keep in zip(words, kept) if keep)
    enough = words[longest] >= max(WHOLE_MIN_WORDS, WHOLE_MIN_RATIO * body)
    return longest if enough and is_prose(blocks[longest], lex, strict=False) else None


def _heads_more(text: str, lex: Lexicon) -> bool:
    """A subheading that is no comment section's heading ("Comments", "Leave a reply")."""
    return _subheading(text) and not (
        lex.comment_start.search(text) or lex.comment_heading.search(text)
    )


def _subheading(text: str) -> bool:
    """A short title-like line ("What happens next"): between two kept paragraphs, it heads the
    second."""
    words = text.split()
    return (
        0 < len(words) <= SUBHEADING_MAX_WORDS
        and text[0].isupper()
        and not text.endswith((".", ",", ";", ":"))
    )


def find_outside(blocks: Sequence[Block], lex: Lexicon) -> Iterator[Block]:
    text = [b for b in blocks if not b.listing]  # code reads as no prose: the model reads none
    kept = _kept(text, lex)
    if kept is None:
        return
    body = {id(b) for b, keep in zip(text, kept) if keep}
    yield from (b for b in text if b.mark is None and id(b) not in body)
    yield from _listings_outside(blocks, body)


def _kept(blocks: Sequence[Block], lex: Lexicon) -> np.ndarray | None:
    """Which blocks are the article; None when the text is to be left as the other rules made
    it (the model found no article, or the text is one already)."""
    model = lex.body_model()
    rows = page_rows(blocks, lex)
    probability = scores(model, blocks, rows)
    kept = continues_body(blocks, probability, model.threshold, lex)
    if model.routes:  # the article may reach further than the blocks the model kept
        unmarked, ends = rows[:, _MARK] == 0, extent.sentence_ends(rows, BODY_FEATURES)
        found = extent.evidence(rows, BODY_FEATURES, probability, unmarked, ends, model.threshold)
        best = extent.pick(model.routes, found)
        kept = extent.candidates(kept, unmarked, ends)[best] if best else kept
    kept = keep_entries(blocks, keep_lists(blocks, keep_tables(blocks, kept, lex)), lex)
    outside = sum(b.mark is None and not keep for b, keep in zip(blocks, kept))
    dropped = sum(b.mark is not None and b.mark.field is None for b in blocks)
    if outside + dropped < MIN_OUTSIDE_BLOCKS:
        return None
    # the words page_rows counted, from the per-document memo
    kept_words = sum(len(block_facts(b.text)[0]) for b, keep in zip(blocks, kept) if keep)
    return kept if kept_words >= MIN_KEPT_WORDS else None


def _listings_outside(blocks: Sequence[Block], body: set[int]) -> Iterator[Block]:
    """The unmarked lines of each fenced listing that does not follow the body (`body`: ids of
    the kept blocks): the nearest unmarked block above it that is no listing is not kept. A
    listing may end the article, the footer after it; one in a comment follows the comment."""
    follows = False
    for block in blocks:
        if block.listing:
            if block.mark is None and not follows:
                yield block
        elif block.mark is None:
            follows = id(block) in body


BODY = Heuristic("generic.outside-body", "boilerplate", find_outside, listings=True)
