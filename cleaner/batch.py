"""Work for worker processes: each takes the run's settings (`Work`, the Cleaner included) once,
then cleans one file or record at a time. Module-level functions, so `parallel.ordered_map` can
hand them to worker processes.

Whatever goes wrong with one input is that input's answer: a problem the reader names, a time
limit run out, even a bug in the cleaner (a Python exception of any kind) ends as a message
for that input, and the batch goes on; `parallel` covers a worker that dies outright.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from .budget import OutOfTime, time_limit
from .names import shown
from .packs import PackError
from .pipeline import Cleaner
from .read import InputError
from .records import Record, clean, error_line
from .result import Result


@dataclass(frozen=True)
class Work:
    """How every input of a run is cleaned: settings arrive here, once per worker."""

    cleaner: Cleaner
    outlet: str | None = None
    max_bytes: int | None = None
    seconds: float | None = None  # time limit per input
    fields: str = "all"  # how much of each result a JSONL record carries (`cleaner.selection`)


_WORK: Work | None = None


def init_worker(work: Work) -> None:
    global _WORK
    _WORK = work


def _work() -> Work:
    assert _WORK is not None, "init_worker was not called"
    return _WORK


def failed(err: Exception) -> str:
    """An input's problem: the reader's or the packs' own words (an unknown outlet), else the
    exception (a bug, but this input's)."""
    if isinstance(err, (InputError, OutOfTime, PackError)):
        return str(err)
    if isinstance(err, OSError):
        return shown(err.strerror or str(err))
    return f"could not be cleaned ({type(err).__name__}: {err}); please report this input"


SourcedRecord = tuple[Record, str | None]  # a record and the name of the file it came from


def clean_record(item: SourcedRecord) -> tuple[str, str | None]:
    """A (record, source name) pair to its output JSONL line and its problem or None. The worker
    writes the JSON: the main process, which reads and writes the stream, is the one to spare."""
    record, source = item
    work = _work()
    try:
        with time_limit(work.seconds):
            line, problem = clean(work.cleaner, record, source, work.fields)
    except Exception as err:  # noqa: BLE001 - one record's failure is that record's output
        line, problem = error_line(record, failed(err))
    return line, f"record {record.id_shown}: {problem}" if problem else None


def record_lost(item: SourcedRecord, problem: str) -> tuple[str, str]:
    """The output of a record whose worker died on it."""
    line, problem = error_line(item[0], problem)
    return line, f"record {item[0].id_shown}: {problem}"


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
        return cls(
            result.text,
            meta.model_dump_json(indent=2) + "\n",
            meta.counts.words,
            meta.removed_by_kind,
            meta.warnings,
        )


def clean_file(path: Path) -> Cleaned | str:
    """A file to its outputs, or the reason it failed. The worker serialises the metadata,
    sparing the process that writes the files."""
    work = _work()
    try:
        with time_limit(work.seconds):
            return Cleaned.of(
                work.cleaner.clean_file(path, outlet=work.outlet, max_bytes=work.max_bytes)
            )
    except Exception as err:  # noqa: BLE001 - one file's failure is that file's answer
        return failed(err)


def file_lost(path: Path, problem: str) -> str:
    return problem
