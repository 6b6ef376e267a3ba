"""Metadata stage: turn moved and dropped blocks into the document's metadata.

Only what the document states is reported; a field the text does not give stays null or empty.
For an HTML page, what the page declares about itself (`cleaner.html.meta`: JSON-LD, then
OpenGraph, meta tags and elements) comes first, and what the text rules find fills only what
the page leaves out; a headline the text rules found that differs from the page's title is
kept as an alternate title.
"""

from __future__ import annotations

import hashlib
from collections import Counter
from collections.abc import Iterable
from typing import TYPE_CHECKING, cast

import regex

from .dates import WEEKDAY, date_span, find_date
from .detect import OutletMatch
from .heuristics import lexicon
from .heuristics.captions import placeholder_caption, split_credit
from .heuristics.fields import url_in
from .heuristics.bylines import BYLINE_PREFIX, is_role_line
from .inline import MARKDOWN_AUTOLINK, MARKDOWN_LINK
from .model import Block, Document
from .result import Counts, Extraction, Image, Metadata, Outlet, Related, Removal, Route
from .stoplists import language_code
from .version import package_version

if TYPE_CHECKING:  # html.meta reads bylines with this module's parser
    from .html.meta import PageMeta

_AGENCY_SPLIT = regex.compile(r"^(?P<names>.+?)\s+(?:for|/|\||of)\s+(?P<agency>.+)$")
# What follows the names in a byline: a separator and the date ("By Tess Bonn - 11/19/19 06:56
# AM"), "on" and a date or weekday ("… on November 19, 2019"), "at" or "in" and a place.
_WEEKDAY = rf"{WEEKDAY}\b\.?,?"
_BYLINE_TAIL = regex.compile(
    rf"\s+(?:(?:[-–—|•·]|//)(?:\s+|$)|(?i:on)\s+(?=\p{{Lu}}\p{{Ll}}+\.?\s+\d|\d|(?i:{_WEEKDAY}))"
    r"|(?:at|in)\s+(?=\p{Lu}|\d)).*$"
)
# Where a byline stops naming people even without a separator: a handle, a "Published …" or
# "Updated …" label, the post's topics ("Matt Egan @mattmegan5 March 27", "Tim Ferriss Topics: …").
_BYLINE_STOP = regex.compile(
    r"\s*(?:@\w|\b(?:published|updated|posted)\b|\b(?:topics|tags|filed under|categories):).*$",
    regex.IGNORECASE,
)
# What is left between the names and a date or handle cut off after them: "on", a weekday,
# a separator or an opening bracket.
_TRAILING = regex.compile(rf"(?:\s*[-–—|•,/:(]|\s+(?:on|at|{_WEEKDAY}))+\s*$", regex.IGNORECASE)
_DIGIT = regex.compile(r"\d")
_NAME_WORD = regex.compile(r"\b(?![ap]m\b)\p{L}{2,}", regex.IGNORECASE)  # not a time's "pm"
_LEADING = regex.compile(r"^[\s,;:|•·/-]+")
_AUTHOR_SPLIT = regex.compile(r"\s*(?:,|\band\b|&)\s*")
_AFFILIATION = regex.compile(r"\s*\(([^()]{2,40})\)$")  # "Jenna Ruiz (KVTR)": the author's outlet
_BARE_URL = regex.compile(r"(?:https?|ftp)://[^\s<>()\[\]]+[^\s<>()\[\].,;:!?'\"”’]")
_RELATED_LABEL = regex.compile(r"^[^:]{1,40}:\s*")
_WORD = regex.compile(r"\w+")


def parse_byline(text: str) -> tuple[list[str], str | None]:
    """`By Anna Malpas for AFP` -> (["Anna Malpas"], "AFP")."""
    authors, _, agency = parse_byline_roles(text)
    return authors, agency


def _names_part(text: str) -> str:
    """The part of a byline that names people: without its "By", without the date (read
    elsewhere) and what leads up to it ("on Tuesday", " / "), or a handle or a "Published" label
    and what follows them; a byline that starts with its date names them after it."""
    names = BYLINE_PREFIX.sub("", text)
    if (span := date_span(names)) and not _NAME_WORD.search(names[: span[0]]):
        names = BYLINE_PREFIX.sub("", _LEADING.sub("", names[span[1] :]))  # "1:54 pm May 9, by X"
        span = date_span(names)
    cut = _BYLINE_STOP.sub("", names[: span[0] if span else None])
    if cut != names:
        names = _TRAILING.sub("", cut)
    return _BYLINE_TAIL.sub("", names).strip()


def parse_byline_roles(text: str) -> tuple[list[str], list[str | None], str | None]:
    """`By Helen Marsh, Political Correspondent, and Tom Okafor` -> the authors, the role each
    states (None where one states none) and the agency. A role is a byline part after a comma
    that reads as a job title (`job_titles` in the lexicon), never an author of its own."""
    names = _names_part(text)
    agency = None
    if m := _AGENCY_SPLIT.match(names):
        names, agency = m["names"], m["agency"].strip()
    else:
        *people, last = _AUTHOR_SPLIT.split(names)
        if people and lexicon().agency.fullmatch(last):
            names, agency = ", ".join(people), last
    authors: list[str] = []
    roles: list[str | None] = []

    def is_role(part: str) -> bool:
        return bool(part and authors and roles[-1] is None and lexicon().job_title.search(part))

    for chunk in (c.strip() for c in names.split(",")):
        if is_role(chunk) and is_role(_AUTHOR_SPLIT.split(chunk)[-1]):  # "Arts and culture writer"
            roles[-1] = chunk
            continue
        for part in (a.strip() for a in _AUTHOR_SPLIT.split(chunk)):
            if affiliation := _AFFILIATION.search(part):
                part, agency = part[: affiliation.start()], agency or affiliation[1]
            if is_role(part):
                roles[-1] = part
            elif part and not _DIGIT.search(part):  # a time, a count: no name has digits
                authors.append(part)
                roles.append(None)
    return authors, roles, agency


def slug(text: str) -> str:
    return "-".join(_WORD.findall(text.casefold().replace("'", "").replace("’", "")))


def links_in(raw: str) -> list[str]:
    """Real URLs of a block: markdown link targets, autolinks and bare URLs (not `#` anchors)."""
    if "://" not in raw:  # every URL kept below has one; most blocks have none
        return []
    found = [m.group(2) for m in MARKDOWN_LINK.finditer(raw)]
    found += [m.group(1) for m in MARKDOWN_AUTOLINK.finditer(raw)]
    found += _BARE_URL.findall(MARKDOWN_AUTOLINK.sub("", MARKDOWN_LINK.sub("", raw)))
    return [u for u in found if u.startswith(("http://", "https://", "ftp://"))]


def _unique(items: Iterable[str]) -> list[str]:
    return list(dict.fromkeys(items))


def _related(blocks: list[Block], links: list[str]) -> list[Related]:
    """`READ: title` lines; the URL is the block's own link or a link whose slug is the title."""
    related = []
    for block in blocks:
        title = _RELATED_LABEL.sub("", block.text, count=1)
        url = next(iter(links_in(block.raw)), None)
        if url is None and (key := slug(title)):
            url = next((u for u in links if u.rstrip("/").rsplit("/", 1)[-1].startswith(key)), None)
        related.append(Related(title=title, url=url))
    return related


def _images(blocks: list[Block]) -> list[Image]:
    """Captions (with a trailing credit split off) and credits, a credit joining the caption above it."""
    images: list[Image] = []
    lex = lexicon()
    for i, block in enumerate(blocks):
        field = block.mark.field if block.mark else None
        if field == "caption":
            raw, text = block.raw, block.text
            if block.mark and block.mark.rule == "generic.image":  # "[Image: the caption]"
                raw = text = placeholder_caption(text)
            caption, credit = split_credit(raw, text, lex) or (text, None)
            images.append(Image(caption=caption, credit=credit))
        elif field == "credit":
            above = blocks[i - 1].mark if i else None
            if above and above.field == "caption" and images[-1].credit is None:
                images[-1].credit = block.text
            else:
                images.append(Image(credit=block.text))
    return images


def _page_images(page: PageMeta | None) -> list[Image]:
    """An HTML page's figures, and first its lead image when no figure shows it."""
    if page is None:
        return []
    images = [Image(caption=i.caption, credit=i.credit, url=i.url) for i in page.images]
    if page.image and all(i.url != page.image for i in images):
        images.insert(0, Image(url=page.image))
    return images


def build(doc: Document, outlet: OutletMatch | None, text: str) -> Metadata:
    moved = {
        name: doc.moved(name)
        for name in ("title", "alternate_title", "subtitle", "byline", "date", "url")
    }
    authors: list[str] = []
    roles: list[str | None] = []
    agency = None
    for block in moved["byline"]:
        if roles and roles[-1] is None and is_role_line(block.text):  # the title under a byline
            roles[-1] = block.text
            continue
        names, found_roles, found_agency = parse_byline_roles(block.text)
        authors += names
        roles += found_roles
        agency = agency or found_agency
    page = doc.page
    titles = _unique(
        ([page.title] if page and page.title else []) + [b.text for b in moved["title"]]
    )
    published = (page.published if page else None) or next(
        (d for b in moved["date"] + moved["byline"] if (d := find_date(b.text))), None
    )
    if page and page.authors:
        authors, roles = list(page.authors), []
    url = doc.url or next((u for b in moved["url"] if (u := url_in(b.text))), None)
    links = _unique(u for b in doc.blocks for u in links_in(b.raw) if u != url)
    removed = [
        Removal(
            kind=b.mark.kind,
            rule=b.mark.rule,
            lines=(b.start, b.end),
            text=b.raw,
            moved_to=b.mark.field,
        )
        for b in doc.blocks
        if b.mark is not None
    ] + [Removal(kind=e.kind, rule=e.rule, lines=(e.start, e.end), text=e.text) for e in doc.edits]
    return Metadata(
        source=doc.source,
        source_sha256=doc.sha256,
        encoding=doc.encoding,
        outlet=Outlet(
            id=outlet.pack.id,
            name=outlet.pack.name,
            detected_by=outlet.detected_by,
            evidence=list(outlet.evidence),
        )
        if outlet
        else None,
        title=titles[0] if titles else None,
        alternate_titles=_unique(titles[1:] + [b.text for b in moved["alternate_title"]]),
        subtitle=" ".join(b.text for b in moved["subtitle"]) or None,
        authors=_unique(authors),
        author_roles=list(dict(zip(authors, roles)).values()) if any(roles) else [],
        agency=agency,
        published=published,
        url=url,
        site_name=page.site_name if page else None,
        language=page.language if page else language_code(text),
        description=page.description if page else None,
        # html.route names only the routes `Route` lists (its extractors' and the model's)
        extraction=Extraction(route=cast(Route, doc.extraction.route), reason=doc.extraction.reason)
        if doc.extraction
        else None,
        links=links,
        related=_related(doc.moved("related"), links),
        images=_page_images(page) + _images(doc.blocks),
        counts=Counts(
            words=len(text.split()),
            paragraphs=text.count("\n\n") + 1 if text else 0,
            input_chars=len(doc.text),
            output_chars=len(text),
        ),
        removed=removed,
        removed_by_kind=dict(Counter(r.kind for r in removed)),
        text_sha256=hashlib.sha256(text.encode("utf-8")).hexdigest(),
        cleaner_version=package_version(),
        warnings=list(doc.warnings),  # the result's own lists, as a model's were
    )
