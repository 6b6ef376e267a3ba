"""Draft a pack from several articles of one outlet: what recurs across them is furniture.

Each sample is segmented as the cleaner would; block texts are counted across samples and
within each. A text seen in two or more samples, or repeated within one, is a candidate. The
run of candidates at the top of each sample is its header, the run at the bottom its footer;
the other candidates become drop rules. A long, stopword-rich block seen in only one sample
reads like article prose and is never proposed. Lines that differ only in their numbers (a
metered banner's count, "1 free article" or "3 free articles") count as one. No drop is
proposed for a line the generic layer already removes beside a pack, nor for a byline or a
date line (the metadata's, or a comment's, which the footer cut takes with its comment). The
author reviews the draft (see `draft.py`).
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path

import regex

from ..heuristics.head import is_byline, is_dateline
from ..model import Block
from ..lexicon import lexicon
from ..packs import PackSet
from ..pipeline import PACK_DISABLED, Cleaner
from ..read import InputError, read_bytes, read_path
from ..segment import segment

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
SIGNATURE_MAX_CHARS = 80  # detection signatures are short, whole lines
MAX_SIGNATURES = 3
NAME_WORD_MIN_CHARS = 4  # shorter words of an outlet's name ("the", "news") name nothing
_URL_HOST = regex.compile(r"https?://(?:www\.)?([a-z0-9.-]+\.[a-z]{2,})", regex.IGNORECASE)
_NOT_ALNUM = regex.compile(r"[^\p{L}\p{N}]+")
TOKENS = regex.compile(r"\d+|\w+|\W+")  # numbers, words and what stands between them


def singular(word: str) -> str:
    """An English plural's singular, near enough to tell "1 story" and "3 stories" agree."""
    return word[:-3] + "y" if word.endswith("ies") else word.removesuffix("s")


def shape(text: str) -> str:
    """What a line says whatever its numbers: each number one mark, each word of a line with a
    number in the singular ("You have 3 free articles" and "You have 1 free article" agree)."""
    if not any(c.isdigit() for c in text):
        return text
    return "".join("#" if t.isdigit() else singular(t) for t in TOKENS.findall(text))


def squash(text: str) -> str:
    """Letters and digits only, case-folded: `The Globe and Mail` -> `theglobeandmail`."""
    return _NOT_ALNUM.sub("", text.casefold())


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
    header_within: int = 0  # the longest header run, in blocks


def _runs(blocks: list[Block], seen: dict[str, Seen]) -> tuple[int, int]:
    """Lengths of the leading and trailing runs of blocks seen in other samples too."""
    top = next((i for i, b in enumerate(blocks) if not seen[shape(b.text)].across), len(blocks))
    bottom = next(
        (i for i, b in enumerate(reversed(blocks)) if not seen[shape(b.text)].across), len(blocks)
    )
    return top, min(bottom, len(blocks) - top)


def _most_common(texts: list[str], seen: dict[str, Seen]) -> Seen | None:
    return seen[Counter(map(shape, texts)).most_common(1)[0][0]] if texts else None


def _signatures(seen: dict[str, Seen], names: Sequence[str]) -> list[Seen]:
    """Short lines seen across samples: those naming the outlet first (the most words of its id,
    name or domain), then the most widely seen, then the longest."""
    keys = {
        squash(w)
        for n in names
        for w in regex.split(r"[\s.-]+", n)
        if len(squash(w)) >= NAME_WORD_MIN_CHARS
    }
    candidates = [
        s
        for s in seen.values()
        if s.across and len(s.text) <= SIGNATURE_MAX_CHARS and squash(s.text)
    ]

    def rank(s: Seen) -> tuple[int, int, int]:
        return sum(k in squash(s.text) for k in keys), len(s.samples), len(s.text.split())

    return sorted(candidates, key=rank, reverse=True)[:MAX_SIGNATURES]


def _domains(texts: list[str], outlet: str) -> list[str]:
    """Hosts linked in the samples whose name contains the outlet id."""
    hosts = {m.group(1).lower() for text in texts for m in _URL_HOST.finditer(text)}
    return sorted(h for h in hosts if squash(outlet) in squash(h))


def _read(path: Path) -> str:
    try:
        return read_path(path).text
    except InputError as err:
        raise InputError(f"{path}: {err}") from None


def _generic(text: str, bare: Cleaner) -> set[str]:
    """The blocks of a sample the generic layer (`bare`, a Cleaner with no pack) removes or
    moves when a pack is in use."""
    doc = read_bytes(text.encode("utf-8"), None, html=False)
    bare.mark_once(doc, None, disabled=PACK_DISABLED)
    return {b.text for b in doc.blocks if b.mark is not None}


def analyse(samples: Sequence[Path], outlet: str, names: Sequence[str] = ()) -> Findings:
    """Read and compare the samples; `names` (the outlet's name, its domains) help pick signatures.
    An unreadable sample raises InputError naming it."""
    texts = [_read(path) for path in samples]
    documents = [segment(text) for text in texts]
    seen: dict[str, Seen] = {}
    bare = Cleaner(packs=PackSet({}))
    for number, (text, blocks) in enumerate(zip(texts, documents)):
        generic = _generic(text, bare)
        for block in blocks:
            entry = seen.setdefault(shape(block.text), Seen(block.text))
            entry.samples.add(number)
            entry.count += 1
            entry.variants.add(block.text)
            head_line = is_byline(block.text) or is_dateline(block.text)
            entry.generic &= block.text in generic or head_line
    for entry in seen.values():  # a sentence in every sample is the outlet's (a comments policy)
        entry.article = len(entry.samples) < len(samples) and reads_as_article(entry.text)
    heads, feet, inside, within = [], [], set(), 0
    for blocks in documents:
        top, bottom = _runs(blocks, seen)
        within = max(within, top)
        if top:
            heads.append(blocks[top - 1].text)
        if bottom:
            feet.append(blocks[len(blocks) - bottom].text)
        inside |= {shape(b.text) for b in blocks[top : len(blocks) - bottom]}
    header, footer = _most_common(heads, seen), _most_common(feet, seen)
    cuts = {shape(s.text) for s in (header, footer) if s}
    drops = [s for key, s in seen.items() if s.furniture and key in inside and key not in cuts]
    return Findings(
        len(samples),
        header,
        footer,
        drops,
        _signatures(seen, [outlet, *names]),
        _domains(texts, outlet),
        within,
    )
