"""Repeated headlines and duplicated blocks: the first real occurrence stays.

Only prose counts as a duplicate: short lines and list items (a recipe's "1 cup blueberries",
a table's repeated cells) legitimately recur inside an article. A long block whose sentences
all stand elsewhere in the page (a summary or meta text that repeats the article in one line)
is a duplicate too, whichever comes first: the separate paragraphs are the article. So is a pull
quote, a markdown quote repeating words of a longer paragraph word for word."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterator, Sequence
from functools import lru_cache

import regex

from ..model import Block
from ..lexicon import Lexicon
from ..segment import MAX_BLOCKS
from .base import Heuristic, has_title, kept
from .classify import features

HEADLINE_MAX_CHARS = 200
HEADLINE_MIN_WORDS = 3  # a menu entry printed twice ("Home") is no headline
DUPLICATE_MIN_WORDS = 8
DUPLICATE_MIN_DENSITY = 0.2
CONTAINED_MIN_WORDS = 40  # counted in 4-grams, about as many words
CONTAINED_MIN_CHARS = 4 * CONTAINED_MIN_WORDS  # no block this long: nothing can be contained
CONTAINED_OVER_MEDIAN = 2  # a block restating several paragraphs is longer than most of them
CONTAINED_SHARE = 0.8  # share of a long block's word 4-grams found in the other kept blocks
SHINGLE = 4
PULL_QUOTE_MIN_WORDS = 6  # a shorter block printed inside a paragraph may be a common phrase
PULL_QUOTE_MAX_WORDS = 80
PULL_QUOTE_HOST_WORDS = 400  # paragraphs are shorter; a longer block is searched for no quote
_WORD = regex.compile(r"\w+")
_ALNUM = regex.compile(r"[^\W_]")  # a letter or a digit: `* * *` and `_ _ _` hold no word
_CODE = regex.compile(r"[{}<>=\\]|&&|\|\||^\s*(?://|/\*)")  # a script's symbols, or its comment
_HEADLINE_FIELDS = ("title", "alternate_title")
# A headline ends in none of these: sentence marks, nor the arrow or ellipsis of a link to
# another article ("5 Beauty Items for Home Repair »", "Learn more ►", "Skincare Secret…");
# nor does it start with the arrow of a link to the previous one ("« An older post"). A
# guillemet that closes or opens a quotation («Plus les heures passent») is no arrow.
_NO_HEADLINE = (".", ":", ",", ";", "»", "›", "►", "▶", "→", "…")
_NO_HEADLINE_START = ("«", "‹", "◄", "←")
_QUOTES = regex.compile(r"«[^»]*»|‹[^›]*›")


def _key(text: str) -> str:
    return text.casefold()


@lru_cache(maxsize=MAX_BLOCKS)
def _headline_like(text: str) -> bool:
    """A line a headline may be: a few words (`* * *` is none), neither a sentence nor a link to
    another article, and none of the symbols of a script line printed twice ("} else {").
    Memoised per document: asked of every kept block for the title, the alternate, and again
    when the output settles."""
    return (
        len(words := text.split()) >= HEADLINE_MIN_WORDS
        and len(text) <= HEADLINE_MAX_CHARS
        and not _link_or_sentence(_QUOTES.sub("q", text.strip()))
        and not _CODE.search(text)
        and sum(_ALNUM.search(word) is not None for word in words) >= HEADLINE_MIN_WORDS
    )


def _link_or_sentence(text: str) -> bool:
    return text.endswith(_NO_HEADLINE) or text.startswith(_NO_HEADLINE_START)


def _headline_keys(blocks: Sequence[Block]) -> set[str]:
    return {_key(b.text) for b in blocks if b.mark and b.mark.field in _HEADLINE_FIELDS}


def _first_repeated(blocks: Sequence[Block]) -> Iterator[Block]:
    """The first headline-like block printed more than once, other than a headline found."""
    known = _headline_keys(blocks)
    counts = Counter(_key(b.text) for b in kept(blocks) if _headline_like(b.text))
    for block in kept(blocks):
        if counts.get(_key(block.text), 0) > 1 and _key(block.text) not in known:
            yield block
            return


def find_repeated_title(blocks: Sequence[Block], lex: Lexicon) -> Iterator[Block]:
    """With no title yet, a headline-like block printed more than once is the headline."""
    return iter(()) if has_title(blocks) else _first_repeated(blocks)


def find_repeated_alternate(blocks: Sequence[Block], lex: Lexicon) -> Iterator[Block]:
    """Under a title already found, a repeated headline-like block is another headline (left
    in, the next cleaning of the output would take it for the title)."""
    return _first_repeated(blocks) if has_title(blocks) else iter(())


def find_repeated_headlines(blocks: Sequence[Block], lex: Lexicon) -> Iterator[Block]:
    headlines = _headline_keys(blocks)
    return (b for b in kept(blocks) if _key(b.text) in headlines)


def _prose(text: str, lex: Lexicon) -> bool:
    f = features(text, lex.stopwords)
    return f.words >= DUPLICATE_MIN_WORDS and f.density >= DUPLICATE_MIN_DENSITY


def _shingles(words: Sequence[str]) -> Iterator[tuple[str, ...]]:
    return zip(*(words[i:] for i in range(SHINGLE)))


@lru_cache(maxsize=MAX_BLOCKS)
def _words(text: str) -> tuple[str, ...]:
    """Memoised per document: the settle pass compares the same blocks again."""
    return tuple(_WORD.findall(text.casefold()))


MEMOS = (_headline_like, _words)  # emptied before each document (see heuristics.forget)


def _contained(blocks: list[Block]) -> set[int]:
    """Indices of long blocks whose 4-grams mostly occur in shorter kept blocks."""
    lengths = sorted(len(b.text) for b in blocks)
    floor = (
        max(CONTAINED_MIN_CHARS, CONTAINED_OVER_MEDIAN * lengths[len(lengths) // 2])
        if lengths
        else 0
    )
    long = {
        b.index: shingles
        for b in blocks
        if len(b.text) >= floor
        and len(shingles := set(_shingles(_words(b.text)))) >= CONTAINED_MIN_WORDS
    }
    if not long:
        return set()
    wanted = set().union(*long.values())  # only the long blocks' 4-grams matter
    fewest = min(map(len, long.values()))
    held: list[
        tuple[int, set[tuple[str, ...]]]
    ] = []  # per block: its number of 4-grams, the wanted ones
    for block in blocks:
        if (own := long.get(block.index)) is not None:
            held.append((len(own), own))
            continue
        words = _words(block.text)
        positions = len(words) - SHINGLE + 1
        if positions < fewest:  # fewer than every long block: the exact number cannot matter
            held.append((positions, wanted.intersection(_shingles(words))))
        else:
            shingles = set(_shingles(words))
            held.append((len(shingles), shingles & wanted))
    # A long block's 4-gram counts when a block with fewer 4-grams holds it: going through the
    # long blocks from the shortest, gather the 4-grams of the blocks below each.
    held.sort(key=lambda h: h[0])
    contained, below, i = set(), set(), 0
    for index, shingles in sorted(long.items(), key=lambda item: len(item[1])):
        while i < len(held) and held[i][0] < len(shingles):
            below |= held[i][1]
            i += 1
        if len(shingles & below) >= CONTAINED_SHARE * len(shingles):
            contained.add(index)
    return contained


def _pull_quotes(blocks: list[Block]) -> set[int]:
    """Indices of quotes (a markdown `>` block) whose words stand, in order, inside a longer
    kept paragraph: a pull quote printing a sentence of the article again (a quote of its own,
    a document's words, stays). In a plain dump a pull quote looks like any short paragraph,
    and the evaluation pages keep those. A block is looked for only in the (at
    most SHINGLE) paragraphs holding its first words, each no longer than PULL_QUOTE_HOST_WORDS,
    so the work stays linear in the text."""
    quoted = {b.index for b in blocks if b.raw.startswith(">")}
    if not quoted:  # most texts have no quote: no index to build
        return set()
    words = {b.index: _words(b.text) for b in blocks}
    joined = {
        i: f" {' '.join(own)} " for i, own in words.items() if len(own) <= PULL_QUOTE_HOST_WORDS
    }
    holders: dict[tuple[str, ...], list[int]] = {}
    for index in joined:
        for shingle in set(_shingles(words[index])):
            found = holders.setdefault(shingle, [])
            if len(found) < SHINGLE:  # a phrase in many blocks is no pull quote's mark
                found.append(index)
    quotes = set()
    for index in quoted:
        own = words[index]
        if not PULL_QUOTE_MIN_WORDS <= len(own) <= PULL_QUOTE_MAX_WORDS:
            continue
        phrase = joined[index]
        hosts = holders.get(next(_shingles(own)), [])
        if any(len(words[h]) > len(own) and phrase in joined[h] for h in hosts if h != index):
            quotes.add(index)
    return quotes


def find_duplicates(blocks: Sequence[Block], lex: Lexicon) -> Iterator[Block]:
    candidates = kept(blocks)
    contained = _contained(candidates) | _pull_quotes(candidates)
    seen: set[str] = set()
    for block in candidates:
        key = _key(block.text)
        if block.index in contained or (key in seen and _prose(block.text, lex)):
            yield block
        seen.add(key)


REPEATED_TITLE = Heuristic("generic.repeated-title", "headline", find_repeated_title, field="title")
REPEATED_ALTERNATE = Heuristic(
    "generic.repeated-alternate", "headline", find_repeated_alternate, field="alternate_title"
)
REPEATED_HEADLINE = Heuristic("generic.repeated-headline", "headline", find_repeated_headlines)
DUPLICATE = Heuristic("generic.duplicate", "duplicate", find_duplicates)
