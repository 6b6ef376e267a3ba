"""Canonical text stage: the kept blocks as the article text under the output contract.

UTF-8, NFC, one paragraph per line, paragraphs separated by one blank line, one final newline.
Block text is already plain (see `inline.plain`) and a block is already a whole paragraph
(see `segment`), so this stage only lays the kept blocks out.
"""

from __future__ import annotations

from collections.abc import Iterable

from .model import Block


def canonical_text(blocks: Iterable[Block]) -> str:
    paras = [block.text for block in blocks if block.text]
    return "\n\n".join(paras) + "\n" if paras else ""
