"""A list printed one row per line ("June 9 -- Harbour Hall, Tarrow") stays with the article it
ends, and a menu of the same shape away from the article stays out."""

from __future__ import annotations

import pytest

from cleaner import clean

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
