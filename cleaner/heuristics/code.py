"""Inline JavaScript, CSS and JSON text that a scraper dumped along with the article, and HTML
markup dumped as text."""

from __future__ import annotations

from collections.abc import Iterator, Sequence

from ..code_signals import looks_like_code, looks_like_markup
from ..inline import HEADING_OPEN, MARKDOWN_LINK
from ..model import Block
from ..lexicon import Lexicon
from .base import Heuristic, kept

MAX_MARKUP_SHARE = 0.5  # of a document's words: more, and it is HTML given as text


def find_code(blocks: Sequence[Block], lex: Lexicon) -> Iterator[Block]:
    return (
        b
        for b in kept(blocks)
        if looks_like_code(b.raw) or (b.text != b.raw and looks_like_code(b.text))
    )


def find_markup(blocks: Sequence[Block], lex: Lexicon) -> Iterator[Block]:
    """Blocks of a page dump that hold HTML as text (`looks_like_markup`): a template, or a
    script's string holding another story, among the page's text. A document mostly of such
    blocks is HTML given as text, and keeps them; so does markdown, which may carry HTML
    inline (a document with a markdown link or heading), and an HTML page (the pipeline leaves
    this rule out), whose text holds tags only where its writer printed them."""
    text = kept(blocks)
    found = [b for b in text if looks_like_markup(b.text)]
    if not found or any(MARKDOWN_LINK.search(b.raw) or HEADING_OPEN.match(b.raw) for b in blocks):
        return
    if MAX_MARKUP_SHARE * _words(text) > _words(found):
        yield from found


def _words(blocks: Sequence[Block]) -> int:
    return sum(len(b.text.split()) for b in blocks)


SCRIPT = Heuristic("generic.script", "script", find_code)
MARKUP = Heuristic("generic.markup", "script", find_markup)
