"""The evaluation scripts stop with a clear message, not a score of zero, when their data is
missing (a checkout without ../shared/bench)."""

from __future__ import annotations

from pathlib import Path

import pytest

from .conftest import load_script


@pytest.mark.parametrize("script", ["bench_quality", "bench_html"])
def test_a_missing_bench_folder_is_an_error(script: str, tmp_path: Path, capsys) -> None:
    with pytest.raises(SystemExit) as stop:
        load_script(script).main(["--bench", str(tmp_path / "bench")])
    message = str(stop.value.code) + capsys.readouterr().err
    assert stop.value.code not in (0, None)
    assert str(tmp_path / "bench") in message


def test_loading_a_missing_corpus_is_an_error(tmp_path: Path) -> None:
    with pytest.raises(SystemExit, match="index.jsonl not found"):
        load_script("corpora").load("bench", tmp_path)
