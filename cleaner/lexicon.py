"""The lexicon: the word lists and patterns the heuristics and the block features read
(`heuristics/lexicon.yaml`), and the article-body model that goes with them.

It sits below both the heuristics and the features, so either can read it.
"""

from __future__ import annotations

from bisect import bisect_left
from collections.abc import Iterable
from dataclasses import dataclass, field
from functools import cache, lru_cache
from pathlib import Path

import regex
import yaml

from .model import Field
from .patterns import atoms, opens_group
from .prefilter import Prefilter, prefilter
from .segment import MAX_BLOCKS
from .trees import BlockModel

HEURISTICS = Path(__file__).with_name("heuristics")
LEXICON_FILE = HEURISTICS / "lexicon.yaml"
BODY_MODEL_FILE = HEURISTICS / "body_model.json"  # fitted by scripts/fit_blocks.py
FLAGS = regex.IGNORECASE | regex.UNICODE


# Global inline flags and comments: a split could move what they cover.
_UNSPLITTABLE = regex.compile(r"\(\?[a-zA-Z-]+\)|\(\?#")


def branches(pattern: str) -> list[str]:
    """The top-level alternatives of `pattern`; one with global inline flags or a comment stays
    whole, grouped, so it is never taken for an anchored alternative."""
    if _UNSPLITTABLE.search(pattern):
        return [f"(?:{pattern})"]
    found: list[str] = []
    current: list[str] = []
    depth = 0
    for atom in atoms(pattern):
        if opens_group(atom):
            depth += 1
        elif atom == ")":
            depth -= 1
        elif atom == "|" and depth == 0:
            found.append("".join(current))
            current = []
            continue
        current.append(atom)
    return [*found, "".join(current)]


def _union(alternatives: list[str], prefix: str = "") -> regex.Pattern[str] | None:
    if not alternatives:
        return None
    return regex.compile(prefix + "(?:" + "|".join(f"(?:{a})" for a in alternatives) + ")", FLAGS)


@dataclass(frozen=True, slots=True)
class AnyOf:
    """Lexicon patterns searched as one. The alternatives anchored at the start are tried there
    once, the others in one search: in a single pattern, the `regex` module tries the anchored
    ones at every position too, which made the furniture check three times slower. With the
    `fast` extra, a hyperscan prefilter first rules out most texts in one scan (#16).

    Unions of only the anchored alternatives that can start with a text's first character, built
    as first met, saved nothing measurable (`scripts/stages.py`: 25.8 and 26.4 ms a document
    without them, 24.3 and 26.1 with; without the prefilter 31.1 and 32.5 against 32.6 and
    33.3), and a process paid some 2 s compiling them over its first hundred pages."""

    anchored: regex.Pattern[str] | None
    floating: regex.Pattern[str] | None
    prefilter: Prefilter | None = field(default=None, compare=False)
    ids: frozenset[int] = frozenset()  # the alternatives' ids in `prefilter`

    @classmethod
    def of(cls, patterns: Iterable[str], prefilter: Prefilter | None = None) -> AnyOf:
        """With no `prefilter`, every search takes the plain `regex` path."""
        alternatives = [b for p in patterns for b in branches(p)]
        anchored = [a[1:] for a in alternatives if a.startswith("^")]
        return cls(
            _union(anchored, "^"),
            _union([a for a in alternatives if not a.startswith("^")]),
            prefilter=prefilter,
            ids=prefilter.add(alternatives) if prefilter else frozenset(),
        )

    def _at_start(self, text: str) -> bool:
        return bool(self.anchored and self.anchored.match(text))

    def _ruled_out(self, text: str) -> bool:
        return self.prefilter is not None and self.ids.isdisjoint(self.prefilter.hits(text))

    def search(self, text: str) -> bool:
        """Whether any pattern occurs in `text`."""
        if self._ruled_out(text):
            return False
        return self._at_start(text) or bool(self.floating and self.floating.search(text))

    def match(self, text: str) -> bool:
        """Whether any pattern occurs at the start of `text` (one that occurs nowhere cannot)."""
        if self._ruled_out(text):
            return False
        return self._at_start(text) or bool(self.floating and self.floating.match(text))


@dataclass(frozen=True, slots=True)
class PatternSet:
    """Named furniture patterns with the longest block they may claim."""

    kind: str
    field: Field | None
    max_chars: int
    pattern: AnyOf

    def matches(self, text: str) -> bool:
        return len(text) <= self.max_chars and self.pattern.search(text)


@dataclass(frozen=True, slots=True)
class Lexicon:
    furniture: dict[str, PatternSet]
    comment_start: AnyOf
    comment_heading: AnyOf
    related_heading: AnyOf
    about_heading: AnyOf  # "About Jane Doe": a note about someone may follow
    person_words: AnyOf  # pronouns of one person: a note about someone speaks of them
    self_url_label: AnyOf
    job_title: AnyOf  # a byline part that is the author's role
    agency: regex.Pattern[str]
    agencies: tuple[str, ...]  # the names `agency` matches, longest first
    stopwords: frozenset[str]
    # For each length limit of the furniture entries (ascending), every pattern whose entry may
    # claim a block that long, searched at once: one search rules most blocks out.
    furniture_limits: tuple[int, ...]
    furniture_unions: tuple[AnyOf, ...]
    body: BlockModel | None = None  # the article-body model; None: the shipped one (`body_model`)

    def body_model(self) -> BlockModel:
        return self.body or shipped_body_model()

    def may_be_furniture(self, text: str) -> bool:
        """One search with every pattern that may claim a block this long; only blocks that pass
        are tried entry by entry."""
        group = bisect_left(self.furniture_limits, len(text))
        return group < len(self.furniture_unions) and self.furniture_unions[group].search(text)


@cache
def shipped_body_model() -> BlockModel:
    return BlockModel.load(BODY_MODEL_FILE)


@cache
def lexicon() -> Lexicon:
    data = yaml.safe_load(LEXICON_FILE.read_text(encoding="utf-8"))
    pool = prefilter(FLAGS)  # one database for every set, when hyperscan is installed

    def any_of(patterns: Iterable[str]) -> AnyOf:
        return AnyOf.of(patterns, pool)

    furniture = {
        name: PatternSet(
            entry["kind"], entry.get("field"), entry["max_chars"], any_of(entry["patterns"])
        )
        for name, entry in data["furniture"].items()
    }
    agencies = sorted(data["agencies"], key=len, reverse=True)
    limits = tuple(sorted({e["max_chars"] for e in data["furniture"].values()}))
    return Lexicon(
        furniture=furniture,
        comment_start=any_of(data["comment_start"]),
        comment_heading=any_of(data["comment_heading"]),
        related_heading=any_of(data["related_heading"]),
        about_heading=any_of(data["about_heading"]),
        person_words=any_of(data["person_words"]),
        self_url_label=any_of(data["self_url_labels"]),
        job_title=any_of(data["job_titles"]),
        # Agency names are matched case-sensitively: "AP" is an agency, "ap" is not.
        agency=regex.compile("|".join(regex.escape(a) for a in agencies), regex.UNICODE),
        agencies=tuple(agencies),
        stopwords=frozenset(_words(data["stopwords"])),
        furniture_limits=limits,
        furniture_unions=_unions(data["furniture"].values(), limits, pool),
    )


def _unions(
    entries: Iterable[dict], limits: tuple[int, ...], pool: Prefilter | None
) -> tuple[AnyOf, ...]:
    entries = list(entries)
    return tuple(
        AnyOf.of((p for e in entries if e["max_chars"] >= limit for p in e["patterns"]), pool)
        for limit in limits
    )


def _words(lists: dict[str, list[object]]) -> list[str]:
    """Every stopword, refusing YAML's surprises (`no` and `on` read as booleans unless quoted)."""
    words = [w for words in lists.values() for w in words]
    wrong = [w for w in words if not isinstance(w, str)]
    if wrong:
        raise ValueError(f"{LEXICON_FILE.name}: stopwords must be strings; quote {wrong}")
    return [str(w).lower() for w in words]


@lru_cache(maxsize=MAX_BLOCKS)
def may_be_furniture(text: str) -> bool:
    """`Lexicon.may_be_furniture` of the shipped lexicon, remembered: a dozen furniture entries and
    the block features ask it of each block (emptied before each document, `heuristics.forget`)."""
    return lexicon().may_be_furniture(text)
