from __future__ import annotations

from cleaner.segment import segment, wrap_width


def test_one_block_per_line_in_unwrapped_dumps() -> None:
    blocks = segment("Menu\nHome\nA long paragraph of article text that goes on and on.\n\nNext")
    assert [(b.start, b.end, b.text) for b in blocks] == [
        (1, 1, "Menu"),
        (2, 2, "Home"),
        (3, 3, "A long paragraph of article text that goes on and on."),
        (5, 5, "Next"),
    ]


def test_hard_wrapped_paragraphs_become_one_block_with_their_span() -> None:
    line = "x" * 70
    source = "\n".join([line, line, "end.", "", line, line, "end."])
    assert wrap_width(source.split("\n")) == 70
    assert [(b.start, b.end) for b in segment(source)] == [(1, 3), (5, 7)]


def test_a_wrapped_dump_is_wrapped_though_its_menus_outnumber_its_prose() -> None:
    """A whole page wrapped at 80 columns: its menu, teaser and footer lines, short and followed
    by text, outnumbered the full ones, and the article's paragraphs stayed cut into lines."""
    menu = [f"Section {i}" for i in range(8)]
    prose = [
        "The council voted on Tuesday night to close the swimming pool for eighteen",
        "months while engineers replace the roof, the plant room and all of the tiled",
        "surfaces around the main pool, at a cost the town has not yet been told in",
        "full.",
    ]
    lines = [*menu, "", "Advertisement", *prose, "", *prose, "", *prose, "", *menu]
    assert wrap_width(lines) is not None
    blocks = [b.text for b in segment("\n".join(lines))]
    assert "Advertisement" in blocks and blocks.count(" ".join(prose)) == 3


def test_short_lines_without_wide_ones_are_not_wrapped_by_chance() -> None:
    """The lower share of full lines holds only where no line passes the widest wrap: one long
    unwrapped paragraph among the menus keeps the page unwrapped."""
    menu = [f"Section {i}" for i in range(4)]
    lines = [*menu, "x" * 70, "x" * 70, "x" * 70, "x" * 70, "y" * 300, *menu]
    assert wrap_width(lines) is None


def test_one_sentence_paragraphs_under_the_width_are_not_wrapped() -> None:
    """A page whose paragraphs are one sentence of about 90 characters, a line each: its full
    lines end their sentences, so it is no wrapped text (the lower share of full lines first
    took it for one, and joined six paragraphs and a share button into one block)."""
    menu = [f"Menu item {i}" for i in range(4)]
    paragraphs = [
        "The council voted on Tuesday to approve the new budget for the coming year, officials said.",
        "Residents packed the hall for the three-hour meeting, which ended shortly before midnight.",
    ] * 3
    lines = [*menu, *paragraphs, "Share this article", *menu]
    assert wrap_width(lines) is None
    assert len(segment("\n".join(lines))) == len(lines)


def test_wide_lines_are_not_hard_wrapped() -> None:
    line = "y" * 300
    assert wrap_width([line, line, line, line]) is None


def test_list_items_and_urls_start_their_own_block_in_wrapped_text() -> None:
    line = "z" * 70
    source = "\n".join([line, line, "https://example.com/a", line, line, "- item"])
    assert [(b.start, b.end) for b in segment(source)] == [(1, 2), (3, 3), (4, 5), (6, 6)]


def test_a_quotes_blank_line_separates_its_paragraphs() -> None:
    blocks = segment("> The first paragraph of the quote.\n>\n> The second one.\n\nBody.")
    assert [b.text for b in blocks] == [
        "> The first paragraph of the quote.",
        "> The second one.",
        "Body.",
    ]


def test_a_line_after_a_sentence_in_emphasis_starts_its_own_block() -> None:
    blocks = segment("_A dek that ends like a sentence._\n\nby [Jo Lee](https://x.example/jo)")
    assert [b.text for b in blocks] == ["A dek that ends like a sentence.", "by Jo Lee"]


def test_a_page_of_ticker_names_is_not_hard_wrapped_at_their_width() -> None:
    """Most lines of a market page are short names; the lines of its article, each a paragraph
    of its own, stayed joined into one block with the menu above them (page F1 0.68)."""
    tickers = [f"Harbour Ind {i}" for i in range(60)]
    article = [
        "Mutual Funds | Portfolio Tracker | RSS Feeds | News | Feedback",
        "Rupee at 39.28 against US dollar",
        "The rupee on Monday ended marginally better against the greenback in quiet trade.",
        "The central bank was not active during the day but is believed to be very alert.",
        "There was very little activity in the exchange market as traders stayed away.",
    ]
    lines = [*article, *tickers]
    assert wrap_width(lines) is None
    assert [b.text for b in segment("\n".join(lines))][: len(article)] == article
