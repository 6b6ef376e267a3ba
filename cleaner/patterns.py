"""Reading a regex's own text: its atoms, and where its groups open. The pack index reads the
words a signature requires with it, the lexicon splits its patterns at their top-level bars, and
a pack's patterns are weighed by their nested counted repeats before they are compiled."""

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


_COUNT = regex.compile(r"\{(\d*)(?:,(\d*))?\}")
_COUNT_ATOMS = len("{65535,65535}")  # each character of a count is an atom


def repeat_product(pattern: str) -> int:
    """The largest product of counted repeats nested in one another in `pattern`, each `{m,n}`
    by its larger bound: what compiling it multiplies ((?:(?:a{1000}){1000}){1000} gives 10**9)."""
    stack, last = [1], 1  # the largest product inside each open group; the last atom's
    parts = atoms(pattern)
    i = 0
    while i < len(parts):
        atom = parts[i]
        count = _COUNT.match("".join(parts[i : i + _COUNT_ATOMS])) if atom == "{" else None
        if count:
            last *= max(1, int(count[2] or count[1] or 1))
            stack[-1] = max(stack[-1], last)
            i += len(count[0])
            continue
        if opens_group(atom):
            stack.append(1)
        elif atom == ")" and len(stack) > 1:
            last = stack.pop()
            stack[-1] = max(stack[-1], last)
        else:
            last = 1
        i += 1
    return max(stack)
