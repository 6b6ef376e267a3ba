"""The printed headline against the stated title (`cleaner.html.headline`)."""

from __future__ import annotations

import pytest
from selectolax.lexbor import LexborHTMLParser

from cleaner.html.headline import article_title, is_part, title_without_site
from cleaner.html.page import Page


def _title(body: str, stated: str | None, element: str = "", site: str | None = None) -> str | None:
    html = f"<html><head><title>{element}</title></head><body>{body}</body></html>"
    return article_title(LexborHTMLParser(html), stated, site)


@pytest.mark.parametrize(
    ("part", "whole", "expected"),
    [
        ("Apple unveils video iPod", "BBC NEWS | Technology | Apple unveils video iPod", True),
        ("Bernie Behind Bars", "Forbes.com: Bernie Behind Bars", True),
        ("Smear tactics", "Smear tactics - Los Angeles Times", True),
        ("Storm closes schools", "Storm closes schools « The Ledger", True),
        ("Mart opens store", "Wal-Mart opens store", False),  # a hyphen inside a word
        ("the wrong questions", "All the wrong questions", False),  # not a separated part
        ("Storm closes schools", "Storm closes schools", False),  # the whole is no part
    ],
)
def test_a_part_of_a_title_stands_between_separators(part: str, whole: str, expected: bool) -> None:
    assert is_part(part, whole) is expected


@pytest.mark.parametrize(
    ("body", "stated", "element", "expected"),
    [
        (  # the site and section around the printed headline
            "<h1>Apple unveils video iPod</h1>",
            "BBC NEWS | Technology | Apple unveils video iPod",
            "",
            "Apple unveils video iPod",
        ),
        (  # a shorter promotional title inside the printed headline
            "<h1>Chatham House report: Famine risks are badly managed</h1>",
            "Famine risks are badly managed",
            "",
            "Chatham House report: Famine risks are badly managed",
        ),
        (  # og:title says something else; the <title> element shows the heading is the headline
            "<h1>US lifts ban on mobile phones for Iran</h1>",
            "US lifts Iran 'iPhone' sanctions",
            "BBC News - US lifts ban on mobile phones for Iran",
            "US lifts ban on mobile phones for Iran",
        ),
        (  # a logo's <h1>, the headline an <h2> below it
            "<h1>Universe Today Space and astronomy news</h1><h2>Confirmed: Ceres Has Air</h2>",
            "Confirmed: Ceres Has Air - Universe Today",
            "",
            "Confirmed: Ceres Has Air",
        ),
        (  # no heading relates: the stated title, without the domain it starts with
            "<h1>Financial News - Business News</h1>",
            "Forbes.com: AMD More Fleet-Footed Than Intel",
            "",
            "AMD More Fleet-Footed Than Intel",
        ),
        (  # or ends with
            "",
            "Gates No Longer World's Richest Man - Forbes.com",
            "",
            "Gates No Longer World's Richest Man",
        ),
        (  # a one-word heading that is part of the title is its section
            "<h1>Technology</h1>",
            "Storm closes schools | Technology",
            "",
            "Storm closes schools | Technology",
        ),
        (  # another story's headline is no part of the title
            "<h1>Ferry fares rise again</h1>",
            "Storm closes schools",
            "",
            "Storm closes schools",
        ),
    ],
)
def test_the_printed_headline_is_the_title_when_it_relates_to_the_stated_one(
    body: str, stated: str, element: str, expected: str
) -> None:
    assert _title(body, stated, element) == expected


def test_the_sites_name_in_a_heading_is_never_the_headline() -> None:
    body = "<h1>Northern Post</h1>"
    assert _title(body, "Northern Post | Storm closes schools", site="Northern Post") == (
        "Storm closes schools"  # the heading skipped, the site's name stripped from the title
    )
    assert _title("<h1>example.com</h1>", "example.com | Storm closes schools") == (
        "Storm closes schools"  # the domain heading skipped, the domain stripped from the title
    )


def test_a_page_without_a_stated_title_has_none() -> None:
    assert _title("<h1>Storm closes schools today</h1>", None) is None


def test_the_page_metadata_reports_the_printed_headline() -> None:
    html = (
        '<html><head><meta property="og:title" content="NEWS | World | Storm closes schools">'
        "</head><body><h1>Storm closes schools</h1><p>Text.</p></body></html>"
    )
    assert Page(html).meta.title == "Storm closes schools"


@pytest.mark.parametrize(
    ("title", "site", "url", "expected"),
    [
        ("Storm closes schools | Northern Post", "Northern Post", None, "Storm closes schools"),
        ("Northern Post - Storm closes schools", "Northern Post", None, "Storm closes schools"),
        (
            "Storm closes schools - Northern Post",
            None,
            None,
            "Storm closes schools - Northern Post",
        ),
        ("Northern Post", "Northern Post", None, "Northern Post"),  # nothing else to keep
        (
            "Column: Gannett bodes ill - Business | LA Times",
            "LA Times",
            None,
            "Column: Gannett bodes ill - Business",
        ),
        # the site named by its host, give or take a word
        (
            "Storm closes schools - Northern Post",
            None,
            "https://www.northernpost.com/a",
            "Storm closes schools",
        ),
        (
            "Storm closes schools // Post News",
            None,
            "https://news.post.co.uk/a",
            "Storm closes schools",
        ),
        # a part that only mentions the site is a part of the headline
        (
            "Editors' note: New choices for post.com readers",
            "Post",
            None,
            "Editors' note: New choices for post.com readers",
        ),
        ("Forbes.com: Bernie Behind Bars", None, None, "Bernie Behind Bars"),
    ],
)
def test_the_parts_naming_the_site_leave_the_title(
    title: str, site: str | None, url: str | None, expected: str
) -> None:
    assert title_without_site(title, site, url) == expected


def test_a_heading_in_the_pages_header_is_the_sites_name_not_the_headline() -> None:
    body = (
        "<div id='header'><div id='title'><h2>Auto cars 123 | Car Reviews</h2></div></div>"
        "<div class='post'><h1>Lancia Delta Review</h1><div class='entry-header'></div></div>"
    )
    title = "Lancia Delta Review | Auto cars 123 | Car Reviews"
    assert _title(body, title) == "Lancia Delta Review"
    blog = "<h1 id='banner-header'>Seth's Blog</h1><h3 class='entry-header'>Yesterday's over</h3>"
    assert _title(blog, "Seth's Blog: Yesterday's over") == "Yesterday's over"
