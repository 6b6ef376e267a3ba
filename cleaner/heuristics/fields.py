"""The page's own URL stated in the text ("Original url: <…>"): it moves to the metadata."""

from __future__ import annotations

from collections.abc import Iterator, Sequence

import regex

from ..model import Block
from ..lexicon import Lexicon
from .base import Heuristic

_URL = regex.compile(r"<?(?P<url>https?://[^\s>]+)>?")


def url_statements(blocks: Sequence[Block], lex: Lexicon) -> Iterator[tuple[Block | None, Block]]:
    """(label block or None, block holding the URL) for each statement of the page's own URL."""
    for i, block in enumerate(blocks):
        below = blocks[i + 1] if i + 1 < len(blocks) else None
        if "://" in block.text:  # "Original url: https://…" on one line
            label, _, rest = block.text.partition(":")
            if lex.self_url_label.match(label + ":") and _URL.fullmatch(rest.strip()):
                yield None, block
        elif (
            below is not None and "://" in below.text and below.mark is None
        ):  # the label, then the URL
            _, _, rest = block.text.partition(":")
            if (
                not rest.strip()
                and lex.self_url_label.match(block.text)
                and _URL.fullmatch(below.text)
            ):
                yield block, below


def find_self_url(blocks: Sequence[Block], lex: Lexicon) -> Iterator[Block]:
    return (url for _, url in url_statements(blocks, lex))


def find_self_url_label(blocks: Sequence[Block], lex: Lexicon) -> Iterator[Block]:
    return (label for label, _ in url_statements(blocks, lex) if label is not None)


def url_in(text: str) -> str | None:
    m = _URL.search(text)
    return m["url"] if m else None


def stated_url(blocks: Sequence[Block], lex: Lexicon) -> str | None:
    """The page's own URL when the document states it ("Original url: https://…")."""
    for _, block in url_statements(blocks, lex):
        return url_in(block.text)
    return None


SELF_URL_LABEL = Heuristic("generic.self-url-label", "url", find_self_url_label)
SELF_URL = Heuristic("generic.self-url", "url", find_self_url, field="url")
