"""Every row of the README's "Bad input" table, run through the `clean` command: what the user
sees on stderr, the exit code, and what is (or is not) written. Each error row also cleans a
good file beside the bad one, which must still be written."""

from __future__ import annotations

import codecs
import json
import os
import re
from collections.abc import Callable
from pathlib import Path

import pytest
from typer.testing import CliRunner

from cleaner.cli import app
from cleaner.read import CP1252_FALLBACK

from ..conftest import ROOT, expected_text
from . import test_signals
from .bad_input_cases import CASES_13, Case, file_
from .bad_input_cases_15 import CASES_15
from .hostile import CATASTROPHIC, HOSTILE_LINE

ARTICLE = (
    "A paragraph of article text about the Café that is long enough to keep, with some words in it.\n\n"
    "Another paragraph of the article, “quoted” and long enough to keep as well.\n"
)
LATIN_1 = ARTICLE.replace("“quoted”", "«quoted»")  # latin-1 has no curly quotes
GOOD = "Good article text in a paragraph of its own, long enough to be kept by the cleaner.\n"
SEED = ROOT / "seeds" / "004_904d19f1e7a1825b.txt"
SEED_CLEANED = expected_text(SEED.stem)
NUL_RUN = b"\n" + b"\0" * 64 + b"\n"  # a hole in a file a crawler wrote, as a line of its own
SPARSE_SIZE = 100 * 2**20
LONG_LINE = (
    "The minister said on Monday that the quick brown fox jumps over the lazy dog. " * 64_000
)  # 5 MB
PACK = f"""\
format: 1
id: hostile
name: Hostile
domains: [hostile.example]
rules:
  - id: catastrophe
    kind: promo
    action: drop
    pattern: '{CATASTROPHIC}'
  - id: ad
    kind: advertisement
    action: drop
    text: ADVERTISEMENT
"""

runner = CliRunner()


def _made(make: Callable[[Path], object], arg: str = "x.txt") -> Callable[[Path], list[str]]:
    """A path made by `make` (a link, a pipe, a folder…) next to the good file."""

    def setup(folder: Path) -> list[str]:
        make(folder / arg)
        return [str(folder / arg), str(folder / "good.txt")]

    return setup


def _with_args(setup: Callable[[Path], list[str]], *extra: str) -> Callable[[Path], list[str]]:
    return lambda folder: [*setup(folder), *extra]


def _sparse(path: Path) -> None:
    with path.open("wb") as handle:
        handle.truncate(SPARSE_SIZE)


def _unreadable(path: Path) -> None:
    path.write_text(ARTICLE, encoding="utf-8")
    path.chmod(0)


def _loop(path: Path) -> None:
    path.symlink_to(path.with_name("y.txt"))
    path.with_name("y.txt").symlink_to(path)


def _empty_folder(path: Path) -> None:
    path.mkdir()
    (path / "notes.csv").write_text("a,b\n", encoding="utf-8")


def _two_same_stems(folder: Path) -> list[str]:
    (folder / "x.md").write_text(ARTICLE, encoding="utf-8")
    (folder / "x.txt").write_text(GOOD, encoding="utf-8")
    return [str(folder / "x.md"), str(folder / "x.txt"), str(folder / "good.txt")]


def _into_input_folder(folder: Path) -> list[str]:
    (folder / "x.txt").write_text(ARTICLE, encoding="utf-8")
    return [str(folder / "x.txt"), "-o", str(folder)]


def _out_is_a_file(folder: Path) -> list[str]:
    (folder / "x.txt").write_text(ARTICLE, encoding="utf-8")
    (folder / "out").write_text("", encoding="utf-8")
    return [str(folder / "x.txt"), "-o", str(folder / "out")]


def _fail_fast(folder: Path) -> list[str]:
    (folder / "x.txt").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR")
    (folder / "z.txt").write_text(ARTICLE, encoding="utf-8")
    return [str(folder / "good.txt"), str(folder / "x.txt"), str(folder / "z.txt"), "--fail-fast"]


def _already_done(folder: Path) -> list[str]:
    (folder / "x.txt").write_text(ARTICLE, encoding="utf-8")
    for suffix in (".txt", ".json"):
        (folder.parent / "out" / "x").with_suffix(suffix).write_text(
            "done before\n", encoding="utf-8"
        )
    return [str(folder / "x.txt"), str(folder / "good.txt"), "--skip-existing"]


def _pack(folder: Path) -> list[str]:
    (folder.parent / "hostile.yaml").write_text(PACK, encoding="utf-8")
    (folder / "x.txt").write_text(f"{ARTICLE}\nADVERTISEMENT\n\n{HOSTILE_LINE}\n", encoding="utf-8")
    return [
        str(folder / "x.txt"),
        str(folder / "good.txt"),
        "--rules",
        str(folder.parent / "hostile.yaml"),
        "--outlet",
        "hostile",
    ]


def _broken_pack(name: str) -> Callable[[Path], list[str]]:
    return lambda folder: [
        str(folder / "good.txt"),
        "--rules",
        str(ROOT / "tests" / "packs" / "broken" / name),
    ]


CASES = [
    Case("empty file", file_(b""), 0, "x.txt: the input is empty", ""),
    Case("whitespace only", file_(b" \n\t\n  \r\n"), 0, "x.txt: the input is only whitespace", ""),
    Case(
        "zero-width characters only",
        file_("\u200b\u200c\n\u2060\n"),
        0,
        "x.txt: no article text left after cleaning",
        "",
    ),
    Case(
        "binary file (PNG)",
        file_(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256))),
        1,
        "x.txt: looks like a binary file",
    ),
    Case(
        "NUL bytes mid-file",
        file_(NUL_RUN.join(SEED.read_bytes().split(b"\n\n", 1))),
        0,
        "x.txt: removed 64 control characters",
        SEED_CLEANED,
    ),
    Case(
        "control characters and terminal escapes",
        file_(ARTICLE.replace("long", "long\a", 1).replace("quoted", "\x1b[1mquoted\x1b[0m")),
        0,
        "x.txt: removed 3 control characters",
        ARTICLE,
    ),
    Case(
        "UTF-8 with a BOM",
        file_(codecs.BOM_UTF8 + ARTICLE.encode()),
        0,
        "",
        ARTICLE,
        {"encoding": "utf-8-sig"},
    ),
    Case(
        "UTF-16 LE with a BOM",
        file_(codecs.BOM_UTF16_LE + ARTICLE.encode("utf-16-le")),
        0,
        "",
        ARTICLE,
        {"encoding": "utf-16"},
    ),
    Case(
        "UTF-16 BE with a BOM",
        file_(codecs.BOM_UTF16_BE + ARTICLE.encode("utf-16-be")),
        0,
        "",
        ARTICLE,
        {"encoding": "utf-16"},
    ),
    Case(
        "UTF-16 without a BOM",
        file_(ARTICLE.encode("utf-16-le")),
        0,
        "",
        ARTICLE,
        {"encoding": "utf-16-le"},
    ),
    Case(
        "UTF-32 with a BOM", file_(ARTICLE.encode("utf-32")), 0, "", ARTICLE, {"encoding": "utf-32"}
    ),
    Case(
        "UTF-16 cut off mid-character",
        file_(ARTICLE.encode("utf-16")[:-1]),
        0,
        "x.txt: some bytes are not valid utf-16; each became U+FFFD",
        ARTICLE[:-1] + "\ufffd\n",
    ),
    Case("Windows-1252", file_(ARTICLE.encode("cp1252")), 0, "", ARTICLE, {"encoding": "cp1252"}),
    Case("latin-1", file_(LATIN_1.encode("latin-1")), 0, "", LATIN_1, {"encoding": "cp1252"}),
    Case(
        "mojibake (UTF-8 once read as cp1252)",
        file_(ARTICLE.encode().decode("cp1252", CP1252_FALLBACK).encode()),
        0,
        "x.txt: repaired mojibake",
        ARTICLE,
        {"encoding": "utf-8"},
    ),
    Case(
        "invalid bytes in UTF-8 text",
        file_(ARTICLE.encode().replace("“".encode(), b"\x93")),
        0,
        "x.txt: bytes not valid UTF-8 (1) read as cp1252",
        ARTICLE,
        {"encoding": "utf-8"},
    ),
    Case("Windows line ends (CRLF)", file_(ARTICLE.replace("\n", "\r\n")), 0, "", ARTICLE),
    Case("old Mac line ends (CR)", file_(ARTICLE.replace("\n", "\r")), 0, "", ARTICLE),
    Case("a single 5 MB line", file_(LONG_LINE), 0, "", LONG_LINE.strip() + "\n"),
    Case(
        "a word 100,000 characters long",
        file_(ARTICLE + "\n" + "x" * 100_000 + "\n"),
        0,
        "",
        ARTICLE + "\n" + "x" * 100_000 + "\n",
    ),
    Case(
        "over the size limit (100 MiB)",
        _made(_sparse),
        1,
        "x.txt: is 104,857,600 bytes, over the --max-bytes limit of 52,428,800",
    ),
    Case(
        "over a lowered --max-bytes",
        _with_args(file_(ARTICLE), "--max-bytes", "100"),
        1,
        "over the --max-bytes limit of 100",
    ),
    Case(
        "missing file",
        lambda folder: [str(folder / "x.txt"), str(folder / "good.txt")],
        1,
        "x.txt: no such file or folder",
    ),
    Case(
        "folder with no .txt, .md or .html files",
        _made(_empty_folder, "x"),
        1,
        "x: folder has no .txt, .md, .html or .htm files",
    ),
    Case(
        "unreadable file (chmod 000)",
        _made(_unreadable),
        1,
        "x.txt: permission denied",
        root_skips=True,
    ),
    Case(
        "broken symbolic link",
        _made(lambda p: p.symlink_to(p.with_name("gone.txt"))),
        1,
        "x.txt: is a broken symbolic link",
    ),
    Case("symbolic link loop", _made(_loop), 1, "x.txt: is a broken symbolic link"),
    Case("named pipe (FIFO)", _made(os.mkfifo), 1, "x.txt: is not a regular file"),
    Case(
        "glob matching nothing",
        lambda folder: [str(folder / "*.nothing"), str(folder / "good.txt")],
        1,
        "pattern matches no file",
    ),
    Case(
        "two inputs, one output name (x.md, x.txt)",
        _two_same_stems,
        1,
        "x.txt: output name x.txt is already taken",
        ARTICLE,
    ),
    Case("output would overwrite an input", _into_input_folder, 1, "would overwrite an input"),
    Case("output folder is an existing file", _out_is_a_file, 2, "is a file, not a folder"),
    Case("--fail-fast and a bad input", _fail_fast, 1, "stopped at the first error (--fail-fast)"),
    Case(
        "--skip-existing after a complete run",
        _already_done,
        0,
        "1 skipped (outputs exist)",
        "done before\n",
    ),
    Case(
        "binary data on stdin",
        lambda folder: ["-"],
        1,
        "-: looks like a binary file",
        stdin=b"\x00\x01\x02\x03binary",
    ),
    Case(
        "stdin over --max-bytes",
        lambda folder: ["-", "--max-bytes", "10"],
        1,
        "-: over the --max-bytes limit of 10",
        stdin=ARTICLE.encode(),
    ),
    Case(
        "pack rule with a catastrophic regex",
        _pack,
        0,
        f"x.txt: rule hostile.catastrophe skipped: pattern '{CATASTROPHIC}' timed out after 1 s",
        f"{ARTICLE}\n{HOSTILE_LINE}\n",
    ),
    Case(
        "pack rule with a broken replacement",
        _broken_pack("bad-replacement.yaml"),
        2,
        "bad-replacement.yaml:11:5: rules[0].with: replacement '\\1' does not fit pattern 'Caf[eé]': no such group",
    ),
    Case(
        "pack with a !!python tag",
        _broken_pack("python-tag.yaml"),
        2,
        "unsupported tag 'tag:yaml.org,2002:python/object/apply:os.system'",
    ),
    *CASES_13,
    *CASES_15,
]
# Rows of the README's table of killed runs: each names its test in test_signals.py.
RUN_ROWS = {
    "a worker killed from outside (as by the OOM killer)": "test_a_worker_killed_from_outside_costs_no_output",
    "SIGTERM or Ctrl-C to clean -j 2": "test_sigterm_and_ctrl_c_end_the_run_and_its_workers_cleanly",
    "SIGKILL to clean -j 2": "test_workers_die_with_their_parent",
    "SIGTERM during --jsonl -o": "test_sigterm_during_jsonl_output_leaves_no_temporary_file",
}


def _readme_rows() -> list[tuple[str, str]]:
    """(input, exit code or test) of each row of the README's "Bad input" tables."""
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    section = readme.split("\n## Bad input\n", 1)[1].split("\n## ", 1)[0]
    rows = re.findall(r"^\| (.+?) \| .+ \| (\d|`test_\w+`) \|$", section, re.MULTILINE)
    return [(name.replace("`", ""), last.strip("`")) for name, last in rows]


def test_the_readme_tables_list_every_case_with_its_exit_code_or_test() -> None:
    expected = [(case.name, str(case.code)) for case in CASES] + list(RUN_ROWS.items())
    assert _readme_rows() == [(name.replace("`", ""), last) for name, last in expected]
    assert all(hasattr(test_signals, test) for test in RUN_ROWS.values())


@pytest.mark.parametrize("case", CASES, ids=[case.name for case in CASES])
def test_bad_input(case: Case, tmp_path: Path) -> None:
    if case.root_skips and os.geteuid() == 0:
        pytest.skip("running as root, which reads a chmod 000 file anyway")
    folder, out = tmp_path / "in", tmp_path / "out"
    folder.mkdir()
    out.mkdir()
    (folder / "good.txt").write_text(GOOD, encoding="utf-8")
    args = case.setup(folder)
    no_out = "-o" in args or "-" in args or case.command is not app
    result = runner.invoke(
        case.command, args if no_out else [*args, "-o", str(out)], input=case.stdin
    )
    assert result.exit_code == case.code, result.output
    assert case.says in result.stderr
    assert "Traceback" not in result.output
    written = out / "x.txt"
    if case.check is not None:
        case.check(out, result.stdout)
    elif case.text is None:
        assert not written.exists()
    else:
        assert written.read_text(encoding="utf-8") == case.text
    if case.metadata:
        metadata = json.loads(written.with_suffix(".json").read_text(encoding="utf-8"))
        assert {key: metadata[key] for key in case.metadata} == case.metadata
    if case.code == 1 and "good.txt" in " ".join(args) and "--fail-fast" not in args:
        assert (out / "good.txt").read_text(encoding="utf-8") == GOOD, (
            "the rest of the batch is still written"
        )
    assert not [p for p in out.rglob("*") if p.name.endswith(".tmp")]


def test_fail_fast_stops_before_the_inputs_after_the_bad_one(tmp_path: Path) -> None:
    folder, out = tmp_path / "in", tmp_path / "out"
    folder.mkdir()
    (folder / "good.txt").write_text(GOOD, encoding="utf-8")
    result = runner.invoke(app, [*_fail_fast(folder), "-o", str(out)])
    assert result.exit_code == 1
    assert (out / "good.txt").read_text(encoding="utf-8") == GOOD, (
        "what was written before the error is kept"
    )
    assert not (out / "z.txt").exists()


def test_fail_fast_stops_at_a_missing_input_before_cleaning_anything(tmp_path: Path) -> None:
    (tmp_path / "good.txt").write_text(GOOD, encoding="utf-8")
    args = [
        str(tmp_path / "good.txt"),
        str(tmp_path / "missing.txt"),
        str(tmp_path / "gone.txt"),
        "-o",
        str(tmp_path / "out"),
        "--fail-fast",
    ]
    result = runner.invoke(app, args)
    assert result.exit_code == 1
    assert re.findall(r"error: .*", result.stderr) == [
        f"error: {tmp_path / 'missing.txt'}: no such file or folder"
    ]
    assert not (tmp_path / "out").exists()


def test_the_same_input_gives_byte_identical_outputs(tmp_path: Path) -> None:
    inputs = [str(p) for p in sorted((ROOT / "seeds").glob("*.txt"))]
    first, second = tmp_path / "first", tmp_path / "second"
    for out in (first, second):
        assert runner.invoke(app, [*inputs, "-o", str(out)]).exit_code == 0
    names = sorted(p.name for p in first.iterdir())
    assert names == sorted(p.name for p in second.iterdir()) and len(names) == 2 * len(inputs)
    for name in names:
        assert (first / name).read_bytes() == (second / name).read_bytes(), name


def test_skip_existing_does_not_hide_an_output_that_is_an_input(tmp_path: Path) -> None:
    (tmp_path / "x.txt").write_text(ARTICLE, encoding="utf-8")
    (tmp_path / "x.json").write_text("{}\n", encoding="utf-8")
    result = runner.invoke(app, [str(tmp_path / "x.txt"), "-o", str(tmp_path), "--skip-existing"])
    assert result.exit_code == 1 and "would overwrite an input" in result.stderr
    assert (tmp_path / "x.txt").read_text(encoding="utf-8") == ARTICLE
