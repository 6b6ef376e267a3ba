"""Which packs a document could belong to, found without running every pack's regexes.

With a thousand packs, searching each signature in each block would cost more than cleaning.
Each signature's required words are read off its pattern, conservatively: letters and digits
outside any group, bounded on both sides, not followed by a quantifier, in a pattern without
alternation. A signature is searched only when the document contains all of its required words;
one without any is always searched. Domains are looked up by host suffix in one dict.

With few distinct required words (a handful of packs), looking each one up in the page is
cheaper than splitting the page into words; a word found inside a longer one then lets its
signatures be searched, and the search decides.
"""

from __future__ import annotations

from collections.abc import Set
from dataclasses import dataclass, field

import re

import regex

from .schema import Pack, Signature

MIN_WORD = 3
# Up to this many distinct required words, a substring test each beats tokenising a 16 KB page.
MAX_LOOKUP_WORDS = 32
_ATOM = regex.compile(r"\\.|\[(?:\\.|[^\]])*\]|\(\?[a-zA-Z]*\)|\(\?[:=!]|\(\?<[=!]|\(|.", regex.DOTALL)
_WORD_CHAR = regex.compile(r"[^\W_]")
_DOC_WORD = re.compile(r"[^\W_]+")  # the standard module: a plain class over a whole page
# Atoms that end a word in every text they match.
_BOUNDARY_ESCAPES = frozenset({r"\s", r"\b", r"\n", r"\t"} | {"\\" + c for c in ".,:;!?'\"-/()[]{}#@&*+"})
_QUANTIFIERS = ("?", "*", "{")


def _is_boundary(atom: str | None) -> bool:
    """Whether `atom` ends a word wherever it matches; the pattern's own start or end does not
    (an unanchored `Bloomberg` also matches inside `BloombergQuint`)."""
    if atom is None:
        return False
    if atom in ("^", "$") or atom in _BOUNDARY_ESCAPES:
        return True
    return len(atom) == 1 and not _WORD_CHAR.match(atom) and atom not in ".()|[]\\"


def required_words(pattern: str) -> frozenset[str]:
    """Lower-case words every match of `pattern` contains (none when it cannot tell)."""
    atoms: list[str | None] = [None, *_ATOM.findall(pattern), None]
    if "|" in atoms:
        return frozenset()
    words: set[str] = set()
    depth, start = 0, None
    for i in range(1, len(atoms)):
        atom = atoms[i]
        if atom is not None and atom.startswith("(") and atom[-1:] != ")":
            depth += 1
        elif atom == ")":
            depth -= 1
        letter = atom is not None and len(atom) == 1 and _WORD_CHAR.match(atom) is not None
        if letter and depth == 0:
            start = i if start is None else start
            continue
        if start is not None:
            word = "".join(atoms[start:i])  # type: ignore[arg-type]
            followed = atom is not None and atom.startswith(_QUANTIFIERS)
            if len(word) >= MIN_WORD and not followed and _is_boundary(atoms[start - 1]) and _is_boundary(atom):
                words.add(word.lower())
            start = None
    return frozenset(words)


@dataclass
class PackIndex:
    """Signatures by what they need, domains by host suffix."""

    packs: list[Pack]
    needs: dict[str, tuple[frozenset[str], ...]] = field(default_factory=dict)  # pack id -> per signature
    domains: dict[str, Pack] = field(default_factory=dict)
    vocabulary: frozenset[str] = frozenset()  # every required word

    def __post_init__(self) -> None:
        for pack in self.packs:
            self.needs[pack.id] = tuple(required_words(s.pattern.pattern) for s in pack.detect)
            for domain in pack.domains:
                self.domains[domain] = pack
        self.vocabulary = frozenset().union(*(need for needs in self.needs.values() for need in needs))

    def words_in(self, text: str) -> frozenset[str]:
        """The required words `text` contains (or, with a small vocabulary, contains as a substring)."""
        page = text.lower()
        if len(self.vocabulary) <= MAX_LOOKUP_WORDS:
            return frozenset(word for word in self.vocabulary if word in page)
        return self.vocabulary.intersection(_DOC_WORD.findall(page))

    def candidates(self, words: Set[str]) -> list[tuple[Pack, list[Signature]]]:
        """Each pack with the signatures the document's words do not rule out."""
        found = []
        for pack in self.packs:
            signatures = [s for s, need in zip(pack.detect, self.needs[pack.id]) if need <= words]
            if signatures:
                found.append((pack, signatures))
        return found

    def by_host(self, host: str) -> tuple[str, Pack] | None:
        """The pack whose domain is `host` or a parent of it, with that domain."""
        parts = host.lower().split(":")[0].split(".")
        for i in range(len(parts) - 1):
            domain = ".".join(parts[i:])
            if domain in self.domains:
                return domain, self.domains[domain]
        return None
