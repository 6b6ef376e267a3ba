"""Block features: the fast ways of counting give what the plain definitions give."""

from __future__ import annotations

import numpy as np
import pytest
import regex

from cleaner.features import _OWN, TEXT_FEATURES, block_facts, log1p_count, text_features, words_of
from cleaner.lexicon import lexicon


@pytest.mark.parametrize(
    "text",
    ["", "Plain words.", "COVID-19 CASES RISE 42%", "Ⅻ Ⓐ ² ① Ärger ÜBER 3½ Tage", "١٢٣ ＡＢＣ"],
)
def test_digit_and_capital_shares_are_those_of_str_methods(text: str) -> None:
    _, facts = block_facts.__wrapped__(text)
    length = max(1, len(text))
    digits = facts[_OWN.index("digit_share") - 1]  # block_facts leaves stop_density out
    upper = facts[_OWN.index("upper_share") - 1]
    assert digits == sum(map(str.isdigit, text)) / length
    assert upper == sum(map(str.isupper, text)) / length


@pytest.mark.parametrize("count", [0, 1, 2, 13, 47, 4095, 4096, 10**6])
def test_log_of_a_count_is_numpys_to_the_last_bit(count: int) -> None:
    assert log1p_count(count) == float(np.log1p(count))


def test_words_of_an_ascii_text_are_its_words_lowered_one_by_one() -> None:
    """The whole-text lowering of ASCII texts against the definition, on every ASCII character."""
    rng = np.random.default_rng(11)
    alphabet = [chr(c) for c in range(128)] + ["Ab_9", "HELLO", " "] * 20
    for _ in range(300):
        text = "".join(rng.choice(alphabet, size=int(rng.integers(0, 60))))
        assert words_of(text) == [w.lower() for w in regex.findall(r"\w+", text)]


def test_words_of_a_text_beyond_ascii_are_lowered_one_by_one() -> None:
    """Lowered whole, the sigma before the apostrophe would not be final (σ, not ς)."""
    assert words_of("ΟΔΟΣ'Α Straße İ") == ["οδος", "α", "straße", "i̇"]


@pytest.mark.parametrize(
    "line",
    [
        "100 of 427 comments loaded",
        "Showing 1-20 of 64 comments",
        "Write a comment",
        "Add new comment",
        "Submit your reply",
        "Log in to post comments",
        "Sign in to comment",
        "Reply",
        "Report abuse",
        "Comments (3)",
        "Readers' comments (12)",
        "Reader comments 570",
        "Comments (9) Add A Comment",
        "2 comments:",
        "martinealison said...",
        "infamousdx said,",
        "Report Abuse | QUOTE",
        "{ 7 comments… read them below or add one }",
        "{ 1 comment… read it below or add one }",
        "{ 0 comments… add one now }",
        "{ 167 comments }",
    ],
)
def test_comment_widgets_mark_where_comments_begin(line: str) -> None:
    """A comment section's own widget after the article's first paragraph is a comment marker,
    and what follows stands after comments (the body model reads both)."""
    paragraph = (
        "The council voted on Tuesday to close the old harbour bridge for repairs next spring,"
        " after engineers found corrosion in two of its supports during an inspection in May."
    )
    reply = "I drive over that bridge every day and it has been a disgrace for years now."
    rows = text_features([paragraph, line, reply], lexicon())
    marker, after = TEXT_FEATURES.index("comment_marker"), TEXT_FEATURES.index("after_comments")
    assert rows[1, marker] == 1.0 and rows[2, after] == 1.0
    for sentence in (
        "Write to the editor",
        "87 of 112 comments submitted to the board opposed the plan.",
        "Submit a comment on the proposed rule at regulations.gov by June 5.",
        "Register to comment at the public hearing on Thursday.",
        "Read them below or add one of your own to the list.",
        "The mayor said,",
        "Comments 3 and 4 of the draft were struck out.",
    ):
        assert text_features([paragraph, sentence, reply], lexicon())[1, marker] == 0.0


def test_a_chinese_or_japanese_character_is_a_word_held_once() -> None:
    """A page of them has a word per character: one string each, not one per occurrence."""
    words = words_of("図書館と図書館")
    assert words == ["図", "書", "館", "と", "図", "書", "館"]
    assert words[0] is words[4] and words_of("館")[0] is words[2]
    assert words_of("한국어 문장") == ["한국어", "문장"]  # Korean keeps its spaces
