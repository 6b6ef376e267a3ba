"""`clean --jsonl`: records in (files or stdin), records out (stdout or one file), in input
order and constant memory, over `--jobs` worker processes."""

from __future__ import annotations

import sys
from collections.abc import Iterator
from contextlib import nullcontext
from pathlib import Path
from typing import TextIO

from .. import batch, records
from ..parallel import ordered_map
from ..pipeline import Cleaner
from ..write import atomic_stream
from .common import FAILED, count, error

STDIN = "-"


class Stop(Exception):
    """A malformed line under --strict."""


def _sources(paths: list[str]) -> Iterator[tuple[str, TextIO]]:
    for name in paths:
        if name == STDIN:
            yield STDIN, sys.stdin
            continue
        with open(name, encoding="utf-8", errors="replace", newline=None) as handle:
            yield name, handle


class _Problems:
    """Problems reported as they come; only their number is kept, so memory stays constant."""

    def __init__(self) -> None:
        self.count = 0

    def report(self, message: str) -> None:
        error(message)
        self.count += 1


def _records(paths: list[str], strict: bool, problems: _Problems) -> Iterator[tuple[records.Record, str | None]]:
    for name, handle in _sources(paths):
        for item in records.read(handle):
            if isinstance(item, records.RecordError):
                problems.report(f"{name}:{item.line}: {item.problem}")
                if strict:
                    raise Stop
                continue
            yield item, None if name == STDIN else name


def clean_jsonl(cleaner: Cleaner, paths: list[str], out: Path | None, jobs: int, strict: bool) -> int:
    """Exit code: 0, or 1 when a line was malformed or a record could not be cleaned."""
    problems = _Problems()
    written = 0
    target = nullcontext(sys.stdout) if out is None or str(out) == STDIN else atomic_stream(out)
    try:
        with target as sink:
            stream = _records(paths, strict, problems)
            for line, problem in ordered_map(batch.clean_records, stream, jobs, batch.init_worker, (cleaner,)):
                if problem:
                    problems.report(problem)
                sink.write(line)
                written += 1
    except Stop:
        print(f"stopped at the first malformed line (--strict); {count(written, 'record')} written", file=sys.stderr)
        return FAILED
    except OSError as err:
        error(f"{err.filename or out}: {err.strerror or err}")
        return FAILED
    print(f"{count(written, 'record')} cleaned, {count(problems.count, 'problem')}", file=sys.stderr)
    return FAILED if problems.count else 0
