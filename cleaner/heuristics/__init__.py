"""Generic heuristics: always on, in this order; a pack can switch one off by its id.

Order matters where one heuristic reads another's marks: an archive's capture banner and
furniture words first (their sentences would read as the article's first paragraph), the page's
URL before bare URL lines, credits before captions, captions before the article's head (so a
credit is never a headline), the headline and its dek before the byline and date line (a dek
that reads as prose would end the head above them), the head before link lists can swallow it,
titles before repeated headlines, and the article body last, but for the wordless lines it kept
(the body model was fitted on pages where no rule had marked them).
"""

from __future__ import annotations

from collections.abc import Collection, Sequence
from functools import cache

from .. import prefilter
from ..model import Block
from ..features import MEMOS as FEATURE_MEMOS
from ..lexicon import Lexicon, lexicon, may_be_furniture
from .archive import ARCHIVE_BANNER
from .base import Heuristic
from .body import BODY
from .bylines import is_dateline
from .captions import CAPTION, CAPTION_ABOVE, CREDIT
from .classify import MEMOS as CLASS_MEMOS
from .code import MARKUP, SCRIPT
from .fields import SELF_URL, SELF_URL_LABEL
from .furniture import BETWEEN, SEPARATOR, furniture_heuristic
from .head import BYLINE, DATELINE, DEK, KICKER
from .headline import HEADING_TITLE, HEADLINE, SECOND_HEADLINE
from .repeats import DUPLICATE, REPEATED_ALTERNATE, REPEATED_HEADLINE, REPEATED_TITLE
from .repeats import MEMOS as REPEAT_MEMOS
from .sections import AUTHOR_NOTES, COMMENT_LINKS, RELATED_LISTS


@cache
def heuristics() -> tuple[Heuristic, ...]:
    lex = lexicon()
    furniture = {name: furniture_heuristic(name, lex) for name in lex.furniture}
    return (
        SCRIPT,
        MARKUP,
        ARCHIVE_BANNER,
        *(h for name, h in furniture.items() if name not in ("related", "bare-url")),
        BETWEEN,
        SELF_URL_LABEL,
        SELF_URL,
        furniture["related"],
        furniture["bare-url"],
        CREDIT,
        CAPTION,
        CAPTION_ABOVE,
        HEADING_TITLE,
        HEADLINE,
        DEK,
        BYLINE,
        DATELINE,
        KICKER,
        SECOND_HEADLINE,
        RELATED_LISTS,
        COMMENT_LINKS,
        AUTHOR_NOTES,
        REPEATED_TITLE,
        REPEATED_ALTERNATE,
        REPEATED_HEADLINE,
        DUPLICATE,
        BODY,
        SEPARATOR,
    )


def heuristic_ids() -> frozenset[str]:
    return frozenset(h.id for h in heuristics())


MEMOS = (*CLASS_MEMOS, *FEATURE_MEMOS, *REPEAT_MEMOS, may_be_furniture, is_dateline)


def forget() -> None:
    """Empty the memos of per-text results (features, prose, furniture words, the words an HTML
    route's measures compare). They spare one document repeated work on the same blocks (a dozen
    furniture entries, the settle pass, a page's blocks against each candidate); emptied before
    each document, the time a document takes never depends on what was cleaned before it, and a
    benchmark that repeats its documents times the cleaning, not the memo. Emptying them while
    another thread cleans only costs that thread some time. The prefilter's memo of scanned
    texts goes too."""
    for memo in MEMOS:
        memo.cache_clear()
    prefilter.forget()


def run(
    blocks: Sequence[Block], disabled: Collection[str] = (), lex: Lexicon | None = None
) -> None:
    """Mark the blocks each enabled heuristic claims, leaving earlier marks alone and a fenced
    listing's lines to the heuristics that say they judge them; `lex`: the word lists and body
    model to use (the shipped ones by default)."""
    lex = lex or lexicon()
    for heuristic in heuristics():
        if heuristic.id in disabled:
            continue
        for block in list(heuristic.find(blocks, lex)):
            if block.mark is None and (heuristic.listings or not block.listing):
                block.mark = heuristic.mark


__all__ = [
    "MEMOS",
    "Heuristic",
    "Lexicon",
    "forget",
    "heuristic_ids",
    "heuristics",
    "lexicon",
    "run",
]
