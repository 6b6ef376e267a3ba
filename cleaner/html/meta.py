"""Page metadata: the record, how values are normalised, and how sources are merged.

Each source (`sources.py`) gives a partial `PageMeta`; `merge` takes every field from the first
source that states it, in this order, most to least trusted:

1. JSON-LD: the article's own record (`NewsArticle` and kin), its publisher, the `WebSite`.
2. OpenGraph: `og:*` and `article:*` properties.
3. Other `<meta>` tags: `author`, `description`, Dublin Core, Twitter, Sailthru, Parse.ly, dates.
4. HTML elements: `<title>` (without the site's name), `<html lang>`, `<figcaption>` captions,
   author markup (`itemprop=author`, `rel=author`, `byline` classes).
5. htmldate, trafilatura's date extractor (`<time>` elements, the URL, the text), only when no
   source above states a date, since it is the slowest and least exact.

The URL is the one exception: `<link rel=canonical>` exists for exactly that and comes first.
After merging, authors that are the site itself ("CNN Business" on CNN) are dropped.
The text pipeline's own findings (byline, date line) should fill only what is still missing:
a publisher's declared data is more exact than what a rule reads off the text.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, fields
from typing import Any, NamedTuple

from ..dates import find_date
from ..inline import stated_text
from ..metadata import parse_byline
from ..urls import resolved

# Years before this are CMS placeholders ("0001-01-01"), as is the Unix epoch's first day.
MIN_YEAR = 1900
PLACEHOLDER_DATES = frozenset({"1970-01-01"})
_COMPACT_DATE = re.compile(r"^(\d{4})(\d{2})(\d{2})(?:\D|$)")
_LANGUAGE = re.compile(r"^[a-z]{2,3}(?:-[a-z0-9]{2,8})*$", re.IGNORECASE)
_NOT_A_NAME = re.compile(r"https?:|www\.|@|\.com\b", re.IGNORECASE)
# What bylines put next to names: roles ("AP Auto Writer", "Science X staff") and degrees ("RDN").
_ROLE = re.compile(
    r"\b(?:writer|correspondent|editor|reporter|columnist|contributor|staff|producer)$",
    re.IGNORECASE,
)
_CREDENTIAL = re.compile(r"^(?:[A-Z]{2,4}|Ph\.?\s?D\.?|M\.?D\.?)$")
# What author links say besides a name ("View my complete profile", "More posts"), and the
# endings of a company's name ("Allied Newspapers Ltd").
_NOT_A_PERSON = re.compile(
    r"^(?:view|see|read|visit|follow|contact|email|more|all)\b|\b(?:profile|posts|articles)$"
    r"|\b(?:ltd|llc|inc|corp|plc|gmbh|pty)\.?$",
    re.IGNORECASE,
)


class Image(NamedTuple):
    caption: str | None
    credit: str | None
    url: str | None = None  # the picture itself, an absolute http(s) URL


@dataclass(frozen=True)
class PageMeta:
    """What the page states; a field it does not state is None or empty."""

    title: str | None = None
    authors: tuple[str, ...] = ()
    published: str | None = None  # ISO 8601 date, as the page states it (its own time zone)
    url: str | None = None
    site_name: str | None = None
    language: str | None = None  # BCP 47 tag: "en", "en-US"
    description: str | None = None
    images: tuple[Image, ...] = ()
    image: str | None = None  # the lead image the page names (og:image, JSON-LD `image`)


def iso_date(value: Any) -> str | None:
    text = stated_text(value)
    if text is None:
        return None
    if m := _COMPACT_DATE.match(text):
        text = "-".join(m.groups())
    found = find_date(text)
    return (
        found if found and int(found[:4]) >= MIN_YEAR and found not in PLACEHOLDER_DATES else None
    )


def _is_person(name: str) -> bool:
    return not (
        _NOT_A_NAME.search(name)
        or _ROLE.search(name)
        or _CREDENTIAL.match(name)
        or _NOT_A_PERSON.search(name)
        or (name.islower() and " " not in name)
    )


def person_names(values: list[Any]) -> tuple[str, ...]:
    """People's names from byline strings ("By A and B"), without roles, degrees and anything that
    looks like a URL or handle; duplicates go."""
    names: list[str] = []
    for value in values:
        if text := stated_text(value):
            names.extend(n for n in parse_byline(text)[0] if _is_person(n))
    unique: dict[str, str] = {}
    for name in names:
        unique.setdefault(name.casefold(), name)
    return tuple(unique.values())


def without_site(authors: tuple[str, ...], site_name: str | None) -> tuple[str, ...]:
    """Authors that are not the site itself ("Jill Disis, CNN Business" on CNN)."""
    site = (site_name or "").casefold()
    return tuple(
        a for a in authors if not site or (site not in a.casefold() and a.casefold() not in site)
    )


def absolute_url(value: Any, base: str | None) -> str | None:
    """An http(s) URL, resolved against `base` and without its #fragment."""
    text = stated_text(value)
    url = resolved(text, base) if text else None
    return url if url and url.startswith(("http://", "https://")) else None


def language_tag(value: Any) -> str | None:
    text = (stated_text(value) or "").replace("_", "-")
    return text if _LANGUAGE.match(text) else None


def merge(*sources: PageMeta) -> PageMeta:
    """Each field from the first source that states it."""
    stated = (
        (f.name, next((v for s in sources if (v := getattr(s, f.name))), None))
        for f in fields(PageMeta)
    )
    return PageMeta(**{name: value for name, value in stated if value})
