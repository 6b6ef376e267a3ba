"""Inline normalisation shared by segmentation and the canonical text: markdown markup and
whitespace. Block-level markdown (headings, list items) is the segmenter's business; only the
heading marks are removed here so a heading's words read as a plain paragraph."""

from __future__ import annotations

import html
import re
import unicodedata
from typing import Any

import regex

# Removed outright: zero-width characters, the BOM and the soft hyphen (invisible in print), and
# the bidi embedding, override and isolate controls, which reorder what follows them on screen
# (U+202E shows "txt.exe" as "exe.txt"); the marks U+200E and U+200F stay. The tag characters
# U+E0000 to U+E007F go too: they show nothing and can spell out a hidden text letter by letter
# (an England flag, the one use of them in print, becomes a plain black flag).
_INVISIBLE = regex.compile(
    "[\u200b\u200c\u200d\u2060\ufeff\u00ad\u202a-\u202e\u2066-\u2069\U000e0000-\U000e007f]"
)
# Characters without which no markdown rule can match: most scraped lines skip all of them.
# (The standard module scans a character class several times faster than a set test.)
_MARKUP_CHAR = re.compile(r"[*_\[\]<>#\\!`]")

# Each part of a link is bounded: unbounded, a search from every `[` or `<` of a line full of
# them (`[a](` repeated) runs to the line's end, and the line costs its length squared.
# Possessive (`{m,n}+`): what follows each part cannot match inside it, so no backtracking.
MAX_LINK_TEXT = 2000
MAX_URL = 2048
_IMAGE = regex.compile(rf"!\[[^\]]{{0,{MAX_LINK_TEXT}}}+\]\([^)]{{0,{MAX_URL}}}+\)")
MARKDOWN_LINK = regex.compile(
    rf"\[([^\]]{{1,{MAX_LINK_TEXT}}}+)\]\(([^)\s]{{0,{MAX_URL}}}+)"
    rf"(?:\s+\"[^\"]{{0,{MAX_LINK_TEXT}}}+\")?\)"
)
MARKDOWN_AUTOLINK = regex.compile(
    rf"<((?:https?|ftp)://[^<>\s]{{1,{MAX_URL}}}+|mailto:[^<>\s]{{1,{MAX_URL}}}+)>"
)
# A heading's opening marks, and its optional closing ones (searched only when it ends in `#`:
# unanchored, that search tries every space of a long line).
HEADING_OPEN = regex.compile(r"^\s{0,3}#{1,6}\s+")
_HEADING_CLOSE = regex.compile(r"\s+#+\s*$")
# Emphasis spans are bounded so a long line of code full of `*` and `_` stays linear; each
# with the markers it needs.
_EMPHASIS = (
    (("**", "__"), regex.compile(r"(\*\*|__)(?=\S)(.{1,300}?)(?<=\S)\1")),
    (("*",), regex.compile(r"(?<![\w*\\])\*(?=[^\s*])(.{1,300}?)(?<=[^\s*\\])\*(?![\w*])")),
    (("_",), regex.compile(r"(?<![\w\\])_(?=[^\s_])(.{1,300}?)(?<=[^\s_\\])_(?!\w)")),
)
# A code span (`name`): its backticks go, its text stays. One backtick each side, bounded, and
# not inside a word, so TeX-style quotes (``like this'') and a stray backtick are left alone.
_CODE_SPAN = regex.compile(r"(?<![\w`\\])`(?=[^\s`])([^`\n]{1,200}?)(?<=[^\s`])`(?![\w`])")
# A backslash before punctuation; an escaped backslash (`\\$`) is left as written, since undoing
# it would leave `\$` for the next pass to undo again.
_ESCAPE = regex.compile(r"(?<!\\)\\([!-/:-@\[\]^_`{-~])")


def normalize_space(text: str) -> str:
    """NFC, invisible characters gone, any whitespace run (no-break spaces included) to one space,
    no outer spaces. `str.split` knows every Unicode space, and is fast."""
    if not unicodedata.is_normalized("NFC", text):
        text = unicodedata.normalize("NFC", text)
    if not text.isascii():
        text = _INVISIBLE.sub("", text)
    return " ".join(text.split())


def stated_text(value: Any) -> str | None:
    """A value a page states (JSON-LD, a meta tag, an element's text) as plain text: entities
    decoded, spaces normalised; None when it is no string or holds nothing."""
    if not isinstance(value, str):
        return None
    return normalize_space(html.unescape(value)) or None


def has_markup(text: str) -> bool:
    """Whether `text` has a character some markdown rule needs."""
    return _MARKUP_CHAR.search(text) is not None


def strip_markdown(text: str) -> str:
    """Remove inline markdown markup, keeping the words it wraps (link text, emphasised text).
    Each rule runs only when its marker is present: most scraped lines carry none."""
    if not _MARKUP_CHAR.search(text):
        return text
    if "![" in text:
        text = _IMAGE.sub("", text)
    if "](" in text:
        text = MARKDOWN_LINK.sub(r"\1", text)
    if "<" in text:
        text = MARKDOWN_AUTOLINK.sub(r"\1", text)
    if "#" in text:
        text = HEADING_OPEN.sub("", text, count=1)
        if text.rstrip().endswith("#"):
            text = _HEADING_CLOSE.sub("", text)
    if "`" in text:
        text = _CODE_SPAN.sub(r"\1", text)
    for markers, pattern in _EMPHASIS:
        previous = None  # nested emphasis (***x***) needs more than one pass
        while previous != text and any(m in text for m in markers):
            previous, text = text, pattern.sub(lambda m: m.group(m.lastindex or 1), text)
    return _ESCAPE.sub(r"\1", text) if "\\" in text else text


def plain(text: str) -> str:
    """The text a reader sees: markdown removed, whitespace normalised."""
    return normalize_space(strip_markdown(text))
