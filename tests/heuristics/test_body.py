"""The article body of a page dump: classes of single blocks, and the run the article is."""

from __future__ import annotations

import pytest

from cleaner.heuristics import lexicon, run
from cleaner.heuristics.body import BODY_INSIDE, BODY_OUTSIDE, article_body
from cleaner.heuristics import classify as cl
from cleaner.heuristics.classify import Class, Params, classify, features

from ..conftest import blocks_of

PROSE = [
    "The council voted on Tuesday to approve the budget, which includes new funding for libraries and parks.",
    "Critics said the plan did too little for families, and that most of the new units would be far too small.",
    "The mayor said that the vote was a turning point for the city and that work would begin in the spring.",
]
MENU = ["Home", "World", "Business", "Sport", "Culture"]
TEASERS = ["Trending", "Why farmers paint their cows with zebra stripes", "Cows in a Japanese pasture look like a joke, but the science behind the stripes is serious.", "32M ago", "Woman risks her life to save a koala", "At least six people have died and hundreds of homes have burned in the fires.", "1H ago", "Cities urge a boycott of meat firms", "Lawmakers in the two biggest cities want to cut their ties with firms that import beef from Brazil.", "2H ago"]


def cls(text: str) -> Class:
    """Class under the dataclass defaults, so these cases do not move when the fit is rerun."""
    return classify(features(text, lexicon().stopwords), True, Params())


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (PROSE[0], Class.GOOD),
        ("Home", Class.SHORT),
        ("It ended.", Class.NEAR),
        ("Key Moments From Tuesday's Hearing On Capitol Hill In Washington", Class.BAD),
        ("Dem Rathaus wurde am Dienstag ein neuer Haushalt vorgelegt, der mehr Geld für die Bibliotheken und die Parks vorsieht.", Class.GOOD),
    ],
)
def test_block_classes(text: str, expected: Class) -> None:
    assert cls(text) is expected


def test_the_article_is_the_run_of_prose_between_menus_and_teasers() -> None:
    blocks = blocks_of(*MENU, *PROSE, *TEASERS, *MENU)
    body = article_body(blocks, lexicon())
    assert body is not None and (body.start, body.end) == (5, 7)
    assert {b.index for b in BODY_OUTSIDE.find(blocks, lexicon())} == set(range(len(blocks))) - {5, 6, 7}


def test_a_subheading_between_paragraphs_stays_and_a_link_run_goes() -> None:
    links = [f"Link {n}" for n in range(cl.PARAMS.max_inner_run + 1)]
    blocks = blocks_of(*MENU, PROSE[0], "The vote", PROSE[1], *links, PROSE[2], PROSE[0] + " Again.", *MENU)
    assert [b.text for b in BODY_INSIDE.find(blocks, lexicon())] == links


def test_a_clean_article_is_left_alone() -> None:
    blocks = blocks_of("Intro.", *PROSE, "The end.")
    run(blocks)
    assert all(b.mark is None for b in blocks)


def test_a_page_of_another_language_without_stopwords_falls_back_to_sentence_shape() -> None:
    korean = ["메뉴", "뉴스", "스포츠", "정치", "서울시는 화요일에 도서관과 공원을 위한 새로운 예산을 승인했다고 밝혔다.", "시장은 이번 결정이 도시의 전환점이 될 것이라고 말했다.", "로그인", "구독"]
    blocks = blocks_of(*korean)
    body = article_body(blocks, lexicon())
    assert body is not None and (body.start, body.end) == (4, 5)


def test_lone_prose_in_a_chain_is_a_teaser_list_but_one_between_subheadings_is_not() -> None:
    from cleaner.heuristics.body import _teasers

    G, S = Class.GOOD, Class.SHORT
    teaser_list = [S, G, S, S, G, S, S, G, S]  # headline, summary, time, ...
    article = [G, G, S, G, S, G, G]  # a lone paragraph between two subheadings
    assert _teasers(list(range(len(teaser_list))), dict(enumerate(teaser_list))) == {1, 4, 7}
    assert _teasers(list(range(len(article))), dict(enumerate(article))) == set()


@pytest.mark.parametrize(
    ("text", "words", "stopwords", "terminal", "cjk"),
    [
        ("The vote was held on Monday.", 6, 3, True, False),
        ("“It is over,” she said.”)", 5, 5, True, False),  # closing quotes and brackets after the ending
        ("Build your own…", 3, 1, False, False),
        ("Wait...", 1, 0, False, False),  # an ellipsis is no sentence ending
        ("Wait..!", 1, 0, False, False),
        ("Home", 1, 0, False, False),
        ("", 0, 0, False, False),
        ("東京は大きい都市です。", 6, 0, True, True),  # CJK characters count two to a word
    ],
)
def test_block_features(text: str, words: int, stopwords: int, terminal: bool, cjk: bool) -> None:
    assert features(text, lexicon().stopwords) == cl.Features(words, stopwords, terminal, cjk)
