"""Same outlet, new article: every pack cleans documents built from its outlet's furniture
around article text it has never seen. Fixtures live in tests/outlets/<pack id>/.

A folder of five dumps or more is a new outlet's set (README.md there): its pack, built from
three of them, must clean all five exactly, and with no pack at all the generic layer must
score F1 0.98 on them by the benchmark's metric."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from cleaner import Cleaner
from cleaner.authoring.draft import render
from cleaner.authoring.suggest import analyse
from cleaner.packs import PackSet, read_pack

from .conftest import ROOT, load_script

OUTLETS = ROOT / "tests" / "outlets"
PACK_IDS = sorted(PackSet.load().packs)
OUTLET_SET = 5  # dumps in a new outlet's set
MIN_GENERIC_F1 = 0.98


def _fixtures() -> list[Path]:
    return sorted(p for p in OUTLETS.glob("*/*") if ".expected." not in p.name)


@pytest.mark.parametrize("pack_id", PACK_IDS)
def test_every_pack_has_a_new_article_fixture(pack_id: str) -> None:
    assert [p for p in _fixtures() if p.parent.name == pack_id], (
        f"tests/outlets/{pack_id}/ has no fixture"
    )


@pytest.mark.parametrize("path", _fixtures(), ids=lambda p: f"{p.parent.name}/{p.name}")
def test_pack_cleans_a_new_article_exactly(cleaner: Cleaner, path: Path) -> None:
    result = cleaner.clean_file(path)
    stem = path.with_suffix("")
    assert result.text == stem.with_suffix(".expected.txt").read_text(encoding="utf-8")
    expected = json.loads(stem.with_suffix(".expected.json").read_text(encoding="utf-8"))
    meta = result.metadata.model_dump()
    assert (meta["outlet"] or {}).get("id") == expected.pop("outlet")
    assert {k: meta[k] for k in expected} == expected


def _outlet_sets() -> list[Path]:
    """The folders of a new outlet's set; the others hold a pack's one or two new articles."""
    folders = sorted(p for p in OUTLETS.iterdir() if p.is_dir())
    return [f for f in folders if sum(p.parent == f for p in _fixtures()) >= OUTLET_SET]


def test_the_made_up_outlets_are_there() -> None:
    assert len(_outlet_sets()) >= 2


@pytest.mark.parametrize("folder", _outlet_sets(), ids=lambda p: p.name)
def test_with_no_pack_the_generic_layer_reaches_f1_098_on_a_new_outlet(folder: Path) -> None:
    dumps = [p for p in _fixtures() if p.parent == folder]
    metric = load_script("metric")
    bare = Cleaner(packs=PackSet({}))
    scores = [
        metric.score_pair(
            bare.clean_file(p).text,
            p.with_suffix("").with_suffix(".expected.txt").read_text(encoding="utf-8"),
        )
        for p in dumps
    ]
    precision = sum(s.precision for s in scores) / len(scores)
    recall = sum(s.recall for s in scores) / len(scores)
    assert 2 * precision * recall / (precision + recall) >= MIN_GENERIC_F1


@pytest.mark.parametrize("folder", _outlet_sets(), ids=lambda p: p.name)
def test_the_unedited_draft_from_three_dumps_cleans_all_five_exactly(
    folder: Path, tmp_path: Path
) -> None:
    """`clean rules suggest` on the three dumps the finished pack was built from (its fixture
    examples) cuts the page head above the headline and the page foot below the article, so the
    draft alone already cleans the held-out dumps as the finished pack does."""
    finished = read_pack(ROOT / "rules" / f"{folder.name}.yaml").pack
    samples = [ROOT / "rules" / e.fixture for e in finished.examples if e.fixture]
    assert len(samples) == 3
    findings = analyse(samples, finished.id, [finished.name, *finished.domains])
    draft = tmp_path / f"{finished.id}.yaml"
    draft.write_text(render(findings, finished.id, finished.name, list(finished.domains)))
    text = draft.read_text(encoding="utf-8")
    assert "action: cut-header" in text and "action: cut-footer" in text
    cleaner = Cleaner(packs=PackSet({finished.id: read_pack(draft)}))
    for dump in (p for p in _fixtures() if p.parent == folder):
        result = cleaner.clean_file(dump)
        stem = dump.with_suffix("")
        assert result.text == stem.with_suffix(".expected.txt").read_text(encoding="utf-8"), dump
        expected = json.loads(stem.with_suffix(".expected.json").read_text(encoding="utf-8"))
        meta = result.metadata.model_dump()
        assert {k: meta[k] for k in expected if k != "outlet"} == {
            k: v for k, v in expected.items() if k != "outlet"
        }, dump
