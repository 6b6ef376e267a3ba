"""Work for worker processes: each unpickles the Cleaner once, then cleans chunks of records or
files. Module-level functions, so `parallel.ordered_map` can send them to a process pool."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from .pipeline import Cleaner
from .read import InputError, read_path
from .records import Record, clean
from .result import Result

_CLEANER: Cleaner | None = None


def init_worker(cleaner: Cleaner) -> None:
    global _CLEANER
    _CLEANER = cleaner


def _cleaner() -> Cleaner:
    assert _CLEANER is not None, "init_worker was not called"
    return _CLEANER


def clean_records(chunk: list[tuple[Record, str | None]]) -> list[dict[str, Any]]:
    """(record, source name) pairs to output records."""
    return [clean(_cleaner(), record, source) for record, source in chunk]


def clean_files(chunk: list[tuple[Path, str | None, int]]) -> list[Result | str]:
    """(path, outlet, max bytes) to a Result, or the reason the file failed."""
    results: list[Result | str] = []
    for path, outlet, max_bytes in chunk:
        try:
            results.append(_cleaner().clean_document(read_path(path, max_bytes), outlet))
        except (InputError, OSError) as err:
            results.append(str(err))
    return results
