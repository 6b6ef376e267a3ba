"""`clean --jsonl`: records in (files or stdin), records out (stdout or one file), in input
order and constant memory, over `--jobs` worker processes.

One input's trouble stays its own: a file that cannot be opened is reported and the next one
read; a malformed line is reported and skipped (under --strict it ends the reading, and the
records before it are still written); a record that cannot be cleaned gets an error record.
"""

from __future__ import annotations

import os
import stat
import sys
from collections.abc import Iterator
from contextlib import closing, nullcontext
from pathlib import Path
from typing import TYPE_CHECKING, BinaryIO

from .. import batch, records
from ..budget import hard_limit
from ..names import shown
from ..parallel import ordered_map
from ..write import atomic_stream
from .common import FAILED, USAGE_ERROR, Interrupted, count, error, note, output_file

if TYPE_CHECKING:
    from rich.progress import Progress

STDIN = "-"


class _Problems:
    """Problems reported as they come; only their number is kept, so memory stays constant."""

    def __init__(self) -> None:
        self.count = 0
        self.stopped = False  # by a malformed line, under --strict

    def report(self, message: str) -> None:
        error(message)
        self.count += 1


def _open(name: str) -> BinaryIO:
    """A JSONL file to read; devices (`/dev/zero`) and folders are refused, pipes are streams."""
    handle = open(name, "rb")  # noqa: SIM115 - closed by the caller
    mode = os.fstat(handle.fileno()).st_mode
    if not (stat.S_ISREG(mode) or stat.S_ISFIFO(mode)):
        handle.close()
        raise OSError(0, "is not a file or a pipe (a folder, device or socket)")
    return handle


def _sources(paths: list[str], problems: _Problems) -> Iterator[tuple[str, BinaryIO]]:
    for name in paths:
        if name == STDIN:
            if sys.stdin is None:  # started with stdin closed (`clean --jsonl - <&-`)
                problems.report(f"{STDIN}: standard input is closed")
            else:
                yield STDIN, sys.stdin.buffer
            continue
        try:
            handle = _open(name)
        except OSError as err:
            problems.report(f"{shown(name)}: {err.strerror or err}")
            continue
        with handle:
            yield name, handle


def _records(
    paths: list[str], work: batch.Work, strict: bool, problems: _Problems
) -> Iterator[batch.SourcedRecord]:
    assert work.max_bytes is not None
    for name, handle in _sources(paths, problems):
        for item in records.read(records.lines(handle, work.max_bytes)):
            if isinstance(item, records.RecordError):
                problems.report(f"{shown(name)}:{item.line}: {item.problem}")
                if strict:
                    problems.stopped = True
                    return
                continue
            yield item, None if name == STDIN else shown(name)


def _replaces_an_input(out: Path, paths: list[str]) -> str | None:
    """The input that `out` is, if it is one (stdin included: `< f.jsonl -o f.jsonl`)."""
    if not out.exists():
        return None
    for name in paths:
        if name == STDIN and _stdin_is(out):
            return name
        if name != STDIN and Path(name).exists() and os.path.samefile(out, name):
            return name
    return None


def _stdin_is(out: Path) -> bool:
    """Whether stdin is the regular file `out` (a pipe or terminal is no file to replace)."""
    try:
        here, there = os.fstat(sys.stdin.fileno()), os.stat(out)
    except (OSError, ValueError, AttributeError):  # stdin closed, or no file descriptor
        return False
    return stat.S_ISREG(here.st_mode) and (here.st_dev, here.st_ino) == (there.st_dev, there.st_ino)


def progress(show: bool) -> Progress:
    """A count-and-rate bar for a stream of unknown length (`1,204 records 85.3 it/s 0:00:14`),
    drawn on a terminal only."""
    from rich.console import Console
    from rich.progress import Progress, TaskProgressColumn, TextColumn, TimeElapsedColumn

    return Progress(
        TextColumn("{task.completed:,} records"),
        TaskProgressColumn(show_speed=True),
        TimeElapsedColumn(),
        transient=True,
        disable=not show,
        console=Console(stderr=True),
    )  # stdout may be the records


def clean_jsonl(
    work: batch.Work, paths: list[str], out: Path | None, jobs: int, strict: bool
) -> int:
    """Exit code: 0, 1 when a line was malformed or a record could not be cleaned, 2 when the
    output would replace an input."""
    file = output_file(out)
    if file is not None and file.is_dir():
        error(f"-o {shown(file)} is a folder; --jsonl writes one file")
        return USAGE_ERROR
    if file is not None and (given := _replaces_an_input(file, paths)):
        name = "read on stdin" if given == STDIN else shown(given)
        error(f"-o {shown(file)} is the input {name}; choose another output file")
        return USAGE_ERROR
    problems = _Problems()
    written = read = 0

    def counted(records: Iterator[batch.SourcedRecord]) -> Iterator[batch.SourcedRecord]:
        nonlocal read
        for record in records:
            read += 1
            yield record

    target = nullcontext(sys.stdout) if file is None else atomic_stream(file)
    try:
        with target as sink:
            stream = counted(_records(paths, work, strict, problems))
            outputs = ordered_map(
                batch.clean_record,
                stream,
                jobs,
                batch.init_worker,
                (work,),
                batch.record_lost,
                hard_limit(work.seconds),
            )
            with closing(outputs), progress(sys.stderr.isatty()) as bar:  # closing: on an
                task = bar.add_task("cleaning", total=None)  # interrupt workers end at once
                for line, problem in outputs:
                    if problem:
                        problems.report(problem)
                    sink.write(line)
                    written += 1
                    bar.advance(task)
    except KeyboardInterrupt:
        raise Interrupted(f"{written} of {count(read, 'record')} read written") from None
    except BrokenPipeError:
        raise  # the reader went away (`| head`): `main` ends the run quietly
    except OSError as err:
        error(f"{shown(err.filename or out or STDIN)}: {err.strerror or err}")
        return FAILED
    if problems.stopped:
        stopped = "stopped at the first malformed line (--strict)"
        print(f"{stopped}; {count(written, 'record')} before it written", file=sys.stderr)
        return FAILED
    note(f"{count(written, 'record')} cleaned, {count(problems.count, 'problem')}")
    return FAILED if problems.count else 0
