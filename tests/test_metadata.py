from __future__ import annotations

import pytest

from cleaner import clean
from cleaner.dates import parse_date
from cleaner.metadata import links_in, parse_byline, slug


@pytest.mark.parametrize(
    ("byline", "authors", "agency"),
    [
        ("By Anna Malpas for AFP", ["Anna Malpas"], "AFP"),
        ("By Jane Doe and John Smith", ["Jane Doe", "John Smith"], None),
        ("By Jane Doe, John Smith and Ann Lee", ["Jane Doe", "John Smith", "Ann Lee"], None),
        ("By Jane Doe, Reuters", ["Jane Doe"], "Reuters"),
        ("Author: Jenna Ruiz (KVTR)", ["Jenna Ruiz"], "KVTR"),
        ("Authors: Jenna Ruiz, Marcus Oyelowo", ["Jenna Ruiz", "Marcus Oyelowo"], None),
        ("by Maren Okafor", ["Maren Okafor"], None),
        ("By Rosalind Ng, Arts and culture writer", ["Rosalind Ng"], None),
        # the date, what leads up to it and what follows it are no names
        ("By Lim Cheng Soon, 18 August 2010", ["Lim Cheng Soon"], None),
        ("Anthony Cuthbertson On 10/23/17 at 6:52 AM", ["Anthony Cuthbertson"], None),
        ("Ed Silverman // November 6th, 2012 // 6:25 pm", ["Ed Silverman"], None),
        ("timothy on Tuesday July 24, @11:25AM", ["timothy"], None),
        ("Seth Roberts at 1:12 pm Thursday, Aug 9, 2012", ["Seth Roberts"], None),
        ("1:54 pm August 9, 2012, by David O'Brien", ["David O'Brien"], None),
        # nor a handle or a "Published" label and what follows them
        ("Matt Egan @mattmegan5 March 27, 2017: 4:46 PM ET", ["Matt Egan"], None),
        ("Alex Pappas (@AlexPappas)", ["Alex Pappas"], None),
        ("By Brittany De Lea Published March 31, 2017 Defense", ["Brittany De Lea"], None),
        ("Derek Halpern · 167 comments", ["Derek Halpern"], None),
        ("Tim Ferriss Topics: The 4-Hour Body", ["Tim Ferriss"], None),
        # a weekday's letters in a name stay when no date is cut off after it
        ("By Lena Sun", ["Lena Sun"], None),
        ("By Cass Sunstein Jul 23, 2012 6:30 PM ET", ["Cass Sunstein"], None),
    ],
)
def test_byline(byline: str, authors: list[str], agency: str | None) -> None:
    assert parse_byline(byline) == (authors, agency)


@pytest.mark.parametrize(
    ("line", "iso"),
    [
        ("September 14, 2020", "2020-09-14"),
        ("14 Sept. 2020", "2020-09-14"),
        ("Published Monday, Sept. 14, 2020 at 10:30 a.m. EDT", "2020-09-14"),
        ("2020-09-14T10:00:00Z", "2020-09-14"),
        ("In 2020 the protests began", None),
        ("February 30, 2020", None),
        ("September 14", None),
    ],
)
def test_dates_are_parsed_never_guessed(line: str, iso: str | None) -> None:
    assert parse_date(line) == iso


def test_links_skip_anchors() -> None:
    assert links_in("[a](#) [b](https://x.org/b) <https://x.org/c> see https://x.org/d.") == [
        "https://x.org/b",
        "https://x.org/c",
        "https://x.org/d",
    ]


def test_related_title_finds_its_url_by_slug() -> None:
    assert slug("Putin, Lukashenko To Talk 'Integration'") == "putin-lukashenko-to-talk-integration"
    meta = clean(
        "Body of the article, long enough.\n\nRelated article: Rents Rise Again\n\nhttps://example.com/2021/rents-rise-again-a123"
    ).metadata
    assert [(r.title, r.url) for r in meta.related] == [
        ("Rents Rise Again", "https://example.com/2021/rents-rise-again-a123")
    ]


def test_what_is_not_stated_is_null() -> None:
    meta = clean("Just one paragraph of article text.").metadata
    assert (
        meta.title,
        meta.subtitle,
        meta.authors,
        meta.agency,
        meta.published,
        meta.url,
        meta.outlet,
    ) == (None, None, [], None, None, None, None)
    assert meta.counts.words == 6 and meta.counts.paragraphs == 1


def test_a_dumps_image_line_gives_its_caption_without_the_wrapper() -> None:
    meta = clean(
        "Body paragraph one, which is long.\n\n[Image: A train at Neussargues. Photo: Ansa]\n\n"
        "Body paragraph two."
    ).metadata
    assert [(i.caption, i.credit) for i in meta.images] == [("A train at Neussargues.", "Ansa")]
    meta = clean(
        "Body paragraph one, which is long.\n\n[Image] A train at Neussargues. Photo: Ansa\n\n"
        "Body paragraph two."
    ).metadata
    assert [(i.caption, i.credit) for i in meta.images] == [("A train at Neussargues.", "Ansa")]


def test_credit_joins_the_caption_above_it() -> None:
    meta = clean(
        "Body paragraph one, which is long.\n\nA man walks by.\n\nJane Doe / Reuters\n\nBody paragraph two."
    ).metadata
    assert [(i.caption, i.credit) for i in meta.images] == [
        ("A man walks by.", "Jane Doe / Reuters")
    ]
