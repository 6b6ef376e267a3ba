"""The one protocol every generic heuristic follows.

A heuristic is a small unit with an id, a kind and (for moves) a metadata field. Its `find`
looks at the whole block list and yields the blocks it claims; the runner marks those that no
earlier stage claimed. Heuristics never edit text, so each can be tested by what it yields.
The word lists they read are the lexicon (`cleaner.lexicon`).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass

from ..lexicon import Lexicon
from ..model import Block, Field, Mark


Finder = Callable[[Sequence[Block], Lexicon], Iterable[Block]]


@dataclass(frozen=True, slots=True)
class Heuristic:
    id: str
    kind: str
    find: Finder
    field: Field | None = None
    listings: bool = False  # may claim the lines of a fenced code listing (`Block.listing`)

    @property
    def mark(self) -> Mark:
        return Mark(self.kind, self.id, self.field)


def kept(blocks: Sequence[Block]) -> list[Block]:
    return [b for b in blocks if b.mark is None]


def is_shown(block: Block) -> bool:
    """Whether a reader of the page sees the block in the head: not removed, maybe moved to a
    field (the headline, the byline, the date line stand where they stood)."""
    return block.mark is None or bool(block.mark.field)


def shown(blocks: Sequence[Block]) -> list[Block]:
    return [b for b in blocks if is_shown(b)]


def nearest_shown(blocks: Sequence[Block], index: int, count: int, step: int = 1) -> list[Block]:
    """Up to `count` blocks a reader sees next to `blocks[index]` (`shown`), nearest first:
    below it, or above it with `step` -1. Looks no farther than it must: asked of every
    candidate line, a list of all the blocks below each would cost the square of the page."""
    found: list[Block] = []
    i = index + step
    while 0 <= i < len(blocks) and len(found) < count:
        if is_shown(blocks[i]):
            found.append(blocks[i])
        i += step
    return found


def title_block(blocks: Sequence[Block]) -> Block | None:
    """The block that went to the metadata as the title, if one did."""
    return next((b for b in blocks if b.mark is not None and b.mark.field == "title"), None)


def has_title(blocks: Sequence[Block]) -> bool:
    return title_block(blocks) is not None
