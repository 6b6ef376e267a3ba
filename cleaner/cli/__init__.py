"""The `clean` command line. `clean PATHS -o OUT` cleans documents; `clean rules …` and
`clean explain …` are subcommands, chosen by the first argument (a folder named `rules` or
`explain` is still cleaned when written as `./rules`)."""

from __future__ import annotations

import sys

import typer

from .clean import app

SUBCOMMANDS = {"rules": "rules", "explain": "explain"}  # name -> module, imported only when used


def __getattr__(name: str) -> typer.Typer:
    if name in ("rules_app", "explain_app"):
        from importlib import import_module

        return import_module(f".{name.removesuffix('_app')}", __name__).app
    raise AttributeError(name)


def main(argv: list[str] | None = None) -> None:
    args = sys.argv[1:] if argv is None else argv
    if args and args[0] in SUBCOMMANDS:
        from importlib import import_module

        import_module(f".{SUBCOMMANDS[args[0]]}", __name__).app(args=args[1:], prog_name=f"clean {args[0]}")
    else:
        app(args=args, prog_name="clean")


__all__ = ["app", "main"]
