"""A live blog's entries are kept together: each under its time, between share bars."""

from __future__ import annotations

from cleaner import clean

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
