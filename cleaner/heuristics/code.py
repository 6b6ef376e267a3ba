"""Inline JavaScript, CSS and JSON text that a scraper dumped along with the article."""

from __future__ import annotations

from collections.abc import Iterator, Sequence

import regex

from ..model import Block
from .base import Heuristic, Lexicon, kept

# Characters rare in prose and common in code; a block needs this share of them plus signals.
CODE_SYMBOLS = frozenset("{}[]();=<>|&$\\")
MIN_SYMBOL_SHARE = 0.03
MIN_SIGNALS = 2  # with fewer symbols, this many distinct signals still make it code

_SIGNALS = tuple(
    regex.compile(p)
    for p in (
        r"\bfunction\s*[\w$]*\s*\(",
        r"\b(?:var|let|const)\s+[\w$]+\s*=",
        r"\b(?:window|document|console|JSON|Math)\.\w+",
        r"=>\s*[{(\w]",
        r"[;{}]\s*(?:if|for|while|return|try)\b",
        r"\w\(\s*\)\s*[;{]",
        r"[\w\]'\"]\s*\)\s*;",
        r"(?:^|[}\s])[.#]?[\w-]+(?:\s*[,>]\s*[.#]?[\w-]+)*\s*\{\s*[\w-]+\s*:[^}]*\}",
        r"@(?:media|font-face|import|keyframes)\b",
        r"^\s*[{\[]\s*\"[\w@$-]+\"\s*:",
        r"\"@(?:context|type)\"\s*:",
        r"<\/?(?:script|style|div|span|iframe)\b",
        r"\b(?:googletag|dataLayer|gtag|fbq|_gaq)\b",
    )
)


_BRACKETS_ONLY = regex.compile(r"^[\s{}()\[\];,]+$")  # the closing "});" of a script split over lines
_JSON = regex.compile(r"^\s*[\[{].*[\]}]\s*$", regex.DOTALL)
JSON_MIN_KEYS = 3


def looks_like_code(text: str) -> bool:
    if CODE_SYMBOLS.isdisjoint(text):  # every signal needs one of them; most prose has none
        return False
    if _BRACKETS_ONLY.match(text) or (_JSON.match(text) and text.count('":') >= JSON_MIN_KEYS):
        return True
    signals = sum(1 for s in _SIGNALS if s.search(text))
    if signals == 0:
        return False
    symbols = sum(1 for c in text if c in CODE_SYMBOLS)
    return signals >= MIN_SIGNALS or symbols >= MIN_SYMBOL_SHARE * len(text)


def find_code(blocks: Sequence[Block], lex: Lexicon) -> Iterator[Block]:
    return (b for b in kept(blocks) if looks_like_code(b.raw) or looks_like_code(b.text))


SCRIPT = Heuristic("generic.script", "script", find_code)
