"""`clean rules …`: list, check, test, scaffold and draft rule packs."""

from __future__ import annotations

import sys
from collections.abc import Sequence
from pathlib import Path
from typing import Annotated, Optional

import regex
import typer

from ..packs import PackSet
from ..authoring.draft import render
from ..packs.errors import Problem, display_path
from ..authoring.examples import run_examples, unexercised
from ..authoring.scaffold import default_name, scaffold
from ..packs.schema import DOMAIN_PATTERN, ID_PATTERN
from ..packs.sources import packs_in
from ..authoring.suggest import analyse
from ..read import InputError
from ..write import atomic_write
from .common import (
    FAILED,
    HelpOption,
    RulesOption,
    count,
    error,
    fail,
    flag,
    load_cleaner,
    output_file,
    require_stdout,
    warn,
)

MIN_SAMPLES = 2  # what recurs can only be told from two articles or more

app = typer.Typer(
    name="rules",
    help="Rule packs: list, check, test, scaffold and draft them.",
    add_completion=False,
    no_args_is_help=True,
    rich_markup_mode="rich",
    add_help_option=False,
)
OutFile = Annotated[
    Optional[Path],
    typer.Option("-o", "--out", help="Write the pack to this file instead of stdout."),
]
NameOption = Annotated[Optional[str], typer.Option(help="The outlet's name as readers know it.")]
DomainOption = Annotated[
    Optional[list[str]], typer.Option("--domain", help="A domain of the outlet (repeatable).")
]


@app.callback()
def rules(help_: HelpOption = False) -> None:
    """Rule packs: list, check, test, scaffold and draft them."""


def _table(rows: Sequence[Sequence[str]]) -> list[str]:
    widths = [max(len(row[i]) for row in rows) for i in range(len(rows[0]))]
    return [
        "  ".join(cell.ljust(width) for cell, width in zip(row, widths)).rstrip() for row in rows
    ]


@app.command("list", add_help_option=False)
def list_packs(rules: RulesOption = None, help_: HelpOption = False) -> None:
    """Every pack: id, name, domains, number of rules and examples, and where it comes from."""
    require_stdout("the list")
    packs = load_cleaner(rules).packs
    rows = [("ID", "NAME", "DOMAINS", "RULES", "EXAMPLES", "FROM")]
    for entry in sorted(packs.loaded.values(), key=lambda e: e.pack.id):
        pack = entry.pack
        domains = ", ".join(pack.domains) or "-"
        rows.append(
            (
                pack.id,
                pack.name,
                domains,
                str(len(pack.rules)),
                str(len(pack.examples)),
                f"{entry.source}: {display_path(entry.path)}",
            )
        )
    typer.echo("\n".join(_table(rows)))


@app.command(add_help_option=False)
def check(
    paths: Annotated[
        Optional[list[Path]],
        typer.Argument(
            help="Pack files or folders to check with the installed packs; default: the installed packs alone.",
            show_default=False,
        ),
    ] = None,
    help_: HelpOption = False,
) -> None:
    """Validate packs: schema, regexes, duplicate ids and domains, detectability. Exit 1 on any problem."""
    require_stdout("the problems found")
    packs, problems = PackSet.collect(paths or [])
    # A folder with no pack in it adds nothing to check: most likely the wrong folder was named.
    empty = [path for path in paths or [] if path.is_dir() and not packs_in(path)]
    problems += [
        Problem(path, "no packs found in this folder (no .yaml or .yml file)") for path in empty
    ]
    for problem in problems:
        typer.echo(str(problem))
    if problems:
        error(f"{count(len(problems), 'problem')}; {count(len(packs), 'pack')} valid")
        raise typer.Exit(FAILED)
    typer.echo(f"{count(len(packs), 'pack')} valid", err=True)


@app.command(add_help_option=False)
def test(
    ids: Annotated[
        Optional[list[str]],
        typer.Argument(help="Pack ids to test; default: all.", show_default=False),
    ] = None,
    rules: RulesOption = None,
    help_: HelpOption = False,
) -> None:
    """Run each pack's own examples; report each failure with the expected and actual text."""
    require_stdout("the report")
    cleaner = load_cleaner(rules)
    chosen = ids or sorted(cleaner.packs.loaded)
    unknown = [outlet_id for outlet_id in chosen if outlet_id not in cleaner.packs.loaded]
    if unknown:
        fail(
            f"no rule pack with id {', '.join(map(repr, unknown))} (known: {', '.join(sorted(cleaner.packs.loaded))})"
        )
    total = failed = 0
    for outlet_id in chosen:
        entry = cleaner.packs.entry(outlet_id)
        outcomes = run_examples(cleaner, entry)
        broken = [o for o in outcomes if not o.passed]
        for outcome in broken:
            typer.echo(outcome.report())
        total, failed = total + len(outcomes), failed + len(broken)
        typer.echo(f"{outlet_id}: {len(outcomes) - len(broken)} of {len(outcomes)} examples passed")
        if not outcomes:
            warn(f"{outlet_id} has no examples")
        elif missed := unexercised(entry, outcomes):
            warn(f"{outlet_id}: no example fires {', '.join(missed)}")
    typer.echo(
        f"{total - failed} of {total} examples passed in {count(len(chosen), 'pack')}", err=True
    )
    if failed:
        raise typer.Exit(FAILED)


def _check_names(outlet_id: str, domains: list[str]) -> None:
    """A new pack's id and domains, refused before anything is written."""
    if not regex.fullmatch(ID_PATTERN, outlet_id):
        fail(f"{outlet_id!r} is not a valid pack id: lower case letters, digits and dashes")
    for domain in domains:
        if not regex.fullmatch(DOMAIN_PATTERN, domain):
            fail(
                f"{domain!r} is not a domain name like example.com (lower case, no scheme or path)"
            )


def _write(text: str, out: Path | None) -> None:
    if out is None:
        sys.stdout.write(text)
        return
    atomic_write(out, text)
    typer.echo(f"wrote {out}", err=True)


@app.command(add_help_option=False)
def new(
    outlet_id: Annotated[
        str,
        typer.Argument(
            metavar="ID",
            help="The outlet id: lower case letters, digits and dashes.",
            show_default=False,
        ),
    ],
    out: Annotated[
        Optional[Path],
        typer.Option("-o", "--out", help="The file to write (`-`: stdout); default: ./ID.yaml."),
    ] = None,
    name: NameOption = None,
    domain: DomainOption = None,
    help_: HelpOption = False,
) -> None:
    """Scaffold a commented pack with one rule and one example, ready to edit."""
    _check_names(outlet_id, domain or [])
    taken = PackSet.collect()[0].loaded.get(outlet_id)
    if taken is not None:
        fail(f"outlet id {outlet_id!r} is already used by {display_path(taken.path)}")
    target = output_file(out or Path(f"{outlet_id}.yaml"))  # None: `-o -`, stdout
    if target is None:
        require_stdout("the pack; give -o FILE")
    elif target.exists():
        fail(f"{target} exists; choose another file with -o")
    _write(scaffold(outlet_id, name or default_name(outlet_id), domain or []), target)
    if target is not None:  # a pack written to stdout is the reader's to save first
        typer.echo(
            f"next: edit it, then `clean rules check {target}` and "
            f"`clean rules test {outlet_id} --rules {target}`",
            err=True,
        )


@app.command(add_help_option=False)
def suggest(
    samples: Annotated[
        list[Path], typer.Argument(help="Two or more articles of the outlet.", show_default=False)
    ],
    outlet: Annotated[str, typer.Option("--outlet", help="The new pack's id.", show_default=False)],
    out: OutFile = None,
    name: NameOption = None,
    domain: DomainOption = None,
    force: Annotated[
        bool, flag("--force", help="Replace the -o file if it exists (never a sample).")
    ] = False,
    help_: HelpOption = False,
) -> None:
    """Draft a pack from several articles of one outlet.

    What recurs across them becomes header, footer and drop rules, each with how many samples it
    was seen in; no article sentence is proposed. Review the draft before using it."""
    _check_names(outlet, domain or [])
    out = output_file(out)
    if out is None:
        require_stdout("the pack; give -o FILE")
    if len(samples) < MIN_SAMPLES:
        fail(f"give at least {MIN_SAMPLES} sample articles; what recurs cannot be told from one")
    if (
        out is not None
        and out.exists()
        and (not force or any(out.samefile(s) for s in samples if s.exists()))
    ):
        fail(
            f"{out} exists; choose another file with -o, or --force to replace it (never a sample)"
        )
    name = name or default_name(outlet)
    try:
        findings = analyse(samples, outlet, [name, *(domain or [])])
    except InputError as err:
        fail(str(err), FAILED)
    _write(render(findings, outlet, name, domain or []), out)
