"""The article body of a whole-page dump.

Each block is classified by its own features (length in words, stopword density, whether it
ends like a sentence), as jusText does; the article is then the one contiguous run of blocks
with the most prose in it, found as a maximum-sum segment where prose counts for and menus,
lists and link labels count against. Inside that run, short blocks stay only where prose
surrounds them (subheadings); everything outside it is page furniture.
"""

from __future__ import annotations

import json
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from enum import Enum
from functools import lru_cache
from pathlib import Path

import regex

from ..model import Block
from .base import Heuristic, Lexicon

CJK_CHARS_PER_WORD = 2
CJK_MIN_SHARE = 0.3  # above this share of CJK characters, sentence shape stands in for stopwords
MIN_PAGE_DENSITY = 0.05  # below this the page's language has no stopword list: sentence shape decides
TEASER_CHAIN = 3  # this many lone prose blocks in a row, a few blocks apart: a list of teasers
TEASER_GAP = 4  # at most this many blocks apart (headline, author, date, summary)
MIN_OUTSIDE_BLOCKS = 3  # fewer blocks around the article: not a page dump, leave its edges alone
PARAMS_FILE = Path(__file__).with_name("body_params.json")


@dataclass(frozen=True)
class Params:
    """Thresholds and weights, fitted on the development bench by scripts/fit_body.py."""

    good_min_words: int = 12
    good_min_density: float = 0.25
    near_min_density: float = 0.15
    short_max_words: int = 6
    sentence_min_words: int = 2  # a short block ending like a sentence, with a stopword, is prose
    unended_min_words: int = 20  # a block not ending like a sentence is prose only when this long
    unended_min_density: float = 0.3
    near_weight: float = 0.5
    bad_weight: float = 0.5
    short_cost: float = 4.0
    isolated_factor: float = 0.3  # weight of prose in a list of teasers (headline, summary, time)
    max_inner_run: int = 2  # more non-prose blocks in a row inside the article: a link list
    marked_cost: float = 4.0  # a block another rule took as furniture still separates runs

    @classmethod
    def load(cls, path: Path = PARAMS_FILE) -> Params:
        data = json.loads(path.read_text(encoding="utf-8")) if path.exists() else {}
        return cls(**data.get("params", {}))


PARAMS = Params.load()

_WORD = regex.compile(r"\w+")
_CJK = regex.compile(r"[\p{Han}\p{Hiragana}\p{Katakana}\p{Hangul}]")
_LETTER = regex.compile(r"\p{L}")
_TERMINAL = regex.compile(r"[.!?…。！？][\"'”’»)\]]*$|[.!?…][\"'”’»)\]]*\s*\(\d+\)$")


class Class(Enum):
    GOOD = "good"
    NEAR = "near-good"
    SHORT = "short"
    BAD = "bad"


@dataclass(frozen=True, slots=True)
class Features:
    words: int
    stopwords: int
    terminal: bool
    cjk: bool

    @property
    def density(self) -> float:
        return self.stopwords / self.words if self.words else 0.0


@lru_cache(maxsize=16384)
def features(text: str, stopwords: frozenset[str]) -> Features:
    tokens = _WORD.findall(text)
    cjk_chars = len(_CJK.findall(text))
    cjk = cjk_chars >= CJK_MIN_SHARE * max(len(text), 1)
    words = len(tokens) + (cjk_chars // CJK_CHARS_PER_WORD if cjk else 0)
    stops = sum(1 for t in tokens if t.lower() in stopwords)
    return Features(words, stops, _TERMINAL.search(text) is not None, cjk)


def classify(f: Features, known_language: bool, p: Params) -> Class:
    """jusText-style class of a block; without stopwords to go by, a sentence ending stands in."""
    by_shape = f.cjk or not known_language
    density = (p.good_min_density if f.terminal else 0.0) if by_shape else f.density
    if f.words <= p.short_max_words:
        sentence = f.terminal and f.words >= p.sentence_min_words and (f.stopwords or by_shape)
        return Class.NEAR if sentence else Class.SHORT
    if f.words >= p.good_min_words and density >= p.good_min_density and f.terminal:
        return Class.GOOD
    if f.terminal and density >= p.near_min_density:
        return Class.NEAR
    if f.words >= p.unended_min_words and density >= p.unended_min_density:
        return Class.NEAR
    return Class.BAD


def is_prose(block: Block, lex: Lexicon, strict: bool = True) -> bool:
    """A paragraph that reads as article prose on its own features (`strict`: a full paragraph,
    not just a sentence)."""
    c = classify(features(block.text, lex.stopwords), True, PARAMS)
    return c is Class.GOOD or (not strict and c is Class.NEAR)


def _weight(c: Class, f: Features, p: Params) -> float:
    if c is Class.GOOD:
        return f.words
    if c is Class.NEAR:
        return f.words * p.near_weight
    if c is Class.SHORT:
        return 0.0 if f.terminal else -p.short_cost  # "Stay safe." costs nothing at an edge
    return -f.words * p.bad_weight


@dataclass(frozen=True)
class Body:
    """The article's span (block indices, inclusive) and the class of every kept block."""

    start: int
    end: int
    classes: dict[int, Class]


def article_body(blocks: Sequence[Block], lex: Lexicon) -> Body | None:
    """The maximum-sum run of unmarked blocks; None when nothing reads as prose, or when so little
    lies around the run that the text is an article already (a short one's first line is no menu)."""
    feats = {b.index: features(b.text, lex.stopwords) for b in blocks if b.mark is None}
    words = sum(f.words for f in feats.values())
    known = sum(f.stopwords for f in feats.values()) >= MIN_PAGE_DENSITY * words
    classes = {i: classify(f, known, PARAMS) for i, f in feats.items()}
    order = sorted(classes)
    teasers = _teasers(order, classes)
    weights = {}
    for i in order:
        weight = _weight(classes[i], feats[i], PARAMS)
        weights[i] = weight * PARAMS.isolated_factor if i in teasers and weight > 0 else weight
    best, best_span = 0.0, None
    total, start = 0.0, None
    for block in blocks:
        i = block.index
        if start is None:
            start, total = i, 0.0
        total += weights.get(i, -PARAMS.marked_cost)
        if total > 0 and total >= best:  # ties extend the run over free blocks at its end
            best, best_span = total, (start, i)
        if total < 0:
            start = None
    if best_span is None or sum(1 for i in order if not best_span[0] <= i <= best_span[1]) < MIN_OUTSIDE_BLOCKS:
        return None
    return Body(best_span[0], best_span[1], classes)


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
            elif not (closed_by_prose and len(run) <= PARAMS.max_inner_run) and not _short_sentence(member, body, lex):
                yield member
        run = []


def _short_sentence(block: Block, body: Body, lex: Lexicon) -> bool:
    return body.classes[block.index] is Class.SHORT and features(block.text, lex.stopwords).terminal


BODY_OUTSIDE = Heuristic("generic.outside-body", "boilerplate", find_outside)
BODY_INSIDE = Heuristic("generic.body-furniture", "boilerplate", find_inside)
