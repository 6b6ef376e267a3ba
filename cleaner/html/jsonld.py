"""The article's own record in a page's JSON-LD (schema.org `NewsArticle` and kin).

Publishers nest it every way schema.org allows: a top-level object, a list, an `@graph`, or the
`mainEntity` of a `WebPage`; all objects are walked and the first article-typed one is taken.
Values come back as found (strings, objects, lists); `meta.py` normalises them.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from typing import Any

from selectolax.lexbor import LexborHTMLParser

JSON_LD = 'script[type="application/ld+json"]'
# Types compared case-insensitively: pages write "person" and "imageObject" too.
ARTICLE_TYPES = frozenset(
    t.lower()
    for t in (
        "Article",
        "NewsArticle",
        "ReportageNewsArticle",
        "AnalysisNewsArticle",
        "OpinionNewsArticle",
        "ReviewNewsArticle",
        "BackgroundNewsArticle",
        "AskPublicNewsArticle",
        "BlogPosting",
        "LiveBlogPosting",
        "SocialMediaPosting",
        "DiscussionForumPosting",
        "TechArticle",
        "ScholarlyArticle",
        "Report",
        "SatiricalArticle",
        "AdvertiserContentArticle",
        "Review",
    )
)
# A page type stands in for the article when no article type is given ("MedicalWebPage").
PAGE_TYPE_SUFFIX = "page"
SITE_TYPE = "website"
ORGANIZATION_TYPES = frozenset({"organization", "newsmediaorganization", "corporation"})
# Slips some CMSs make: HTML comment or CDATA wrappers, trailing commas.
_WRAPPER = re.compile(r"^\s*(?://\s*)?(?:<!--|<!\[CDATA\[)|(?://\s*)?(?:-->|\]\]>)\s*$")
_TRAILING_COMMA = re.compile(r",(\s*[\]}])")

JsonObject = dict[str, Any]


def listed(value: Any) -> list[Any]:
    """JSON-LD's one-or-many values as a list."""
    return value if isinstance(value, list) else [value]


def types_of(obj: JsonObject) -> set[str]:
    return {k.lower() for k in listed(obj.get("@type")) if isinstance(k, str)}


def _objects(value: Any) -> Iterator[JsonObject]:
    """Every object in a JSON value, depth first, parents before children; without recursion,
    so a page's JSON-LD nested thousands deep costs no more than it is long."""
    stack = [value]
    while stack:
        value = stack.pop()
        if isinstance(value, dict):
            yield value
            stack.extend(reversed(value.values()))
        elif isinstance(value, list):
            stack.extend(reversed(value))


def _load(text: str) -> Any:
    """A block's JSON; None for one that is broken or nested too deeply for Python's reader."""
    try:
        return json.loads(text, strict=False)
    except RecursionError:
        return None
    except ValueError:
        pass
    try:
        return json.loads(_TRAILING_COMMA.sub(r"\1", _WRAPPER.sub("", text)), strict=False)
    except (ValueError, RecursionError):
        return None  # a broken block states nothing we could trust


def json_ld_objects(tree: LexborHTMLParser) -> list[JsonObject]:
    """All objects of all JSON-LD blocks of the page, in document order."""
    found: list[JsonObject] = []
    for script in tree.css(JSON_LD):
        found.extend(_objects(_load(script.text(deep=True))))
    return found


def _is_page(obj: JsonObject) -> bool:
    return any(t.endswith(PAGE_TYPE_SUFFIX) for t in types_of(obj)) and (
        "headline" in obj or "datePublished" in obj
    )


def article_record(objects: list[JsonObject]) -> JsonObject | None:
    """The first article-typed object, else the first web page that has a headline or date."""
    return next((o for o in objects if types_of(o) & ARTICLE_TYPES), None) or next(
        filter(_is_page, objects), None
    )


def site_record(objects: list[JsonObject]) -> JsonObject | None:
    """The first `WebSite` object with a name, or None."""
    return next((o for o in objects if SITE_TYPE in types_of(o) and o.get("name")), None)
