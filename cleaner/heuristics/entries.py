"""Entries kept together: a live blog's, each under its time of day, and a how-to's or a
list article's numbered steps.

A live blog is a run of entries, each a time ("17.45 BST 22 Oct 2024", "9:02am"), a title, a
few paragraphs and a share bar. The body model scores each entry with the share bars around it
and kept the first one or two (blind set 8: page F1 0.52 on text). Lines that open with a time
of day and are no longer than STAMP_MAX_CHARS, MIN_ENTRIES of them or more, each followed by
prose before the next furniture another rule marked, are the entries' stamps; when the body
kept a block of one entry, it keeps every entry's unmarked blocks, from its stamp to the first
marked block or the next stamp. The stamps themselves are left as the model scored them. A
comment's header opens with its writer's name or a date, not with a time.

A how-to numbers its steps ("Step 1", "2. Check the peep hole", "#3 Say no"): the model kept
the first steps and scored the later ones as furniture, since photos, captions and a video
player stand between them (eHow, 0.59 page F1 cv). Short lines numbered 1, 2, 3 and on, at
least MIN_STEPS, each followed by prose, are the steps; when the block right above the first
step and a block of one step are kept, every step's line and the prose under it are kept too,
up to the next numbered line or the first block that is neither. A pager ("Page 1", "Page 2")
has no prose between its numbers, a gallery counts "Image 1 of 3", a numbered comment's line
holds its date, and a heading a rule marked ("Most read") parts a list of teasers from the
article: none is a run of steps.
"""

from __future__ import annotations

from bisect import bisect_right
from collections import defaultdict
from collections.abc import Sequence

import numpy as np
import regex

from ..lexicon import Lexicon
from ..model import Block
from .classify import is_prose

MIN_ENTRIES = 3
STAMP_MAX_CHARS = 60
MIN_STEPS = 3
STEP_MAX_WORDS = 14
_STAMP = regex.compile(
    r"^(?:[01]?\d|2[0-3])[.:h][0-5]\d(?:\s*(?:[ap]\.?m\.?))?"
    r"(?:\s+(?:[A-Z]{2,4}T|BST|UTC|GMT\+?\d*|CES?T|Uhr))?(?=\s|$)",
    regex.IGNORECASE,
)
_STEP = regex.compile(r"^(?:\p{L}+\.?\s+)?#?(\d{1,2})(?:[.):]?(?:\s|$))(?!\s*(?:of|/)\s*\d)")
_YEAR = regex.compile(r"\b(?:19|20)\d\d\b")  # "1 Steve November 6, 2012": a numbered comment


def _entries(blocks: Sequence[Block], lex: Lexicon) -> list[range]:
    """Each entry's blocks after its stamp, up to the first marked block or the next stamp;
    none unless MIN_ENTRIES of them hold prose."""
    stamps = [
        i for i, b in enumerate(blocks) if len(b.text) <= STAMP_MAX_CHARS and _STAMP.match(b.text)
    ]
    if len(stamps) < MIN_ENTRIES:
        return []
    found = []
    for stamp, following in zip(stamps, [*stamps[1:], len(blocks)]):
        end = next(
            (i for i in range(stamp + 1, following) if blocks[i].mark is not None), following
        )
        found.append(range(stamp + 1, end))
    with_prose = [e for e in found if any(is_prose(blocks[i], lex, strict=False) for i in e)]
    return found if len(with_prose) >= MIN_ENTRIES else []


def _step_number(block: Block) -> int | None:
    found = _STEP.match(block.text)  # first: it fails at once on almost every block
    if found is None or block.mark is not None or len(block.text.split()) > STEP_MAX_WORDS:
        return None
    return None if _YEAR.search(block.text) else int(found[1])


def _steps(blocks: Sequence[Block], lex: Lexicon) -> list[range]:
    """Each numbered step: its line and the prose under it, up to the next numbered line. The
    longest run of lines numbered 1, 2, 3 and on in turn (other numbered lines between them, a
    video player's "1", are passed over), each followed by prose; none when under MIN_STEPS.
    Worked from the last numbered line back, the run after each line is found once: from every
    "1" anew, 4,000 of them cost 0.19 s and twice as many four times that."""
    numbered = [(i, n) for i, b in enumerate(blocks) if (n := _step_number(b)) is not None]
    lines = {i for i, _ in numbered}
    at: dict[int, list[int]] = defaultdict(list)  # each number's lines, in order
    for i, n in numbered:
        at[n].append(i)
    runs: dict[int, list[range]] = {}  # from each numbered line: its step and the ones after
    for start, n in reversed(numbered):
        after = range(start + 1, len(blocks))
        end = next((j for j in after if j in lines or not _prose(blocks[j], lex)), len(blocks))
        nexts = at.get(n + 1, [])
        k = bisect_right(nexts, start)
        later = runs[nexts[k]] if k < len(nexts) else []
        runs[start] = [range(start, end), *later] if end > start + 1 else []
    best = max((runs[i] for i in at.get(1, [])), key=len, default=[])
    return best if len(best) >= MIN_STEPS else []


def _prose(block: Block, lex: Lexicon) -> bool:
    return block.mark is None and is_prose(block, lex, strict=False)


def keep_entries(blocks: Sequence[Block], kept: np.ndarray, lex: Lexicon) -> np.ndarray:
    """`kept` with every entry of a live blog kept when the body kept a block of one, and every
    numbered step when it kept the block above the steps and a block of one."""
    out = kept.copy()
    entries = _entries(blocks, lex)
    if any(kept[i] for entry in entries for i in entry):
        for entry in entries:
            for i in entry:
                out[i] = out[i] or blocks[i].mark is None
    steps = _steps(blocks, lex)
    if (
        steps
        and _kept_above(blocks, kept, steps[0].start)
        and any(kept[i] for r in steps for i in r)
    ):
        for step in steps:
            out[step.start : step.stop] = True
    return out


def _kept_above(blocks: Sequence[Block], kept: np.ndarray, index: int) -> bool:
    """Whether the block right above `index` is kept: a heading a rule marked ("Most read")
    between the article and a numbered list parts them."""
    return index > 0 and blocks[index - 1].mark is None and bool(kept[index - 1])
