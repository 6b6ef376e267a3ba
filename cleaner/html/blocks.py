"""A pruned page as text blocks with the DOM evidence a text dump cannot carry.

The page is walked once, in document order, with an explicit stack (no recursion, so nesting of
any depth is walked). Block-level elements and `<br>` close the text gathered so far, as jusText's
paragraph maker does; inline text joins the open block. Each block keeps what its place in the
tree says about it: the share of its characters inside links, its element, how deep it sits, the
headings, lists, tables, `<article>` or `<main>` around it, and the furniture or content words in
the class and id names of its ancestors (`comment`, `related`, `article-body`).
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Sequence
from dataclasses import dataclass, field

import regex
from selectolax.lexbor import LexborNode

BLOCK_TAGS = frozenset(
    (
        "address article aside blockquote body caption center dd details div dl dt fieldset "
        "figcaption figure footer form h1 h2 h3 h4 h5 h6 header hr li main nav ol p pre "
        "section summary table tbody td tfoot th thead tr ul"
    ).split()
)
BREAKS = frozenset({"br", "hr"})
CELLS = frozenset({"td", "th"})
MAX_CELL_WORDS = 20  # a data table's cell: a name, a figure, a short note
GRID_ROWS = 3  # rows of one-block cells that make a table a grid of values
HEADINGS = frozenset({"h1", "h2", "h3", "h4", "h5", "h6"})
# Words in class and id names, by what they say of the text inside. A name is split into words at
# case changes, digits and punctuation ("articleBody", "post-content_2": article body, post
# content).
CUES: dict[str, frozenset[str]] = {
    "content": frozenset(
        "article body content story entry post text "
        "main prose blog news detail paragraph copy".split()
    ),
    "comment": frozenset("comment comments reply replies disqus discussion respond".split()),
    "navigation": frozenset(
        "nav menu breadcrumb breadcrumbs navbar "
        "pagination pager masthead header topbar skip".split()
    ),
    "footer": frozenset("footer foot copyright legal colophon".split()),
    "sidebar": frozenset("sidebar side rail widget aside column col".split()),
    "related": frozenset(
        "related recommended recommend more popular trending teaser "
        "promo also outbrain taboola latest headlines list".split()
    ),
    "share": frozenset("share sharing social tools toolbar print email follow".split()),
    "ad": frozenset("ad ads advert advertisement sponsor sponsored banner dfp gpt".split()),
    "caption": frozenset(
        "caption credit photo image img figure gallery media video thumb thumbnail".split()
    ),
    "meta": frozenset(
        "byline author date time meta dateline tags tag topics keywords category info".split()
    ),
    "subscribe": frozenset(
        "subscribe newsletter signup login register paywall modal popup cookie consent".split()
    ),
}
CUE_NAMES = tuple(CUES)
_NAME_WORD = regex.compile(r"[A-Z]?[a-z]+|[A-Z]+(?![a-z])")
_SPACE = regex.compile(r"\s+")


def cue_words(name: str) -> set[str]:
    return {w.lower() for w in _NAME_WORD.findall(name)}


def _names(node: LexborNode) -> frozenset[str]:
    attrs = node.attributes
    names = f"{attrs.get('class') or ''} {attrs.get('id') or ''} {attrs.get('itemprop') or ''}"
    return frozenset(cue_words(names)) if names.strip() else frozenset()


def _cues(words: frozenset[str]) -> tuple[int, ...]:
    return tuple(int(bool(words & CUES[c])) for c in CUE_NAMES)


def _kind(node: LexborNode, tag: str) -> str:
    """Tag and first class name: items of one list share it, whatever else their classes say."""
    classes = (node.attributes.get("class") or "").split()
    return f"{tag}.{classes[0]}" if classes else tag


@dataclass(slots=True)
class DomBlock:
    """One block of a page's text and where it sits in the tree."""

    text: str
    tag: str  # the innermost block-level element around it
    depth: int
    link_chars: int
    heading: bool
    in_list: bool
    in_table: bool
    in_article: bool  # inside <article> or <main>
    near_cues: tuple[int, ...]  # per CUE_NAMES: a cue word on the block's element or its parent
    far_cues: tuple[int, ...]  # per CUE_NAMES: ancestors with the cue, any distance
    ancestors: tuple[int, ...] = field(default=())  # ids of the block-level elements around it
    parent_kind: str = ""  # tag and class of the element around its own: twins mark repeated items
    near_names: frozenset[str] = frozenset()  # class and id words of its element and the parent
    far_names: frozenset[str] = frozenset()  # class and id words of all its ancestors
    table: int = -1  # id of the innermost <table> around it (-1: none)
    cell: int = -1  # id of the innermost `td` or `th` around it (-1: none)

    @property
    def link_density(self) -> float:
        return min(1.0, self.link_chars / len(self.text)) if self.text else 0.0


@dataclass(slots=True)
class _Open:
    id: int
    tag: str
    cues: tuple[int, ...]
    kind: str  # tag and class attribute
    names: frozenset[str]  # class and id words


class _Walk:
    """The state of one walk: the open elements and the text of the block being gathered."""

    def __init__(self) -> None:
        self.open: list[_Open] = []
        self.parts: list[str] = []
        self.link_chars = 0
        self.links_open = 0
        self.blocks: list[DomBlock] = []
        self.next_id = 0

    def enter(self, node: LexborNode) -> None:
        tag = node.tag or ""
        if tag == "a":
            self.links_open += 1
        if tag in BLOCK_TAGS or tag in BREAKS:
            self.flush()
        if tag in BLOCK_TAGS:
            names = _names(node)
            self.open.append(_Open(self.next_id, tag, _cues(names), _kind(node, tag), names))
            self.next_id += 1

    def leave(self, tag: str) -> None:
        if tag == "a":
            self.links_open -= 1
        if tag in BLOCK_TAGS:
            self.flush()
            self.open.pop()

    def add(self, text: str) -> None:
        self.parts.append(text)
        if self.links_open:
            self.link_chars += len(text.strip())

    def flush(self) -> None:
        text = _SPACE.sub(" ", "".join(self.parts)).strip()
        link_chars, self.parts, self.link_chars = self.link_chars, [], 0
        if not text or not self.open:
            return
        tags = [o.tag for o in self.open]
        near = [o.cues for o in self.open[-2:]]
        self.blocks.append(
            DomBlock(
                text=text,
                tag=tags[-1],
                depth=len(tags),
                link_chars=link_chars,
                heading=tags[-1] in HEADINGS,
                in_list="li" in tags,
                in_table="td" in tags or "th" in tags,
                in_article="article" in tags or "main" in tags,
                near_cues=tuple(max(c) for c in zip(*near)),
                far_cues=tuple(sum(c) for c in zip(*(o.cues for o in self.open))),
                ancestors=tuple(o.id for o in self.open),
                parent_kind=self.open[-2].kind if len(self.open) > 1 else "",
                near_names=frozenset().union(*(o.names for o in self.open[-2:])),
                far_names=frozenset().union(*(o.names for o in self.open)),
                table=next((o.id for o in reversed(self.open) if o.tag == "table"), -1),
                cell=next((o.id for o in reversed(self.open) if o.tag in CELLS), -1),
            )
        )


def dom_blocks(root: LexborNode) -> list[DomBlock]:
    """The text blocks under `root` (a pruned body), in document order."""
    walk = _Walk()
    stack: list[tuple[LexborNode | None, str]] = [(root, "")]
    while stack:
        node, closing = stack.pop()
        if node is None:
            walk.leave(closing)
            continue
        if node.is_text_node:
            walk.add(node.text_content or "")
            continue
        if not node.is_element_node:
            continue
        walk.enter(node)
        stack.append((None, node.tag or ""))
        stack.extend((child, "") for child in reversed(list(node.iter(include_text=True))))
    walk.flush()
    return walk.blocks


def _row(block: DomBlock) -> int | None:
    """The row of the innermost cell around the block (the element the cell stands in)."""
    at = block.ancestors.index(block.cell) if block.cell >= 0 else 0
    return block.ancestors[at - 1] if at else None


def data_rows(blocks: Sequence[DomBlock]) -> set[int]:
    """The ids of a data table's rows: two cells or more, each one block (text only, no `<br>`)
    of at most MAX_CELL_WORDS words, and no block or table of their own inside. A layout
    table's row holds a column of text or a block of its own, and its cells are no line."""
    cells: dict[int, list[DomBlock]] = {}
    nested: set[int] = set()
    for block in blocks:
        if not block.in_table:
            continue
        if block.tag in CELLS and (row := _row(block)) is not None:
            cells.setdefault(row, []).append(block)
            nested.update(block.ancestors[:-2])  # the rows of any table around this one
        else:  # a block inside a cell: its row is no data row
            nested.update(block.ancestors)
    return {
        row
        for row, found in cells.items()
        if row not in nested
        and len({b.ancestors[-1] for b in found}) == len(found) > 1
        and all(len(b.text.split()) <= MAX_CELL_WORDS for b in found)
    }


def row_lines(blocks: Sequence[DomBlock], keep: Sequence[bool] | None = None) -> list[str]:
    """The texts of the blocks in `keep` (all by default), a line each, but a data row's cells
    on one line: a results table reads as its rows, not one cell per paragraph. A table that
    stands inside the kept text, with a cell kept, is kept whole (`_inside_tables`)."""
    keep = [True] * len(blocks) if keep is None else keep
    rows = data_rows(blocks)
    row_of = [row if (row := _row(b)) in rows else None for b in blocks]
    whole = _inside_tables(blocks, row_of, keep)
    lines: list[list[str]] = []
    last: int | None = None
    for block, kept, row in zip(blocks, keep, row_of):
        if not (kept or row in whole):
            last = None
            continue
        if row is not None and row == last:
            lines[-1].append(block.text)
        else:
            lines.append([block.text])
        last = row
    return [" ".join(parts) for parts in lines]


def _inside_tables(
    blocks: Sequence[DomBlock], row_of: Sequence[int | None], keep: Sequence[bool]
) -> set[int]:
    """The rows of the data tables that stand between kept blocks outside any data row and have
    a cell kept: the article's table, which the block model, scoring cell by cell, keeps in part
    (a figure kept, a name dropped). A sidebar's table stands before or after the kept text."""
    outside = [i for i, (row, kept) in enumerate(zip(row_of, keep)) if kept and row is None]
    if not outside:
        return set()
    spans: dict[int, list[int]] = {}  # a table's first and last block, and its rows
    rows: dict[int, set[int]] = {}
    kept_in: set[int] = set()
    for i, (block, row, kept) in enumerate(zip(blocks, row_of, keep)):
        if row is None:
            continue
        table = block.table
        spans.setdefault(table, [i, i])[1] = i
        rows.setdefault(table, set()).add(row)
        if kept:
            kept_in.add(table)
    return {
        row
        for table, (first, last) in spans.items()
        if table in kept_in and outside[0] < first and last < outside[-1]
        for row in rows[table]
    }


def grid_cells(blocks: Sequence[DomBlock]) -> list[bool]:
    """Per block: all the text of its cell, in a row of two such cells or more, in a table of
    GRID_ROWS such rows or more: a grid of values, where "Comment" names a column, not a bar."""
    rows = [_row(b) for b in blocks]
    blocks_in: Counter[int] = Counter(b.cell for b in blocks)
    cells_in: dict[int | None, set[int]] = defaultdict(set)
    for block, row in zip(blocks, rows):
        cells_in[row].add(block.cell)
    grid = {
        row
        for row, cells in cells_in.items()
        if row is not None and len(cells) > 1 and all(blocks_in[c] == 1 for c in cells)
    }
    rows_in = Counter({row: b.table for b, row in zip(blocks, rows) if row in grid}.values())
    return [row in grid and rows_in[b.table] >= GRID_ROWS for b, row in zip(blocks, rows)]
