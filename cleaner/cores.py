"""How many cores this process may use: those it may run on, bounded by its container's CPU quota.

A container limited to two CPUs (`docker run --cpus 2`, a Kubernetes limit) still shows the
host's cores to `os.sched_getaffinity`: one worker per visible core would run 64 CPU-bound
workers, each holding a cleaner of 100+ MB, in the time and memory of two. The quota is the
cgroup's: `cpu.max` under cgroup v2, `cpu.cfs_quota_us` over `cpu.cfs_period_us` under v1, read
for the process's own group and those above it and, as a container mounts it, at the hierarchy's
root; the smallest holds, and a fraction of a core counts as one.
"""

from __future__ import annotations

import os
from pathlib import Path

CGROUP = Path("/sys/fs/cgroup")
PROC_CGROUP = Path("/proc/self/cgroup")


def usable_cores(cgroup: Path = CGROUP, proc_cgroup: Path = PROC_CGROUP) -> int:
    if hasattr(os, "sched_getaffinity"):
        cores = len(os.sched_getaffinity(0))
    else:
        cores = os.cpu_count() or 1
    quota = quota_cores(cgroup, proc_cgroup)
    return max(1, min(cores, quota) if quota else cores)


def quota_cores(cgroup: Path = CGROUP, proc_cgroup: Path = PROC_CGROUP) -> int | None:
    """The cores the CPU quota allows, rounded up; None where no quota is set or readable."""
    found = [
        cores
        for folder in _folders(cgroup, proc_cgroup)
        if (cores := _v2(folder / "cpu.max") or _v1(folder)) is not None
    ]
    return min(found) if found else None


def _folders(cgroup: Path, proc_cgroup: Path) -> list[Path]:
    """The roots, and the process's own groups (v2's `0::/path`, v1's `N:cpu,cpuacct:/path`)
    with each group above them: a quota on a pod or a slice bounds every group inside it."""
    folders = [cgroup, cgroup / "cpu", cgroup / "cpu,cpuacct"]
    try:
        lines = proc_cgroup.read_text(encoding="utf-8").splitlines()
    except (OSError, ValueError):  # unreadable, or not UTF-8
        return folders
    for line in lines:
        _, controllers, path = line.split(":", 2) if line.count(":") >= 2 else ("", "", "/")
        parts = [part for part in path.split("/") if part]
        if ".." in parts:
            continue
        if controllers == "":
            roots = [cgroup]
        elif "cpu" in controllers.split(","):
            roots = [cgroup / controllers, cgroup / "cpu"]
        else:
            continue
        folders += [
            root.joinpath(*parts[:depth]) for root in roots for depth in range(1, len(parts) + 1)
        ]
    return folders


def _v2(path: Path) -> int | None:
    """`cpu.max` holds "QUOTA PERIOD" in microseconds, or "max PERIOD" when unlimited."""
    try:
        quota, period = path.read_text(encoding="ascii").split()[:2]
        return _cores(int(quota), int(period)) if quota != "max" else None
    except (OSError, ValueError):
        return None


def _v1(folder: Path) -> int | None:
    try:
        quota = int((folder / "cpu.cfs_quota_us").read_text(encoding="ascii"))
        period = int((folder / "cpu.cfs_period_us").read_text(encoding="ascii"))
    except (OSError, ValueError):
        return None
    return _cores(quota, period) if quota > 0 else None


def _cores(quota: int, period: int) -> int | None:
    return max(1, -(-quota // period)) if quota > 0 and period > 0 else None  # rounded up
