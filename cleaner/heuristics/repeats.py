"""Repeated headlines and duplicated blocks: the first real occurrence stays."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterator, Sequence

from ..model import Block
from .base import Heuristic, Lexicon, kept

HEADLINE_MAX_CHARS = 200
DUPLICATE_MIN_CHARS = 12
_HEADLINE_FIELDS = ("title", "alternate_title")


def _key(text: str) -> str:
    return text.casefold()


def _headline_like(text: str) -> bool:
    return 0 < len(text) <= HEADLINE_MAX_CHARS and not text.endswith((".", ":", ",", ";"))


def find_repeated_title(blocks: Sequence[Block], lex: Lexicon) -> Iterator[Block]:
    """With no title yet, a headline-like block printed more than once is the headline."""
    if any(b.mark and b.mark.field == "title" for b in blocks):
        return
    counts = Counter(_key(b.text) for b in kept(blocks) if _headline_like(b.text))
    for block in kept(blocks):
        if counts.get(_key(block.text), 0) > 1:
            yield block
            return


def find_repeated_headlines(blocks: Sequence[Block], lex: Lexicon) -> Iterator[Block]:
    headlines = {_key(b.text) for b in blocks if b.mark and b.mark.field in _HEADLINE_FIELDS}
    return (b for b in kept(blocks) if _key(b.text) in headlines)


def find_duplicates(blocks: Sequence[Block], lex: Lexicon) -> Iterator[Block]:
    seen: set[str] = set()
    for block in kept(blocks):
        key = _key(block.text)
        if len(key) >= DUPLICATE_MIN_CHARS and key in seen:
            yield block
        seen.add(key)


REPEATED_TITLE = Heuristic("generic.repeated-title", "headline", find_repeated_title, field="title")
REPEATED_HEADLINE = Heuristic("generic.repeated-headline", "headline", find_repeated_headlines)
DUPLICATE = Heuristic("generic.duplicate", "duplicate", find_duplicates)
