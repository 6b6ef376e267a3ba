"""The article's head: byline, date line, dek and kicker around the headline (`headline.py`),
which move to the metadata.

They stand just above the article's first paragraph (in a page dump, below the menus), so they
are looked for among the blocks before it, nearest first.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence

from ..features import is_list_item
from ..model import Block
from ..lexicon import Lexicon
from .base import Heuristic, nearest_shown, shown, title_block
from .bylines import (
    ROLE_MAX_WORDS,
    WORD,
    bare_byline,
    continues_byline,
    is_byline,
    is_dateline,
    is_role_line,
)
from .classify import is_prose

RUN_REACH = 2  # unmarked blocks at most between the first two paragraphs of an article
WHOLE_WORDS = 150  # a paragraph this long is an article on its own (a dump that joined its lines)
HEAD_WINDOW = 12  # unmarked blocks above the first paragraph where the head may stand
DEK_MAX_WORDS = 60
DEK_REACH = 3  # blocks after the title where the dek and the byline below it may stand
KICKER_MAX_WORDS = 3  # a section label or kicker right above the headline ("Sports", "World news")


def head(blocks: Sequence[Block], lex: Lexicon, window: int = HEAD_WINDOW) -> list[Block]:
    """Unmarked blocks above the article's first paragraph (`first_paragraph`), nearest to it
    first, `window` of them at most; none without one (a lone headline is the whole text, not
    the head of an article). Furniture other rules took (share buttons, ads, a caption) does not
    count towards the window."""
    first = first_paragraph(blocks, lex)
    if first is None:
        return []
    return [b for b in reversed(blocks[:first]) if b.mark is None][:window]


def first_paragraph(blocks: Sequence[Block], lex: Lexicon) -> int | None:
    """Where the article's first paragraph stands: the first prose paragraph that prose or a
    list goes on from within RUN_REACH unmarked lines. A notice standing alone above the page's
    menus (cookies, browser alerts, a newsletter's blurb) opens no article; a paragraph of
    WHOLE_WORDS does, ended like a sentence or not (a dump that joined an article's lines into
    one). Without such a paragraph, the first prose paragraph (a brief of one paragraph)."""
    first = None
    for i, block in enumerate(blocks):
        if block.mark is not None or not is_prose(block, lex, strict=False):
            continue  # most lines of a page dump: one look each
        if len(block.text.split()) >= WHOLE_WORDS:
            return block.index
        if is_prose(block, lex):
            if _goes_on(blocks, i, lex):
                return block.index
            first = block.index if first is None else first
    return first


def _goes_on(blocks: Sequence[Block], index: int, lex: Lexicon) -> bool:
    """Whether a sentence or a list item stands among the RUN_REACH + 1 unmarked blocks after
    `blocks[index]`."""
    seen = 0
    for j in range(index + 1, len(blocks)):  # no slice: asked of each lone paragraph in turn
        block = blocks[j]
        if block.mark is not None:
            continue
        if is_prose(block, lex, strict=False) or is_list_item(block.text):
            return True
        seen += 1
        if seen > RUN_REACH:
            return False
    return False


def _above_byline(blocks: Sequence[Block], block: Block, between: int = 0) -> bool:
    """Whether a byline or a date line (found as one already, or not yet) is the next block
    after `block` that no rule removed, or stands after at most `between` short lines (a bare
    author's name, a job title)."""
    for after in nearest_shown(blocks, block.index, between + 1):
        if is_head_line(after):
            return True
        if len(after.text.split()) > ROLE_MAX_WORDS:
            return False
    return False


def is_head_line(block: Block) -> bool:
    """A byline, an author's job title or a date line, by its text or by a rule that moved it
    there."""
    moved = block.mark is not None and block.mark.field in ("byline", "date")
    text = block.text
    return moved or is_byline(text) or is_dateline(text) or is_role_line(text)


def _under_title(blocks: Sequence[Block], block: Block) -> bool:
    """Whether `block` stands under the title found, at most DEK_REACH lines below it (a name
    above the headline is another story's teaser or a section label)."""
    title = title_block(blocks)
    if title is None or title.index >= block.index:
        return False
    return len(shown(blocks[title.index + 1 : block.index])) < DEK_REACH


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
    if dek and len(dek.text.split()) <= DEK_MAX_WORDS and may_be_dek(dek, title, blocks):
        yield dek


def may_be_dek(block: Block, headline: Block, blocks: Sequence[Block], between: int = 0) -> bool:
    """Whether `block` may be the dek under `headline`: above the byline or date line (with at
    most `between` short lines between them), being neither of them nor the headline printed
    again."""
    return (
        block.text.casefold() != headline.text.casefold()
        and not is_head_line(block)
        and _above_byline(blocks, block, between)
    )


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
        and not is_head_line(above)
    ):
        yield above


DEK = Heuristic("generic.dek", "subtitle", find_dek, field="subtitle")
BYLINE = Heuristic("generic.byline", "byline", find_byline, field="byline")
DATELINE = Heuristic("generic.dateline", "dateline", find_dateline, field="date")
KICKER = Heuristic("generic.kicker", "navigation", find_kicker)
