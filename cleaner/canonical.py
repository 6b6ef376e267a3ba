"""Canonical text stage: the kept blocks as the article text under the output contract.

UTF-8, NFC, one paragraph per line, paragraphs separated by one blank line, one final newline.
Block text is already plain (see `inline.plain`) and blocks are whole paragraphs (see
`segment`). Two kept blocks the segmenter would read back as one paragraph (no closing
punctuation, then lower case) are joined here, and markup that spans the two (`*0` and `a*`)
removed, so cleaning the output again changes nothing. A list item keeps its words, not its
bullet (`* `, `- `, `• `), a quote its `> `: they are layout, as a heading's `#` is. A numbered
item keeps its number ("1. Opening a ward by September."): the number is the reader's text, the
order of the steps (bench and wide: cross-validated F1 up 0.0004 on text, 0.0003 on HTML).
A line of a fenced code listing is a paragraph as it stands, joined to nothing.
"""

from __future__ import annotations

from collections.abc import Iterable

import regex

from .inline import has_markup, plain
from .model import Block
from .segment import continues

# Joining stays linear in a paragraph's length: when a join holds markup, only the paragraph's
# last JOIN_WINDOW characters are cleaned again with the block joined to it, which covers any
# emphasis spanning the join (at most 300 characters). Shorter paragraphs, most real ones, are
# cleaned whole as before.
JOIN_WINDOW = 512
_BULLET = regex.compile(r"^(?:[-*+•]|(?:>\s*)+)\s+(?=\S)")


class _Paragraph:
    """A paragraph joined from blocks: its settled start (`done`) and its end (`tail`), the
    only part a join may still change."""

    def __init__(self, block: Block) -> None:
        self.done: list[str] = []
        self.tail = block.text
        self.markup = has_markup(block.text)
        self.blocks = [block]

    def last(self) -> str:
        return self.tail or (self.done[-1] if self.done else "")

    def _settle(self, keep: int) -> None:
        """Move all but about the last `keep` characters of the tail to `done`."""
        if len(self.tail) > keep and (cut := self.tail.rfind(" ", 0, len(self.tail) - keep)) > 0:
            self.done.append(self.tail[:cut])
            self.tail = self.tail[cut + 1 :]

    def join(self, block: Block) -> None:
        self.blocks.append(block)
        if self.markup or has_markup(block.text):
            self._settle(JOIN_WINDOW)
            self.tail = plain(f"{self.tail} {block.text}")
            self.markup = has_markup(self.tail)
        else:  # two plain texts without markup join as they are
            self.tail = f"{self.tail} {block.text}"
            if len(self.tail) > 4 * JOIN_WINDOW:  # so that joining does not copy the paragraph
                self._settle(JOIN_WINDOW)
                self.markup = has_markup(self.tail)

    def text(self) -> str:
        return " ".join([*self.done, self.tail] if self.tail else self.done)


def canonical_paragraphs(blocks: Iterable[Block]) -> list[tuple[str, list[Block]]]:
    """The output's paragraphs, each with the blocks it was made from."""
    paras: list[_Paragraph] = []
    for block in blocks:
        if (
            paras
            and block.text
            and not (block.listing or paras[-1].blocks[-1].listing)
            and continues(paras[-1].last(), block.text)
        ):  # markup may span the two
            paras[-1].join(block)
        elif block.text:
            paras.append(_Paragraph(block))
    return [
        (text, para.blocks)
        for para in paras
        if (text := para.tail if para.blocks[0].listing else _BULLET.sub("", para.text(), count=1))
    ]


def canonical_text(blocks: Iterable[Block]) -> str:
    paras = canonical_paragraphs(blocks)
    return "\n\n".join(text for text, _ in paras) + "\n" if paras else ""
