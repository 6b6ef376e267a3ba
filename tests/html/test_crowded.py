"""A page whose shape would keep trafilatura or readability-lxml busy for minutes inside one C
call (`guard.crowded`) is not given to it, with a warning; every other page reaches both."""

from __future__ import annotations

import pytest
from selectolax.lexbor import LexborHTMLParser

from cleaner import Cleaner
from cleaner.html import route
from cleaner.html.guard import MAX_PARAGRAPHS, MAX_SIBLING_PAIRS, crowded
from cleaner.html.page import extract_html

SENTENCE = "The council met on Tuesday and approved the budget for the coming year."
ARTICLE = f"<p>{' '.join([SENTENCE] * 4)}</p>"


def _images(count: int) -> str:
    """A div of `count` children with a word after each, which readability-lxml wraps one at a
    time (40,000: 129 s)."""
    return "<div>" + "<img src=x.png> w " * count + "</div>"


def _crowd(body: str) -> str | None:
    return crowded(LexborHTMLParser(f"<html><body>{body}</body></html>").root)


def test_sibling_pairs_are_counted_over_the_whole_page() -> None:
    most = 4096  # one element of this many children has just under MAX_SIBLING_PAIRS pairs
    assert most * (most - 1) // 2 <= MAX_SIBLING_PAIRS < (most + 1) * most // 2
    assert _crowd(_images(most)) is None
    assert _crowd(_images(most + 1)) == (  # with head and body, a pair too
        f"8,390,657 pairs of sibling elements, over {MAX_SIBLING_PAIRS:,}"
    )
    assert _crowd(_images(2400) * 3) is not None  # three divs, none past the limit alone


def test_paragraphs_are_counted_however_they_are_spread() -> None:
    """Trafilatura's `//p//text()` grows with the page's paragraphs wherever they stand: 40,000
    cost 6.7 s in one article and 6.5 s in divs of 100 (80,000 in one: 36 s)."""

    def page(count: int) -> str:
        return "".join(f"<div>{'<p>word ' * 64}</div>" for _ in range(count // 64))

    assert _crowd(page(MAX_PARAGRAPHS)) is None
    said = f"{MAX_PARAGRAPHS + 64:,} paragraphs, over {MAX_PARAGRAPHS:,}"
    assert _crowd(page(MAX_PARAGRAPHS + 64)) == said


@pytest.fixture
def calls(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """The extractors that were run."""
    run: list[str] = []
    for name in ("trafilatura", "readability"):
        extractor = getattr(route, f"{name}_text")
        counted = lambda html, name=name, extractor=extractor: run.append(name) or extractor(html)
        monkeypatch.setattr(route, f"{name}_text", counted)
    return run


def test_a_crowded_page_is_kept_from_trafilatura_and_readability_reads_it_pruned(
    calls: list[str],
) -> None:
    # A `<nav>` is pruned before readability-lxml reads the page; trafilatura reads it all.
    page = f"<html><body><article>{ARTICLE}</article><nav>{_images(5000)}</nav></body></html>"
    result = Cleaner().clean_bytes(page.encode(), source="x.html")
    assert calls == ["readability"]
    assert SENTENCE in result.text  # the block model's feature of readability's text is there
    crowd = f"12,497,502 pairs of sibling elements, over {MAX_SIBLING_PAIRS:,}"
    assert result.metadata.warnings == [f"the page has {crowd}: trafilatura was not run on it"]
    assert extract_html(page).warnings == (result.metadata.warnings[0],)


def test_a_crowded_pruned_page_is_kept_from_both(calls: list[str]) -> None:
    page = f"<html><body><article>{ARTICLE}</article>{_images(5000)}</body></html>"
    result = Cleaner().clean_bytes(page.encode(), source="x.html")
    assert calls == []
    assert SENTENCE in result.text
    assert result.metadata.extraction is not None
    assert result.metadata.extraction.route == "block-model"
    assert result.metadata.warnings == [
        "the page has 12,497,502 pairs of sibling elements, over 8,388,608: trafilatura was not"
        " run on it",
        "the pruned page has 12,497,500 pairs of sibling elements in div elements, over"
        " 8,388,608: readability-lxml was not run on it",
    ]


def test_readability_reads_a_page_crowded_outside_its_divs(calls: list[str]) -> None:
    """Readability-lxml is slow only over a div's children: 16,000 images in a `<body>` took it
    0.5 s, in a `<div>` 5.7 s."""
    items = "".join(f"<li><a href=/{i}>Story {i}</a></li>" for i in range(5000))
    page = f"<html><body><article>{ARTICLE}</article><ul>{items}</ul></body></html>"
    result = Cleaner().clean_bytes(page.encode(), source="x.html")
    assert calls == ["readability"]
    assert SENTENCE in result.text
    assert _crowd(f"<ul>{items}</ul>") is not None
    assert crowded(LexborHTMLParser(page).root, "div") is None


def test_an_ordinary_page_reaches_both_extractors(calls: list[str]) -> None:
    page = f"<html><body><article>{ARTICLE}</article>{_images(500)}</body></html>"
    result = Cleaner().clean_bytes(page.encode(), source="x.html")
    assert sorted(calls) == ["readability", "trafilatura"]
    assert SENTENCE in result.text and result.metadata.warnings == []
