"""The `clean` command line. `clean PATHS -o OUT` cleans documents; `clean rules …` and
`clean explain …` are subcommands, chosen by the first argument (a folder named `rules` or
`explain` is still cleaned when written as `./rules`)."""

from __future__ import annotations

import sys

import typer

from .clean import app
from .explain import app as explain_app
from .rules import app as rules_app

SUBCOMMANDS: dict[str, typer.Typer] = {"rules": rules_app, "explain": explain_app}


def main(argv: list[str] | None = None) -> None:
    args = sys.argv[1:] if argv is None else argv
    if args and args[0] in SUBCOMMANDS:
        SUBCOMMANDS[args[0]](args=args[1:], prog_name=f"clean {args[0]}")
    else:
        app(args=args, prog_name="clean")


__all__ = ["app", "explain_app", "main", "rules_app"]
