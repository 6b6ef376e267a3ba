"""The guard's test for deep nesting: a run of opening tags with no other markup between them."""

from __future__ import annotations

import pytest

from cleaner.html.guard import (
    MAX_ELEMENTS,
    MAX_INLINE,
    MAX_NESTING,
    MAX_OPTIONS,
    MAX_PARAGRAPH_INLINE,
    MAX_SPAN,
    deep_run,
    tame,
)
from cleaner.read import InputError


@pytest.mark.parametrize(
    ("html", "deep"),
    [
        ("<div>" * 4, True),
        ("<div>" * 3, False),
        ("<div>" * 2 + "</div>" + "<div>" * 2, False),  # a closing tag ends the run
        ("<div>" * 2 + "<!-- note -->" + "<div>" * 2, True),  # a comment does not: it hid
        ("<span><!---->" * 4, True),  # 60,000 nested spans from the guard
        ('<div class="a">one <b>two</b>', False),
        ('<div class="a">one <span id=x>two <i>three <b>four', True),  # text between is no break
        ("text before <p>" + "<div>" * 3 + "text after", True),
        ("<div" * 8, False),  # tags that never close are no tags
        ("<x>" * 4 + "<1>" + "<x>" * 4, True),
    ],
)
def test_a_run_of_opening_tags_is_found_wherever_it_stands(html: str, deep: bool) -> None:
    assert deep_run(html, tags=4) is deep


def test_pages_nested_past_the_limit_are_flattened_and_the_rest_left_alone() -> None:
    said = "<p>The council approved the bridge.</p>"
    deep = f"<html><body>{'<div>' * (MAX_NESTING + 10)}{said}</body></html>"
    warnings: list[str] = []
    tamed = tame(deep, warnings)
    assert said in tamed and tamed.count("<div>") < MAX_NESTING
    assert warnings and "nested more than" in warnings[0]
    shallow = f"<html><body>{'<div>' * 100}{said}{'</div>' * 100}</body></html>"
    assert tame(shallow, warnings) == shallow and len(warnings) == 1
    flat = f"<html><head>{'<meta>' * (MAX_NESTING + 88)}</head><body>{said}</body></html>"
    assert tame(flat, warnings) == flat and len(warnings) == 1  # warned "0 tags … dropped"


def test_a_page_of_more_elements_than_any_article_page_is_refused() -> None:
    """300,000 `<p>x</p>` (2.4 MB) took 1.1 GB and 48 s to clean; the count is cheap."""
    said = "<p>The council met on Tuesday and approved the budget for the coming year.</p>"
    page = f"<html><body>{said}{'<p>x</p>' * MAX_ELEMENTS}</body></html>"
    with pytest.raises(InputError, match="more than 200,000 HTML elements"):
        tame(page, [])
    fewer = f"<html><body>{said}{'<p>x</p>' * (MAX_ELEMENTS - 10)}</body></html>"
    assert tame(fewer, []) == fewer


def test_a_cell_spanning_more_than_any_table_needs_is_narrowed() -> None:
    """250 rows of a cell spanning 100 by 100 (11 KB) cost trafilatura 24 s and 418 MB."""
    row = '<tr><td colspan=100 ROWSPAN="7">x</td><td colspan=12>y</td></tr>'
    warnings: list[str] = []
    tamed = tame(
        f"<table>{row}{'<tr><td colspan=' + '9' * 5000 + '>z</td></tr>'}</table>", warnings
    )
    assert f"colspan={MAX_SPAN}>" in tamed and 'ROWSPAN="7"' in tamed and "colspan=12" in tamed
    assert warnings == [
        f"2 table cell(s) spanning more than {MAX_SPAN} rows or columns were narrowed to {MAX_SPAN}"
    ]


def test_options_past_the_limit_lose_their_tags_and_keep_their_text() -> None:
    """Lexbor parsed 40,000 options of one `<select>` in 11 s (20,000: 2.2 s)."""
    said = "<p>The council met on Tuesday and approved the budget for the coming year.</p>"
    options = "".join(f"<option value={i}>Place {i}</option>" for i in range(MAX_OPTIONS + 5))
    warnings: list[str] = []
    tamed = tame(f"<body>{said}<select>{options}<OPTGROUP label=x><option>Last</select>", warnings)
    assert tamed.count("<option") == MAX_OPTIONS and "<OPTGROUP" not in tamed
    assert f"Place {MAX_OPTIONS + 4}</select>" not in tamed  # the closing tags go too
    assert f"Place {MAX_OPTIONS + 4}Last</select>" in tamed and said in tamed
    assert warnings == [
        f"7 options past the first {MAX_OPTIONS:,} lost their tags (their text kept)"
    ]
    fewer = f"<body>{said}<select>{'<option>x</option>' * MAX_OPTIONS}</select>"
    assert tame(fewer, warnings) == fewer and len(warnings) == 1
    unclosed = "<select>" + "<option" * (MAX_OPTIONS + 3)  # no `>`: each tag stops at the next `<`
    assert tame(unclosed, warnings) == "<select>" + "<option" * MAX_OPTIONS


def _links(count: int, word: str = "link") -> str:
    return "".join(f'<a href="/{i}">{word} {i}</a> ' for i in range(count))


def test_inline_tags_in_paragraphs_past_the_limits_go_and_their_text_stays() -> None:
    """Trafilatura took 10 s over one paragraph of 10,000 links in an `<article>` (5,000: 0.9 s),
    2.1 s over eight paragraphs of 2,048."""
    many = _links(MAX_PARAGRAPH_INLINE // 2 + 5)
    warnings: list[str] = []
    tamed = tame(f"<article><P>Said:<br>{many}one<br>two</p><p>{_links(3)}</p>", warnings)
    # The 4,096th tag opens a link: its end tag stays, or the link would run over the page.
    assert tamed.count("<a ") == tamed.count("</a>") == MAX_PARAGRAPH_INLINE // 2 + 3
    last = MAX_PARAGRAPH_INLINE // 2 + 4
    assert f"link {last - 5}</a> link {last - 4} " in tamed and f"link {last} one two</p>" in tamed
    limits = f"past {MAX_PARAGRAPH_INLINE:,} in one or {MAX_INLINE:,} on the page"
    assert warnings == [f"11 tags inside paragraphs were dropped, {limits} (their text kept)"]
    full = f"<p>{_links(MAX_PARAGRAPH_INLINE // 2)}</p>" * (MAX_INLINE // MAX_PARAGRAPH_INLINE)
    tamed = tame(f"{full}<p>{_links(3, 'more')}</p>", warnings)
    assert "more 0 more 1 more 2 </p>" in tamed and warnings[1].startswith("6 tags")
    enough = "<b>x</b>" * (MAX_PARAGRAPH_INLINE // 2)  # as many tags as a paragraph may hold
    outside = f"<p>{enough}</p><div>{enough * 9}</div>"  # outside a paragraph, tags do not count
    apart = f"<p>{enough}<div>{enough * 9}</div>"  # a div ends the paragraph's run
    for untouched in (outside, apart):
        assert tame(untouched, warnings) == untouched and len(warnings) == 2
