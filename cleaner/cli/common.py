"""What the `clean` subcommands share: the `--rules` option, error output, loading packs."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Annotated, NoReturn, Optional

import typer

if TYPE_CHECKING:
    from ..pipeline import Cleaner

FAILED = 1  # some input failed; the others were still cleaned
USAGE_ERROR = 2

RulesOption = Annotated[
    Optional[list[Path]],
    typer.Option("--rules", help="Also load the packs in this folder or file (repeatable); see also $CLEANER_RULES."),
]
OutletOption = Annotated[Optional[str], typer.Option(help="Use this outlet's pack instead of detecting it.")]


def count(n: int, noun: str) -> str:
    """`1 pack`, `2 packs`."""
    return f"{n} {noun}{'s' * (n != 1)}"


def error(message: str) -> None:
    typer.secho(f"error: {message}", fg="red", err=True)


def warn(message: str) -> None:
    typer.secho(f"warning: {message}", fg="yellow", err=True)


def fail(message: str, code: int = USAGE_ERROR) -> NoReturn:
    error(message)
    raise typer.Exit(code)


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
