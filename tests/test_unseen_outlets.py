"""The generic layer on made-up outlets nobody wrote a pack or a rule from (tests/unseen/)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from cleaner import Cleaner
from cleaner.packs import PackSet

from .conftest import ROOT, load_script

UNSEEN = ROOT / "tests" / "unseen"
EXPECTED: dict[str, dict] = json.loads((UNSEEN / "expected.json").read_text(encoding="utf-8"))
MIN_F1 = 0.9  # over the eight pages, as scripts/metric.py aggregates a corpus
BARE = Cleaner(packs=PackSet({}))


def _dumps() -> list[Path]:
    return sorted(p for p in UNSEEN.glob("*.txt") if not p.name.endswith(".expected.txt"))


def test_every_page_has_its_text_and_its_metadata() -> None:
    assert sorted(p.stem for p in _dumps()) == sorted(EXPECTED)
    assert all(p.with_suffix(".expected.txt").is_file() for p in _dumps())


@pytest.mark.parametrize("page", sorted(EXPECTED))
def test_the_metadata_stated_on_an_unseen_outlets_page(page: str) -> None:
    metadata = BARE.clean_file(UNSEEN / f"{page}.txt").metadata
    assert {field: getattr(metadata, field) for field in EXPECTED[page]} == EXPECTED[page]


def test_the_text_of_unseen_outlets_pages() -> None:
    report = load_script("metric").score(
        (p.stem, BARE.clean_file(p).text, p.with_suffix(".expected.txt").read_text("utf-8"))
        for p in _dumps()
    )
    assert report.f1 >= MIN_F1
