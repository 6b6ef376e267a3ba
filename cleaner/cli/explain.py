"""`clean explain FILE`: show what the cleaner removes from one document, and why."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated, Optional

import typer
from rich.console import Console

from ..budget import DEFAULT_MAX_BYTES, DEFAULT_SECONDS, OutOfTime, time_limit
from ..explain import explain as render
from ..read import InputError, read_bytes, read_path
from .common import (
    FAILED,
    HelpOption,
    OutletOption,
    RulesOption,
    fail,
    load_cleaner,
    read_stdin,
    require_stdout,
)
from .options import TimeLimitOption

app = typer.Typer(
    name="explain", add_completion=False, rich_markup_mode="rich", add_help_option=False
)


@app.command(no_args_is_help=True, add_help_option=False)
def explain(
    file: Annotated[str, typer.Argument(help="The document; `-` reads stdin.", show_default=False)],
    outlet: OutletOption = None,
    url: Annotated[
        Optional[str], typer.Option(help="The document's URL, used to detect its outlet.")
    ] = None,
    rules: RulesOption = None,
    seconds: TimeLimitOption = DEFAULT_SECONDS,
    help_: HelpOption = False,
) -> None:
    """Print the document with every removed or moved block marked by its kind and rule id
    (`[- kind rule]`, `[> kind rule -> field]`), after the outlet detected and the evidence for
    it. Colour on a terminal, plain markers when piped. As `clean` does, it reads no more than
    `clean`'s default --max-bytes and gives up on a document after --time-limit seconds."""
    require_stdout("the explanation")
    cleaner = load_cleaner(rules, outlet)
    try:
        data = read_stdin(DEFAULT_MAX_BYTES) if file == "-" else None
        with time_limit(seconds or None):
            doc = (
                read_path(Path(file), DEFAULT_MAX_BYTES) if data is None else read_bytes(data, None)
            )
            doc.url = url
            marked = render(doc, cleaner.mark(doc, outlet))
    except (InputError, OutOfTime) as err:
        fail(f"{file}: {err}", FAILED)
    Console(highlight=False, soft_wrap=True).print(marked, end="")
