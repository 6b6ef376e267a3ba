"""The headline the page prints against the title its metadata states.

A stated title is often the printed headline with more around it: the site and the section
("BBC NEWS | Technology | Apple unveils video iPod", "Seth's Blog: Yesterday's over"), or a
shorter promotional form of it ("Famine risks are 'badly managed'" printed as "Chatham House
report: Famine risks are 'badly managed'"). Readers, and reference texts, know the article by the
printed one. A heading (`<h1>` to `<h3>`) that stands in the stated title or the `<title>`
element as a whole part, or holds the stated title as a whole part, is that headline; any other
heading (a section name, another story's headline) says nothing of the title. Headings in the
page's own header, or naming the site, are its logo. Whatever is reported loses the parts at
its ends that name the site: a domain ("Forbes.com: …"), its stated name, a name in its host.
"""

from __future__ import annotations

import re

from selectolax.lexbor import LexborHTMLParser, LexborNode

from ..inline import stated_text
from ..urls import hostname

MAX_HEADINGS = 3  # of each level; a page prints its headline once, near the top
HEADING_LEVELS = ("h1", "h2", "h3")  # under a logo's `<h1>`, old templates and blogs print it lower
MIN_WORDS = 2  # a one-word heading that is part of the title is its section ("Technology")
# What separates parts of a title: a bar, colon, bullet or guillemet, or a dash between spaces
# (a hyphen inside "Wal-Mart" separates nothing).
_BEFORE = re.compile(r"(?:[|:·•»«]|\s[-–—])\s*$")
_AFTER = re.compile(r"^\s*(?:[|:·•»«]|[-–—]\s)")
# The page's own header, where the site's name stands in a heading too: an element whose id or a
# class is "header", "site-header", "banner", "masthead", "logo", "header-name" and the like, not
# the header of an entry, a module or the comments ("entry-header").
_SITE_HEADER = re.compile(
    r"^(?:(?:site|blog|page|main|top)[-_]?)?"
    r"(?:header|banner|masthead|branding|logo)(?:[-_][a-z]+)?$",
    re.IGNORECASE,
)
SITE_HEADER_DEPTH = 4  # the heading and the elements around it that may be the page's header
_IS_DOMAIN = re.compile(r"^[\w-]+(?:\.[\w-]+)*\.[a-z]{2,6}$", re.IGNORECASE)
_SEPARATOR = re.compile(r"(\s*(?:[|:·•»«]|//)\s+|\s+[-–—]{1,2}\s+)")
_SQUASH = re.compile(r"[\W_]+")
_SECOND_LEVEL = frozenset({"co", "com", "org", "net", "ac", "gov", "edu"})  # .co.uk, .com.au
SITE_EXTRA_CHARS = 8  # a part naming the site may add a word to the host's name ("Yahoo News")
MIN_SITE_CHARS = 3  # shorter parts ("A", "Go") name nothing


def is_part(part: str, whole: str) -> bool:
    """Whether `part` stands in `whole` as one or more of its separated parts, not the whole."""
    text, key = whole.casefold(), part.casefold()
    start = text.find(key)
    while start >= 0:
        before, after = whole[:start], whole[start + len(key) :]
        if (before or after) and (not before or _BEFORE.search(before)):
            if not after or _AFTER.match(after):
                return True
        start = text.find(key, start + 1)
    return False


def _squashed(text: str) -> str:
    return _SQUASH.sub("", text.casefold())


def _names_site(part: str, known: list[str]) -> bool:
    """Whether a part of a title names the site: a domain, or one of the `known` names (its
    stated name, the names in its host: "Mental Floss" on mentalfloss.com), give or take a word."""
    name = _squashed(part)
    if _IS_DOMAIN.match(part.strip()) or not name:
        return True
    return any(
        (name in site and len(name) >= MIN_SITE_CHARS)
        or (site in name and len(name) <= len(site) + SITE_EXTRA_CHARS)
        for site in known
    )


def _host_names(url: str | None) -> list[str]:
    """The names in a URL's host: "bbc" and "news" of news.bbc.co.uk, "thefischbowl" and
    "blogspot" of thefischbowl.blogspot.com (a blog's name is its subdomain)."""
    *labels, top = ((hostname(url) if url else None) or "").split(".")
    if len(labels) > 1 and len(top) == 2 and labels[-1] in _SECOND_LEVEL:
        labels.pop()
    return [_squashed(label) for label in labels if label != "www"]


def title_without_site(title: str, site_name: str | None, url: str | None) -> str:
    """`title` without the parts naming the site at its start or end (see `_names_site`)."""
    return _without_site(title, _site_names(site_name, url))


def _site_names(site_name: str | None, url: str | None) -> list[str]:
    return [name for name in (_squashed(site_name or ""), *_host_names(url)) if name]


def _without_site(title: str, known: list[str]) -> str:
    parts = _SEPARATOR.split(title)  # text, separator, text, …
    while len(parts) > 2 and _names_site(parts[-1], known):
        parts = parts[:-2]
    while len(parts) > 2 and _names_site(parts[0], known):
        parts = parts[2:]
    return "".join(parts)


def _in_site_header(node: LexborNode | None) -> bool:
    for _ in range(SITE_HEADER_DEPTH):
        if node is None:
            return False
        names = [node.attributes.get("id") or "", *(node.attributes.get("class") or "").split()]
        if any(_SITE_HEADER.match(name) for name in names):
            return True
        node = node.parent
    return False


def article_title(
    tree: LexborHTMLParser, title: str | None, site_name: str | None, url: str | None = None
) -> str | None:
    """The title to report for a page whose metadata states `title` (see the module): of the
    headings standing in a title, the longest; else of those holding it, the shortest; else the
    stated title. The page's `url` and `site_name` say which parts name the site."""
    if not title:
        return None
    element = tree.css_first("title")
    page = stated_text(element.text()) if element else None
    known = _site_names(site_name, url)
    within, holding = [], []
    for level in HEADING_LEVELS:
        for node in tree.css(level)[:MAX_HEADINGS]:
            heading = stated_text(node.text(separator=" "))
            if (
                not heading
                or len(heading.split()) < MIN_WORDS
                or _names_site(heading, known)
                or _in_site_header(node)
            ):
                continue
            if any(is_part(heading, t) for t in (title, page) if t):
                within.append(heading)
            elif is_part(title, heading):
                holding.append(heading)
    found = max(within, key=len) if within else min(holding, key=len, default=title)
    return _without_site(found, known)
