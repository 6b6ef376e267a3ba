"""Detect stage: which outlet wrote this document.

A known URL decides (given by the caller, or stated by the document itself, as in
"Original url: …"), also when it names no pack's domain. Otherwise each pack's signatures
are scored on the text; links to an outlet's domain add only a little, so an article that
cites or links another outlet is not mistaken for it. A score below the threshold, or a tie,
detects nothing.
"""

from __future__ import annotations

from bisect import bisect_right
from dataclasses import dataclass, field
from functools import cache
from itertools import accumulate
from typing import TYPE_CHECKING, Literal

import regex

from .model import Block
from .packs import Pack, PackSet
from .packs.index import PackIndex
from .packs.schema import Signature
from .packs.apply import Budget, RuleFailed
from .urls import hostname

if TYPE_CHECKING:
    from .html.meta import PageMeta

MIN_SCORE = 3
DOMAIN_LINK_WEIGHT = 1
DETECT_REGEX_BUDGET = 3.0  # seconds every pack's signatures together may spend on one document
_LINK = regex.compile(r"https?://([^/\s>)\]]+)")
_EDGE_SENSITIVE = regex.compile(r"\\[AZzG]|\(\?<?!")  # \A \Z \z \G, negative lookaround


@dataclass(frozen=True)
class OutletMatch:
    pack: Pack
    detected_by: Literal["forced", "url", "site_name", "signature"]
    evidence: list[str] = field(default_factory=list)
    score: int = 0


def _by_url(url: str, index: PackIndex) -> OutletMatch | None:
    host = hostname(url) or ""
    if found := index.by_host(host):
        domain, pack = found
        return OutletMatch(pack, "url", [f"url host {host} is {domain}"])
    return None


@cache
def _page_wide(pattern: regex.Pattern[str]) -> regex.Pattern[str] | None:
    """`pattern` for a search over all blocks at once (`^` and `$` at each block's edges), when
    every match it has in a block is also one there: it has no assertion that reads the string's
    own edges or could refuse the newline between two blocks. None for the others."""
    if _EDGE_SENSITIVE.search(pattern.pattern):
        return None
    return regex.compile(pattern.pattern, pattern.flags | regex.MULTILINE)


class _Page:
    """The blocks' texts joined by newlines: one search over the page tells that no block has a
    signature, or where the first one that may have it is, which saves a call per block."""

    def __init__(self, blocks: list[Block]) -> None:
        self.blocks = blocks
        self.text = "\n".join(b.text for b in blocks)
        self.starts = list(accumulate((len(b.text) + 1 for b in blocks), initial=0))

    def first_hit(self, pattern: regex.Pattern[str], budget: Budget) -> Block | None:
        in_block = budget.timed(pattern)
        wide = _page_wide(pattern)
        if wide is None:
            return next((block for block in self.blocks if in_block.found(block.text)), None)
        page, pos = in_block.sharing(wide), 0  # one time limit for the signature on this document
        while match := page.search(self.text, pos):
            k = bisect_right(self.starts, match.start()) - 1
            if in_block.found(self.blocks[k].text):  # the joined text can match across blocks
                return self.blocks[k]
            pos = self.starts[k + 1]
        return None


def _score(
    pack: Pack, signatures: list[Signature], page: _Page, warnings: list[str], budget: Budget
) -> tuple[int, list[str]]:
    score, evidence = 0, []
    for signature in signatures:
        try:
            block = page.first_hit(signature.pattern, budget)
        except RuleFailed as err:
            warnings.append(f"a detect signature of pack {pack.id} skipped: {err}")
            continue
        if block is not None:
            score += signature.weight
            evidence.append(
                f"signature '{signature.pattern.pattern}' at line {block.start} (+{signature.weight})"
            )
    return score, evidence


def detect(
    blocks: list[Block],
    packs: PackSet,
    url: str | None,
    warnings: list[str] | None = None,
    index: PackIndex | None = None,
) -> OutletMatch | None:
    """The outlet that wrote `blocks`, if one is clear. Only the signatures whose required words
    the document has are searched (see `packs.index`); a signature that times out scores
    nothing and is named in `warnings` (the document's, when the caller passes them), and
    all of them share DETECT_REGEX_BUDGET on the document, however many packs there are."""
    index = index or PackIndex(list(packs))
    if url and hostname(url):  # a known URL decides, also when no pack has its host
        return _by_url(url, index)
    warnings = [] if warnings is None else warnings
    linked: dict[str, str] = {}
    for host in sorted({name.lower() for name in _LINK.findall("\n".join(b.raw for b in blocks))}):
        if found := index.by_host(host):
            linked.setdefault(found[1].id, host)
    scored, page = [], _Page(blocks)
    budget = Budget(DETECT_REGEX_BUDGET, "the signatures'")  # ten hostile packs took 32 s
    for pack, signatures in index.candidates(index.words_in(page.text)):
        score, evidence = _score(pack, signatures, page, warnings, budget)
        if pack.id in linked:
            score += DOMAIN_LINK_WEIGHT
            evidence.append(f"links to {linked[pack.id]} (+{DOMAIN_LINK_WEIGHT})")
        scored.append((score, evidence, pack))
    scored.sort(key=lambda s: s[0], reverse=True)
    if not scored or scored[0][0] < MIN_SCORE:
        return None
    if len(scored) > 1 and scored[1][0] == scored[0][0]:
        return None
    score, evidence, pack = scored[0]
    return OutletMatch(pack, "signature", evidence, score)


def detect_page(
    meta: PageMeta, packs: PackSet, url: str | None, index: PackIndex | None = None
) -> OutletMatch | None:
    """An HTML page's outlet from its URL (the caller's, else its canonical one), or from the
    site name it declares (`og:site_name`) when that is a pack's name."""
    index = index or PackIndex(list(packs))
    for candidate in (url, meta.url):
        if candidate and (match := _by_url(candidate, index)):
            return match
    if meta.site_name:
        for pack in packs:
            if pack.name.casefold() == meta.site_name.casefold():
                return OutletMatch(
                    pack, "site_name", [f"site name {meta.site_name!r} is {pack.name}"]
                )
    return None
