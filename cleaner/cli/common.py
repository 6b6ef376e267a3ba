"""What the `clean` subcommands share: the `--rules` option, error output, loading packs."""

from __future__ import annotations

import os
import sys
from enum import Enum
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any, NoReturn, Optional

import typer

if TYPE_CHECKING:
    from ..pipeline import Cleaner

FAILED = 1  # some input failed; the others were still cleaned
USAGE_ERROR = 2

RulesOption = Annotated[
    Optional[list[Path]],
    typer.Option(
        "--rules",
        help="Also load the packs in this folder or file (repeatable); see also $CLEANER_RULES.",
    ),
]
OutletOption = Annotated[
    Optional[str], typer.Option(help="Use this outlet's pack instead of detecting it.")
]
QUIET, NORMAL, VERBOSE = -1, 0, 1


class Interrupted(KeyboardInterrupt):
    """Ctrl-C or SIGTERM during a run, carrying how far it got: "3 of 10 written"."""


loudness = NORMAL  # set once per run by -q / -v


def flag(*names: str, help: str, **more: Any) -> Any:
    """A boolean option shown as a bare flag in the help (typer's rich help would print
    `<bool>` beside it, as if it took a value)."""
    return typer.Option(*names, help=help, metavar="", **more)


def show_help(ctx: typer.Context, value: bool) -> None:
    """`-h`/`--help` as a flag of our own: typer's shows as `-h <bool>`."""
    if value:
        require_stdout("the help")
        typer.echo(ctx.get_help())
        raise typer.Exit()


class Shell(str, Enum):
    bash = "bash"
    zsh = "zsh"
    fish = "fish"


def print_completion(shell: Shell | None) -> None:
    """The script a shell sources to complete `clean` (runtime completion: `cli.main`)."""
    if shell:
        require_stdout("the script")
        from typer._completion_shared import get_completion_script  # typer's, unexported

        typer.echo(
            get_completion_script(
                prog_name="clean", complete_var="_CLEAN_COMPLETE", shell=shell.value
            )
        )
        raise typer.Exit()


CompletionOption = Annotated[
    Optional[Shell],
    typer.Option(
        "--completion",
        callback=print_completion,
        is_eager=True,
        help='Print the shell completion script: eval "$(clean --completion bash)".',
    ),
]
HelpOption = Annotated[
    bool,
    flag(
        "--help",
        "-h",
        help="Show this message and exit.",
        callback=show_help,
        is_eager=True,
        expose_value=False,
    ),
]


def count(n: int, noun: str) -> str:
    """`1 pack`, `2 packs`."""
    return f"{n} {noun}{'s' * (n != 1)}"


def error(message: str) -> None:
    typer.secho(f"error: {message}", fg="red", err=True)


def warn(message: str) -> None:
    """A warning on stderr, unless -q."""
    if loudness > QUIET:
        typer.secho(f"warning: {message}", fg="yellow", err=True)


def note(message: str, level: int = NORMAL) -> None:
    """A line of progress on stderr: summaries (not under -q) and, at VERBOSE, each input."""
    if loudness >= level:
        typer.echo(message, err=True)


def fail(message: str, code: int = USAGE_ERROR) -> NoReturn:
    error(message)
    raise typer.Exit(code)


def output_file(out: Path | None) -> Path | None:
    """The file `-o` names, or None when the output goes to stdout: no -o, or `-o -`."""
    return None if out is None or str(out) == "-" else out


def require_stdout(what: str) -> None:
    """A usage error, before any work, when stdout is closed (`>&-`) and `what` would go there:
    Python then has no sys.stdout, so the output would be dropped in silence, or fail at the end.
    (`uv run` hands its command /dev/null in place of a closed stdout: that is no error.)"""
    if sys.stdout is None:
        fail(f"standard output is closed: nowhere to write {what}")


def quiet_stdout() -> None:
    """Point stdout at /dev/null once its reader has gone, so that Python's last flush of it, at
    exit, cannot fail again."""
    devnull = os.open(os.devnull, os.O_WRONLY)
    os.dup2(devnull, sys.stdout.fileno())
    os.close(devnull)


def load_cleaner(rules: list[Path] | None, outlet: str | None = None) -> Cleaner:
    """A cleaner with every pack, or exit 2 naming each broken pack (and an unknown `outlet`)."""
    from ..packs import PackError
    from ..pipeline import Cleaner

    try:
        cleaner = Cleaner(rules_dirs=rules or [])
        if outlet:
            cleaner.packs.get(outlet)
    except PackError as err:
        fail(str(err))
    return cleaner


def read_stdin(max_bytes: int) -> bytes:
    """stdin's bytes, reading no more than one over `max_bytes`: InputError past it."""
    from ..read import InputError

    if sys.stdin is None:  # started with stdin closed (`clean - <&-`)
        raise InputError("standard input is closed")
    data = sys.stdin.buffer.read(max_bytes + 1)
    if len(data) > max_bytes:
        raise InputError(f"over the --max-bytes limit of {max_bytes:,}")
    return data
