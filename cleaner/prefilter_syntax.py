"""A `regex` pattern loosened into hyperscan's byte syntax, for the prefilter (#16): whatever the
pattern matches in a text, the loosened one matches in the text's bytes as the prefilter scans
them (each non-ASCII character a `?`), so a text it rules out is one `regex` would have too.

Each single-character atom becomes the class of the ASCII characters `regex` itself lets it match
with the same flags (case folding included, so no hyperscan flag has to agree with `regex`), plus
`?` when it may match a character beyond ASCII. Zero-width assertions other than the ends are
dropped: word boundaries next to a `?` would not be those of the text. Groups lose their names
and captures, repeats their laziness, a case-sensitive part of a caseless pattern its case.
What is left (backreferences, other inline flags, conditionals) raises Unsupported, and the
pattern stays with `regex` alone.
"""

from __future__ import annotations

from functools import cache

import numpy as np
import regex

# The pieces of a pattern: a class (as `patterns._ATOM` reads one), an escape, a group's opening,
# a repeat with its lazy or possessive mark, or a single character.
_TOKEN = regex.compile(
    r"(?P<cls>\[\^?\]?(?:\[:\^?\w+:\]|\\.|[^\]])*\])"
    r"|(?P<esc>\\(?:[pP](?:\{[^}]*\}|[A-Za-z])|x(?:\{[0-9a-fA-F]+\}|[0-9a-fA-F]{2})"
    r"|u[0-9a-fA-F]{4}|U[0-9a-fA-F]{8}|N\{[^}]*\}|.))"
    r"|(?P<open>\((?:\?(?:P?<(?![=!])\w+>|[:>|]|<?[=!]|-i:|[^)]?))?)"
    r"|(?P<rep>(?:[*+?]|\{\d+(?:,\d*)?\}|\{,\d+\})[?+]?)"
    r"|(?P<char>.)",
    regex.DOTALL,
)
# Escapes that assert rather than match: dropped, or the ends they stand for.
_ASSERTIONS = {r"\b": "", r"\B": "", r"\m": "", r"\M": "", r"\A": "^", r"\Z": "$"}
# Escapes of one character that `regex` reads as a class or a code point; other letters and
# digits after a backslash (backreferences, \X, \G, \K …) are Unsupported.
_CHAR_ESCAPE = regex.compile(r"\\(?:[dDwWsStnrfvae]|[pPxuUN].+|[^0-9A-Za-z])", regex.DOTALL)
# An atom whose every member is an ASCII character (checked too): beyond ASCII it matches only by
# case folding. A class with an escape such as \w, or negated, is not one.
_ASCII_ONLY = regex.compile(r"\\[^0-9A-Za-z]|[^\\\[\].]|\[(?!\^)(?:\\[^0-9A-Za-z]|[^\\\[\]])+\]")
# Flags under which `^`, `$`, `\b`, whitespace or classes would read otherwise than here assumed.
_UNSUPPORTED_FLAGS = regex.MULTILINE | regex.VERBOSE | regex.FULLCASE | regex.WORD | regex.VERSION1
_ASCII = "".join(map(chr, range(128)))
LONG_REPEAT = 8  # an upper bound above this is dropped
_NEVER = r"\xff"  # a byte the scanned text never holds: a character class nothing in it fits


class Unsupported(ValueError):
    """A construct the prefilter leaves to `regex`."""


def translate(pattern: str, flags: int) -> str:
    """`pattern`, loosened into hyperscan syntax over the prefilter's bytes."""
    if flags & _UNSUPPORTED_FLAGS:
        raise Unsupported(f"flags {flags:#x}")
    out: list[str] = []
    tokens = list(_TOKEN.finditer(pattern))
    i = 0
    while i < len(tokens):
        kind, text = tokens[i].lastgroup, tokens[i].group()
        i += 1
        if kind == "open":
            if regex.fullmatch(r"\(\?<?[=!]", text):  # a lookaround: drop it, and its repeat
                i = _after_group(tokens, i)
                i += i < len(tokens) and tokens[i].lastgroup == "rep"
                continue
            # Case counting in a part of a pattern matched without it (`(?-i:\p{Lu}…)`): read
            # without case, as the rest, that part matches more, which a prefilter may.
            scoped = text == "(?-i:" and flags & regex.IGNORECASE
            if not scoped and not regex.fullmatch(r"\((?:\?(?:P?<\w+>|[:>|]))?", text):
                raise Unsupported(text)  # inline flags, comments, conditionals, recursion
            out.append("(?:")
        elif kind == "rep":
            out.append(_repeat(text))
        elif text in _ASSERTIONS:
            out.append(_ASSERTIONS[text])
            if not out[-1]:  # dropped: a repeat of it goes too, not onto the atom before
                i += i < len(tokens) and tokens[i].lastgroup == "rep"
        elif kind == "char" and text in ("|", ")", "^", "$"):
            out.append(text)  # hyperscan's `$`, as `regex`'s, also matches before a final newline
        elif kind == "esc" and not _CHAR_ESCAPE.fullmatch(text):
            raise Unsupported(text)
        else:
            out.append(_one_character(text, flags))
    return "".join(out)


def _after_group(tokens: list[regex.Match[str]], i: int) -> int:
    """The index of the token after the group whose opening precedes `tokens[i]`."""
    depth = 1
    while i < len(tokens) and depth:
        kind, text = tokens[i].lastgroup, tokens[i].group()
        depth += (kind == "open") - (kind == "char" and text == ")")
        i += 1
    if depth:
        raise Unsupported("an unclosed group")
    return i


def _repeat(text: str) -> str:
    """A repeat, greedy (hyperscan reports every match, so laziness changes nothing) and with a
    lower bound (`{,n}` is `regex`'s, not hyperscan's). A long one loses its upper bound: the
    furniture's `.{0,120}` made the database ten times slower to build."""
    if text[-1] in "?+" and len(text) > 1:
        text = text[:-1]
    bounds = regex.fullmatch(r"\{(\d*)(,?)(\d*)\}", text)
    if not bounds:
        return text
    low, comma, high = bounds.groups()
    high = high if comma else low  # {m} is {m,m}
    if not high or int(high) > LONG_REPEAT:
        return f"{{{low or 0},}}"
    return f"{{{low or 0},{high}}}"


@cache
def _one_character(atom: str, flags: int) -> str:
    """The byte class for an atom that matches one character."""
    try:
        compiled = regex.compile(atom, flags)
    except regex.error as error:
        raise Unsupported(atom) from error
    found = compiled.findall(_ASCII)
    if any(len(c) != 1 for c in found):
        raise Unsupported(atom)
    members = {ord(c) for c in found}
    ascii_only = atom.isascii() and _ASCII_ONLY.fullmatch(atom)
    if not ascii_only or compiled.search(_ascii_folds()):
        members.add(ord("?"))  # it may match beyond ASCII, where the scanned text has `?`
    return _byte_class(members)


def _byte_class(members: set[int]) -> str:
    if not members:
        return _NEVER
    ranges: list[list[int]] = []
    for b in sorted(members):
        if ranges and ranges[-1][1] == b - 1:
            ranges[-1][1] = b
        else:
            ranges.append([b, b])
    return "[" + "".join(rf"\x{a:02x}" + (rf"-\x{b:02x}" if b > a else "") for a, b in ranges) + "]"


@cache
def _ascii_folds() -> str:
    """Every character beyond ASCII that `regex` folds to an ASCII one (the Kelvin sign to k):
    the only ones an atom of ASCII members can match there."""
    everything = (
        np.arange(0x80, 0x110000, dtype="<u4").tobytes().decode("utf-32-le", "surrogatepass")
    )
    return "".join(regex.findall(r"[\x00-\x7f]", everything, regex.IGNORECASE | regex.UNICODE))
