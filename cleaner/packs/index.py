"""Which packs a document could belong to, found without running every pack's regexes.

With a thousand packs, searching each signature in each block would cost more than cleaning.
Each signature's required words are read off its pattern, conservatively: letters and digits
outside any group, bounded on both sides, not followed by a quantifier, in a pattern without
alternation. A signature is searched only when the document contains all of its required words;
one without any is always searched. Domains are looked up by host suffix in one dict.

The document's words are found cheaply rather than exactly: a word found only inside a longer
one ("caf" in "café") lets its signatures be searched, and the search decides. With few
distinct required words (a handful of packs) each is looked up in the page; with many, the
page's UTF-8 bytes are split into ASCII words in one pass, and packs are reached through the
words they need, so a thousand packs cost little more than five.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Set

import regex

from ..patterns import atoms, opens_group
from .schema import Pack, Signature

MIN_WORD = 3
# Up to this many distinct required words, a substring test each beats tokenising a 16 KB page.
MAX_LOOKUP_WORDS = 32
_WORD_CHAR = regex.compile(r"[^\W_]")
# ASCII letters and digits stay, every other byte (punctuation, and each byte of a character
# beyond ASCII) becomes a space: splitting the result gives every ASCII word of a UTF-8 text.
_ASCII_WORD_BYTES = bytes(b if b < 0x80 and chr(b).isalnum() else 0x20 for b in range(256))
# Atoms that end a word in every text they match.
_BOUNDARY_ESCAPES = frozenset(
    {r"\s", r"\b", r"\n", r"\t"} | {"\\" + c for c in ".,:;!?'\"-/()[]{}#@&*+"}
)
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
    parts: list[str | None] = [None, *atoms(pattern), None]
    if "|" in parts:
        return frozenset()
    words: set[str] = set()
    depth, start = 0, None
    for i in range(1, len(parts)):
        atom = parts[i]
        if atom is not None and opens_group(atom):
            depth += 1
        elif atom == ")":
            depth -= 1
        letter = atom is not None and len(atom) == 1 and _WORD_CHAR.match(atom) is not None
        if letter and depth == 0:
            start = i if start is None else start
            continue
        if start is not None:
            word = "".join(parts[start:i])  # type: ignore[arg-type]
            followed = atom is not None and atom.startswith(_QUANTIFIERS)
            if (
                len(word) >= MIN_WORD
                and not followed
                and _is_boundary(parts[start - 1])
                and _is_boundary(atom)
            ):
                words.add(word.lower())
            start = None
    return frozenset(words)


class PackIndex:
    """Signatures by what they need, packs by the rarest word they need, domains by host suffix."""

    def __init__(self, packs: list[Pack]) -> None:
        self.packs = packs
        self.needs = {
            pack.id: tuple(required_words(s.pattern.pattern) for s in pack.detect) for pack in packs
        }
        self.domains = {domain: pack for pack in packs for domain in pack.domains}
        self._labels = max((domain.count(".") + 1 for domain in self.domains), default=0)
        needed_by = Counter(
            word for needs in self.needs.values() for need in needs for word in need
        )
        self.vocabulary = frozenset(needed_by)
        self._by_word: dict[
            str, set[int]
        ] = {}  # a signature's rarest word -> positions of its packs
        self._unconditional: set[int] = set()  # packs with a signature that needs no word
        for position, pack in enumerate(packs):
            for need in self.needs[pack.id]:
                if need:
                    self._by_word.setdefault(min(need, key=lambda w: (needed_by[w], w)), set()).add(
                        position
                    )
                else:
                    self._unconditional.add(position)
        self._ascii = {w.encode("ascii"): w for w in self.vocabulary if w.isascii()}
        self._other = tuple(w for w in self.vocabulary if not w.isascii())

    def words_in(self, text: str) -> set[str]:
        """The required words `text` contains, and perhaps a few it has only inside longer words."""
        page = text.lower()
        if len(self.vocabulary) <= MAX_LOOKUP_WORDS:
            return {word for word in self.vocabulary if word in page}
        words = set(page.encode("utf-8", "surrogatepass").translate(_ASCII_WORD_BYTES).split())
        return {self._ascii[w] for w in words.intersection(self._ascii)} | {
            w for w in self._other if w in page
        }

    def candidates(self, words: Set[str]) -> list[tuple[Pack, list[Signature]]]:
        """Each pack with the signatures the document's words do not rule out, in load order."""
        found = []
        for position in sorted(
            self._unconditional.union(*(self._by_word[w] for w in words if w in self._by_word))
        ):
            pack = self.packs[position]
            signatures = [s for s, need in zip(pack.detect, self.needs[pack.id]) if need <= words]
            if signatures:
                found.append((pack, signatures))
        return found

    def by_host(self, host: str) -> tuple[str, Pack] | None:
        """The pack whose domain is `host` or a parent of it, with that domain. Only as many of
        the host's last labels as the longest domain has are tried: a host of 100,000 labels
        costs no more than a short one."""
        parts = host.lower().split(":")[0].split(".")
        for i in range(max(0, len(parts) - self._labels), len(parts) - 1):
            domain = ".".join(parts[i:])
            if domain in self.domains:
                return domain, self.domains[domain]
        return None
