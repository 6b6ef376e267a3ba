"""Detect stage: which outlet wrote this document.

A known URL decides (given by the caller, or stated by the document itself, as in
"Original url: …"). Otherwise each pack's signatures are scored on the text; links to an
outlet's domain add only a little, so an article that cites or links another outlet is not
mistaken for it. A score below the threshold, or a tie, detects nothing.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Literal
from urllib.parse import urlsplit

import regex

from .model import Block
from .packs import Pack, PackSet

MIN_SCORE = 3
DOMAIN_LINK_WEIGHT = 1
_LINK = regex.compile(r"https?://([^/\s>)\]]+)")


@dataclass(frozen=True)
class OutletMatch:
    pack: Pack
    detected_by: Literal["forced", "url", "signature"]
    evidence: list[str] = field(default_factory=list)
    score: int = 0


def host_matches(host: str, domain: str) -> bool:
    host = host.lower().split(":")[0]
    return host == domain or host.endswith("." + domain)


def _by_url(url: str, packs: PackSet) -> OutletMatch | None:
    host = urlsplit(url).hostname or ""
    for pack in packs:
        for domain in pack.domains:
            if host_matches(host, domain):
                return OutletMatch(pack, "url", [f"url host {host} is {domain}"])
    return None


def _score(pack: Pack, blocks: list[Block], hosts: set[str]) -> tuple[int, list[str]]:
    score, evidence = 0, []
    for signature in pack.detect:
        for block in blocks:
            if signature.pattern.search(block.text):
                score += signature.weight
                evidence.append(f"signature {signature.pattern.pattern!r} at line {block.start} (+{signature.weight})")
                break
    linked = sorted(h for h in hosts if any(host_matches(h, d) for d in pack.domains))
    if linked:
        score += DOMAIN_LINK_WEIGHT
        evidence.append(f"links to {linked[0]} (+{DOMAIN_LINK_WEIGHT})")
    return score, evidence


def detect(blocks: list[Block], packs: PackSet, url: str | None) -> OutletMatch | None:
    if url and (match := _by_url(url, packs)):
        return match
    hosts = {m.group(1).lower() for b in blocks for m in _LINK.finditer(b.raw)}
    scored = sorted(((*_score(p, blocks, hosts), p) for p in packs), key=lambda s: s[0], reverse=True)
    if not scored or scored[0][0] < MIN_SCORE:
        return None
    if len(scored) > 1 and scored[1][0] == scored[0][0]:
        return None
    score, evidence, pack = scored[0]
    return OutletMatch(pack, "signature", evidence, score)
