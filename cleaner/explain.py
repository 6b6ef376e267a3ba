"""`clean explain`: the document as the cleaner saw it. Each block is shown in order with its
first source line; a removed block is prefixed `[- KIND RULE]`, a block moved to the metadata
`[> KIND RULE -> FIELD]`, text replaced inside a kept block follows it as `[~ KIND RULE]`, and
kept blocks are plain. Above them: the outlet used and the evidence for it, and the warnings
(a pack rule that did nothing on this page among them)."""

from __future__ import annotations

from collections import Counter

from rich.text import Text

from .detect import OutletMatch
from .model import Block, Document, Edit

STYLES = {"-": "red", ">": "yellow", "~": "magenta"}
REMOVED_TEXT_STYLE = "dim"
HEADING_STYLE = "bold"
WARNING_STYLE = "bold red"
LINE_NUMBER_WIDTH = 5


def outlet_lines(match: OutletMatch | None) -> list[str]:
    if match is None:
        return ["outlet: none detected; only the generic heuristics ran"]
    score = f", score {match.score}" if match.detected_by == "signature" else ""
    lines = [f"outlet: {match.pack.id} ({match.pack.name}), {match.detected_by}{score}"]
    return lines + [f"  evidence: {item}" for item in match.evidence]


def marker(block: Block) -> tuple[str, str] | None:
    """`[- kind rule]` or `[> kind rule -> field]` with its style; None for a kept block."""
    mark = block.mark
    if mark is None:
        return None
    if mark.field is None:
        return f"[- {mark.kind} {mark.rule}]", STYLES["-"]
    return f"[> {mark.kind} {mark.rule} -> {mark.field}]", STYLES[">"]


def _edit_line(edit: Edit) -> tuple[str, str]:
    return f"[~ {edit.kind} {edit.rule}] removed {edit.text!r}", STYLES["~"]


def _summary(doc: Document) -> str:
    kinds = Counter(b.mark.kind for b in doc.blocks if b.mark)
    moved = sum(1 for b in doc.blocks if b.mark and b.mark.field)
    by_kind = ", ".join(f"{kind} {n}" for kind, n in kinds.most_common()) or "none"
    return f"blocks: {len(doc.kept())} kept, {sum(kinds.values()) - moved} removed, {moved} moved ({by_kind})"


def explain(doc: Document, match: OutletMatch | None) -> Text:
    """The marked document as styled text; `.plain` is the same without colour."""
    out = Text()
    for line in outlet_lines(match):
        out.append(line + "\n", style=HEADING_STYLE)
    if doc.extraction is not None:
        out.append(
            f"extraction: {doc.extraction.route}: {doc.extraction.reason}\n", style=HEADING_STYLE
        )
    for warning in doc.warnings:
        out.append(f"warning: {warning}\n", style=WARNING_STYLE)
    out.append("\n")
    edits: dict[int, list[Edit]] = {}
    for edit in doc.edits:
        edits.setdefault(edit.start, []).append(edit)
    gutter = " " * (LINE_NUMBER_WIDTH + 1)
    for block in doc.blocks:
        out.append(f"{block.start:>{LINE_NUMBER_WIDTH}} ", style="dim")
        if (shown := marker(block)) is not None:
            out.append(shown[0], style=f"bold {shown[1]}")
            out.append(" " + block.raw + "\n", style=REMOVED_TEXT_STYLE)
        else:
            out.append(block.raw + "\n")
        for edit in edits.get(block.start, []):
            label, style = _edit_line(edit)
            out.append(gutter)
            out.append(label + "\n", style=style)
    out.append("\n" + _summary(doc) + "\n", style=HEADING_STYLE)
    return out
