"""Furniture recognised by its words alone (menus, paywall and cookie banners, ad markers, promos,
copyright lines, "READ:" links, bare URLs): one heuristic per lexicon entry."""

from __future__ import annotations

from collections.abc import Iterator, Sequence

from ..lexicon import Lexicon, may_be_furniture
from ..model import Block
from .base import Heuristic, kept


def furniture_heuristic(name: str, lex: Lexicon) -> Heuristic:
    patterns = lex.furniture[name]

    def find(blocks: Sequence[Block], lex: Lexicon) -> Iterator[Block]:
        return (b for b in kept(blocks) if may_be_furniture(b.text) and patterns.matches(b.text))

    return Heuristic(f"generic.{name}", patterns.kind, find, field=patterns.field)
