"""A live blog's entries, each under a line that opens with its time of day.

A live blog is a run of entries, each a time ("17.45 BST 22 Oct 2024", "9:02am"), a title, a
few paragraphs and a share bar. The body model scores each entry with the share bars around it
and kept the first one or two (blind set 8: page F1 0.52 on text). Lines that open with a time
of day and are no longer than STAMP_MAX_CHARS, MIN_ENTRIES of them or more, each followed by
prose before the next furniture another rule marked, are the entries' stamps; when the body
kept a block of one entry, it keeps every entry's unmarked blocks, from its stamp to the first
marked block or the next stamp. The stamps themselves are left as the model scored them. A
comment's header opens with its writer's name or a date, not with a time.
"""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np
import regex

from ..lexicon import Lexicon
from ..model import Block
from .classify import is_prose

MIN_ENTRIES = 3
STAMP_MAX_CHARS = 60
_STAMP = regex.compile(
    r"^(?:[01]?\d|2[0-3])[.:h][0-5]\d(?:\s*(?:[ap]\.?m\.?))?"
    r"(?:\s+(?:[A-Z]{2,4}T|BST|UTC|GMT\+?\d*|CES?T|Uhr))?(?=\s|$)",
    regex.IGNORECASE,
)


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


def keep_entries(blocks: Sequence[Block], kept: np.ndarray, lex: Lexicon) -> np.ndarray:
    """`kept` with every entry of a live blog kept when the body kept a block of one."""
    entries = _entries(blocks, lex)
    if not any(kept[i] for entry in entries for i in entry):
        return kept
    out = kept.copy()
    for entry in entries:
        for i in entry:
            out[i] = out[i] or blocks[i].mark is None
    return out
