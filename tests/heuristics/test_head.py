"""The article's head in a page dump: headline, byline and date line above the first paragraph."""

from __future__ import annotations

from cleaner import clean
from cleaner.heuristics import lexicon, run
from cleaner.heuristics.head import (
    BYLINE,
    DATELINE,
    KICKER,
    first_paragraph,
    head,
    is_byline,
    is_dateline,
)
from cleaner.heuristics.headline import HEADLINE

from ..conftest import blocks_of

P1 = "Gaming used to be so simple. We would buy a game, sit down in front of a console and play it to the end."
P2 = "Now we spend money over and over on virtual perks, and there is no end, because developers keep updating their hits."
DUMP = [
    "Home",
    "World",
    "Tech",
    "Personal Technology: Review",
    "So Many Ways to Play and Pay",
    "By",
    "Sarah E. Needleman",
    "Nov. 19, 2019 8:03 am ET",
    P1,
    P2,
    "Most Popular",
    "Subscribe",
]


def test_head_is_the_blocks_above_the_first_paragraph_nearest_first() -> None:
    blocks = blocks_of(*DUMP)
    assert [b.text for b in head(blocks, lexicon())][:2] == [
        "Nov. 19, 2019 8:03 am ET",
        "Sarah E. Needleman",
    ]


def test_headline_byline_and_date_in_a_dump() -> None:
    blocks = blocks_of(*DUMP)
    lex = lexicon()
    assert [b.text for b in BYLINE.find(blocks, lex)] == ["By", "Sarah E. Needleman"]
    assert [b.text for b in DATELINE.find(blocks, lex)] == ["Nov. 19, 2019 8:03 am ET"]
    run(blocks)
    assert [b.text for b in blocks if b.mark and b.mark.rule == HEADLINE.id] == [
        "So Many Ways to Play and Pay"
    ]


def test_dump_metadata_end_to_end() -> None:
    meta = clean("\n".join(DUMP)).metadata
    assert (meta.title, meta.authors, meta.published) == (
        "So Many Ways to Play and Pay",
        ["Sarah E. Needleman"],
        "2019-11-19",
    )


def test_a_headline_printed_twice_wins_over_a_section_label() -> None:
    blocks = blocks_of(
        "Breaking News",
        "Son of former president stabbed in Berlin",
        "Menu",
        "Son of former president stabbed in Berlin",
        P1,
        P2,
    )
    assert [b.index for b in HEADLINE.find(blocks, lexicon())] == [3]


def test_sentences_with_dates_are_not_date_lines() -> None:
    assert is_dateline("Published 10:48, Tue, Nov 19, 2019")
    assert not is_dateline("The council met on Nov. 19, 2019.")
    assert not is_dateline("No date at all")


def test_a_headline_with_its_date_on_one_line_is_the_headline_not_a_date_line() -> None:
    headline = "Watch William Shatner Throw The First Pitch For Dodgers Star Trek Night Aug 8, 2012"
    assert not is_dateline(headline)
    for line in (
        "Updated Sept. 10, 2024 at 9:40 a.m. PT | Published Sept. 9, 2024 at 6:20 p.m. PT",
        "Last Updated: Thursday, 13 October 2005, 10:36 GMT 11:36 UK",
        "By Ann Lee and Tom Park, Local government reporters - Nov 19, 2019",
    ):
        assert is_dateline(line)
    meta = clean("\n".join(["Home", headline, "by TrekMovie.com Staff", P1, P2])).metadata
    assert meta.title == headline


def test_no_headline_when_nothing_looks_like_one() -> None:
    assert list(HEADLINE.find(blocks_of("menu", "x", P1, P2), lexicon())) == []


def test_a_short_label_right_above_the_headline_is_a_kicker() -> None:
    blocks = blocks_of(
        "Menu", "Sports", "Reyes throws the first no-hitter in franchise history", P1
    )
    run(blocks)
    marks = {b.text: b.mark for b in blocks if b.mark}
    assert marks["Sports"].rule == KICKER.id and marks["Sports"].kind == "navigation"
    assert marks["Reyes throws the first no-hitter in franchise history"].field == "title"


def test_a_sentence_or_a_byline_above_the_headline_is_no_kicker() -> None:
    for above in ("It rained.", "By Ann Lee", "Updated:"):
        blocks = blocks_of(above, "Council approves the riverside homes plan in a late vote", P1)
        run(blocks)
        assert not any(b.mark and b.mark.rule == KICKER.id for b in blocks), above


def test_a_published_and_an_updated_line_both_go_to_the_date() -> None:
    blocks = blocks_of(
        "Council approves the riverside homes plan in a late vote",
        "Story by Priya Raman",
        "Published Oct. 3, 2024 at 6:15 a.m. EDT",
        "Last updated Oct. 4, 2024 at 2:40 p.m. EDT",
        P1,
        P2,
    )
    assert [b.text for b in DATELINE.find(blocks, lexicon())] == [
        "Published Oct. 3, 2024 at 6:15 a.m. EDT",
        "Last updated Oct. 4, 2024 at 2:40 p.m. EDT",
    ]


def test_short_sentences_of_a_brief_do_not_push_its_headline_away() -> None:
    blocks = blocks_of(
        "Menu",
        "Dunmore High rallies past Ashby Falls 28-24 to reach state quarterfinals",
        "Author: Caleb Novak (KVTR)",
        "Dunmore scored two touchdowns in the fourth quarter Friday to win 28-24.",
        "The Miners trailed 24-14 with nine minutes left in the game.",
        "Grant then scored the winning touchdown on a 6-yard run with 48 seconds left.",
        P1,
    )
    run(blocks)
    assert blocks[1].mark is not None and blocks[1].mark.field == "title"
    assert blocks[2].mark is not None and blocks[2].mark.field == "byline"


def test_a_byline_with_a_lower_case_role_and_a_second_author_below_it() -> None:
    assert is_byline("By Priya Ramaswamy, Local government reporter")
    blocks = blocks_of(
        "Seagulls end 19-year drought in the grand final at home",
        "By Mick Davoren, Chief sports writer\nand Ella Tranter, Sports reporter",
        P1,
        P2,
    )
    result = clean("\n\n".join(b.raw for b in blocks))
    assert result.metadata.authors == ["Mick Davoren", "Ella Tranter"]
    assert result.metadata.author_roles == ["Chief sports writer", "Sports reporter"]


def test_a_masthead_above_a_markdown_headline_is_no_alternate_headline() -> None:
    text = "The Harlow Ledger\n\n# Harlow General to open a short-stay unit this winter\n\n" + P1
    assert clean(text).metadata.alternate_titles == []
    again = (
        "Harlow General opens a short-stay unit\n\n# Harlow General to open a short-stay unit\n\n"
    )
    assert clean(again + P1).metadata.alternate_titles == ["Harlow General opens a short-stay unit"]


def _headline(*paragraphs: str) -> list[str]:
    blocks = blocks_of(*paragraphs)
    run(blocks)
    return [b.text for b in blocks if b.mark and b.mark.rule == HEADLINE.id]


def test_furniture_other_rules_take_does_not_push_the_headline_out_of_the_head() -> None:
    headline = "Harbour bridge reopens after two years of repairs"
    buttons = ["Advertisement", "Share", "Tweet", "Email", "Advertisement", "Print"]
    found = _headline("Menu", headline, "By Jane Doe", "Nov. 19, 2019", *buttons, *buttons, P1, P2)
    assert found == [headline]


def test_a_bare_name_between_the_dek_and_the_date_keeps_the_headline_above_the_dek() -> None:
    headline = "Ad-tech startup Nimbleform lays off 18 percent of its staff"
    dek = "The company says search summaries have cut traffic to the sites it sells ads for"
    date = "Mar 18, 2025, 4:52 PM UTC"
    lead = (
        "Nimbleform says search summaries have cut the traffic of the sites it sells ads for, "
        "so that the company had to let some of its people go on Tuesday, a memo said."
    )
    assert _headline("Startups", headline, dek, "Hannah Liu", date, lead, P2) == [headline]


def test_a_line_saying_nothing_of_the_article_is_not_the_headline_above_a_dek() -> None:
    headline = "How does the new console's battery life compare to other handhelds?"
    lead = (
        "Gaming used to be so simple, and battery life was never a handheld console's worry. "
        "We would buy a game, sit down in front of a console and play it to the end."
    )
    credit = "Image Source: WITTEK/EPA/REX/Shutterstock"
    assert _headline(credit, headline, "Jacob Siegal", "Mar 4, 2017", lead, P2) == [headline]


def test_the_headline_above_a_dek_is_not_held_back_by_its_distance_from_the_article() -> None:
    headline = "The Rye Stays the Same: A 90-Year-Old Ferncliff Bakery Reopens"
    dek = "Lotte Gruber’s great-granddaughter has brought back the family bakery and its rye"
    lead = (
        "At four on a Tuesday morning the only light on Canal Street comes from the family "
        "bakery, where Clara Gruber, the great-granddaughter of its founder, shapes rye loaves."
    )
    head_lines = ["Words by Owen Pritchard", "March 2, 2025", "7 min", "Pin", "Save", "Listen"]
    assert _headline("STORIES", headline, dek, *head_lines, lead, P2) == [headline]


MATCH_DEK = "Millbrook led through Baptiste's volley but faded badly after the break"
MATCH_LEAD = (
    "For half an hour at Kingfield Park, Millbrook Athletic looked like a side that had come to "
    "take something from the league leaders. Then Carrow Rovers remembered who they were."
)


def _authors(*lines: str) -> list[str]:
    return clean("\n".join(lines)).metadata.authors


def test_a_bare_name_between_the_dek_and_the_date_is_the_byline() -> None:
    headline = "Carrow Rovers 3-1 Millbrook Athletic: Okonkwo double sends leaders seven clear"
    date = "Sat 8 Mar 2025 19:02 GMT"
    for name, author in [
        ("Sam Whitlow at Kingfield Park", "Sam Whitlow"),  # where the author wrote from goes
        ("Priya Banerjee", "Priya Banerjee"),
        ("Maria de la Cruz", "Maria de la Cruz"),
    ]:
        lines = ("Football", headline, MATCH_DEK, name, date, MATCH_LEAD, P2)
        assert _authors(*lines) == [author]
        assert clean("\n".join(lines)).metadata.title == headline
    # and over the author's job title over the date
    lines = ("Football", headline, MATCH_DEK, "Priya Banerjee", "Sports Editor", date, MATCH_LEAD)
    assert _authors(*lines) == ["Priya Banerjee"]


def test_a_name_not_standing_where_bylines_stand_is_no_byline() -> None:
    headline = "Carrow Rovers beat Millbrook Athletic to go seven points clear at the top"
    date = "Sat 8 Mar 2025"
    # a short title-case headline over its date: no full line above it
    assert _authors("Sport", "Smear Tactics", date, MATCH_LEAD, P2) == []
    # a teaser's label above the headline
    teaser = ("Robot Wars is back on TV: we went behind the scenes", "Robot Wars", date)
    assert _authors(*teaser, headline, MATCH_DEK, date, MATCH_LEAD, P2) == []
    # a name with no date line under it, a name in capitals, a job title alone
    for name in ("Priya Banerjee", "PRIYA BANERJEE", "Senior Reviews Editor"):
        below = ("Share", MATCH_LEAD) if name == "Priya Banerjee" else (date, MATCH_LEAD)
        assert _authors("Sport", headline, MATCH_DEK, name, *below, P2) == []


def test_the_line_over_the_dek_and_byline_wins_over_a_nearer_line_the_lead_repeats() -> None:
    headline = "Carrow Rovers 3-1 Millbrook Athletic: Okonkwo double sends leaders seven clear"
    found = _headline(
        "Kingfield Park | Att: 24,310",
        headline,
        MATCH_DEK,
        "Sam Whitlow at Kingfield Park",
        "Sat 8 Mar 2025 19:02 GMT",
        MATCH_LEAD,
        P2,
    )
    assert found == [headline]


def test_a_notice_standing_alone_above_the_menus_opens_no_article() -> None:
    """The head is looked for above the first paragraph another follows: a lone notice above
    the page's menus (it reads as prose) would put it among the menus."""
    headline = "Harbour bridge reopens after two years of repairs"
    notice = (
        "It looks like you have blocked notifications. Please update your browser permissions "
        "so that we can send you the news as it happens."
    )
    menus = ["Sign In", "World", "Sports", "Business", "Find out more"]
    found = _headline("Alerts", notice, *menus, headline, "By Jane Doe", P1, P2)
    assert found == [headline]


def test_a_brief_of_one_paragraph_keeps_its_headline() -> None:
    headline = "Harbour bridge reopens after two years of repairs"
    assert _headline("World", headline, P1, "Most Popular", "Subscribe") == [headline]


def test_the_headline_the_lead_repeats_wins_over_nearer_lines_that_say_nothing_of_it() -> None:
    """A credit, a button or a link to another story often stands between the headline and the
    lead; the headline says what the lead says, and that outweighs a few lines of distance."""
    headline = "Tourism is the county's first employer, a new report shows"
    lead = (
        "Tourism now employs more people in the county than any other industry, a report "
        "released on Tuesday shows, as visitors returned to its beaches and theatres."
    )
    between = [
        "Share",
        "Tweet",
        "Related coverage",
        "County budget talks resume next week",
        "See the full gallery",
        "Mel Melcon / County Times",
    ]
    assert _headline("Business", headline, *between, lead, P2) == [headline]


def test_a_paragraph_a_list_goes_on_from_opens_the_article() -> None:
    """A list under the first paragraph continues the article; were the head looked for above
    the next run of paragraphs, the list items would stand in it."""
    opening = (
        "Inspectors cited the restaurant for eleven violations on Tuesday, the county said. "
        "The owner said that he would put every one of them right within the week."
    )
    items = [
        "- Rodent droppings found in the dry storage room",
        "- No hot water at the kitchen hand sink",
        "- Raw chicken stored above ready-to-eat vegetables",
    ]
    headline = "Downtown restaurant closed after inspectors find no hot water"
    blocks = blocks_of("News", headline, opening, *items, "Comments", P1, P2)
    assert blocks[first_paragraph(blocks, lexicon()) or 0].text == opening


def test_an_article_joined_into_one_line_opens_the_article() -> None:
    """A dump may join an article's paragraphs into one long line, ending in a contact line
    rather than a sentence; the head stands above it, not above the next run of paragraphs
    (the footer's, or a comment thread's)."""
    article = " ".join([P1, P2] * 4 + ["Media contact: Jane Doe, +1 510-555-0100 Copyright 2008"])
    headline = "Harbour bridge reopens after two years of repairs"
    footer = ["Terms of use", "Privacy | Careers | About us"]
    comment = "I drive over this bridge every day, and I am glad that it is open again at last."
    blocks = blocks_of("News", headline, "Jan 5, 2008", article, *footer, comment, comment)
    assert blocks[first_paragraph(blocks, lexicon()) or 0].text == article
    assert _headline("News", headline, "Jan 5, 2008", article, *footer, comment, comment) == [
        headline
    ]
