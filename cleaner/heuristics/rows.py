"""Lists a dump printed one item per line, found by the lead their rows share or by the line
that announces them.

A tour's dates ("June 9 -- Coral Sky Amphitheatre, West Palm Beach, FL"), a race's splits, a
schedule: no row reads as prose, so the body model scores each low and dropped the list that
ends the article (bench: a tour announcement at page F1 0.74, its 30 dates lost). Lines that open
with a short lead of words or figures and a separator (" -- ", " – ", " @ ", " | ", " : "), leads
and separators shaped alike, MIN_ROWS lines in a row, are a list's rows. The list continues the
body when the block right above it is kept, or is a short line introducing it ("Tour dates:")
right under a kept block: the introduction and the rows are kept, up to the first line of
another shape. Menus and code print such runs too, but not right under the article.

A list whose items share no lead is found by its announcement: a kept block, then right under it
a short line ending with a colon ("The game offers:") and MIN_ITEMS lines or more of
ITEM_MIN_WORDS words or more each (an app's features, 0.50 page F1 without them). A related
heading ("More stories from X:", `Lexicon.related_heading`) announces teasers, not the article's
list (`sections` has marked it by then), and a menu's items are shouted or split by bars
("NEWS | HELP"). A kept sentence of the article may announce its list itself ("Below is the
list of players who have been invited to the combine:"): then items of two to 25 words follow
it (a name and a club), up to a paragraph; a run of capitalised words with a colon at its end
is a menu's title, no sentence. A dateline ends either list: a comment's header.
"""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np
import regex

from ..model import Block
from .bylines import is_dateline

MIN_ROWS = 4
MIN_ITEMS = 3
ITEM_MIN_WORDS = 4
SENTENCE_MIN_WORDS = 8  # a kept block this long that ends with a colon announces a list
SENTENCE_ITEMS_WORDS = (2, 25)  # the items it announces: a name and a club, a short note
ROW_MAX_CHARS = 120
INTRO_MAX_WORDS = 12
_MENU = regex.compile(r"[|»·]")
_LEAD = regex.compile(
    r"^([\p{L}\p{N}][\p{L}\p{N}.,'’&]*(?: [\p{L}\p{N}][\p{L}\p{N}.,'’&]*){0,2})"
    r" (--|[-–—@|:]) (?=\S)"
)


def _shape(text: str) -> tuple[str, ...] | None:
    """A row's lead as word classes (a figure or a word) and its separator; None for no row."""
    found = _LEAD.match(text) if len(text) <= ROW_MAX_CHARS else None
    if found is None:
        return None
    lead = tuple("9" if word[0].isdigit() else "a" for word in found[1].split())
    return (*lead, found[2])


def keep_lists(blocks: Sequence[Block], kept: np.ndarray) -> np.ndarray:
    """`kept` with the lists that continue the body kept, their introductions with them."""
    return _keep_announced(blocks, _keep_rows(blocks, kept))


def _keep_rows(blocks: Sequence[Block], kept: np.ndarray) -> np.ndarray:
    out = kept.copy()
    unmarked = [i for i, block in enumerate(blocks) if block.mark is None]
    shapes = [_shape(blocks[i].text) for i in unmarked]
    at = 0
    while at < len(unmarked):
        end = at + 1
        while shapes[at] is not None and end < len(unmarked) and shapes[end] == shapes[at]:
            end += 1
        if end - at >= MIN_ROWS and _continues(blocks, unmarked, at, out):
            for i in unmarked[max(0, at - 1) : end]:
                out[i] = True
        at = end
    return out


def _continues(blocks: Sequence[Block], unmarked: list[int], at: int, kept: np.ndarray) -> bool:
    """Whether the body reaches the rows from `unmarked[at]` on: the block right above them is
    kept, or introduces them and is right under a kept block (no furniture between)."""
    first = unmarked[at]
    if first == 0 or blocks[first - 1].mark is not None:
        return False
    if kept[first - 1]:
        return True
    above = first >= 2 and blocks[first - 2].mark is None and bool(kept[first - 2])
    return above and _introduces(blocks[first - 1].text)


def _introduces(text: str) -> bool:
    """A short line that may head a list: "Tour dates:", "The 2020 dates" (not "/*" or a row)."""
    words = len(text.split())
    return (
        0 < words <= INTRO_MAX_WORDS
        and text[0].isalnum()
        and not text.endswith((".", ",", ";"))
        and _shape(text) is None
    )


def _keep_announced(blocks: Sequence[Block], kept: np.ndarray) -> np.ndarray:
    out = kept.copy()
    words: tuple[int, int | None]  # an item's least and most words
    for at in range(1, len(blocks)):
        if not _follows_body(blocks, at, kept):
            continue
        if _announces(blocks[at].text):
            first, words = at + 1, (ITEM_MIN_WORDS, None)
        elif _announcing_sentence(blocks[at - 1].text):
            first, words = at, SENTENCE_ITEMS_WORDS
        else:
            continue
        end = first
        while end < len(blocks) and blocks[end].mark is None and _item(blocks[end].text, *words):
            end += 1
        if end - first >= MIN_ITEMS:
            out[at:end] = True
    return out


def _follows_body(blocks: Sequence[Block], at: int, kept: np.ndarray) -> bool:
    """An unmarked block the body does not hold, right under a kept one."""
    above = blocks[at - 1]
    return blocks[at].mark is None and above.mark is None and bool(kept[at - 1] and not kept[at])


def _announces(text: str) -> bool:
    return 0 < len(text.split()) <= INTRO_MAX_WORDS and text.endswith(":")


def _announcing_sentence(text: str) -> bool:
    words = [w for w in text.split() if w[0].isalpha()]
    capitalised = sum(w[0].isupper() for w in words)
    return (
        len(text.split()) >= SENTENCE_MIN_WORDS
        and text.endswith(":")
        and capitalised < 0.5 * len(words)
    )


def _item(text: str, least: int, most: int | None) -> bool:
    words = len(text.split())
    return (
        least <= words <= (most or words)
        and not text.isupper()
        and not _MENU.search(text)
        and not is_dateline(text)
    )
