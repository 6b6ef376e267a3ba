"""Kill a `clean` run with SIGKILL midway: no output may be partial, and a rerun with
--skip-existing must finish the batch with outputs identical to an uninterrupted run."""

from __future__ import annotations

import signal
import subprocess
import sys
import time
from pathlib import Path

from ..conftest import SEEDS

BATCH = 100  # documents: enough that the run is still going when it is killed
KILL_AFTER = 10  # complete outputs seen before the kill
POLL_SECONDS = 0.005
PATIENCE_SECONDS = 120
CLEAN = Path(sys.executable).with_name("clean")  # the installed console script


def _batch(folder: Path) -> None:
    folder.mkdir()
    seeds = "\n\n".join(seed.read_text(encoding="utf-8") for seed in SEEDS)
    for i in range(BATCH):
        (folder / f"doc{i:04}.txt").write_text(
            f"{seeds}\n\nDocument number {i} of the batch ends here.\n", encoding="utf-8"
        )


def _run(folder: Path, out: Path, *extra: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [str(CLEAN), str(folder), "-o", str(out), *extra],
        capture_output=True,
        text=True,
        check=False,
    )


def _outputs(out: Path) -> dict[str, bytes]:
    """Output files by name; the hidden temporary files a kill can leave are not outputs."""
    return {p.name: p.read_bytes() for p in out.iterdir() if not p.name.startswith(".")}


def _kill_midway(folder: Path, out: Path) -> None:
    run = subprocess.Popen(
        [str(CLEAN), str(folder), "-o", str(out)],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    deadline = time.monotonic() + PATIENCE_SECONDS
    while run.poll() is None and time.monotonic() < deadline:
        if out.is_dir() and sum(1 for _ in out.glob("*.json")) >= KILL_AFTER:
            break
        time.sleep(POLL_SECONDS)
    run.send_signal(signal.SIGKILL)
    assert run.wait() == -signal.SIGKILL, "the run ended before it could be killed"


def test_a_killed_run_leaves_no_partial_output_and_resumes(tmp_path: Path) -> None:
    folder, out, reference = tmp_path / "in", tmp_path / "out", tmp_path / "reference"
    _batch(folder)
    assert _run(folder, reference).returncode == 0
    expected = _outputs(reference)
    assert len(expected) == 2 * BATCH

    _kill_midway(folder, out)
    survived = _outputs(out)
    assert KILL_AFTER <= len(survived) < 2 * BATCH
    partial = [name for name, data in survived.items() if data != expected[name]]
    assert partial == [], "every output present after the kill is complete"
    leftovers = [p.name for p in out.iterdir() if p.name.startswith(".")]
    assert all(name.endswith(".tmp") for name in leftovers)

    resumed = _run(folder, out, "--skip-existing")
    assert resumed.returncode == 0, resumed.stderr
    whole_pairs = sum(
        1
        for name in survived
        if name.endswith(".json") and name.replace(".json", ".txt") in survived
    )
    assert f"{whole_pairs} skipped (outputs exist)" in resumed.stderr
    assert _outputs(out) == expected
