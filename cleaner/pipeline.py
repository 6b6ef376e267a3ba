"""The whole flow, one stage after another:
read -> segment -> detect outlet -> outlet pack -> generic heuristics -> canonical text -> metadata.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from . import heuristics
from .canonical import canonical_text
from .detect import OutletMatch, detect, detect_page
from .heuristics.fields import stated_url
from .metadata import build
from .model import Document
from .packs import PackSet, apply_pack
from .packs.index import PackIndex
from .read import read_bytes, read_path
from .result import Result
from .segment import segment


# The extractor has already isolated an HTML page's article; these whole-page-dump heuristics
# would only cut into it (measured on bench/html: F1 0.955 with them, 0.98 without).
HTML_DISABLED = frozenset({"generic.outside-body", "generic.body-furniture", "generic.headline", "generic.second-headline"})


class Cleaner:
    """Holds the compiled packs; cleaning keeps no state between documents, so one instance can
    serve many threads."""

    def __init__(self, rules_dirs: Sequence[Path] = (), packs: PackSet | None = None) -> None:
        self.packs = packs if packs is not None else PackSet.load(rules_dirs)
        self.index = PackIndex(list(self.packs))

    def mark(self, doc: Document, outlet: str | None = None) -> OutletMatch | None:
        """Segment the document and mark its blocks, stopping short of the output: what
        `clean explain` shows. Returns the outlet used, if any."""
        match = OutletMatch(self.packs.get(outlet), "forced") if outlet else None
        if doc.html:
            match = self._extract(doc, match)
        doc.blocks = segment(doc.text)
        doc.url = doc.url or stated_url(doc.blocks, heuristics.lexicon())
        match = match or detect(doc.blocks, self.packs, doc.url, doc.warnings, self.index)
        if match:
            apply_pack(match.pack, doc)
        disabled = {*(match.pack.disable if match else ()), *(HTML_DISABLED if doc.html else ())}
        heuristics.run(doc.blocks, disabled=disabled)
        return match

    def _extract(self, doc: Document, match: OutletMatch | None) -> OutletMatch | None:
        """HTML: the page's metadata tells its outlet, whose pack's selectors prune the page
        before the article text is extracted; the text then goes through the block stages."""
        from .html import Page  # trafilatura is heavy: loaded with the first page

        page = Page(doc.text, doc.url)
        doc.page = page.meta
        doc.url = doc.url or page.meta.url
        match = match or detect_page(page.meta, self.packs, doc.url, self.index)
        rules = match.pack.html if match else None
        doc.text = page.text(rules.remove, rules.body) if rules else page.text()
        return match

    def clean_document(self, doc: Document, outlet: str | None = None) -> Result:
        match = self.mark(doc, outlet)
        text = canonical_text(doc.kept())
        if not text:
            doc.warnings.append("no article text left after cleaning")
        return Result(text=text, metadata=build(doc, match, text))

    def clean_text(self, text: str, *, url: str | None = None, outlet: str | None = None, source: str | None = None) -> Result:
        return self.clean_bytes(text.encode("utf-8"), url=url, outlet=outlet, source=source)

    def clean_bytes(self, data: bytes, *, url: str | None = None, outlet: str | None = None, source: str | None = None) -> Result:
        return self.clean_document(read_bytes(data, source, url), outlet)

    def clean_file(self, path: Path, *, outlet: str | None = None) -> Result:
        return self.clean_document(read_path(path), outlet)
