"""Block features: what the article-body models read of each block, computed once per page.

`text_features` reads a page's blocks as text: length, stopword share in the page's language
(`stoplists`), sentence ending, digits and capitals, list and URL shapes, furniture and comment
words, repeats, position, and the same few facts of the two blocks on each side. The HTML route
adds what the tree says (`html/features.py`); the text route adds the marks earlier rules left.

`context_features` is the second stage's view: what the first stage thought of the block's
neighbours, of the page around it (wider windows, the whole page, the best-scoring run of
blocks) and, for a page, of the elements the block shares with others.
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from collections.abc import Sequence
from functools import lru_cache
from itertools import chain

import numpy as np
import regex

from .lexicon import Lexicon, may_be_furniture
from .segment import MAX_BLOCKS
from .stoplists import guess_language, stopwords

PROSE_WORDS = 20  # a block this long that ends like a sentence is article prose
NEIGHBOURS = 2  # the first stage reads these facts of this many blocks on each side
REACH = 3  # the second stage reads the first's scores of this many blocks on each side
WINDOWS = (5, 15)  # and its word-weighted mean over these many blocks on each side
# Chinese and Japanese are written without spaces: each character is a word, so a paragraph is as
# long as its meaning and its particles are stopwords. `words_of` holds one string per character.
_WORD = regex.compile(r"[\p{Han}\p{Hiragana}\p{Katakana}]|[^\W\p{Han}\p{Hiragana}\p{Katakana}]+")
_lowered = lru_cache(maxsize=65536)(str.lower)  # of such one-character words
_ASCII_WORD = re.compile(r"\w+", re.ASCII)  # _WORD on an ASCII text, in half the time
_BULLET = regex.compile(r"^\s*(?:[-*+•·▪►»]|\d{1,3}[.)])\s")
_URL = regex.compile(r"https?://|www\.|\.(?:com|org|net)\b")
_SENTENCE_ENDS = ".!?。！？"
_CLOSERS = "\"'”’»)]"
_ASCII_DIGITS = b"0123456789"
_ASCII_UPPER = b"ABCDEFGHIJKLMNOPQRSTUVWXYZ"
_LOG1P = [float(v) for v in np.log1p(np.arange(4096, dtype=np.float64))]

_OWN = (
    "log_words",
    "stop_density",
    "terminal",
    "digit_share",
    "upper_share",
    "commas_per_word",
    "separators",
    "furniture_words",
    "comment_marker",
    "after_comments",
    "bullet",
    "ends_colon",
    "all_caps",
    "capitalised_share",
    "has_url",
    "repeats",
    "position",
    "chars_before",
    "log_blocks",
)
_SHARED = ("log_words", "stop_density", "terminal")  # read of the neighbours too
TEXT_FEATURES = (
    *_OWN,
    *(f"{name}_{off:+d}" for off in range(-NEIGHBOURS, NEIGHBOURS + 1) if off for name in _SHARED),
)
CONTEXT_FEATURES = (
    *(f"p_{off:+d}" for off in range(-REACH, REACH + 1) if off),
    *(f"p_window{w}" for w in WINDOWS),
    "p_page_mean",
    "p_page_max",
    "p_words_before",
    "in_run",
    "from_run_start",
    "from_run_end",
)


def terminal(text: str) -> bool:
    """Whether the text ends like a sentence (closing quotes and brackets aside)."""
    body = text.rstrip(_CLOSERS)
    return bool(body) and body[-1] in _SENTENCE_ENDS


def words_of(text: str) -> list[str]:
    """The text's words, lower-cased. An ASCII text is lowered whole: A-Z are its only capitals
    and stay word characters, so the words are the same and one call lowers them all."""
    if text.isascii():
        return _ASCII_WORD.findall(text.lower())
    return [_lowered(w) if len(w) == 1 else w.lower() for w in _WORD.findall(text)]


def signed_log(values: np.ndarray) -> np.ndarray:
    return np.sign(values) * np.log1p(np.abs(values))


def shifted(column: np.ndarray, offset: int, fill: float = -1.0) -> np.ndarray:
    """`column` moved by `offset` rows (row i reads row i + offset), `fill` past the ends."""
    out = np.full(len(column), fill)
    if offset > 0:
        out[:-offset] = column[offset:]
    elif offset < 0:
        out[-offset:] = column[:offset]
    else:
        out[:] = column
    return out


def _shingles(tokens: Sequence[str]) -> set[tuple[str, ...]]:
    return set(zip(tokens, tokens[1:], tokens[2:], tokens[3:]))


@lru_cache(maxsize=4096)
def _tokens(text: str) -> tuple[str, ...]:
    """A text's words as `covered` counts them. Memoised per document (`heuristics.forget`):
    an HTML page's blocks and candidate texts are each measured against several references."""
    return tuple(_ASCII_WORD.findall(text) if text.isascii() else _WORD.findall(text))


@lru_cache(maxsize=8)
def _reference(text: str) -> tuple[set[tuple[str, ...]], str]:
    tokens = _tokens(text)
    return _shingles(tokens), f" {' '.join(tokens)} "


def covered(texts: Sequence[str], reference: str) -> list[float]:
    """For each text, the share of its 4-word shingles found in `reference` (a text of fewer than
    four words: 1.0 when it stands in `reference` whole)."""
    shingles, joined = _reference(reference)
    shares = []
    for text in texts:
        words = _tokens(text)
        if len(words) < 4:
            shares.append(float(bool(words) and f" {' '.join(words)} " in joined))
        else:
            own = zip(words, words[1:], words[2:], words[3:])
            shares.append(sum(map(shingles.__contains__, own)) / (len(words) - 3))
    return shares


def is_list_item(text: str) -> bool:
    """A line starting with a bullet or a number ("* ", "• ", "3. ")."""
    return bool(_BULLET.match(text))


@lru_cache(maxsize=MAX_BLOCKS)
def block_facts(text: str) -> tuple[tuple[str, ...], tuple[float, ...]]:
    """A block's words and the facts of it that no other block changes, in _OWN's order with
    stop_density, furniture_words, comment_marker, after_comments and the page's facts left
    out. Memoised per document (see `heuristics.forget`): the settle pass meets the same blocks."""
    words = tuple(words_of(text))
    count, length = len(words), max(1, len(text))
    initials = [w[0] for w in text.split() if w[0].isalpha()]
    digits, upper = _digits_upper(text)
    return words, (
        log1p_count(count),
        float(terminal(text)),
        digits / length,
        upper / length,
        text.count(",") / max(1, count),
        text.count("|") + text.count("»") + text.count("·"),
        float(is_list_item(text)),
        float(text.endswith(":")),
        float(text.isupper()),
        sum(map(str.isupper, initials)) / max(1, len(initials)),
        float(bool(_URL.search(text))),
    )


MEMOS = (block_facts, _tokens, _reference)  # emptied before each document


def _digits_upper(text: str) -> tuple[int, int]:
    """How many characters of `text` are digits and how many capitals (`str.isdigit`,
    `str.isupper`); an ASCII text is counted by deleting them from its bytes, ten times faster."""
    if text.isascii():
        raw = text.encode("ascii")
        digits, upper = raw.translate(None, _ASCII_DIGITS), raw.translate(None, _ASCII_UPPER)
        return len(raw) - len(digits), len(raw) - len(upper)
    return sum(map(str.isdigit, text)), sum(map(str.isupper, text))


def log1p_count(count: int) -> float:
    """`np.log1p` of a count, looked up below 4,096 (math.log1p differs from numpy's in the last
    bit for some numbers, and the fitted thresholds were learned on numpy's)."""
    return _LOG1P[count] if count < len(_LOG1P) else float(np.log1p(count))


def text_features(texts: Sequence[str], lex: Lexicon, cells: Sequence[bool] = ()) -> np.ndarray:
    """One row of TEXT_FEATURES per block of a page. `cells` (HTML only) marks the blocks that
    are a table cell beside other cells: a column headed "Comment" opens no comment section."""
    facts = [block_facts(t) for t in texts]
    language = guess_language(chain.from_iterable(words for words, _ in facts))
    stops = stopwords(language) if language else lex.stopwords
    repeats = Counter(texts)
    n, total = len(texts), max(1, sum(len(t) for t in texts))
    rows, chars_before, after_comments, seen_prose = [], 0, 0.0, False
    for i, (text, (words, own)) in enumerate(zip(texts, facts)):
        count = len(words)
        log_words, ends, digits, upper, commas, separators, bullet, colon, caps, capitals, url = own
        marker = not (cells and cells[i]) and bool(
            lex.comment_start.search(text) or (count <= 6 and lex.comment_heading.search(text))
        )
        rows.append(
            (
                log_words,
                sum(map(stops.__contains__, words)) / count if count else 0.0,
                ends,
                digits,
                upper,
                commas,
                separators,
                float(bool(may_be_furniture(text))),
                float(marker),
                after_comments,
                bullet,
                colon,
                caps,
                capitals,
                url,
                log1p_count(repeats[text] - 1),
                i / max(1, n),
                chars_before / total,
                log1p_count(n),
            )
        )
        chars_before += len(text)
        # A comment section follows the article: markers before its first paragraph are share bars.
        seen_prose = seen_prose or (count >= PROSE_WORDS and bool(ends))
        after_comments = max(after_comments, float(marker and seen_prose))
    own_rows = np.array(rows, dtype=np.float64).reshape(n, len(_OWN))
    shared = [_OWN.index(name) for name in _SHARED]
    around = [
        shifted(own_rows[:, col], off)
        for off in range(-NEIGHBOURS, NEIGHBOURS + 1)
        if off
        for col in shared
    ]
    return np.column_stack([own_rows, *around]) if n else np.zeros((0, len(TEXT_FEATURES)))


def _window_means(values: np.ndarray, weights: np.ndarray, reach: int) -> np.ndarray:
    n = len(values)
    sums = np.concatenate([[0.0], np.cumsum(values * weights)])
    mass = np.concatenate([[0.0], np.cumsum(weights)])
    low, high = np.clip(np.arange(n) - reach, 0, n), np.clip(np.arange(n) + reach + 1, 0, n)
    return (sums[high] - sums[low]) / np.maximum(1.0, mass[high] - mass[low])


def best_run(scores: np.ndarray) -> tuple[int, int] | None:
    """The contiguous run of blocks with the largest sum of `scores` (first and last index)."""
    best, span, total, start = 0.0, None, 0.0, 0
    for i, value in enumerate(scores):
        if total <= 0:
            start, total = i, 0.0
        total += value
        if total > best:
            best, span = total, (start, i)
    return span


def context_features(
    first: np.ndarray, words: np.ndarray, groups: Sequence[Sequence[int]] = ()
) -> np.ndarray:
    """CONTEXT_FEATURES from the first stage's probabilities `first` (0 for blocks already taken
    by a rule), plus one column per grouping in `groups` (a key per block, such as its parent
    element): the mean probability of the blocks sharing the block's key."""
    n = len(first)
    if n == 0:
        return np.zeros((0, len(CONTEXT_FEATURES) + len(groups)))
    columns = [shifted(first, off) for off in range(-REACH, REACH + 1) if off]
    columns += [_window_means(first, words, reach) for reach in WINDOWS]
    kept = words * (first >= 0.5)
    columns += [
        np.full(n, float((first * words).sum() / max(1.0, words.sum()))),
        np.full(n, float(first.max())),
        np.cumsum(kept) / max(1.0, float(kept.sum())),
    ]
    clipped = np.clip(first, 1e-4, 1 - 1e-4)
    run = best_run(np.log(clipped / (1 - clipped)) * np.sqrt(np.maximum(1.0, words)))
    index = np.arange(n)
    if run is None:
        columns += [np.zeros(n)] * 3
    else:
        columns += [
            ((index >= run[0]) & (index <= run[1])).astype(float),
            signed_log(index - run[0]),
            signed_log(index - run[1]),
        ]
    for keys in groups:
        members: dict[int, list[float]] = defaultdict(list)
        for key, p in zip(keys, first):
            members[key].append(p)
        means = {key: sum(ps) / len(ps) for key, ps in members.items()}
        columns.append(np.array([means[key] for key in keys]))
    return np.column_stack(columns)
