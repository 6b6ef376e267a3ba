"""`clean PATHS -o OUT`: files, folders and globs in, canonical text and metadata out."""

from __future__ import annotations

import sys
from collections import Counter
from contextlib import closing
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

import typer

from ..budget import DEFAULT_MAX_BYTES, DEFAULT_SECONDS, hard_limit
from ..names import shown
from . import common
from .common import (
    FAILED,
    VERBOSE,
    CompletionOption,
    HelpOption,
    Interrupted,
    OutletOption,
    RulesOption,
    count,
    error,
    fail,
    load_cleaner,
    note,
    quiet_stdout,
    read_stdin,
    warn,
)
from . import options as opt
from .options import FieldChoice, Format

if TYPE_CHECKING:  # the pipeline loads when a command runs, so `clean --help` answers at once
    from ..batch import Cleaned, Work
    from ..inputs import Job

PROGRESS_MIN_FILES = 6  # fewer files than this finish before a bar is worth drawing
INTERRUPTED = 130  # the shell's code for a run ended by Ctrl-C

# Completion runs whenever $_CLEAN_COMPLETE is set; `--completion SHELL` prints the script
# (typer's own --install/--show-completion would show as `<bool>` flags in the help).
app = typer.Typer(add_completion=False, rich_markup_mode="rich", add_help_option=False)


@dataclass(frozen=True)
class Options:
    """How a batch of files is cleaned."""

    out_dir: Path
    fail_fast: bool
    skip_existing: bool
    jobs: int | None  # asked with -j; None: one per core (`parallel.worker_count`)
    follow_links: bool  # into links that leave an input folder


@dataclass
class Tally:
    """What the summary line reports; counts only, so a run over any number of files holds no
    results in memory."""

    files: int = 0
    words: int = 0
    kinds: Counter[str] = field(default_factory=Counter)
    errors: int = 0
    skipped: int = 0
    warnings: int = 0
    stopped: bool = False


def _summary(tally: Tally) -> str:
    removed = ", ".join(f"{kind} {n}" for kind, n in tally.kinds.most_common()) or "none"
    line = f"{count(tally.files, 'file')} cleaned, {tally.words:,} words kept, {tally.kinds.total()} blocks removed ({removed})"
    line += f", {tally.skipped} skipped (outputs exist)" * bool(tally.skipped)
    line += f", {count(tally.warnings, 'warning')}" * bool(tally.warnings)
    line += f", {count(tally.errors, 'error')}"
    return line + "; stopped at the first error (--fail-fast)" * tally.stopped


def _warn_all(where: str, warnings: list[str]) -> None:
    for warning in warnings:
        warn(f"{where}: {warning}")


def _clean_stdin(work: Work, fmt: Format, url: str | None) -> None:
    from ..batch import failed
    from ..budget import time_limit
    from ..read import InputError

    assert work.max_bytes is not None
    try:
        data = read_stdin(work.max_bytes)
    except InputError as err:
        fail(f"-: {err}", FAILED)
    try:
        with time_limit(work.seconds):
            result = work.cleaner.clean_bytes(data, url=url, outlet=work.outlet)
    except Exception as err:  # noqa: BLE001 - reported like any input's problem
        fail(f"-: {failed(err)}", FAILED)
    _warn_all("-", result.metadata.warnings)
    out = result.model_dump_json(indent=2) + "\n" if fmt is Format.json else result.text
    sys.stdout.write(out)


def _pending(jobs: list[Job], options: Options, tally: Tally) -> list[Job]:
    """The jobs to run: not skipped by --skip-existing, and allowed to write (`Job.refusal`)."""
    inputs = {job.path.resolve() for job in jobs}
    todo = []
    for job in jobs:
        text_out, json_out = job.outputs(options.out_dir)
        problem = job.refusal(options.out_dir, inputs)
        if problem:
            tally.errors += 1
            error(f"{shown(job.path)}: its output {shown(text_out)} {problem}")
            if options.fail_fast:
                tally.stopped = True
                return []
        elif options.skip_existing and text_out.is_file() and json_out.is_file():
            tally.skipped += 1
        else:
            todo.append(job)
    return todo


def _record(job: Job, outcome: Cleaned | str, options: Options, tally: Tally) -> bool:
    """Write one job's outputs into place and count it; False when it failed."""
    from ..write import atomic_write

    if isinstance(outcome, str):
        tally.errors += 1
        error(f"{shown(job.path)}: {outcome}")
        return False
    text_out, json_out = job.outputs(options.out_dir)
    try:
        atomic_write(text_out, outcome.text)
        atomic_write(json_out, outcome.metadata_json)
    except OSError as err:
        tally.errors += 1
        error(f"{shown(job.path)}: cannot write its outputs: {shown(err.strerror or str(err))}")
        return False
    tally.files += 1
    tally.words += outcome.words
    tally.kinds.update(outcome.removed_by_kind)
    tally.warnings += len(outcome.warnings)
    _warn_all(shown(job.path), outcome.warnings)
    note(f"{shown(job.path)} -> {shown(text_out)}: {outcome.words:,} words", VERBOSE)
    return True


def _run_jobs(work: Work, jobs: list[Job], options: Options, tally: Tally) -> None:
    """Clean in worker processes, in input order; outputs are written here as results arrive."""
    from rich.console import Console
    from rich.progress import Progress

    from .. import batch
    from ..parallel import ordered_map, worker_count

    todo = _pending(jobs, options, tally)

    show = sys.stderr.isatty() and len(todo) >= PROGRESS_MIN_FILES
    paths = (job.path for job in todo)
    outcomes = ordered_map(
        batch.clean_file,
        paths,
        worker_count(options.jobs, len(todo)),
        batch.init_worker,
        (work,),
        batch.file_lost,
        hard_limit(work.seconds),
    )
    bar = Progress(transient=True, disable=not show, console=Console(stderr=True))
    with bar as progress, closing(outcomes):
        task = progress.add_task("cleaning", total=len(todo))
        try:
            # closing(outcomes): on an interrupt the workers end at once
            for job, outcome in zip(todo, outcomes):
                progress.advance(task)
                if not _record(job, outcome, options, tally) and options.fail_fast:
                    tally.stopped = True
                    return
        except KeyboardInterrupt:
            raise Interrupted(f"{tally.files} of {len(todo)} written") from None


def _clean_files(work: Work, paths: list[str], options: Options) -> int:
    from ..inputs import plan

    found = plan(paths, options.follow_links, skip=options.out_dir)
    problems = found.errors[:1] if options.fail_fast else found.errors
    for given, problem in problems:
        error(f"{shown(given)}: {problem}")
    tally = Tally(errors=len(problems), stopped=options.fail_fast and bool(problems))
    if not tally.stopped:
        _run_jobs(work, found.jobs, options, tally)
    note(_summary(tally))
    return FAILED if tally.errors else 0


@app.command()
def clean(
    paths: opt.PathsArgument = None,
    out: opt.OutOption = None,
    fmt: opt.FormatOption = Format.text,
    outlet: OutletOption = None,
    url: opt.UrlOption = None,
    rules: RulesOption = None,
    max_bytes: opt.MaxBytesOption = DEFAULT_MAX_BYTES,
    fail_fast: opt.FailFastFlag = False,
    skip_existing: opt.SkipExistingFlag = False,
    jsonl: opt.JsonlFlag = False,
    fields: opt.FieldsOption = FieldChoice.all,
    strict: opt.StrictFlag = False,
    jobs: opt.JobsOption = None,
    seconds: opt.TimeLimitOption = DEFAULT_SECONDS,
    follow_links: opt.FollowLinksFlag = False,
    quiet: opt.QuietFlag = False,
    verbose: opt.VerboseFlag = False,
    version: opt.VersionFlag = False,
    help_: HelpOption = False,
    completion: CompletionOption = None,
) -> None:
    """Strip boilerplate from scraped news articles.

    Each input becomes its canonical article text (one paragraph per line, a blank line between paragraphs) and a JSON record of metadata: outlet, title, authors, date, URL, captions, related links, and every removed piece with the rule that removed it.

    [bold]Examples[/bold]

      clean seeds/*.txt -o out/              [dim]# NAME.txt and NAME.json per input[/dim]
      clean scraped/ -o out/ --outlet vice   [dim]# a whole folder, with a forced pack[/dim]
      clean - < article.txt                  [dim]# text to stdout[/dim]
      clean - --format json < article.txt    [dim]# text and metadata as one JSON object[/dim]
      clean --jsonl in.jsonl -o out.jsonl -j 4   [dim]# records in, records out, 4 workers[/dim]
      clean page.html -o out/                [dim]# HTML pages too (.html, or by content)[/dim]

    Outlet packs are YAML files in rules/; add your own folder with --rules DIR.

    [bold]Subcommands[/bold]

      clean explain FILE       [dim]# the document with each removed block marked by its rule[/dim]
      clean rules --help       [dim]# list, check, test, scaffold and draft rule packs[/dim]

    Exit codes: 0 all inputs cleaned, 1 some input failed (the others are still written), 2 usage error.
    """
    from ..batch import Work
    from ..parallel import worker_count
    from .stream import clean_jsonl

    common.loudness = common.QUIET if quiet else VERBOSE if verbose else common.NORMAL
    paths = paths or _stdin_or_usage()
    if (paths == ["-"] and not jsonl) or (jsonl and common.output_file(out) is None):
        common.require_stdout("the output" if not jsonl else "the output; give -o FILE")
    work = Work(load_cleaner(rules, outlet), outlet, max_bytes, seconds or None, fields.value)
    try:
        if jsonl:
            raise typer.Exit(clean_jsonl(work, paths, out, worker_count(jobs), strict))
        if paths == ["-"]:
            _clean_stdin(work, fmt, url)
            return
        out_dir = _out_dir(paths, out)
        options = Options(out_dir, fail_fast, skip_existing, jobs, follow_links)
        raise typer.Exit(_clean_files(work, paths, options))
    except BrokenPipeError:  # the reader went away (`clean … | head`): stop quietly, as rg does
        quiet_stdout()
        raise typer.Exit(0) from None
    except KeyboardInterrupt as stop:  # Ctrl-C, SIGTERM: workers and temporary files are gone
        done = f": {stop}" if isinstance(stop, Interrupted) else ""
        error(f"interrupted{done}; the outputs written so far are complete")
        raise typer.Exit(INTERRUPTED) from None


def _stdin_or_usage() -> list[str]:
    """No paths: stdin when something is piped in (`cat a.txt | clean`), else a usage error on
    stderr, so a pipeline's next stage never receives the help text."""
    if sys.stdin is not None and not sys.stdin.isatty():
        return ["-"]
    fail("no input: give files, folders or globs, or pipe a document in (clean --help)")


def _out_dir(paths: list[str], out: Path | None) -> Path:
    """The output folder for file inputs, or a usage error."""
    if "-" in paths:
        raise typer.BadParameter("`-` (stdin) cannot be mixed with file paths", param_hint="PATHS")
    folder = common.output_file(out)  # `-o -` is stdout, which takes one document: `-`
    if folder is None:
        raise typer.BadParameter(
            "files need an output folder, -o OUT_DIR; for stdout: clean - < FILE", param_hint="-o"
        )
    if folder.exists() and not folder.is_dir():
        fail(f"-o {folder} is a file, not a folder")
    return folder
