"""Sections that are not the article: lists of links under a "Related" or "Most read" heading,
a blog's list of its latest comments ("Nick on An important storage bug"), and a note about
the writer under "About Jane Doe".

Comment sections are the article-body model's to find (`body.py`): its features say where a
comment marker stands after the article's first paragraph. A rule that cut from the first
marker to the end of the page cut whole articles at share bars ("Read Comments" under the
lede); on the wide text dumps, F1 went from 0.897 to 0.911 without it.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Sequence
from functools import cache
from itertools import groupby

import regex

from ..model import Block
from ..lexicon import Lexicon
from .base import Heuristic, kept
from .classify import is_prose, long_sentence

RELATED_HEADING_MAX_CHARS = 60
BLURB_MAX_WORDS = 30  # a teaser's blurb under its headline, in a list of teasers
COMMENT_LINKS_MIN = 3  # lines in a row: fewer may be an article's list
# "<commenter> on <post title>": a blog platform's recent-comments widget, a link on each line;
# a title may ask or exclaim, but does not end with a full stop as a sentence does
_COMMENT_LINK = regex.compile(r"[\w.'’ -]{2,40} on [\w“\"'].{8,120}(?<!\.)")


def find_related_lists(blocks: Sequence[Block], lex: Lexicon) -> Iterator[Block]:
    """A related-stories heading and what follows it, up to the next prose paragraph that is
    no teaser's blurb: one of BLURB_MAX_WORDS or fewer between two teasers' headlines."""
    unmarked = kept(blocks)

    @cache  # asked only inside a list, of a block and its neighbours
    def prose(i: int) -> bool:
        return _reads_as_prose(unmarked[i], lex)

    in_list = False
    for i, block in enumerate(unmarked):
        if len(block.text) <= RELATED_HEADING_MAX_CHARS and lex.related_heading.match(block.text):
            in_list = True
        elif in_list and prose(i):
            in_list = _blurb(unmarked, prose, i)
        if in_list:
            yield block


def _blurb(unmarked: Sequence[Block], prose: Callable[[int], bool], i: int) -> bool:
    """A short prose block between two headlines, with another such blurb two blocks before or
    after it: teasers alternate headline and blurb. Just one is an article's short paragraph
    under a subheading."""

    def short_prose(j: int) -> bool:
        return 0 <= j < len(unmarked) and _words(unmarked[j]) <= BLURB_MAX_WORDS and prose(j)

    return (
        0 < i < len(unmarked) - 1
        and short_prose(i)
        and not (prose(i - 1) or prose(i + 1))
        and (short_prose(i - 2) or short_prose(i + 2))
    )


def _words(block: Block) -> int:
    return len(block.text.split())


def _reads_as_prose(block: Block, lex: Lexicon) -> bool:
    """Prose, or in a language the stopwords lack, a long block that ends like a sentence: it
    ends a related list (a teaser's headline does not end so, and its blurb is short), and an
    author's note is one."""
    return is_prose(block, lex, strict=False) or long_sentence(block.text)


RELATED_LISTS = Heuristic("generic.related-list", "related", find_related_lists)


def find_comment_links(blocks: Sequence[Block], lex: Lexicon) -> Iterator[Block]:
    """COMMENT_LINKS_MIN or more unmarked lines in a row that read "<name> on <title>"."""
    unmarked = kept(blocks)
    for links, run in groupby(unmarked, key=lambda b: bool(_COMMENT_LINK.fullmatch(b.text))):
        lines = list(run)
        if links and len(lines) >= COMMENT_LINKS_MIN:
            yield from lines


COMMENT_LINKS = Heuristic("generic.comment-links", "related", find_comment_links)


def find_author_notes(blocks: Sequence[Block], lex: Lexicon) -> Iterator[Block]:
    """A heading "About <Name>" and the paragraph under it, when that paragraph speaks of one
    person ("He covers...", "Hi, I'm Becky"): the writer's note under the article, which a
    company's "About Logitech" blurb, part of its press release, is not."""
    unmarked = kept(blocks)
    for heading, note in zip(unmarked, unmarked[1:]):
        if (
            lex.about_heading.match(heading.text)
            and _reads_as_prose(note, lex)
            and lex.person_words.search(note.text)
        ):
            yield from (heading, note)


AUTHOR_NOTES = Heuristic("generic.about-author", "author-bio", find_author_notes)
