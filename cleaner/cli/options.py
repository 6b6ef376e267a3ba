"""The options of `clean`, one type each, so the command's signature reads as a list of them."""

from __future__ import annotations

from enum import Enum
from pathlib import Path
from typing import Annotated, Optional

import typer

from ..budget import MAX_SECONDS
from ..version import package_version
from .common import flag, require_stdout


class Format(str, Enum):
    text = "text"
    json = "json"


class FieldChoice(str, Enum):
    """How much of each result --jsonl writes (see `cleaner.selection`)."""

    all = "all"
    core = "core"
    text = "text"


def _version(value: bool) -> None:
    if value:
        require_stdout("the version")
        typer.echo(f"cleaner {package_version()}")
        raise typer.Exit()


PathsArgument = Annotated[
    Optional[list[str]],
    typer.Argument(
        help="Files, folders (searched for *.txt, *.md and *.html) or globs; `-` (or none, when stdin is not a terminal) reads stdin.",
        show_default=False,
    ),
]
OutOption = Annotated[
    Optional[Path],
    typer.Option(
        "-o", "--out", help="Output folder: NAME.txt (text) and NAME.json (metadata) per input."
    ),
]
FormatOption = Annotated[
    Format,
    typer.Option(
        "--format",
        "-f",
        help="For `-`: the text alone, or one JSON object with text and metadata.",
    ),
]
UrlOption = Annotated[
    Optional[str], typer.Option(help="For `-`: the document's URL, used to detect its outlet.")
]
MaxBytesOption = Annotated[
    int,
    typer.Option(
        "--max-bytes", min=1, help="Refuse (and report) an input larger than this many bytes."
    ),
]
FailFastFlag = Annotated[
    bool,
    flag(
        "--fail-fast",
        help="Stop at the first input that fails; outputs already written are kept.",
    ),
]
SkipExistingFlag = Annotated[
    bool,
    flag(
        "--skip-existing",
        help="Skip an input whose NAME.txt and NAME.json both exist (to resume a run).",
    ),
]
JsonlFlag = Annotated[
    bool,
    flag(
        "--jsonl",
        help='Inputs are JSONL records {"id", "text" or "html", "url", "outlet"}; one output record per input, to stdout or -o FILE.',
    ),
]
FieldsOption = Annotated[
    FieldChoice,
    typer.Option(
        "--fields",
        help="With --jsonl: text only, text and the core metadata (no `removed` list), or all.",
    ),
]
StrictFlag = Annotated[
    bool,
    flag(
        "--strict",
        help="With --jsonl: stop at the first malformed line instead of reporting and skipping it.",
    ),
]
JobsOption = Annotated[
    Optional[int],
    typer.Option(
        "--jobs",
        "-j",
        min=1,
        help=(
            "Worker processes for files and JSONL; output order is kept. Default and most: the"
            " number of cores (each worker holds a cleaner of 100 MB and more); never more than"
            " the inputs."
        ),
        show_default=False,
    ),
]
TimeLimitOption = Annotated[
    float,
    typer.Option(
        "--time-limit",
        min=0,
        max=MAX_SECONDS,
        help="Seconds one input may take; one that takes longer is reported as failed (0: no limit).",
    ),
]
FollowLinksFlag = Annotated[
    bool,
    flag(
        "--follow-links",
        help="Clean files that symbolic links in an input folder lead to outside it (refused by default).",
    ),
]
QuietFlag = Annotated[
    bool, flag("--quiet", "-q", help="Print errors only: no warnings, no summary.")
]
VerboseFlag = Annotated[
    bool, flag("--verbose", "-v", help="Also print each input as it is written.")
]
VersionFlag = Annotated[
    bool,
    flag("--version", "-V", callback=_version, is_eager=True, help="Print the version and exit."),
]
