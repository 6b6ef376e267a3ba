"""Sections that are not the article: lists of links under a "Related" or "Most read" heading.

Comment sections are the article-body model's to find (`body.py`): its features say where a
comment marker stands after the article's first paragraph. A rule that cut from the first
marker to the end of the page cut whole articles at share bars ("Read Comments" under the
lede); on the wide text dumps, F1 went from 0.897 to 0.911 without it.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence

from ..model import Block
from ..lexicon import Lexicon
from .base import Heuristic
from .classify import is_prose, long_sentence

RELATED_HEADING_MAX_CHARS = 60


def find_related_lists(blocks: Sequence[Block], lex: Lexicon) -> Iterator[Block]:
    """A related-stories heading and what follows it, up to the next prose paragraph."""
    in_list = False
    for block in blocks:
        if block.mark is not None:
            continue
        if len(block.text) <= RELATED_HEADING_MAX_CHARS and lex.related_heading.match(block.text):
            in_list = True
        elif in_list and _ends_list(block, lex):
            in_list = False
        if in_list:
            yield block


def _ends_list(block: Block, lex: Lexicon) -> bool:
    """Prose, or in a language the stopwords lack, a long block that ends like a sentence: a
    teaser's headline does not, and its blurb is short."""
    return is_prose(block, lex, strict=False) or long_sentence(block.text)


RELATED_LISTS = Heuristic("generic.related-list", "related", find_related_lists)
