"""Apply one outlet pack's rules to a document's blocks, in the order the pack lists them."""

from __future__ import annotations

from collections.abc import Iterator

from ..inline import plain
from ..model import Block, Document, Edit, Mark
from .schema import DropRule, FooterRule, HeaderRule, Matcher, MoveRule, Pack, ReplaceRule, Rule


def _not_dropped(blocks: list[Block]) -> list[Block]:
    """Blocks still in the article or moved to metadata: what `at` positions count."""
    return [b for b in blocks if b.mark is None or b.mark.field is not None]


def _matches(matcher: Matcher, block: Block) -> bool:
    subject = block.raw if matcher.raw else block.text
    if matcher.text is not None and subject != matcher.text:
        return False
    return matcher.pattern is None or matcher.pattern.search(subject) is not None


def _select(matcher: Matcher, blocks: list[Block]) -> Iterator[Block]:
    if matcher.at is not None:
        candidates = _not_dropped(blocks)
        position = matcher.at - 1 if matcher.at > 0 else len(candidates) + matcher.at
        candidates = candidates[position : position + 1] if 0 <= position < len(candidates) else []
    else:
        candidates = blocks
    return (b for b in candidates if b.mark is None and _matches(matcher, b))


def _header(rule: HeaderRule, blocks: list[Block]) -> list[Block]:
    last = None
    for block in blocks[: rule.within]:
        if rule.until.search(block.text):
            last = block.index
    if last is None:
        return []
    return blocks[: last + 1] if rule.inclusive else blocks[:last]


def _footer(rule: FooterRule, blocks: list[Block]) -> list[Block]:
    seen_kept = 0
    for block in blocks:
        if seen_kept >= rule.after and rule.from_.search(block.text):
            return blocks[block.index :]
        seen_kept += block.mark is None
    return []


def _replace(rule: ReplaceRule, doc: Document, mark: Mark) -> None:
    for block in doc.blocks:
        if block.mark is not None:
            continue
        removed = [m.group(0) for m in rule.pattern.finditer(block.raw)]
        if not removed:
            continue
        block.raw = rule.pattern.sub(rule.with_, block.raw)
        block.text = plain(block.raw)
        if block.text:
            doc.edits.append(Edit(mark.kind, mark.rule, block.start, block.end, " … ".join(removed)))
        else:
            block.mark = mark


def _targets(rule: Rule, blocks: list[Block]) -> list[Block]:
    if isinstance(rule, (DropRule, MoveRule)):
        return list(_select(rule, blocks))
    if isinstance(rule, HeaderRule):
        return _header(rule, blocks)
    assert isinstance(rule, FooterRule)
    return _footer(rule, blocks)


def apply_pack(pack: Pack, doc: Document) -> None:
    for rule in pack.rules:
        mark = Mark(rule.kind, pack.rule_id(rule), rule.to if isinstance(rule, MoveRule) else None)
        if isinstance(rule, ReplaceRule):
            _replace(rule, doc, mark)
            continue
        for block in _targets(rule, doc.blocks):
            if block.mark is None:
                block.mark = mark
