"""The detection index: a signature is searched only when the document has its required words."""

from __future__ import annotations

import pytest

from cleaner.packs.index import PackIndex, document_words, required_words
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
    words = document_words(["Body text here.", "© 2024 Outlet 105 Ltd."])
    assert [pack.id for pack, _ in index.candidates(words)] == ["p105"]
    assert index.by_host("news.p107.example") == ("p107.example", packs[7])
    assert index.by_host("p107.example.evil.com") is None
