"""Reading a regex's own text: its atoms, and where its groups open. The pack index reads the
words a signature requires with it, and the lexicon splits its patterns at their top-level bars."""

from __future__ import annotations

import regex

# One atom: an escape, a character class (a `]` first and POSIX classes inside it too), an inline
# flag group, a group's opening, or a single character. The atoms of a pattern join back into it.
_ATOM = regex.compile(
    r"\\.|\[\^?\]?(?:\[:\^?\w+:\]|\\.|[^\]])*\]|\(\?[a-zA-Z-]*\)|\(\?[:=!]|\(\?<[=!]|\(|.",
    regex.DOTALL,
)


def atoms(pattern: str) -> list[str]:
    return _ATOM.findall(pattern)


def opens_group(atom: str) -> bool:
    """Whether `atom` opens a group (an inline flag group such as `(?i)` opens none)."""
    return atom.startswith("(") and not atom.endswith(")")
