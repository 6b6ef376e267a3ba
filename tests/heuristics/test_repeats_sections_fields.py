from __future__ import annotations

import pytest

from cleaner import clean
from cleaner.heuristics import lexicon, run
from cleaner.heuristics.fields import SELF_URL, SELF_URL_LABEL
from cleaner.heuristics.head import BYLINE, DATELINE, is_byline
from cleaner.heuristics.headline import HEADING_TITLE
from cleaner.heuristics.repeats import DUPLICATE, REPEATED_HEADLINE, REPEATED_TITLE
from cleaner.heuristics.sections import AUTHOR_NOTES, COMMENT_LINKS, RELATED_LISTS

from ..conftest import blocks_of

P1 = "The first paragraph of the article tells the reader what happened and when it happened."
P2 = "The second paragraph quotes an official, who said the plan would be reviewed next month."


def rules(blocks) -> list[str | None]:
    return [b.mark.rule if b.mark else None for b in blocks]


def test_repeated_headline_becomes_title_and_its_repeats_go() -> None:
    blocks = blocks_of(
        "Council Backs Budget Plan",
        P1,
        "Council Backs Budget Plan",
        P2,
        "Council Backs Budget Plan",
    )
    assert list(REPEATED_TITLE.find(blocks, lexicon())) == [blocks[0]]
    run(blocks)
    assert blocks[0].mark is not None and blocks[0].mark.field == "title"
    assert rules(blocks)[1:] == [None, REPEATED_HEADLINE.id, None, REPEATED_HEADLINE.id]


@pytest.mark.parametrize(
    "line",
    [
        "} else {",
        "if (width >= 1024)",
        "/* <![CDATA[ */",
        "// Cache-busting and page ids",
        "Five gifts for the cook in your life »",
        "Learn more about our events ►",
        "Her skincare secret, revealed…",
        "« An older post on the harbour",
        "* * *",  # a section break, printed at each break
        "_ _ _",
    ],
)
def test_a_script_line_or_a_link_printed_twice_is_no_title(line: str) -> None:
    """A dump that keeps inline scripts prints their lines many times, and teaser links stand
    in every sidebar; the headline printed twice below them is the title."""
    blocks = blocks_of(line, "Council Backs Budget Plan", P1, line, "Council Backs Budget Plan")
    assert list(REPEATED_TITLE.find(blocks, lexicon())) == [blocks[1]]


def test_section_breaks_are_marked_as_such_and_never_taken_for_a_headline() -> None:
    blocks = blocks_of("Council Backs Budget Plan", P1, "* * *", P2, "* * *", "⁂", P1 + " Again.")
    run(blocks)
    assert blocks[0].mark is not None and blocks[0].mark.field == "title"
    assert rules(blocks)[2:6] == [
        "generic.separator",
        None,
        "generic.separator",
        "generic.separator",
    ]


def test_a_line_of_symbols_that_are_content_is_no_separator() -> None:
    blocks = blocks_of("Council Backs Budget Plan", P1, "★★★★☆", P2)
    run(blocks)
    assert blocks[2].mark is None or blocks[2].mark.rule != "generic.separator"


def test_a_headline_quoting_in_guillemets_is_a_title() -> None:
    title = "Népal : «Plus les heures passent, moins on est utiles»"
    blocks = blocks_of(title, P1, title, P2)
    assert list(REPEATED_TITLE.find(blocks, lexicon())) == [blocks[0]]


def test_duplicate_paragraph_keeps_the_first_occurrence() -> None:
    blocks = blocks_of(P1, P2, P1)
    assert list(DUPLICATE.find(blocks, lexicon())) == [blocks[2]]


@pytest.mark.parametrize(
    "paragraph",
    [
        "市議会は火曜日、図書館と公園に新しい予算をつける来年度の計画を賛成多数で可決した。",
        "市议会周二以多数票通过了明年为图书馆和公园增加预算的计划，新馆预计两年后开放。",
    ],
    ids=["japanese", "chinese"],
)
def test_a_chinese_or_japanese_paragraph_printed_twice_goes_as_an_english_one_does(
    paragraph: str,
) -> None:
    """No stoplist splits these scripts into words: a sentence's ending stands in for its
    stopwords, as it does where a block's class is judged, so the repeat is prose repeated."""
    blocks = blocks_of(paragraph, P2, paragraph)
    assert list(DUPLICATE.find(blocks, lexicon())) == [blocks[2]]
    unended = paragraph.rstrip("。")
    assert list(DUPLICATE.find(blocks_of(unended, P2, unended), lexicon())) == []


def test_short_repeats_are_not_duplicates() -> None:
    blocks = blocks_of(P1, "Yes.", P2, "Yes.")
    assert list(DUPLICATE.find(blocks, lexicon())) == []


def test_related_heading_takes_the_list_below_it_up_to_the_next_paragraph() -> None:
    blocks = blocks_of(
        P1, "Related articles", "Council Rejects Park Plan", "Mayor Quits Amid Row", P2
    )
    assert list(RELATED_LISTS.find(blocks, lexicon())) == blocks[1:4]


@pytest.mark.parametrize(
    "heading",
    [
        "À lire aussi :",
        "Lesen Sie auch:",
        "Lo más leído",
        "Mehr zum Thema",
        "Lees ook",
        "Meer nieuws uit Zuiderveen",
        "Läs också",
        "Further reading",
        "ALSO ON KICKOFF LEDGER",
        "CZYTAJ RÓWNIEŻ:",
        "WIĘCEJ Z DZIAŁU GOSPODARKA",
        "Læs også",
        "Související",
    ],
)
def test_a_related_heading_in_another_language_takes_its_list(heading: str) -> None:
    blocks = blocks_of(P1, heading, "Sécheresse : 62 départements concernés", P2)
    assert list(RELATED_LISTS.find(blocks, lexicon())) == blocks[1:3]


@pytest.mark.parametrize(
    "heading",
    [
        "More world stories from Harbour News:",
        "Related content from harbourgazette.com:",
        "Related coverage from How to Sail: Basics:",
        "More gardening news:",
        "Related Recipes & Stories:",
        "ALSO:",
        "Read more:",
        "More on Harbour Gazette:",
    ],
)
def test_a_related_heading_naming_its_stories_or_source_takes_its_list(heading: str) -> None:
    blocks = blocks_of(P1, heading, "Council Rejects Park Plan", "Mayor Quits Amid Row", P2)
    assert list(RELATED_LISTS.find(blocks, lexicon())) == blocks[1:4]


@pytest.mark.parametrize("line", ["Also", "More news is expected on Monday", "Read more"])
def test_a_line_that_only_starts_like_a_related_heading_takes_nothing(line: str) -> None:
    blocks = blocks_of(P1, line, "Council Rejects Park Plan", P2)
    assert list(RELATED_LISTS.find(blocks, lexicon())) == []


def test_a_related_list_ends_at_a_long_sentence_in_a_language_the_stopwords_lack() -> None:
    """A Polish article's paragraph after a 'Czytaj także:' box is no prose by the stopwords,
    and the list ran on to the end of the page."""
    paragraph = (
        "Nie wszyscy są zadowoleni z wyników. Przepadł między innymi projekt remontu chodników "
        "na ulicy Polnej, który od lat czeka na realizację, choć mieszkańcy zbierali podpisy."
    )
    blocks = blocks_of(P1, "Czytaj także:", "Remont mostu na Wiśle potrwa do grudnia", paragraph)
    assert list(RELATED_LISTS.find(blocks, lexicon())) == blocks[1:3]


@pytest.mark.parametrize(
    ("heading", "note"),
    [
        (
            "About Mara Quill",
            "Mara Quill has covered the harbour towns for a decade. She lives in Tarrow with two "
            "dogs and a boat that does not float.",
        ),
        ("About Me", "Hi, I'm Becky. I live by the sea and write about gardens and old houses."),
        (
            "Über Moritz Bachmann",
            "Als Redakteur schreibt Moritz Bachmann über Handel, seit er 2010 sein Studium in "
            "Mannheim abschloss und zur Zeitung kam.",
        ),
    ],
)
def test_a_note_about_the_writer_under_about_their_name_goes(heading: str, note: str) -> None:
    blocks = blocks_of(P1, P2, heading, note, "View all posts")
    assert list(AUTHOR_NOTES.find(blocks, lexicon())) == blocks[2:4]


@pytest.mark.parametrize(
    ("heading", "note"),
    [
        (  # a press release's company blurb is the release's own
            "About Harbourline",
            "Harbourline is a ferry operator serving twelve ports, with 1,300 staff and a fleet "
            "of twenty vessels across the north.",
        ),
        (  # an article's own section: not a name
            "About the harbour:",
            "He said the harbour had silted up again and that dredging would start in May.",
        ),
        (  # a possessive names a work, not a person
            "About Quill's Harbour Book",
            "Tapping into his decades on the coast, the book follows the ferries year by year.",
        ),
    ],
)
def test_other_about_sections_stay(heading: str, note: str) -> None:
    blocks = blocks_of(P1, P2, heading, note)
    assert list(AUTHOR_NOTES.find(blocks, lexicon())) == []


def test_markdown_headline_byline_and_date_move_to_metadata() -> None:
    blocks = blocks_of(
        "# Council Backs Budget", "By [Jane Doe for Reuters](#)", "September 14, 2020", P1
    )
    run(blocks)
    assert rules(blocks) == [HEADING_TITLE.id, BYLINE.id, DATELINE.id, None]
    assert [b.mark.field for b in blocks[:3]] == ["title", "byline", "date"]


def test_bylines_and_sentences_that_start_with_by() -> None:
    assert is_byline("By Anna Malpas for AFP")
    assert is_byline("By Jane Doe and John Smith")
    assert not is_byline("By Monday, the protests had spread to every major city in the country.")
    assert not is_byline("By the time police arrived, the crowd had gone")


def test_original_url_label_and_url() -> None:
    blocks = blocks_of(P1, "Original url:", "<https://www.example.com/a/b>")
    run(blocks)
    assert rules(blocks) == [None, SELF_URL_LABEL.id, SELF_URL.id]
    assert blocks[2].mark.field == "url"


def test_a_reader_tools_url_source_line_states_the_pages_url() -> None:
    text = "Title: Ferry fares rise\n\nURL Source: https://news.example/2024/ferry-fares\n\n" + P1
    result = clean(text)
    assert result.metadata.url == "https://news.example/2024/ferry-fares"
    assert "URL Source" not in result.text


def test_a_pull_quote_repeating_a_paragraphs_sentence_goes() -> None:
    quote = "He was lying on a concrete floor dying, and they wrote down that he was resting."
    text = f"{P1}\n\n> “{quote}”\n\nThe sister said: “{quote}” She has asked for an inquiry.\n"
    result = clean(text)
    assert result.text.count(quote) == 1
    assert any(r.rule == DUPLICATE.id and quote in r.text for r in result.metadata.removed)
    own = f"{P1}\n\n> A quote of its own that stands nowhere else in this short article text.\n"
    assert "A quote of its own" in clean(own).text


def test_pull_quotes_are_looked_for_in_paragraphs_of_bounded_length_only(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """The search stays linear: a block longer than any paragraph hosts no pull quote."""
    from cleaner.heuristics import repeats

    quote = "the council said it would look again at the plan next year"
    long_block = " ".join([P1] * (repeats.PULL_QUOTE_HOST_WORDS // 10)) + f" Then {quote}."
    text = f"{long_block}\n\n> {quote.capitalize()}.\n\n{P1}\n"
    assert quote.capitalize() in clean(text).text
    monkeypatch.setattr(repeats, "PULL_QUOTE_HOST_WORDS", 10 * repeats.PULL_QUOTE_HOST_WORDS)
    assert quote.capitalize() not in clean(text).text


COMMENT_LINK_LINES = [
    "Nick on An important vSphere 4 storage bug and workaround",
    "Craig on Stretched vSphere Clusters? DR with SRM? Why not BOTH?",
    "Denserov.wordpress.com on VMworld 2012 - Psst… Want to see the future of storage?",
    "John Cousens on vSphere 5 VAAI NFS plugin for VNX available now!",
]


def test_a_blogs_recent_comments_are_links_to_other_posts() -> None:
    blocks = blocks_of(P1, "Recent Comments", *COMMENT_LINK_LINES, "Archives")
    found = list(COMMENT_LINKS.find(blocks, lexicon()))
    assert [b.text for b in found] == COMMENT_LINK_LINES
    assert COMMENT_LINKS.mark.kind == "related"


def test_two_lines_or_sentences_that_read_name_on_topic_stay() -> None:
    two = blocks_of(P1, *COMMENT_LINK_LINES[:2], P2)
    assert list(COMMENT_LINKS.find(two, lexicon())) == []
    sentences = [
        "Smith on the defence: he said the team had played its best game of the season.",
        "Jones on the budget: the council must cut spending on roads by a tenth.",
        "Patel on schools: every pupil will have a laptop by the end of next year.",
    ]
    assert list(COMMENT_LINKS.find(blocks_of(P1, *sentences), lexicon())) == []
