"""How far a dump's article reaches past the blocks the body model kept (`heuristics.extent`)."""

from __future__ import annotations

import numpy as np
import pytest

from cleaner.heuristics import extent, lexicon
from cleaner.heuristics.body import BODY, BODY_FEATURES, page_rows
from cleaner.model import Mark

from ..conftest import blocks_of
from .test_body import FOOTER, MENU, PROSE


def mask(bits: str) -> np.ndarray:
    return np.array([bit == "1" for bit in bits])


@pytest.mark.parametrize(
    ("kept", "unmarked", "ends", "region"),
    [
        # the run around the kept block, as far as the outermost sentence ends on each side
        ("0010000", "1111111", "1010100", "1111100"),
        # a marked block stops it; a run without a kept block is not joined
        ("0010000", "1110111", "1111111", "1110000"),
        # a list or a subheading between two sentences is taken, tags at the edge are not
        ("0100000", "1111111", "0100100", "0111100"),
        ("0000000", "1111111", "1111111", "0000000"),
    ],
)
def test_the_region_reaches_the_outermost_sentence_of_the_kept_blocks_run(
    kept: str, unmarked: str, ends: str, region: str
) -> None:
    assert (extent.region(mask(kept), mask(unmarked), mask(ends)) == mask(region)).all()


def test_the_region_of_a_long_page_is_found_in_one_pass() -> None:
    """Linear in the blocks: a hostile page of 200,000 kept blocks takes no quadratic scan."""
    many = np.ones(200_000, dtype=bool)
    assert extent.region(many, many, many).all()


class Fixed:
    def __init__(self, p: float) -> None:
        self.p = p

    def predict(self, rows: np.ndarray) -> np.ndarray:
        return np.full(len(rows), self.p)


def test_a_candidate_replaces_the_kept_blocks_only_when_its_forest_is_confident() -> None:
    found = np.zeros(len(extent.EXTENT_FEATURES))
    assert extent.pick({"region": Fixed(0.4), "all": Fixed(0.3)}, found) is None
    assert extent.pick({"region": Fixed(0.6), "all": Fixed(0.7)}, found) == "all"
    assert extent.pick({}, found) is None


def test_the_evidence_reads_every_group_of_the_page() -> None:
    blocks = blocks_of(*MENU, *PROSE, *FOOTER)
    rows = page_rows(blocks, lexicon())
    scores = np.linspace(0.0, 1.0, len(blocks))
    unmarked = np.ones(len(blocks), dtype=bool)
    ends = extent.sentence_ends(rows, BODY_FEATURES)
    found = extent.evidence(rows, BODY_FEATURES, scores, unmarked, ends, 0.5)
    named = dict(zip(extent.EXTENT_FEATURES, found))
    assert len(found) == len(extent.EXTENT_FEATURES)
    assert named["share_all"] == pytest.approx(1.0) and named["max_score"] == 1.0
    assert 0.0 < named["share_kept"] < named["share_p0.3"] < named["share_p0.15"] < 1.0


@pytest.mark.parametrize(("best", "kept_prose"), [(None, 2), ("region", 4), ("all", 4)])
def test_the_body_keeps_what_the_chosen_candidate_holds(
    best: str | None, kept_prose: int, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The model keeps two paragraphs of four; the candidate the selector picks decides the
    rest (the menu's first line is marked by another rule, and the footer ends no sentence)."""
    monkeypatch.setattr(
        "cleaner.heuristics.body.scores",
        lambda model, blocks, rows: np.array([0.9 * (b.text in PROSE[:2]) + 0.1 for b in blocks]),
    )
    monkeypatch.setattr(extent, "pick", lambda forests, found: best)
    blocks = blocks_of(*MENU, *PROSE, *FOOTER)
    blocks[0].mark = Mark("navigation", "generic.navigation")
    removed = {b.text for b in BODY.find(blocks, lexicon())}
    assert len(set(PROSE) - removed) == kept_prose
    assert MENU[0] not in removed  # marked by its own rule, never by this one
    assert (FOOTER[0] in removed) is (best != "all")
