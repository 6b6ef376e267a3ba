"""Block classes for the article body, as jusText has them: each block on its own features
(length in words, stopword density, whether it ends like a sentence). No context here: the
body module revises classes by their neighbours and finds the article's run.

The thresholds and weights are data, fitted on the development bench by scripts/fit_body.py
and committed as body_params.json.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from dataclasses import dataclass
from enum import Enum
from functools import lru_cache
from pathlib import Path

import regex

from ..model import Block
from .base import Lexicon

CJK_CHARS_PER_WORD = 2
CJK_MIN_SHARE = 0.3  # above this share of CJK characters, sentence shape stands in for stopwords
MIN_PAGE_DENSITY = 0.05  # below this the page's language has no stopword list: sentence shape decides
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
# A sentence ends in one of these, then perhaps closing quotes and brackets; an ellipsis is no
# ending (it ends a truncated teaser headline, "Build your…").
_SENTENCE_ENDS = ".!?。！？"
_CLOSERS = "\"'”’»)]"


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


def _ends_sentence(text: str) -> bool:
    body = text.rstrip(_CLOSERS)
    return bool(body) and body[-1] in _SENTENCE_ENDS and not body[:-1].endswith("..")


@lru_cache(maxsize=16384)
def features(text: str, stopwords: frozenset[str]) -> Features:
    tokens = _WORD.findall(text)
    cjk_chars = 0 if text.isascii() else len(_CJK.findall(text))
    cjk = cjk_chars >= CJK_MIN_SHARE * max(len(text), 1)
    words = len(tokens) + (cjk_chars // CJK_CHARS_PER_WORD if cjk else 0)
    stops = sum(map(stopwords.__contains__, map(str.lower, tokens)))
    return Features(words, stops, _ends_sentence(text), cjk)


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


def page_classes(blocks: Sequence[Block], lex: Lexicon) -> tuple[dict[int, Features], dict[int, Class]]:
    """Features and class of every unmarked block; a page with too few stopwords for its size is
    in a language without a list, so sentence shape decides there."""
    feats = {b.index: features(b.text, lex.stopwords) for b in blocks if b.mark is None}
    words = sum(f.words for f in feats.values())
    known = sum(f.stopwords for f in feats.values()) >= MIN_PAGE_DENSITY * words
    return feats, {i: classify(f, known, PARAMS) for i, f in feats.items()}


@lru_cache(maxsize=16384)
def _class_alone(text: str, stopwords: frozenset[str]) -> Class:
    """The class of a block on its own, the page's language known (with the PARAMS of the time:
    the memo is emptied before each document)."""
    return classify(features(text, stopwords), True, PARAMS)


MEMOS = (features, _class_alone)  # emptied before each document (see heuristics.forget)


def is_prose(block: Block, lex: Lexicon, strict: bool = True) -> bool:
    """A paragraph that reads as article prose on its own features (`strict`: a full paragraph,
    not just a sentence). Asked of the same blocks by several heuristics, so remembered."""
    c = _class_alone(block.text, lex.stopwords)
    return c is Class.GOOD or (not strict and c is Class.NEAR)
