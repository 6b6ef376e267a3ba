"""Title, authors and date are found on at least 90% of the development bench's pages that state
them in JSON-LD or `<meta>` tags. Whether a page states a field is decided here with plain
regular expressions over its source, independently of the extractor. Authors are people: an
author typed as an organisation ("CBS News") states none."""

from __future__ import annotations

import re
from functools import cache
from pathlib import Path

import pytest

from cleaner.html.meta import PageMeta
from cleaner.html.page import Page

BENCH = Path(__file__).resolve().parents[3] / "shared" / "bench"
MIN_FOUND = 0.9
FIELDS = ("title", "authors", "published")

_JSON_LD = re.compile(r"<script[^>]*ld\+json[^>]*>(.*?)</script>", re.DOTALL | re.IGNORECASE)
_META = re.compile(r"<meta\b[^>]*>", re.IGNORECASE)
_ATTRIBUTE = re.compile(r"""([\w:.-]+)\s*=\s*(?:"([^"]*)"|'([^']*)')""")
STATED_IN_JSON_LD = {
    "title": re.compile(r'"headline"\s*:\s*"\s*[^"\s]'),
    "authors": re.compile(
        r'"author"\s*:\s*(?:"\s*[^"\s]|\[?\s*\{(?![^}]*Organization)[^}]*"name"\s*:\s*"\s*[^"\s])'
    ),
    "published": re.compile(r'"datePublished"\s*:\s*"\s*\d'),
}
# (tag name, content) that state a field
STATED_IN_META = {
    "title": (re.compile(r"^(?:og|twitter):title$"), re.compile(r"\S")),
    "authors": (
        re.compile(r"^(?:author|article:author|byl|dc\.creator|\w+[.-]author)$"),
        re.compile(r"^(?!\s*https?:)\s*\w"),
    ),
    "published": (
        re.compile(
            r"^(?:article:published_time|datepublished|pubdate|publishdate|date|dc\.date"
            r"|\w+[.-](?:pub-)?date)$"
        ),
        re.compile(r"\d"),
    ),
}

pytestmark = pytest.mark.skipif(
    not (BENCH / "html").is_dir(), reason=f"the development bench is not at {BENCH}"
)


def _meta_tags(html: str) -> list[tuple[str, str]]:
    tags = []
    for tag in _META.findall(html):
        attributes = {m[0].lower(): m[1] or m[2] for m in _ATTRIBUTE.findall(tag)}
        key = attributes.get("property") or attributes.get("name") or attributes.get("itemprop")
        if key and "content" in attributes:
            tags.append((key.lower(), attributes["content"]))
    return tags


def states(html: str, field: str) -> bool:
    if any(STATED_IN_JSON_LD[field].search(block) for block in _JSON_LD.findall(html)):
        return True
    key, content = STATED_IN_META[field]
    return any(key.match(k) and content.search(c) for k, c in _meta_tags(html))


@cache
def pages() -> list[tuple[str, PageMeta]]:
    found = []
    for path in sorted((BENCH / "html").glob("*.html")):
        html = path.read_text(encoding="utf-8")
        found.append((html, Page(html).meta))
    return found


@pytest.mark.parametrize("field", FIELDS)
def test_stated_metadata_is_found(field: str) -> None:
    stating = [meta for html, meta in pages() if states(html, field)]
    found = sum(1 for meta in stating if getattr(meta, field))
    assert len(stating) >= len(pages()) / 2, (
        f"only {len(stating)} pages state a {field}: is the bench complete?"
    )
    assert found / len(stating) >= MIN_FOUND, (
        f"{field}: found on {found} of the {len(stating)} pages that state it"
    )
