"""Code listings a markdown writer fenced are the article's own: kept as written, where the
article runs on both sides of them, and never taken for a script dumped with the page."""

from __future__ import annotations

from cleaner import clean
from cleaner.segment import segment

NAV = ["[Skip to content](#content)", "# [Tidepool Notes](https://tidepool.example/)", "Menu"]
NAV += [
    f"* [{item}](https://tidepool.example/{item.lower()}/)"
    for item in ("Home", "Archive", "Talks", "About", "RSS")
]
PROSE = [
    (
        "Our nightly import job reads a few thousand rows from a partner's export and writes "
        "them into a Postgres table. For two years it took about four minutes and nobody "
        "thought about it again."
    ),
    (
        "Last month it started taking forty. The partner had not changed anything, our code had"
        " not changed, and the table had grown by perhaps ten per cent, which is not enough to "
        "explain a tenfold slowdown."
    ),
    (
        "The first thing worth checking is whether the planner still uses the index you think "
        "it uses. It is one query away:"
    ),
    (
        "The plan showed a sequential scan over the whole table for every row of the import, "
        "because a migration had quietly dropped the unique index on the partner's key."
    ),
    (
        "Putting the index back took a minute, and the job was back to four minutes the same "
        "night. The import now checks that the index exists before it starts:"
    ),
    (
        "That check has already paid for itself once: a restore to a staging box came up "
        "without the index, and the job refused to run instead of grinding for an hour."
    ),
    (
        "If you keep one habit from this, make it looking at the plan before you look at the "
        "code. The code had not changed; the database underneath it had."
    ),
]
QUERY = [
    "```sql",
    "EXPLAIN ANALYZE",
    "SELECT id FROM imports",
    "  WHERE partner_key = 'abc-123';",
    "```",
]
CHECK = [
    "```python",
    "def index_exists(conn, name):",
    "    with conn.cursor() as cur:",
    '        cur.execute("SELECT 1 FROM pg_indexes WHERE indexname = %s", (name,))',
    "        return cur.fetchone() is not None",
    "```",
]
FOOTER = [
    "Copy",
    "### Share this:",
    "* [Mastodon](?share=mastodon)",
    "* [Email](mailto:?subject=Shared)",
    "## 2 thoughts on “Why our import got ten times slower”",
    "**Ines K.** says:",
    "[March 3, 2024 at 9:14 am](#comment-1)",
    "Dropped indexes after migrations bit us too. We now diff the schema in CI.",
    "[Reply](#comment-1)",
    "### Leave a Reply",
    "Your email address will not be published. Required fields are marked *",
    "Comment *",
    "Name *",
    "Email *",
    "Post Comment",
]


def page(*parts: list[str]) -> str:
    return "\n\n".join(line for part in parts for line in part) + "\n"


ARTICLE = [
    "# Why our import got ten times slower",
    "Posted on March 2, 2024 by Tom",
    *PROSE[:3],
    *QUERY,
    "Copy",
    *PROSE[3:5],
    *CHECK,
    "Copy",
    *PROSE[5:],
]


def test_a_fenced_listing_is_one_block_a_line_as_written() -> None:
    source = "Run this:\n\n```sh\n$ make\nmake: nothing to do\n    indented\n```\n\nDone."
    blocks = segment(source)
    assert [(b.raw, b.listing) for b in blocks] == [
        ("Run this:", False),
        ("```sh", True),
        ("$ make", True),
        ("make: nothing to do", True),
        ("    indented", True),
        ("```", True),
        ("Done.", False),
    ]


def test_a_fence_never_closed_fences_nothing() -> None:
    blocks = segment("Intro.\n\n```\n*emphasis* here\n\nand more")
    assert not any(b.listing for b in blocks)


def test_the_article_around_and_after_its_listings_is_kept() -> None:
    result = clean(page(NAV, ARTICLE, FOOTER))
    paragraphs = result.text.rstrip("\n").split("\n\n")
    for line in [*PROSE, *QUERY, *CHECK]:
        assert line in paragraphs, line
    assert not any("Leave a Reply" in p or "Required fields" in p for p in paragraphs)


def test_a_listing_s_lines_stay_apart_and_as_written_and_settled() -> None:
    text = clean(page(NAV, ARTICLE, FOOTER)).text
    listing = text[text.index("```python") : text.index("```", text.index("```python") + 3) + 3]
    assert listing.split("\n\n") == CHECK  # indentation, symbols and underscores as written
    assert clean(text).text == text


def test_code_without_fences_is_still_a_dumped_script() -> None:
    script = ["function track() {", "window.dataLayer.push({'event': 'view'});", "}"]
    text = clean(page(NAV, ARTICLE[:4], script, ARTICLE[4:], FOOTER)).text
    assert "window.dataLayer" not in text


def test_a_listing_outside_the_article_goes_with_its_surroundings() -> None:
    sidebar = ["## Snippet of the week", "```js", "console.log('hi')", "```", "Archives"]
    text = clean(page(NAV, ARTICLE, FOOTER, sidebar)).text
    assert "console.log" not in text


def test_a_pair_of_long_rules_fences_nothing() -> None:
    rule = "~" * 20
    blocks = segment(f"Intro.\n\n{rule}\n\nAdvertisement\n\n{rule}\n\nEnd.")
    assert not any(b.listing for b in blocks)


def test_a_stray_fence_does_not_fence_the_text_up_to_a_later_listing() -> None:
    lines = ["```", "Prose.", "Advertisement", "```python", "x = 1", "```", "~~~", "y", "~~~"]
    listed = [b.text for b in segment("\n\n".join(lines)) if b.listing]
    assert listed == ["```python", "x = 1", "```", "~~~", "y", "~~~"]


def test_an_info_string_may_be_long() -> None:
    opening = '```python title="check_index.py" linenums="1" hl_lines="2 3"'
    assert all(b.listing for b in segment(f"{opening}\n    x = 1\n```"))


def test_a_listing_that_ends_the_article_is_kept() -> None:
    article = [*ARTICLE[:-2], "The whole check, for anyone who wants it:", *CHECK]
    paragraphs = clean(page(NAV, article, FOOTER[1:])).text.rstrip("\n").split("\n\n")
    assert paragraphs[-len(CHECK) :] == CHECK
