"""Canonical text stage: the kept blocks as the article text under the output contract.

UTF-8, NFC, one paragraph per line, paragraphs separated by one blank line, one final newline.
Block text is already plain (see `inline.plain`) and blocks are whole paragraphs (see
`segment`). Two kept blocks the segmenter would read back as one paragraph (no closing
punctuation, then lower case) are joined here, and markup that spans the two (`*0` and `a*`)
removed, so cleaning the output again changes nothing.
"""

from __future__ import annotations

from collections.abc import Iterable

from .inline import plain
from .model import Block
from .segment import continues


def canonical_paragraphs(blocks: Iterable[Block]) -> list[tuple[str, list[Block]]]:
    """The output's paragraphs, each with the blocks it was made from."""
    paras: list[tuple[str, list[Block]]] = []
    for block in blocks:
        if paras and block.text and continues(paras[-1][0], block.text):  # markup may span the two
            paras[-1] = (plain(f"{paras[-1][0]} {block.text}"), [*paras[-1][1], block])
        elif block.text:
            paras.append((block.text, [block]))
    return paras


def canonical_text(blocks: Iterable[Block]) -> str:
    paras = canonical_paragraphs(blocks)
    return "\n\n".join(text for text, _ in paras) + "\n" if paras else ""
