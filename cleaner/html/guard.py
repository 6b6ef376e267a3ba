"""Markup no parser should be handed as it is: lexbor and lxml (which trafilatura parses with)
both spend time growing with the square of one element's attribute count (an element with
160,000 attributes cost 153 s), and lexbor and the pre-pass with the square of the nesting
depth (30,000 nested `<div>`s, 153 KB: over 20 s). Such an element keeps its first
MAX_ATTRIBUTES attributes, and tags nested deeper than MAX_NESTING are dropped (their text
stays), each with a warning; a page without a long tag or a long run of opening tags (comments
between them aside) is returned untouched after one quick search each. A table cell's colspan
or rowspan over MAX_SPAN is narrowed to it, with a warning: trafilatura pads each row of a
table to its widest and fills in what a rowspan covers, so 250 rows of one cell spanning 100 by
100 (11 KB) cost 24 s and 418 MB. Lexbor parses the options of one `<select>` in time growing
with the square of their number (40,000: 11 s): past MAX_OPTIONS options on a page, the option
tags go (their text stays, inside the select pruning takes), with a warning; so do the inline
tags inside paragraphs past MAX_PARAGRAPH_INLINE in one or MAX_INLINE on a page (20,000 links
in an article's paragraph, 778 KB, took trafilatura 39 s). A page of more than MAX_ELEMENTS
elements is refused: parsed, it took about 400 times its size in memory (`<p>x</p>` 300,000
times, 2.4 MB: 1.1 GB and 48 s). A page whose shape would keep the third-party extractors
busy for minutes in one C call (`crowded`) is not given to them.
"""

from __future__ import annotations

import re
from collections import Counter
from itertools import islice

from selectolax.lexbor import LexborNode

from ..encoding import InputError

# Ten times as many as the most of the 1,507 evaluation pages has (20,574).
MAX_ELEMENTS = 200_000
_ELEMENT = re.compile(r"<[A-Za-z]")

# Twice the most of the 1,507 evaluation pages has (1,908, a list of countries and states).
MAX_OPTIONS = 4096
_OPTION = re.compile(r"<opt(?:ion|group)\b", re.IGNORECASE)
_OPTION_TAG = re.compile(r"</?opt(?:ion|group)\b[^<>]*>?", re.IGNORECASE)  # no scan past a `<`

# Trafilatura's `//p//text()` (libxml2) takes time growing with the square of the inline elements
# in one paragraph and faster than linearly with those of the whole page, in one C call: 10,000
# links in an article's paragraph took 10 s, 2,048 0.17 s, eight paragraphs of 2,048 2.1 s. The
# most phrasing tags in one paragraph of an evaluation page is about 1,400 and in all of a page's
# 8,682: past MAX_PARAGRAPH_INLINE in one or MAX_INLINE in all, the tags go (their text stays;
# a `<br>` leaves a space). Any other tag ends a paragraph's run of them.
MAX_PARAGRAPH_INLINE = 4096
MAX_INLINE = 16_384
_PHRASING = (
    "a|abbr|b|bdi|bdo|big|br|cite|code|data|del|dfn|em|font|i|img|ins|kbd|mark|nobr|q|s|samp"
    "|small|span|strike|strong|sub|sup|time|tt|u|var|wbr"
)
_PHRASING_TAG = re.compile(rf"</?({_PHRASING})\b[^<>]*>", re.IGNORECASE)
_VOID = frozenset({"br", "img", "wbr"})
# One match is a paragraph's whole run: no backtracking, each tag read once.
_IN_PARAGRAPH = re.compile(rf"<p\b[^<>]*>[^<]*(?:</?(?:{_PHRASING})\b[^<>]*>[^<]*)+", re.IGNORECASE)

# Readability-lxml and trafilatura's port of it wrap each text between a `<div>`'s children in a
# paragraph of its own, inserted one at a time, in time growing with the pairs of siblings (one
# div of 40,000 images with a word after each took 129 s; ten divs of 4,000, 9 s; 16,000 images
# in a `<body>` or an `<article>`, readability 0.5 s). Trafilatura also drops an article's
# trailing headings one `len()` of it at a time (40,000 `<h2>`: 12 s) and reads `//p//text()` in
# time growing faster than linearly with the page's paragraphs (80,000: 36 s, 6 s without it),
# so for it every element's children count. The most on the 1,507 evaluation pages is 1.95
# million sibling pairs (a div of 1,847 children) and 1,497 paragraphs.
MAX_SIBLING_PAIRS = 2**23  # about as many as one element of 4,096 children has
MAX_PARAGRAPHS = 16_384

MAX_ATTRIBUTES = 512  # real elements have a few dozen at most
# A tag whose attributes run this long may hold too many; only then are they counted.
SUSPECT_CHARS = 4096
_SUSPECT = re.compile(rf"<[A-Za-z][^>]{{{SUSPECT_CHARS}}}")
_ATTRIBUTE = r"""\s+[^\s"'>/=]+(?:\s*=\s*(?:"[^"]*"|'[^']*'|[^\s"'=<>`]+))?"""
_START_TAG = re.compile(rf"<[A-Za-z][^\s/>]*((?:{_ATTRIBUTE})*)")
_ONE_ATTRIBUTE = re.compile(_ATTRIBUTE)
MAX_NESTING = 512
MAX_SPAN = 16  # 23 of the 2,652 spans on the 1,507 evaluation pages (9 pages) are wider, up to 64
_SPAN = re.compile(r"""(\b(?:col|row)span\s*=\s*["']?\s*)(\d+)""", re.IGNORECASE)
# Deep nesting shows as a long run of opening tags with no closing tag between them. Each match
# is a whole run, so the page is read once (a search for MAX_NESTING tags in a row started again
# at every tag, and cost 6.2 ms on an ordinary page where this costs 1.3).
_OPEN_RUN = re.compile(r"(?:<[A-Za-z][^<>]*>[^<]*)+")
_SHORTEST_TAG = 3  # "<b>"
_TAG_TOKEN = re.compile(r"<(/?)([A-Za-z][A-Za-z0-9-]*)[^<>]*>")
# Elements that never nest: void ones, and those whose end tag is optional (`<p>a<p>b`).
_FLAT = frozenset(
    {
        "area",
        "base",
        "br",
        "col",
        "embed",
        "hr",
        "img",
        "input",
        "link",
        "meta",
        "source",
        "track",
        "wbr",
        "p",
        "li",
        "dt",
        "dd",
        "option",
        "tr",
        "td",
        "th",
    }
)


def tame(html: str, warnings: list[str]) -> str:
    """`html` without elements of over MAX_ATTRIBUTES attributes or deeper than MAX_NESTING;
    InputError for a page of more than MAX_ELEMENTS elements."""
    if next(islice(_ELEMENT.finditer(html), MAX_ELEMENTS, None), None) is not None:
        raise InputError(
            f"has more than {MAX_ELEMENTS:,} HTML elements; no article page has as many"
        )
    html = _few_inline(_few_options(_few_attributes(html, warnings), warnings), warnings)
    return _narrow_spans(_shallow(html, warnings), warnings)


def crowded(root: LexborNode, under: str | None = None) -> str | None:
    """Why an extractor must not be given the page under `root` ("it has ..."), or None when it
    may: more than MAX_SIBLING_PAIRS pairs of sibling elements (children of `under` elements
    only, when it is named), or more than MAX_PARAGRAPHS paragraphs."""
    paragraphs, pairs = 0, 0
    for node in root.traverse():
        paragraphs += node.tag == "p"
        if under is None or node.tag == under:
            children = sum(1 for _ in node.iter())
            pairs += children * (children - 1) // 2
    if pairs > MAX_SIBLING_PAIRS:
        where = f" in {under} elements" if under else ""
        return f"{pairs:,} pairs of sibling elements{where}, over {MAX_SIBLING_PAIRS:,}"
    if paragraphs > MAX_PARAGRAPHS:
        return f"{paragraphs:,} paragraphs, over {MAX_PARAGRAPHS:,}"
    return None


def _few_inline(html: str, warnings: list[str]) -> str:
    if next(islice(_PHRASING_TAG.finditer(html), MAX_PARAGRAPH_INLINE, None), None) is None:
        return html  # too few on the whole page
    pieces, start, seen, dropped = [], 0, 0, 0
    for run in _IN_PARAGRAPH.finditer(html):
        # An element kept open would be reopened in every paragraph after it (a link over the
        # rest of the page): the end tags of the kept ones stay.
        unclosed: Counter[str] = Counter()
        for own, tag in enumerate(_PHRASING_TAG.finditer(html, run.start(), run.end()), 1):
            seen, name, closing = seen + 1, tag[1].lower(), tag[0].startswith("</")
            if closing and unclosed[name]:
                unclosed[name] -= 1
            elif own <= MAX_PARAGRAPH_INLINE and seen <= MAX_INLINE:
                if not closing and name not in _VOID:
                    unclosed[name] += 1
            else:
                pieces.append(html[start : tag.start()] + (" " if name == "br" else ""))
                start, dropped = tag.end(), dropped + 1
    if not dropped:
        return html
    warnings.append(
        f"{dropped:,} tags inside paragraphs were dropped, past {MAX_PARAGRAPH_INLINE:,} in one"
        f" or {MAX_INLINE:,} on the page (their text kept)"
    )
    return "".join([*pieces, html[start:]])


def _few_options(html: str, warnings: list[str]) -> str:
    past = next(islice(_OPTION.finditer(html), MAX_OPTIONS, None), None)
    if past is None:
        return html
    rest = html[past.start() :]
    dropped = sum(1 for _ in _OPTION.finditer(rest))
    warnings.append(
        f"{dropped:,} options past the first {MAX_OPTIONS:,} lost their tags (their text kept)"
    )
    return html[: past.start()] + _OPTION_TAG.sub("", rest)


def _shallow(html: str, warnings: list[str]) -> str:
    if not deep_run(html):
        return html
    pieces, start, depth, dropped = [], 0, 0, 0
    for tag in _TAG_TOKEN.finditer(html):
        if tag.group(2).lower() in _FLAT:
            continue
        depth += -1 if tag.group(1) else 1
        if depth + bool(tag.group(1)) > MAX_NESTING:
            pieces.append(html[start : tag.start()])
            start, dropped = tag.end(), dropped + 1
        depth = max(depth, 0)
    if not dropped:  # a long run of void tags (600 `<meta>`) is no nesting
        return html
    warnings.append(
        f"{dropped:,} tags nested more than {MAX_NESTING} deep were dropped (their text kept)"
    )
    return "".join([*pieces, html[start:]])


def deep_run(html: str, tags: int = MAX_NESTING) -> bool:
    """Whether `html` has a run of at least `tags` opening tags with no other markup between."""
    bare = _without_comments(html)  # `<span><!---->` 60,000 times hid 60,000 levels
    return any(
        len(run) >= _SHORTEST_TAG * tags and run.count("<") >= tags
        for run in _OPEN_RUN.findall(bare)
    )


def _without_comments(html: str) -> str:
    """`html` less its comments, in one pass (a lazy regex read to the end from each of 100,000
    `<!--` that never close); an unclosed one is left as it stands."""
    pieces, pos = [], 0
    while (start := html.find("<!--", pos)) != -1 and (end := html.find("-->", start + 4)) != -1:
        pieces.append(html[pos:start])
        pos = end + 3
    return "".join([*pieces, html[pos:]]) if pieces else html


def _narrow_spans(html: str, warnings: list[str]) -> str:
    narrowed = 0

    def narrow(span: re.Match[str]) -> str:
        nonlocal narrowed
        if len(span[2]) <= 4 and int(span[2]) <= MAX_SPAN:  # int() refuses 4,300 digits
            return span[0]
        narrowed += 1
        return f"{span[1]}{MAX_SPAN}"

    html = _SPAN.sub(narrow, html)
    if narrowed:
        warnings.append(
            f"{narrowed:,} table cell(s) spanning more than {MAX_SPAN} rows or columns"
            f" were narrowed to {MAX_SPAN}"
        )
    return html


def _few_attributes(html: str, warnings: list[str]) -> str:
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
    warnings.append(
        f"{cut:,} element(s) with more than {MAX_ATTRIBUTES} attributes"
        f" kept only the first {MAX_ATTRIBUTES}"
    )
    return "".join([*pieces, html[start:]])
