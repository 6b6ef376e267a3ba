"""Hostile packs: a catastrophic regex costs one time limit per document and is reported, never
a hang; a failing rule leaves no half of its work behind; everything else still runs."""

from __future__ import annotations

from pathlib import Path

import pytest

from cleaner import Cleaner
from cleaner.detect import detect
from cleaner.model import Document
from cleaner.packs import Pack, PackError, PackSet, apply_pack
from cleaner.segment import segment

from ..conftest import document_of
from .hostile import CATASTROPHIC, HOSTILE_LINE

PARAGRAPH = (
    "A paragraph of article text, long enough to be kept, about the minister's visit on Monday."
)
ONE_MB = 2**20
QUICK_TIMEOUT = 0.05  # seconds: small cases need not wait the whole limit to show it works


@pytest.fixture
def quick(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr("cleaner.packs.apply.REGEX_TIMEOUT", QUICK_TIMEOUT)


def _pack(rules: list[dict], detect_patterns: tuple[str, ...] = ("^Hostile News$",)) -> Pack:
    return Pack.model_validate(
        {
            "id": "hostile",
            "name": "Hostile",
            "domains": ["hostile.example"],
            "detect": [{"pattern": p, "weight": 3} for p in detect_patterns],
            "rules": rules,
        }
    )


def _marked(doc: Document) -> list[str]:
    return [b.mark.rule for b in doc.blocks if b.mark]


def test_a_catastrophic_rule_on_1_mb_is_reported_once_and_the_rest_still_runs(
    tmp_path: Path,
) -> None:
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
    assert timed_out == [
        f"rule hostile.catastrophe skipped: pattern '{CATASTROPHIC}' timed out after 1 s on this document"
    ]
    rules = {r.rule for r in result.metadata.removed}
    assert {"hostile.ad", "generic.advertisement"} <= rules and "hostile.catastrophe" not in rules
    assert PARAGRAPH in result.text


def test_a_rule_that_times_out_marks_nothing_even_where_it_matched(quick: None) -> None:
    doc = document_of("Short", PARAGRAPH, HOSTILE_LINE, "Word")
    apply_pack(
        _pack([{"id": "words", "kind": "promo", "action": "drop", "pattern": CATASTROPHIC}]), doc
    )
    assert _marked(doc) == []
    assert [w.split(":")[0] for w in doc.warnings] == ["rule hostile.words skipped"]


def test_a_replace_that_times_out_edits_nothing(quick: None) -> None:
    doc = document_of("Short", PARAGRAPH, HOSTILE_LINE)
    apply_pack(
        _pack(
            [
                {
                    "id": "strip",
                    "kind": "markup",
                    "action": "replace",
                    "pattern": CATASTROPHIC,
                    "with": "x",
                }
            ]
        ),
        doc,
    )
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
    assert [w.split(":")[0] for w in doc.warnings] == [
        "rule hostile.head skipped",
        "rule hostile.foot skipped",
    ]


def test_a_catastrophic_detect_signature_scores_nothing_and_is_reported(
    tmp_path: Path, quick: None
) -> None:
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
    match = detect(
        segment(f"{HOSTILE_LINE}\n\n{PARAGRAPH}\n\nHostile News"),
        PackSet.load([tmp_path]),
        None,
        warnings,
    )
    assert match is not None and match.pack.id == "hostile" and match.score == 3
    assert warnings == [
        f"a detect signature of pack hostile skipped: pattern '{CATASTROPHIC}' timed out after {QUICK_TIMEOUT:g} s on this document"
    ]


BILLION_LAUGHS = """\
format: 1
id: laughs
name: Laughs
domains: [laughs.example]
a: &a ["lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol"]
b: &b [*a, *a, *a, *a, *a, *a, *a, *a, *a]
c: &c [*b, *b, *b, *b, *b, *b, *b, *b, *b]
d: &d [*c, *c, *c, *c, *c, *c, *c, *c, *c]
e: &e [*d, *d, *d, *d, *d, *d, *d, *d, *d]
f: &f [*e, *e, *e, *e, *e, *e, *e, *e, *e]
g: &g [*f, *f, *f, *f, *f, *f, *f, *f, *f]
h: &h [*g, *g, *g, *g, *g, *g, *g, *g, *g]
i: &i [*h, *h, *h, *h, *h, *h, *h, *h, *h]
"""


@pytest.mark.parametrize(
    ("content", "problem"),
    [
        (BILLION_LAUGHS, "more than 100,000 values once aliases are expanded"),
        ("id: deep\nx: " + "[" * 50_000 + "]" * 50_000 + "\n", "nested more than 64 deep"),
        (
            "id: big\nname: Big\ndomains: [big.example]\n# " + "x" * 2**20 + "\n",
            "over 1,048,576 bytes",
        ),
        (
            "format: 1\nid: long\nname: Long\ndomains: [long.example]\nrules:\n"
            f"  - {{id: r, kind: promo, action: drop, pattern: '{'|'.join(f'w{i:05}' for i in range(2000))}'}}\n",
            "regex of 13,999 characters, over the limit of 10,000",
        ),
        (  # 30 characters that took all 24 GB of memory to compile
            "format: 1\nid: rep\nname: Rep\ndomains: [rep.example]\nrules:\n"
            "  - {id: r, kind: promo, action: drop, pattern: '(?:(?:(?:a{1000}){1000}){1000})'}\n",
            "nested counted repeats multiply to 1,000,000,000, over the limit of 100,000",
        ),
    ],
    ids=[
        "billion laughs",
        "nested 50,000 deep",
        "over 1 MiB",
        "a 14,000-character pattern",
        "nested counted repeats",
    ],
)
def test_a_pack_too_big_or_too_deep_is_refused_with_its_reason(
    tmp_path: Path, content: str, problem: str
) -> None:
    (tmp_path / "hostile.yaml").write_text(content, encoding="utf-8")
    with pytest.raises(PackError, match=problem):
        PackSet.load([tmp_path])


def test_fifty_catastrophic_rules_share_one_budget_per_pack(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr("cleaner.packs.apply.REGEX_TIMEOUT", QUICK_TIMEOUT)
    monkeypatch.setattr("cleaner.packs.apply.PACK_REGEX_BUDGET", 3 * QUICK_TIMEOUT)
    rules = [
        {"id": f"r{i}", "kind": "promo", "action": "drop", "pattern": CATASTROPHIC}
        for i in range(50)
    ]
    doc = document_of(PARAGRAPH, HOSTILE_LINE)
    apply_pack(
        _pack([*rules, {"id": "ad", "kind": "advertisement", "action": "drop", "text": "Word"}]),
        doc,
    )
    timed_out = [w for w in doc.warnings if "timed out after" in w]
    not_run = [w for w in doc.warnings if "regex time on this document ran out" in w]
    assert 1 <= len(timed_out) <= 4 and len(timed_out) + len(not_run) == 50


def test_catastrophic_signatures_of_many_packs_share_one_budget(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Ten packs of three such signatures took 32 s a document, a budget each."""
    monkeypatch.setattr("cleaner.packs.apply.REGEX_TIMEOUT", QUICK_TIMEOUT)
    monkeypatch.setattr("cleaner.detect.DETECT_REGEX_BUDGET", 3 * QUICK_TIMEOUT)
    for i in range(10):
        (tmp_path / f"hostile{i}.yaml").write_text(
            f"format: 1\nid: hostile{i}\nname: Hostile {i}\ndomains: [h{i}.example]\n"
            "detect:\n  - {pattern: '^(\\w|\\w\\w)+$', weight: 3}\n",
            encoding="utf-8",
        )
    warnings: list[str] = []
    detect(segment(f"{HOSTILE_LINE}\n\n{PARAGRAPH}"), PackSet.load([tmp_path]), None, warnings)
    timed_out = [w for w in warnings if "timed out after" in w]
    not_run = [w for w in warnings if "the signatures' 0.15 s of regex time" in w]
    assert 1 <= len(timed_out) <= 4 and len(timed_out) + len(not_run) == 10
