"""A list printed one row per line ("June 9 -- Harbour Hall, Tarrow") stays with the article it
ends, and a menu of the same shape away from the article stays out."""

from __future__ import annotations

import numpy as np
import pytest

from cleaner import clean
from cleaner.heuristics.rows import keep_lists

from ..conftest import blocks_of

MENU = ["Home", "News", "Music", "Charts", "Video", "Subscribe", "Sign in", "Search"]
ARTICLE = [
    "The Lanterns are going back on the road",
    "By Mara Quill",
    "November 19, 2019",
    "Twenty years after their first record, the Lanterns will play a run of summer shows across "
    "the north, the first time the four founding members have toured together since 2004.",
    "Singer Ada Morrow announced the tour from the stage of the Corn Exchange on Monday night, "
    "after an encore of the band's first single, and told the crowd that the new songs were "
    "nearly done.",
    "Tickets go on sale on Friday morning through the venues' own box offices, and the band says "
    "a share of every ticket will go to the music rooms of the schools where they first played.",
    "The band will also release a live record of the tour's last night, recorded at the hall in "
    "their home town where the four of them first met as teenagers.",
]
DATES = [
    "June 9 -- Harbour Hall, Tarrow",
    "June 12 -- The Old Mill, Kesby",
    "June 14 -- Corn Exchange, Wendham",
    "June 20 -- Riverside Arena, Hollin",
    "July 2 -- Castle Green, Marlow Bay",
    "July 5 -- The Assembly Rooms, Fenwick",
]
FOOTER = ["FACEBOOK", "TWITTER", "EMAIL", "Magazine", "Customer Service", "Privacy Policy"]


@pytest.mark.parametrize("intro", ["The Lanterns' summer tour dates:", None])
def test_a_list_of_dates_ending_the_article_is_kept(intro: str | None) -> None:
    lines = [*MENU, *ARTICLE, *([intro] if intro else []), *DATES, *FOOTER]
    text = clean("\n".join(lines)).text
    for row in DATES:
        assert f"\n\n{row}\n" in text or text.endswith(row), row
    if intro:
        assert f"\n\n{intro}\n\n{DATES[0]}" in text
    assert "Customer Service" not in text and "FACEBOOK" not in text


def test_rows_of_the_same_shape_under_furniture_stay_out() -> None:
    """A list of venues behind the footer's links is the site's, not the article's."""
    lines = [*MENU, *ARTICLE, *FOOTER, "Our venues:", *DATES]
    text = clean("\n".join(lines)).text
    assert ARTICLE[-1] in text
    assert not any(row in text for row in DATES)


FEATURES = [
    "Forty new walks along the coast path, each with its own tide table",
    "Offline maps that keep working where the phone signal drops away",
    "A logbook that remembers every route you finished and how long it took",
    "Weekly challenges that you can share with a friend or a walking club",
]
APP = [
    "Tideway 3 is out, and it is the biggest update the walking app has had since its launch.",
    "The team behind it spent the winter rebuilding the maps from scratch, after walkers said "
    "the old ones lost their way on the northern cliffs and in the dunes.",
    "It costs nothing to try, and the first ten walks stay free for good.",
]


def test_a_list_a_kept_paragraph_announces_with_a_colon_is_kept() -> None:
    lines = [*MENU, "Tideway 3 is here", *APP, "What Tideway 3 brings:", *FEATURES, *FOOTER]
    text = clean("\n".join(lines)).text
    assert f"{APP[-1]}\n\nWhat Tideway 3 brings:\n\n" in text
    assert all(item in text for item in FEATURES)
    assert "Customer Service" not in text


def test_teasers_under_a_related_heading_are_no_list_of_the_article() -> None:
    lines = [*MENU, "Tideway 3 is here", *APP, "More walking stories from Tideway:", *FEATURES]
    text = clean("\n".join([*lines, *FOOTER])).text
    assert APP[-1] in text and not any(item in text for item in FEATURES)


def test_a_menu_under_a_colon_is_no_list() -> None:
    menu = ["National News HOME | HELP", "MEMBER SERVICES SIGN UP", "Walks · Maps · Tides"]
    blocks = blocks_of(*APP, "Our sites:", *menu, *FEATURES[:2])
    kept = np.array([True] * len(APP) + [False] * (len(blocks) - len(APP)))
    assert list(keep_lists(blocks, kept)) == list(kept)
    items = blocks_of(*APP, "Our sites:", *FEATURES[:3])
    assert all(keep_lists(items, np.array([True] * len(APP) + [False] * 4)))


SQUAD = [
    "Ann Lee (Harrow Rovers)",
    "Bo Park (Tarrow Town)",
    "Cy Diaz (Saltmarsh United)",
    "Di Moss (Quay Wanderers)",
]
CALLED_UP = "These are the players the coach has called up for the spring tour:"
COMMENT = (
    "I was at the match where she scored twice, and I still think that the coach should have "
    "picked her for the winter tour as well, the team missed her pace on the wing all season."
)


def test_a_kept_sentence_announcing_a_list_keeps_its_short_items() -> None:
    """Items of two words or more, up to a long paragraph or a dateline: a comment's."""
    lines = [*APP, CALLED_UP, *SQUAD, "March 3, 2024 at 9:14 am", "Kim said,", COMMENT]
    kept = np.array([True] * (len(APP) + 1) + [False] * (len(lines) - len(APP) - 1))
    out = keep_lists(blocks_of(*lines), kept)
    assert list(out) == [True] * (len(APP) + 1 + len(SQUAD)) + [False] * 3
    blocks = blocks_of(*APP, CALLED_UP, *SQUAD[:2], COMMENT, *SQUAD[2:])
    assert list(keep_lists(blocks, kept[: len(blocks)])) == list(kept[: len(blocks)])


def test_a_menu_title_ending_with_a_colon_announces_nothing() -> None:
    title = "Harrow News Politics Sport Weather Arts Food And Drink:"
    kept = np.array([True] * (len(APP) + 1) + [False] * len(SQUAD))
    blocks = blocks_of(*APP, title, *SQUAD)
    assert list(keep_lists(blocks, kept)) == list(kept)
