"""Bylines and date lines by their text: "By Ann Lee, Local government reporter", "Authors: A,
B", the second author's "and B, Role" line, a job title on a line of its own, "Nov 19, 2019";
and a bare name ("Hannah Liu"), a byline only where it stands. The head heuristics find where
they stand; the metadata reads names, roles and dates out of them."""

from __future__ import annotations

from collections.abc import Sequence
from functools import lru_cache

import regex

from ..dates import find_date, parse_date, without_dates
from ..lexicon import lexicon
from ..model import Block
from ..segment import MAX_BLOCKS
from .base import nearest_shown

BYLINE_MAX_WORDS = 14
BYLINE_MIN_CAPITALISED = 0.75
DATELINE_MAX_CHARS = 90
DATELINE_MAX_WORDS = 8  # besides its dates ("Last updated: Thursday, … GMT"); a headline says more
FULL_LINE_WORDS = 6  # a headline or a dek says this many words; a section label says less
ROLE_MAX_WORDS = 6  # a job title on its own line under the byline ("Local Democracy Correspondent")
# A person's name alone on a line, and where they wrote from ("Sam Whitlow at Kingfield Park"):
# two to four capitalised words (initials, particles such as "de" or "van" between them).
_CAPITALISED = r"\p{Lu}[\p{L}'’-]*\.?"
_PARTICLE = r"(?:de|da|van|von|der|la|le|bin|al)\s+"
_BARE_NAME = regex.compile(
    rf"^{_CAPITALISED}(?:\s+(?:{_PARTICLE}){{0,2}}{_CAPITALISED}){{1,3}}"
    rf"(?:\s+(?:at|in)\s+{_CAPITALISED}(?:\s+{_CAPITALISED}){{0,3}})?$"
)
_MERIDIEM_END = regex.compile(r"\d\s*[ap]\.m\.$", regex.IGNORECASE)
_LETTERS = regex.compile(r"\p{L}{3,}")  # words, not "a.m." or a zone's "PT"
WORD = regex.compile(r"[\p{L}\p{N}][\p{L}\p{N}'’.-]*")  # a word of a head line, "U.S." whole
_AND_AUTHOR = regex.compile(r"^and \p{Lu}")  # the second author on a line of their own
BYLINE_PREFIX = regex.compile(
    r"^(?:(?:(?:posted|written|words|reporting|story|text)\s+)?by(?:\s+(?=\S)|$)"
    r"|(?:authors?|reporters?|written by)\s*:\s*)",
    regex.IGNORECASE,
)
_CONNECTORS = frozenset(
    {
        "and",
        "for",
        "&",
        "in",
        "of",
        "de",
        "da",
        "van",
        "von",
        "der",
        "la",
        "le",
        "bin",
        "al",
        "with",
        "on",
        "at",
    }
)


def is_byline(text: str) -> bool:
    m = BYLINE_PREFIX.match(text)
    if not m or text.endswith(("?", "!")):
        return False
    parts = text[m.end() :].split(",")  # "By Ann Lee, Local government reporter": no name
    job = lexicon().job_title
    names_part = ",".join(p for i, p in enumerate(parts) if not (i and job.search(p.strip())))
    words = [w.strip(",|") for w in names_part.split() if w.strip(",|")]
    if not words or len(words) > BYLINE_MAX_WORDS:
        return False
    names = [w for w in words if w.lower() not in _CONNECTORS]
    capitalised = sum(1 for w in names if w[0].isupper() or not w[0].isalpha())
    return bool(names) and capitalised >= BYLINE_MIN_CAPITALISED * len(names)


def is_bare_name(text: str) -> bool:
    """A line that may be an author's name with nothing around it ("Hannah Liu"): what a byline
    without "By" looks like. Only where it stands makes it one (`bare_byline`)."""
    return not text.isupper() and _BARE_NAME.match(text) is not None and not is_role_line(text)


def is_role_line(text: str) -> bool:
    """A job title on a line of its own ("Sports Editor", not a section's "Sports"), as under a
    byline."""
    return 1 < len(text.split()) <= ROLE_MAX_WORDS and bool(lexicon().job_title.search(text))


def continues_byline(text: str) -> bool:
    """The line under a byline that goes with it: `and B, Role`, or the author's job title."""
    second = _AND_AUTHOR.match(text) is not None and is_byline("By " + text[4:])
    return second or is_role_line(text)


@lru_cache(maxsize=MAX_BLOCKS)
def is_dateline(text: str) -> bool:
    """A line that is a date, or a short non-sentence stating one ("By X - Nov 19, 2019 8:03 am";
    the full stop of a closing "a.m." or "p.m." ends no sentence) and saying little else: a
    headline with its date on one line is a headline. Asked of the same lines by several head
    rules, so remembered (emptied before each document with the other memos)."""
    if parse_date(text):
        return True
    sentence = text.endswith(".") and not _MERIDIEM_END.search(text)
    if len(text) > DATELINE_MAX_CHARS or sentence or find_date(text) is None:
        return False
    return len(_LETTERS.findall(without_dates(text))) <= DATELINE_MAX_WORDS or is_byline(text)


def bare_byline(blocks: Sequence[Block], block: Block) -> bool:
    """A name alone on a line (`is_bare_name`) standing where bylines stand: under a full line
    (the headline or its dek) and over the date line, or over a job title over it. A short
    title-case headline over its date ("Smear Tactics") has no full line right above it."""
    if not is_bare_name(block.text):
        return False
    above = nearest_shown(blocks, block.index, 1, -1)
    below = nearest_shown(blocks, block.index, 2)
    if below and is_role_line(below[0].text):
        below = below[1:]
    return (
        bool(above and below)
        and len(WORD.findall(above[0].text)) >= FULL_LINE_WORDS
        and _is_date(below[0])
    )


def _is_date(block: Block) -> bool:
    return (block.mark is not None and block.mark.field == "date") or is_dateline(block.text)
