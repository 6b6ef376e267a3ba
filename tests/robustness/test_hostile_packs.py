"""Hostile packs: a catastrophic regex costs one time limit per document and is reported, never
a hang; a failing rule leaves no half of its work behind; everything else still runs."""

from __future__ import annotations

from pathlib import Path

import pytest

from cleaner import Cleaner
from cleaner.detect import detect
from cleaner.model import Document
from cleaner.packs import Pack, PackSet, apply_pack
from cleaner.segment import segment

from ..conftest import document_of
from .hostile import CATASTROPHIC, HOSTILE_LINE

PARAGRAPH = "A paragraph of article text, long enough to be kept, about the minister's visit on Monday."
ONE_MB = 2**20
QUICK_TIMEOUT = 0.05  # seconds: small cases need not wait the whole limit to show it works


@pytest.fixture
def quick(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr("cleaner.packs.apply.REGEX_TIMEOUT", QUICK_TIMEOUT)


def _pack(rules: list[dict], detect_patterns: tuple[str, ...] = ("^Hostile News$",)) -> Pack:
    return Pack.model_validate(
        {"id": "hostile", "name": "Hostile", "domains": ["hostile.example"], "detect": [{"pattern": p, "weight": 3} for p in detect_patterns], "rules": rules}
    )


def _marked(doc: Document) -> list[str]:
    return [b.mark.rule for b in doc.blocks if b.mark]


def test_a_catastrophic_rule_on_1_mb_is_reported_once_and_the_rest_still_runs(tmp_path: Path) -> None:
    pack = """\
format: 1
id: hostile
name: Hostile
domains: [hostile.example]
rules:
  - {id: catastrophe, kind: promo, action: drop, pattern: '^(\\w|\\w\\w)+$'}
  - {id: ad, kind: advertisement, action: drop, text: PACK-AD}
"""
    (tmp_path / "hostile.yaml").write_text(pack, encoding="utf-8")
    unit = f"{PARAGRAPH}\n\n{HOSTILE_LINE}\n\nPACK-AD\n\nADVERTISEMENT\n\n"
    text = unit * (ONE_MB // len(unit) + 1)
    assert len(text.encode()) > ONE_MB
    result = Cleaner(rules_dirs=[tmp_path]).clean_text(text, outlet="hostile")
    timed_out = [w for w in result.metadata.warnings if "timed out" in w]
    assert timed_out == [f"rule hostile.catastrophe skipped: pattern '{CATASTROPHIC}' timed out after 1 s on this document"]
    rules = {r.rule for r in result.metadata.removed}
    assert {"hostile.ad", "generic.advertisement"} <= rules and "hostile.catastrophe" not in rules
    assert PARAGRAPH in result.text


def test_a_rule_that_times_out_marks_nothing_even_where_it_matched(quick: None) -> None:
    doc = document_of("Short", PARAGRAPH, HOSTILE_LINE, "Word")
    apply_pack(_pack([{"id": "words", "kind": "promo", "action": "drop", "pattern": CATASTROPHIC}]), doc)
    assert _marked(doc) == []
    assert [w.split(":")[0] for w in doc.warnings] == ["rule hostile.words skipped"]


def test_a_replace_that_times_out_edits_nothing(quick: None) -> None:
    doc = document_of("Short", PARAGRAPH, HOSTILE_LINE)
    apply_pack(_pack([{"id": "strip", "kind": "markup", "action": "replace", "pattern": CATASTROPHIC, "with": "x"}]), doc)
    assert [b.raw for b in doc.blocks] == ["Short", PARAGRAPH, HOSTILE_LINE] and doc.edits == []
    assert "timed out" in doc.warnings[0]


def test_header_and_footer_rules_time_out_alone(quick: None) -> None:
    rules = [
        {"id": "head", "kind": "header", "action": "cut-header", "until": CATASTROPHIC},
        {"id": "foot", "kind": "footer", "action": "cut-footer", "from": CATASTROPHIC},
        {"id": "ad", "kind": "advertisement", "action": "drop", "text": "PACK-AD"},
    ]
    doc = document_of(HOSTILE_LINE, PARAGRAPH, HOSTILE_LINE, "PACK-AD", PARAGRAPH)
    apply_pack(_pack(rules), doc)
    assert _marked(doc) == ["hostile.ad"]
    assert [w.split(":")[0] for w in doc.warnings] == ["rule hostile.head skipped", "rule hostile.foot skipped"]


def test_a_catastrophic_detect_signature_scores_nothing_and_is_reported(tmp_path: Path, quick: None) -> None:
    pack = """\
format: 1
id: hostile
name: Hostile
domains: [hostile.example]
detect:
  - {pattern: '^(\\w|\\w\\w)+$', weight: 3}
  - {pattern: '^Hostile News$', weight: 3}
"""
    (tmp_path / "hostile.yaml").write_text(pack, encoding="utf-8")
    warnings: list[str] = []
    match = detect(segment(f"{HOSTILE_LINE}\n\n{PARAGRAPH}\n\nHostile News"), PackSet.load([tmp_path]), None, warnings)
    assert match is not None and match.pack.id == "hostile" and match.score == 3
    assert warnings == [f"a detect signature of pack hostile skipped: pattern '{CATASTROPHIC}' timed out after {QUICK_TIMEOUT:g} s on this document"]
