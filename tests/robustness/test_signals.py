"""Killed runs (issue 13, items 1 and 10): a worker killed from outside costs nothing, SIGTERM is
handled as Ctrl-C, workers die with their parent, no temporary file survives a handled signal,
and these tests leave no process behind."""

from __future__ import annotations

import json
import os
import re
import signal
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path

import pytest

from cleaner.cores import usable_cores

from ..conftest import SEEDS

CLEAN = Path(sys.executable).with_name("clean")
BATCH = 150
PATIENCE_SECONDS = 60
POLL_SECONDS = 0.01
INTERRUPTED = 130


def _children(pid: int) -> list[int]:
    path = Path(f"/proc/{pid}/task/{pid}/children")
    return [int(p) for p in path.read_text().split()] if path.exists() else []


def _alive(pid: int) -> bool:
    try:
        return Path(f"/proc/{pid}/stat").read_text().split()[2] != "Z"
    except OSError:
        return False


def _wait_for(condition: Callable[[], bool], what: str) -> None:
    deadline = time.monotonic() + PATIENCE_SECONDS
    while not condition():
        assert time.monotonic() < deadline, f"gave up waiting for {what}"
        time.sleep(POLL_SECONDS)


@pytest.fixture
def batch(tmp_path: Path) -> Path:
    folder = tmp_path / "in"
    folder.mkdir()
    seeds = "\n\n".join(seed.read_text(encoding="utf-8") for seed in SEEDS)
    for i in range(BATCH):
        (folder / f"doc{i:04}.txt").write_text(
            f"{seeds}\n\nDocument {i} of the batch ends here.\n", encoding="utf-8"
        )
    return folder


class _Run:
    """A `clean -j 2` run in its own process group, ended whatever happens."""

    def __init__(self, *args: str) -> None:
        self.process = subprocess.Popen(
            [str(CLEAN), *args, "-j", "2"],
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
            start_new_session=True,
            # as from a terminal: a shell's background job would hand it Ctrl-C ignored
            preexec_fn=lambda: signal.signal(signal.SIGINT, signal.SIG_DFL),
        )
        _wait_for(
            lambda: len(_children(self.process.pid)) == 2 or self.process.poll() is not None,
            "two workers",
        )
        self.workers = _children(self.process.pid)
        assert len(self.workers) == 2, "the run ended before its workers could be seen"

    def finish(self) -> tuple[int, str]:
        _, stderr = self.process.communicate(timeout=PATIENCE_SECONDS)
        return self.process.returncode, stderr

    def close(self) -> None:
        for pid in [self.process.pid, *self.workers]:
            if _alive(pid):
                os.kill(pid, signal.SIGKILL)
        self.process.communicate()


@pytest.fixture
def run() -> Callable[..., _Run]:
    if usable_cores() < 2:  # `-j 2` is bounded to the cores: one core runs with no worker
        pytest.skip("needs two cores for two workers (parallel.worker_count)")
    started: list[_Run] = []

    def start(*args: str) -> _Run:
        started.append(_Run(*args))
        return started[-1]

    yield start
    for each in started:
        each.close()


def _written(out: Path) -> int:
    return sum(1 for _ in out.glob("*.json")) if out.is_dir() else 0


def test_a_worker_killed_from_outside_costs_no_output(
    batch: Path, tmp_path: Path, run: Callable[..., _Run]
) -> None:
    out = tmp_path / "out"
    started = run(str(batch), "-o", str(out))
    _wait_for(lambda: _written(out) >= 10, "some outputs")
    os.kill(started.workers[0], signal.SIGKILL)
    code, stderr = started.finish()
    assert code == 0, stderr
    assert _written(out) == BATCH and "Traceback" not in stderr


@pytest.mark.parametrize("signum", [signal.SIGTERM, signal.SIGINT])
def test_sigterm_and_ctrl_c_end_the_run_and_its_workers_cleanly(
    batch: Path, tmp_path: Path, run: Callable[..., _Run], signum: int
) -> None:
    out = tmp_path / "out"
    started = run(str(batch), "-o", str(out))
    _wait_for(lambda: _written(out) >= 10, "some outputs")
    os.killpg(started.process.pid, signum)  # as a terminal's Ctrl-C reaches the whole group
    code, stderr = started.finish()
    assert code == INTERRUPTED and "Traceback" not in stderr, stderr
    done = re.search(r"interrupted: (\d+) of (\d+) written", stderr)
    assert done and int(done[1]) == _written(out) and int(done[2]) == BATCH, stderr
    _wait_for(lambda: not any(map(_alive, started.workers)), "the workers to end")
    assert not [p for p in out.iterdir() if p.name.endswith(".tmp")]


def test_workers_die_with_their_parent(
    batch: Path, tmp_path: Path, run: Callable[..., _Run]
) -> None:
    out = tmp_path / "out"
    started = run(str(batch), "-o", str(out))
    os.kill(started.process.pid, signal.SIGKILL)
    started.process.wait()
    _wait_for(lambda: not any(map(_alive, started.workers)), "the orphaned workers to end")
    written = _written(out)
    time.sleep(0.5)
    assert _written(out) == written, "nothing is written after the parent died"


def test_sigterm_during_jsonl_output_leaves_no_temporary_file(
    tmp_path: Path, run: Callable[..., _Run]
) -> None:
    src = tmp_path / "in.jsonl"
    text = "\n\n".join(seed.read_text(encoding="utf-8") for seed in SEEDS)
    src.write_text(
        "".join(json.dumps({"id": i, "text": text}) + "\n" for i in range(2000)), encoding="utf-8"
    )
    started = run("--jsonl", str(src), "-o", str(tmp_path / "out.jsonl"))
    _wait_for(lambda: bool(list(tmp_path.glob(".out.jsonl.*.tmp"))), "the temporary output")
    started.process.send_signal(signal.SIGTERM)
    code, stderr = started.finish()
    assert code == INTERRUPTED and "Traceback" not in stderr, stderr
    assert re.search(r"interrupted: \d+ of \d+ records? read written", stderr), stderr
    assert sorted(p.name for p in tmp_path.iterdir()) == ["in.jsonl"]
