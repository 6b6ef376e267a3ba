from __future__ import annotations

import pytest
from selectolax.lexbor import LexborHTMLParser

from cleaner.html.meta import Image, PageMeta
from cleaner.html.page import Page
from cleaner.html.jsonld import article_record, json_ld_objects
from cleaner.html.meta import (
    absolute_url,
    iso_date,
    language_tag,
    merge,
    person_names,
    without_site,
)
from cleaner.html.sources import figure_images, markup_authors

from .conftest import fixture


def meta_of(html: str, url: str | None = None) -> PageMeta:
    return Page(html, url).meta


def test_article_page() -> None:
    assert meta_of(fixture("article.html")) == PageMeta(
        title="Harbour Bridge Reopens After Repairs",
        authors=("Jane Doe", "John Smith"),
        published="2021-03-14",
        url="https://coastal.example/news/harbour-bridge-reopens",
        site_name="The Coastal Times",
        language="en-GB",
        description="The bridge is open again after two years of repairs.",
        images=(
            Image(
                "Cars cross the bridge on Sunday morning.",
                "Photo: Ann Lee",
                "https://coastal.example/news/bridge.jpg",
            ),
        ),  # its <img>, made absolute
    )


def test_json_ld_graph() -> None:
    meta = meta_of(fixture("graph.html"))
    assert meta.title == "Council votes on budget"
    assert meta.authors == ("Maria Garcia",)  # "By" goes; the organisation is not an author
    assert meta.published == "2020-09-14"
    assert (
        meta.url == "https://valley.example/budget"
    )  # mainEntityOfPage's @id, without its #fragment
    assert meta.site_name == "Valley Herald"  # from the WebSite object
    assert meta.language == "es"


def test_opengraph_and_meta_tags() -> None:
    meta = meta_of(fixture("meta_only.html"), url="https://north.example/news/")
    assert meta.title == "Storm closes schools"
    assert meta.authors == (
        "Tess Bonn",
    )  # article:author is a profile URL; "Staff Writer" is a role
    assert meta.published == "2019-11-19"  # the date as stated, in the page's own time zone
    assert meta.url == "https://north.example/weather/storm-closes-schools"
    assert meta.language == "en-CA"
    assert meta.description == "Schools across the region are closed on Tuesday."


def test_html_elements_and_date_fallback() -> None:
    meta = meta_of(fixture("elements_only.html"))
    assert meta.title == "Neue Brücke eröffnet"
    assert meta.authors == ("Moritz Bachmann",)
    assert meta.published == "2018-04-09"  # htmldate reads the <time> element
    assert meta.language == "de"
    assert meta.images == (Image("Die neue Brücke am Morgen", "Photo: Reuters"),)


@pytest.mark.parametrize("today", (2, 28))
def test_a_date_without_its_day_does_not_take_the_day_of_the_run(
    today: int, monkeypatch: pytest.MonkeyPatch
) -> None:
    """htmldate reads "2007/12" with dateutil, which fills a missing day in from the clock."""
    import datetime as real
    import types

    from dateutil.parser import _parser
    from htmldate import extractors

    class Clock(real.datetime):
        @classmethod
        def now(cls, tz: real.tzinfo | None = None) -> real.datetime:
            return real.datetime(2026, 12, today, 9, 30)

    monkeypatch.setattr(
        _parser, "datetime", types.SimpleNamespace(**{**vars(real), "datetime": Clock})
    )
    extractors.try_date_expr.cache_clear()  # as a run on another day would start
    page = "<html><body><p>Text.</p><span class='date'>2007/12</span></body></html>"
    assert meta_of(page).published == "2007-12-01"


SOURCES = {
    "json-ld": '<script type="application/ld+json">{"@type": "NewsArticle", "headline": "J", "author": "Ann Jay",'
    ' "datePublished": "2001-01-01", "description": "J.", "inLanguage": "fr",'
    ' "url": "https://j.example/a"}</script>',
    "opengraph": "".join(
        (
            '<meta property="og:title" content="O">',
            '<meta property="article:author" content="Ann Open">',
            '<meta property="article:published_time" content="2002-02-02">',
            '<meta property="og:description" content="O.">',
            '<meta property="og:locale" content="de_DE">',
            '<meta property="og:url" content="https://o.example/a">',
        )
    ),
    "meta": "".join(
        (
            '<meta name="twitter:title" content="M">',
            '<meta name="author" content="Ann Meta">',
            '<meta name="pubdate" content="20030303">',
            '<meta name="description" content="M.">',
            '<meta http-equiv="content-language" content="it">',
        )
    ),
    "elements": '<title>E</title><span class="byline">By Ann Element</span><html lang="nl">',
}


@pytest.mark.parametrize("first", range(len(SOURCES)))
def test_precedence(first: int) -> None:
    """Every field comes from the most trusted source present: JSON-LD, OpenGraph, meta tags, elements."""
    present = list(SOURCES)[first:]
    meta = meta_of(
        "<!doctype html><html><head>"
        + "".join(SOURCES[s] for s in present)
        + "</head><body></body></html>"
    )
    expected = {
        "json-ld": ("J", ("Ann Jay",), "2001-01-01", "J.", "fr", "https://j.example/a"),
        "opengraph": ("O", ("Ann Open",), "2002-02-02", "O.", "de-DE", "https://o.example/a"),
        "meta": ("M", ("Ann Meta",), "2003-03-03", "M.", "it", None),
        "elements": ("E", ("Ann Element",), None, None, "nl", None),
    }[present[0]]
    assert (
        meta.title,
        meta.authors,
        meta.published,
        meta.description,
        meta.language,
        meta.url,
    ) == expected


def test_canonical_link_comes_first_for_the_url() -> None:
    html = SOURCES["json-ld"] + '<link rel="canonical" href="/canonical">'
    assert meta_of(html, url="https://site.example/x/y").url == "https://site.example/canonical"


def test_merge_takes_each_field_from_the_first_source_that_states_it() -> None:
    merged = merge(
        PageMeta(title="A"), PageMeta(title="B", authors=("X",)), PageMeta(language="en")
    )
    assert merged == PageMeta(title="A", authors=("X",), language="en")


@pytest.mark.parametrize(
    "block",
    [
        '<!-- {"@type": "NewsArticle", "headline": "H"} -->',
        '//<![CDATA[\n{"@type": "NewsArticle", "headline": "H"}\n//]]>',
        '{"@type": "NewsArticle", "headline": "H", "keywords": ["a", "b", ],}',
        '[{"@type": "Organization", "name": "O"},'
        ' {"@type": "WebPage", "mainEntity": {"@type": "newsarticle", "headline": "H"}}]',
        '{"@type": "MedicalWebPage", "headline": "H"}',
    ],
)
def test_json_ld_as_publishers_write_it(block: str) -> None:
    tree = LexborHTMLParser(f'<script type="application/ld+json">{block}</script>')
    record = article_record(json_ld_objects(tree))
    assert record is not None and record["headline"] == "H"


def test_broken_json_ld_states_nothing() -> None:
    assert (
        json_ld_objects(
            LexborHTMLParser('<script type="application/ld+json">{"headline": </script>')
        )
        == []
    )


@pytest.mark.parametrize(
    ("value", "iso"),
    [
        ("2019-11-19T23:30:00-05:00", "2019-11-19"),
        ("20191119", "2019-11-19"),
        ("Nov. 19, 2019 10:43 AM", "2019-11-19"),
        ("0001-01-01T00:00:00Z", None),
        ("1970-01-01", None),
        ("yesterday", None),
        (None, None),
    ],
)
def test_dates(value: str | None, iso: str | None) -> None:
    assert iso_date(value) == iso


@pytest.mark.parametrize(
    ("values", "names"),
    [
        (["By Jane Doe and John Smith"], ("Jane Doe", "John Smith")),
        (["TOM KRISHER, AP Auto Writer"], ("TOM KRISHER",)),
        (["Ilana Muhlstein, MS, RDN"], ("Ilana Muhlstein",)),
        (["Jane Doe", "jane doe"], ("Jane Doe",)),
        (["https://www.facebook.com/someone", "@handle", "admin"], ()),
        # an author link's words, a company
        (["View my complete profile", "View Profile", "More posts", "Allied Newspapers Ltd"], ()),
        (["Viewpoint Smith", "Ann Moreau"], ("Viewpoint Smith", "Ann Moreau")),
    ],
)
def test_person_names(values: list[str], names: tuple[str, ...]) -> None:
    assert person_names(values) == names


def test_site_name_is_not_an_author() -> None:
    assert without_site(("Jill Disis", "CNN Business"), "CNN") == ("Jill Disis",)
    assert without_site(("Tanza Loudenback", "Business Insider"), "Business Insider DE") == (
        "Tanza Loudenback",
    )


def test_markup_authors_skip_comment_lists_and_long_text() -> None:
    comments = "".join(f'<div itemprop="author">Reader {n}</div>' for n in range(10))
    assert markup_authors(
        LexborHTMLParser(comments + '<a rel="author" href="/a">Jo Byline</a>')
    ) == ("Jo Byline",)
    bio = (
        '<div class="byline">'
        + "A very long biography of the author and their work. " * 3
        + "</div>"
    )
    assert markup_authors(LexborHTMLParser(bio)) == ()


def test_urls_and_languages() -> None:
    assert absolute_url("/a?b=1#top", "https://x.example/n/") == "https://x.example/a?b=1"
    assert absolute_url("/a", None) is None
    assert absolute_url("javascript:void(0)", None) is None
    assert language_tag("en_US") == "en-US"
    assert language_tag("English") is None


def test_figure_captions() -> None:
    tree = LexborHTMLParser(
        "<figure><figcaption>A bridge. <span class='image-credit'>Ann Lee</span></figcaption></figure>"
        "<figure><figcaption class='_pattribution-w-auto'>A ferry at dawn.</figcaption></figure>"
        "<figure><figcaption>Protesters in the square (Photo: AFP)</figcaption></figure>"
        "<figure><figcaption>A bridge. <span class='image-credit'>Ann Lee</span></figcaption></figure>"
    )
    assert figure_images(tree) == (
        Image("A bridge.", "Ann Lee"),
        Image("A ferry at dawn.", None),
        Image("Protesters in the square", "Photo: AFP"),
    )


def test_stated_text_is_normalised_as_article_text_is() -> None:
    """Entities decoded, NFC, soft hyphens and zero-width characters gone, spaces collapsed: a
    page's title reads as the same title does in its text."""
    html = '<html><head><meta property="og:title" content="Cafe\u0301 re&shy;opens&#8203;\u00a0 after\n repairs"></head></html>'
    assert meta_of(html).title == "Café reopens after repairs"
