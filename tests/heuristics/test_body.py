"""The article body of a page dump: classes of single blocks, the body model's features, and
what it keeps of pages whose article is plain to a reader."""

from __future__ import annotations

import numpy as np
import pytest

from cleaner.features import words_of
from cleaner.heuristics import classify as cl
from cleaner.heuristics import lexicon, run
from cleaner.heuristics.body import BODY, BODY_FEATURES, continues_body, page_rows
from cleaner.heuristics.classify import Class, classify, features
from cleaner.model import Mark
from cleaner.stoplists import guess_language

from ..conftest import blocks_of

PROSE = [
    "The council voted on Tuesday to approve the budget, which includes new funding for libraries and parks.",
    "Critics said the plan did too little for families, and that most of the new units would be far too small.",
    "The mayor said that the vote was a turning point for the city and that work would begin in the spring.",
    "Work on the first of the new libraries is due to start in April, and the parks will follow in the autumn.",
]
MENU = [
    "Home",
    "World",
    "Business",
    "Sport",
    "Culture",
    "Opinion",
    "Video",
    "Podcasts",
    "Newsletters",
]
TEASERS = [
    "Trending",
    "Why farmers paint their cows with zebra stripes",
    "32M ago",
    "Woman risks her life to save a koala",
    "1H ago",
    "Cities urge a boycott of meat firms",
    "2H ago",
]
FOOTER = ["About us", "Contact", "Terms of use", "Privacy policy", "© 2024 The Daily Example"]


def removed(blocks) -> set[str]:
    return {b.text for b in BODY.find(blocks, lexicon())}


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (PROSE[0], Class.GOOD),
        ("Home", Class.SHORT),
        ("It ended.", Class.SHORT),
        ("It was over by the end.", Class.NEAR),
        ("Key Moments From Tuesday's Hearing On Capitol Hill In Washington", Class.BAD),
    ],
)
def test_block_classes(text: str, expected: Class) -> None:
    assert classify(features(text, lexicon().stopwords)) is expected


@pytest.mark.parametrize(
    ("text", "ends"),
    [
        ("Tasman anglicised the name to New Zealand.[16]", True),
        ("The last full-blooded Moriori died in 1933.[30][31]", True),
        ("Both names can be used together.[n 3]", True),
        ("It was founded in 1840.[citation needed]", True),
        ("I think I blew a few blood vessels in the opening clip :-)", True),
        ("See you all there ;)", True),
        ("Full results in table [3]", False),
        ("Metroid Prime (Nintendo, 2002)", False),
        ("Build your own kit...", False),
    ],
)
def test_reference_marks_and_smileys_end_a_sentence(text: str, ends: bool) -> None:
    """Encyclopedia paragraphs end in reference marks, blog paragraphs in a smiley: neither is
    an unfinished line, so such a paragraph reads as prose (a dragnet blog post's lead ended in
    ":-)", and the headline was looked for below it, in the comment form)."""
    assert features(text, lexicon().stopwords).terminal is ends


def test_the_article_stays_and_the_page_around_it_goes() -> None:
    blocks = blocks_of(*MENU, *PROSE, *TEASERS, *FOOTER)
    assert removed(blocks) >= {*MENU, "Trending", "32M ago", *FOOTER[:4]}
    assert not removed(blocks) & set(PROSE)


def test_a_clean_article_is_left_alone() -> None:
    blocks = blocks_of(
        "Council approves the budget", *PROSE, "The end of the story came in the spring."
    )
    run(blocks)
    assert blocks[0].mark is not None and blocks[0].mark.field == "title"
    assert [b.text for b in blocks if b.mark is None] == [
        *PROSE,
        "The end of the story came in the spring.",
    ]


def test_two_rejected_lines_go_when_other_rules_found_the_page_around_the_article(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """A block or two the model rejects are left in a text that is an article already, but not
    in a page whose furniture other rules dropped: there they are a masthead or two comments
    (a made-up outlet's dump kept both once a lexicon rule took its third furniture line)."""
    lines = ["The Harlow Ledger", *PROSE, "Six days is plenty, honestly", "Great read"]
    low = {"The Harlow Ledger", "Six days is plenty, honestly", "Great read"}
    monkeypatch.setattr(
        "cleaner.heuristics.body.scores",
        lambda model, blocks, rows: np.array([0.0 if b.text in low else 0.9 for b in blocks]),
    )
    article = blocks_of(*lines)
    assert removed(article) == low
    article = blocks_of(*lines[1:])
    assert removed(article) == set()  # two lines: an article's own last lines
    page = blocks_of("Home | News | Sport", *lines[1:])
    page[0].mark = Mark("navigation", "generic.navigation")
    assert removed(page) == low - {"The Harlow Ledger"}


def test_a_page_without_an_article_keeps_what_the_other_rules_left() -> None:
    """The model keeping almost nothing means it found no article: it removes nothing."""
    assert removed(blocks_of(*MENU, *FOOTER)) == set()


def test_a_page_in_a_language_the_lexicon_lacks_is_read_with_its_own_stopwords() -> None:
    dutch = [
        "De gemeenteraad heeft dinsdag de begroting goedgekeurd, met nieuw geld voor de bibliotheken en de parken.",
        "Critici zeiden dat het plan te weinig deed voor gezinnen en dat de meeste nieuwe woningen veel te klein zijn.",
        "De burgemeester zei dat de stemming een keerpunt was voor de stad en dat het werk in het voorjaar begint.",
        "Het werk aan de eerste nieuwe bibliotheek begint in april, en de parken volgen later in het najaar.",
    ]
    assert guess_language(w.lower() for line in dutch for w in line.split()) == "Dutch"
    blocks = blocks_of(*MENU, *dutch, *FOOTER)
    assert not removed(blocks) & set(dutch) and "Home" in removed(blocks)


JAPANESE = [  # the council story of PROSE, in Japanese: no spaces, particles in hiragana
    "市議会は火曜日、図書館と公園に新しい予算をつける来年度の計画を賛成多数で可決した。",
    "批判する人たちは、この計画では子どものいる家庭への支援が足りず、新しい住宅も狭すぎると話している。",
    "市長は、今回の採決は町にとって大きな節目であり、工事は春から始まると述べた。",
    "最初の新しい図書館の工事は四月に始まり、公園の整備は秋になってから続く予定だという。",
]
JAPANESE_MENU = [
    "ホーム",
    "ニュース",
    "スポーツ",
    "サイトマップ",
    "プライバシーポリシー",
    "お問い合わせ",
]


def test_a_page_in_japanese_counts_its_characters_as_words_and_its_particles_as_stopwords() -> None:
    """A paragraph written without spaces was two or three words of no language, and read as a
    menu line: the body rule found no article on this page and removed nothing."""
    assert words_of("Kindle書籍を読む") == ["kindle", "書", "籍", "を", "読", "む"]
    assert guess_language(w for line in JAPANESE for w in words_of(line)) == "Japanese"
    assert guess_language(words_of("我们在这个城市的图书馆里看到了很多新的书。")) == "Chinese"
    rows = page_rows(blocks_of(*JAPANESE_MENU, *JAPANESE), lexicon())
    density, words = BODY_FEATURES.index("stop_density"), BODY_FEATURES.index("log_words")
    assert np.all(rows[6:, density] > 0.25) and np.all(rows[:5, density] == 0)  # katakana menu
    assert np.all(rows[6:, words] > np.log1p(30))
    blocks = blocks_of(*JAPANESE_MENU, *JAPANESE, *FOOTER)
    assert not removed(blocks) & set(JAPANESE) and "サイトマップ" in removed(blocks)


def test_features_read_the_marks_of_the_neighbours() -> None:
    blocks = blocks_of("Headline of the story", *PROSE)
    blocks[0].mark = Mark("headline", "generic.headline", "title")
    rows = page_rows(blocks, lexicon())
    assert rows.shape == (len(blocks), len(BODY_FEATURES))
    column = {name: i for i, name in enumerate(BODY_FEATURES)}
    assert rows[1, column["mark_-1"]] > 0 and rows[1, column["mark"]] == 0
    assert list(rows[:, column["after_title"]]) == [0, 1, 1, 1, 1]
    assert np.all(rows[:, column["stop_density"]][1:] > 0.3)


@pytest.mark.parametrize(
    ("text", "words", "stopwords", "terminal", "cjk"),
    [
        ("The vote was held on Monday.", 6, 3, True, False),
        (
            "“It is over,” she said.”)",
            5,
            5,
            True,
            False,
        ),  # closing quotes and brackets after the ending
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


def test_prose_after_the_body_that_the_model_scores_a_little_low_continues_it() -> None:
    """A last paragraph next to the footer scores low for its neighbours; read as prose and
    following the kept body (furniture other rules marked in between), it is body. Non-prose,
    prose far under the threshold and prose before any body are not rescued."""
    blocks = blocks_of(
        "Menu", PROSE[0], PROSE[1], "Advertisement", PROSE[2], "Topics: Parks", PROSE[3]
    )
    blocks[3].mark = Mark("advertisement", "generic.advertisement")
    probability = np.array([0.1, 0.4, 0.9, 0.0, 0.4, 0.4, 0.1])
    kept = continues_body(blocks, probability, 0.5, lexicon())
    assert [b.text for b, keep in zip(blocks, kept) if keep] == [PROSE[1], PROSE[2]]


def test_a_section_break_parts_no_subheading_from_the_body_it_continues() -> None:
    """A `---` or `* * *` line between the body and a subheading says nothing of either."""
    blocks = blocks_of(PROSE[0], "---", "What I would do differently", PROSE[1], "Menu")
    kept = continues_body(blocks, np.array([0.9, 0.1, 0.3, 0.8, 0.1]), 0.5, lexicon())
    assert "What I would do differently" in [b.text for b, keep in zip(blocks, kept) if keep]


def test_a_list_item_between_two_kept_items_of_the_list_is_body() -> None:
    items = ["* Main Library, 300 Civic Plaza", "* Senior Center, 95 Wharf St.", "* Fairgrounds"]
    blocks = blocks_of(PROSE[0], *items, "Menu")
    kept = continues_body(blocks, np.array([0.9, 0.8, 0.2, 0.7, 0.1]), 0.5, lexicon())
    assert [b.text for b, keep in zip(blocks, kept) if keep] == [PROSE[0], *items]
    # Not a list item, or not between two kept ones: the model's word stands.
    blocks = blocks_of(PROSE[0], items[0], "Sign in", items[2], "Menu")
    kept = continues_body(blocks, np.array([0.9, 0.8, 0.2, 0.7, 0.1]), 0.5, lexicon())
    assert "Sign in" not in [b.text for b, keep in zip(blocks, kept) if keep]
    kept = continues_body(blocks_of(*items), np.array([0.9, 0.2, 0.1]), 0.5, lexicon())
    assert kept.tolist() == [True, False, False]


def test_a_sentence_after_the_body_that_the_model_scores_a_little_low_continues_it() -> None:
    sentence = "Sheriff Ronald Brandt said investigators are still working on it."
    blocks = blocks_of(PROSE[0], sentence, "Menu")
    kept = continues_body(blocks, np.array([0.9, 0.4, 0.1]), 0.5, lexicon())
    assert kept.tolist() == [True, True, False]


def test_a_subheading_between_two_kept_paragraphs_is_body() -> None:
    blocks = blocks_of(PROSE[0], "What happens next", PROSE[1], "Menu", "Sign in")
    kept = continues_body(blocks, np.array([0.9, 0.1, 0.8, 0.1, 0.1]), 0.5, lexicon())
    assert [b.text for b, keep in zip(blocks, kept) if keep] == [
        PROSE[0],
        "What happens next",
        PROSE[1],
    ]
    # Above a line that is no paragraph, or ending like a sentence, the model's word stands.
    blocks = blocks_of(PROSE[0], "Most read", "Home", "Sign in.", PROSE[1])
    kept = continues_body(blocks, np.array([0.9, 0.1, 0.8, 0.1, 0.8]), 0.5, lexicon())
    assert [b.text for b, keep in zip(blocks, kept) if keep] == [PROSE[0], "Home", PROSE[1]]


def test_the_body_goes_on_over_a_subheading_when_the_prose_after_it_continues_it() -> None:
    """After the kept body, a subheading and a paragraph both scored a little low (the model
    distrusts what stands past a promo) are the article's next section; a heading the model
    scores far lower, a comment section's heading, or one with no continuing prose after it
    (a teaser's headline over a teaser scored far under) stays out."""
    blocks = blocks_of(PROSE[0], PROSE[1], "Download our app", "What happens next", PROSE[2])
    blocks[2].mark = Mark("promo", "generic.promo")
    kept = continues_body(blocks, np.array([0.9, 0.9, 0.0, 0.3, 0.4]), 0.5, lexicon())
    assert kept.tolist() == [True, True, False, True, True]
    for heading, score, after in (
        ("What happens next", 0.1, 0.4),
        ("Comments", 0.3, 0.4),
        ("Comments»", 0.3, 0.4),
        ("Leave a reply", 0.3, 0.4),
        ("What happens next", 0.3, 0.1),
    ):
        blocks = blocks_of(PROSE[0], PROSE[1], heading, PROSE[2])
        kept = continues_body(blocks, np.array([0.9, 0.9, score, after]), 0.5, lexicon())
        assert kept.tolist() == [True, True, False, False]
    # Two short lines in a row are no subheading but a list of links: the body ends there.
    blocks = blocks_of(PROSE[0], PROSE[1], "More Stories", "Council Rejects Plan", PROSE[2])
    kept = continues_body(blocks, np.array([0.9, 0.9, 0.3, 0.3, 0.4]), 0.5, lexicon())
    assert kept.tolist() == [True, True, False, False, False]
    # A subheading last on the page heads nothing.
    kept = continues_body(blocks[:3], np.array([0.9, 0.9, 0.3]), 0.5, lexicon())
    assert kept.tolist() == [True, True, False]


def test_an_article_printed_as_one_block_is_kept_over_the_blurb_beside_it() -> None:
    """A dump that runs the paragraphs together prints the article as one long block; the model
    may score it a little low and keep a blurb. The long block is body when it reads as prose,
    scores at least half the threshold and holds three times the words of all the kept blocks."""
    article = " ".join(PROSE * 3)  # 234 words
    short = " ".join(PROSE)  # 78 words: a paragraph, not a whole article
    blurb = "The Daily Example is the city's oldest newspaper, read by half a million people."
    blocks = blocks_of("Menu", article, "Share", blurb, "Sign in")
    kept = continues_body(blocks, np.array([0.1, 0.4, 0.1, 0.9, 0.1]), 0.5, lexicon())
    assert kept.tolist() == [False, True, False, True, False]
    for scores in (
        [0.1, 0.2, 0.1, 0.9, 0.1],  # scored far under the threshold
        [0.1, 0.4, 0.1, 0.9, 0.9],  # a paragraph kept too: not three times the kept words
    ):
        blocks = blocks_of("Menu", article, "Share", blurb, short)
        kept = continues_body(blocks, np.array(scores), 0.5, lexicon())
        assert not kept[1]
    kept = continues_body(
        blocks_of(short, "Share", "Home"), np.array([0.4, 0.1, 0.9]), 0.5, lexicon()
    )
    assert not kept[0]
    no_prose = " ".join(MENU * 30)  # long, but no sentence and no stopword
    kept = continues_body(blocks_of(no_prose, blurb), np.array([0.4, 0.9]), 0.5, lexicon())
    assert not kept[0]
    blocks = blocks_of(article, blurb)
    blocks[0].mark = Mark("comments", "generic.comments")  # another rule's word stands
    assert not continues_body(blocks, np.array([0.0, 0.9]), 0.5, lexicon())[0]
