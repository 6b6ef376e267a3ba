"""A table a dump printed one cell per line stays with the article it belongs to."""

from __future__ import annotations

import numpy as np

from cleaner import clean
from cleaner.heuristics import lexicon
from cleaner.heuristics.tables import keep_tables, ranked_tables, tables
from cleaner.model import Mark
from cleaner.segment import segment

MENU = ["Main menu", "Search", "Create account", "Log in", "Contents", "Talk", "Read", "Edit"]
INTRO = [
    "This list collects the ferry services that have crossed the Harrow estuary since the first "
    "licensed boat in the nineteenth century, with the years each began to run.",
    "Services that only ran for a summer season, or that carried goods but no passengers, are "
    "listed separately further down the page, with the sources the dates come from.",
    "Ferries by year",
]
ROWS = [
    (
        "Saltmarsh Packet",
        "1861",
        "A rowing boat licensed to carry six passengers between the two quays.",
    ),
    (
        "Harrow Steam Ferry",
        "1884",
        "The first steam crossing, run by the quay owners until the war.",
    ),
    ("Lady Anne", "1902", "A paddle steamer that also called at the oyster beds on market days."),
    (
        "Estuary Motor Launch",
        "1926",
        "It replaced the paddle steamer and halved the crossing time.",
    ),
    ("Council Ferry", "1948", "Taken over by the county council after the quay company failed."),
    ("Harrow Belle", "1967", "A car ferry for twelve vehicles, withdrawn when the bridge opened."),
    (
        "Night Crossing",
        "1981",
        "A late boat for shift workers at the power station on the far side.",
    ),
    (
        "Harrow Water Taxi",
        "2004",
        "A summer service for visitors, run by volunteers from the museum.",
    ),
]
FOOTER = ["See also", "Bridges over the Harrow", "References", "Privacy policy", "About"]


def dump(rows: list[tuple[str, ...]]) -> str:
    cells = [cell for row in rows for cell in row]
    return "\n".join(
        [*MENU, "List of Harrow ferries", *INTRO, "Name", "Year", "Notes", *cells, *FOOTER]
    )


def test_a_table_after_the_article_s_opening_is_kept_row_by_row() -> None:
    text = clean(dump(ROWS)).text
    for name, year, note in ROWS:
        assert f"\n\n{name}\n\n{year}\n\n{note}\n" in text, name
    assert "Privacy policy" not in text and "Create account" not in text


def test_the_rhythm_is_a_column_of_figures_in_rows_that_hold_sentences() -> None:
    blocks = segment(dump(ROWS))
    [(first, last, period)] = tables(blocks, lexicon())
    assert (blocks[first].text, blocks[last].text, period) == ("1861", "2004", 3)
    teasers = [(name, year) for name, year, _ in ROWS]  # headlines and their dates: no sentence
    assert tables(segment(dump(teasers)), lexicon()) == []
    slides = [(y, note, "By Ann Lee/Getty Images.") for _, y, note in ROWS]  # a gallery's slides
    assert tables(segment(dump(slides)), lexicon()) == []


def test_teasers_with_dates_and_summaries_are_no_table() -> None:
    teasers = [(name, f"1{i}.03.2024", note) for i, (name, _, note) in enumerate(ROWS)]
    assert tables(segment(dump(teasers)), lexicon()) == []


def test_the_last_row_s_sentence_is_kept_without_a_header_row() -> None:
    """Each sentence also stands within reach of the next row's figure, two blocks before it."""
    last = "Withdrawn after two summers for lack of passengers."
    rows = [*ROWS[:-1], (ROWS[-1][0], ROWS[-1][1], last)]
    source = dump(rows).replace("Ferries by year\nName\nYear\nNotes\n", "")
    assert last in clean(source).text


PRODUCTS = [
    (
        "Harbour Lamp for $40",
        "A lamp that runs for a week on one charge and folds flat for the bag.",
    ),
    ("Tide Clock for $25", "It shows the next high water at a glance, and it never needs setting."),
    ("Deck Speaker for $90", "The speaker survives rain and salt spray and still sounds clear."),
    ("Rope Kit for $15", "Six lengths of rope and a card of knots for anyone new to boats."),
    (
        "Chart Case for $30",
        "A waterproof case that keeps paper charts dry on the wettest crossing.",
    ),
]
GIFTS = [
    "Some of this year's best gifts for sailors",
    "Our writers tested dozens of gadgets on the water this summer, and these are the few that "
    "came back with us, still working, after a season of wind, rain and salt.",
]


def round_up(label: str) -> str:
    rows = [line for name, note in PRODUCTS for line in (name, label, note)]
    return "\n".join([*MENU, *GIFTS, *rows, *FOOTER])


def test_a_round_up_s_rows_under_a_recurring_label_are_a_table() -> None:
    blocks = segment(round_up("See it now: Chandlery"))
    found = {
        (blocks[first].text, blocks[last].text, p) for first, last, p in tables(blocks, lexicon())
    }
    assert ("See it now: Chandlery", "See it now: Chandlery", 3) in found
    text = clean(round_up("See it now: Chandlery")).text
    assert all(note in text for _, note in PRODUCTS)
    assert "Privacy policy" not in text


def test_a_comment_thread_s_datelines_are_no_label() -> None:
    """'Posted by: Ann at September 10, 2012 9:01 AM' heads each comment, prose under it."""
    comments = [
        line
        for i, (_, note) in enumerate(PRODUCTS)
        for line in (f"Posted by: Reader{i} at September 10, 2012 9:0{i} AM", note)
    ]
    assert tables(segment("\n".join([*GIFTS, *comments])), lexicon()) == []


DRIVERS = ["Ann Lee", "Bo Park", "Cy Diaz", "Di Moss", "Ed Holt", "Fay Ruiz", "Gus Tam"]
STANDINGS_INTRO = [
    "The Harrow karting club keeps this page up to date after every race of the season, so "
    "drivers can check where they stand before the next meeting.",
    "Final standings of the Harrow Cup after 12 races:",
]


def standings(announce: str, figures: bool = True) -> str:
    """A standings table printed one cell per line: rank, driver, points, wins."""
    rows = [
        [str(rank), name, *((str(400 - 30 * rank), str(7 - rank)) if figures else ("Harrow",))]
        for rank, name in enumerate(DRIVERS, start=1)
    ]
    header = ["Pos.", "Driver", "Points", "Wins"] if figures else ["Pos.", "Driver", "Club"]
    cells = [cell for row in rows for cell in row]
    return "\n".join([*MENU, *STANDINGS_INTRO[:1], announce, *header, *cells, *FOOTER])


def test_an_announced_ranked_table_is_kept_with_its_announcement() -> None:
    """Kept whole even where the model kept nothing: the page is the table."""
    blocks = segment(standings(STANDINGS_INTRO[1]))
    kept = keep_tables(blocks, np.zeros(len(blocks), dtype=bool), lexicon())
    texts = [b.text for b, keep in zip(blocks, kept) if keep]
    assert texts[:6] == [STANDINGS_INTRO[1], "Pos.", "Driver", "Points", "Wins", "1"]
    assert texts[-3:] == ["Gus Tam", "190", "0"] and "Privacy policy" not in texts


def test_ranked_rows_without_an_announcement_or_figures_are_no_table() -> None:
    """A sidebar's chart has no line announcing it; a most-read list has no figures."""
    assert ranked_tables(segment(standings(STANDINGS_INTRO[1]))) != []
    assert ranked_tables(segment(standings("Final standings"))) == []
    assert ranked_tables(segment(standings(STANDINGS_INTRO[1], figures=False))) == []
    most_read = [line for rank, name in enumerate(DRIVERS, 1) for line in (str(rank), name)]
    assert ranked_tables(segment("\n".join(["Most read:", *most_read]))) == []
    blocks = segment(standings("Most viewed this week:"))
    [(announce, _)] = ranked_tables(blocks)
    blocks[announce].mark = Mark("related", "generic.related-list")  # a related heading
    assert ranked_tables(blocks) == []
