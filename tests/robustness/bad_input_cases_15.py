"""The README's "Bad input" rows added by issue 15 (shell manners, --fields): each a `Case`
run by test_bad_input.py like the rows before them."""

from __future__ import annotations

import json
from pathlib import Path

from .bad_input_cases import ARTICLE, RECORD, Case

CLEANED = ARTICLE  # the article is clean already: paragraphs, a blank line between


def _piped(folder: Path) -> list[str]:
    return []  # no paths: stdin (not a terminal here) is read


def _output_inside(folder: Path) -> list[str]:
    (folder / "x.txt").write_text(ARTICLE, encoding="utf-8")
    (folder / "out").mkdir()
    (folder / "out" / "x.txt").write_text(ARTICLE, encoding="utf-8")  # a first run's output
    return [str(folder), "-o", str(folder / "out")]


def _output_not_cleaned_again(out: Path, stdout: str) -> None:
    assert not (out.parent / "in" / "out" / "out").exists()


def _bad_fields(folder: Path) -> list[str]:
    (folder / "in.jsonl").write_text(json.dumps(RECORD) + "\n", encoding="utf-8")
    return ["--jsonl", str(folder / "in.jsonl"), "--fields", "most"]


def _flag_with_value(folder: Path) -> list[str]:
    return ["--fail-fast", "true", str(folder / "good.txt")]


CASES_15 = [
    Case(
        "text piped in without -",
        _piped,
        0,
        "",
        None,
        stdin=ARTICLE.encode("utf-8"),
        check=lambda out, stdout: _equal(stdout, CLEANED),
    ),
    Case(
        "-o folder inside the input folder, from an earlier run",
        _output_inside,
        0,
        "2 files cleaned",
        None,
        check=_output_not_cleaned_again,
    ),
    Case("--fields that is no choice", _bad_fields, 2, "Invalid value for '--fields'"),
    Case(
        "a boolean flag given a value (--fail-fast true)",
        _flag_with_value,
        1,
        "error: true: no such file or folder",
        None,
    ),
]


def _equal(got: str, expected: str) -> None:
    assert got == expected, got
