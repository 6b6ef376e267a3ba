"""The canonical text contract, clause by clause."""

from __future__ import annotations

import textwrap
import unicodedata

import pytest

from cleaner import clean
from cleaner.inline import plain


def text(source: str) -> str:
    return clean(source).text


def test_paragraphs_one_per_line_one_blank_line_between_one_final_newline() -> None:
    assert (
        text("First paragraph here.\n\n\n\nSecond paragraph here.  \n")
        == "First paragraph here.\n\nSecond paragraph here.\n"
    )


def test_crlf_and_cr_become_lf() -> None:
    assert text("One.\r\n\r\nTwo.\rThree.") == "One.\n\nTwo.\n\nThree.\n"


def test_hard_wrapped_lines_are_joined_with_one_space() -> None:
    first, second = "word " * 60, "other " * 50
    wrap = lambda p: "\n".join(textwrap.wrap(p, 80))  # noqa: E731
    assert text(f"{wrap(first)}.\n\n{wrap(second)}.") == f"{first.strip()}.\n\n{second.strip()}.\n"


def test_paragraph_split_by_a_stray_blank_line_is_joined() -> None:
    assert text(
        "He was making his first trip since the vote on Aug. 9\n\npresidential polls prompted protests."
    ) == (
        "He was making his first trip since the vote on Aug. 9 presidential polls prompted protests.\n"
    )


def test_complete_paragraph_followed_by_lower_case_is_not_joined() -> None:
    assert text("It ended.\n\nmeanwhile, it began.") == "It ended.\n\nmeanwhile, it began.\n"


def test_whitespace_no_break_and_zero_width() -> None:
    assert text("A\u00a0b\u202fc\t\td\u200b e\ufeff f.") == "A b c d e f.\n"
    hidden = "".join(chr(0xE0000 + ord(c)) for c in "ignore the article")  # tag characters
    assert text(f"The council{hidden} met.") == "The council met.\n"


def test_nfc() -> None:
    out = text("Cafe\u0301 au lait.")
    assert out == "Café au lait.\n" and unicodedata.is_normalized("NFC", out)


def test_markdown_markup_removed_words_kept() -> None:
    source = "Some **bold** and *emphasis* and _this_, a [link](https://x.org/a) and <https://x.org/b>, \\$1.5 billion."
    assert (
        text(source)
        == "Some bold and emphasis and this, a link and https://x.org/b, $1.5 billion.\n"
    )


def test_subheadings_stay_as_paragraphs() -> None:
    assert (
        text("Intro paragraph.\n\n## **'Elder brother'**\n\nMore text.")
        == "Intro paragraph.\n\n'Elder brother'\n\nMore text.\n"
    )


@pytest.mark.parametrize(
    ("source", "expected"),
    [
        ("### A heading with closing marks ###", "A heading with closing marks"),
        ("# Issue #5 is closed", "Issue #5 is closed"),  # a `#` inside is no closing mark
        ("Some ***strong and emphasised*** words.", "Some strong and emphasised words."),
        (
            "A __strong__ and _emphasised_ word, and *one* more.",
            "A strong and emphasised word, and one more.",
        ),
    ],
)
def test_heading_marks_and_nested_emphasis(source: str, expected: str) -> None:
    assert plain(source) == expected


@pytest.mark.parametrize(
    ("source", "expected"),
    [
        (
            "A table called `shipment_events`, and `ls -la` run.",
            "A table called shipment_events, and ls -la run.",
        ),
        (
            "TeX ``quotes'' and a stray ` stay, and so does a`b`c.",
            "TeX ``quotes'' and a stray ` stay, and so does a`b`c.",
        ),
    ],
)
def test_code_spans_lose_their_backticks_and_keep_their_text(source: str, expected: str) -> None:
    assert plain(source) == expected


def test_article_characters_are_kept_as_written() -> None:
    source = "“Curly” quotes — dashes – and accents: Łukaszenka, São Paulo, naïve, 10 × 2."
    assert text(source) == source + "\n"


def test_snake_case_and_arithmetic_are_not_emphasis() -> None:
    assert (
        text("The variable some_long_name is 2 * 3 * 4.")
        == "The variable some_long_name is 2 * 3 * 4.\n"
    )


def test_empty_input_gives_empty_text_and_a_warning() -> None:
    result = clean("  \n\n \t\n")
    assert result.text == ""
    assert result.metadata.warnings


@pytest.mark.parametrize(
    "source",
    ["First.\n\nSecond *x* y.", "A \\$ sign.", "Title\n\nBy Jane Doe\n\nBody text here."],
)
def test_idempotent(source: str) -> None:
    once = text(source)
    assert text(once) == once
