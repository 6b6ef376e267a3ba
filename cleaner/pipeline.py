"""The whole flow, one stage after another:
read -> segment -> detect outlet -> outlet pack -> generic heuristics -> canonical text -> metadata,
with the marking stages run again on their own output until it is settled (see `Cleaner.settle`).
"""

from __future__ import annotations

import os
from collections.abc import Sequence
from dataclasses import replace
from pathlib import Path

from . import heuristics
from .canonical import canonical_paragraphs, canonical_text
from .detect import OutletMatch, detect, detect_page
from .encoding import surrogates_warning, without_surrogates
from .heuristics.fields import stated_url
from .html.page import Page
from .metadata import build
from .model import Document
from .packs import PackSet, apply_pack
from .packs.index import PackIndex
from .read import read_bytes, read_path
from .result import Result
from .trees import Models
from .segment import segment


# The extractor has already isolated an HTML page's article, and the page states its title;
# these whole-page-dump heuristics would only cut into the article (measured on bench/html:
# F1 0.955 with them, 0.98 without; guessing a title from repeated lines cost 0.003 more).
# A figure's caption is an element pruning and the block model judge; the paragraphs left
# above a credit line are article text (taken as captions on wide: about 1,700 words of gold
# text against 150 words of others). Tags in a page's text are ones its writer printed.
HTML_DISABLED = frozenset(
    {
        "generic.outside-body",
        "generic.headline",
        "generic.second-headline",
        "generic.repeated-title",
        "generic.caption-above-credit",
        "generic.markup",
    }
)
# A pack describes its outlet's pages; the article-body model is for pages nobody wrote one for,
# and on a pack's cleaned page it takes the paragraphs after a moved "Related" line for a footer.
PACK_DISABLED = frozenset({"generic.outside-body"})
# Passes over an output that still loses blocks; the bench and seeds never need a second.
MAX_SETTLE_PASSES = 3
PathLike = str | os.PathLike[str]  # what the API takes where a path is meant


class Cleaner:
    """Holds the compiled packs; cleaning keeps no state between documents, so one instance can
    serve many threads."""

    def __init__(
        self,
        rules_dirs: Sequence[PathLike] = (),
        packs: PackSet | None = None,
        models: Models = Models(),
    ) -> None:
        """`rules_dirs`: a list of folders (or pack files) whose packs join the installed ones
        (built-in, entry points, `$CLEANER_RULES`), as `clean --rules` does; one bare path is
        refused, since a string would be read letter by letter. `packs`: exactly these packs
        instead. `models`: the fitted models to use, the shipped ones by default."""
        if isinstance(rules_dirs, (str, bytes, os.PathLike)):
            raise TypeError(
                f"rules_dirs takes a list of folders or pack files: rules_dirs=[{rules_dirs!r}]"
            )
        self.packs = packs if packs is not None else PackSet.load([Path(d) for d in rules_dirs])
        self.index = PackIndex(list(self.packs))
        self.models = models
        self.lexicon = replace(heuristics.lexicon(), body=models.text)

    def mark(self, doc: Document, outlet: str | None = None) -> OutletMatch | None:
        """Segment the document and mark its blocks, stopping short of the output: what
        `clean explain` shows. Returns the outlet used, if any."""
        heuristics.forget()
        match = self.mark_once(doc, outlet)
        self.settle(doc, self.disabled(doc, match))
        return match

    @staticmethod
    def disabled(doc: Document, match: OutletMatch | None) -> frozenset[str]:
        """The heuristics left out for this document: a page's exemptions, and what its
        outlet's pack switches off (its `disable:` and the body model, since the pack
        describes its pages). Settling keeps them: the pack's word is final."""
        pack = (*match.pack.disable, *PACK_DISABLED) if match else ()
        return frozenset({*pack, *(HTML_DISABLED if doc.html else ())})

    def settle(self, doc: Document, disabled: frozenset[str] = frozenset()) -> None:
        """Clean the output again, as a user would, and carry what that removes back to the
        blocks it came from, until a pass removes nothing: then cleaning an output returns it
        unchanged. Heuristics read position and neighbours (the first line of a text is its
        headline, a run of lone paragraphs is a teaser list), so a removal can expose more.
        The output is cleaned as a text of no known outlet (a pack's rules describe its pages,
        which the output no longer is), with the heuristics the first pass left out
        (`disabled`) still left out."""
        for _ in range(MAX_SETTLE_PASSES):
            sources = canonical_paragraphs(doc.kept())
            if not sources:
                return
            output = "".join(f"{text}\n\n" for text, _ in sources)[:-1]
            again = read_bytes(output.encode("utf-8"), doc.source, html=False)
            self.mark_output(again, disabled)
            removed = [b for b in again.blocks if b.mark is not None]
            if not removed:
                return
            for block in removed:  # paragraph k of the output is its line 2k + 1
                for k in range((block.start - 1) // 2, (block.end - 1) // 2 + 1):
                    for source in sources[k][1]:
                        source.mark = source.mark or block.mark
        doc.warnings.append(f"output not settled in {MAX_SETTLE_PASSES} more cleaning pass(es)")

    def mark_once(
        self, doc: Document, outlet: str | None = None, disabled: frozenset[str] = frozenset()
    ) -> OutletMatch | None:
        """One marking pass, not settled; `disabled`: heuristic ids to leave out."""
        match = OutletMatch(self.packs.get(outlet), "forced") if outlet else None
        if doc.html:
            match = self._extract(doc, match)
        doc.blocks = segment(doc.text)
        doc.url = doc.url or stated_url(doc.blocks, self.lexicon)
        match = match or detect(doc.blocks, self.packs, doc.url, doc.warnings, self.index)
        if match:
            apply_pack(match.pack, doc)
        heuristics.run(
            doc.blocks, disabled={*disabled, *self.disabled(doc, match)}, lex=self.lexicon
        )
        return match

    def mark_output(self, doc: Document, disabled: frozenset[str]) -> None:
        """Mark a cleaned output as settling does: as a text of no outlet (no pack is looked
        for), with the heuristics in `disabled` left out."""
        doc.blocks = segment(doc.text)
        heuristics.run(doc.blocks, disabled=disabled, lex=self.lexicon)

    def _extract(self, doc: Document, match: OutletMatch | None) -> OutletMatch | None:
        """HTML: the page's metadata tells its outlet, whose pack's selectors prune the page
        before the article text is extracted; the text then goes through the block stages."""
        page = Page(doc.text, doc.url)
        doc.page = page.meta
        doc.url = doc.url or page.meta.url
        match = match or detect_page(page.meta, self.packs, doc.url, self.index)
        rules = match.pack.html if match else None
        doc.extraction = page.extract(
            self.models.html, rules.remove if rules else (), rules.body if rules else None
        )
        doc.text = doc.extraction.text
        doc.warnings.extend(doc.extraction.warnings)
        return match

    def clean_document(self, doc: Document, outlet: str | None = None) -> Result:
        """A document already read (`cleaner.read`): marked, settled, its text and metadata."""
        match = self.mark(doc, outlet)
        text = canonical_text(doc.kept())
        if not text:
            doc.warnings.append("no article text left after cleaning")
        return Result(text=text, metadata=build(doc, match, text))

    def clean_text(
        self,
        text: str,
        *,
        url: str | None = None,
        outlet: str | None = None,
        source: str | None = None,
        html: bool | None = None,
    ) -> Result:
        """A document already decoded: an HTML page in it is not decoded again with the charset it
        declares. `html` says whether it is one (by default its first characters tell). Lone
        surrogates, which no text can hold, become U+FFFD with a warning (`read_bytes` mends
        the url's)."""
        if not isinstance(text, str):  # None gave "'NoneType' object has no attribute 'isascii'"
            raise TypeError(
                f"clean_text takes a str, not {type(text).__name__} (bytes: clean_bytes)"
            )
        text, surrogates = without_surrogates(text)
        doc = read_bytes(text.encode("utf-8"), source, url, html, known="utf-8")
        if surrogates:
            doc.warnings.append(surrogates_warning(surrogates))
        return self.clean_document(doc, outlet)

    def clean_bytes(
        self,
        data: bytes | bytearray | memoryview,
        *,
        url: str | None = None,
        outlet: str | None = None,
        source: str | None = None,
    ) -> Result:
        """Bytes as they came (a file's, a response's): the encoding is found, HTML recognised.
        Any bytes-like object will do (a bytearray, a memoryview)."""
        if not isinstance(data, (bytes, bytearray, memoryview)):  # 3 read as three NUL bytes
            raise TypeError(
                f"clean_bytes takes bytes, not {type(data).__name__} (a str: clean_text)"
            )
        return self.clean_document(read_bytes(bytes(data), source, url), outlet)

    def clean_file(
        self, path: PathLike, *, outlet: str | None = None, max_bytes: int | None = None
    ) -> Result:
        """A file, refused (InputError) when larger than `max_bytes`."""
        return self.clean_document(read_path(Path(path), max_bytes), outlet)
