"""Same outlet, new article: every pack cleans documents built from its outlet's furniture
around article text it has never seen. Fixtures live in tests/outlets/<pack id>/."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from cleaner import Cleaner
from cleaner.packs import PackSet

from .conftest import ROOT

OUTLETS = ROOT / "tests" / "outlets"
PACK_IDS = sorted(PackSet.load().packs)


def _fixtures() -> list[Path]:
    return sorted(p for p in OUTLETS.glob("*/*") if ".expected." not in p.name)


@pytest.mark.parametrize("pack_id", PACK_IDS)
def test_every_pack_has_a_new_article_fixture(pack_id: str) -> None:
    assert [p for p in _fixtures() if p.parent.name == pack_id], f"tests/outlets/{pack_id}/ has no fixture"


@pytest.mark.parametrize("path", _fixtures(), ids=lambda p: f"{p.parent.name}/{p.name}")
def test_pack_cleans_a_new_article_exactly(cleaner: Cleaner, path: Path) -> None:
    result = cleaner.clean_file(path)
    stem = path.with_suffix("")
    assert result.text == stem.with_suffix(".expected.txt").read_text(encoding="utf-8")
    expected = json.loads(stem.with_suffix(".expected.json").read_text(encoding="utf-8"))
    meta = result.metadata.model_dump()
    assert (meta["outlet"] or {}).get("id") == expected.pop("outlet")
    assert {k: meta[k] for k in expected} == expected
