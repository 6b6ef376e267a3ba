"""The article body of a whole-page dump.

With every block classified (see `classify`), the article is the one contiguous run of blocks
with the most prose in it, found as a maximum-sum segment where prose counts for and menus,
lists and link labels count against; summaries in a list of teasers count little. Inside that
run, non-prose blocks stay only in short runs between prose (subheadings, a short list);
everything outside it is page furniture.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from dataclasses import dataclass

import regex

from ..model import Block
from .base import Heuristic, Lexicon
from . import classify as cl
from .classify import Class, Features, features, page_classes

TEASER_CHAIN = 3  # this many lone prose blocks in a row, a few blocks apart: a list of teasers
TEASER_GAP = 4  # at most this many blocks apart (headline, author, date, summary)
MIN_OUTSIDE_BLOCKS = 3  # fewer blocks around the article: not a page dump, leave its edges alone
_LETTER = regex.compile(r"\p{L}")
# Furniture that sits inside articles (ad slots, their scripts, captions) does not separate runs;
# menus, link lists and the like do.
INLINE_KINDS = frozenset({"advertisement", "script", "caption", "credit", "url", "duplicate", "headline"})


@dataclass(frozen=True)
class Body:
    """The article's span (block indices, inclusive) and the class of every kept block."""

    start: int
    end: int
    classes: dict[int, Class]


def article_body(blocks: Sequence[Block], lex: Lexicon) -> Body | None:
    """The maximum-sum run of unmarked blocks; None when nothing reads as prose, or when so little
    lies around the run that the text is an article already (a short one's first line is no menu)."""
    feats, classes = page_classes(blocks, lex)
    p = cl.PARAMS
    order = sorted(classes)
    teasers = _teasers(order, classes)
    weights = {}
    for i in order:
        weight = _weight(classes[i], feats[i], p)
        weights[i] = weight * p.isolated_factor if i in teasers and weight > 0 else weight
    best, best_span = 0.0, None
    total, start = 0.0, None
    for block in blocks:
        i = block.index
        if start is None:
            start, total = i, 0.0
        total += weights.get(i, 0.0 if block.mark and block.mark.kind in INLINE_KINDS else -p.marked_cost)
        if total > 0 and total >= best:  # ties extend the run over free blocks at its end
            best, best_span = total, (start, i)
        if total < 0:
            start = None
    if best_span is None or sum(1 for i in order if not best_span[0] <= i <= best_span[1]) < MIN_OUTSIDE_BLOCKS:
        return None
    return Body(best_span[0], best_span[1], classes)


def _weight(c: Class, f: Features, p: cl.Params) -> float:
    if c is Class.GOOD:
        return f.words
    if c is Class.NEAR:
        return f.words * p.near_weight
    if c is Class.SHORT:
        return 0.0 if f.terminal else -p.short_cost  # "Stay safe." costs nothing at an edge
    return -f.words * p.bad_weight


def _prose(c: Class | None) -> bool:
    return c in (Class.GOOD, Class.NEAR)


def _teasers(order: list[int], classes: dict[int, Class]) -> set[int]:
    """Prose blocks with no prose next to them that come in chains, as summaries do in a list
    of links to other stories; one such paragraph between two subheadings is no list."""
    lone = [
        i
        for k, i in enumerate(order)
        if _prose(classes[i]) and not any(_prose(classes[j]) for j in (order[k - 1] if k else None, order[k + 1] if k + 1 < len(order) else None) if j is not None)
    ]
    teasers: set[int] = set()
    chain: list[int] = []
    for i in lone + [None]:
        if i is not None and chain and order.index(i) - order.index(chain[-1]) <= TEASER_GAP:
            chain.append(i)
            continue
        if len(chain) >= TEASER_CHAIN:
            teasers.update(chain)
        chain = [i] if i is not None else []
    return teasers


def find_outside(blocks: Sequence[Block], lex: Lexicon) -> Iterator[Block]:
    body = article_body(blocks, lex)
    if body is None:
        return
    yield from (b for b in blocks if b.mark is None and not body.start <= b.index <= body.end)


def find_inside(blocks: Sequence[Block], lex: Lexicon) -> Iterator[Block]:
    """Non-prose blocks inside the body, unless a short run of them sits between prose
    (subheadings, a short list); a short sentence stays, a block without letters goes."""
    body = article_body(blocks, lex)
    if body is None:
        return
    inside = [b for b in blocks[body.start : body.end + 1] if b.mark is None]
    run: list[Block] = []
    for block in [*inside, None]:
        if block is not None and not _prose(body.classes[block.index]):
            run.append(block)
            continue
        closed_by_prose = block is not None and bool(run) and run[0] is not inside[0]
        for member in run:
            if _LETTER.search(member.text) is None:
                yield member
            elif not (closed_by_prose and len(run) <= cl.PARAMS.max_inner_run) and not _short_sentence(member, body, lex):
                yield member
        run = []


def _short_sentence(block: Block, body: Body, lex: Lexicon) -> bool:
    return body.classes[block.index] is Class.SHORT and features(block.text, lex.stopwords).terminal


BODY_OUTSIDE = Heuristic("generic.outside-body", "boilerplate", find_outside)
BODY_INSIDE = Heuristic("generic.body-furniture", "boilerplate", find_inside)
