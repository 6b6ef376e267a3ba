"""Segment stage: text into blocks, each remembering its source line span.

Blank lines separate blocks. Within a run of non-blank lines, every line is its own block
(scraped dumps put one menu entry, caption or paragraph per line) unless the document is
hard-wrapped, in which case a line that fills the wrap width continues onto the next one, or
the run itself is: a dump often wraps only some paragraphs (a pasted lede, a quote), so each
run is also judged on its own lines (see `wrapped_run`).
A stray blank line does not split a paragraph: when the text before it ends without closing
punctuation and the text after it starts in lower case, both are one block (unless the text
after it is code: `window.dataLayer…` below a date line is a script, not the date's end).

A code listing the writer fenced (a ```` ``` ```` or `~~~` line before and after, as markdown
has it) is the article's own code, as on a developer's blog, not a script dumped with the page:
each of its lines is a block of its own, never joined, taken as it stands (indentation and
symbols kept, no markdown read in it) and marked `listing`. The rules that judge a line by how
it reads leave listings to the body model (`heuristics.body`). A fence never closed fences
nothing: a stray ```` ``` ```` line is no listing.
"""

from __future__ import annotations

import regex

from .code_signals import looks_like_code
from .inline import plain
from .model import Block
from .encoding import InputError

# A document is hard-wrapped when its long lines end near one width and that width is narrow.
MAX_WRAP_WIDTH = 120
WRAP_PERCENTILE = 0.9
WRAP_FILL = 0.7  # a line at least this share of the wrap width continues onto the next line
MIN_WRAPPED_SHARE = 0.5  # share of lines followed by text that must be "full" to call it wrapped
# ... or when no line passes MAX_WRAP_WIDTH: a dump's menus and teasers are short lines followed
# by text, and can outnumber the article's lines; prose that is not wrapped would pass the width.
# Then only full lines broken inside a sentence count: one-sentence paragraphs of 90 characters
# a line each are no wrapped text.
MIN_WRAPPED_SHARE_NARROW = 0.3
MIN_WRAPPED_LINES = 3

# A run of lines is one wrapped paragraph when every line but the last was broken because the
# next word would not fit: a list of headlines or a menu has room left on its lines.
MIN_RUN_WIDTH = 60  # narrower runs are menus, bylines and comment headers, not wrapped prose

# Each block costs about a kilobyte as it goes through the stages (`a.` and a blank line, four
# bytes, cost 238 times their size); past this many a document is refused, which bounds the
# memory of one input at about 200 MB plus 25 times its size. An article has a few hundred.
# The per-document memos (`heuristics.forget`) hold as many: asked of the blocks in page order,
# pass after pass, a smaller LRU memo has dropped each block before it is asked again (20,000
# lines of numbers took 3.2 times as long as 10,000 with memos of 16,384; 2.4 now).
MAX_BLOCKS = 200_000

# A block ending in one of these is complete; otherwise a lower-case line after a blank continues it.
CLOSING = tuple(".!?…:;\"'”’)]»")

# An opening fence: three to five backticks or tildes, then at most an info string ("python",
# no backtick after backticks); the closing fence is as many of the same character or more,
# alone. CommonMark takes any length, but a pair of long rules (`~~~~~~~~~~~~`) parts sections
# on many pages and fences nothing.
_FENCE = regex.compile(
    r"^(?:(?P<fence>`{3,5})(?!`)(?P<info>[^`]{0,200})|(?P<fence>~{3,5})(?!~)(?P<info>.{0,200}))$"
)
MAX_FENCE_RESCANS = 16  # fences never closed, each read past once more; a bound on the work

# Lines that always start a block of their own, even in wrapped text.
_STARTS_BLOCK = regex.compile(r"^\s*(?:#{1,6}\s|[-*+•]\s|\d{1,3}[.)]\s|>|<?https?://|```)")


def wrap_width(lines: list[str]) -> int | None:
    """The hard-wrap width of the text, or None when it is not hard-wrapped."""
    lengths = sorted(len(line.rstrip()) for line in lines if line.strip())
    if not lengths:
        return None
    width = lengths[min(len(lengths) - 1, int(len(lengths) * WRAP_PERCENTILE))]
    if not MIN_RUN_WIDTH <= width <= MAX_WRAP_WIDTH:  # narrower: a page of menus and tickers
        return None
    followed = [a.rstrip() for a, b in zip(lines, lines[1:]) if a.strip() and b.strip()]
    full = [line for line in followed if len(line) >= WRAP_FILL * width]
    narrow = lengths[-1] <= MAX_WRAP_WIDTH
    if narrow and len(full) < MIN_WRAPPED_SHARE * len(followed):
        full = [line for line in full if not line.endswith(CLOSING)]
    share = MIN_WRAPPED_SHARE_NARROW if narrow else MIN_WRAPPED_SHARE
    if len(full) < MIN_WRAPPED_LINES or len(full) < share * len(followed):
        return None
    return width


def wrapped_run(run: list[str]) -> bool:
    """Whether consecutive non-blank lines are one hard-wrapped paragraph: each line but the
    last is broken where the next word would pass the run's width, no line opens a block of its
    own. One break is thin evidence: a two-line run also needs its second line to go on the
    sentence (lower case, or after a comma); a long byline above a date line does not."""
    run = [line.strip() for line in run]
    width = max(map(len, run))
    if (
        len(run) < 2
        or not MIN_RUN_WIDTH <= width <= MAX_WRAP_WIDTH
        or any(map(_STARTS_BLOCK.match, run))
    ):
        return False
    if len(run) == 2 and not (run[1][:1].islower() or run[0].endswith(",")):
        return False
    return all(
        len(a) + 1 + len(b.split()[0]) > width and len(a) >= WRAP_FILL * width
        for a, b in zip(run, run[1:])
    )


def _wrapped_lines(lines: list[str]) -> set[int]:
    """Indices of the lines that continue a hard-wrapped run (all but each run's first)."""
    joined: set[int] = set()
    start = 0
    for i in range(len(lines) + 1):
        if i == len(lines) or not lines[i].strip():
            if i - start > 1 and wrapped_run(lines[start:i]):
                joined.update(range(start + 1, i))
            start = i + 1
    return joined


def _wraps(lines: list[str], i: int, span: tuple[int, int], width: int | None) -> bool:
    previous = lines[i - 1] if i else ""
    return (
        width is not None
        and span[1] == i - 1
        and len(previous.rstrip()) >= WRAP_FILL * width
        and not _STARTS_BLOCK.match(lines[i])
        and not _STARTS_BLOCK.match(previous)
    )


def continues(before: str, after: str) -> bool:
    """Whether `after` goes on the paragraph `before` began: no closing punctuation (inside
    emphasis markers or not: `_… better._`), then lower case."""
    return after[:1].islower() and not before.rstrip("_*").endswith(CLOSING)


def _stray_blank(lines: list[str], i: int, span: tuple[int, int]) -> bool:
    """A paragraph cut by blank lines."""
    if span[1] == i - 1:
        return False
    line, last = lines[i].strip(), lines[span[1]].rstrip()
    return (
        continues(last, line)
        and not (_STARTS_BLOCK.match(last) or _STARTS_BLOCK.match(line))
        and not looks_like_code(line)
    )


def fenced(lines: list[str]) -> set[int]:
    """Indices of the lines of the text's closed code fences, the fences included. An opening
    fence with an info string inside a listing opens a new one (the first was a stray line), and
    a fence never closed fences nothing: the lines after it are read again."""
    listed: set[int] = set()
    begin = 0
    for _ in range(MAX_FENCE_RESCANS):
        stray = _fence_pass(lines, begin, listed)
        if stray < 0:
            break
        begin = stray + 1
    return listed


def _fence_pass(lines: list[str], begin: int, listed: set[int]) -> int:
    """Add the closed listings from line `begin` on to `listed`; the line of a fence left open at
    the end, or -1."""
    start, fence = -1, ""
    for i in range(begin, len(lines)):
        if not lines[i].lstrip().startswith(("`", "~")):
            continue
        line = lines[i].strip()
        opening = _FENCE.match(line)
        if start >= 0 and line.startswith(fence) and not line.strip(fence[0]):
            listed.update(range(start, i + 1))
            start = -1
        elif opening and (start < 0 or opening["info"].strip()):
            start, fence = i, opening["fence"]
    return start


def segment(text: str) -> list[Block]:
    lines = text.split("\n")
    width = wrap_width(lines)
    joined = _wrapped_lines(lines)
    listed = fenced(lines)
    spans: list[tuple[int, int]] = []  # 0-based inclusive line spans
    quote_break = False  # a quote's blank line (a lone `>`) ends its paragraph, and is part of it
    for i, line in enumerate(lines):
        if not line.strip():
            continue
        if line.strip() == ">" and spans and i not in listed:
            spans[-1], quote_break = (spans[-1][0], i), True
            continue
        if (
            spans
            and not quote_break
            and i not in listed
            and spans[-1][1] not in listed
            and (
                i in joined
                or _wraps(lines, i, spans[-1], width)
                or _stray_blank(lines, i, spans[-1])
            )
        ):
            spans[-1] = (spans[-1][0], i)
        elif len(spans) < MAX_BLOCKS:
            spans.append((i, i))
        else:
            many = f"has more than {MAX_BLOCKS:,} paragraphs and lines"
            raise InputError(f"{many}; no article has as many")
        quote_break = False
    blocks: list[Block] = []
    for start, end in spans:
        if start in listed:
            code = lines[start].rstrip()
            blocks.append(Block(len(blocks), start + 1, end + 1, code, code, listing=True))
            continue
        raw = (
            lines[start].strip()
            if start == end
            else " ".join(x.strip() for x in lines[start : end + 1] if x.strip() != ">")
        )
        blocks.append(
            Block(index=len(blocks), start=start + 1, end=end + 1, raw=raw, text=plain(raw))
        )
    return blocks
