"""What names a drafted pack's outlet: the lines that detect it and the domains it links to."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import TYPE_CHECKING

import regex

if TYPE_CHECKING:  # suggest imports this module
    from .suggest import Seen

SIGNATURE_MAX_CHARS = 80  # detection signatures are short, whole lines
MAX_SIGNATURES = 3
NAME_WORD_MIN_CHARS = 4  # shorter words of an outlet's name ("the", "news") name nothing
_URL_HOST = regex.compile(r"https?://(?:www\.)?([a-z0-9.-]+\.[a-z]{2,})", regex.IGNORECASE)
_NOT_ALNUM = regex.compile(r"[^\p{L}\p{N}]+")


def squash(text: str) -> str:
    """Letters and digits only, case-folded: `The Globe and Mail` -> `theglobeandmail`."""
    return _NOT_ALNUM.sub("", text.casefold())


def signatures(seen: Iterable[Seen], names: Sequence[str]) -> list[Seen]:
    """Short lines seen across samples, never a link to another story (a "Most read" list
    changes by the hour): the most widely seen first (a line some pages lack, a banner or a
    photographer's credit, may be missing from the next), then those naming the outlet (the most
    words of its id, name or domain), then those no generic rule removes (a metered banner is
    missing from free stories), then the longest."""
    keys = {
        squash(w)
        for n in names
        for w in regex.split(r"[\s.-]+", n)
        if len(squash(w)) >= NAME_WORD_MIN_CHARS
    }
    candidates = [
        s
        for s in seen
        if s.across and not s.link and len(s.text) <= SIGNATURE_MAX_CHARS and squash(s.text)
    ]

    def rank(s: Seen) -> tuple[int, int, bool, int]:
        named = sum(k in squash(s.text) for k in keys)
        return len(s.samples), named, not s.generic, len(s.text.split())

    return sorted(candidates, key=rank, reverse=True)[:MAX_SIGNATURES]


def domains(texts: list[str], outlet: str) -> list[str]:
    """Hosts linked in the samples whose name contains the outlet id."""
    hosts = {m.group(1).lower() for text in texts for m in _URL_HOST.finditer(text)}
    return sorted(h for h in hosts if squash(outlet) in squash(h))
