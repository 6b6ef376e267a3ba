"""Blocks that are metadata stated in the text: a markdown headline, the byline, the date line,
and the page's own URL ("Original url: <…>"). They move to the metadata instead of the text."""

from __future__ import annotations

from collections.abc import Iterator, Sequence

import regex

from ..dates import parse_date
from ..model import Block
from .base import Heuristic, Lexicon, kept

HEAD_BLOCKS = 12  # title, byline and date lines are looked for among the first kept blocks
BYLINE_MAX_WORDS = 14
BYLINE_MIN_CAPITALISED = 0.75

_H1 = regex.compile(r"^\s{0,3}#\s+\S")
BYLINE_PREFIX = regex.compile(r"^(?:by|written by|words by|reporting by)\s+(?=\S)", regex.IGNORECASE)
_CONNECTORS = frozenset({"and", "for", "&", "in", "of", "de", "da", "van", "von", "der", "la", "le", "bin", "al", "with"})
_URL = regex.compile(r"<?(?P<url>https?://[^\s>]+)>?")


def _head(blocks: Sequence[Block]) -> list[Block]:
    return kept(blocks)[:HEAD_BLOCKS]


def is_byline(text: str) -> bool:
    m = BYLINE_PREFIX.match(text)
    if not m or text.endswith(("?", "!")):
        return False
    words = [w.strip(",|") for w in text[m.end() :].split() if w.strip(",|")]
    if not words or len(words) > BYLINE_MAX_WORDS:
        return False
    names = [w for w in words if w.lower() not in _CONNECTORS]
    capitalised = sum(1 for w in names if w[0].isupper() or not w[0].isalpha())
    return bool(names) and capitalised >= BYLINE_MIN_CAPITALISED * len(names)


def find_heading_title(blocks: Sequence[Block], lex: Lexicon) -> Iterator[Block]:
    if any(b.mark and b.mark.field == "title" for b in blocks):
        return
    for block in _head(blocks):
        if _H1.match(block.raw):
            yield block
            return


def find_byline(blocks: Sequence[Block], lex: Lexicon) -> Iterator[Block]:
    return (b for b in _head(blocks) if is_byline(b.text))


def find_dateline(blocks: Sequence[Block], lex: Lexicon) -> Iterator[Block]:
    for block in _head(blocks):
        if parse_date(block.text):
            yield block
            return


def url_statements(blocks: Sequence[Block], lex: Lexicon) -> Iterator[tuple[Block | None, Block]]:
    """(label block or None, block holding the URL) for each statement of the page's own URL."""
    for i, block in enumerate(blocks):
        label, _, rest = block.text.partition(":")
        if rest.strip() and lex.self_url_label.match(label + ":") and _URL.fullmatch(rest.strip()):
            yield None, block
        elif not rest.strip() and lex.self_url_label.match(block.text) and i + 1 < len(blocks):
            below = blocks[i + 1]
            if below.mark is None and _URL.fullmatch(below.text):
                yield block, below


def find_self_url(blocks: Sequence[Block], lex: Lexicon) -> Iterator[Block]:
    return (url for _, url in url_statements(blocks, lex))


def find_self_url_label(blocks: Sequence[Block], lex: Lexicon) -> Iterator[Block]:
    return (label for label, _ in url_statements(blocks, lex) if label is not None)


def url_in(text: str) -> str | None:
    m = _URL.search(text)
    return m["url"] if m else None


def stated_url(blocks: Sequence[Block], lex: Lexicon) -> str | None:
    """The page's own URL when the document states it ("Original url: https://…")."""
    for _, block in url_statements(blocks, lex):
        return url_in(block.text)
    return None


HEADING_TITLE = Heuristic("generic.heading-title", "headline", find_heading_title, field="title")
BYLINE = Heuristic("generic.byline", "byline", find_byline, field="byline")
DATELINE = Heuristic("generic.dateline", "dateline", find_dateline, field="date")
SELF_URL_LABEL = Heuristic("generic.self-url-label", "url", find_self_url_label)
SELF_URL = Heuristic("generic.self-url", "url", find_self_url, field="url")
