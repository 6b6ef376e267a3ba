"""Block classes as jusText has them: each block on its own features (length in words,
stopword density, whether it ends like a sentence). The head, section and repeat heuristics
ask whether a block reads as prose on its own; the article body itself is the body model's.

The thresholds are those an earlier round chose on the development bench (coarse grids, round
values); they only decide where the head and sections of a text may stand.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass
from enum import Enum
from functools import lru_cache

import regex

from ..features import PROSE_WORDS, terminal
from ..model import Block
from ..segment import MAX_BLOCKS
from ..lexicon import Lexicon

CJK_CHARS_PER_WORD = 2
CJK_MIN_SHARE = 0.3  # above this share of CJK characters, sentence shape stands in for stopwords
GOOD_MIN_WORDS = 15
GOOD_MIN_DENSITY = 0.3
NEAR_MIN_DENSITY = 0.15
SHORT_MAX_WORDS = 8
SENTENCE_MIN_WORDS = 4  # a short block ending like a sentence, with a stopword, is prose
UNENDED_MIN_WORDS = 20  # a block not ending like a sentence is prose only when this long
UNENDED_MIN_DENSITY = 0.25

_WORD = regex.compile(r"\w+")
_CJK = regex.compile(r"[\p{Han}\p{Hiragana}\p{Katakana}\p{Hangul}]")
# A sentence ends in one of these, then perhaps closing quotes and brackets; an ellipsis is no
# ending (it ends a truncated teaser headline, "Build your…").
_SENTENCE_ENDS = ".!?。！？"
_CLOSERS = "\"'”’»)]"
# After its last sentence a paragraph may carry reference marks ("… in 1642.[16]", "[n 3]",
# "[citation needed]"), as encyclopedia text does, or end in a smiley, as blogs do: it is prose
# all the same. (The body models' `terminal` feature reads the plain ending they were fitted on;
# refitted with this one, they scored no better.)
_REFERENCES = regex.compile(r"(?:\[(?:\d{1,3}|[a-z]{1,2} ?\d{1,3}|citation needed)\])+$")
_SMILEY = regex.compile(r"(?<!\S)[:;]-?[)D]$")


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
        """The share of stopwords; in Chinese, Japanese or Korean text, which no list here
        splits into words, GOOD_MIN_DENSITY when it ends like a sentence, else none."""
        if self.cjk:
            return GOOD_MIN_DENSITY if self.terminal else 0.0
        return self.stopwords / self.words if self.words else 0.0


SEPARATOR_MAX_CHARS = 40  # a rule or a section break: "---", "* * *", "⁂", "• • •"
_RULE_MARKS = frozenset("~=+|_")  # symbols a rule is drawn with besides punctuation


def is_separator(text: str) -> bool:
    """A short line of punctuation only (`---`, `* * *`, `⁂`): a rule or a section break, no
    word of it. Other symbols are content: a review's "★★★★☆", an emoji."""
    return 0 < len(text) <= SEPARATOR_MAX_CHARS and all(
        c.isspace() or c in _RULE_MARKS or unicodedata.category(c)[0] == "P" for c in text
    )


def ends_sentence(text: str) -> bool:
    if text.endswith("]"):
        text = _REFERENCES.sub("", text[-200:])
    elif text.endswith((")", "D")) and _SMILEY.search(text[-4:]):
        return True
    body = text.rstrip(_CLOSERS)
    return bool(body) and body[-1] in _SENTENCE_ENDS and not body[:-1].endswith("..")


@lru_cache(maxsize=MAX_BLOCKS)
def features(text: str, stopwords: frozenset[str]) -> Features:
    tokens = _WORD.findall(text)
    cjk_chars = 0 if text.isascii() else len(_CJK.findall(text))
    cjk = cjk_chars >= CJK_MIN_SHARE * max(len(text), 1)
    words = len(tokens) + (cjk_chars // CJK_CHARS_PER_WORD if cjk else 0)
    stops = sum(map(stopwords.__contains__, map(str.lower, tokens)))
    return Features(words, stops, ends_sentence(text), cjk)


def classify(f: Features) -> Class:
    """jusText-style class of a block."""
    if f.words <= SHORT_MAX_WORDS:
        sentence = f.terminal and f.words >= SENTENCE_MIN_WORDS and (f.stopwords or f.cjk)
        return Class.NEAR if sentence else Class.SHORT
    if f.words >= GOOD_MIN_WORDS and f.density >= GOOD_MIN_DENSITY and f.terminal:
        return Class.GOOD
    if f.terminal and f.density >= NEAR_MIN_DENSITY:
        return Class.NEAR
    if f.words >= UNENDED_MIN_WORDS and f.density >= UNENDED_MIN_DENSITY:
        return Class.NEAR
    return Class.BAD


@lru_cache(maxsize=MAX_BLOCKS)
def _class_alone(text: str, stopwords: frozenset[str]) -> Class:
    return classify(features(text, stopwords))


MEMOS = (features, _class_alone)  # emptied before each document (see heuristics.forget)


def is_prose(block: Block, lex: Lexicon, strict: bool = True) -> bool:
    """A paragraph that reads as article prose on its own features (`strict`: a full paragraph,
    not just a sentence). Asked of the same blocks by several heuristics, so remembered."""
    c = _class_alone(block.text, lex.stopwords)
    return c is Class.GOOD or (not strict and c is Class.NEAR)


def long_sentence(text: str) -> bool:
    """A block of PROSE_WORDS words or more that ends like a sentence: prose in any language,
    whether or not a stoplist knows its words (a headline does not end so; a blurb is short)."""
    return len(text.split()) >= PROSE_WORDS and terminal(text)
