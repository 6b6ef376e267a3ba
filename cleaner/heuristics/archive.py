"""A web archive's capture banner, printed above an archived page by the archive, not the site.

The Wayback Machine's banner reads, one line each: "12 captures", "16 Mar 2009 - 05 Oct 2016",
"About this capture", "COLLECTED BY", then labels ("Organization: Alexa Crawls", "Collection:
…", "from Wikipedia:"), each with at most one line describing it ("Starting in 1996, Alexa
Internet has been donating their crawl data …"), and "TIMESTAMPS". The descriptions read as
prose, so the banner, left in, opens the article: its head is looked for above it and its
label taken for the headline. Only the banner's own labels anchor it, which no article prints
in this order.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence

import regex

from ..lexicon import Lexicon
from ..model import Block
from .base import Heuristic

ABOVE_REACH = 2  # lines between "About this capture" and "COLLECTED BY"
_ABOUT = regex.compile(r"about this capture", regex.IGNORECASE)
_COLLECTED = regex.compile(r"collected by", regex.IGNORECASE)
_COUNT = regex.compile(r"\d[\d,]* captures?|\d{1,2} \w{3} \d{4} - \d{1,2} \w{3} \d{4}")
_LABEL = regex.compile(r"(organization|collection|from wikipedia)\s*:.*", regex.IGNORECASE)
_END = regex.compile(r"timestamps", regex.IGNORECASE)


def find_archive_banner(blocks: Sequence[Block], lex: Lexicon) -> Iterator[Block]:
    for i, block in enumerate(blocks):
        if not _COLLECTED.fullmatch(block.text):
            continue
        about = next(
            (
                j
                for j in range(i - 1, max(-1, i - 1 - ABOVE_REACH), -1)
                if _ABOUT.fullmatch(blocks[j].text)
            ),
            None,
        )
        if about is None:
            continue
        start = about
        while start > 0 and _COUNT.fullmatch(blocks[start - 1].text):
            start -= 1
        yield from blocks[start : i + 1]
        yield from _labels(blocks, i + 1)
        return


def _labels(blocks: Sequence[Block], index: int) -> Iterator[Block]:
    """The banner's labels from `index` on, each with the one line describing it, and the
    "TIMESTAMPS" line that may end them."""
    described = True
    while index < len(blocks):
        text = blocks[index].text
        if _LABEL.fullmatch(text):
            described = False
        elif _END.fullmatch(text):
            yield blocks[index]
            return
        elif described:
            return
        else:
            described = True
        yield blocks[index]
        index += 1


ARCHIVE_BANNER = Heuristic("generic.archive-banner", "header", find_archive_banner)
