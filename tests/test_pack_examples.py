"""Each pack's own examples, one test each: every rule is tested on small cases of its own, in
the pack file next to the rule. Together the inline examples make every built-in rule fire."""

from __future__ import annotations

import pytest

from cleaner import Cleaner
from cleaner.packs import LoadedPack, PackSet
from cleaner.authoring.examples import run_example, run_examples, unexercised
from cleaner.packs.sources import BUILTIN

PACKS = PackSet.load()
CLEANER = Cleaner(packs=PACKS)
CASES = [
    (entry.pack.id, index)
    for entry in PACKS.loaded.values()
    for index in range(len(entry.pack.examples))
]
BUILTIN_PACKS = [entry for entry in PACKS.loaded.values() if entry.source == BUILTIN]


def _name(case: tuple[str, int]) -> str:
    pack_id, index = case
    return f"{pack_id}:{PACKS.get(pack_id).examples[index].label}"


@pytest.mark.parametrize("case", CASES, ids=map(_name, CASES))
def test_pack_example(case: tuple[str, int]) -> None:
    pack_id, index = case
    outcome = run_example(CLEANER, PACKS.entry(pack_id), index)
    assert outcome.passed, outcome.report()


def test_the_four_seed_packs_are_built_in() -> None:
    assert {e.pack.id for e in BUILTIN_PACKS} >= {
        "bloomberg",
        "theglobeandmail",
        "themoscowtimes",
        "vice",
    }


@pytest.mark.parametrize("entry", BUILTIN_PACKS, ids=lambda e: e.pack.id)
def test_inline_examples_make_every_rule_of_a_builtin_pack_fire(entry: LoadedPack) -> None:
    inline = [
        o
        for o, example in zip(run_examples(CLEANER, entry), entry.pack.examples)
        if example.input is not None
    ]
    assert inline, f"{entry.pack.id} has no inline example"
    assert unexercised(entry, inline) == []
