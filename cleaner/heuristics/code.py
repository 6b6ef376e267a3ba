"""Inline JavaScript, CSS and JSON text that a scraper dumped along with the article."""

from __future__ import annotations

from collections.abc import Iterator, Sequence

from ..code_signals import looks_like_code
from ..model import Block
from ..lexicon import Lexicon
from .base import Heuristic, kept


def find_code(blocks: Sequence[Block], lex: Lexicon) -> Iterator[Block]:
    return (
        b
        for b in kept(blocks)
        if looks_like_code(b.raw) or (b.text != b.raw and looks_like_code(b.text))
    )


SCRIPT = Heuristic("generic.script", "script", find_code)
