"""Comment sections: cut from where they begin to the end of the document."""

from __future__ import annotations

from collections.abc import Iterator, Sequence

from ..model import Block
from .base import Heuristic, Lexicon

# A comment section starts in the back part of a page; a "Comments" link in a top menu does not.
COMMENTS_MIN_POSITION = 0.5
COMMENT_HEADING_MAX_CHARS = 400


def find_comments(blocks: Sequence[Block], lex: Lexicon) -> Iterator[Block]:
    first = int(len(blocks) * COMMENTS_MIN_POSITION)
    for i in range(first, len(blocks)):
        text = blocks[i].text
        if len(text) <= COMMENT_HEADING_MAX_CHARS and lex.comment_start.search(text):
            yield from blocks[i:]
            return


COMMENTS = Heuristic("generic.comments", "comments", find_comments)
