"""Work for worker processes: each unpickles the Cleaner once, then cleans chunks of records or
files. Module-level functions, so `parallel.ordered_map` can send them to a process pool."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from .pipeline import Cleaner
from .read import InputError
from .records import Record, clean
from .result import Result

_CLEANER: Cleaner | None = None


def init_worker(cleaner: Cleaner) -> None:
    global _CLEANER
    _CLEANER = cleaner


def _cleaner() -> Cleaner:
    assert _CLEANER is not None, "init_worker was not called"
    return _CLEANER


def clean_records(chunk: list[tuple[Record, str | None]]) -> list[tuple[str, str | None]]:
    """(record, source name) pairs to (output JSONL line, problem or None). The worker writes
    the JSON: the main process, which reads and writes the stream, is the one to spare."""
    outputs = []
    for record, source in chunk:
        line, problem = clean(_cleaner(), record, source)
        outputs.append((line, f"record {record.id!r}: {problem}" if problem else None))
    return outputs


@dataclass(frozen=True, slots=True)
class Cleaned:
    """One file's outputs as they are written, and what the run's summary counts of them."""

    text: str
    metadata_json: str
    words: int
    removed_by_kind: dict[str, int]
    warnings: list[str]

    @classmethod
    def of(cls, result: Result) -> Cleaned:
        meta = result.metadata
        return cls(result.text, meta.model_dump_json(indent=2) + "\n", meta.counts.words, meta.removed_by_kind, meta.warnings)


def clean_files(chunk: list[tuple[Path, str | None, int]]) -> list[Cleaned | str]:
    """(path, outlet, max bytes) to the file's outputs, or the reason it failed. The worker
    serialises the metadata, sparing the process that writes the files."""
    results: list[Cleaned | str] = []
    for path, outlet, max_bytes in chunk:
        try:
            results.append(Cleaned.of(_cleaner().clean_file(path, outlet=outlet, max_bytes=max_bytes)))
        except (InputError, OSError) as err:
            results.append(str(err))
    return results
