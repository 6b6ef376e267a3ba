"""A related list of teasers, each a headline and a one-line blurb, runs through the blurbs; an
article's short paragraph after a list of headlines does not."""

from __future__ import annotations

from cleaner.heuristics import lexicon
from cleaner.heuristics.sections import RELATED_LISTS

from ..conftest import blocks_of

ARTICLE = [
    "The council met on Tuesday and approved the budget for the coming year, after a long debate.",
    "The opposition voted against it, saying the rise in parking fees would hurt the high street.",
]
TEASERS = [
    "Yesterday at 2:24 p.m. Suspect Arrested After Truck Attack on Market Square",
    "The man was known to the police, but was not being watched at the time of the attack.",
    "Yesterday at 11:30 a.m. Town Hit With New Air Strikes",
    "The new strikes came from aircraft launched from the base that was hit on Friday.",
    "4/7/2017 at 5:36 p.m. League Expects Harbour City to Host All-Star Game",
    "The commissioner said it is not a done deal, but it is what he expects to happen.",
    "4/7/2017 at 4:33 p.m. What We Know About the Strike",
]
LONG = (
    "The vote came after months of hearings in which residents, shop owners and the police all "
    "gave evidence, and the mayor said that she would ask the council to look again at the fees "
    "in the spring if the high street lost trade over the summer, as the shop owners feared."
)


def test_a_list_of_teasers_with_blurbs_is_taken_whole() -> None:
    blocks = blocks_of(*ARTICLE, "Latest News", *TEASERS, LONG)
    assert list(RELATED_LISTS.find(blocks, lexicon())) == blocks[2:10]


def test_a_short_paragraph_between_a_list_and_a_subheading_stays() -> None:
    """One short paragraph between two headlines is an article's, under its subheading."""
    short = "The council will meet again in the spring, when it has heard from the shops."
    blocks = blocks_of(
        ARTICLE[0], "Related articles", "Council Rejects Park Plan", short, "What comes next", LONG
    )
    assert list(RELATED_LISTS.find(blocks, lexicon())) == blocks[1:3]
