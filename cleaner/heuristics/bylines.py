"""Bylines by their text: "By Ann Lee, Local government reporter", "Authors: A, B", the second
author's "and B, Role" line and a job title on a line of its own. The head heuristics find where
they stand; the metadata reads names and roles out of them."""

from __future__ import annotations

import regex

from ..lexicon import lexicon

BYLINE_MAX_WORDS = 14
BYLINE_MIN_CAPITALISED = 0.75
ROLE_MAX_WORDS = 6  # a job title on its own line under the byline ("Local Democracy Correspondent")
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


def is_role_line(text: str) -> bool:
    """A job title on a line of its own ("Sports Editor", not a section's "Sports"), as under a
    byline."""
    return 1 < len(text.split()) <= ROLE_MAX_WORDS and bool(lexicon().job_title.search(text))


def continues_byline(text: str) -> bool:
    """The line under a byline that goes with it: `and B, Role`, or the author's job title."""
    second = _AND_AUTHOR.match(text) is not None and is_byline("By " + text[4:])
    return second or is_role_line(text)
