"""The article's head: headline, byline and date line, which move to the metadata.

They stand just above the first paragraph (in a page dump, below the menus), so they are
looked for among the blocks before the first prose paragraph, nearest first.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterator, Sequence

import regex

from ..model import Block
from ..lexicon import Lexicon
from .base import Heuristic, has_title, nearest_shown, shown, title_block
from .bylines import (
    FULL_LINE_WORDS,
    ROLE_MAX_WORDS,
    WORD,
    bare_byline,
    continues_byline,
    is_bare_name,
    is_byline,
    is_dateline,
    is_role_line,
)
from .classify import is_prose

HEAD_WINDOW = 12  # unmarked blocks above the first paragraph where the head may stand
DEK_MAX_WORDS = 60
DEK_REACH = 3  # blocks after the title where the dek and the byline below it may stand
HEADLINE_MIN_WORDS = 3
HEADLINE_MAX_WORDS = 20
HEADLINE_MIN_SCORE = 1.0
ALTERNATE_SHARE = 0.5  # more than this share of its content words are the title's
KICKER_MAX_WORDS = 3  # a section label or kicker right above the headline ("Sports", "World news")
HEADLINE_DISTANCE_COST = 0.3  # per block between a candidate and the first paragraph
HEADLINE_OVER_BYLINE = 1.0  # standing over the byline or date line, or over a dek over it
HEADLINE_LEAD_BONUS = 1.5  # times the share of its words the lead paragraphs repeat
LEAD_PARAGRAPHS = 3
CONTENT_WORD_MIN = 4  # letters; shorter words are mostly function words

_H1 = regex.compile(r"^\s{0,3}#\s+\S")
_NO_HEADLINE = (".", ":", ",", ";")  # a headline never ends so
_CLOCK = regex.compile(r"\b\d{1,2}:\d{2}\b")


def head(blocks: Sequence[Block], lex: Lexicon) -> list[Block]:
    """Unmarked blocks above the first prose paragraph, nearest to it first; none without one
    (a lone headline is the whole text, not the head of an article). Furniture other rules took
    (share buttons, ads, a caption) does not count towards HEAD_WINDOW."""
    first = next((b.index for b in blocks if b.mark is None and is_prose(b, lex)), None)
    if first is None:
        return []
    return [b for b in reversed(blocks[:first]) if b.mark is None][:HEAD_WINDOW]


def _above_byline(blocks: Sequence[Block], block: Block, between: int = 0) -> bool:
    """Whether a byline or a date line (found as one already, or not yet) is the next block
    after `block` that no rule removed, or stands after at most `between` short lines (a bare
    author's name, a job title)."""
    for after in nearest_shown(blocks, block.index, between + 1):
        if _is_head_line(after):
            return True
        if len(after.text.split()) > ROLE_MAX_WORDS:
            return False
    return False


def _is_head_line(block: Block) -> bool:
    """A byline, an author's job title or a date line, by its text or by a rule that moved it
    there."""
    moved = block.mark is not None and block.mark.field in ("byline", "date")
    text = block.text
    return moved or is_byline(text) or is_dateline(text) or is_role_line(text)


def _over_byline(blocks: Sequence[Block], block: Block) -> float:
    """HEADLINE_OVER_BYLINE when the byline or the date line (found or not yet, a lone "By"
    too) comes next under `block`, or under a full line below it (a dek): where headlines stand.
    A name over the date line is a byline itself, and gets none."""
    if is_bare_name(block.text):
        return 0.0
    below = nearest_shown(blocks, block.index, 2)
    heads = [_is_head_line(b) or bare_byline(blocks, b) or b.text.casefold() == "by" for b in below]
    dek = len(heads) == 2 and len(WORD.findall(below[0].text)) >= FULL_LINE_WORDS
    return HEADLINE_OVER_BYLINE if heads[:1] == [True] or (dek and heads[1]) else 0.0


def _under_title(blocks: Sequence[Block], block: Block) -> bool:
    """Whether `block` stands under the title found, at most DEK_REACH lines below it (a name
    above the headline is another story's teaser or a section label)."""
    title = title_block(blocks)
    if title is None or title.index >= block.index:
        return False
    return len(shown(blocks[title.index + 1 : block.index])) < DEK_REACH


def _content_words(text: str) -> set[str]:
    return {w.casefold() for w in WORD.findall(text) if len(w) >= CONTENT_WORD_MIN}


def _headline_score(block: Block, distance: int, repeats: Counter[str], lead: set[str]) -> float:
    """How much a block looks like the headline: a title-like line near the article, saying
    what its lead paragraphs say (a masthead or a menu does not), often printed twice on the
    page (in the breadcrumbs, the share bar or the page title)."""
    text = block.text
    words = WORD.findall(text)
    if not HEADLINE_MIN_WORDS <= len(words) <= HEADLINE_MAX_WORDS or text.endswith(_NO_HEADLINE):
        return 0.0
    if not text[0].isupper() or is_byline(text) or is_dateline(text) or _CLOCK.search(text):
        return 0.0
    capitalised = sum(1 for w in words if w[0].isupper()) / len(words)
    content = _content_words(text)
    echoed = len(content & lead) / len(content) if content else 0.0
    score = (
        1.0
        + 0.5 * capitalised
        + (0.5 if len(words) >= FULL_LINE_WORDS else 0.0)
        + HEADLINE_LEAD_BONUS * echoed
    )
    return (
        score + (1.0 if repeats[text.casefold()] > 1 else 0.0) - HEADLINE_DISTANCE_COST * distance
    )


def find_heading_title(blocks: Sequence[Block], lex: Lexicon) -> Iterator[Block]:
    """A markdown `# Headline` among the first blocks, or else the one nearest above the first
    paragraph (below a page's menus)."""
    if not has_title(blocks):
        first = [b for b in blocks[:HEAD_WINDOW] if b.mark is None and _H1.match(b.raw)]
        yield from (first or [b for b in head(blocks, lex) if _H1.match(b.raw)])[:1]


def find_dek(blocks: Sequence[Block], lex: Lexicon) -> Iterator[Block]:
    """The block between the title and the byline or date line under it: the dek (not the
    byline above a date line, nor the headline printed again). Read as the article's first
    paragraph, it would also hide the byline below it."""
    title = title_block(blocks)
    if title is None:
        return
    reach = blocks[title.index + 1 : title.index + 1 + DEK_REACH]
    after = shown(reach)
    dek = after[0] if after and after[0].mark is None else None
    if dek and len(dek.text.split()) <= DEK_MAX_WORDS and _may_be_dek(dek, title, blocks):
        yield dek


def _may_be_dek(block: Block, headline: Block, blocks: Sequence[Block], between: int = 0) -> bool:
    """Whether `block` may be the dek under `headline`: above the byline or date line (with at
    most `between` short lines between them), being neither of them nor the headline printed
    again."""
    return (
        block.text.casefold() != headline.text.casefold()
        and not _is_head_line(block)
        and _above_byline(blocks, block, between)
    )


def _best_headline(blocks: Sequence[Block], lex: Lexicon) -> Iterator[Block]:
    """The best headline-like block above the first paragraph."""
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
    candidates = [
        b
        for b in head(blocks, lex)
        if not _is_head_line(b) and not b.text.endswith(_NO_HEADLINE) and not bare_byline(blocks, b)
    ]
    # Where a headline stands tells the title; a title found already is echoed anywhere.
    placed = not has_title(blocks)
    scored = [
        (_headline_score(b, d, repeats, lead) + (_over_byline(blocks, b) if placed else 0.0), -d, b)
        for d, b in enumerate(candidates)
    ]
    best = max(scored, default=None, key=lambda s: s[:2])
    if best and best[0] >= HEADLINE_MIN_SCORE:
        above = {s[2].index: s for s in scored}.get(best[2].index - 1)
        yield above[2] if above and _is_dek_of(best[2], above, blocks, lead) else best[2]


def _is_dek_of(
    block: Block, above: tuple[float, int, Block], blocks: Sequence[Block], lead: set[str]
) -> bool:
    """Whether `block`, headline-like itself, is the dek under the headline-like line `above`:
    it stands above the byline or date line (a bare name may stand between), and both are full
    lines, the lower saying at least as much (a kicker or a section label above a headline says
    less), and the upper says something the lead paragraphs say (a photo credit, a breadcrumb
    or a teaser for another article does not)."""
    score, nearness, headline = above
    words = len(WORD.findall(headline.text))
    # The headline stands above its dek, farther from the article: that costs it nothing here.
    return (
        score - HEADLINE_DISTANCE_COST * nearness >= HEADLINE_MIN_SCORE
        and words >= FULL_LINE_WORDS
        and not _content_words(headline.text).isdisjoint(lead)
        and len(WORD.findall(block.text)) >= words
        and _may_be_dek(block, headline, blocks, DEK_REACH - 1)
    )


def find_headline(blocks: Sequence[Block], lex: Lexicon) -> Iterator[Block]:
    return iter(()) if has_title(blocks) else _best_headline(blocks, lex)


def find_second_headline(blocks: Sequence[Block], lex: Lexicon) -> Iterator[Block]:
    """Under a title already found (a markdown `#` line, a pack's rule), another headline-like
    line above the first paragraph that says mostly what the title says is an alternate
    headline; left in, the next cleaning of the output would take it for the title. A masthead
    ("The Harlow Ledger" over "Harlow General to open …") says something else."""
    title = title_block(blocks)
    if title is None:
        return
    said = _content_words(title.text)
    for block in _best_headline(blocks, lex):
        words = _content_words(block.text)
        if words and len(words & said) > ALTERNATE_SHARE * len(words):
            yield block


def find_byline(blocks: Sequence[Block], lex: Lexicon) -> Iterator[Block]:
    """`By …` lines and bare names where bylines stand (`bare_byline`), with the line right below
    one when it is a second author (`and B, Role`) or the author's job title; a lone "By" takes
    the name on the line below it with it."""
    zone = sorted(head(blocks, lex), key=lambda b: b.index)
    for i, block in enumerate(zone):
        if is_byline(block.text) or (bare_byline(blocks, block) and _under_title(blocks, block)):
            yield block
            after = zone[i + 1] if i + 1 < len(zone) else None
            if after and after.index == block.index + 1 and continues_byline(after.text):
                yield after
        elif (
            block.text.casefold() == "by"
            and i + 1 < len(zone)
            and is_byline(f"By {zone[i + 1].text}")
        ):
            yield from (block, zone[i + 1])


def find_dateline(blocks: Sequence[Block], lex: Lexicon) -> Iterator[Block]:
    """The date line nearest above the first paragraph, with the date lines right next to it
    ("Published …" over "Last updated …"): the first states the publication date."""
    for block in head(blocks, lex):
        if is_dateline(block.text):
            for near in (block.index - 1, block.index + 1):
                if 0 <= near < len(blocks) and blocks[near].mark is None:
                    if is_dateline(blocks[near].text):
                        yield blocks[near]
            yield block
            return


def find_kicker(blocks: Sequence[Block], lex: Lexicon) -> Iterator[Block]:
    """A short label right above the headline (a section link, a kicker): page furniture that a
    header cut ending at the last line every page prints leaves behind."""
    title = title_block(blocks)
    if title is None or title.index == 0:
        return
    above = blocks[title.index - 1]
    words = WORD.findall(above.text)
    if (
        above.mark is None
        and 0 < len(words) <= KICKER_MAX_WORDS
        and not above.text.rstrip().endswith((".", "!", "?", ":"))
        and not _is_head_line(above)
    ):
        yield above


HEADING_TITLE = Heuristic("generic.heading-title", "headline", find_heading_title, field="title")
HEADLINE = Heuristic("generic.headline", "headline", find_headline, field="title")
DEK = Heuristic("generic.dek", "subtitle", find_dek, field="subtitle")
SECOND_HEADLINE = Heuristic(
    "generic.second-headline", "headline", find_second_headline, field="alternate_title"
)
BYLINE = Heuristic("generic.byline", "byline", find_byline, field="byline")
DATELINE = Heuristic("generic.dateline", "dateline", find_dateline, field="date")
KICKER = Heuristic("generic.kicker", "navigation", find_kicker)
