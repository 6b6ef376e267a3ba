"""Stopwords in 100 languages (jusText's lists, which trafilatura already installs), and a
page's language guessed from them: the list that covers most of the page's words.

Whether a block reads as prose is measured by its share of stopwords, which needs the page's
language; guessing it from the stoplists themselves needs no language detector and works for
every language that has a list.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable
from functools import cache

from justext.utils import get_stoplist, get_stoplists


@cache
def _table() -> tuple[tuple[str, ...], dict[str, int]]:
    """The languages, and for each stopword a bit mask of the languages whose list has it."""
    languages = tuple(sorted(get_stoplists()))
    masks: dict[str, int] = {}
    for bit, language in enumerate(languages):
        for word in get_stoplist(language):
            masks[word] = masks.get(word, 0) | (1 << bit)
    return languages, masks


@cache
def stopwords(language: str) -> frozenset[str]:
    return frozenset(get_stoplist(language))


def guess_language(words: Iterable[str]) -> str | None:
    """The language whose stoplist holds most of `words` (lower-cased), or None when no list
    holds any of them."""
    languages, masks = _table()
    counts = [0] * len(languages)
    for mask, count in Counter(map(masks.get, words)).items():
        while mask:
            low = mask & -mask
            counts[low.bit_length() - 1] += count
            mask ^= low
    best = max(range(len(languages)), key=counts.__getitem__)
    return languages[best] if counts[best] else None
