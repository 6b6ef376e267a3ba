"""The headline: a markdown `#` line, or the title-like line above the article's first paragraph
that its lead says most of, weighed against how far it stands from it.

The weights (HEADLINE_LEAD_BONUS, HEADLINE_DISTANCE_COST, HEADLINE_WINDOW) are fitted by
scripts/fit_headline.py, cross-validated by site, on the wide pages whose gold opens with the
headline; `candidates` gives it what they weigh.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterator, Sequence
from typing import NamedTuple

import regex

from ..lexicon import Lexicon
from ..model import Block
from .base import Heuristic, has_title, nearest_shown, shown, title_block
from .bylines import FULL_LINE_WORDS, WORD, bare_byline, is_bare_name, is_byline, is_dateline
from .classify import is_prose
from .head import DEK_REACH, HEAD_WINDOW, head, is_head_line, may_be_dek

HEADLINE_WINDOW = 25  # lines above the lead: buttons, credits and teasers may stand between
HEADLINE_MIN_WORDS = 3
HEADLINE_MAX_WORDS = 20
HEADLINE_MIN_SCORE = 1.0
HEADLINE_DISTANCE_COST = 0.05  # per block between a candidate and the first paragraph
HEADLINE_OVER_BYLINE = 1.0  # standing over the byline or date line, or over a dek over it
HEADLINE_LEAD_BONUS = 2.0  # times the share of its words the lead paragraphs repeat
ALTERNATE_SHARE = 0.5  # more than this share of its content words are the title's
LEAD_PARAGRAPHS = 3
CONTENT_WORD_MIN = 4  # letters; shorter words are mostly function words

_H1 = regex.compile(r"^\s{0,3}#\s+\S")
_NO_HEADLINE = (".", ":", ",", ";")  # a headline never ends so
_CLOCK = regex.compile(r"\b\d{1,2}:\d{2}\b")


class Candidate(NamedTuple):
    """A line that may be the headline, with what its score weighs."""

    block: Block
    looks: float  # how much it looks like a headline on its own (0: it cannot be one)
    echoed: float  # share of its content words the lead paragraphs repeat
    distance: int  # candidates between it and the first paragraph
    placed: float  # HEADLINE_OVER_BYLINE where headlines stand, else 0

    def score(self, lead_bonus: float, distance_cost: float) -> float:
        fit = lead_bonus * self.echoed - distance_cost * self.distance if self.looks else 0.0
        return self.looks + fit + self.placed


def _content_words(text: str) -> set[str]:
    return {w.casefold() for w in WORD.findall(text) if len(w) >= CONTENT_WORD_MIN}


def _looks(block: Block, repeats: Counter[str]) -> float:
    """How much a block looks like a headline, wherever it stands: a title-like line, often
    printed twice on the page (in the breadcrumbs, the share bar or the page title)."""
    text = block.text
    words = WORD.findall(text)
    if not HEADLINE_MIN_WORDS <= len(words) <= HEADLINE_MAX_WORDS or text.endswith(_NO_HEADLINE):
        return 0.0
    if not text[0].isupper() or is_byline(text) or is_dateline(text) or _CLOCK.search(text):
        return 0.0
    capitalised = sum(1 for w in words if w[0].isupper()) / len(words)
    return (
        1.0
        + 0.5 * capitalised
        + (0.5 if len(words) >= FULL_LINE_WORDS else 0.0)
        + (1.0 if repeats[text.casefold()] > 1 else 0.0)
    )


def _over_byline(blocks: Sequence[Block], block: Block) -> float:
    """HEADLINE_OVER_BYLINE when the byline or the date line (found or not yet, a lone "By"
    too) comes next under `block`, or under a full line below it (a dek): where headlines stand.
    A name over the date line is a byline itself, and gets none."""
    if is_bare_name(block.text):
        return 0.0
    below = nearest_shown(blocks, block.index, 2)
    heads = [is_head_line(b) or bare_byline(blocks, b) or b.text.casefold() == "by" for b in below]
    dek = len(heads) == 2 and len(WORD.findall(below[0].text)) >= FULL_LINE_WORDS
    return HEADLINE_OVER_BYLINE if heads[:1] == [True] or (dek and heads[1]) else 0.0


def candidates(
    blocks: Sequence[Block], lex: Lexicon, window: int = HEADLINE_WINDOW
) -> tuple[list[Candidate], set[str]]:
    """The lines above the first paragraph that may be the headline, nearest first, and the
    content words of the lead paragraphs."""
    repeats = Counter(b.text.casefold() for b in blocks)
    # A loop rather than `islice` over a generator expression: compiled by mypyc (#16), such an
    # expression is evaluated whole, and `is_prose` would be asked of every block.
    paragraphs: list[Block] = []
    for b in blocks:
        if len(paragraphs) == LEAD_PARAGRAPHS:
            break
        if b.mark is None and is_prose(b, lex):
            paragraphs.append(b)
    lead = set().union(*(_content_words(b.text) for b in paragraphs))
    # Bylines and date lines are never the headline, and no distance from it, found or not yet;
    # nor are sentences (paragraphs of a brief too short to read as prose, in the head zone).
    lines = [
        b
        for b in head(blocks, lex, window)
        if not is_head_line(b) and not b.text.endswith(_NO_HEADLINE) and not bare_byline(blocks, b)
    ]
    # Where a headline stands tells the title; a title found already is echoed anywhere.
    placed = not has_title(blocks)
    found = []
    for distance, b in enumerate(lines):
        content = _content_words(b.text)
        echoed = len(content & lead) / len(content) if content else 0.0
        over = _over_byline(blocks, b) if placed else 0.0
        found.append(Candidate(b, _looks(b, repeats), echoed, distance, over))
    return found, lead


def find_heading_title(blocks: Sequence[Block], lex: Lexicon) -> Iterator[Block]:
    """A markdown `# Headline` among the first blocks, or else the one nearest above the first
    paragraph (below a page's menus)."""
    if not has_title(blocks):
        first = [b for b in blocks[:HEAD_WINDOW] if b.mark is None and _H1.match(b.raw)]
        yield from (first or [b for b in head(blocks, lex) if _H1.match(b.raw)])[:1]


def best(
    found: Sequence[Candidate],
    lead_bonus: float = HEADLINE_LEAD_BONUS,
    distance_cost: float = HEADLINE_DISTANCE_COST,
) -> Candidate | None:
    """The candidate that scores most (the nearer on a tie), if it scores HEADLINE_MIN_SCORE."""
    top = max(found, default=None, key=lambda c: (c.score(lead_bonus, distance_cost), -c.distance))
    if top is None or top.score(lead_bonus, distance_cost) < HEADLINE_MIN_SCORE:
        return None
    return top


def _best_headline(blocks: Sequence[Block], lex: Lexicon) -> Iterator[Block]:
    """The best headline-like block above the first paragraph."""
    found, lead = candidates(blocks, lex)
    top = best(found)
    if top is not None:
        above = next((c for c in found if c.block.index == top.block.index - 1), None)
        yield above.block if above and _is_dek_of(top.block, above, blocks, lead) else top.block


def _is_dek_of(block: Block, above: Candidate, blocks: Sequence[Block], lead: set[str]) -> bool:
    """Whether `block`, headline-like itself, is the dek under the headline-like line `above`:
    it stands above the byline or date line (a bare name may stand between), and both are full
    lines, the lower saying at least as much (a kicker or a section label above a headline says
    less), and the upper says something the lead paragraphs say (a photo credit, a breadcrumb
    or a teaser for another article does not)."""
    headline = above.block
    words = len(WORD.findall(headline.text))
    # The headline stands above its dek, farther from the article: that costs it nothing here.
    score = above.score(HEADLINE_LEAD_BONUS, HEADLINE_DISTANCE_COST)
    return (
        score + HEADLINE_DISTANCE_COST * above.distance >= HEADLINE_MIN_SCORE
        and words >= FULL_LINE_WORDS
        and not _content_words(headline.text).isdisjoint(lead)
        and len(WORD.findall(block.text)) >= words
        and may_be_dek(block, headline, blocks, DEK_REACH - 1)
    )


def find_headline(blocks: Sequence[Block], lex: Lexicon) -> Iterator[Block]:
    return iter(()) if has_title(blocks) else _best_headline(blocks, lex)


def find_second_headline(blocks: Sequence[Block], lex: Lexicon) -> Iterator[Block]:
    """Under a title already found (a markdown `#` line, a pack's rule), another headline-like
    line right next to it (fewer than DEK_REACH lines between) that says mostly what the title
    says is an alternate headline; left in, the next cleaning of the output would take it for
    the title. A masthead ("The Harlow Ledger" over "Harlow General to open …") says something
    else; the page's title far above ("Headline | Site", "Title: …") is the headline again."""
    title = title_block(blocks)
    if title is None:
        return
    said = _content_words(title.text)
    found, _ = candidates(blocks, lex, HEAD_WINDOW)
    top = best([c for c in found if _next_to(blocks, c.block, title)])
    if top is not None:
        words = _content_words(top.block.text)
        if words and len(words & said) > ALTERNATE_SHARE * len(words):
            yield top.block


def _next_to(blocks: Sequence[Block], block: Block, title: Block) -> bool:
    low, high = sorted((block.index, title.index))
    return len(shown(blocks[low + 1 : high])) < DEK_REACH


HEADING_TITLE = Heuristic("generic.heading-title", "headline", find_heading_title, field="title")
HEADLINE = Heuristic("generic.headline", "headline", find_headline, field="title")
SECOND_HEADLINE = Heuristic(
    "generic.second-headline", "headline", find_second_headline, field="alternate_title"
)
