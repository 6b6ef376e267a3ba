"""The extractors a user would pick instead of the cleaner: the anchors every figure stands beside.

Each anchor is a function from the page as the cleaner gets it (an HTML page or a text dump) to
article text. On HTML: trafilatura (comments off), readability-lxml, boilerpy3's
ArticleExtractor, and a C4-style line filter over the page's text. On text dumps: the C4-style
filter, and boilerpy3 and trafilatura over the dump's lines as paragraphs. An anchor that raises
gives an empty text, as it would in a pipeline. boilerpy3 comes from the `eval` dependency
group (`uv run --group eval ...`); readability-lxml is one of the cleaner's own dependencies.
"""

from __future__ import annotations

import html as html_escape
import logging
import warnings
from collections.abc import Callable

from selectolax.lexbor import LexborHTMLParser

Anchor = Callable[[str], str]

C4_MIN_WORDS = 3
C4_BAD = ("javascript", "lorem ipsum", "{", "cookie policy", "terms of use")
C4_ENDINGS = (".", "!", "?", '"')
TEXT_BLOCKS = (
    "p, div, li, td, th, h1, h2, h3, h4, h5, h6, pre, blockquote, dd, dt, br, tr, section, article"
)


def c4_filter(text: str) -> str:
    """C4's line rules: keep lines ending in terminal punctuation with enough words, no code."""
    kept = []
    for line in text.split("\n"):
        line = line.strip()
        lower = line.lower()
        if (
            line.endswith(C4_ENDINGS)
            and len(line.split()) >= C4_MIN_WORDS
            and not any(b in lower for b in C4_BAD)
        ):
            kept.append(line)
    return "\n".join(kept)


def page_lines(html: str) -> str:
    """The visible text of a page's body, a line per block (what a naive scraper dumps)."""
    tree = LexborHTMLParser(html)
    tree.strip_tags(["script", "style", "noscript", "template"])
    if tree.body is None:
        return ""
    for node in tree.body.css(TEXT_BLOCKS):
        node.insert_after("\n")
    return "\n".join(
        line.strip() for line in tree.body.text(deep=True).splitlines() if line.strip()
    )


def lines_as_page(text: str) -> str:
    """A text dump as the HTML page an extractor expects: one paragraph per line."""
    body = "".join(
        f"<p>{html_escape.escape(line)}</p>" for line in text.splitlines() if line.strip()
    )
    return f"<html><body>{body}</body></html>"


def trafilatura_html(html: str) -> str:
    import trafilatura

    return trafilatura.extract(html, include_comments=False) or ""


def readability_html(html: str) -> str:
    from readability import Document

    logging.getLogger("readability").setLevel(logging.ERROR)
    return page_lines(f"<html><body>{Document(html).summary(html_partial=True)}</body></html>")


def boilerpy3_html(html: str) -> str:
    from boilerpy3.extractors import ArticleExtractor

    logging.getLogger("boilerpy3").setLevel(logging.CRITICAL)  # it logs every page it repairs
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        return ArticleExtractor(raise_on_failure=False).get_content(html) or ""


HTML_ANCHORS: dict[str, Anchor] = {
    "trafilatura": trafilatura_html,
    "readability": readability_html,
    "boilerpy3": boilerpy3_html,
    "c4": lambda html: c4_filter(page_lines(html)),
}
TEXT_ANCHORS: dict[str, Anchor] = {
    "c4": c4_filter,
    "boilerpy3": lambda text: boilerpy3_html(lines_as_page(text)),
    "trafilatura": lambda text: trafilatura_html(lines_as_page(text)),
}
ANCHORS = {"html": HTML_ANCHORS, "text": TEXT_ANCHORS}


def run_anchor(anchor: Anchor, page: str) -> str:
    """The anchor's text, or '' when it fails on the page."""
    try:
        return anchor(page)
    except Exception:  # noqa: BLE001 - an anchor's failure is an empty output, as in a pipeline
        return ""
