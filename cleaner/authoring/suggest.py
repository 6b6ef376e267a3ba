"""Draft a pack from several articles of one outlet: what recurs across them is furniture.

Each sample is segmented as the cleaner would; block texts are counted across samples and
within each. A text seen in two or more samples, or repeated within one, is a candidate. The
page head above each sample's article (down to the first block the generic layer moves to the
title, dek, byline or date, or else to the first that reads like prose) becomes a header cut,
and the page foot below the article a footer cut (`cuts.py` says where each is anchored); the
candidates between them become drop rules. A long, stopword-rich block seen in only one sample
reads like article prose and is never proposed. Lines that differ only in their numbers (a
metered banner's count, "1 free article" or "3 free articles") count as one. No drop is
proposed for a line the generic layer already removes beside a pack, nor for a byline or a
date line (the metadata's, or a comment's, which the footer cut takes with its comment). The
author reviews the draft (see `draft.py`).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from ..heuristics.bylines import is_byline
from ..heuristics.bylines import is_dateline
from ..lexicon import lexicon
from ..model import Block
from ..packs import PackSet
from ..pipeline import PACK_DISABLED, Cleaner
from ..read import InputError, read_bytes, read_path
from ..segment import segment
from .cuts import TOKENS, Cut, find_cut
from .identity import domains, signatures

# A block of at least this many words with this share of stopwords, or ending like a sentence,
# reads like article prose; such a block repeated within one sample only is never proposed.
PROSE_MIN_WORDS = 8
PROSE_STOPWORD_SHARE = 0.2
PROSE_ENDINGS = tuple('.!?"”’')
STOPWORDS = frozenset(
    "a an and are as at be but by for from had has have he her his in is it its of on or said she "
    "that the their there they this to was were which who will with would".split()
)
# A sentence this long, ending like one and with stopwords, is article text when some samples
# lack it: a background paragraph reused in two stories is no outlet's furniture.
ARTICLE_MIN_WORDS = 15
Recurring = Callable[[str], bool]  # whether a line is seen across samples
MAX_GAP_SHOWN = 3  # lines the header cut leaves above the head, shown to the author
HEAD_FIELDS = frozenset({"title", "subtitle", "byline", "date"})  # what an article's head moves


def singular(word: str) -> str:
    """An English plural's singular, near enough to tell "1 story" and "3 stories" agree."""
    return word[:-3] + "y" if word.endswith("ies") else word.removesuffix("s")


def shape(text: str) -> str:
    """What a line says whatever its numbers: each number one mark, each word of a line with a
    number in the singular ("You have 3 free articles" and "You have 1 free article" agree)."""
    if not any(c.isdigit() for c in text):
        return text
    return "".join("#" if t.isdigit() else singular(t) for t in TOKENS.findall(text))


def _stop_share(words: list[str]) -> float:
    return sum(w.strip(",;:.!?\"“”'’") in STOPWORDS for w in words) / len(words)


def reads_like_prose(text: str) -> bool:
    words = text.casefold().split()
    if len(words) < PROSE_MIN_WORDS:
        return False
    return _stop_share(words) >= PROSE_STOPWORD_SHARE or text.endswith(PROSE_ENDINGS)


def reads_as_article(text: str) -> bool:
    """A full sentence that reads as article text: not proposed unless every sample prints it
    (a background paragraph reused in two stories is the stories'). A sentence the generic
    lexicon knows for furniture (a newsletter promo) is not one."""
    words = text.casefold().split()
    return (
        len(words) >= ARTICLE_MIN_WORDS
        and text.endswith(PROSE_ENDINGS)
        and _stop_share(words) >= PROSE_STOPWORD_SHARE
        and not lexicon().may_be_furniture(text)
    )


@dataclass
class Seen:
    """One block text and where it was seen: in which samples, how many times in all."""

    text: str
    samples: set[int] = field(default_factory=set)
    count: int = 0
    article: bool = False  # article text found in some samples only (see `analyse`)
    variants: set[str] = field(default_factory=set)  # the texts of this shape (see `shape`)
    generic: bool = True  # wherever seen, the generic layer removed it, or a byline or date line
    link: bool = False  # somewhere the generic layer took it for a link to another story

    @property
    def writable(self) -> bool:
        """Text a rule can match and a pack file can hold: not empty, no control characters."""
        return bool(self.text) and self.text.isprintable()

    @property
    def across(self) -> bool:
        """Recurs across samples and is not article text: a header or footer run ends at the
        first block that reads as an article's."""
        return len(self.samples) >= 2 and self.writable and not self.article

    @property
    def furniture(self) -> bool:
        """Recurs across samples, or repeats within one without reading like prose; never a
        sentence of article text, nor what the generic layer takes care of."""
        repeated = self.count >= 2 and self.writable and not reads_like_prose(self.text)
        return (self.across or repeated) and not self.generic


@dataclass
class Findings:
    """What the samples share, ready to be written as a draft pack."""

    total: int
    header: Seen | None
    footer: Seen | None
    drops: list[Seen]
    signatures: list[Seen]
    domains: list[str]
    header_within: int = 0  # the longest header, in blocks
    header_prefix: str = ""  # how the block above the head starts on every sample, if it varies
    footer_prefix: str = ""  # how the block below the article starts on every sample, if it varies
    header_gap: list[str] = field(default_factory=list)  # lines left between the cut and the head


def _head_start(blocks: list[Block], heads: set[str], seen: dict[str, Seen]) -> int:
    """Where the article's head begins: the first block the generic layer moves to a head field,
    or else the first that reads like prose; never a line other samples print too (that is the
    outlet's, whatever the generic layer made of it)."""
    own = [i for i, b in enumerate(blocks) if not seen[shape(b.text)].across]
    moved = (i for i in own if blocks[i].text in heads)
    prose = (i for i in own if reads_like_prose(blocks[i].text))
    return next(moved, next(prose, 0))


def _read(path: Path) -> str:
    try:
        return read_path(path).text
    except InputError as err:
        raise InputError(f"{path}: {err}") from None


@dataclass
class GenericView:
    """A sample as the generic layer reads it: what it removes or moves beside a pack, what
    it moves to the article's head, what it takes for links to other stories, and the last
    block it keeps with no pack at all."""

    removed: set[str]
    heads: set[str]
    links: set[str]
    last: str | None


def _generic(text: str, bare: Cleaner) -> GenericView:
    beside = read_bytes(text.encode("utf-8"), None, html=False)
    bare.mark_once(beside, None, disabled=PACK_DISABLED)
    marked = [b for b in beside.blocks if b.mark is not None]
    alone = read_bytes(text.encode("utf-8"), None, html=False)
    bare.mark(alone)
    kept = [b.text for b in alone.blocks if b.mark is None]
    return GenericView(
        {b.text for b in marked},
        {b.text for b in marked if b.mark is not None and b.mark.field in HEAD_FIELDS},
        {b.text for b in marked if b.mark is not None and b.mark.kind == "related"},
        kept[-1] if kept else None,
    )


def _article_end(lines: list[str], last: str | None, top: int, across: Recurring) -> int | None:
    """The block below the article's last paragraph, if any, after the header's anchor: below
    the last block the generic layer keeps, or where the run of recurring lines that ends the
    sample begins, whichever comes first."""
    kept = [i + 1 for i, text in enumerate(lines) if text == last and i > top]
    run = len(lines)
    while run - 1 > top and across(lines[run - 1]):
        run -= 1
    end = min(kept[-1] if kept else len(lines), run)
    return end if end < len(lines) else None


def _cuts(
    lines: list[list[str]], views: list[GenericView], starts: list[int], seen: dict[str, Seen]
) -> tuple[Cut | None, Cut | None]:
    """The header cut, anchored above each sample's head (`starts`), and the footer cut below
    its article; an anchor is a line each sample prints once, so a cut stops where it should."""

    def across(text: str) -> bool:
        return seen[shape(text)].across

    def once(text: str) -> bool:
        return across(text) and seen[shape(text)].count == len(seen[shape(text)].samples)

    def steady(text: str) -> bool:
        return not seen[shape(text)].generic

    edges = [s - 1 if s else None for s in starts]
    top = find_cut(lines, edges, [range(s - 1, -1, -1) for s in starts], shape, once, steady)
    tops = top.places if top else [-1] * len(lines)
    ends = [_article_end(x, view.last, t, across) for x, view, t in zip(lines, views, tops)]
    searches = [range(e, len(t)) if e is not None else range(0) for t, e in zip(lines, ends)]
    return top, find_cut(lines, ends, searches, shape, once, steady)


def analyse(samples: Sequence[Path], outlet: str, names: Sequence[str] = ()) -> Findings:
    """Read and compare the samples; `names` (the outlet's name, its domains) help pick signatures.
    An unreadable sample raises InputError naming it."""
    texts = [_read(path) for path in samples]
    documents = [segment(text) for text in texts]
    seen: dict[str, Seen] = {}
    bare = Cleaner(packs=PackSet({}))
    views = [_generic(text, bare) for text in texts]
    for number, (view, blocks) in enumerate(zip(views, documents)):
        for block in blocks:
            entry = seen.setdefault(shape(block.text), Seen(block.text))
            entry.samples.add(number)
            entry.count += 1
            entry.variants.add(block.text)
            head_line = is_byline(block.text) or is_dateline(block.text)
            entry.generic &= block.text in view.removed or head_line
            entry.link |= block.text in view.links
    for entry in seen.values():  # a sentence in every sample is the outlet's (a comments policy)
        entry.article = len(entry.samples) < len(samples) and reads_as_article(entry.text)
    lines = [[b.text for b in blocks] for blocks in documents]
    heads = set().union(*(view.heads for view in views))
    starts = [_head_start(blocks, heads, seen) for blocks in documents]
    top, bottom = _cuts(lines, views, starts, seen)
    tops = top.places if top else [-1] * len(lines)
    bottoms = bottom.places if bottom else [-1] * len(lines)
    gap = [
        text
        for texts, t, start in zip(lines, tops, starts)
        for text in texts[t + 1 : start]
        if not seen[shape(text)].generic
    ]
    inside = {
        shape(text)
        for texts, t, b in zip(lines, tops, bottoms)
        for text in texts[t + 1 : b if b >= 0 else len(texts)]
    }
    header = seen[shape(top.text)] if top else None
    footer = seen[shape(bottom.text)] if bottom else None
    cuts = {shape(s.text) for s in (header, footer) if s}
    drops = [s for key, s in seen.items() if s.furniture and key in inside and key not in cuts]
    return Findings(
        len(samples),
        header,
        footer,
        drops,
        signatures(seen.values(), [outlet, *names]),
        domains(texts, outlet),
        max(tops) + 1,
        top.prefix if top else "",
        bottom.prefix if bottom else "",
        list(dict.fromkeys(gap))[:MAX_GAP_SHOWN],
    )
