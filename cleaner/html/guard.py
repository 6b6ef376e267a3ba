"""Markup no parser should be handed as it is: lexbor and lxml (which trafilatura parses with)
both spend time growing with the square of one element's attribute count (an element with
160,000 attributes cost 153 s). Such an element keeps its first MAX_ATTRIBUTES attributes,
with a warning; a page without a long tag is returned untouched after one quick search.
"""

from __future__ import annotations

import re

MAX_ATTRIBUTES = 512  # real elements have a few dozen at most
# A tag whose attributes run this long may hold too many; only then are they counted.
SUSPECT_CHARS = 4096
_SUSPECT = re.compile(rf"<[A-Za-z][^>]{{{SUSPECT_CHARS}}}")
_ATTRIBUTE = r"""\s+[^\s"'>/=]+(?:\s*=\s*(?:"[^"]*"|'[^']*'|[^\s"'=<>`]+))?"""
_START_TAG = re.compile(rf"<[A-Za-z][^\s/>]*((?:{_ATTRIBUTE})*)")
_ONE_ATTRIBUTE = re.compile(_ATTRIBUTE)


def tame(html: str, warnings: list[str]) -> str:
    """`html` with no element of more than MAX_ATTRIBUTES attributes."""
    if not _SUSPECT.search(html):
        return html
    pieces, start, cut = [], 0, 0
    for tag in _START_TAG.finditer(html):
        if tag.end(1) - tag.start(1) < 2 * MAX_ATTRIBUTES:
            continue
        ends = [m.end() for m in _ONE_ATTRIBUTE.finditer(html, tag.start(1), tag.end(1))]
        if len(ends) > MAX_ATTRIBUTES:
            pieces.append(html[start : tag.start(1) + ends[MAX_ATTRIBUTES - 1]])
            start = tag.end(1)
            cut += 1
    if not cut:
        return html
    warnings.append(f"{cut:,} element(s) with more than {MAX_ATTRIBUTES} attributes kept only the first {MAX_ATTRIBUTES}")
    return "".join([*pieces, html[start:]])
