"""Canonical text stage: the kept blocks as the article text under the output contract.

UTF-8, NFC, one paragraph per line, paragraphs separated by one blank line, one final newline.
Block text is already plain (see `inline.plain`) and blocks are whole paragraphs (see
`segment`). Two kept blocks the segmenter would read back as one paragraph (no closing
punctuation, then lower case) are joined here, and markup that spans the two (`*0` and `a*`)
removed, so cleaning the output again changes nothing.
"""

from __future__ import annotations

from collections.abc import Iterable

from .inline import has_markup, plain
from .model import Block
from .segment import continues

# Joining stays linear in a paragraph's length: past twice this many characters, only the
# paragraph's last JOIN_WINDOW to 2 * JOIN_WINDOW characters are cleaned again with each block
# joined to it, where markup spanning the join starts (an emphasis span is at most 300
# characters). Paragraphs shorter than that, all real ones, are cleaned whole as before.
JOIN_WINDOW = 1024


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

    def join(self, block: Block) -> None:
        self.blocks.append(block)
        joined = f"{self.tail} {block.text}"  # two plain texts without markup join as they are
        if self.markup or has_markup(block.text):
            joined = plain(joined)
            self.markup = has_markup(joined)
        self.tail = joined
        if len(joined) > 2 * JOIN_WINDOW and (cut := joined.find(" ", len(joined) - JOIN_WINDOW)) > 0:
            self.done.append(joined[:cut])
            self.tail = joined[cut + 1 :]
            self.markup = has_markup(self.tail)

    def text(self) -> str:
        return " ".join([*self.done, self.tail] if self.tail else self.done)


def canonical_paragraphs(blocks: Iterable[Block]) -> list[tuple[str, list[Block]]]:
    """The output's paragraphs, each with the blocks it was made from."""
    paras: list[_Paragraph] = []
    for block in blocks:
        if paras and block.text and continues(paras[-1].last(), block.text):  # markup may span the two
            paras[-1].join(block)
        elif block.text:
            paras.append(_Paragraph(block))
    return [(text, para.blocks) for para in paras if (text := para.text())]


def canonical_text(blocks: Iterable[Block]) -> str:
    paras = canonical_paragraphs(blocks)
    return "\n\n".join(text for text, _ in paras) + "\n" if paras else ""
