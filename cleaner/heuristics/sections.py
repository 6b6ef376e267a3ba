"""Sections that are not the article: comment sections, cut from where they begin to the end of
the document, and lists of links under a "Related" or "Most read" heading.

A comment section follows the article, so only a marker after the first prose paragraph
counts, and a bare "Comments" heading only in the back half of the page: share bars near the
top carry the same word."""

from __future__ import annotations

from collections.abc import Iterator, Sequence

from ..model import Block
from .base import Heuristic, Lexicon
from .classify import is_prose

COMMENT_HEADING_MAX_CHARS = 400
BARE_HEADING_MIN_POSITION = 0.5


def find_comments(blocks: Sequence[Block], lex: Lexicon) -> Iterator[Block]:
    first = next((i for i, b in enumerate(blocks) if is_prose(b, lex)), len(blocks))
    back_half = int(len(blocks) * BARE_HEADING_MIN_POSITION)
    for i in range(first + 1, len(blocks)):
        text = blocks[i].text
        if len(text) > COMMENT_HEADING_MAX_CHARS:
            continue
        if lex.comment_start.search(text) or (i >= back_half and lex.comment_heading.search(text)):
            yield from blocks[i:]
            return


RELATED_HEADING_MAX_CHARS = 60


def find_related_lists(blocks: Sequence[Block], lex: Lexicon) -> Iterator[Block]:
    """A related-stories heading and what follows it, up to the next prose paragraph."""
    in_list = False
    for block in blocks:
        if block.mark is not None:
            continue
        if len(block.text) <= RELATED_HEADING_MAX_CHARS and lex.related_heading.match(block.text):
            in_list = True
        elif in_list and is_prose(block, lex, strict=False):
            in_list = False
        if in_list:
            yield block


COMMENTS = Heuristic("generic.comments", "comments", find_comments)
RELATED_LISTS = Heuristic("generic.related-list", "related", find_related_lists)
