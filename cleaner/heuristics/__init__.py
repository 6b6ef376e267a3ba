"""Generic heuristics: always on, in this order; a pack can switch one off by its id.

Order matters only where one heuristic reads another's marks: credits before captions,
titles before repeated headlines, the page's URL before bare URL lines.
"""

from __future__ import annotations

from collections.abc import Collection, Sequence
from functools import cache

from ..model import Block
from .base import Heuristic, Lexicon, lexicon
from .body import BODY_INSIDE, BODY_OUTSIDE
from .captions import CAPTION, CREDIT
from .code import SCRIPT
from .fields import BYLINE, DATELINE, HEADING_TITLE, SELF_URL, SELF_URL_LABEL
from .furniture import furniture_heuristic
from .repeats import DUPLICATE, REPEATED_HEADLINE, REPEATED_TITLE
from .sections import COMMENTS


@cache
def heuristics() -> tuple[Heuristic, ...]:
    lex = lexicon()
    furniture = {name: furniture_heuristic(name, lex) for name in lex.furniture}
    return (
        SCRIPT,
        COMMENTS,
        *(h for name, h in furniture.items() if name not in ("related", "bare-url")),
        SELF_URL_LABEL,
        SELF_URL,
        furniture["related"],
        furniture["bare-url"],
        HEADING_TITLE,
        BYLINE,
        DATELINE,
        CREDIT,
        CAPTION,
        REPEATED_TITLE,
        REPEATED_HEADLINE,
        DUPLICATE,
        BODY_OUTSIDE,
        BODY_INSIDE,
    )


def heuristic_ids() -> frozenset[str]:
    return frozenset(h.id for h in heuristics())


def run(blocks: Sequence[Block], disabled: Collection[str] = ()) -> None:
    """Mark the blocks each enabled heuristic claims, leaving earlier marks alone."""
    lex = lexicon()
    for heuristic in heuristics():
        if heuristic.id in disabled:
            continue
        for block in list(heuristic.find(blocks, lex)):
            if block.mark is None:
                block.mark = heuristic.mark


__all__ = ["Heuristic", "Lexicon", "heuristic_ids", "heuristics", "lexicon", "run"]
