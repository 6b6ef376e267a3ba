"""Where a page states its metadata; each source returns a partial `PageMeta` (order in `meta.py`).

All but the date fallback read the lexbor tree before pruning: JSON-LD lives in `<script>`,
bylines in `<header>`, captions in `<figure>`.
"""

from __future__ import annotations

import re
import threading
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from datetime import datetime
from functools import partial
from typing import Any

from selectolax.lexbor import LexborHTMLParser, LexborNode

from ..heuristics import lexicon
from ..heuristics.captions import split_credit
from ..inline import stated_text
from .jsonld import ORGANIZATION_TYPES, JsonObject, article_record, listed, site_record, types_of
from .meta import Image, PageMeta, absolute_url, iso_date, language_tag, person_names

OPENGRAPH = {
    "title": ("og:title",),
    "authors": ("article:author",),
    "url": ("og:url",),
    "published": ("article:published_time", "og:article:published_time", "og:published_time"),
    "site_name": ("og:site_name",),
    "language": ("og:locale",),
    "description": ("og:description",),
    "image": ("og:image", "og:image:url", "og:image:secure_url"),
}
META_TAGS = {
    "title": (
        "twitter:title",
        "dc.title",
        "dcterms.title",
        "sailthru.title",
        "parsely-title",
        "title",
    ),
    "authors": (
        "author",
        "dc.creator",
        "dcterms.creator",
        "sailthru.author",
        "parsely-author",
        "byl",
        "citation_author",
        "article_author",
        "content-creator",
    ),
    "published": (
        "datepublished",
        "pubdate",
        "publishdate",
        "publish-date",
        "pub_date",
        "date",
        "dc.date",
        "dc.date.issued",
        "dcterms.date",
        "dcterms.created",
        "datecreated",
        "sailthru.date",
        "parsely-pub-date",
        "citation_publication_date",
        "article_date_original",
        "article.published",
    ),
    "url": ("twitter:url",),
    "image": ("twitter:image", "twitter:image:src", "thumbnailurl"),
    "site_name": ("application-name", "dc.publisher"),
    "language": ("content-language", "dc.language", "language"),
    "description": (
        "description",
        "twitter:description",
        "dc.description",
        "dcterms.description",
        "sailthru.description",
    ),
}
# Author markup, most specific first; the first selector that gives names wins. A selector with
# more matches than an article has authors is marking up comments or teasers, and is skipped.
AUTHOR_MARKUP = (
    '[itemprop~="author"] [itemprop~="name"]',
    '[itemprop~="author"]',
    'a[rel~="author"]',
    '[class*="author-name"], [class*="authorName"], [class*="author__name"]',
    '[class~="byline"]',
)
MAX_MARKUP_AUTHORS = 4
MAX_BYLINE_CHARS = 100  # longer "author" elements are bios or comment policies
# A class name (or a dash/underscore-separated part of one) that marks a photo credit.
_CREDIT_CLASS = re.compile(
    r"(?<![a-z])(?:credit|copyright|courtesy|photographer|attribution|source)s?(?![a-z])",
    re.IGNORECASE,
)


def _named(value: Any) -> Any:
    """A name given directly or as a schema.org object's `name`."""
    return value.get("name") if isinstance(value, dict) else value


def _entity_url(value: Any) -> Any:
    return value.get("@id") or value.get("url") if isinstance(value, dict) else value


def _people(value: Any) -> list[Any]:
    """Author names of a JSON-LD `author`, organisations left out."""
    return [
        _named(a)
        for a in listed(value)
        if not (isinstance(a, dict) and types_of(a) & ORGANIZATION_TYPES)
    ]


def from_json_ld(objects: list[JsonObject], base: str | None) -> PageMeta:
    article, site = article_record(objects) or {}, site_record(objects) or {}
    language = article.get("inLanguage")
    return PageMeta(
        title=stated_text(article.get("headline")) or stated_text(article.get("name")),
        authors=person_names(_people(article.get("author"))),
        published=iso_date(article.get("datePublished")) or iso_date(article.get("dateCreated")),
        url=absolute_url(article.get("url"), base)
        or absolute_url(_entity_url(article.get("mainEntityOfPage")), base),
        site_name=stated_text(_named(article.get("publisher"))) or stated_text(site.get("name")),
        language=language_tag(
            language.get("alternateName") if isinstance(language, dict) else language
        ),
        description=stated_text(article.get("description")),
        image=next(
            filter(None, (stated_text(_entity_url(i)) for i in listed(article.get("image")))), None
        ),
    )


def meta_tags(tree: LexborHTMLParser) -> dict[str, list[str]]:
    """Every `<meta>` tag's content by its lower-cased property, name, itemprop or http-equiv."""
    tags: dict[str, list[str]] = {}
    for node in tree.css("meta[content]"):
        attrs = node.attributes
        key = (
            attrs.get("property")
            or attrs.get("name")
            or attrs.get("itemprop")
            or attrs.get("http-equiv")
        )
        if key and (content := attrs.get("content")):
            tags.setdefault(key.strip().lower(), []).append(content)
    return tags


def from_meta_tags(
    tags: dict[str, list[str]], keys: dict[str, tuple[str, ...]], base: str | None
) -> PageMeta:
    """The first usable value of each field's tags, in the order `keys` lists them."""

    def first(field: str, normalise: Callable[[str], str | None]) -> str | None:
        return next(
            (v for key in keys[field] for c in tags.get(key, ()) if (v := normalise(c))), None
        )

    return PageMeta(
        title=first("title", stated_text),
        authors=person_names([c for key in keys["authors"] for c in tags.get(key, ())]),
        published=first("published", iso_date),
        url=first("url", lambda c: absolute_url(c, base)),
        site_name=first("site_name", stated_text),
        language=first("language", language_tag),
        description=first("description", stated_text),
        image=first("image", stated_text),  # made absolute once the page's own URL is known
    )


def canonical_url(tree: LexborHTMLParser, base: str | None) -> str | None:
    link = tree.css_first('link[rel~="canonical"][href]')
    return absolute_url(link.attributes.get("href"), base) if link else None


def markup_authors(tree: LexborHTMLParser) -> tuple[str, ...]:
    for selector in AUTHOR_MARKUP:
        texts = [n.text(separator=" ") for n in tree.css(selector)]
        bylines = [t for t in texts if len(t) <= MAX_BYLINE_CHARS]
        if 0 < len(texts) <= MAX_MARKUP_AUTHORS and (names := person_names(bylines)):
            return names
    return ()


def _figure_picture(caption: LexborNode, base: str | None) -> str | None:
    """The URL of the `<img>` in the `<figure>` a caption belongs to."""
    figure = caption.parent
    img = figure.css_first("img[src]") if figure is not None and figure.tag == "figure" else None
    return absolute_url(img.attributes.get("src"), base) if img else None


def figure_images(tree: LexborHTMLParser, base: str | None = None) -> tuple[Image, ...]:
    """(caption, credit, url) of each `<figcaption>`; a credit is an element with a
    credit-like class, or a credit the caption ends in ("… (Photo: AFP)"); the URL is its
    figure's `<img>`."""
    images: list[Image] = []
    for node in tree.css("figcaption"):
        text = node.text(separator=" ")
        marked = [
            c for c in node.css("[class]") if _CREDIT_CLASS.search(c.attributes.get("class") or "")
        ]
        credits = list(
            dict.fromkeys(c.text(separator=" ") for c in marked if c.mem_id != node.mem_id)
        )
        credits = [
            c for c in credits if not any(c != other and c in other for other in credits)
        ]  # outermost
        for credit_text in credits:
            text = text.replace(credit_text, " ")
        caption, credit = stated_text(text), stated_text(" ".join(credits))
        if caption and not credit and (split := split_credit(caption, caption, lexicon())):
            caption, credit = split
        image = Image(caption, credit, _figure_picture(node, base))
        if (caption or credit) and image not in images:
            images.append(image)
    return tuple(images)


def from_elements(tree: LexborHTMLParser, stated: PageMeta, base: str | None = None) -> PageMeta:
    """What the page's elements say, looked for only where its metadata (`stated`) is silent:
    the metadata comes first, and each look is a pass over the tree."""
    title, root = tree.css_first("title"), tree.root
    return PageMeta(
        title=None if stated.title or not title else stated_text(title.text()),
        authors=() if stated.authors else markup_authors(tree),
        language=None if stated.language or not root else language_tag(root.attributes.get("lang")),
        images=() if stated.images else figure_images(tree, base),
    )


def from_htmldate(html: str, url: str | None) -> PageMeta:
    """The publication date htmldate finds in the raw page (it parses it again: only a fallback)."""
    from htmldate import find_date as htmldate  # heavy, like trafilatura: loaded when first needed

    with _no_day_from_the_clock():
        found = htmldate(html, extensive_search=False, original_date=True, url=url)
    return PageMeta(published=iso_date(found))


_HTMLDATE = threading.Lock()
_UNSTATED = datetime(1, 1, 1)  # what a date lacks stays unknown: htmldate rejects year 1


@contextmanager
def _no_day_from_the_clock() -> Iterator[None]:
    """htmldate hands a date such as "2007/12" to dateutil, which takes the missing day from
    today's: the same page would give another date tomorrow. For our call its parser fills in
    from `_UNSTATED` (a missing day is the 1st); its memo of parsed strings is emptied on both
    sides, so no answer crosses between our calls and the caller's own."""
    from htmldate import extractors

    with _HTMLDATE:
        original = extractors.dateutil_parse
        extractors.try_date_expr.cache_clear()
        extractors.dateutil_parse = partial(original, default=_UNSTATED)
        try:
            yield
        finally:
            extractors.dateutil_parse = original
            extractors.try_date_expr.cache_clear()
