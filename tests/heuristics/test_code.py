from __future__ import annotations

import pytest

from cleaner.heuristics.code import SCRIPT, looks_like_code
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
]
PROSE = [
    "The function of the committee, he said, is to review the budget (which was approved) and report back.",
    "Prices rose 3% = the biggest jump since 2008; analysts [including ours] expected less.",
    "“Let me be clear,” she said. “We will not back down.”",
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
