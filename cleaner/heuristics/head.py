"""The article's head: headline, byline and date line, which move to the metadata.

They stand just above the first paragraph (in a page dump, below the menus), so they are
looked for among the blocks before the first prose paragraph, nearest first.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterator, Sequence
from itertools import islice

import regex

from ..dates import find_date, parse_date
from ..model import Block
from ..lexicon import Lexicon
from .base import Heuristic, has_title
from .classify import is_prose

HEAD_WINDOW = 12  # blocks above the first paragraph where the head may stand
BYLINE_MAX_WORDS = 14
BYLINE_MIN_CAPITALISED = 0.75
DATELINE_MAX_CHARS = 90
HEADLINE_MIN_WORDS = 3
HEADLINE_MAX_WORDS = 20
HEADLINE_MIN_SCORE = 1.0
HEADLINE_FULL_WORDS = 6  # section labels are short; a headline usually says more
HEADLINE_DISTANCE_COST = 0.3  # per block between a candidate and the first paragraph
HEADLINE_LEAD_BONUS = 1.5  # times the share of its words the lead paragraphs repeat
LEAD_PARAGRAPHS = 3
CONTENT_WORD_MIN = 4  # letters; shorter words are mostly function words

_H1 = regex.compile(r"^\s{0,3}#\s+\S")
BYLINE_PREFIX = regex.compile(r"^(?:(?:posted|written|words|reporting|story|text)\s+)?by(?:\s+(?=\S)|$)", regex.IGNORECASE)
_CONNECTORS = frozenset({"and", "for", "&", "in", "of", "de", "da", "van", "von", "der", "la", "le", "bin", "al", "with", "on", "at"})
_WORD = regex.compile(r"[\p{L}\p{N}][\p{L}\p{N}'’.-]*")
_CLOCK = regex.compile(r"\b\d{1,2}:\d{2}\b")


def head(blocks: Sequence[Block], lex: Lexicon) -> list[Block]:
    """Unmarked blocks above the first prose paragraph, nearest to it first; none without one
    (a lone headline is the whole text, not the head of an article)."""
    first = next((b.index for b in blocks if b.mark is None and is_prose(b, lex)), None)
    if first is None:
        return []
    return [b for b in reversed(blocks[max(0, first - HEAD_WINDOW) : first]) if b.mark is None]


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


def is_dateline(text: str) -> bool:
    """A line that is a date, or a short non-sentence stating one ("By X - Nov 19, 2019 8:03 am")."""
    if parse_date(text):
        return True
    return len(text) <= DATELINE_MAX_CHARS and not text.endswith(".") and find_date(text) is not None


def _content_words(text: str) -> set[str]:
    return {w.casefold() for w in _WORD.findall(text) if len(w) >= CONTENT_WORD_MIN}


def _headline_score(block: Block, distance: int, repeats: Counter[str], lead: set[str]) -> float:
    """How much a block looks like the headline: a title-like line near the article, saying
    what its lead paragraphs say (a masthead or a menu does not), often printed twice on the
    page (in the breadcrumbs, the share bar or the page title)."""
    text = block.text
    words = _WORD.findall(text)
    if not HEADLINE_MIN_WORDS <= len(words) <= HEADLINE_MAX_WORDS or text.endswith((".", ":", ",", ";")):
        return 0.0
    if not text[0].isupper() or is_byline(text) or is_dateline(text) or _CLOCK.search(text):
        return 0.0
    capitalised = sum(1 for w in words if w[0].isupper()) / len(words)
    content = _content_words(text)
    echoed = len(content & lead) / len(content) if content else 0.0
    score = 1.0 + 0.5 * capitalised + (0.5 if len(words) >= HEADLINE_FULL_WORDS else 0.0) + HEADLINE_LEAD_BONUS * echoed
    return score + (1.0 if repeats[text.casefold()] > 1 else 0.0) - HEADLINE_DISTANCE_COST * distance


def find_heading_title(blocks: Sequence[Block], lex: Lexicon) -> Iterator[Block]:
    """A markdown `# Headline` among the first blocks."""
    if not has_title(blocks):
        yield from [b for b in blocks[:HEAD_WINDOW] if b.mark is None and _H1.match(b.raw)][:1]


def _best_headline(blocks: Sequence[Block], lex: Lexicon) -> Iterator[Block]:
    """The best headline-like block above the first paragraph."""
    repeats = Counter(b.text.casefold() for b in blocks)
    paragraphs = list(islice((b for b in blocks if b.mark is None and is_prose(b, lex)), LEAD_PARAGRAPHS))
    lead = set().union(*(_content_words(b.text) for b in paragraphs))
    scored = [(_headline_score(b, d, repeats, lead), -d, b) for d, b in enumerate(head(blocks, lex))]
    best = max(scored, default=None, key=lambda s: s[:2])
    if best and best[0] >= HEADLINE_MIN_SCORE:
        yield best[2]


def find_headline(blocks: Sequence[Block], lex: Lexicon) -> Iterator[Block]:
    return iter(()) if has_title(blocks) else _best_headline(blocks, lex)


def find_second_headline(blocks: Sequence[Block], lex: Lexicon) -> Iterator[Block]:
    """Under a title already found (a markdown `#` line, a pack's rule), another headline-like
    line above the first paragraph is an alternate headline; left in, the next cleaning of
    the output would take it for the title."""
    return _best_headline(blocks, lex) if has_title(blocks) else iter(())


def find_byline(blocks: Sequence[Block], lex: Lexicon) -> Iterator[Block]:
    """`By …` lines; a lone "By" takes the name on the line below it with it."""
    zone = sorted(head(blocks, lex), key=lambda b: b.index)
    for i, block in enumerate(zone):
        if is_byline(block.text):
            yield block
        elif block.text.casefold() == "by" and i + 1 < len(zone) and is_byline(f"By {zone[i + 1].text}"):
            yield from (block, zone[i + 1])


def find_dateline(blocks: Sequence[Block], lex: Lexicon) -> Iterator[Block]:
    """The date line nearest above the first paragraph."""
    for block in head(blocks, lex):
        if is_dateline(block.text):
            yield block
            return


HEADING_TITLE = Heuristic("generic.heading-title", "headline", find_heading_title, field="title")
HEADLINE = Heuristic("generic.headline", "headline", find_headline, field="title")
SECOND_HEADLINE = Heuristic("generic.second-headline", "headline", find_second_headline, field="alternate_title")
BYLINE = Heuristic("generic.byline", "byline", find_byline, field="byline")
DATELINE = Heuristic("generic.dateline", "dateline", find_dateline, field="date")
