"""Article text from a pruned page, with trafilatura's main extractor.

Settings, measured on the development bench: `fast` skips the readability/jusText comparison
(twice the speed, and no loss once the page is pruned), `precision` drops more of the page's
furniture, comments are never article text, and tables are kept (results, figures).
"""

from __future__ import annotations

import re

from trafilatura.core import bare_extraction
from trafilatura.settings import Extractor

OPTIONS = Extractor(output_format="python", fast=True, precision=True, comments=False, tables=True)
# The headline is metadata, not text; extractors often keep it (and its repeats) at the top.
HEAD_PARAGRAPHS = 3
_WORD = re.compile(r"\w+")


def _words(text: str) -> list[str]:
    return _WORD.findall(text.casefold())


def paragraphs(text: str, title: str | None = None) -> list[str]:
    """Trafilatura's one-block-per-line text as paragraphs, without the leading repeats of `title`."""
    found = [line for line in (raw.strip() for raw in text.splitlines()) if line]
    headline = _words(title) if title else None
    return [p for i, p in enumerate(found) if not (i < HEAD_PARAGRAPHS and headline and _words(p) == headline)]


def extract_text(html: str, title: str | None = None) -> str:
    """The article text of an HTML page, paragraphs separated by a blank line; empty when nothing
    looks like an article."""
    document = bare_extraction(html, options=OPTIONS)
    return "\n\n".join(paragraphs(document.text, title)) if document is not None and document.text else ""
