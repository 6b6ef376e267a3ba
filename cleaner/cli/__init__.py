"""The `clean` command line. `clean PATHS -o OUT` cleans documents; `clean rules …` and
`clean explain …` are subcommands, chosen by the first argument (a folder named `rules` or
`explain` is still cleaned when written as `./rules`)."""

from __future__ import annotations

import os
import signal
import sys

import typer

from .clean import app

SUBCOMMANDS = ("rules", "explain")  # modules of this package, imported only when used


def _subcommand(name: str) -> typer.Typer:
    from importlib import import_module

    return import_module(f".{name}", __name__).app


def _interrupt(signum: int, frame: object) -> None:
    raise KeyboardInterrupt


def main(argv: list[str] | None = None) -> None:
    """Run a command; SIGTERM is handled as Ctrl-C, so a stopped run cleans up the same way (and
    is unblocked, should the launcher have left it blocked: it would never arrive)."""
    signal.signal(signal.SIGTERM, _interrupt)
    signal.pthread_sigmask(signal.SIG_UNBLOCK, {signal.SIGTERM})
    args = sys.argv[1:] if argv is None else argv
    if "_CLEAN_COMPLETE" in os.environ:  # a shell asking for completions (`clean --completion`)
        from typer._completion_classes import completion_init  # typer's, as add_completion does

        completion_init()
    if args and args[0] in SUBCOMMANDS:
        _subcommand(args[0])(args=args[1:], prog_name=f"clean {args[0]}")
    else:
        app(args=args, prog_name="clean")


__all__ = ["app", "main"]
