"""A parsed page: its metadata, then its article (see the package's docstring for the flow)."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, replace

from selectolax.lexbor import LexborHTMLParser, LexborNode

from ..trees import BlockModel
from .decode import decode_html
from .guard import crowded, tame
from .headline import article_title
from .jsonld import JsonObject, json_ld_objects
from .liveblog import live_updates
from .meta import PageMeta, absolute_url, merge, without_site
from .prune import prune, without
from .route import Extraction, extract, shipped_model
from .sources import (
    META_TAGS,
    OPENGRAPH,
    canonical_url,
    from_elements,
    from_htmldate,
    from_json_ld,
    from_meta_tags,
    meta_tags,
)


@dataclass(frozen=True)
class HtmlDocument:
    text: str  # one paragraph per line, paragraphs separated by one blank line
    meta: PageMeta
    encoding: str | None  # how the bytes were decoded; None for text input
    warnings: tuple[str, ...] = ()  # what was done to markup no parser should be handed


def page_meta(
    tree: LexborHTMLParser, html: str, url: str | None, objects: list[JsonObject]
) -> PageMeta:
    """The page's own metadata, given its JSON-LD `objects`; read before pruning, which deletes
    where much of it lives."""
    tags = meta_tags(tree)
    stated = merge(
        from_json_ld(objects, url),
        from_meta_tags(tags, OPENGRAPH, url),
        from_meta_tags(tags, META_TAGS, url),
    )
    own_url = canonical_url(tree, url) or stated.url
    meta = merge(stated, from_elements(tree, stated, own_url or url))
    meta = replace(
        meta,
        title=article_title(tree, meta.title, meta.site_name, own_url or url),
        url=own_url or meta.url,
        image=absolute_url(meta.image, own_url or url),
        authors=without_site(meta.authors, meta.site_name),
    )
    return meta if meta.published else merge(meta, from_htmldate(html, meta.url or url))


class Page:
    """A parsed page in two steps: its metadata first (which tells the pipeline the outlet, and
    so the pack's selectors), then its article, extracted once with those selectors."""

    def __init__(self, html: str, url: str | None = None) -> None:
        self.html = html
        self._tree = LexborHTMLParser(html)
        objects = json_ld_objects(self._tree)  # read before pruning takes the scripts
        self.meta = page_meta(self._tree, html, url, objects)
        self.updates = live_updates(objects)  # a live blog's entries as its JSON-LD lists them

    def prune(self, remove: Sequence[str] = ()) -> LexborNode | None:
        """The body without what can never be article text; prunes the parsed page in place."""
        return prune(self._tree, remove)

    def extract(
        self, model: BlockModel | None = None, remove: Sequence[str] = (), body: str | None = None
    ) -> Extraction:
        """The article (see `route`); prunes the parsed page, so call it once."""
        # The pack's selectors go once, here: applied to this tree again, a positional one
        # (`p:nth-of-type(2)`) would take the element after the one it took.
        page = self.for_extractors(remove)
        whole = self._tree.root  # what trafilatura reads
        crowd = crowded(whole) if whole is not None else None
        root = self.prune()
        if root is None:
            return Extraction([], "none", "the page has no body")
        # readability-lxml reads the pruned page, a part of trafilatura's, and is slow only over
        # the children of divs: crowded for it only if the whole page is
        lean = crowded(root, "div") if crowd else None
        found = extract(
            root,
            None if crowd else page,
            self.meta.title,
            model or shipped_model(),
            body,
            self.updates,
            readable=lean is None,
        )
        warnings = [f"the page has {crowd}: trafilatura was not run on it"] if crowd else []
        if lean:
            warnings.append(f"the pruned page has {lean}: readability-lxml was not run on it")
        return replace(found, warnings=tuple(warnings)) if warnings else found

    def for_extractors(self, remove: Sequence[str] = ()) -> str:
        """The page an extractor that reads the whole page gets (see `prune.without`); cuts the
        parsed page in place, so call it before `prune`."""
        return without(self._tree, remove)


def extract_html(
    html: str | bytes,
    *,
    remove: Sequence[str] = (),
    body: str | None = None,
    url: str | None = None,
) -> HtmlDocument:
    """Article text and metadata of one page. `remove`: CSS selectors of elements that are never
    article text; `body`: CSS selector of the article body; `url`: the page's address, to resolve
    relative URLs. Raises `cleaner.read.InputError` for bytes that are not text. The markup is
    tamed first, as the read stage does (`guard.tame`): one element with 40,000 attributes took
    17.6 s untamed, 0.05 s tamed."""
    html, encoding = decode_html(html) if isinstance(html, bytes) else (html, None)
    warnings: list[str] = []
    page = Page(tame(html, warnings), url)
    extraction = page.extract(remove=remove, body=body)
    return HtmlDocument(
        text=extraction.text,
        meta=page.meta,
        encoding=encoding,
        warnings=(*warnings, *extraction.warnings),
    )
