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
        (r"^[]|x] Bloomberg$", {"bloomberg"}),  # a bar inside a class is no alternation
    ],
)
def test_required_words_are_read_conservatively(pattern: str, words: set[str]) -> None:
    assert required_words(pattern) == words


def _packs(numbers: range, pattern: str = r"^Outlet{n:03d} Ltd$") -> list[Pack]:
    return [
        Pack.model_validate(
            {
                "id": f"p{n}",
                "name": f"P{n}",
                "domains": [f"p{n}.example"],
                "detect": [{"pattern": pattern.format(n=n)}],
            }
        )
        for n in numbers
    ]


def test_candidates_skip_packs_whose_words_are_missing() -> None:
    packs = _packs(range(100, 110), r"^© 2024 Outlet {n} Ltd\.$")
    index = PackIndex(packs)
    words = index.words_in("Body text here.\n© 2024 Outlet 105 Ltd.")
    assert [pack.id for pack, _ in index.candidates(words)] == ["p105"]
    assert index.by_host("news.p107.example") == ("p107.example", packs[7])
    assert index.by_host("p107.example.evil.com") is None


@pytest.mark.parametrize("count", [2, MAX_LOOKUP_WORDS])
def test_words_are_looked_up_or_split_by_vocabulary_size(count: int) -> None:
    """Few required words are looked up as substrings (a word inside a longer one counts, the
    search decides); many are found by splitting the page into words. Neither misses a word,
    whatever punctuation or script stands around it."""
    index = PackIndex(
        _packs(range(count)) + _packs(range(count, count + 1), r"^Ведомости™ Outlet000$")
    )
    small = len(index.vocabulary) <= MAX_LOOKUP_WORDS
    assert small == (count == 2)
    assert {"outlet001", "ltd"} <= index.words_in("© OUTLET001 Ltd.")
    assert {"outlet000", "ltd"} <= index.words_in("“Outlet000’s” ltd…")
    assert {"ведомости", "outlet000"} <= index.words_in("«Ведомости» Outlet000")
    assert ("outlet000" in index.words_in("the outlet0001 site")) is small
    assert index.words_in("nothing here") == set()


def test_candidates_are_reached_through_their_words_in_load_order() -> None:
    """With many packs, only those whose words the page has are looked at, plus every pack
    with a signature that needs no word; the order is the packs' own."""
    packs = _packs(range(60)) + _packs(range(60, 61), r"Bloomberg") + _packs(range(61, 100))
    index = PackIndex(packs)
    found = [pack for pack, _ in index.candidates(index.words_in("Outlet059 Ltd\nOutlet007 Ltd"))]
    assert found == [packs[7], packs[59], packs[60]]
