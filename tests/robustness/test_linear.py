"""Inputs that once cost time growing with the square of their size (issue 13, item 5) are
checked here by counting work, never by timing it; `scripts/adversarial.py` times them."""

from __future__ import annotations

import random
import re

import pytest

from cleaner import canonical
from cleaner.inline import _IMAGE, MARKDOWN_AUTOLINK, MARKDOWN_LINK, plain  # noqa
from cleaner.packs import Pack
from cleaner.packs.index import PackIndex

from ..conftest import blocks_of

_UNBOUNDED = re.compile(r"[\])][*+]")  # a class or group repeated without a bound


def _short_lines(n: int, markup: str = "") -> str:
    """Short lower-case lines without closing punctuation: each one continues the paragraph."""
    words = ["abc", "de", "fghij", "k", "lmno pq"]
    return "\n".join(f"{random.Random(i).choice(words)}{markup}" for i in range(n))


def _cleaned_characters(monkeypatch: pytest.MonkeyPatch, text: str) -> int:
    """How many characters joining the text's blocks into paragraphs cleans."""
    cleaned: list[int] = []

    def counting_plain(text: str) -> str:
        cleaned.append(len(text))
        return plain(text)

    with monkeypatch.context() as patch:
        patch.setattr(canonical, "plain", counting_plain)
        assert canonical.canonical_text(blocks_of(text)).count("\n") == 1, (
            "the lines are one paragraph"
        )
    return sum(cleaned)


@pytest.mark.parametrize(("markup", "lines"), [("", 5_000), (" *x", 500)])
def test_joining_twice_the_lines_cleans_twice_the_characters(
    monkeypatch: pytest.MonkeyPatch, markup: str, lines: int
) -> None:
    once = _cleaned_characters(monkeypatch, _short_lines(lines, markup))
    twice = _cleaned_characters(monkeypatch, _short_lines(2 * lines, markup))
    assert twice <= 2.2 * max(once, 1)  # before: 4 times (each join cleaned the whole paragraph)


def test_a_long_joined_paragraph_matches_cleaning_it_whole() -> None:
    blocks = blocks_of(_short_lines(300, " *x"))
    whole = plain(" ".join(b.text for b in blocks))
    assert canonical.canonical_text(blocks) == whole + "\n"


@pytest.mark.parametrize(
    "pattern", [MARKDOWN_LINK, MARKDOWN_AUTOLINK, _IMAGE], ids=["link", "autolink", "image"]
)
def test_link_patterns_repeat_nothing_without_a_bound(pattern: re.Pattern[str]) -> None:
    assert not _UNBOUNDED.search(pattern.pattern), pattern.pattern


def test_a_link_still_loses_its_markup_and_an_endless_one_is_left_alone() -> None:
    assert plain("See [the report](https://example.com/a) and <https://example.com/b>.") == (
        "See the report and https://example.com/b."
    )
    assert plain("[a](" * 1000) == "[a](" * 1000


class _CountingDict(dict):
    looked_up = 0

    def __contains__(self, key: object) -> bool:
        type(self).looked_up += 1
        return super().__contains__(key)


def test_a_host_of_100000_labels_is_looked_up_a_bounded_number_of_times() -> None:
    pack = Pack.model_validate({"id": "p", "name": "P", "domains": ["news.example.co.uk"]})
    index = PackIndex([pack])
    index.domains = _CountingDict(index.domains)
    assert index.by_host("a." * 100_000 + "news.example.co.uk") == ("news.example.co.uk", pack)
    assert _CountingDict.looked_up <= 4
