"""`clean PATHS -o OUT`: files, folders and globs in, canonical text and metadata out."""

from __future__ import annotations

import sys
from collections import Counter
from enum import Enum
from pathlib import Path
from typing import Annotated, Optional

import typer

from ..inputs import plan
from ..pipeline import Cleaner
from ..read import InputError
from ..result import Result
from ..version import __version__
from ..write import atomic_write
from .common import OutletOption, RulesOption, count, error, load_cleaner

PROGRESS_MIN_FILES = 6  # fewer files than this finish before a bar is worth drawing

app = typer.Typer(add_completion=False, rich_markup_mode="rich", context_settings={"help_option_names": ["-h", "--help"]})


class Format(str, Enum):
    text = "text"
    json = "json"


def _version(value: bool) -> None:
    if value:
        typer.echo(f"cleaner {__version__}")
        raise typer.Exit()


def _summary(results: list[Result], errors: int) -> str:
    words = sum(r.metadata.counts.words for r in results)
    kinds: Counter[str] = Counter()
    for r in results:
        kinds.update(r.metadata.removed_by_kind)
    removed = ", ".join(f"{kind} {n}" for kind, n in kinds.most_common())
    return f"{count(len(results), 'file')} cleaned, {words:,} words kept, {sum(kinds.values())} blocks removed ({removed or 'none'}), {count(errors, 'error')}"


def _clean_stdin(cleaner: Cleaner, fmt: Format, outlet: str | None, url: str | None) -> None:
    result = cleaner.clean_bytes(sys.stdin.buffer.read(), url=url, outlet=outlet)
    out = result.model_dump_json(indent=2) + "\n" if fmt is Format.json else result.text
    sys.stdout.write(out)


def _clean_files(cleaner: Cleaner, paths: list[str], out_dir: Path, outlet: str | None) -> int:
    work = plan(paths)
    for given, problem in work.errors:
        error(f"{given}: {problem}")
    inputs = {job.path.resolve() for job in work.jobs}
    results: list[Result] = []
    errors = len(work.errors)
    from rich.progress import Progress

    show = sys.stderr.isatty() and len(work.jobs) >= PROGRESS_MIN_FILES
    with Progress(transient=True, disable=not show, console=None) as progress:
        task = progress.add_task("cleaning", total=len(work.jobs))
        for job in work.jobs:
            text_out = out_dir / job.out_stem.with_suffix(".txt")
            json_out = out_dir / job.out_stem.with_suffix(".json")
            try:
                if {text_out.resolve(), json_out.resolve()} & inputs:
                    raise InputError(f"its output {text_out} would overwrite an input; choose another -o folder")
                result = cleaner.clean_file(job.path, outlet=outlet)
                atomic_write(text_out, result.text)
                atomic_write(json_out, result.metadata.model_dump_json(indent=2) + "\n")
                results.append(result)
            except (InputError, OSError) as err:
                errors += 1
                error(f"{job.path}: {err}")
            progress.advance(task)
    typer.echo(_summary(results, errors), err=True)
    return 1 if errors else 0


@app.command(no_args_is_help=True)
def clean(
    paths: Annotated[list[str], typer.Argument(help="Files, folders (searched for *.txt and *.md) or globs; `-` reads stdin.", show_default=False)],
    out: Annotated[Optional[Path], typer.Option("-o", "--out", help="Output folder: NAME.txt (text) and NAME.json (metadata) per input.")] = None,
    fmt: Annotated[Format, typer.Option("--format", "-f", help="For `-`: the text alone, or one JSON object with text and metadata.")] = Format.text,
    outlet: OutletOption = None,
    url: Annotated[Optional[str], typer.Option(help="For `-`: the document's URL, used to detect its outlet.")] = None,
    rules: RulesOption = None,
    version: Annotated[bool, typer.Option("--version", callback=_version, is_eager=True, help="Print the version and exit.")] = False,
) -> None:
    """Strip boilerplate from scraped news articles.

    Each input becomes its canonical article text (one paragraph per line, a blank line between paragraphs) and a JSON record of metadata: outlet, title, authors, date, URL, captions, related links, and every removed piece with the rule that removed it.

    [bold]Examples[/bold]

      clean seeds/*.txt -o out/              [dim]# NAME.txt and NAME.json per input[/dim]
      clean scraped/ -o out/ --outlet vice   [dim]# a whole folder, with a forced pack[/dim]
      clean - < article.txt                  [dim]# text to stdout[/dim]
      clean - --format json < article.txt    [dim]# text and metadata as one JSON object[/dim]

    Outlet packs are YAML files in rules/; add your own folder with --rules DIR.

    [bold]Subcommands[/bold]

      clean explain FILE       [dim]# the document with each removed block marked by its rule[/dim]
      clean rules --help       [dim]# list, check, test, scaffold and draft rule packs[/dim]

    Exit codes: 0 all inputs cleaned, 1 some input failed (the others are still written), 2 usage error.
    """
    cleaner = load_cleaner(rules, outlet)
    if paths == ["-"]:
        _clean_stdin(cleaner, fmt, outlet, url)
        return
    if "-" in paths:
        raise typer.BadParameter("`-` (stdin) cannot be mixed with file paths", param_hint="PATHS")
    if out is None:
        raise typer.BadParameter("an output folder is needed for files: -o OUT_DIR", param_hint="-o")
    raise typer.Exit(_clean_files(cleaner, paths, out, outlet))
