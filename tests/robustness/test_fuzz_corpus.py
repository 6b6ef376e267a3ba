"""Every input the fuzzer (scripts/fuzz.py) ever broke a target with, and the crashes issue 13
found, kept as regression tests: each is refused or cleaned, never more."""

from __future__ import annotations

from pathlib import Path

import pytest

from .fuzz_targets import CORPUS, TARGETS, run_target

CASES = sorted(CORPUS.glob("*.bin"))


def test_the_corpus_covers_every_target() -> None:
    assert {path.name.split("-")[0] for path in CASES} == set(TARGETS)


@pytest.mark.parametrize("path", CASES, ids=[path.stem for path in CASES])
def test_a_corpus_input_is_refused_or_cleaned(path: Path) -> None:
    run_target(path.name.split("-")[0], path.read_bytes())
