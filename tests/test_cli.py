"""The `clean` command end to end: folders, globs, stdin, name collisions, exit codes."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from typer.testing import CliRunner

from cleaner.cli import app, main

from .conftest import SEEDS, expected_text

runner = CliRunner()
ARTICLE = "A paragraph of article text that is long enough to keep.\n\nADVERTISEMENT\n\nAnother paragraph.\n"


def invoke(*args: str, stdin: str | None = None):
    return runner.invoke(app, list(args), input=stdin)


def test_seeds_to_a_folder(tmp_path: Path) -> None:
    out = tmp_path / "out"
    result = invoke(*map(str, SEEDS), "-o", str(out))
    assert result.exit_code == 0, result.output
    for seed in SEEDS:
        assert (out / f"{seed.stem}.txt").read_text(encoding="utf-8") == expected_text(seed.stem)
        meta = json.loads((out / f"{seed.stem}.json").read_text(encoding="utf-8"))
        assert meta["source"] == str(seed) and meta["removed"]
    assert "5 files cleaned" in result.stderr and "0 errors" in result.stderr


def test_folder_is_searched_recursively_and_mirrored(tmp_path: Path) -> None:
    src = tmp_path / "in"
    (src / "a").mkdir(parents=True)
    (src / "b").mkdir()
    (src / "a" / "x.txt").write_text(ARTICLE, encoding="utf-8")
    (src / "b" / "x.md").write_text(ARTICLE, encoding="utf-8")
    (src / "b" / "skip.csv").write_text("a,b", encoding="utf-8")
    result = invoke(str(src), "-o", str(tmp_path / "out"))
    assert result.exit_code == 0, result.output
    written = sorted(
        p.relative_to(tmp_path / "out").as_posix() for p in (tmp_path / "out").rglob("*")
    )
    assert written == ["a", "a/x.json", "a/x.txt", "b", "b/x.json", "b/x.txt"]


def test_same_name_in_two_folders_does_not_overwrite(tmp_path: Path) -> None:
    for folder, word in (("one", "First"), ("two", "Second")):
        (tmp_path / folder).mkdir()
        (tmp_path / folder / "same.txt").write_text(
            f"{word} article paragraph.\n", encoding="utf-8"
        )
    result = invoke(
        str(tmp_path / "one" / "same.txt"),
        str(tmp_path / "two" / "same.txt"),
        "-o",
        str(tmp_path / "out"),
    )
    assert result.exit_code == 0
    assert (tmp_path / "out" / "one" / "same.txt").read_text() == "First article paragraph.\n"
    assert (tmp_path / "out" / "two" / "same.txt").read_text() == "Second article paragraph.\n"


def test_same_stem_twice_in_one_folder_is_refused_for_the_second(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text("Text one.\n", encoding="utf-8")
    (tmp_path / "a.md").write_text("Text two.\n", encoding="utf-8")
    result = invoke(str(tmp_path / "a.md"), str(tmp_path / "a.txt"), "-o", str(tmp_path / "out"))
    assert result.exit_code == 1
    assert "already taken" in result.stderr
    assert (tmp_path / "out" / "a.txt").read_text() == "Text two.\n"


def test_only_the_last_suffix_goes_and_no_output_lands_beside_the_folder(tmp_path: Path) -> None:
    """report.2023.txt and report.2024.txt are two outputs, not one overwriting the other; a
    name that is all suffix (..txt) is written inside -o, never as -o's own name plus .txt."""
    (tmp_path / "in" / "sub").mkdir(parents=True)
    names = ("report.2023.txt", "report.2024.txt", "report.txt", "..txt", "sub/..txt")
    for name in names:
        (tmp_path / "in" / name).write_text(f"Article paragraph of {name}.\n", encoding="utf-8")
    result = invoke(str(tmp_path / "in"), "-o", str(tmp_path / "out"))
    assert result.exit_code == 0
    for name, output in zip(names, ("report.2023", "report.2024", "report", "..txt", "sub/..txt")):
        text = (tmp_path / "out" / f"{output}.txt").read_text(encoding="utf-8")
        assert text == f"Article paragraph of {name}.\n"
        assert (tmp_path / "out" / f"{output}.json").is_file()
    assert sorted(p.name for p in tmp_path.iterdir()) == ["in", "out"]


def test_glob_argument(tmp_path: Path) -> None:
    shutil.copy(SEEDS[0], tmp_path / "s.txt")
    result = invoke(str(tmp_path / "*.txt"), "-o", str(tmp_path / "out"))
    assert result.exit_code == 0 and (tmp_path / "out" / "s.txt").exists()


def test_a_recursive_glob_stays_in_its_folder(tmp_path: Path) -> None:
    """`**` enters no linked folder (one linked to `/` walked the whole machine) and a linked
    file out of the folder is refused, as in a folder walk; a hidden name is no match."""
    (tmp_path / "in" / "sub").mkdir(parents=True)
    (tmp_path / "away").mkdir()
    for path in ("in/sub/a.txt", "in/.hidden.txt", "away/b.txt"):
        (tmp_path / path).write_text(ARTICLE, encoding="utf-8")
    (tmp_path / "in" / "linked").symlink_to(tmp_path / "away", target_is_directory=True)
    (tmp_path / "in" / "c.txt").symlink_to(tmp_path / "away" / "b.txt")
    result = invoke(str(tmp_path / "in" / "**" / "*.txt"), "-o", str(tmp_path / "out"))
    assert result.exit_code == 1 and "c.txt: is a symbolic link out of the folder" in result.stderr
    written = sorted(
        p.relative_to(tmp_path / "out").as_posix() for p in (tmp_path / "out").rglob("*.txt")
    )
    assert written == ["a.txt"]


def test_a_bad_input_fails_alone_and_the_rest_is_written(tmp_path: Path) -> None:
    (tmp_path / "good.txt").write_text(ARTICLE, encoding="utf-8")
    (tmp_path / "binary.txt").write_bytes(b"\x00\x01\x02binary")
    result = invoke(
        str(tmp_path / "good.txt"),
        str(tmp_path / "binary.txt"),
        str(tmp_path / "missing.txt"),
        "-o",
        str(tmp_path / "out"),
    )
    assert result.exit_code == 1
    assert "binary.txt: looks like a binary file" in result.stderr
    assert "missing.txt: no such file" in result.stderr
    assert (
        (tmp_path / "out" / "good.txt").read_text()
        == "A paragraph of article text that is long enough to keep.\n\nAnother paragraph.\n"
    )
    assert not (tmp_path / "out" / "binary.txt").exists()
    assert not list((tmp_path / "out").glob(".*tmp"))


def test_outputs_never_leave_the_output_folder_through_a_link(tmp_path: Path) -> None:
    """A link left in -o (to a file, or a subfolder) was written through, out of the folder."""
    (tmp_path / "in" / "sub").mkdir(parents=True)
    for name in ("a.txt", "b.txt", "sub/c.txt"):
        (tmp_path / "in" / name).write_text(ARTICLE, encoding="utf-8")
    (tmp_path / "out").mkdir()
    victim, elsewhere = tmp_path / "victim.txt", tmp_path / "elsewhere"
    victim.write_text("mine", encoding="utf-8")
    elsewhere.mkdir()
    (tmp_path / "out" / "a.txt").symlink_to(victim)
    (tmp_path / "out" / "sub").symlink_to(elsewhere, target_is_directory=True)
    result = invoke(str(tmp_path / "in"), "-o", str(tmp_path / "out"))
    assert (
        result.exit_code == 1 and result.stderr.count("a symbolic link out of the -o folder") == 2
    )
    assert victim.read_text(encoding="utf-8") == "mine" and not list(elsewhere.iterdir())
    assert (tmp_path / "out" / "b.txt").read_text(encoding="utf-8").startswith("A paragraph")


def test_outputs_never_overwrite_inputs(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text(ARTICLE, encoding="utf-8")
    result = invoke(str(tmp_path / "a.txt"), "-o", str(tmp_path))
    assert result.exit_code == 1 and "overwrite an input" in result.stderr
    assert (tmp_path / "a.txt").read_text() == ARTICLE


def test_stdin_text_and_json() -> None:
    result = invoke("-", stdin=ARTICLE)
    assert result.exit_code == 0
    assert (
        result.stdout
        == "A paragraph of article text that is long enough to keep.\n\nAnother paragraph.\n"
    )
    data = json.loads(invoke("-", "--format", "json", stdin=ARTICLE).stdout)
    assert data["text"] == result.stdout
    assert data["metadata"]["removed"][0]["rule"] == "generic.advertisement"


def test_stdin_with_url_detects_the_outlet() -> None:
    data = json.loads(
        invoke("-", "-f", "json", "--url", "https://www.vice.com/x", stdin=ARTICLE).stdout
    )
    assert data["metadata"]["outlet"]["id"] == "vice"


@pytest.mark.parametrize(
    "args",
    [
        ("seeds",),  # files need -o
        ("-", "seeds/000_5938591f714865dd.txt"),
        ("--outlet", "nope", "-"),
        ("--rules", "/no/such/folder", "-"),
        ("--format", "xml", "-"),
    ],
)
def test_usage_errors_exit_2(args: tuple[str, ...]) -> None:
    assert invoke(*args, stdin="x").exit_code == 2


def test_extra_rules_folder_and_forced_outlet(tmp_path: Path) -> None:
    (tmp_path / "local.yaml").write_text(
        "id: local\nname: Local News\ndomains: [local.example]\nrules:\n"
        "  - {id: promo, kind: promo, action: drop, text: 'Buy our mug'}\n",
        encoding="utf-8",
    )
    result = invoke(
        "--rules",
        str(tmp_path),
        "--outlet",
        "local",
        "-f",
        "json",
        "-",
        stdin="Buy our mug\n\nNews.\n",
    )
    data = json.loads(result.stdout)
    assert data["text"] == "News.\n"
    assert data["metadata"]["outlet"] == {
        "id": "local",
        "name": "Local News",
        "detected_by": "forced",
        "evidence": [],
    }


def test_version() -> None:
    result = invoke("--version")
    assert result.exit_code == 0 and result.stdout.startswith("cleaner ")


def test_installed_console_script_reads_stdin() -> None:
    exe = Path(sys.executable).with_name("clean")
    done = subprocess.run([str(exe), "-"], input=ARTICLE.encode(), capture_output=True, check=True)
    assert (
        done.stdout.decode()
        == "A paragraph of article text that is long enough to keep.\n\nAnother paragraph.\n"
    )


def test_main_dispatches_rules_and_explain_and_cleans_everything_else(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    with pytest.raises(SystemExit) as done:
        main(["rules", "list"])
    assert done.value.code == 0 and "theglobeandmail" in capsys.readouterr().out
    with pytest.raises(SystemExit) as done:
        main(["explain", str(SEEDS[0])])
    assert done.value.code == 0 and capsys.readouterr().out.startswith("outlet: themoscowtimes")
    monkeypatch.chdir(
        tmp_path
    )  # a folder that happens to be called `rules` is cleaned as `./rules`
    Path("rules").mkdir()
    Path("rules", "a.txt").write_text(ARTICLE, encoding="utf-8")
    with pytest.raises(SystemExit) as done:
        main([f".{os.sep}rules", "-o", "out"])
    assert done.value.code == 0 and Path("out", "a.txt").exists()


def test_help_names_the_subcommands() -> None:
    result = invoke("--help")
    assert "clean explain FILE" in result.stdout and "clean rules --help" in result.stdout


def test_help_loads_no_pipeline() -> None:
    """`clean --help` must answer at once: the pipeline, pydantic and trafilatura load only
    when a command runs, and importlib.metadata (the version) only when asked (its timing is in
    scripts/bench.py)."""
    code = "import sys, cleaner.cli; print(sorted(m for m in ('cleaner.pipeline', 'trafilatura', 'pydantic', 'importlib.metadata') if m in sys.modules))"
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert done.stdout.strip() == "[]"


def test_text_input_loads_no_html_extractor() -> None:
    """trafilatura and htmldate load with the first HTML page, not for text or for the packs'
    CSS selectors (they cost a quarter of a second)."""
    code = (
        "import sys; from cleaner import Cleaner; Cleaner().clean_text('A text, not a page.'); "
        "print(sorted(m for m in ('trafilatura', 'htmldate') if m in sys.modules))"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert done.stdout.strip() == "[]"


@pytest.mark.parametrize("limit", ["inf", "1e7", "-1"])
def test_a_time_limit_the_timer_cannot_keep_is_a_usage_error(limit: str) -> None:
    """`--time-limit inf` failed every input with an OverflowError from the timer."""
    result = invoke("-", "--time-limit", limit, stdin=ARTICLE)
    assert result.exit_code == 2 and "--time-limit" in result.stderr


def test_an_endless_time_limit_from_python_is_no_limit() -> None:
    from cleaner.budget import hard_limit, time_limit

    with time_limit(float("inf")):
        pass
    assert hard_limit(float("inf")) is None and hard_limit(10.0) == 40.0
