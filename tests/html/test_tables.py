"""A data table's rows in the HTML path: one line each, and kept whole inside the article."""

from __future__ import annotations

from selectolax.lexbor import LexborHTMLParser

from cleaner.html.blocks import data_rows, dom_blocks, row_lines

RESULTS = (
    "<table><tr><th>Pos</th><th>Athlete</th><th>Time</th></tr>"
    "<tr><td>1</td><td>Mercy <b>Chebet</b></td><td>2:21:37</td></tr>"
    "<tr><td>2</td><td>Almaz Gebre</td><td>2:22:54</td></tr></table>"
)
LAYOUT = "<table><tr><td><p>A column of the page's text.</p></td><td>Menu</td></tr></table>"


def _blocks(body: str):
    return dom_blocks(LexborHTMLParser(f"<body>{body}</body>").body)


def test_a_data_row_is_one_line_and_a_layout_row_stays_apart() -> None:
    """Each cell was a paragraph of its own: '1', 'Mercy Chebet', '2:21:37'."""
    blocks = _blocks(f"<p>Before.</p>{RESULTS}{LAYOUT}")
    assert len(data_rows(blocks)) == 3
    assert row_lines(blocks) == [
        "Before.",
        "Pos Athlete Time",
        "1 Mercy Chebet 2:21:37",
        "2 Almaz Gebre 2:22:54",
        "A column of the page's text.",
        "Menu",
    ]


def test_a_table_inside_the_kept_text_is_kept_whole() -> None:
    """The block model scores cell by cell: it kept the times and dropped the names."""
    blocks = _blocks(f"<p>The race.</p>{RESULTS}<p>After the race.</p>")
    keep = [b.text in ("The race.", "2:21:37", "After the race.") for b in blocks]
    assert row_lines(blocks, keep) == [
        "The race.",
        "Pos Athlete Time",
        "1 Mercy Chebet 2:21:37",
        "2 Almaz Gebre 2:22:54",
        "After the race.",
    ]


def test_a_table_beside_the_kept_text_is_not_taken_whole() -> None:
    """A sidebar's table (a calendar, a league table) with one cell kept by mistake stays cut:
    it stands after the kept text, not inside it."""
    blocks = _blocks(f"<p>The race.</p><p>After the race.</p>{RESULTS}")
    keep = [b.text in ("The race.", "After the race.", "2:21:37") for b in blocks]
    assert row_lines(blocks, keep) == ["The race.", "After the race.", "2:21:37"]
