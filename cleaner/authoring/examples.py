"""Run a pack's own examples: the full cleaner, with the pack forced, on each small case.

An inline example passes when every `keep` string is in the cleaned text, every `drop` string
(which must occur in the input, or the example proves nothing) is not, and every rule it names
left a removal record. A fixture example must also clean to its `NAME.expected.txt` exactly.
"""

from __future__ import annotations

import difflib
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from ..budget import DEFAULT_MAX_BYTES
from ..inline import normalize_space
from ..read import InputError, read_path
from ..packs.errors import display_path
from ..packs.loader import LoadedPack
from ..packs.schema import Example

if TYPE_CHECKING:  # the pipeline imports this package; a runtime import would be circular
    from ..pipeline import Cleaner
    from ..result import Result

EXPECTED_SUFFIX = ".expected.txt"


@dataclass
class Outcome:
    """One example's run: what was wrong (nothing when it passed) and the text it produced."""

    pack_id: str
    label: str
    where: str  # `file:line` of the example in its pack
    failures: list[str] = field(default_factory=list)
    fired: set[str] = field(default_factory=set)
    actual: str = ""
    expected: str | None = None

    @property
    def passed(self) -> bool:
        return not self.failures

    def report(self) -> str:
        """The failures with the expected and actual text, as `clean rules test` prints them."""
        lines = [f"{self.where}: FAILED {self.pack_id} example {self.label!r}"]
        lines += [f"  - {failure}" for failure in self.failures]
        if self.expected is not None:
            diff = difflib.unified_diff(
                self.expected.splitlines(),
                self.actual.splitlines(),
                "expected",
                "actual",
                lineterm="",
            )
            lines += ["  " + line for line in diff]
        else:
            lines += ["  actual output:"] + ["  | " + line for line in self.actual.splitlines()]
        return "\n".join(lines)


def _check_strings(example: Example, source: str, result: Result, outcome: Outcome) -> None:
    text, source = normalize_space(result.text), normalize_space(source)
    for wanted in map(normalize_space, example.keep):
        if wanted not in text:
            outcome.failures.append(f"keep {wanted!r} is missing from the output")
    for unwanted in map(normalize_space, example.drop):
        if unwanted not in source:
            outcome.failures.append(
                f"drop {unwanted!r} does not occur in the input, so the example proves nothing"
            )
        elif unwanted in text:
            outcome.failures.append(f"drop {unwanted!r} is still in the output")


def _fixture(
    cleaner: Cleaner, loaded: LoadedPack, example: Example, outcome: Outcome
) -> tuple[str, Result] | None:
    """Clean the fixture next to the pack and compare it with NAME.expected.txt beside it; one
    larger than `clean`'s default --max-bytes is refused unread (a 300 MB one took 3 GB)."""
    path = loaded.path.parent / str(example.fixture)
    expected_path = path.with_name(path.stem + EXPECTED_SUFFIX)
    try:
        doc = read_path(path, DEFAULT_MAX_BYTES)
    except InputError as err:
        outcome.failures.append(f"fixture {display_path(path)}: {err}")
        return None
    try:
        outcome.expected = expected_path.read_text(encoding="utf-8")
    except (OSError, UnicodeError) as err:
        outcome.failures.append(
            f"cannot read {display_path(expected_path)}: {getattr(err, 'strerror', None) or err}"
        )
        return None
    source, result = doc.text, cleaner.clean_document(doc, loaded.pack.id)
    if result.text != outcome.expected:
        outcome.failures.append(f"the output differs from {display_path(expected_path)}")
    return source, result


def _run(cleaner: Cleaner, loaded: LoadedPack, example: Example, outcome: Outcome) -> None:
    ran: tuple[str, Result] | None
    if example.input is not None:
        ran = example.input, cleaner.clean_text(example.input, outlet=loaded.pack.id)
    else:
        ran = _fixture(cleaner, loaded, example, outcome)
    if ran is None:
        return
    source, result = ran
    outcome.actual = result.text
    outcome.fired = {removal.rule for removal in result.metadata.removed}
    _check_strings(example, source, result, outcome)
    for ref in map(loaded.pack.full_rule_id, example.rules):
        if ref not in outcome.fired:
            outcome.failures.append(
                f"rule {ref!r} did not fire (fired: {', '.join(sorted(outcome.fired)) or 'none'})"
            )


def run_example(cleaner: Cleaner, loaded: LoadedPack, index: int) -> Outcome:
    """The pack's example number `index`; `cleaner` must hold the pack."""
    example = loaded.pack.examples[index]
    line, _ = loaded.tree.marks[("examples", index)]
    outcome = Outcome(loaded.pack.id, example.label, f"{display_path(loaded.path)}:{line}")
    _run(cleaner, loaded, example, outcome)
    return outcome


def run_examples(cleaner: Cleaner, loaded: LoadedPack) -> list[Outcome]:
    return [run_example(cleaner, loaded, index) for index in range(len(loaded.pack.examples))]


def unexercised(loaded: LoadedPack, outcomes: list[Outcome]) -> list[str]:
    """Ids of the pack's rules that no example saw fire."""
    fired = set().union(*(o.fired for o in outcomes)) if outcomes else set()
    return [rule.id for rule in loaded.pack.rules if loaded.pack.rule_id(rule) not in fired]
