"""Workers are counted from the cores the process may use, its container's CPU quota included."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from cleaner import parallel
from cleaner.cores import quota_cores, usable_cores


def write(path: Path, text: str) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="ascii")


@pytest.mark.parametrize(
    ("cpu_max", "cores"),
    [("200000 100000\n", 2), ("150000 100000\n", 2), ("50000 100000\n", 1), ("max 100000\n", None)],
)
def test_cgroup_v2_quota_at_the_root(tmp_path: Path, cpu_max: str, cores: int | None) -> None:
    write(tmp_path / "cpu.max", cpu_max)
    assert quota_cores(tmp_path, tmp_path / "absent") == cores


def test_cgroup_v2_quota_of_the_process_s_own_group(tmp_path: Path) -> None:
    write(tmp_path / "cg" / "cpu.max", "max 100000\n")
    write(tmp_path / "cg" / "jobs" / "a" / "cpu.max", "300000 100000\n")
    write(tmp_path / "self", "0::/jobs/a\n")
    assert quota_cores(tmp_path / "cg", tmp_path / "self") == 3


def test_cgroup_v1_quota(tmp_path: Path) -> None:
    write(tmp_path / "cg" / "cpu,cpuacct" / "pod" / "cpu.cfs_quota_us", "400000\n")
    write(tmp_path / "cg" / "cpu,cpuacct" / "pod" / "cpu.cfs_period_us", "100000\n")
    write(tmp_path / "cg" / "cpu" / "cpu.cfs_quota_us", "-1\n")
    write(tmp_path / "cg" / "cpu" / "cpu.cfs_period_us", "100000\n")
    write(tmp_path / "self", "4:memory:/pod\n3:cpu,cpuacct:/pod\n0::/\n")
    assert quota_cores(tmp_path / "cg", tmp_path / "self") == 4


@pytest.mark.parametrize("junk", ["", "lots 100000\n", "100000\n", "0 0\n", "-5 100000\n"])
def test_an_unreadable_quota_is_no_quota(tmp_path: Path, junk: str) -> None:
    write(tmp_path / "cpu.max", junk)
    write(tmp_path / "self", "0::/../../etc\n")
    assert quota_cores(tmp_path, tmp_path / "self") is None


def test_the_quota_bounds_the_visible_cores(tmp_path: Path) -> None:
    write(tmp_path / "cpu.max", "100000 100000\n")
    assert usable_cores(tmp_path, tmp_path / "absent") == 1
    visible = len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count()
    assert usable_cores(tmp_path / "none", tmp_path / "absent") == visible


def test_workers_are_no_more_than_the_usable_cores(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(parallel, "usable_cores", lambda: 2)
    assert parallel.worker_count(None) == 2
    assert parallel.worker_count(8) == 2
    assert parallel.worker_count(8, items=1) == 1


def test_a_quota_on_a_group_above_the_process_s_holds(tmp_path: Path) -> None:
    write(tmp_path / "cg" / "kubepods" / "pod1" / "cpu.max", "200000 100000\n")
    write(tmp_path / "cg" / "kubepods" / "pod1" / "ctr" / "cpu.max", "max 100000\n")
    write(tmp_path / "self", "0::/kubepods/pod1/ctr\n")
    assert quota_cores(tmp_path / "cg", tmp_path / "self") == 2


def test_huge_numbers_and_bytes_that_are_no_utf8_are_no_quota_nor_crash(tmp_path: Path) -> None:
    write(tmp_path / "cpu.max", "1" + "0" * 400 + " 1\n")
    (tmp_path / "self").write_bytes(b"0::/caf\xe9\n")
    assert quota_cores(tmp_path, tmp_path / "self") == int("1" + "0" * 400)
