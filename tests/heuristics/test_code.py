from __future__ import annotations

import pytest

from cleaner import clean
from cleaner.code_signals import looks_like_markup
from cleaner.heuristics.code import MARKUP, SCRIPT, looks_like_code
from cleaner.heuristics import lexicon

from ..conftest import blocks_of

CODE = [
    'var select={root:".js-sub-pencil"},dom={};function pencilInit(o){dom.root=document.querySelector(o)}',
    "window.dataLayer = window.dataLayer || []; function gtag(){dataLayer.push(arguments);}",
    '{"@context": "https://schema.org", "@type": "NewsArticle", "headline": "A"}',
    ".article-body p { margin: 0 0 1em; } .caption { font-size: 12px; }",
    "@media (max-width: 600px) { .nav { display: none; } }",
    '{"type":"Image","id":"component-5","data":{"id":7,"src":"https://x.org/a.jpg","caption":"A photo"}}',
    "});",
    # Lines of a script printed one per line: no statement ends on them, the operators do tell.
    "if ((typeof (hideAllAds) == 'undefined' || hideAllAds == false) &&",
    "for (i=0; i<arrTabNames_editorsChoice.length; i++) {",
    "_taboola.push({flush: true});",
    "}, 500 );",
    # A widget called with an object literal: JSON-like keys, few of the symbols counted.
    'jQuery(\'#ad_7\').Ad({"mode":"iframe","width":640,"height":360,"site":"gm.example",'
    '"variant":"default","headline":"A Cat Costume Better Than Yours","issued":"Mon, 29 Oct 2012",'
    '"fallback_zone":"in_story","keywords":"cats animals halloween costumes"});',
    'config: {"root_url":"http:\\/\\/example.com\\/index.php","domain":"example.com","host":"x"},',
    "Powwow.init({",
    # A variable declared with a string of prose: one signal, few symbols, still a statement.
    'var ArticleBlurb = "The One to Watch: a remote control with a touch screen, a new design and'
    ' a button layout that won an award at the show this week, the company said on Monday.";',
    # One assignment on a line: no other signal, and too few symbols for a long one.
    "google_ad_height = 250;",
    "contcount = contcount + 1;",
]
# HTML dumped as text: another story's body held in a script string, a template's list items.
MARKUP_LINES = [
    'But like anything that\'s "the best," the care was <a href="http://example.com/2010/06/'
    'report">overpriced and underperforming</a> -- if you were lucky enough to be insured.',
    "<li>Click on your profile picture to view your reading history and delete any story.",
    "</ul></p> reading and watching with the Social Reader.",
    '<A HREF="/user/login?destination=home" title="">Sign In Without Facebook</A>',
]
# Tags named or quoted in prose are no markup.
TAG_PROSE = [
    "The page's <a> tag linked to the report, which the agency took down on Friday.",
    "Use <br> for a line break, the manual says, and never a <p> to make space.",
    "Scores ranged from <50 to >90, and the <li> list on the old site showed them all.",
]
PROSE = [
    "The function of the committee, he said, is to review the budget (which was approved) and report back.",
    "Prices rose 3% = the biggest jump since 2008; analysts [including ours] expected less.",
    "“Let me be clear,” she said. “We will not back down.”",
    "Let x = the number of voters (in millions); then the turnout rose by x/10 over the year.",
    "Total = 12 apples (from the orchard); half of them went to the neighbours.",
    "Standard & Poor's cut the rating (to BBB) on Friday; R&D spending fell",
    "Programmers in C++ (and C#) wrote it, in a style of their own {sic}",
    # A bracket closed before a semicolon: a recipe or a list of prices, not a statement.
    "Breakfast: 8 ounces of egg whites; black beans (canned and unsalted); and cauliflower.",
    "Super fries ($10) with cheese sauce; corn gems ($4/$7); a shake ($8.50); a couple of beers.",
    'He wrote (in braces) {"sic": yes} to mark the quote, and signed it: "Editor" (retired).',
]


@pytest.mark.parametrize("text", CODE)
def test_code_is_claimed(text: str) -> None:
    assert looks_like_code(text)
    assert list(SCRIPT.find(blocks_of(text), lexicon()))


@pytest.mark.parametrize("text", PROSE)
def test_prose_is_not_code(text: str) -> None:
    assert not looks_like_code(text)


PAGE = [
    "The council met on Tuesday and approved the budget for the coming year, after a long debate.",
    "Spending on roads rises by a tenth, and the library keeps its Sunday hours, the mayor said.",
    "The opposition voted against it, saying the rise in parking fees would hurt the high street.",
]


@pytest.mark.parametrize("text", MARKUP_LINES)
def test_html_dumped_as_text_is_claimed(text: str) -> None:
    assert looks_like_markup(text)
    blocks = blocks_of(PAGE[0], text, *PAGE[1:])
    assert [b.text for b in MARKUP.find(blocks, lexicon())] == [blocks[1].text]


def test_html_given_as_text_keeps_its_text() -> None:
    """A document mostly of markup is HTML given as text, not a page dump with HTML in it."""
    html = "".join(f"<p>{line}</p>\n\n" for line in PAGE)
    assert not list(MARKUP.find(blocks_of(*html.split("\n\n")[:-1]), lexicon()))
    assert PAGE[0] in clean(html).text


@pytest.mark.parametrize("text", [*PROSE, *TAG_PROSE])
def test_tags_named_in_prose_are_no_markup(text: str) -> None:
    assert not looks_like_markup(text)


def test_markdown_keeps_its_inline_html() -> None:
    """Markdown may hold HTML inline: a document with a markdown link or heading keeps it."""
    for other in ("See [the report](https://example.com/report).", "# Harbour bridge reopens"):
        blocks = blocks_of(other, MARKUP_LINES[0], *PAGE)
        assert not list(MARKUP.find(blocks, lexicon()))


def test_html_pages_keep_the_tags_their_writers_printed() -> None:
    page = (
        "<html><body><article><h1>Links in HTML</h1><p>Write "
        '<code>&lt;a href="https://example.com"&gt;a link&lt;/a&gt;</code> to make a link, '
        "the guide says, and the browser shows the words between the tags.</p>"
        "<p>The guide goes on to explain the other attributes a link may carry.</p>"
        "</article></body></html>"
    )
    assert '<a href="https://example.com">a link</a>' in clean(page).text
