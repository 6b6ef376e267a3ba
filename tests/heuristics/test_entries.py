"""Entries are kept together: a live blog's, each under its time, between share bars; a
how-to's numbered steps, each under its number, between photos and a video player."""

from __future__ import annotations

import numpy as np

from cleaner import clean
from cleaner.heuristics import lexicon
from cleaner.heuristics.entries import keep_entries
from cleaner.model import Mark

from ..conftest import blocks_of

NAV = ["Skip to main content", "News", "Opinion", "Sport", "Culture", "Lifestyle", "UK news"]
SHARE = ["Share", "Facebook", "X", "Email", "Copy link"]
ENTRIES = [
    (
        "18.10 BST 22 Oct 2024",
        "That's all from us",
        [
            "We are closing this blog now. Buses will run to the normal timetable tomorrow. "
            "Thanks for following along with us today."
        ],
    ),
    (
        "17.45 BST Key event 22 Oct 2024",
        "Union confirms strike is off",
        [
            "The drivers' union has confirmed that the three-day strike due to begin at 4am "
            "tomorrow has been suspended. Members will vote on the new offer next week.",
            "Its regional organiser said the deal was not everything they asked for, but enough "
            "to put to the members with a clear conscience.",
        ],
    ),
    (
        "16.20 BST 22 Oct 2024",
        "Talks running late",
        [
            "Talks at the arbitration service's offices are running well past their planned "
            "finish, and neither side has said anything since lunchtime.",
        ],
    ),
    (
        "15.30 BST 22 Oct 2024",
        "Strike could be called off, sources say",
        [
            "Good afternoon. There are reports that the bus strike across the valley could be "
            "called off tonight after the operator improved its pay offer.",
        ],
    ),
]
FOOTER = ["Explore more on these topics", "Transport", "About us", "Privacy policy"]


def live_blog(entries: list[tuple[str, str, list[str]]]) -> str:
    lines = [*NAV, "Bus strike called off after last-minute pay deal – as it happened"]
    for stamp, title, paragraphs in entries:
        lines += [stamp, title, *paragraphs, *SHARE]
    return "\n".join([*lines, *FOOTER])


def test_every_entry_of_a_live_blog_is_kept() -> None:
    """Each entry's paragraphs and title (the first entry's title may go to the metadata as the
    headline the head rules look for above the first paragraph)."""
    text = clean(live_blog(ENTRIES)).text
    for paragraph in (p for _, _, paragraphs in ENTRIES for p in paragraphs):
        assert paragraph in text
    assert all(title in text for _, title, _ in ENTRIES[1:])
    assert "Copy link" not in text and "Privacy policy" not in text


def test_comments_under_their_writers_names_are_no_entries() -> None:
    article = [p for _, _, paragraphs in ENTRIES for p in paragraphs]
    comments = []
    for name, said in (
        ("Josephine", "We had this three times in one week and the buses were empty."),
        ("Ben T.", "Good news, but I found the timetable needed more buses than listed."),
        ("Mara K.", "The union did well here, though the vote next week is the real test."),
    ):
        comments += [name, "October 22, 2024 at 9:14 pm", said, "Reply"]
    source = "\n".join(
        [*NAV, "Bus strike called off", *article, *SHARE, "3 Comments", *comments, *FOOTER]
    )
    assert "Josephine" not in clean(source).text


INTRO = "Glass terrariums are easy to make at home, and they keep a bit of the garden indoors."
STEPS = [
    "Step 1",
    "Measure the base of the jar and cut the foam about two centimetres smaller than that.",
    "Dig a hole in the foam. (Photo: Lucy Akins)",
    "Step 2",
    "Insert your plant into the hole.",
    "Play Video",
    "0:00",
    "This is a modal window.",
    "Step 3",
    "Using floral pins, attach enough moss around the foam to cover it.",
    "Attach moss (Photo: Lucy Akins)",
    "Step 4",
    "Gently place the glass over the foam, pulling down any moss it catches.",
]


def kept_steps(paragraphs: list[str], kept: list[int]) -> list[str]:
    blocks = blocks_of(*paragraphs)
    first = np.isin(np.arange(len(blocks)), kept)
    return [b.text for b, k in zip(blocks, keep_entries(blocks, first, lexicon())) if k]


def test_every_numbered_step_is_kept_once_the_body_reaches_one() -> None:
    """The steps' lines and the prose under each; the captions and the player are not."""
    found = kept_steps([INTRO, *STEPS, "Related Searches"], kept=[0, 1, 2])
    assert found == [INTRO, *(STEPS[i] for i in (0, 1, 3, 4, 8, 9, 11, 12))]


def test_steps_need_the_body_above_them_and_prose_under_each() -> None:
    assert kept_steps([INTRO, *STEPS], kept=[1, 2]) == STEPS[:2]  # the intro was not kept
    pager = ["Page 1", "Page 2", "Page 3", "Next"]
    assert kept_steps([INTRO, *pager], kept=[0, 1]) == [INTRO, "Page 1"]


def test_a_numbered_list_under_a_marked_heading_is_no_article_s_steps() -> None:
    """A "Most read" list of teasers with blurbs after the article: its heading is marked."""
    blocks = blocks_of(INTRO, "Most read", *STEPS)
    blocks[1].mark = Mark("related", "generic.related-list")
    kept = np.isin(np.arange(len(blocks)), [0, 2, 3])
    assert list(keep_entries(blocks, kept, lexicon())) == list(kept)


def test_numbered_comments_and_a_gallery_are_no_steps() -> None:
    said = "I made one of these last spring and it is still growing, thank you for the idea."
    for heading in ("{} Kara November 8, 2012 at 9:14 am", "Image {} of 3"):
        lines = [line for n in (1, 2, 3) for line in (heading.format(n), said)]
        assert kept_steps([INTRO, *lines], kept=[0, 1, 2]) == [INTRO, *lines[:2]]
