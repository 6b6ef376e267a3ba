"""Canonical text stage: the kept blocks as the article text under the output contract.

UTF-8, NFC, one paragraph per line, paragraphs separated by one blank line, one final newline.
Block text is already plain (see `inline.plain`); here a paragraph that a stray blank line cut
in two is joined again.
"""

from __future__ import annotations

from collections.abc import Iterable

from .model import Block

# A paragraph ending in one of these is complete; otherwise a lower-case next block continues it.
CLOSING = tuple(".!?…:;\"'”’)]»")


def paragraphs(blocks: Iterable[Block]) -> list[str]:
    result: list[str] = []
    for block in blocks:
        text = block.text
        if not text:
            continue
        if result and not result[-1].endswith(CLOSING) and text[0].islower():
            result[-1] = f"{result[-1]} {text}"
        else:
            result.append(text)
    return result


def canonical_text(blocks: Iterable[Block]) -> str:
    paras = paragraphs(blocks)
    return "\n\n".join(paras) + "\n" if paras else ""
