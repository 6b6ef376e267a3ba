"""Tables a whole-page dump printed one cell per line, found by the rhythm of their cells.

A table of films (title, year, description) dumped from a page comes out as three lines a row:
the body model scores each cell alone, and a year or a four-word title reads as no prose, so it
kept the article's opening and dropped the table that is most of it (a Wikipedia list: page F1
0.11). A column of figures (a cell with digits and no letter: a year, a score, a time; not a
full date, as each of a list of teasers has) that recurs every `period` blocks, two to six, for
MIN_ROWS rows or more, is a table's rhythm. One whose rows mostly hold a sentence (a cell of
PROSE_MIN_WORDS words or more that ends like one, reference marks after it aside) and do not
name a photo agency (a gallery's slides: year, caption, "By X/Getty Images.") is text of the
article's kind. Such a table continues the body when the model kept a block just above it
(within two rows: its header row may stand between): its unmarked blocks are kept, down to the
last row's sentence.

A column of labels keeps the same rhythm: a short label and its value ("See it now: Amazon",
"Q: Favourite apps?") heading each of a product round-up's or an interview's rows, the label
recurring MIN_ROWS times or more. A label line another rule marked (a button printed six times
is taken for a repeated headline) still counts in the rhythm, and stays out of the text; a
dateline ("Posted by: Ann at September 10, 2012 9:01 AM") heads a comment, not a row.

A ranked table needs no sentence: a standings or results table whose first column counts its
rows, 1, 2, 3 ..., every `period` blocks (three to twelve: a rank, a name, figures), each row
holding a figure besides its rank, under a line that announces it with a colon ("Final
standings after 36 races:") is the article's, with that line, whatever the model made of the
blocks around it. A list of most-read headlines counts its rows too, but a headline a row and
no figure, under a related heading another rule marked; a sidebar's chart has no line
announcing it.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from functools import cached_property
from itertools import accumulate

import numpy as np
import regex

from ..lexicon import Lexicon
from ..model import Block
from .captions import CREDIT_MAX_CHARS
from .bylines import is_dateline
from .classify import ends_sentence

PERIODS = range(2, 7)  # cells a row
MIN_ROWS = 4
RANK_PERIODS = range(3, 13)  # cells a ranked row: a rank, a name, figures
MIN_RANKS = 5
PROSE_MIN_WORDS = 6
MIN_PROSE_SHARE = 0.5  # of the rows, holding a sentence
MAX_FIGURE_CHARS = 20
LABEL_MAX_WORDS = 3
_DATE = regex.compile(r"^\d{1,4}\s*[./-]\s*\d{1,2}\s*[./-]\s*\d{1,4}$")  # 13.03.2024, 2024-03-13
_FIGURE = regex.compile(r"^[\d\s.,:;/%+±–—()$€£-]*\d[\d\s.,:;/%+±–—()$€£-]*$")
_LABEL = regex.compile(r"^(\p{L}[\p{L}\p{N} ]{0,24}):\s+\S.{0,40}$")
_RANK = regex.compile(r"^(\d{1,3})\.?$")


def _figure(text: str) -> bool:
    """A cell of figures that is no full date: a list of teasers dates each one."""
    return len(text) <= MAX_FIGURE_CHARS and bool(_FIGURE.match(text)) and not _DATE.match(text)


def _sentence(text: str) -> bool:
    return len(text.split()) >= PROSE_MIN_WORDS and ends_sentence(text)


def _columns(blocks: Sequence[Block]) -> list[list[int]]:
    """The cells of each column that may give a table its rhythm: the figures, and the lines of
    each label (up to LABEL_MAX_WORDS words before a colon, a short value after it)."""
    figures = [i for i, b in enumerate(blocks) if b.mark is None and _figure(b.text)]
    labels: dict[str, list[int]] = {}
    for i, b in enumerate(blocks):
        found = _LABEL.match(b.text)
        if found and len(found[1].split()) <= LABEL_MAX_WORDS and not is_dateline(b.text):
            labels.setdefault(found[1].casefold(), []).append(i)
    return [c for c in (figures, *labels.values()) if len(c) >= MIN_ROWS]


def tables(blocks: Sequence[Block], lex: Lexicon) -> list[tuple[int, int, int]]:
    """Each table's first cell, last cell and period (indices into `blocks`)."""
    counts = _Counts(blocks, lex)
    return [table for cells in _columns(blocks) for table in _rhythms(counts, cells)]


@dataclass
class _Counts:
    """How many of the page's blocks up to each one hold a sentence, and how many are a gallery
    slide, counted at the first row asked of: a row holds one when the counts at its ends
    differ. Scanned row by row, a page of figure cells had each block checked some fifty times
    (each period, each start, each row a cell is near)."""

    blocks: Sequence[Block]
    lex: Lexicon

    @cached_property
    def sentences(self) -> list[int]:
        return list(accumulate((_sentence(b.text) for b in self.blocks), initial=0))

    @cached_property
    def slides(self) -> list[int]:
        return list(accumulate((_slide(b, self.lex) for b in self.blocks), initial=0))


def _rhythms(counts: _Counts, cells: list[int]) -> list[tuple[int, int, int]]:
    """The runs of one column's cells that recur at a period, in rows that hold sentences."""
    found: list[tuple[int, int, int]] = []
    at, taken = set(cells), set[int]()
    for period in PERIODS:
        for start in cells:
            if start in taken or start - period in at:
                continue
            rows = 1
            while start + rows * period in at:
                rows += 1
            if rows >= MIN_ROWS and _prose_rows(counts, start, rows, period):
                found.append((start, start + (rows - 1) * period, period))
                taken.update(range(start, start + rows * period, period))
    return found


def _prose_rows(counts: _Counts, start: int, rows: int, period: int) -> bool:
    """Whether most rows (the blocks a period either side of each cell) hold a sentence, and
    fewer name a photo agency."""
    spans = [_row(counts.blocks, start + r * period, period) for r in range(rows)]
    prose = sum(counts.sentences[s.stop] > counts.sentences[s.start] for s in spans)
    slides = sum(counts.slides[s.stop] > counts.slides[s.start] for s in spans)
    return prose >= MIN_PROSE_SHARE * rows and slides < MIN_PROSE_SHARE * rows


def _slide(block: Block, lex: Lexicon) -> bool:
    """A gallery slide's caption or credit: so marked, or a short line naming a photo agency."""
    if block.mark is not None:
        return block.mark.kind in ("caption", "credit")
    return len(block.text) <= CREDIT_MAX_CHARS and lex.agency.search(block.text) is not None


def _row(blocks: Sequence[Block], figure: int, period: int) -> range:
    """The blocks within a period less one either side of a row's figure, on the page."""
    return range(max(0, figure - period + 1), min(len(blocks), figure + period))


def _rank(text: str) -> int | None:
    found = _RANK.match(text.strip())
    return int(found[1]) if found else None


def ranked_tables(blocks: Sequence[Block]) -> list[tuple[int, int]]:
    """Each announced ranked table's announcing line and last cell (indices into `blocks`)."""
    ranks = [_rank(b.text) for b in blocks]
    found: list[tuple[int, int]] = []
    for start in (i for i, rank in enumerate(ranks) if rank == 1):
        for period in RANK_PERIODS:
            rows = 1
            while start + rows * period < len(ranks) and ranks[start + rows * period] == rows + 1:
                rows += 1
            last = min(len(blocks), start + rows * period) - 1
            row_starts = range(start, last + 1, period)
            if rows < MIN_RANKS or not all(
                any(_figure(b.text) for b in blocks[r + 1 : r + period]) for r in row_starts
            ):
                continue
            above = range(start - 1, max(-1, start - period - 2), -1)  # over a header row
            announce = next((i for i in above if _announces(blocks[i])), None)
            if announce is not None:
                found.append((announce, last))
            break
    return found


def _announces(block: Block) -> bool:
    """A line ending with a colon that no rule took: a related heading ("Most read:") is marked."""
    return block.mark is None and block.text.rstrip().endswith(":")


def keep_tables(blocks: Sequence[Block], kept: np.ndarray, lex: Lexicon) -> np.ndarray:
    """`kept` with the tables that continue the body, and the announced ranked tables, kept
    whole."""
    out = kept.copy()
    unmarked = np.array([b.mark is None for b in blocks], dtype=bool)  # a span keeps these
    for announce, last in ranked_tables(blocks):
        out[announce : last + 1] |= unmarked[announce : last + 1]
    for first, last, period in sorted(tables(blocks, lex)):  # a table the one above continues, too
        above = range(max(0, first - 2 * period), first)
        body = [i for i in above if out[i]]
        if not body:
            continue
        offsets = Counter(
            j - figure
            for figure in range(first, last + 1, period)
            for j in _row(blocks, figure, period)
            if _sentence(blocks[j].text)
        )
        # a row's sentence also stands within reach of the next row's figure: on a tie, after
        offset = max(offsets, key=lambda o: (offsets[o], o)) if offsets else 0
        end = last + max(0, offset)
        out[body[-1] + 1 : end + 1] |= unmarked[body[-1] + 1 : end + 1]
    return out
