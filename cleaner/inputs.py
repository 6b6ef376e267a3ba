"""Which files a command line names, and where each one's outputs go.

Outputs mirror the inputs' paths below their common parent folder, so `clean seeds/*.txt`
writes flat names while two `x.txt` from different folders land in different subfolders.
"""

from __future__ import annotations

import glob
import os
from dataclasses import dataclass
from pathlib import Path

INPUT_SUFFIXES = (".txt", ".md", ".html", ".htm")


@dataclass(frozen=True)
class Job:
    path: Path
    out_stem: Path  # output path without suffix, relative to the output folder


@dataclass
class Plan:
    jobs: list[Job]
    errors: list[tuple[str, str]]  # (path as given, problem)


def _expand(arg: str) -> tuple[list[Path], str | None]:
    path = Path(arg)
    if path.is_dir():
        found = sorted(p for p in path.rglob("*") if p.suffix.lower() in INPUT_SUFFIXES and p.is_file())
        return found, None if found else f"folder has no {', '.join(INPUT_SUFFIXES[:-1])} or {INPUT_SUFFIXES[-1]} files"
    if path.exists():
        return [path], None
    if path.is_symlink():
        return [], "is a broken symbolic link"
    if glob.has_magic(arg):
        found = sorted(Path(p) for p in glob.glob(arg, recursive=True) if Path(p).is_file())
        return found, None if found else "pattern matches no file"
    return [], "no such file or folder"


def plan(args: list[str]) -> Plan:
    paths: dict[Path, Path] = {}  # resolved -> as given
    errors: list[tuple[str, str]] = []
    for arg in args:
        found, problem = _expand(arg)
        if problem:
            errors.append((arg, problem))
        for p in found:
            paths.setdefault(p.resolve(), p)
    if not paths:
        return Plan([], errors)
    root = Path(os.path.commonpath([p.parent for p in paths]))
    jobs: list[Job] = []
    taken: dict[Path, Path] = {}
    for resolved, given in paths.items():
        stem = resolved.relative_to(root).with_suffix("")
        if stem in taken:
            errors.append((str(given), f"output name {stem}.txt is already taken by {taken[stem]}"))
            continue
        taken[stem] = given
        jobs.append(Job(given, stem))
    return Plan(jobs, errors)
