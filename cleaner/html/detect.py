"""Is an input an HTML page? By its file extension, or by how its content opens, and in either
case only when its first characters hold some markup: plain text saved as `.html`, or markdown
that opens with a stray `<html>`, is cleaned as text (as a page, its words were all lost).

Sniffing looks only at the first bytes, after a byte-order mark, whitespace, an XML declaration
and comments, so a text file that merely quotes `<html>` further down is still text.
"""

from __future__ import annotations

import re
from itertools import islice
from pathlib import PurePath

from ..encoding import InputError
from .decode import decode_html

HTML_SUFFIXES = frozenset({".html", ".htm", ".xhtml", ".shtml"})
SNIFF_CHARS = 2048
MARKUP_SNIFF_CHARS = 2**16
MIN_TAGS = 2  # `<p>…</p>` is a page; one `<html>` above markdown is not
_TAG = re.compile(r"</?[A-Za-z][A-Za-z0-9-]*(?:\s[^<>]*)?/?>")
_OPENING = re.compile(
    r"^(?:\ufeff)?\s*(?:<\?xml[^>]*\?>\s*)?(?:<!--.*?-->\s*)*<(?:!doctype\s+html|html[\s>])",
    re.IGNORECASE | re.DOTALL,
)


def has_html_suffix(name: str | PurePath) -> bool:
    return PurePath(name).suffix.lower() in HTML_SUFFIXES


def looks_like_html(content: str | bytes) -> bool:
    """Whether the content opens like an HTML page (`<!doctype html`, `<html`)."""
    head = content[:SNIFF_CHARS]
    if isinstance(head, bytes):
        try:
            head = decode_html(head)[0]
        except InputError:  # binary
            return False
    return _OPENING.match(head) is not None


def _has_markup(content: str | bytes) -> bool:
    """Whether the content's first characters hold at least MIN_TAGS tags."""
    head = content[:MARKUP_SNIFF_CHARS]
    if isinstance(head, bytes):
        head = head.decode("latin-1")  # tags are ASCII in every encoding a page is sniffed in
    return "<" in head and next(islice(_TAG.finditer(head), MIN_TAGS - 1, None), None) is not None


def is_html(content: str | bytes, name: str | PurePath | None = None) -> bool:
    """An HTML page by its file name's extension (when there is one) or by its content, with
    some markup in its first characters."""
    by_name = name is not None and has_html_suffix(name)
    return (by_name or looks_like_html(content)) and _has_markup(content)
