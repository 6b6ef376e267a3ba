"""Every README example marked "runs in the tests" runs here exactly as printed (read from
README.md, so the two cannot drift), each in a fresh process in a folder holding the files the
examples name; a check on what it produced follows it."""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from .conftest import ROOT, SEEDS, expected_text

MARK = "<!-- example: runs in the tests -->"
EXAMPLES = re.findall(
    rf"{re.escape(MARK)}\n```(\w+)\n(.*?)\n```",
    (ROOT / "README.md").read_text(encoding="utf-8"),
    re.DOTALL,
)
ARTICLE = SEEDS[4]
RECORDS = [
    {"id": i, "text": seed.read_text(encoding="utf-8"), "url": None} for i, seed in enumerate(SEEDS)
]
RECORDS[0]["url"] = "https://www.themoscowtimes.com/2020/09/14/a"
N = len(RECORDS)
# What each example must have produced, by a line it holds.
CHECKS = {
    "clean_file(": "assert result.text and result.metadata.title is not None",
    "pyarrow.json": f"assert cleaned.num_rows == {N} and cleaned.column('metadata')[0]['title']",
    "datasets.load_dataset": f"assert ds.num_rows == {N} and ds['clean_text'][0].as_py()",
    "ray.data": f"assert len(rows) == {N} and all(r['clean_text'] for r in rows)",
    "dask.dataframe": f"assert len(cleaned) == {N} and cleaned['clean_text'].notna().all()",
    "pyspark": f"assert cleaned.count() == {N} and cleaned.first()['clean_text']",
}


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    """The files the examples name."""
    shutil.copy(ARTICLE, tmp_path / "article.txt")
    shutil.copy(ROOT / "tests" / "html" / "fixtures" / "article.html", tmp_path / "page.html")
    lines = "".join(json.dumps(r) + "\n" for r in RECORDS)
    (tmp_path / "articles.jsonl").write_text(lines, encoding="utf-8")
    (tmp_path / "my-packs").mkdir()
    return tmp_path


def _env(folder: Path) -> dict[str, str]:
    bin_dir = str(Path(sys.executable).parent)
    return {
        **os.environ,
        "PATH": f"{bin_dir}{os.pathsep}{os.environ['PATH']}",
        "PYSPARK_PYTHON": sys.executable,
        "PYSPARK_DRIVER_PYTHON": sys.executable,
        "SPARK_LOCAL_IP": "127.0.0.1",
        "HF_HOME": str(folder / "hf"),
        "HF_HUB_OFFLINE": "1",
        "RAY_USAGE_STATS_ENABLED": "0",
    }


def test_the_readme_shows_each_engine() -> None:
    python = "\n".join(code for lang, code in EXAMPLES if lang == "python")
    assert all(key in python for key in CHECKS)
    assert [lang for lang, _ in EXAMPLES].count("sh") == 1


def _run_in(command: list[str], folder: Path) -> subprocess.CompletedProcess[str]:
    """Run an example as a reader would, in `folder`; it must succeed."""
    done = subprocess.run(
        command, cwd=folder, env=_env(folder), capture_output=True, text=True, timeout=600
    )
    assert done.returncode == 0, done.stderr[-4000:]
    return done


@pytest.mark.parametrize(
    "code",
    [c for lang, c in EXAMPLES if lang == "python"],
    ids=lambda c: next((k for k in CHECKS if k in c), "?").strip("(."),
)
def test_python_example_runs_as_printed(code: str, folder: Path) -> None:
    check = next(c for key, c in CHECKS.items() if key in code)
    _run_in([sys.executable, "-c", f"{code}\n{check}\n"], folder)


def test_shell_example_runs_as_printed(folder: Path) -> None:
    code = next(c for lang, c in EXAMPLES if lang == "sh")
    done = _run_in(["bash", "-euo", "pipefail", "-c", code], folder)
    assert (folder / "article.clean.txt").read_text(encoding="utf-8") == expected_text(ARTICLE.stem)
    assert json.loads(done.stdout) == {"id": 0, "text": json.loads(done.stdout)["text"]}
    cleaned = (folder / "cleaned.jsonl").read_text(encoding="utf-8").splitlines()
    assert len(cleaned) == N and "removed" not in json.loads(cleaned[0])["metadata"]
