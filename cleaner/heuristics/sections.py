"""Comment sections: cut from where they begin to the end of the document.

A comment section follows the article, so only a marker after the first prose paragraph
counts, and a bare "Comments" heading only in the back half of the page: share bars near the
top carry the same word."""

from __future__ import annotations

from collections.abc import Iterator, Sequence

from ..model import Block
from .base import Heuristic, Lexicon
from .body import is_prose

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


COMMENTS = Heuristic("generic.comments", "comments", find_comments)
