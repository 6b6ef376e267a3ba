"""scripts/fit_headline.py scores a weighting by the pages whose best candidate is the headline."""

from __future__ import annotations

from cleaner.heuristics.headline import Candidate

from .conftest import blocks_of, load_script

# a nearer credit the lead does not repeat, and the headline five lines up, which it does
CREDIT, HEADLINE = blocks_of("Mel Melcon / County Times", "Tourism is the county's first employer")
PAGE = [(Candidate(CREDIT, 1.5, 0.0, 0, 0.0), False), (Candidate(HEADLINE, 1.6, 0.8, 5, 0.0), True)]


def test_a_weighting_is_scored_by_the_pages_whose_best_candidate_is_the_headline() -> None:
    right = load_script("fit_headline").right
    assert right([PAGE], (2.0, 0.05, 25)) == 1
    assert right([PAGE], (1.5, 0.3, 25)) == 0  # distance weighs more than what the lead repeats
    assert right([PAGE], (2.0, 0.05, 5)) == 0  # the headline stands outside the window
    assert right([[]], (2.0, 0.05, 25)) == 0  # no candidate
