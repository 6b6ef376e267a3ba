"""Cleaner.settle: the output is cleaned again until nothing more goes, and what a later pass
removes is accounted to the input lines it came from."""

from __future__ import annotations

import pytest

from cleaner import Cleaner, pipeline

# The head's two title lines go in the first pass; only then is "Build your personal news feed"
# the first line of the text, which the headline heuristic takes.
EXPOSED_HEADLINE = (
    "# Putin Backs Lukashenko as Belarus Leader Vows Closer Ties\n"
    "# Putin Backs Lukashenko as Belarus Leader Vows Closer Ties\n"
    "Build your personal news feed\n"
    "2. Check your Following feed daily, and never miss an article. Access your Following feed from your "
    "account menu at the top right corner of every page.\n"
)


def test_a_removal_a_later_pass_finds_is_accounted_to_its_input_lines(cleaner: Cleaner) -> None:
    result = cleaner.clean_text(EXPOSED_HEADLINE)
    assert result.text.startswith("2. Check your Following feed daily")  # an item keeps its number
    assert [(r.rule, r.lines) for r in result.metadata.removed] == [
        ("generic.heading-title", (1, 1)),
        ("generic.second-headline", (2, 2)),
        ("generic.headline", (3, 3)),
    ]
    assert cleaner.clean_text(result.text).text == result.text


def test_the_output_is_settled_as_a_text_of_no_outlet(cleaner: Cleaner) -> None:
    """A forced pack's positional rules (VICE's dek is the page's second block) describe its
    pages, not the cleaned text: settling must not take the article's second paragraph for a dek."""
    page = (
        "Lisbon Tenants Take to the Streets as Rents Soar\n\n"
        "Rents in the Portuguese capital have doubled since 2016.\n\n"
        "Hundreds of tenants in Lisbon marched on the city hall on Saturday, demanding a cap on rents.\n\n"
        "Housing activists say short-term rentals have taken thousands of flats off the market.\n"
    )
    result = cleaner.clean_text(page, outlet="vice")
    assert [r.rule for r in result.metadata.removed] == ["vice.headline", "vice.dek"]
    assert result.text.count("\n\n") == 1


def test_settling_looks_for_no_outlet(cleaner: Cleaner, monkeypatch: pytest.MonkeyPatch) -> None:
    """Outlets are detected once, on the input: the output of a page whose pack signature
    survives cleaning is still no page of that outlet (and each settling pass spares the search)."""
    calls = []
    detect = pipeline.detect
    monkeypatch.setattr(pipeline, "detect", lambda *a, **k: calls.append(1) or detect(*a, **k))
    result = cleaner.clean_text(EXPOSED_HEADLINE)
    assert len(result.metadata.removed) == 3  # three passes: one marking, two settling
    assert len(calls) == 1


def test_a_page_s_text_is_settled_with_the_html_exemptions(cleaner: Cleaner) -> None:
    """The extractor isolated the article: its short first line is no page-dump headline, in the
    settling passes as in the first (cleaned again as a plain text, it would be one)."""
    page = (
        "<html><head><title>Council votes on budget</title></head><body><article>"
        "<p>Budget passes after long night</p>"
        "<p>The city council approved the budget on Tuesday after a debate that ran past midnight, "
        "with seven votes in favour and four against.</p>"
        "<p>The mayor said the plan would fund new bus routes and repair two bridges over the next "
        "three years, a priority since the floods.</p></article></body></html>"
    )
    result = cleaner.clean_bytes(page.encode("utf-8"), source="page.html")
    assert result.text.startswith("Budget passes after long night\n\n")
    assert result.metadata.removed == []


def test_an_output_still_changing_after_the_last_pass_is_warned_about(
    cleaner: Cleaner, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(pipeline, "MAX_SETTLE_PASSES", 1)
    assert cleaner.clean_text(EXPOSED_HEADLINE).metadata.warnings == [
        "output not settled in 1 more cleaning pass(es)"
    ]
    monkeypatch.setattr(pipeline, "MAX_SETTLE_PASSES", 2)
    assert cleaner.clean_text(EXPOSED_HEADLINE).metadata.warnings == []
