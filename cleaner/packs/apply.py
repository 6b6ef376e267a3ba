"""Apply one outlet pack's rules to a document's blocks, in the order the pack lists them.

Packs are written by many hands, so no rule can take a document down with it: each pattern has
`REGEX_TIMEOUT` seconds for the whole document, and all of a pack's patterns together have
`PACK_REGEX_BUDGET` (fifty catastrophic rules cost 3 s, not 50). A rule that runs out of time
is skipped for that document and named in its warnings, while the pack's other rules and the
generic heuristics still run. A rule marks nothing until it has looked at every block, so a
skipped rule leaves no half of its work behind.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from os.path import commonprefix

import regex

from ..inline import plain
from ..model import Block, Document, Edit, Mark
from .schema import DropRule, FooterRule, HeaderRule, Matcher, MoveRule, Pack, ReplaceRule, Rule

REGEX_TIMEOUT = 1.0  # seconds one pack pattern may spend on one document, over all its blocks
PACK_REGEX_BUDGET = 3.0  # seconds all of one pack's patterns may spend on one document


class RuleFailed(Exception):
    """A pack pattern that cannot finish on this document; the message says why."""


class NoAnchor(Exception):
    """A cut rule whose anchor is not on this page (a variant without the banner it cuts to):
    it does nothing, which the author should hear of rather than find by trial."""


class Timed:
    """A pack pattern on one document. Each call gets what is left of the document's time
    limit, so a catastrophic pattern costs one limit per document, not one per block."""

    def __init__(
        self,
        pattern: regex.Pattern[str],
        deadline: float | None = None,
        budget: Budget | None = None,
    ) -> None:
        """`deadline` (a `time.monotonic()` value) shares another Timed's limit; `budget` may
        run out first."""
        self.pattern = pattern
        self.budget = budget
        own = time.monotonic() + REGEX_TIMEOUT if deadline is None else deadline
        self.deadline = own if budget is None else min(own, budget.deadline)
        self.by_pack = self.deadline != own

    def _left(self) -> float:
        left = self.deadline - time.monotonic()
        if left <= 0:
            raise self._timed_out()
        return left

    def _timed_out(self) -> RuleFailed:
        if self.by_pack and self.budget is not None:
            spent = f"{self.budget.owner} {self.budget.seconds:g} s of regex time on this document"
            return RuleFailed(f"pattern '{self.pattern.pattern}' not run: {spent} ran out")
        return RuleFailed(
            f"pattern '{self.pattern.pattern}' timed out after {REGEX_TIMEOUT:g} s on this document"
        )

    def sharing(self, pattern: regex.Pattern[str]) -> Timed:
        """Another pattern on the same limit (a signature's page-wide form)."""
        other = Timed(pattern, self.deadline)
        other.by_pack, other.budget = self.by_pack, self.budget
        return other

    def found(self, text: str) -> bool:
        """Whether the pattern occurs in `text`."""
        return self.search(text) is not None

    def search(self, text: str, pos: int = 0) -> regex.Match[str] | None:
        try:
            return self.pattern.search(text, pos, timeout=self._left())
        except TimeoutError:
            raise self._timed_out() from None

    def sub(self, replace: Callable[[regex.Match[str]], str], text: str) -> str:
        try:
            return self.pattern.sub(replace, text, timeout=self._left())
        except TimeoutError:
            raise self._timed_out() from None


class Budget:
    """Regex time on one document: one pack's rules' (PACK_REGEX_BUDGET), or whose `owner` says."""

    def __init__(self, seconds: float | None = None, owner: str = "the pack's") -> None:
        self.seconds = PACK_REGEX_BUDGET if seconds is None else seconds
        self.owner = owner
        self.deadline = time.monotonic() + self.seconds

    def timed(self, pattern: regex.Pattern[str]) -> Timed:
        return Timed(pattern, budget=self)


def _matches(matcher: Matcher, pattern: Timed | None, block: Block) -> bool:
    subject = block.raw if matcher.raw else block.text
    if matcher.text is not None and subject != matcher.text:
        return False
    return pattern is None or pattern.found(subject)


def _select(matcher: Matcher, blocks: list[Block], budget: Budget) -> list[Block]:
    if matcher.at is not None:  # among the blocks still in the text, as the author sees them
        candidates = [b for b in blocks if b.mark is None]
        position = matcher.at - 1 if matcher.at > 0 else len(candidates) + matcher.at
        candidates = candidates[position : position + 1] if 0 <= position < len(candidates) else []
    else:
        candidates = blocks
    pattern = budget.timed(matcher.pattern) if matcher.pattern is not None else None
    return [b for b in candidates if b.mark is None and _matches(matcher, pattern, b)]


def _header(rule: HeaderRule, blocks: list[Block], budget: Budget) -> list[Block]:
    until = budget.timed(rule.until)
    last = None
    for block in blocks[: rule.within]:
        if until.found(block.text):
            last = block.index
    if last is None:
        raise NoAnchor(f"cut nothing: `until` matched none of the first {rule.within} blocks")
    return blocks[: last + 1] if rule.inclusive else blocks[:last]


def _footer(rule: FooterRule, blocks: list[Block], budget: Budget) -> list[Block]:
    from_ = budget.timed(rule.from_)
    seen_kept = 0
    for block in blocks:
        if seen_kept >= rule.after and from_.found(block.text):
            return blocks[block.index :]
        seen_kept += block.mark is None
    raise NoAnchor(f"cut nothing: `from` matched no block after the first {rule.after} kept")


def _taken(match: regex.Match[str], replacement: str) -> str:
    """What a replacement took out of its match: the match less the start and end it kept."""
    text = match.group(0)
    head = len(commonprefix([text, replacement]))
    tail = len(commonprefix([text[head:][::-1], replacement[head:][::-1]]))
    return text[head : len(text) - tail]


def _replaced(rule: ReplaceRule, raw: str, pattern: Timed) -> tuple[str, list[str]]:
    """The block's new source and the pieces the rule took out of it. A replace rule takes text
    out: one that makes a block longer (a template repeating its groups would multiply the text,
    rule after rule) fails on this document, stopped as soon as it has doubled a block."""
    removed: list[str] = []
    grown = 0

    def replace(match: regex.Match[str]) -> str:  # the template fits the pattern: checked at load
        nonlocal grown
        replacement = match.expand(rule.with_)
        grown += len(replacement) - len(match.group(0))
        if grown > len(raw):
            raise _longer(rule, raw, grown)
        removed.append(_taken(match, replacement))
        return replacement

    new = pattern.sub(replace, raw)
    if grown > 0:  # len(new) - len(raw), counted match by match
        raise _longer(rule, raw, grown)
    return new, [piece for piece in removed if piece]


def _longer(rule: ReplaceRule, raw: str, grown: int) -> RuleFailed:
    return RuleFailed(
        f"replacement '{rule.with_}' made a block of {len(raw):,} characters {grown:,} longer;"
        " a replace rule takes text out"
    )


def _replace(rule: ReplaceRule, doc: Document, mark: Mark, budget: Budget) -> None:
    pattern = budget.timed(rule.pattern)
    changed = [
        (block, *_replaced(rule, block.raw, pattern)) for block in doc.blocks if block.mark is None
    ]
    for block, raw, removed in changed:
        if not removed:
            continue
        if not plain(raw):  # emptied: the block goes whole, recorded with the text it had
            block.mark = mark
            continue
        block.raw = raw
        block.text = plain(raw)
        doc.edits.append(Edit(mark.kind, mark.rule, block.start, block.end, " … ".join(removed)))


def _targets(rule: Rule, blocks: list[Block], budget: Budget) -> list[Block]:
    if isinstance(rule, (DropRule, MoveRule)):
        return _select(rule, blocks, budget)
    if isinstance(rule, HeaderRule):
        return _header(rule, blocks, budget)
    assert isinstance(rule, FooterRule)
    return _footer(rule, blocks, budget)


def apply_pack(pack: Pack, doc: Document) -> None:
    budget = Budget()
    for rule in pack.rules:
        mark = Mark(rule.kind, pack.rule_id(rule), rule.to if isinstance(rule, MoveRule) else None)
        try:
            if isinstance(rule, ReplaceRule):
                _replace(rule, doc, mark, budget)
                continue
            targets = _targets(rule, doc.blocks, budget)
        except RuleFailed as err:
            doc.warnings.append(f"rule {mark.rule} skipped: {err}")
            continue
        except NoAnchor as err:
            doc.warnings.append(f"rule {mark.rule} {err}")
            continue
        for block in targets:
            if block.mark is None:
                block.mark = mark
