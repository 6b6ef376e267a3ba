"""The detection index: a signature is searched only when the document has its required words."""

from __future__ import annotations

import pytest

from cleaner.packs.index import MAX_LOOKUP_WORDS, PackIndex, required_words
from cleaner.packs.schema import Pack


@pytest.mark.parametrize(
    ("pattern", "words"),
    [
        (r"^READ:\s+\S", {"read"}),
        (r"^©\s?\d{4} Bloomberg L\.P\.$", {"bloomberg"}),
        (r"^© \d{4} Outlet 617 Ltd\.$", {"outlet", "617", "ltd"}),
        (r"Bloomberg", set()),  # unanchored: also matches inside BloombergQuint
        (r"\bnewsletters? (is|are) written\b", set()),  # alternation: cannot tell
        (r"(?i)^Story continues$", {"story", "continues"}),
        (r"^Follow(ing)? us$", set()),  # the word runs into a group
        (r"^Colou?r$", set()),  # a quantifier makes part of it optional
    ],
)
def test_required_words_are_read_conservatively(pattern: str, words: set[str]) -> None:
    assert required_words(pattern) == words


def test_candidates_skip_packs_whose_words_are_missing() -> None:
    packs = [
        Pack.model_validate({"id": f"p{n}", "name": f"P{n}", "domains": [f"p{n}.example"], "detect": [{"pattern": rf"^© 2024 Outlet {n} Ltd\.$"}]})
        for n in range(100, 110)
    ]
    index = PackIndex(packs)
    words = index.words_in("Body text here.\n© 2024 Outlet 105 Ltd.")
    assert [pack.id for pack, _ in index.candidates(words)] == ["p105"]
    assert index.by_host("news.p107.example") == ("p107.example", packs[7])
    assert index.by_host("p107.example.evil.com") is None


@pytest.mark.parametrize("count", [2, MAX_LOOKUP_WORDS])
def test_words_are_looked_up_or_tokenised_by_vocabulary_size(count: int) -> None:
    """Few required words are looked up as substrings (a word inside a longer one counts, the
    search decides); many are found by splitting the page into words. Both find whole words."""
    packs = [
        Pack.model_validate({"id": f"p{n}", "name": f"P{n}", "domains": [f"p{n}.example"], "detect": [{"pattern": rf"^Outlet{n:03d} Ltd$"}]})
        for n in range(count)
    ]
    index = PackIndex(packs)
    small = len(index.vocabulary) <= MAX_LOOKUP_WORDS
    assert small == (count == 2)
    assert {"outlet001", "ltd"} <= index.words_in("© OUTLET001 Ltd.")
    assert ("outlet000" in index.words_in("the outlet0001 site")) is small
    assert index.words_in("nothing here") == set()
