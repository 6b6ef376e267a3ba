"""Furniture recognised by its words alone (menus, paywall and cookie banners, ad markers, promos,
copyright lines, "READ:" links, bare URLs): one heuristic per lexicon entry."""

from __future__ import annotations

from bisect import bisect_left
from collections.abc import Iterator, Sequence
from functools import lru_cache

from ..model import Block
from .base import Heuristic, Lexicon, kept, lexicon


@lru_cache(maxsize=65536)
def may_be_furniture(text: str) -> bool:
    """One search with every pattern that may claim a block this long; only blocks that pass are
    tried entry by entry."""
    lex = lexicon()
    group = bisect_left(lex.furniture_limits, len(text))
    return group < len(lex.furniture_unions) and lex.furniture_unions[group].search(text)


def furniture_heuristic(name: str, lex: Lexicon) -> Heuristic:
    patterns = lex.furniture[name]

    def find(blocks: Sequence[Block], lex: Lexicon) -> Iterator[Block]:
        return (b for b in kept(blocks) if may_be_furniture(b.text) and patterns.matches(b.text))

    return Heuristic(f"generic.{name}", patterns.kind, find, field=patterns.field)
