"""A live blog's entries, as the page's own JSON-LD states them.

A live blog's page holds its entries as sibling elements, each with its time, title, paragraphs
and share bar; readability-lxml takes one of them for the article, and the route selector,
fitted on pages of one article each, preferred it (blind set 8: page F1 0.25 and 0.42). A page
that says it is a schema.org `LiveBlogPosting` lists its entries in `liveBlogUpdate`, each with
its `headline` and `articleBody`. When MIN_UPDATES or more state a body, the page's blocks whose
text stands in those bodies (at least MIN_BLOCK_CHARS long, so a stray "Share" or a time is not
taken) or is an entry's headline are the article, in page order, unless the chosen route's text
already holds as many words. The JSON-LD's own text is only the evidence: it lacks the page's
paragraph breaks and may be cut short.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from ..inline import normalize_space, stated_text
from .blocks import DomBlock, row_lines
from .jsonld import article_record, listed, types_of

MIN_UPDATES = 3
MIN_BLOCK_CHARS = 20
# Each block is looked for in the bodies' text: past this many block-characters of search, a
# page of thousands of blocks and megabytes of JSON-LD is left to the routes (about 0.5 s).
MAX_SEARCH = 500_000_000


def live_updates(objects: list[dict[str, Any]]) -> list[tuple[str, str]]:
    """(headline, body) of each update a `LiveBlogPosting` lists; none when fewer than
    MIN_UPDATES state a body."""
    record = article_record(objects)
    if record is None or "liveblogposting" not in types_of(record):
        return []
    updates = [
        (stated_text(update.get("headline")) or "", stated_text(update.get("articleBody")) or "")
        for update in listed(record.get("liveBlogUpdate"))
        if isinstance(update, dict)
    ]
    stated = [(headline, body) for headline, body in updates if body]
    return stated if len(stated) >= MIN_UPDATES else []


def entry_lines(blocks: Sequence[DomBlock], updates: Sequence[tuple[str, str]]) -> list[str]:
    """The lines of the blocks that state the updates, in page order (none past MAX_SEARCH)."""
    bodies = " ".join(body for _, body in updates)
    if len(bodies) * len(blocks) > MAX_SEARCH:
        return []
    headlines = {headline for headline, _ in updates if headline}
    mask = []
    for block in blocks:
        text = normalize_space(block.text)
        mask.append((len(text) >= MIN_BLOCK_CHARS and text in bodies) or text in headlines)
    return row_lines(blocks, mask)
