"""Turn a parsed pack file into a `Pack`, or into problems that each point at a line.

Pydantic reports where in the data a value is wrong (`loc`); the YAML tree knows where that
data stands in the file. Messages are rewritten for pack authors: an unknown key suggests the
key they probably meant, an unknown action lists the actions there are.
"""

from __future__ import annotations

import difflib
from collections.abc import Callable
from functools import cache
from typing import Any

from pydantic import BaseModel, ValidationError
from pydantic_core import ErrorDetails

from ..heuristics import heuristic_ids
from .errors import Loc, PackError, Problem
from .schema import ACTIONS, PACK_FORMAT, RULE_TYPES, Example, Pack, Signature
from .yamltree import Tree

SHOWN_INPUT_CHARS = 60  # a wrong value is quoted in the message up to this length
_MODELS: tuple[type[BaseModel], ...] = (Pack, Signature, Example, *RULE_TYPES)


@cache
def _known_keys() -> tuple[str, ...]:
    """Every key any part of a pack may have, for "did you mean" suggestions."""
    return tuple(
        sorted({f.alias or name for model in _MODELS for name, f in model.model_fields.items()})
    )


def _did_you_mean(word: str, choices: tuple[str, ...] | frozenset[str]) -> str:
    close = difflib.get_close_matches(word, sorted(choices), n=1)
    return f" (did you mean {close[0]!r}?)" if close else ""


def _shown(value: object) -> str:
    text = repr(value)
    return text if len(text) <= SHOWN_INPUT_CHARS else text[: SHOWN_INPUT_CHARS - 1] + "…"


def _literal(loc: Loc, ctx: dict[str, Any], value: object) -> str:
    if loc == ("format",):
        return f"unsupported pack format {_shown(value)}; this version of cleaner reads format {PACK_FORMAT}"
    return f"{_shown(value)} is not allowed here; expected {ctx['expected']}"


# How pydantic's errors read to a pack author, by error type; other types keep pydantic's words.
_MESSAGES: dict[str, Callable[[Loc, dict[str, Any], object], str]] = {
    "extra_forbidden": lambda loc, ctx, value: (
        f"unknown key {loc[-1]!r}{_did_you_mean(str(loc[-1]), _known_keys())}"
    ),
    "missing": lambda loc, ctx, value: f"missing required key {loc[-1]!r}",
    "union_tag_invalid": lambda loc, ctx, value: (
        f"unknown action {ctx['tag']!r}; the actions are {ctx['expected_tags']}"
    ),
    "union_tag_not_found": lambda loc, ctx, value: (
        f"missing required key 'action' (one of {', '.join(ACTIONS)})"
    ),
    "literal_error": _literal,
    "string_pattern_mismatch": lambda loc, ctx, value: (
        f"{_shown(value)} does not match {ctx['pattern']!r}"
    ),
    "value_error": lambda loc, ctx, value: str(ctx["error"]),
}


def _message(err: ErrorDetails) -> str:
    explain = _MESSAGES.get(err["type"])
    if explain is not None:
        return explain(tuple(err["loc"]), err.get("ctx", {}), err.get("input"))
    return f"{err['msg'][0].lower()}{err['msg'][1:]}, got {_shown(err.get('input'))}"


def _pydantic_problems(tree: Tree, error: ValidationError) -> list[Problem]:
    problems = []
    for err in error.errors():
        loc: Loc = tuple(err["loc"])
        if err["type"] in ("union_tag_invalid", "union_tag_not_found"):
            loc += ("action",)
        found, _ = tree.locate(loc)
        # An unknown key is shown as a problem of the mapping that holds it, like a missing one.
        shown = found[:-1] if err["type"] == "extra_forbidden" else found
        problems.append(tree.problem(loc, _message(err), shown))
    return problems


def _rule_problems(pack: Pack, known: frozenset[str]) -> list[tuple[Loc, str]]:
    problems: list[tuple[Loc, str]] = []
    first: dict[str, int] = {}
    for index, rule in enumerate(pack.rules):
        if rule.id in first:
            problems.append(
                (
                    ("rules", index, "id"),
                    f"duplicate rule id {rule.id!r} (first used by rules[{first[rule.id]}])",
                )
            )
        first.setdefault(rule.id, index)
    for index, name in enumerate(pack.disable):
        if name not in known:
            problems.append(
                (
                    ("disable", index),
                    f"unknown generic heuristic {name!r}{_did_you_mean(name, known)}",
                )
            )
    return problems


def _example_problems(pack: Pack, known: frozenset[str]) -> list[tuple[Loc, str]]:
    problems: list[tuple[Loc, str]] = []
    firing = {pack.rule_id(rule) for rule in pack.rules} | known
    for index, example in enumerate(pack.examples):
        for position, ref in enumerate(example.rules):
            if pack.full_rule_id(ref) not in firing:
                own = frozenset(rule.id for rule in pack.rules)
                problems.append(
                    (
                        ("examples", index, "rules", position),
                        f"no rule {ref!r} in this pack{_did_you_mean(ref, own)}",
                    )
                )
    return problems


def _semantic_problems(pack: Pack) -> list[tuple[Loc, str]]:
    """Mistakes no single field shows: duplicate rule ids, an undetectable pack, unknown
    heuristics, examples naming rules that do not exist."""
    problems: list[tuple[Loc, str]] = []
    if not pack.domains and not pack.detect:
        problems.append(
            ((), "the pack can never be detected: give it `domains` or `detect` signatures")
        )
    known = heuristic_ids()
    return problems + _rule_problems(pack, known) + _example_problems(pack, known)


def validate(tree: Tree) -> Pack:
    try:
        pack = Pack.model_validate(tree.data)
    except ValidationError as error:
        raise PackError(_pydantic_problems(tree, error)) from None
    problems = [tree.problem(loc, message) for loc, message in _semantic_problems(pack)]
    if problems:
        raise PackError(problems)
    return pack
