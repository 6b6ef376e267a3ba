"""One code style for every file, so a diff shows what changed and never how it was laid out:
ruff's formatter at 100 columns (`uv run --all-groups ruff format`; settings in pyproject)."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

from .conftest import ROOT


def _ruff() -> str:
    found = shutil.which("ruff", path=str(Path(sys.executable).parent))
    assert found, "ruff is in the dev group: run the tests with `uv run --all-groups pytest`"
    return found


def test_every_python_file_is_formatted() -> None:
    done = subprocess.run(
        [_ruff(), "format", "--check", "cleaner", "scripts", "tests"],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert done.returncode == 0, done.stdout + done.stderr
