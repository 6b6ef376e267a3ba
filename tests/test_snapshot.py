"""scripts/snapshot.py, the gate every refactoring step passes: same outputs, or a list of pages
and fields that changed."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from .conftest import load_script

snap = load_script("snapshot")


def test_first_difference_names_the_field() -> None:
    before = {"text": "a", "metadata": {"authors": ["X"], "removed": [{"rule": "r1"}]}}
    after = {"text": "a", "metadata": {"authors": ["X"], "removed": [{"rule": "r2"}]}}
    assert snap.first_difference(before, after) == "metadata.removed[0].rule"
    assert snap.first_difference({"text": "a"}, {"text": "b"}) == "text"


def test_seeds_compare_equal_then_a_change_is_caught(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setattr(snap, "OUT", tmp_path)
    assert snap.main(["record", "--corpus", "seeds", "--jobs", "1"]) == 0
    assert snap.main(["compare", "--corpus", "seeds", "--jobs", "1"]) == 0
    assert "5 pages, 0 differ" in capsys.readouterr().out

    base = tmp_path / "base" / "seeds-text.jsonl"
    rows = [json.loads(line) for line in base.read_text(encoding="utf-8").splitlines()]
    rows[2]["result"]["metadata"]["title"] = "another title"
    base.write_text("".join(json.dumps(r) + "\n" for r in rows), encoding="utf-8")
    assert snap.main(["compare", "--corpus", "seeds", "--jobs", "1"]) == 1
    assert f"{rows[2]['id']}: metadata.title" in capsys.readouterr().out
