"""Inline normalisation shared by segmentation and the canonical text: markdown markup and
whitespace. Block-level markdown (headings, list items) is the segmenter's business; only the
heading marks are removed here so a heading's words read as a plain paragraph."""

from __future__ import annotations

import unicodedata

import regex

# Removed outright: zero-width characters, the BOM and the soft hyphen (invisible in print).
_INVISIBLE = regex.compile("[\u200b\u200c\u200d\u2060\ufeff\u00ad]")
# Every Unicode space (no-break and narrow no-break included) and tabs fold to one ASCII space.
_SPACES = regex.compile(r"[\p{Zs}\t\v\f]+")

_IMAGE = regex.compile(r"!\[[^\]]*\]\([^)]*\)")
_LINK = regex.compile(r"\[([^\]]+)\]\(([^)\s]*)(?:\s+\"[^\"]*\")?\)")
_AUTOLINK = regex.compile(r"<((?:https?|ftp)://[^>\s]+|mailto:[^>\s]+)>")
_HEADING = regex.compile(r"^\s{0,3}#{1,6}\s+|\s+#+\s*$")
_STRONG = regex.compile(r"(\*\*|__)(?=\S)(.+?)(?<=\S)\1")
_EMPH_STAR = regex.compile(r"(?<![\w*\\])\*(?=[^\s*])(.+?)(?<=[^\s*\\])\*(?![\w*])")
_EMPH_UNDERSCORE = regex.compile(r"(?<![\w\\])_(?=[^\s_])(.+?)(?<=[^\s_\\])_(?!\w)")
_ESCAPE = regex.compile(r"\\([!-/:-@\[-`{-~])")

MARKDOWN_LINK = _LINK
MARKDOWN_AUTOLINK = _AUTOLINK


def normalize_space(text: str) -> str:
    """NFC, invisible characters gone, any whitespace run to one space, no outer spaces."""
    text = unicodedata.normalize("NFC", text)
    text = _INVISIBLE.sub("", text)
    return _SPACES.sub(" ", text.replace("\n", " ")).strip()


def strip_markdown(text: str) -> str:
    """Remove inline markdown markup, keeping the words it wraps (link text, emphasised text)."""
    text = _IMAGE.sub("", text)
    text = _LINK.sub(r"\1", text)
    text = _AUTOLINK.sub(r"\1", text)
    text = _HEADING.sub("", text)
    for pattern in (_STRONG, _EMPH_STAR, _EMPH_UNDERSCORE):
        previous = None
        while previous != text:  # nested emphasis (***x***) needs more than one pass
            previous, text = text, pattern.sub(lambda m: m.group(m.lastindex or 1), text)
    return _ESCAPE.sub(r"\1", text)


def plain(text: str) -> str:
    """The text a reader sees: markdown removed, whitespace normalised."""
    return normalize_space(strip_markdown(text))
