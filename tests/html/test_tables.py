"""A data table's rows in the HTML path: one line each, and kept whole inside the article."""

from __future__ import annotations

import pytest
from selectolax.lexbor import LexborHTMLParser

from cleaner.features import TEXT_FEATURES
from cleaner.html.blocks import data_rows, dom_blocks, grid_cells, row_lines
from cleaner.html.features import block_features
from cleaner.lexicon import lexicon

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


HEADED = (
    "<table><thead><tr><th>Pos</th><th>Athlete</th><th>Time</th></tr></thead><tbody>"
    "<tr><td>1</td><td>Mercy Chebet</td><td>2:21:37</td></tr>"
    "<tr><td>2</td><td>Almaz Gebre</td><td>2:22:54</td></tr></tbody></table>"
)


# The block model scores cell by cell: it kept a time and dropped the names. With a `<thead>`,
# the table was first taken as the row's grandparent, and the header row was lost.
@pytest.mark.parametrize("table", [RESULTS, HEADED], ids=["plain", "thead"])
def test_a_table_inside_the_kept_text_is_kept_whole(table: str) -> None:
    blocks = _blocks(f"<p>The race.</p>{table}<p>After the race.</p>")
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


def test_a_cell_cut_by_line_breaks_or_holding_a_table_is_no_data_row() -> None:
    """An old layout page's cell of paragraphs parted by `<br>`, and a row around a nested
    table, are columns: their text must not be joined into one line."""
    broken = "<table><tr><td>First paragraph.<br><br>Second paragraph.</td></tr></table>"
    nested = f"<table><tr><td>Left</td><td>{RESULTS}</td></tr></table>"
    assert row_lines(_blocks(broken)) == ["First paragraph.", "Second paragraph."]
    assert row_lines(_blocks(nested))[:2] == ["Left", "Pos Athlete Time"]


STATES = "".join(
    f"<tr><td><p>{state}</p></td><td><p>{when}</p></td><td><p>{note}</p></td></tr>"
    for state, when, note in (
        ("Status", "Timestamp", "Comment"),
        ("new", "scheduled", "Picked up when ready."),
        ("started", "claimed", "Retried after a timeout."),
    )
)
PROSE = (
    "<p>The scheduler was rebuilt last year after the old queue lost tasks twice in one week,"
    " and the team wrote down every state a task can be in.</p>"
)


# A column headed "Comment" in a table of the article took every block after it for a comment
# section (after_comments), and the model dropped the last third of a long post.
def test_a_column_named_comment_opens_no_comment_section() -> None:
    share_bar = "<table><tr><td>Print</td><td>Leave a Comment</td></tr></table>"
    for table, grid in ((f"<table>{STATES}</table>", True), (share_bar, False)):
        blocks = _blocks(f"{PROSE}{table}<p>After the table.</p>")
        heading = next(i for i, b in enumerate(blocks) if "omment" in b.text)
        assert grid_cells(blocks)[heading] is grid
        rows = block_features(blocks, None, [0.0] * len(blocks), lexicon())
        marker = TEXT_FEATURES.index("comment_marker")
        assert rows[heading, marker] == (0.0 if grid else 1.0)
        assert rows[-1, TEXT_FEATURES.index("after_comments")] == (0.0 if grid else 1.0)
