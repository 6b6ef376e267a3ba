"""Sections that are not the article: lists of links under a "Related" or "Most read" heading,
a blog's list of its latest comments ("Nick on An important storage bug"), and a note about
the writer under "About Jane Doe".

Comment sections are the article-body model's to find (`body.py`): its features say where a
comment marker stands after the article's first paragraph. A rule that cut from the first
marker to the end of the page cut whole articles at share bars ("Read Comments" under the
lede); on the wide text dumps, F1 went from 0.897 to 0.911 without it.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from itertools import groupby

import regex

from ..model import Block
from ..lexicon import Lexicon
from .base import Heuristic
from .classify import is_prose, long_sentence

RELATED_HEADING_MAX_CHARS = 60
COMMENT_LINKS_MIN = 3  # lines in a row: fewer may be an article's list
# "<commenter> on <post title>": a blog platform's recent-comments widget, a link on each line;
# a title may ask or exclaim, but does not end with a full stop as a sentence does
_COMMENT_LINK = regex.compile(r"[\w.'’ -]{2,40} on [\w“\"'].{8,120}(?<!\.)")


def find_related_lists(blocks: Sequence[Block], lex: Lexicon) -> Iterator[Block]:
    """A related-stories heading and what follows it, up to the next prose paragraph."""
    in_list = False
    for block in blocks:
        if block.mark is not None:
            continue
        if len(block.text) <= RELATED_HEADING_MAX_CHARS and lex.related_heading.match(block.text):
            in_list = True
        elif in_list and _reads_as_prose(block, lex):
            in_list = False
        if in_list:
            yield block


def _reads_as_prose(block: Block, lex: Lexicon) -> bool:
    """Prose, or in a language the stopwords lack, a long block that ends like a sentence: it
    ends a related list (a teaser's headline does not end so, and its blurb is short), and an
    author's note is one."""
    return is_prose(block, lex, strict=False) or long_sentence(block.text)


RELATED_LISTS = Heuristic("generic.related-list", "related", find_related_lists)


def find_comment_links(blocks: Sequence[Block], lex: Lexicon) -> Iterator[Block]:
    """COMMENT_LINKS_MIN or more unmarked lines in a row that read "<name> on <title>"."""
    unmarked = (b for b in blocks if b.mark is None)
    for links, run in groupby(unmarked, key=lambda b: bool(_COMMENT_LINK.fullmatch(b.text))):
        lines = list(run)
        if links and len(lines) >= COMMENT_LINKS_MIN:
            yield from lines


COMMENT_LINKS = Heuristic("generic.comment-links", "related", find_comment_links)


def find_author_notes(blocks: Sequence[Block], lex: Lexicon) -> Iterator[Block]:
    """A heading "About <Name>" and the paragraph under it, when that paragraph speaks of one
    person ("He covers...", "Hi, I'm Becky"): the writer's note under the article, which a
    company's "About Logitech" blurb, part of its press release, is not."""
    unmarked = [block for block in blocks if block.mark is None]
    for heading, note in zip(unmarked, unmarked[1:]):
        if (
            lex.about_heading.match(heading.text)
            and _reads_as_prose(note, lex)
            and lex.person_words.search(note.text)
        ):
            yield from (heading, note)


AUTHOR_NOTES = Heuristic("generic.about-author", "author-bio", find_author_notes)
