"""Where a draft's header cut ends and its footer cut begins, agreed across samples.

Each sample has an edge: for the header, the block just above the article's head; for the
footer, the block just below the article's last paragraph (both as the generic layer reads the
sample). The cut is anchored on that edge when every sample's edge is the same line (numbers
aside), or when all start alike (`Home › News › Politics`, `Home › Culture`: `Home › `), since
what varies between pages (a section name, a topic list) sits deeper in the line. Otherwise it
is anchored on a recurring block on the furniture's side of the edge: the one most samples print
(a banner on paid stories only is a poor anchor), of those the nearest the edge.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass

import regex

TOKENS = regex.compile(r"\d+|\w+|\W+")  # numbers, words and what stands between them


@dataclass
class Cut:
    """A cut's anchor: a block it matches, the prefix all anchors share (empty when they are one
    line), and the anchor's index in each sample (-1 where the cut finds nothing)."""

    text: str
    prefix: str
    places: list[int]


def common_prefix(texts: Sequence[str]) -> str:
    """What every text starts with, down to its first separator (`Home › ` of `Home › News ›
    Sport` and `Home › Culture`): deeper items vary from page to page. Empty when they share no
    words followed by punctuation and a space."""
    prefix = ""
    for column in zip(*(TOKENS.findall(t) for t in texts)):
        if len(set(column)) > 1:
            return ""
        if not column[0].strip() or column[0].isalnum():
            prefix += column[0]
        elif any(c.isalpha() for c in prefix) and column[0][-1].isspace():
            return prefix + column[0]
        else:
            return ""
    return ""


def find_cut(
    documents: Sequence[Sequence[str]],
    edges: Sequence[int | None],
    searches: Sequence[Sequence[int]],
    key: Callable[[str], str],
    recurring: Callable[[str], bool],
    steady: Callable[[str], bool],
) -> Cut | None:
    """The anchor of one cut. `edges`: each sample's edge block (None: the sample has none);
    `searches`: where to look for a recurring block in each sample, nearest the edge first;
    `key`: what makes two lines one (their shape); `recurring`: a line seen across samples;
    `steady`: a line no banner rule removes (a sign-in prompt comes and goes with its banner),
    preferred as an anchor among lines printed by as many samples."""
    present = [documents[n][e] for n, e in enumerate(edges) if e is not None]
    if not present:
        return None
    places = [-1 if e is None else e for e in edges]
    if len({key(t) for t in present}) == 1 and recurring(present[0]):
        return Cut(present[0], "", places)
    prefix = common_prefix(present) if len(present) == len(documents) else ""
    if prefix:
        return Cut(present[0], prefix, places)
    ranks: dict[str, list[int]] = {}  # each recurring line's distance from the edge, by sample
    for blocks, search in zip(documents, searches):
        found: dict[str, int] = {}
        for distance, i in enumerate(search):
            if recurring(blocks[i]):
                found.setdefault(key(blocks[i]), distance)
        for line, distance in found.items():
            ranks.setdefault(line, []).append(distance)
    if not ranks:
        return None
    chosen = min(ranks, key=lambda line: (-len(ranks[line]), not steady(line), sum(ranks[line])))
    places = [
        next((i for i in search if key(blocks[i]) == chosen), -1)
        for blocks, search in zip(documents, searches)
    ]
    text = next(blocks[i] for blocks, i in zip(documents, places) if i >= 0)
    return Cut(text, "", places)
