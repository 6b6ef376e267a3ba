"""Which blocks of a pruned page are its article, and by what evidence.

- `pack-body`: the outlet's pack names the article's element (`html: body:`) and it is there,
  so every block under it is kept (the pack's rules clean them afterwards).
- Otherwise three candidates: `block-model`, the page's blocks scored by the fitted two-stage
  model over their features (`features.py`, readability's choice among them), kept at the
  threshold; `readability`, readability-lxml on the pruned page; `trafilatura` with its
  own fallbacks on the whole page less code and comment threads. The block model's blocks win
  unless the fitted route selector (`routes.py`), reading how much each candidate found and how
  far they agree, expects an extractor to do better: no page comes out empty when an extractor
  finds its article.
- `live-blog`: a page whose JSON-LD lists a live blog's updates (`liveblog.py`): the blocks
  that state them, when they hold more than the chosen candidate's text (the candidates, fitted
  on pages of one article, take one entry of a live blog for the article).
Each route says why it won, for the metadata and `clean explain`.
"""

from __future__ import annotations

import logging
from collections.abc import Sequence
from dataclasses import dataclass
from functools import cache
from pathlib import Path

import numpy as np
from selectolax.lexbor import LexborHTMLParser, LexborNode

from ..lexicon import lexicon
from ..trees import BlockModel
from .blocks import DomBlock, dom_blocks, row_lines
from ..features import covered, words_of
from .features import BLOCK_FEATURES, block_features, context
from .liveblog import entry_lines
from .routes import pick, route_features

MODEL_FILE = Path(__file__).with_name("block_model.json")
HEAD_PARAGRAPHS = 3  # an extractor's leading lines that may repeat the headline
_WORDS, _TITLE = BLOCK_FEATURES.index("log_words"), BLOCK_FEATURES.index("title")


@cache
def shipped_model() -> BlockModel:
    return BlockModel.load(MODEL_FILE)


@dataclass(frozen=True)
class Extraction:
    """The article's paragraphs and the route that chose them."""

    paragraphs: list[str]
    route: str
    reason: str
    warnings: tuple[str, ...] = ()  # what kept an extractor from the page

    @property
    def text(self) -> str:
        return "\n\n".join(self.paragraphs)


def readability_text(html: str) -> str:
    """The article as readability-lxml sees it; '' when it finds none. (trafilatura's port of
    it lacks, among others, the preference for an element marked as the article's body: on the
    pruned pages of bench and wide it scored 0.907 F1 where readability-lxml scored 0.925.)"""
    from readability import Document

    logging.getLogger("readability").setLevel(logging.ERROR)  # it logs every page's choices
    try:
        summary = Document(html).summary(html_partial=True)
    except Exception:  # noqa: BLE001 - its failure is only missing evidence
        return ""
    body = LexborHTMLParser(_page(summary)).body if summary else None
    # A line per block, as the block route cuts them: a separator between every text node would
    # break a paragraph at each link or emphasis.
    return "\n".join(row_lines(dom_blocks(body))) if body is not None else ""


def trafilatura_text(html: str) -> str:
    """trafilatura's article text with its own fallbacks (readability, jusText) on."""
    from trafilatura.core import bare_extraction
    from trafilatura.settings import Extractor

    options = Extractor(output_format="python", comments=False, tables=True)
    document = bare_extraction(html, options=options)
    return getattr(document, "text", None) or ""  # None when nothing was found


@dataclass(frozen=True)
class Candidates:
    """What every route found on one page: the blocks with the model's scores, and the texts of
    the two extractors (readability on the pruned page, trafilatura on the whole page less code
    and comment threads)."""

    blocks: list[DomBlock]
    rows: np.ndarray  # BLOCK_FEATURES
    scores: np.ndarray
    readability: str
    trafilatura: str

    def keep(self, threshold: float) -> np.ndarray:
        """Which blocks the model keeps, the headline aside (it is metadata)."""
        return (self.scores >= threshold) & (self.rows[:, _TITLE] == 0)


def page_features(
    root: LexborNode, title: str | None, readable: bool = True
) -> tuple[list[DomBlock], np.ndarray, str]:
    """The page's blocks, their BLOCK_FEATURES and readability's text (which they include; ''
    when the page is not `readable` by it)."""
    blocks = dom_blocks(root)
    readability = readability_text(_page(root.inner_html or "")) if readable else ""
    return (
        blocks,
        block_features(blocks, title, covered([b.text for b in blocks], readability), lexicon()),
        readability,
    )


def scores(model: BlockModel, blocks: Sequence[DomBlock], rows: np.ndarray) -> np.ndarray:
    first = model.first.predict(rows)
    return model.second.predict(
        np.hstack([rows, context(blocks, first, np.expm1(rows[:, _WORDS]))])
    )


def candidates(
    root: LexborNode, html: str | None, title: str | None, model: BlockModel, readable: bool
) -> Candidates:
    """What every route found; `html` None keeps trafilatura from the page and `readable` False
    readability (their texts '', which the route selector never picks)."""
    blocks, rows, readability = page_features(root, title, readable)
    found = trafilatura_text(html) if html is not None else ""
    return Candidates(blocks, rows, scores(model, blocks, rows), readability, found)


def _page(inner: str) -> str:
    return f"<html><body>{inner}</body></html>"


def paragraphs(text: str, title: str | None = None) -> list[str]:
    """An extractor's one-block-per-line text as paragraphs, without leading repeats of `title`
    (the headline is metadata; extractors often keep it, and its repeats, at the top)."""
    found = [line for line in (raw.strip() for raw in text.splitlines()) if line]
    headline = words_of(title) if title else None
    return [
        p
        for i, p in enumerate(found)
        if not (i < HEAD_PARAGRAPHS and headline and words_of(p) == headline)
    ]


def choose(found: Candidates, model: BlockModel, title: str | None = None) -> Extraction:
    """The block model's blocks, unless the route selector expects an extractor to do better
    on this page (an article the model barely found, or one it cut into)."""
    texts, keep = [b.text for b in found.blocks], found.keep(model.threshold)
    stated = (
        f"the model kept {int(keep.sum())} of {len(found.blocks)} blocks at p >= "
        f"{model.threshold:.2f}"
    )
    evidence = route_features(
        texts,
        found.rows,
        keep,
        found.readability,
        found.trafilatura,
        found.scores,
    )
    best, preference, overruled = pick(
        model.routes, evidence, {r: getattr(found, r) for r in model.routes}
    )
    said = ", ".join(f"{route} {p:.2f}" for route, p in sorted(preference.items()))
    said += f"; {overruled}" if overruled else ""
    if best is not None:
        return Extraction(
            paragraphs(getattr(found, best), title),
            best,
            f"{stated}; the selector prefers {best} ({said})",
        )
    return Extraction(
        row_lines(found.blocks, keep.tolist()),
        "block-model",
        f"{stated}; the selector keeps them ({said})" if said else stated,
    )


def extract(
    root: LexborNode,
    html: str | None,
    title: str | None,
    model: BlockModel,
    body: str | None = None,
    updates: Sequence[tuple[str, str]] = (),
    readable: bool = True,
) -> Extraction:
    """The article of a pruned page (`root` is its body; `html` the whole page as an extractor
    reads it, `prune.without`, or None to keep trafilatura from it; `updates`: a live blog's
    entries as its JSON-LD lists them; `readable` False keeps readability-lxml from it)."""
    chosen = root.css(body) if body else []
    if chosen:
        paragraphs = [line for node in chosen for line in row_lines(dom_blocks(node))]
        return Extraction(paragraphs, "pack-body", f"the pack's body selector {body!r} matched")
    found = candidates(root, html, title, model, readable)
    picked = choose(found, model, title)
    entries = entry_lines(found.blocks, updates) if updates else []
    if sum(map(len, entries)) <= sum(map(len, picked.paragraphs)):
        return picked
    said = f"the page's JSON-LD lists {len(updates)} live-blog updates; the blocks that state them"
    return Extraction(entries, "live-blog", f"{said} hold more than {picked.route}'s text")
