"""A live blog's entries, as the page's JSON-LD lists them, are its article on HTML."""

from __future__ import annotations

import json

import pytest
from selectolax.lexbor import LexborHTMLParser

from cleaner import Cleaner
from cleaner.html import liveblog
from cleaner.html.blocks import dom_blocks

ENTRIES = [
    (
        "Union confirms strike is off",
        [
            "The drivers' union has confirmed that the three-day strike due to begin tomorrow has "
            "been suspended.",
            "Members will vote on the new offer next week, its organiser said.",
        ],
    ),
    (
        "Talks running late",
        ["Talks at the arbitration service are running well past their planned finish."],
    ),
    (
        "Strike could be called off, sources say",
        ["There are reports that the bus strike could be called off tonight after a new offer."],
    ),
    (
        "Good morning",
        ["Welcome to our live coverage of the last day of talks before the planned strike."],
    ),
]
SHARE = "<ul class='share'><li>Share</li><li>Facebook</li><li>Email</li><li>Copy link</li></ul>"


def page(entries: list[tuple[str, list[str]]], typed: str = "LiveBlogPosting") -> str:
    record = {
        "@context": "https://schema.org",
        "@type": typed,
        "headline": "Bus strike called off – as it happened",
        "liveBlogUpdate": [
            {"@type": "BlogPosting", "headline": title, "articleBody": " ".join(paragraphs)}
            for title, paragraphs in entries
        ],
    }
    blocks = "".join(
        f"<article class='block'><time>1{i}.30 BST</time><h2>{title}</h2>"
        + "".join(f"<p>{p}</p>" for p in paragraphs)
        + SHARE
        + "</article>"
        for i, (title, paragraphs) in enumerate(entries)
    )
    return (
        "<html><head><title>Bus strike called off – as it happened</title>"
        f"<script type='application/ld+json'>{json.dumps(record)}</script></head><body>"
        "<nav><a href='/'>News</a><a href='/uk'>UK</a><a href='/sport'>Sport</a></nav>"
        f"<main><h1>Bus strike called off – as it happened</h1>{blocks}</main>"
        "<footer><p>About us</p><p>Privacy policy</p></footer></body></html>"
    )


def test_every_entry_the_json_ld_lists_is_the_article() -> None:
    result = Cleaner().clean_text(page(ENTRIES), html=True)
    assert result.metadata.extraction.route == "live-blog"
    for title, paragraphs in ENTRIES:
        assert title in result.text
        assert all(p in result.text for p in paragraphs)
    assert "Copy link" not in result.text and "Privacy policy" not in result.text


@pytest.mark.parametrize(
    "html",
    [
        page(ENTRIES[:2]),  # two updates are no evidence of a live blog
        page(ENTRIES, typed="NewsArticle"),  # not a live blog
    ],
)
def test_no_live_blog_route_without_its_evidence(html: str) -> None:
    assert Cleaner().clean_text(html, html=True).metadata.extraction.route != "live-blog"


def test_a_page_too_large_to_search_is_left_to_the_routes(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    blocks = dom_blocks(LexborHTMLParser(page(ENTRIES)).body)
    updates = [(title, " ".join(ps)) for title, ps in ENTRIES]
    assert liveblog.entry_lines(blocks, updates)
    monkeypatch.setattr(liveblog, "MAX_SEARCH", 10)
    assert liveblog.entry_lines(blocks, updates) == []
