"""Furniture recognised by its words alone (menus, paywall and cookie banners, ad markers, promos,
copyright lines, "READ:" links, bare URLs): one heuristic per lexicon entry; the short lines
standing between two lines of the same furniture, whose own words say nothing; and the lines
with no words at all, rules and section breaks."""

from __future__ import annotations

from collections.abc import Iterator, Sequence

from ..lexicon import Lexicon, may_be_furniture
from ..model import Block
from .base import Heuristic, kept
from .classify import is_separator, long_sentence


# A link line is a headline or a list of them: prose after its label ("RELATED: The endorsees
# did not fare well. Aside from…", a `long_sentence`) is an aside.
LINK_KINDS = frozenset({"related"})


def furniture_heuristic(name: str, lex: Lexicon) -> Heuristic:
    patterns = lex.furniture[name]
    links = patterns.kind in LINK_KINDS

    def find(blocks: Sequence[Block], lex: Lexicon) -> Iterator[Block]:
        return (
            b
            for b in kept(blocks)
            if may_be_furniture(b.text)
            and patterns.matches(b.text)
            and not (links and long_sentence(b.text))
        )

    return Heuristic(f"generic.{name}", patterns.kind, find, field=patterns.field)


def find_separators(blocks: Sequence[Block], lex: Lexicon) -> Iterator[Block]:
    """Lines without a letter or a digit: a section break carries no word of the article."""
    return (b for b in kept(blocks) if is_separator(b.text))


SEPARATOR = Heuristic("generic.separator", "separator", find_separators)
BETWEEN_MAX_WORDS = 3  # a button or an option: "No", "LinkedIn", "Manage preferences"
BETWEEN_MAX_RUN = 4  # lines between the two furniture lines
# Kinds whose lines come in groups of buttons (an ad marker stands alone: a subheading between
# two of them is the article's).
GROUPED_KINDS = frozenset({"navigation", "paywall", "cookie", "promo", "embed"})
EMBED_MAX_RUN = 2  # an embedded post's text, between its "X post by @…" and "View on X" lines


def _short(block: Block) -> bool:
    words = block.text.split()
    return 0 < len(words) <= BETWEEN_MAX_WORDS and not block.text.endswith((".", "!", "?"))


def find_between(blocks: Sequence[Block], lex: Lexicon) -> Iterator[Block]:
    """Short lines between two lines of one kind of furniture: a poll's options between its
    question and its Vote button, share buttons between "Share this story" and "Email"; and
    an embedded post's text between its first and last lines, whatever its length."""
    grouped = [
        i
        for i, b in enumerate(blocks)
        if b.mark is not None and b.mark.kind in GROUPED_KINDS and b.mark.field is None
    ]
    for start, end in zip(grouped, grouped[1:]):
        inside = blocks[start + 1 : end]
        mark = blocks[start].mark
        if mark != blocks[end].mark or not all(b.mark is None for b in inside):
            continue
        embedded = mark is not None and mark.kind == "embed" and len(inside) <= EMBED_MAX_RUN
        if embedded or (0 < len(inside) <= BETWEEN_MAX_RUN and all(map(_short, inside))):
            yield from inside


BETWEEN = Heuristic("generic.between-furniture", "boilerplate", find_between)
