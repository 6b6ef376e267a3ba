"""An optional accelerator (#16): one hyperscan database for many patterns, which rules out at
once the patterns that cannot occur in a text; `regex` confirms every hit, so the results are the
same without it.

Install it with the `fast` extra; without hyperscan, or with CLEANER_PREFILTER=0, every search
takes the plain `regex` path. Hyperscan reads bytes, so the text is scanned with each non-ASCII
character turned into `?` (one byte per character: counted repeats keep their meaning), and the
patterns are loosened to match (`prefilter_syntax`); a pattern it cannot take is left to `regex`.
"""

from __future__ import annotations

import os
import threading
import weakref
from collections.abc import Iterable, Sequence
from functools import cache
from types import ModuleType
from typing import Any

from .prefilter_syntax import Unsupported, translate

# The text as the database reads it: one byte per character, beyond ASCII a `?`.
_ENCODING, _ERRORS = "ascii", "replace"
MEMO_SIZE = 16384  # texts whose hits are kept; all are forgotten at once when it fills


@cache
def _hyperscan() -> ModuleType | None:
    """hyperscan, when it is installed and not switched off."""
    if os.environ.get("CLEANER_PREFILTER", "1") == "0":
        return None
    try:
        import hyperscan
    except ImportError:
        return None
    return hyperscan


def available() -> bool:
    return _hyperscan() is not None


class Prefilter:
    """Which of its patterns (`regex` syntax, matched with `flags`) may occur in a text; one that
    hyperscan cannot take always may. Pattern sets share one (`add`), so a lexicon builds one
    database, when first asked, and a text asked of by several sets is scanned once. Pickled as
    its patterns alone, as a compiled database cannot be."""

    __slots__ = ("__weakref__", "_built", "_database", "_ids", "_local", "_memo", "_rest", "flags")

    def __init__(self, flags: int, patterns: Sequence[str] = ()) -> None:
        self.flags = flags
        self._ids: dict[str, int] = {}
        self._built = False
        self._database: Any = None
        self._rest: frozenset[int] = frozenset()  # the patterns hyperscan cannot take: always hit
        self._local = threading.local()  # hyperscan's scratch space is one thread's
        # The hits of the texts scanned lately: a block is asked of by several sets in turn.
        self._memo: dict[str, frozenset[int]] = {}
        self.add(patterns)
        _MADE.add(self)

    def __reduce__(self) -> tuple[type[Prefilter], tuple[int, tuple[str, ...]]]:
        return Prefilter, (self.flags, tuple(self._ids))

    def add(self, patterns: Iterable[str]) -> frozenset[int]:
        """The ids of `patterns`, added unless already in."""
        if self._built:
            raise RuntimeError("patterns are added before the first scan")
        return frozenset(self._ids.setdefault(p, len(self._ids)) for p in patterns)

    def _build(self) -> None:
        """Compiles the database. Without hyperscan (one unpickled where it is not installed, or
        switched off) every pattern is left to `regex`."""
        hyperscan: Any = _hyperscan()
        taken: dict[int, bytes] = {}
        for pattern, i in self._ids.items() if hyperscan else ():
            try:
                taken[i] = translate(pattern, self.flags).encode("ascii")
            except Unsupported:
                pass
        if taken:
            try:
                self._database = _compile(hyperscan, taken)
            except hyperscan.error:  # find the patterns it refuses, one by one, and leave them out
                taken = {i: p for i, p in taken.items() if _compiles(hyperscan, i, p)}
                self._database = _compile(hyperscan, taken)
        self._rest = frozenset(self._ids.values()) - taken.keys()
        self._built = True

    def hits(self, text: str) -> frozenset[int]:
        """The ids of the patterns that may occur in `text`: none of the others does."""
        hits = self._memo.get(text)
        if hits is not None:
            return hits
        if not self._built:
            self._build()
        found = set(self._rest)
        if self._database is not None:
            local = self._local
            if not hasattr(local, "scratch"):
                local.scratch = _hyperscan().Scratch(self._database)  # type: ignore[union-attr]
            data = text.encode(_ENCODING, _ERRORS)
            on_match = lambda i, *_: found.add(i)
            self._database.scan(data, match_event_handler=on_match, scratch=local.scratch)
        if len(self._memo) >= MEMO_SIZE:
            self._memo.clear()
        hits = self._memo[text] = frozenset(found)
        return hits


_MADE: weakref.WeakSet[Prefilter] = weakref.WeakSet()


def forget() -> None:
    """Empty every prefilter's memo, as `heuristics.forget` does the others before a document."""
    for made in list(_MADE):
        made._memo.clear()


def _flags(hyperscan: Any) -> int:
    # Loosened patterns may match the empty string; PREFILTER lets hyperscan widen further what
    # it cannot match exactly (long bounded repeats), never narrow it.
    return (
        hyperscan.HS_FLAG_SINGLEMATCH | hyperscan.HS_FLAG_ALLOWEMPTY | hyperscan.HS_FLAG_PREFILTER
    )


def _compile(hyperscan: Any, taken: dict[int, bytes]) -> Any:
    database = hyperscan.Database()
    database.compile(
        expressions=list(taken.values()),
        ids=list(taken),
        elements=len(taken),
        flags=_flags(hyperscan),
    )
    return database


def _compiles(hyperscan: Any, i: int, pattern: bytes) -> bool:
    try:
        _compile(hyperscan, {i: pattern})
    except hyperscan.error:
        return False
    return True


def prefilter(flags: int, patterns: Sequence[str] = ()) -> Prefilter | None:
    """A prefilter, or None when hyperscan is absent or switched off."""
    return Prefilter(flags, patterns) if available() else None
